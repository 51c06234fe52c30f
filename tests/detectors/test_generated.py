"""Machine-written text (QC501-QC509): each code fires on an assistant's output published as news,
with the exact span, and the family stays silent on clean professional prose."""

from __future__ import annotations

import re

import pytest
from detector_cases import HARD_CLEAN, family_findings, spans

FAMILY = "generated"


# --- damaged copy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("QC501", "As an AI language model, I have no opinion on the strike.", ["As an AI language model"]),
        (
            "QC501",
            "Certainly! Here is a news article about the strike.\n\nThe strike began on Monday.",
            ["Certainly! Here is a"],
        ),
        ("QC501", "The strike began on Monday.\n\nI hope this helps!", ["I hope this helps"]),
        (
            "QC501",
            "The figures are correct as of my last knowledge update in 2023.",
            ["as of my last knowledge update"],
        ),
        (
            "QC501",
            "The strike began on Monday. Let me know if you would like a shorter version.",
            ["Let me know if you would like"],
        ),
        ("QC502", "The minister said [Insert quote from official].", ["[Insert quote from official]"]),
        ("QC502", "The mayor of [City Name] said the plan was final.", ["[City Name]"]),
        ("QC502", "Police arrested [Suspect's Name] on Monday.", ["[Suspect's Name]"]),
        ("QC502", "Police arrested [Suspect\u2019s Name] on Monday.", ["[Suspect\u2019s Name]"]),
        ("QC503", "## Heading\n\nThe strike began on Monday.", ["## Heading"]),
        ("QC503", "The strike was **bold**, officials said.", ["**bold**"]),
        (
            "QC503",
            "Read the [link](https://example.org) for the full report.",
            ["[link](https://example.org)"],
        ),
        ("QC504", "The {quick|fast|rapid} response saved lives.", ["{quick|fast|rapid}"]),
        ("QC504", "{Officials|Authorities} said the road was closed.", ["{Officials|Authorities}"]),
        ("QC504", "Police said {it's|it is} unclear.", ["{it's|it is}"]),
        (
            "QC504",
            "A {new|fresh} plan and a {quick|rapid|swift|fast} vote.",
            ["{new|fresh}", "{quick|rapid|swift|fast}"],
        ),
        ("QC505", "Whether the ceasefire holds, it remains to be seen.", ["it remains to be seen"]),
        ("QC505", "Whether the ceasefire holds, only time will tell.", ["only time will tell"]),
        (
            "QC505",
            "The floods destroyed 300 homes, underscoring the need for better defences.",
            ["underscoring the need"],
        ),
        (
            "QC505",
            "The report highlights the need for reform, highlighting the importance of training.",
            ["highlights the need for", "highlighting the importance of"],
        ),
        ("QC505", "The vote marks a significant milestone for the party.", ["marks a significant milestone"]),
        ("QC505", "The deal passed, marking a significant shift in policy.", ["marking a significant"]),
        ("QC505", "The summit comes at a pivotal moment for the region.", ["pivotal moment"]),
        ("QC505", "The fire serves as a stark reminder of the risks.", ["serves as a stark reminder"]),
        ("QC505", "Investors will be watching closely for any signal.", ["will be watching closely"]),
        (
            "QC505",
            "The coming months will be crucial, and talks will be critical in determining the outcome.",
            ["The coming months will be crucial", "will be critical in determining"],
        ),
        (
            "QC505",
            "The plan aims to build a more sustainable future in the fast-evolving energy sector.",
            ["a more sustainable future", "fast-evolving"],
        ),
        (
            "QC505",
            "The mayor expressed her gratitude to volunteers. Additionally, the road will reopen.",
            ["expressed her gratitude", "Additionally,"],
        ),
        (
            "QC505",
            "The club's unwavering support is undeniable, he said. Notably, the fans stayed.",
            ["unwavering", "is undeniable", "Notably,"],
        ),
        (
            "QC505",
            "Amidst the rubble, the town became a beacon of hope, emphasizing the importance of unity.",
            ["Amidst", "beacon of hope", "emphasizing the importance of"],
        ),
        (
            "QC505",
            "The verdict sent shockwaves through the sport and reignited the debate over doping.",
            ["sent shockwaves", "reignited the debate"],
        ),
        ("QC505", "The report underscores the urgent need for housing.", ["underscores the urgent need"]),
        (
            "QC505",
            "The mill closed in May, highlighting the challenges facing the town.",
            ["highlighting the"],
        ),
        (
            "QC505",
            "Turnout fell to 31%, further underscoring how little the race mattered to voters.",
            ["further underscoring how"],
        ),
        (
            "QC505",
            "The club won its third title, solidifying its place among the league's best.",
            ["solidifying its"],
        ),
        (
            "QC506",
            "Council approves budget\n\nThe council approved the budget.\n\nKey Takeaways\n\nTaxes rise 2%.",
            ["Key Takeaways"],
        ),
        ("QC506", "The council approved the budget.\n\n## Looking Ahead\n\nTaxes rise.", ["## Looking Ahead"]),
        ("QC506", "The council approved the budget.\n**Background:**\nTaxes rose last year.", ["**Background:**"]),
        (
            "QC506",
            "The council approved the budget.\n\n**What This Means for Residents:** bills rise.",
            ["**What This Means for Residents:**"],
        ),
        ("QC506", "The council approved the budget.\n\nConclusion\n\nTaxes rise.", ["Conclusion"]),
        (
            "QC507",
            "The council approved the budget. In conclusion, taxes will rise.",
            ["In conclusion,"],
        ),
        (
            "QC507",
            "The council approved the budget.\n\nOverall, the plan is a step in the right direction.",
            ["Overall,"],
        ),
        (
            "QC507",
            '"It is done," she said. All in all, the vote went smoothly.',
            ["All in all,"],
        ),
        ("QC508", "Buckle up, fans: Let's dive into the season's biggest transfers.", ["Buckle up", "Let's dive"]),
        ("QC508", "The final is on Sunday. Get ready for a thriller!", ["Get ready for"]),
        (
            "QC508",
            "Fast forward to today, and the club is top. But that's not all.",
            ["Fast forward to", "But that's not all"],
        ),
        ("QC508", "Stay tuned for more updates on this story.", ["Stay tuned for more"]),
    ],
)
def test_fires_on_damage(code: str, text: str, expected: list[str]) -> None:
    assert spans(text, code) == expected


