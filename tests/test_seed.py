"""The shared content-farm seed article gives exactly the findings a reader would point at."""

from __future__ import annotations

from pathlib import Path

from shared_data import SHARED, require

import qualcheck
from qualcheck.detectors import run_all
from qualcheck.io import split_title
from qualcheck.text import Doc

CLEAN = Path(__file__).parent / "data" / "clean-strikes-story.txt"
SEED = SHARED / "seed" / "content-farm-example.txt"

EXPECTED = {
    ("QC101", "John said. Kirby"),
    ("QC103", "said declared"),
    ("QC201", ". ,"),
    ("QC104", "Soleimani Rattansi said"),
    ("QC301", "Source link"),
    ("QC302", "Leave a Reply"),
    ("QC302", "Your email address will not be published."),
    ("QC302", "Required fields are marked *"),
}


def test_seed_findings() -> None:
    text = require(SEED).read_text(encoding="utf-8")
    findings = run_all(Doc(text))
    assert {(f.code, text[f.start : f.end]) for f in findings} == EXPECTED
    assert len(findings) == len(EXPECTED)


def test_seed_scores_as_content_farm() -> None:
    report = qualcheck.score(require(SEED).read_text(encoding="utf-8"))
    assert report.score >= 0.9
    assert report.verdict == "content-farm"


def test_clean_rewrite_of_the_same_story_scores_clean() -> None:
    """The same news, professionally written (tests/data), is clean and gives no attribution or
    punctuation findings."""
    title, body = split_title(CLEAN.read_text(encoding="utf-8"))
    report = qualcheck.score(body, title=title)
    # With no finding at all, the score is the share of farm pages without findings in training
    # (fluent machine-written ones): 0.16 since real clean pages joined training, 0.1 before.
    assert report.score <= 0.2
    assert not report.findings
    assert not [f for f in report.findings if f.family in ("attribution", "punctuation")]


def test_seed_title_is_flagged_when_given() -> None:
    title, _, body = require(SEED).read_text(encoding="utf-8").partition("\n")
    report = qualcheck.score(body.strip("\n"), title=title)
    flagged = [(f.code, title[f.start : f.end]) for f in report.findings if f.field == "title"]
    assert flagged == [("QC601", "| news from syria")]
