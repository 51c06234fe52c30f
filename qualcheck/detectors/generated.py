"""Machine-written text (QC5xx): what a farm leaves when it publishes an assistant's output as news.

Leftovers (a refusal, a preamble, an unfilled placeholder, markdown, unexpanded spintax) are
findings with spans. Fluent generated news has no single error; its stock phrasing is reported here
and the rest of its shape (few named sources, little concrete detail, even rhythm) enters the model
as text statistics in `features.py`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text import Doc
from ..types import Finding, Rule
from . import Caseless, detector, finding, rule

ASSISTANT = rule(
    "QC501",
    "assistant-leftover",
    "generated",
    "high",
    "an AI assistant's preamble, refusal, disclaimer or sign-off published as part of the article",
)
PLACEHOLDER = rule(
    "QC502",
    "template-placeholder",
    "generated",
    "high",
    "a template placeholder nobody filled in",
)
MARKDOWN = rule(
    "QC503",
    "markdown-leftover",
    "generated",
    "medium",
    "markdown syntax left in published text",
)
SPINTAX = rule(
    "QC504",
    "unexpanded-spintax",
    "generated",
    "high",
    "spinner syntax {a|b|c} that was never expanded",
)
STOCK = rule(
    "QC505",
    "stock-phrase",
    "generated",
    "low",
    "a stock phrase typical of machine-written news",
)

_ASSISTANT = (
    r"\bas an ai(?: language model| assistant|,)|\bas a (?:large )?language model\b"
    r"|\bi(?: cannot| can't| can’t| am unable to|'m unable to|’m unable to) (?:fulfill|fulfil|browse"
    r"|access real-time)\b"
    r"|\b(?:certainly|sure|absolutely|of course)[!,.]\s+here(?:'s|’s| is) (?:a|an|the|your)\b"
    r"|^here(?:'s|’s| is) (?:a|an|the|your) (?:\w+ ){0,3}(?:article|story|report|version|rewrite)\b"
    r"|\bi hope this helps\b|\blet me know if you(?:'d|’d| would) like\b"
    r"|\b(?:as of|since) my (?:last|latest) (?:knowledge )?(?:update|training)\b|\bknowledge cut-?off\b"
    r"|\bi (?:don't|don’t|do not) have (?:access to )?real-time\b|\bregenerate response\b"
)
_ASSISTANT_RE = Caseless(_ASSISTANT, re.MULTILINE)
# Capitalised, as templates write them: "[City Name]", "[Insert quote]"; an editor's "[your]" is not.
_PLACEHOLDER_RE = re.compile(
    r"\[(?:Insert|INSERT|Add|Include)\b[^\]\n]{1,50}\]"
    r"|\[(?:Your|Name of|City|Date|Company|Location|Source|Author|Link|Number|Time|Organi[sz]ation)\b[^\]\n]{0,40}\]"
    r"|\[[A-Z][\w’']*(?:'s|’s)? Name\]"
    r"|\{\{[^{}\n]{1,40}\}\}|\b(?:XX|xx)/(?:XX|xx)/(?:XXXX|xxxx|20XX)\b"
)
_MARKDOWN_RE = re.compile(
    r"^#{1,6} \S[^\n]*|\*\*[^*\n]{2,80}\*\*|__[^_\n]{2,80}__|\[[^\]\n]{1,80}\]\(https?://[^)\s]+\)|^\* \S",
    re.MULTILINE,
)
_SPINTAX_RE = re.compile(r"\{[\w ,'’-]{1,40}(?:\|[\w ,'’-]{1,40}){1,8}\}")
_STOCK = (
    r"\b(?:it remains to be seen|only time will tell|in conclusion|in today's (?:fast-paced|digital|ever-changing)"
    r"|in the ever-(?:evolving|changing)|(?:fast|ever)-evolving|highlight(?:s|ing)? the (?:importance|significance)"
    r" of|highlight(?:s|ing)? the need (?:for|to)|serves? as a (?:(?:stark|powerful|sobering|timely) )?reminder"
    r"|serves? as a testament|a testament to|plays? a (?:crucial|vital|pivotal|key) role|pivotal (?:moment|juncture)"
    r"|navigate the complexities|shed(?:s|ding)? light on|(?:has|have) sparked (?:a )?(?:debate|concerns|outrage)"
    r"|as the situation (?:continues to )?(?:unfold|evolve)s?|continues? to unfold|a significant step"
    r" (?:forward|towards?)|marks? a significant (?:step|milestone|moment|development)|marking a significant"
    r"|a significant milestone|far-reaching (?:implications|consequences)|could potentially|the move is seen as"
    r"|raises? (?:important )?questions about|it is (?:important|worth noting|crucial) to note|moving forward"
    r"|will be watching closely|will be closely watching|will be (?:crucial|critical|vital) in determining"
    r"|(?:the coming|the next few) (?:months|weeks|years) will be (?:crucial|critical|key|telling)"
    r"|(?:a|the) more (?:sustainable|inclusive|resilient|equitable|prosperous) future|shaping the future of"
    r"|stakeholders|delve[sd]? into|a myriad of|underscor(?:e|es|ing) the (?:need|importance|urgency))"
)
# Assistants close on a look-ahead ("will be watching closely", "the coming months will be crucial")
# and tag sentences with participial verdicts ("underscoring the need", "marking a significant ...").
# Reporters attribute such verdicts ("the authors said it underscored the importance"), so the past
# tense is left out. No phrase fires on more than one of the 332 clean articles in corpora/
# (tests/detectors/test_clean_corpus.py).
# Every match of _STOCK contains one of these (tested): without any, the pattern need not run. Each is
# rare in news, so the pattern seldom runs; each costs a scan of the text, so they are few.
_STOCK_ANCHORS = (
    "remains to be seen", "time will tell", "in conclusion", "in today's", "in the ever-", "-evolving",
    "highlight", "reminder", "testament", "crucial role", "vital role", "key role", "pivotal",
    "navigate the complexities", "light on", "sparked", "as the situation", "to unfold", "significant step",
    "significant milestone", "significant moment", "significant development", "marking a significant",
    "far-reaching", "could potentially", "the move is seen as", "questions about", "to note", "moving forward",
    "watching closely", "closely watching", "in determining", "months will be", "weeks will be",
    "years will be", "sustainable future", "inclusive future", "resilient future",
    "equitable future", "prosperous future", "shaping the future", "stakeholders", "delve", "myriad of",
    "underscor",
)  # fmt: skip
_STOCK_RE = Caseless(_STOCK, anchors=_STOCK_ANCHORS)
# Every text _ASSISTANT_RE can match contains one of _ASSISTANT_KEYS or passes _assistant_here.
_ASSISTANT_HERE = ("here's", "here’s", "here is")
_ASSISTANT_CONSENT = ("certainly", "sure", "absolutely", "of course")
_ASSISTANT_KEYS = (
    "as an ai",
    "language model",
    "fulfil",
    "browse",
    "real-time",
    "hope this helps",
    "let me know if",
    "my last",
    "my latest",
    "cut-off",
    "cutoff",
    "regenerate",
)


def _matches(pattern: re.Pattern[str], doc: Doc, r: Rule) -> Iterator[Finding]:
    for m in pattern.finditer(doc.text):
        yield finding(r, *m.span())


def _assistant_here(low: str) -> bool:
    """`Here's` at the start of a line, or right after `Certainly!` and the like."""
    for key in _ASSISTANT_HERE:
        i = low.find(key)
        while i >= 0:
            if i == 0 or low[i - 1] == "\n":
                return True
            if not low[i - 1].isalpha():
                before = low[max(0, i - 20) : i].rstrip()
                if before and before[-1] in "!,." and before[:-1].endswith(_ASSISTANT_CONSENT):
                    return True
            i = low.find(key, i + 1)
    return False


@detector
def assistant_leftovers(doc: Doc) -> Iterator[Finding]:
    low = doc.lower
    if low is not None and not any(k in low for k in _ASSISTANT_KEYS) and not _assistant_here(low):
        return iter(())  # the common case: no trigger word at all, so skip the slow pattern
    return (finding(ASSISTANT, *m.span()) for m in _ASSISTANT_RE.finditer(doc))


@detector
def placeholders(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "[" not in text and "{{" not in text and "XX/" not in text and "xx/" not in text:
        return iter(())  # every placeholder has one of these: skip the pattern
    return _matches(_PLACEHOLDER_RE, doc, PLACEHOLDER)


@detector
def markdown(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if "#" not in text and "**" not in text and "__" not in text and "](" not in text and "* " not in text:
        return iter(())  # every markdown remnant has one of these: skip the pattern
    return _matches(_MARKDOWN_RE, doc, MARKDOWN)


@detector
def spintax(doc: Doc) -> Iterator[Finding]:
    return _matches(_SPINTAX_RE, doc, SPINTAX)


@detector
def stock_phrases(doc: Doc) -> Iterator[Finding]:
    return (finding(STOCK, *m.span()) for m in _STOCK_RE.finditer(doc))
