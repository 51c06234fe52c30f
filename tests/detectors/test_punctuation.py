"""Punctuation damage (QC201-QC211): each code fires on damaged copy, with the exact span, and the
family stays silent on clean professional prose."""

from __future__ import annotations

import pytest
from detector_cases import HARD_CLEAN, family_findings, spans

FAMILY = "punctuation"


# --- damaged copy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("QC201", "The attack injured at least nine others. , including an American soldier.", [". ,"]),
        ("QC201", "The talks failed, . Both sides left.", [", ."]),
        ("QC201", "The plan had three parts: ; nobody read them.", [": ;"]),
        ("QC201", "The vote was close, , officials said.", [", ,"]),
        ("QC202", "The deal , which was signed on Monday, took effect.", [" ,"]),
        ("QC202", "Is it over ? Nobody knows.", [" ?"]),
        ("QC202", "The talks failed ; both sides left.", [" ;"]),
        ("QC203", 'He said the talks would go on. "We are not done.\n\nThe government is investigating.', ['"']),
        (
            "QC203",
            "He said the talks would go on. \u201cWe are not done.\n\nThe government is investigating.",
            ["\u201c"],
        ),
        ("QC203", 'The talks failed." Officials left.', ['"']),
        ("QC203", "The talks failed.\u201d Officials left.", ["\u201d"]),
        ("QC204", "The group (which formed in 2014 claimed the attack.", ["("]),
        ("QC204", "The group claimed the attack). Officials denied it.", [")"]),
        ("QC204", "The figure [an estimate rose sharply.", ["["]),
        ("QC205", "This is huge!! Nobody expected it.", ["!!"]),
        ("QC205", "He left.. Nobody noticed.", [".."]),
        ("QC205", "Who did this?? Nobody knows.", ["??"]),
        ("QC205", "The deal,, signed on Monday, took effect.", [",,"]),
        ("QC206", "The deal was signed on Monday. the company said it would grow.", ["the"]),
        ("QC206", "Prices rose sharply. however, demand fell.", ["however"]),
        ("QC207", "The attack killed one person.\n\n, including an American soldier.", [","]),
        ("QC207", "The attack killed one person.\n\n; the base was closed.", [";"]),
        ("QC208", "He made his debut last November. : Walsh, Doyle, Kinsella.", [". :"]),
        ("QC208", 'It was his last London date." : The album came out in 1977.', ['." :']),
        ("QC209", "The deal was confirmed by Jones said PerezStarting next week the team plays.", ["PerezStarting"]),
        ("QC209", "The crowd left after the gameThe stadium was empty by ten.", ["gameThe"]),
        (
            "QC209",
            "Prices rose in the spring, said Kim.\n\nShe added that costs fell in JuneHowever, demand held.",
            ["JuneHowever"],
        ),
        ("QC209", "The team won the cupIt was their first title since 1998.", ["cupIt"]),
        ("QC209", "He scored twice in the second halfAfter the break the visitors faded.", ["halfAfter"]),
        ("QC210", "The plan isnt finished and officials dont know when it will be.", ["isnt", "dont"]),
        ("QC210", "Thats the problem: they havent paid, and youre still waiting.", ["Thats", "havent", "youre"]),
        ("QC210", "It doesnt work. We couldnt stop it, and theyre not sure why.", ["doesnt", "couldnt", "theyre"]),
        ("QC210", "Whats next? Nobody wouldve guessed.", ["Whats", "wouldve"]),
    ],
)
def test_fires_on_damage(code: str, text: str, expected: list[str]) -> None:
    assert spans(text, code) == expected


def test_sentence_starting_with_comma_after_full_stop_is_reported_once_as_stray() -> None:
    text = "It injured nine others. , including a soldier."
    assert spans(text, "QC201") == [". ,"]
    assert spans(text, "QC207") == []


