"""Honest page furniture for clean training views.

Real news pages and honest blogs carry furniture around the article: bylines and datelines, photo
captions and credits, "Related:" links, newsletter prompts, tags, copyright lines, comment forms.
Until now the model only met furniture in content-farm variants and learned that furniture means
farm, flagging honest pages. Each kind here adds one instance of one piece of furniture, written
from the team's own templates with invented sites and people, at the place real pages put it.

Furniture only ever adds: the article's own text stays in the result intact and in order (a
dateline is put in front of the first paragraph, everything else is a block of its own between
paragraphs, or between sentences when the text is collapsed to one line). `RATES` says how often
each kind turned up on honest pages, from the survey described in corpora/README.md.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable, Sequence

__all__ = ["KINDS", "LATE_KINDS", "LATE_RATES", "RATES", "Kind", "add_furniture"]

Kind = Callable[[str, str, random.Random], tuple[str, str]]

# A paragraph boundary: the insertion point is the end of the paragraph before it.
_PARA_BREAK = re.compile(r"\n[ \t]*\n")
# A sentence boundary in collapsed text: the space after a full stop, before a capital or a quote.
_SENTENCE_GAP = re.compile(r"[.!?][\"”’)]? (?=[\"“A-Z0-9])")
# A wire dateline already opening the article ("MADRID — ", "WASHINGTON (Reuters) - ").
_DATELINE = re.compile(r"[A-Z][A-Z.,'’ -]{1,40}(?:\([^()\n]{1,24}\))?\s?[—–-]{1,2}\s")
_FIRST_SENTENCE = re.compile(r"[^\n]{40,}?[.!?](?=\s|$)")

# Invented publishers: (name, domain, kind of site). None of them is a real site.
_SITES: tuple[tuple[str, str, str], ...] = (
    ("Riverton Gazette", "rivertongazette.com", "paper"),
    ("The Ledger Post", "ledgerpost.com", "paper"),
    ("Harbor City Courier", "harborcitycourier.com", "paper"),
    ("Northfield Daily Record", "northfieldrecord.com", "paper"),
    ("Valley Tribune", "valleytribune.net", "paper"),
    ("Eastbrook Sentinel", "eastbrooksentinel.com", "paper"),
    ("Kestrel Bay Times", "kestrelbaytimes.com", "paper"),
    ("Three Rivers Herald", "threeriversherald.com", "paper"),
    ("The Millbrook Observer", "millbrookobserver.org", "paper"),
    ("Cedar County Chronicle", "cedarcountychronicle.com", "paper"),
    ("Plainsview Register", "plainsviewregister.com", "paper"),
    ("WKRV News 7", "wkrv7.com", "broadcaster"),
    ("Lakeshore Public Radio", "lakeshorepublic.org", "broadcaster"),
    ("Metro Wire", "metrowire.news", "digital"),
    ("The Dispatch Review", "dispatchreview.com", "digital"),
    ("Notes from the Back Porch", "backporchnotes.blog", "blog"),
    ("The Frugal Trailhead", "frugaltrailhead.com", "blog"),
    ("Quiet Kitchen Diaries", "quietkitchendiaries.blogspot.com", "blog"),
)
_FIRST = (
    "Dana", "Luis", "Priya", "Tomasz", "Grace", "Kwame", "Helen", "Marco", "Aisha", "Ben", "Ingrid", "Sam",
    "Noor", "Patrick", "Yuki", "Carmen", "Owen", "Leila", "Victor", "Ruth",
)  # fmt: skip
_LAST = (
    "Whitcombe", "Ortega", "Raman", "Nowak", "Ellison", "Mensah", "Barrow", "Ricci", "Haddad", "Adeyemi",
    "Lindqvist", "Fairbairn", "Okafor", "Delaney", "Tanaka", "Salgado", "Pryce", "Moradi", "Castellan", "Heale",
)  # fmt: skip
_TOWNS = (
    "Riverton", "Millbrook", "Eastbrook", "Cedar Falls", "Harbor City", "Northfield", "Plainsview", "Ashford",
    "Kestrel Bay", "Three Rivers", "Oak Hollow", "Westmere",
)  # fmt: skip
_STATES = ("Ore.", "Mich.", "Pa.", "Wis.", "Ohio", "N.C.", "Colo.", "Maine", "Ind.", "Ga.")
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
_MON = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SECTIONS = ("Local News", "Business", "Politics", "Sports", "Opinion", "Health", "Education", "Weather", "Arts")
_TOPICS = (
    "city council", "schools", "housing", "public safety", "transportation", "high school sports", "weather",
    "local business", "elections", "health care", "the environment", "courts",
)  # fmt: skip
_THINGS = (
    "the library expansion", "a new bus route", "the water rate increase", "the downtown parking plan",
    "school start times", "the bridge repairs", "a short-term rental ban", "the park levy", "the budget",
    "the hospital merger", "the riverfront trail", "snow removal",
)  # fmt: skip
_TEAMS = ("Hawks", "Mariners", "Wolverines", "Pioneers", "Comets", "Rangers", "Bears", "Lancers")
_HEADLINES = (
    "{town} council delays vote on {thing}",
    "What {thing} means for {town} residents",
    "{town} {team} rally late to beat {team2}",
    "Residents pack hearing over {thing}",
    "Police identify driver in {town} crash",
    "{town} bakery marks 50 years on Main Street",
    "Opinion: It is time to settle {thing}",
    "School board names new superintendent",
    "Storm knocks out power to thousands across {town}",
    "Five things to know about {thing}",
    "County approves plan for {thing}",
    "Photos: {town} celebrates its harvest festival",
    "Longtime {town} teacher honored for 30 years of service",
    "Weekend forecast: rain returns to {town}",
)
_CAPTIONS = (
    "Volunteers set up tables outside the {town} community center on {day}.",
    "A view of downtown {town} from the {thing_place}.",
    "Residents listen during a public meeting at {town} City Hall.",
    "The {thing_place} in {town}, seen in a file photo.",
    "Crews work near the {thing_place} on {day} morning.",
    "Shoppers walk along Main Street in {town} last week.",
)
_PLACES = ("riverfront", "old mill bridge", "county courthouse", "high school stadium", "public library", "harbor")
_TAGS = (
    "city council", "budget", "schools", "housing", "police", "weather", "elections", "transportation", "health",
    "business", "community", "courts", "environment", "sports", "parks",
)  # fmt: skip


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _site(title: str, rng: random.Random) -> tuple[str, str, str]:
    """The page's publisher: the one its title already names, else one fixed by the title (so all
    furniture on one article names the same site), else a random one."""
    for site in _SITES:
        if title.endswith((site[0], site[1])):
            return site
    if title:
        return _SITES[zlib.crc32(title.encode("utf-8")) % len(_SITES)]
    return rng.choice(_SITES)


def own_url(title: str, slug: str) -> str:
    """The address of the page whose furniture `add_furniture` draws for `title`: its own site."""
    return f"https://www.{_site(title, random.Random(slug))[1]}/news/{slug}"


def _headline(rng: random.Random) -> str:
    team, team2 = rng.sample(_TEAMS, 2)
    return rng.choice(_HEADLINES).format(town=rng.choice(_TOWNS), thing=rng.choice(_THINGS), team=team, team2=team2)


def _date(rng: random.Random) -> str:
    month = rng.randrange(12)
    day, year = rng.randint(1, 28), rng.randint(2016, 2025)
    style = rng.randrange(4)
    if style == 0:
        return f"{_MONTHS[month]} {day}, {year}"
    if style == 1:
        return f"{_MON[month]} {day}, {year}"
    if style == 2:
        return f"{day} {_MONTHS[month]} {year}"
    return f"{month + 1:02d}/{day:02d}/{year}"


def _time(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}:{rng.randrange(60):02d} {rng.choice(('a.m.', 'p.m.'))}"


def _email(name: str, domain: str) -> str:
    first, last = name.lower().split()
    return f"{first[0]}{last}@{domain}"


# Where furniture goes. All of them insert; none touches a character of the article.


def _sep(text: str) -> str:
    return "\n\n" if "\n" in text else " "


def _start(text: str, lines: Sequence[str]) -> str:
    block = _sep(text).join(lines)
    return f"{block}{_sep(text)}{text}" if text else block


def _end(text: str, lines: Sequence[str]) -> str:
    block = _sep(text).join(lines)
    return f"{text}{_sep(text)}{block}" if text else block


def _gaps(text: str) -> list[int]:
    """Offsets where a block may go between paragraphs (or sentences of collapsed text)."""
    if "\n" in text:
        return [m.start() for m in _PARA_BREAK.finditer(text)]
    return [m.end() - 1 for m in _SENTENCE_GAP.finditer(text)]


def _top_or_foot(text: str, line: str, rng: random.Random, *, top: float) -> str:
    """`line` above the article with probability `top`, else below it."""
    return _start(text, [line]) if rng.random() < top else _end(text, [line])


def _between(text: str, lines: Sequence[str], rng: random.Random, *, early: bool = False) -> str:
    """A block between two paragraphs (the first gap when `early`: captions sit under the lead)."""
    gaps = _gaps(text)
    if not gaps:
        return _end(text, lines)
    at = gaps[0] if early else rng.choice(gaps)
    sep = _sep(text)
    return f"{text[:at]}{sep}{sep.join(lines)}{text[at:]}"


# The kinds, in the order add_furniture applies them: the ones that prepend are listed from the
# body outwards (the last one applied ends on top), the ones that append in page order.


def dateline(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Wire copy opens with place and sometimes the agency; an article that already has one gets
    the place on a line of its own above it, as some press-release pages print it."""
    town, state = rng.choice(_TOWNS), rng.choice(_STATES)
    site = _site(title, rng)
    if _DATELINE.match(text):
        return _start(
            text, [rng.choice((f"{town.upper()}, {state.upper()}", f"{town}, {state} | {_date(rng)}"))]
        ), title
    agency = rng.choice(("", "", f" ({site[0].split()[-1]})", " (Metro Wire)"))
    dash = rng.choice((" — ", " – ", " - ", " -- "))
    place = rng.choice((town.upper(), f"{town.upper()}, {state}"))
    return f"{place}{agency}{dash}{text}", title


