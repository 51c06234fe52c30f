"""Record, or compare against, every finding and score of a fixed set of texts: the guard that a
speed change changed no result.

    python bench/reference.py record /tmp/speed/reference.pkl
    python bench/reference.py compare /tmp/speed/reference.pkl

The set: every corpora/ article and its generated views and variants, the seed, and (when
../shared is there) the ground-truth bodies of the clean pages and a sample of the LLM rewrites.
Findings must be identical (code, start, end, message, field) and scores equal within 1e-9.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared"

from qualcheck.checker import Checker  # noqa: E402
from qualcheck.corpora import training_examples  # noqa: E402

Item = tuple[str, str, str | None, str | None]  # key, text, title, url


def items() -> list[Item]:
    out: list[Item] = [(e.id, e.text, e.title or None, e.url or None) for e in training_examples(ROOT / "corpora")]
    seed = SHARED / "seed" / "content-farm-example.txt"
    if seed.is_file():
        out.append(("seed", seed.read_text(encoding="utf-8"), None, None))
    truth = SHARED / "train" / "clean-pages" / "ground-truth.json"
    if truth.is_file():
        for key, v in sorted(json.loads(truth.read_text(encoding="utf-8")).items()):
            out.append((f"page:{key}", v["articleBody"], None, v.get("url")))
    rewrites = SHARED / "train" / "llm-rewrites.jsonl"
    if rewrites.is_file():
        for k, line in enumerate(rewrites.read_text(encoding="utf-8").splitlines()):
            if k % 3 == 0:
                row = json.loads(line)
                out.append((f"l2r:{row['id']}", row["text"], None, None))
    return out


def results(batch: list[Item]) -> dict[str, tuple[float, tuple[tuple[Any, ...], ...]]]:
    checker = Checker()
    out = {}
    for key, text, title, url in batch:
        r = checker.score(text, title, url=url)
        out[key] = (r.score, tuple((f.code, f.start, f.end, f.message, f.field) for f in r.findings))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["record", "compare"])
    ap.add_argument("path", type=Path)
    args = ap.parse_args()
    t0 = time.perf_counter()
    got = results(items())
    secs = time.perf_counter() - t0
    if args.action == "record":
        args.path.parent.mkdir(parents=True, exist_ok=True)
        args.path.write_bytes(pickle.dumps(got))
        print(f"recorded {len(got)} texts in {secs:.1f} s to {args.path}")
        return 0
    want = pickle.loads(args.path.read_bytes())
    bad = 0
    for key in sorted(set(want) | set(got)):
        if key not in got or key not in want:
            print(f"{key}: only in {'reference' if key in want else 'this run'}")
            bad += 1
            continue
        (ws, wf), (gs, gf) = want[key], got[key]
        if wf != gf or abs(ws - gs) > 1e-9:
            bad += 1
            if bad <= 10:
                print(f"{key}: score {ws} -> {gs}")
                for f in sorted(set(wf) ^ set(gf)):
                    print(f"   {'-' if f in wf else '+'} {f}")
    print(f"{len(got)} texts in {secs:.1f} s, {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
