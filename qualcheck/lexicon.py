"""Word lists the detectors and the generator share, loaded once on first use."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

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


@lru_cache(maxsize=1)
def spun_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word of a spun form -> (its words, the phrase it spins), longest forms first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, forms in spun_phrases().items():
        for form in forms:
            words = tuple(w.strip("'’") for w in _WORDS.findall(form))
            if words:
                index.setdefault(words[0], []).append((words, phrase))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


@lru_cache(maxsize=1)
def spun_pairs() -> tuple[frozenset[tuple[str, str]], frozenset[str], frozenset[str]]:
    """The first two words of every spun form (most start with `the`, `a` or `in`, so the first
    word alone picks too many), the one-word forms, and every form's first word."""
    pairs: set[tuple[str, str]] = set()
    singles: set[str] = set()
    for first, entries in spun_index().items():
        for words, _phrase in entries:
            if len(words) == 1:
                singles.add(first)
            else:
                pairs.add((words[0], words[1]))
    return frozenset(pairs), frozenset(singles), frozenset(singles | {a for a, _ in pairs})


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
