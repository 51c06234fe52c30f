"""The damage generator: content-farm variants of clean articles, with the span of every damage.

No corpus of real spun pages can be had, so qualcheck learns from damage it applies itself. Each
damage kind finds the places in an article where it can act (a reporting clause, a closing quote,
the end of the text), picks one with a seeded generator and records where the damage landed in
the new text, so evaluation can compare detector spans with the truth.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

Intensity = Literal["light", "medium", "heavy"]
INTENSITY_RANGE: dict[str, tuple[int, int]] = {"light": (1, 2), "medium": (3, 5), "heavy": (6, 10)}


@dataclass(frozen=True)
class Damage:
    """One damage in a variant: `text[start:end]` is what a detector should point at."""

    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Variant:
    text: str
    damages: tuple[Damage, ...]
    intensity: str
    seed: int


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    replacement: str
    kind: str
    marks: tuple[tuple[int, int], ...]  # damage spans relative to the replacement


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
    r"(?P<word>\w+),(?P<q>[\"”]) (?P<speaker>(?:(?:[A-Z][a-z]*\.? ){0,2}[A-Z][\w'-]+)|he|she|they)"
    r" (?P<verb>said|added)(?P<rest>[^\"“”\n.]{0,50})\.(?= [\"“]|$)"
)
_COMMA_CLAUSE = re.compile(r"(?<=\w), (?=(?:including|which|who|while|but|and|as|after|although) )")
_COMMA = re.compile(r"(?<=\w),(?= \w)")
_PERIOD = re.compile(r"(?<=[a-z]{3})\.(?= [A-Z])")
_CLOSE_QUOTE_END = re.compile(r"[.!?](?P<q>[\"”])$")
_SENT_START = re.compile(r"(?<=[a-z]{3}\. )(?P<w>The|This|It|He|She|They|But|In|A|An|That|Its)\b")
_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")
_CURLY = re.compile(r"[“”’é]")

_SPEECH_VERBS = ("declared", "stated", "said", "told")
_FOOTERS = ("Source link", "Source Link", "Read more", "Continue reading", "Read the full article")
_CHROME = (
    "Share this:",
    "Related Posts",
    "Advertisement",
    "You may also like",
    "Share on Facebook",
    "Subscribe to our newsletter",
    "Like this:",
)
_SITE_WORDS_A = ("Global", "Daily", "World", "Latest", "Breaking", "Trending", "Prime", "Metro")
_SITE_WORDS_B = ("News Hub", "Times Online", "Post 24", "Wire", "Headlines", "Express", "Today", "Digest")
_MOJIBAKE = {"’": "â€™", "“": "â€œ", "”": "â€\u009d", "é": "Ã©"}
_ENTITIES = {"’": "&#8217;", "'": "&#039;", "“": "&#8220;", "”": "&#8221;"}


def _lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


# --- damage kinds: each returns the candidate edits for one article ---------------------------


def _split_name(text: str) -> list[_Edit]:
    out = []
    for m in _SAID_FULL.finditer(text):
        if _VERBISH.search(m["rest"]):
            continue
        where = m["rest"] or (" to reporters" if m["verb"] != "said" else " in a statement")
        rep = f"{m['first']} said. {m['last']}{where}."
        out.append(_Edit(m.start(), m.end(), rep, "split-name", ((0, len(m["first"]) + 7 + len(m["last"])),)))
    return out


def _orphan_fragment(text: str) -> list[_Edit]:
    out = []
    for m in _SAID_SURNAME_WHERE.finditer(text):
        if _VERBISH.search(m["where"]):
            continue
        where = m["where"] if _REPORTED_WHERE.match(m["where"]) else " in a statement"
        rep = f"he said. {m['name']}{where}."
        out.append(_Edit(m.start(), m.end(), rep, "orphan-fragment", ((9, len(rep)),)))
    return out


def _doubled_verb(text: str) -> list[_Edit]:
    out = []
    for i, m in enumerate(_SAID_ANY.finditer(text)):
        second = _SPEECH_VERBS[i % 2]
        rep = f"said {second}"
        out.append(_Edit(m.start(), m.end(), rep, "doubled-verb", ((0, len(rep)),)))
    return out


def _run_in_quote(text: str) -> list[_Edit]:
    out = []
    for s, e in _quotable_lines(text):
        line = text[s:e]
        m = _QUOTE_SPEAKER_END.search(line)
        if m and _single_quotation(line[: m.end("q")], m["q"]):
            rep = f"{m['word']} {m['speaker']} {m['verb']}{m['rest']}."
            span = len(m["word"]) + len(m["speaker"]) + len(m["verb"]) + 2
            out.append(_Edit(s + m.start(), s + m.end(), rep, "run-in-quote", ((0, span),)))
    return out


def _quotable_lines(text: str) -> list[tuple[int, int]]:
    """Lines whose quotation, once unclosed, cannot pass for one that runs on into the next
    paragraph (newspaper style), i.e. the next line does not open with a quotation mark."""
    lines = _lines(text)
    out = []
    for k, (s, e) in enumerate(lines):
        nxt = text[lines[k + 1][0]] if k + 1 < len(lines) else ""
        if nxt not in ('"', "“"):
            out.append((s, e))
    return out


def _stray_sequence(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), ". , ", "stray-sequence", ((0, 3),)) for m in _COMMA_CLAUSE.finditer(text)]


def _space_before(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), " ,", "space-before", ((0, 2),)) for m in _COMMA.finditer(text)]


def _repeated(text: str) -> list[_Edit]:
    out = [_Edit(m.start(), m.end(), ",,", "repeated", ((0, 2),)) for m in _COMMA.finditer(text)]
    out += [_Edit(m.start(), m.end(), "..", "repeated", ((0, 2),)) for m in _PERIOD.finditer(text)]
    return out


def _unclosed_quote(text: str) -> list[_Edit]:
    """Drop the closing mark of a quotation that ends its paragraph; the damage is its opening."""
    out = []
    for s, e in _quotable_lines(text):
        line = text[s:e]
        m = _CLOSE_QUOTE_END.search(line)
        if m and _single_quotation(line, m["q"]):
            op = s + line.index("“" if m["q"] == "”" else '"')
            kept = text[op : s + m.start("q")]
            out.append(_Edit(op, s + m.end("q"), kept, "unclosed-quote", ((0, 1),)))
    return out


def _single_quotation(line: str, closer: str) -> bool:
    """`line` holds exactly one quotation, so removing its closer leaves it unpaired."""
    if closer == "”":
        return line.count("“") == 1 and line.count("”") == 1
    return line.count('"') == 2


def _lower_start(text: str) -> list[_Edit]:
    return [
        _Edit(m.start(), m.end(), m["w"].lower(), "lowercase-start", ((0, len(m["w"])),))
        for m in _SENT_START.finditer(text)
    ]


def _markup(text: str) -> list[_Edit]:
    out = []
    for m in _APOSTROPHE.finditer(text):
        rep = _ENTITIES[m.group()]
        out.append(_Edit(m.start(), m.end(), rep, "markup", ((0, len(rep)),)))
    for s, _e in _lines(text)[1:]:
        out.append(_Edit(s, s, "<p>", "markup", ((0, 3),)))
    return out


def _mojibake(text: str) -> list[_Edit]:
    out = []
    for m in _CURLY.finditer(text):
        rep = _MOJIBAKE[m.group()]
        out.append(_Edit(m.start(), m.end(), rep, "mojibake", ((0, len(rep)),)))
    return out


# An extractor that drops a linked or bold name leaves ". , who won" or ". won the race".
_DROPPABLE_NAME = re.compile(r"(?<=[.!?] )[A-Z][a-z]+(?: [A-Z][a-z]+)? (?=[a-z,])")


def _dropped_name(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "", "dropped-name", ()) for m in _DROPPABLE_NAME.finditer(text)]


Finder = Callable[[str], list[_Edit]]
KINDS: dict[str, Finder] = {
    "split-name": _split_name,
    "orphan-fragment": _orphan_fragment,
    "doubled-verb": _doubled_verb,
    "run-in-quote": _run_in_quote,
    "stray-sequence": _stray_sequence,
    "space-before": _space_before,
    "repeated": _repeated,
    "unclosed-quote": _unclosed_quote,
    "lowercase-start": _lower_start,
    "markup": _markup,
    "mojibake": _mojibake,
    "dropped-name": _dropped_name,
}
# Chrome added at the end of the page rather than inside the prose.
TAIL_KINDS: tuple[str, ...] = ("footer", "comment-form", "syndication", "share-chrome")
ALL_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k != "dropped-name") + TAIL_KINDS


def _tail_block(kind: str, rng: random.Random, title: str) -> list[tuple[str, str | None]]:
    """Lines to append for a chrome kind; the second item names the damage kind if it is one."""
    if kind == "footer":
        return [(rng.choice(_FOOTERS), kind)]
    if kind == "comment-form":
        lines: list[tuple[str, str | None]] = [("Leave a Reply", kind)]
        notice = ["Your email address will not be published.", "Required fields are marked *"]
        if rng.random() < 0.5:
            lines.append((" ".join(notice), None))
        else:
            lines += [(n, kind) for n in notice]
        if rng.random() < 0.3:
            lines.append(("Save my name, email, and website in this browser for the next time I comment.", kind))
        return lines
    if kind == "syndication":
        site = f"{rng.choice(_SITE_WORDS_A)} {rng.choice(_SITE_WORDS_B)}"
        return [(f"The post {title or 'News update'} appeared first on {site}.", kind)]
    return [(rng.choice(_CHROME), kind)]


# Artifacts that honest pipelines produce too: a wrong charset or unescaped entities applied
# throughout, a stray space or mark, a linked name dropped by the extractor (". , who won"). Clean
# articles carrying them stay clean for training, so a lone artifact counts as weak evidence.
NOISE_KINDS: tuple[str, ...] = ("charset", "entities", "space-before", "repeated", "unclosed-quote", "dropped-name")
_CHARSET = str.maketrans({**_MOJIBAKE, "£": "Â£", "€": "â‚¬", "—": "â€”", "–": "â€“"})
_ACCENTED = re.compile(r"[à-ÿÀ-ß’“”—]")


def pipeline_noise(text: str, *, seed: int) -> str:
    """One to three extraction artifacts, or a charset or entity error applied throughout as a
    real one would be."""
    rng = random.Random(seed)
    kind = rng.choice(NOISE_KINDS)
    if kind == "charset":
        return text.translate(_CHARSET)
    if kind == "entities":
        return _ACCENTED.sub(lambda m: f"&#{ord(m.group())};", text)
    return corrupt(text, seed=seed, kinds=[kind], count=rng.randint(1, 3)).text


def corrupt(
    text: str,
    *,
    seed: int,
    intensity: Intensity = "light",
    kinds: Sequence[str] | None = None,
    title: str = "",
    count: int | None = None,
) -> Variant:
    """A damaged copy of `text` with `count` damages (default: `intensity`'s range) from `kinds`.

    Deterministic in (`text`, `seed`, `intensity`, `kinds`). A kind with no place to act in this
    article is skipped, so a variant can carry fewer damages than asked for (never zero when any
    chosen kind can act: tail chrome always can).
    """
    rng = random.Random(seed)
    pool = list(kinds) if kinds is not None else list(ALL_KINDS)
    lo, hi = INTENSITY_RANGE[intensity]
    wanted = count if count is not None else rng.randint(lo, hi)
    sep = "\n\n" if "\n" in text else " "
    edits: list[_Edit] = []
    tails: list[tuple[str, str | None]] = []
    candidates: dict[str, list[_Edit]] = {}
    attempts = 0
    while len(edits) + sum(1 for _, k in tails if k) < wanted and attempts < wanted * 6:
        attempts += 1
        kind = rng.choice(pool)
        if kind in TAIL_KINDS:
            tails += _tail_block(kind, rng, title)
            continue
        if kind not in candidates:
            candidates[kind] = KINDS[kind](text)
        free = [c for c in candidates[kind] if not any(_overlaps(c, e) for e in edits)]
        if free:
            edits.append(rng.choice(free))
    return _apply(text, edits, tails, sep, intensity, seed)


def _overlaps(a: _Edit, b: _Edit, margin: int = 3) -> bool:
    return a.start < b.end + margin and b.start < a.end + margin


def _apply(
    text: str, edits: list[_Edit], tails: list[tuple[str, str | None]], sep: str, intensity: str, seed: int
) -> Variant:
    flat = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    damages: list[Damage] = []
    pos = 0
    out_len = 0
    for e in flat:
        parts.append(text[pos : e.start])
        out_len += e.start - pos
        for ms, me in e.marks:
            damages.append(Damage(e.kind, out_len + ms, out_len + me))
        parts.append(e.replacement)
        out_len += len(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    body = "".join(parts).rstrip()
    out_len = len(body)
    pieces = [body]
    for line, kind in tails:
        out_len += len(sep)
        if kind:
            damages.append(Damage(kind, out_len, out_len + len(line)))
        pieces.append(line)
        out_len += len(line)
    return Variant(sep.join(pieces), tuple(sorted(damages, key=lambda d: d.start)), intensity, seed)
