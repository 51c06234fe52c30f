"""Page-title damage (QC601-QC603): each code fires on a farmed title, with the exact span of the
title (field "title"), and the family stays silent on clean titles and on articles without one."""

from __future__ import annotations

import pytest
from detector_cases import HARD_CLEAN

from qualcheck.detectors import run_all
from qualcheck.text import Doc

FAMILY = "page"

SYRIA = (
    "US forces struck military infrastructure in Syria used by Iran-backed groups on Sunday, the "
    "Pentagon said. The attacks hit weapons depots near the Iraqi border after drone strikes on US troops."
)
RATES = (
    "The central bank held interest rates at 5.25 per cent on Thursday, citing sticky inflation. "
    "Rates hold steady for a fifth meeting, and economists expect a cut in the spring."
)
WEATHER = (
    "Forecasters expect rain, wind, snow and ice across the north this weekend, with travel "
    "disruption likely on Saturday."
)


def title_spans(text: str, title: str, code: str) -> list[str]:
    found = [f for f in run_all(Doc(text, title)) if f.code == code]
    assert all(f.field == "title" for f in found)
    return [title[f.start : f.end] for f in found]


def page_findings(text: str, title: str | None) -> list[tuple[str, str, str]]:
    """Every page finding as (code, field, the characters it selects in the text it indexes)."""
    out = []
    for f in run_all(Doc(text, title)):
        if f.family == FAMILY:
            source = title if f.field == "title" and title is not None else text
            out.append((f.code, f.field, source[f.start : f.end]))
    return out


# --- damaged titles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, title, expected",
    [
        (
            "QC601",
            SYRIA,
            "US attacks \u201cIran-backed military infrastructure\u201d in Syria | news from syria",
            ["| news from syria"],
        ),
        ("QC601", RATES, "Central bank holds rates - latest business news", ["- latest business news"]),
        ("QC602", SYRIA, "Syria news, Syria attack, Syria latest, Syria today", None),
        (
            "QC602",
            SYRIA,
            "US strikes in Syria, syria news, syria attack, syria latest",
            [", syria news, syria attack, syria latest"],
        ),
        (
            "QC603",
            SYRIA,
            "Best cheap holiday deals for families in Spain this summer",
            None,
        ),
        ("QC603", SYRIA, "Ten simple recipes for a quick weeknight dinner", None),
        ("QC603", RATES, "Local team wins championship after overtime thriller", None),
        ("QC603", WEATHER, "Celebrity couple announce engagement on social media", None),
    ],
)
def test_fires_on_damage(code: str, text: str, title: str, expected: list[str] | None) -> None:
    # None: the finding covers the whole title
    assert title_spans(text, title, code) == (expected if expected is not None else [title])


def test_site_suffix_finding_indexes_the_title() -> None:
    title = "US attacks \u201cIran-backed military infrastructure\u201d in Syria | news from syria"
    assert page_findings(SYRIA, title) == [("QC601", "title", "| news from syria")]


# --- clean titles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, text, title",
    [
        ("QC601", RATES, "Central bank holds rates | Reuters"),
        ("QC601", RATES, "Rates hold - Analysis"),
        ("QC601", RATES, "Rate-setters hold interest rates steady"),
        ("QC601", SYRIA, "US attacks Iran-backed military infrastructure in Syria"),
        pytest.param(
            "QC601",
            RATES,
            "Bank holds rates \u2013 but a cut is coming in the spring",
            id="QC601-dash-clause",
        ),
        pytest.param(
            "QC601",
            RATES,
            "Central bank holds interest rates steady \u2013 as it happened",
            id="QC601-live-blog-as-it-happened",
        ),
        ("QC602", WEATHER, "Rain, wind and snow expected this weekend"),
        ("QC602", WEATHER, "Rain, wind, snow and ice expected this weekend"),
        pytest.param(
            "QC602",
            WEATHER,
            "Rain, wind, snow, and ice expected this weekend",
            id="QC602-serial-comma-list",
        ),
        ("QC603", SYRIA, "US attacks Iran-backed military infrastructure in Syria"),
        ("QC603", SYRIA, "US strikes Iran-backed sites in Syria after drone attacks"),
        ("QC603", RATES, "Central bank holds rates as inflation stays sticky"),
        ("QC603", WEATHER, "Rates hold - Analysis"),
    ],
)
def test_clean_near_misses(code: str, text: str, title: str) -> None:
    assert title_spans(text, title, code) == []
    assert page_findings(text, title) == []


STUFFED = "Syria news, Syria attack, Syria latest, Syria today | news from syria"


