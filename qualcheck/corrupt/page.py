"""Damage to the title a page carries: a site suffix, stuffed keywords, another story's title."""

from __future__ import annotations

import random
import re

TITLE_KINDS: tuple[str, ...] = ("site-suffix", "keyword-stuffing", "title-swap")

_SITE_SUFFIXES = ("news from {topic}", "latest {topic} news", "{topic} news today", "{topic} updates")


def damage_title(kind: str, title: str, donor_title: str, rng: random.Random) -> str:
    from ..lexicon import STOPWORDS

    words = [w for w in re.findall(r"[a-z]{4,}", title.lower()) if w not in STOPWORDS]
    topic = rng.choice(words) if words else "world"
    if kind == "site-suffix":
        return f"{title} {rng.choice(['|', '-', '–'])} {rng.choice(_SITE_SUFFIXES).format(topic=topic)}"
    if kind == "keyword-stuffing":
        keys = [topic, f"{topic} news", f"latest {topic}", f"{topic} today", f"breaking {topic}"]
        return f"{title}, " + ", ".join(keys[: rng.randint(3, 5)])
    return donor_title if donor_title and donor_title != title else f"{title} {topic}"
