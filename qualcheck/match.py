"""Find the original a copy was made from, and every word the copy changed.

Candidates come from MinHash LSH over the set of an article's content words: stop words are
skipped and each content word is one shingle, so a synonym swap costs a copy one shingle instead of
the two or three that every multi-word shingle holding the swapped word would lose. datasketch
computes the MinHash signatures; the LSH tables are numpy arrays (each band's keys sorted, found by
binary search), so a saved index is mapped from its file instead of rebuilt in memory. Candidates
sharing the most bands are ranked by the MinHash estimate; the best ten are compared with rapidfuzz
and on rare words and the names and numbers each keeps of the other (`evidence`), a small
logistic model fitted on public training text (`confidence`) names the most likely source and
decides whether it is one, and rapidfuzz's word alignment (`Levenshtein.opcodes`) gives the changed spans, with offsets into the
original texts on both sides.

An index file (`.qcx`) is a zip of uncompressed members: `meta.json` (format name and version,
parameters, library versions), `signatures.npy` (one row of MinHash hash values per original),
`band_keys.npy` and `band_order.npy` (the LSH tables), `offsets.npy` and `docs.jsonl` (each
original's id, title, date and text, one read by seeking). Nothing in it is a pickle.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike
from typing import IO, Any, Literal

import numpy as np

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Candidate",
    "Clustered",
    "Index",
    "MatchIndexError",
    "MatchResult",
    "Substitution",
    "Verdict",
    "build_index",
    "cluster",
    "sign_partition",
    "write_signed",
]

FORMAT = "qualcheck-match-index"
# Version 2 added the LSH band tables (band_keys.npy, band_order.npy), so a loaded index needs no
# table building; version 1 files are refused with a line saying to rebuild them.
FORMAT_VERSION = 2
NUM_PERM = 256
SEED = 1
# datasketch 2.0's hash family; hash values stored in an index are only comparable within one scheme.
SCHEME = "affine32"
# LSH banding on content-word-set MinHashes: 128 bands of 2 rows, each band's key the two 32-bit
# hash values side by side (64 bits, so no second hashing). Measured (bench/match_fit.py, public LLM
# rewrites of 200 news originals): a rewrite shares 0.06-0.6 of its original's content words
# (5th percentile 0.15), which at 128x2 collides in at least one band with probability 0.94 (0.72 at
# 0.10); the rewrites that share less are also under the verdict's threshold.
BANDS, ROWS = 128, 2
# Originals ranked by how many bands they share with the query; the best CANDIDATES get the exact
# MinHash estimate and the best ALIGN_TOP of those are compared word by word.
CANDIDATES = 64
ALIGN_TOP = 10
# A content word is rare when it holds a digit or its Zipf frequency is under RARE_ZIPF (under once
# in 10,000 words): names, numbers and uncommon words, which a rewrite keeps while rewording.
RARE_ZIPF = 4.0
# The verdict: a logistic model over the evidence below (`EVIDENCE`), fitted by bench/match_fit.py
# on public training text only (LLM rewrites of news paired with their originals, against clean
# pages, corpus articles, WMT reference documents and the other originals as non-copies), then
# frozen here. MATCH_MIN_CONFIDENCE leaves as many of those non-copies above it as keeps the one-sided
# 95% upper bound of the false-match rate at 1% (4 of 951, about the 99.6th percentile), so that 99%
# no-match holds on unseen text, not only on average.
EVIDENCE = (
    "similarity",
    "content_jaccard",
    "rare_jaccard",
    "rare_containment",
    "bigram_containment",
    "margin_content",
    "margin_rare",
    "margin_bigram",
    "query_facts_found",
    "source_facts_found",
    "margin_query_facts",
    "margin_source_facts",
)
WEIGHTS = (31.5155, -31.3112, 4.5115, 0.4366, -3.9004, 0.3432, 4.6440, -5.1011, 7.6378, -6.3292, 8.1463, 10.1416)
BIAS = -8.2850
MATCH_MIN_CONFIDENCE = 0.7721
# A text keeping this much of an original's content-word sequence (similarity) is its copy whatever
# else is indexed: confidence 1, the closest such original first. No training non-copy reaches it
# apart from copies of each other (bench/match_fit.py); without the rule, a spun copy of a story
# indexed with a near-duplicate beside it could fall under the model's threshold on the margins.
CLOSE_COPY = 0.6
# Two originals sharing this share of their content words are one text for the margins below.
NEAR_DUPLICATE = 0.8
# A copy changing at most this share of its words is verbatim: a stray typo, a fixed quote mark.
VERBATIM_MAX_CHANGED = 0.02

# "original" only in `cluster` output: the member of a cluster the others are reported as copies of.
Verdict = Literal["verbatim-copy", "rewritten-copy", "no-match", "original"]

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_DIGIT = re.compile(r"\d")
# Words and sentence ends, to tell a capitalised word inside a sentence (a name) from a first word.
_WORD_OR_END = re.compile(r"\w+(?:['’]\w+)*|[.!?]")
# A number as written, thousands separators dropped: 1,500 and 1500 are one fact, 86bn holds 86.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class MatchIndexError(Exception):
    """An index file that cannot be used: missing, corrupt, truncated, or another format version."""


@dataclass(frozen=True)
class Substitution:
    """One changed stretch: `query[start:end]` replaced `source[source_start:source_end]`.
    Either side may be empty (words added to, or dropped from, the copy)."""

    start: int
    end: int
    text: str
    source_start: int
    source_end: int
    source_text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "source_text": self.source_text,
        }


@dataclass(frozen=True)
class MatchResult:
    """`similarity` is the content-word sequence agreement with the closest original; `confidence`
    how sure the verdict is that the text was made from it (0 to 1, the model above)."""

    source_id: str | None
    similarity: float
    verdict: Verdict
    changed_share: float
    substitutions: tuple[Substitution, ...] = ()
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "similarity": round(self.similarity, 4),
            "confidence": round(self.confidence, 4),
            "verdict": self.verdict,
            "changed_share": round(self.changed_share, 4),
            "substitutions": [s.to_dict() for s in self.substitutions],
        }


NO_MATCH = MatchResult(None, 0.0, "no-match", 1.0)


def _words(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Lowercased words and their (start, end) offsets in `text`."""
    words, spans = [], []
    for m in _WORD.finditer(text):
        words.append(m.group().lower().replace("’", "'"))
        spans.append(m.span())
    return words, spans


