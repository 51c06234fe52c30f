"""Speed, scaling and memory of `score`, printed as figures (never asserted in tests).

    python bench/speed.py [--n 500] [--memory-mb 100] [--memory-jobs 2] [--skip-memory]

Prints: articles per second on one core for 4 KB news articles (and datatrove's four filters
chained on the same articles when the `bench` extra is installed); time per article from 1 KB to
64 KB (cost should grow linearly); --jobs 1 against --jobs 2; the time from `qualcheck --help` and
`qualcheck score one.txt` start to exit; peak memory while streaming a JSONL file; and the time of
pathological inputs.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmark import datatrove_filters  # noqa: E402

from qualcheck.checker import Checker  # noqa: E402
from qualcheck.corpora import read_articles  # noqa: E402


def sized_articles(size: int, n: int) -> list[str]:
    """`n` articles of about `size` characters, built from corpora/ by joining paragraphs."""
    paras = [p for a in read_articles(ROOT / "corpora") for p in a.text.split("\n\n")]
    out, i = [], 0
    while len(out) < n:
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(paras[i % len(paras)])
            i += 1
        out.append("\n\n".join(parts)[:size])
    return out


def rate(checker: Checker, texts: list[str], n_jobs: int = 1) -> float:
    t0 = time.perf_counter()
    for _ in checker.score_many(texts, n_jobs=n_jobs, batch_size=256):
        pass
    return len(texts) / (time.perf_counter() - t0)


def breakdown(checker: Checker, texts: list[str]) -> dict[str, float]:
    """Seconds per article in each stage of scoring, measured stage by stage on the same articles:
    the shared analysis (qualcheck/text.py: paragraphs, sentences, words, quotes), each detector
    family on the analysed text, merging the findings, the text statistics and feature rows, the
    model (probabilities and contributions) and building the reports."""
    from itertools import islice

    from qualcheck.detectors import MAX_FINDINGS_PER_DETECTOR, detectors
    from qualcheck.features import Analysis, text_stats
    from qualcheck.text import Doc

    model = checker.model
    fns = [(fn, "detectors:" + fn.__module__.rsplit(".", 1)[1]) for fn in detectors()]
    spent: dict[str, float] = {}

    def add(stage: str, t0: float) -> float:
        t = time.perf_counter()
        spent[stage] = spent.get(stage, 0.0) + t - t0
        return t

    analyses, docs = [], []
    for text in texts:
        t = time.perf_counter()
        doc = Doc(text)
        _ = (doc.paragraphs, doc.sentences, doc.tokens, doc.lower, doc.gaps, doc.counts, doc.long_words)
        _ = (doc.capitalised, doc.sentence_starts, doc.quotes)
        t = add("analysis (text.py)", t)
        found = []
        for fn, family in fns:
            found.extend(islice(fn(doc), MAX_FINDINGS_PER_DETECTOR))
            t = add(family, t)
        findings = tuple(sorted(set(found), key=lambda f: (f.start, f.end, f.code, f.message, f.field)))
        t = add("merge findings", t)
        analyses.append(Analysis(findings, doc.n_words, text_stats(doc)))
        docs.append(doc)
        add("features: text statistics", t)
    t = time.perf_counter()
    rows = model.rows(analyses)
    t = add("features: rows", t)
    model.predict_rows(rows)
    model.contributions(rows)
    add("model", t)
    return {k: v / len(texts) for k, v in spent.items()}


def datatrove_rate(texts: list[str]) -> float | None:
    filters = datatrove_filters()
    if filters is None:
        return None
    from datatrove.data import Document

    t0 = time.perf_counter()
    for i, t in enumerate(texts):
        doc = Document(text=t, id=str(i))
        for f in filters.values():
            f.filter(doc)
    return len(texts) / (time.perf_counter() - t0)


def wall(cmd: list[str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)
        best = min(best, time.perf_counter() - t0)
    return best


def _tree_rss_mb(root: int) -> tuple[float, float]:
    """(sum, largest) resident memory in MB of process `root` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                parents[int(entry.name)] = int(fields[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        frontier = [pid for pid, ppid in parents.items() if ppid in frontier and pid not in tree]
        tree.update(frontier)
    sizes = []
    for pid in tree:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                sizes.append(int(line.split()[1]) / 1024)
    return sum(sizes), max(sizes, default=0.0)


def peak_memory_mb(path: Path, jobs: int) -> tuple[float, float, float]:
    """(peak total RSS of the process tree in MB, peak of the largest single process, seconds) of
    `qualcheck score FILE --format jsonl --jobs N`, sampled from /proc four times a second."""
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "qualcheck", "score", str(path), "--format", "jsonl", "--jobs", str(jobs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    total = largest = 0.0
    while proc.poll() is None:
        t, m = _tree_rss_mb(proc.pid)
        total, largest = max(total, t), max(largest, m)
        time.sleep(0.25)
    return total, largest, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="articles per throughput measurement")
    ap.add_argument("--memory-mb", type=int, default=100, help="size of the JSONL file streamed for peak memory")
    ap.add_argument("--memory-jobs", type=int, default=2, help="--jobs for the streaming run")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()
    checker = Checker()
    _ = checker.model
    four_kb = sized_articles(4096, args.n)
    checker.score(four_kb[0])  # warm caches (lexicons, sentence splitter)

    print(f"throughput, one core, {args.n} articles of 4 KB, three passes")
    runs = [rate(checker, four_kb) for _ in range(3)]
    qc = sorted(runs)[1]
    print(f"  qualcheck score              {qc:8.0f} articles/s (median; passes {', '.join(f'{r:.0f}' for r in runs)})")
    dt = datatrove_rate(four_kb)
    if dt is None:
        print("  datatrove (4 filters)        not installed (pip install 'qualcheck[bench]')")
    else:
        print(f"  datatrove (4 filters)        {dt:8.0f} articles/s   qualcheck is {qc / dt:.1f}x")

    print("\ncost breakdown, 4 KB articles (microseconds per article; share of the stages' sum)")
    stages = breakdown(checker, four_kb)
    whole = sum(stages.values())
    for stage, secs in stages.items():
        print(f"  {stage:<28} {secs * 1e6:7.0f} us  {secs / whole:6.1%}")
    print(f"  {'sum':<28} {whole * 1e6:7.0f} us  (score_many: {1e6 / qc:.0f} us per article)")

    print("\ncost by article size (one core)")
    for size in (1024, 4096, 16384, 65536):
        n = max(20, args.n * 4096 // size // 2)
        r = rate(checker, sized_articles(size, n))
        print(f"  {size // 1024:3d} KB  {1000 / r:8.2f} ms/article  {1000 / r / (size / 1024):6.3f} ms/KB")

    print("\n--jobs (4,000 articles of 4 KB; worker processes started and warmed first; three rounds)")
    texts = sized_articles(4096, 4000)
    # start joblib's reusable worker pool and fill the workers' caches (names, stems) with the same
    # articles the main process has already seen, so both sides run warm: a corpus run pays this once
    rate(checker, texts, 2)
    ratios = []
    for _ in range(3):
        one = rate(checker, texts, 1)
        two = rate(checker, texts, 2)
        ratios.append(two / one)
        print(f"  jobs 1 {one:8.0f}/s   jobs 2 {two:8.0f}/s   speed-up {two / one:.2f}x")
    print(f"  median speed-up {sorted(ratios)[1]:.2f}x")

    with tempfile.TemporaryDirectory() as tmp:
        one_txt = Path(tmp) / "one.txt"
        one_txt.write_text(four_kb[0], encoding="utf-8")
        exe = [sys.executable, "-m", "qualcheck"]
        print("\nstart to exit (best of 3)")
        print(f"  qualcheck --help             {wall([*exe, '--help']):6.2f} s")
        print(f"  qualcheck score one.txt      {wall([*exe, 'score', str(one_txt)]):6.2f} s")
        if not args.skip_memory:
            big = Path(tmp) / "big.jsonl"
            with big.open("w", encoding="utf-8") as fh:
                written, i = 0, 0
                while written < args.memory_mb * 1_000_000:
                    line = json.dumps({"id": i, "text": four_kb[i % len(four_kb)]}) + "\n"
                    fh.write(line)
                    written += len(line)
                    i += 1
            total, largest, secs = peak_memory_mb(big, args.memory_jobs)
            print(
                f"\nstreaming {args.memory_mb} MB of JSONL ({i:,} articles) with --jobs {args.memory_jobs}: "
                f"peak {total:.0f} MB for all processes (largest one {largest:.0f} MB), "
                f"{secs:.0f} s, {i / secs:.0f} articles/s"
            )

    print("\npathological inputs (one article each)")
    cases = {
        "1 MB of '. , '": ". , " * 250_000,
        "100 KB of unclosed quotes": ('"' + "word " * 10) * 2_000,
        "a single 1 MB line": "word " * 200_000,
    }
    for name, text in cases.items():
        t0 = time.perf_counter()
        checker.score(text)
        print(f"  {name:<28} {time.perf_counter() - t0:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
