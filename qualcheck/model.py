"""Build, train, calibrate, save and load the classifier.

A model is saved as JSON (`{"format", "metadata", "linear"}`: the calibrated logistic regression
as arrays, loaded without scikit-learn, the form the package ships) or as a joblib pickle of
`{"format", "pipeline", "metadata"}` (any model kind). Loading a pickle runs code, so only load
joblib files you trust: ones you trained.
"""

from __future__ import annotations

import json
import math
import platform
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .features import Analysis, analyze, feature_matrix, feature_names
from .spin import SpinStage
from .style import STYLE_NAMES, StyleStage, raise_log_odds
from .types import ModelInfo

MODEL_FORMAT = 1
DEFAULT_MODEL = "default"
MODEL_RESOURCE = "model.json"
N_FOLDS = 5
SCORE_DECIMALS = 6


class ModelError(Exception):
    """A model file that cannot be used with this version of qualcheck."""


@dataclass(frozen=True)
class Linear:
    """A calibrated logistic regression as plain arrays, one row per calibration fold.

    scikit-learn's `CalibratedClassifierCV` averages, over folds, a sigmoid of each fold's scaled
    linear score; that arithmetic needs numpy only. Scoring through it skips importing
    scikit-learn (most of a second) and loading a pickle, and a JSON model file runs no code.
    """

    mean: Any  # (folds, features) StandardScaler means
    scale: Any  # (folds, features) StandardScaler scales
    coef: Any  # (folds, features) logistic-regression weights
    intercept: Any  # (folds,)
    slope: Any  # (folds,) sigmoid calibration: p = 1 / (1 + exp(slope * score + offset))
    offset: Any  # (folds,)

    def proba(self, rows: Any) -> Any:
        import numpy as np

        out = np.zeros(len(rows), dtype=np.float64)
        for k in range(len(self.intercept)):
            score = ((rows - self.mean[k]) / self.scale[k]) @ self.coef[k] + self.intercept[k]
            out += 1.0 / (1.0 + np.exp(self.slope[k] * score + self.offset[k]))
        return out / len(self.intercept)

    def contributions(self, rows: Any) -> Any:
        """Per article and feature, how far the feature moved the calibrated log-odds from an
        average article. Explanations rank codes by this."""
        total = sum(
            -self.slope[k] * self.coef[k] * (rows - self.mean[k]) / self.scale[k] for k in range(len(self.intercept))
        )
        return total / len(self.intercept)

    @classmethod
    def from_pipeline(cls, pipeline: Any) -> Linear | None:
        """The arrays of a fitted logistic-regression pipeline; None for other models."""
        import numpy as np

        parts = []
        for cc in getattr(pipeline.named_steps["clf"], "calibrated_classifiers_", []):
            steps = getattr(cc.estimator, "named_steps", {})
            scaler, linear = steps.get("standardscaler"), steps.get("logisticregression")
            calibrator = cc.calibrators[0]
            if scaler is None or linear is None or not hasattr(calibrator, "a_"):
                return None
            parts.append(
                (scaler.mean_, scaler.scale_, linear.coef_[0], linear.intercept_[0], calibrator.a_, calibrator.b_)
            )
        if not parts:
            return None
        return cls(*(np.asarray([p[i] for p in parts], dtype=np.float64) for i in range(6)))

    def to_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k).tolist() for k in ("mean", "scale", "coef", "intercept", "slope", "offset")}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Linear:
        import numpy as np

        return cls(
            *(np.asarray(d[k], dtype=np.float64) for k in ("mean", "scale", "coef", "intercept", "slope", "offset"))
        )


