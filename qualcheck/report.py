"""`qualcheck report`: one self-contained HTML file to look at a scored crawl.

The report streams through the scores once. Only aggregates (a score histogram, counts per code,
family and site) and the `top` highest-scoring reports (a heap) are kept, so memory does not grow
with the number of articles (the per-site counts grow with the number of distinct sites only) and
the file stays small: only the top articles carry their text.

The page is rendered by Jinja2 with autoescaping on: article text, titles, ids and URLs are
hostile input and always land in the page as text. Only http(s) URLs become links. The page sets
its own Content-Security-Policy: no network, and only the inline script and style it ships (by hash).

Overlapping findings: marks nest when one span lies inside another. When two spans cross, the one
that starts later is cut where the earlier one ends; its first piece is the `<mark>` (with the
finding's `data-start`/`data-end`) and each further piece is a `<span class="qc-cont">` whose
`data-of` names the mark's id. A mark's text plus the text of its pieces is exactly the span, and
every finding shown gets exactly one `<mark>`.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from itertools import count
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .types import DEFAULT_THRESHOLD, Finding, ModelInfo, Report

__all__ = ["DEFAULT_TOP", "Aggregate", "Node", "build_context", "mark_tree", "render", "site_of", "write_report"]

DEFAULT_TOP = 25
HIST_BINS = 20
MAX_SITES = 50  # rows of the per-site table (the sites with the most articles)
PAGE_CONTEXT = 80  # characters shown either side of a finding on the page's visible text
_HIST_W, _HIST_H = 600, 160


@dataclass
class Node:
    """One highlighted piece of text: the finding's `<mark>` (`first`) or a later piece of it."""

    finding: Finding
    key: str  # the mark's element id
    first: bool
    start: int = 0  # the finding's offsets into its field (an excerpt's marks keep the whole field's)
    end: int = 0
    children: list[Node | str] = field(default_factory=list)


def mark_tree(text: str, findings: Sequence[Finding], prefix: str = "f", offset: int = 0) -> list[Node | str]:
    """`text` cut into plain strings and nested `Node`s, one `first` node per finding.

    `offset`: where `text` starts in the field the findings index (an excerpt of a page).
    Longer spans open first, so they are outside; a span crossing an open one is cut where the
    open one ends and continued in a new piece (see the module docstring)."""
    n = len(text)
    spans = [
        (min(max(f.start - offset, 0), n), min(max(f.end - offset, f.start - offset, 0), n), i, f)
        for i, f in enumerate(findings)
    ]
    starts: dict[int, list[tuple[int, int, int, Finding]]] = {}
    for s in spans:
        starts.setdefault(s[0], []).append(s)
    ends = {s[1] for s in spans}
    root = Node(Finding(0, n, "", "", "", "low", ""), "", True)
    stack: list[tuple[Node, int]] = [(root, n + 1)]  # (node, where it ends)
    pos = 0
    for at in sorted(set(starts) | ends):
        if at > pos:
            stack[-1][0].children.append(text[pos:at])
            pos = at
        _close(stack, at)
        for _start, end, i, f in sorted(starts.get(at, ()), key=lambda s: (-s[1], s[2])):
            node = Node(f, f"{prefix}{i}", True, f.start, f.end)
            stack[-1][0].children.append(node)
            stack.append((node, end))
        _close(stack, at)  # empty spans
    if pos < n:
        root.children.append(text[pos:])
    return root.children


def _close(stack: list[tuple[Node, int]], at: int) -> None:
    """Close every open node ending at `at`; nodes above one of them reopen as continuation pieces."""
    if not any(end == at for _, end in stack):
        return
    reopen: list[tuple[Node, int]] = []
    while any(end == at for _, end in stack):
        node, end = stack.pop()
        if end != at:
            reopen.append((node, end))
    for node, end in reversed(reopen):
        piece = Node(node.finding, node.key, False, node.start, node.end)
        stack[-1][0].children.append(piece)
        stack.append((piece, end))


def site_of(url: str | None) -> str | None:
    """The host an article was published on, without `www.`; None without a usable URL."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host


def safe_href(url: str | None) -> str | None:
    """The URL when it may be a link (http or https); anything else (javascript:, data:) stays text."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


