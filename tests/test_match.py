"""qualcheck.match and the `index` / `match` commands: spans index both texts exactly."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

pytest.importorskip("datasketch")

from qualcheck.cli import main
from qualcheck.corpora import read_articles
from qualcheck.corrupt import corrupt
from qualcheck.match import (
    EVIDENCE,
    FORMAT_VERSION,
    Index,
    MatchIndexError,
    MatchResult,
    Substitution,
    align,
    facts,
)

ROOT = Path(__file__).resolve().parents[1]

HARBOUR = (
    "The harbour authority in Port Ellery approved a plan on Tuesday to dredge the eastern channel, "
    "ending a two-year dispute with fishing crews over silt that has stranded boats at low tide.\n\n"
    "Board chair Miriam Okafor said the work would begin in March and cost about 4.2 million pounds, "
    'paid from mooring fees and a regional grant. "We listened to the crews," she said.\n\n'
    "Skippers had warned that the silt bar near the lighthouse cut their working day by three hours. "
    "The council will monitor water quality during the dredge and publish results every month."
)
# The same story with a spinner's swaps: every few words replaced by a near-synonym.
HARBOUR_SPUN = (
    "The harbour authority in Port Ellery endorsed a scheme on Tuesday to dredge the eastern channel, "
    "ending a two-year quarrel with fishing crews over silt that has stranded vessels at low tide.\n\n"
    "Board chair Miriam Okafor stated the work would commence in March and cost about 4.2 million pounds, "
    'paid from mooring charges and a regional grant. "We listened to the crews," she said.\n\n'
    "Skippers had cautioned that the silt bar near the lighthouse cut their working day by three hours. "
    "The council will monitor water quality during the dredge and publish results every month."
)
ORCHARD = (
    "A cider maker in the Wye valley has replanted forty acres of orchard with old varieties after "
    "a blight killed most of its trees last spring. Owner Tomas Reyes said the new trees would not "
    "crop for five years, and that the firm would buy apples from neighbours in the meantime. "
    "Local growers welcomed the orders, which they said would keep two packing sheds open."
)
LIBRARY = (
    "Readers in Stanmoor can borrow tools as well as books from next week, when the town library opens "
    "a lending shelf of drills, ladders and sewing machines donated by residents. Librarian Ada Quist "
    "said more than three hundred people had signed up, and volunteers will check each tool for safety."
)

# The harbour story retold in other words, keeping its names and numbers (as an LLM asked to rewrite
# it does), and another newsroom's story of the same event, with its own people and figures.
HARBOUR_RETOLD = (
    "Fishing crews in Port Ellery have finally won their long fight over the silted eastern channel. "
    "After two years of wrangling, the harbour authority voted on Tuesday to dredge it. Miriam Okafor, "
    "who chairs the board, expects diggers to arrive in March; the bill of roughly 4.2 million pounds "
    "will be met by mooring fees and a regional grant. Skippers say the bar of silt by the lighthouse "
    "has cost them three hours of work a day. Water quality will be checked by the council throughout, "
    "with monthly reports."
)
HARBOUR_ELSEWHERE = (
    "The harbour authority in Port Ellery approved dredging of the eastern channel on Tuesday, ending "
    "the dispute with fishing crews over silt. Harbour engineer Declan Voss told the Gazette that "
    "contractor Brennick Marine had been lined up for a 14-week job, and that spoil would be shipped "
    "to a reclamation site at Garrow Point. Fisherman Owen Tallis, 61, said the delay had cost his "
    "family 30,000 pounds since 2024. Environmental group Tidewatch asked for seagrass beds at Kell "
    "Bay to be surveyed first."
)


def _index() -> Index:
    ix = Index()
    ix.add("harbour", HARBOUR, title="Channel dredge approved", date="2026-03-01")
    ix.add("orchard", ORCHARD)
    ix.add("library", LIBRARY)
    return ix


def _assert_exact(r: MatchResult, query: str, source: str) -> None:
    for s in r.substitutions:
        assert query[s.start : s.end] == s.text
        assert source[s.source_start : s.source_end] == s.source_text


def test_verbatim_copy() -> None:
    r = _index().match(HARBOUR)
    assert (r.source_id, r.verdict, r.changed_share, r.substitutions) == ("harbour", "verbatim-copy", 0.0, ())
    assert r.similarity == pytest.approx(1.0)


def test_spun_copy_names_every_swap_with_exact_spans() -> None:
    r = _index().match(HARBOUR_SPUN)
    assert (r.source_id, r.verdict) == ("harbour", "rewritten-copy")
    assert 0.5 < r.similarity < 1.0
    _assert_exact(r, HARBOUR_SPUN, HARBOUR)
    pairs = {(s.source_text, s.text) for s in r.substitutions}
    assert pairs == {
        ("approved", "endorsed"),
        ("plan", "scheme"),
        ("dispute", "quarrel"),
        ("boats", "vessels"),
        ("said", "stated"),
        ("begin", "commence"),
        ("fees", "charges"),
        ("warned", "cautioned"),
    }
    n_words = len(re.findall(r"\w+", HARBOUR_SPUN))
    assert r.changed_share == pytest.approx(8 / n_words)
    s = next(s for s in r.substitutions if s.text == "charges")
    assert HARBOUR_SPUN.index("mooring charges") + len("mooring ") == s.start


def test_unrelated_article_is_no_match() -> None:
    other = (
        "The county cricket season opened with rain at three grounds, and only one match produced a result "
        "after the umpires took the players off for most of the second afternoon."
    )
    r = _index().match(other)
    assert (r.source_id, r.verdict, r.substitutions) == (None, "no-match", ())


def test_empty_index_and_empty_text() -> None:
    assert Index().match(HARBOUR).verdict == "no-match"
    assert _index().match("   ").verdict == "no-match"


def test_added_and_dropped_words_are_empty_spans_on_one_side() -> None:
    query = HARBOUR.replace("on Tuesday ", "").replace("every month.", "every month. Read more on our site.")
    changed, subs = align(query, HARBOUR)
    assert changed > 0
    dropped = next(s for s in subs if s.source_text == "on Tuesday")
    assert dropped.text == "" and dropped.start == dropped.end
    added = next(s for s in subs if s.text == "Read more on our site")
    assert added.source_text == "" and added.source_start == added.source_end == len(HARBOUR) - 1
    for s in subs:
        assert query[s.start : s.end] == s.text and HARBOUR[s.source_start : s.source_end] == s.source_text


def test_save_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "o.qcx"
    ix = _index()
    ix.save(path)
    loaded = Index.load(path)
    assert len(loaded) == 3
    assert loaded.match(HARBOUR_SPUN) == ix.match(HARBOUR_SPUN)
    assert loaded.doc(0).title == "Channel dredge approved" and loaded.doc(0).date == "2026-03-01"
    with zipfile.ZipFile(path) as zf:
        assert json.loads(zf.read("meta.json"))["version"] == FORMAT_VERSION
        assert not any(n.endswith((".pkl", ".pickle", ".joblib")) for n in zf.namelist())


def _wrong_version(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    meta = json.loads(members["meta.json"])
    meta["version"] = FORMAT_VERSION + 1
    members["meta.json"] = json.dumps(meta).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in members.items():
            zf.writestr(n, data)


def _truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:200] = b"\xff" * 200
    path.write_bytes(bytes(data[:-30]))


@pytest.mark.parametrize("damage", [_wrong_version, _truncated, _garbage])
def test_bad_index_is_one_line_and_exit_2(tmp_path: Path, damage, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "o.qcx"
    _index().save(path)
    damage(path)
    with pytest.raises(MatchIndexError):
        Index.load(path)
    query = tmp_path / "q.txt"
    query.write_text(HARBOUR_SPUN, encoding="utf-8")
    assert main(["match", str(query), "--against", str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1 and str(path) in out.err


def test_missing_index_is_exit_2(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    query = tmp_path / "q.txt"
    query.write_text(HARBOUR, encoding="utf-8")
    assert main(["match", str(query), "--against", str(tmp_path / "none.qcx")]) == 2
    assert "no such index file" in capsys.readouterr().err


def test_cli_index_then_match_jsonl(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    originals = tmp_path / "originals.jsonl"
    rows = [("harbour", HARBOUR), ("orchard", ORCHARD), ("library", LIBRARY)]
    originals.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows), encoding="utf-8")
    index = tmp_path / "o.qcx"
    assert main(["index", str(originals), "-o", str(index), "--jobs", "2"]) == 0
    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps({"id": "spun", "text": HARBOUR_SPUN}) + "\n" + json.dumps({"id": "same", "text": ORCHARD}) + "\n",
        encoding="utf-8",
    )
    capsys.readouterr()
    assert main(["match", str(queries), "--against", str(index)]) == 0
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in recs] == ["spun", "same"]
    for r in recs:
        assert set(r) == {"id", "source_id", "similarity", "confidence", "verdict", "changed_share", "substitutions"}
    assert (recs[0]["source_id"], recs[0]["verdict"]) == ("harbour", "rewritten-copy")
    assert (recs[1]["source_id"], recs[1]["verdict"], recs[1]["substitutions"]) == ("orchard", "verbatim-copy", [])
    sub = recs[0]["substitutions"][0]
    assert set(sub) == {"start", "end", "text", "source_start", "source_end", "source_text"}
    assert HARBOUR_SPUN[sub["start"] : sub["end"]] == sub["text"]
    assert HARBOUR[sub["source_start"] : sub["source_end"]] == sub["source_text"]


def test_cli_match_against_originals_as_table(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "orig").mkdir()
    (tmp_path / "orig" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "orig" / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    query = tmp_path / "q.txt"
    query.write_text(HARBOUR_SPUN, encoding="utf-8")
    assert main(["match", str(query), "--against", str(tmp_path / "orig"), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("rewritten-copy") and lines[0].endswith("harbour.txt")
    assert any("fees" in line and "charges" in line for line in lines[1:])
    assert len(lines) == 1 + 8


def _recorded_share(text: str, damages) -> float:  # type: ignore[no-untyped-def]
    """The share of the variant's words that fall inside a damage the generator recorded."""
    words = [m.span() for m in re.finditer(r"\w+(?:['’]\w+)*", text)]
    hit = sum(any(d.start < e and s < d.end for d in damages if d.field == "text") for s, e in words)
    return hit / len(words)