# --- clean copy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text",
    [
        ("QC502", "MAYOR: We will fund it. [inaudible] The budget is set.\n\nREPORTER: When? [crosstalk]"),
        ("QC502", "SMITH: The budget [inaudible] next year.\n\nJONES: [crosstalk] No, this year."),
        ("QC502", '"[The minister] was wrong," she said.'),
        ("QC502", '"They [the police] came at night," she said.'),
        ("QC502", '"He said it was finsihed [sic]," the memo read.'),
        pytest.param(
            "QC502",
            '"We have written to [your] ministry many times," she told the minister.',
            id="QC502-editorial-your",
        ),
        ("QC503", "The plan has three parts:\n\n- raise taxes\n- cut spending\n- borrow"),
        ("QC503", "The plan has three parts:\n\n\u2022 raise taxes\n\u2022 cut spending\n\u2022 borrow"),
        ("QC503", "#MeToo began in 2017 and spread quickly."),
        ("QC503", "The powers are set out in section 3[1](b) of the act."),
        ("QC504", "The set {1, 2, 3} has three elements."),
        pytest.param(
            "QC504",
            "The set {x | x > 0} contains every positive number.",
            id="QC504-set-builder-notation",
        ),
        ("QC501", "The AI model was trained on news articles, the company said."),
        ("QC501", "The company said its AI assistant would launch in March."),
        pytest.param(
            "QC501",
            "As an AI researcher, Smith was sceptical of the claims.",
            id="QC501-as-an-ai-researcher",
        ),
        ("QC501", "I asked the mayor whether the plan would work. She said it would."),
        ("QC501", "Here is the full text of the statement."),
        pytest.param(
            "QC501",
            "I cannot verify his account, but three neighbours told me the same story.",
            id="QC501-first-person-cannot-verify",
        ),
        ("QC505", "It remains unclear whether the ceasefire will hold."),
        ("QC505", "Time will tell whether the ceasefire holds, he said."),
        pytest.param(
            "QC505",
            "The authors said the findings underscored the importance of cutting methane.",
            id="QC505-attributed-past-tense",
        ),
        ("QC505", "The vote, closely watched by investors, will be held on Monday."),
        ("QC505", "The fund holds a significant share of the market and a significant stake in Acme."),
        ("QC505", "The minister said the next few months would be difficult."),
        ("QC505", "Police will be watching the border crossings closely."),
        pytest.param(
            "QC505",
            "Sales rose 4% overall, and the firm additionally bought a rival. It was notably quiet.",
            id="QC505-connectives-mid-sentence",
        ),
        ("QC505", "Officers expressed concern about the crowd, she said."),
        pytest.param(
            "QC505",
            "The figures, he said, highlighted the challenges facing the town. Shares rose, reflecting the results.",
            id="QC505-tail-attributed-or-not-after-a-comma",
        ),
        ("QC505", "The team spent May showcasing the new car, and June demonstrating it to buyers."),
        pytest.param(
            "QC507",
            "Sales rose 4% in December.\n\nOverall, the retailer sold 12m items, up from 10m.\n\n"
            "Its shares fell 2% on Friday.",
            id="QC507-overall-mid-story",
        ),
        pytest.param(
            "QC507",
            "Overall, the bank said mortgage lending rose by 4bn in January.",
            id="QC507-overall-without-paragraphs",
        ),
        ("QC507", "The inquiry reached its conclusion in May, and the summary runs to 40 pages."),
        pytest.param(
            "QC506",
            "Looking Ahead\n\nThe town's planners are drawing up a map of the next fifty years.",
            id="QC506-title-line",
        ),
        pytest.param(
            "QC506",
            "The mill closed in 1981.\n\nA town divided\n\nNeighbours still argue about who was to blame.",
            id="QC506-honest-feature-heading",
        ),
        ("QC506", "For the firm, the bottom line is profit.\nBackground checks were carried out."),
        ("QC508", "The singer told fans to get ready for a long tour. Stay tuned, she said."),
        ("QC508", "Let's get started, the coach told his players."),
        pytest.param(
            "QC508",
            'The derby is on Friday. "Get ready to roar," the club posted.',
            id="QC508-quoted-imperative",
        ),
    ],
)
def test_clean_near_misses(code: str, text: str) -> None:
    assert spans(text, code) == []
    assert family_findings(text, FAMILY) == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_generated_findings(text: str) -> None:
    assert family_findings(text, FAMILY) == []


