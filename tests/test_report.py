"""`qualcheck report`: the marks, the aggregates, the escaping, and the page in a real browser."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from shared_data import SHARED, require

import qualcheck
from qualcheck.cli import main
from qualcheck.report import Aggregate, Node, build_context, mark_tree, render, safe_href, site_of, write_report
from qualcheck.types import Finding, ModelInfo, Report

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = Path(__file__).parent / "artifacts"
SEED = SHARED / "seed" / "content-farm-example.txt"
MODEL = ModelInfo("test", "0", "0")

# Articles written for these tests: one with the damage a spinner leaves, one honest.
FARM = (
    "The county council voted on Tuesday to close the bus depot on Mill Road, spokesman Anna said. Marsh "
    "in a statement.\n\nResidents had asked for a delay . , but the vote went ahead, the council said "
    "declared on Wednesday.\n\nThe depot will shut in March.\n\nSource link\n\nLeave a Reply"
)
HONEST = (
    "The county council voted on Tuesday to close the bus depot on Mill Road, after a consultation that "
    'drew more than 400 replies.\n\n"We listened, and we will keep the routes running," said Anna Marsh, '
    "who chairs the transport committee. The depot will shut in March."
)
PAYLOADS = (
    "<script>window.__pwned=1</script>",
    '<img src=x onerror="window.__pwned=1">',
    '<svg onload="window.__pwned=1"></svg>',
)


def finding(start: int, end: int, code: str = "QC201", family: str = "punctuation", field: str = "text") -> Finding:
    return Finding(start, end, code, f"rule-{code}", family, "high", f"what {code} objects to", field)


def span(text: str, part: str, code: str = "QC201", family: str = "punctuation") -> Finding:
    at = text.index(part)
    return finding(at, at + len(part), code, family)


def make_report(text: str, findings: list[Finding], score: float = 0.9, **kw: Any) -> Report:
    return Report(kw.pop("id", "doc"), score, 0.5, tuple(findings), {}, MODEL, text, **kw)


# -- the marks, without a browser -------------------------------------------------------------


def pieces(nodes: list[Node | str]) -> tuple[str, dict[str, str], dict[str, int]]:
    """The plain text of a tree, the text under each finding's key, and its count of `first` nodes."""
    texts: dict[str, str] = {}
    firsts: dict[str, int] = {}

    def walk(ns: list[Node | str], keys: tuple[str, ...]) -> str:
        out = []
        for n in ns:
            if isinstance(n, str):
                for k in keys:
                    texts[k] = texts.get(k, "") + n
                out.append(n)
            else:
                firsts[n.key] = firsts.get(n.key, 0) + n.first
                texts.setdefault(n.key, "")
                out.append(walk(n.children, (*keys, n.key)))
        return "".join(out)

    return walk(nodes, ()), texts, firsts


@pytest.mark.parametrize(
    "spans",
    [
        [(4, 9)],
        [(0, 20), (5, 10)],  # nested
        [(5, 10), (5, 10)],  # identical
        [(0, 10), (5, 15)],  # crossing: the later one is cut
        [(0, 10), (5, 15), (8, 20), (2, 3)],
        [(3, 3), (0, 6)],  # empty
        [(10, 25), (0, 30)],
        [(0, 26)],
    ],
)
def test_mark_tree_gives_every_finding_one_mark_and_its_exact_span(spans: list[tuple[int, int]]) -> None:
    text = "abcdefghijklmnopqrstuvwxyz"
    findings = [finding(s, e) for s, e in spans]
    plain, texts, firsts = pieces(mark_tree(text, findings))
    assert plain == text
    for i, (s, e) in enumerate(spans):
        assert firsts[f"f{i}"] == 1
        assert texts[f"f{i}"] == text[s:e]


def test_mark_tree_random_overlaps() -> None:
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab .\n") for _ in range(rng.randint(0, 40)))
        spans = []
        for _ in range(rng.randint(0, 8)):
            s = rng.randint(0, len(text))
            spans.append((s, rng.randint(s, len(text))))
        plain, texts, firsts = pieces(mark_tree(text, [finding(s, e) for s, e in spans]))
        assert plain == text
        for i, (s, e) in enumerate(spans):
            assert (firsts[f"f{i}"], texts[f"f{i}"]) == (1, text[s:e])


def test_mark_tree_cuts_the_later_of_two_crossing_spans() -> None:
    nodes = mark_tree("0123456789", [finding(0, 6), finding(3, 9)])
    assert [type(n).__name__ for n in nodes] == ["Node", "Node", "str"]
    first, rest = nodes[0], nodes[1]
    assert isinstance(first, Node) and isinstance(rest, Node)
    assert first.key == "f0" and first.children[0] == "012"
    inner = first.children[1]
    assert isinstance(inner, Node) and inner.key == "f1" and inner.first and inner.children == ["345"]
    assert rest.key == "f1" and not rest.first and rest.children == ["678"]