def _content(words: Iterable[str]) -> list[str]:
    from .lexicon import STOPWORDS

    return [w for w in words if len(w) > 1 and w not in STOPWORDS]


def content_words(text: str) -> list[str]:
    """The lowercased words of `text` that are not stop words or one letter long, in order."""
    return _content(_WORD.findall(text.lower().replace("’", "'")))


def shingles(text: str) -> set[bytes]:
    """The content words of `text` (stop words and one-letter words skipped), as MinHash input."""
    return {w.encode() for w in content_words(text)}


def signatures(texts: Sequence[str]) -> np.ndarray:
    """One row of MinHash hash values (uint32) per text."""
    from datasketch import MinHash

    rows = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    for i, m in enumerate(MinHash.bulk((shingles(t) for t in texts), num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)):
        rows[i] = m.hashvalues
    return rows


def band_keys(sigs: np.ndarray) -> np.ndarray:
    """(n, BANDS) uint64 LSH band keys of (n, NUM_PERM) signatures: each band's ROWS=2 hash values
    packed into one integer, so two texts share a key exactly when they agree on the whole band."""
    s = np.asarray(sigs, dtype=np.uint64).reshape(len(sigs), BANDS, ROWS)
    return (s[:, :, 0] << np.uint64(32)) | s[:, :, 1]


