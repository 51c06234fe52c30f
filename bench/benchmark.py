"""Score the public benchmark files (never trained on) and print what users care about.

    python bench/benchmark.py [--threshold 0.5] [--model FILE] [--dir ../shared/benchmark]

Per file: articles, share scored at or above the threshold, mean score, articles per second; then
the share of articles on which each finding code fires, one column per file; then ROC AUC over
all files together when both labels are present.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qualcheck.checker import Checker  # noqa: E402
from qualcheck.detectors import rules  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=str(ROOT.parent / "shared" / "benchmark"))
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--model", default="default")
    args = ap.parse_args()
    files = sorted(Path(args.dir).glob("*.jsonl"))
    if not files:
        print(f"no benchmark files in {args.dir}: nothing to measure")
        return 0
    checker = Checker(args.model, args.threshold)
    _ = checker.model  # load before timing
    code_rates: dict[str, Counter[str]] = {}
    labels: list[int] = []
    scores: list[float] = []
    print(f"threshold {args.threshold}\n")
    print(f"{'file':<28} {'n':>6} {'label':>5} {'flagged':>8} {'mean':>6} {'art/s':>7}")
    for path in files:
        recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        t0 = time.perf_counter()
        reports = list(checker.score_many(recs))
        dt = time.perf_counter() - t0
        n = len(reports)
        flagged = sum(r.flagged for r in reports)
        fires: Counter[str] = Counter()
        for r in reports:
            fires.update(set(r.codes()))
        code_rates[path.name] = Counter({c: k / n for c, k in fires.items()})
        file_labels = {rec.get("label") for rec in recs}
        label = str(file_labels.pop()) if len(file_labels) == 1 else "mixed"
        labels += [int(rec.get("label", 0)) for rec in recs]
        scores += [r.score for r in reports]
        mean = sum(r.score for r in reports) / n
        print(f"{path.name:<28} {n:>6} {label:>5} {flagged / n:>8.2%} {mean:>6.3f} {n / dt:>7.0f}")
    print("\nshare of articles on which each code fires")
    names = list(code_rates)
    print(f"{'code':<6} {'name':<28} " + " ".join(f"{n[:22]:>22}" for n in names))
    for r in rules():
        cells = " ".join(f"{code_rates[n].get(r.code, 0.0):>22.2%}" for n in names)
        print(f"{r.code:<6} {r.name:<28} {cells}")
    if len(set(labels)) == 2:
        from sklearn.metrics import roc_auc_score

        print(f"\nROC AUC over all files: {roc_auc_score(labels, scores):.4f}")
    datatrove_table(files)
    return 0


def datatrove_filters() -> dict[str, Any] | None:
    """datatrove's Gopher quality, Gopher repetition, C4 and FineWeb filters with their published
    defaults, or None without the `bench` extra."""
    try:
        from datatrove.pipeline.filters import (
            C4QualityFilter,
            FineWebQualityFilter,
            GopherQualityFilter,
            GopherRepetitionFilter,
        )
    except ImportError:
        return None
    return {
        "gopher-quality": GopherQualityFilter(),
        "gopher-repetition": GopherRepetitionFilter(),
        "c4": C4QualityFilter(),
        "fineweb": FineWebQualityFilter(),
    }


def datatrove_table(files: list[Path]) -> None:
    """The four filters on the same files: the share of articles each rejects, any of the four,
    and the chain's speed."""
    filters = datatrove_filters()
    if filters is None:
        print("\n(datatrove not installed: pip install 'qualcheck[bench]' for its filters side by side)")
        return
    from datatrove.data import Document

    print("\ndatatrove filters on the same files: share of articles rejected")
    print(f"{'file':<28} " + " ".join(f"{n:>17}" for n in filters) + f" {'any':>7} {'art/s':>7}")
    for path in files:
        recs = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        rejected = dict.fromkeys(filters, 0)
        any_rejected = 0
        t0 = time.perf_counter()
        for rec in recs:
            doc = Document(text=rec["text"], id=str(rec.get("id", "")))
            hit = False
            for name, f in filters.items():
                res = f.filter(doc)
                if not (res[0] if isinstance(res, tuple) else res):
                    rejected[name] += 1
                    hit = True
            any_rejected += hit
        dt = time.perf_counter() - t0
        n = len(recs)
        cells = " ".join(f"{rejected[name] / n:>17.2%}" for name in filters)
        print(f"{path.name:<28} {cells} {any_rejected / n:>7.2%} {n / dt:>7.0f}")


if __name__ == "__main__":
    sys.exit(main())
