"""Punctuation damage (QC2xx): what spinning and sentence-by-sentence translation leave behind.

Edited copy almost never has `. ,`, a space before a comma or a quotation that never closes; the
exceptions (ellipses, abbreviations followed by a comma, quotations that run across paragraphs,
inches, list markers) are excluded explicitly.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import chain, islice

from ..lexicon import STOPWORDS
from ..text import NEWS_ABBREVIATIONS, Doc, char_positions
from ..types import Finding
from . import Caseless, detector, finding, rule

STRAY = rule(
    "QC201",
    "stray-punctuation",
    "punctuation",
    "high",
    "a stray sequence of punctuation marks, as left when a sentence was cut and rejoined",
)
SPACE_BEFORE = rule(
    "QC202",
    "space-before-punctuation",
    "punctuation",
    "medium",
    "a space before a punctuation mark",
)
UNPAIRED_QUOTE = rule(
    "QC203",
    "unpaired-quote",
    "punctuation",
    "medium",
    "a quotation mark without its partner",
)
UNPAIRED_BRACKET = rule(
    "QC204",
    "unpaired-bracket",
    "punctuation",
    "medium",
    "a bracket without its partner in the same paragraph",
)
REPEATED = rule(
    "QC205",
    "repeated-punctuation",
    "punctuation",
    "low",
    "a punctuation mark repeated",
)
LOWER_START = rule(
    "QC206",
    "lowercase-sentence-start",
    "punctuation",
    "medium",
    "a sentence starts in lower case after a full stop",
)
PUNCT_START = rule(
    "QC207",
    "punctuation-sentence-start",
    "punctuation",
    "medium",
    "a sentence or paragraph starts with a punctuation mark",
)

GLUED = rule(
    "QC209",
    "glued-sentence",
    "punctuation",
    "medium",
    "a word runs into the next sentence's first word with no space or full stop",
)
STRIPPED = rule(
    "QC210",
    "stripped-apostrophe",
    "punctuation",
    "medium",
    "contractions without their apostrophe, as left by a scraper that strips them",
)

DROPPED_LABEL = rule(
    "QC208",
    "dropped-label",
    "punctuation",
    "low",
    "a colon right after a sentence end, where an extractor dropped a label such as a team name",
)

# The second mark must not start a token: ", .com", ":-)" and "&#233;," are not stray sequences.
# The pattern starts with a class of the possible first characters, which the engine skips to in C
# (each branch then checks with a look-behind which one it was): a third faster than a leading
# look-ahead, which the engine tries at every position.
_STRAY_RE = re.compile(
    r"[.!?,;:](?:(?<=[.!?])\s+[,;](?![\-)(])|(?<=,)\s*[.;:](?![.\w])|(?<=[;:])\s*[,.;:](?![.:/\w\-)(])|(?<=,)\s+,)"
)
# "November. : Walsh, Doyle": an extractor dropped a bold label ("Ireland:") before a list.
_DROPPED_LABEL_RE = re.compile(r"[.!?][\"”’)]?[ \t]+:(?=\s)")
_ENTITY_END = re.compile(r"&#?\w{2,8}$")
# Matched from the start of a run of spaces only (the look-behind): from inside a long run, each
# position would scan the rest of the run again (quadratic on a megabyte of spaces); a match from
# inside a run is never the leftmost, so the matches are the same. After a word: see space_before.
_SPACE_BEFORE_RE = re.compile(r"(?<![ \t])[ \t]+(?:[,;:!?]|\.(?![.\w]))(?=\s|$|[\"”’])")
_SPACE_MARK = re.compile(r"[,;:!?.](?<=[ \t].)")  # a mark after a space or tab: marks are rarer to skip to
_WORD_END = re.compile(r"[\w)\]\"”’]")
_REPEATED_RE = re.compile(r"[!?,;.](?:(?<=!)!+|(?<=\?)\?+|(?<=,),+|(?<=;);+|(?<=\.)(?<!\.\.)\.(?![.]))")
_OPEN_BRACKETS = {"(": ")", "[": "]"}
_CLOSE_BRACKETS = {")": "(", "]": "["}
_BRACKETS = "()[]"
# "a)", "1)", "iv)" as list markers, and smileys, are not unpaired brackets.
_LIST_MARKER_RE = re.compile(r"(?:^|(?<=\s))(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})\)|[:;]-?[()]")
_LEAD_RE = re.compile(r"[\"“‘']*")  # a bracketed start, "(laughter)", is an aside: not checked
_WORD_RE = re.compile(r"[^\s.,;:!?\"”’)\]]+")
_LOWER_OK = frozenset(
    "iphone ipad ipod imac itunes ebay e-mail e-commerce de da del della di van von der den du "
    "la le al el bin ibn dos das y x".split()
)
_ABBREVIATIONS = frozenset(NEWS_ABBREVIATIONS)
# A link on its own after a sentence (an embedded tweet's `https://t.co/...`) starts no sentence.
_LINK_START = re.compile(r"https?://|www\.", re.IGNORECASE)
# A word glued to the next sentence's first word: `said PerezStarting`, `the gameThe`. The second
# part must be a word sentences open with, never the second half of a brand (`PlayStation`,
# `YouTube`, `BlackRock`); the first must be a word or name of three letters or more, which leaves
# out `McDonald`, `DeSantis`, `LeBron`, `iPhone`, `eBay`, and a token already holding a capital
# (`JPMorgan`), a dot, a hashtag or a handle. The sentence must go on on the same line: a `Next`
# button at a line's end is page chrome. Every match has a lower-case letter before a capital, rare
# in prose: the pattern is tried only at the start of the words that hold one (see _glued).
_GLUED_RE = re.compile(
    r"(?<![\w.#@/\-’'])(?P<left>[A-Z][a-z]{2,}|[a-z]{3,})(?P<right>[A-Z][a-z]+)(?=,?[ \t]+[\w\"“‘(£$€])"
)
# The word before must be in lower case on the same line: glue in prose (`said PerezStarting`,
# `the gameThe`), not in a Title Case headline or page chrome run together (`Strike PossibleThe`,
# `Media captionWho`, a `PlayNext` button at a line's start).
_PREV_WORD = re.compile(r"(?:^|[ \t\n])[\"“‘(]?([a-z0-9])[^ \t\n]*[ \t]+\Z")
_OPENERS = frozenset(
    "the this that these those there their they them she his its our but and yet also "
    "after before when while since although though however meanwhile still then yesterday "
    "last next earlier later starting according despite during with without for from what who which "
    "where why how some many most both each every other another such several officials police".split()
)
# Two-letter openers, only after a lower-case word: `LinkedIn` and `FedEx` are names.
_SHORT_OPENERS = frozenset("it he in we as at on if by".split())
# Contractions a scraper stripped of their apostrophe. Forms that are words themselves (`cant`,
# `wont`, `lets`, `were`, `well`, `hell`, `shell`, `ill`, `id`, `im`, `ive`, `its`) are left out.
_STRIPPED_RE = Caseless(
    r"\b(?:(?:is|do|does|did|was|were|could|should|would|must|need|are|has|have|had|ai)nt"
    r"|(?:you|they)(?:re|ve|ll|d)|weve|(?:that|what|there|she)s|(?:could|should|would|must)ve)\b"
)
_STRIPPED_MIN = 2  # a lone one is a typo
# The same forms as words, to count them in the article's vocabulary before any pattern runs.
_STRIPPED_WORDS = frozenset(
    [f"{w}nt" for w in "is do does did was were could should would must need are has have had ai".split()]
    + [f"{w}{e}" for w in ("you", "they") for e in ("re", "ve", "ll", "d")]
    + ["weve"]
    + [f"{w}s" for w in ("that", "what", "there", "she")]
    + [f"{w}ve" for w in ("could", "should", "would", "must")]
)


@detector
def stray_sequences(doc: Doc) -> Iterator[Finding]:
    if not _STRAY_RE.search(doc.gaps):
        return  # punctuation and white space only: screened between words first (see Doc.gaps)
    text = doc.text
    for m in _STRAY_RE.finditer(text):
        if not (text[m.start()] == ";" and _ENTITY_END.search(text, max(0, m.start() - 10), m.start())):
            yield finding(STRAY, *m.span())


@detector
def dropped_labels(doc: Doc) -> Iterator[Finding]:
    if not _DROPPED_LABEL_RE.search(doc.gaps):
        return
    for m in _DROPPED_LABEL_RE.finditer(doc.text):
        yield finding(DROPPED_LABEL, *m.span())


@detector
def glued_sentences(doc: Doc) -> Iterator[Finding]:
    if b"aaAa" not in doc.shape:
        return  # every match has two lower-case letters, a capital and one more: screened in C first
    text = doc.text
    for m in _glued(text):
        right = m["right"].lower()
        left = m["left"]
        if not (right in _OPENERS or (right in _SHORT_OPENERS and left.islower())):
            continue
        if not left.islower() and left.lower() in STOPWORDS:
            continue  # `NowThis`, `ThePolice`: a name made of two words, not a sentence end
        if _PREV_WORD.search(text, max(0, m.start() - 40), m.start()):
            yield finding(GLUED, *m.span())


_CAP_AFTER_LOWER = re.compile(r"[A-Z](?<=[a-z].)")


def _glued(text: str) -> Iterator[re.Match[str]]:
    """`_GLUED_RE.finditer(text)`, tried only where it can match: its look-behind rules out any
    start inside a word, and its left part is letters only, so a match starts where the word
    (the run of \\w characters) around a lower-case letter before a capital starts. Capitals
    are few, so the engine skips from one to the next in C instead of trying the look-behind at
    every character (120 us to 25 us on a 4 KB article that has one)."""
    last = -1
    for c in _CAP_AFTER_LOWER.finditer(text):
        start = c.start() - 1
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):  # what \w is to `re`
            start -= 1
        if start != last:
            last = start
            m = _GLUED_RE.match(text, start)
            if m is not None:
                yield m


@detector
def stripped_apostrophes(doc: Doc) -> Iterator[Finding]:
    counts = doc.counts
    if sum(map(counts.__getitem__, _STRIPPED_WORDS.intersection(counts))) < _STRIPPED_MIN:
        return  # the common case, found from the vocabulary alone
    matches = _STRIPPED_RE.finditer(doc)
    first = list(islice(matches, _STRIPPED_MIN))
    if len(first) >= _STRIPPED_MIN:
        for m in chain(first, matches):
            yield finding(STRIPPED, *m.span())


@detector
def space_before(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if not _SPACE_MARK.search(doc.gaps):
        return  # every match has a space or tab right before the mark: a quicker scan first
    for m in _SPACE_BEFORE_RE.finditer(text):
        # a run of spaces is matched from its start, so the character before it is a word's end
        if m.start() == 0 or not _WORD_END.match(text, m.start() - 1):
            continue
        if not _DROPPED_LABEL_RE.match(text, max(0, m.start() - 2)):  # QC208 reports `." :`
            yield finding(SPACE_BEFORE, *m.span())


@detector
def repeated(doc: Doc) -> Iterator[Finding]:
    gaps = doc.gaps
    if not any(pair[0] in gaps and pair in gaps for pair in ("!!", "??", ",,", ";;", "..")):
        return  # every match has one of these, between words
    for m in _REPEATED_RE.finditer(doc.text):
        yield finding(REPEATED, *m.span())


@detector
def unpaired_quotes(doc: Doc) -> Iterator[Finding]:
    for q in doc.quotes:
        if q.status == "unclosed" and q.run_in is None:
            yield finding(UNPAIRED_QUOTE, q.start, q.start + 1, "a quotation that never closes")
        elif q.status == "stray-close":
            yield finding(UNPAIRED_QUOTE, q.start, q.end, "a closing quotation mark with no opening")


@detector
def unpaired_brackets(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    at = char_positions(text, _BRACKETS)
    if not at:
        return
    for p_start, p_end in doc.paragraphs:
        brackets = at[bisect_left(at, p_start) : bisect_left(at, p_end)]
        if not brackets:
            continue
        markers = {m.end() - 1 for m in _LIST_MARKER_RE.finditer(text, p_start, p_end)}
        stack: list[int] = []
        for i in brackets:
            ch = text[i]
            if ch in _OPEN_BRACKETS:
                if i not in markers:
                    stack.append(i)
            elif stack and text[stack[-1]] == _CLOSE_BRACKETS[ch]:
                stack.pop()
            elif i not in markers:
                yield finding(UNPAIRED_BRACKET, i, i + 1, f"'{ch}' closes nothing")
        for i in stack:
            yield finding(UNPAIRED_BRACKET, i, i + 1, f"'{text[i]}' is never closed")


@detector
def sentence_starts(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    para_starts = {s for s, _ in doc.paragraphs}
    first_para = doc.paragraphs[0][0] if doc.paragraphs else -1
    prev_end = -1
    for start, end in doc.sentences:
        lead = _LEAD_RE.match(text, start, end)
        pos = lead.end() if lead else start
        ch = text[pos] if pos < end else ""
        if ch in ",;:" and not _after_full_stop(text, start):
            yield finding(PUNCT_START, pos, pos + 1)
        elif ch.islower() and start != first_para:
            w = _WORD_RE.match(text, pos, end)
            word = w.group() if w else ""
            if text.startswith(")", pos + len(word)):
                prev_end = end
                continue  # "a) Raise taxes." is a list item
            in_para = start not in para_starts
            if (
                word.lower() not in _LOWER_OK
                and "." not in word
                and "@" not in word
                and not _LINK_START.match(text, pos)
                and (not in_para or _ends_with_plain_full_stop(text, prev_end))
            ):
                yield finding(LOWER_START, pos, pos + len(word))
        prev_end = end


def _after_full_stop(text: str, pos: int) -> bool:
    """True when `pos` follows `.`/`!`/`?` (and a closing quote) and spaces: then QC201 or QC208
    already reports the pair."""
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] in '"”’)':
        j -= 1
    return j >= 0 and text[j] in ".!?"


def _ends_with_plain_full_stop(text: str, end: int) -> bool:
    """A sentence that ended with `.` after an ordinary word (not `?`, `!`, an initial or an
    abbreviation Punkt did not know), so a lower-case word after it is a broken sentence."""
    if end <= 0 or text[end - 1] != ".":
        return False
    j = end - 1
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    word = text[j : end - 1].strip("\"“”'‘’()[]")
    return len(word) > 1 and "." not in word and word.lower() not in _ABBREVIATIONS


DROP_CAP = rule(
    "QC211",
    "drop-cap-leftover",
    "punctuation",
    "medium",
    "a paragraph opening with its first letter twice (`T The`): a drop cap copied as a letter of its own",
)
# A page sets its first letter large in an element of its own; a scraper that reads elements copies
# that letter and then the word in full. Survey of real pages (issue 14): 4 of 117 farm pages carry a
# drop cap or a split word, no honest page. The doubled word must be a stop word (`The`, `When`,
# `After`): an initial before a surname of the same letter (`S Smith` in a scorecard) is not one. No
# such opening in the 2,124 clean BBC articles, the 181 honest pages, corpora/ or the WMT22 references.
_DROP_CAP_RE = re.compile(r"^[ \t]*(?P<cap>[A-Z])[ \t]+(?P<word>(?P=cap)[a-z]+)\b", re.MULTILINE)
# The same after a line break: a pattern that starts with a literal lets the engine skip from line
# break to line break in C, where `^` is tried at every character (a match never leaves its line)
_DROP_CAP_AFTER_BREAK = re.compile(r"\n[ \t]*(?P<cap>[A-Z])[ \t]+(?P<word>(?P=cap)[a-z]+)\b")


@detector
def drop_caps(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    first = _DROP_CAP_RE.match(text)
    for m in chain((first,) if first else (), _DROP_CAP_AFTER_BREAK.finditer(text)):
        if m["word"].lower() in STOPWORDS:
            yield finding(DROP_CAP, m.start("cap"), m.end("word"))
