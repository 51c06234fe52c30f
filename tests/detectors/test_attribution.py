"""Attribution damage (QC101-QC104): each code fires on damaged copy, with the exact span, and the
family stays silent on clean professional prose."""

from __future__ import annotations

import pytest
from detector_cases import HARD_CLEAN, family_findings, spans

FAMILY = "attribution"


# --- damaged copy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        (
            "QC101",
            "The strikes were authorized, spokesman John said. Kirby in a statement.",
            ["John said. Kirby"],
        ),
        (
            "QC101",
            "The border will stay closed, the minister Ahmed said. Khan on Thursday.",
            ["Ahmed said. Khan"],
        ),
        (
            "QC102",
            "Kirby said the strikes destroyed several facilities. Kirby in a statement.",
            ["Kirby in a statement."],
        ),
        pytest.param(
            "QC102",
            "The strikes destroyed several facilities. Kirby in a statement.",
            ["Kirby in a statement."],
            id="QC102-orphan-name-mentioned-once",
        ),
        (
            "QC102",
            "The talks will resume next week, Minister Ahmed Khan said. "
            "Nobody expected progress. Khan to reporters on Friday.",
            ["Khan to reporters on Friday."],
        ),
        (
            "QC103",
            "The US military carried out the attacks, said declared the Pentagon.",
            ["said declared"],
        ),
        ("QC103", "Officials said stated the plan was final.", ["said stated"]),
        ("QC103", "The ministry announced said the border would reopen.", ["announced said"]),
        (
            "QC104",
            "\u201cThey used the most disproportionate force in killing Iranian General (Qassem) "
            "Soleimani Rattansi said.\n\nThe Iraqi government is conducting its own investigation.",
            ["Soleimani Rattansi said"],
        ),
        (
            "QC104",
            '"The plan will fail because nobody has paid for it Smith said.\n\nThe vote is on Tuesday.',
            ["it Smith said"],
        ),
        (
            "QC104",
            "\u201cPrices will rise again next year she said.\n\nAnalysts agreed.",
            ["year she said"],
        ),
        ("QC105", '"We will win," the coach after the game.', ["the coach after the game."]),
        ("QC105", "\u201cWe will win,\u201d Smith in a statement on Friday.", ["Smith in a statement on Friday."]),
        (
            "QC105",
            '"Why would we stop now?" John Smith at a rally in Ohio. He left.',
            ["John Smith at a rally in Ohio."],
        ),
        (
            "QC105",
            '"The strikes were proportionate," the Pentagon spokesman to reporters.',
            ["the Pentagon spokesman to reporters."],
        ),
        ("QC105", '"It is a sad day for the club," Kirby during the briefing!', ["Kirby during the briefing!"]),
    ],
)
def test_fires_on_damage(code: str, text: str, expected: list[str]) -> None:
    assert spans(text, code) == expected


def test_split_name_tail_is_not_also_an_orphan() -> None:
    text = "Kirby spoke on Thursday. The strikes were authorized, spokesman John said. Kirby in a statement."
    assert spans(text, "QC101") == ["John said. Kirby"]
    assert spans(text, "QC102") == []


# --- clean copy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text",
    [
        ("QC101", '"We will," Kirby said. "Soon, maybe next week, we will know more."'),
        ("QC101", "The deal was done, Smith said. Kirby agreed in a statement on Friday."),
        ("QC101", "The strikes were necessary, Kirby said. Monday in Washington was quiet."),
        ("QC101", "The strikes were necessary, Kirby said. In a statement, the Pentagon gave details."),
        ("QC102", "The strikes hit three sites. Kirby said in a statement that they were proportionate."),
        (
            "QC102",
            "The attack killed three people. John Kirby, the Pentagon spokesman, said on Thursday "
            "that the strikes were proportionate.",
        ),
        ("QC102", "Kirby spoke first. Biden followed on Thursday with a longer speech."),
        ("QC102", "Gen. Mark Milley said the troops were ready. Milley spoke in a hangar."),
        ("QC102", "Did it work? Yes. The team celebrated."),
        ("QC102", "She won the race. Good on her."),
        ("QC103", "He said declarations of support were still arriving."),
        ("QC103", "The court declared the law void, the judge said."),
        ("QC103", "The report said. Stated simply, the plan failed."),
        pytest.param(
            "QC103",
            "What the minister said says a lot about the government.",
            id="QC103-what-he-said-says",
        ),
        ("QC104", '"The plan will fail," Smith said.\n\nThe vote is on Tuesday.'),
        (
            "QC104",
            "\u201cWe acted in a deliberate manner, and we will keep doing so as the threat grows.\n\n"
            "\u201cNobody wants a wider war,\u201d Kirby said.",
        ),
        ("QC104", 'He called the strikes "proportionate" and Smith said the same.'),
        ("QC105", '"We will win," the coach said after the game.'),
        ("QC105", '"We will win," Smith said in a statement.'),
        ("QC105", 'He called the plan "a disaster for everyone," the worst in years.'),
        ("QC105", 'The band played "Hello," Adele at the end.'),
        ("QC105", '"We will win," the coach, who was hired in May, told reporters after the game.'),
        ("QC105", '"We will win," the coach after the game had said.'),
        (
            "QC105",
            '"We are disappointed with the result," the manager said after the game. "But the players gave '
            'everything." Smith, who scored in the first half, agreed in an interview on Sunday.',
        ),
    ],
)
def test_clean_near_misses(code: str, text: str) -> None:
    assert spans(text, code) == []
    assert family_findings(text, FAMILY) == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_attribution_findings(text: str) -> None:
    assert family_findings(text, FAMILY) == []


