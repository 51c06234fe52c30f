"""Lint and type checks run with the tests, so CI's single test command enforces them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_lint_and_format() -> None:
    """Runs the ruff of this interpreter (the dev extra): a missing ruff fails, it never skips."""
    lint = _run(sys.executable, "-m", "ruff", "check", "qualcheck", "tests", "bench")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = _run(sys.executable, "-m", "ruff", "format", "--check", "qualcheck", "tests", "bench")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy() -> None:
    result = _run(sys.executable, "-m", "mypy")  # the dev extra: a missing mypy fails too
    assert result.returncode == 0, result.stdout


def test_import_stays_light() -> None:
    """`import qualcheck` must not pull in scikit-learn, nltk or joblib (the CLI starts fast)."""
    code = "import sys, qualcheck; print(sorted(m for m in ('sklearn', 'nltk', 'joblib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.stdout.strip() == "[]"