def test_aggregate_keeps_only_the_top_n() -> None:
    agg = Aggregate(top=3)
    scores = [0.1, 0.95, 0.5, 0.7, 0.95, 0.2, 0.99]
    for i, s in enumerate(scores):
        agg.add(make_report(f"text {i}", [], s, id=str(i), url=f"https://www.site{i % 2}.example/a/{i}"))
    assert agg.n == 7 and agg.flagged == 5
    assert [r.id for r in agg.top_reports()] == ["6", "1", "4"]
    assert len(agg._heap) == 3
    assert sum(c + f for c, f in agg.bins) == 7
    assert {s: v.n for s, v in agg.sites.items()} == {"site0.example": 4, "site1.example": 3}
    assert Aggregate(top=0).top_reports() == []


def test_aggregate_counts_codes_among_flagged_and_clean() -> None:
    agg = Aggregate(top=5)
    agg.add(make_report("x" * 20, [finding(0, 1), finding(2, 3), finding(4, 5, "QC301", "boilerplate")], 0.9))
    agg.add(make_report("x" * 20, [finding(0, 1)], 0.1))
    ctx = build_context(agg)
    rows = {r["code"]: r for r in ctx["code_rows"]}
    assert (rows["QC201"]["flagged"], rows["QC201"]["clean"], rows["QC201"]["findings"]) == (1, 1, 3)
    assert (rows["QC301"]["flagged"], rows["QC301"]["clean"]) == (1, 0)
    fams = {r["family"]: (r["flagged"], r["clean"]) for r in ctx["family_rows"]}
    assert fams == {"punctuation": (1, 1), "boilerplate": (1, 0)}


def test_histogram_bars_count_every_score_and_stay_visible() -> None:
    agg = Aggregate(top=1)
    for i in range(1000):
        agg.add(make_report("x", [], (i % 40) / 100))
    agg.add(make_report("x", [], 0.97))
    agg.add(make_report("x", [], 1.0))
    bars = build_context(agg)["hist"]["bars"]
    assert sum(int(b["label"].split(": ")[1].split()[0]) for b in bars) == 1002
    flagged = [b for b in bars if b["kind"] == "flagged"]
    assert len(flagged) == 1 and flagged[0]["h"] >= 2 and flagged[0]["label"].startswith("0.95–1.00: 2 ")


def test_empty_report_renders() -> None:
    html = render(build_context(Aggregate()))
    assert "No articles." in html and 'id="n-scored">0<' in html


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://news.example/a?b=1&c=2", "https://news.example/a?b=1&c=2"),
        ("http://news.example/", "http://news.example/"),
        ("javascript:window.__pwned=1", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("//news.example/a", None),
        ("https://", None),
        (None, None),
    ],
)
def test_only_http_urls_become_links(url: str | None, href: str | None) -> None:
    assert safe_href(url) == href


def test_site_of() -> None:
    assert site_of("https://www.BBC.co.uk/news/1") == "bbc.co.uk"
    assert site_of("javascript:alert(1)") is None
    assert site_of("http://[bad") is None
    assert site_of(None) is None


def hostile_reports() -> list[Report]:
    out = []
    for i, p in enumerate(PAYLOADS):
        text = f"Residents said {p} and left . , quickly."
        at = text.index(". ,")
        out.append(
            make_report(
                text,
                [finding(at, at + 3), finding(0, len(p), "QC601", "page", "title")],
                0.9 - i / 10,
                id=f"id-{p}",
                title=f"{p} title",
                url="javascript:window.__pwned=1" if i == 0 else f"https://evil.example/{p}",
            )
        )
    return out


def test_hostile_input_is_escaped_in_the_html(tmp_path: Path) -> None:
    path = tmp_path / "r.html"
    write_report(hostile_reports(), path)
    html = path.read_text(encoding="utf-8")
    assert html.count("<script") == 1  # ours
    assert "<img" not in html and "<svg onload" not in html
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert 'href="javascript:' not in html.lower()
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert found
    csp = unescape(found.group(1))
    assert "default-src 'none'" in csp and "script-src 'sha256-" in csp and "unsafe-inline" not in csp


def test_cli_report_writes_one_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": "farm", "text": FARM, "url": "https://farm.example/x"}, {"id": "honest", "text": HONEST}]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(src), "-o", str(out), "--top", "1", "--threshold", "0.4"]) == 0
    html = out.read_text(encoding="utf-8")
    assert 'id="n-scored">2<' in html and 'id="threshold">0.4<' in html
    assert html.count("<article ") == 1 and "farm.example" in html
    assert "wrote" in capsys.readouterr().err
    assert "clean-pages" in html  # the shipped model's training sources
    assert main(["report", str(src), "-o", str(out), "--top", "-1"]) == 2
    assert main(["report", str(tmp_path / "missing.txt"), "-o", str(out)]) == 2


