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
from . import Caseless, anchor_starts, detector, finding, rule, shared_anchors

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
HEADING = rule(
    "QC506",
    "generic-heading",
    "generated",
    "medium",
    "a generic section heading ('Key Takeaways', 'Looking Ahead') of a page written to a template",
)
SUMMARY = rule(
    "QC507",
    "summary-frame",
    "generated",
    "low",
    "an essay's summary frame ('In conclusion,', 'All in all,') in a news article",
)
BLOG_VOICE = rule(
    "QC508",
    "blog-voice",
    "generated",
    "low",
    "a chatty blog voice ('Let's dive in', 'buckle up') addressing the reader of a news article",
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
    # bold opens before a word and closes after one: `Ni** My**`, a name masked by a site, is not bold.
    # An asterisk bullet (`* item`) is not counted: honest plain-text pages and forms list that way.
    r"^#{1,6} \S[^\n]*|(?<![\w*])\*\*(?=[^\s*])[^*\n]{1,79}(?<=[^\s*])\*\*(?![\w*])|__[^_\n]{2,80}__|\[[^\]\n]{1,80}\]\(https?://[^)\s]+\)",
    re.MULTILINE,
)
_SPINTAX_RE = re.compile(r"\{[\w ,'’-]{1,40}(?:\|[\w ,'’-]{1,40}){1,8}\}")
_STOCK = (
    r"\b(?:it remains to be seen|only time will tell|in today's (?:fast-paced|digital|ever-changing)"
    r"|in the ever-(?:evolving|changing)|(?:fast|ever)-evolving|highlight(?:s|ing)? the (?:importance|significance)"
    r" of|highlight(?:s|ing)? the (?:urgent )?need (?:for|to)|serves? as a (?:(?:stark|powerful|sobering|timely) )?reminder"
    r"|serves? as a testament|a testament to|plays? a (?:crucial|vital|pivotal|key) role|pivotal (?:moment|juncture)"
    r"|navigate the complexities|shed(?:s|ding)? light on|(?:has|have) sparked (?:a )?(?:debate|concerns|outrage)"
    r"|as the situation (?:continues to )?(?:unfold|evolve)s?|continues? to unfold|a significant step"
    r" (?:forward|towards?)|marks? a significant (?:step|milestone|moment|development)|marking a significant"
    r"|a significant milestone|far-reaching (?:implications|consequences)|could potentially|the move is seen as"
    r"|raises? (?:important )?questions about|it is (?:important|worth noting|crucial) to note|moving forward"
    r"|will be watching closely|will be closely watching|will be (?:crucial|critical|vital) in determining"
    r"|(?:the coming|the next few) (?:months|weeks|years) will be (?:crucial|critical|key|telling)"
    r"|(?:a|the) more (?:sustainable|inclusive|resilient|equitable|prosperous) future|shaping the future of"
    r"|stakeholders|delve[sd]? into|a myriad of|underscor(?:e|es|ing) the (?:urgent need|need|importance|urgency)"
    r"|sen(?:t|ds?|ding) shockwaves|paving the way for|is undeniable|reignit(?:ed|es|ing) (?:the |a )?debate"
    r"|enduring legacy|beacon of hope|despite these (?:setbacks|challenges)|in the face of adversity"
    r"|emphasi[sz](?:ed|ing) the importance of|unwavering|resilience and determination|captivat(?:ed|ing)"
    r"|eagerly (?:await(?:ed|ing)?|anticipat(?:ed|ing))|amidst|heartfelt|electrifying|turn of events"
    r"|expressed (?:(?:his|her|their) )?(?:gratitude|excitement))"
)
# Assistants close on a look-ahead ("will be watching closely", "the coming months will be crucial")
# and tag sentences with participial verdicts ("underscoring the need", "marking a significant ...").
# Reporters attribute such verdicts ("the authors said it underscored the importance"), so the past
# tense is left out. No phrase fires on more than one of the 332 clean articles in corpora/
# (tests/detectors/test_clean_corpus.py).
# Mined from llm-rewrites (n-grams far more frequent in the four generators' rewrites than in their
# BBC originals), kept when general to machine writing and, each, on at most 0.2% of clean BBC news,
# one of the 181 honest page bodies and 0.2% of WMT reference sentences: the verdicts ("is
# undeniable", "sent shockwaves"), the uplift ("beacon of hope", "unwavering", "heartfelt") and the
# paraphrased attribution ("expressed their gratitude"). "in conclusion" is a summary frame (QC507).
# Every match of _STOCK contains one of these (tested): without any, the pattern need not run. Each is
# rare in news, so the pattern seldom runs; each costs a scan of the text, so they are few.
_STOCK_ANCHORS = (
    "remains to be seen", "time will tell", "in today's", "in the ever-", "-evolving",
    "highlight", "reminder", "testament", "crucial role", "vital role", "key role", "pivotal",
    "navigate the complexities", "light on", "sparked", "as the situation", "to unfold", "significant step",
    "significant milestone", "significant moment", "significant development", "marking a significant",
    "far-reaching", "could potentially", "the move is seen as", "questions about", "to note", "moving forward",
    "watching closely", "closely watching", "in determining", "months will be", "weeks will be",
    "years will be", "sustainable future", "inclusive future", "resilient future",
    "equitable future", "prosperous future", "shaping the future", "stakeholders", "delve", "myriad of",
    "underscor", "shockwaves", "paving the way", "undeniable", "reignit", "enduring legacy", "beacon of hope",
    "despite these", "adversity", "emphasi", "unwavering", "resilience and", "captivat", "eagerly", "amidst",
    "heartfelt", "electrifying", "turn of events", "gratitude", "excitement",
)  # fmt: skip
_STOCK_RE = Caseless(_STOCK, anchors=_STOCK_ANCHORS)
_STOCK_WIDTH = 37  # the longest phrase _STOCK matches (tested): a match starts at most this far before an anchor's end
# Sentence openers of machine-written copy: "Additionally," opens a sentence in 6% of two generators'
# rewrites and "Notably," in 3%, in almost no human news (which says "Also," or "In addition,").
_SENTENCE_START = r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))"
_STOCK_OPENER_RE = Caseless(
    _SENTENCE_START + r"(?:additionally|notably),", re.MULTILINE, anchors=("additionally,", "notably,")
)
# The participial verdict tail: a sentence's fact followed by `, highlighting the ...`, `, underscoring
# the ...`. In the training data it ends 1% to 12% of each generator's rewrites (GPT-3-Turbo 12%,
# Gemini 10%) and 1.4% of corpora/'s machine-written articles, and none of the 200 BBC originals, the
# 179 honest page bodies or the 323 WMT reference documents. Only participles seen in the rewrites and
# never in that human text are listed: `, reflecting the` is business news (`shares rose, reflecting
# the ...`). Reporters attribute such a verdict (`which, he said, highlighted the ...`).
_TAIL_VERBS = (
    "highlighting", "underscoring", "emphasizing", "emphasising", "showcasing", "signaling", "signalling",
    "demonstrating", "illustrating", "solidifying",
)  # fmt: skip
_VERDICT_TAIL_RE = Caseless(
    r"(?<=, )(?:further )?(?:" + "|".join(_TAIL_VERBS) + r") (?:the|a|an|his|her|their|its|how)\b",
    anchors=(*(f", {v} " for v in _TAIL_VERBS), ", further "),
)

