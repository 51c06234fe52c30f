"""Rewrite damage (QC4xx): spinning and round-trip translation that leave the punctuation intact.

A translator or spinner works sentence by sentence, so it spells one entity several ways
(`Kata’ib Hezbollah`, later `Qatib Hizbollah`), swaps words for thesaurus neighbours nobody uses
(`squeeze gathering` for `press conference`), slips prepositions and articles. Each check
compares the article with itself or with a written lexicon, never with outside text.

A paragraph spliced in from another story is found by comparing each paragraph's vocabulary with
the rest of the article's, relative to how much the other paragraphs share (quotation paragraphs
bring words of their own, but not nearly all of them).

One check was built and measured but is not shipped, because professional copy trips it too
often: a common noun capitalised mid-sentence (British news writes "the Budget", "the Government").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, pairwise
from statistics import median

from rapidfuzz.fuzz import ratio

from ..lexicon import STOPWORDS, SpunForm, fold, spun_index, zipf
from ..text import Doc
from ..types import Finding
from . import detector, finding, rule

DRIFT = rule(
    "QC401",
    "entity-drift",
    "rewrite",
    "high",
    "one name spelled two ways in the same article, as when each paragraph is translated apart",
)
TORTURED = rule(
    "QC402",
    "tortured-phrase",
    "rewrite",
    "high",
    "a common phrase replaced by thesaurus neighbours no editor would use",
)
LITERAL = rule(
    "QC404",
    "literal-translation",
    "rewrite",
    "medium",
    "a construction typical of machine translation: slipped preposition or article, misplaced report verb",
)
SPELLED_DIGIT = rule(
    "QC410",
    "spelled-digit",
    "rewrite",
    "high",
    "a digit of a number spelled out as a word (`six.7%`), as a spinner swapping word by word leaves it",
)
OFF_TOPIC = rule(
    "QC406",
    "off-topic-paragraph",
    "rewrite",
    "low",
    "a paragraph that shares almost none of its vocabulary with the rest of the article, as when one is spliced in",
)
# --- entity drift -----------------------------------------------------------------------------

_CAP_TOKEN = re.compile(r"[A-Z][\w’'\-]*[a-z][\w’'\-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_SOUNDS = (("ph", "f"), ("dh", "d"), ("kh", "k"), ("gh", "g"), ("q", "k"), ("z", "s"), ("c", "k"), ("y", "i"))
_VOWELS = re.compile(r"[aeiou]+")
_DOUBLE = re.compile(r"(.)\1+")
_COMMON_ZIPF = 4.0
_NEXT_CAP = re.compile(r"\s+([A-Z][\w’'\-]+)")
_PREV_CAP = re.compile(r"([A-Z][\w’'\-]+)\s+$")
_DEMONYM = re.compile(r"(?:ians|ian|ans|an|ns|ese|is|i|s|e|n)$")


@lru_cache(maxsize=1 << 16)
def _sound(word: str) -> str:
    w = fold(word)
    for a, b in _SOUNDS:
        w = w.replace(a, b)
    return _DOUBLE.sub(r"\1", w)


@lru_cache(maxsize=1 << 16)
def _skeleton(sound: str) -> str:
    return sound[:1] + _VOWELS.sub("", sound[1:])


def _neighbours(text: str, spans: list[tuple[int, int]]) -> set[str]:
    """Capitalised words right before or after each occurrence: the rest of a full name."""
    out: set[str] = set()
    for s, e in spans:
        after = _NEXT_CAP.match(text, e)
        before = _PREV_CAP.search(text, max(0, s - 40), s)
        out.update(m.group(1) for m in (after, before) if m)
    return out


def _different_people(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """`Stefan Schmidt` and `Stephan Becker` are two people: their names go on differently. The
    neighbours are compared by sound, since in `Qatib Hizbollah` both words drifted together."""
    na = {_skeleton(_sound(w)) for w in _neighbours(text, a)}
    nb = {_skeleton(_sound(w)) for w in _neighbours(text, b)}
    return bool(na and nb and not na & nb)


def _one_name(text: str, spans: list[tuple[int, int]], other: str) -> bool:
    """`other` stands right before or after an occurrence: the two are parts of one full name
    (`Zhang Zhong`, a Chinese surname and given name of one skeleton), not one name spelled two ways."""
    return any(_POSSESSIVE.sub("", w) == other for w in _neighbours(text, spans))


def _same_entity_variants(a: str, b: str) -> bool:
    """Two spellings of one name: same consonant skeleton, close letters, and not a legitimate
    pair such as a country and its demonym (`Iran`/`Iranian`) or a name and its plural."""
    la, lb = fold(a), fold(b)
    if la == lb or la.startswith(lb) or lb.startswith(la):
        return False
    if _DEMONYM.sub("", la) == _DEMONYM.sub("", lb):
        return False
    # inflected endings (Zieliński/Zielińska, Niño/Niña) are grammar, not drift
    if la[:-2] == lb[:-2]:
        return False
    freq = zipf()
    if max(freq.get(la, 0.0), freq.get(lb, 0.0)) >= _COMMON_ZIPF:  # Friday/Farida, Minister/Ministry
        return False
    sa, sb = _sound(a), _sound(b)
    return ratio(sa, sb) >= 75 and ratio(la, lb) >= 60


@lru_cache(maxsize=1 << 16)  # names recur within and across articles
def _name_part(token: str) -> str | None:
    """The name a capitalised token stands for (possessive dropped), if long enough to compare."""
    if not _CAP_TOKEN.fullmatch(token):
        return None
    word = _POSSESSIVE.sub("", token)
    return word if len(fold(word)) >= 5 else None


@detector
def entity_drift(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    starts = doc.sentence_starts
    forms: dict[str, list[tuple[int, int]]] = {}
    for s, e in doc.capitalised:
        if s not in starts and (word := _name_part(text[s:e])):
            forms.setdefault(word, []).append((s, s + len(word)))
    buckets: dict[str, list[str]] = {}
    for word in forms:
        buckets.setdefault(_skeleton(_sound(word)), []).append(word)
    for words in buckets.values():
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if (
                    _same_entity_variants(a, b)
                    and not _one_name(text, forms[a], b)
                    and not _different_people(text, forms[a], forms[b])
                ):
                    major, minor = (a, b) if len(forms[a]) >= len(forms[b]) else (b, a)
                    for s, e in forms[minor]:
                        if _in_prose(text, s):
                            yield finding(DRIFT, s, e, f"'{minor}' is spelled '{major}' elsewhere in the article")


def _in_prose(text: str, pos: int) -> bool:
    """Whether `pos` stands on a line of prose: six words or more, ending a sentence. A language
    menu (`Türkiye (Türkçe)`) or an address in a page footer is no place for a name to drift."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : len(text) if end < 0 else end].rstrip()
    return line[-1:] in _PROSE_END and len(line.split()) >= 6


