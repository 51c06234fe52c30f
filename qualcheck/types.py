"""Findings and reports: plain frozen data, so results can be cached, compared and serialised."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["low", "medium", "high"]
# Scores at or above this are flagged, unless the user sets another threshold.
DEFAULT_THRESHOLD = 0.5
_NEWLINE = re.compile("\n")


@dataclass(frozen=True)
class Rule:
    """A stable finding code and what it means; `qualcheck rules` prints these."""

    code: str
    name: str
    family: str
    severity: Severity
    description: str


@dataclass(frozen=True, order=True)
class Finding:
    """One piece of evidence: `text[start:end]` is exactly what the detector objects to.

    `field` says which text the offsets index: the article body ("text"), its title ("title"),
    the page around the article ("page") or the page's URL ("url").
    """

    start: int
    end: int
    code: str
    name: str
    family: str
    severity: Severity
    message: str
    field: str = "text"


class LineIndex:
    """Maps offsets into one text to 1-based (line, col) in O(log n), for reports with many findings."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def __call__(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    sklearn: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "sklearn": self.sklearn}


@dataclass(frozen=True)
class Report:
    """The verdict on one article with the evidence behind it."""

    id: str | None
    score: float
    threshold: float
    findings: tuple[Finding, ...]
    features: dict[str, float] = field(repr=False)
    model: ModelInfo
    text: str = field(repr=False)
    title: str | None = field(default=None, repr=False)
    page_text: str | None = field(default=None, repr=False)  # an HTML page's visible text
    url: str | None = None  # where the article was published, when known
    # how far each finding code moved the score (calibrated log-odds), when the model can say
    influence: dict[str, float] = field(default_factory=dict, repr=False)

    @property
    def verdict(self) -> str:
        return "content-farm" if self.score >= self.threshold else "clean"

    @property
    def flagged(self) -> bool:
        return self.score >= self.threshold

    def source(self, f: Finding) -> str:
        """The text a finding's offsets index: the article, its title, the whole page or its URL."""
        if f.field == "title":
            return self.title or ""
        if f.field == "url":
            return self.url or ""
        if f.field == "page":
            return self.page_text or ""
        return self.text

    def codes(self) -> list[str]:
        """Distinct finding codes, those that moved the score most first (then the most frequent)."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.code] = counts.get(f.code, 0) + 1
        return sorted(counts, key=lambda c: (-self.influence.get(c, 0.0), -counts[c], c))

    def to_dict(self, *, include_features: bool = False) -> dict[str, Any]:
        indexes: dict[str, LineIndex] = {}
        findings = []
        for f in self.findings:
            source = self.source(f)
            if f.field not in indexes:
                indexes[f.field] = LineIndex(source)
            findings.append(_finding_record(f, source, *indexes[f.field](f.start)))
        out: dict[str, Any] = {
            "id": self.id,
            "url": self.url,
            "score": round(self.score, 4),
            "verdict": self.verdict,
            "threshold": self.threshold,
            "findings": findings,
            "model": self.model.to_dict(),
        }
        if include_features:
            out["features"] = dict(self.features)
        return out


def _finding_record(f: Finding, text: str, line: int, col: int) -> dict[str, Any]:
    return {
        "field": f.field,
        "code": f.code,
        "name": f.name,
        "family": f.family,
        "start": f.start,
        "end": f.end,
        "line": line,
        "col": col,
        "text": text[f.start : f.end],
        "severity": f.severity,
        "message": f.message,
    }
