"""Word lists: the Zipf table must be what wordfreq's public API says."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from qualcheck.lexicon import ZIPF_FLOOR, fold, zipf


def test_zipf_is_wordfreq_above_the_floor() -> None:
    from wordfreq import get_frequency_dict

    expected = {
        w: math.log10(f) + 9
        for w, f in get_frequency_dict("en", wordlist="best").items()
        if f > 0 and math.log10(f) + 9 >= ZIPF_FLOOR
    }
    assert zipf() == expected
    assert zipf()["the"] > 7 and "minister" in zipf() and "hizbollah" not in zipf()


def test_zipf_agrees_with_zipf_frequency_on_a_sample() -> None:
    """wordfreq's own per-word lookup (rounded to its centibel quantisation) gives the same values
    for a sample of the table, and a word under the floor is absent."""
    from wordfreq import zipf_frequency

    table = zipf()
    sample = random.Random(3).sample(sorted(table), 300)
    for word in sample:
        assert round(table[word], 2) == zipf_frequency(word, "en"), word
    assert zipf_frequency("hizbollah", "en") < ZIPF_FLOOR


def test_frequent_words_are_cached_as_wordfreq_gives_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first call writes the cache file, later ones read it; a damaged file is rebuilt."""
    from qualcheck import lexicon

    monkeypatch.setenv("QUALCHECK_CACHE_DIR", str(tmp_path))
    built = lexicon._frequent_buckets()
    (cache,) = tmp_path.glob("wordfreq-en-*.json")
    assert lexicon._frequent_buckets() == built
    assert sum(map(len, built)) == len(zipf())
    cache.write_text("[[", encoding="utf-8")
    assert lexicon._frequent_buckets() == built
    assert json.loads(cache.read_text(encoding="utf-8")) == built
    monkeypatch.setenv("QUALCHECK_CACHE_DIR", str(tmp_path / "file" / "in-the-way"))
    (tmp_path / "file").write_text("not a folder", encoding="utf-8")
    assert lexicon._frequent_buckets() == built  # no cache can be written: built every time


def test_fold_drops_accents_apostrophes_and_case() -> None:
    assert fold("Kata’ib") == "kataib"
    assert fold("Zieliński") == "zielinski"
