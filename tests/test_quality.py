"""Lint and type checks run with the tests, so CI's single test command enforces them."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is in the dev extra")
def test_ruff_lint_and_format() -> None:
    lint = _run("ruff", "check", "qualcheck", "tests", "bench")
    assert lint.returncode == 0, lint.stdout
    fmt = _run("ruff", "format", "--check", "qualcheck", "tests", "bench")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy() -> None:
    pytest.importorskip("mypy")
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout


def test_import_stays_light() -> None:
    """`import qualcheck` must not pull in scikit-learn, nltk or joblib (the CLI starts fast)."""
    code = "import sys, qualcheck; print(sorted(m for m in ('sklearn', 'nltk', 'joblib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert out.stdout.strip() == "[]"
