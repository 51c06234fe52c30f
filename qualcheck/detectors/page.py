"""The page (QC6xx): what farms do to titles to catch searches, and whose name the page wears.

Title findings index the title (`field="title"`). With the URL the article was published at, the
site's own name is known: an honest page carries it (`... - cleveland.com`, `... | The Guardian` on
theguardian.com), a content farm often carries another outlet's, in its title or in the credit line
it copied along with the text ("The post ... appeared first on ..."); those findings index the field
they cite.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import NamedTuple
from urllib.parse import urlsplit

from ..lexicon import STOPWORDS, fold, zipf
from ..text import Doc
from ..types import Finding
from . import detector, finding, rule

SITE_SUFFIX = rule(
    "QC601",
    "title-site-suffix",
    "page",
    "medium",
    "the title carries a lower-case keyword or section suffix, as autoblogs append",
)
STUFFED = rule(
    "QC602",
    "title-keyword-stuffing",
    "page",
    "medium",
    "the title repeats keywords or ends in a list of search terms",
)
MISMATCH = rule(
    "QC603",
    "title-body-mismatch",
    "page",
    "medium",
    "the title shares little with the article under it",
)
FOREIGN_OUTLET = rule(
    "QC604",
    "foreign-outlet-name",
    "page",
    "high",
    "the title suffix or a credit line names another outlet than the site the page is on",
)
SOURCE_ELSEWHERE = rule(
    "QC605",
    "source-elsewhere",
    "page",
    "medium",
    "the text credits another site's address as its source",
)

# " | news from syria": a separator, then one to four lower-case words to the end; a dash followed
# by a clause ("– but a cut is coming", "– as it happened") is a headline, not a site name.
_SUFFIX_RE = re.compile(
    r"\s(?:\||[–—-](?!\s+(?:but|and|as|what|how|why|when|who|the|a|an|it|we|i|he|she|they)\b))"
    r"\s+(?P<name>[a-z][a-z0-9.'’&-]*(?: [a-z0-9.'’&-]+){0,3})$"
)
# ", syria news, syria attack, syria latest": three or more short lower-case chunks at the end.
_KEYWORD_TAIL_RE = re.compile(r"(?:,\s*(?!and\b|or\b)[a-z][\w'’-]*(?: [\w'’-]+){0,2}){3,}$")
# A title is unrelated to its article when the article holds under 10% of the title's words
# (weighted by rarity), anywhere in it: the whole text, since a page's visible text opens with its
# menus. Measured: 2 of 515 real honest page views under 10% (9 under 20% in the first 3,000
# characters, the rule before), and 86 of 113 titles swapped from another story.
_MISMATCH_BELOW = 0.05
_TITLE_QUOTE = re.compile(r"[‘“\"](?=\S)[^‘’“”\"]{1,120}[’”\"]")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _content_words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2]


_INFLECTION = re.compile(r"(?:['’]s|ings|ing|ies|ied|ers|er|es|ed|s|ly)$")


def _stem(w: str) -> str:
    """A crude stem: `rates`/`rate`, `cuts`/`cut`, `slips`/`slipped` meet; then five letters."""
    m = _INFLECTION.search(w)
    if m and m.start() >= 3:
        w = w[: m.start()]
    return w[:5]


def _weight(w: str) -> float:
    """Rare title words say what the story is about; `says`, `new`, `year` say little. Words
    rarer than Zipf 3 (names, most places) all weigh the most."""
    return max(0.5, 7.0 - zipf().get(fold(w), 0.0))


@detector
def site_suffix(doc: Doc) -> Iterator[Finding]:
    """A lower-case keyword suffix (`| news from syria`), not a site's address (`- nj.com`: its own
    name, or another outlet's, which is QC604's finding) nor the name of the site it is on."""
    if not doc.title or not (m := _SUFFIX_RE.search(doc.title)):
        return
    name = m.group("name")
    if _DOMAIN.fullmatch(name):
        return
    here = site(doc.url)
    if here is not None and is_own_name(name, here):
        return
    yield finding(SITE_SUFFIX, m.start() + 1, m.end(), field="title")


@detector
def keyword_stuffing(doc: Doc) -> Iterator[Finding]:
    title = doc.title
    if not title:
        return
    m = _KEYWORD_TAIL_RE.search(title)
    if m:
        yield finding(STUFFED, m.start(), m.end(), field="title")
        return
    # a quotation in a headline repeats the story's word honestly: `Plague in China – ‘The plague is coming’`
    counts = Counter(_content_words(_TITLE_QUOTE.sub(" ", title)))
    if counts and max(counts.values()) >= 3:
        yield finding(STUFFED, 0, len(title), "a keyword appears three or more times in the title", field="title")


@detector
def title_mismatch(doc: Doc) -> Iterator[Finding]:
    if not doc.title:
        return
    weights: dict[str, float] = {}
    for w in _content_words(_SUFFIX_RE.sub("", doc.title)):
        stem = _stem(w)
        weights[stem] = max(weights.get(stem, 0.0), _weight(w))
    if len(weights) < 4:
        return
    body = {_stem(w) for w in _content_words(doc.text)}
    shared = sum(v for k, v in weights.items() if k in body) / sum(weights.values())
    if shared < _MISMATCH_BELOW:
        yield finding(
            MISMATCH,
            0,
            len(doc.title),
            f"the article shares only {shared:.0%} of the title's words (weighted by rarity)",
            field="title",
        )


# --- the site's own name ----------------------------------------------------------------------


class Site(NamedTuple):
    """A URL's site as names are compared: `www.news.example.co.uk` -> `example`, (`news`,)."""

    label: str  # the registrable domain's label, folded: `example`
    others: tuple[str, ...]  # the subdomain labels, folded, without `www` and `m`


