"""A quality gate on real articles qualcheck never trained on (../shared/benchmark, when present;
under CI its absence fails): the shipped model must keep false alarms on professional news and
each code's firing rate on it under the recorded ceilings, and keep finding machine-written news."""

from __future__ import annotations

import json
from collections import Counter

import pytest
from shared_data import BENCHMARK, require

import qualcheck
from qualcheck.detectors import rules
from qualcheck.types import Report

# Measured with the shipped model of 2026-12-07 (bench/benchmark.py --skip-oof), with its style stage,
# the WMT22 translation pairs, the detectors of issue 14 and QC509/QC211: 0.56% of the 2,124 clean
# BBC articles flagged, 40.5% of the 200 machine-written ones, ROC AUC 0.924 over both. The human translations
# weigh 6 (3 before: 0.61%, 48.0%, 0.921), which keeps 1.7% of them flagged out of fold (3.3%) and
# costs recall on machine-written news; with the style stage alone: 0.42%, 48.0%, 0.932.
# Ceilings and floors are those figures plus or minus the margin stated beside each. Raise a
# ceiling (or lower a floor) only with a measured reason.
MAX_CLEAN_FLAGGED = 0.0056 + 0.003  # about six more articles
MIN_GENERATED_FLAGGED = 0.405 - 0.075  # fifteen fewer of the 200
MIN_ROC_AUC = 0.924 - 0.02

# Share of the clean BBC articles on which each code fires (same run); codes absent never fired.
# Most are that data set's own defects (its `Â£`, labels dropped by its extractor, misspellings).
CLEAN_BBC_SHARE = {
    "QC201": 0.0019,
    "QC202": 0.0188,
    "QC203": 0.0179,
    "QC204": 0.0019,
    "QC205": 0.0038,
    "QC206": 0.0080,
    "QC208": 0.0056,
    "QC210": 0.0009,  # two articles quoting readers' comments written without apostrophes
    "QC306": 0.2905,
    "QC308": 0.0113,
    "QC401": 0.0056,
    "QC404": 0.0089,
    "QC407": 0.0009,  # two articles
    "QC505": 0.0174,  # 1.04% before the phrases mined from LLM rewrites (issue 13)
    "QC508": 0.0005,
}


def ceiling(code: str) -> float:
    """The measured share plus 0.3 points (about six articles) or a twentieth of it, the larger."""
    share = CLEAN_BBC_SHARE.get(code, 0.0)
    return share + max(0.003, 0.05 * share)


def _scored(name: str) -> list[Report]:
    path = require(BENCHMARK / name)
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    return list(qualcheck.Checker().score_many(records))


@pytest.fixture(scope="module")
def clean() -> list[Report]:
    return _scored("clean-bbc.jsonl")


@pytest.fixture(scope="module")
def generated() -> list[Report]:
    return _scored("llm-generated-news.jsonl")


def test_clean_news_is_rarely_flagged(clean: list[Report]) -> None:
    assert sum(r.flagged for r in clean) / len(clean) <= MAX_CLEAN_FLAGGED


def test_machine_written_news_is_found(clean: list[Report], generated: list[Report]) -> None:
    from sklearn.metrics import roc_auc_score

    assert sum(r.flagged for r in generated) / len(generated) >= MIN_GENERATED_FLAGGED
    y = [0] * len(clean) + [1] * len(generated)
    assert roc_auc_score(y, [r.score for r in clean + generated]) >= MIN_ROC_AUC


@pytest.mark.parametrize("code", [r.code for r in rules()])
def test_each_code_stays_under_its_ceiling_on_clean_news(code: str, clean: list[Report]) -> None:
    fired = Counter(c for r in clean for c in {f.code for f in r.findings})
    assert fired[code] / len(clean) <= ceiling(code), f"{code} fires on {fired[code]} of {len(clean)}"
