"""A gate on real text for `qualcheck match` (../shared, when present; under CI its absence fails):
LLM rewrites found among news distractors, and clean news whose original is not indexed left
unmatched, at the recorded figures (bench/match_eval.py) less the margin stated beside each."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from shared_data import BENCHMARK, TRAIN, require

pytest.importorskip("datasketch")

from qualcheck.match import MATCH_MIN_CONFIDENCE, Index

# Found (right original, verdict not no-match) by bench/match_eval.py, 2026-12-07 (branch match2,
# the facts evidence); floors are these less five rewrites of the generator's ~200, and all of them
# less eight of 769 (the issue asks 95%). Raise them with a measured reason only.
FOUND = {"GPT-3-Turbo": 195 / 200, "GPT-4o": 200 / 200, "Gemini-1.5-Pro": 152 / 169, "Llama-3-70B": 198 / 200}
MARGIN = 5 / 200
FOUND_ALL = 745 / 769
MARGIN_ALL = 8 / 769
# Clean-bbc articles against all the others, real duplicates left out (see `_real_duplicate`): 99.54%
# (1,948 of 1,957); the floor is that less about three articles.
MIN_NO_MATCH = 0.9954 - 0.0015

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _records(path):  # type: ignore[no-untyped-def]
    return [json.loads(line) for line in require(path).open(encoding="utf-8")]


@pytest.fixture(scope="module")
def bbc() -> list[dict[str, str]]:
    return _records(BENCHMARK / "clean-bbc.jsonl")


def test_llm_rewrites_are_found_among_news_distractors(bbc) -> None:  # type: ignore[no-untyped-def]
    rows = _records(TRAIN / "llm-rewrites.jsonl")
    ix = Index()
    for r in rows:
        if r["label"] == 0 and r["pair"]:
            ix.add(r["pair"], r["text"])
    for r in bbc:
        ix.add(r["id"], r["text"])
    n: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for r in rows:
        if r["label"] == 1 and r["pair"]:
            m = ix.match(r["text"])
            n[r["generator"]] += 1
            found[r["generator"]] += m.source_id == r["pair"] and m.verdict != "no-match"
    assert set(n) == set(FOUND)
    for generator, share in FOUND.items():
        assert found[generator] / n[generator] >= share - MARGIN, generator
    assert sum(found.values()) / sum(n.values()) >= FOUND_ALL - MARGIN_ALL


def _real_duplicate(a: str, b: str, similarity: float) -> bool:
    """Near-exact, or sharing a passage of 20 words word for word: a copy, not a false match."""
    from rapidfuzz.distance import Indel

    if similarity >= 0.9:
        return True
    wa, wb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    return any(op.tag == "equal" and op.src_end - op.src_start >= 20 for op in Indel.opcodes(wa, wb))


def test_clean_news_whose_original_is_not_indexed_is_no_match(bbc) -> None:  # type: ignore[no-untyped-def]
    ix = Index()
    texts = {}
    for r in bbc:
        ix.add(r["id"], r["text"])
        texts[r["id"]] = r["text"]
    queries = false = 0
    for r in bbc:
        found = ix.candidates(r["text"], exclude=r["id"])
        if found and found[0].confidence >= MATCH_MIN_CONFIDENCE:
            if _real_duplicate(r["text"], texts[found[0].id], float(found[0].evidence[0])):
                continue
            false += 1
        queries += 1
    assert queries >= 1800
    assert 1 - false / queries >= MIN_NO_MATCH
