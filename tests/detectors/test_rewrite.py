"""Rewrite damage (QC401-QC410): each code fires on spun or round-trip-translated copy, with the
exact span, and the family stays silent on clean professional prose."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest
from detector_cases import HARD_CLEAN, family_findings, spans

from qualcheck.detectors import run_all
from qualcheck.text import Doc

FAMILY = "rewrite"


def _lexicon() -> dict[str, list[str]]:
    """The spinner lexicon the detector reads: phrase -> its spun forms."""
    raw = resources.files("qualcheck.data").joinpath("spun_phrases.tsv").read_text("utf-8")
    out: dict[str, list[str]] = {}
    for line in raw.splitlines()[1:]:
        if line.strip():
            phrase, spun, _domain = line.split("\t")
            out[phrase] = [s.strip() for s in spun.split("|") if s.strip()]
    return out


LEXICON = _lexicon()
# A handful of real entries; each must still be in the lexicon file.
SPUN_PHRASES = ["press conference", "artificial intelligence", "prime minister", "white house", "opinion poll"]


def _in_sentence(phrase: str) -> str:
    return f"Officials said the {phrase} was discussed at length on Monday."


# --- damaged copy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        pytest.param(
            "QC401",
            "The United States blamed Kata\u2019ib Hezbollah for the strike on Sunday.\n\n"
            "Officials said Kata\u2019ib Hezbollah had used drones before.\n\n"
            "A spokesman for Qatib Hizbollah denied any role in the attack.",
            ["Qatib", "Hizbollah"],
            id="QC401-two-word-name-drifts-whole",
        ),
        (
            "QC401",
            "The United States blamed Kata\u2019ib Hezbollah for the strike on Sunday.\n\n"
            "Officials said Kata\u2019ib Hezbollah had used drones before.\n\n"
            "A spokesman for Kata\u2019ib Hizbollah denied any role in the attack.",
            ["Hizbollah"],
        ),
        (
            "QC401",
            "The strike killed General Qassem Soleimani in January.\n\n"
            "Iran vowed revenge for Soleimani, and officials said Suleimani would be avenged.",
            ["Suleimani"],
        ),
        (
            "QC401",
            "The strike killed General Qassem Soleimani in January.\n\n"
            "Thousands mourned Qassem Suleimani in Tehran. Leaders praised Soleimani at the funeral.",
            ["Suleimani"],
        ),
        ("QC404", "The vote was held in Monday.", ["in Monday"]),
        ("QC404", "The law was passed on 2020.", ["on 2020"]),
        ("QC404", "He saw the a car outside the embassy.", ["the a"]),
        ("QC404", "It was a important day for the city.", ["a important"]),
        pytest.param(
            "QC404",
            "It was an big day for the city.",
            ["an big"],
            id="QC404-an-before-short-consonant-word",
        ),
        ("QC404", "It was an serious blow to the government.", ["an serious"]),
        ("QC404", "The toll rose to 40, according to the ministry said.", ["according to the ministry said"]),
        ("QC410", "Mortgage charges rose to six.7% in the spring.", ["six.7"]),
        ("QC410", "The fund lost Twelve.5 million and 3.five points.", ["Twelve.5", "3.five"]),
    ],
)
def test_fires_on_damage(code: str, text: str, expected: list[str]) -> None:
    assert spans(text, code) == expected


@pytest.mark.parametrize("phrase", SPUN_PHRASES)
def test_spun_forms_from_the_lexicon_fire(phrase: str) -> None:
    forms = LEXICON[phrase]
    assert forms
    for form in forms:
        text = _in_sentence(form)
        assert spans(text, "QC402") == [form], form


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Squeeze gathering organisers expected a crowd.", ["Squeeze gathering"]),
        (
            "The firm invests in counterfeit consciousness and fake insight.",
            ["counterfeit consciousness", "fake insight"],
        ),
        pytest.param(
            _in_sentence("citizens' cash"),
            ["citizens' cash"],
            id="QC402-form-ending-in-apostrophe",
        ),
    ],
)
def test_spun_forms_fire_in_context(text: str, expected: list[str]) -> None:
    assert spans(text, "QC402") == expected


# --- clean copy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text",
    [
        ("QC401", "President Joe Biden spoke on Thursday. Later, aides said Biden would travel."),
        ("QC401", "President Joe Biden spoke on Thursday. Later, aides said Biden\u2019s plan was ready."),
        ("QC401", "President Joe Biden spoke on Thursday. Later, aides said Biden's plan was ready."),
        (
            "QC401",
            "Inspectors from the International Atomic Energy Agency (IAEA) arrived on Monday. "
            "Officials said the IAEA had sealed the site.",
        ),
        ("QC401", "Aides said Mr. Biden would speak on Thursday. Officials said Joe Biden would travel."),
        ("QC401", "Talks with Iran stalled. An Iranian official said the talks with Iran were over."),
        ("QC401", "Troops left Ukraine. A Ukrainian soldier said the war in Ukraine was not over."),
        ("QC401", "The poet met Jan Zieli\u0144ski in Warsaw. Later his wife Anna Zieli\u0144ska read the poem."),
        ("QC401", "The wing Ollie Smith scored twice. The veteran Olly Barkley kicked the conversion."),
        ("QC401", "The striker Mohammed Salah scored twice. The boxer Muhammad Ali watched from the stands."),
        ("QC401", "The forward Stefan Schmidt scored twice. The goalkeeper Stephan Becker saved a penalty."),
        ("QC401", "The vote is on Friday. The lawyer Farida Khan said she would attend on Friday."),
        pytest.param(
            "QC401",
            "The chip maker was founded by Zhang Zhong in Shanghai. Analysts say Zhang Zhong built the fabs "
            "with state money.",
            id="QC401-surname-and-given-name-of-one-skeleton",
        ),
        ("QC402", "Officials held a press conference on Monday."),
        ("QC402", "The firm invests in artificial intelligence."),
        ("QC402", "He had to squeeze, gathering what he could before the doors shut."),
        ("QC404", "The vote was held on Monday."),
        ("QC404", "The law was passed in 2020."),
        ("QC404", "Output is back at 2023 levels."),
        ("QC404", "Turnout in Tuesday\u2019s election was low."),
        ("QC404", "The match is in Monday night's programme."),
        ("QC404", "It took an hour to count the votes."),
        ("QC404", "She went to a university in Leeds."),
        ("QC404", "It was a one-time payment."),
        ("QC404", "He met an FBI agent in Miami."),
        ("QC404", "The email came from an fbi.gov address."),
        ("QC404", "It is an historic day for the city."),
        ("QC404", "Pupils received the A-level results on Thursday."),
        ("QC404", "The debt, according to the ministry, was large, officials said."),
        pytest.param(
            "QC404",
            "She sings in the a cappella group at her school.",
            id="QC404-a-cappella",
        ),
        pytest.param(
            "QC404",
            "Gold was fixed at $1,900 in the a.m. fix in London.",
            id="QC404-the-am-fix",
        ),
        pytest.param(
            "QC404",
            "The report, according to critics who said it was flawed, was withdrawn.",
            id="QC404-according-to-relative-clause",
        ),
        ("QC410", "Version 2.0 of the app cost 1.5 million. One user said it was fine."),
        ("QC410", "Sales rose 6.7% in 2021.One analyst called it one of the best years; see www.one.com."),
    ],
)
def test_clean_near_misses(code: str, text: str) -> None:
    assert spans(text, code) == []
    assert family_findings(text, FAMILY) == []


def test_original_phrases_of_the_lexicon_do_not_fire() -> None:
    fired = [p for p in LEXICON if spans(_in_sentence(p), "QC402")]
    assert fired == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_rewrite_findings(text: str) -> None:
    assert family_findings(text, FAMILY) == []


def test_rarest_word_lookup_finds_what_a_first_word_scan_finds() -> None:
    """Spun forms are looked up under their rarest word; the findings must be those of a plain
    scan from each word, preferring the longest form and never overlapping."""
    import random

    from qualcheck.detectors.rewrite import tortured_phrases
    from qualcheck.lexicon import _WORDS, spun_phrases
    from qualcheck.text import Doc

    forms = sorted(
        ((tuple(w.strip("'’") for w in _WORDS.findall(f)), order, p)
         for order, (p, f) in enumerate((p, f) for p, fs in spun_phrases().items() for f in fs)),
        key=lambda e: (-len(e[0]), e[1]),
    )  # fmt: skip

    def reference(doc: Doc) -> list[tuple[int, int, str]]:
        out, i, words = [], 0, doc.words
        while i < len(words):
            for ws, _order, phrase in forms:
                if words[i : i + len(ws)] == ws and all(
                    doc.text[a[1] : b[0]] in {" ", "-", "' ", "’ "}
                    for a, b in zip(doc.tokens[i : i + len(ws)], doc.tokens[i + 1 : i + len(ws)], strict=False)
                ):
                    out.append((doc.tokens[i][0], doc.tokens[i + len(ws) - 1][1], f"a spun form of '{phrase}'"))
                    i += len(ws) - 1
                    break
            i += 1
        return out

    rng = random.Random(3)
    units = [" ".join(ws) for ws, _, _ in forms]  # whole forms, and their words alone
    pieces = [*rng.sample(units, 300), *(w for u in rng.sample(units, 300) for w in u.split()), "the", "a", "in"]
    found = 0
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(3, 40)))
        doc = Doc(text)
        expected = reference(doc)
        found += len(expected)
        assert [(f.start, f.end, f.message) for f in tortured_phrases(doc)] == expected, text
    assert found > 100


# --- off-topic paragraph (QC406) --------------------------------------------------------------

BUDGET_STORY = [
    "Harlow District Council approved a budget of 212 million pounds on Tuesday night, raising council tax "
    "by 4.9 percent and closing two of the district's five libraries to cover a shortfall in social care.",
    "The budget passed by 23 votes to 17 after a four-hour meeting in which opposition councillors argued "
    "that the library closures would fall hardest on older residents and on families without internet "
    "access at home.",
    "Council leader Margaret Osei said the choice had been forced on the council by rising demand for adult "
    'social care, which now takes 41 percent of the budget. "Nobody on this council wanted to close a '
    'library," she said. "But social care is a legal duty and libraries, sadly, are not."',
    "Under the plan, the libraries in Church Langley and Old Harlow will close in April. Their book stock "
    "will move to the remaining three libraries, and a mobile library van will visit both neighbourhoods "
    "twice a week, the council said.",
    "Opposition leader David Pryce said his group had proposed keeping the libraries open by cutting the "
    'council\'s spending on consultants and selling an empty office block. "The money was there," he said. '
    '"The council chose libraries over consultants."',
    "Residents have until the end of March to respond to a consultation on the mobile library timetable. "
    "The council tax rise will appear on bills sent out in March, adding about 88 pounds a year to a "
    "typical band D bill in the district.",
]
OFF_TOPIC = (
    "The rover's landing was confirmed by a signal relayed through an orbiting satellite eleven minutes "
    "after touchdown, and engineers at mission control in Pasadena cheered as the first grainy images of "
    "the crater floor appeared on their screens, showing scattered rocks and a distant ridge of dust."
)


def test_off_topic_paragraph_is_found_exactly() -> None:
    text = "\n\n".join([*BUDGET_STORY[:3], OFF_TOPIC, *BUDGET_STORY[3:]])
    assert spans(text, "QC406") == [OFF_TOPIC]


SPLICED_FOUND = (4, 7, 19, 21, 28)  # indexes of corpus articles (and generator seeds)


@pytest.mark.parametrize("seed", range(len(SPLICED_FOUND)))
def test_off_topic_paragraphs_from_the_generator_are_found_exactly(seed: int) -> None:
    """Paragraphs of other stories spliced into corpus articles by the generator (the first
    five articles QC406 finds them in): the finding is exactly the paragraph it recorded."""
    from qualcheck.corpora import read_articles
    from qualcheck.corrupt import corrupt

    articles = read_articles(Path(__file__).resolve().parents[2] / "corpora")
    a, donor = articles[SPLICED_FOUND[seed]], articles[(SPLICED_FOUND[seed] + len(articles) // 2) % len(articles)]
    v = corrupt(a.text, seed=SPLICED_FOUND[seed], kinds=["spliced-paragraph"], count=1, donor=donor.text)
    (damage,) = v.damages
    assert spans(v.text, "QC406") == [v.text[damage.start : damage.end].strip()]


def test_coherent_article_has_no_off_topic_paragraph() -> None:
    assert spans("\n\n".join(BUDGET_STORY), "QC406") == []


def test_off_topic_paragraph_needs_paragraphs() -> None:
    """Collapsed to one paragraph (as many data sets store articles) there is nothing to compare."""
    assert spans(" ".join([*BUDGET_STORY[:3], OFF_TOPIC, *BUDGET_STORY[3:]]), "QC406") == []
    assert spans("\n\n".join([BUDGET_STORY[0], OFF_TOPIC, BUDGET_STORY[1]]), "QC406") == []


def test_off_topic_paragraph_on_the_corpus() -> None:
    """Regression floors from measurement on corpora/: it fired on 3 of the 332 clean articles (a
    paragraph of practical information or a quotation that brings its own words) and found 91 of
    332 single spliced paragraphs; one from a story on a nearby topic shares too much to stand out."""
    from qualcheck.corpora import read_articles
    from qualcheck.corrupt import corrupt

    articles = read_articles(Path(__file__).resolve().parents[2] / "corpora")
    n = len(articles)
    fired = found = 0
    for i, a in enumerate(articles):
        fired += bool(spans(a.text, "QC406"))
        donor = articles[(i + n // 2) % n]
        v = corrupt(a.text, seed=i, kinds=["spliced-paragraph"], count=1, donor=donor.text)
        hits = [f for f in run_all(Doc(v.text)) if f.code == "QC406"]
        found += any(f.start < d.end and d.start < f.end for f in hits for d in v.damages)
    assert fired <= 0.01 * n, f"fired on {fired} of {n} clean articles"
    assert found >= 0.25 * n, f"found {found} of {n} spliced paragraphs"


def test_a_name_drifts_only_in_prose_not_in_a_menu_or_footer_line() -> None:
    """A language menu lists `Türkiye (Türkçe)`; a footer repeats a name on a short line. Neither
    is prose, where a spinner or a translation round trip makes a name drift."""
    prose = "The strike killed General Qassem Soleimani in January, officials in Baghdad said."
    menu = "Deutschland (Deutsch)\nSuomi (suomi)\nTürkiye (Türkçe)\nEspaña (español)"
    assert spans(prose + "\n\n" + menu + "\n\nTürkçe news and more is in our new app today.", "QC401") == []
    assert spans(prose + "\n\nIran vowed revenge, and officials said Suleimani would be avenged.", "QC401") == [
        "Suleimani"
    ]
    assert spans(prose + "\n\nRelated: Suleimani", "QC401") == []


# --- translation calques (QC407, QC408, QC409) -------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("QC407", "The minister has declared Tuesday that the bridge would reopen.", ["has declared Tuesday"]),
        ("QC407", "The club has confirmed on Friday that its coach would stay.", ["has confirmed on Friday"]),
        ("QC407", "Two climbers have died yesterday on the north face.", ["have died yesterday"]),
        ("QC407", "The mayor has already resigned last week, officials said.", ["has already resigned last week"]),
        ("QC407", "The factory has closed three months ago.", ["has closed three months ago"]),
        ("QC408", "Prices will rise in spring, has indicated his spokesperson.", ["has indicated his spokesperson"]),
        (
            "QC408",
            "The border stays shut, has stated the interior minister to the press.",
            ["has stated the interior minister"],
        ),
        ("QC408", '"We are ready," has assured Marta Quilez, a union delegate.', ["has assured Marta Quilez"]),
        ("QC408", "As has affirmed the Prime Minister, the talks will go on.", ["has affirmed the Prime Minister"]),
        ("QC409", "The couple has lived in the village since four years.", ["since four years"]),
        ("QC409", "The fire broke out in the morning of Sunday.", ["in the morning of Sunday"]),
        ("QC409", "Voters went to the polls the past Thursday.", ["the past Thursday"]),
        ("QC409", "He met the minister of the Foreign Affairs in Lisbon.", ["of the Foreign Affairs"]),
        ("QC409", "She has not seen her brother since a long time.", ["since a long time"]),
    ],
)
def test_calques_fire(code: str, text: str, expected: list[str]) -> None:
    assert spans(text, code) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The minister declared on Tuesday that the bridge would reopen.",
        "The company said Monday it had hired a new chief executive.",
        "She would have turned 90 last week.",
        "He is said to have died on Sunday after a long illness.",
        "The clinic has opened Monday to Friday since the spring.",
        "The mayor has said the city will not pay, and critics disagree.",
        "Lee, who joined the board in 2019, has said the firm will grow.",
        "The union has confirmed the strike.",
        "She has told Reuters that she will run again.",
        "Inflation has been falling since Monday's report.",
        "The couple has lived in the village for four years.",
        "The couple moved to the village four years ago; since two years ago they have run the shop.",
        "Nothing has changed since three years ago.",
        "The fire broke out on the morning of Sunday, 3 May.",
        "The team was tired this past Thursday.",
        "The foreign affairs committee met on Wednesday.",
        "Over the past week, the minister of foreign affairs met his counterparts.",
        "He has been mayor since 2019 and has lived in the town since the 1990s.",
        "Since the beginning of the year, prices have risen.",
    ],
)
def test_calques_stay_silent_on_english(text: str) -> None:
    assert [(c, s) for c in ("QC407", "QC408", "QC409") for s in spans(text, c)] == []
    assert family_findings(text, FAMILY) == []


@pytest.mark.parametrize(
    "kind, code", [("calque-tense", "QC407"), ("calque-attribution", "QC408"), ("calque-preposition", "QC409")]
)
def test_the_generators_calques_are_found_exactly(kind: str, code: str) -> None:
    """The round-trip damage the generator applies is what the detector names, span for span."""
    from qualcheck.corrupt import corrupt

    text = (
        "The airline said on Monday it would cut 40 routes, the chief executive said. Travel has slowed "
        "for three years, according to the transport minister, and the foreign minister met unions on "
        "Friday morning. “We have no choice,” Dana Whitcombe said. Talks resume last Tuesday's way."
    )
    found = 0
    for seed in range(12):
        v = corrupt(text, seed=seed, kinds=[kind], count=1)
        assert [d.kind for d in v.damages] == [kind]
        d = v.damages[0]
        assert v.text[d.start : d.end] in spans(v.text, code)
        found += 1
    assert found == 12