def photo_credit(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A credit line under the lead image, often the only trace of the image in the text."""
    site, name = _site(title, rng), _name(rng)
    line = rng.choice(
        (
            f"(Photo: {name} / {site[0]})",
            f"Photograph: {name}/{site[0]}",
            f"Image credit: {site[0]} file photo",
            f"Courtesy of the {rng.choice(_TOWNS)} Historical Society",
            f"Staff photo by {name}",
            f"{name} | {site[0]}",
            f"Main image: {name}",
        )
    )
    if rng.random() < 0.3:
        return _start(text, [line]), title
    return _between(text, [line], rng, early=rng.random() < 0.6), title


def photo_caption(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A caption describing the picture, with or without its credit, under the lead or mid-text."""
    caption = rng.choice(_CAPTIONS).format(
        town=rng.choice(_TOWNS), day=rng.choice(_DAYS), thing_place=rng.choice(_PLACES)
    )
    if rng.random() < 0.5:
        caption += rng.choice((f" ({_name(rng)} / {_site(title, rng)[0]})", f" Photo: {_name(rng)}", " (File photo)"))
    return _between(text, [caption], rng, early=rng.random() < 0.5), title


def reading_time(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Many templates print an estimated reading time above the story."""
    n = max(1, len(text.split()) // 230 + rng.randint(0, 1))
    return _start(text, [rng.choice((f"{n} min read", f"Reading time: {n} minutes", f"{n}-minute read"))]), title


def updated_stamp(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Publication and update times, usually above the story, sometimes a lone note at its end."""
    date = _date(rng)
    line = rng.choice(
        (
            f"Updated: {date} at {_time(rng)}",
            f"Published {_time(rng)} {date} | Updated {_time(rng)}",
            f"Posted on {date}",
            f"Last updated on {date}",
            f"UPDATED: {rng.choice(_DAYS)[:3]}., {date}",
            f"{rng.choice(_DAYS)}, {date}",
            f"Published {date}",
        )
    )
    if rng.random() < 0.2:
        return _end(text, [rng.choice((f"Updated at {_time(rng)}", f"This story was last updated {date}."))]), title
    return _start(text, [line]), title


def byline(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The writer's name above the story, or signed at the end of a letter or column."""
    name, site = _name(rng), _site(title, rng)
    if rng.random() < 0.15:
        return _end(text, [f"— {name}, {rng.choice(_TOWNS)}"]), title
    line = rng.choice(
        (
            f"By {name}",
            f"By {name.upper()}",
            f"By {name} and {_name(rng)}",
            f"By {name}, Staff Writer",
            f"{name} | {site[0]}",
            f"By {name} - | {_date(rng)}",
            "Staff report",
            f"{name}, Correspondent",
        )
    )
    return _start(text, [line]), title


def section_label(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The section kicker or breadcrumb printed above the headline."""
    section = rng.choice(_SECTIONS)
    line = rng.choice(
        (
            section,
            section.upper(),
            f"Home » {section}",
            f"News | {section}",
            f"{section} › {rng.choice(_TOWNS)}",
            "Analysis",
        )
    )
    return _start(text, [line]), title


def ad_label(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The label left where an advertisement sat between paragraphs."""
    line = rng.choice(
        (
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "Article continues below this ad",
            "Sponsored",
            "Ad",
        )
    )
    return _between(text, [line], rng), title


def related_links(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Links to the site's own earlier stories, inline or as a short list."""
    style = rng.randrange(5)
    if style == 0:
        lines = [f"{rng.choice(('Related', 'RELATED', 'Related post'))}: {_headline(rng)}"]
    elif style == 1:
        lines = [rng.choice(("Related coverage:", "Related stories", "More on this story:"))]
        lines += [f"- {_headline(rng)}" for _ in range(rng.randint(2, 4))]
    elif style == 2:
        lines = [rng.choice(("You may also like:", "You might also like")), *(_headline(rng) for _ in range(3))]
    elif style == 3:
        lines = [f"{rng.choice(('Also read', 'See also', 'More'))}: {_headline(rng)}"]
    else:
        lines = ["More:", *(f"- {_headline(rng)}" for _ in range(2))]
    if len(lines) == 1 or rng.random() < 0.4:
        return _between(text, lines, rng), title
    return _end(text, lines), title


def read_more(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A single "Read more:" pointer to another of the site's stories, between paragraphs."""
    label = rng.choice(("Read more", "READ MORE", "Read next", "Continue reading", "Read also"))
    return _between(text, [f"{label}: {_headline(rng)}"], rng), title


def excerpt_cut(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A teaser cut off mid-word: another story's in a box of links, or the article's own summary
    repeated above it by the template."""
    first = _FIRST_SENTENCE.match(text) if "\n" in text else None
    if first and rng.random() < 0.3:
        sentence = first.group()
        cut = rng.randint(30, max(31, len(sentence) - 5))
        return _start(text, [sentence[:cut].rstrip() + rng.choice(("…", "...", " …"))]), title
    teaser = f"{_headline(rng)}. {rng.choice(_CAPTIONS)}".format(
        town=rng.choice(_TOWNS), day=rng.choice(_DAYS), thing_place=rng.choice(_PLACES)
    )
    cut = rng.randint(len(teaser) // 2, len(teaser) - 3)
    while cut > 2 and not (teaser[cut - 1].isalpha() and teaser[cut].isalpha()):
        cut -= 1  # cut inside a word, as template teasers are
    lines = [teaser[:cut] + rng.choice(("…", "...", " [...]", " …"))]
    if rng.random() < 0.4:
        lines.append(rng.choice(("Read more", "Continue reading", "Read the full story")))
    return _end(text, lines), title


def reporting_credit(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Who else reported or edited, at the foot of wire and newspaper stories."""
    a, b = _name(rng), _name(rng)
    line = rng.choice(
        (
            f"{a} contributed reporting.",
            f"(Reporting by {a}; editing by {b})",
            f"{a} in {rng.choice(_TOWNS)} contributed to this report.",
            "The Associated Press contributed to this report.",
            f"Additional reporting by {a}",
            f"Contributing: {a}",
            "With wire services",
        )
    )
    if rng.random() < 0.3:
        return _end(text, ["___", line]), title
    return _end(text, [line]), title


def correction_note(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Honest outlets print their corrections on the story, usually at its foot."""
    line = rng.choice(
        (
            "Correction: An earlier version of this story misspelled the name of a council member.",
            f"Correction: This article has been updated to reflect that the meeting took place on {rng.choice(_DAYS)}.",
            "Clarification: An earlier version of this story did not make clear who proposed the amendment.",
            f"Correction, {_date(rng)}: A previous version of this article gave the wrong year for the school's founding.",
        )
    )
    return _top_or_foot(text, line, rng, top=0.25), title


def editors_note(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Notes on how the story came to be: updates, series, republication, opinion disclaimers."""
    other = rng.choice([s for s in _SITES if s[2] != "blog"])[0]
    line = rng.choice(
        (
            f"Editor's note: This story has been updated with comment from {rng.choice(_TOWNS)} officials.",
            f"This article was originally published by {other}.",
            f"Originally published on {other}.",
            f"This story is part of our series on {rng.choice(_TOPICS)}.",
            "The views expressed in this column are the author's own.",
            "This article has been adapted from its original source.",
            f"Editor's note: This story was updated at {_time(rng)} with new details.",
        )
    )
    return _top_or_foot(text, line, rng, top=0.2), title


def disclosure_note(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Affiliate and sponsorship disclosures on review pages and honest blogs."""
    line = rng.choice(
        (
            "If you buy something through links in this article, we may earn a commission.",
            f"This post is sponsored by {rng.choice(_TOWNS)} Outfitters. All opinions are my own.",
            "We independently review everything we recommend.",
        )
    )
    return _top_or_foot(text, line, rng, top=0.5), title


def source_line(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Some sites name the source of a compiled or agency story on a line of its own."""
    line = rng.choice(
        ("SOURCE: News agencies", f"Source: {_site(title, rng)[0]}", "With Post wires", "Source: Metro Wire")
    )
    return _end(text, [line]), title


def author_bio(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A line about the writer and how to reach them."""
    name, site = _name(rng), _site(title, rng)
    beat = rng.choice(_TOPICS)
    line = rng.choice(
        (
            f"{name} covers {beat} for the {site[0]}. Reach them at {_email(name, site[1])}.",
            f"{name} is a staff writer at {site[0]} covering {beat}.",
            f"About the author: {name} has reported on {beat} in {rng.choice(_TOWNS)} since {rng.randint(2005, 2020)}.",
            f"Have a tip? {name} may be reached at {_email(name, site[1])}.",
            _email(name, site[1]),
        )
    )
    return _end(text, [line]), title


def follow_us(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Invitations to follow the site or the writer on social networks."""
    site, name = _site(title, rng), _name(rng)
    handle = "@" + name.replace(" ", "")[:12]
    line = rng.choice(
        (
            f"Follow {site[0]} on Facebook, Instagram and X.",
            f"Follow {name} on X {handle}.",
            "Stay connected: follow us on Facebook and Instagram.",
            f"Like {site[0]} on Facebook and follow us on X for the latest.",
            f"Be sure to visit {site[0]} on Facebook and Instagram.",
        )
    )
    return _end(text, [line]), title


def tags_list(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The story's tags or categories at its foot."""
    tags = rng.sample(_TAGS, rng.randint(1, 4))
    line = rng.choice(
        (
            f"Tags: {', '.join(tags)}",
            f"Filed under: {' | '.join(t.title() for t in tags)}",
            f"Topics: {', '.join(tags)}",
            f"Posted in {rng.choice(_SECTIONS)} | Tagged {', '.join(tags)}",
        )
    )
    return _end(text, [line]), title


def share_buttons(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Labels of share buttons an extractor kept, above or below the story."""
    lines = rng.choice(
        (
            ["Share this article", "Facebook", "X", "Email"],
            ["Share: Facebook · X · LinkedIn · Email"],
            ["Like this story? Share it with a friend!"],
            ["Print | Email | Share"],
            ["Share", "Copy link"],
        )
    )
    if rng.random() < 0.3:
        return _start(text, lines), title
    return _end(text, lines), title


def newsletter_prompt(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The site's own newsletter sign-up box, mid-story or at its end."""
    site = _site(title, rng)
    lines = rng.choice(
        (
            [f"Sign up for the {site[0]} morning newsletter to get the day's top stories in your inbox."],
            [f"Get the latest {rng.choice(_TOPICS)} news delivered to your inbox. Subscribe to our free newsletters."],
            [f"{site[0]} Daily Briefing", "The headlines you need, every weekday morning.", "Sign up"],
            [f"Click here to subscribe to the {site[0]} newsletter"],
            ["Newsletter", "Join thousands already receiving our daily newsletter."],
        )
    )
    if rng.random() < 0.4:
        return _between(text, lines, rng), title
    return _end(text, lines), title


def subscribe_paywall_note(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Subscription and membership appeals, at the top or foot of the story."""
    site = _site(title, rng)
    line = rng.choice(
        (
            "Subscribers only. Already a subscriber? Log in.",
            f"Support local journalism. Subscribe to the {site[0]} today.",
            "Journalism like this depends on readers like you. Become a member.",
            f"You have {rng.randint(1, 4)} free articles remaining this month.",
            "SUBSCRIBE",
            f"If you value this reporting, please consider a donation to {site[0]}.",
        )
    )
    return _top_or_foot(text, line, rng, top=0.3), title


def recommended(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A box of recommended stories after the article."""
    label = rng.choice(("Recommended for you", "Editor's picks", "Recommended", "We recommend"))
    return _end(text, [label, *(_headline(rng) for _ in range(rng.randint(2, 4)))]), title


def more_from_section(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """More stories from the article's section, listed after it."""
    section = rng.choice(_SECTIONS)
    label = rng.choice((f"More from {section}", f"More in {section}", f"Latest in {section}", "More Stories"))
    return _end(text, [label, *(_headline(rng) for _ in range(rng.randint(2, 3)))]), title


def trending(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A most-read or trending list, numbered or not."""
    site = _site(title, rng)
    label = rng.choice(("Trending now", "Most read", "Popular on " + site[0], "Most popular", "Top stories"))
    items = [_headline(rng) for _ in range(rng.randint(2, 5))]
    if rng.random() < 0.5:
        items = [f"{i}. {h}" for i, h in enumerate(items, 1)]
    return _end(text, [label, *items]), title


def app_promo(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A plug for the publisher's app or video channel."""
    site = _site(title, rng)
    line = rng.choice(
        (
            f"Get the {site[0]} app for breaking news alerts.",
            "Download our free app for iPhone and Android.",
            f"CLICK HERE TO GET THE {site[0].upper()} APP",
            f"Subscribe to {site[0]} on YouTube for more video.",
        )
    )
    if rng.random() < 0.3:
        return _between(text, [line], rng), title
    return _end(text, [line]), title


def media_label(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """What is left of an embedded video, audio player or gallery."""
    line = rng.choice(
        (
            f"Watch: {_headline(rng)}",
            f"VIDEO: {_headline(rng)}",
            f"Listen to this article ({rng.randint(2, 9)} min)",
            "This slideshow requires JavaScript.",
            f"Photo gallery: {rng.randint(6, 30)} images",
            "Play video",
        )
    )
    return _between(text, [line], rng), title


def separator(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A rule between the story and its end notes, or between sections."""
    line = rng.choice(("___", "* * *", "———", "---"))
    if rng.random() < 0.5:
        return _between(text, [line], rng), title
    return _end(text, [line]), title


def comment_count(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The comments link or count under the story."""
    n = rng.randint(1, 240)
    line = rng.choice(
        (
            f"{n} Comments",
            f"Comments ({n})",
            "No comments yet",
            f"View {n} comments",
            "Comments",
            "0 comments",
            "No comments:",
        )
    )
    return _end(text, [line]), title


def comment_form_honest_blog(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The comment form that closes nearly every honest personal blog post (Blogger, WordPress):
    the same words autoblogs leave behind, which is why they must be seen on clean text too."""
    lines = rng.choice(
        (
            ["Leave a Reply", "Your email address will not be published. Required fields are marked *"],
            ["No comments:", "Post a Comment"],
            ["Leave a comment"],
            ["Post a Comment"],
            ["Leave a Reply", "Cancel reply"],
            ["Add a comment", "Name", "Email", "Website"],
            ["Comments are welcome, but please be kind. I read every one before it appears."],
        )
    )
    return _end(text, lines), title


def copyright_line(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The publisher's copyright at the foot of the page."""
    site, year = _site(title, rng), rng.randint(2012, 2025)
    line = rng.choice(
        (
            f"© {year} {site[0]}. All rights reserved.",
            f"Copyright {year} {site[0]}. All rights reserved. This material may not be republished without permission.",
            f"© {site[0]} {year}",
            f"Copyright © {year} {site[1]}",
            f"All photographs copyright {_name(rng)}",
        )
    )
    return _end(text, [line]), title


def cookie_prompt(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A cookie banner kept by a careless extractor, at the very top or bottom of the page."""
    site = _site(title, rng)
    lines = rng.choice(
        (
            [
                f"We use cookies to improve your experience on {site[1]}. By continuing to browse, you agree to our use of cookies.",
                "Accept",
            ],
            ["This site uses cookies. Read our privacy policy to learn more.", "OK"],
            ["We value your privacy", "Accept all", "Manage preferences"],
        )
    )
    if rng.random() < 0.5:
        return _start(text, lines), title
    return _end(text, lines), title


def title_suffix_own_site(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """The publisher's own name after the headline in the page title. A page without a title is
    left as it is: there is nothing to suffix."""
    if not title:
        return text, title
    name, domain, _ = _site(title, rng)
    section = rng.choice(_SECTIONS)
    suffix = rng.choice(
        (
            f" - {name}",
            f" | {name}",
            f" – {domain}",
            f" : {name}",
            f" | {section} | {name}",
            f" - {domain}",
            f" — {name}",
        )
    )
    return text, title + suffix


KINDS: dict[str, Kind] = {
    # prepended, from the body outwards
    "dateline": dateline,
    "photo-credit": photo_credit,
    "photo-caption": photo_caption,
    "reading-time": reading_time,
    "updated-stamp": updated_stamp,
    "byline": byline,
    "section-label": section_label,
    # inside the story
    "ad-label": ad_label,
    "read-more": read_more,
    "media-label": media_label,
    "separator": separator,
    # at its foot, in page order
    "reporting-credit": reporting_credit,
    "correction-note": correction_note,
    "editors-note": editors_note,
    "disclosure-note": disclosure_note,
    "source-line": source_line,
    "author-bio": author_bio,
    "follow-us": follow_us,
    "tags-list": tags_list,
    "share-buttons": share_buttons,
    "newsletter-prompt": newsletter_prompt,
    "subscribe-paywall-note": subscribe_paywall_note,
    "app-promo": app_promo,
    "related-links": related_links,
    "excerpt-cut": excerpt_cut,
    "recommended": recommended,
    "more-from-section": more_from_section,
    "trending": trending,
    "comment-count": comment_count,
    "comment-form-honest-blog": comment_form_honest_blog,
    "copyright-line": copyright_line,
    "cookie-prompt": cookie_prompt,
    # the page title
    "title-suffix-own-site": title_suffix_own_site,
}

# How often each kind appears on an honest page, as the model sees it (the article text a page
# extractor keeps, and the page title). Two surveys, written up in corpora/README.md:
#   E: the 181 honest pages in shared/train/clean-pages, extracted with qualcheck.html.extract
#      (trafilatura), counted with regexes and checked by eye;
#   R: 58 honest news and blog articles read in the stored-pages search corpus (opening excerpts,
#      so furniture at the foot of long pages is undercounted there).
# Rate = (E + R) / 239 unless noted. Kinds trafilatura strips everywhere (E = 0) but that stand on
# many pages (V: visible page text of the 181) get a small rate, for extractors less careful.
RATES: dict[str, float] = {
    "dateline": 0.10,  # E 17, R 7
    "photo-credit": 0.05,  # E 4, R 9
    "photo-caption": 0.04,  # E 5, R 5
    "reading-time": 0.02,  # E 2, R 2
    "updated-stamp": 0.11,  # E 9, R 18 (date stamps over blog posts counted)
    "byline": 0.05,  # E 3, R 9 (trafilatura moves most bylines into metadata; V 63)
    "section-label": 0.04,  # E 4, R 6 (kickers, breadcrumbs)
    "ad-label": 0.02,  # E 0, R 0; V 44 of 181
    "read-more": 0.03,  # E 4, R 2
    "media-label": 0.03,  # E 4, R 2 (video titles, podcast links, slideshow notice)
    "separator": 0.03,  # E 7 ("___" before wire end notes), R 0
    "reporting-credit": 0.04,  # E 9, R 1
    "correction-note": 0.01,  # E 0, R 0 (the corpus has its own correction notes); a floor
    "editors-note": 0.05,  # E 10, R 1 (republication, update and opinion notes)
    "disclosure-note": 0.01,  # E 2 (affiliate, sponsored post), R 0
    "source-line": 0.01,  # E 3, R 0
    "author-bio": 0.04,  # E 8 (contact e-mail, tip line, "About ..."), R 1
    "follow-us": 0.06,  # E 13, R 1
    "tags-list": 0.02,  # E 4, R 0
    "share-buttons": 0.02,  # E 1, R 1; V 109 of 181
    "newsletter-prompt": 0.05,  # E 8, R 3
    "subscribe-paywall-note": 0.03,  # E 2, R 4
    "app-promo": 0.02,  # E 5, R 0
    "related-links": 0.04,  # E 10 ("Related:", "You may also like", "More:"), R 0
    "excerpt-cut": 0.03,  # E 4, R 3 (teasers cut mid-word, paywall cuts)
    "recommended": 0.01,  # E 0, R 0; V 19 of 181
    "more-from-section": 0.02,  # E 2, R 0; V 32 of 181
    "trending": 0.02,  # E 3, R 0; V 71 of 181
    "comment-count": 0.05,  # E 5, R 7
    "comment-form-honest-blog": 0.07,  # E 3, R 14 (of the 21 blog posts read, 14 end in a comment form)
    "copyright-line": 0.04,  # E 7, R 2
    "cookie-prompt": 0.01,  # E 0, R 0; V 41 of 181
    "title-suffix-own-site": 0.68,  # E 123 of 181 page titles end in the publisher's name
}


def explainer_subheads(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """Science and health explainers head their sections plainly: `Background`, `About the study`."""
    if "\n" not in text:
        return text, title  # a collapsed text has lost its subheads with its paragraph breaks
    head = rng.choice(("Background", "About the study", "About the research", "Background"))
    return _between(text, [head], rng), title


def paywall_count(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A metering box copied before the page's script filled in the reader's count."""
    var = rng.choice(("article_limit", "free_limit", "meter_count", "remaining"))
    line = rng.choice(
        (
            f"You have read {{{{read_count}}}} of {{{{{var}}}}} free articles this month.",
            f"You have reached your limit of {{{{{var}}}}} free stories. Subscribe for unlimited access.",
            f"{{{{{var}}}}} free articles left. Sign in or subscribe to keep reading.",
        )
    )
    return _top_or_foot(text, line, rng, top=0.3), title


def partner_credit(text: str, title: str, rng: random.Random) -> tuple[str, str]:
    """A licensed aggregator names its partner's site over the story, beside the date."""
    name, domain, _ = rng.choice(_SITES)
    line = rng.choice((f"Source: {domain}", f"{_date(rng)} Source: www.{domain}", f"Source: {name}"))
    return _start(text, [line]), title


# Kinds added after the rates above were fixed. They draw from a generator of their own, so adding
# one leaves every page furnished before it byte-identical.
LATE_KINDS: dict[str, Kind] = {
    "explainer-subheads": explainer_subheads,
    "paywall-count": paywall_count,
    "partner-credit": partner_credit,
}
LATE_RATES: dict[str, float] = {
    "explainer-subheads": 0.01,  # E 0, R 3 of the 129 honest pages of the 2026-12 survey (corpora/README.md)
    "paywall-count": 0.005,  # E 0, R 1 of 129 (an unfilled `{{free_limit}}`)
    "partner-credit": 0.005,  # E 0, R 1 of 129 (a licensed aggregator's header credit)
}
_LATE_SEED = 0x1A7E


def add_furniture(
    text: str,
    title: str,
    *,
    seed: int,
    kinds: Sequence[str] | None = None,
    rate_scale: float = 1.0,
) -> tuple[str, str]:
    """`text` and `title` as an honest page might carry them, with furniture added.

    With `kinds=None` each kind is drawn independently at its rate in `RATES` times `rate_scale`
    (capped at 1), so most pages get a title suffix and one or two other pieces; with `kinds`
    exactly those are added, once each, in the order given. Deterministic in its arguments: the
    kinds share one `random.Random(seed)`.
    """
    rng = random.Random(seed)
    if kinds is None:
        chosen = [k for k in KINDS if rng.random() < min(1.0, RATES[k] * rate_scale)]
    else:
        unknown = sorted(set(kinds) - KINDS.keys() - LATE_KINDS.keys())
        if unknown:
            raise ValueError(f"unknown furniture kinds: {', '.join(unknown)}")
        chosen = list(kinds)
    late = random.Random(seed ^ _LATE_SEED)
    if kinds is None:
        late_chosen = [k for k in LATE_KINDS if late.random() < min(1.0, LATE_RATES[k] * rate_scale)]
    else:
        late_chosen = [k for k in chosen if k in LATE_KINDS]
        chosen = [k for k in chosen if k not in LATE_KINDS]
    for kind in chosen:
        text, title = KINDS[kind](text, title, rng)
    for kind in late_chosen:
        text, title = LATE_KINDS[kind](text, title, late)
    return text, title
