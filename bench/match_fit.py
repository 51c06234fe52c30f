"""Fit the verdict model of `qualcheck match` (qualcheck.match.WEIGHTS, BIAS, MATCH_MIN_CONFIDENCE)
on public training text only, and print it with how it does.

Copies: the LLM rewrites of ../shared/train/llm-rewrites.jsonl that have a `pair`, matched against
an index of their 200 originals among non-copies. Non-copies: the originals themselves, the clean
pages' article bodies (../shared/train/clean-pages), the corpus articles (corpora/) and WMT22
reference documents (consecutive segments of ../shared/train/machine-translation.jsonl), each
matched against the same index with itself left out, so that its original is not indexed.
Never reads ../shared/benchmark: bench/match_eval.py measures there.

    python3 bench/match_fit.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "train"
sys.path.insert(0, str(ROOT))

from qualcheck.corpora import read_articles  # noqa: E402
from qualcheck.match import EVIDENCE, Index  # noqa: E402

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def llm_rewrites() -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    """(pair, text) of the originals and (pair, generator, text) of the rewrites."""
    rows = [json.loads(line) for line in (SHARED / "llm-rewrites.jsonl").open(encoding="utf-8")]
    originals = [(r["pair"], r["text"]) for r in rows if r["label"] == 0 and r["pair"]]
    rewrites = [(r["pair"], r["generator"], r["text"]) for r in rows if r["label"] == 1 and r["pair"]]
    return originals, rewrites


def clean_pages() -> list[tuple[str, str]]:
    truth = json.loads((SHARED / "clean-pages" / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (f"page-{k[:12]}", v["articleBody"])
        for k, v in truth.items()
        if v.get("articleBody") and len(v["articleBody"].split()) >= 80
    ]


def wmt_documents(segments: int = 15) -> list[tuple[str, str]]:
    """Human reference translations, `segments` consecutive lines to a document."""
    by_pair: dict[str, list[tuple[int, str]]] = {}
    for line in (SHARED / "machine-translation.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["system"] == "ref-A":
            lang, n = r["pair"].rsplit("-", 1)
            by_pair.setdefault(lang, []).append((int(n), r["text"]))
    docs = []
    for lang, segs in by_pair.items():
        segs.sort()
        for i in range(0, len(segs), segments):
            text = " ".join(t for _, t in segs[i : i + segments])
            if len(text.split()) >= 120:
                docs.append((f"wmt-{lang}-{i}", text))
    return docs


def corpus() -> list[tuple[str, str]]:
    return [(f"corpus-{a.id}", a.text) for a in read_articles(ROOT / "corpora")]


def longest_run(a: str, b: str) -> int:
    """The longest stretch of words two texts share word for word (as bench/match_eval.py)."""
    from rapidfuzz.distance import Indel

    wa, wb = _WORD.findall(a.lower()), _WORD.findall(b.lower())
    return max((op.src_end - op.src_start for op in Indel.opcodes(wa, wb) if op.tag == "equal"), default=0)


Query = tuple[str, str | None, np.ndarray, list[str]]


def training_queries() -> list[Query]:
    """Each query as (its generator, or its own id for a non-copy; the id of its original or None; the evidence of each candidate, the
    candidates' ids)."""
    originals, rewrites = llm_rewrites()
    non_copies = originals + clean_pages() + corpus() + wmt_documents()
    ix = Index()
    for i, text in non_copies:
        ix.add(i, text)
    queries: list[Query] = []
    for pair, generator, text in rewrites:
        found = ix.candidates(text)
        queries.append((generator, pair, np.array([c.evidence for c in found]), [c.id for c in found]))
    texts = dict(non_copies)
    for i, text in non_copies:
        found = ix.candidates(text, exclude=i)
        # two texts that share a passage word for word, or are near-exact, are copies of each other
        # (a newsroom reusing its paragraphs, a press release run twice): not a non-copy
        # (any candidate: the choice must not depend on the model being fitted)
        dup = next((c.id for c in found if c.evidence[0] >= 0.9 or longest_run(text, texts[c.id]) >= 20), None)
        if dup is not None:
            print(f"  left out as a real duplicate: {i} ~ {dup}")
            continue
        queries.append((i, None, np.array([c.evidence for c in found]), [c.id for c in found]))
    return queries


def allowed_false_matches(n: int, target: float = 0.01, level: float = 0.95) -> int:
    """How many of `n` training non-copies may be matched while the one-sided `level` upper
    confidence bound (Clopper-Pearson) of the false-match rate stays at most `target`. The issue
    asks for 99% no-match on unseen text; a threshold at the training 99th percentile meets that
    only on average (its estimate rests on the ten highest of ~950 non-copies), so the threshold
    keeps the margin that this many non-copies can vouch for (4 of 951: the 99.6th percentile)."""
    from scipy.stats import beta

    k = 0
    while k + 1 < n and beta.ppf(level, k + 2, n - k - 1) <= target:
        k += 1
    return k


def decide(queries: list[Query], weights: np.ndarray, bias: float) -> list[tuple[str, str | None, str | None, float]]:
    """(group, wanted id, best candidate's id, its confidence) per query."""
    out = []
    for group, want, X, ids in queries:
        if not ids:
            out.append((group, want, None, 0.0))
            continue
        p = 1 / (1 + np.exp(-(X @ weights + bias)))
        best = int(np.argmax(p))
        out.append((group, want, ids[best], float(p[best])))
    return out


def main() -> None:
    from sklearn.linear_model import LogisticRegression

    queries = training_queries()
    X = np.vstack([q[2] for q in queries if len(q[3])])
    y = np.concatenate([[int(i == q[1]) for i in q[3]] for q in queries if len(q[3])])
    # Fitted on standardized evidence, so that the penalty weighs every piece alike (on the raw
    # scale it shrank the margins, whose range is small: 5-fold cross-validated, 81% of rewrites
    # found against 90% standardized at C=1 and 91% at C=10; C=100 and 1000 no better), then folded
    # back into weights on the raw scale.
    mean, scale = X.mean(axis=0), X.std(axis=0)
    model = LogisticRegression(C=10.0, max_iter=5000).fit((X - mean) / scale, y)
    weights = model.coef_[0] / scale
    bias = float(model.intercept_[0] - (model.coef_[0] * mean / scale).sum())
    decided = decide(queries, weights, bias)
    negatives = np.sort([c for _, want, _, c in decided if want is None])[::-1]
    allowed = allowed_false_matches(len(negatives))
    # matched when confidence >= threshold: halfway between the last allowed and the first refused
    threshold = float((negatives[allowed - 1] + negatives[allowed]) / 2) if allowed else float(negatives[0]) + 1e-4
    print("WEIGHTS = (" + ", ".join(f"{w:.4f}" for w in weights) + ")")
    print("  # " + ", ".join(EVIDENCE))
    print(f"BIAS = {bias:.4f}")
    print(f"MATCH_MIN_CONFIDENCE = {threshold:.4f}  ({allowed} of {len(negatives)} non-copies above it)")
    groups = sorted({g if w else g.split("-")[0] for g, w, *_ in decided})
    for g in groups:
        rows = [(w, got, c) for gg, w, got, c in decided if (gg if w else gg.split("-")[0]) == g]
        if rows[0][0] is None:
            ok = sum(c < threshold for _, _, c in rows)
            print(f"  non-copies {g:16} {ok}/{len(rows)} no-match ({ok / len(rows):.1%})")
        else:
            top = sum(got == w for w, got, _ in rows)
            ok = sum(got == w and c >= threshold for w, got, c in rows)
            print(
                f"  rewrites {g:18} {ok}/{len(rows)} matched ({ok / len(rows):.1%}); right original first {top / len(rows):.1%}"
            )
    close = [g for (g, w, X, ids) in queries if w is None and len(ids) and X[:, 0].max() >= 0.6]
    print(f"  non-copies with a candidate at similarity 0.6 or more (CLOSE_COPY): {close}")
    hard = sorted(((c, g, got) for g, w, got, c in decided if w is None), reverse=True)[:12]
    print("  non-copies most like copies:", *(f"{g}->{got} {c:.3f}" for c, g, got in hard), sep="\n    ")


if __name__ == "__main__":
    main()