_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go gob nic ltd plc sch info biz web".split())
_NOT_NAMES = frozenset("www www1 www2 www3 m amp mobile".split())
_DOMAIN = re.compile(r"(?:https?://)?(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?:/\S*)?", re.IGNORECASE)
_IP = re.compile(r"[\d.]+|\[[0-9a-fA-F:.]+\]")
_NAME_WORD = re.compile(r"[^\W_]+")
# Words that name a kind of outlet or a section, not one outlet: `News` alone is no site's name,
# and a suffix made only of them (`World | News`, `Opinion`) is a section, not an outlet.
_GENERIC = frozenset(
    """news latest breaking world local national international opinion opinions editorial editorials analysis
    video videos photo photos gallery review reviews sport sports business politics tech technology science
    health entertainment culture lifestyle travel money markets finance economy food home blog blogs live today
    daily weekly online media times post press magazine mag journal network the and of for in on a an uk us usa
    features feature podcast podcasts interview column columns comment letters weather crime education arts
    music movies film tv books style fashion auto autos cars jobs events update updates report story stories
    article top headlines trending new site web app hq ng net group inc ltd""".split()
)
# Trimmed from both ends of a folded name before names are compared: `MailOnline` and dailymail
# meet at `mail`, `Sputnik International` and sputniknews at `sputnik`.
_AFFIXES = (*sorted(_GENERIC - {"a", "an", "in", "on", "of"}, key=len, reverse=True), "my", "24", "365")
_CONNECTORS = frozenset("of the and for de del der des du la le les el y & on at in".split())
_MAX_NAME_WORDS = 5


