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


# Kinds added after the generator's pool was fixed: kept out of the default pool (so every earlier
# variant stays byte-identical) and given a variant of their own (see `generate.LATE_KINDS`).
_PASSAGE_WORDS = 25  # a passage long enough that no honest pull-quote or caption repeats it


@text_only("repeated-paragraph")
def repeated_paragraph(text: str) -> list[Edit]:
    """A page assembled from copies prints a passage twice: a paragraph again after a later one,
    or, in text without paragraph breaks, two or three sentences again after a later sentence."""
    from ..text import Doc

    out = []
    paras = lines(text)
    if len(paras) >= 3:
        sep = "\n\n" if "\n\n" in text else "\n"
        for k, (s, e) in enumerate(paras[1:-1], 1):
            passage = text[s:e].strip()
            if len(passage.split()) < _PASSAGE_WORDS or passage[-1:] not in '.!?"”':
                continue
            for _s2, e2 in paras[k + 1 :]:
                out.append(Edit(e2, e2, sep + passage, "repeated-paragraph", ((len(sep), len(sep) + len(passage)),)))
        return out
    sentences = Doc(text).sentences
    for k in range(1, len(sentences) - 2):
        for n in (2, 3):
            if k + n >= len(sentences):
                break
            passage = text[sentences[k][0] : sentences[k + n - 1][1]]
            if len(passage.split()) < _PASSAGE_WORDS:
                continue
            for _s2, e2 in sentences[k + n :]:
                out.append(Edit(e2, e2, " " + passage, "repeated-paragraph", ((1, 1 + len(passage)),)))
            break
    return out


_CURRENCY_AMOUNT = re.compile(r"[$€£](?=\d)")
_DECIMAL_PERCENT = re.compile(r"(?<=\d)\.(?=\d{1,2}%)")


@text_only("locale-number")
def locale_number(text: str) -> list[Edit]:
    """A translation pipeline writes numbers the source language's way: `$ 25`, `4, 5%`."""
    out = []
    for m in _CURRENCY_AMOUNT.finditer(text):
        rep = m.group() + " "
        digits = re.match(r"\d+", text[m.end() :])
        out.append(
            Edit(m.start(), m.end(), rep, "locale-number", ((0, len(rep) + len(digits.group() if digits else "")),))
        )
    for m in _DECIMAL_PERCENT.finditer(text):
        out.append(Edit(m.start(), m.end(), ", ", "locale-number", ((-1, 3),)))
    return out


@text_only("ad-slot")
def ad_slot(text: str) -> list[Edit]:
    """An autoblog plugin's ad placeholder left in a copied story: `[ad_1]` between paragraphs in
    the first half, `[ad_2]` in the second (after a sentence, in text without paragraph breaks)."""
    from ..text import Doc

    paras = lines(text)
    if len(paras) >= 2:
        sep = "\n\n" if "\n\n" in text else "\n"
        ends = [e for _s, e in paras[:-1]]
    else:
        sep = " "
        ends = [e for _s, e in Doc(text).sentences[:-1]]
    out = []
    for e in ends:
        slot = "[ad_1]" if 2 * e < len(text) else "[ad_2]"
        out.append(Edit(e, e, sep + slot, "ad-slot", ((len(sep), len(sep) + len(slot)),)))
    return out