def band_tables(sigs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The LSH tables: for each band, every original's key in sorted order (BANDS, n) and the
    originals in that order (BANDS, n), so a query's key is found by binary search."""
    n = len(sigs)
    keys = np.empty((BANDS, n), dtype=np.uint64)
    order = np.empty((BANDS, n), dtype=np.uint32)
    for b in range(BANDS):  # a band at a time: the (n, BANDS) key matrix is never held
        k = (np.asarray(sigs[:, b * ROWS], dtype=np.uint64) << np.uint64(32)) | np.asarray(
            sigs[:, b * ROWS + 1], dtype=np.uint64
        )
        o = np.argsort(k, kind="stable")
        order[b] = o
        keys[b] = k[o]
    return keys, order


@dataclass(frozen=True)
class _Profile:
    """A text's words as the evidence needs them."""

    content: list[str]
    vocab: frozenset[str]
    rare: frozenset[str]
    bigrams: frozenset[tuple[str, str]]
    facts: frozenset[str]
    terms: frozenset[str]


def facts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The text's facts, its names (capitalised words inside a sentence, lowercased) and numbers
    (thousands separators dropped), and every term another text's fact could be found
    among: its lowercased words and its numbers."""
    names = set()
    words = set()  # one pass gives the words too: _WORD_OR_END's words are _WORD's matches
    first = True
    for m in _WORD_OR_END.finditer(text):
        w = m.group()
        if w in ".!?":
            first = True
            continue
        low = w.lower().replace("’", "'")
        words.add(low)
        if not first and w[0].isupper():
            names.add(low)
        first = False
    numbers = {n.replace(",", "") for n in _NUMBER.findall(text)}
    return frozenset(names | numbers), frozenset(words | numbers)


def profile(text: str) -> _Profile:
    from .lexicon import zipf

    freq = zipf()
    content = content_words(text)
    vocab = frozenset(content)
    rare = frozenset(w for w in vocab if freq.get(w, 0.0) < RARE_ZIPF or _DIGIT.search(w))
    found, terms = facts(text)
    return _Profile(content, vocab, rare, frozenset(itertools.pairwise(content)), found, terms)


def _jaccard(a: frozenset[Any], b: frozenset[Any]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _containment(a: frozenset[Any], b: frozenset[Any]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def _found(a: frozenset[Any], b: frozenset[Any]) -> float:
    """The share of `a` found in `b` (0 when `a` is empty: no evidence)."""
    return len(a & b) / len(a) if a else 0.0


def similarity(query: str | list[str], source: str | list[str]) -> float:
    """How much of one text's content-word sequence the other keeps, in order: rapidfuzz's
    normalized Indel similarity, 2 * LCS / (len(a) + len(b)), over content words. Content words
    rather than all words, because rewrites rebuild the function words around the facts they keep.
    Either side may be given as its content words already."""
    from rapidfuzz.distance import Indel

    q = content_words(query) if isinstance(query, str) else query
    s = content_words(source) if isinstance(source, str) else source
    return float(Indel.normalized_similarity(s, q))


def evidence(query: _Profile, candidates: Sequence[_Profile]) -> np.ndarray:
    """One row of EVIDENCE per candidate original. A rewrite keeps its original's names, numbers
    and rare words and many of its word pairs while rewording the rest; another newsroom's story of
    the same event shares the names but fewer pairs, and rarely stands out from the other
    candidates as far (the margins: each candidate's value less the best other candidate's).
    The facts tell the two apart best: a rewrite's names and numbers nearly all come from its
    original (it has no other source), while another newsroom's story brings its own (measured
    on the training text, bench/match_fit.py: a free LLM retelling finds a median 85% of its facts
    in its original, the same-event stories that come closest to a copy 20-60%)."""
    rows = np.zeros((len(candidates), len(EVIDENCE)))
    for i, c in enumerate(candidates):
        rows[i, :5] = (
            similarity(query.content, c.content),
            _jaccard(query.vocab, c.vocab),
            _jaccard(query.rare, c.rare),
            _containment(query.rare, c.rare),
            _containment(query.bigrams, c.bigrams),
        )
        rows[i, 8:10] = _found(query.facts, c.terms), _found(c.facts, query.terms)
    # Another candidate that is the same text (the same wire story indexed twice) is no rival: the
    # margins are taken over the candidates that share under NEAR_DUPLICATE of its content words.
    for i, c in enumerate(candidates):
        rivals = [k for k, o in enumerate(candidates) if k != i and _jaccard(c.vocab, o.vocab) < NEAR_DUPLICATE]
        for j, col in ((5, 1), (6, 3), (7, 4), (10, 8), (11, 9)):
            rows[i, j] = rows[i, col] - (rows[rivals, col].max() if rivals else 0.0)
    return rows


def confidence(rows: np.ndarray) -> np.ndarray:
    """The verdict model: the logistic of WEIGHTS . evidence + BIAS, per row."""
    z = rows @ np.asarray(WEIGHTS) + BIAS
    return 1.0 / (1.0 + np.exp(-z))


def align(query: str, source: str) -> tuple[float, tuple[Substitution, ...]]:
    """The share of the query's words that differ from the source, and every changed stretch,
    aligned word by word (case-insensitive, punctuation ignored) with offsets into both texts."""
    from rapidfuzz.distance import Levenshtein

    qw, qs = _words(query)
    sw, ss = _words(source)
    if not qw or not sw:
        return 1.0, ()
    subs: list[Substitution] = []
    changed = 0
    for op in Levenshtein.opcodes(sw, qw):
        if op.tag == "equal":
            continue
        changed += op.dest_end - op.dest_start
        a, b = _char_span(qs, op.dest_start, op.dest_end)
        c, d = _char_span(ss, op.src_start, op.src_end)
        subs.append(Substitution(a, b, query[a:b], c, d, source[c:d]))
    return changed / len(qw), tuple(subs)


def _char_span(spans: list[tuple[int, int]], i: int, j: int) -> tuple[int, int]:
    """Character offsets of words i..j-1; an empty word range is the empty span after word i-1."""
    if j > i:
        return spans[i][0], spans[j - 1][1]
    at = spans[i - 1][1] if i > 0 else spans[0][0]
    return at, at


def verdict(confident: bool, changed_share: float) -> Verdict:
    if not confident:
        return "no-match"
    return "verbatim-copy" if changed_share <= VERBATIM_MAX_CHANGED else "rewritten-copy"


@dataclass(frozen=True)
class _Doc:
    id: str
    text: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One original compared with a query: its position in the index, the evidence, the model's
    confidence. `Index.candidates` returns them best first (for fitting and inspection)."""

    position: int
    id: str
    evidence: np.ndarray
    confidence: float


