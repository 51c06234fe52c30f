"""The damage generator: content-farm variants of clean articles, with the span of every damage.

No corpus of real spun pages can be had, so qualcheck learns from damage it applies itself. Each
damage kind finds the places in an article where it can act (a reporting clause, a closing quote,
the end of the text), picks one with a seeded generator and records where the damage landed in
the new text, so evaluation can compare detector spans with the truth.

One module a family of damage, as with the detectors: adding a kind is one decorated function in
its family's module (`@damage("kind")` from `base`) plus its tests.
"""

from __future__ import annotations

import importlib

from .base import FAMILIES, Damage, Finder, Intensity, Variant, registered
from .boilerplate import TAIL_KINDS
from .generate import (
    INTENSITY_RANGE,
    LATE_KINDS,
    NOISE_KINDS,
    NOISE_ONLY,
    RIDER_KINDS,
    all_kinds,
    corrupt,
    pipeline_noise,
)
from .noise import respell
from .page import TITLE_KINDS

# Each family module registers its kinds when imported (base.FAMILIES gives their pool order).
for _family in FAMILIES:
    importlib.import_module(f"{__name__}.{_family}")

KINDS: dict[str, Finder] = registered()
ALL_KINDS: tuple[str, ...] = all_kinds()
# Families of kinds, for training and measuring each in isolation.
KIND_FAMILIES: dict[str, tuple[str, ...]] = {
    "attribution": ("split-name", "orphan-fragment", "doubled-verb", "run-in-quote"),
    "punctuation": ("stray-sequence", "space-before", "repeated", "unclosed-quote", "lowercase-start", "drop-cap"),
    "boilerplate": ("markup", "mojibake", *TAIL_KINDS, "repeated-paragraph", "locale-number", "ad-slot"),
    "rewrite": (
        "entity-drift",
        "tortured-phrase",
        "literal-translation",
        "spliced-paragraph",
        "calque-tense",
        "calque-attribution",
        "calque-preposition",
    ),
    "generated": ("assistant-leftover", "placeholder", "markdown", "spintax", "reader-frame"),
    "page": TITLE_KINDS,
}
# Spinning is prose damage: a spinner's synonym swaps join the prose-only variant (the late kinds
# without any swaps cost the benchmark's ROC AUC 0.013: docs/measurements.md).
PROSE_KINDS: tuple[str, ...] = KIND_FAMILIES["rewrite"] + ("doubled-verb", "split-name", "synonym-swap")

__all__ = [
    "ALL_KINDS",
    "FAMILIES",
    "INTENSITY_RANGE",
    "KINDS",
    "KIND_FAMILIES",
    "LATE_KINDS",
    "NOISE_KINDS",
    "NOISE_ONLY",
    "PROSE_KINDS",
    "RIDER_KINDS",
    "TAIL_KINDS",
    "TITLE_KINDS",
    "Damage",
    "Intensity",
    "Variant",
    "corrupt",
    "pipeline_noise",
    "respell",
]