def test_report_takes_the_options_of_score() -> None:
    from qualcheck.cli import _parser

    sub = next(a for a in _parser()._actions if a.dest == "command").choices  # type: ignore[attr-defined]

    def options(name: str) -> set[str]:
        return {o for a in sub[name]._actions for o in a.option_strings}

    output_only = {"--format", "-f", "--explain", "--check"}
    assert options("score") - output_only <= options("report")
    assert {"-o", "--output", "--top"} <= options("report")


def test_report_with_jobs_matches_one_process(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": str(i), "text": FARM if i % 3 else HONEST, "url": f"https://s{i % 4}.example/{i}"} for i in range(12)
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    one, two = tmp_path / "one.html", tmp_path / "two.html"
    assert main(["report", str(src), "-o", str(one), "--top", "4"]) == 0
    assert main(["report", str(src), "-o", str(two), "--top", "4", "--jobs", "2"]) == 0
    assert one.read_text(encoding="utf-8") == two.read_text(encoding="utf-8")


# -- in a real browser ------------------------------------------------------------------------


def _chromium() -> tuple[str, str] | None:
    binary = next(
        (b for b in ("/usr/lib/chromium/chromium", shutil.which("chromium")) if b and os.path.exists(b)), None
    )
    driver = shutil.which("chromedriver")
    return (binary, driver) if binary and driver else None


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Headless Debian Chromium driven by selenium; skipped without one, except under CI."""

    def unavailable(reason: str) -> None:
        if os.environ.get("CI"):
            pytest.fail(f"{reason}, but CI is set: the browser tests must run (see .ci/run)")
        pytest.skip(reason)

    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        unavailable("selenium is not installed (pip install -e '.[dev]')")
    found = _chromium()
    if found is None:
        unavailable("no chromium and chromedriver (apt-get install chromium chromium-driver)")
        return
    opts = webdriver.ChromeOptions()
    opts.binary_location = found[0]
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1200,2000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(options=opts, service=Service(found[1]))
    except Exception as exc:  # a broken install: say why
        unavailable(f"chromium would not start: {str(exc).splitlines()[0]}")
        return
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


MARKS_JS = """
return Array.from(document.querySelectorAll('mark')).map(function (m) {
  var text = m.textContent;
  document.querySelectorAll('[data-of="' + m.id + '"]').forEach(function (c) { text += c.textContent; });
  var doc = m.closest('article');
  return {doc: doc ? doc.id : null, field: m.dataset.field, code: m.dataset.code,
          start: +m.dataset.start, end: +m.dataset.end, text: text};
});
"""


def check_marks(driver: Any, reports: list[Report]) -> int:
    """Every mark's text is its finding's span, and every finding shown has exactly one mark."""
    marks = driver.execute_script(MARKS_JS)
    expected = sorted(
        (f"article-{rank}", f.field, f.code, f.start, f.end, r.source(f)[f.start : f.end])
        for rank, r in enumerate(reports, 1)
        for f in r.findings
    )
    got = sorted((m["doc"], m["field"], m["code"], m["start"], m["end"], m["text"]) for m in marks)
    assert got == expected
    shown = sum(driver.execute_script("return +arguments[0].dataset.findings", a) for a in articles(driver))
    assert len(marks) == shown
    return len(marks)


def check_page_allowed(driver: Any) -> None:
    """The page's own style and script ran under its Content-Security-Policy, and nothing was blocked."""
    assert driver.execute_script("return getComputedStyle(document.body).maxWidth") == "1100px"
    assert driver.find_element("id", "filter-count").text.endswith(" shown")  # written by the script
    blocked = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"]]
    assert blocked == []


def articles(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, "article.doc"))


def screenshot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    driver.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


