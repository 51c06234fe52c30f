"""The shipped model: loads with its metadata, is what `qualcheck train corpora/` builds, and
refuses files it cannot use."""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import joblib
import pytest
from shared_data import TRAIN, require

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
    # Grouped CV on corpora/ and ../shared/train, recorded in the shipped model (2026-12-07): ROC
    # AUC 0.932, recall at 1% FPR 0.751, Brier 0.0932. Floors: those less 0.01, 0.04 and plus 0.01.
    # With the human translations weighing 6 (branch wmt): 0.925, 0.773, 0.0975, within them.
    # Before the WMT22 pairs joined the training set they were 0.9531, 0.7981 and 0.0701: strong
    # machine translation beside its human reference is hard by nature (483 positives scoring 0.32
    # on average out of fold), while corpora/ alone rose (`qualcheck eval corpora/`: 0.962 -> 0.963).
    # (test_training_reproduces_the_shipped_model recomputes the figures the file holds.)
    validation = meta["validation"]
    assert validation["roc_auc"] >= 0.922
    assert validation["recall_at_fpr_1pct"] >= 0.711
    assert validation["brier"] <= 0.1032


def test_training_reproduces_the_shipped_model(examples: list) -> None:
    """`qualcheck train corpora/ --real ../shared/train` rebuilds the shipped model: same data
    hash, same public files, same scores."""
    from dataclasses import asdict

    from qualcheck.corpora import read_generated
    from qualcheck.trainsets import real_examples, spin_examples, style_examples

    real, sources = real_examples(require(TRAIN))
    style, style_sources = style_examples(TRAIN, [(g.id, g.text) for g in read_generated(ROOT / "corpora")])
    spin, spin_sources = spin_examples(TRAIN)
    examples = examples + real
    shipped = m.load()
    assert data_hash(examples) == shipped.metadata["training_data_sha256"]
    named = [asdict(s) for s in (*sources, *style_sources)]
    named += [asdict(s) for s in spin_sources if s.path not in {n["path"] for n in named}]
    assert named == shipped.metadata["sources"]
    rebuilt = m.train(
        [e.text for e in examples],
        [e.label for e in examples],
        [e.group for e in examples],
        titles=[e.title or None for e in examples],
        page_texts=[getattr(e, "page_text", None) for e in examples],
        urls=[e.url or None for e in examples],
        weights=[e.weight for e in examples],
        style_set=[(e.text, e.label, e.group) for e in style],
        spin_set=[(e.text, e.label, e.weight, e.group) for e in spin],
    )
    # the validation figures the file records are what grouped CV gives now (a floor on a stale
    # figure would guard nothing)
    for key, recorded in shipped.metadata["validation"].items():
        assert rebuilt.metadata["validation"][key] == pytest.approx(recorded, abs=1e-3), key
    from qualcheck.features import analyze

    analyses = [analyze(t) for t in SAMPLES]
    assert rebuilt.predict(analyses) == shipped.predict(analyses)
    assert rebuilt.linear is not None and shipped.linear is not None
    import numpy as np

    for name, value in rebuilt.linear.to_dict().items():  # equal up to the order BLAS sums in
        assert np.allclose(value, shipped.linear.to_dict()[name], rtol=1e-9, atol=1e-12), name
    assert rebuilt.style is not None and shipped.style is not None
    for name, value in rebuilt.style.to_dict().items():
        if name != "names":
            assert np.allclose(value, shipped.style.to_dict()[name], rtol=1e-9, atol=1e-12), name
    assert rebuilt.metadata["style"] == shipped.metadata["style"]
    assert rebuilt.spin is not None and shipped.spin is not None
    assert sorted(rebuilt.spin.weights) == sorted(shipped.spin.weights)
    words = sorted(shipped.spin.weights)
    assert np.allclose([rebuilt.spin.weights[w] for w in words], [shipped.spin.weights[w] for w in words], atol=1e-9)
    for key, recorded in shipped.metadata["spin"].items():
        assert rebuilt.metadata["spin"][key] == pytest.approx(recorded, abs=1e-3), key


