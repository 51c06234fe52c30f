"""The Scrapy item pipeline, in a real crawl against a local HTTP server and on every item type."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

scrapy = pytest.importorskip("scrapy")
pytest.importorskip("trafilatura")

from pages import COPIER, articles, write_site, write_url_site  # noqa: E402
from scrapy.exceptions import DropItem, NotConfigured  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from qualcheck.integrations.scrapy import QualcheckPipeline  # noqa: E402

HERE = Path(__file__).parent
DAMAGED = (
    "The Pentagon said declared it acted. , including a soldier.\n\n"
    "\u201cThe strikes were authorized,\u201d spokesman John said. Kirby in a statement.\n\nSource link"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


def _served(root: Path, kinds: dict[str, bool]) -> Iterator[tuple[str, dict[str, bool]]]:
    """The folder on a local HTTP server for the fixture's lifetime: its index URL and page kinds."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/index.html", kinds
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, bool]]]:
    root = tmp_path_factory.mktemp("site")
    kinds = write_site(root, n=4)
    yield from _served(root, kinds)


@pytest.fixture(scope="module")
def url_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, bool]]]:
    root = tmp_path_factory.mktemp("url-site")
    kinds = write_url_site(root)
    yield from _served(root, kinds)


def crawl(start: str, action: str, tmp: Path, *extra: str) -> tuple[list[dict[str, Any]], dict[str, int]]:
    items, stats = tmp / f"{action}.jsonl", tmp / f"{action}-stats.json"
    # the crawl runs this checkout's qualcheck, not whichever one is installed
    path = os.pathsep.join(p for p in (str(HERE.parents[1]), os.environ.get("PYTHONPATH")) if p)
    proc = subprocess.run(
        [sys.executable, str(HERE / "crawl_site.py"), start, action, str(items), str(stats), *extra],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": path},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    records = [json.loads(line) for line in items.read_text(encoding="utf-8").splitlines()] if items.exists() else []
    return records, json.loads(stats.read_text(encoding="utf-8"))


def test_real_crawl_drop_mode(site: tuple[str, dict[str, bool]], tmp_path: Path) -> None:
    start, kinds = site
    records, stats = crawl(start, "drop", tmp_path)
    kept = sorted(Path(r["url"]).name for r in records)
    assert kept == sorted(name for name, farm in kinds.items() if not farm)
    assert stats["qualcheck/scored"] == len(kinds)
    assert stats["qualcheck/dropped"] == stats["qualcheck/flagged"] == sum(kinds.values())
    assert stats["item_dropped_count"] == sum(kinds.values())
    assert any(k.startswith("qualcheck/code/QC") for k in stats)


def test_real_crawl_annotate_mode_on_whole_pages(site: tuple[str, dict[str, bool]], tmp_path: Path) -> None:
    start, kinds = site
    records, stats = crawl(start, "annotate", tmp_path, "html")
    assert sorted(Path(r["url"]).name for r in records) == sorted(kinds)
    for r in records:
        farm = kinds[Path(r["url"]).name]
        q = r["qualcheck"]
        assert q["verdict"] == ("content-farm" if farm else "clean"), (r["url"], q["score"])
        page_codes = {f["code"] for f in q["findings"] if f["field"] == "page"}
        assert page_codes == ({"QC301", "QC302"} if farm else set())
    assert stats["qualcheck/scored"] == len(kinds)
    assert stats["qualcheck/flagged"] == sum(kinds.values())
    assert "qualcheck/dropped" not in stats
    assert stats["qualcheck/code/QC302"] == sum(kinds.values())


def _pipeline(**settings: Any) -> QualcheckPipeline:
    crawler = get_crawler(settings_dict=settings)
    pipeline = QualcheckPipeline.from_crawler(crawler)
    pipeline.open_spider()
    return pipeline


def test_disabled_pipeline_is_not_configured() -> None:
    with pytest.raises(NotConfigured):
        QualcheckPipeline.from_crawler(get_crawler(settings_dict={"QUALCHECK_ENABLED": False}))
    with pytest.raises(NotConfigured):
        QualcheckPipeline.from_crawler(get_crawler(settings_dict={"QUALCHECK_ACTION": "delete"}))


def test_drop_item_names_score_and_codes_old_and_new_signatures() -> None:
    pipeline = _pipeline()
    with pytest.raises(DropItem, match=r"content-farm score [01]\.\d\d >= 0\.5 \(QC\d{3}") as dropped:
        pipeline.process_item({"text": DAMAGED}, scrapy.Spider(name="old"))  # older Scrapy passes the spider
    assert {"QC101", "QC103"} <= set(str(dropped.value).split("(")[1].rstrip(")").split(", "))
    clean = {"text": articles(1)[0].text}
    assert pipeline.process_item(clean) is clean  # newer Scrapy may not


def test_annotates_scrapy_items_and_dataclasses() -> None:
    class NewsItem(scrapy.Item):
        text = scrapy.Field()
        qualcheck = scrapy.Field()

    @dataclasses.dataclass
    class Story:
        text: str
        qualcheck: dict[str, Any] | None = None

    pipeline = _pipeline(QUALCHECK_ACTION="annotate", QUALCHECK_THRESHOLD=0.3)
    item = pipeline.process_item(NewsItem(text=DAMAGED))
    assert item["qualcheck"]["verdict"] == "content-farm"
    assert {"QC101", "QC103"} <= set(item["qualcheck"]["codes"])
    story = pipeline.process_item(Story(text=articles(1)[0].text))
    assert story.qualcheck is not None and story.qualcheck["verdict"] == "clean"


def test_item_without_text_passes_and_is_counted() -> None:
    pipeline = _pipeline()
    item = {"url": "https://example.org"}
    assert pipeline.process_item(item) is item
    assert pipeline.stats.get_value("qualcheck/skipped") == 1


def test_model_loaded_once_per_crawler() -> None:
    pipeline = _pipeline(QUALCHECK_ACTION="annotate")
    model = pipeline.checker.model
    for _ in range(3):
        pipeline.process_item({"text": DAMAGED})
    assert pipeline.checker.model is model


def test_real_crawl_checks_titles_against_the_pages_own_url(
    url_site: tuple[str, dict[str, bool]], tmp_path: Path
) -> None:
    """Whole pages: each names its canonical URL, which stands for the site (the crawl fetched
    them all from 127.0.0.1); the copy wearing another outlet's name gets QC604, the original not."""
    start, kinds = url_site
    records, stats = crawl(start, "annotate", tmp_path, "html", "page-title")
    assert sorted(Path(r["url"]).name for r in records) == sorted(kinds)
    for r in records:
        foreign = [(f["field"], f["text"]) for f in r["qualcheck"]["findings"] if f["code"] == "QC604"]
        assert foreign == ([("title", "The Riverton Gazette")] if kinds[Path(r["url"]).name] else []), r["url"]
    assert stats["qualcheck/code/QC604"] == sum(kinds.values())


def test_pipeline_reads_the_url_field_it_is_told() -> None:
    text = articles(1)[0].text
    item = {"text": text, "title": "Council approves budget - The Riverton Gazette", "link": COPIER}
    pipeline = _pipeline(QUALCHECK_ACTION="annotate", QUALCHECK_URL_FIELD="link")
    assert "QC604" in pipeline.process_item(dict(item))["qualcheck"]["codes"]
    default = _pipeline(QUALCHECK_ACTION="annotate")
    assert "QC604" not in default.process_item(dict(item))["qualcheck"]["codes"]
    assert "QC604" in default.process_item({**item, "url": COPIER})["qualcheck"]["codes"]
