"""Leftovers of machine-written text: an assistant's preamble, placeholders, markdown, spintax,
and the stock sentence of generated filler."""

from __future__ import annotations

import re

from .base import Candidate, Context, Edit, damage

# One stock phrase each: the noise is the odd stock phrase that professional copy has too.
FILLER = (
    "This development highlights the importance of staying informed about such matters.",
    "As the situation continues to evolve, many will be waiting to see what happens next.",
    "It remains to be seen how this will affect the wider community in the months ahead.",
    "Only time will tell whether these efforts will bear fruit.",
    "Experts say the move could have far-reaching implications.",
    "The event serves as a reminder of the challenges that lie ahead.",
    "Overall, this marks a significant step forward for everyone involved.",
)
_PREAMBLES = (
    "Certainly! Here is a news article based on the headline you provided:",
    "Sure, here's a news article about this topic:",
    "Here is a news article on the topic:",
)
_CODAS = (
    "I hope this helps! Let me know if you would like any changes.",
    "As an AI language model, I do not have access to real-time news, so some details may be out of date.",
    "Please note that as of my last knowledge update, I cannot verify these events.",
)
_PLACEHOLDERS = ("[Insert quote from official]", "[City Name]", "[Name of Spokesperson]", "[Date]", "[Company Name]")
_WORD_FOR_SPINTAX = re.compile(r"\b(?:said|big|large|important|quickly|recent|new|many)\b")
_SPINTAX = {
    "said": "{said|stated|declared}",
    "big": "{big|large|huge}",
    "large": "{large|big|massive}",
    "important": "{important|crucial|vital}",
    "quickly": "{quickly|rapidly|swiftly}",
    "recent": "{recent|latest|new}",
    "new": "{new|fresh|novel}",
    "many": "{many|numerous|lots of}",
}


@damage("generated-filler")
def generated_filler(text: str, ctx: Context) -> list[Candidate]:
    line = FILLER[ctx.seed % len(FILLER)]
    ends = [m.end() for m in re.finditer(r"(?<=[.!?\"”])\n\n", text)] or [
        m.end() for m in re.finditer(r"(?<=\.) ", text)
    ]
    sep = "\n\n" if "\n\n" in text else " "
    return [Edit(e, e, line + sep, "generated-filler", ((0, len(line)),)) for e in ends[-4:]]


@damage("assistant-leftover")
def assistant_leftover(text: str, ctx: Context) -> list[Candidate]:
    sep = "\n\n" if "\n" in text else " "
    pre = _PREAMBLES[ctx.seed % len(_PREAMBLES)]
    coda = _CODAS[ctx.seed % len(_CODAS)]
    end = len(text.rstrip())
    return [
        Edit(0, 0, pre + sep, "assistant-leftover", ((0, len(pre)),)),
        Edit(end, end, sep + coda, "assistant-leftover", ((len(sep), len(sep) + len(coda)),)),
    ]


@damage("placeholder")
def placeholder(text: str, ctx: Context) -> list[Candidate]:
    ph = _PLACEHOLDERS[ctx.seed % len(_PLACEHOLDERS)]
    out: list[Candidate] = [
        Edit(m.start(), m.end(), f" {ph}", "placeholder", ((1, len(ph) + 1),))
        for m in re.finditer(r"(?<=[a-z]) (?=said\b)", text)
    ]
    out += [
        Edit(m.end(), m.end(), f" {ph}.", "placeholder", ((1, len(ph) + 1),))
        for m in re.finditer(r"(?<=[a-z]\.)(?=\n\n)", text)
    ]
    return out


@damage("markdown")
def markdown(text: str, ctx: Context) -> list[Candidate]:
    out: list[Candidate] = (
        [Edit(0, 0, f"## {ctx.title}\n\n", "markdown", ((0, 3 + len(ctx.title)),))] if ctx.title else []
    )
    for m in re.finditer(r"(?<=\n\n)[A-Z][^\n.]{10,60}(?=[,.])", text):
        out.append(Edit(m.start(), m.end(), f"**{m.group()}**", "markdown", ((0, len(m.group()) + 4),)))
    return out


@damage("spintax")
def spintax(text: str, ctx: Context) -> list[Candidate]:
    return [
        Edit(m.start(), m.end(), _SPINTAX[m.group()], "spintax", ((0, len(_SPINTAX[m.group()])),))
        for m in _WORD_FOR_SPINTAX.finditer(text)
    ]


# An assistant explainer's frames around the story (QC509), written for this generator: the hook
# question that opens the page, and the essay's announcement or invitation that closes its first
# paragraph. Real farm pages wrap their prose in them (survey of real pages, issue 14).
_HOOKS = (
    "Ever wondered what really lies behind the headlines?",
    "Have you ever wondered how a story like this comes together?",
    "Ever found yourself asking what happens next?",
)
_ANNOUNCEMENTS = (
    "In this article, we will explore what happened and what it could mean.",
    "In this article, we take a closer look at the key facts.",
    "Join us as we unpack the details.",
    "Let's pull back the curtain on what happened.",
)


@damage("reader-frame")
def reader_frame(text: str, ctx: Context) -> list[Candidate]:
    hook = _HOOKS[ctx.seed % len(_HOOKS)]
    line = _ANNOUNCEMENTS[ctx.seed % len(_ANNOUNCEMENTS)]
    sep = "\n\n" if "\n\n" in text else " "
    out: list[Candidate] = [Edit(0, 0, hook + sep, "reader-frame", ((0, len(hook)),))]
    first = re.search(r"(?<=[.!?\"”])(?=\n\n)", text) if sep == "\n\n" else re.search(r"(?<=\.) (?=[A-Z“\"])", text)
    if first is not None and sep == "\n\n":  # the first paragraph's last sentence
        out.append(Edit(first.start(), first.start(), " " + line, "reader-frame", ((1, 1 + len(line)),)))
    elif first is not None:  # collapsed text: after its first sentence
        out.append(Edit(first.end(), first.end(), line + " ", "reader-frame", ((0, len(line)),)))
    return out
