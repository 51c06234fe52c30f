"""Punkt sentence boundaries at scoring time, without importing nltk.

nltk's `PunktTrainer` learns the parameters (`qualcheck punkt`, shipped as JSON); this module
applies them with the decision procedure of nltk's `PunktSentenceTokenizer.span_tokenize`: find
each candidate `.`, `?` or `!`, tokenise only the words around it, run Punkt's first pass
(abbreviations, ellipses) and second pass (collocation, orthographic and frequent-starter
heuristics, initials and ordinals), then realign closing quotes and brackets. The spans are the
same as nltk's (tests/test_punkt.py compares them on every corpus article and on hostile input).

Why not call nltk: importing it costs about a second, longer than scoring an article should take
from a cold start, and its per-token objects made sentence splitting a quarter of scoring time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import regex  # the engine nltk uses: \s, \w and \d must mean what they mean there

Span = tuple[int, int]

# The regular expressions of nltk's PunktLanguageVars (English defaults).
_NON_WORD = r"(?:[)\";}\]\*:@\'\({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"
_MULTI_CHAR = r"(?:\-{2,}|\.{2,}|(?:\.\s){2,}\.)"
_WORD_START = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,]"
_WORD_TOKEN = regex.compile(
    rf"({_MULTI_CHAR}|(?={_WORD_START})\S+?(?=\s|$|{_NON_WORD}|{_MULTI_CHAR}"
    rf"|,(?=$|\s|{_NON_WORD}|{_MULTI_CHAR}))|\S)"
)
_PERIOD_CONTEXT = regex.compile(rf"[\.\?!](?=(?P<after_tok>{_NON_WORD}|\s+(?P<next_tok>\S+)))")
# The same with `re`, which is faster; its \s differs from `regex`'s only on \x1c-\x1f (white
# space to str.isspace, not to Unicode), so it serves every text without those four.
_PERIOD_CONTEXT_RE = re.compile(_PERIOD_CONTEXT.pattern)
_RE_DIFFERS = ("\x1c", "\x1d", "\x1e", "\x1f")
_CLOSERS = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")  # what _REALIGN can start with
_REALIGN = regex.compile(r"[\"')\]}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:\s+|(?=--)|$)", regex.MULTILINE)
_NUMERIC = regex.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
_ELLIPSIS = regex.compile(r"\.\.+$")
_INITIAL = regex.compile(r"[^\W\d]\.$")
_WHITESPACE = " \t\n\r\x0b\x0c"  # string.whitespace: where nltk's tokenizer finds a word's start
_SENT_END = frozenset(".?!")
_OPENING_QUOTES = frozenset('"“')
_PUNCTUATION = frozenset(";:,.!?")

# nltk's orthographic-context flags
_BEG_UC, _MID_UC, _UNK_UC = 1 << 1, 1 << 2, 1 << 3
_BEG_LC, _MID_LC, _UNK_LC = 1 << 4, 1 << 5, 1 << 6
_UC = _BEG_UC | _MID_UC | _UNK_UC
_LC = _BEG_LC | _MID_LC | _UNK_LC


@dataclass(frozen=True)
class PunktParams:
    """What `PunktTrainer` learned: the same four tables as nltk's `PunktParameters`."""

    abbrev_types: frozenset[str]
    collocations: frozenset[tuple[str, str]]
    sent_starters: frozenset[str]
    ortho_context: dict[str, int] = field(hash=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> PunktParams:
        return cls(
            frozenset(d["abbrev_types"]),
            frozenset((a, b) for a, b in d["collocations"]),
            frozenset(d["sent_starters"]),
            {str(k): int(v) for k, v in d["ortho_context"].items()},
        )


class _Tok:
    """One word around a candidate boundary, annotated as in Punkt's two passes."""

    __slots__ = ("abbr", "ellipsis", "sentbreak", "tok", "type")

    def __init__(self, tok: str, params: PunktParams) -> None:
        self.tok = tok
        low = tok.lower()
        self.type = "##number##" if _NUMERIC.match(low) else low
        self.sentbreak = self.abbr = self.ellipsis = False
        # first pass: decisions from the word alone
        if tok in _SENT_END:
            self.sentbreak = True
        elif _ELLIPSIS.match(tok):
            self.ellipsis = True
        elif tok.endswith(".") and not tok.endswith(".."):
            stem = tok[:-1].lower()
            if stem in params.abbrev_types or stem.split("-")[-1] in params.abbrev_types:
                self.abbr = True
            else:
                self.sentbreak = True

    @property
    def type_no_period(self) -> str:
        t = self.type
        return t[:-1] if len(t) > 1 and t[-1] == "." else t

    @property
    def type_no_sentperiod(self) -> str:
        return self.type_no_period if self.sentbreak else self.type


class PunktSplitter:
    """Sentence spans of a text under trained Punkt parameters."""

    def __init__(self, params: PunktParams) -> None:
        self.params = params
        self._collocation_starts = frozenset(a for a, _ in params.collocations)
        # the types after which a full stop can be anything but a break: built once, so the common
        # case (`said.`) is one set look-up (see _obvious_break)
        self._not_plain = params.abbrev_types | self._collocation_starts

    def span_tokenize(self, text: str) -> list[Span]:
        return self._realign(text, self._slices(text))

    # --- candidate boundaries ---------------------------------------------------------------

    def _slices(self, text: str) -> list[Span]:
        """Spans between the candidates Punkt decides are breaks. Each candidate is judged with the
        word before it; a candidate whose preceding word overlaps the previous candidate's (as in
        `!!!`) replaces it."""
        out: list[Span] = []
        last_break = 0
        prev_start = prev_stop = 0
        prev: Any = None
        # the last white space before a candidate: str.rfind for each white-space character the
        # text holds (a space, rarely others), in C
        # (the characters of _WHITESPACE and _RE_DIFFERS tested one by one: faster than
        # comprehensions over them, once a paragraph)
        if "\n" in text or "\t" in text or "\r" in text or "\x0b" in text or "\x0c" in text:
            spaces = [c for c in _WHITESPACE if c in text]
        else:
            spaces = [" "] if " " in text else []
        space = spaces[0] if len(spaces) == 1 else None  # the common case: plain spaces only
        differs = "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text
        candidates = _PERIOD_CONTEXT if differs else _PERIOD_CONTEXT_RE
        matches = [*candidates.finditer(text)]
        if not matches:
            return [(0, len(text.rstrip()))]
        for match in [*matches, None]:
            if match is not None:
                at = match.start()
                if space is not None:
                    ws = text.rfind(space, prev_stop, at)
                else:
                    ws = max([text.rfind(c, prev_stop, at) for c in spaces], default=-1)
                word_start = ws + 1 if ws > prev_stop else prev_start
                if prev is None or prev_stop > word_start:
                    prev, prev_start, prev_stop = match, word_start, at
                    continue
            if prev is None:
                break
            decided = self._obvious_break(text, prev, prev_start, prev_stop)
            if decided is None:
                decided = self._contains_break(text[prev_start:prev_stop] + prev.group() + prev.group(1))
            if decided:
                out.append((last_break, prev.end()))
                last_break = prev.start(2) if prev.group(2) else prev.end()
            if match is None:
                break
            prev, prev_start, prev_stop = match, word_start, match.start()
        out.append((last_break, len(text.rstrip())))
        return out

    def _obvious_break(self, text: str, match: Any, start: int, stop: int) -> bool | None:
        """Punkt's decision for the common cases, without tokenising, or None for the rest.

        `?` and `!` always end a sentence (each is a token of its own and something follows it),
        and so does a lone full stop. After a plain word (two or more ASCII letters, or ASCII
        digits) followed by a plain word, only the collocation, orthographic and sentence-starter
        heuristics can apply, and those need nothing but the two words. Everything else goes
        through the full procedure."""
        if match.group() != ".":
            return True
        if start == stop:  # a lone full stop is a token of its own
            return "." not in self._collocation_starts or None
        word = text[start:stop]
        if len(word) >= 2 and word.isascii() and word.isalpha() and word.lower() not in self._not_plain:
            # most candidates: neither an abbreviation nor a collocation's first word, so no
            # heuristic below can undo the break, whatever follows
            return True
        if not (word.isascii() and (word.isdigit() or (len(word) >= 2 and word.isalpha()))):
            return None
        params = self.params
        if word.isdigit():
            if word in params.abbrev_types:
                return None
            typ = "##number##"
        else:
            typ = word.lower()
        nxt = match.group(2)
        if nxt and nxt[0] in _OPENING_QUOTES and nxt[1:].isascii() and nxt[1:].isalpha():
            # `said. "The` (nltk's tokens: `said.`, `"`, `The`) or `said. “The` (`said.`, `“The`):
            # only the first pair can decide, and no orthographic heuristic reads a quotation mark
            if (typ, '"' if nxt[0] == '"' else nxt.lower()) in params.collocations:
                return False
            return typ == "##number##" or typ not in params.abbrev_types
        if not (nxt and nxt.isascii() and nxt.isalpha()):
            if typ not in params.abbrev_types and typ not in self._collocation_starts and typ != "##number##":
                return True  # a sentence break that no heuristic can undo without a collocation
            if not nxt or "." in nxt or "?" in nxt or "!" in nxt or any(c in nxt for c in _RE_DIFFERS):
                return None
            # No token of the next word can be a break (none ends with a mark), so only the first
            # pair decides: the word and the next word's first token (`Smith` of `Smith,`). (A next
            # word of \x1c-\x1f, white space to str.strip, would be a line nltk skips.)
            nxt = _WORD_TOKEN.match(nxt).group()  # type: ignore[union-attr]
            low = nxt.lower()
            next_typ = "##number##" if _NUMERIC.match(low) else low
        else:
            next_typ = nxt.lower()
        if (typ, next_typ) in params.collocations:
            return False
        starter = False if nxt in _PUNCTUATION else self._ortho_word(nxt, next_typ)
        if typ == "##number##":
            return starter is not False
        if typ not in params.abbrev_types:
            return True
        return starter is True or (nxt[0].isupper() and next_typ in params.sent_starters)

    def _ortho_word(self, word: str, typ: str) -> bool | None:
        """_ortho for a plain word: no punctuation, no full stop."""
        context = self.params.ortho_context.get(typ, 0)
        if word[0].isupper() and context & _LC and not context & _MID_UC:
            return True
        if word[0].islower() and (context & _UC or not context & _BEG_LC):
            return False
        return None

    def _realign(self, text: str, slices: list[Span]) -> list[Span]:
        """Closing quotes and brackets after a sentence end belong to that sentence."""
        if len(slices) == 1:  # one sentence, nothing to move
            start, stop = slices[0]
            return [(start, stop)] if start < stop else []
        out: list[Span] = []
        realign = 0
        for k, (start, stop) in enumerate(slices):
            start += realign
            if k + 1 == len(slices):
                if start < stop:
                    out.append((start, stop))
                break
            nxt_start, nxt_stop = slices[k + 1]
            m = _REALIGN.match(text, nxt_start, nxt_stop) if text[nxt_start : nxt_start + 1] in _CLOSERS else None
            if m:
                out.append((start, nxt_start + len(m.group(0).rstrip())))
                realign = m.end() - nxt_start
            else:
                realign = 0
                if start < stop:
                    out.append((start, stop))
        return out

    # --- Punkt's decision -------------------------------------------------------------------

    def _contains_break(self, context: str) -> bool:
        """True when a token other than the last is a sentence break after both passes."""
        params = self.params
        toks = [_Tok(t, params) for line in context.split("\n") if line.strip() for t in _WORD_TOKEN.findall(line)]
        for i in range(len(toks) - 1):
            self._second_pass(toks[i], toks[i + 1])
            if toks[i].sentbreak:
                return True
        return False

    def _second_pass(self, tok1: _Tok, tok2: _Tok) -> None:
        if not tok1.tok.endswith("."):
            return
        params = self.params
        typ = tok1.type_no_period
        next_typ = tok2.type_no_sentperiod
        is_initial = bool(_INITIAL.match(tok1.tok))
        if (typ, next_typ) in params.collocations:  # collocation heuristic
            tok1.sentbreak, tok1.abbr = False, True
            return
        if (tok1.abbr or tok1.ellipsis) and not is_initial:
            starter = self._ortho(tok2)
            if starter is True:
                tok1.sentbreak = True
                return
            if tok2.tok[0].isupper() and next_typ in params.sent_starters:
                tok1.sentbreak = True
                return
        if is_initial or typ == "##number##":
            starter = self._ortho(tok2)
            if starter is False:
                tok1.sentbreak, tok1.abbr = False, True
                return
            if (
                starter is None
                and is_initial
                and tok2.tok[0].isupper()
                and not (params.ortho_context.get(next_typ, 0) & _LC)
            ):
                tok1.sentbreak, tok1.abbr = False, True

    def _ortho(self, tok: _Tok) -> bool | None:
        """Orthographic evidence that `tok` starts a sentence: True, False, or None (unknown)."""
        if tok.tok in _PUNCTUATION:
            return False
        context = self.params.ortho_context.get(tok.type_no_sentperiod, 0)
        first = tok.tok[0]
        if first.isupper() and context & _LC and not context & _MID_UC:
            return True
        if first.islower() and (context & _UC or not context & _BEG_LC):
            return False
        return None
