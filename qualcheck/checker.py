"""The library entry points: score one article or a stream of them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from .evaluate import DEFAULT_THRESHOLD
from .types import Report

Item = str | Mapping[str, Any]


class Checker:
    """Scores articles with one loaded model.

    `model` is "default" (the model shipped in the package), a path to a model file you trust, or
    a `qualcheck.model.Model`. The model is loaded once, when the first article is scored.
    """

    def __init__(
        self,
        model: Any = "default",
        threshold: float = DEFAULT_THRESHOLD,
        *,
        text_field: str = "text",
        title_field: str = "title",
        id_field: str = "id",
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold = threshold
        self.text_field = text_field
        self.title_field = title_field
        self.id_field = id_field
        self._model_spec = model
        self._model: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            from .model import Model, load

            spec = self._model_spec
            self._model = spec if isinstance(spec, Model) else load(spec)
        return self._model

    def score(self, text: str, title: str | None = None, *, id: str | None = None) -> Report:
        return self._score_batch([(id, text, title)])[0]

    def __call__(self, item: Item) -> Report:
        return self._score_batch([self._unpack(item)])[0]

    def score_many(self, items: Iterable[Item], *, batch_size: int = 256) -> Iterator[Report]:
        """Reports in input order; reads `items` lazily, so memory stays bounded."""
        it = iter(items)
        while batch := [self._unpack(x) for x in islice(it, batch_size)]:
            yield from self._score_batch(batch)

    def _unpack(self, item: Item) -> tuple[str | None, str, str | None]:
        if isinstance(item, str):
            return None, item, None
        text = item.get(self.text_field)
        if not isinstance(text, str):
            raise ValueError(f"item has no text in field {self.text_field!r}")
        title = item.get(self.title_field)
        ident = item.get(self.id_field)
        return (None if ident is None else str(ident)), text, (title if isinstance(title, str) else None)

    def _score_batch(self, batch: list[tuple[str | None, str, str | None]]) -> list[Report]:
        from .features import analyze

        analyses = [analyze(text, title) for _, text, title in batch]
        model = self.model
        scores = model.predict(analyses)
        names = model.feature_names
        rows = model.pipeline.named_steps["features"].transform(analyses)
        return [
            Report(
                id=ident,
                score=score,
                threshold=self.threshold,
                findings=a.findings,
                features=dict(zip(names, (float(v) for v in row), strict=False)),
                model=model.info,
                text=text,
                title=title,
            )
            for (ident, text, title), a, score, row in zip(batch, analyses, scores, rows, strict=False)
        ]


def score(text: str, title: str | None = None) -> Report:
    """Score one article with the shipped model and the default threshold."""
    return _default_checker().score(text, title)


_DEFAULT: list[Checker] = []


def _default_checker() -> Checker:
    if not _DEFAULT:
        _DEFAULT.append(Checker())
    return _DEFAULT[0]
