"""Scraper and autoblog leftovers (QC3xx): page chrome that came along with the copied text.

Short chrome (`Source link`, `Share this:`) only counts when it stands alone as a paragraph, so an
article that talks about leaving a reply is not flagged; long, distinctive phrases (comment-form
notices, syndication footers) count wherever they appear. A credit line counts only when it names
an address (`Source: example.com`): honest syndication names the publication (`Originally published
on Live Science.`), a scraper's template fills in the feed's URL.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterator

from ..lexicon import STOPWORDS
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

PLACEHOLDER = rule(
    "QC309",
    "theme-placeholder",
    "boilerplate",
    "medium",
    "placeholder text from a theme or template (lorem ipsum, `Your Name Here`) published as it was",
)
TRUNCATION = rule(
    "QC310",
    "feed-truncation",
    "boilerplate",
    "medium",
    "an RSS excerpt's truncation mark (`[…]`, `[...]`) ending a paragraph: the text is a feed's summary",
)
REPEATED_PASSAGE = rule(
    "QC311",
    "repeated-passage",
    "boilerplate",
    "high",
    "a passage of two or more sentences printed twice in the article, as when a page is assembled from copies",
)

_TAIL = r"\s*[:.!»›>→…]*\s*"
# A web address, as a scraper's template fills it in: `https://…`, `www.…` or a bare domain.
_ADDRESS = (
    r"(?:https?://\S{1,200}|www\.\S{1,100}"
    r"|[a-z0-9][a-z0-9-]{0,62}(?:\.[a-z0-9-]{1,63}){0,3}\.[a-z]{2,12}(?:/\S{0,100})?)"
)
# Where a "continue reading at ..." line points: not the next page or the site's own app.
_ELSEWHERE = r"(?!(?:the\s+)?(?:next|page|below|app)\b|our\b|this\b)[^\n]{1,80}?"
_FOOTER_LINE = re.compile(
    r"(?:source\s+link(?:\s*:\s*" + _ADDRESS + r")?|source\s+url|original\s+(?:article|source|post)"
    r"|read\s+(?:the\s+)?(?:more|full\s+(?:article|story))(?:\s+at\s+\S{1,80})?"
    r"|continue\s+reading|click\s+here\s+to\s+read\s+more|read\s+more\s+(?:here|at\s+\S{1,80}|on\s+" + _ADDRESS + ")"
    # a machine translator's credit for its free version, kept by a farm that translated the copy
    r"|translated\s+(?:with|by)\s+(?:[^\n()]{1,60}?\s*)?\(free\s+version\)"
    # autoblog plugins' credit lines: where the copy came from
    r"|(?:read\s+(?:the\s+)?full\s+(?:article|story|post)|continue\s+reading|read\s+the\s+rest)\s+(?:at|on)\s+"
    + _ELSEWHERE
    + r"|(?:this\s+(?:article|post|entry|story)\s+(?:was\s+)?)?originally\s+(?:published|posted|appeared)"
    r"\s+(?:at|on)\s+" + _ADDRESS + r"(?:\s+on\s+[\w ,]{1,30})?"
    r"|(?:this\s+(?:article|post|story)\s+(?:was\s+)?)?originally\s+written\s+(?:by|for)\s+"
    + _ADDRESS
    + r"|source\s*:\s*"
    + _ADDRESS
    + r"|(?:visit|view|see)\s+the\s+original\s+(?:article|post|story)"
    r"\s+(?:at|on)\s+[^\n]{1,120}?|go\s+to\s+(?:the\s+)?(?:original\s+)?source)" + _TAIL,
    re.IGNORECASE,
)
_BARE_READ_MORE = re.compile(
    r"(?:read\s+more|continue\s+reading|click\s+here\s+to\s+read\s+more)" + _TAIL, re.IGNORECASE
)
# A credit naming a site's address counts at the foot, where a scraper's template appends it; over
# the story it is a licensed aggregator's partner credit (`Source: partner.example.com`).
_SOURCE_ADDRESS = re.compile(r"source\s*:\s*" + _ADDRESS + _TAIL, re.IGNORECASE)
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
_SENTENCE_END = frozenset('.!?"”*…]')  # `…]`: a feed excerpt's cut, then its link
_SYNDICATION_RE = re.compile(r"The\s+post\s+[^\n]{1,300}?\s+appeared\s+first\s+on\s+[^\n]{1,120}")
# Other feed footers with the same signature (a post's title, then the site it appeared on), a line of
# their own: "The post X first appeared on Y.", "The article X appeared first on Y". The title starts
# with a capital; honest prose ("The post office first appeared on Main Street", "The post was
# deleted after it first appeared on Facebook") goes on in lower case, or starts the line elsewhere.
_FEED_TITLE = r"\s+(?=[A-Z0-9“\"‘'])(?!(?i:it|that|which)\b)(?:[^.\n]|\.(?!\s)){1,300}?\s+"
_SYNDICATION_VARIANTS = re.compile(
    r"^[ \t]*(?i:the\s+(?:article|entry))" + _FEED_TITLE + r"(?i:appeared\s+first|first\s+appeared)"
    r"\s+(?i:on)\s+[^\n]{1,80}?[.!]?[ \t]*$"
    r"|^[ \t]*(?i:the\s+post)" + _FEED_TITLE + r"(?i:first\s+appeared\s+on)\s+[^\n]{1,80}?[.!]?[ \t]*$",
    re.MULTILINE,
)
# Tags and shortcodes are markup an extractor failed to strip; an entity is a character a feed
# escaped, which honest feeds do throughout, so the two are told apart.
_MARKUP_RE = re.compile(  # the look-ahead lets the engine skip to the few starting characters
    r"(?=[<\[{(])(?:(?i:</?(?:p|div|span|a|br|hr|strong|em|b|i|u|img|script|style|ul|ol|li|h[1-6]|table|tr|td"
    r"|blockquote|figure|figcaption|iframe|section|article)\b[^<>\n]{0,300}?/?>)"
    # shortcodes are written in lower case: `[VIDEO]` and `[Video]` are a site's honest labels
    r"|\[/?(?:caption|embed|gallery|video|audio|tweet|playlist)\b[^\]\n]{0,200}\]"
    r"|\[/?(?:vc|et_pb|fusion|su)_[a-z_]{1,30}\b[^\]\n]{0,200}\]"
    # any shortcode with an attribute: `[doc id=12]`, `[button link="..."]`
    r"|\[[a-z][a-z0-9_-]{1,30}(?:\s+[a-z_-]{1,30}=(?:\"[^\"\]\n]{0,200}\"|'[^'\]\n]{0,200}'|[^\s\]]{1,200}))+\s*/?\]"
    # template braces and an ad script's text
    r"|\{\{[^{}\n]{1,80}\}\}|\{%[^{}\n]{1,80}%\}"
    r"|\(\s*adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*\[\]\s*\)\.push\(\s*\{\s*\}\s*\)\s*;?"
    r"|\(\s*window\.(?P<q>\w{1,40})\s*=\s*window\.(?P=q)\s*\|\|\s*\[\]\s*\)\.push\([^\n]{0,200}?\)\s*;?"
    # a plugin's ad slot with no attribute, as a line of its own: `[post_ads]`, `[ad_slot_2]`
    r"|(?<![^\n])\[[a-z]{1,20}_[a-z0-9_]{1,30}\](?=[ \t]*(?:\n|$))"
    r")"
)
# A paywall or metering box fills in the reader's count when the page runs its script; a copy taken
# before that keeps the variable (`You have read {{count}} of {{article_limit}} free articles`). A
# template brace on a line that speaks of free articles, a limit or subscribing is the site's own
# furniture, not a farm's unfilled template.
_METERING = re.compile(
    r"\b(?:free\s+(?:articles?|stories|reads?|views?)|articles?\s+(?:left|remaining)|(?:article|monthly|free)\s+limit"
    r"|subscri(?:be|ber|ption)|unlimited\s+access|sign\s+in|log\s+in)\b",
    re.IGNORECASE,
)


def in_metering_notice(text: str, start: int) -> bool:
    """`text[start:]` begins inside a paywall or metering notice (the line it is on is one)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return len(line) <= 300 and _METERING.search(line) is not None


