"""The damage generator: content-farm variants of clean articles, with the span of every damage.

No corpus of real spun pages can be had, so qualcheck learns from damage it applies itself. Each
damage kind finds the places in an article where it can act (a reporting clause, a closing quote,
the end of the text), picks one with a seeded generator and records where the damage landed in
the new text, so evaluation can compare detector spans with the truth.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from .lexicon import speech_verbs

Intensity = Literal["light", "medium", "heavy"]
INTENSITY_RANGE: dict[str, tuple[int, int]] = {"light": (1, 2), "medium": (3, 5), "heavy": (6, 10)}


@dataclass(frozen=True)
class Damage:
    """One damage in a variant: `text[start:end]` is what a detector should point at."""

    kind: str
    start: int
    end: int
    field: str = "text"  # "title" when the damage is in the title


@dataclass(frozen=True)
class Variant:
    text: str
    damages: tuple[Damage, ...]
    intensity: str
    seed: int
    title: str = ""


@dataclass(frozen=True)
class _Context:
    """What a damage kind may draw on besides the text: the title, another article, the seed."""

    title: str = ""
    donor: str = ""
    seed: int = 0
    donor_title: str = ""


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    replacement: str
    kind: str
    marks: tuple[tuple[int, int], ...]  # damage spans relative to the replacement


_Candidate = _Edit | tuple[_Edit, ...]  # a tuple's edits are one damage, applied together


_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_WHERE = r"(?: (?:in|on|at|during|outside|after|before|via|to) [^.!?\"“”\n,;:]{1,50})"
_SAID_FULL = re.compile(
    rf"(?<=[\s,])(?P<first>{_NAME}) (?P<last>{_NAME}) (?P<verb>said|told reporters|added)(?P<rest>{_WHERE}?)\."
)
_SAID_SURNAME_WHERE = re.compile(rf"(?<=[\s,”\"])(?P<name>{_NAME}) said(?P<where>{_WHERE})\.")
_REPORTED_WHERE = re.compile(
    r" (?:in an? (?:[\w-]+ )?(?:statement|interview|briefing)|to reporters|on (?:Monday|Tuesday|Wednesday"
    r"|Thursday|Friday|Saturday|Sunday))(?: \w+){0,2}$"
)
_VERBISH = re.compile(r"\b(?:was|were|is|are|that|had|has|have|would|will|who|which|\w+ed)\b")
_SAID_ANY = re.compile(r"\bsaid(?= (?:the|a|an|[A-Z])\w*)")
_QUOTE_SPEAKER_END = re.compile(
    r"(?<!\w)(?P<word>\w+),(?P<q>[\"”]) (?P<speaker>(?:(?:[A-Z][a-z]*\.? ){0,2}[A-Z][\w'-]+)|he|she|they)"
    r" (?P<verb>said|added)(?P<rest>[^\"“”\n.]{0,50})\.(?= [\"“]|$)"
)
_COMMA_CLAUSE = re.compile(r"(?<=\w), (?=(?:including|which|who|while|but|and|as|after|although) )")
_COMMA = re.compile(r"(?<=\w),(?= \w)")
_PERIOD = re.compile(r"(?<=[a-z]{3})\.(?= [A-Z])")
_CLOSE_QUOTE_END = re.compile(r"[.!?](?P<q>[\"”])$")
_SENT_START = re.compile(r"(?<=[a-z]{3}\. )(?P<w>The|This|It|He|She|They|But|In|A|An|That|Its)\b")
_APOSTROPHE = re.compile(r"(?<=\w)[’'](?=\w)")
_CURLY = re.compile(r"[“”’é]")

_DOUBLING_VERBS = speech_verbs("doubled")  # what follows `said` in a doubled verb, taken in turn
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
_MOJIBAKE = {"’": "â€™", "“": "â€œ", "”": "â€\u009d", "é": "Ã©"}
_ENTITIES = {"’": "&#8217;", "'": "&#039;", "“": "&#8220;", "”": "&#8221;"}


def _lines(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\n]+", text)]


# --- damage kinds: each returns the candidate edits for one article ---------------------------


def _split_name(text: str) -> list[_Edit]:
    out = []
    for m in _SAID_FULL.finditer(text):
        if _VERBISH.search(m["rest"]):
            continue
        where = m["rest"] or (" to reporters" if m["verb"] != "said" else " in a statement")
        rep = f"{m['first']} said. {m['last']}{where}."
        out.append(_Edit(m.start(), m.end(), rep, "split-name", ((0, len(m["first"]) + 7 + len(m["last"])),)))
    return out


def _orphan_fragment(text: str) -> list[_Edit]:
    out = []
    for m in _SAID_SURNAME_WHERE.finditer(text):
        if _VERBISH.search(m["where"]):
            continue
        where = m["where"] if _REPORTED_WHERE.match(m["where"]) else " in a statement"
        rep = f"he said. {m['name']}{where}."
        out.append(_Edit(m.start(), m.end(), rep, "orphan-fragment", ((9, len(rep)),)))
    return out


def _doubled_verb(text: str) -> list[_Edit]:
    out = []
    for i, m in enumerate(_SAID_ANY.finditer(text)):
        second = _DOUBLING_VERBS[i % len(_DOUBLING_VERBS)]
        rep = f"said {second}"
        out.append(_Edit(m.start(), m.end(), rep, "doubled-verb", ((0, len(rep)),)))
    return out


def _run_in_quote(text: str) -> list[_Edit]:
    out = []
    for s, e in _quotable_lines(text):
        line = text[s:e]
        m = _QUOTE_SPEAKER_END.search(line)
        if m and _single_quotation(line[: m.end("q")], m["q"]):
            rep = f"{m['word']} {m['speaker']} {m['verb']}{m['rest']}."
            span = len(m["word"]) + len(m["speaker"]) + len(m["verb"]) + 2
            out.append(_Edit(s + m.start(), s + m.end(), rep, "run-in-quote", ((0, span),)))
    return out


def _quotable_lines(text: str) -> list[tuple[int, int]]:
    """Lines whose quotation, once unclosed, cannot pass for one that runs on into the next
    paragraph (newspaper style), i.e. the next line does not open with a quotation mark."""
    lines = _lines(text)
    out = []
    for k, (s, e) in enumerate(lines):
        nxt = text[lines[k + 1][0]] if k + 1 < len(lines) else ""
        if nxt not in ('"', "“"):
            out.append((s, e))
    return out


def _stray_sequence(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), ". , ", "stray-sequence", ((0, 3),)) for m in _COMMA_CLAUSE.finditer(text)]


def _space_before(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), " ,", "space-before", ((0, 2),)) for m in _COMMA.finditer(text)]


def _repeated(text: str) -> list[_Edit]:
    out = [_Edit(m.start(), m.end(), ",,", "repeated", ((0, 2),)) for m in _COMMA.finditer(text)]
    out += [_Edit(m.start(), m.end(), "..", "repeated", ((0, 2),)) for m in _PERIOD.finditer(text)]
    return out


def _unclosed_quote(text: str) -> list[_Edit]:
    """Drop the closing mark of a quotation that ends its paragraph; the damage is its opening."""
    out = []
    for s, e in _quotable_lines(text):
        line = text[s:e]
        m = _CLOSE_QUOTE_END.search(line)
        if m and _single_quotation(line, m["q"]):
            op = s + line.index("“" if m["q"] == "”" else '"')
            kept = text[op : s + m.start("q")]
            out.append(_Edit(op, s + m.end("q"), kept, "unclosed-quote", ((0, 1),)))
    return out


def _single_quotation(line: str, closer: str) -> bool:
    """`line` holds exactly one quotation, so removing its closer leaves it unpaired."""
    if closer == "”":
        return line.count("“") == 1 and line.count("”") == 1
    return line.count('"') == 2


def _lower_start(text: str) -> list[_Edit]:
    return [
        _Edit(m.start(), m.end(), m["w"].lower(), "lowercase-start", ((0, len(m["w"])),))
        for m in _SENT_START.finditer(text)
    ]


def _markup(text: str) -> list[_Edit]:
    out = []
    for m in _APOSTROPHE.finditer(text):
        rep = _ENTITIES[m.group()]
        out.append(_Edit(m.start(), m.end(), rep, "markup", ((0, len(rep)),)))
    for s, _e in _lines(text)[1:]:
        out.append(_Edit(s, s, "<p>", "markup", ((0, 3),)))
    return out


def _mojibake(text: str) -> list[_Edit]:
    out = []
    for m in _CURLY.finditer(text):
        rep = _MOJIBAKE[m.group()]
        out.append(_Edit(m.start(), m.end(), rep, "mojibake", ((0, len(rep)),)))
    return out


# An extractor that drops a linked or bold name leaves ". , who won" or ". won the race".
_DROPPABLE_NAME = re.compile(r"(?<=[.!?] )[A-Z][a-z]+(?: [A-Z][a-z]+)? (?=[a-z,])")


def _name_typo(text: str) -> list[_Edit]:
    out = []
    for m in _CAPITALISED.finditer(text):
        variant = respell(m.group(), random.Random(m.start()))
        if variant != m.group():
            out.append(_Edit(m.start(), m.end(), variant, "name-typo", ()))
    return out


def _article_typo(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "an ", "article-typo", ()) for m in _A_CONSONANT.finditer(text)]


def _dropped_name(text: str) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "", "dropped-name", ()) for m in _DROPPABLE_NAME.finditer(text)]


# --- rewrite damage: spinning and round-trip translation ---------------------------------------

_CAPITALISED = re.compile(r"(?<=[a-z,] )[A-Z][a-z’']{4,}\b")
_RESPELL = (
    (re.compile(r"(?<=\w)e(?=\w)"), "i"),
    (re.compile(r"(?<=\w)o(?=\w)"), "u"),
    (re.compile(r"(?<=\w)i(?=\w)"), "e"),
    (re.compile(r"(?<=\w)a(?=\w)"), "e"),
    (re.compile(r"^K"), "Q"),
    (re.compile(r"^Q"), "K"),
    (re.compile(r"(?<=\w)[’'](?=\w)"), ""),
    (re.compile(r"(?<=\w)z"), "s"),
    (re.compile(r"(?<=[aeiou])([bdfglmnprst])(?=[aeiou])"), r"\1\1"),
    (re.compile(r"([bdfglmnprst])\1"), r"\1"),
)


def respell(word: str, rng: random.Random) -> str:
    """A transliteration variant of a name: a vowel, a k/q, an apostrophe or a double letter,
    changed inside the word (an ending that changes is grammar, not transliteration)."""
    stem, tail = word[:-2], word[-2:]
    rules = list(_RESPELL)
    rng.shuffle(rules)
    for pattern, rep in rules:
        matches = list(pattern.finditer(stem))
        if matches:
            m = rng.choice(matches)
            out = stem[: m.start()] + m.expand(rep) + stem[m.end() :] + tail
            if out != word:
                return out
    return word


def _entity_drift(text: str, ctx: _Context) -> list[_Candidate]:
    """Respell a name (not a capitalised dictionary word) in its later occurrences, as a
    paragraph-by-paragraph translation does."""
    from .lexicon import fold, zipf

    freq = zipf()
    occurrences: dict[str, list[int]] = {}
    for m in _CAPITALISED.finditer(text):
        if freq.get(fold(m.group()), 0.0) < 4.0:
            occurrences.setdefault(m.group(), []).append(m.start())
    out: list[_Candidate] = []
    for word, starts in sorted(occurrences.items()):
        if len(starts) < 2:
            continue
        variant = respell(word, random.Random(f"{ctx.seed}:{word}"))
        if variant == word:
            continue
        later = starts[len(starts) // 2 :]
        out.append(tuple(_Edit(s, s + len(word), variant, "entity-drift", ((0, len(variant)),)) for s in later))
    return out


def _tortured_phrase(text: str, ctx: _Context) -> list[_Candidate]:
    from .lexicon import spun_phrases

    lowered = text.lower()
    out: list[_Candidate] = []
    for phrase, forms in spun_phrases().items():
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            form = forms[(m.start() + ctx.seed) % len(forms)]
            if text[m.start()].isupper():
                form = form[0].upper() + form[1:]
            out.append(_Edit(m.start(), m.end(), form, "tortured-phrase", ((0, len(form)),)))
    return out


_ON_DAY = re.compile(r"\bon (?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![’']))")
_IN_YEAR = re.compile(r"\bin (?=(?:19|20)\d\d[.,])")
_AN_VOWEL = re.compile(r"\ban (?=[aeio][a-z]{3,})")
_A_CONSONANT = re.compile(r"\ba (?=[b-df-gj-np-tv-z][a-z]{3,} )")


def _literal_translation(text: str, ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    for pattern, rep in ((_ON_DAY, "in "), (_IN_YEAR, "on "), (_AN_VOWEL, "a "), (_A_CONSONANT, "an ")):
        for m in pattern.finditer(text):
            # the damage is the preposition or article with the word it now mismatches
            word_end = re.compile(r"\w+").match(text, m.end())
            end = word_end.end() if word_end else m.end()
            out.append(
                _Edit(
                    m.start(), end, rep + text[m.end() : end], "literal-translation", ((0, len(rep) + end - m.end()),)
                )
            )
    return out


def _spliced_paragraph(text: str, ctx: _Context) -> list[_Candidate]:
    """A paragraph of another article put between two of this one's."""
    donor = [p for p in ctx.donor.split("\n\n") if len(p.split()) >= 35] if ctx.donor else []
    if not donor or "\n\n" not in text:
        return []
    para = donor[ctx.seed % len(donor)]
    breaks = [m.end() for m in re.finditer(r"\n\n", text)]
    inner = breaks[1:-1] or breaks
    return [_Edit(b, b, para + "\n\n", "spliced-paragraph", ((0, len(para)),)) for b in inner]


