"""Spun and translated prose: respelled names, thesaurus swaps, literal translation, and another
article's paragraph spliced in."""

from __future__ import annotations

import random
import re

from .base import Candidate, Context, Edit, damage
from .noise import A_CONSONANT, CAPITALISED, respell


@damage("entity-drift")
def entity_drift(text: str, ctx: Context) -> list[Candidate]:
    """Respell a name (not a capitalised dictionary word) in its later occurrences, as a
    paragraph-by-paragraph translation does."""
    from ..lexicon import fold, zipf

    freq = zipf()
    occurrences: dict[str, list[int]] = {}
    for m in CAPITALISED.finditer(text):
        if freq.get(fold(m.group()), 0.0) < 4.0:
            occurrences.setdefault(m.group(), []).append(m.start())
    out: list[Candidate] = []
    for word, starts in sorted(occurrences.items()):
        if len(starts) < 2:
            continue
        variant = respell(word, random.Random(f"{ctx.seed}:{word}"))
        if variant == word:
            continue
        later = starts[len(starts) // 2 :]
        out.append(tuple(Edit(s, s + len(word), variant, "entity-drift", ((0, len(variant)),)) for s in later))
    return out


@damage("tortured-phrase")
def tortured_phrase(text: str, ctx: Context) -> list[Candidate]:
    from ..lexicon import spun_phrases

    lowered = text.lower()
    out: list[Candidate] = []
    for phrase, forms in spun_phrases().items():
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            form = forms[(m.start() + ctx.seed) % len(forms)]
            if text[m.start()].isupper():
                form = form[0].upper() + form[1:]
            out.append(Edit(m.start(), m.end(), form, "tortured-phrase", ((0, len(form)),)))
    return out


_ON_DAY = re.compile(r"\bon (?=(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?![’']))")
_IN_YEAR = re.compile(r"\bin (?=(?:19|20)\d\d[.,])")
_AN_VOWEL = re.compile(r"\ban (?=[aeio][a-z]{3,})")
_WORD = re.compile(r"\w+")


@damage("literal-translation")
def literal_translation(text: str, ctx: Context) -> list[Candidate]:
    out: list[Candidate] = []
    for pattern, rep in ((_ON_DAY, "in "), (_IN_YEAR, "on "), (_AN_VOWEL, "a "), (A_CONSONANT, "an ")):
        for m in pattern.finditer(text):
            # the damage is the preposition or article with the word it now mismatches
            word_end = _WORD.match(text, m.end())
            end = word_end.end() if word_end else m.end()
            out.append(
                Edit(m.start(), end, rep + text[m.end() : end], "literal-translation", ((0, len(rep) + end - m.end()),))
            )
    return out


@damage("spliced-paragraph")
def spliced_paragraph(text: str, ctx: Context) -> list[Candidate]:
    """A paragraph of another article put between two of this one's."""
    donor = [p for p in ctx.donor.split("\n\n") if len(p.split()) >= 35] if ctx.donor else []
    if not donor or "\n\n" not in text:
        return []
    para = donor[ctx.seed % len(donor)]
    breaks = [m.end() for m in re.finditer(r"\n\n", text)]
    inner = breaks[1:-1] or breaks
    return [Edit(b, b, para + "\n\n", "spliced-paragraph", ((0, len(para)),)) for b in inner]


# --- translation calques (issue 14) -----------------------------------------------------------
# What a round trip through French, Spanish or German leaves: the source's compound past with its
# time adverbial (`a déclaré lundi`, `hat am Montag erklärt`), its attribution order (`a indiqué
# son porte-parole`) and its prepositions and articles (`depuis trois ans`, `le matin du lundi`,
# `el pasado martes`). Each kind rewrites an English construction into its calque.

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PAST_TIME = re.compile(
    rf"\b(?P<verb>said|told|announced|confirmed|declared|warned|revealed|[a-z]{{3,}}ed)\s+(?:on\s+)?"
    rf"(?P<when>{_DAYS}|yesterday|last\s+(?:week|month|year))\b(?![’'])(?!\s+(?:to|through|and|or|morning|afternoon|evening|night)\b)"
)
# what a speaker `said` becomes in the round trip
_DECLARE = ("declared", "indicated", "affirmed", "stated", "assured", "said")
_ROLE = (
    r"(?:spokes(?:person|man|woman)|minister|president|chancellor|mayor|director|official|officials|ministry|"
    r"government|police|prosecutors?|governor|secretary|premier|leader|chief|coach|manager|authorities|agency|"
    r"commissioner|ambassador|senator|chairman|chairwoman|representative|lawyer|attorney)"
)
_NAME = r"(?:[A-Z][a-z’'\-]+\s+){0,2}[A-Z][a-z’'\-]+"
_SPEAKER_SAID = re.compile(
    rf"(?<=[,”\"] )(?:(?P<det>(?:the|his|her|their)\s+(?:[A-Za-z\-]+\s+){{0,2}}?{_ROLE}s?)|(?P<name>{_NAME}))"
    r"\s+(?:said|added|explained)(?=[.,])"
    rf"|(?<=[,”\"] )(?:said|added)\s+(?:(?P<det2>(?:the|his|her|their)\s+(?:[A-Za-z\-]+\s+){{0,2}}?{_ROLE}s?)|(?P<name2>{_NAME}))(?=[.,])"
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<who>(?:the|his|her|their)\s+(?:[A-Za-z\-]+\s+){{0,2}}?{_ROLE}s?)(?=,)")
_FOR_YEARS = re.compile(
    r"\bfor (?P<span>(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many) (?:years|months|weeks|days|decades)\b)(?!\s+(?:ago|after|before|earlier|later|of)\b)"
)
_DAY_PART = re.compile(rf"\bon (?P<day>{_DAYS}) (?P<part>morning|afternoon|evening|night)\b")
_LAST_DAY = re.compile(rf"\blast (?={_DAYS}\b(?![’']))")
_FOREIGN_MINISTER = re.compile(r"\b[Ff]oreign [Mm]inister\b")


@damage("calque-tense")
def calque_tense(text: str, ctx: Context) -> list[Candidate]:
    """`said on Monday` becomes `has declared Monday`: the compound past that French, Spanish and
    German use with a time of the past."""
    out: list[Candidate] = []
    for k, m in enumerate(_PAST_TIME.finditer(text)):
        verb = m.group("verb")
        if verb == "said":
            verb = _DECLARE[(ctx.seed + k) % len(_DECLARE)]
        rep = f"has {verb} {m.group('when')}"
        out.append(Edit(m.start(), m.end(), rep, "calque-tense", ((0, len(rep)),)))
    return out


@damage("calque-attribution")
def calque_attribution(text: str, ctx: Context) -> list[Candidate]:
    """`..., the minister said.` becomes `..., has indicated the minister.`, and `according to the
    minister,` becomes `as has indicated the minister,`: the speaker after a compound verb."""
    out: list[Candidate] = []
    for k, m in enumerate(_SPEAKER_SAID.finditer(text)):
        who = m.group("det") or m.group("name") or m.group("det2") or m.group("name2")
        rep = f"has {_DECLARE[(ctx.seed + k) % (len(_DECLARE) - 1)]} {who}"
        out.append(Edit(m.start(), m.end(), rep, "calque-attribution", ((0, len(rep)),)))
    for k, m in enumerate(_ACCORDING.finditer(text)):
        verb = _DECLARE[(ctx.seed + k) % (len(_DECLARE) - 1)]
        head = "As" if m.group()[0] == "A" else "as"
        rep = f"{head} has {verb} {m.group('who')}"
        out.append(Edit(m.start(), m.end(), rep, "calque-attribution", ((3, len(rep)),)))
    return out


@damage("calque-preposition")
def calque_preposition(text: str, ctx: Context) -> list[Candidate]:
    """Prepositions and articles carried over word for word: `for three years` as `since three
    years` (depuis, seit), `on Monday morning` as `in the morning of Monday` (le matin du lundi),
    `last Tuesday` as `the past Tuesday` (el pasado martes), `foreign minister` as `minister of the
    Foreign Affairs` (ministre des Affaires étrangères)."""
    out: list[Candidate] = []
    for m in _FOR_YEARS.finditer(text):
        rep = "since " + m.group("span")
        out.append(Edit(m.start(), m.end(), rep, "calque-preposition", ((0, len(rep)),)))
    for m in _DAY_PART.finditer(text):
        rep = f"in the {m.group('part')} of {m.group('day')}"
        out.append(Edit(m.start(), m.end(), rep, "calque-preposition", ((0, len(rep)),)))
    for m in _LAST_DAY.finditer(text):
        day = _WORD.match(text, m.end())
        if day:
            rep = "the past " + day.group()
            out.append(Edit(m.start(), day.end(), rep, "calque-preposition", ((0, len(rep)),)))
    for m in _FOREIGN_MINISTER.finditer(text):
        rep = "minister of the Foreign Affairs"
        out.append(Edit(m.start(), m.end(), rep, "calque-preposition", ((len("minister "), len(rep)),)))
    return out


# A spinner's thesaurus, written for the generator: each word or fixed phrase goes to a neighbour
# that a thesaurus offers and no editor would write there (`mortgage rates` -> `mortgage charges`,
# `the team` -> `the staff`, `one of the` -> `one of many`). It swaps word by word, blind to the
# collocation the word stands in, as real spinners do; most swaps alone are still English.
_SPUN_WORDS: dict[str, str] = {
    "rates": "charges",
    "rate": "charge",
    "points": "factors",
    "home": "house",
    "sales": "gross sales",
    "fixed": "fastened",
    "prices": "costs",
    "interest": "curiosity",
    "economy": "financial system",
    "bank": "financial institution",
    "government": "authorities",
    "people": "folks",
    "last": "final",
    "next": "subsequent",
    "major": "main",
    "high": "excessive",
    "record": "document",
    "top": "prime",
    "executive": "government",
    "statement": "assertion",
    "death": "demise",
    "attack": "assault",
    "party": "social gathering",
    "leader": "chief",
    "team": "staff",
    "game": "recreation",
    "players": "gamers",
    "player": "participant",
    "goal": "purpose",
    "club": "membership",
    "fans": "followers",
    "show": "present",
    "book": "e book",
    "company": "firm",
    "companies": "corporations",
    "business": "enterprise",
    "stock": "inventory",
    "investors": "buyers",
    "profit": "revenue",
    "country": "nation",
    "city": "metropolis",
    "area": "space",
    "students": "college students",
    "health": "well being",
    "patients": "sufferers",
    "climate": "local weather",
    "energy": "power",
    "gas": "fuel",
    "car": "automotive",
    "phone": "cellphone",
    "court": "court docket",
    "judge": "decide",
    "law": "regulation",
    "officials": "officers",
    "war": "warfare",
    "military": "army",
    "ago": "in the past",
    "recently": "lately",
    "also": "additionally",
    "because": "as a result of",
    "despite": "regardless of",
    "around": "round",
    "several": "a number of",
    "one of the": "one of many",
    "in the first": "within the first",
    "percentage points": "share factors",
}
_SPUN_RE = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, _SPUN_WORDS), key=len, reverse=True)) + r")\b", re.I)
_DIGIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty"
).split()
_DECIMAL = re.compile(r"(?<![\w.,])(1?\d|20)(?=\.\d)")


@damage("synonym-swap")
def synonym_swap(text: str, ctx: Context) -> list[Candidate]:
    """A spinner's pass over the whole article: every word or phrase of its thesaurus swapped,
    and the whole-number digit of each decimal spelled out (`6.7%` -> `six.7%`), one damage marked
    at each swap. Articles with fewer than three swaps offer no place."""
    edits = []
    for m in _SPUN_RE.finditer(text):
        word = m.group()
        rep = _SPUN_WORDS[word.lower()]
        if word[0].isupper():
            rep = rep[0].upper() + rep[1:]
        edits.append(Edit(m.start(), m.end(), rep, "synonym-swap", ((0, len(rep)),)))
    for m in _DECIMAL.finditer(text):
        rep = _DIGIT_WORDS[int(m.group(1))]
        edits.append(Edit(m.start(), m.end(), rep, "synonym-swap", ((0, len(rep) + 2),)))
    return [tuple(edits)] if len(edits) >= 3 else []
