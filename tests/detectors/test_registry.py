"""The detector registry: rule codes are well formed and run_all behaves on any input."""

from __future__ import annotations

import re

import pytest

from qualcheck.detectors import FAMILIES, rules, run_all
from qualcheck.text import Doc
from qualcheck.types import Rule

FAMILY_BY_HUNDREDS = {
    "1": "attribution",
    "2": "punctuation",
    "3": "boilerplate",
    "4": "rewrite",
    "5": "generated",
    "6": "page",
}


def test_a_code_cannot_be_declared_twice_with_another_meaning() -> None:
    """Rules live in a dict keyed by code, so a second declaration would silently replace the
    first: `rule` refuses it (and re-declaring the same rule, as a module reload does, is fine)."""
    from qualcheck.detectors import rule

    first = rules()[0]
    assert rule(first.code, first.name, first.family, first.severity, first.description) == first
    with pytest.raises(ValueError, match="declared twice"):
        rule(first.code, "another-name", first.family, first.severity, first.description)
    assert rules()[0] == first


@pytest.mark.parametrize("r", rules(), ids=lambda r: r.code)
def test_rule_is_well_formed(r: Rule) -> None:
    assert re.fullmatch(r"QC\d{3}", r.code)
    assert r.family in FAMILIES
    assert r.family == FAMILY_BY_HUNDREDS[r.code[2]]
    assert r.description.strip()
    assert r.name.strip()
    assert r.severity in ("low", "medium", "high")


def test_every_family_has_rules() -> None:
    assert {r.family for r in rules()} == set(FAMILIES)


DAMAGED = (
    "Stocks Rise as Fed Holds Rates\n\n"
    "The strikes were authorized, spokesman John said. Kirby in a statement. Officials said declared "
    "the plan was final. It injured nine others. , including a soldier. The deal , signed on Monday "
    "(which surprised many, took effect!! the company said.\n\n"
    "\u201cThey used force in killing General Soleimani Rattansi said.\n\n"
    "It\u00e2\u20ac\u2122s over &amp; done.<p>\n\nThe Hezbollah group met. Later the Hizbollah fighters left "
    "in Monday. As an AI language model, I cannot verify this.\n\nSource link\n\nLeave a Reply"
)


@pytest.mark.parametrize(
    "text",
    [DAMAGED, 'Gen. Mark Milley said the troops were ready. "We will," he said. "Soon."'],
    ids=["damaged", "clean"],
)
def test_run_all_returns_sorted_findings_within_the_text(text: str) -> None:
    findings = run_all(Doc(text))
    assert findings == sorted(findings)
    assert len(findings) == len(set(findings))
    for f in findings:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end].strip()


def test_damaged_text_fires_every_family() -> None:
    doc = Doc(DAMAGED, title="Stocks rise as Fed holds rates | latest market news")
    assert {f.family for f in run_all(doc)} == set(FAMILIES)


@pytest.mark.parametrize("text", ["", " ", "\n", "\n\n\n", " \t\n \r\n  "], ids=repr)
def test_empty_and_whitespace_text_gives_no_findings(text: str) -> None:
    assert run_all(Doc(text)) == []


def test_a_detector_reports_at_most_its_cap_per_article() -> None:
    from qualcheck.detectors import MAX_FINDINGS_PER_DETECTOR

    found = run_all(Doc("The talks ended. , and resumed. " * (MAX_FINDINGS_PER_DETECTOR + 50)))
    stray = [f for f in found if f.code == "QC201"]
    assert len(stray) == MAX_FINDINGS_PER_DETECTOR
    assert [f.start for f in stray] == sorted(f.start for f in stray)


def test_caseless_patterns_match_the_same_spans_with_or_without_lower_casing() -> None:
    from qualcheck.detectors import Caseless

    pattern = Caseless(r"your\s+email\s+address", anchors=("email",))
    text = "Leave a reply. YOUR Email  Address will not be published."
    fast, plain = Doc(text), Doc(text)
    plain.__dict__["lower"] = None  # the path taken when lower-casing would move offsets
    assert [m.span() for m in pattern.finditer(fast)] == [m.span() for m in pattern.finditer(plain)] == [(15, 34)]
    assert list(pattern.finditer(Doc("Nothing to see here."))) == []
