"""The shipped model: loads with its metadata, is what `qualcheck train corpora/` builds, and
refuses files it cannot use."""

from __future__ import annotations

import warnings
from pathlib import Path

import joblib
import pytest

from qualcheck import model as m
from qualcheck.corpora import data_hash, training_examples

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = [
    (ROOT / "tests" / "data" / "clean-strikes-story.txt").read_text(encoding="utf-8"),
    "The minister said declared the plan. Source link",
    "Officials met on Monday. , including the mayor. Leave a Reply",
]


def test_shipped_model_metadata() -> None:
    model = m.load()
    meta = model.metadata
    assert meta["qualcheck"] and meta["sklearn"]
    assert meta["feature_names"] == model.feature_names
    assert len(meta["training_data_sha256"]) == 64
    assert 0.5 < meta["validation"]["roc_auc"] <= 1.0


def test_training_reproduces_the_shipped_model(tmp_path: Path) -> None:
    """`qualcheck train corpora/` rebuilds the shipped model: same data hash, same scores."""
    examples = training_examples(ROOT / "corpora")
    shipped = m.load()
    assert data_hash(examples) == shipped.metadata["training_data_sha256"]
    rebuilt = m.train(
        [e.text for e in examples],
        [e.label for e in examples],
        [e.group for e in examples],
        titles=[e.title or None for e in examples],
        validate=False,
    )
    from qualcheck.features import analyze

    analyses = [analyze(t) for t in SAMPLES]
    assert rebuilt.predict(analyses) == shipped.predict(analyses)


def test_load_rejects_foreign_and_stale_files(tmp_path: Path) -> None:
    junk = tmp_path / "junk.joblib"
    junk.write_bytes(b"garbage")
    with pytest.raises(m.ModelError, match="not a qualcheck model"):
        m.load(junk)
    with pytest.raises(m.ModelError, match="no such model file"):
        m.load(tmp_path / "missing.joblib")
    shipped = m.load()
    stale = tmp_path / "stale.joblib"
    meta = dict(shipped.metadata, feature_names=[*shipped.metadata["feature_names"], "code:QC999"])
    joblib.dump({"format": m.MODEL_FORMAT, "pipeline": shipped.pipeline, "metadata": meta}, stale)
    with pytest.raises(m.ModelError, match="do not match"):
        m.load(stale)


def test_load_warns_on_sklearn_version_mismatch(tmp_path: Path) -> None:
    shipped = m.load()
    old = tmp_path / "old.joblib"
    meta = dict(shipped.metadata, sklearn="0.0.1")
    joblib.dump({"format": m.MODEL_FORMAT, "pipeline": shipped.pipeline, "metadata": meta}, old)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = m.load(old)
    assert any("scikit-learn 0.0.1" in str(w.message) for w in caught)
    assert loaded.predict([]) == []