_PROSE_END = frozenset('.!?"”’)…')
_JOINERS = frozenset({" ", "-", "' ", "’ "})

# --- tortured phrases ---------------------------------------------------------------------------


@detector
def tortured_phrases(doc: Doc) -> Iterator[Finding]:
    index = spun_index()
    text, words, tokens = doc.text, doc.words, doc.tokens
    found: dict[int, SpunForm] = {}  # start -> the preferred form complete there
    for i in compress(range(len(words)), map(index.__contains__, words)):
        for form in index[words[i]]:
            start = i - form.anchor
            n = len(form.words)
            if (
                start >= 0
                and words[start : start + n] == form.words
                and (start not in found or form.rank < found[start].rank)
                and _contiguous(text, tokens[start : start + n])
            ):
                found[start] = form
    resume = 0  # matches do not overlap: the earliest wins
    for start in sorted(found):
        if start >= resume:
            form = found[start]
            resume = start + len(form.words)
            yield finding(TORTURED, tokens[start][0], tokens[resume - 1][1], f"a spun form of '{form.phrase}'")


def _contiguous(text: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """The words stand in one run, separated by a space or hyphen (after a possessive apostrophe)."""
    return all(text[a[1] : b[0]] in _JOINERS for a, b in pairwise(spans))


# --- literal translation ------------------------------------------------------------------------

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_LITERAL_RE = re.compile(  # every branch starts with i, a, o or t: the look-ahead skips to those
    rf"(?=[iaot])(?:\b(?:in|at)\s+{_DAYS}\b(?![’']|\s+(?:night|morning|afternoon|evening)s?\b)"  # "in Monday"
    r"|\b(?:on|at)\s+(?:19|20)\d\d(?=[.,;:!?])"  # "on 2020."
    r"|\b(?:the\s+(?:a(?![.\w]|\s+cappella)|an|his|her|their|its|our|my|your)"
    r"|an?\s+(?:the|his|her|their|its|our|my|your))\b"
    r"|\ba\s+(?!one\b|once\b|eu|uni|use|usu|ura|ute)[aeio][a-z]+\b(?!\.\w)"  # "a important"
    r"|\ban\s+(?![aeiouh]|x-?ray)[b-df-gj-np-tv-z][a-z]{2,}\b(?!\.\w)"  # "an big"
    r"|\baccording\s+to\s+(?:(?!who\b|which\b|that\b)[\w’'\-]+\s+){1,5}(?:said|says)\b)"  # "... the ministry said"
)


@detector
def literal_translation(doc: Doc) -> Iterator[Finding]:
    for m in _LITERAL_RE.finditer(doc.text):
        yield finding(LITERAL, *m.span())


# --- a digit spelled out inside a number -------------------------------------------------------

# `six.7%`, `twelve.5 million`, `3.five`: a spinner takes each digit run for a word and swaps it for
# its name. A word, a decimal point and a digit never stand together in edited copy.
_NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    "|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
)
_SPELLED_DIGIT_RE = re.compile(
    rf"(?<![\w.])(?i:{_NUMBER_WORDS})\.\d+\b|(?<![\w.])\d+\.(?:{_NUMBER_WORDS})\b(?!\.\w)"
)  # the digit after the word in any case; a lower-case word after the digit (`2021.One` is glue)
# A letter and a digit on either side of a full stop: rare in any text, so one scan for the full
# stop (a literal the engine skips to) spares the full pattern almost every article.
_LETTER_DOT_DIGIT = re.compile(r"\.(?:(?<=[A-Za-z]\.)\d|(?<=\d\.)[a-z])")