# Scaffolding: what a page written to a template keeps besides its phrases. Each tuple lists the
# alternatives of one pattern (each is tested to match), and every alternative was checked on the
# same human texts as the stock phrases. Honest health and policy sites head sections "Summary",
# "Overview" or "Introduction" (and BBC explainers "What happens next?"), so those are left out.
_HEADINGS = (
    r"(?:in )?conclusions?",
    r"final thoughts",
    r"(?:key )?takeaways?",
    r"(?:the )?bottom line",
    r"looking ahead",
    r"the road ahead",
    r"what(?:'s|’s| is) next\??",
    r"why (?:it|this) matters",
    r"key (?:points|highlights)",
    r"background",
    r"what (?:this|it) means for [^\n.!?*:#]{1,40}",
    r"(?:the )?impact on [^\n.!?*:#]{1,40}",
    r"(?:community|public|local|fan) (?:reactions?|responses?)",
)
_HEADS = "|".join(_HEADINGS)
# A line of its own (bare, `## ...` or `**...**`, colon or not), or a bold run-in `**Looking Ahead:**`.
_HEADING_RE = Caseless(
    rf"^[ \t]*(?P<line>(?:#{{1,6}}[ \t]+)?(?:\*\*(?:{_HEADS}):?\*\*:?|(?:{_HEADS}):?))[ \t]*$"
    rf"|^[ \t]*(?P<runin>\*\*(?:{_HEADS}):?\*\*:?)(?=[ \t]+\S)",
    re.MULTILINE,
    anchors=(
        "conclusion", "final thoughts", "takeaway", "bottom line", "looking ahead", "road ahead", "next",
        "matters", "key points", "key highlights", "background", "means for", "impact on", "reaction", "response",
    ),
)  # fmt: skip
# Frames that only ever close an essay, at any sentence start; and the explainer's promise.
_SUMMARY_FRAMES = (
    r"in (?:conclusion|summary),?",
    r"to (?:sum (?:it )?up|summari[sz]e|conclude),",
    r"all in all,",
    r"in a nutshell,",
    r"all things considered,",
)
# "Here is what you need to know" opens honest explainers (and one of corpora/'s clean articles), and
# no machine rewrite used it: it is not a frame.
_SUMMARY_RE = Caseless(
    _SENTENCE_START + "(?:" + "|".join(_SUMMARY_FRAMES) + r")",
    re.MULTILINE,
    anchors=("in conclusion", "in summary", "to sum", "to summari", "to conclude,", "all in all,", "in a nutshell,",
             "all things considered,"),
)  # fmt: skip
# "Overall," is BBC business copy mid-story ("Overall, sales rose 4%"): it counts only when it opens
# the closing paragraph of a text with paragraphs. "In short," and "Ultimately," close honest
# columns there as often as machine text, so they are left out.
_CLOSING_FRAMES = (r"overall,",)
_CLOSING_RE = Caseless("(?:" + "|".join(_CLOSING_FRAMES) + ")")
# The blog voice: the writer addressing the reader as a host would. Not "stay tuned" alone, which
# honest interviews say, nor "Let's get started" or "Brace yourself", which honest blogs and pop
# news say; "get ready" only as a sentence's imperative.
_BLOG_VOICE = (
    r"\blet(?:'s|’s) (?:dive|delve|jump|break (?:it|this|that) down|take a (?:closer )?look|unpack)\b",
    r"\bbuckle up\b",
    r"\bwithout further ado\b",
    r"\bstay tuned for (?:more|further|updates)\b",
    _SENTENCE_START + r"get ready (?:to|for)\b",
    r"\bfast[- ]forward to\b",
    r"\bgrab (?:your|some|the) popcorn\b",
    r"\bmark your calendars?\b",
    r"\byou won(?:'t|’t) want to miss\b",
    r"\bbut (?:that(?:'s|’s) not all|wait,? there(?:'s|’s) more)\b",
    r"\bthe best part\?",
    r"\blook no further\b",
    r"\bkeep your eyes peeled\b",
    r"\bwe(?:'ve|’ve) got you covered\b",
)
_BLOG_VOICE_RE = Caseless(
    "|".join(_BLOG_VOICE),
    re.MULTILINE,
    anchors=("let's", "let’s", "buckle up", "further ado", "stay tuned for", "get ready",
             "t forward to", "t-forward to", "popcorn", "mark your calendar", "want to miss", "s not all", "there's more",
             "there’s more",
             "best part?", "look no further", "eyes peeled", "got you covered"),
)  # fmt: skip

