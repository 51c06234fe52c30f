"""Word lists: the fast reading of wordfreq's data must agree with wordfreq itself."""

from __future__ import annotations

import math

from qualcheck.lexicon import ZIPF_FLOOR, _wordfreq_buckets, fold, zipf


def test_zipf_is_wordfreq_above_the_floor() -> None:
    from wordfreq import get_frequency_dict, get_frequency_list

    assert _wordfreq_buckets() == [list(b) for b in get_frequency_list("en", wordlist="best")]
    expected = {
        w: math.log10(f) + 9
        for w, f in get_frequency_dict("en", wordlist="best").items()
        if f > 0 and math.log10(f) + 9 >= ZIPF_FLOOR
    }
    assert zipf() == expected
    assert zipf()["the"] > 7 and "minister" in zipf() and "hizbollah" not in zipf()


def test_fold_drops_accents_apostrophes_and_case() -> None:
    assert fold("Kata’ib") == "kataib"
    assert fold("Zieliński") == "zielinski"