def _expansions(pattern: str) -> list[str]:
    """Every string matched by a regex made of literals, `(?:a|b)` groups, `[xy]` classes and `?`
    (the subset the stock-phrase pattern is written in)."""

    def alternatives(i: int) -> tuple[list[str], int]:
        options, current = [], [""]
        while i < len(pattern) and pattern[i] != ")":
            if pattern[i] == "|":
                options += current
                current, i = [""], i + 1
                continue
            if pattern.startswith("(?:", i):
                unit, i = alternatives(i + 3)
                i += 1  # the closing parenthesis
            elif pattern[i] == "[":
                end = pattern.index("]", i)
                unit, i = list(pattern[i + 1 : end]), end + 1
            elif pattern[i] == "\\":
                unit, i = [pattern[i + 1]], i + 2
            else:
                unit, i = [pattern[i]], i + 1
            if i < len(pattern) and pattern[i] == "?":
                unit, i = [*unit, ""], i + 1
            current = [c + u for c in current for u in unit]
        return options + current, i

    return alternatives(0)[0]


def test_every_stock_phrase_contains_an_anchor() -> None:
    """The stock pattern runs only when the text holds an anchor: every phrase it can match must."""
    from qualcheck.detectors.generated import _STOCK, _STOCK_ANCHORS

    body = _STOCK.removeprefix(r"\b(?:").removesuffix(")")
    phrases = _expansions(body)
    assert len(phrases) > 100 and "it remains to be seen" in phrases and "delved into" in phrases
    missing = [p for p in phrases if not any(a in p for a in _STOCK_ANCHORS)]
    assert missing == []