# One stock phrase each: the noise is the odd stock phrase that professional copy has too.
_FILLER = (
    "This development highlights the importance of staying informed about such matters.",
    "As the situation continues to evolve, many will be waiting to see what happens next.",
    "It remains to be seen how this will affect the wider community in the months ahead.",
    "Only time will tell whether these efforts will bear fruit.",
    "Experts say the move could have far-reaching implications.",
    "The event serves as a reminder of the challenges that lie ahead.",
    "Overall, this marks a significant step forward for everyone involved.",
)


def _generated_filler(text: str, ctx: _Context) -> list[_Candidate]:
    line = _FILLER[ctx.seed % len(_FILLER)]
    ends = [m.end() for m in re.finditer(r"(?<=[.!?\"”])\n\n", text)] or [
        m.end() for m in re.finditer(r"(?<=\.) ", text)
    ]
    sep = "\n\n" if "\n\n" in text else " "
    return [_Edit(e, e, line + sep, "generated-filler", ((0, len(line)),)) for e in ends[-4:]]


# --- leftovers of machine-written text --------------------------------------------------------

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


def _assistant_leftover(text: str, ctx: _Context) -> list[_Candidate]:
    sep = "\n\n" if "\n" in text else " "
    pre = _PREAMBLES[ctx.seed % len(_PREAMBLES)]
    coda = _CODAS[ctx.seed % len(_CODAS)]
    end = len(text.rstrip())
    return [
        _Edit(0, 0, pre + sep, "assistant-leftover", ((0, len(pre)),)),
        _Edit(end, end, sep + coda, "assistant-leftover", ((len(sep), len(sep) + len(coda)),)),
    ]


