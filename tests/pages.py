"""Saved news pages generated from corpora/ for the HTML and Scrapy tests: an honest site's page
and an autoblog's copy of the same article, damaged by qualcheck's generator."""

from __future__ import annotations

import html
from pathlib import Path

from qualcheck.corpora import Article, read_articles
from qualcheck.corrupt import KIND_FAMILIES, corrupt

ROOT = Path(__file__).resolve().parents[1]


def articles(n: int) -> list[Article]:
    """`n` articles from different desks, in a fixed order."""
    by_desk: dict[str, Article] = {}
    for a in read_articles(ROOT / "corpora"):
        by_desk.setdefault(a.id.split("/")[0], a)
    return list(by_desk.values())[:n]


def _paragraphs(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())


def clean_page(a: Article) -> str:
    """A professional news site: navigation, the article, related links, share buttons, footer."""
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(a.title)} | The Daily Record</title></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/business">Business</a></nav></header>
<main><article><h1>{html.escape(a.title)}</h1><p class="byline">By Staff Reporter</p>
{_paragraphs(a.text)}
</article>
<aside><h2>Related</h2><ul><li><a href="/a">Markets steady ahead of central bank decision</a></li>
<li><a href="/b">Council approves new cycle lanes</a></li></ul></aside>
<div class="share">Share this article <a href="#">Facebook</a> <a href="#">Email</a></div></main>
<footer><p>&copy; 2026 The Daily Record. All rights reserved.</p></footer></body></html>"""


def farm_page(a: Article, seed: int) -> str:
    """An autoblog's copy: spun and broken prose, a lower-case site suffix, the scraper's
    `Source link` and a WordPress comment form."""
    kinds = KIND_FAMILIES["attribution"] + KIND_FAMILIES["punctuation"] + KIND_FAMILIES["rewrite"]
    v = corrupt(a.text, seed=seed, intensity="medium", kinds=kinds)
    topic = a.id.split("/")[0]
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(a.title)} | latest {topic} news</title></head>
<body><div id="page"><header><a href="/">Trending News 24</a></header>
<div class="entry-content"><h1 class="entry-title">{html.escape(a.title)}</h1>
{_paragraphs(v.text)}
<p><a href="https://example.org/original">Source link</a></p></div>
<div id="respond" class="comment-respond"><h3 id="reply-title">Leave a Reply</h3>
<p class="comment-notes">Your email address will not be published. Required fields are marked *</p>
<form><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form></div>
</div></body></html>"""


def write_site(root: Path, n: int = 4) -> dict[str, bool]:
    """Write n clean and n farm pages plus an index linking them; return {file name: is_farm}."""
    root.mkdir(parents=True, exist_ok=True)
    kinds: dict[str, bool] = {}
    for i, a in enumerate(articles(n)):
        for farm in (False, True):
            name = f"{'farm' if farm else 'clean'}-{i}.html"
            page = farm_page(a, seed=i) if farm else clean_page(a)
            (root / name).write_text(page, encoding="utf-8")
            kinds[name] = farm
    links = "".join(f'<li><a class="article" href="/{name}">{name}</a></li>' for name in kinds)
    (root / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    return kinds


COPIER = "https://dailynewsblog24.com/2019/11/story.html"  # a site whose name is no outlet's
GAZETTE = "https://www.riverton-gazette.com/news/2019/11/story.html"


def canonical_page(a: Article, url: str, outlet: str = "The Riverton Gazette") -> str:
    """A clean page that names its own URL (canonical link and og:url) and ends its title with
    `outlet`: the site's own name when `url` is the Gazette's, another outlet's on a copier."""
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(a.title)} - {html.escape(outlet)}</title>
<link rel="canonical" href="{url}"><meta property="og:url" content="{url}"></head>
<body><main><article><h1>{html.escape(a.title)}</h1>
{_paragraphs(a.text)}
</article></main></body></html>"""


def write_url_site(root: Path) -> dict[str, bool]:
    """The same article under the Gazette's own URL and under a copier's, with an index linking
    both; return {file name: names another outlet}."""
    root.mkdir(parents=True, exist_ok=True)
    a = articles(1)[0]
    kinds = {"own.html": False, "copied.html": True}
    for name, foreign in kinds.items():
        (root / name).write_text(canonical_page(a, COPIER if foreign else GAZETTE), encoding="utf-8")
    links = "".join(f'<li><a class="article" href="/{name}">{name}</a></li>' for name in kinds)
    (root / "index.html").write_text(f"<html><body><ul>{links}</ul></body></html>", encoding="utf-8")
    return kinds
