"""Attribution damage (QC1xx): reporting clauses broken by spinning or round-trip translation.

A translator that moves "said" to the end of the clause leaves `spokesman John said. Kirby in a
statement.`; one that keeps both verbs leaves `said declared the Pentagon`. Clean copy attributes in a
handful of well-worn shapes, so these patterns are narrow and rarely fire on professional text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lexicon import speech_verbs
from ..text import Doc
from ..types import Finding
from . import detector, finding, rule

SPLIT_NAME = rule(
    "QC101",
    "split-name-attribution",
    "attribution",
    "high",
    "a name is split by the speech verb and a sentence break",
)
ORPHAN = rule(
    "QC102",
    "orphan-attribution-fragment",
    "attribution",
    "medium",
    "a sentence that is only a name and where it was said, with no verb",
)
DOUBLED_VERB = rule(
    "QC103",
    "doubled-speech-verb",
    "attribution",
    "high",
    "two speech verbs in a row, as left by machine translation",
)
RUN_IN = rule(
    "QC104",
    "quote-run-into-speaker",
    "attribution",
    "high",
    "a quotation runs into its speaker: the closing quotation mark and comma were lost",
)
VERBLESS = rule(
    "QC105",
    "verbless-attribution",
    "attribution",
    "high",
    "a quotation followed by its speaker and where or when, with no speech verb",
)

_NAME = r"[A-Z][\w’'\-]+"
_SPLIT_VERBS = "|".join(speech_verbs("split"))
_SPLIT_NAME_RE = re.compile(
    rf"\b(?P<span>[A-Z][a-z]+[ \t]+(?:{_SPLIT_VERBS})\.[ \t]+{_NAME})"
    r"(?P<frag>[^.!?\n\"“”]{0,80}[.!?])(?=\s|$|[\"”’'])"
)
_SPLIT_VERB = re.compile(rf"\b(?:{_SPLIT_VERBS})\.[ \t]+{_NAME}")
_SPLIT_VERB_DOTS = tuple(f"{v}." for v in _SPLIT_VERBS.split("|"))
_CAP_BEFORE_VERB = re.compile(r"\b[A-Z][a-z]+[ \t]+$")
# An orphan must say where or when it was said in one of the few ways reporters do.
_STRICT_WHERE = (
    r",?\s*(?:(?:in|via|during|at|through)\s+(?:a|an|the|his|her|their|its)\s+(?:[a-z\-]+\s+){0,2}"
    r"(?:statement|interview|briefing|conference|post|tweet|e-?mail|message|release|speech|letter"
    r"|video|address|appearance|remarks|broadcast)"
    r"|to\s+(?:reporters|journalists|the\s+press|the\s+media)"
    r"|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Twitter|X|Facebook"
    r"|television|radio))"
    r"(?:\s+(?:on|late|early|last|this|at|to|in)\s+[\w\-]+(?:\s+[\w\-]+)?){0,2}\s*[.!?]"
)
_ORPHAN_RE = re.compile(rf"[\"“‘']?(?P<name>(?:{_NAME}\s+){{0,2}}{_NAME}){_STRICT_WHERE}[\"”’']?")
# What follows the name in a fragment: where or when it was said, "in a statement", "on Thursday".
_FRAG_START = re.compile(
    r",?\s*(?:in|on|at|during|via|to|from|after|before|outside|inside|through|late|early|last"
    r"|this|shortly|earlier|later|according)\b"
)
# A verb, or what usually comes with one, means the sentence is whole after all.
_VERBISH = re.compile(
    r"\b(?:[a-z]+ed|is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must"
    r"|do|does|did|said|says|told|tells|added|adds|wrote|writes|made|makes|went|goes|came|comes|took"
    r"|takes|gave|gives|got|gets|saw|sees|knew|knows|thought|thinks|put|puts|left|leaves|set|ran"
    r"|held|holds|won|wins|lost|loses|met|meets|that|who|which|because|if|when|while)\b"
)
# `"We will win," the coach after the game.`: after a quotation that ends with a comma, a name or
# `the` + a role, then where or when it was said, and the sentence ends with no verb. The role
# nouns keep `"a disaster," the worst in years.` out.
_ROLES = (
    "coach|manager|minister|spokesman|spokeswoman|spokesperson|official|officials|president|chairman"
    "|chairwoman|chief|director|senator|governor|mayor|police|company|ministry|department|club|boss"
    "|source|sources|lawyer|attorney|prosecutor|judge|analyst|economist|expert|doctor|captain|player"
    "|striker|leader|secretary|ambassador|general|commander|agency|firm|government|campaigner"
    "|activist|executive|spokespeople|statement|researcher|scientist|professor|officer|witness"
)
_VERBLESS_RE = re.compile(
    rf"[ \t]+(?P<who>the[ \t]+(?:[\w\-]+[ \t]+){{0,2}}(?:{_ROLES})|(?:{_NAME}[ \t]+){{0,2}}{_NAME})"
    r"(?P<where>[ \t]+(?:after|in|at|on|during|via|from|outside|before|to[ \t]+(?:reporters|journalists))"
    r"\b[^.!?,;:\n\"“”]{0,60})[.!?](?=\s|$)"
)
_QUOTE_END_MARKS = frozenset(",?!")
_SPEECH_FIRST = "|".join(speech_verbs("first"))
_SPEECH_SECOND = "|".join(speech_verbs("second"))
_DOUBLED_RE = re.compile(rf"\b(?:{_SPEECH_FIRST})\s+(?:{_SPEECH_SECOND})\b")
_SECOND_VERBS = tuple(_SPEECH_SECOND.split("|"))
_FIRST_VERB_END = re.compile(rf"\b(?:{_SPEECH_FIRST})\Z")
_LONGEST_FIRST = max(map(len, _SPEECH_FIRST.split("|")))


def _is_fragment(frag: str) -> bool:
    """`in a statement.` or `, on Thursday.`: where or when, and no verb."""
    return bool(_FRAG_START.match(frag)) and not _VERBISH.search(frag) and len(frag.split()) <= 10


def _split_names(text: str) -> Iterator[re.Match[str]]:
    """Matches of _SPLIT_NAME_RE, found from the verb: `said.` is common, a capitalised word right
    before it is not, so the full pattern runs only there. The verbs are found with str.find,
    far quicker than a scan with the pattern's alternation; _SPLIT_VERB then checks each place,
    which gives the places a scan with it would find."""
    places = sorted(at for verb in _SPLIT_VERB_DOTS for at in _find_all(text, verb))
    resume = 0
    for at in places:
        if at < resume or (v := _SPLIT_VERB.match(text, at)) is None:
            continue
        resume = v.end()
        before = _CAP_BEFORE_VERB.search(text, max(0, at - 40), at)
        m = _SPLIT_NAME_RE.match(text, before.start()) if before else None
        if m:
            yield m


def _find_all(text: str, sub: str) -> Iterator[int]:
    at = text.find(sub)
    while at >= 0:
        yield at
        at = text.find(sub, at + 1)


@detector
def split_name(doc: Doc) -> Iterator[Finding]:
    for m in _split_names(doc.text):
        if _is_fragment(m["frag"]):
            yield finding(SPLIT_NAME, *m.span("span"))


@detector
def orphan_fragment(doc: Doc) -> Iterator[Finding]:
    """A whole sentence like `Kirby in a statement.`, unless it is the tail of a split name (QC101
    reports those)."""
    text = doc.text
    split_tails: set[int] | None = None
    for start, end in doc.sentences:
        if _ORPHAN_RE.fullmatch(text, start, end):
            if split_tails is None:
                split_tails = {m.end() for m in _split_names(text) if _is_fragment(m["frag"])}
            if end not in split_tails:
                yield finding(ORPHAN, start, end)


def _maybe_doubled(text: str) -> bool:
    """Whether _DOUBLED_RE can match: some second verb (`declared`, rarer than the first ones)
    follows white space that has a first verb (`said`) before it. str.find is far quicker than a
    scan with the pattern's alternation."""
    for verb in _SECOND_VERBS:
        for at in _find_all(text, verb):
            if at and text[at - 1].isspace():
                q = at - 1
                while q and text[q - 1].isspace():
                    q -= 1
                if _FIRST_VERB_END.search(text, max(0, q - _LONGEST_FIRST), q):
                    return True
    return False


@detector
def doubled_verb(doc: Doc) -> Iterator[Finding]:
    if _maybe_doubled(doc.text):
        for m in _DOUBLED_RE.finditer(doc.text):
            yield finding(DOUBLED_VERB, *m.span())


@detector
def verbless_attribution(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    for q in doc.quotes:
        if q.status != "closed" or q.end < 2 or text[q.end - 2] not in _QUOTE_END_MARKS:
            continue
        if len(text[q.start : q.end].split()) < 3:
            continue  # a title or a word in quotation marks, not a quotation
        m = _VERBLESS_RE.match(text, q.end)
        if m and not _VERBISH.search(m["where"]) and not _VERBISH.search(m["who"]):
            yield finding(VERBLESS, m.start("who"), m.end())


@detector
def run_in_quote(doc: Doc) -> Iterator[Finding]:
    for q in doc.quotes:
        if q.run_in is not None:
            yield finding(RUN_IN, *q.run_in)
