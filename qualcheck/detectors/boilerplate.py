"""Scraper and autoblog leftovers (QC3xx): page chrome that came along with the copied text.

Short chrome (`Source link`, `Share this:`) only counts when it stands alone as a paragraph, so an
article that talks about leaving a reply is not flagged; long, distinctive phrases (comment-form
notices, syndication footers) count wherever they appear.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from ..text import Doc
from ..types import Finding
from . import Caseless, detector, finding, rule

FOOTER = rule(
    "QC301",
    "scraper-footer",
    "boilerplate",
    "high",
    "an autoblog or scraper footer pointing at the copied source",
)
COMMENT_FORM = rule(
    "QC302",
    "comment-form",
    "boilerplate",
    "high",
    "text from a blog comment form",
)
SYNDICATION = rule(
    "QC303",
    "syndication-footer",
    "boilerplate",
    "high",
    "an RSS syndication footer naming the site the text was taken from",
)
CHROME = rule(
    "QC304",
    "share-chrome",
    "boilerplate",
    "medium",
    "share, subscribe or related-links chrome left in the text",
)
MARKUP = rule(
    "QC305",
    "markup-remnant",
    "boilerplate",
    "medium",
    "an HTML tag or shortcode left in the text",
)
MOJIBAKE = rule(
    "QC306",
    "mojibake",
    "boilerplate",
    "medium",
    "text decoded with the wrong character set",
)
ENTITY = rule(
    "QC308",
    "html-entity",
    "boilerplate",
    "low",
    "an HTML character entity left in the text (`&amp;`, `&#8217;`)",
)
MIXED = rule(
    "QC307",
    "mixed-encoding",
    "boilerplate",
    "medium",
    "a character both written plainly and encoded (an entity or mojibake) in one text, as when copies are stitched",
)

_TAIL = r"\s*[:.!»›>→…]*\s*"
_FOOTER_LINE = re.compile(
    r"(?:source\s+link|source\s+url|original\s+(?:article|source|post)|read\s+(?:the\s+)?(?:more|full"
    r"\s+(?:article|story))(?:\s+at\s+\S{1,80})?|continue\s+reading|click\s+here\s+to\s+read\s+more"
    r"|read\s+more\s+(?:here|at\s+\S{1,80}))" + _TAIL,
    re.IGNORECASE,
)
_CHROME_LINE = re.compile(
    r"(?:share\s+this(?:\s+(?:article|story|post))?|share\s+(?:on|via)\s+\w+|click\s+to\s+share\s+on"
    r"\s+\w+(?:\s+\(opens\s+in\s+new\s+window\))?|tweet|pin\s+it|like\s+this|like\s+loading"
    r"|loading|related(?:\s+(?:posts|articles|stories|news))?|you\s+may\s+also\s+like"
    r"|recommended(?:\s+for\s+you)?|(?:subscribe|sign\s+up)\s+(?:to|for)\s+(?:our|the)\s+newsletter"
    r"|follow\s+us\s+on\s+\w+(?:(?:,|\s+and)\s+\w+)*|advertisement|sponsored|also\s+read(?::\s*.{0,150})?"
    r"|print|email|whatsapp|telegram|facebook|twitter)" + _TAIL,
    re.IGNORECASE,
)
_COMMENT = (
    r"your\s+email\s+address\s+will\s+not\s+be\s+published\.?"
    r"|required\s+fields\s+are\s+marked\s*\*?"
    r"|save\s+my\s+name,\s+email,\s+and\s+website\s+in\s+this\s+browser\s+for\s+the\s+next\s+time\s+i"
    r"\s+comment\.?"
    r"|notify\s+me\s+of\s+(?:follow-up\s+comments|new\s+posts)\s+by\s+email\.?"
)
_COMMENT_PHRASES = Caseless(_COMMENT, anchors=("email", "required"))  # one of the two is in every phrase
_COMMENT_LINE = re.compile(
    r"(?:leave\s+a\s+(?:reply|comment)|cancel\s+reply|post\s+comment|comments?"
    r"|\d+\s+comments?|add\s+(?:a\s+)?comment|log\s+in\s+to\s+reply)" + _TAIL,
    re.IGNORECASE,
)
_LINE_RULES = ((_FOOTER_LINE, FOOTER), (_COMMENT_LINE, COMMENT_FORM), (_CHROME_LINE, CHROME))
_END_CHROME = Caseless(r"\s(?P<x>" + "|".join(p.pattern for p, _ in _LINE_RULES) + ")$")
_SENTENCE_END = frozenset('.!?"”*')
_SYNDICATION_RE = re.compile(r"The\s+post\s+[^\n]{1,300}?\s+appeared\s+first\s+on\s+[^\n]{1,120}")
# Tags and shortcodes are markup an extractor failed to strip; an entity is a character a feed
# escaped, which honest feeds do throughout, so the two are told apart.
_MARKUP_RE = re.compile(
    r"</?(?:p|div|span|a|br|hr|strong|em|b|i|u|img|script|style|ul|ol|li|h[1-6]|table|tr|td"
    r"|blockquote|figure|figcaption|iframe|section|article)\b[^<>\n]{0,300}?/?>"
    r"|\[/?(?:caption|embed|gallery|video|audio|tweet)\b[^\]\n]{0,200}\]",
    re.IGNORECASE,
)
_ENTITY_RE = re.compile(
    r"&(?:nbsp|amp|quot|apos|lt|gt|rsquo|lsquo|rdquo|ldquo|ndash|mdash|hellip|eacute|copy|reg"
    r"|#\d{2,6}|#x[0-9a-fA-F]{2,5});",
    re.IGNORECASE,
)
# Characters a writer escapes on purpose (markup in the text, a layout space): plain and encoded
# side by side is normal for them.
_ESCAPED_ON_PURPOSE = frozenset("&<>\u00a0 ")
# UTF-8 read as Windows-1252/Latin-1: â€™ â€œ Ã© Â and a byte-order mark read as text.
_MOJIBAKE_RE = re.compile(  # the look-ahead lets the engine skip to the few starting letters
    "(?=[âÃÂï\ufffd])(?:â€[™œ\u009d˜”“¦¢\u2122\u0153\u02dc\u201d\u201c\u2013\u2014\u00a6]|â€"
    "|Ã[\u0080-\u00bf©¨§¡¢£¤¥¦¼½¾¶¸¹º»]"
    "|Â[\u00a0-\u00bf]"
    "|ï»¿|\ufffd+)"
)


def _classify(text: str, start: int, end: int) -> Finding | None:
    for pattern, r in _LINE_RULES:
        if pattern.fullmatch(text, start, end):
            return finding(r, start, end)
    return None


@detector
def footer_and_chrome_lines(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    for start, end in doc.paragraphs:
        if end - start <= 200 and (f := _classify(text, start, end)):
            yield f


@detector
def chrome_at_end(doc: Doc) -> Iterator[Finding]:
    """Chrome glued to the last sentence when a pipeline collapsed the page's line breaks.

    Footers, comment forms and share links are peeled off the end of the text one by one; the
    chain counts only if what precedes its first item ends a sentence, so an article that ends
    "... he uses email." is left alone.
    """
    text = doc.text
    comment_starts = {m.end(): m.start() for m in _COMMENT_PHRASES.finditer(doc, max(0, len(text) - 600))}
    chain: list[Finding] = []
    pos = len(text.rstrip())
    while pos > 0:
        if pos in comment_starts:
            pos = len(text[: comment_starts[pos]].rstrip())
            continue
        m = _END_CHROME.search(doc, max(0, pos - 200), pos)
        f = _classify(text, m.start("x"), pos) if m else None
        if m is None or f is None:
            break
        chain.append(f)
        pos = len(text[: m.start("x")].rstrip())
    if chain and (pos == 0 or text[pos - 1] in _SENTENCE_END):
        yield from chain


@detector
def comment_phrases(doc: Doc) -> Iterator[Finding]:
    for m in _COMMENT_PHRASES.finditer(doc):
        yield finding(COMMENT_FORM, *m.span())


@detector
def syndication(doc: Doc) -> Iterator[Finding]:
    for m in _SYNDICATION_RE.finditer(doc.text):
        yield finding(SYNDICATION, *m.span())


@detector
def markup(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "<" not in text and "[" not in text:
        return  # every tag and shortcode starts with one of these
    for m in _MARKUP_RE.finditer(text):
        yield finding(MARKUP, *m.span())


@detector
def entities(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "&" not in text:
        return
    for m in _ENTITY_RE.finditer(text):
        yield finding(ENTITY, *m.span())


@detector
def mojibake(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if not any(c in text for c in "âÃÂï\ufffd"):
        return  # every mojibake sequence starts with one of these
    for m in _MOJIBAKE_RE.finditer(text):
        yield finding(MOJIBAKE, *m.span())


@detector
def mixed_encoding(doc: Doc) -> Iterator[Finding]:
    """An honest feed that escapes or mis-decodes does so throughout (`caf&#233;` with no plain
    `é` anywhere); a text holding `’` in one paragraph and `&#8217;` or `â€™` in the next was put
    together from differently encoded copies, which is what scrapers that stitch pages do."""
    text = doc.text
    encoded: list[tuple[int, int, str]] = []
    if "&" in text:
        for m in _ENTITY_RE.finditer(text):
            char = html.unescape(m.group())
            if len(char) == 1 and char not in _ESCAPED_ON_PURPOSE:
                encoded.append((m.start(), m.end(), char))
    if any(c in text for c in "âÃÂ"):
        for m in _MOJIBAKE_RE.finditer(text):
            decoded = _decode_mojibake(m.group())
            if decoded is not None and decoded not in _ESCAPED_ON_PURPOSE:
                encoded.append((m.start(), m.end(), decoded))
    if not encoded:
        return
    encoded.sort()
    # the plain characters are looked for outside the encoded forms (`â€”` holds a plain `”`)
    plain, pos = [], 0
    for s, e, _ in encoded:
        plain.append(text[pos:s])
        pos = max(pos, e)
    plain.append(text[pos:])
    rest = "\x00".join(plain)
    for s, e, char in encoded:
        if char in rest:
            yield finding(MIXED, s, e, f"{text[s:e]!r} here, {char!r} written plainly elsewhere in the text")


def _decode_mojibake(s: str) -> str | None:
    """The character whose UTF-8 bytes, read as Windows-1252 (or Latin-1), gave `s`."""
    for codec in ("cp1252", "latin-1"):
        try:
            char = s.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return char if len(char) == 1 else None
    return None
