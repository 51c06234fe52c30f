"""The CLI: every exit code, every format, bad input reported in one line while good input is kept."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from qualcheck.cli import main

DATA = Path(__file__).parent / "data"
CLEAN = DATA / "clean-strikes-story.txt"

DAMAGED = (
    "The Pentagon spokesman said the move was a response to attacks.\n\n"
    "The military said it struck facilities in eastern Syria, said declared the Pentagon.\n\n"
    "\u201cThe strikes were authorized,\u201d spokesman John said. Kirby in a statement.\n\n"
    "An attack killed a contractor and injured nine others. , including a soldier.\n\n"
    "Source link\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *"
)


@pytest.fixture()
def damaged(tmp_path: Path) -> Path:
    p = tmp_path / "damaged.txt"
    p.write_text(DAMAGED, encoding="utf-8")
    return p


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_table_scores_damaged_high_and_clean_low(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["score", str(damaged), str(CLEAN)], capsys)
    assert code == 0 and err == ""
    lines = out.strip().splitlines()
    assert len(lines) == 2
    assert "content-farm" in lines[0] and "QC101" in lines[0]
    assert "clean" in lines[1]


def test_json_format_follows_the_spec(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["score", str(damaged), "--format", "json"], capsys)
    assert code == 0
    records = json.loads(out)
    assert len(records) == 1
    rec = records[0]
    assert set(rec) >= {"id", "score", "verdict", "threshold", "findings", "model"}
    assert rec["verdict"] == "content-farm"
    f = next(f for f in rec["findings"] if f["code"] == "QC101")
    assert f["text"] == "John said. Kirby" == DAMAGED[f["start"] : f["end"]]
    assert set(f) == {"field", "code", "name", "family", "start", "end", "line", "col", "text", "severity", "message"}
    # line and col locate the same characters
    line = DAMAGED.splitlines()[f["line"] - 1]
    assert line[f["col"] - 1 :].startswith("John said. Kirby")


def test_json_of_nothing_is_an_empty_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    code, out, err = run(["score", str(empty), "--format", "json"], capsys)
    assert code == 2
    assert json.loads(out) == []
    assert "empty" in err and len(err.strip().splitlines()) == 1


def test_jsonl_and_csv(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["score", str(damaged), str(CLEAN), "--format", "jsonl"], capsys)
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in recs] == [str(damaged), str(CLEAN)]
    _, out, _ = run(["score", str(damaged), str(CLEAN), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["verdict"] for r in rows] == ["content-farm", "clean"]
    assert "QC101" in rows[0]["codes"].split()


def test_explain_lists_line_col_code_text(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["score", str(damaged), "--explain"], capsys)
    assert "QC101  'John said. Kirby'" in out
    assert "9:1  QC301  'Source link'" in out


def test_check_exit_codes(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["score", str(CLEAN), "--check"], capsys)[0] == 0
    assert run(["score", str(damaged), "--check"], capsys)[0] == 1
    assert run(["score", str(CLEAN), "--check", "--threshold", "0"], capsys)[0] == 1
    # the gate is `score >= threshold`: at its own score an article fails it, just above it passes
    _, out, _ = run(["score", str(CLEAN), "--format", "json"], capsys)
    score = json.loads(out)[0]["score"]  # rounded to four places
    assert 0.0 < score < 1.0
    assert run(["score", str(CLEAN), "--check", "--threshold", str(score - 0.0001)], capsys)[0] == 1
    assert run(["score", str(CLEAN), "--check", "--threshold", str(score + 0.0001)], capsys)[0] == 0
    assert run(["score", str(damaged), "--check", "--threshold", "1"], capsys)[0] == 1  # it scores 1.0


def test_bad_inputs_are_one_line_each_and_good_ones_still_scored(
    tmp_path: Path, damaged: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    jsonl = tmp_path / "crawl.jsonl"
    jsonl.write_text(
        json.dumps({"id": "a", "text": DAMAGED})
        + "\n{not json\n"
        + json.dumps({"id": "b", "body": "no text field"})
        + "\n"
        + json.dumps(["not", "an", "object"])
        + "\n"
        + json.dumps({"id": "c", "text": CLEAN.read_text(encoding="utf-8")})
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(
        ["score", str(tmp_path / "missing.txt"), str(binary), str(jsonl), str(damaged), "--format", "jsonl"], capsys
    )
    assert code == 2
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a", "c", str(damaged)]
    errors = err.strip().splitlines()
    assert len(errors) == 5
    assert "no such file" in errors[0]
    assert "binary" in errors[1]
    assert "crawl.jsonl:2" in errors[2] and "invalid JSON" in errors[2]
    assert "crawl.jsonl:3" in errors[3] and "'text'" in errors[3]
    assert "crawl.jsonl:4" in errors[4]
    assert "Traceback" not in err


def test_too_large_and_wrong_encoding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000, encoding="utf-8")
    code, _, err = run(["score", str(big), "--max-bytes", "100"], capsys)
    assert code == 2 and "too large" in err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 owners said the \u00a35 rise was fair.".encode("cp1252"))
    code, out, err = run(["score", str(latin), "--format", "jsonl"], capsys)
    assert code == 0
    assert "warning" in err and "cp1252" in err
    assert json.loads(out)["id"] == str(latin)


def test_max_bytes_applies_to_each_jsonl_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """As the README says: a JSONL file may be larger than --max-bytes; each record may not."""
    small = json.dumps({"id": "a", "text": "The council met on Monday to discuss the budget."})
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join([small] * 5) + "\n", encoding="utf-8")
    limit = str(len(small) + 1)  # each record fits (with its newline), the file is five times larger
    code, out, err = run(["score", str(crawl), "--max-bytes", limit, "--format", "jsonl"], capsys)
    assert code == 0 and err == "" and len(out.splitlines()) == 5
    big = json.dumps({"id": "b", "text": "The council met on Monday. " * 10})
    crawl.write_text("\n".join([small, big, small]) + "\n", encoding="utf-8")
    code, out, err = run(["score", str(crawl), "--max-bytes", limit, "--format", "jsonl"], capsys)
    assert code == 2 and len(out.splitlines()) == 2
    assert err.strip().splitlines() == [err.strip()] and "crawl.jsonl:2" in err and "too large" in err


def test_folders_recurse_and_title_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "one.txt").write_text("Title: Rates hold\n\nThe bank held rates.", encoding="utf-8")
    (tmp_path / "a" / "two.txt").write_text("Officials met on Monday.", encoding="utf-8")
    (tmp_path / "a" / "skip.bin").write_bytes(b"\x00")
    _, out, _ = run(["score", str(tmp_path), "--format", "jsonl"], capsys)
    ids = [json.loads(line)["id"] for line in out.splitlines()]
    assert ids == [str(tmp_path / "a" / "b" / "one.txt"), str(tmp_path / "a" / "two.txt")]


def test_stdin_text_and_jsonl(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DAMAGED.encode())))
    code, out, _ = run(["score", "-", "--format", "jsonl"], capsys)
    assert code == 0 and json.loads(out)["id"] == "<stdin>"
    lines = json.dumps({"url": "u1", "body": DAMAGED}) + "\n" + json.dumps({"url": "u2", "body": "Fine."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    code, out, _ = run(["score", "-", "--format", "jsonl", "--text-field", "body", "--id-field", "url"], capsys)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["u1", "u2"]


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["score", "x.txt", "--threshold", "1.5"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        main(["score", "x.txt", "--format", "xml"])
    assert exc.value.code == 2
    assert main([]) == 2


def test_bad_model_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "model.joblib"
    bogus.write_bytes(b"not a pickle")
    code, out, err = run(["score", str(CLEAN), "--model", str(bogus)], capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "not a qualcheck model" in err


def test_rules_lists_every_code(capsys: pytest.CaptureFixture[str]) -> None:
    from qualcheck.detectors import rules
    from qualcheck.match import copy_rules

    every = [*rules(), *copy_rules()]  # the copy family needs an index (score --against), not a detector
    code, out, _ = run(["rules", "--format", "json"], capsys)
    assert code == 0
    assert [r["code"] for r in json.loads(out)] == [r.code for r in every]
    _, out, _ = run(["rules"], capsys)
    assert all(r.code in out for r in every)


def test_explain_marks_findings_in_place(damaged: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain", str(damaged)], capsys)
    assert code == 0
    assert "\u27e6John said. Kirby\u27e7{QC101}" in out


def test_every_command_has_help() -> None:
    from qualcheck.cli import COMMANDS, _parser

    parser = _parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    helps = {a.dest: a.help for a in sub._choices_actions}  # type: ignore[attr-defined]
    assert set(helps) == set(COMMANDS) and all(helps.values())


def test_console_script_never_prints_a_traceback(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "qualcheck.cli", "score", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "Traceback" not in proc.stderr


def test_jsonl_url_field_decides_whose_name_the_title_may_carry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title, _, body = CLEAN.read_text(encoding="utf-8").partition("\n\n")
    headline = title.removeprefix("Title: ") + " - The Riverton Gazette"
    records = [
        {"id": "copied", "text": body, "title": headline, "url": "https://dailynewsblog24.com/2021/02/strikes"},
        {"id": "own", "text": body, "title": headline, "url": "https://www.riverton-gazette.com/world/strikes"},
        {"id": "no-url", "text": body, "title": headline},
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    code, out, _ = run(["score", str(crawl), "--format", "jsonl"], capsys)
    assert code == 0
    got = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert got["copied"]["url"] == records[0]["url"] and got["no-url"]["url"] is None
    foreign = [(f["field"], f["text"]) for f in got["copied"]["findings"] if f["code"] == "QC604"]
    assert foreign == [("title", "The Riverton Gazette")]
    for quiet in ("own", "no-url"):
        assert not [f for f in got[quiet]["findings"] if f["code"] in ("QC601", "QC604", "QC605")]
    # the URL under another field name
    renamed = tmp_path / "renamed.jsonl"
    renamed.write_text(json.dumps({**records[0], "url": None, "link": records[0]["url"]}) + "\n", encoding="utf-8")
    _, out, _ = run(["score", str(renamed), "--format", "jsonl", "--url-field", "link"], capsys)
    assert "QC604" in {f["code"] for f in json.loads(out)["findings"]}
    _, out, _ = run(["score", str(renamed), "--format", "jsonl"], capsys)
    assert "QC604" not in {f["code"] for f in json.loads(out)["findings"]}


def test_explain_shows_a_foreign_outlet_and_html_canonical_url(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pages import COPIER, articles, canonical_page

    pytest.importorskip("trafilatura")
    page = tmp_path / "copied.html"
    page.write_text(canonical_page(articles(1)[0], COPIER), encoding="utf-8")
    _, out, _ = run(["score", str(page), "--explain"], capsys)
    assert "title:1:" in out and "QC604  'The Riverton Gazette'" in out
    _, out, _ = run(["score", str(page), "--format", "jsonl"], capsys)
    assert json.loads(out)["url"] == COPIER