class Index:
    """Originals to match copies against. `add` them (or `Index.load` a saved index), then `match`."""

    def __init__(self) -> None:
        self._docs: list[_Doc] = []
        self._sigs: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None
        self._tables: tuple[np.ndarray, np.ndarray] | None = None
        self._store: _Store | None = None

    def __len__(self) -> int:
        return len(self._docs) if self._store is None else len(self._store)

    def add(self, id: str, text: str, title: str | None = None, date: str | None = None) -> None:
        if self._store is not None:
            raise MatchIndexError("a loaded index is read-only: build a new one with qualcheck.match.build_index")
        self._docs.append(_Doc(str(id), text, title, date))
        self._sigs.append(signatures([text])[0])
        self._matrix = None
        self._tables = None

    def _signature_matrix(self) -> np.ndarray:
        if self._matrix is None:
            self._matrix = np.vstack(self._sigs) if self._sigs else np.empty((0, NUM_PERM), np.uint32)
        return self._matrix

    def _band_tables(self) -> tuple[np.ndarray, np.ndarray]:
        if self._tables is None:
            self._tables = band_tables(self._signature_matrix())
        return self._tables

    def doc(self, i: int) -> _Doc:
        return self._store.doc(i) if self._store is not None else self._docs[i]

    def _lsh(self, sig: np.ndarray, exclude: str | int | None) -> np.ndarray:
        """Positions of the originals sharing the most LSH bands with `sig`, best MinHash
        estimate first, at most ALIGN_TOP."""
        keys, order = self._band_tables()
        n = len(self)
        qkeys = band_keys(sig[None, :])[0]
        hits = []
        for b in range(BANDS):
            lo, hi = np.searchsorted(keys[b], qkeys[b], "left"), np.searchsorted(keys[b], qkeys[b], "right")
            if hi > lo:
                hits.append(np.asarray(order[b, lo:hi]))
        if not hits:
            return np.empty(0, dtype=np.int64)
        counts = np.bincount(np.concatenate(hits).astype(np.int64), minlength=n)
        found = np.flatnonzero(counts)
        if len(found) > CANDIDATES:
            found = found[np.argpartition(-counts[found], CANDIDATES - 1)[:CANDIDATES]]
        found = np.sort(found)
        estimate = (np.asarray(self._signature_matrix()[found]) == sig).mean(axis=1)
        ranked = found[np.argsort(-estimate, kind="stable")]
        if isinstance(exclude, int):
            ranked = ranked[ranked != exclude]
        elif exclude is not None:
            ranked = np.array([i for i in ranked if self.doc(int(i)).id != exclude], dtype=np.int64)
        return ranked[:ALIGN_TOP]

    def candidates(self, text: str, *, exclude: str | int | None = None) -> list[Candidate]:
        """The originals `text` is compared with and the evidence for each, most confident first;
        `exclude` leaves out an original by id, or by position when an int (to ask how an indexed
        text fares without itself)."""
        if len(self) == 0 or not text.strip():
            return []
        sig = signatures([text])[0]
        positions = self._lsh(sig, exclude)
        if len(positions) == 0:
            return []
        docs = [self.doc(int(i)) for i in positions]
        rows = evidence(profile(text), [profile(d.text) for d in docs])
        conf = np.where(rows[:, 0] >= CLOSE_COPY, 1.0, confidence(rows))
        out = [Candidate(int(i), d.id, r, float(c)) for i, d, r, c in zip(positions, docs, rows, conf, strict=True)]
        return sorted(out, key=lambda c: (-c.confidence, -float(c.evidence[0])))

    def match(
        self, text: str, *, min_confidence: float = MATCH_MIN_CONFIDENCE, min_similarity: float = 0.0
    ) -> MatchResult:
        """The original `text` was most likely made from and how the text differs from it;
        no-match when the model's confidence is under `min_confidence` (or the content-word
        similarity under `min_similarity`)."""
        found = self.candidates(text)
        if not found:
            return NO_MATCH
        best = found[0]
        sim = float(best.evidence[0])
        if best.confidence < min_confidence or sim < min_similarity:
            return MatchResult(None, sim, "no-match", 1.0, (), best.confidence)
        doc = self.doc(best.position)
        changed, subs = align(text, doc.text)
        return MatchResult(doc.id, sim, verdict(True, changed), changed, subs, best.confidence)

    def save(self, path: str | PathLike[str]) -> None:
        if self._store is not None:
            raise MatchIndexError("a loaded index is already saved")
        write_index(path, ((d, s) for d, s in zip(self._docs, self._sigs, strict=True)))

    @classmethod
    def load(cls, path: str | PathLike[str]) -> Index:
        """Open a saved index. Its arrays are mapped from the file, not read: loading takes
        milliseconds and memory holds only the pages a query touches; originals are read by one
        seek when a match needs them."""
        store = _Store(path)
        index = cls()
        index._store = store
        index._matrix = store.signatures
        index._tables = (store.band_keys, store.band_order)
        return index