@detector
def spelled_digit(doc: Doc) -> Iterator[Finding]:
    first = _LETTER_DOT_DIGIT.search(doc.text)
    if first is None:
        return
    for m in _SPELLED_DIGIT_RE.finditer(doc.text, max(0, first.start() - 12)):
        yield finding(SPELLED_DIGIT, *m.span())


# --- off-topic paragraph ------------------------------------------------------------------------

_MIN_PARAGRAPHS = 4  # the rest must be an article to be off topic from
_MIN_PARAGRAPH_WORDS = 35  # a short paragraph (a one-line quote) shares little by chance
_OFF_TOPIC_RATIO = 0.2  # shares under a fifth of what the article's other paragraphs typically share


@detector
def off_topic_paragraph(doc: Doc) -> Iterator[Finding]:
    """The share of each paragraph's distinct content words (no stop words, numbers or short
    words) that occur in some other paragraph; a paragraph whose share is a small fraction of the
    other paragraphs' median is off topic. Without paragraph breaks there is nothing to compare.
    Weighting words by rarity found about as many splices in corpora/ (96 of 332 against 91) at
    about the same false alarms, at twice the cost; matching stems found fewer."""
    paragraphs = doc.paragraphs
    if len(paragraphs) < _MIN_PARAGRAPHS:
        return
    words = doc.words
    content = doc.long_words - STOPWORDS
    starts = doc.token_starts
    # only set operations and C iterators per paragraph, never a Python loop over its words
    vocab: list[tuple[frozenset[str], bool]] = []  # a paragraph's content words; long enough to measure
    seen: set[str] = set()
    shared: set[str] = set()  # words in two paragraphs or more
    lo = 0
    for _, end in paragraphs:
        hi = bisect_left(starts, end, lo)
        here = content.intersection(words[lo:hi])
        shared |= seen & here
        seen |= here
        vocab.append((here, hi - lo >= _MIN_PARAGRAPH_WORDS))
        lo = hi
    shares = [len(shared & here) / len(here) if long and here else None for here, long in vocab]
    measured = [x for x in shares if x is not None]
    if len(measured) < 3 or min(measured) >= _OFF_TOPIC_RATIO * max(measured):
        return  # the common case: no paragraph can share that little
    for (start, end), share in zip(paragraphs, shares, strict=True):
        if share is None:
            continue
        others = list(measured)
        others.remove(share)
        typical = median(others)
        if typical > 0 and share < _OFF_TOPIC_RATIO * typical:
            yield finding(
                OFF_TOPIC,
                start,
                end,
                f"this paragraph shares {share:.0%} of its content words with the rest of the article; the "
                f"other paragraphs share {typical:.0%}",
            )


