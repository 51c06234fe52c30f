"""The detector registry.

A detector is a function from a `Doc` to `Finding`s, registered with `@detector`. The codes it may
emit are declared with `rule(...)` in the same module, so `qualcheck rules` and the feature vector
always list exactly what the detectors can produce. Adding a detector touches one module only.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import islice
from typing import Any

from ..text import Doc
from ..types import Finding, Rule, Severity

Detector = Callable[[Doc], Iterable[Finding]]

FAMILIES: tuple[str, ...] = ("attribution", "punctuation", "boilerplate", "rewrite", "generated", "page")
_RULES: dict[str, Rule] = {}
_DETECTORS: list[Detector] = []


class Caseless:
    """A case-insensitive pattern, written in lower case. It runs on the article's lower-cased
    text when lower-casing kept every offset (several times faster than IGNORECASE), else on the
    text with IGNORECASE. With `anchors`, it does not run at all on a lower-cased text containing
    none of them: every match must contain one. The anchors of every such pattern are looked up
    together, in one pass over the text (see `anchor_starts`)."""

    def __init__(self, pattern: str, flags: int = 0, anchors: tuple[str, ...] = ()) -> None:
        self.lower = re.compile(pattern, flags)
        self.any_case = re.compile(pattern, flags | re.IGNORECASE)
        self.anchors = anchors
        if anchors:
            _ANCHORS.update(anchors)

    def finditer(self, doc: Doc, pos: int = 0) -> Iterator[re.Match[str]]:
        """Matches from `pos` on (offsets into the article's text)."""
        low = doc.lower
        if low is None:
            return self.any_case.finditer(doc.text, pos)
        if self.anchors:
            last = anchor_starts(doc)
            if pos == 0:  # the common call: whether any anchor occurs at all, one set operation in C
                if last.keys().isdisjoint(self.anchors):
                    return iter(())
            elif not any(last.get(a, -1) >= pos for a in self.anchors):
                return iter(())
        return self.lower.finditer(low, pos)

    def search(self, doc: Doc, pos: int, endpos: int) -> re.Match[str] | None:
        low = doc.lower
        if low is None:
            return self.any_case.search(doc.text, pos, endpos)
        return self.lower.search(low, pos, endpos)


_ANCHORS: set[str] = set()  # every anchor of every Caseless pattern, and the shared_anchors


def shared_anchors(words: tuple[str, ...]) -> tuple[str, ...]:
    """Register lower-case strings to be found in the same Aho-Corasick pass as the Caseless
    anchors: `word in doc.lower` is then `word in anchor_starts(doc)`, a dictionary look-up
    instead of a scan of the text per word."""
    _ANCHORS.update(words)
    return words


def anchor_starts(doc: Doc) -> dict[str, int]:
    """Where each anchor of the Caseless patterns last starts in the article's lower-cased text
    (absent: nowhere), found for all of them in one Aho-Corasick pass and kept with the article.
    `low.find(anchor, pos) >= 0` is `starts.get(anchor, -1) >= pos`; one `find` per anchor
    and pattern cost a tenth of scoring time."""
    low = doc.lower
    if low is None:
        return {}
    automaton = _automaton()
    key = ("anchor_starts", _BUILT[0])
    found: dict[str, int] | None = doc.shared.get(key)
    if found is None:
        found = {}
        for end, anchor in automaton.iter(low):
            found[anchor] = end - len(anchor) + 1  # later occurrences come later: the last one stays
        doc.shared[key] = found
    return found


def _automaton() -> Any:
    """The automaton of all anchors, built on first use and again when a module added anchors."""
    if len(_ANCHORS) != _BUILT[0]:
        _BUILT[:] = [len(_ANCHORS), _build_automaton(frozenset(_ANCHORS))]
    return _BUILT[1]


_BUILT: list[Any] = [-1, None]


def _build_automaton(anchors: frozenset[str]) -> Any:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for a in sorted(anchors):
        automaton.add_word(a, a)
    if not anchors:
        automaton.add_word("\x00\x00", "\x00\x00")  # an automaton needs one word; NULs pair in no article
    automaton.make_automaton()
    return automaton


def rule(code: str, name: str, family: str, severity: Severity, description: str) -> Rule:
    """Declare a finding code. Codes are stable: refine a rule, never renumber it."""
    if code in _RULES and _RULES[code] != Rule(code, name, family, severity, description):
        raise ValueError(f"finding code {code} declared twice")
    r = Rule(code, name, family, severity, description)
    _RULES[code] = r
    return r


def detector(fn: Detector) -> Detector:
    if fn not in _DETECTORS:
        _DETECTORS.append(fn)
    return fn


def finding(r: Rule, start: int, end: int, message: str | None = None, *, field: str = "text") -> Finding:
    return Finding(start, end, r.code, r.name, r.family, r.severity, message or r.description, field)


@cache
def _load() -> None:
    """Import every family once (registering its detectors); cached, because import_module on a
    loaded module still costs a microsecond, per family per article."""
    for family in FAMILIES:
        importlib.import_module(f"{__name__}.{family}")


def rules() -> list[Rule]:
    """Every registered rule, in code order."""
    _load()
    return [_RULES[c] for c in sorted(_RULES)]


def detectors() -> list[Detector]:
    _load()
    return list(_DETECTORS)


MAX_FINDINGS_PER_DETECTOR = 1000


def run_all(doc: Doc) -> list[Finding]:
    """All findings for one article, in text order, without exact duplicates.

    A detector reports at most MAX_FINDINGS_PER_DETECTOR findings per article: beyond that the
    verdict cannot change and nobody reads the list, while a megabyte of `. , . ,` would make a
    quarter of a million findings (and the time to build and sort them).
    """
    found: set[Finding] = set()
    for fn in detectors():
        found.update(islice(fn(doc), MAX_FINDINGS_PER_DETECTOR))
    return sorted(found, key=_text_order)


def _text_order(f: Finding) -> tuple[int, int, str, str, str]:
    # a key tuple sorts many findings far faster than the dataclass's generated comparisons
    return (f.start, f.end, f.code, f.message, f.field)
