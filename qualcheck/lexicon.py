"""Word lists the detectors and the generator share, loaded once on first use."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

SPUN_RESOURCE = "spun_phrases.tsv"
_WORDS = re.compile(r"[\w'’-]+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its itself just
    me more most my no nor not now of off on once only or other our out over own same she should
    so some such than that the their them then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you your""".split()
)


@lru_cache(maxsize=1)
def spun_phrases() -> dict[str, tuple[str, ...]]:
    """Common collocation -> the tortured forms a spinner makes of it (qualcheck/data)."""
    raw = resources.files("qualcheck.data").joinpath(SPUN_RESOURCE).read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in raw.splitlines()[1:]:
        if line.strip():
            phrase, spun, _domain = line.split("\t")
            out[phrase] = tuple(s.strip() for s in spun.split("|") if s.strip())
    return out


class SpunForm(NamedTuple):
    words: tuple[str, ...]
    phrase: str  # the collocation it spins
    anchor: int  # index of its rarest word, where a search for it starts
    rank: tuple[int, int]  # preference among forms starting at one word: longest, then file order


@lru_cache(maxsize=1)
def spun_index() -> dict[str, list[SpunForm]]:
    """Each spun form under its rarest word. Most forms start with common words (`in the`, `a`),
    so looking them up from their first words would visit a tenth of an article's words; their
    rarest words are seldom in clean text at all."""
    freq = zipf()
    index: dict[str, list[SpunForm]] = {}
    for order, (phrase, form) in enumerate((p, f) for p, forms in spun_phrases().items() for f in forms):
        words = tuple(w.strip("'’") for w in _WORDS.findall(form))
        if words:
            anchor = min(range(len(words)), key=lambda k: freq.get(words[k], 0.0))
            index.setdefault(words[anchor], []).append(SpunForm(words, phrase, anchor, (-len(words), order)))
    return index


ZIPF_FLOOR = 3.0  # every frequency threshold qualcheck uses is at least this


@lru_cache(maxsize=1)
def zipf() -> dict[str, float]:
    """English word frequencies on the Zipf scale from wordfreq's data, words of Zipf 3 and
    above only (rarer words read as 0, which every threshold treats alike).

    wordfreq stores its list as buckets of words, bucket i holding frequency 10^(-i/100); reading
    the buckets we need straight from its data file takes a tenth of the time of importing
    wordfreq and building its full dictionary, which counts on a cold start.
    """
    import math

    buckets = _wordfreq_buckets()
    out: dict[str, float] = {}
    for i, bucket in enumerate(buckets):
        value = math.log10(10 ** (-i / 100)) + 9
        if value < ZIPF_FLOOR:
            break
        out.update(dict.fromkeys(bucket, value))
    return out


def _wordfreq_buckets() -> list[list[str]]:
    import gzip
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("wordfreq")
    locations = list(spec.submodule_search_locations or []) if spec else []
    path = Path(locations[0]) / "data" / "large_en.msgpack.gz" if locations else None
    if path is not None and path.is_file():
        try:
            import msgpack

            with gzip.open(path, "rb") as fh:
                pack = msgpack.load(fh, raw=False, strict_map_key=False)
            if isinstance(pack[0], dict) and pack[0].get("format") == "cB" and pack[0].get("version") == 1:
                return [list(b) for b in pack[1:]]
        except Exception:  # another layout in another wordfreq version: ask wordfreq itself
            pass
    from wordfreq import get_frequency_list

    return [list(b) for b in get_frequency_list("en", wordlist="best")]


@lru_cache(maxsize=1 << 16)  # names recur within and across articles
def fold(word: str) -> str:
    """Lower case without accents, apostrophes or hyphens: `Kata’ib` -> `kataib`."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()