# Every text _ASSISTANT_RE can match contains one of _ASSISTANT_KEYS or passes _assistant_here.
_ASSISTANT_HERE = shared_anchors(("here's", "here’s", "here is"))
_ASSISTANT_CONSENT = ("certainly", "sure", "absolutely", "of course")
_ASSISTANT_KEYS = shared_anchors(
    (
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
    if low is not None:
        present = anchor_starts(doc)  # the words that occur, found in the shared pass
        if present.keys().isdisjoint(_ASSISTANT_KEYS) and not (
            not present.keys().isdisjoint(_ASSISTANT_HERE) and _assistant_here(low)
        ):
            return iter(())  # the common case: no trigger word at all, so skip the slow pattern
    return (finding(ASSISTANT, *m.span()) for m in _ASSISTANT_RE.finditer(doc))


def _xx_slash(text: str) -> bool:
    return "XX/" in text or "xx/" in text


@detector
def placeholders(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    # one character first: a single-character test is a memchr, a longer one a slower scan
    if "[" not in text and ("{" not in text or "{{" not in text) and ("/" not in text or not _xx_slash(text)):
        return iter(())  # every placeholder has one of these: skip the pattern
    from .boilerplate import in_metering_notice  # a paywall's count, filled in by the page's script

    return (
        finding(PLACEHOLDER, *m.span())
        for m in _PLACEHOLDER_RE.finditer(text)
        if not (m.group().startswith("{{") and in_metering_notice(text, m.start()))
    )


@detector
def markdown(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    if (
        "#" not in text
        and ("*" not in text or ("**" not in text and "* " not in text))
        and ("_" not in text or "__" not in text)
        and ("]" not in text or "](" not in text)
    ):
        return iter(())  # every markdown remnant has one of these: skip the pattern (single characters first)
    return _matches(_MARKDOWN_RE, doc, MARKDOWN)


@detector
def spintax(doc: Doc) -> Iterator[Finding]:
    return _matches(_SPINTAX_RE, doc, SPINTAX)


@detector
def stock_phrases(doc: Doc) -> Iterator[Finding]:
    found = _stock_spans(doc)
    yield from (finding(STOCK, *span) for span in found)
    yield from (finding(STOCK, *m.span()) for m in _STOCK_OPENER_RE.finditer(doc))
    for m in _VERDICT_TAIL_RE.finditer(doc):  # not where a stock phrase (`emphasizing the importance of`) was
        if not any(s < m.end() and m.start() < e for s, e in found):
            yield finding(STOCK, *m.span())


def _stock_spans(doc: Doc) -> list[tuple[int, int]]:
    """The spans of `_STOCK_RE.finditer(doc)`, the pattern run only near the anchors that occur.
    Every phrase holds an anchor and is at most _STOCK_WIDTH long, so a match starts and ends
    within _STOCK_WIDTH of an anchor's occurrence; the windows around the occurrences, merged
    where they overlap, hold every match whole (the pattern looks at nothing past its match). A
    scan of the whole text cost ~250 us on the one 4 KB article in ten that holds an anchor."""
    low = doc.lower
    if low is None:
        return [m.span() for m in _STOCK_RE.finditer(doc)]
    present = anchor_starts(doc).keys() & _STOCK_ANCHORS
    if not present:
        return []
    windows: list[tuple[int, int]] = []
    for anchor in present:
        at = low.find(anchor)
        while at >= 0:
            windows.append((max(0, at + len(anchor) - _STOCK_WIDTH), at + _STOCK_WIDTH))
            at = low.find(anchor, at + 1)
    windows.sort()
    merged = [windows[0]]
    for start, end in windows[1:]:
        if start > merged[-1][1]:
            merged.append((start, end))
        else:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
    return [m.span() for lo, hi in merged for m in _STOCK_RE.lower.finditer(low, lo, hi)]


def _at_line_starts(pattern: Caseless, doc: Doc) -> Iterator[re.Match[str]]:
    """`pattern.finditer(doc)` for a pattern whose every match starts a line (`^`, MULTILINE) and
    stays on it: tried at each line start instead of at every position of the text."""
    low = doc.lower
    if low is None:
        yield from pattern.finditer(doc)
        return
    starts = anchor_starts(doc)
    if pattern.anchors and starts.keys().isdisjoint(pattern.anchors):
        return
    pos = 0
    while True:
        m = pattern.lower.match(low, pos)
        if m is not None:
            yield m
        pos = low.find("\n", pos) + 1
        if pos == 0:
            return


@detector
def generic_headings(doc: Doc) -> Iterator[Finding]:
    text = doc.text
    first = len(text) - len(text.lstrip())  # the first line is the title: "Looking ahead" may head a story
    for m in _at_line_starts(_HEADING_RE, doc):
        group = "line" if m.start("line") >= 0 else "runin"
        if m.start() > first:
            yield finding(HEADING, *m.span(group))


@detector
def summary_frames(doc: Doc) -> Iterator[Finding]:
    yield from (finding(SUMMARY, *m.span()) for m in _SUMMARY_RE.finditer(doc))
    paragraphs = doc.paragraphs
    if len(paragraphs) >= 2:
        start, end = paragraphs[-1]
        m = _CLOSING_RE.search(doc, start, end)
        if m is not None and m.start() == start:
            yield finding(SUMMARY, *m.span())


@detector
def blog_voice(doc: Doc) -> Iterator[Finding]:
    return (finding(BLOG_VOICE, *m.span()) for m in _BLOG_VOICE_RE.finditer(doc))


READER_FRAME = rule(
    "QC509",
    "reader-frame",
    "generated",
    "medium",
    "an explainer's frame addressing the reader ('In this article, we will explore', 'Ever wondered…?',"
    " 'Join us as we') of a page an assistant wrote to a prompt",
)
# The frames around an assistant's SEO explainer, which address the reader as the page's guide: the
# essay announcing itself (`In this article, we will delve into`), the hook question that opens it
# (`Ever wondered how rich they are?`) and the invitation to come along (`Join us as we unpack`,
# `Let's pull back the curtain`). Real farm pages open with them (survey of real pages, issue 14:
# 34 of 117 farm pages are assistant prose); none of them occurs in the 2,124 clean BBC articles, the
# 181 honest pages, the 332 clean articles of corpora/, the 200 BBC originals of llm-rewrites or the
# 323 WMT22 reference documents. Reporters quote a hook (`"Ever wondered why?" she asked`), so the
# hook counts only at a sentence start outside quotation marks and only as a question; the
# invitation names an explainer's verb, so `Join us as we celebrate` (an event notice) is not one.
_ESSAY_SELF = (
    r"\bin this (?:article|post|blog post|blog|piece|guide|write-up),? (?:we|i)(?:'ll|’ll| will| are going to)?"
    r" (?:(?:also|now|briefly) )?(?:explore|delve|discuss|examine|look at|take a (?:closer |deep |quick )?look"
    r"|dive|uncover|break down|unpack|shed light|walk you|guide you|cover|outline|analy[sz]e|investigate)"
)
_READER_HOOK = (
    _SENTENCE_START
    + r"(?:have you )?ever (?:wondered|scrolled|found yourself|asked yourself|stopped to (?:think|wonder))"
    r"(?=[^.!?\n]{0,240}\?)"
)
_INVITATION = (
    r"\b(?:join|dive in with) us as we (?:explore|delve|dive|uncover|unpack|break down|take a (?:closer )?look"
    r"|pull back)\b|\bdive in with us\b"
    r"|\b(?:let(?:'s|’s| us)|we(?:'ll|’ll| will)?|as we|get ready to) pull back the curtain\b"
)
# One pattern a frame, each with anchors that every match contains: `in this ` and `ever ` alone
# occur in most news articles, and the three frames under those anchors cost 140 us an article.
_ESSAY_SELF_RE = Caseless(
    _ESSAY_SELF, anchors=tuple("in this " + w for w in ("article", "post", "blog", "piece", "guide", "write-up"))
)
_READER_HOOK_RE = Caseless(
    _READER_HOOK,
    re.MULTILINE,
    anchors=("ever wondered", "ever scrolled", "ever found yourself", "ever asked yourself", "ever stopped to"),
)
_INVITATION_RE = Caseless(_INVITATION, anchors=("us as we", "dive in with us", "back the curtain"))


@detector
def reader_frames(doc: Doc) -> Iterator[Finding]:
    spans = sorted(
        m.span() for pattern in (_ESSAY_SELF_RE, _READER_HOOK_RE, _INVITATION_RE) for m in pattern.finditer(doc)
    )
    return (finding(READER_FRAME, s, e) for s, e in spans)