@pytest.mark.parametrize("title", [None, ""], ids=["no-title", "empty-title"])
def test_title_codes_read_the_title_only(title: str | None) -> None:
    """A line that fires as a title (the control) is not read as one from the body."""
    assert {code for code, field, _ in page_findings(SYRIA, STUFFED) if field == "title"} >= {"QC601", "QC602"}
    assert page_findings(STUFFED + "\n\n" + SYRIA, title) == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_page_findings(text: str) -> None:
    """With its own opening words as its title and a URL of its own site, every page detector
    runs (none returns early) and none fires."""
    title = " ".join(text.split()[:8])
    assert [f for f in run_all(Doc(text, title, OWN_NEWS)) if f.family == FAMILY] == []


# --- the site's own name: QC601 against QC604, and credit lines (QC604, QC605) ----------------

FARM = "https://dailynewsblog24.com/2019/11/rates-story"
OWN_NEWS = "https://www.riverton-gazette.com/business/2019/11/rates.html"


def url_findings(text: str, title: str | None, url: str | None) -> list[tuple[str, str, str]]:
    """The suffix and outlet findings (QC601, QC604, QC605) with a URL, as (code, field, the
    characters selected in the field indexed); QC602 and QC603 judge the title's words instead."""
    out = []
    for f in run_all(Doc(text, title, url)):
        if f.code in ("QC601", "QC604", "QC605"):
            source = {"title": title or "", "url": url or ""}.get(f.field, text)
            out.append((f.code, f.field, source[f.start : f.end]))
    return out


@pytest.mark.parametrize(
    "title, url, expected",
    [
        ("Central bank holds rates - The Guardian", FARM, "The Guardian"),
        ("Central bank holds rates | BBC News", "http://www.trend-feed.net/?p=123", "BBC News"),
        ("Central bank holds rates \u2014 The New York Times", "https://buzzdaily.info/rates/", "The New York Times"),
        ("Central bank holds rates - nj.com", FARM, "nj.com"),
        (
            "Central bank holds rates | Business | Riverton Gazette",
            "https://latest-headlines.co.uk/a",
            "Riverton Gazette",
        ),
        ("Central bank holds rates \u2013 Reuters.com", "https://m.viralnewsnow.org/x", "Reuters.com"),
    ],
    ids=["dash-the-name", "pipe-two-words", "em-dash-four-words", "domain", "after-a-section", "en-dash-domain"],
)
def test_foreign_outlet_in_title(title: str, url: str, expected: str) -> None:
    assert url_findings(RATES, title, url) == [("QC604", "title", expected)]


@pytest.mark.parametrize(
    "title, url",
    [
        ("Central bank holds rates - Riverton Gazette", OWN_NEWS),
        ("Central bank holds rates | The Riverton Gazette", OWN_NEWS),
        ("Central bank holds rates - riverton-gazette.com", OWN_NEWS),
        ("Central bank holds rates - The New York Times", "https://www.nytimes.com/2019/11/19/business/rates.html"),
        ("Central bank holds rates - Connecticut Post", "https://www.ctpost.com/business/article/rates.php"),
        ("Central bank holds rates | UK News | Sky News", "https://news.sky.com/story/rates-123"),
        ("Central bank holds rates - Sportsnet.ca", "https://www.sportsnet.ca/rates/"),
        ("Central bank holds rates | Bizwire Daily", "https://bizwire.example.co.uk/rates"),
        ("Central bank holds rates - NBC 5 Dallas-Fort Worth", "https://www.nbcdfw.com/news/rates/"),
        ("Riverton Gazette | Central bank holds rates on Thursday", OWN_NEWS),
        ("Central bank holds rates | Opinion", FARM),
        ("Central bank holds rates - Analysis", FARM),
        ("Central bank holds rates | World | News", FARM),
        ("Bank holds rates \u2013 but a cut is coming in the spring", FARM),
        ("Central bank holds rates | \u30ea\u30d0\u30fc\u30c8\u30f3\u65b0\u805e", FARM),
        ("Central bank holds rates - The Guardian", "http://127.0.0.1:8000/rates.html"),
        ("Central bank holds rates - The Guardian", None),
    ],
    ids=[
        "own-name",
        "own-name-with-the",
        "own-address",
        "initials-and-word",
        "contracted-word",
        "subdomain-and-section",
        "own-address-other-tld",
        "second-level-country-domain",
        "initials-and-number",
        "own-name-first",
        "section",
        "section-dash",
        "sections-only",
        "headline-clause",
        "other-script",
        "ip-address",
        "no-url",
    ],
)
def test_own_site_sections_and_no_url_are_not_foreign(title: str, url: str | None) -> None:
    assert url_findings(RATES, title, url) == []


@pytest.mark.parametrize(
    "title, url, expected",
    [
        ("US attacks in Syria | news from syria", FARM, ["| news from syria"]),
        ("Central bank holds rates - latest business news", OWN_NEWS, ["- latest business news"]),
        ("Native ad platform names a strategist | my6sense", None, ["| my6sense"]),
    ],
    ids=["keyword-suffix", "keyword-suffix-on-a-news-site", "unknown-site-without-url"],
)
def test_site_suffix_fires_on_keyword_suffixes(title: str, url: str | None, expected: list[str]) -> None:
    assert [s for c, f, s in url_findings(SYRIA, title, url) if c == "QC601"] == expected