# --- the file -----------------------------------------------------------------------------------


def write_index(path: str | PathLike[str], rows: Iterable[tuple[_Doc, np.ndarray]]) -> int:
    """Write originals and their signatures to an index file, streaming: the texts go straight to
    the zip; only the signatures (1 KB an original) are held, and the band tables built from them
    at the end (another 1.5 KB an original). Returns how many were written."""
    import datasketch

    sigs: list[np.ndarray] = []
    offsets: list[int] = []
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        with zf.open("docs.jsonl", "w", force_zip64=True) as fh:
            pos = 0
            for doc, sig in rows:
                line = json.dumps(
                    {"id": doc.id, "title": doc.title, "date": doc.date, "text": doc.text}, ensure_ascii=False
                ).encode()
                offsets.append(pos)
                fh.write(line + b"\n")
                pos += len(line) + 1
                sigs.append(sig)
            offsets.append(pos)
        matrix = np.vstack(sigs) if sigs else np.empty((0, NUM_PERM), np.uint32)
        del sigs
        _write_npy(zf, "signatures.npy", matrix.astype(np.uint32, copy=False))
        _write_npy(zf, "offsets.npy", np.asarray(offsets, dtype=np.int64))
        keys, order = band_tables(matrix)
        _write_npy(zf, "band_keys.npy", keys)
        _write_npy(zf, "band_order.npy", order)
        meta = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "count": len(matrix),
            "num_perm": NUM_PERM,
            "bands": [BANDS, ROWS],
            "seed": SEED,
            "scheme": SCHEME,
            "shingles": "content-words",
            "datasketch": datasketch.__version__,
        }
        zf.writestr("meta.json", json.dumps(meta, indent=2))
    return len(matrix)