def demo_reports() -> list[Report]:
    """Articles scored by the shipped model, plus one with overlapping and crossing spans and
    findings on the title and the page around the article."""
    checker = qualcheck.Checker()
    scored = [
        checker(
            {
                "id": "farm-1",
                "text": FARM,
                "title": "Depot to close | bus news depot news",
                "url": "https://dailynews24.example/depot",
            }
        ),
        checker(
            {
                "id": "honest-1",
                "text": HONEST,
                "title": "Council votes to close Mill Road depot",
                "url": "https://county-gazette.example/news/depot",
            }
        ),
    ]
    text = "Officials confirmed the plan . , said declared the mayor on Friday."
    page = "Home | News | Sport\n" + text + "\nShare this: Facebook Twitter\nSource link"
    overlapping = make_report(
        text,
        [
            span(text, ". ,"),
            span(text, "confirmed the plan . ,", "QC406", "rewrite"),  # crossed by the next one
            span(text, ". , said declared the mayor", "QC104", "attribution"),
            span(text, "said declared", "QC103", "attribution"),  # nested in the one before
        ],
        0.8,
        id="crossing",
        title="Mayor plan | mayor plan news",
        page_text=page,
        url="https://copycat.example/mayor",
    )
    pf = page.index("Source link")
    overlapping = Report(
        overlapping.id,
        overlapping.score,
        0.5,
        (
            *overlapping.findings,
            finding(11, 28, "QC601", "page", "title"),
            finding(pf, pf + 11, "QC301", "boilerplate", "page"),
            finding(8, 15, "QC604", "page", "url"),  # "copycat"
        ),
        {},
        MODEL,
        text,
        overlapping.title,
        page,
        overlapping.url,
    )
    return sorted([*scored, overlapping], key=lambda r: -r.score)


def test_browser_marks_filters_and_screenshot(browser: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select

    reports = demo_reports()
    assert any(not r.flagged for r in reports) and any(r.flagged for r in reports)
    path = tmp_path / "report.html"
    write_report(reports, path, sources=[{"path": "our-articles", "n": 3}])
    browser.get(path.as_uri())
    check_page_allowed(browser)
    assert check_marks(browser, reports) >= 8
    assert browser.execute_script("return document.querySelectorAll('.qc-cont').length") >= 1
    docs = articles(browser)
    assert all(d.is_displayed() for d in docs)
    url_marks = browser.find_elements("css selector", ".url mark[data-field='url']")
    assert [m.text for m in url_marks] == ["copycat"]
    assert url_marks[0].find_element("xpath", "../..").find_element("tag name", "a").get_attribute("href") == (
        "https://copycat.example/mayor"
    )

    Select(browser.find_element("id", "filter-verdict")).select_by_value("clean")
    visible = [d.get_attribute("data-verdict") for d in docs if d.is_displayed()]
    assert visible == ["clean"] * sum(not r.flagged for r in reports)
    assert browser.find_element("id", "filter-count").text == f"{len(visible)} shown"
    Select(browser.find_element("id", "filter-verdict")).select_by_value("")
    Select(browser.find_element("id", "filter-code")).select_by_value("QC406")
    assert [d.get_attribute("id") for d in docs if d.is_displayed()] == [
        f"article-{i}" for i, r in enumerate(reports, 1) if "QC406" in r.codes()
    ]
    Select(browser.find_element("id", "filter-code")).select_by_value("")
    assert all(d.is_displayed() for d in docs)

    browser.execute_script("window.scrollTo(0, 0)")
    mark = browser.find_element("css selector", "#article-1 mark[data-code='QC101']")
    assert mark.get_attribute("title").startswith("QC101 (high): ")
    ActionChains(browser).move_to_element(mark).perform()  # headless windows never hold focus: hover
    tip = browser.execute_script("return getComputedStyle(arguments[0], '::after').content", mark)
    assert "QC101" in tip
    shot = screenshot(browser, "report.png")
    docs_png = ROOT / "docs" / "report.png"
    if os.environ.get("QUALCHECK_UPDATE_SCREENSHOT") or not docs_png.exists():
        shutil.copy(shot, docs_png)  # the README's picture comes from this run


def test_browser_hostile_input_never_runs(browser: Any, tmp_path: Path) -> None:
    reports = hostile_reports()
    path = tmp_path / "hostile.html"
    write_report(reports, path)
    browser.get(path.as_uri())
    assert browser.execute_script("return typeof window.__pwned") == "undefined"
    body = browser.execute_script("return document.body.textContent")
    for p in PAYLOADS:
        assert f"{p} title" in body and f"id-{p}" in body
    assert "javascript:window.__pwned=1" in body
    assert (
        browser.execute_script(
            "return document.querySelectorAll('article img, article svg, a[href^=javascript]').length"
        )
        == 0
    )
    hrefs = browser.execute_script("return Array.from(document.links).map(function (a) { return a.protocol; })")
    assert set(hrefs) <= {"https:", "http:"}
    check_page_allowed(browser)
    assert browser.find_element("id", "filter-count").text == f"{len(reports)} shown"
    check_marks(browser, reports)
    screenshot(browser, "hostile.png")


def test_browser_seed_report(browser: Any, tmp_path: Path) -> None:
    seed = require(SEED)
    out = tmp_path / "r.html"
    done = subprocess.run(
        [sys.executable, "-m", "qualcheck", "report", str(seed), "-o", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    browser.get(out.as_uri())
    report = qualcheck.Checker()({"id": str(seed), "text": seed.read_text(encoding="utf-8")})
    assert check_marks(browser, [report]) == len(report.findings) == 8
    screenshot(browser, "seed.png")
