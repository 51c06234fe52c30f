"""A quality gate on real articles qualcheck never trained on (../shared/benchmark, when present):
the shipped model must keep false alarms on professional news below the recorded ceiling."""

from __future__ import annotations

import json

from shared_data import BENCHMARK, require

import qualcheck

# Recorded ceiling for the share of clean BBC articles flagged at the default threshold (issues 2
# and 3: at most 2%, then 1%; measured 0.75%). Raise it only with a measured reason.
MAX_CLEAN_FLAGGED = 0.01


def test_clean_news_is_rarely_flagged() -> None:
    path = require(BENCHMARK / "clean-bbc.jsonl")
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    flagged = sum(r.flagged for r in qualcheck.Checker().score_many(records))
    assert flagged / len(records) <= MAX_CLEAN_FLAGGED
