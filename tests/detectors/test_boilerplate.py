"""Scraper and autoblog leftovers (QC301-QC308): each code fires on damaged copy, with the exact
span, and stays silent on clean professional prose."""

from __future__ import annotations

import pytest
from detector_cases import HARD_CLEAN, family_findings, spans

FAMILY = "boilerplate"


COLLAPSED_TAIL = (
    "The strikes were proportionate. Source link Leave a Reply Your email address will not be "
    "published. Required fields are marked *"
)


# --- damaged copy -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, expected",
    [
        ("QC301", "The strikes were proportionate.\n\nSource link", ["Source link"]),
        ("QC301", "The strikes were proportionate. Source link", ["Source link"]),
        ("QC301", "The strikes were proportionate.\n\nRead the full article\n\n", ["Read the full article"]),
        pytest.param(
            "QC301",
            COLLAPSED_TAIL,
            ["Source link"],
            id="QC301-collapsed-chrome-chain",
        ),
        ("QC302", "The strikes were proportionate.\n\nLeave a Reply", ["Leave a Reply"]),
        (
            "QC302",
            "The strikes were proportionate.\n\nYour email address will not be published.",
            ["Your email address will not be published."],
        ),
        (
            "QC302",
            "The strikes were proportionate.\n\nRequired fields are marked *",
            ["Required fields are marked *"],
        ),
        (
            "QC302",
            "The strikes were proportionate.\n\nLeave a Reply\n\n"
            "Your email address will not be published. Required fields are marked *",
            ["Leave a Reply", "Your email address will not be published.", "Required fields are marked *"],
        ),
        pytest.param(
            "QC302",
            COLLAPSED_TAIL,
            ["Leave a Reply", "Your email address will not be published.", "Required fields are marked *"],
            id="QC302-collapsed-chrome-chain",
        ),
        (
            "QC303",
            "Rates held steady.\n\nThe post Fed holds rates steady appeared first on Daily Finance Wire.",
            ["The post Fed holds rates steady appeared first on Daily Finance Wire."],
        ),
        ("QC304", "Rates held steady.\n\nShare this:", ["Share this:"]),
        ("QC304", "Rates held steady.\n\nShare this:\n\nTwitter\n\nFacebook", ["Share this:", "Twitter", "Facebook"]),
        ("QC304", "Rates held steady. Share this:", ["Share this:"]),
        ("QC308", "Tom &amp; Jerry returned.", ["&amp;"]),
        ("QC308", "It&#8217;s back.", ["&#8217;"]),
        ("QC305", "<p>Rates held steady.", ["<p>"]),
        ("QC305", "Rates held steady.</div>", ["</div>"]),
        ("QC305", 'Rates held steady.&nbsp;[caption id="1"]', ['[caption id="1"]']),
        ("QC308", 'Rates held steady.&nbsp;[caption id="1"]', ["&nbsp;"]),
        # one copy of the text kept its curly apostrophes, the other was escaped or mis-decoded
        ("QC307", "It’s late.\n\nThe mayor&#8217;s office agreed.", ["&#8217;"]),
        ("QC307", "Don&#039;t wait, he said. It's late.", ["&#039;"]),
        ("QC307", "It’s over, she said. The clubâ€™s fans left.", ["â€™"]),
        ("QC307", "Tickets cost £5, or Â£9 at the door.", ["Â£"]),
        ("QC307", "A café and a cafÃ© and a caf&#233;.", ["Ã©", "&#233;"]),
        ("QC306", "It\u00e2\u20ac\u2122s over.", ["\u00e2\u20ac\u2122"]),
        ("QC306", "A caf\u00c3\u00a9 opened.", ["\u00c3\u00a9"]),
    ],
)
def test_fires_on_damage(code: str, text: str, expected: list[str]) -> None:
    assert spans(text, code) == expected


# --- clean copy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text",
    [
        ("QC301", "The report said the source of the leak is unknown.\n\nOriginal reporting by staff."),
        ("QC301", "She gave reporters the source link to the data set, officials said."),
        ("QC301", "Continue reading the report, he urged lawmakers."),
        ("QC302", "Readers who leave a reply on the forum are often ignored."),
        ("QC302", "Leave a reply, the sign said, and someone will call back."),
        ("QC302", "In the comments section, readers argued about the vote."),
        ("QC302", "The company did not respond to a request for comment."),
        ("QC303", "The story was first reported by the Post. It appeared first on page one."),
        ("QC304", "He shared this: a photo of the crowd."),
        ("QC304", "Print editions fell 10 percent. Email newsletters grew."),
        ("QC304", "The minister resigned on Friday.\n\nShe announced the decision on Twitter."),
        ("QC304", "The company did not respond to questions sent by email."),
        ("QC304", "The newspaper said the story would be updated.\n\nRelated coverage is on page 4."),
        pytest.param(
            "QC304",
            "Asked how fans should reach him, he had a one-word answer: Twitter.",
            id="QC304-article-ends-colon-twitter",
        ),
        ("QC305", "AT&T and Johnson & Johnson raised R&D spending; Q&A sessions followed."),
        ("QC305", "If x < 3 and y > 2, the test fails."),
        ("QC305", "Notes are kept in [brackets] and the video is online."),
        ("QC308", "AT&T and Johnson & Johnson raised R&D spending; Q&A sessions followed."),
        ("QC306", "The fee is \u20ac5 in S\u00e3o Paulo, Z\u00fcrich and Besan\u00e7on."),
        ("QC306", "The word A\u00c7\u00c3O is Portuguese; \u00c2ge is French."),
    ],
)
def test_clean_near_misses(code: str, text: str) -> None:
    assert spans(text, code) == []
    assert family_findings(text, FAMILY) == []


@pytest.mark.parametrize(
    "text",
    [
        # an encoding error applied throughout is one feed's habit, not stitching
        "The caf&#233; reopened. Its owner, Ren&#233;e, said the caf&#233; had lost money.",
        "Tickets cost Â£5, or Â£9 at the door.",
        "Itâ€™s over, and the clubâ€™s fans left â€” for now.",
        # characters escaped on purpose sit beside their plain forms
        "Tom &amp; Jerry, AT&T and R&D.",
        "If x &lt; 3 and y < 2, the test fails.&nbsp;Then\u00a0stop.",
        # the plain character is looked for outside the encoded forms: the dash holds a plain quote
        "The vote â€” a close one â€” passed. â€œYesâ€\x9d, he said.",
    ],
)
def test_consistent_encoding_is_not_mixed(text: str) -> None:
    """These texts carry entities or mojibake (other codes report them), but each character is
    encoded the same way everywhere."""
    assert spans(text, "QC307") == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_boilerplate_findings(text: str) -> None:
    assert family_findings(text, FAMILY) == []