@dataclass(frozen=True)
class Model:
    """A trained model: a scikit-learn pipeline (from a joblib file or `train`), its linear
    arrays (from a JSON file, or derived from a logistic-regression pipeline), or both."""

    pipeline: Any
    metadata: dict[str, Any] = field(default_factory=dict)
    name: str = DEFAULT_MODEL
    linear: Linear | None = None
    style: StyleStage | None = None  # the style stage (`qualcheck.style`), when trained with one
    spin: SpinStage | None = None  # the paraphraser-vocabulary stage (`qualcheck.spin`), likewise

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(self.name, str(self.metadata.get("qualcheck", "")), str(self.metadata.get("sklearn", "")))

    @property
    def feature_names(self) -> list[str]:
        return [str(n) for n in self.metadata["feature_names"]]

    @property
    def code_columns(self) -> list[tuple[int, str]]:
        """(column, finding code) of each per-code feature."""
        return [(i, n[5:]) for i, n in enumerate(self.feature_names) if n.startswith("code:")]

    @property
    def codes(self) -> list[str]:
        return [c for _, c in self.code_columns]

    def rows(self, analyses: Sequence[Analysis]) -> Any:
        return feature_matrix(analyses, self.codes)

    def style_rows(self, analyses: Sequence[Analysis]) -> Any:
        """The style rates of each analysis, one row each."""
        import numpy as np

        return np.array([a.style for a in analyses], dtype=np.float64).reshape(len(analyses), len(STYLE_NAMES))

    def spin_logits(self, analyses: Sequence[Analysis]) -> list[float] | None:
        """The spin stage's log-odds of each analysis (None for a model without the stage)."""
        if self.spin is None:
            return None
        return [self.spin.logit(a.counts, a.n_words) for a in analyses]

    def predict(self, analyses: Sequence[Analysis]) -> list[float]:
        """Calibrated content-farm probabilities, one per analysis."""
        if not analyses:
            return []
        return self.predict_rows(self.rows(analyses), self.style_rows(analyses), self.spin_logits(analyses))

    def predict_rows(
        self, rows: Any, style_rows: Any = None, spin_logits: Sequence[float] | None = None
    ) -> list[float]:
        """Probabilities from the feature rows; with `style_rows` (`style_rows()`) and `spin_logits`
        (`spin_logits()`), raised by the style and spin stages where the model has them."""
        if len(rows) == 0:
            return []
        if self.linear is not None:
            proba = self.linear.proba(rows)
        else:
            proba = self.pipeline.named_steps["clf"].predict_proba(rows)[:, 1]
        if self.style is not None and style_rows is not None:
            proba = self.style.combine(proba, style_rows)
        if self.spin is not None and spin_logits is not None:
            proba = raise_log_odds(proba, [self.spin.push_logit(s) for s in spin_logits])
        # BLAS may sum in another order for another batch size; six decimals keep a score
        # independent of the batch it was computed in
        return [round(float(p), SCORE_DECIMALS) for p in proba]

    def contributions(self, rows: Any) -> Any:
        """How far each feature moved each article's log-odds (linear models; None otherwise)."""
        return None if self.linear is None else self.linear.contributions(rows)


