"""Machine-written leftovers (QC501-QC505): each code fires on an assistant's output published as
news, with the exact span, and the family stays silent on clean professional prose."""

from __future__ import annotations

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
