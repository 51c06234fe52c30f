"""Time and size of `qualcheck report` over the public benchmark files, on one core.

    python bench/report.py [--dir ../shared/benchmark] [--top 25] [--copies 1] [--keep FILE.html]

Runs the command as a user would (`python -m qualcheck report ... --jobs 1`, pinned to one CPU
where `taskset` exists) and prints articles, wall time, the report's size and the peak memory of
the process. `--copies K` passes the files K times, to show time grows with the input while size
and memory do not. Targets (issue 16): 2,324 articles in under 10 s, under 5 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = ("clean-bbc.jsonl", "llm-generated-news.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", default=str(ROOT.parent / "shared" / "benchmark"))
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--keep", metavar="FILE.html", help="keep the report here")
    args = ap.parse_args()
    paths = [str(Path(args.dir) / f) for f in FILES]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or os.path.join(tmp, "report.html")
        cmd = [sys.executable, "-m", "qualcheck", "report", *paths * args.copies, "-o", out]
        cmd += ["--top", str(args.top), "--jobs", "1"]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        start = time.perf_counter()
        done = subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}
        )
        seconds = time.perf_counter() - start
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        size = os.path.getsize(out)
        found = re.search(r"(\d+) articles, (\d+) flagged", done.stderr)
        n, flagged = (int(found.group(1)), int(found.group(2))) if found else (0, 0)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"articles        {n:,} ({flagged:,} flagged), top {args.top} with their text")
    target = "   target < 10 s" if args.copies == 1 else ""
    print(f"time            {seconds:.2f} s on one core ({n / seconds:,.0f} articles/s){target}")
    print(f"size            {size / 1e6:.2f} MB   target < 5 MB")
    print(f"peak memory     {peak:.0f} MB")
    return 0 if seconds < 10 * args.copies and size < 5e6 else 1


if __name__ == "__main__":
    sys.exit(main())