@pytest.mark.parametrize(
    "title, url",
    [
        ("Rock band to reunite for a lakeside show - cleveland.com", None),
        ("Rock band to reunite for a lakeside show - cleveland.com", "https://www.cleveland.com/music/2019/11/a.html"),
        ("State doubles down on its campaign - nj.com", "https://www.nj.com/news/2019/11/b.html"),
        ("Native ad platform names a strategist | my6sense", "https://my6sense.com/2018/07/02/strategist/"),
        ("US attacks in Syria | news from syria", "https://newsfromsyria.org/us-attacks"),
    ],
    ids=["domain-without-url", "own-domain", "own-short-domain", "own-lower-case-name", "own-keyword-name"],
)
def test_site_suffix_is_silent_on_a_site_own_name(title: str, url: str | None) -> None:
    assert url_findings(SYRIA, title, url) == []


def test_a_foreign_domain_suffix_is_qc604_not_qc601() -> None:
    title = "State doubles down on its campaign - nj.com"
    assert url_findings(SYRIA, title, FARM) == [("QC604", "title", "nj.com")]


@pytest.mark.parametrize(
    "text, code, expected",
    [
        (
            RATES + "\n\nThe post Central bank holds rates appeared first on The Daily Planet.",
            "QC604",
            "The Daily Planet",
        ),
        ("By Jane Marlow for The Evening Courier\n\n" + RATES, "QC604", "The Evening Courier"),
        (RATES + "\n\nSource: The Northern Gazette", "QC604", "The Northern Gazette"),
        (RATES + "\n\nCredit: Harbour City Times", "QC604", "Harbour City Times"),
        (RATES + "\n\nSource: www.othersite.com", "QC605", "www.othersite.com"),
        (RATES + "\n\n(via example-news.org)", "QC605", "example-news.org"),
        (RATES + "\n\nThis story originally appeared on townwire.net.", "QC605", "townwire.net"),
        (RATES + " The post Rates hold appeared first on otherblog.com.", "QC605", "otherblog.com"),
        (
            RATES + "\n\nRead the original article at https://metro-herald.example.com/rates",
            "QC605",
            "https://metro-herald.example.com/rates",
        ),
    ],
    ids=[
        "appeared-first-on",
        "byline-for",
        "source-outlet",
        "credit-outlet",
        "source-address",
        "via-address",
        "originally-appeared-on-address",
        "appeared-first-at-paragraph-end",
        "read-the-original-at-url",
    ],
)
def test_credit_lines_naming_another_site(text: str, code: str, expected: str) -> None:
    assert url_findings(text, None, FARM) == [(code, "text", expected)]


@pytest.mark.parametrize(
    "text, url",
    [
        (RATES + "\n\nThe post Central bank holds rates appeared first on Riverton Gazette.", OWN_NEWS),
        ("By Jane Marlow for the Riverton Gazette\n\n" + RATES, OWN_NEWS),
        (RATES + "\n\nSource: www.riverton-gazette.com", OWN_NEWS),
        (RATES + "\n\nSource: Bureau of Labor Statistics", FARM),
        (RATES + "\n\nSource: Reuters", FARM),
        (RATES + "\n\nCredit: Getty Images", FARM),
        (RATES + "\n\n(via Twitter)", FARM),
        (RATES + " Forms are available via www.gov.uk and at post offices.", FARM),
        (RATES + "\n\nThe post Central bank holds rates appeared first on The Daily Planet.", None),
        (RATES + "\n\nSource: www.othersite.com", None),
        (RATES + "\n\nThis article was originally published on The Conversation.", FARM),
        (RATES + "\n\nOriginally published by Metro Herald.", FARM),
    ],
    ids=[
        "own-name",
        "own-name-byline",
        "own-address",
        "data-source",
        "wire-agency",
        "picture-agency",
        "via-a-platform",
        "address-in-prose",
        "no-url-name",
        "no-url-address",
        "republished-from-a-partner",
        "republished-by-name",
    ],
)
def test_credit_lines_silent_on_own_site_data_wires_and_no_url(text: str, url: str | None) -> None:
    assert url_findings(text, None, url) == []


def test_a_quotation_in_the_title_does_not_make_a_repeated_keyword() -> None:
    body = "Health officials confirmed a third case of plague in the province on Tuesday."
    quoted = "Bubonic plague: third case of plague confirmed – ‘The plague is back’"
    assert [c for c, _, _ in page_findings(body, quoted) if c == "QC602"] == []
    stuffed = "Plague news: plague cases, plague map and plague symptoms"
    assert ("QC602", "title", stuffed) in page_findings(body, stuffed)
