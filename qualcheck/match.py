"""Find the original a copy was made from, and every word the copy changed.

Candidates come from MinHash LSH (datasketch) over the set of an article's content words: stop
words are skipped and each content word is one shingle, so a synonym swap costs a copy one shingle
instead of the two or three that every multi-word shingle holding the swapped word would lose.
Candidates are ranked by the MinHash estimate of that Jaccard similarity; the best few are aligned
word by word with rapidfuzz (`Levenshtein.opcodes`), and the alignment gives both the similarity
and the changed spans, with offsets into the original texts on both sides.

An index file (`.qcx`) is a zip holding `meta.json` (format name and version, parameters, library
versions), `signatures.npy` (one row of MinHash hash values per original) and `docs.jsonl` (each
original's id, title, date and text), stored uncompressed with `offsets.npy` so one original is read
by seeking, not by loading them all. Nothing in it is a pickle.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from os import PathLike
from typing import IO, Any, Literal

import numpy as np

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Index",
    "MatchIndexError",
    "MatchResult",
    "Substitution",
    "Verdict",
    "build_index",
    "sign_partition",
    "write_signed",
]

FORMAT = "qualcheck-match-index"
FORMAT_VERSION = 1
NUM_PERM = 256
SEED = 1
# datasketch 2.0's hash family; hash values stored in an index are only comparable within one scheme.
SCHEME = "affine32"
# LSH banding on content-word-set MinHashes: 128 bands of 2 rows. Measured (/tmp/match_measure.py,
# public LLM rewrites of 200 news originals indexed among 2,124 other news articles): a rewrite shares
# 0.10-0.6 of its original's content words (1st percentile 0.10), unrelated articles 0.03 (median);
# datasketch's own choice for threshold 0.1 (64x2) missed a quarter of pairs near 0.14, 128x2 keeps 92%.
LSH_PARAMS = (128, 2)
# How many LSH candidates, best MinHash estimate first, are compared word by word: with 3, 4% of
# rewrites lost their original to a distractor with a luckier estimate; with 10, 1.2%.
ALIGN_TOP = 10
# Default content-word similarity at or above which a query is a copy. Measured on the same data:
# LLM rewrites score 0.11-0.95 against their originals; clean articles whose original is not indexed
# reach 0.2-0.46 against another write-up of the same event in 7-1% of cases. At 0.25, 81% of LLM
# rewrites match and 95% of unindexed clean articles get no-match; spinner and tail-chrome copies
# score above 0.8. Pass `min_similarity` to trade one for the other.
MATCH_MIN_SIMILARITY = 0.25
# A copy changing at most this share of its words is verbatim: a stray typo, a fixed quote mark.
VERBATIM_MAX_CHANGED = 0.02

Verdict = Literal["verbatim-copy", "rewritten-copy", "no-match"]

_WORD = re.compile(r"\w+(?:['’]\w+)*")


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
    source_id: str | None
    similarity: float
    verdict: Verdict
    changed_share: float
    substitutions: tuple[Substitution, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_id": self.source_id,
            "similarity": round(self.similarity, 4),
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


def shingles(text: str) -> set[bytes]:
    """The content words of `text` (stop words and one-letter words skipped), as MinHash input."""
    return {w.encode() for w in _content(_words(text)[0])}


def signatures(texts: Sequence[str]) -> np.ndarray:
    """One row of MinHash hash values (uint32) per text."""
    from datasketch import MinHash

    rows = np.empty((len(texts), NUM_PERM), dtype=np.uint32)
    for i, m in enumerate(MinHash.bulk((shingles(t) for t in texts), num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)):
        rows[i] = m.hashvalues
    return rows


def similarity(query: str | list[str], source: str) -> float:
    """How much of one text's content-word sequence the other keeps, in order: rapidfuzz's
    normalized Indel similarity, 2 * LCS / (len(a) + len(b)), over content words. Content words
    rather than all words, because rewrites rebuild the function words around the facts they keep.
    `query` may be given as its content words already."""
    from rapidfuzz.distance import Indel

    q = _content(_words(query)[0]) if isinstance(query, str) else query
    return float(Indel.normalized_similarity(_content(_words(source)[0]), q))


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


def verdict(similarity: float, changed_share: float, min_similarity: float = MATCH_MIN_SIMILARITY) -> Verdict:
    if similarity < min_similarity:
        return "no-match"
    return "verbatim-copy" if changed_share <= VERBATIM_MAX_CHANGED else "rewritten-copy"


@dataclass(frozen=True)
class _Doc:
    id: str
    text: str
    title: str | None = None
    date: str | None = None


class Index:
    """Originals to match copies against. `add` them (or `Index.load` a saved index), then `match`."""

    def __init__(self) -> None:
        self._docs: list[_Doc] = []
        self._sigs: list[np.ndarray] = []
        self._matrix: np.ndarray | None = None
        self._lsh: Any = None
        self._store: _Store | None = None

    def __len__(self) -> int:
        return len(self._docs) if self._store is None else len(self._store)

    def add(self, id: str, text: str, title: str | None = None, date: str | None = None) -> None:
        if self._store is not None:
            raise MatchIndexError("a loaded index is read-only: build a new one with qualcheck.match.build_index")
        self._docs.append(_Doc(str(id), text, title, date))
        self._sigs.append(signatures([text])[0])
        self._matrix = None
        self._lsh = None

    def _signature_matrix(self) -> np.ndarray:
        if self._matrix is None:
            self._matrix = np.vstack(self._sigs) if self._sigs else np.empty((0, NUM_PERM), np.uint32)
        return self._matrix

    def _index(self) -> Any:
        if self._lsh is None:
            from datasketch import LeanMinHash, MinHashLSH

            lsh = MinHashLSH(num_perm=NUM_PERM, params=LSH_PARAMS)
            with lsh.insertion_session() as session:
                for i, row in enumerate(self._signature_matrix()):
                    session.insert(i, LeanMinHash(seed=SEED, hashvalues=row, scheme=SCHEME), check_duplication=False)
            self._lsh = lsh
        return self._lsh

    def doc(self, i: int) -> _Doc:
        return self._store.doc(i) if self._store is not None else self._docs[i]

    def match(self, text: str, *, min_similarity: float = MATCH_MIN_SIMILARITY) -> MatchResult:
        """The closest original to `text` and how the text differs from it; no-match when the
        closest scores under `min_similarity`."""
        from datasketch import LeanMinHash

        if len(self) == 0 or not text.strip():
            return NO_MATCH
        sig = signatures([text])[0]
        candidates = self._index().query(LeanMinHash(seed=SEED, hashvalues=sig, scheme=SCHEME))
        if not candidates:
            return NO_MATCH
        cand = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
        estimate = (self._signature_matrix()[cand] == sig).mean(axis=1)
        best_sim, best_doc = 0.0, None
        words = _content(_words(text)[0])
        for i in cand[np.argsort(-estimate, kind="stable")[:ALIGN_TOP]]:
            doc = self.doc(int(i))
            sim = similarity(words, doc.text)
            if sim > best_sim:
                best_sim, best_doc = sim, doc
        if best_doc is None or best_sim < min_similarity:
            return MatchResult(None, best_sim, "no-match", 1.0)
        changed, subs = align(text, best_doc.text)
        return MatchResult(best_doc.id, best_sim, verdict(best_sim, changed, min_similarity), changed, subs)

    def save(self, path: str | PathLike[str]) -> None:
        if self._store is not None:
            raise MatchIndexError("a loaded index is already saved")
        write_index(path, ((d, s) for d, s in zip(self._docs, self._sigs, strict=True)))

    @classmethod
    def load(cls, path: str | PathLike[str]) -> Index:
        """Open a saved index; its originals are read from the file when a match needs them."""
        store = _Store(path)
        index = cls()
        index._store = store
        index._matrix = store.signatures
        return index


# --- the file -----------------------------------------------------------------------------------


def write_index(path: str | PathLike[str], rows: Iterable[tuple[_Doc, np.ndarray]]) -> int:
    """Write originals and their signatures to an index file, streaming: the texts go straight to
    the zip; only the signatures (512 bytes an original) are held. Returns how many were written."""
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
        _write_npy(zf, "signatures.npy", matrix.astype(np.uint32, copy=False))
        _write_npy(zf, "offsets.npy", np.asarray(offsets, dtype=np.int64))
        meta = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "count": len(sigs),
            "num_perm": NUM_PERM,
            "seed": SEED,
            "scheme": SCHEME,
            "shingles": "content-words",
            "datasketch": datasketch.__version__,
        }
        zf.writestr("meta.json", json.dumps(meta, indent=2))
    return len(sigs)


def _write_npy(zf: zipfile.ZipFile, name: str, array: np.ndarray) -> None:
    buf = io.BytesIO()
    np.save(buf, array, allow_pickle=False)
    zf.writestr(name, buf.getvalue())


class _Store:
    """A saved index's originals, read one at a time from the zip."""

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
        params = (meta.get("version"), meta.get("num_perm"), meta.get("seed"), meta.get("scheme"))
        if params != (FORMAT_VERSION, NUM_PERM, SEED, SCHEME):
            raise MatchIndexError(
                f"{path}: index format version {meta.get('version')} (num_perm {meta.get('num_perm')}); "
                f"this qualcheck reads version {FORMAT_VERSION}: rebuild it with `qualcheck index`"
            )
        try:
            self.signatures = self._array("signatures.npy")
            self._offsets = self._array("offsets.npy")
        except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError) as exc:
            raise MatchIndexError(f"{path}: damaged index ({exc})") from None
        n = meta.get("count")
        if self.signatures.shape != (n, NUM_PERM) or self._offsets.shape != ((n or 0) + 1,):
            raise MatchIndexError(f"{path}: damaged index (counts disagree)")
        try:
            info = self._zip.getinfo("docs.jsonl")
            if info.compress_type != zipfile.ZIP_STORED:
                raise ValueError("originals are compressed")
            self._raw: IO[bytes] = open(self.path, "rb")
            self._raw.seek(info.header_offset)
            header = self._raw.read(30)
            if len(header) < 30 or header[:4] != b"PK\x03\x04":
                raise ValueError("bad local header")
            name_len, extra_len = int.from_bytes(header[26:28], "little"), int.from_bytes(header[28:30], "little")
            self._base = info.header_offset + 30 + name_len + extra_len
            if self._base + int(self._offsets[-1]) > os.path.getsize(self.path):
                raise ValueError("originals truncated")
        except (KeyError, ValueError, OSError) as exc:
            raise MatchIndexError(f"{path}: damaged index ({exc})") from None

    def _array(self, name: str) -> np.ndarray:
        return np.load(io.BytesIO(self._zip.read(name)), allow_pickle=False)

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


# --- copies as evidence in a score (`qualcheck score --against`) ------------------------------------

# The rule on top of the classifier: a rewritten copy this close to a known original is farm output
# whatever its prose reads like, so its score is raised to at least COPY_SCORE. Stricter than the
# match verdict's 0.25: another newsroom's write-up of the same event reaches 0.46 against an indexed
# one in 1% of cases (measured as for MATCH_MIN_SIMILARITY), spinner copies score above 0.8.
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
