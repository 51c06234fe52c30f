"""Reading articles from files, folders, JSONL and stdin; writing reports as table, JSON, JSONL, CSV.

Reading never raises for bad input: each problem becomes an `InputError` in the stream, so one bad
file or record is reported and the good ones are still scored.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import IO, Any

from .types import Report

TEXT_SUFFIXES = frozenset({".txt", ".text"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
DEFAULT_MAX_BYTES = 10_000_000


@dataclass(frozen=True)
class Article:
    id: str
    text: str
    title: str | None = None
    record: dict[str, Any] | None = None  # the JSONL record it came from, for its other fields
    page: Any = None  # for HTML input: the qualcheck.html.Page the text was extracted from
    url: str | None = None  # where the article was published (a record's URL, a page's canonical URL)


@dataclass(frozen=True)
class InputError:
    """A problem with one input. Warnings (text decoded from a legacy charset) do not stop the
    input from being scored; errors do, and make the CLI exit 2."""

    source: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        return f"{self.source}: {'warning: ' if self.warning else ''}{self.message}"


Item = Article | InputError


@dataclass(frozen=True)
class Fields:
    text: str = "text"
    id: str = "id"
    title: str = "title"
    url: str = "url"


def iter_inputs(
    paths: Iterable[str],
    *,
    fields: Fields = Fields(),
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
) -> Iterator[Item]:
    for p in paths:
        if p == "-":
            yield from _read_stream("<stdin>", stdin or sys.stdin.buffer, fields, max_bytes)
        elif os.path.isdir(p):
            found = False
            for f in _walk(Path(p)):
                found = True
                yield from _read_file(f, fields, max_bytes)
            if not found:
                yield InputError(p, "folder holds no .txt, .html or .jsonl files")
        elif os.path.exists(p):
            yield from _read_file(Path(p), fields, max_bytes)
        else:
            yield InputError(p, "no such file or folder")


def _walk(root: Path) -> list[Path]:
    """Readable files under `root` in path order (as `find | sort` would list them), hidden skipped."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = Path(dirpath, name)
            if not name.startswith(".") and path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda p: p.parts)


