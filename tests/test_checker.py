"""The library API: score, Checker, Report."""

from __future__ import annotations

import subprocess
import sys

import pytest

import qualcheck
from qualcheck.types import Finding, LineIndex, Report

DAMAGED = "The Pentagon said declared it acted.\n\nSource link"


def test_score_returns_a_report_with_exact_spans() -> None:
    r = qualcheck.score(DAMAGED)
    assert isinstance(r, Report)
    assert 0.0 <= r.score <= 1.0
    assert {DAMAGED[f.start : f.end] for f in r.findings} == {"said declared", "Source link"}
    assert all(isinstance(f, Finding) for f in r.findings)
    d = r.to_dict()
    assert d["findings"][0]["line"] == 1 and d["findings"][1]["line"] == 3
    assert set(r.features) >= {"code:QC103", "code:QC301", "stat:quotes_per_k"}


def test_report_and_finding_are_frozen() -> None:
    r = qualcheck.score(DAMAGED)
    with pytest.raises(AttributeError):
        r.score = 0.0  # type: ignore[misc]
    with pytest.raises(AttributeError):
        r.findings[0].start = 3  # type: ignore[misc]


def test_scoring_is_deterministic_and_batch_equals_single() -> None:
    texts = [DAMAGED, "Officials met on Monday to discuss the budget.", DAMAGED.upper()]
    checker = qualcheck.Checker()
    batch = [r.score for r in checker.score_many(texts, batch_size=2)]
    single = [checker.score(t).score for t in texts]
    assert batch == single == [qualcheck.score(t).score for t in texts]


def test_score_many_reads_dicts_with_configured_fields_in_order() -> None:
    checker = qualcheck.Checker(threshold=0.3, text_field="body", id_field="url")
    items = [{"url": f"u{i}", "body": DAMAGED if i % 2 else "The council met."} for i in range(5)]
    reports = list(checker.score_many(iter(items)))
    assert [r.id for r in reports] == ["u0", "u1", "u2", "u3", "u4"]
    assert all(r.threshold == 0.3 for r in reports)
    with pytest.raises(ValueError, match="no text"):
        list(checker.score_many([{"url": "x"}]))


def test_threshold_is_validated() -> None:
    with pytest.raises(ValueError):
        qualcheck.Checker(threshold=1.5)


def test_checker_is_callable_on_text_and_items() -> None:
    checker = qualcheck.Checker()
    assert checker(DAMAGED).score == checker({"text": DAMAGED}).score


def test_filter_items_drops_or_annotates_in_order() -> None:
    items = [
        {"id": i, "text": DAMAGED if i % 2 else "The council met on Monday to discuss the budget."} for i in range(6)
    ]
    kept = list(qualcheck.filter_items(items))
    assert [it["id"] for it in kept] == [0, 2, 4]
    annotated = list(qualcheck.filter_items(iter(items), action="annotate"))
    assert [it["id"] for it in annotated] == list(range(6))
    assert [it["qualcheck"]["verdict"] for it in annotated] == ["clean", "content-farm"] * 3
    assert "qualcheck" not in items[0]  # the caller's items are not modified


@pytest.mark.parametrize(
    "text",
    [". , " * 20_000, ('"' + "word " * 10) * 2_000, "word " * 40_000, "a\n" * 50_000, "\u00e2\u20ac\u2122" * 10_000],
    ids=["stray-marks", "unclosed-quotes", "one-long-line", "many-lines", "mojibake"],
)
def test_pathological_inputs_are_scored_not_crashed(text: str) -> None:
    """Long runs of one pattern go through every detector and Punkt without raising, in a child
    process with a time limit: a regex that backtracks fails the test instead of hanging the run.
    Each input takes under a second (speed is measured in bench/); the limit leaves room for a
    loaded machine."""
    child = (
        "import sys, qualcheck; text = sys.stdin.read(); r = qualcheck.score(text); "
        "assert 0.0 <= r.score <= 1.0; assert all(0 <= f.start < f.end <= len(text) for f in r.findings); "
        "print(len(r.findings))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", child], input=text, capture_output=True, text=True, encoding="utf-8", timeout=30
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"scoring {len(text):,} characters took over 30 s: a pattern backtracks")
    assert done.returncode == 0, done.stderr


def test_codes_are_ranked_by_how_much_they_moved_the_score() -> None:
    text = DAMAGED + "\n\nThe caf\u00c3\u00a9 said it was \u00c3\u00a9tonn\u00c3\u00a9."  # + mojibake, weak evidence
    r = qualcheck.score(text)
    assert set(r.influence) == {f.code for f in r.findings}
    assert r.codes() == sorted(r.influence, key=lambda c: -r.influence[c])
    assert r.influence["QC103"] > r.influence["QC306"]
    assert qualcheck.score("The council met on Monday to discuss the budget.").influence == {}


COPIED = (
    "The council approved the budget on Monday after a long debate about road repairs.\n\n"
    "The post Council approves budget appeared first on The Evening Courier."
)
COPIER = "https://dailynewsblog24.com/2021/02/budget"


def test_url_is_evidence_through_score_checker_and_items() -> None:
    title = "Council approves budget - The Evening Courier"
    plain = qualcheck.score(COPIED, title)
    assert plain.url is None and "QC604" not in plain.codes()  # without a URL nothing changes
    r = qualcheck.score(COPIED, title, url=COPIER)
    assert r.url == COPIER and r.to_dict()["url"] == COPIER
    found = [(f.field, r.source(f)[f.start : f.end]) for f in r.findings if f.code == "QC604"]
    assert found == [("title", "The Evening Courier"), ("text", "The Evening Courier")]
    own = qualcheck.score(COPIED, title, url="https://eveningcourier.example.co.uk/budget")
    assert "QC604" not in own.codes()
    checker = qualcheck.Checker(url_field="link")
    assert checker.score(COPIED, title, url=COPIER, id="a").codes() == r.codes()
    assert checker({"text": COPIED, "title": title, "link": COPIER}).url == COPIER
    assert checker({"text": COPIED, "title": title, "url": COPIER}).url is None
    many = list(checker.score_many([{"text": COPIED, "title": title, "link": COPIER}] * 3, batch_size=2, n_jobs=2))
    assert [x.codes() for x in many] == [r.codes()] * 3


def test_report_source_of_a_url_finding() -> None:
    r = qualcheck.score(COPIED, url=COPIER)
    f = Finding(8, 27, "QC604", "foreign-outlet-name", "page", "high", "test", "url")
    report = Report(r.id, r.score, r.threshold, (f,), r.features, r.model, r.text, url=COPIER)
    assert report.source(f) == COPIER and COPIER[f.start : f.end] == "dailynewsblog24.com"
    assert report.to_dict()["findings"][0]["text"] == "dailynewsblog24.com"


def test_line_index_agrees_with_counting_newlines() -> None:
    text = "ab\n\ncd\r\nefg\n"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        before = text[:offset]
        assert index(offset) == (before.count("\n") + 1, offset - before.rfind("\n")), offset
