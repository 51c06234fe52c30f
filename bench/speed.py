"""Speed, scaling and memory of `score`, printed as figures (never asserted in tests).

    python bench/speed.py [--n 500] [--memory-mb 100] [--memory-jobs 2] [--skip-memory]
                          [--baseline PATH] [--memory-baseline]

Prints: articles per second on one core for 4 KB news articles, beside datatrove's four filters
chained on the same articles (with the `bench` extra); where the time goes (the shared analysis,
each detector family, features, model); time per article from 1 KB to 64 KB (cost should grow
linearly); --jobs 1 against --jobs 2, writing JSONL as `score --format jsonl` does; the time from
`qualcheck --help` and `qualcheck score one.txt` start to exit; peak memory of all processes
together while streaming a JSONL file (`--memory-mb 1000` for a gigabyte); the time of
pathological inputs.

With `--baseline PATH` (a checkout of another version, e.g. `git worktree add /tmp/qc-prev dae66bc`),
every figure that both can give is measured for both in the same run, rounds alternating, and
printed side by side. Each measurement runs in a fresh interpreter that imports qualcheck from its
checkout (`--code PATH --measure NAME`, used internally); the articles are the same for both.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def sized_articles(size: int, n: int) -> list[str]:
    """`n` articles of about `size` characters, built from corpora/ by joining paragraphs."""
    from qualcheck.corpora import read_articles

    paras = [p for a in read_articles(ROOT / "corpora") for p in a.text.split("\n\n")]
    out, i = [], 0
    while len(out) < n:
        parts: list[str] = []
        while sum(len(p) + 2 for p in parts) < size:
            parts.append(paras[i % len(paras)])
            i += 1
        out.append("\n\n".join(parts)[:size])
    return out


def rate(checker: Any, texts: list[str], n_jobs: int = 1) -> float:
    t0 = time.perf_counter()
    for _ in checker.score_many(texts, n_jobs=n_jobs, batch_size=256):
        pass
    return len(texts) / (time.perf_counter() - t0)


def jsonl_rate(checker: Any, texts: list[str], n_jobs: int) -> float:
    """Articles per second turned into JSONL lines, as `score --format jsonl --jobs N` does: in the
    workers where the code can (render_many), else from whole reports in this process."""
    items = [{"id": str(i), "text": t} for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    if hasattr(checker, "render_many"):
        from functools import partial

        from qualcheck.io import render

        rendered = checker.render_many(items, partial(render, "jsonl", False), n_jobs=n_jobs, own_pool=True)
        for _ in rendered:
            pass
    else:
        for r in checker.score_many(items, n_jobs=n_jobs, batch_size=256):
            json.dumps(r.to_dict(), ensure_ascii=False)
    return len(texts) / (time.perf_counter() - t0)


def breakdown(checker: Any, texts: list[str]) -> dict[str, float]:
    """Seconds per article in each stage of scoring, measured stage by stage on the same articles:
    the shared analysis (qualcheck/text.py: paragraphs, sentences, words, quotes), each detector
    family on the analysed text, merging the findings, the text statistics and feature rows, and
    the model (probabilities and contributions)."""
    from itertools import islice

    from qualcheck.detectors import MAX_FINDINGS_PER_DETECTOR, detectors
    from qualcheck.features import Analysis, _sources_and_hedges, text_stats
    from qualcheck.style import style_rates
    from qualcheck.text import Doc

    model = checker.model
    fns = [(fn, "detectors: " + fn.__module__.rsplit(".", 1)[1]) for fn in detectors()]
    spent: dict[str, float] = {}

    def add(stage: str, t0: float) -> float:
        t = time.perf_counter()
        spent[stage] = spent.get(stage, 0.0) + t - t0
        return t

    analyses = []
    for text in texts:
        t = time.perf_counter()
        doc = Doc(text)
        _ = (doc.paragraphs, doc.sentences, doc.tokens, doc.lower, doc.gaps, doc.counts, doc.long_words)
        _ = doc.word_classes
        _ = (doc.capitalised, doc.sentence_starts, doc.quotes)
        t = add("analysis (text.py)", t)
        found = []
        for fn, family in fns:
            found.extend(islice(fn(doc), MAX_FINDINGS_PER_DETECTOR))
            t = add(family, t)
        findings = tuple(sorted(set(found), key=lambda f: (f.start, f.end, f.code, f.message, f.field)))
        t = add("merge findings", t)
        sources = _sources_and_hedges(doc)
        stats = text_stats(doc, sources)
        t = add("features: text statistics", t)
        style = style_rates(doc, *sources[:2])
        add("style rates (qualcheck/style.py)", t)
        analyses.append(Analysis(findings, doc.n_words, stats, style))
    t = time.perf_counter()
    rows = model.rows(analyses)
    t = add("features: rows", t)
    model.predict_rows(rows, model.style_rows(analyses))
    model.contributions(rows)
    add("model", t)
    return {k: v / len(texts) for k, v in spent.items()}


def datatrove_rate(texts: list[str]) -> float | None:
    sys.path.insert(0, str(ROOT / "bench"))
    from benchmark import datatrove_filters

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


def wall(cmd: list[str], env: dict[str, str], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False, env=env)
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


def peak_memory_mb(path: Path, jobs: int, env: dict[str, str]) -> tuple[float, float, float]:
    """(peak total RSS of the process tree in MB, peak of the largest single process, seconds) of
    `qualcheck score FILE --format jsonl --jobs N`, sampled from /proc four times a second."""
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "qualcheck", "score", str(path), "--format", "jsonl", "--jobs", str(jobs)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, env=env)
    total = largest = 0.0
    while proc.poll() is None:
        t, m = _tree_rss_mb(proc.pid)
        total, largest = max(total, t), max(largest, m)
        time.sleep(0.25)
    return total, largest, time.perf_counter() - t0


# --- measurements in a fresh interpreter, with qualcheck imported from one checkout ----------


def measure(name: str, n: int) -> Any:
    from qualcheck.checker import Checker

    checker = Checker()
    _ = checker.model
    if name == "throughput":
        texts = sized_articles(4096, n)
        checker.score(texts[0])  # warm caches (lexicons, sentence splitter)
        return [rate(checker, texts) for _ in range(3)]
    if name == "jobs":
        texts = sized_articles(4096, 4000)
        # start joblib's reusable worker pool and fill the workers' caches (names, stems) with the
        # same articles this process has already seen, so both sides run warm
        jsonl_rate(checker, texts[:1000], 1)
        jsonl_rate(checker, texts, 2)
        return [(jsonl_rate(checker, texts, 1), jsonl_rate(checker, texts, 2)) for _ in range(3)]
    if name == "pathological":
        out = {}
        for case, text in PATHOLOGICAL.items():
            t0 = time.perf_counter()
            checker.score(text)
            out[case] = time.perf_counter() - t0
        return out
    raise ValueError(name)


PATHOLOGICAL = {
    "1 MB of '. , '": ". , " * 250_000,
    "100 KB of unclosed quotes": ('"' + "word " * 10) * 2_000,
    "a single 1 MB line": "word " * 200_000,
}


def _env(code: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(code)}


def run_measure(code: Path, name: str, n: int) -> Any:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--code", str(code), "--measure", name, "--n", str(n)]
    done = subprocess.run(cmd, capture_output=True, text=True, env=_env(code), check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{code}: {name} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="articles per throughput measurement")
    ap.add_argument("--memory-mb", type=int, default=100, help="size of the JSONL file streamed for peak memory")
    ap.add_argument("--memory-jobs", type=int, default=2, help="--jobs for the streaming run")
    ap.add_argument("--skip-memory", action="store_true")
    ap.add_argument("--skip-jobs", action="store_true")
    ap.add_argument("--baseline", type=Path, help="a checkout of another version to measure beside this one")
    ap.add_argument("--memory-baseline", action="store_true", help="stream the JSONL file with the baseline too")
    ap.add_argument("--code", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--measure", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        sys.path.insert(0, str(args.code.resolve()))
        print(json.dumps(measure(args.measure, args.n)))
        return 0
    sys.path.insert(0, str(ROOT))
    trees = {"this code": ROOT}
    if args.baseline:
        if not (args.baseline / "qualcheck" / "__init__.py").is_file():
            print(f"speed.py: {args.baseline} is not a qualcheck checkout", file=sys.stderr)
            return 2
        trees["baseline"] = args.baseline.resolve()
    names = list(trees)

    def row(label: str, values: dict[str, str]) -> None:
        print(f"  {label:<34} " + "  ".join(f"{values.get(k, '-'):>16}" for k in names))

    print("figure".ljust(36) + "  ".join(f"{k:>16}" for k in names))
    print(f"\nthroughput, one core, {args.n} articles of 4 KB (three rounds of three passes, median)")
    passes: dict[str, list[float]] = {k: [] for k in names}
    for _ in range(3):
        for k in names:
            passes[k] += run_measure(trees[k], "throughput", args.n)
    qc = {k: statistics.median(v) for k, v in passes.items()}
    row("qualcheck score, articles/s", {k: f"{v:.0f}" for k, v in qc.items()})
    four_kb = sized_articles(4096, args.n)
    dt = datatrove_rate(four_kb)
    if dt is None:
        print("  datatrove (4 filters)              not installed (pip install 'qualcheck[bench]')")
    else:
        row("datatrove (4 filters), articles/s", {k: f"{dt:.0f}" for k in names})
        row("qualcheck / datatrove", {k: f"{v / dt:.2f}x" for k, v in qc.items()})

    from qualcheck.checker import Checker

    checker = Checker()
    _ = checker.model
    checker.score(four_kb[0])
    print("\ncost breakdown of this code, 4 KB articles (us per article, best of three; share of the sum)")
    stages: dict[str, float] = {}
    for _ in range(3):
        for stage, secs in breakdown(checker, four_kb).items():
            stages[stage] = min(stages.get(stage, float("inf")), secs)
    whole = sum(stages.values())
    for stage, secs in stages.items():
        print(f"  {stage:<34} {secs * 1e6:7.0f} us  {secs / whole:6.1%}")
    print(f"  {'sum':<34} {whole * 1e6:7.0f} us")

    print("\ncost by article size, this code (one core)")
    for size in (1024, 4096, 16384, 65536):
        n = max(20, args.n * 4096 // size // 2)
        r = rate(checker, sized_articles(size, n))
        print(f"  {size // 1024:3d} KB  {1000 / r:8.2f} ms/article  {1000 / r / (size / 1024):6.3f} ms/KB")

    if not args.skip_jobs:
        print("\n--jobs, 4,000 articles of 4 KB to JSONL (workers started and warmed first; three rounds)")
        for k in names:
            rounds = run_measure(trees[k], "jobs", args.n)
            ratios = [two / one for one, two in rounds]
            text = ", ".join(f"{one:.0f}/s -> {two:.0f}/s" for one, two in rounds)
            print(f"  {k}: jobs 1 -> jobs 2 {text}")
            row(f"--jobs 2 / --jobs 1 ({k})", {k: f"{statistics.median(ratios):.2f}x"})

    with tempfile.TemporaryDirectory() as tmp:
        one_txt = Path(tmp) / "one.txt"
        one_txt.write_text(four_kb[0], encoding="utf-8")
        exe = [sys.executable, "-m", "qualcheck"]
        print("\nstart to exit (best of 3)")
        helps = {k: wall([*exe, "--help"], _env(trees[k])) for k in names}
        ones = {k: wall([*exe, "score", str(one_txt)], _env(trees[k])) for k in names}
        row("qualcheck --help, s", {k: f"{v:.2f}" for k, v in helps.items()})
        row("qualcheck score one.txt, s", {k: f"{v:.2f}" for k, v in ones.items()})
        if not args.skip_memory:
            big = Path(tmp) / "big.jsonl"
            with big.open("w", encoding="utf-8") as fh:
                written, i = 0, 0
                while written < args.memory_mb * 1_000_000:
                    line = json.dumps({"id": i, "text": four_kb[i % len(four_kb)]}) + "\n"
                    fh.write(line)
                    written += len(line)
                    i += 1
            print(f"\nstreaming {args.memory_mb:,} MB of JSONL ({i:,} articles) with --jobs {args.memory_jobs}")
            for k in names if args.memory_baseline else names[:1]:
                total, largest, secs = peak_memory_mb(big, args.memory_jobs, _env(trees[k]))
                row(
                    "peak MB, all processes (largest)",
                    {k: f"{total:.0f} ({largest:.0f})"},
                )
                row("seconds (articles/s)", {k: f"{secs:.0f} ({i / secs:.0f}/s)"})

    print("\npathological inputs (one article each, seconds)")
    patho = {k: run_measure(trees[k], "pathological", args.n) for k in names}
    for case in PATHOLOGICAL:
        row(case, {k: f"{patho[k][case]:.2f}" for k in names})
    return 0


if __name__ == "__main__":
    sys.exit(main())
