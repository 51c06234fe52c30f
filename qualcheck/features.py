"""From findings and text statistics to the vector the classifier sees.

Findings enter as log counts per code; text statistics let the model weigh damage no single rule
names. No statistic depends on paragraph breaks, because real pipelines often collapse them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .detectors import rules, run_all
from .lexicon import STOPWORDS, zipf
from .text import Doc
from .types import Finding

STAT_NAMES: tuple[str, ...] = (
    "stat:mean_word_len",
    "stat:mean_sentence_words",
    "stat:symbol_ratio",
    "stat:stopword_ratio",
    "stat:quoted_share",
    "stat:quotes_per_k",
    "stat:named_sources_per_k",
    "stat:unnamed_sources_per_k",
    "stat:proper_noun_share",
    "stat:hedges_per_k",
    "stat:rare_word_share",
)
# Generated news paraphrases instead of quoting, cites "officials" and "experts" instead of people,
# and hedges; professional copy names its sources. (Sentence-length rhythm, connectives at sentence
# starts, digit share and repetition were tried and dropped: in real professional news they vary as
# much as between the classes, so the model learned our corpus's style rather than the damage.)
_SPEECH = re.compile(r"\b(?:said|says|told|added|explained|noted|wrote)\b")
_NAME_BEFORE = re.compile(r"(?<!\w)[A-Z][\w’'\-]+\s+$")
_NAME_AFTER = re.compile(r"\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep)\.?\s+)?[A-Z][\w’'\-]+")
_UNNAMED = (
    r"\b(?:officials|experts|analysts|critics|observers|sources|authorities|residents|researchers|scientists"
    r"|reports|studies|supporters|advocates|many|some|others)\s+(?:have\s+)?(?:said|say|says|believe|argue"
    r"|warn|warned|suggest|suggested|noted|note|claim|claimed|pointed out)\b"
    r"|\baccording to (?:reports|experts|officials|sources|analysts|the (?:report|study|statement))\b"
)
_HEDGES = r"\b(?:could|may|might|potentially|likely|possibly|expected to|appears? to|seems? to)\b"
# matched on the lower-cased text when there is one: case-insensitive matching is slower
_UNNAMED_SOURCE, _UNNAMED_SOURCE_I = re.compile(_UNNAMED), re.compile(_UNNAMED, re.IGNORECASE)
_HEDGE, _HEDGE_I = re.compile(_HEDGES), re.compile(_HEDGES, re.IGNORECASE)
_FIRST_WORD = re.compile(r"[\"“‘']*")
_MIN_WORDS = 100  # rates on very short texts would explode; count them as if 100 words long
_SYMBOL = re.compile(r"[^\w\s.,;:!?'\"’‘“”()\-–—%$€£/&]")
# How many different codes fired: an honest pipeline leaves one systematic artifact (a stray space
# here and there, a name dropped by its extractor), content farms stack processes. Charset and
# entity errors are left out: they are whole-document properties of many honest feeds.
DISTINCT_NAME = "count:distinct_codes"
_NOT_COUNTED = frozenset({"QC305", "QC306"})


@dataclass(frozen=True)
class Analysis:
    """Everything the model needs about one article; computed once, reused by score and explain."""

    findings: tuple[Finding, ...]
    n_words: int
    stats: tuple[float, ...]


def analyze(text: str, title: str | None = None) -> Analysis:
    doc = Doc(text, title)
    return Analysis(tuple(run_all(doc)), doc.n_words, text_stats(doc))


def text_stats(doc: Doc) -> tuple[float, ...]:
    """Statistics in the order of STAT_NAMES; all zero for a text without words."""
    text = doc.text
    words = doc.words
    n = len(words)
    if n == 0:
        return (0.0,) * len(STAT_NAMES)
    per_k = 1000.0 / max(n, _MIN_WORDS)
    sentences = doc.sentences
    sent_words = [max(1, len(text[s:e].split())) for s, e in sentences] or [n]
    closed = [q for q in doc.quotes if q.status == "closed" and q.end - q.start > 20]
    initial = {m.end() for s, e in sentences if (m := _FIRST_WORD.match(text, s, e))}
    proper = sum(1 for s, _ in doc.capitalised if s not in initial)
    freq = zipf()
    stop = alpha = rare = 0
    for w, c in Counter(words).items():  # each distinct word once
        if w in STOPWORDS:
            stop += c
        if len(w) > 2 and w.isalpha():
            alpha += c
            if freq.get(w, 0.0) < 3.0:
                rare += c
    low = doc.lower
    unnamed = len(_UNNAMED_SOURCE.findall(low) if low is not None else _UNNAMED_SOURCE_I.findall(text))
    hedges = len(_HEDGE.findall(low) if low is not None else _HEDGE_I.findall(text))
    stats = {
        "stat:mean_word_len": sum(map(len, words)) / n,
        "stat:mean_sentence_words": sum(sent_words) / len(sent_words),
        "stat:symbol_ratio": len(_SYMBOL.findall(text)) / max(1, len(text)),
        "stat:stopword_ratio": stop / n,
        "stat:quoted_share": sum(q.end - q.start for q in closed) / max(1, len(text)),
        "stat:quotes_per_k": math.log1p(len(closed) * per_k),
        "stat:named_sources_per_k": math.log1p(named_sources(text) * per_k),
        "stat:unnamed_sources_per_k": math.log1p(unnamed * per_k),
        "stat:proper_noun_share": proper / n,
        "stat:hedges_per_k": math.log1p(hedges * per_k),
        "stat:rare_word_share": rare / max(1, alpha),
    }
    return tuple(stats[k] for k in STAT_NAMES)


def named_sources(text: str) -> int:
    """Speech verbs with a capitalised name before them (`Kirby said`) or after (`said Kirby`)."""
    count = 0
    for m in _SPEECH.finditer(text):
        s, e = m.span()
        if _NAME_BEFORE.search(text, max(0, s - 40), s) or (
            m.group() in ("said", "says", "told", "added") and _NAME_AFTER.match(text, e)
        ):
            count += 1
    return count


def default_codes() -> list[str]:
    return [r.code for r in rules()]


def feature_names(codes: Sequence[str] | None = None) -> list[str]:
    """Column names: one log count per finding code, the number of distinct codes, then the text
    statistics."""
    return [f"code:{c}" for c in (default_codes() if codes is None else codes)] + [DISTINCT_NAME, *STAT_NAMES]


def feature_matrix(analyses: Sequence[Analysis], codes: Sequence[str] | None = None) -> np.ndarray:
    """The model's input: log1p of each code's count (the tenth mojibake says little more than
    the first), how many distinct codes fired (charset and markup aside), then the statistics;
    one row per analysis."""
    codes = default_codes() if codes is None else list(codes)
    column = {c: i for i, c in enumerate(codes)}
    counted = np.array([c not in _NOT_COUNTED for c in codes], dtype=bool)
    k = len(codes)
    out = np.zeros((len(analyses), k + 1 + len(STAT_NAMES)), dtype=np.float64)
    for row, a in enumerate(analyses):
        for f in a.findings:
            i = column.get(f.code)
            if i is not None:
                out[row, i] += 1.0
        out[row, k + 1 :] = a.stats
    out[:, k] = (out[:, :k][:, counted] > 0).sum(axis=1)
    np.log1p(out[:, :k], out=out[:, :k])
    return out


def __getattr__(name: str) -> Any:
    """`ArticleFeatures` is built on first use: subclassing scikit-learn's base classes imports
    scikit-learn, which scoring with a linear model never needs (it costs most of a second)."""
    if name == "ArticleFeatures":
        cls = _article_features_class()
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _article_features_class() -> type:
    from sklearn.base import BaseEstimator, TransformerMixin

    class ArticleFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
        """`feature_matrix` as a scikit-learn transformer with named columns.

        `codes` fixes the finding codes the columns stand for; by default every registered rule,
        so a model trained before a rule existed can detect the mismatch on load. There are no
        per-family totals: they would let a harmless code (mojibake) borrow the weight of its
        family.
        """

        def __init__(self, codes: Sequence[str] | None = None) -> None:
            self.codes = codes

        def fit(self, X: Iterable[Analysis], y: Any = None) -> Any:
            self.codes_ = list(self.codes) if self.codes is not None else default_codes()
            self.feature_names_ = np.array(feature_names(self.codes_), dtype=object)
            return self

        def transform(self, X: Iterable[Analysis]) -> np.ndarray:
            return feature_matrix(list(X), self.codes_)

        def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
            return self.feature_names_.copy()

    ArticleFeatures.__module__ = __name__  # pickles as qualcheck.features.ArticleFeatures
    ArticleFeatures.__qualname__ = "ArticleFeatures"
    return ArticleFeatures