def build_pipeline(kind: str = "logreg") -> Any:
    """Features, then a classifier calibrated by sigmoid on grouped cross-validation folds."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import StandardScaler

    from .features import ArticleFeatures

    if kind == "logreg":
        clf: Any = make_pipeline(StandardScaler(), LogisticRegression(C=0.5, max_iter=2000))
    elif kind == "hgb":
        clf = HistGradientBoostingClassifier(max_iter=200, learning_rate=0.1, random_state=0)
    else:
        raise ValueError(f"unknown model kind {kind!r} (choose logreg or hgb)")
    return Pipeline(
        [
            ("features", ArticleFeatures()),
            ("clf", CalibratedClassifierCV(clf, method="sigmoid", cv=GroupKFold(n_splits=N_FOLDS))),
        ]
    )


def _fit(pipeline: Any, analyses: Sequence[Analysis], y: Sequence[int], groups: Sequence[str]) -> Any:
    import sklearn

    with sklearn.config_context(enable_metadata_routing=True):
        pipeline.fit(list(analyses), list(y), groups=list(groups))
    return pipeline


def cross_validate(
    analyses: Sequence[Analysis],
    y: Sequence[int],
    groups: Sequence[str],
    kind: str = "logreg",
    *,
    weights: Sequence[int] | None = None,
    fold_models: list[tuple[Any, set[str]]] | None = None,
) -> list[float]:
    """Out-of-fold probabilities: every example scored by a model that never saw its original.

    `weights` count an example that many times in training (real honest pages weigh more than
    the views the generator makes). With `fold_models`, each fold's fitted pipeline is appended
    with the groups it held out, so a caller can score new variants of held-out originals with a
    model that never saw them.
    """
    import numpy as np
    from sklearn.model_selection import GroupKFold

    X = np.empty(len(analyses), dtype=object)
    X[:] = list(analyses)
    ya, ga = np.asarray(y), np.asarray(groups)
    wa = np.ones(len(analyses), dtype=int) if weights is None else np.asarray(weights, dtype=int)
    out = np.zeros(len(analyses))
    for train, test in GroupKFold(n_splits=N_FOLDS).split(X, ya, ga):
        train = np.repeat(train, wa[train])
        pipe = _fit(build_pipeline(kind), list(X[train]), ya[train], ga[train])
        out[test] = pipe.predict_proba(list(X[test]))[:, 1]
        if fold_models is not None:
            fold_models.append((pipe, set(ga[test].tolist())))
    return [float(p) for p in out]


def train(
    texts: Sequence[str],
    y: Sequence[int],
    groups: Sequence[str],
    *,
    titles: Sequence[str | None] | None = None,
    page_texts: Sequence[str | None] | None = None,
    urls: Sequence[str | None] | None = None,
    weights: Sequence[int] | None = None,
    kind: str = "logreg",
    data_hash: str = "",
    sources: Sequence[dict[str, Any]] = (),
    validate: bool = True,
    style_set: Sequence[tuple[str, int, str]] = (),
    spin_set: Sequence[tuple[str, int, float, str]] = (),
) -> Model:
    """Fit the calibrated pipeline on all data; with `validate`, store grouped-CV scores too.

    `page_texts` are the visible texts of the HTML pages examples were extracted from (None for
    plain articles), `urls` their addresses (None when unknown), `weights` how many times each
    counts (see `cross_validate`); `sources` name the public files the examples came from, with their hashes.
    With `style_set` (text, label 1 for machine-written, group), a style stage is fitted on it
    (`qualcheck.style.fit_stage`); its grouped out-of-fold figures go to `metadata["style"]`. With
    `spin_set` (text, label 1 for a paraphraser's output, weight, group), a spin stage likewise
    (`qualcheck.spin.fit_stage`, figures in `metadata["spin"]`)."""
    import sklearn

    titles = titles or [None] * len(texts)
    page_texts = page_texts or [None] * len(texts)
    urls = urls or [None] * len(texts)
    analyses = [
        analyze(t, title, page, url=url or None)
        for t, title, page, url in zip(texts, titles, page_texts, urls, strict=True)
    ]
    metadata: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "kind": kind,
        "qualcheck": __version__,
        "sklearn": sklearn.__version__,
        "python": platform.python_version(),
        "training_data_sha256": data_hash,
        "sources": list(sources),
        "n_examples": len(texts),
        "n_positive": int(sum(y)),
        "n_groups": len(set(groups)),
    }
    if validate:
        from .metrics import summary

        oof = cross_validate(analyses, y, groups, kind, weights=weights)
        metadata["validation"] = summary(list(y), oof)
    repeat = [1] * len(texts) if weights is None else list(weights)
    pipeline = _fit(
        build_pipeline(kind),
        [a for a, w in zip(analyses, repeat, strict=True) for _ in range(w)],
        [t for t, w in zip(y, repeat, strict=True) for _ in range(w)],
        [g for g, w in zip(groups, repeat, strict=True) for _ in range(w)],
    )
    metadata["feature_names"] = [str(n) for n in pipeline.named_steps["features"].get_feature_names_out()]
    model = Model(pipeline, metadata, linear=Linear.from_pipeline(pipeline))
    style = _style_stage(model, style_set, metadata) if style_set else None
    spin = _spin_stage(spin_set, metadata) if spin_set else None
    return Model(pipeline, metadata, linear=model.linear, style=style, spin=spin)


def _spin_stage(spin_set: Sequence[tuple[str, int, float, str]], metadata: dict[str, Any]) -> SpinStage:
    """The spin stage fitted on `spin_set`, its out-of-fold figures written to `metadata["spin"]`."""
    from .metrics import summary
    from .spin import fit_stage
    from .text import Doc

    docs = [Doc(t) for t, _, _, _ in spin_set]
    texts = [(d.counts, d.n_words) for d in docs]
    labels = [label for _, label, _, _ in spin_set]
    stage, oof = fit_stage(texts, labels, [w for _, _, w, _ in spin_set], [g for _, _, _, g in spin_set])
    use = [math.isfinite(v) for v in oof]
    metadata["spin"] = {
        "n_examples": sum(use),
        "n_paraphrased": sum(label for label, u in zip(labels, use, strict=True) if u),
        "n_words": len(stage.weights),
        **summary(
            [label for label, u in zip(labels, use, strict=True) if u],
            [1.0 / (1.0 + math.exp(-v)) for v in oof if math.isfinite(v)],
        ),
    }
    return stage


def _style_stage(model: Model, style_set: Sequence[tuple[str, int, str]], metadata: dict[str, Any]) -> StyleStage:
    """The style stage fitted on `style_set`, its out-of-fold figures written to `metadata["style"]`."""
    from .style import fit_stage

    style_analyses = [analyze(t) for t, _, _ in style_set]
    labels = [label for _, label, _ in style_set]
    stage, style_oof = fit_stage(model.style_rows(style_analyses), labels, [g for _, _, g in style_set])
    from .metrics import summary

    use = [math.isfinite(v) for v in style_oof]
    metadata["style"] = {
        "n_examples": sum(use),
        "n_machine": sum(label for label, u in zip(labels, use, strict=True) if u),
        **summary(
            [label for label, u in zip(labels, use, strict=True) if u],
            [1.0 / (1.0 + math.exp(-v)) for v in style_oof if math.isfinite(v)],
        ),
    }
    return stage


def save(model: Model, path: str | Path) -> None:
    """A `.json` path stores the linear arrays and metadata (logistic regression only; loads
    without scikit-learn and runs no code); any other path a joblib pickle of the pipeline."""
    if str(path).endswith(".json"):
        if model.linear is None:
            raise ModelError(f"{path}: only a logistic-regression model can be saved as JSON (use .joblib)")
        blob = {"format": MODEL_FORMAT, "metadata": model.metadata, "linear": model.linear.to_dict()}
        if model.style is not None:
            blob["style"] = model.style.to_dict()
        if model.spin is not None:
            blob["spin"] = model.spin.to_dict()
        Path(path).write_text(json.dumps(blob, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        return
    import joblib

    blob = {"format": MODEL_FORMAT, "pipeline": model.pipeline, "metadata": model.metadata}
    if model.style is not None:
        blob["style"] = model.style.to_dict()
    if model.spin is not None:
        blob["spin"] = model.spin.to_dict()
    joblib.dump(blob, path, compress=3)


def load(path: str | Path | None = None) -> Model:
    """Load a model file (default: the one shipped). A JSON model is plain data; a joblib file is
    a pickle, and unpickling runs code: only load joblib files you trust.

    Warns when a joblib file was made with another scikit-learn version; raises `ModelError` when
    the model's features no longer match the detectors of this qualcheck.
    """
    if path is None or path == DEFAULT_MODEL:
        return _load_default()
    return _load(Path(path), Path(path).stem)


@lru_cache(maxsize=1)
def _load_default() -> Model:
    with resources.as_file(resources.files("qualcheck.data").joinpath(MODEL_RESOURCE)) as p:
        if not p.is_file():
            raise ModelError("the shipped model is missing: run `qualcheck train corpora/` to build it")
        return _load(p, DEFAULT_MODEL)


def _load(path: Path, name: str) -> Model:
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    model = _load_json(path, name) if path.suffix == ".json" else _load_joblib(path, name)
    if model.feature_names != feature_names():
        raise ModelError(
            f"{path}: the model's features do not match this qualcheck's detectors (retrain with `qualcheck train`)"
        )
    return model


def _load_json(path: Path, name: str) -> Model:
    try:
        blob = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(blob, dict) or blob.get("format") != MODEL_FORMAT:
            raise ValueError(f"format {MODEL_FORMAT} expected")
        linear = Linear.from_dict(blob["linear"])
        style = StyleStage.from_dict(blob["style"]) if "style" in blob else None
        spin = SpinStage.from_dict(blob["spin"]) if "spin" in blob else None
        metadata = dict(blob["metadata"])
        n = len(metadata["feature_names"])
        if linear.coef.ndim != 2 or linear.coef.shape[1] != n or linear.mean.shape != linear.coef.shape:
            raise ValueError("arrays do not match the feature names")
    except Exception as exc:  # truncated, foreign or hand-edited: say so in one line
        raise ModelError(f"{path}: not a qualcheck model ({type(exc).__name__}: {exc})") from None
    return Model(None, metadata, name, linear, style, spin)


def _load_joblib(path: Path, name: str) -> Model:
    import joblib
    import sklearn

    try:
        blob = joblib.load(path)
    except Exception as exc:  # a truncated or foreign file: say so in one line
        raise ModelError(f"{path}: not a qualcheck model ({type(exc).__name__}: {exc})") from None
    if not isinstance(blob, dict) or blob.get("format") != MODEL_FORMAT:
        raise ModelError(f"{path}: not a qualcheck model file (format {MODEL_FORMAT} expected)")
    metadata = blob["metadata"]
    trained_with = metadata.get("sklearn")
    if trained_with != sklearn.__version__:
        warnings.warn(
            f"{path}: model trained with scikit-learn {trained_with}, running {sklearn.__version__}; "
            "scores may differ (retrain with `qualcheck train`)",
            stacklevel=3,
        )
    try:
        style = StyleStage.from_dict(blob["style"]) if "style" in blob else None
        spin = SpinStage.from_dict(blob["spin"]) if "spin" in blob else None
    except Exception as exc:
        raise ModelError(f"{path}: not a qualcheck model ({type(exc).__name__}: {exc})") from None
    return Model(blob["pipeline"], metadata, name, Linear.from_pipeline(blob["pipeline"]), style, spin)