# --- clean copy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text",
    [
        ("QC201", "Acme Inc., the company behind the product, declined to comment."),
        ("QC201", "The full report is at https://example.org/a?b=c and online."),
        ("QC201", "He said: ...and then it ended."),
        ("QC201", "The meeting starts at 10:30 a.m., officials said."),
        ("QC201", "Apples, pears, etc., were on sale."),
        ("QC202", "Growth was 3.5 percent; the deal was worth $4.2 billion."),
        ("QC202", "He paused ... and then left."),
        ("QC202", "Email press@example.org or visit www.example.org/report."),
        ("QC203", 'They bought a 12" pipe and a 6" valve.'),
        ("QC203", "\u201cWe\u2019re \u2018very\u2019 close,\u201d she said."),
        ("QC203", "It was the \u201cbest deal ever,\u201d he said."),
        ("QC203", "He said 'no' twice."),
        ("QC204", "The council has three options: 1) raise taxes, 2) cut spending or 3) borrow."),
        ("QC204", "See page 3 (and the appendix [table 2])."),
        ("QC204", "(Reuters) - Oil prices rose on Monday."),
        ("QC205", "Wait?! Really?"),
        ("QC205", "He paused... and then left."),
        ("QC206", "Some fruits, e.g. apples, are cheap."),
        ("QC206", "Apple sold more phones. iPhone sales rose 5 percent."),
        ("QC206", "No one is taking your slogan. https://t.co/XPxUabcIAC\n\n— A reader (@reader)"),
        ("QC206", "Read the report in full. www.example.org/report has the tables."),
        ("QC206", "The board met at 9 a.m. and voted at noon."),
        ("QC206", "He paused. ...and then it ended."),
        ("QC206", "Sales fell last year.\n\neBay said it would cut jobs."),
        ("QC207", "The results: 12 for, 3 against."),
        ("QC207", "WASHINGTON (AP) \u2014 The Senate voted."),
        ("QC208", "The team: Walsh, Doyle, Kinsella. Kick-off: 3 p.m."),
        ("QC208", "Ratio 3:1. Time 10:30. See http://example.org."),
        pytest.param(
            "QC206",
            "The council has two options.\n\na) Raise taxes.\n\nb) Cut spending.",
            id="QC206-list-marker-paragraphs",
        ),
        ("QC206", "The council has two options.\n\n1) Raise taxes.\n\n2) Cut spending."),
        *[
            pytest.param("QC209", f"Shares in {name} rose sharply on Monday, the company said.", id=f"QC209-{name}")
            for name in (
                "McDonald",
                "MacArthur",
                "iPhone",
                "eBay",
                "JPMorgan",
                "YouTube",
                "PlayStation",
                "LinkedIn",
                "DeSantis",
                "LeBron",
                "BlackRock",
                "HarperCollins",
                "NowThis",
                "WhatsApp",
                "FedEx",
                "SoftBank",
                "PowerPoint",
                "#MeToo",
                "@joeBiden",
            )
        ],
        ("QC209", "Coverage: Strike PossibleThe United Auto Workers union said it was ready."),
        ("QC209", "The video is loading.\nPlayNext item\nMedia captionWho is he?"),
        ("QC209", "It is ready for YouNext\nSearch for:"),
        ("QC210", "He isnt here."),  # a lone one is a typo
        *[
            pytest.param("QC210", f"As is his {w}, he said nothing, and {x} the officials.", id=f"QC210-{w}-{x}")
            for w, x in (("wont", "cant"), ("lets", "well"), ("hell", "shell"), ("were", "ill"), ("its", "im"))
        ],
        ("QC210", "Mr Cant and Ms Wont were there; Id and Ive are not contractions here."),
        ("QC210", "It isn't over, and we don't know; they're still talking and that's fine."),
        ("QC210", "James' car and Mr Jones's dog were found; its owner and the Joneses' lawyer said so."),
        ("QC209", "Mr McDonald met Ms James in Athens and Jones's team at JPMorgan."),
        pytest.param(
            "QC209",
            "JPMorgan and BlackRock said on Tuesday that they would list the fund on the NYSE. The news was "
            "first reported by CNBC and shared widely on LinkedIn and YouTube.\n\nMcDonald's, which sells "
            "PlayStation vouchers in some US states, didn't comment. \u201cWe're not there yet,\u201d said "
            "Gov. Ron DeSantis, who met LeBron James in Miami.",
            id="QC209-QC210-honest-paragraph",
        ),
    ],
)
def test_clean_near_misses(code: str, text: str) -> None:
    assert spans(text, code) == []
    assert family_findings(text, FAMILY) == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_punctuation_findings(text: str) -> None:
    assert family_findings(text, FAMILY) == []


