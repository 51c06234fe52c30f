"""The page's title (QC6xx), when one is given: what farms do to titles to catch searches.

Findings here index the title (`field="title"`), not the article text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..lexicon import STOPWORDS, fold, zipf
from ..text import Doc
from ..types import Finding
from . import detector, finding, rule

SITE_SUFFIX = rule(
    "QC601",
    "title-site-suffix",
    "page",
    "medium",
    "the title carries a lower-case site or section suffix, as autoblogs append",
)
STUFFED = rule(
    "QC602",
    "title-keyword-stuffing",
    "page",
    "medium",
    "the title repeats keywords or ends in a list of search terms",
)
MISMATCH = rule(
    "QC603",
    "title-body-mismatch",
    "page",
    "medium",
    "the title shares little with the article under it",
)

# " | news from syria": a separator, then one to four lower-case words to the end; a dash followed
# by a clause ("– but a cut is coming", "– as it happened") is a headline, not a site name.
_SUFFIX_RE = re.compile(
    r"\s(?:\||[–—-](?!\s+(?:but|and|as|what|how|why|when|who|the|a|an|it|we|i|he|she|they)\b))"
    r"\s+[a-z][a-z0-9.'’&-]*(?: [a-z0-9.'’&-]+){0,3}$"
)
# ", syria news, syria attack, syria latest": three or more short lower-case chunks at the end.
_KEYWORD_TAIL_RE = re.compile(r"(?:,\s*(?!and\b|or\b)[a-z][\w'’-]*(?: [\w'’-]+){0,2}){3,}$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2]


_INFLECTION = re.compile(r"(?:['’]s|ings|ing|ies|ied|ers|er|es|ed|s|ly)$")


def _stem(w: str) -> str:
    """A crude stem: `rates`/`rate`, `cuts`/`cut`, `slips`/`slipped` meet; then five letters."""
    m = _INFLECTION.search(w)
    if m and m.start() >= 3:
        w = w[: m.start()]
    return w[:5]


def _weight(w: str) -> float:
    """Rare title words say what the story is about; `says`, `new`, `year` say little. Words
    rarer than Zipf 3 (names, most places) all weigh the most."""
    return max(0.5, 7.0 - zipf().get(fold(w), 0.0))


@detector
def site_suffix(doc: Doc) -> Iterator[Finding]:
    if doc.title and (m := _SUFFIX_RE.search(doc.title)):
        yield finding(SITE_SUFFIX, m.start() + 1, m.end(), field="title")


@detector
def keyword_stuffing(doc: Doc) -> Iterator[Finding]:
    title = doc.title
    if not title:
        return
    m = _KEYWORD_TAIL_RE.search(title)
    if m:
        yield finding(STUFFED, m.start(), m.end(), field="title")
        return
    counts = Counter(_content_words(title))
    if counts and max(counts.values()) >= 3:
        yield finding(STUFFED, 0, len(title), "a keyword appears three or more times in the title", field="title")


@detector
def title_mismatch(doc: Doc) -> Iterator[Finding]:
    if not doc.title:
        return
    weights: dict[str, float] = {}
    for w in _content_words(_SUFFIX_RE.sub("", doc.title)):
        stem = _stem(w)
        weights[stem] = max(weights.get(stem, 0.0), _weight(w))
    if len(weights) < 4:
        return
    body = {_stem(w) for w in _content_words(doc.text[:3000])}
    shared = sum(v for k, v in weights.items() if k in body) / sum(weights.values())
    if shared < 0.2:
        yield finding(
            MISMATCH,
            0,
            len(doc.title),
            f"the article shares only {shared:.0%} of the title's words (weighted by rarity)",
            field="title",
        )
