"""Benchmark `qualcheck index` and `qualcheck match` at scale: prints build rate, index size on disk,
peak memory and query times.

Originals are made by recombining the corpus: each is six paragraphs of three sentences drawn at
random from every sentence in corpora/articles, so 100,000 of them differ while sharing vocabulary
and whole sentences, as a wire archive does. Queries are spun copies (every seventh word swapped)
of indexed originals, then articles from the corpus that are not indexed as written.

    python3 bench/match.py --n 100000 --queries 200 --jobs 1
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qualcheck.corpora import read_articles  # noqa: E402
from qualcheck.match import Index, build_index  # noqa: E402

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def sentences() -> list[str]:
    pool: list[str] = []
    for a in read_articles(ROOT / "corpora"):
        for para in a.text.split("\n\n"):
            pool += [s.strip() for s in _SENTENCE.split(para) if len(s.split()) >= 6]
    return pool


def original(pool: list[str], rng: random.Random) -> str:
    return "\n\n".join(" ".join(rng.choice(pool) for _ in range(3)) for _ in range(6))


def originals(n: int, pool: list[str], seed: int) -> Iterator[tuple[str, str, str | None, str | None]]:
    rng = random.Random(seed)
    for i in range(n):
        yield f"o{i}", original(pool, rng), None, None


def spin(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    for i in range(rng.randrange(7), len(words), 7):
        words[i] = rng.choice(["notable", "stated", "firm", "region", "vessel", "scheme", "charges"])
    return " ".join(words)


def rss_mb() -> float:
    """This process's resident memory now (Linux), in MB."""
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100_000, help="originals to index")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args()
    pool = sentences()
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.qcx")
        t = time.perf_counter()
        n = build_index(originals(args.n, pool, args.seed), path, n_jobs=args.jobs)
        build = time.perf_counter() - t
        print(f"built {n:,} originals in {build:.1f} s: {n / build:,.0f} originals/s (jobs {args.jobs})")
        print(f"index on disk: {os.path.getsize(path) / 1e6:,.1f} MB")
        build_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory while building (this process; workers sign chunks of 256): {build_peak:,.0f} MB")
        rss0 = rss_mb()
        t = time.perf_counter()
        ix = Index.load(path)
        print(f"load: {(time.perf_counter() - t) * 1000:.1f} ms (arrays mapped from the file, not read)")
        t = time.perf_counter()
        q0 = ix.match(original(pool, random.Random(1)))
        print(f"first query: {(time.perf_counter() - t) * 1000:.1f} ms ({q0.verdict})")
        rng = random.Random(args.seed + 1)
        picks = rng.sample(range(n), min(args.queries, n))
        copies = [
            (f"o{i}", spin(text, rng))
            for i, (_, text, _, _) in enumerate(originals(n, pool, args.seed))
            if i in set(picks)
        ]
        times, right = [], 0
        for want, text in copies:
            t = time.perf_counter()
            r = ix.match(text)
            times.append(time.perf_counter() - t)
            right += r.source_id == want
        unrelated = [a.text for a in read_articles(ROOT / "corpora")][: args.queries]
        utimes = []
        for text in unrelated:
            t = time.perf_counter()
            ix.match(text)
            utimes.append(time.perf_counter() - t)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"spun copies: {right}/{len(copies)} matched to their original")
        print(
            f"query time, spun copies: median {statistics.median(times) * 1000:.1f} ms, "
            f"p90 {sorted(times)[int(len(times) * 0.9)] * 1000:.1f} ms"
        )
        print(f"query time, corpus articles: median {statistics.median(utimes) * 1000:.1f} ms")
        print(f"peak memory of this process (the build's peak included): {peak:,.0f} MB")
        print(f"resident memory added by loading and {len(times) + len(utimes) + 1} queries: {rss_mb() - rss0:,.0f} MB")


if __name__ == "__main__":
    main()
