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


@pytest.mark.parametrize("title", [None, ""], ids=["no-title", "empty-title"])
@pytest.mark.parametrize("text", [SYRIA, "Syria news, Syria attack, Syria latest, Syria today | news from syria"])
def test_no_page_findings_without_a_title(text: str, title: str | None) -> None:
    assert page_findings(text, title) == []


@pytest.mark.parametrize("text", HARD_CLEAN)
def test_clean_prose_has_no_page_findings(text: str) -> None:
    assert page_findings(text, None) == []
