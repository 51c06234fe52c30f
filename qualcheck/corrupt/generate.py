"""The generator: pick damage kinds with a seeded generator, apply their edits, record the spans."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from .base import Context, Damage, Edit, Intensity, Variant, registered
from .boilerplate import MOJIBAKE, TAIL_KINDS, tail_block
from .page import TITLE_KINDS, damage_title

INTENSITY_RANGE: dict[str, tuple[int, int]] = {"light": (1, 2), "medium": (3, 5), "heavy": (6, 10)}

# Kinds that only ever make clean-labelled noise, never content-farm damage.
# A lone stock sentence ("Only time will tell ...") is among them: professional copy has the odd one
# too; machine-written articles are learned from whole examples (corpora/generated), not from it.
# It goes into one clean view of three, about 2% of clean examples: the clean articles themselves
# carry a stock phrase at 0.3%, and more of them teaches the model that one is no evidence at all.
NOISE_ONLY: tuple[str, ...] = ("dropped-name", "name-typo", "article-typo", "generated-filler")

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
# Kinds added after the pool was fixed (issue 14): outside the default pool, so every variant drawn
# from it stays as it was, and given a variant of their own (`corpora.build_examples`). Added to
# the pool, the glued, stripped and verbless kinds flagged 1.1% of the honest pages out of fold
# and cost the benchmark 0.015 of ROC AUC (docs/measurements.md).
LATE_KINDS: tuple[str, ...] = (
    "glued-sentence",
    "stripped-apostrophe",
    "verbless-attribution",
    "synonym-swap",
    "drop-cap",
)
_CHARSET = str.maketrans({**MOJIBAKE, "£": "Â£", "€": "â‚¬", "—": "â€”", "–": "â€“"})
_ACCENTED = re.compile(r"[à-ÿÀ-ß’“”—]")


# Kinds registered later still, for scraper leftovers and an assistant explainer's frames (issue 14):
# also outside the default pool, they ride on a variant that exists anyway (`corpora.with_rider_damage`):
# a seventh damaged variant an original for them cost the benchmark ROC AUC (docs/measurements.md).
RIDER_KINDS: tuple[str, ...] = ("repeated-paragraph", "locale-number", "reader-frame", "ad-slot")


def all_kinds() -> tuple[str, ...]:
    """Every kind of content-farm damage in the default pool, in the generator's pool order; the
    late and rider kinds are drawn only when asked for by name."""
    late = set(NOISE_ONLY) | set(LATE_KINDS) | set(RIDER_KINDS)
    return tuple(k for k in registered() if k not in late) + TAIL_KINDS + TITLE_KINDS


def default_pool() -> tuple[str, ...]:
    """The kinds `corrupt` draws from when it is given none: every kind but the late and rider ones."""
    return all_kinds()


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
    pool = list(kinds) if kinds is not None else list(default_pool())
    lo, hi = INTENSITY_RANGE[intensity]
    wanted = count if count is not None else rng.randint(lo, hi)
    ctx = Context(title, donor, seed, donor_title)
    sep = "\n\n" if "\n" in text else " "
    edits: list[tuple[Edit, ...]] = []
    tails: list[tuple[str, str | None]] = []
    new_title: tuple[str, str] | None = None
    candidates: dict[str, list[tuple[Edit, ...]]] = {}
    finders = registered()
    done = attempts = 0
    # a variant labelled damaged must carry damage: when every kind drawn so far had no place to
    # act, keep drawing (a zero-damage "variant" is the clean article under the wrong label)
    while done < wanted and (attempts < wanted * 6 or (done == 0 and attempts < 200)):
        attempts += 1
        kind = rng.choice(pool)
        if kind in TAIL_KINDS:
            tails += tail_block(kind, rng, title)
            done += 1
            continue
        if kind in TITLE_KINDS:
            if title and new_title is None:
                new_title = (kind, damage_title(kind, title, donor_title, rng))
                done += 1
            continue
        if kind not in candidates:
            candidates[kind] = [c if isinstance(c, tuple) else (c,) for c in finders[kind](text, ctx)]
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


def _overlaps(a: Edit, b: Edit, margin: int = 3) -> bool:
    return a.start < b.end + margin and b.start < a.end + margin


def _apply(
    text: str, edits: list[Edit], tails: list[tuple[str, str | None]], sep: str, intensity: str, seed: int
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
