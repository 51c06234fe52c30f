"""Where the tests find ../shared (real public data that a user's clone does not have).

Tests that read it skip cleanly when it is absent, except in CI (the `CI` environment variable
set), where a missing folder means the gate silently stopped measuring: there they fail.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRAIN = SHARED / "train"
BENCHMARK = SHARED / "benchmark"


def require(path: Path) -> Path:
    """`path`, or skip the test (fail it under CI) when it is missing."""
    if not path.exists():
        message = f"{path} is not in this checkout"
        if os.environ.get("CI"):
            pytest.fail(f"{message}, but CI is set: the gates that read ../shared must run")
        pytest.skip(message)
    return path
