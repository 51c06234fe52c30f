"""Fast paths give exactly what the straightforward code they replace gives, on our own corpus
articles and their generated views and variants (no ../shared needed).

bench/reference.py checks the same thing end to end (every finding and score of the corpora, the
seed and ../shared/train) before and after a speed change; these tests keep each shortcut honest
as detectors change.
"""

from __future__ import annotations

import gc
from functools import cache
from pathlib import Path

import pytest

from qualcheck.corpora import build_examples, read_articles
from qualcheck.detectors import Caseless, anchor_starts, detectors
from qualcheck.text import Doc

ROOT = Path(__file__).resolve().parents[1]


@cache
def texts() -> list[str]:
    """Every tenth corpus article with its twelve views and variants."""
    articles = read_articles(ROOT / "corpora")[::10]
    return [e.text for e in build_examples(articles)]


def caseless_patterns() -> list[Caseless]:
    detectors()  # every family imported, so every pattern exists
    return [o for o in gc.get_objects() if isinstance(o, Caseless) and o.anchors]


def test_there_are_anchored_patterns_and_corpus_texts() -> None:
    assert len(caseless_patterns()) >= 3
    assert len(texts()) > 250


@pytest.mark.parametrize("pos", [0, 700])
def test_anchor_screening_keeps_every_match(pos: int) -> None:
    """A Caseless pattern with anchors skips a text without any of them from `pos` on; it must
    then have no match there: the same matches as running the pattern on every text."""
    patterns = caseless_patterns()
    hits = 0
    for text in texts():
        doc = Doc(text)
        if doc.lower is None:
            continue
        for p in patterns:
            plain = [m.span() for m in p.lower.finditer(doc.lower, pos)]
            assert [m.span() for m in p.finditer(doc, pos)] == plain, (p.lower.pattern[:60], text[:80])
            hits += bool(plain)
    assert hits > 0  # the corpus exercises the patterns


def test_anchor_starts_are_where_each_anchor_last_starts() -> None:
    """One Aho-Corasick pass gives, for each anchor (of the Caseless patterns and the words
    registered with shared_anchors), the last place `str.rfind` finds it."""
    import qualcheck.features  # noqa: F401  (registers its phrases)
    from qualcheck.detectors import _ANCHORS
    from qualcheck.detectors.generated import _ASSISTANT_HERE, _ASSISTANT_KEYS
    from qualcheck.features import _TRANSLATIONESE_LITERALS

    anchors = sorted(_ANCHORS)
    assert {a for p in caseless_patterns() for a in p.anchors} | {
        *_ASSISTANT_HERE,
        *_ASSISTANT_KEYS,
        *_TRANSLATIONESE_LITERALS,
    } <= set(anchors)
    for text in [*texts()[:200], "Email: email@EMAIL.com — Your 😀 your", "İstanbul email"]:
        doc = Doc(text)
        starts = anchor_starts(doc)
        if doc.lower is None:
            assert starts == {}
            continue
        assert starts == {a: doc.lower.rfind(a) for a in anchors if a in doc.lower}


def test_assistant_screen_keeps_every_match() -> None:
    """assistant_leftovers skips the pattern when none of its trigger words is in the shared
    Aho-Corasick pass's result; it must then have no match: the same spans as the pattern alone."""
    from qualcheck.detectors.generated import _ASSISTANT_RE, assistant_leftovers

    made = [
        "Certainly! Here's the article you asked for.\nThe mayor spoke.",
        "The council met.\nHere is what happened next.",
        "As an AI language model, I cannot browse the web. I hope this helps!",
        "Prices rose in real-time trading, the regulator said.",
    ]
    hits = 0
    for text in [*texts()[:300], *made]:
        doc = Doc(text)
        plain = [m.span() for m in _ASSISTANT_RE.finditer(doc)]
        assert [(f.start, f.end) for f in assistant_leftovers(doc)] == plain, text[:80]
        hits += bool(plain)
    assert hits > 0


def test_char_positions_are_where_the_character_classes_match() -> None:
    """char_positions finds with str.find what a character class of the same characters matches,
    for the brackets and the quotation marks the detectors and the quote finder look up."""
    import re

    from qualcheck.detectors.punctuation import _BRACKETS
    from qualcheck.text import _QUOTE_MARKS, char_positions

    made = ['(a) [b] "c" “d” «e» „f“ ((]]', "", "no marks at all", '""""((((' * 50]
    for chars in (_BRACKETS, _QUOTE_MARKS):
        klass = re.compile(f"[{re.escape(chars)}]")
        for text in [*texts()[:300], *made]:
            assert char_positions(text, chars) == [m.start() for m in klass.finditer(text)]


def test_line_start_matching_keeps_every_heading() -> None:
    """_at_line_starts tries the heading pattern at line starts only; it must find what a scan of
    every position finds."""
    from qualcheck.detectors.generated import _HEADING_RE, _at_line_starts

    made = [
        "Title\n\nThe story went on.\n\n## Key Takeaways\n\nMore.\n**Looking ahead:** the plan.\nWhat's next?\n",
        "Conclusion\nIn conclusion\n\n\nBackground:\n",
        "İstanbul report\n\nFinal thoughts\n",
        "",
    ]
    hits = 0
    for text in [*texts()[:400], *made]:
        doc = Doc(text)
        plain = [m.span() for m in _HEADING_RE.finditer(doc)]
        assert [m.span() for m in _at_line_starts(_HEADING_RE, doc)] == plain, text[:80]
        hits += bool(plain)
    assert hits > 0
