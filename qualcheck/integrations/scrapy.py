"""A Scrapy item pipeline that drops or tags content-farm articles as they are crawled.

    ITEM_PIPELINES = {"qualcheck.integrations.scrapy.QualcheckPipeline": 300}
    QUALCHECK_TEXT_FIELD = "text"          # or QUALCHECK_HTML_FIELD = "html" for whole pages
    QUALCHECK_ACTION = "drop"              # or "annotate"

A pipeline sees items, not responses, so spiders should put `response.url` in the item's URL field
(`"url": response.url`): a title or credit line naming another outlet than that site is evidence.
For whole pages the page's own canonical URL, when it gives one, stands for the site instead.

Settings (all optional): QUALCHECK_ENABLED (default True), QUALCHECK_TEXT_FIELD ("text"),
QUALCHECK_TITLE_FIELD ("title"), QUALCHECK_URL_FIELD ("url"), QUALCHECK_HTML_FIELD (None),
QUALCHECK_THRESHOLD (`qualcheck.types.DEFAULT_THRESHOLD`, 0.5),
QUALCHECK_ACTION ("drop" or "annotate"), QUALCHECK_RESULT_FIELD ("qualcheck", where `annotate`
writes score, verdict, codes and findings; a `scrapy.Item` must declare it), QUALCHECK_MODEL
("default" or the path of a model file you trust). The model is loaded once per crawler, when the
spider opens. Counts go to the crawler's stats: `qualcheck/scored`, `qualcheck/flagged`,
`qualcheck/dropped`, `qualcheck/skipped` (no text), `qualcheck/code/<CODE>`.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem, NotConfigured

from ..checker import Checker, annotation
from ..types import DEFAULT_THRESHOLD

ACTIONS = ("drop", "annotate")


class QualcheckPipeline:
    def __init__(
        self,
        checker: Checker,
        *,
        action: str = "drop",
        result_field: str = "qualcheck",
        html_field: str | None = None,
        stats: Any = None,
    ) -> None:
        if action not in ACTIONS:
            raise NotConfigured(f"QUALCHECK_ACTION must be one of {ACTIONS}, not {action!r}")
        self.checker = checker
        self.action = action
        self.result_field = result_field
        self.html_field = html_field
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> QualcheckPipeline:
        s = crawler.settings
        if not s.getbool("QUALCHECK_ENABLED", True):
            raise NotConfigured("QUALCHECK_ENABLED is off")
        html_field = s.get("QUALCHECK_HTML_FIELD")
        checker = Checker(
            s.get("QUALCHECK_MODEL", "default"),
            s.getfloat("QUALCHECK_THRESHOLD", DEFAULT_THRESHOLD),
            text_field=s.get("QUALCHECK_TEXT_FIELD", "text"),
            title_field=s.get("QUALCHECK_TITLE_FIELD", "title"),
            html_field=html_field,
            url_field=s.get("QUALCHECK_URL_FIELD", "url"),
        )
        return cls(
            checker,
            action=s.get("QUALCHECK_ACTION", "drop"),
            result_field=s.get("QUALCHECK_RESULT_FIELD", "qualcheck"),
            html_field=html_field,
            stats=crawler.stats,
        )

    def open_spider(self, spider: Any = None) -> None:
        _ = self.checker.model  # load once, before the first item, so a bad model fails fast

    def _inc(self, key: str) -> None:
        if self.stats is not None:
            self.stats.inc_value(key)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        adapter = ItemAdapter(item)
        c = self.checker
        fields = {k: adapter.get(k) for k in (c.text_field, c.title_field, c.url_field) if k in adapter}
        if self.html_field and self.html_field in adapter:
            fields[self.html_field] = adapter.get(self.html_field)
        try:
            report = self.checker(fields)
        except ValueError:
            self._inc("qualcheck/skipped")  # no text to score: pass the item on untouched
            return item
        self._inc("qualcheck/scored")
        for code in report.codes():
            self._inc(f"qualcheck/code/{code}")
        if report.flagged:
            self._inc("qualcheck/flagged")
            if self.action == "drop":
                self._inc("qualcheck/dropped")
                top = ", ".join(report.codes()[:5]) or "no single finding"
                raise DropItem(f"qualcheck: content-farm score {report.score:.2f} >= {report.threshold} ({top})")
        if self.action == "annotate":
            adapter[self.result_field] = annotation(report)
        return item
