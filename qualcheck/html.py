"""HTML pages: the main text and title for scoring, and the page's own chrome as evidence.

trafilatura (extra `html`) finds the article in the page and leaves out the comment form, the
`Source link` footer and the share buttons. Those are exactly what betrays an autoblog, so the
visible text of the whole page is scanned for them too and they become findings on the page
(`field="page"`, offsets into `Page.page_text`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from urllib.parse import urljoin

from .types import Finding

# Findings on the page outside the article: scraper footers, comment forms, syndication footers, a
# theme's placeholder text (none of the 181 honest pages in the training set shows one).
# Share buttons and related links are left out: honest news sites have them too.
PAGE_CODES = frozenset({"QC301", "QC302", "QC303", "QC309"})
_BLOCK = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr label legend li main nav ol p pre section table td th tr ul".split()
)
_MIN_WORDS = 5
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_ABSOLUTE = re.compile(r"https?://[^\s/]+", re.IGNORECASE)


class HTMLUnavailable(ImportError):
    """trafilatura is not installed."""


@dataclass(frozen=True)
class Page:
    text: str  # the article, as trafilatura extracts it
    title: str | None
    page_text: str  # every visible line of the page, one block per line
    url: str | None = None  # the page's canonical URL when it names one, else the URL it was fetched from


def extract(html: str | bytes, url: str | None = None) -> Page | None:
    """The article and the page around it; `None` when the page holds no article text (fewer
    than five words)."""
    try:
        import trafilatura
    except ImportError as exc:  # also lxml without its html-clean part
        raise HTMLUnavailable("HTML input needs trafilatura: pip install 'qualcheck[html]'") from exc
    if isinstance(html, bytes):
        # decoded once, by the page's declared or detected charset, for the article and the page
        # alike: lxml alone reads undeclared UTF-8 as Latin-1, and the page text became mojibake
        from trafilatura.utils import decode_file

        html = decode_file(html)
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) or ""
    if len(text.split()) < _MIN_WORDS:  # a menu or a caption is not an article
        return None
    page_text, title_tag, own_url = _visible_text(html)
    headline = getattr(doc, "title", None)
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and headline and lines[0].strip() == headline.strip():
        lines = lines[1:]  # the headline is the title, not the first paragraph
    # one paragraph per line in the extract: blank lines between them, as in a .txt article
    own = urljoin(url, own_url) if url and own_url else own_url
    return Page("\n\n".join(lines), title_tag or headline or None, page_text, _absolute(own) or url)


def _absolute(url: str | None) -> str | None:
    """Only an absolute http(s) URL names a site; a bare path or a template placeholder does not."""
    return url if url and _ABSOLUTE.match(url) else None


def _visible_text(html: str | bytes) -> tuple[str, str | None, str | None]:
    """The visible lines, the <title>, and the URL the page gives for itself: a page saved from a
    mirror or a crawler's redirect still names the site that published it."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    title_el = tree.find(".//title")
    title = " ".join(title_el.text_content().split()) if title_el is not None else None
    own = tree.xpath("//link[@rel='canonical']/@href") + tree.xpath("//meta[@property='og:url']/@content")
    own_url = next((str(u).strip() for u in own if str(u).strip()), None)
    for bad in tree.xpath("//script|//style|//noscript|//template|//head"):
        bad.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.text = "\n" + (el.text or "")
            el.tail = "\n" + (el.tail or "")
    lines = (_SPACES.sub(" ", line).strip() for line in tree.text_content().splitlines())
    return "\n".join(line for line in lines if line), title or None, own_url


def page_findings(page: Page, main: tuple[Finding, ...]) -> list[Finding]:
    """Chrome found on the page but not already found in the extracted article."""
    from .detectors import run_all
    from .text import Doc

    seen = {(f.code, page.text[f.start : f.end]) for f in main if f.field == "text"}
    out = []
    for f in run_all(Doc(page.page_text)):
        if f.code in PAGE_CODES and (f.code, page.page_text[f.start : f.end]) not in seen:
            out.append(replace(f, field="page"))
    return out
