"""The slips of honest pipelines and hurried editors: a linked name the extractor dropped, a name
misspelled once, `an` before a consonant. They only ever make clean-labelled noise."""

from __future__ import annotations

import random
import re

from .base import Edit, text_only

# An extractor that drops a linked or bold name leaves ". , who won" or ". won the race".
_DROPPABLE_NAME = re.compile(r"(?<=[.!?] )[A-Z][a-z]+(?: [A-Z][a-z]+)? (?=[a-z,])")
CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z’']{4,}\b")
A_CONSONANT = re.compile(r"\ba (?=[b-df-gj-np-tv-z][a-z]{3,} )")
_RESPELL = (
    (re.compile(r"(?<=\w)e(?=\w)"), "i"),
    (re.compile(r"(?<=\w)o(?=\w)"), "u"),
    (re.compile(r"(?<=\w)i(?=\w)"), "e"),
    (re.compile(r"(?<=\w)a(?=\w)"), "e"),
    (re.compile(r"^K"), "Q"),
    (re.compile(r"^Q"), "K"),
    (re.compile(r"(?<=\w)[’'](?=\w)"), ""),
    (re.compile(r"(?<=\w)z"), "s"),
    (re.compile(r"(?<=[aeiou])([bdfglmnprst])(?=[aeiou])"), r"\1\1"),
    (re.compile(r"([bdfglmnprst])\1"), r"\1"),
)


def respell(word: str, rng: random.Random) -> str:
    """A transliteration variant of a name: a vowel, a k/q, an apostrophe or a double letter,
    changed inside the word (an ending that changes is grammar, not transliteration)."""
    stem, tail = word[:-2], word[-2:]
    rules = list(_RESPELL)
    rng.shuffle(rules)
    for pattern, rep in rules:
        matches = list(pattern.finditer(stem))
        if matches:
            m = rng.choice(matches)
            out = stem[: m.start()] + m.expand(rep) + stem[m.end() :] + tail
            if out != word:
                return out
    return word


@text_only("dropped-name")
def dropped_name(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "", "dropped-name", ()) for m in _DROPPABLE_NAME.finditer(text)]


@text_only("name-typo")
def name_typo(text: str) -> list[Edit]:
    out = []
    for m in CAPITALISED.finditer(text):
        variant = respell(m.group(), random.Random(m.start()))
        if variant != m.group():
            out.append(Edit(m.start(), m.end(), variant, "name-typo", ()))
    return out


@text_only("article-typo")
def article_typo(text: str) -> list[Edit]:
    return [Edit(m.start(), m.end(), "an ", "article-typo", ()) for m in A_CONSONANT.finditer(text)]
