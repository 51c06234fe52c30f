"""Metrics and the `qualcheck eval` command."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qualcheck.cli import main
from qualcheck.metrics import rates_at, recall_at_fpr, reliability, span_scores
from qualcheck.types import Finding

ROOT = Path(__file__).resolve().parents[1]


def test_rates_and_recall_at_fpr() -> None:
    y = [0, 0, 0, 0, 1, 1, 1, 1]
    p = [0.1, 0.2, 0.3, 0.9, 0.4, 0.8, 0.95, 0.99]
    assert rates_at(y, p, 0.5) == (0.25, 0.75)
    # no false positive allowed: flag strictly above the highest clean score (0.9)
    assert recall_at_fpr(y, p, 0.0) == (0.5, 0.9)


def test_reliability_bins_cover_every_score() -> None:
    rows = reliability([0, 1, 1, 0], [0.05, 0.95, 1.0, 0.5])
    assert sum(r["n"] for r in rows) == 4
    assert rows[-1]["positive_share"] == 1.0


def test_span_scores_count_hits_and_misses() -> None:
    f = Finding(10, 20, "QC101", "x", "attribution", "high", "m")
    stray = Finding(50, 52, "QC201", "x", "punctuation", "high", "m")
    truth = [("split-name", 12, 18), ("doubled-verb", 30, 40)]
    scores = span_scores([[f, stray]], [truth], {"split-name": "QC101", "doubled-verb": "QC103"})
    assert scores["QC101"] == {"findings": 1, "precision": 1.0, "damages": 1, "recall": 1.0}
    assert scores["QC103"]["recall"] == 0.0
    assert scores["QC201"]["precision"] == 0.0


def test_span_scores_credit_a_kind_found_by_either_of_two_codes() -> None:
    entity = Finding(10, 17, "QC308", "x", "boilerplate", "low", "m")
    truth = [("markup", 10, 17), ("markup", 30, 33)]  # an entity found, a tag missed
    scores = span_scores([[entity]], [truth], {"markup": ("QC305", "QC308")})
    assert scores["QC305/QC308"] == {"findings": 0, "precision": None, "damages": 2, "recall": 0.5}
    assert scores["QC308"]["precision"] == 1.0


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpora")
    for desk in ("politics", "sport", "business", "science", "courts"):
        src = sorted((ROOT / "corpora" / "articles" / desk).glob("*.txt"))[:2]
        (root / "articles" / desk).mkdir(parents=True)
        for f in src:
            shutil.copy(f, root / "articles" / desk / f.name)
    (root / "generated").mkdir()
    for f in sorted((ROOT / "corpora" / "generated").glob("*.txt"))[:5]:
        shutil.copy(f, root / "generated" / f.name)
    return root


def test_eval_on_a_corpus_cross_validates(small_corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(small_corpus), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == {"summary", "reliability", "by_intensity", "by_kind", "by_view", "isolated", "spans"}
    # every clean view is measured as a false-alarm rate, every damaged one as recall
    assert {"clean", "clean-furniture", "light"} <= set(result["by_view"])
    # measured on this 10-article slice (2026-12): ROC AUC 0.924, span recall 1.0 for the codes
    # below (QC404 0.94); floors are those less 0.04 and 0.1 (a slice this small is noisy)
    assert result["summary"]["roc_auc"] >= 0.88
    assert {"light", "medium", "heavy", "prose", "generated"} <= set(result["by_intensity"])
    spans = result["spans"]
    for code in ("QC103", "QC201", "QC202", "QC205", "QC301", "QC302", "QC303", "QC304", "QC402", "QC501"):
        assert spans[code]["recall"] >= 0.9, code
    assert spans["QC404"]["recall"] >= 0.84
    plots = small_corpus.parent / "plots"
    assert main(["eval", str(small_corpus), "--plot", str(plots)]) == 0
    out = capsys.readouterr().out
    assert "reliability" in out and "spans per code" in out
    assert_pngs(plots)


def assert_pngs(folder: Path) -> None:
    for name in ("roc.png", "precision-recall.png", "reliability.png"):
        data = (folder / name).read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", name
        assert len(data) > 5000, name  # a drawn figure, not an empty canvas


def test_eval_on_labelled_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    clean = (ROOT / "tests" / "data" / "clean-strikes-story.txt").read_text(encoding="utf-8")
    damaged = "The Pentagon said declared it acted. , including a soldier.\n\nSource link\n\nLeave a Reply"
    path = tmp_path / "labelled.jsonl"
    path.write_text(
        "\n".join(
            json.dumps({"id": str(i), "text": t, "label": y}) for i, (t, y) in enumerate([(clean, 0), (damaged, 1)])
        ),
        encoding="utf-8",
    )
    assert main(["eval", str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["summary"]["roc_auc"] == 1.0


def test_eval_plot_writes_a_png(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    clean = (ROOT / "tests" / "data" / "clean-strikes-story.txt").read_text(encoding="utf-8")
    path = tmp_path / "labelled.jsonl"
    rows = [{"text": clean, "label": 0}, {"text": "It said declared. Source link", "label": 1}]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    png = tmp_path / "curves.png"
    assert main(["eval", str(path), "--plot", str(png)]) == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_eval_plot_folder_writes_three_pngs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("matplotlib")
    clean = (ROOT / "tests" / "data" / "clean-strikes-story.txt").read_text(encoding="utf-8")
    damaged = "The mayor said declared it acted . , on Friday.\n\nSource link\n\nLeave a Reply"
    rows = [{"id": str(i), "text": t, "label": y} for i, (t, y) in enumerate([(clean, 0), (damaged, 1)] * 3)]
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    folder = tmp_path / "plots" / "new"
    assert main(["eval", str(path), "--plot", str(folder)]) == 0
    assert_pngs(folder)
    assert "roc.png" in capsys.readouterr().err
