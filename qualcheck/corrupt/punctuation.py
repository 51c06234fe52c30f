"""Stray punctuation: the marks a spinner or a bad extraction leaves between words."""

from __future__ import annotations

import re

from .base import Edit, quotable_lines, single_quotation, text_only

_COMMA_CLAUSE = re.compile(r"(?<=\w), (?=(?:including|which|who|while|but|and|as|after|although) )")
_COMMA = re.compile(r"(?<=\w),(?= \w)")
_PERIOD = re.compile(r"(?<=[a-z]{3})\.(?= [A-Z])")
_CLOSE_QUOTE_END = re.compile(r"[.!?](?P<q>[\"”])$")
_SENT_START = re.compile(r"(?<=[a-z]{3}\. )(?P<w>The|This|It|He|She|They|But|In|A|An|That|Its)\b")


@text_only("stray-sequence")
def stray_sequence(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), ". , ", "stray-sequence", ((0, 3),)) for m in _COMMA_CLAUSE.finditer(text)]


@text_only("space-before")
def space_before(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), " ,", "space-before", ((0, 2),)) for m in _COMMA.finditer(text)]


@text_only("repeated")
def repeated(text: str) -> list[Edit]:
    out = [Edit(m.start(), m.end(), ",,", "repeated", ((0, 2),)) for m in _COMMA.finditer(text)]
    out += [Edit(m.start(), m.end(), "..", "repeated", ((0, 2),)) for m in _PERIOD.finditer(text)]
    return out


@text_only("unclosed-quote")
def unclosed_quote(text: str) -> list[Edit]:
    """Drop the closing mark of a quotation that ends its paragraph; the damage is its opening."""
    out = []
    for s, e in quotable_lines(text):
        line = text[s:e]
        m = _CLOSE_QUOTE_END.search(line)
        if m and single_quotation(line, m["q"]):
            op = s + line.index("“" if m["q"] == "”" else '"')
            kept = text[op : s + m.start("q")]
            out.append(Edit(op, s + m.end("q"), kept, "unclosed-quote", ((0, 1),)))
    return out


@text_only("lowercase-start")
def lower_start(text: str) -> list[Edit]:
    return [
        Edit(m.start(), m.end(), m["w"].lower(), "lowercase-start", ((0, len(m["w"])),))
        for m in _SENT_START.finditer(text)
    ]
