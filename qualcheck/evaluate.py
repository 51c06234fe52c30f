"""`qualcheck eval`: grouped cross-validation of the whole training procedure, and its report."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .metrics import by_group, flagged_by_tag, recall_at_fpr, recall_row, reliability, span_scores, summary
from .types import DEFAULT_THRESHOLD


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
    if result.get("by_view"):
        lines.append("\nshare of each view flagged out of fold (clean views: false alarms)")
        lines.append(f"  {'view':<20} {'n':>6} {'flagged':>8} {'mean':>6}")
        for tag, r in result["by_view"].items():
            lines.append(f"  {tag:<20} {r['n']:>6} {r['flagged']:>8.3f} {r['mean_score']:>6.3f}")
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


PLOT_FILES = ("roc.png", "precision-recall.png", "reliability.png")


def plot(y: Sequence[int], p: Sequence[float], path: str) -> list[str]:
    """Curves of the scores against the labels (needs the `plot` extra: matplotlib); the files written.

    A folder gets three PNG files drawn by scikit-learn's display classes: ROC, precision-recall and
    reliability (calibration). A path ending in `.png` gets the ROC (log false-positive rate) and
    reliability curves side by side in one file."""
    if not path.lower().endswith(".png"):
        return plot_folder(y, p, path)
    _plot_one(y, p, path)
    return [path]


def plot_folder(y: Sequence[int], p: Sequence[float], folder: str) -> list[str]:
    import os

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.calibration import CalibrationDisplay
    from sklearn.metrics import PrecisionRecallDisplay, RocCurveDisplay

    os.makedirs(folder, exist_ok=True)
    written = []
    draw = (
        (lambda ax: RocCurveDisplay.from_predictions(y, p, ax=ax, name="qualcheck", plot_chance_level=True), "ROC"),
        (
            lambda ax: PrecisionRecallDisplay.from_predictions(y, p, ax=ax, name="qualcheck", plot_chance_level=True),
            "precision-recall",
        ),
        (lambda ax: CalibrationDisplay.from_predictions(y, p, n_bins=10, ax=ax, name="qualcheck"), "reliability"),
    )
    for (fn, title), name in zip(draw, PLOT_FILES, strict=True):
        fig, ax = plt.subplots(figsize=(5.5, 5))
        fn(ax)
        ax.set_title(title)
        fig.tight_layout()
        out = os.path.join(folder, name)
        fig.savefig(out, dpi=100)
        plt.close(fig)
        written.append(out)
    return written


def _plot_one(y: Sequence[int], p: Sequence[float], path: str) -> None:
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


_PRISTINE_VIEWS = ("clean", "clean-flat")  # the other clean views carry pipeline noise on purpose


def evaluate_corpus(
    root: str, kind: str = "logreg", threshold: float = DEFAULT_THRESHOLD, *, extra: Sequence[Any] | None = None
) -> dict[str, Any]:
    """Grouped cross-validation of the whole training procedure on a corpora folder.

    Every example is scored by a model trained without its original. Besides the overall figures
    it reports recall per intensity and per kind of damage, recall on variants carrying a single
    damage of each kind (the detectors measured in isolation, on held-out originals), and span
    precision and recall per code against the generator's record. `extra` examples (from public
    data, `qualcheck.trainsets`) join the training folds; the share of each view flagged out of
    fold (`by_view`) shows what real honest pages score when the model never saw their site.
    """
    from .corpora import EXPECTED_CODES, build_examples, read_articles, read_generated
    from .corrupt import ALL_KINDS, LATE_KINDS, RIDER_KINDS, corrupt
    from .features import analyze
    from .model import cross_validate

    articles = read_articles(root)
    examples = [*build_examples(articles, read_generated(root)), *(extra or ())]
    analyses = [analyze(e.text, e.title or None, getattr(e, "page_text", None), url=e.url or None) for e in examples]
    y = [e.label for e in examples]
    folds: list[tuple[Any, set[str]]] = []
    oof = cross_validate(
        analyses, y, [e.group for e in examples], kind, weights=[e.weight for e in examples], fold_models=folds
    )
    by_kind = by_group(y, oof, [e.damages for e in examples], threshold)
    by_intensity = by_group(y, oof, [(e.kind,) for e in examples], threshold)
    by_view = flagged_by_tag(oof, [e.kind for e in examples], threshold)
    # single damages of every kind on held-out originals, scored by the fold that never saw them
    _, cut = recall_at_fpr(y, oof, 0.01)
    isolated: dict[str, dict[str, float]] = {}
    for k in (*ALL_KINDS, *LATE_KINDS, *RIDER_KINDS):
        scores = []
        for i, a in enumerate(articles):
            donor = articles[(i + len(articles) // 2) % len(articles)]
            v = corrupt(a.text, seed=i, kinds=[k], count=1, title=a.title, donor=donor.text, donor_title=donor.title)
            if not v.damages:
                continue
            model = next(m for m, held in folds if a.id in held)
            scores.append(float(model.predict_proba([analyze(v.text, v.title or None)])[0, 1]))
        if scores:
            isolated[k] = recall_row(scores, threshold, cut)
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
        "by_view": by_view,
        "isolated": isolated,
        "spans": spans,
        "_y": y,
        "_p": oof,
    }


def evaluate_scores(y: Sequence[int], p: Sequence[float], threshold: float = DEFAULT_THRESHOLD) -> dict[str, Any]:
    """Figures for a labelled file scored by a fixed model."""
    return {"summary": summary(y, p, threshold), "reliability": reliability(y, p), "_y": list(y), "_p": list(p)}
