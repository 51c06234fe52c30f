"""Helpers and clean hard cases shared by the detector test modules."""

from __future__ import annotations

from qualcheck.detectors import run_all
from qualcheck.text import Doc


def spans(text: str, code: str) -> list[str]:
    return [text[f.start : f.end] for f in run_all(Doc(text)) if f.code == code]


def family_findings(text: str, family: str) -> list[tuple[str, str]]:
    return [(f.code, text[f.start : f.end]) for f in run_all(Doc(text)) if f.family == family]


# Clean professional text with legitimate oddities: no family may fire on any of it.
HARD_CLEAN = [
    '"We will," Kirby said. "Soon."',
    "The plan was approved, said Mr. Smith.",
    "Troops from the U.S.-led coalition arrived in the city.",
    "Gen. Mark Milley said the troops were ready.",
    "The Islamic State group (ISIS) claimed the attack.",
    "\u201cThe talks will go on,\u201d she said. \u201cWe are not done.\n\n"
    "\u201cWe will be back next week,\u201d she added.",
    '"The talks will go on," she said. "We are not done.\n\n"We will be back next week," she added.',
    "He paused... and then left. She waited\u2026 and then spoke.",
    'She said: "...and then the lights went out."',
    "The novel by J. K. Rowling sold well. The critic Mary T. Lowe praised it.",
    "Growth was 3.5 percent, and the deal was worth $4.2 billion.",
    "The full report is at www.example.org/report and the data at https://example.org/a?b=c.",
    "Questions can be sent to press@example.org before Friday.",
    "Stocks Rise as Fed Holds Rates Steady\n\nThe Federal Reserve held rates steady on Wednesday.",
    "The council has three options: 1) raise taxes, 2) cut spending or 3) borrow.",
    "Voters may a) stay home or b) vote early.",
    '"Why?" he asked.',
    "Acme Inc., the company behind the product, declined to comment.",
    "Thank you all for coming. (laughter) Now, to business.",
    "The vote is at 10:30 a.m. on Tuesday.",
    "The vote ended at 11 a.m. The result was close.",
    "Readers who leave a reply on the forum are often ignored.",
    "The minister resigned on Friday.\n\nShe announced the decision on Twitter.",
    "The company did not respond to questions sent by email.",
]
