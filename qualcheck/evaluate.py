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
    for title, key in (
        ("by intensity", "by_intensity"),
        ("by kind of damage", "by_kind"),
        ("one damage of one kind, on held-out originals", "isolated"),
    ):
        if result.get(key):
            lines.append(f"\n{title}: recall of variants carrying it")
            lines.append(f"  {'':<20} {'n':>6} {'@threshold':>11} {'@FPR 1%':>9}")
            for tag, r in result[key].items():
                lines.append(
                    f"  {tag:<20} {r['n']:>6} {r['recall_at_threshold']:>11.3f} {r['recall_at_fpr_1pct']:>9.3f}"
                )
    if result.get("spans"):
        lines.append("\nspans per code against the generator's record")
        lines.append(f"  {'code':<11} {'findings':>9} {'precision':>10} {'damages':>8} {'recall':>7}")
        for code, r in result["spans"].items():
            prec = "-" if r["precision"] is None else f"{r['precision']:.3f}"
            rec = "-" if r["recall"] is None else f"{r['recall']:.3f}"
            lines.append(f"  {code:<11} {r['findings']:>9} {prec:>10} {r['damages']:>8} {rec:>7}")
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
    chance = [10 ** (k / 20) for k in range(-60, 1)]
    a.plot(chance, chance, ls=":", c="grey")
    a.set(xlabel="false-positive rate", ylabel="recall", title="ROC", xscale="log", xlim=(1e-3, 1))
    b.plot(mean, frac, marker="o")
    b.plot([0, 1], [0, 1], ls=":", c="grey")
    b.set(xlabel="mean score", ylabel="share content-farm", title="reliability")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


# Which finding code should point at each kind of damage the generator records.
EXPECTED_CODES: dict[str, str | tuple[str, ...]] = {
    "split-name": "QC101",
    "orphan-fragment": "QC102",
    "doubled-verb": "QC103",
    "run-in-quote": "QC104",
    "stray-sequence": "QC201",
    "space-before": "QC202",
    "unclosed-quote": "QC203",
    "repeated": "QC205",
    "lowercase-start": "QC206",
    "footer": "QC301",
    "comment-form": "QC302",
    "syndication": "QC303",
    "share-chrome": "QC304",
    "markup": ("QC305", "QC308"),  # a tag or an entity
    "mojibake": "QC306",
    "entity-drift": "QC401",
    "tortured-phrase": "QC402",
    "literal-translation": "QC404",
    "assistant-leftover": "QC501",
    "placeholder": "QC502",
    "markdown": "QC503",
    "spintax": "QC504",
}
_PRISTINE_VIEWS = ("clean", "clean-flat")  # the other clean views carry pipeline noise on purpose


def evaluate_corpus(root: str, kind: str = "logreg", threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """Grouped cross-validation of the whole training procedure on a corpora folder.

    Every example is scored by a model trained without its original. Besides the overall figures
    it reports recall per intensity and per kind of damage, recall on variants carrying a single
    damage of each kind (the detectors measured in isolation, on held-out originals), and span
    precision and recall per code against the generator's record.
    """
    from .corpora import build_examples, read_articles, read_generated
    from .corrupt import ALL_KINDS, corrupt
    from .features import analyze
    from .model import cross_validate

    articles = read_articles(root)
    examples = list(build_examples(articles, read_generated(root)))
    analyses = [analyze(e.text, e.title or None) for e in examples]
    y = [e.label for e in examples]
    folds: list[tuple[Any, set[str]]] = []
    oof = cross_validate(analyses, y, [e.group for e in examples], kind, fold_models=folds)
    by_kind = by_group(y, oof, [e.damages for e in examples], threshold)
    by_intensity = by_group(y, oof, [(e.kind,) for e in examples], threshold)
    # single damages of every kind on held-out originals, scored by the fold that never saw them
    _, cut = recall_at_fpr(y, oof, 0.01)
    isolated: dict[str, dict[str, float]] = {}
    for k in ALL_KINDS:
        scores = []
        for i, a in enumerate(articles):
            donor = articles[(i + len(articles) // 2) % len(articles)]
            v = corrupt(a.text, seed=i, kinds=[k], count=1, title=a.title, donor=donor.text, donor_title=donor.title)
            if not v.damages:
                continue
            model = next(m for m, held in folds if a.id in held)
            scores.append(float(model.predict_proba([analyze(v.text, v.title or None)])[0, 1]))
        if scores:
            isolated[k] = {
                "n": len(scores),
                "recall_at_threshold": round(sum(s >= threshold for s in scores) / len(scores), 4),
                "recall_at_fpr_1pct": round(sum(s > cut for s in scores) / len(scores), 4),
            }
    # spans are known for generated variants and pristine views; written machine text has no record
    measured = [
        i for i, e in enumerate(examples) if (e.label == 1 and e.kind != "generated") or e.kind in _PRISTINE_VIEWS
    ]
    spans = span_scores(
        [[f for f in analyses[i].findings if f.field == "text"] for i in measured],
        [examples[i].spans for i in measured],
        EXPECTED_CODES,
    )
    return {
        "summary": summary(y, oof, threshold),
        "reliability": reliability(y, oof),
        "by_intensity": by_intensity,
        "by_kind": by_kind,
        "isolated": isolated,
        "spans": spans,
        "_y": y,
        "_p": oof,
    }


def evaluate_scores(y: Sequence[int], p: Sequence[float], threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """Figures for a labelled file scored by a fixed model."""
    return {"summary": summary(y, p, threshold), "reliability": reliability(y, p), "_y": list(y), "_p": list(p)}