# --- translation calques (issue 14) -----------------------------------------------------------
# A content farm's round trip through French, Spanish or German leaves the source's grammar in
# English words. Measured on WMT22 (machine translation beside human translation of the same
# sentences, German and Chinese sources), strong direct MT rarely makes these: they are the mark
# of a cruder round trip. Each pattern is one that English news almost never writes (rates on
# professional news and honest pages in docs/measurements.md).

CALQUE_TENSE = rule(
    "QC407",
    "calque-tense",
    "rewrite",
    "medium",
    "a compound past with a time of the past ('has declared Monday'), where English uses the simple past, "
    "as French, Spanish and German put it",
)
CALQUE_ATTRIBUTION = rule(
    "QC408",
    "calque-attribution",
    "rewrite",
    "medium",
    "an attribution in another language's order ('..., has indicated his spokesperson.'), where English "
    "puts the speaker first",
)
CALQUE_PHRASE = rule(
    "QC409",
    "calque-preposition",
    "rewrite",
    "medium",
    "a preposition or article rendered word for word ('since three years', 'in the morning of Monday', "
    "'the past Tuesday')",
)

_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_NUMBER = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|several|many)"
# past participles that do not end in -ed, for the tense calque
_IRREGULAR = (
    "said|told|made|held|met|given|taken|seen|sent|won|lost|left|found|paid|sold|bought|brought|spent|kept|"
    "thought|built|led|shown|written|spoken|begun|chosen|fallen|risen|known|become|come|gone|done|put|set|cut|"
    "hit|shut|quit|struck|fought|caught|drawn|driven|flown|grown|thrown|broken|stolen|sworn|torn|worn|beaten|"
    "hidden|ridden|felt|heard|meant|read|run|sat|stood|taught|understood|withdrawn|undertaken|overtaken"
)
# `would have met yesterday` and `is said to have died on Monday` are English: a modal or `to`
# before the auxiliary makes it no present perfect (checked on the word before the match)
_NOT_PERFECT = frozenset({"would", "could", "should", "might", "must", "may", "will", "to"})
# Each pattern starts with a literal, which the regex engine finds fast; the word boundary before
# it is checked on the match.
_TENSE_RE = re.compile(
    rf"ha(?:s|ve)\s+(?:(?:not|already|also|just|officially|reportedly)\s+)?(?:been\s+)?"
    rf"(?:[a-z]+ed|{_IRREGULAR})\s+(?:on\s+)?"
    rf"(?:{_WEEKDAY}(?![’'\w])(?!\s+(?:to|through|and|or|till|until)\b|\s*[-–])"
    rf"|yesterday(?![’'\w])|last\s+(?:week|month|year|night|weekend|{_WEEKDAY})(?![’'\w])"
    rf"|{_NUMBER}\s+(?:days|weeks|months|years)\s+ago\b)"
)
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday last ago".split())
_SPEAKER = (
    r"(?:spokes(?:person|man|woman)|minister|president|chancellor|mayor|director|official|officials|ministry|"
    r"government|police|prosecutors?|governor|secretary|premier|leader|chief|ceo|coach|manager|authorities|"
    r"agency|commissioner|ambassador|senator|chairman|chairwoman|spokespeople|representative|lawyer|attorney)"
)
# after a comma, a closing quote or `as` (checked on the match): a compound speech verb, then its
# subject (a role, or a capitalised name) that ends the clause. `Smith, 45, has said the company
# will ...` goes on with a verb, so it is no inversion.
_ATTRIBUTION_RE = re.compile(
    r"ha(?:s|ve)\s+"
    r"(?i:said|declared|indicated|stated|announced|explained|added|affirmed|assured|underlined|stressed|"
    r"specified|confirmed|recalled|noted|estimated|insisted)\s+"
    rf"(?:(?i:(?:the|his|her|their|its)\s+(?:[a-z\-]+\s+){{0,2}}?{_SPEAKER}s?)|(?:[A-Z][\w’'\-]+\s+){{0,2}}[A-Z][\w’'\-]+)"
    r"(?=\s*[.,;:!?]|\s+(?i:to\s+(?:the\s+)?(?:press|media|reporters|journalists)|in\s+an?\s+(?:statement|interview)"
    rf"|on\s+{_WEEKDAY})\b)"
)
_ATTRIBUTION_BEFORE = re.compile(r"(?:[,\"”]\s?|\b[Aa]s\s)$")
_SPEECH_WORDS = frozenset(
    "said declared indicated stated announced explained added affirmed assured underlined stressed specified "
    "confirmed recalled noted estimated insisted".split()
)
# (literal that every match contains, pattern)
_PHRASES = (
    (
        "since ",
        re.compile(
            rf"since\s+(?:a\s+few\s+|some\s+)?{_NUMBER}\s+(?:years|months|weeks|days|decades)\b"
            r"(?!\s+(?:ago|after|before|earlier|later|of)\b)|since\s+a\s+long\s+time\b"
        ),
    ),
    (
        "in the ",
        re.compile(rf"in\s+the\s+(?:morning|afternoon|evening|night)\s+of\s+(?:{_WEEKDAY}|{_MONTH}|\d|last\b|this\b)"),
    ),
    ("the past ", re.compile(rf"the\s+past\s+{_WEEKDAY}\b")),
    (
        "foreign affairs",
        re.compile(r"of\s+the\s+foreign\s+affairs\b(?!\s+(?:ministry|committee|department|council|office|minister)\b)"),
    ),
)


