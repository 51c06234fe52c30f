"""A paraphrasing tool's vocabulary, learned from its output beside the text it paraphrased.

Spinners and paraphrasing tools leave no artifact a rule can name sentence by sentence; what they
change is word choice. They put in the thesaurus word (`pupils` for students, `obtain` for get,
`firm` or `corporation` for company, `huge` for large, `likelihood` for probability) and take out
the plain one. A thesaurus cannot say which of two synonyms a spinner prefers (docs/measurements.md:
WordNet and bigram tables fired as often on honest news as on spun text); the tool's own output
beside its input can.

The model is a logistic regression on square-root rates (per 1,000 words) of the few thousand
words common in the training set, trained on real paraphraser output (QuillBot, six modes: label 1)
against the texts it paraphrased and against real human text (BBC news, honest pages' bodies, WMT
human translations: label 0). The paired originals cancel the topic (a paraphrase is about what
its original is about); the human side keeps the words honest news uses off the list (`pupils` is
plain British news English). Like the style stage it only ever raises the main classifier's
log-odds, by WEIGHT times how far its log-odds exceed MARGIN, and the words that pushed most are
reported (`spin:word:<word>` in Report.features) so the evidence can be checked. It ships as a word
list and weights in the model's JSON; scoring is one lookup per distinct word.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

# A word enters the vocabulary when this many training texts hold it: rarer words are topic, not
# word choice (names, course jargon). 10 rather than 20: more of the thesaurus (out of fold, QuillBot
# creative 0.78 against 0.75 at the same margin and weight, the honest figures unchanged).
SPIN_MIN_DOCS = 10
SPIN_C = 0.1  # inverse regularisation strength of the logistic regression
# Each original has six paraphrases (one per mode): it counts six times, so the pairs balance.
SPIN_ORIGINAL_WEIGHT = 6
# Each human text counts three times: enough that honest news words stay off the list.
SPIN_HUMAN_WEIGHT = 3
_MIN_WORDS = 100  # rates of shorter texts count them as 100 words long, as the style rates do
# How the spin log-odds s raise the main classifier's: by WEIGHT * max(0, s - MARGIN). Chosen on the
# training data alone, out of fold (spin log-odds from models that never saw the text's pair, site
# or WMT document; main and style scores out of fold as bench/benchmark.py computes them): of the
# margins 1.0 to 1.5 and weights 3 to 8, the setting that ranks the most QuillBot output above its
# original among those that keep every honest figure of issues 12 and 13 within its bound. The WMT
# references' 2% binds: a lower margin or a heavier weight flags one more of them (2.07%). At 1.5
# and 4: standard 0.86, fluency 0.85, creative 0.77. Grid in docs/measurements.md.
SPIN_MARGIN = 1.5
SPIN_WEIGHT = 4.0
_MODALS = frozenset(("may", "might", "must", "shall", "cannot"))
SPIN_TOP_WORDS = 5  # how many of the words that pushed most a report names


def rates(counts: Mapping[str, int], n_words: int, vocabulary: Mapping[str, int]) -> dict[int, float]:
    """Square-root rate per 1,000 words of each vocabulary word the text holds, by column."""
    scale = 1000.0 / max(n_words, _MIN_WORDS)
    return {vocabulary[w]: math.sqrt(c * scale) for w, c in counts.items() if w in vocabulary}


@dataclass(frozen=True)
class SpinStage:
    """The paraphraser-vocabulary model as a word -> weight table, and how it enters the score."""

    weights: Mapping[str, float]
    intercept: float
    margin: float = SPIN_MARGIN
    weight: float = SPIN_WEIGHT

    def terms(self, counts: Mapping[str, int], n_words: int) -> dict[str, float]:
        """Each vocabulary word's share of the log-odds (weight times square-root rate)."""
        scale = 1000.0 / max(n_words, _MIN_WORDS)
        w = self.weights
        return {word: w[word] * math.sqrt(c * scale) for word, c in counts.items() if word in w}

    def logit(self, counts: Mapping[str, int], n_words: int) -> float:
        """Log-odds that the text is a paraphraser's output; -inf for a text without words (and
        for text that is not English, whose analysis carries no counts)."""
        if n_words == 0 or not counts:
            return -math.inf
        # the sum of `terms` without building its dict: this runs for every article scored
        w, scale = self.weights, 1000.0 / max(n_words, _MIN_WORDS)
        return self.intercept + sum(w[k] * math.sqrt(c * scale) for k, c in counts.items() if k in w)

    def push_logit(self, s: float) -> float:
        """How far spin log-odds `s` raise the main classifier's (zero or more)."""
        return self.weight * max(0.0, s - self.margin)

    def push(self, counts: Mapping[str, int], n_words: int) -> float:
        """How far a text's word choice raises the main classifier's log-odds (zero or more)."""
        return self.push_logit(self.logit(counts, n_words))

    def top_words(self, counts: Mapping[str, int], n_words: int, k: int = SPIN_TOP_WORDS) -> list[tuple[str, float]]:
        """The `k` words that raised the spin log-odds most, with their shares."""
        terms = self.terms(counts, n_words)
        return sorted(((w, v) for w, v in terms.items() if v > 0), key=lambda t: -t[1])[:k]

    def to_dict(self) -> dict[str, Any]:
        words = sorted(self.weights)
        return {
            "words": words,
            "coef": [self.weights[w] for w in words],
            "intercept": self.intercept,
            "margin": self.margin,
            "weight": self.weight,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SpinStage:
        words, coef = list(d["words"]), [float(c) for c in d["coef"]]
        if len(words) != len(coef) or not all(isinstance(w, str) for w in words):
            raise ValueError("spin words and weights do not match")
        return cls(dict(zip(words, coef, strict=True)), float(d["intercept"]), float(d["margin"]), float(d["weight"]))


def _matrix(texts: Sequence[tuple[Mapping[str, int], int]], vocabulary: Mapping[str, int]) -> Any:
    from scipy.sparse import csr_matrix

    data: list[float] = []
    cols: list[int] = []
    indptr = [0]
    for counts, n in texts:
        r = rates(counts, n, vocabulary)
        cols += r.keys()
        data += r.values()
        indptr.append(len(cols))
    return csr_matrix((data, cols, indptr), shape=(len(texts), len(vocabulary)))


def vocabulary_of(texts: Sequence[tuple[Mapping[str, int], int]], min_docs: int = SPIN_MIN_DOCS) -> dict[str, int]:
    """The alphabetic words of three letters or more held by at least `min_docs` texts, function
    words and modals left out, as column numbers. Shorter tokens are letters, initials and the
    fragments of split contractions (`isn t`), not a choice between synonyms."""
    from collections import Counter

    df: Counter[str] = Counter()
    for counts, _ in texts:
        df.update(w for w in counts if w.isalpha())
    skip = function_words()
    return {
        w: i for i, w in enumerate(sorted(w for w, c in df.items() if c >= min_docs and len(w) > 2 and w not in skip))
    }


@cache
def function_words() -> frozenset[str]:
    """Words the stage never reads. With them it learned register, not word choice: hedges and
    conditionals (`may`, `might`, `if`, `when`) carried most of its push on real pages, raised an
    honest newspaper editorial and explained nothing a reader could check; without them it reads
    the thesaurus choices (`utilize`, `likelihood`, `whereas`) and caught more of the real
    word-by-word spinners (docs/measurements.md)."""
    from .lexicon import STOPWORDS

    return frozenset(STOPWORDS) | _MODALS


def _fit(
    texts: Sequence[tuple[Mapping[str, int], int]], y: Sequence[int], weights: Sequence[float]
) -> tuple[dict[str, float], float]:
    """Word weights (zero weights dropped) and intercept of the stage's logistic regression."""
    from sklearn.linear_model import LogisticRegression

    vocabulary = vocabulary_of(texts)
    clf = LogisticRegression(C=SPIN_C, max_iter=3000).fit(
        _matrix(texts, vocabulary), list(y), sample_weight=list(weights)
    )
    coef = clf.coef_[0]
    return {w: float(coef[i]) for w, i in vocabulary.items() if coef[i] != 0.0}, float(clf.intercept_[0])


def spin_oof(
    texts: Sequence[tuple[Mapping[str, int], int]],
    y: Sequence[int],
    weights: Sequence[float],
    groups: Sequence[str],
    query: Sequence[tuple[Mapping[str, int], int]] = (),
    query_groups: Sequence[str] = (),
    folds: int = 5,
) -> tuple[list[float], list[float]]:
    """Out-of-fold spin log-odds of the training texts (all texts of one group held out together),
    and of `query` texts, each from the model of the fold that held its group out (or one trained on
    everything for a group the training set does not hold). For choosing the margin and for
    measuring out of fold (bench/benchmark.py)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    ga = np.asarray(groups)
    qa = np.asarray(list(query_groups))
    out = [0.0] * len(texts)
    qout = [0.0] * len(query)
    known = set(ga)
    todo = [i for i, g in enumerate(qa) if g not in known]
    if todo:
        stage = SpinStage(*_fit(texts, y, weights))
        for i in todo:
            qout[i] = stage.logit(*query[i])
    for train, test in GroupKFold(n_splits=folds).split(np.zeros(len(texts)), np.asarray(y), ga):
        stage = SpinStage(*_fit([texts[i] for i in train], [y[i] for i in train], [weights[i] for i in train]))
        for i in test:
            out[i] = stage.logit(*texts[i])
        held = set(ga[test])
        for i, g in enumerate(qa):
            if g in held:
                qout[i] = stage.logit(*query[i])
    return out, qout


def fit_stage(
    texts: Sequence[tuple[Mapping[str, int], int]], y: Sequence[int], weights: Sequence[float], groups: Sequence[str]
) -> tuple[SpinStage, list[float]]:
    """The spin stage fitted on (word counts, word count) of each text, and the out-of-fold spin
    log-odds of every text."""
    oof, _ = spin_oof(texts, y, weights, groups)
    return SpinStage(*_fit(texts, y, weights)), oof