def _placeholder(text: str, ctx: _Context) -> list[_Candidate]:
    ph = _PLACEHOLDERS[ctx.seed % len(_PLACEHOLDERS)]
    out: list[_Candidate] = [
        _Edit(m.start(), m.end(), f" {ph}", "placeholder", ((1, len(ph) + 1),))
        for m in re.finditer(r"(?<=[a-z]) (?=said\b)", text)
    ]
    out += [
        _Edit(m.end(), m.end(), f" {ph}.", "placeholder", ((1, len(ph) + 1),))
        for m in re.finditer(r"(?<=[a-z]\.)(?=\n\n)", text)
    ]
    return out


def _markdown(text: str, ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = (
        [_Edit(0, 0, f"## {ctx.title}\n\n", "markdown", ((0, 3 + len(ctx.title)),))] if ctx.title else []
    )
    for m in re.finditer(r"(?<=\n\n)[A-Z][^\n.]{10,60}(?=[,.])", text):
        out.append(_Edit(m.start(), m.end(), f"**{m.group()}**", "markdown", ((0, len(m.group()) + 4),)))
    return out


def _spintax(text: str, ctx: _Context) -> list[_Candidate]:
    return [
        _Edit(m.start(), m.end(), _SPINTAX[m.group()], "spintax", ((0, len(_SPINTAX[m.group()])),))
        for m in _WORD_FOR_SPINTAX.finditer(text)
    ]


Finder = Callable[[str, _Context], list[_Candidate]]


def _text_only(fn: Callable[[str], list[_Edit]]) -> Finder:
    return lambda text, _ctx: list(fn(text))


KINDS: dict[str, Finder] = {
    "split-name": _text_only(_split_name),
    "orphan-fragment": _text_only(_orphan_fragment),
    "doubled-verb": _text_only(_doubled_verb),
    "run-in-quote": _text_only(_run_in_quote),
    "stray-sequence": _text_only(_stray_sequence),
    "space-before": _text_only(_space_before),
    "repeated": _text_only(_repeated),
    "unclosed-quote": _text_only(_unclosed_quote),
    "lowercase-start": _text_only(_lower_start),
    "markup": _text_only(_markup),
    "mojibake": _text_only(_mojibake),
    "dropped-name": _text_only(_dropped_name),
    "name-typo": _text_only(_name_typo),
    "article-typo": _text_only(_article_typo),
    "entity-drift": _entity_drift,
    "tortured-phrase": _tortured_phrase,
    "literal-translation": _literal_translation,
    "spliced-paragraph": _spliced_paragraph,
    "generated-filler": _generated_filler,
    "assistant-leftover": _assistant_leftover,
    "placeholder": _placeholder,
    "markdown": _markdown,
    "spintax": _spintax,
}
# Kinds that only ever make clean-labelled noise, never content-farm damage.
# A lone stock sentence ("Only time will tell ...") is among them: professional copy has the odd one
# too; machine-written articles are learned from whole examples (corpora/generated), not from it.
# It goes into one clean view of three, about 2% of clean examples: the clean articles themselves
# carry a stock phrase at 0.3%, and more of them teaches the model that one is no evidence at all.
NOISE_ONLY: tuple[str, ...] = ("dropped-name", "name-typo", "article-typo", "generated-filler")
# Chrome added at the end of the page rather than inside the prose.
TAIL_KINDS: tuple[str, ...] = ("footer", "comment-form", "syndication", "share-chrome")
# Damage to the title a page carries.
TITLE_KINDS: tuple[str, ...] = ("site-suffix", "keyword-stuffing", "title-swap")
ALL_KINDS: tuple[str, ...] = tuple(k for k in KINDS if k not in NOISE_ONLY) + TAIL_KINDS + TITLE_KINDS
# Families of kinds, for training and measuring each in isolation.
KIND_FAMILIES: dict[str, tuple[str, ...]] = {
    "attribution": ("split-name", "orphan-fragment", "doubled-verb", "run-in-quote"),
    "punctuation": ("stray-sequence", "space-before", "repeated", "unclosed-quote", "lowercase-start"),
    "boilerplate": ("markup", "mojibake", *TAIL_KINDS),
    "rewrite": ("entity-drift", "tortured-phrase", "literal-translation", "spliced-paragraph"),
    "generated": ("assistant-leftover", "placeholder", "markdown", "spintax"),
    "page": TITLE_KINDS,
}
PROSE_KINDS: tuple[str, ...] = KIND_FAMILIES["rewrite"] + ("doubled-verb", "split-name")


def _tail_block(kind: str, rng: random.Random, title: str) -> list[tuple[str, str | None]]:
    """Lines to append for a chrome kind; the second item names the damage kind if it is one."""
    if kind == "footer":
        return [(rng.choice(_FOOTERS), kind)]
    if kind == "comment-form":
        lines: list[tuple[str, str | None]] = [("Leave a Reply", kind)]
        notice = ["Your email address will not be published.", "Required fields are marked *"]
        if rng.random() < 0.5:
            lines.append((" ".join(notice), kind))
        else:
            lines += [(n, kind) for n in notice]
        if rng.random() < 0.3:
            lines.append(("Save my name, email, and website in this browser for the next time I comment.", kind))
        return lines
    if kind == "syndication":
        site = f"{rng.choice(_SITE_WORDS_A)} {rng.choice(_SITE_WORDS_B)}"
        return [(f"The post {title or 'News update'} appeared first on {site}.", kind)]
    return [(rng.choice(_CHROME), kind)]


# Artifacts that honest pipelines produce too: a wrong charset or unescaped entities applied
# throughout, a stray space or mark, a linked name dropped by the extractor (". , who won"), and
# the typos of a hurried editor (a name misspelled once, "the the", "an" before a consonant).
# Clean articles carrying them stay clean for training, so a lone artifact counts as weak evidence.
NOISE_KINDS: tuple[str, ...] = (
    "charset",
    "entities",
    "space-before",
    "repeated",
    "unclosed-quote",
    "dropped-name",
    "name-typo",
    "article-typo",
    "generated-filler",
)
_CHARSET = str.maketrans({**_MOJIBAKE, "£": "Â£", "€": "â‚¬", "—": "â€”", "–": "â€“"})
_ACCENTED = re.compile(r"[à-ÿÀ-ß’“”—]")


def pipeline_noise(text: str, *, seed: int, stock: bool = True) -> str:
    """One to three extraction artifacts, or a charset or entity error applied throughout as a
    real one would be; with `stock=False`, never the stock sentence."""
    rng = random.Random(seed)
    kind = rng.choice(NOISE_KINDS)
    if kind == "generated-filler" and not stock:
        kind = rng.choice([k for k in NOISE_KINDS if k != kind])
    if kind == "charset":
        return text.translate(_CHARSET)
    if kind == "entities":
        return _ACCENTED.sub(lambda m: f"&#{ord(m.group())};", text)
    count = rng.randint(1, 3)
    if kind == "generated-filler":
        count = 1  # the odd stock sentence; three of them would teach that many are a clean sign
    return corrupt(text, seed=seed, kinds=[kind], count=count).text


def corrupt(
    text: str,
    *,
    seed: int,
    intensity: Intensity = "light",
    kinds: Sequence[str] | None = None,
    title: str = "",
    donor: str = "",
    donor_title: str = "",
    count: int | None = None,
) -> Variant:
    """A damaged copy of `text` (and `title`) with `count` damages (default: `intensity`'s range)
    drawn from `kinds`; `donor` and `donor_title` are another article's, for spliced paragraphs and
    swapped titles.

    Deterministic in its arguments. A kind with no place to act in this article is skipped, so a
    variant can carry fewer damages than asked for (never zero when a chosen kind can act: tail
    chrome always can).
    """
    rng = random.Random(seed)
    pool = list(kinds) if kinds is not None else list(ALL_KINDS)
    lo, hi = INTENSITY_RANGE[intensity]
    wanted = count if count is not None else rng.randint(lo, hi)
    ctx = _Context(title, donor, seed, donor_title)
    sep = "\n\n" if "\n" in text else " "
    edits: list[tuple[_Edit, ...]] = []
    tails: list[tuple[str, str | None]] = []
    new_title: tuple[str, str] | None = None
    candidates: dict[str, list[tuple[_Edit, ...]]] = {}
    done = attempts = 0
    # a variant labelled damaged must carry damage: when every kind drawn so far had no place to
    # act, keep drawing (a zero-damage "variant" is the clean article under the wrong label)
    while done < wanted and (attempts < wanted * 6 or (done == 0 and attempts < 200)):
        attempts += 1
        kind = rng.choice(pool)
        if kind in TAIL_KINDS:
            tails += _tail_block(kind, rng, title)
            done += 1
            continue
        if kind in TITLE_KINDS:
            if title and new_title is None:
                new_title = (kind, _damage_title(kind, title, donor_title, rng))
                done += 1
            continue
        if kind not in candidates:
            candidates[kind] = [c if isinstance(c, tuple) else (c,) for c in KINDS[kind](text, ctx)]
        taken = [e for group in edits for e in group]
        free = [c for c in candidates[kind] if not any(_overlaps(a, b) for a in c for b in taken)]
        if free:
            edits.append(rng.choice(free))
            done += 1
    variant = _apply(text, [e for group in edits for e in group], tails, sep, intensity, seed)
    if new_title is None:
        return Variant(variant.text, variant.damages, intensity, seed, title)
    kind, damaged = new_title
    start = 0 if kind == "title-swap" else len(title)
    mark = Damage(kind, start, len(damaged), "title")
    return Variant(variant.text, (*variant.damages, mark), intensity, seed, damaged)


_SITE_SUFFIXES = ("news from {topic}", "latest {topic} news", "{topic} news today", "{topic} updates")


def _damage_title(kind: str, title: str, donor_title: str, rng: random.Random) -> str:
    from .lexicon import STOPWORDS

    words = [w for w in re.findall(r"[a-z]{4,}", title.lower()) if w not in STOPWORDS]
    topic = rng.choice(words) if words else "world"
    if kind == "site-suffix":
        return f"{title} {rng.choice(['|', '-', '–'])} {rng.choice(_SITE_SUFFIXES).format(topic=topic)}"
    if kind == "keyword-stuffing":
        keys = [topic, f"{topic} news", f"latest {topic}", f"{topic} today", f"breaking {topic}"]
        return f"{title}, " + ", ".join(keys[: rng.randint(3, 5)])
    return donor_title if donor_title and donor_title != title else f"{title} {topic}"


def _overlaps(a: _Edit, b: _Edit, margin: int = 3) -> bool:
    return a.start < b.end + margin and b.start < a.end + margin


def _apply(
    text: str, edits: list[_Edit], tails: list[tuple[str, str | None]], sep: str, intensity: str, seed: int
) -> Variant:
    flat = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    damages: list[Damage] = []
    pos = 0
    out_len = 0
    for e in flat:
        parts.append(text[pos : e.start])
        out_len += e.start - pos
        for ms, me in e.marks:
            damages.append(Damage(e.kind, out_len + ms, out_len + me))
        parts.append(e.replacement)
        out_len += len(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    body = "".join(parts).rstrip()
    out_len = len(body)
    pieces = [body]
    for line, kind in tails:
        out_len += len(sep)
        if kind:
            damages.append(Damage(kind, out_len, out_len + len(line)))
        pieces.append(line)
        out_len += len(line)
    return Variant(sep.join(pieces), tuple(sorted(damages, key=lambda d: d.start)), intensity, seed)
