"""Word lists the detectors and the generator share, loaded once on first use."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path
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

# Titles written abbreviated before a name (`Gen. Mark Milley`, `told Mr. Kirby`): a title never
# ends a sentence, and the capitalised word after it is a name.
NAME_TITLES = ("Mr Mrs Ms Dr Prof Gen Lt Col Maj Sgt Capt Sen Rep Gov Rev Fr Cmdr Adm Cpl Supt Insp Det Pres").split()
# Abbreviations before a place's name (`St. Louis`, `Mt. Everest`), which never end a sentence either.
PLACE_PREFIXES = ("St", "Mt")

# Speech verbs, each with the places it counts in, so the detectors, the statistics and the
# generator read one list:
#   split     a name broken by the verb and a sentence end, `John said. Kirby` (QC101)
#   first     the first of two verbs in a row, `said declared` (QC103)
#   second    the second of two (QC103); not `says`: "what he said says a lot"
#   run-in    a quotation that lost its closing mark and ran into its speaker (QC104)
#   named     a named source before the verb, `Kirby said` (features)
#   after     a named source after it too, `said Kirby`, `told Mr. Kirby` (features)
#   doubled   what the generator writes after `said` to double it (in this order)
_SPEECH_VERB_USES = {
    "said": "split first second run-in named after",
    "says": "split first run-in named after",
    "told": "split first second run-in named after",
    "added": "split first run-in named after",
    "declared": "first second doubled",
    "stated": "split first second run-in doubled",
    "wrote": "split run-in named",
    "explained": "first second run-in named",
    "noted": "first run-in named",
    "announced": "first",
    "reported": "first",
    "asserted": "first second",
    "continued": "run-in",
}


def speech_verbs(use: str) -> tuple[str, ...]:
    """The speech verbs that count in `use` (see _SPEECH_VERB_USES), in the table's order."""
    verbs = tuple(v for v, uses in _SPEECH_VERB_USES.items() if use in uses.split())
    if not verbs:
        raise ValueError(f"no speech verbs are used for {use!r}")
    return verbs


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
    """English word frequencies on the Zipf scale, from wordfreq's public API (its `best` English
    list), words of Zipf 3 and above only (rarer words read as 0, which every threshold treats
    alike); built once, on first use.

    wordfreq's frequency list holds words in buckets, bucket i at frequency 10^(-i/100), so the
    words we keep are the first buckets (the values are `get_frequency_dict`'s, tested).
    """
    import math

    out: dict[str, float] = {}
    for i, bucket in enumerate(_frequent_buckets()):
        out.update(dict.fromkeys(bucket, math.log10(10 ** (-i / 100)) + 9))
    return out


def _frequent_buckets() -> list[list[str]]:
    """wordfreq's buckets of English words down to ZIPF_FLOOR. Importing wordfreq and reading its
    list costs a tenth of a second, a third of scoring one file from a cold start, so the buckets
    are kept in a cache file (QUALCHECK_CACHE_DIR, else qualcheck/ in the user's cache folder),
    named after the installed wordfreq; where no file can be written they are read every time."""
    import json
    import math

    path = _buckets_cache()
    if path is not None:
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(cached, list):
                return cached
        except (OSError, ValueError):
            pass
    from wordfreq import get_frequency_list

    buckets = []
    for i, bucket in enumerate(get_frequency_list("en", wordlist="best")):
        if math.log10(10 ** (-i / 100)) + 9 < ZIPF_FLOOR:
            break
        buckets.append(list(bucket))
    if path is not None:
        _write_atomically(path, json.dumps(buckets, ensure_ascii=False))
    return buckets


def _buckets_cache() -> Path | None:
    """The cache file for the installed wordfreq (its location, size and time stamp name it, so an
    upgrade misses the cache); None when wordfreq is not found."""
    import hashlib
    import importlib.util
    import os

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        return None
    try:
        stat = os.stat(spec.origin)
    except OSError:
        return None
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = os.environ.get("QUALCHECK_CACHE_DIR") or os.path.join(home, "qualcheck")
    key = f"{spec.origin}|{stat.st_size}|{stat.st_mtime_ns}|{ZIPF_FLOOR}"
    return Path(folder) / f"wordfreq-en-{hashlib.sha256(key.encode()).hexdigest()[:16]}.json"


def _write_atomically(path: Path, data: str) -> None:
    """Write `data` to `path` through a temporary file, so a reader never sees half a file; a
    folder that cannot be written is left alone."""
    import os
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass


@lru_cache(maxsize=1 << 16)  # names recur within and across articles
def fold(word: str) -> str:
    """Lower case without accents, apostrophes or hyphens: `Kata’ib` -> `kataib`."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).lower()
