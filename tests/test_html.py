"""Saved HTML pages: main text and title extracted, the page's own chrome reported as evidence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")

from pages import COPIER, GAZETTE, articles, canonical_page, clean_page, farm_page, write_site

import qualcheck
from qualcheck.cli import main


def test_score_html_extracts_and_reports_page_chrome() -> None:
    a = articles(1)[0]
    clean = qualcheck.score_html(clean_page(a))
    farm = qualcheck.score_html(farm_page(a, seed=3), url="https://farm.example/post")
    assert clean is not None and farm is not None
    assert clean.text.startswith(a.text.split("\n\n")[0][:60])
    assert clean.score < 0.5 <= farm.score
    page = {(f.code, farm.source(f)[f.start : f.end]) for f in farm.findings if f.field == "page"}
    assert ("QC301", "Source link") in page
    assert ("QC302", "Leave a Reply") in page
    assert ("QC302", "Your email address will not be published.") in page
    assert not [f for f in clean.findings if f.field == "page"]
    assert any(f.code == "QC601" and f.field == "title" for f in farm.findings)
    d = farm.to_dict()
    assert any(r["field"] == "page" and r["text"] == "Source link" for r in d["findings"])


def test_theme_placeholder_on_the_page_is_evidence() -> None:
    """A sidebar the theme's owner never filled in (QC309) is found on the page, outside the article."""
    a = articles(1)[0]
    page = clean_page(a).replace(
        "<footer>",
        '<aside class="widget"><h3>About</h3><p>Your Name Here</p><p>Add your content here.</p></aside><footer>',
    )
    report = qualcheck.score_html(page)
    assert report is not None
    found = [(f.code, report.source(f)[f.start : f.end]) for f in report.findings if f.field == "page"]
    assert found == [("QC309", "Your Name Here"), ("QC309", "Add your content here")]


def test_page_without_article_text_gives_none() -> None:
    assert qualcheck.score_html("<html><body><nav>Home</nav></body></html>") is None


def test_cli_scores_a_folder_of_mixed_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kinds = write_site(tmp_path / "site", n=3)
    (tmp_path / "site" / "note.txt").write_text("The council met on Monday to discuss the budget.", encoding="utf-8")
    (tmp_path / "site" / "broken.html").write_text("<html><body></body></html>", encoding="utf-8")
    code = main(["score", str(tmp_path / "site"), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 2 and "broken.html: no article text found in the page" in err
    records = {Path(r["id"]).name: r for r in map(json.loads, out.splitlines())}
    assert "note.txt" in records and "index.html" in records
    for name, farm in kinds.items():
        rec = records[name]
        assert (rec["score"] >= 0.5) == farm, (name, rec["score"])
        page_codes = {f["code"] for f in rec["findings"] if f["field"] == "page"}
        assert page_codes == ({"QC301", "QC302"} if farm else set())


def test_plain_install_imports_neither_scrapy_nor_trafilatura() -> None:
    code = (
        "import sys, qualcheck; r = qualcheck.score('The council met on Monday.');"
        "print(sorted(m for m in ('scrapy', 'trafilatura') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize("fetched_from", [None, "http://127.0.0.1:8000/mirror/story.html"])
def test_canonical_url_decides_whose_name_the_title_may_carry(fetched_from: str | None) -> None:
    a = articles(1)[0]
    copied = qualcheck.score_html(canonical_page(a, COPIER), url=fetched_from)
    own = qualcheck.score_html(canonical_page(a, GAZETTE), url=fetched_from)
    assert copied is not None and own is not None
    assert copied.url == COPIER and own.url == GAZETTE  # the page's own URL wins over where it was fetched
    assert [(f.field, copied.source(f)[f.start : f.end]) for f in copied.findings if f.code == "QC604"] == [
        ("title", "The Riverton Gazette")
    ]
    assert not [f for f in own.findings if f.code in ("QC601", "QC604", "QC605")]
    assert copied.to_dict()["url"] == COPIER


def test_page_without_canonical_url_uses_the_url_given() -> None:
    a = articles(1)[0]
    page = canonical_page(a, COPIER).replace(f'<link rel="canonical" href="{COPIER}">', "")
    page = page.replace(f'<meta property="og:url" content="{COPIER}">', "")
    given = qualcheck.score_html(page, url="https://riverton-gazette.com/story")
    elsewhere = qualcheck.score_html(page, url="https://www.copycat-news.net/story")
    none = qualcheck.score_html(page)
    assert given is not None and elsewhere is not None and none is not None
    assert given.url == "https://riverton-gazette.com/story" and none.url is None
    assert "QC604" not in given.codes() and "QC604" in elsewhere.codes() and "QC604" not in none.codes()


def test_undeclared_utf8_page_is_not_read_as_latin1() -> None:
    """A page saved as UTF-8 bytes without a charset declaration: the page text, title and the
    article are decoded alike, so curly quotes are not mojibake (QC306/QC307) on an honest page."""
    from qualcheck.html import extract

    body = "".join(
        f"<p>The mayor’s office said on {day} that the “new” budget would pass, and residents agreed.</p>"
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday")
    )
    html = f"<html><head><title>Budget vote – Riverton</title></head><body><article>{body}</article></body></html>"
    page = extract(html.encode("utf-8"))
    assert page is not None
    assert page.title == "Budget vote – Riverton"
    assert "mayor’s" in page.page_text and "â€" not in page.page_text
    report = qualcheck.score_html(html.encode("utf-8"))
    assert report is not None and not {"QC306", "QC307"} & set(report.codes())
