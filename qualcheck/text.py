"""The shared analysis of one article, computed once and read by every detector.

Every span is a `(start, end)` pair of offsets into the original text, never into a normalised copy,
so findings always select exactly the characters a reader sees.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from itertools import accumulate, compress
from typing import Any, Literal, NamedTuple

from .lexicon import NAME_TITLES, PLACE_PREFIXES, STOPWORDS, speech_verbs, zipf
from .punkt import PunktParams, PunktSplitter

Span = tuple[int, int]
QuoteStatus = Literal["closed", "continued", "unclosed", "stray-close"]

_CHUNK = 5000
_BLOCK_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
# possessive: a match never gives back (nothing follows it), and the engine skips the bookkeeping
_WORD = re.compile(r"\w++(?:['’.\-]\w++)*+", re.UNICODE)
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
_WORD_CHAR = re.compile(r"\w")
_SHAPE = bytes(
    ord("a") if 97 <= b <= 122 else ord("A") if 65 <= b <= 90 else ord("0") if 48 <= b <= 57 else 32 for b in range(256)
)
GAP = "\x00"  # separates the gaps between words in Doc.gaps
_TERMINAL = re.compile(r"[.!?:;\"”’)\]…]\s*$")
_OPENERS = "“«„"
_CLOSERS = "”»"
_OPEN_CONTEXT = set(" \t\n([{—–-/\u00a0")
_CLOSE_FOLLOW = set(" \t\n.,;:!?)]}—–-\u00a0'’")
_TITLE_END = re.compile(rf"(?<![\w.])(?:{'|'.join((*NAME_TITLES, *PLACE_PREFIXES))})\.$")
_SENTENCE_END_BEFORE = re.compile(r"[.!?…]['’\"”)]?\s+$")
# A quotation that lost its closing mark and ran into its attribution:
# "... killing General Soleimani Rattansi said."  The span starts at the last quoted word.
_RUN_IN = re.compile(
    r"(?P<span>\b(?!(?:and|but|or|so|then|that|when|because|as|if|what|where|who|which|while|until|before"
    r"|after)\b)[\w’'\-]*\w\s+(?:(?:(?:" + "|".join(NAME_TITLES) + r")\.\s+)?"
    r"(?:[A-Z][\w’'\-]+\s+)?[A-Z][\w’'\-]+|he|she|they)\s+"
    r"(?:" + "|".join(speech_verbs("run-in")) + r")\b)"
    r"(?:[ ,][^\"“”:;'‘]{0,50})?[.!?]\s*$"
)


class WordClasses(NamedTuple):
    """How many words (occurrences, not distinct words) of an article fall in each class."""

    alphabetic: int
    alphabetic_3: int  # alphabetic, three letters or more
    alphabetic_9: int  # alphabetic, nine letters or more
    rare: int  # alphabetic, three letters or more, and under Zipf 3 (not in lexicon.zipf())
    ly_adverbs: int  # five characters or more, ending in -ly
    contractions: int  # with an apostrophe, and not a possessive `'s`
    stopwords: int  # in lexicon.STOPWORDS


# a word's classes as bits, in the order of WordClasses' fields
_ALPHABETIC, _ALPHABETIC_3, _ALPHABETIC_9, _RARE, _LY, _CONTRACTION, _STOPWORD = (1 << k for k in range(7))


class _WordClassCache(dict[str, int]):
    """Word -> its classes as bits (`_word_class`), computed on a word's first look-up: a news
    stream's word types recur article after article. `map(cache.__getitem__, words)` stays in C
    for every word seen before (half the time of an lru_cache). Emptied when full, so a stream of
    ever new words (names, numbers) cannot grow it without bound."""

    LIMIT = 1 << 16

    def __missing__(self, word: str) -> int:
        if len(self) >= self.LIMIT:
            self.clear()
        bits = self[word] = _word_class(word)
        return bits


_WORD_CLASSES = _WordClassCache()


def _word_class(word: str) -> int:
    """The classes (WordClasses) of one lower-case word, as bits."""
    bits = 0
    if word.isalpha():
        bits |= _ALPHABETIC
        if len(word) > 2:
            bits |= _ALPHABETIC_3 if word in zipf() else _ALPHABETIC_3 | _RARE
        if len(word) > 8:
            bits |= _ALPHABETIC_9
    if len(word) > 4 and word.endswith("ly"):
        bits |= _LY
    if ("'" in word or "’" in word) and not word.endswith(("'s", "’s")):
        bits |= _CONTRACTION
    if word in STOPWORDS:
        bits |= _STOPWORD
    return bits


@dataclass(frozen=True)
class Quote:
    """A quotation: `start` is its opening mark, `end` the end of its closing mark (or of its
    paragraph when it never closes)."""

    start: int
    end: int
    status: QuoteStatus
    run_in: Span | None = None  # where an unclosed quotation ran into its speaker


class Doc:
    """One article and its analysis. Properties are computed on first use and cached, so a
    detector that needs only the raw text never pays for sentence splitting."""

    def __init__(self, text: str, title: str | None = None, url: str | None = None) -> None:
        self.text = text
        self.title = title
        self.url = url  # where the page was published: the site its own name should match
        # analyses that detectors share beyond the ones below (such as lexicon look-ups), by key
        self.shared: dict[Any, Any] = {}

    @cached_property
    def paragraphs(self) -> tuple[Span, ...]:
        return tuple(split_paragraphs(self.text))

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        tok = sentence_tokenizer()
        text = self.text
        out: list[Span] = []
        for c_start, c_end in _chunks(text, self.paragraphs):
            chunk = text[c_start:c_end]
            if _no_sentences(chunk):
                out.append((c_start, c_end))
                continue
            for s, e in tok.span_tokenize(chunk):
                s, e = c_start + s, c_start + e
                # a title ends in a full stop, at the span's end or before its last newline
                end = out[-1][1] if out else 0
                if out and text[end - 1] in ".\n" and _TITLE_END.search(text, max(out[-1][0], end - 6), end):
                    out[-1] = (out[-1][0], e)  # "Gen. Mark Milley": a title never ends a sentence
                else:
                    out.append((s, e))
        return tuple(out)

    @cached_property
    def sentence_words(self) -> tuple[int, ...]:
        """How many white-space separated pieces each sentence has (at least one): the sentence
        lengths that statistics and style rates both read."""
        text = self.text
        return tuple([max(1, len(text[s:e].split())) for s, e in self.sentences])

    @cached_property
    def tokens(self) -> tuple[Span, ...]:
        return self._lexed[0]

    @cached_property
    def token_starts(self) -> list[int]:
        """Where each token starts, for bisecting a span's tokens."""
        return self._lexed[3]

    @cached_property
    def capitalised(self) -> tuple[Span, ...]:
        """Tokens that start with a capital letter."""
        text = self.text
        return tuple([t for t in self.tokens if text[t[0]].isupper()])

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The tokens' text in lower case, in token order."""
        return self._lexed[1]

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each word occurs: statistics over the vocabulary (stop words, rare words)
        then visit each distinct word once, not every occurrence."""
        return Counter(self.words)

    @cached_property
    def long_words(self) -> frozenset[str]:
        """The distinct alphabetic words of three letters or more: the vocabulary that statistics
        and topic comparisons count (numbers and `a`, `of` say nothing about either)."""
        return frozenset(compress(self.counts, map(_ALPHABETIC_3.__and__, self._classes)))

    @cached_property
    def _classes(self) -> list[int]:
        """The classes (`_word_class`) of the distinct words, in the order of `counts`."""
        return list(map(_WORD_CLASSES.__getitem__, self.counts))

    @cached_property
    def word_classes(self) -> WordClasses:
        """How many of the words fall in each class that statistics and style rates count, summed
        over the vocabulary in one numpy product: the classes of a word type are computed once
        (while it stays in `_word_class`'s cache), not once per predicate and article."""
        import numpy as np

        counts = self.counts
        classes = np.array(self._classes, dtype=np.int64)
        occurrences = np.fromiter(counts.values(), dtype=np.int64, count=len(counts))
        bits = (classes[:, None] >> np.arange(len(WordClasses._fields))) & 1
        return WordClasses(*(occurrences @ bits).tolist())

    @cached_property
    def sentence_starts(self) -> frozenset[int]:
        """Offsets of the first word of every sentence, after any opening quote or bracket: a
        capital there says nothing about a name."""
        text = self.text
        return frozenset([m.start() for s, e in self.sentences if (m := _WORD_CHAR.search(text, s, e))])

    @property
    def gaps(self) -> str:
        """What stands between words (spaces, punctuation, symbols), gap after gap, each pair of
        gaps separated by one NUL. Patterns made of punctuation and white space only never match
        across a word, so they can be screened on this third of the text; the NUL keeps them from
        matching across one here, and satisfies any negative look-around that a word would."""
        return self._lexed[2]

    @cached_property
    def _lexed(self) -> tuple[tuple[Span, ...], tuple[str, ...], str, list[int]]:
        low = self.lower
        if low is None:
            text = self.text
            tokens = tuple([m.span() for m in _WORD.finditer(text)])
            starts = [0, *(e for _, e in tokens)]
            stops = [*(s for s, _ in tokens), len(text)]
            between = GAP.join(text[a:b] for a, b in zip(starts, stops, strict=True))
            return tokens, tuple(text[s:e].lower() for s, e in tokens), between, stops[:-1]
        # one split of the lower-cased text gives the words, and the running length of the pieces
        # their offsets: faster than a match object per word
        parts = _WORD_SPLIT.split(low)
        ends = list(accumulate(map(len, parts)))
        words = tuple(parts[1::2])
        between = GAP.join(parts[0::2])  # lower-cased, which no symbol or punctuation mark minds
        starts = ends[0::2][: len(words)]
        return tuple(zip(starts, ends[1::2], strict=True)), words, between, starts

    @cached_property
    def lower(self) -> str | None:
        """The text in lower case when that keeps every offset (it does unless rare letters such
        as `İ` change length), for fast case-insensitive matching; else None."""
        low = self.text.lower()
        return low if len(low) == len(self.text) else None

    @property
    def n_words(self) -> int:
        return len(self.words)

    @property
    def word_chars(self) -> int:
        """How many characters the words hold together. The words and the gaps between them
        partition the text when lower-casing kept every offset, so this is the text's length
        less the gaps' (NULs aside), without visiting a word."""
        if self.lower is None:
            return sum(map(len, self.words))
        return len(self.text) - (len(self.gaps) - len(self.words))

    @cached_property
    def shape(self) -> bytes:
        """The text's UTF-8 bytes with every ASCII lower-case letter as `a`, upper-case letter as
        `A`, digit as `0` and every other byte as a space: `b"aA" in doc.shape` tells in C whether
        `[a-z][A-Z]` occurs anywhere, a screen for patterns that a Python loop would check."""
        return self.text.encode("utf-8", "surrogatepass").translate(_SHAPE)

    @cached_property
    def quotes(self) -> tuple[Quote, ...]:
        return tuple(find_quotes(self.text, self.paragraphs))


def _chunks(text: str, paragraphs: Iterable[Span]) -> Iterator[Span]:
    """Paragraphs, with very long ones cut at a sentence end (or a space) every few thousand
    characters, so sentence splitting stays linear whatever the input."""
    for start, end in paragraphs:
        while end - start > _CHUNK:
            cut = text.rfind(". ", start + _CHUNK // 2, start + _CHUNK)
            cut = cut + 1 if cut >= 0 else text.rfind(" ", start + _CHUNK // 2, start + _CHUNK)
            if cut <= start:
                cut = start + _CHUNK
            yield start, cut
            start = cut
            while start < end and text[start].isspace():
                start += 1
        if end > start:
            yield start, end


def _no_sentences(chunk: str) -> bool:
    """A long run with a sentence-end mark every few characters (`. , . , . ,`) has no sentences to
    find; it is one span, instead of hundreds of one-character sentences that every
    sentence-level check would then visit. Prose has one every eighty characters or so."""
    if len(chunk) < 400:
        return False  # fewer than 400 characters hold fewer than 400 marks
    marks = chunk.count(".") + chunk.count("?") + chunk.count("!")
    return marks >= 400 and marks * 6 > len(chunk)


def split_paragraphs(text: str) -> Iterable[Span]:
    """Blank lines separate paragraphs; inside a block each line is a paragraph unless the block
    is hard-wrapped prose (most lines end mid-sentence), which stays one paragraph."""
    pos = 0
    for m in [*_BLOCK_SPLIT.finditer(text), None]:
        end = m.start() if m else len(text)
        if text.find("\n", pos, end) < 0:  # one line, as most blocks are
            lines = [(pos, end)] if text[pos:end].strip() else []
        else:
            lines = [lm.span() for lm in _LINE.finditer(text, pos, end) if text[lm.start() : lm.end()].strip()]
        if lines:
            wrapped = len(lines) > 2 and sum(1 for s, e in lines[:-1] if _TERMINAL.search(text, s, e)) < 0.5 * (
                len(lines) - 1
            )
            if wrapped:
                yield _strip(text, lines[0][0], lines[-1][1])
            else:
                for s, e in lines:
                    yield _strip(text, s, e)
        if m:
            pos = m.end()


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _role(text: str, i: int) -> str:
    ch = text[i]
    if ch in _OPENERS:
        return "open"
    if ch in _CLOSERS:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    after_space = prev in _OPEN_CONTEXT
    before_space = nxt.isspace()
    if after_space and not before_space:
        return "open"  # also `"...it was` and `"'Yes,' she said`
    if (before_space and not after_space) or (not after_space and nxt in _CLOSE_FOLLOW):
        return "inch" if prev.isdigit() else "close"
    return "toggle"


def char_positions(text: str, chars: str) -> list[int]:
    """Every offset of any of `chars`, in order: str.find per character (a memchr) is several times
    quicker than scanning with a character class when the characters are rare."""
    out: list[int] = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


_QUOTE_MARKS = '"“”«»„'  # the quotation marks find_quotes pairs


def find_quotes(text: str, paragraphs: Iterable[Span]) -> Iterable[Quote]:
    """Pair double quotation marks paragraph by paragraph.

    Newspaper convention lets a quotation run across paragraphs: the first has no closing mark and
    the next opens with one. Text whose paragraph breaks were collapsed shows the same thing as an
    opening mark right after a sentence end, so both count as a quotation that continues.
    """
    paras = list(paragraphs)
    marks = char_positions(text, _QUOTE_MARKS)
    for k, (p_start, p_end) in enumerate(paras):
        open_at: int | None = None
        for i in marks[bisect_left(marks, p_start) : bisect_left(marks, p_end)]:
            role = _role(text, i)
            if role == "inch":
                if open_at is None:
                    continue
                role = "close"
            if role == "toggle":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if open_at is not None:
                    # an opening mark inside a quotation: a collapsed paragraph break when it
                    # follows a sentence end, otherwise the earlier quotation never closed
                    run_in = _RUN_IN.search(text, open_at + 1, i)
                    if run_in:
                        yield Quote(open_at, i, "unclosed", run_in=run_in.span("span"))
                    else:
                        cont = _SENTENCE_END_BEFORE.search(text, p_start, i)
                        yield Quote(open_at, i, "continued" if cont else "unclosed")
                open_at = i
            elif open_at is not None:
                yield Quote(open_at, i + 1, "closed")
                open_at = None
            else:
                yield Quote(i, i + 1, "stray-close")
        if open_at is not None:
            nxt = paras[k + 1] if k + 1 < len(paras) else None
            continued = (
                nxt is not None
                and _role(text, nxt[0]) in ("open", "toggle")
                and (text[nxt[0]] in _OPENERS or text[nxt[0]] == '"')
            )
            if continued:
                yield Quote(open_at, p_end, "continued")
            else:
                run_in = _RUN_IN.search(text, open_at + 1, p_end)
                yield Quote(open_at, p_end, "unclosed", run_in=run_in.span("span") if run_in else None)


# --- sentence splitting -----------------------------------------------------------------------

PUNKT_RESOURCE = "punkt_en.json"


@lru_cache(maxsize=1)
def sentence_tokenizer() -> PunktSplitter:
    """Punkt with the parameters trained on corpora/ and shipped in qualcheck/data."""
    data = resources.files("qualcheck.data").joinpath(PUNKT_RESOURCE).read_text("utf-8")
    return PunktSplitter(PunktParams.from_dict(json.loads(data)))


# Abbreviations a news tokenizer must know even when a training corpus happens to use one only
# at a sentence end, where Punkt cannot tell it from a full stop.
NEWS_ABBREVIATIONS = (
    *(t.lower() for t in (*NAME_TITLES, *PLACE_PREFIXES)),
    *"""ft jr sr no nos vs etc approx est dept univ inc corp ltd co bros plc
    jan feb mar apr aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e d.c n.y l.a""".split(),
)


def train_punkt(texts: Iterable[str]) -> dict[str, Any]:
    """Train Punkt on clean articles; return JSON-ready parameters (deterministically ordered)."""
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    for t in texts:
        trainer.train(t, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    abbrevs = set(params.abbrev_types) | set(NEWS_ABBREVIATIONS)
    return {
        "abbrev_types": sorted(abbrevs),
        "collocations": sorted([list(c) for c in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {k: params.ortho_context[k] for k in sorted(params.ortho_context)},
    }