@pytest.fixture(scope="module")
def examples() -> list:
    return training_examples(ROOT / "corpora")


@pytest.fixture(scope="module")
def small(examples: list) -> m.Model:
    """A model trained quickly on a slice of the corpus, with its scikit-learn pipeline."""
    examples = examples[:400]
    return m.train([e.text for e in examples], [e.label for e in examples], [e.group for e in examples], validate=False)


def test_linear_arrays_score_exactly_as_the_pipeline(small: m.Model, examples: list) -> None:
    from qualcheck.features import analyze, feature_matrix

    analyses = [analyze(e.text) for e in examples[400:700]]
    via_sklearn = small.pipeline.predict_proba(analyses)[:, 1]
    assert small.linear is not None
    via_arrays = small.linear.proba(feature_matrix(analyses, small.codes))
    assert max(abs(a - b) for a, b in zip(via_sklearn, via_arrays, strict=True)) < 1e-12


def test_json_and_joblib_files_round_trip(small: m.Model, tmp_path: Path) -> None:
    from qualcheck.features import analyze

    analyses = [analyze(t) for t in SAMPLES]
    for name in ("m.json", "m.joblib"):
        m.save(small, tmp_path / name)
        loaded = m.load(tmp_path / name)
        assert loaded.predict(analyses) == small.predict(analyses)
        assert loaded.metadata == small.metadata


def test_a_style_stage_round_trips_and_only_raises_scores(examples: list, tmp_path: Path) -> None:
    """A model with a style stage saves it as plain arrays in JSON (and in joblib files), loads it
    back scoring the same, and the stage never lowers the main classifier's score. The style set
    here (corpora/'s machine-written articles against its other articles) only exercises the
    mechanics."""
    from qualcheck.corpora import read_articles, read_generated
    from qualcheck.features import analyze

    part = examples[:400]
    style_set = [(a.text, 0, a.id) for a in read_articles(ROOT / "corpora")[:60]]
    style_set += [(g.text, 1, g.id) for g in read_generated(ROOT / "corpora")[:60]]
    model = m.train(
        [e.text for e in part], [e.label for e in part], [e.group for e in part], validate=False, style_set=style_set
    )
    assert model.style is not None and model.metadata["style"]["n_examples"] == 120
    analyses = [analyze(t) for t in (*SAMPLES, style_set[-1][0], style_set[0][0])]
    with_style = model.predict(analyses)
    main_only = model.predict_rows(model.rows(analyses))
    assert all(a >= b for a, b in zip(with_style, main_only, strict=True))
    assert with_style != main_only  # the machine-written article is raised
    for name in ("m.json", "m.joblib"):
        m.save(model, tmp_path / name)
        loaded = m.load(tmp_path / name)
        assert loaded.style is not None
        assert loaded.predict(analyses) == with_style
    blob = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    blob["style"]["names"] = blob["style"]["names"][:-1]
    (tmp_path / "stale.json").write_text(json.dumps(blob), encoding="utf-8")
    with pytest.raises(m.ModelError):
        m.load(tmp_path / "stale.json")


def test_a_joblib_model_loads_in_a_fresh_process(small: m.Model, tmp_path: Path) -> None:
    """The pipeline's transformer pickles as qualcheck.features.ArticleFeatures, a class built on
    first use: a new interpreter, where nothing has built it yet, must find it by that name."""
    import pickle

    from qualcheck.features import ArticleFeatures, analyze

    assert pickle.loads(pickle.dumps(ArticleFeatures)) is ArticleFeatures
    assert b"qualcheck.features" in pickle.dumps(ArticleFeatures())
    path = tmp_path / "m.joblib"
    m.save(small, path)
    code = (
        "import json, sys; from qualcheck import model; from qualcheck.features import analyze; "
        f"print(json.dumps(model.load(sys.argv[1]).predict([analyze(t) for t in {SAMPLES!r}])))"
    )
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == small.predict([analyze(t) for t in SAMPLES])


