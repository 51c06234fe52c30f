"""From findings and text statistics to the vector the classifier sees.

Findings enter as log counts per code and per family and as log rates per 1,000 words per family
(logs, because the tenth mojibake says little more than the first); text statistics let the model weigh damage no single rule names. No
statistic depends on paragraph breaks, because real pipelines often collapse them.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from .detectors import FAMILIES, rules, run_all
from .text import Doc
from .types import Finding

STAT_NAMES: tuple[str, ...] = (
    "stat:log_words",
    "stat:mean_word_len",
    "stat:mean_sentence_words",
    "stat:sentence_words_cv",
    "stat:symbol_ratio",
    "stat:stopword_ratio",
    "stat:repeated_trigrams",
    "stat:compression_ratio",
    "stat:quoted_share",
)
_MIN_WORDS = 100  # rates on very short texts would explode; count them as if 100 words long
_SYMBOL = re.compile(r"[^\w\s.,;:!?'\"’‘“”()\-–—%$€£/&]")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your""".split()
)


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
    text = doc.text
    words = [text[s:e].lower() for s, e in doc.tokens]
    n = len(words)
    if n == 0:
        return (0.0,) * len(STAT_NAMES)
    sent_words = [max(1, len(text[s:e].split())) for s, e in doc.sentences] or [n]
    mean_sw = sum(sent_words) / len(sent_words)
    sd_sw = math.sqrt(sum((x - mean_sw) ** 2 for x in sent_words) / len(sent_words))
    trigrams = list(zip(words, words[1:], words[2:], strict=False))
    repeated = 0.0
    if trigrams:
        seen: dict[tuple[str, str, str], int] = {}
        for t in trigrams:
            seen[t] = seen.get(t, 0) + 1
        repeated = sum(c for c in seen.values() if c > 1) / len(trigrams)
    raw = text.encode("utf-8")
    quoted = sum(q.end - q.start for q in doc.quotes if q.status == "closed")
    return (
        math.log1p(n),
        sum(len(w) for w in words) / n,
        mean_sw,
        sd_sw / mean_sw if mean_sw else 0.0,
        len(_SYMBOL.findall(text)) / max(1, len(text)),
        sum(1 for w in words if w in STOPWORDS) / n,
        repeated,
        len(zlib.compress(raw, 6)) / max(1, len(raw)),
        quoted / max(1, len(text)),
    )


class ArticleFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Turns `Analysis` objects into a numeric matrix with named columns.

    `codes` fixes the finding codes the columns stand for; by default every registered rule, so a
    model trained before a rule existed can detect the mismatch on load.
    """

    def __init__(self, codes: Sequence[str] | None = None) -> None:
        self.codes = codes

    def fit(self, X: Iterable[Analysis], y: Any = None) -> ArticleFeatures:
        all_rules = rules()
        codes = list(self.codes) if self.codes is not None else [r.code for r in all_rules]
        family_of = {r.code: r.family for r in all_rules}
        self.codes_ = codes
        self.families_ = [f for f in FAMILIES if any(family_of.get(c) == f for c in codes)]
        self.family_of_ = {c: family_of.get(c, "") for c in codes}
        self.feature_names_ = np.array(
            [f"code:{c}" for c in codes]
            + [f"family_rate:{f}" for f in self.families_]
            + [f"family_log:{f}" for f in self.families_]
            + list(STAT_NAMES),
            dtype=object,
        )
        return self

    def transform(self, X: Iterable[Analysis]) -> np.ndarray:
        rows = [self._row(a) for a in X]
        return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(self.feature_names_))

    def _row(self, a: Analysis) -> list[float]:
        code_counts = dict.fromkeys(self.codes_, 0)
        fam_counts = dict.fromkeys(self.families_, 0)
        for f in a.findings:
            if f.code in code_counts:
                code_counts[f.code] += 1
                fam_counts[self.family_of_[f.code]] += 1
        per_k = 1000.0 / max(a.n_words, _MIN_WORDS)
        return (
            [math.log1p(code_counts[c]) for c in self.codes_]
            + [math.log1p(fam_counts[f] * per_k) for f in self.families_]
            + [math.log1p(fam_counts[f]) for f in self.families_]
            + list(a.stats)
        )

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return self.feature_names_.copy()
