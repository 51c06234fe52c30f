"""Hostile input stays linear: every regular expression that qualcheck compiles at module level
(detectors, text.py, punkt.py, furniture, io, ...) is run over adversarial inputs of a size and of
twice that size, and the time may grow at most 2.5 times.

A pattern is run the way qualcheck runs it: scanned over the whole input (`finditer`) when the code
anywhere scans with it (finditer, findall, sub, split, or search over a whole text); matched at the
start when the code only ever matches it at one place or searches a window of bounded size (the
`search(text, start, end)` of a detector looking a few words back).

A ratio measured within one run, not an absolute time: each size is timed several times,
interleaved, and the fastest run of each counts, so a busy machine slows both alike. Inputs grow
until a run takes long enough (a few milliseconds) for timer noise not to matter. A quadratic
pattern doubles to four times.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import regex

import qualcheck
from qualcheck.detectors import Caseless

MAX_RATIO = 2.5
MIN_SECONDS = 0.002  # a run at the larger size must take this long to be timed reliably (CPU time)
MAX_CHARS = 1 << 17  # larger, a backtracking stack outgrows the CPU caches: slower, not super-linear
REPEATS = 3
SLOW = 0.25  # seconds: one run is enough to time


def _modules() -> Iterator[Any]:
    for info in pkgutil.walk_packages(qualcheck.__path__, "qualcheck."):
        if info.name.startswith("qualcheck.integrations") or info.name.endswith("__main__"):
            continue  # optional extras (their patterns are the hosts'), and the entry point
        yield importlib.import_module(info.name)


def _patterns() -> list[tuple[str, Any]]:
    out: dict[str, Any] = {}
    for module in _modules():
        for name, value in vars(module).items():
            where = f"{module.__name__}.{name}"
            if isinstance(value, (re.Pattern, regex.Pattern)):
                out[where] = value
            elif isinstance(value, Caseless):
                out[f"{where}.lower"] = value.lower
                out[f"{where}.any_case"] = value.any_case
    return sorted(out.items())


PATTERNS = _patterns()


def _cycle(unit: str, n: int) -> str:
    return (unit * (n // max(1, len(unit)) + 1))[:n]


def _inputs(pattern: Any) -> dict[str, Callable[[int], str]]:
    """Generic hostile texts, and texts made of the pattern's own words and marks (which drive
    alternations and look-arounds deepest)."""
    source = pattern.pattern
    words = re.findall(r"[A-Za-z]{2,}", source) or ["word"]
    marks = "".join(sorted({c for c in source if c in ".,;:!?\"'“”‘’()[]{}-–—*#_/&@<>|=+"})) or ".,"
    return {
        "letters": lambda n: "a" * n,
        "capitalised words": lambda n: _cycle("Aaaaa ", n),
        "spaces": lambda n: " " * n,
        "blank lines": lambda n: _cycle("\n \n", n),
        "stray marks": lambda n: _cycle(". , ", n),
        "unclosed quotes": lambda n: _cycle('"word ', n),
        "one long token": lambda n: _cycle("a.b-c'd", n),
        "own words": lambda n: _cycle(" ".join(words) + " ", n),
        "own words capitalised": lambda n: _cycle(" ".join(w.capitalize() for w in words) + " ", n),
        "own words run together": lambda n: _cycle("".join(words), n),
        "own marks": lambda n: _cycle(marks, n),
        "own marks spaced": lambda n: _cycle(" ".join(marks) + " ", n),
    }


def _time(pattern: Any, text: str, scan: bool = True) -> float:
    """CPU time of this thread (not wall time: other processes on a busy machine do not count)."""
    t0 = time.thread_time()
    if scan:
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.match(text)
    return time.thread_time() - t0


_SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(qualcheck.__file__).parent.rglob("*.py"))
_SCANS = ("finditer", "findall", "sub", "subn", "split")


def scanned(name: str) -> bool:
    """Whether the code scans a whole text with the pattern `name` (its last dotted part, or the
    Caseless object's name), rather than matching it at one place or in a bounded window."""
    parts = name.split(".")
    var = parts[-2] if parts[-1] in ("lower", "any_case") else parts[-1]
    uses = re.findall(rf"\b{re.escape(var)}\.(\w+)\(([^()]*(?:\([^()]*\)[^()]*)*)\)", _SOURCE)
    for method, args in uses:
        if method in _SCANS:
            return True
        if method == "search" and args.count(",") < 2:  # no end position: the whole text
            return True
    return not uses  # used only inside other patterns, or not at all here: scan to be safe


def growth(pattern: Any, make: Callable[[int], str], scan: bool = True) -> tuple[float, int]:
    """(time at 2n / time at n, n), n grown until the larger run is long enough to time."""
    n = 4096
    while True:
        small, large = make(n), make(2 * n)
        first = _time(pattern, large, scan)
        if first >= MIN_SECONDS or 8 * n > MAX_CHARS:
            break
        n *= 4
    best_small, best_large = float("inf"), first
    for _ in range(1 if first > SLOW else REPEATS):  # a run that long is not noise
        best_small = min(best_small, _time(pattern, small, scan))
        best_large = min(best_large, _time(pattern, large, scan))
    return best_large / max(best_small, 1e-9), n


def test_usage_is_read_from_the_code() -> None:
    assert scanned("qualcheck.text._WORD_SPLIT")  # split
    assert scanned("qualcheck.detectors.generated._STOCK_RE.lower")  # Caseless finditer
    assert not scanned("qualcheck.features._NAME_AFTER")  # match at a word's end only


def test_the_patterns_are_found() -> None:
    names = [name for name, _ in PATTERNS]
    assert len(names) > 50
    for expected in (
        "qualcheck.text._WORD",
        "qualcheck.punkt._WORD_TOKEN",
        "qualcheck.detectors.generated._STOCK_RE.lower",
    ):
        assert expected in names


def test_the_measure_catches_a_quadratic_pattern_and_passes_a_linear_one() -> None:
    """`a+b` runs to the end of a row of letters from every start and finds no `b`: quadratic."""
    gc.disable()
    try:
        quadratic = _super_linear(re.compile(r"a+b"), True)
        linear = _super_linear(re.compile(r"a+"), True)
    finally:
        gc.enable()
    assert any(w.startswith("letters") for w in quadratic), quadratic
    assert not linear, linear


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_time_grows_linearly_on_hostile_input(name: str, pattern: Any) -> None:
    gc.disable()  # a collection inside one run and not the other is noise
    try:
        worst = _super_linear(pattern, scanned(name))
    finally:
        gc.enable()
    assert not worst, f"{name} is super-linear on " + "; ".join(worst)


def growth_at(pattern: Any, make: Callable[[int], str], n: int, scan: bool = True) -> float:
    """Time at 2n / time at n, each the best of REPEATS runs."""
    small, large = make(n), make(2 * n)
    return min(_time(pattern, large, scan) for _ in range(REPEATS)) / max(
        min(_time(pattern, small, scan) for _ in range(REPEATS)), 1e-9
    )


def _super_linear(pattern: Any, scan: bool) -> list[str]:
    worst = []
    for kind, make in _inputs(pattern).items():
        ratio, n = growth(pattern, make, scan)
        if ratio > MAX_RATIO:  # measure once more before blaming the pattern: the machine may be busy
            ratio = min(ratio, growth(pattern, make, scan)[0])
        if ratio > MAX_RATIO:
            # and at half the size: a super-linear pattern outgrows its input at every size, while the
            # allocator or a cache steps up at one (`(.)\1+` over 65,536 -> 131,072 letters took 2.5-3.3
            # times as long on one VM, 1.95 times one doubling below and 1.8 times at 1-4 MB)
            ratio = min(ratio, growth_at(pattern, make, n // 2, scan))
        if ratio > MAX_RATIO:
            worst.append(f"{kind} ({n:,} -> {2 * n:,} chars): {ratio:.1f}x")
    return worst
