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


def by_group(
    y: Sequence[int], p: Sequence[float], tags: Sequence[Sequence[str]], threshold: float
) -> dict[str, dict[str, float]]:
    """Recall of the positives carrying each tag, at `threshold` and at the score that keeps the
    false-positive rate over all negatives at 1%."""
    _, cut = recall_at_fpr(y, p, 0.01)
    out: dict[str, dict[str, float]] = {}
    for tag in sorted({t for ts, label in zip(tags, y, strict=True) if label for t in ts}):
        pos = [s for t, s, ts in zip(y, p, tags, strict=True) if t == 1 and tag in ts]
        out[tag] = {
            "n": len(pos),
            "recall_at_threshold": round(sum(s >= threshold for s in pos) / len(pos), 4),
            "recall_at_fpr_1pct": round(sum(s > cut for s in pos) / len(pos), 4),
        }
    return out


def span_scores(
    findings: Sequence[Sequence[Any]],
    truths: Sequence[Sequence[tuple[str, int, int]]],
    expected: dict[str, str],
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
            code = expected.get(kind)
            if code is None:
                continue
            r = row(code)
            r["damages"] += 1
            r["found"] += any(f.code == code and f.start < e and s < f.end for f in fs)
    return {
        code: {
            "findings": r["findings"],
            "precision": round(r["hits"] / r["findings"], 4) if r["findings"] else None,
            "damages": r["damages"],
            "recall": round(r["found"] / r["damages"], 4) if r["damages"] else None,
        }
        for code, r in sorted(stats.items())
    }


def format_report(result: dict[str, Any]) -> str:
    """The `qualcheck eval` report as aligned plain-text tables."""
    lines: list[str] = []
    s = result["summary"]
    lines.append(f"examples {s['n']}  (threshold {s['threshold']})")
    for key in ("roc_auc", "pr_auc", "brier", "fpr_at_threshold", "recall_at_threshold", "recall_at_fpr_1pct"):
        lines.append(f"  {key:<22} {s[key]}")
    if result.get("reliability"):
        lines.append("\nreliability (scores binned; a calibrated model has mean score ~ share positive)")
        lines.append(f"  {'bin':>5} {'n':>6} {'mean score':>11} {'share positive':>15}")
        for r in result["reliability"]:
            lines.append(f"  {r['bin']:>5.1f} {r['n']:>6} {r['mean_score']:>11.3f} {r['positive_share']:>15.3f}")
    for title, key in (("by intensity", "by_intensity"), ("by kind of damage", "by_kind")):
        if result.get(key):
            lines.append(f"\n{title}: recall of variants carrying it")
            lines.append(f"  {'':<20} {'n':>6} {'@threshold':>11} {'@FPR 1%':>9}")
            for tag, r in result[key].items():
                lines.append(
                    f"  {tag:<20} {r['n']:>6} {r['recall_at_threshold']:>11.3f} {r['recall_at_fpr_1pct']:>9.3f}"
                )
    if result.get("spans"):
        lines.append("\nspans per code against the generator's record")
        lines.append(f"  {'code':<6} {'findings':>9} {'precision':>10} {'damages':>8} {'recall':>7}")
        for code, r in result["spans"].items():
            prec = "-" if r["precision"] is None else f"{r['precision']:.3f}"
            rec = "-" if r["recall"] is None else f"{r['recall']:.3f}"
            lines.append(f"  {code:<6} {r['findings']:>9} {prec:>10} {r['damages']:>8} {rec:>7}")
    return "\n".join(lines)


def plot(y: Sequence[int], p: Sequence[float], path: str) -> None:
    """ROC and reliability curves side by side (needs the `plot` extra: matplotlib)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.calibration import calibration_curve
    from sklearn.metrics import roc_curve

    fpr, tpr, _ = roc_curve(y, p)
    frac, mean = calibration_curve(y, p, n_bins=10)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4.5))
    a.plot(fpr, tpr)
    a.plot([0, 1], [0, 1], ls=":", c="grey")
    a.set(xlabel="false-positive rate", ylabel="recall", title="ROC", xscale="log", xlim=(1e-3, 1))
    b.plot(mean, frac, marker="o")
    b.plot([0, 1], [0, 1], ls=":", c="grey")
    b.set(xlabel="mean score", ylabel="share content-farm", title="reliability")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