@lru_cache(maxsize=4096)
def site(url: str | None) -> Site | None:
    """The site a URL is on; `None` without a URL or for a bare IP address or single-label host,
    which name no outlet."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    return _site_of_host(host)


def _site_of_host(host: str) -> Site | None:
    host = host.lower().strip(".")
    if not host or _IP.fullmatch(host) or "." not in host:
        return None
    parts = host.split(".")
    # `co.uk`, `com.br`, `co.kr`: a second-level label under a two-letter country
    tail = 2 if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in _SECOND_LEVEL else 1
    label = fold(parts[-tail - 1])
    others = tuple(fold(p) for p in parts[: -tail - 1] if p not in _NOT_NAMES)
    return Site(label, others) if label else None


def _core(name: str) -> str:
    """A folded name without generic words at either end, as long as three letters remain."""
    changed = True
    while changed:
        changed = False
        for a in _AFFIXES:
            if len(name) - len(a) >= 3 and name.startswith(a):
                name, changed = name[len(a) :], True
            if len(name) - len(a) >= 3 and name.endswith(a):
                name, changed = name[: -len(a)], True
    return name


def _abbreviates(label: str, words: list[str]) -> bool:
    """Whether the label spells the name's words in order, each word whole, shortened (a prefix
    or a contraction keeping its first letter: `ct` for Connecticut) or left out, with generic
    affixes between: nytimes for The New York Times, nbcdfw for NBC 5 Dallas-Fort Worth."""

    @cache
    def spell(i: int, j: int) -> int:
        # how many label letters the words from j on can spell from i, or -1 if they cannot finish
        if i == len(label):
            return 0
        best = -1
        if j < len(words):
            best = spell(i, j + 1)
            w = words[j]
            if label[i] == w[0]:
                k, at = i + 1, 1
                while True:
                    rest = spell(k, j + 1)
                    if rest >= 0:
                        best = max(best, k - i + rest)
                    if k == len(label):
                        break
                    at = w.find(label[k], at) + 1
                    if at == 0:
                        break
                    k += 1
        for a in ("the", "my", "app", "online", "news", "ng", "24", "hq", "tv", "mag", "blog", "daily", "local"):
            if label.startswith(a, i) and (rest := spell(i + len(a), j)) >= 0:
                best = max(best, rest)
        return best

    # the words must spell most of it: generic affixes alone (`daily`, `news`, `blog`) name no one
    return len(label) <= 40 and spell(0, 0) * 2 >= len(label) and spell(0, 0) >= min(3, len(label))


def is_own_name(name: str, here: Site) -> bool:
    """Whether `name` (a title suffix, a credited outlet) is the site's own name. Lenient on
    purpose: a site that writes its name its own way must not be taken for another outlet."""
    bare = name.strip().rstrip("/")
    if _DOMAIN.fullmatch(bare):
        other = site(bare)
        return other is not None and (other.label == here.label or other.label in here.others)
    words = [fold(w) for w in _NAME_WORD.findall(name)]
    words = [w for w in words if w]
    joined = "".join(words)
    if not joined:
        return False
    core = _core(joined)
    for label in (here.label, *here.others):
        if len(label) < 2 or label in _GENERIC:
            continue  # `news.example.com`: the subdomain names a section, not the outlet
        if joined == label or label.startswith(joined) or joined.startswith(label):
            return True
        own = _core(label)
        if (len(own) >= 3 and own in core) or (len(core) >= 3 and core in own):
            return True
        if any(len(w) >= 4 and w not in _GENERIC and w in label for w in words):
            return True
        if _abbreviates(label, words):
            return True
    return False


def _looks_like_outlet(name: str) -> bool:
    """A short capitalised name (`The Guardian`, `BBC News`) or a site address, in Latin letters:
    not a clause of the headline, not a section made of generic words (`World`, `UK News`), not a
    name in a script a domain cannot spell."""
    if len(name) > 40 or not name[:1].isalnum():
        return False
    if _DOMAIN.fullmatch(name):
        return True
    if any(c.isalpha() and not fold(c).isascii() for c in name):
        return False
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS or words[0].lower() in _CONNECTORS - {"the"}:
        return False
    for w in words:
        if w.lower() not in _CONNECTORS and not (w[0].isupper() or w[0].isdigit()):
            return False
    return any(fold(w) not in _GENERIC for w in words if fold(w))


_TITLE_SEP = re.compile(r"\s(?:\||[–—-])\s")


@detector
def foreign_outlet_title(doc: Doc) -> Iterator[Finding]:
    """The title's last suffix names an outlet, and no part of the title is the site's own name:
    the page wears the name of the outlet it was copied from."""
    title, here = doc.title, site(doc.url)
    if not title or here is None:
        return
    cuts = [m.span() for m in _TITLE_SEP.finditer(title)]
    if not cuts:
        return
    bounds = [0, *(e for _, e in cuts)]
    ends = [*(s for s, _ in cuts), len(title)]
    parts = [(b, e) for b, e in zip(bounds, ends, strict=True) if title[b:e].strip()]
    # the site's name may lead (`Site | Headline`), follow a section or close the title; a part as
    # long as a headline is a headline, and too many words could spell any address
    if any(is_own_name(title[b:e], here) for b, e in parts if len(title[b:e].split()) <= 2 * _MAX_NAME_WORDS):
        return
    start, end = parts[-1]
    while start < end and title[start].isspace():
        start += 1
    while end > start and title[end - 1].isspace():
        end -= 1
    name = title[start:end]
    if start > 0 and _looks_like_outlet(name):
        yield finding(
            FOREIGN_OUTLET, start, end, f"the title names {name!r}, not the site the page is on", field="title"
        )


# A credited name: up to six words, none holding a separator (a colon only inside an address's first
# word, `https://...`); a trailing full stop is trimmed.
_NAME = r"(?P<name>[^\s,;:()|\[\]][^\s,;()|\[\]]*(?:[ \t][^\s,;:()|\[\]]+){0,5})"
_END = r"[ \t]*[.!]?[ \t]*$"
# Credit lines that name where the text came from, each its own line (or the end of a paragraph):
# in running prose `via` and `source` mean other things.
_CREDITS = (
    re.compile(r"(?i:the post\b).{1,300}?\b(?i:appeared first on)[ \t]+" + _NAME + _END),
    re.compile(
        r"(?i:(?:this (?:article|story|post) )?(?:was )?originally (?:published|appeared|posted) (?:at|on|in|by))"
        r"[ \t]+(?:[Tt]he[ \t]+)?" + _NAME + _END
    ),
    re.compile(r"(?i:by)[ \t]+[A-Z][\w.'’-]*(?:[ \t][A-Z][\w.'’-]*){0,3},?[ \t]+(?i:for)[ \t]+" + _NAME + _END),
    re.compile(r"[\[(]?(?i:source|credit|courtesy(?: of)?|via)[ \t]*:?[ \t]+" + _NAME + r"[\])]?" + _END),
    re.compile(r"[\[(]?(?i:read (?:more|the (?:full|original) (?:article|story)) (?:at|on))[ \t]+" + _NAME + _END),
)
# Who may be credited without being another outlet: wire agencies (honest sites run their copy)
# and picture agencies (credits under photos).
_WIRES = frozenset(
    """reuters ap associatedpress afp agencefrancepresse bloomberg pa pressassociation dpa xinhua ani pti ians upi
    efe ansa kyodo yonhap tass apphoto gettyimages getty shutterstock istock alamy epa""".split()
)
# Names that are outlets by their own words: `Source: Bureau of Labor Statistics` credits data, not
# a site, so a plain `Source:` or `Credit:` line counts only with one of these or an address.
_OUTLET_WORDS = frozenset(
    """news times post journal herald tribune daily gazette guardian telegraph express mail today insider wire
    magazine chronicle observer independent press tv radio network media blog weekly standard star sun mirror
    examiner inquirer register dispatch bulletin courier monitor globe sentinel verge""".split()
)
_PARAGRAPH_TAIL = 400
# `Originally published on/by <outlet>` is how honest republishers credit a partner (The Conversation
# and Live Science articles run on other news sites under it; 2 of the 181 honest pages): only an
# address there, not a name, is a scraper's credit (QC605).
_REPUBLISHED = 1


@detector
def credited_elsewhere(doc: Doc) -> Iterator[Finding]:
    """A credit line naming another outlet (QC604) or another site's address (QC605) than the
    site the text is published on: what a scraper copies along with the article."""
    here = site(doc.url)
    if here is None:
        return
    text = doc.text
    for p_start, p_end in doc.paragraphs:
        seen = False
        for k, pattern in enumerate(_CREDITS):
            # the `The post` footer may close a long paragraph; the others are lines of their own
            m = (
                pattern.search(text, max(p_start, p_end - _PARAGRAPH_TAIL), p_end)
                if k == 0
                else pattern.match(text, p_start, p_end)
            )
            if m is None or seen:
                continue
            start, end = m.span("name")
            while end > start and text[end - 1] in ".!":
                end -= 1
            name = text[start:end]
            if not name or is_own_name(name, here):
                continue
            outlet_line = k < 3
            if _DOMAIN.fullmatch(name):
                seen = True
                yield finding(SOURCE_ELSEWHERE, start, end, f"the text credits {name!r}, not the site it is on")
            elif (
                k != _REPUBLISHED
                and _looks_like_outlet(name)
                and fold(name) not in _WIRES
                and (outlet_line or any(fold(w) in _OUTLET_WORDS for w in name.split()))
                and not (k == 3 and m.group(0).lstrip("[(").lower().startswith("via"))
            ):
                seen = True
                yield finding(FOREIGN_OUTLET, start, end, f"the text credits {name!r}, not the site it is on")
