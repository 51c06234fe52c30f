"""Metrics that say what users care about: few false alarms on clean news, recall on damage,
and probabilities that mean what they say."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

DEFAULT_THRESHOLD = 0.5


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