def _write_npy(zf: zipfile.ZipFile, name: str, array: np.ndarray) -> None:
    with zf.open(name, "w", force_zip64=True) as fh:
        np.lib.format.write_array(fh, np.ascontiguousarray(array), allow_pickle=False)


class _Store:
    """A saved index: its arrays mapped from the file, its originals read one at a time."""

    def __init__(self, path: str | PathLike[str]) -> None:
        self.path = str(path)
        try:
            self._zip = zipfile.ZipFile(path)
            meta = json.loads(self._zip.read("meta.json"))
        except FileNotFoundError:
            raise MatchIndexError(f"{path}: no such index file") from None
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise MatchIndexError(f"{path}: not a qualcheck index, or a damaged one ({exc})") from None
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            raise MatchIndexError(f"{path}: not a qualcheck match index")
        params = (meta.get("version"), meta.get("num_perm"), meta.get("seed"), meta.get("scheme"), meta.get("bands"))
        if params != (FORMAT_VERSION, NUM_PERM, SEED, SCHEME, [BANDS, ROWS]):
            raise MatchIndexError(
                f"{path}: index format version {meta.get('version')} (num_perm {meta.get('num_perm')}); "
                f"this qualcheck reads version {FORMAT_VERSION}: rebuild it with `qualcheck index`"
            )
        n = meta.get("count")
        if not isinstance(n, int) or n < 0:
            raise MatchIndexError(f"{path}: damaged index (no count)")
        try:
            self._raw: IO[bytes] = open(self.path, "rb")
            self._size = os.path.getsize(self.path)
            self.signatures = self._array("signatures.npy", np.uint32, (n, NUM_PERM))
            self._offsets = np.array(self._array("offsets.npy", np.int64, (n + 1,)))
            self.band_keys = self._array("band_keys.npy", np.uint64, (BANDS, n))
            self.band_order = self._array("band_order.npy", np.uint32, (BANDS, n))
            self._base = self._data_start("docs.jsonl")
            if self._base + int(self._offsets[-1]) > self._size:
                raise ValueError("originals truncated")
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise MatchIndexError(f"{path}: damaged index ({exc})") from None

    def _data_start(self, name: str) -> int:
        """Where member `name`'s bytes start in the file (members are stored, not compressed)."""
        info = self._zip.getinfo(name)
        if info.compress_type != zipfile.ZIP_STORED:
            raise ValueError(f"{name} is compressed")
        self._raw.seek(info.header_offset)
        header = self._raw.read(30)
        if len(header) < 30 or header[:4] != b"PK\x03\x04":
            raise ValueError(f"bad local header for {name}")
        name_len, extra_len = int.from_bytes(header[26:28], "little"), int.from_bytes(header[28:30], "little")
        start = info.header_offset + 30 + name_len + extra_len
        if start + info.file_size > self._size:
            raise ValueError(f"{name} truncated")
        return start

    def _array(self, name: str, dtype: type, shape: tuple[int, ...]) -> np.ndarray:
        """Member `name`, a .npy array of `dtype` and `shape`, mapped read-only from the file."""
        start = self._data_start(name)
        self._raw.seek(start)
        version = np.lib.format.read_magic(self._raw)
        if version == (1, 0):
            got_shape, fortran, got_dtype = np.lib.format.read_array_header_1_0(self._raw)
        else:
            got_shape, fortran, got_dtype = np.lib.format.read_array_header_2_0(self._raw)
        if got_shape != shape or fortran or got_dtype != np.dtype(dtype):
            raise ValueError(f"{name}: {got_dtype}{got_shape}, expected {np.dtype(dtype)}{shape}")
        offset = self._raw.tell()
        if offset + int(np.prod(shape)) * np.dtype(dtype).itemsize > self._size:
            raise ValueError(f"{name} truncated")
        if 0 in shape:
            return np.empty(shape, dtype=dtype)
        return np.memmap(self.path, dtype=dtype, mode="r", offset=offset, shape=shape)

    def __len__(self) -> int:
        return int(self.signatures.shape[0])

    def doc(self, i: int) -> _Doc:
        start, end = int(self._offsets[i]), int(self._offsets[i + 1])
        self._raw.seek(self._base + start)
        try:
            rec = json.loads(self._raw.read(end - start))
            return _Doc(rec["id"], rec["text"], rec.get("title"), rec.get("date"))
        except (ValueError, KeyError, TypeError) as exc:
            raise MatchIndexError(f"{self.path}: damaged index (original {i}: {exc})") from None


