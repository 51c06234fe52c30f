"""What every damage kind shares: the records of a variant, an edit, and the kind registry.

A damage kind is a function from an article (and its `Context`) to the candidate edits it could
make there, registered with `@damage("kind")`. The generator picks among candidates with a seeded
generator, so a kind never decides where it lands; it only says where it could.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Intensity = Literal["light", "medium", "heavy"]


@dataclass(frozen=True)
class Damage:
    """One damage in a variant: `text[start:end]` is what a detector should point at."""

    kind: str
    start: int
    end: int
    field: str = "text"  # "title" when the damage is in the title


@dataclass(frozen=True)
class Variant:
    text: str
    damages: tuple[Damage, ...]
    intensity: str
    seed: int
    title: str = ""


@dataclass(frozen=True)
class Context:
    """What a damage kind may draw on besides the text: the title, another article, the seed."""

    title: str = ""
    donor: str = ""
    seed: int = 0
    donor_title: str = ""


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    kind: str
    marks: tuple[tuple[int, int], ...]  # damage spans relative to the replacement


Candidate = Edit | tuple[Edit, ...]  # a tuple's edits are one damage, applied together
Finder = Callable[[str, Context], list[Candidate]]

# The families in the generator's pool order, which is part of what makes a seed reproduce a
# variant; within a family, kinds keep the order their module defines them in.
FAMILIES: tuple[str, ...] = ("attribution", "punctuation", "boilerplate", "noise", "rewrite", "generated")
_REGISTRY: dict[str, tuple[int, int, Finder]] = {}


def damage(kind: str) -> Callable[[Finder], Finder]:
    """Register a damage kind's finder under its name, in its module's family."""

    def register(fn: Finder) -> Finder:
        _register(kind, fn, fn.__module__)
        return fn

    return register


def text_only(kind: str) -> Callable[[Callable[[str], list[Edit]]], Callable[[str], list[Edit]]]:
    """Register a kind that needs only the text, keeping the plain function callable on a text."""

    def register(fn: Callable[[str], list[Edit]]) -> Callable[[str], list[Edit]]:
        _register(kind, lambda text, _ctx: list(fn(text)), fn.__module__)
        return fn

    return register


def _register(kind: str, finder: Finder, module: str) -> None:
    family = module.rsplit(".", 1)[-1]
    if kind in _REGISTRY:
        raise ValueError(f"damage kind {kind} registered twice")
    _REGISTRY[kind] = (FAMILIES.index(family), len(_REGISTRY), finder)


def registered() -> dict[str, Finder]:
    """Every registered kind and its finder, in pool order (family, then definition order)."""
    order = sorted(_REGISTRY.items(), key=lambda item: item[1][:2])
    return {kind: finder for kind, (_f, _n, finder) in order}


def lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


def quotable_lines(text: str) -> list[tuple[int, int]]:
    """Lines whose quotation, once unclosed, cannot pass for one that runs on into the next
    paragraph (newspaper style), i.e. the next line does not open with a quotation mark."""
    spans = lines(text)
    out = []
    for k, (s, e) in enumerate(spans):
        nxt = text[spans[k + 1][0]] if k + 1 < len(spans) else ""
        if nxt not in ('"', "“"):
            out.append((s, e))
    return out


def single_quotation(line: str, closer: str) -> bool:
    """`line` holds exactly one quotation, so removing its closer leaves it unpaired."""
    if closer == "”":
        return line.count("“") == 1 and line.count("”") == 1
    return line.count('"') == 2