@dataclass
class _Site:
    n: int = 0
    flagged: int = 0
    codes: Counter[str] = field(default_factory=Counter)


class Aggregate:
    """What the report keeps while streaming: counts, and the `top` highest-scoring reports."""

    def __init__(self, top: int = DEFAULT_TOP, threshold: float | None = None) -> None:
        self.top = top
        self.threshold = threshold
        self.n = 0
        self.flagged = 0
        self.bins = [[0, 0] for _ in range(HIST_BINS)]  # per bin: clean, flagged
        self.code_articles: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}
        self.family_articles: dict[bool, Counter[str]] = {False: Counter(), True: Counter()}
        self.code_findings: Counter[str] = Counter()
        self.rules: dict[str, tuple[str, str, str]] = {}  # code -> name, family, severity
        self.sites: dict[str, _Site] = {}
        self.model: ModelInfo | None = None
        self._heap: list[tuple[float, int, Report]] = []
        self._seq = count()

    def add(self, report: Report) -> None:
        if self.threshold is None:
            self.threshold = report.threshold
        if self.model is None:
            self.model = report.model
        flagged = report.flagged
        self.n += 1
        self.flagged += flagged
        b = min(int(report.score * HIST_BINS), HIST_BINS - 1) if report.score > 0 else 0
        self.bins[b][flagged] += 1
        codes = {f.code for f in report.findings}
        self.code_articles[flagged].update(codes)
        self.family_articles[flagged].update({f.family for f in report.findings})
        for f in report.findings:
            self.code_findings[f.code] += 1
            self.rules.setdefault(f.code, (f.name, f.family, f.severity))
        site = site_of(report.url)
        if site is not None:
            s = self.sites.setdefault(site, _Site())
            s.n += 1
            s.flagged += flagged
            s.codes.update(codes)
        # highest scores win; among equal scores the earlier article stays (-seq: later ones go first)
        entry = (report.score, -next(self._seq), report)
        if len(self._heap) < self.top:
            heapq.heappush(self._heap, entry)
        elif self.top and entry[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, entry)

    def top_reports(self) -> list[Report]:
        return [r for _, _, r in sorted(self._heap, key=lambda e: (-e[0], -e[1]))]


def build_context(
    agg: Aggregate, *, sources: Sequence[Mapping[str, Any]] = (), title: str = "qualcheck report"
) -> dict[str, Any]:
    """Everything the template shows, as plain data (no HTML)."""
    threshold = DEFAULT_THRESHOLD if agg.threshold is None else agg.threshold
    peak = max((c + f for c, f in agg.bins), default=0) or 1
    bar_w = _HIST_W / HIST_BINS
    bars = []
    for i, (clean, flagged) in enumerate(agg.bins):
        lo = i / HIST_BINS
        for part, value, y0 in (("clean", clean, 0), ("flagged", flagged, clean)):
            if value:
                h = max(value / peak * _HIST_H, 2.0)  # a handful among thousands stays visible
                y = max(_HIST_H - (y0 / peak * _HIST_H) - h, 0.0)
                bars.append(
                    {
                        "x": round(i * bar_w + 1, 1),
                        "y": round(y, 1),
                        "w": round(bar_w - 2, 1),
                        "h": round(h, 1),
                        "kind": part,
                        "label": f"{lo:.2f}–{lo + 1 / HIST_BINS:.2f}: {value} {part}",
                    }
                )
    codes = sorted(agg.code_findings, key=lambda c: (-agg.code_articles[True][c], -agg.code_findings[c], c))
    code_rows = [
        {
            "code": c,
            "name": agg.rules[c][0],
            "family": agg.rules[c][1],
            "severity": agg.rules[c][2],
            "flagged": agg.code_articles[True][c],
            "clean": agg.code_articles[False][c],
            "findings": agg.code_findings[c],
        }
        for c in codes
    ]
    families = sorted(set(agg.family_articles[True]) | set(agg.family_articles[False]))
    family_rows = [
        {"family": fam, "flagged": agg.family_articles[True][fam], "clean": agg.family_articles[False][fam]}
        for fam in sorted(
            families, key=lambda fam: (-agg.family_articles[True][fam], -agg.family_articles[False][fam], fam)
        )
    ]
    site_rows = [
        {
            "site": site,
            "n": s.n,
            "flagged": s.flagged,
            "share": s.flagged / s.n,
            "codes": [c for c, _ in s.codes.most_common(3)],
        }
        for site, s in sorted(agg.sites.items(), key=lambda kv: (-kv[1].n, -kv[1].flagged, kv[0]))[:MAX_SITES]
    ]
    articles = [_article(i, r) for i, r in enumerate(agg.top_reports())]
    shown_codes = sorted({c for a in articles for c in a["codes"]})
    model = agg.model
    return {
        "title": title,
        "n": agg.n,
        "flagged": agg.flagged,
        "flagged_share": agg.flagged / agg.n if agg.n else 0.0,
        "threshold": threshold,
        "model": {"name": model.name, "version": model.version, "sklearn": model.sklearn} if model else None,
        "sources": [dict(s) for s in sources],
        "hist": {
            "w": _HIST_W,
            "h": _HIST_H,
            "bars": bars,
            "peak": peak,
            "threshold_x": round(threshold * _HIST_W, 1),
            "ticks": [{"x": round(t / 4 * _HIST_W, 1), "label": f"{t / 4:.2f}"} for t in range(5)],
        },
        "code_rows": code_rows,
        "family_rows": family_rows,
        "site_rows": site_rows,
        "n_sites": len(agg.sites),
        "articles": articles,
        "shown_codes": shown_codes,
        "top": agg.top,
    }