def test_stock_phrases_found_near_anchors_are_those_of_a_whole_scan() -> None:
    """_stock_spans runs the pattern only within _STOCK_WIDTH of each anchor: no phrase is longer,
    and random mixes of phrases, anchors and words give what a scan of the whole text gives."""
    import random

    from qualcheck.detectors.generated import _STOCK, _STOCK_RE, _STOCK_WIDTH, _stock_spans
    from qualcheck.text import Doc

    phrases = _expansions(_STOCK.removeprefix(r"\b(?:").removesuffix(")"))
    assert max(map(len, phrases)) <= _STOCK_WIDTH
    rng = random.Random(11)
    pieces = [*rng.sample(phrases, 40), "amidst", "a testament", "to unfold", "x", "The", " ", " ", ". ", "\n", "-"]
    hits = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for t in (text, text.upper(), text + "İ"):  # upper: the same in lower case; İ: no lower-cased text
            want = [m.span() for m in _STOCK_RE.finditer(Doc(t))]
            assert _stock_spans(Doc(t)) == want, t
            hits += bool(want)
    assert hits > 1000


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A reader wrote: “Loved it.”\n– Ni** My**\n“Great cast.”\n– Jo** Al****", []),  # masked names
        ("The fund grew 5**2 times, a typo for 5^2.", []),
        ("The vote was close.\n\n* * *\n\nIn other news, the bridge reopened.", []),  # a section break
        ("Key points:\n* The vote was close.\n* Turnout was low.", []),  # plain-text bullets
        ("This is **very important** news for savers.", ["**very important**"]),
        ("**Key points**\n\nThe council met.", ["**Key points**"]),
    ],
)
def test_bold_opens_before_a_word_and_closes_after_one(text: str, expected: list[str]) -> None:
    assert spans(text, "QC503") == expected


# --- every alternative of the scaffolding patterns matches ---------------------------------------

_SCAFFOLD = "The council approved the budget.\n\n"
ALTERNATIVE_EXAMPLES = [
    # QC506: a heading line in the body, each alternative once
    ("QC506", _SCAFFOLD + "In Conclusion\n\nTaxes rise.", "In Conclusion"),
    ("QC506", _SCAFFOLD + "Final Thoughts:\n\nTaxes rise.", "Final Thoughts:"),
    ("QC506", _SCAFFOLD + "### Key Takeaways\n\nTaxes rise.", "### Key Takeaways"),
    ("QC506", _SCAFFOLD + "The Bottom Line\n\nTaxes rise.", "The Bottom Line"),
    ("QC506", _SCAFFOLD + "**Looking Ahead**\n\nTaxes rise.", "**Looking Ahead**"),
    ("QC506", _SCAFFOLD + "The Road Ahead\n\nTaxes rise.", "The Road Ahead"),
    ("QC506", _SCAFFOLD + "What's Next?\n\nTaxes rise.", "What's Next?"),
    ("QC506", _SCAFFOLD + "Why It Matters\n\nTaxes rise.", "Why It Matters"),
    ("QC506", _SCAFFOLD + "Key Highlights:\n\nTaxes rise.", "Key Highlights:"),
    ("QC506", _SCAFFOLD + "Background\n\nTaxes rose.", "Background"),
    ("QC506", _SCAFFOLD + "What It Means for Renters\n\nRents rise.", "What It Means for Renters"),
    ("QC506", _SCAFFOLD + "**Impact on Local Businesses:** trade falls.", "**Impact on Local Businesses:**"),
    ("QC506", _SCAFFOLD + "Community Reaction\n\nResidents were angry.", "Community Reaction"),
    # QC507: frames at a sentence start, the explainer's promise, "Overall," opening the close
    ("QC507", "Taxes rise. In summary, the budget is tight.", "In summary,"),
    ("QC507", "Taxes rise. To sum up, the budget is tight.", "To sum up,"),
    ("QC507", "Taxes rise. All in all, the budget is tight.", "All in all,"),
    ("QC507", "Taxes rise. In a nutshell, the budget is tight.", "In a nutshell,"),
    ("QC507", "Taxes rise. All things considered, the budget is tight.", "All things considered,"),
    ("QC507", _SCAFFOLD + "Overall, the budget is tight.", "Overall,"),
    # QC508
    ("QC508", "Let\u2019s break it down.", "Let\u2019s break it down"),
    ("QC508", "The squad is named. Buckle up!", "Buckle up"),
    ("QC508", "So, without further ado, here is the team.", "without further ado"),
    ("QC508", "Stay tuned for updates.", "Stay tuned for updates"),
    ("QC508", "The match is on Friday.\n\nGet ready to roar as the derby returns.", "Get ready to"),
    ("QC508", "Fast-forward to 2024, and the club is top.", "Fast-forward to"),
    ("QC508", "Grab your popcorn: the derby is on.", "Grab your popcorn"),
    ("QC508", "Mark your calendars for 3 May.", "Mark your calendars"),
    ("QC508", "It is a final you won't want to miss.", "you won't want to miss"),
    ("QC508", "The stadium is sold out. But wait, there's more.", "But wait, there's more"),
    ("QC508", "The best part? Tickets are free.", "The best part?"),
    ("QC508", "Want a bargain? Look no further than the market.", "Look no further"),
    ("QC508", "Keep your eyes peeled for the meteors.", "Keep your eyes peeled"),
    ("QC508", "Need a guide to the vote? We've got you covered.", "We've got you covered"),
]


