"""Run a real Scrapy crawl with the qualcheck pipeline (used by test_scrapy.py in a subprocess,
since Twisted's reactor cannot be restarted inside one test process).

    python crawl_site.py START_URL ACTION ITEMS.jsonl STATS.json [html [page-title]]

`html` scores whole pages; `page-title` then takes the page's <title> rather than the item's
headline (QUALCHECK_TITLE_FIELD names a field the items lack).
"""

from __future__ import annotations

import json
import sys

import scrapy
from scrapy.crawler import CrawlerProcess


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(self, start: str, **kwargs: object) -> None:
        super().__init__(**kwargs)
        self.start_urls = [start]

    def parse(self, response):  # type: ignore[no-untyped-def]
        for href in response.css("a.article::attr(href)").getall():
            yield response.follow(href, self.parse_article)

    def parse_article(self, response):  # type: ignore[no-untyped-def]
        paragraphs = response.css("article p:not(.byline)::text, .entry-content p::text").getall()
        yield {
            "url": response.url,
            "title": response.css("h1::text").get(),
            "text": "\n\n".join(p for p in paragraphs if p != "Source link"),
            "html": response.text,
        }


def main() -> None:
    start, action, items_path, stats_path = sys.argv[1:5]
    use_html = len(sys.argv) > 5 and sys.argv[5] == "html"
    page_title = len(sys.argv) > 6 and sys.argv[6] == "page-title"
    settings = {
        "ITEM_PIPELINES": {"qualcheck.integrations.scrapy.QualcheckPipeline": 300},
        "QUALCHECK_ACTION": action,
        "QUALCHECK_TEXT_FIELD": "body" if use_html else "text",
        "QUALCHECK_HTML_FIELD": "html" if use_html else None,
        "QUALCHECK_TITLE_FIELD": "page_title" if page_title else "title",
        "FEEDS": {items_path: {"format": "jsonlines", "fields": ["url", "title", "qualcheck"]}},
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": False,
        "TELNETCONSOLE_ENABLED": False,
        "CLOSESPIDER_TIMEOUT": 60,
    }
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(NewsSpider)
    process.crawl(crawler, start=start)
    process.start()
    stats = {k: v for k, v in crawler.stats.get_stats().items() if k.startswith(("qualcheck/", "item_"))}
    with open(stats_path, "w", encoding="utf-8") as fh:
        json.dump(stats, fh)


if __name__ == "__main__":
    main()
