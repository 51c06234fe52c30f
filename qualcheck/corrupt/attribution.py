"""Garbled attribution: what a spinner or a careless extractor does to `X said`."""

from __future__ import annotations

import re

from ..lexicon import speech_verbs
from .base import Edit, quotable_lines, single_quotation, text_only

_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_WHERE = r"(?: (?:in|on|at|during|outside|after|before|via|to) [^.!?\"“”\n,;:]{1,50})"
_SAID_FULL = re.compile(
    rf"(?<=[\s,])(?P<first>{_NAME}) (?P<last>{_NAME}) (?P<verb>said|told reporters|added)(?P<rest>{_WHERE}?)\."
)
_SAID_SURNAME_WHERE = re.compile(rf"(?<=[\s,”\"])(?P<name>{_NAME}) said(?P<where>{_WHERE})\.")
_REPORTED_WHERE = re.compile(
    r" (?:in an? (?:[\w-]+ )?(?:statement|interview|briefing)|to reporters|on (?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday))(?: \w+){0,2}$"
)
_VERBISH = re.compile(r"\b(?:was|were|is|are|that|had|has|have|would|will|who|which|\w+ed)\b")
_SAID_ANY = re.compile(r"\bsaid(?= (?:the|a|an|[A-Z])\w*)")
_QUOTE_SPEAKER_END = re.compile(
    r"(?<!\w)(?P<word>\w+),(?P<q>[\"”]) (?P<speaker>(?:(?:[A-Z][a-z]*\.? ){0,2}[A-Z][\w'-]+)|he|she|they)"
    r" (?P<verb>said|added)(?P<rest>[^\"“”\n.]{0,50})\.(?= [\"“]|$)"
)
_DOUBLING_VERBS = speech_verbs("doubled")  # what follows `said` in a doubled verb, taken in turn


@text_only("split-name")
def split_name(text: str) -> list[Edit]:
    out = []
    for m in _SAID_FULL.finditer(text):
        if _VERBISH.search(m["rest"]):
            continue
        where = m["rest"] or (" to reporters" if m["verb"] != "said" else " in a statement")
        rep = f"{m['first']} said. {m['last']}{where}."
        out.append(Edit(m.start(), m.end(), rep, "split-name", ((0, len(m["first"]) + 7 + len(m["last"])),)))
    return out


@text_only("orphan-fragment")
def orphan_fragment(text: str) -> list[Edit]:
    out = []
    for m in _SAID_SURNAME_WHERE.finditer(text):
        if _VERBISH.search(m["where"]):
            continue
        where = m["where"] if _REPORTED_WHERE.match(m["where"]) else " in a statement"
        rep = f"he said. {m['name']}{where}."
        out.append(Edit(m.start(), m.end(), rep, "orphan-fragment", ((9, len(rep)),)))
    return out


@text_only("doubled-verb")
def doubled_verb(text: str) -> list[Edit]:
    out = []
    for i, m in enumerate(_SAID_ANY.finditer(text)):
        second = _DOUBLING_VERBS[i % len(_DOUBLING_VERBS)]
        rep = f"said {second}"
        out.append(Edit(m.start(), m.end(), rep, "doubled-verb", ((0, len(rep)),)))
    return out


@text_only("run-in-quote")
def run_in_quote(text: str) -> list[Edit]:
    out = []
    for s, e in quotable_lines(text):
        line = text[s:e]
        m = _QUOTE_SPEAKER_END.search(line)
        if m and single_quotation(line[: m.end("q")], m["q"]):
            rep = f"{m['word']} {m['speaker']} {m['verb']}{m['rest']}."
            span = len(m["word"]) + len(m["speaker"]) + len(m["verb"]) + 2
            out.append(Edit(s + m.start(), s + m.end(), rep, "run-in-quote", ((0, span),)))
    return out


_SPEAKER_ROLES = "spokesman|spokeswoman|official|minister|coach|manager|president|police|company|lawyer"
_QUOTE_ATTRIBUTION = re.compile(
    r"[,?!][\"”] (?P<who>the (?:[a-z\-]+ )?(?:" + _SPEAKER_ROLES + r")|(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+|he|she)"
    r" (?P<verb>said|says|added|told reporters)"
    r"(?P<rest>(?: (?:in|on|at|after|during|outside|before|via) [^.!?\"“”\n,;:]{1,50})?)\.(?=\s|$)"
)


@text_only("verbless-attribution")
def verbless_attribution(text: str) -> list[Edit]:
    """`"We will win," the coach said after the game.` loses its verb: `..., the coach after the
    game.` A pronoun becomes `the official`, and a bare `said` gains `in a statement`."""
    out = []
    for m in _QUOTE_ATTRIBUTION.finditer(text):
        if _VERBISH.search(m["rest"]):
            continue
        who = "the official" if m["who"] in ("he", "she") else m["who"]
        rest = m["rest"] or (" to reporters" if m["verb"] == "told reporters" else " in a statement")
        rep = f"{who}{rest}."
        out.append(Edit(m.start("who"), m.end(), rep, "verbless-attribution", ((0, len(rep)),)))
    return out
