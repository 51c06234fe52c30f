"""Build, train, calibrate, save and load the classifier.

The saved file is a joblib pickle of `{"format", "pipeline", "metadata"}`. Loading a pickle runs
code, so only load model files you trust: the one shipped in the package or ones you trained.
"""

from __future__ import annotations

import platform
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from . import __version__
from .features import Analysis, ArticleFeatures, analyze
from .types import ModelInfo

MODEL_FORMAT = 1
DEFAULT_MODEL = "default"
MODEL_RESOURCE = "model.joblib"
N_FOLDS = 5
SCORE_DECIMALS = 6


class ModelError(Exception):
    """A model file that cannot be used with this version of qualcheck."""


@dataclass(frozen=True)
class Model:
    pipeline: Any
    metadata: dict[str, Any] = field(default_factory=dict)
    name: str = DEFAULT_MODEL

    @property
    def info(self) -> ModelInfo:
        return ModelInfo(self.name, str(self.metadata.get("qualcheck", "")), str(self.metadata.get("sklearn", "")))

    def predict(self, analyses: Sequence[Analysis]) -> list[float]:
        """Calibrated content-farm probabilities, one per analysis."""
        if not analyses:
            return []
        proba = self.pipeline.predict_proba(list(analyses))
        # BLAS may sum in another order for another batch size; six decimals keep a score
        # independent of the batch it was computed in
        return [round(float(p), SCORE_DECIMALS) for p in proba[:, 1]]

    def contributions(self, rows: Any) -> Any:
        """Per article and feature, how far the feature moved the calibrated log-odds from an
        average article (linear models only; None for others). Explanations rank by this."""
        import numpy as np

        calibrated = getattr(self.pipeline.named_steps["clf"], "calibrated_classifiers_", [])
        total = np.zeros_like(rows, dtype=np.float64)
        for cc in calibrated:
            steps = getattr(cc.estimator, "named_steps", {})
            scaler, linear = steps.get("standardscaler"), steps.get("logisticregression")
            slope = getattr(cc.calibrators[0], "a_", None)
            if scaler is None or linear is None or slope is None:
                return None
            total += -slope * linear.coef_[0] * (rows - scaler.mean_) / scaler.scale_
        return total / len(calibrated) if calibrated else None

    @property
    def feature_names(self) -> list[str]:
        return [str(n) for n in self.pipeline.named_steps["features"].get_feature_names_out()]


def build_pipeline(kind: str = "logreg") -> Any:
    """Features, then a classifier calibrated by sigmoid on grouped cross-validation folds."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold
    from sklearn.pipeline import Pipeline, make_pipeline
    from sklearn.preprocessing import StandardScaler

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
    fold_models: list[tuple[Any, set[str]]] | None = None,
) -> list[float]:
    """Out-of-fold probabilities: every example scored by a model that never saw its original.

    With `fold_models`, each fold's fitted pipeline is appended with the groups it held out, so
    a caller can score new variants of held-out originals with a model that never saw them.
    """
    import numpy as np
    from sklearn.model_selection import GroupKFold

    X = np.empty(len(analyses), dtype=object)
    X[:] = list(analyses)
    ya, ga = np.asarray(y), np.asarray(groups)
    out = np.zeros(len(analyses))
    for train, test in GroupKFold(n_splits=N_FOLDS).split(X, ya, ga):
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
    kind: str = "logreg",
    data_hash: str = "",
    validate: bool = True,
) -> Model:
    """Fit the calibrated pipeline on all data; with `validate`, store grouped-CV scores too."""
    import sklearn

    titles = titles or [None] * len(texts)
    analyses = [analyze(t, title) for t, title in zip(texts, titles, strict=False)]
    metadata: dict[str, Any] = {
        "format": MODEL_FORMAT,
        "kind": kind,
        "qualcheck": __version__,
        "sklearn": sklearn.__version__,
        "python": platform.python_version(),
        "training_data_sha256": data_hash,
        "n_examples": len(texts),
        "n_positive": int(sum(y)),
        "n_groups": len(set(groups)),
    }
    if validate:
        from .evaluate import summary

        oof = cross_validate(analyses, y, groups, kind)
        metadata["validation"] = summary(list(y), oof)
    pipeline = _fit(build_pipeline(kind), analyses, y, groups)
    metadata["feature_names"] = [str(n) for n in pipeline.named_steps["features"].get_feature_names_out()]
    return Model(pipeline, metadata)


def save(model: Model, path: str | Path) -> None:
    import joblib

    joblib.dump({"format": MODEL_FORMAT, "pipeline": model.pipeline, "metadata": model.metadata}, path, compress=3)


def load(path: str | Path | None = None) -> Model:
    """Load a model file (default: the one shipped). Only load files you trust: unpickling runs code.

    Warns when the file was made with another scikit-learn version; raises `ModelError` when its
    features no longer match the detectors of this qualcheck.
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
    import joblib
    import sklearn

    try:
        blob = joblib.load(path)
    except FileNotFoundError:
        raise ModelError(f"{path}: no such model file") from None
    except Exception as exc:  # a truncated or foreign file: say so in one line
        raise ModelError(f"{path}: not a qualcheck model ({type(exc).__name__}: {exc})") from None
    if not isinstance(blob, dict) or blob.get("format") != MODEL_FORMAT:
        raise ModelError(f"{path}: not a qualcheck model file (format {MODEL_FORMAT} expected)")
    model = Model(blob["pipeline"], blob["metadata"], name)
    trained_with = model.metadata.get("sklearn")
    if trained_with != sklearn.__version__:
        warnings.warn(
            f"{path}: model trained with scikit-learn {trained_with}, running {sklearn.__version__}; "
            "scores may differ (retrain with `qualcheck train`)",
            stacklevel=2,
        )
    expected = ArticleFeatures().fit([]).get_feature_names_out().tolist()
    if model.metadata.get("feature_names") != expected:
        raise ModelError(
            f"{path}: the model's features do not match this qualcheck's detectors (retrain with `qualcheck train`)"
        )
    return model
