"""Stray punctuation: the marks a spinner or a bad extraction leaves between words."""

from __future__ import annotations

import re

from .base import Candidate, Context, Edit, damage, quotable_lines, single_quotation, text_only

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


# A sentence break lost in extraction or reflowing: "said Perez. Starting" -> "said PerezStarting".
_GLUABLE = re.compile(
    r"(?<![\w’'])[a-z][\w,]* (?P<left>(?P<low>[a-z]{3,})|[A-Z][a-z]{2,})\. "
    r"(?P<right>The|This|They|She|But|After|When|Their|There|That|These|Some|Many|However|Meanwhile"
    r"|(?(low)(?:It|He|In|We)|(?!)))\b(?![’'\-])"
)
_CONTRACTION = re.compile(
    r"\b(?:\w+n[’']t|(?:you|they)[’'](?:re|ve|ll|d)|we[’']ve|(?:that|what|there|she)[’']s"
    r"|(?:could|should|would|must)[’']ve)\b",
    re.IGNORECASE,
)
_INNER_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")
_AMBIGUOUS_STRIPPED = frozenset(("cant", "wont"))  # words in their own right: a detector skips them


@text_only("glued-sentence")
def glued_sentence(text: str) -> list[Edit]:
    out = []
    for m in _GLUABLE.finditer(text):
        rep = m["left"] + m["right"]
        out.append(Edit(m.start("left"), m.end(), rep, "glued-sentence", ((0, len(rep)),)))
    return out


@damage("stripped-apostrophe")
def stripped_apostrophe(text: str, _ctx: Context) -> list[Candidate]:
    """A scraper that drops every apostrophe inside a word (`isnt`, `dont`, `the governments
    plan`): one damage over the whole article, marked at its contractions. Articles with fewer
    than two contractions offer no place: a lone stripped one reads as a typo."""
    words = [
        (m.start(), m.end(), stripped)
        for m in _CONTRACTION.finditer(text)
        if (stripped := _INNER_APOSTROPHE.sub("", m.group())).lower() not in _AMBIGUOUS_STRIPPED
    ]
    if len(words) < 2:
        return []
    edits = [Edit(s, e, w, "stripped-apostrophe", ((0, len(w)),)) for s, e, w in words]
    inside = {i for s, e, _ in words for i in range(s, e)}
    edits += [
        Edit(m.start(), m.end(), "", "stripped-apostrophe", ())
        for m in _INNER_APOSTROPHE.finditer(text)
        if m.start() not in inside
    ]
    return [tuple(sorted(edits, key=lambda e: e.start))]


# A drop cap copied as a letter of its own before the paragraph's first word in full (QC211). Not
# before `A`: `A A` could be a list, and QC211 wants a word after the letter.
_PARAGRAPH_OPENER = re.compile(
    r"(?:^|(?<=\n\n))(?=(?P<w>The|This|That|These|There|They|When|While|After|Before|In|On|At|It|He|She|But|For|An)\b)"
)


@text_only("drop-cap")
def drop_cap(text: str) -> list[Edit]:
    return [
        Edit(m.start(), m.start(), m["w"][0] + " ", "drop-cap", ((0, len(m["w"]) + 2),))
        for m in _PARAGRAPH_OPENER.finditer(text)
    ]
