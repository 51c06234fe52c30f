"""The shared content-farm seed article gives exactly the findings a reader would point at."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcheck.detectors import run_all
from qualcheck.text import Doc

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "content-farm-example.txt"

EXPECTED = {
    ("QC101", "John said. Kirby"),
    ("QC103", "said declared"),
    ("QC201", ". ,"),
    ("QC104", "Soleimani Rattansi said"),
    ("QC301", "Source link"),
    ("QC302", "Leave a Reply"),
    ("QC302", "Your email address will not be published."),
    ("QC302", "Required fields are marked *"),
}


def test_seed_findings() -> None:
    if not SEED.is_file():
        pytest.skip(f"seed article not found: {SEED}")
    text = SEED.read_text(encoding="utf-8")
    findings = run_all(Doc(text))
    assert {(f.code, text[f.start : f.end]) for f in findings} == EXPECTED
    assert len(findings) == len(EXPECTED)