@pytest.mark.parametrize("kind", ["tortured-phrase", "literal-translation", "footer"])
def test_generator_variants_match_with_the_recorded_changed_share(kind: str) -> None:
    articles = read_articles(ROOT / "corpora")[:40]
    ix = Index()
    for a in articles:
        ix.add(a.id, a.text)
    tried = 0
    for n, a in enumerate(articles[:12]):
        v = corrupt(a.text, seed=n, kinds=[kind], intensity="heavy", title=a.title)
        if not v.damages:
            continue
        tried += 1
        r = ix.match(v.text)
        assert r.source_id == a.id and r.verdict != "no-match"
        assert abs(r.changed_share - _recorded_share(v.text, v.damages)) <= 0.05
        for s in r.substitutions:
            assert v.text[s.start : s.end] == s.text and a.text[s.source_start : s.source_end] == s.source_text
    assert tried >= 8


def test_substitution_is_frozen() -> None:
    s = Substitution(0, 1, "a", 0, 1, "b")
    with pytest.raises(AttributeError):
        s.start = 2  # type: ignore[misc]


def test_index_built_over_a_dask_bag_as_the_guide_shows(tmp_path: Path) -> None:
    db = pytest.importorskip("dask.bag")
    from qualcheck.match import sign_partition, write_signed

    (tmp_path / "archive").mkdir()
    for n, rows in enumerate([[("harbour", HARBOUR), ("orchard", ORCHARD)], [("library", LIBRARY)]]):
        lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows)
        (tmp_path / "archive" / f"part{n}.jsonl").write_text(lines, encoding="utf-8")
    out = tmp_path / "originals.qcx"
    # the guide's recipe (docs/guide.md), with a local bag in place of a cluster and this test's paths
    bag = (
        db.read_text(str(tmp_path / "archive" / "*.jsonl"))
        .map(json.loads)
        .map(lambda r: (r["id"], r["text"], r.get("title"), r.get("date")))
    )
    parts = bag.map_partitions(sign_partition).to_delayed()
    assert write_signed(out, (row for part in parts for row in part.compute())) == 3
    ix = Index.load(out)
    assert len(ix) == 3
    assert ix.match(HARBOUR_SPUN).source_id == "harbour"
    assert ix.match(LIBRARY).verdict == "verbatim-copy"