def test_screening_between_words_never_hides_a_match() -> None:
    """Punctuation-only patterns are screened on Doc.gaps; wherever a pattern matches the text it
    must match the gaps too (random mixes of words, marks, white space and brackets)."""
    import random

    from qualcheck.detectors.punctuation import _DROPPED_LABEL_RE, _REPEATED_RE, _SPACE_MARK, _STRAY_RE
    from qualcheck.text import Doc

    rng = random.Random(5)
    pieces = ["word", "x", "U.S", "it's", "-", ")", "(", ".", ",", ";", ":", "!", "?", " ", "  ", "\n", "\t",
              '"', "”", "’", "..", "/", "&amp", "é", "3.5", ". : "]  # fmt: skip
    hits = dict.fromkeys(("stray", "label", "space", "repeated"), 0)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        gaps = Doc(text).gaps
        for name, pattern in (("stray", _STRAY_RE), ("label", _DROPPED_LABEL_RE), ("space", _SPACE_MARK),
                              ("repeated", _REPEATED_RE)):  # fmt: skip
            if pattern.search(text):
                hits[name] += 1
                assert pattern.search(gaps), (name, text)
    assert min(hits.values()) > 100, hits


# --- QC211: a drop cap copied as a letter of its own ---------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("T The ferry resumed sailing on Monday after a week of storms.", ["T The"]),
        ("The ferry resumed sailing.\n\nW When the storm passed, crews checked the hull.", ["W When"]),
        ("Crews checked the hull.\n\n  A After two days the port reopened.", ["A After"]),
        # the first line and a later one: found on the first line and after each line break
        ("T The ferry resumed.\nW When the storm passed, crews checked the hull.", ["T The", "W When"]),
    ],
)
def test_drop_cap_fires(text: str, expected: list[str]) -> None:
    assert spans(text, "QC211") == expected


@pytest.mark.parametrize(
    "text",
    [
        # an initial before a surname of the same letter, a scorecard line, a mid-sentence pair
        "S Smith c Root b Anderson 45",
        "J Jones and M Mason were named in the squad.",
        "The grades were A, B and C. A A-level pass is needed.",
        "Plan B Beyond the border, the talks stalled.",
        "The ferry resumed sailing on Monday.",
    ],
)
def test_drop_cap_stays_silent_on_honest_text(text: str) -> None:
    assert spans(text, "QC211") == []


def test_glued_tries_the_pattern_wherever_a_scan_would_match() -> None:
    """_glued tries _GLUED_RE only at the starts of words holding a lower-case letter before a
    capital; it must give exactly what a scan of the whole text gives (random mixes)."""
    import random

    from qualcheck.detectors.punctuation import _GLUED_RE, _glued

    rng = random.Random(7)
    pieces = ["abc", "Def", "the", "The", "said", "x", "Z", "é", "1", "_", "#", "@", "-", "’", ".", ",", " ", " ", "\t",
              "\n", "(", '"']  # fmt: skip
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        want = [m.span() for m in _GLUED_RE.finditer(text)]
        assert [m.span() for m in _glued(text)] == want, text
        hits += bool(want)
    assert hits > 100