def test_shipped_model_loads_without_scikit_learn() -> None:
    code = (
        "import sys; from qualcheck import score; r = score('He said declared the plan. Source link'); "
        "print(r.score > 0.5, sorted(m for m in ('sklearn', 'nltk', 'joblib') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "[]"]


def test_load_rejects_foreign_and_stale_files(small: m.Model, tmp_path: Path) -> None:
    for name in ("junk.joblib", "junk.json"):
        (tmp_path / name).write_bytes(b"garbage")
        with pytest.raises(m.ModelError, match="not a qualcheck model"):
            m.load(tmp_path / name)
    with pytest.raises(m.ModelError, match="no such model file"):
        m.load(tmp_path / "missing.joblib")
    stale = m.Model(
        small.pipeline,
        dict(small.metadata, feature_names=[*small.metadata["feature_names"], "code:QC999"]),
        linear=small.linear,
    )
    for name in ("stale.joblib", "stale.json"):
        if name.endswith(".json"):  # arrays sized for the stale names, as a real old file would be
            d = stale.linear.to_dict() if stale.linear else {}
            d = {k: [[*r, 0.0] for r in v] if k in ("mean", "coef") else v for k, v in d.items()}
            d["scale"] = [[*r, 1.0] for r in d["scale"]]
            (tmp_path / name).write_text(
                json.dumps({"format": m.MODEL_FORMAT, "metadata": stale.metadata, "linear": d}), encoding="utf-8"
            )
        else:
            m.save(stale, tmp_path / name)
        with pytest.raises(m.ModelError, match="do not match"):
            m.load(tmp_path / name)


def test_load_warns_on_sklearn_version_mismatch(small: m.Model, tmp_path: Path) -> None:
    old = tmp_path / "old.joblib"
    joblib.dump(
        {"format": m.MODEL_FORMAT, "pipeline": small.pipeline, "metadata": dict(small.metadata, sklearn="0.0.1")}, old
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loaded = m.load(old)
    assert any("scikit-learn 0.0.1" in str(w.message) for w in caught)
    from qualcheck.features import analyze

    analyses = [analyze(t) for t in SAMPLES]
    assert loaded.predict(analyses) == small.predict(analyses)  # a warning, and the model still works


def test_gradient_boosting_saves_as_joblib_only(examples: list, tmp_path: Path) -> None:
    from threadpoolctl import threadpool_limits

    examples = examples[:200]
    with threadpool_limits(1):  # OpenMP threads crawl when the test run shares its cores
        hgb = m.train(
            [e.text for e in examples],
            [e.label for e in examples],
            [e.group for e in examples],
            kind="hgb",
            validate=False,
        )
    assert hgb.linear is None and hgb.contributions([[0.0]]) is None
    with pytest.raises(m.ModelError, match="logistic-regression"):
        m.save(hgb, tmp_path / "h.json")
    m.save(hgb, tmp_path / "h.joblib")
    from qualcheck.features import analyze

    analyses = [analyze(t) for t in SAMPLES]
    assert m.load(tmp_path / "h.joblib").predict(analyses) == hgb.predict(analyses)


def test_stock_phrases_do_not_count_as_a_distinct_process() -> None:
    """A stock phrase is style, not a pipeline's artifact: the distinct-codes count leaves it out,
    so its own weight says how much stock phrasing counts and more of it never scores lower."""
    from qualcheck.features import DISTINCT_NAME, analyze, feature_matrix, feature_names

    text = "Whether the ceasefire holds remains unclear. Only time will tell, and it remains to be seen."
    a = analyze(text)
    assert [f.code for f in a.findings] == ["QC505", "QC505"]
    row = feature_matrix([a])[0]
    assert row[feature_names().index(DISTINCT_NAME)] == 0
