"""qualcheck's Punkt splitter must give exactly the spans of nltk's PunktSentenceTokenizer
under the same trained parameters."""

from __future__ import annotations

import json
import random
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import pytest
from shared_data import BENCHMARK, require

from qualcheck.corpora import read_articles, read_generated
from qualcheck.punkt import PunktParams, PunktSplitter
from qualcheck.text import PUNKT_RESOURCE, split_paragraphs

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def params() -> dict:
    return json.loads(resources.files("qualcheck.data").joinpath(PUNKT_RESOURCE).read_text("utf-8"))


@pytest.fixture(scope="module")
def pair(params: dict) -> tuple[object, PunktSplitter]:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    p = PunktParameters()
    p.abbrev_types = set(params["abbrev_types"])
    p.collocations = {tuple(c) for c in params["collocations"]}
    p.sent_starters = set(params["sent_starters"])
    for typ, flags in params["ortho_context"].items():
        p.ortho_context[typ] = flags
    return PunktSentenceTokenizer(p), PunktSplitter(PunktParams.from_dict(params))


def mismatches(pair: tuple[object, PunktSplitter], texts: Iterable[str]) -> list[str]:
    reference, ours = pair
    return [t for t in texts if list(reference.span_tokenize(t)) != list(ours.span_tokenize(t))]  # type: ignore[attr-defined]


def with_paragraphs(texts: Iterable[str]) -> Iterable[str]:
    for t in texts:
        yield t
        yield from (t[s:e] for s, e in split_paragraphs(t))


def test_same_spans_as_nltk_on_every_corpus_article(pair: tuple[object, PunktSplitter]) -> None:
    texts = [a.text for a in read_articles(ROOT / "corpora")] + [a.text for a in read_generated(ROOT / "corpora")]
    assert len(texts) > 300
    assert mismatches(pair, with_paragraphs(texts)) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n ",
        "Very bad acting!!! I promise.",
        "(Sent1.) Sent2.",
        'He said "no." Then he left.',
        "U.S. officials met J. Smith on Jan. 5. The talks ended... Nobody spoke.",
        "Gen. Mark Milley arrived at 3 p.m. He spoke.",
        "a . , . , . ," * 40,
        '""""...' * 30,
        "Mr. . Dr. ... ?! 1. 2. 3.",
        "x.\n\ny. z!?\"' A",
        "He wrote “It is over.” She replied ‘No.’ Then «Yes.» (Done.) [Fine.]",
        "No. 10 Downing St. said so.\tThe U.K.-based firm agreed.",
    ],
)
def test_same_spans_as_nltk_on_hand_made_edge_cases(pair: tuple[object, PunktSplitter], text: str) -> None:
    assert mismatches(pair, [text]) == []


def test_same_spans_as_nltk_on_random_punctuation_soup(pair: tuple[object, PunktSplitter]) -> None:
    # whitespace and letters where `re` and `regex` disagree (\x1c, combining marks) included
    rng = random.Random(7)
    words = ["Mr.", "U.S.", "J.", " The ", " the ", "--", "...", "3."]
    alphabet = [*"ab. ,!?\"'()[]-\n AB1.“”‘’«»\u00a0\x0b\x0c\r\t\x1c\x85\u2028\u2009…;:*@{}\u0301²", *words]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 50))) for _ in range(3000)]
    assert mismatches(pair, texts) == []


def test_same_spans_as_nltk_on_real_news(pair: tuple[object, PunktSplitter]) -> None:
    texts = []
    for name in ("clean-bbc.jsonl", "llm-generated-news.jsonl"):
        with open(require(BENCHMARK / name), encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for line in fh][:400]
    assert mismatches(pair, texts) == []


def test_same_spans_as_nltk_after_abbreviations_and_numbers(pair: tuple[object, PunktSplitter], params: dict) -> None:
    """The short paths judge `word. next` from the word and the next word's first token: fuzz
    them with the trained abbreviations, collocations and sentence starters, numbers, and next
    words carrying quotes, brackets, commas, hyphens, apostrophes and \\x1c."""
    rng = random.Random(3)
    words = [w for w in (*params["abbrev_types"], *(a for a, _ in params["collocations"])) if w.isalnum()]
    words += ["said", "5", "12", "the", "Smith", "US", "No"]
    following = [b for _, b in params["collocations"]] + sorted(params["sent_starters"])[:200]
    marks = [*"\"'“”‘’«»()[]{}-,;:*@&#`", "--", "—", "\x1c", "’s", "5", "1,000", "-3", "."]
    texts = []
    for _ in range(6000):
        word, nxt = rng.choice(words), rng.choice(following)
        word, nxt = (
            (word.capitalize() if rng.random() < 0.5 else word),
            (nxt.capitalize() if rng.random() < 0.5 else nxt),
        )
        for _ in range(rng.randint(0, 3)):
            at = rng.randint(0, len(nxt))
            nxt = nxt[:at] + rng.choice(marks) + nxt[at:]
        if rng.random() < 0.1:
            nxt = rng.choice(marks) + rng.choice(["", " “It"])  # a mark alone: `said.\n\x1c “It`
        texts.append(f"The {word}.{rng.choice([' ', '  ', chr(10), ' ' + chr(10) + ' ', chr(9)])}{nxt} went home.")
    assert mismatches(pair, texts) == []


def test_the_white_space_tested_one_by_one_is_punkts() -> None:
    """_slices tests these characters one by one (for speed): they must stay the module's sets."""
    import inspect

    from qualcheck.punkt import _RE_DIFFERS, _WHITESPACE, PunktSplitter

    source = inspect.getsource(PunktSplitter._slices)
    for c in _WHITESPACE.replace(" ", "") + "".join(_RE_DIFFERS):
        assert f'"{c.encode("unicode_escape").decode()}" in text' in source, repr(c)
    assert set(_WHITESPACE) == set(" \t\n\r\x0b\x0c")