def _article(rank: int, r: Report) -> dict[str, Any]:
    prefix = f"a{rank}-"
    by_field: dict[str, list[tuple[int, Finding]]] = {}
    for i, f in enumerate(r.findings):
        by_field.setdefault(f.field, []).append((i, f))

    def tree(fieldname: str, text: str) -> list[Node | str]:
        return mark_tree(text, [f for _, f in by_field.get(fieldname, [])], f"{prefix}{fieldname}-")

    excerpts = []
    for i, f in by_field.get("page", []):
        page = r.page_text or ""
        lo, hi = max(0, f.start - PAGE_CONTEXT), min(len(page), f.end + PAGE_CONTEXT)
        excerpts.append(
            {
                "field": "page",
                "offset": lo,
                "nodes": mark_tree(page[lo:hi], [f], f"{prefix}page-{i}-", lo),
                "before": lo > 0,
                "after": hi < len(page),
            }
        )
    return {
        "rank": rank + 1,
        "id": r.id,
        "url": r.url,
        "href": safe_href(r.url),
        "score": r.score,
        "verdict": r.verdict,
        "codes": r.codes(),
        "title_text": r.title,
        "title_nodes": tree("title", r.title or ""),
        "url_nodes": tree("url", r.url or "") if "url" in by_field else [],
        "text_nodes": tree("text", r.text),
        "excerpts": excerpts,
        "findings": [
            {
                "field": f.field,
                "code": f.code,
                "family": f.family,
                "severity": f.severity,
                "message": f.message,
                "start": f.start,
                "end": f.end,
                "text": r.source(f)[f.start : f.end],
            }
            for f in r.findings
        ],
    }


def _asset(name: str) -> str:
    return resources.files("qualcheck").joinpath("templates").joinpath(name).read_text(encoding="utf-8")


def _csp_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def render(context: Mapping[str, Any]) -> str:
    """The HTML page for a `build_context` result (needs the `report` extra: jinja2)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qualcheck", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    script, style = _asset("report.js"), _asset("report.css")
    csp = (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return env.get_template("report.html.j2").render(**context, script=script, style=style, csp=csp)


def write_report(
    reports: Iterable[Report],
    path: str | Path,
    *,
    top: int = DEFAULT_TOP,
    threshold: float | None = None,
    sources: Sequence[Mapping[str, Any]] = (),
) -> Aggregate:
    """Stream `reports` into one HTML file at `path`; returns the aggregate it was built from."""
    agg = Aggregate(top, threshold)
    for r in reports:
        agg.add(r)
    html = render(build_context(agg, sources=sources))
    Path(path).write_text(html, encoding="utf-8")
    return agg
