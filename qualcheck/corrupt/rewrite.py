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