def _read_file(path: Path, fields: Fields, max_bytes: int) -> Iterator[Item]:
    src = str(path)
    try:
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from _read_jsonl(src, fh, fields, max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputError(src, f"too large ({size:,} bytes; the limit is {max_bytes:,}, see --max-bytes)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(src, exc.strerror or type(exc).__name__)
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield from _html_article(src, data)
    else:
        yield from _text_article(src, data)


def _html_article(src: str, data: bytes) -> Iterator[Item]:
    from .html import HTMLUnavailable, extract

    if b"\x00" in data[:8192]:
        yield InputError(src, "binary file (NUL bytes), not HTML")
        return
    try:
        page = extract(data)
    except HTMLUnavailable as exc:
        yield InputError(src, str(exc))
        return
    except Exception as exc:  # a page lxml cannot parse at all
        yield InputError(src, f"unreadable HTML ({type(exc).__name__})")
        return
    if page is None:
        yield InputError(src, "no article text found in the page")
        return
    yield Article(src, page.text, page.title, page=page, url=page.url)


def _read_stream(src: str, fh: IO[bytes], fields: Fields, max_bytes: int) -> Iterator[Item]:
    if not hasattr(fh, "peek"):
        fh = io.BufferedReader(io.BytesIO(fh.read()))  # type: ignore[arg-type]
    if fh.peek(64).lstrip().startswith(b"{"):  # type: ignore[attr-defined]
        yield from _read_jsonl(src, fh, fields, max_bytes)
        return
    data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield InputError(src, f"too large (over {max_bytes:,} bytes, see --max-bytes)")
        return
    yield from _text_article(src, data)


def decode(src: str, data: bytes) -> tuple[str | None, InputError | None]:
    """UTF-8 first (with or without BOM); legacy Windows-1252 or Latin-1 text is decoded with a
    warning; NUL bytes mean binary, which is an error."""
    if b"\x00" in data[:8192]:
        return None, InputError(src, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    for enc in ("cp1252", "latin-1"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        return text, InputError(src, f"not valid UTF-8 (byte {where}); decoded as {enc}", warning=True)
    return None, InputError(src, "undecodable text")  # pragma: no cover - latin-1 decodes anything


def split_title(text: str) -> tuple[str | None, str]:
    """An optional first line `Title: ...`; the offsets of findings index the body after it."""
    if text.startswith("Title:"):
        first, _, rest = text.partition("\n")
        return first[len("Title:") :].strip() or None, rest.lstrip("\r\n")
    return None, text


def _text_article(src: str, data: bytes) -> Iterator[Item]:
    text, problem = decode(src, data)
    if problem is not None:
        yield problem
    if text is None:
        return
    title, body = split_title(text)
    if not body.strip():
        yield InputError(src, "empty: no text to score")
        return
    yield Article(src, body, title)


def _read_jsonl(src: str, fh: IO[bytes], fields: Fields, max_bytes: int) -> Iterator[Item]:
    seen_any = False
    for lineno, raw in enumerate(fh, 1):
        where = f"{src}:{lineno}"
        if len(raw) > max_bytes:
            yield InputError(where, f"record too large ({len(raw):,} bytes, see --max-bytes)")
            continue
        if not raw.strip():
            continue
        seen_any = True
        line, problem = decode(where, raw)
        if problem is not None:
            yield problem
        if line is None:
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(rec, dict):
            yield InputError(where, "record is not a JSON object")
            continue
        text = rec.get(fields.text)
        if not isinstance(text, str):
            yield InputError(where, f"no text in field {fields.text!r}")
            continue
        if not text.strip():
            yield InputError(where, f"empty text in field {fields.text!r}")
            continue
        ident = rec.get(fields.id)
        title = rec.get(fields.title)
        url = rec.get(fields.url)
        yield Article(
            str(ident) if ident is not None else where,
            text,
            title if isinstance(title, str) else None,
            rec,
            url=url if isinstance(url, str) and url.strip() else None,
        )
    if not seen_any:
        yield InputError(src, "empty: no records")


# --- output -----------------------------------------------------------------------------------

FORMATS = ("table", "json", "jsonl", "csv")


class Writer:
    """Writes reports one at a time, so output streams as articles are scored. `render` makes a
    report's output where the report is (in a worker process with --jobs), `write_rendered`
    writes it: only the output crosses between processes."""

    def __init__(self, out: IO[str], fmt: str, *, explain: bool = False) -> None:
        self.out, self.fmt, self.explain = out, fmt, explain
        self.n = 0
        if fmt == "csv":
            self._csv = csv.writer(out)
            self._csv.writerow(["id", "score", "verdict", "threshold", "findings", "codes"])

    @property
    def render(self) -> Callable[[Report], tuple[bool, Any]]:
        """A picklable function from a report to (flagged, what `write_rendered` writes)."""
        return partial(render, self.fmt, self.explain)

    def write(self, r: Report) -> None:
        self.write_rendered(render(self.fmt, self.explain, r)[1])

    def write_rendered(self, rendered: Any) -> None:
        if self.fmt == "json":
            self.out.write(("[\n" if self.n == 0 else ",\n") + rendered)
        elif self.fmt == "csv":
            self._csv.writerow(rendered)
        else:
            self.out.write(rendered)
        self.n += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("[]\n" if self.n == 0 else "\n]\n")
        self.out.flush()


def render(fmt: str, explain: bool, r: Report) -> tuple[bool, Any]:
    """(whether the report is flagged, its output in `fmt`): a line of text, or a CSV row."""
    if fmt == "jsonl":
        return r.flagged, json.dumps(r.to_dict(), ensure_ascii=False) + "\n"
    if fmt == "json":
        return r.flagged, _indent(json.dumps(r.to_dict(), ensure_ascii=False, indent=2))
    if fmt == "csv":
        return r.flagged, [r.id, f"{r.score:.4f}", r.verdict, r.threshold, len(r.findings), " ".join(r.codes())]
    codes = ", ".join(r.codes()[:5]) or "-"
    lines = [f"{r.score:6.3f}  {r.verdict:<12}  {r.id}  [{codes}]\n"]
    if explain:
        for rec in r.to_dict()["findings"]:
            where = {"text": "", "title": "title:", "page": "page:", "url": "url:"}[rec["field"]]
            where += f"{rec['line']}:{rec['col']}"
            lines.append(f"    {where}  {rec['code']}  {_one_line(rec['text'])!r}  {rec['message']}\n")
    return r.flagged, "".join(lines)


def _indent(s: str) -> str:
    return "\n".join("  " + line for line in s.splitlines())


def _one_line(s: str, limit: int = 80) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def rule_rows(rules: Iterable[Any]) -> list[dict[str, str]]:
    return [
        {"code": r.code, "name": r.name, "family": r.family, "severity": r.severity, "description": r.description}
        for r in rules
    ]