# A WordPress file path or upload URL: a theme's template or an image link that came along as text.
_WP_PATH = re.compile(
    r"(?=[hw/])(?:https?://[^\s/]{1,100})?(?:/[^\s/]{1,60}){0,3}/?\bwp-(?:content|includes)/[^\s\"'<>()\[\]]{1,200}"
)
_MARKUP_SCREEN = ("<", "[", "{")  # every tag, shortcode, template brace or ad snippet has one
_ENTITY_RE = re.compile(
    r"&(?:nbsp|amp|quot|apos|lt|gt|rsquo|lsquo|rdquo|ldquo|ndash|mdash|hellip|eacute|copy|reg"
    r"|#\d{2,6}|#x[0-9a-fA-F]{2,5});",
    re.IGNORECASE,
)
# A theme's or page builder's stand-in text, published without being replaced. Lorem ipsum counts
# only as the filler's own opening words (a newsletter may be called "The Lorem Ipsum"). The
# look-ahead lets the engine skip to the few starting letters; the `your ... here` phrases start
# with a literal word the engine scans for, and take the verb before them by hand.
_PLACEHOLDER = Caseless(
    r"\b(?=[lcsetwj])(?:lorem\s+ipsum\s+dolor\s+sit\s+amet(?:,?\s+consectetur\s+adipiscing\s+elit)?"
    r"|consectetur\s+adipiscing\s+elit|sed\s+do\s+eiusmod\s+tempor"
    r"|this\s+is\s+(?:an?\s+)?(?:example|sample|dummy|demo|placeholder)\s+(?:\w+\s+)?(?:post|page|text"
    r"|content|article)\b"
    r"|welcome\s+to\s+wordpress\.\s+this\s+is\s+your\s+first\s+post\.?"
    r"|edit\s+or\s+delete\s+it,?\s+then\s+start\s+(?:writing|blogging)!?"
    r"|just\s+another\s+wordpress\s+site\b)",
    anchors=(*"lorem adipiscing eiusmod example sample dummy demo placeholder wordpress".split(), "delete it"),
)
_YOURS_HERE = Caseless(
    r"your\s+(?:own\s+)?(?:name|title|text|content|headline|company|copy|description)\s+(?:goes\s+)?here\b",
    anchors=("your",),
)
_YOURS_VERB = re.compile(r"\b(?:add|insert|enter|type|write|put)\s+$", re.IGNORECASE)
# An RSS summary's cut, with the link WordPress puts after it, at the end of a paragraph. Honest
# quotations elide with `[…]` inside a sentence, not as its last characters.
_TRUNCATION = re.compile(
    r"(?<=[\w,;:’'\"”)\s])\[(?:…|\.{3}|&hellip;|&#8230;)\]"
    r"(?:\s*(?:read\s+more|continue\s+reading|more)\s*[»›>→…]*)?\s*$"
    # or the cut with its link in brackets: "... and al… [read more]"
    r"|(?:(?<=…)|(?<=\.\.\.))\s*\[(?:read\s+more|continue\s+reading)\s*(?:…|\.{3}|»)?\]\s*$",
    re.IGNORECASE,
)
_TRUNCATION_CHARS = ("[…]", "[...]", "[&hellip;]", "[&#8230;]", "… [", "...[", "... [", "…[")
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