@pytest.mark.parametrize("code, text, expected", ALTERNATIVE_EXAMPLES)
def test_scaffolding_example_fires(code: str, text: str, expected: str) -> None:
    assert spans(text, code) == [expected]


def _alternatives() -> list[tuple[str, str]]:
    from qualcheck.detectors import generated as g

    heading = [("QC506", rf"(?:#{{1,6}} )?(?:\*\*)?(?:{a}):?(?:\*\*)?:?") for a in g._HEADINGS]
    summary = [("QC507", a) for a in (*g._SUMMARY_FRAMES, *g._CLOSING_FRAMES)]
    blog = [("QC508", a.removeprefix(g._SENTENCE_START)) for a in g._BLOG_VOICE]
    return heading + summary + blog


@pytest.mark.parametrize("code, alternative", _alternatives())
def test_every_scaffolding_alternative_has_a_firing_example(code: str, alternative: str) -> None:
    """Each alternative of the QC506-QC508 patterns selects the expected span of some example."""
    pattern = re.compile(alternative, re.IGNORECASE)
    assert any(c == code and pattern.fullmatch(expected) for c, _, expected in ALTERNATIVE_EXAMPLES)


def _stock_alternatives() -> list[str]:
    from qualcheck.detectors.generated import _STOCK

    body, depth, current, out = _STOCK.removeprefix(r"\b(?:").removesuffix(")"), 0, "", []
    for ch in body:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    return [*out, current]


@pytest.mark.parametrize("alternative", _stock_alternatives())
def test_every_stock_alternative_fires_in_a_sentence(alternative: str) -> None:
    """The first phrase each alternative of the stock pattern spells out is found, exactly, in prose."""
    phrase = _expansions(alternative)[0]
    text = f"The report, published on Monday, said {phrase} today."
    assert phrase in spans(text, "QC505")


