"""Ceilings on clean text: which codes fire on corpora/'s 332 clean articles (as written, with
their titles) is pinned exactly, so a detector that starts firing on honest prose fails here."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

import pytest

from qualcheck.corpora import read_articles
from qualcheck.detectors import run_all
from qualcheck.text import Doc
from qualcheck.types import Finding

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

# Measured 2026-12: QC406 on three articles (a paragraph of practical information or a quotation
# that brings its own words), QC505 on one (`could potentially`); nothing else fires.
ARTICLES_PER_CODE = {"QC406": 3, "QC505": 1}


@pytest.fixture(scope="module")
def findings() -> dict[str, tuple[str, list[Finding]]]:
    return {a.id: (a.text, run_all(Doc(a.text, a.title or None))) for a in read_articles(CORPORA)}


def test_codes_on_clean_articles_are_pinned(findings: dict[str, tuple[str, list[Finding]]]) -> None:
    assert len(findings) == 332
    per_code = Counter(code for _, found in findings.values() for code in {f.code for f in found})
    assert dict(per_code) == ARTICLES_PER_CODE


def test_no_stock_phrase_fires_on_more_than_one_clean_article(
    findings: dict[str, tuple[str, list[Finding]]],
) -> None:
    """The claim in generated.py: a phrase honest reporters use more than once is not stock."""
    articles_per_phrase: dict[str, set[str]] = defaultdict(set)
    for aid, (text, found) in findings.items():
        for f in found:
            if f.code == "QC505":
                articles_per_phrase[" ".join(text[f.start : f.end].lower().split())].add(aid)
    assert articles_per_phrase  # the check sees the stock phrases it is about
    assert {p: sorted(a) for p, a in articles_per_phrase.items() if len(a) > 1} == {}