@lru_cache(maxsize=16)
def _compiled(pattern: re.Pattern[str], flags: int) -> re.Pattern[str]:
    return pattern if not flags else re.compile(pattern.pattern, flags)


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not text[pos - 1].isalnum()


def _word_before(text: str, pos: int) -> str:
    before = text[max(0, pos - 12) : pos].split()
    return before[-1].lower() if before else ""


@detector
def translation_calques(doc: Doc) -> Iterator[Finding]:
    """Three kinds of calque; each pattern runs only when the words it needs are in the article."""
    text = doc.text
    # the lower-cased text keeps the offsets (else, rarely, the patterns run on the text as it is,
    # ignoring case)
    low = doc.lower if doc.lower is not None else text
    flags = 0 if doc.lower is not None else re.IGNORECASE
    lowered = doc.lower if doc.lower is not None else text.lower()  # for literal checks only
    counts = doc.counts
    if ("has" in counts or "have" in counts) and not _TIME_WORDS.isdisjoint(counts):
        for m in _compiled(_TENSE_RE, flags).finditer(low):
            if _word_start(low, m.start()) and _word_before(low, m.start()) not in _NOT_PERFECT:
                yield finding(CALQUE_TENSE, *m.span())
    if ("has" in counts or "have" in counts) and not _SPEECH_WORDS.isdisjoint(counts):
        for m in _ATTRIBUTION_RE.finditer(text):
            if _word_start(text, m.start()) and _ATTRIBUTION_BEFORE.search(text, max(0, m.start() - 4), m.start()):
                yield finding(CALQUE_ATTRIBUTION, *m.span())
    for literal, pattern in _PHRASES:
        if literal in lowered:
            for m in _compiled(pattern, flags).finditer(low):
                if _word_start(low, m.start()) and not (
                    literal == "the past " and text[max(0, m.start() - 5) : m.start()].lower() == "this "
                ):
                    yield finding(CALQUE_PHRASE, *m.span())