# Every alternative of the assistant pattern, as an assistant writes it.
ASSISTANT_LEFTOVERS = [
    ("As an AI language model, I cannot say.", "As an AI language model"),
    ("As an AI assistant I have no view.", "As an AI assistant"),
    ("As an AI, I cannot verify this.", "As an AI,"),
    ("As a language model I cannot say.", "As a language model"),
    ("As a large language model I cannot say.", "As a large language model"),
    ("I cannot fulfill this request.", "I cannot fulfill"),
    ("I can't fulfil that.", "I can't fulfil"),
    ("I can\u2019t browse the web.", "I can\u2019t browse"),
    ("I am unable to access real-time news.", "I am unable to access real-time"),
    ("I'm unable to browse the internet.", "I'm unable to browse"),
    ("I\u2019m unable to fulfill it.", "I\u2019m unable to fulfill"),
    ("Certainly! Here is a summary.", "Certainly! Here is a"),
    ("Sure, here's the story.", "Sure, here's the"),
    ("Absolutely. Here\u2019s your update.", "Absolutely. Here\u2019s your"),
    ("Of course! Here is an overview.", "Of course! Here is an"),
    ("Here is a rewritten version of the article:", "Here is a rewritten version"),
    ("Here's the news story you asked for.", "Here's the news story"),
    ("Here is your report.", "Here is your report"),
    ("Here\u2019s an article about the vote.", "Here\u2019s an article"),
    ("Here is the rewrite.", "Here is the rewrite"),
    ("The vote passed. I hope this helps!", "I hope this helps"),
    ("The vote passed. Let me know if you'd like more.", "Let me know if you'd like"),
    ("The vote passed. Let me know if you\u2019d like more.", "Let me know if you\u2019d like"),
    ("The vote passed. Let me know if you would like more.", "Let me know if you would like"),
    ("This is correct as of my last update.", "as of my last update"),
    ("This is correct since my latest training.", "since my latest training"),
    ("This is correct as of my last knowledge update.", "as of my last knowledge update"),
    ("My knowledge cutoff is 2021.", "knowledge cutoff"),
    ("My knowledge cut-off is 2021.", "knowledge cut-off"),
    ("I don't have access to real-time data.", "I don't have access to real-time"),
    ("I don\u2019t have real-time data.", "I don\u2019t have real-time"),
    ("I do not have access to real-time data.", "I do not have access to real-time"),
    ("The vote passed.\n\nRegenerate response", "Regenerate response"),
]


@pytest.mark.parametrize("text, expected", ASSISTANT_LEFTOVERS, ids=[e for _, e in ASSISTANT_LEFTOVERS])
def test_every_assistant_alternative_fires(text: str, expected: str) -> None:
    lead = "The council approved the budget on Monday.\n\n"
    assert spans(lead + text, "QC501") == [expected]


# --- QC509: the frames of an assistant's explainer --------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ever wondered why ferry fares keep rising? The operator blames fuel.",
            ["Ever wondered"],
        ),
        (
            "The list is long.\n\nHave you ever wondered, as many commuters do, who sets the timetable?",
            ["Have you ever wondered"],
        ),
        (
            "Ever found yourself staring at a parking fine and thinking, \u201cIs this even legal?\u201d",
            ["Ever found yourself"],
        ),
        (
            "Storms are getting stronger. In this article, we will delve into what the forecasters say.",
            ["In this article, we will delve"],
        ),
        (
            "In this post, I\u2019ll break down the three new rules for landlords.",
            ["In this post, I\u2019ll break down"],
        ),
        ("In this guide we take a closer look at the bridge tolls.", ["In this guide we take a closer look"]),
        ("Join us as we unpack the season\u2019s oddest transfers.", ["Join us as we unpack"]),
        ("Let's pull back the curtain on the town's budget.", ["Let's pull back the curtain"]),
        ("Get ready to pull back the curtain on the club's finances.", ["Get ready to pull back the curtain"]),
    ],
)
def test_reader_frames_fire(text: str, expected: list[str]) -> None:
    assert spans(text, "QC509") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a reporter quoting a hook, and a hook that is no question
        "\u201cHave you ever wondered who pays for this?\u201d the councillor asked the meeting.",
        '"Ever wondered why?" read the banner above the stall.',
        "Ever since the mill closed, the town has shrunk.",
        "He had never wondered about it. Ever wondered, she said, is the wrong word.",
        # an event notice, a correction line and a reporter's own idiom
        "Join us as we celebrate fifty years of the lifeboat station on Saturday.",
        "The figures in this article were corrected on Tuesday.",
        "In this piece, published in 2019, the author argued for a new tax.",
        "The leaked files pull back the curtain on how the deal was struck.",
        "We will pull back from the talks, the union said.",
    ],
)
def test_reader_frames_stay_silent_on_honest_prose(text: str) -> None:
    assert spans(text, "QC509") == []
