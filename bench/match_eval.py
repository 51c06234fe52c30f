"""Measure `qualcheck match` at its default settings (nothing here chooses a setting: the verdict
model is fitted by bench/match_fit.py on training text only).

1. LLM rewrites: the 769 rewrites of ../shared/train/llm-rewrites.jsonl that have a `pair`, against
   an index of their 200 originals among the 2,124 articles of ../shared/benchmark/clean-bbc.jsonl;
   a rewrite counts as found when its original is returned with a verdict other than no-match.
2. Precision: each clean-bbc article against an index of all the others (its own original is not
   indexed); every false match is listed with its similarity, to tell real duplicates apart.
3. Generator damage: spun, round-trip-translated and boilerplate variants (qualcheck.corrupt) of
   corpus articles against an index of the corpus, and of held-out clean-bbc articles (never
   trained on) against an index of clean-bbc: matched, and changed_share within 0.05 of the share
   of words inside a damage the generator recorded.

    python3 bench/match_eval.py [rewrites] [precision] [damage]
"""

from __future__ import annotations

import collections
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from qualcheck.corpora import read_articles  # noqa: E402
from qualcheck.corrupt import TAIL_KINDS, corrupt  # noqa: E402
from qualcheck.match import MATCH_MIN_CONFIDENCE, Index  # noqa: E402

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def rewrites(bbc: list[dict[str, str]]) -> None:
    rows = [json.loads(line) for line in (SHARED / "train" / "llm-rewrites.jsonl").open(encoding="utf-8")]
    ix = Index()
    for r in rows:
        if r["label"] == 0 and r["pair"]:
            ix.add(r["pair"], r["text"])
    for r in bbc:
        ix.add(r["id"], r["text"])
    found: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    times = []
    for r in rows:
        if r["label"] == 1 and r["pair"]:
            t = time.perf_counter()
            m = ix.match(r["text"])
            times.append(time.perf_counter() - t)
            top = ix.candidates(r["text"])
            g = found[r["generator"]]
            g[0] += 1
            g[1] += m.source_id == r["pair"] and m.verdict != "no-match"
            g[2] += bool(top) and top[0].id == r["pair"]
    print(
        f"1. LLM rewrites against 200 originals + {len(bbc):,} clean-bbc articles (median {statistics.median(times) * 1000:.1f} ms)"
    )
    for name, (n, ok, first) in sorted(found.items()):
        print(f"   {name:16} {ok}/{n} found ({ok / n:.1%}); right original ranked first {first / n:.1%}")
    n, ok = sum(v[0] for v in found.values()), sum(v[1] for v in found.values())
    print(f"   all              {ok}/{n} found ({ok / n:.1%})")


def longest_run(a: str, b: str) -> int:
    """The longest stretch of words two texts share word for word."""
    from rapidfuzz.distance import Indel

    wa, wb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    return max((op.src_end - op.src_start for op in Indel.opcodes(wa, wb) if op.tag == "equal"), default=0)


def precision(bbc: list[dict[str, str]]) -> None:
    """Each article against all the others. A false match is a real duplicate when the two are
    near-exact (similarity >= 0.9) or share a passage of at least 20 words word for word (the
    newsroom reused its own paragraphs); the rest are stories of the same event written apart."""
    ix = Index()
    texts = {}
    for r in bbc:
        ix.add(r["id"], r["text"])
        texts[r["id"]] = r["text"]
    false = []
    for r in bbc:
        found = ix.candidates(r["text"], exclude=r["id"])
        if found and found[0].confidence >= MATCH_MIN_CONFIDENCE:
            best = found[0]
            false.append((float(best.evidence[0]), best.confidence, r["id"], best.id))
    n = len(bbc)
    near = [f for f in false if f[0] >= 0.9]
    passage = [f for f in false if f[0] < 0.9 and longest_run(texts[f[2]], texts[f[3]]) >= 20]
    apart = [f for f in false if f not in near and f not in passage]
    dup = len(near) + len(passage)
    print(
        f"2. clean-bbc, each article against the other {n - 1:,}: no-match {n - len(false)}/{n} ({1 - len(false) / n:.2%})"
    )
    print(f"   matches: {len(near)} near-exact duplicates (similarity >= 0.9), {len(passage)} sharing a passage of")
    print(f"   20+ words word for word, {len(apart)} written apart (same event); without the real duplicates")
    print(f"   no-match {n - len(false)}/{n - dup} ({(n - len(false)) / (n - dup):.2%})")
    for sim, conf, q, src in sorted(apart, reverse=True):
        run = longest_run(texts[q], texts[src])
        print(f"     {q} -> {src}: similarity {sim:.3f}, confidence {conf:.3f}, longest shared run {run} words")


def recorded_share(text: str, damages) -> float:  # type: ignore[no-untyped-def]
    words = [m.span() for m in _WORD.finditer(text)]
    hit = sum(any(d.start < e and s < d.end for d in damages if d.field == "text") for s, e in words)
    return hit / len(words)


def damage(articles: list[tuple[str, str, str | None]], index: list[tuple[str, str]], label: str) -> None:
    """Variants of `articles` (id, text, title) against an index of `index` (id, text)."""
    ix = Index()
    for i, text in index:
        ix.add(i, text)
    families = {
        "spun": ["tortured-phrase", "spintax", "entity-drift"],
        "round-trip": ["literal-translation"],
        "boilerplate": [*TAIL_KINDS, "markup", "mojibake"],
    }
    print(f"3. generator variants of {len(articles)} {label}")
    for name, kinds in families.items():
        n = ok = close = 0
        worst = 0.0
        for j, (aid, text, title) in enumerate(articles):
            for intensity in ("light", "medium", "heavy"):
                v = corrupt(text, seed=j * 7 + len(intensity), kinds=kinds, intensity=intensity, title=title)
                if not any(d.field == "text" for d in v.damages):
                    continue
                m = ix.match(v.text)
                n += 1
                ok += m.source_id == aid and m.verdict != "no-match"
                diff = abs(m.changed_share - recorded_share(v.text, v.damages))
                close += diff <= 0.05
                worst = max(worst, diff)
        print(
            f"   {name:12} {n} variants: matched {ok / n:.2%}, changed_share within 0.05 {close / n:.2%} (worst {worst:.3f})"
        )


def main() -> None:
    bbc = [json.loads(line) for line in (SHARED / "benchmark" / "clean-bbc.jsonl").open(encoding="utf-8")]
    parts = sys.argv[1:] or ["rewrites", "precision", "damage"]
    if "rewrites" in parts:
        rewrites(bbc)
    if "precision" in parts:
        precision(bbc)
    if "damage" in parts:
        corpus = [(a.id, a.text, a.title) for a in read_articles(ROOT / "corpora")]
        damage(corpus, [(i, t) for i, t, _ in corpus], "corpus articles against an index of them")
        held_out = [(r["id"], r["text"], None) for r in bbc[::7]]
        label = f"held-out clean-bbc articles (every 7th) against an index of all {len(bbc):,}"
        damage(held_out, [(r["id"], r["text"]) for r in bbc], label)


if __name__ == "__main__":
    main()
