"""Metrics that say what users care about: few false alarms on clean news, recall on damage,
and probabilities that mean what they say.

Pure functions of labels and scores: `model` (validation figures) and `evaluate` (the `eval`
command) both use them, and neither needs the other for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .types import DEFAULT_THRESHOLD


def rates_at(y: Sequence[int], p: Sequence[float], threshold: float) -> tuple[float, float]:
    """(false-positive rate, recall) when flagging scores at or above `threshold`."""
    neg = [s for t, s in zip(y, p, strict=False) if t == 0]
    pos = [s for t, s in zip(y, p, strict=False) if t == 1]
    fpr = sum(s >= threshold for s in neg) / len(neg) if neg else 0.0
    rec = sum(s >= threshold for s in pos) / len(pos) if pos else 0.0
    return fpr, rec


def recall_at_fpr(y: Sequence[int], p: Sequence[float], max_fpr: float) -> tuple[float, float]:
    """The highest recall whose threshold keeps the false-positive rate at or below `max_fpr`;
    returns (recall, threshold)."""
    neg = sorted((s for t, s in zip(y, p, strict=False) if t == 0), reverse=True)
    allowed = int(max_fpr * len(neg))
    # flag strictly above the (allowed+1)-th highest clean score
    cut = neg[allowed] if allowed < len(neg) else -1.0
    pos = [s for t, s in zip(y, p, strict=False) if t == 1]
    rec = sum(s > cut for s in pos) / len(pos) if pos else 0.0
    return rec, cut


def reliability(y: Sequence[int], p: Sequence[float], bins: int = 10) -> list[dict[str, float]]:
    rows = []
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, s in enumerate(p) if lo <= s < hi or (b == bins - 1 and s == 1.0)]
        if idx:
            rows.append(
                {
                    "bin": round(lo, 2),
                    "n": len(idx),
                    "mean_score": sum(p[i] for i in idx) / len(idx),
                    "positive_share": sum(y[i] for i in idx) / len(idx),
                }
            )
    return rows


def summary(y: Sequence[int], p: Sequence[float], threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score

    fpr, rec = rates_at(y, p, threshold)
    r1, _ = recall_at_fpr(y, p, 0.01)
    both = len(set(y)) == 2
    return {
        "n": len(y),
        "roc_auc": round(float(roc_auc_score(y, p)), 4) if both else None,
        "pr_auc": round(float(average_precision_score(y, p)), 4) if both else None,
        "brier": round(float(brier_score_loss(y, p)), 4),
        "threshold": threshold,
        "fpr_at_threshold": round(fpr, 4),
        "recall_at_threshold": round(rec, 4),
        "recall_at_fpr_1pct": round(r1, 4),
    }


def by_group(
    y: Sequence[int], p: Sequence[float], tags: Sequence[Sequence[str]], threshold: float
) -> dict[str, dict[str, float]]:
    """Recall of the positives carrying each tag, at `threshold` and at the score that keeps the
    false-positive rate over all negatives at 1%."""
    _, cut = recall_at_fpr(y, p, 0.01)
    out: dict[str, dict[str, float]] = {}
    for tag in sorted({t for ts, label in zip(tags, y, strict=True) if label for t in ts}):
        out[tag] = recall_row([s for t, s, ts in zip(y, p, tags, strict=True) if t == 1 and tag in ts], threshold, cut)
    return out


def recall_row(positives: Sequence[float], threshold: float, cut: float) -> dict[str, float]:
    """How many positives, and the share flagged at `threshold` and above `cut` (the score that
    keeps the false-positive rate at 1%, from `recall_at_fpr`)."""
    n = len(positives)
    return {
        "n": n,
        "recall_at_threshold": round(sum(s >= threshold for s in positives) / n, 4),
        "recall_at_fpr_1pct": round(sum(s > cut for s in positives) / n, 4),
    }


def span_scores(
    findings: Sequence[Sequence[Any]],
    truths: Sequence[Sequence[tuple[str, int, int]]],
    expected: dict[str, str | tuple[str, ...]],
) -> dict[str, dict[str, float | None]]:
    """Per finding code: precision (findings that overlap some recorded damage) and recall (damages
    of the kinds this code should find that a finding of this code overlaps)."""
    stats: dict[str, dict[str, int]] = {}

    def row(code: str) -> dict[str, int]:
        return stats.setdefault(code, {"findings": 0, "hits": 0, "damages": 0, "found": 0})

    for fs, truth in zip(findings, truths, strict=True):
        for f in fs:
            r = row(f.code)
            r["findings"] += 1
            r["hits"] += any(f.start < e and s < f.end for _, s, e in truth)
        for kind, s, e in truth:
            codes = expected.get(kind)
            if codes is None:
                continue
            codes = (codes,) if isinstance(codes, str) else codes
            r = row("/".join(codes))  # a kind that either of two codes finds has a row of its own
            r["damages"] += 1
            r["found"] += any(f.code in codes and f.start < e and s < f.end for f in fs)
    return {
        code: {
            "findings": r["findings"],
            "precision": round(r["hits"] / r["findings"], 4) if r["findings"] else None,
            "damages": r["damages"],
            "recall": round(r["found"] / r["damages"], 4) if r["damages"] else None,
        }
        for code, r in sorted(stats.items())
    }


def flagged_by_tag(p: Sequence[float], tags: Sequence[str], threshold: float) -> dict[str, dict[str, float]]:
    """Per tag: how many examples, the share scored at or above `threshold`, the mean score."""
    out: dict[str, dict[str, float]] = {}
    for tag in sorted(set(tags)):
        scores = [s for s, t in zip(p, tags, strict=True) if t == tag]
        out[tag] = {
            "n": len(scores),
            "flagged": round(sum(s >= threshold for s in scores) / len(scores), 4),
            "mean_score": round(sum(scores) / len(scores), 4),
        }
    return out