def test_score_against_adds_qc701_on_each_swap_and_raises_the_score(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from qualcheck.match import COPY_SCORE

    (tmp_path / "orig").mkdir()
    (tmp_path / "orig" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "orig" / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    index = tmp_path / "o.qcx"
    assert main(["index", str(tmp_path / "orig"), "-o", str(index)]) == 0
    spun, same, other = tmp_path / "spun.txt", tmp_path / "same.txt", tmp_path / "other.txt"
    spun.write_text(HARBOUR_SPUN, encoding="utf-8")
    same.write_text(ORCHARD, encoding="utf-8")
    other.write_text(LIBRARY, encoding="utf-8")
    capsys.readouterr()
    paths = [str(spun), str(same), str(other)]
    assert main(["score", *paths, "--format", "jsonl"]) in (0, 1)
    plain = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert main(["score", *paths, "--format", "jsonl", "--against", str(index)]) in (0, 1)
    recs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    qc701 = [f for f in recs[0]["findings"] if f["code"] == "QC701"]
    assert {f["text"] for f in qc701} == {"endorsed", "scheme", "quarrel", "vessels", "stated", "commence"} | {
        "charges",
        "cautioned",
    }
    assert recs[0]["score"] >= COPY_SCORE and recs[0]["verdict"] == "content-farm"
    assert [f["code"] for f in recs[1]["findings"] if f["code"].startswith("QC7")] == ["QC702"]
    assert recs[1]["score"] == plain[1]["score"]
    assert recs[2] == plain[2]


def test_rules_list_the_copy_family(capsys) -> None:  # type: ignore[no-untyped-def]
    assert main(["rules", "--format", "json"]) == 0
    codes = {r["code"]: r["family"] for r in json.loads(capsys.readouterr().out)}
    assert codes["QC701"] == codes["QC702"] == "copy"


@pytest.mark.parametrize("command", ["index", "match", "score"])
def test_without_datasketch_each_command_is_one_line_and_exit_2(
    command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """qualcheck.match imports datasketch only where it hashes: the CLI checks for the extra first."""
    import sys

    article = tmp_path / "a.txt"
    article.write_text("The council approved the budget on Monday after a long debate.", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "datasketch", None)  # `import datasketch` now raises ImportError
    argv = {
        "index": ["index", str(article), "-o", str(tmp_path / "o.qcx")],
        "match": ["match", str(article), "--against", str(article)],
        "score": ["score", str(article), "--against", str(article)],
    }[command]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [err[0]] and "pip install 'qualcheck[match]'" in err[0]


def test_crawl_clusters_copies_and_names_the_earliest_dated_original(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    orchard_copy = corrupt(ORCHARD, seed=3, kinds=["footer"], intensity="heavy").text
    assert orchard_copy != ORCHARD
    rows = [
        {"id": "copy-spun", "text": HARBOUR_SPUN, "date": "2026-03-02"},
        {"id": "library", "text": LIBRARY},
        {"id": "orchard-copy", "text": orchard_copy},
        {"id": "harbour", "text": HARBOUR, "date": "2026-03-01"},
        {"id": "orchard", "text": ORCHARD},
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert main(["match", str(crawl)]) == 0
    recs = {r["id"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert list(recs) == [r["id"] for r in rows]
    # dated: the earlier member is the original, though it comes second in the crawl
    assert (recs["harbour"]["verdict"], recs["harbour"]["cluster"], recs["harbour"]["source_id"]) == (
        "original",
        "harbour",
        None,
    )
    spun = recs["copy-spun"]
    assert (spun["verdict"], spun["source_id"], spun["cluster"]) == ("rewritten-copy", "harbour", "harbour")
    assert any(s["text"] == "charges" and s["source_text"] == "fees" for s in spun["substitutions"])
    # undated: the member qualcheck scores as less damaged is the original
    assert recs["orchard"]["verdict"] == "original"
    assert (recs["orchard-copy"]["source_id"], recs["orchard-copy"]["cluster"]) == ("orchard", "orchard")
    for s in recs["orchard-copy"]["substitutions"]:
        assert orchard_copy[s["start"] : s["end"]] == s["text"]
    assert (recs["library"]["verdict"], recs["library"]["cluster"]) == ("no-match", None)


def test_cluster_without_dates_or_damage_takes_the_first_seen() -> None:
    from qualcheck.match import cluster

    out = cluster([("b", HARBOUR_SPUN, None, None), ("a", HARBOUR, None, None), ("c", LIBRARY, None, None)])
    assert [(c.id, c.cluster, c.result.verdict) for c in out] == [
        ("b", "b", "original"),
        ("a", "b", "rewritten-copy"),
        ("c", None, "no-match"),
    ]


@pytest.mark.parametrize("command", ["match", "score"])
def test_damaged_originals_inside_the_index_are_one_line_and_exit_2(tmp_path: Path, command: str, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "o.qcx"
    _index().save(path)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("docs.jsonl")
    data = bytearray(path.read_bytes())
    start = info.header_offset + 30 + len("docs.jsonl")
    data[start : start + info.file_size] = b"{" * info.file_size  # the zip's directory stays intact
    path.write_bytes(bytes(data))
    query = tmp_path / "q.txt"
    query.write_text(HARBOUR_SPUN, encoding="utf-8")
    assert main([command, str(query), "--against", str(path)]) == 2
    out = capsys.readouterr()
    assert out.out == "" and len(out.err.strip().splitlines()) == 1 and "damaged index" in out.err


def test_an_original_indexed_twice_still_matches_its_copies() -> None:
    """The same wire story under two ids is no rival to itself: the copy is matched to one."""
    ix = _index()
    ix.add("harbour-again", HARBOUR)
    r = ix.match(HARBOUR_SPUN)
    assert r.source_id in ("harbour", "harbour-again") and r.verdict == "rewritten-copy"
    assert ix.match(HARBOUR).verdict == "verbatim-copy"


def test_facts_are_names_inside_a_sentence_and_numbers() -> None:
    found, terms = facts("Board chair Miriam Okafor put the cost at 4,200 pounds. Skippers said 3.5 hours.")
    # `Board` and `Skippers` open a sentence: capitalised, but not names
    assert found == {"miriam", "okafor", "4200", "3.5"}
    assert {"board", "skippers", "4200", "pounds"} <= terms


def test_a_retelling_is_told_from_another_story_of_the_event_by_the_facts_it_keeps() -> None:
    ix = _index()
    retold = ix.match(HARBOUR_RETOLD)
    assert (retold.source_id, retold.verdict) == ("harbour", "rewritten-copy")
    assert retold.similarity < 0.4  # reworded: the word sequence alone would not tell
    assert ix.match(HARBOUR_ELSEWHERE).verdict == "no-match"
    at = EVIDENCE.index("query_facts_found")
    (retold_ev,) = [c.evidence for c in ix.candidates(HARBOUR_RETOLD) if c.id == "harbour"]
    (elsewhere_ev,) = [c.evidence for c in ix.candidates(HARBOUR_ELSEWHERE) if c.id == "harbour"]
    assert retold_ev[at] == 1.0
    assert elsewhere_ev[at] < 0.3