def _chunked(items: Iterable[_Doc], size: int) -> Iterator[list[_Doc]]:
    chunk: list[_Doc] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _signed(chunk: list[_Doc]) -> tuple[list[_Doc], np.ndarray]:
    return chunk, signatures([d.text for d in chunk])


Record = tuple[str, str, "str | None", "str | None"]


def sign_partition(docs: Iterable[Record]) -> list[tuple[str, str, str | None, str | None, np.ndarray]]:
    """`(id, text, title, date)` originals with their MinHash signatures appended: the work one
    worker does for `write_signed`, e.g. a Dask bag's `map_partitions(sign_partition)`."""
    docs = list(docs)
    sigs = signatures([d[1] for d in docs])
    return [(str(i), t, ti, da, sig) for (i, t, ti, da), sig in zip(docs, sigs, strict=True)]


def write_signed(path: str | PathLike[str], rows: Iterable[tuple[str, str, str | None, str | None, np.ndarray]]) -> int:
    """Write an index from rows signed elsewhere (`sign_partition`), as they arrive."""
    return write_index(path, ((_Doc(i, t, ti, da), sig) for i, t, ti, da, sig in rows))


def build_index(
    docs: Iterable[tuple[str, str, str | None, str | None]],
    path: str | PathLike[str],
    *,
    n_jobs: int = 1,
    chunk_size: int = 256,
) -> int:
    """Write an index of `(id, text, title, date)` originals to `path`, streaming: chunks of
    originals are signed in `n_jobs` worker processes and written as they come back, in input
    order. Returns how many originals were written."""
    chunks = _chunked((_Doc(str(i), t, ti, d) for i, t, ti, d in docs), chunk_size)
    if n_jobs == 1:
        signed: Iterable[tuple[list[_Doc], np.ndarray]] = map(_signed, chunks)
    else:
        from joblib import Parallel, delayed

        signed = Parallel(n_jobs=n_jobs, return_as="generator", pre_dispatch="2*n_jobs")(
            delayed(_signed)(c) for c in chunks
        )

    def rows() -> Iterator[tuple[_Doc, np.ndarray]]:
        for chunk, sigs in signed:
            yield from zip(chunk, sigs, strict=True)

    return write_index(path, rows())


# --- near-duplicates within one crawl (`qualcheck match CRAWL` without --against) -----------------


@dataclass(frozen=True)
class Clustered:
    """One crawled article: `cluster` is the id of its cluster's likely original (None when the
    article copies nothing and nothing copies it); `result` relates it to that original."""

    id: str
    cluster: str | None
    result: MatchResult

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, **self.result.to_dict(), "cluster": self.cluster}


