"""Scraper leftovers: markup and broken encodings in the prose, and chrome under the article."""

from __future__ import annotations

import random
import re

from .base import Edit, lines, text_only

TAIL_KINDS: tuple[str, ...] = ("footer", "comment-form", "syndication", "share-chrome")
"""Chrome added at the end of the page rather than inside the prose."""

_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")
_CURLY = re.compile(r"[“”’é]")
MOJIBAKE = {"’": "â€™", "“": "â€œ", "”": "â€\u009d", "é": "Ã©"}
_ENTITIES = {"’": "&#8217;", "'": "&#039;", "“": "&#8220;", "”": "&#8221;"}
_FOOTERS = ("Source link", "Source Link", "Read more", "Continue reading", "Read the full article")
_CHROME = (
    "Share this:",
    "Related Posts",
    "Advertisement",
    "You may also like",
    "Share on Facebook",
    "Subscribe to our newsletter",
    "Like this:",
)
_SITE_WORDS_A = ("Global", "Daily", "World", "Latest", "Breaking", "Trending", "Prime", "Metro")
_SITE_WORDS_B = ("News Hub", "Times Online", "Post 24", "Wire", "Headlines", "Express", "Today", "Digest")


@text_only("markup")
def markup(text: str) -> list[Edit]:
    out = []
    for m in _APOSTROPHE.finditer(text):
        rep = _ENTITIES[m.group()]
        out.append(Edit(m.start(), m.end(), rep, "markup", ((0, len(rep)),)))
    for s, _e in lines(text)[1:]:
        out.append(Edit(s, s, "<p>", "markup", ((0, 3),)))
    return out


@text_only("mojibake")
def mojibake(text: str) -> list[Edit]:
    out = []
    for m in _CURLY.finditer(text):
        rep = MOJIBAKE[m.group()]
        out.append(Edit(m.start(), m.end(), rep, "mojibake", ((0, len(rep)),)))
    return out


def tail_block(kind: str, rng: random.Random, title: str) -> list[tuple[str, str | None]]:
    """Lines to append for a chrome kind; the second item names the damage kind if it is one."""
    if kind == "footer":
        return [(rng.choice(_FOOTERS), kind)]
    if kind == "comment-form":
        out: list[tuple[str, str | None]] = [("Leave a Reply", kind)]
        notice = ["Your email address will not be published.", "Required fields are marked *"]
        if rng.random() < 0.5:
            out.append((" ".join(notice), kind))
        else:
            out += [(n, kind) for n in notice]
        if rng.random() < 0.3:
            out.append(("Save my name, email, and website in this browser for the next time I comment.", kind))
        return out
    if kind == "syndication":
        site = f"{rng.choice(_SITE_WORDS_A)} {rng.choice(_SITE_WORDS_B)}"
        return [(f"The post {title or 'News update'} appeared first on {site}.", kind)]
    return [(rng.choice(_CHROME), kind)]