def _tail_only(text: str, start: int, end: int) -> bool:
    """Footers that count only in the page's tail (see footer_and_chrome_lines)."""
    return bool(_BARE_READ_MORE.fullmatch(text, start, end) or _SOURCE_ADDRESS.fullmatch(text, start, end))


@detector
def footer_and_chrome_lines(doc: Doc) -> Iterator[Finding]:
    """Chrome standing alone as a paragraph. A bare `Read more` or `Continue reading` counts as a
    scraper footer only in the page's tail (nothing but chrome after it): in the middle of a page
    it is an honest related-articles link, the next paragraph being the linked headline. So does
    `Source: <address>`: over the story it is an aggregator's partner credit."""
    text = doc.text
    found: list[Finding] = []
    tail = True  # every paragraph after this one is chrome
    for start, end in reversed(doc.paragraphs):
        f = _classify(text, start, end) if end - start <= 200 else None
        if f is not None and (tail or f.code != FOOTER.code or not _tail_only(text, start, end)):
            found.append(f)
        tail = tail and f is not None
    yield from reversed(found)


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
def syndication_variants(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "appeared" not in (doc.lower if doc.lower is not None else text.lower()):
        return  # every variant says it
    for m in _SYNDICATION_VARIANTS.finditer(text):
        yield finding(SYNDICATION, *m.span())


@detector
def placeholders(doc: Doc) -> Iterator[Finding]:
    for m in _PLACEHOLDER.finditer(doc):
        yield finding(PLACEHOLDER, *m.span())
    text = doc.text
    for m in _YOURS_HERE.finditer(doc):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # "...flavour text here": not the word `your`
        verb = _YOURS_VERB.search(text, max(0, m.start() - 12), m.start())
        yield finding(PLACEHOLDER, verb.start() if verb else m.start(), m.end())


@detector
def feed_truncation(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "[" not in text or not any(t in text for t in _TRUNCATION_CHARS):
        return  # every mark has a `[`: a single-character test first
    for start, end in doc.paragraphs:
        if m := _TRUNCATION.search(text, max(start, end - 40), end):
            start = m.start() + len(m.group()) - len(m.group().lstrip())
            yield finding(TRUNCATION, start, m.start() + m.group().index("]") + 1)


@detector
def markup(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if any(c in text for c in _MARKUP_SCREEN):
        for m in _MARKUP_RE.finditer(text):
            if m.group().startswith("{{") and in_metering_notice(text, m.start()):
                continue
            if m.group().startswith("[") and is_ad_slot(text, *m.span()):
                continue
            yield finding(MARKUP, *m.span())
    if "wp-" in text:
        for m in _WP_PATH.finditer(text):
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
    """The character whose UTF-8 bytes, read as Windows-1252 (or Latin-1), gave `s`: ftfy's
    decoding (which also knows `â€\x9d` for `”`, a byte Windows-1252 leaves undefined); a lone
    `Â¥` or `Ã¥`, which ftfy leaves alone out of context, by the codecs themselves."""
    from ftfy import fix_encoding

    fixed = fix_encoding(s)
    if fixed != s:
        return fixed if len(fixed) == 1 else None
    return _decode_by_codecs(s)


def _decode_by_codecs(s: str) -> str | None:
    for codec in ("cp1252", "latin-1"):
        try:
            char = s.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        return char if len(char) == 1 else None
    return None


# A passage printed twice. Honest pages repeat single lines: a pull-quote, a caption, a heading, a
# teaser; so a repeat counts only as a run of two or more prose sentences (each a capitalised line
# of six words or more ending in a full stop, few of them numbers) of 25 words or more together, in
# English, or as a whole paragraph of one sentence of 20 words or more printed again as a paragraph.
# Lists, recipes and tables repeat their items, and are not prose by that measure. On the 181 honest
# pages as extracted it fires on one (a newsletter the page printed twice), on none of 2,124 BBC
# articles.
_PASSAGE_WORD = re.compile(r"[^\W_]+(?:[’'][^\W_]+)?")
_PROSE_SENTENCE = re.compile(r"[\"“‘'(]?[A-Z][^\n]*[.!?][\"”’')]?")
_MIN_PASSAGE_WORDS = 25
_MIN_SENTENCE_WORDS = 6
_MIN_PARAGRAPH_WORDS = 20
_WHOLE_COPY = 3  # repeats making up a third of the words: the page's whole text twice
# Site notices (cookies, privacy, newsletters, market-data terms) and photo captions (`X, left, and
# Y shake hands`, `(AP Photo/...)`) recur on honest pages' visible text, a slideshow's caption once
# a slide; they are not the story told twice.
_NOTICE_OR_CAPTION = re.compile(
    r"(?i:\bcookies?\b|\bprivacy\b|\bconsent\b|\bnewsletter|\bsubscri|\bunsubscri|\bterms\s+(?:&|and)\s+conditions"
    r"|\bdata\s+provided\b|\bphoto:|\(ap\s+photo|\bphoto\s+by\b)"
    r"|, (?:left|right|center|centre|second left|second right),"
)


def _passage_words(text: str) -> list[str] | None:
    """A prose-looking sentence's words in lower case (None when it is not a capitalised line of
    six words or more ending in a full stop); `_passage_key` then counts its numbers."""
    if not _PROSE_SENTENCE.fullmatch(text):
        return None
    words = _PASSAGE_WORD.findall(text.lower())
    return words if len(words) >= _MIN_SENTENCE_WORDS else None


def _passage_key(words: list[str] | None) -> str | None:
    """A prose sentence's words joined, or None when the sentence is not prose."""
    if words is None or sum(map(str.isdigit, words)) * 4 > len(words):
        return None
    return " ".join(words)


@detector
def repeated_passage(doc: Doc) -> Iterator[Finding]:
    """The second copy of a run of sentences that appeared earlier in the same order."""
    text = doc.text
    if len(text) < 2 * _MIN_PASSAGE_WORDS * 4:
        return
    sentences = doc.sentences
    if not _may_repeat(doc):
        return
    candidates = [_passage_words(text[s:e]) for s, e in sentences]
    joined = [" ".join(words) for words in candidates if words is not None]
    if len(set(joined)) == len(joined):
        return  # no sentence is there twice (counting its numbers can only make fewer keys)
    keys = [_passage_key(words) for words in candidates]
    first: dict[str, int] = {}
    found: list[Finding] = []
    repeated = 0
    i = 0
    while i < len(keys):
        key = keys[i]
        j = first.get(key) if key is not None else None
        if key is None or j is None:
            if key is not None:
                first[key] = i
            i += 1
            continue
        n = 0
        while i + n < len(keys) and j + n < i and keys[i + n] is not None and keys[i + n] == keys[j + n]:
            n += 1
        words = [w for k in keys[i : i + n] for w in (k or "").split()]
        stop = sum(w in STOPWORDS for w in words)
        paragraph = n == 1 and len(words) >= _MIN_PARAGRAPH_WORDS and _is_paragraph(sentences[i], doc.paragraphs)
        paragraph = paragraph and _is_paragraph(sentences[j], doc.paragraphs)
        # the story goes on between the copies: a caption or notice printed twice has only page
        # chrome (`Image 1 of 8`, `Close`) between its copies, a page assembled twice has prose
        story_between = any(k is not None for k in keys[j + n : i])
        long_enough = paragraph or (n >= 2 and len(words) >= _MIN_PASSAGE_WORDS)
        notice = _NOTICE_OR_CAPTION.search(text, sentences[i][0], sentences[i + n - 1][1])
        if long_enough and story_between and notice is None and stop * 100 >= 15 * len(words):
            found.append(finding(REPEATED_PASSAGE, sentences[i][0], sentences[i + n - 1][1]))
            repeated += len(words)
            i += n
        else:
            i += 1
    # a page whose whole text is there twice was printed twice by its site or its extractor (a
    # newsletter, an article body also kept in the page's data); a farm repeats a paragraph
    if repeated * _WHOLE_COPY < len(doc.words):
        yield from found


_NOT_PASSAGE_MARKS = "_'’.-"  # in the article's words, not in a passage's


def _may_repeat(doc: Doc) -> bool:
    """False when no two sentences can have the same passage key, told from the article's words
    (already split): equal keys mean equal letters and digits in the same order, which are the
    sentence's words less `_'’.-`. True (look closer) when that cannot be told this way: a word
    that runs over a sentence's edge, or lower-casing that depends on context (a final sigma)."""
    low = doc.lower
    if low is None or "Σ" in doc.text:
        return True
    tokens, words = doc.tokens, doc.words
    starts = doc.token_starts
    runs = []
    for s, e in doc.sentences:
        i, j = bisect_left(starts, s), bisect_left(starts, e)
        if (i and tokens[i - 1][1] > s) or (j and tokens[j - 1][1] > e):
            return True
        runs.append("".join(words[i:j]))
    # the sentences' letters and digits, NUL between sentences (no word holds one)
    joined = "\x00".join(runs)
    for mark in _NOT_PASSAGE_MARKS:
        if mark in joined:
            joined = joined.replace(mark, "")
    signatures = [sig for sig in joined.split("\x00") if sig]
    return len(set(signatures)) < len(signatures)


def _is_paragraph(sentence: tuple[int, int], paragraphs: tuple[tuple[int, int], ...]) -> bool:
    return sentence in paragraphs


# A `#` glued to the first word of paragraph after paragraph: a template's anchor or a markdown
# converter's residue, not a hashtag (a hashtag line is rarely prose, and never most of the text).
_HASH_PARAGRAPH = re.compile(r"#[\"“‘A-Z][^\n#]*(?:\s+\S+){7}")
_MIN_HASH_PARAGRAPHS = 3


@detector
def hash_paragraphs(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "#" not in text:
        return
    paragraphs = doc.paragraphs
    marked = [s for s, e in paragraphs if text.startswith("#", s) and _HASH_PARAGRAPH.match(text, s, e)]
    if len(marked) >= _MIN_HASH_PARAGRAPHS and 2 * len(marked) >= len(paragraphs):
        for s in marked:
            yield finding(MARKUP, s, s + 1)


LOCALE_NUMBER = rule(
    "QC312",
    "locale-number",
    "boilerplate",
    "medium",
    "a number written to another language's conventions (`$ 25`, `4, 5%`), as a translation pipeline leaves it",
)
# A currency sign spaced from its amount, and a decimal comma that a tokenizer split (`4, 5%`). On
# the 181 honest pages as extracted and 2,124 BBC articles neither occurs once; a list of numbers
# ("rose 4, 5 and 6%") has a word or another number between, so only one or two digits after the
# comma and a per cent sign right after count.
_LOCALE_NUMBER = re.compile(r"[$€£][ \u00a0]+\d+|(?<![\d,])\d{1,3}, \d{1,2}[ \u00a0]?%")
_DECIMAL_COMMA = re.compile(r", \d{1,2}[ \u00a0]?%")  # a literal start: searched fast
_SPACED_CURRENCY = re.compile("[$€£][ \u00a0]")


@detector
def locale_numbers(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    currency = ("$" in text or "€" in text or "£" in text) and _SPACED_CURRENCY.search(text)
    if not (currency or ("%" in text and _DECIMAL_COMMA.search(text))):
        return  # every match has a spaced currency sign or `, 5%`: screened in C first
    for m in _LOCALE_NUMBER.finditer(text):
        yield finding(LOCALE_NUMBER, *m.span())


AD_SLOT = rule(
    "QC313",
    "ad-slot-placeholder",
    "boilerplate",
    "high",
    "an ad plugin's placeholder (`[ad_1]`) left in the text, as an autoblog plugin marks where its ads go in a copied story",
)
# An autoblog plugin copies a story and marks its ad slots with numbered placeholders that its own
# theme renders (`[ad_1]` after the lead, `[ad_2]` at the end); a scraper of the farm, or the farm's
# own feed, keeps them as text. Seen on 2 of 35 real farm pages read for issue 14 and on none of the
# 181 honest pages, whose shortcodes are rendered before anyone scrapes them. A line that is only an
# ad shortcode (`[post_ads]`, `[ad_slot_2]`, `[ads]`) counts; inside prose, only the numbered form,
# which no honest text writes.
_AD_SLOT = re.compile(
    r"(?<![^\n])[ \t]*\[(?:[a-z]{1,20}_){0,3}(?:ads?|adsense|advert)(?:_[a-z0-9]{1,20}){0,3}\][ \t]*(?=\n|$)"
    r"|\[ad_\d{1,2}\]"
)


def is_ad_slot(text: str, start: int, end: int) -> bool:
    """`text[start:end]` is an ad plugin's placeholder: QC313's, so QC305 leaves it."""
    return _AD_SLOT.fullmatch(text, start, end) is not None


@detector
def ad_slots(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "[ad" not in text and "_ad" not in text:
        return  # every placeholder has one of these (`[ad_1]`, `[ads]`, `[post_ads]`): screened in C first
    for m in _AD_SLOT.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip())
        yield finding(AD_SLOT, start, start + len(m.group().strip()))