def cluster(
    docs: Sequence[tuple[str, str, str | None, str | None]],
    damage: Callable[[str], float] | None = None,
    *,
    min_confidence: float = MATCH_MIN_CONFIDENCE,
) -> list[Clustered]:
    """Group `(id, text, title, date)` articles into clusters of copies, one record per article in
    input order. Two articles join when either is a copy of the other by `Index.match`'s own
    decision. Each cluster's likely original is its earliest dated member (ISO dates sort as text);
    without dates, the member `damage` (e.g. qualcheck's farm score) rates least damaged; without
    either, the first seen. Every other member is reported as a copy of it."""
    ix = Index()
    for i, text, title, date in docs:
        ix.add(i, text, title, date)
    parent = list(range(len(docs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for pos, (_, text, _, _) in enumerate(docs):
        for c in ix.candidates(text, exclude=pos):
            if c.confidence >= min_confidence:
                parent[root(c.position)] = root(pos)
    members: dict[int, list[int]] = {}
    for pos in range(len(docs)):
        members.setdefault(root(pos), []).append(pos)
    out: list[Clustered | None] = [None] * len(docs)
    for group in members.values():
        if len(group) == 1:
            pos = group[0]
            out[pos] = Clustered(docs[pos][0], None, NO_MATCH)
            continue
        first = _likely_original([docs[p] for p in group], damage)
        orig_pos = group[first]
        orig_id, orig_text = docs[orig_pos][0], docs[orig_pos][1]
        out[orig_pos] = Clustered(orig_id, orig_id, MatchResult(None, 1.0, "original", 0.0, (), 1.0))
        for pos in group:
            if pos == orig_pos:
                continue
            text = docs[pos][1]
            found = {c.position: c for c in ix.candidates(text, exclude=pos)}
            conf = found[orig_pos].confidence if orig_pos in found else 0.0
            changed, subs = align(text, orig_text)
            sim = similarity(text, orig_text)
            kind: Verdict = "verbatim-copy" if changed <= VERBATIM_MAX_CHANGED else "rewritten-copy"
            out[pos] = Clustered(docs[pos][0], orig_id, MatchResult(orig_id, sim, kind, changed, subs, conf))
    return [c for c in out if c is not None]


def _likely_original(
    docs: Sequence[tuple[str, str, str | None, str | None]], damage: Callable[[str], float] | None
) -> int:
    dated = [i for i, d in enumerate(docs) if d[3]]
    if dated:
        return min(dated, key=lambda i: (str(docs[i][3]), i))
    if damage is not None:
        scores = [damage(d[1]) for d in docs]
        return min(range(len(docs)), key=lambda i: (scores[i], i))
    return 0


# --- copies as evidence in a score (`qualcheck score --against`) ------------------------------------

# The rule on top of the classifier: a rewritten copy this close to a known original is farm output
# whatever its prose reads like, so its score is raised to at least COPY_SCORE. Stricter than the
# match verdict alone: another newsroom's write-up of the same event reaches a content-word
# similarity of 0.46 against an indexed one (bench/match_eval.py lists them), spinner copies 0.8.
COPY_MIN_SIMILARITY = 0.6
COPY_SCORE = 0.95


def copy_rules() -> list[Any]:
    from .types import Rule

    return [
        Rule(
            "QC701",
            "rewritten-copy",
            "copy",
            "high",
            "with --against: words swapped in a close copy of a known original (each span is one changed stretch); "
            f"at similarity {COPY_MIN_SIMILARITY} or more the score is raised to at least {COPY_SCORE}",
        ),
        Rule(
            "QC702",
            "verbatim-copy",
            "copy",
            "low",
            "with --against: the article is a known original word for word (syndication is not farm output on its "
            "own; the score is unchanged)",
        ),
    ]


def with_copy_evidence(report: Any, result: MatchResult) -> Any:
    """`report` (a qualcheck Report) with QC7xx findings for `result`, its match against an index,
    and the rule above applied to its score."""
    import math
    from dataclasses import replace

    from .types import Finding

    rules = {r.code: r for r in copy_rules()}
    if result.verdict == "verbatim-copy":
        r = rules["QC702"]
        end = len(report.text.rstrip())
        found = Finding(0, end, r.code, r.name, r.family, r.severity, f"a word-for-word copy of {result.source_id}")
        return replace(report, findings=(*report.findings, found))
    if result.verdict != "rewritten-copy" or result.similarity < COPY_MIN_SIMILARITY:
        return report
    r = rules["QC701"]
    findings = tuple(
        Finding(
            s.start,
            s.end,
            r.code,
            r.name,
            r.family,
            r.severity,
            f"{s.source_text!r} in {result.source_id} became {s.text!r}"
            if s.source_text
            else f"added to {result.source_id}",
        )
        for s in result.substitutions
        if s.end > s.start  # a dropped word has no span in the copy to point at
    )
    score = max(report.score, COPY_SCORE)

    def logit(p: float) -> float:
        p = min(max(p, 1e-6), 1 - 1e-6)
        return math.log(p / (1 - p))

    influence = {**report.influence, "QC701": logit(score) - logit(report.score)}
    return replace(report, score=score, findings=(*report.findings, *findings), influence=influence)
