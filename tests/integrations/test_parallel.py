"""Parallel and distributed scoring give exactly the serial results, in input order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pages import articles

import qualcheck
from qualcheck.cli import main

DAMAGED = "The Pentagon said declared it acted. , including a soldier.\n\nSource link"


def _records(n: int) -> list[dict[str, str]]:
    texts = [a.text for a in articles(6)]
    return [{"id": f"a{i}", "text": DAMAGED if i % 3 == 0 else texts[i % len(texts)]} for i in range(n)]


def test_score_many_with_jobs_matches_serial() -> None:
    checker = qualcheck.Checker()
    records = _records(40)
    serial = [(r.id, r.score, r.codes()) for r in checker.score_many(records)]
    parallel = [(r.id, r.score, r.codes()) for r in checker.score_many(iter(records), n_jobs=2, batch_size=7)]
    assert parallel == serial


def test_cli_on_a_real_dask_local_cluster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    distributed = pytest.importorskip("distributed")
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _records(30)) + "\n{broken\n", encoding="utf-8")
    assert main(["score", str(path), "--format", "jsonl"]) == 2
    serial = capsys.readouterr().out
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        code = main(
            [
                "score",
                str(path),
                "--format",
                "jsonl",
                "--backend",
                "dask",
                "--scheduler",
                cluster.scheduler_address,
                "--jobs",
                "2",
            ]
        )
    out, err = capsys.readouterr()
    assert code == 2 and "crawl.jsonl:31: invalid JSON" in err  # the bad line is reported, the rest scored
    assert out == serial
    assert [json.loads(line)["id"] for line in out.splitlines()] == [f"a{i}" for i in range(30)]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
def test_cli_jobs_pool_writes_exactly_the_serial_output(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`score --jobs 2` renders in its own spawned workers and sends back only the output: the
    same bytes, in the same order, as one process."""
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in _records(30)) + "\n", encoding="utf-8")
    assert main(["score", str(path), "--format", fmt]) == 0
    serial = capsys.readouterr().out
    assert main(["score", str(path), "--format", fmt, "--jobs", "2"]) == 0
    assert capsys.readouterr().out == serial
    assert serial.count("content-farm") >= 5  # the damaged records are flagged


def test_render_many_with_own_pool_keeps_order_and_reuses_workers() -> None:
    from qualcheck.checker import _POOL

    checker = qualcheck.Checker()
    records = _records(20)
    serial = [r.score for r in checker.score_many(records)]
    for _ in range(2):
        scores = [r.score for r in checker.render_many(iter(records), None, n_jobs=2, batch_size=3, own_pool=True)]
        assert scores == serial
    assert len(_POOL) == 1