def test_doubled_verb_precheck_keeps_compounds_the_pattern_matches() -> None:
    from qualcheck.detectors.attribution import doubled_verb
    from qualcheck.text import Doc

    text = "The minister re-said declared the plan."
    assert [(f.code, text[f.start : f.end]) for f in doubled_verb(Doc(text))] == [("QC103", "said declared")]


def test_doubled_verb_precheck_never_hides_a_match() -> None:
    """The pre-check must hold wherever the pattern matches: random runs of the verbs, other words,
    white space of any length, joiners and punctuation."""
    import random

    from qualcheck.detectors.attribution import _DOUBLED_RE, _maybe_doubled

    rng = random.Random(7)
    pieces = ["said", "says", "declared", "announced", "explained", "told", "re-", "-", "Said", "x",
              "plan", " ", "  ", "\n", "\t" * 12 + " " * 40, ".", ",", "’", "'", "é"]  # fmt: skip
    hits = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        if _DOUBLED_RE.search(text):
            hits += 1
            assert _maybe_doubled(text), text
    assert hits > 100  # the generator does produce matches


def test_split_names_found_from_the_verb_match_a_scan_with_the_pattern() -> None:
    """The str.find route finds exactly what a scan with _SPLIT_VERB would, overlaps included."""
    import random

    from qualcheck.detectors.attribution import (
        _CAP_BEFORE_VERB,
        _SPLIT_NAME_RE,
        _SPLIT_VERB,
        _split_names,
    )

    def reference(text: str) -> list[tuple[int, int]]:
        out = []
        for v in _SPLIT_VERB.finditer(text):
            before = _CAP_BEFORE_VERB.search(text, max(0, v.start() - 40), v.start())
            if before and (m := _SPLIT_NAME_RE.match(text, before.start())):
                out.append(m.span())
        return out

    rng = random.Random(11)
    pieces = ["spokesman John said. Kirby", " in a statement.", " said. ", "told.", "wrote. ", "Kirby",
              " ", "\t", "Al-", "x", "Said. ", ".", "\n", "é", "-", " on Monday."]  # fmt: skip
    found = 0
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = reference(text)
        found += bool(expected)
        assert [m.span() for m in _split_names(text)] == expected, text
    assert found > 100


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The plan is sound, Maria told. Lopez to reporters on Monday.", "Maria told. Lopez"),
        ("Prices will rise, Anna says. Berg on Tuesday.", "Anna says. Berg"),
        ("We are ready, Tom added. Hughes during a briefing.", "Tom added. Hughes"),
        ("The vote was fair, Ellen wrote. Park in a post on Friday.", "Ellen wrote. Park"),
        ("It was a mistake, Pedro stated. Alvarez, according to the ministry.", "Pedro stated. Alvarez"),
        ("The talks failed, Omar said. Haddad-Smith outside the court!", "Omar said. Haddad-Smith"),
    ],
)
def test_split_names_in_other_shapes(text: str, expected: str) -> None:
    """Every verb QC101 knows, a hyphenated surname, a fragment that gives its source or ends
    with `!`: not only the seed's `John said. Kirby in a statement.`"""
    assert spans(text, "QC101") == [expected]
