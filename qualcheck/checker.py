"""The library entry points: score one article, a stream of them, or HTML pages; filter items."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal

from .types import DEFAULT_THRESHOLD, Report

if TYPE_CHECKING:  # pragma: no cover
    from .html import Page

Item = str | Mapping[str, Any]


@dataclass(frozen=True)
class _Job:
    id: str | None
    text: str
    title: str | None
    page: Page | None = None
    url: str | None = None


class Checker:
    """Scores articles with one loaded model; call it on text or on an item dict.

    `model` is "default" (the model shipped in the package), a path to a model file you trust, or
    a `qualcheck.model.Model`. The model is loaded once, when the first article is scored. Items
    are strings or mappings with the text (or, with `html_field`, a whole HTML page), a title, an
    id and the URL the article was published at under the configured field names. The URL is
    evidence: a title or credit line naming another outlet than the URL's site is a finding.
    """

    def __init__(
        self,
        model: Any = "default",
        threshold: float = DEFAULT_THRESHOLD,
        *,
        text_field: str = "text",
        title_field: str = "title",
        id_field: str = "id",
        html_field: str | None = "html",
        url_field: str = "url",
    ) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold = threshold
        self.text_field = text_field
        self.title_field = title_field
        self.id_field = id_field
        self.html_field = html_field
        self.url_field = url_field
        self._model_spec = model
        self._model: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            from .model import Model, load

            spec = self._model_spec
            self._model = spec if isinstance(spec, Model) else load(spec)
        return self._model

    def score(self, text: str, title: str | None = None, *, url: str | None = None, id: str | None = None) -> Report:
        return self._score_batch([_Job(id, text, title, url=url)])[0]

    def score_html(self, html: str | bytes, url: str | None = None, *, id: str | None = None) -> Report | None:
        """Score a saved page: its main text and title, with the page's own chrome as evidence.
        `None` when the page holds no article text. The page's canonical URL, when it gives one,
        stands for the site; else `url`. Needs the `html` extra (trafilatura)."""
        from .html import extract

        page = extract(html, url)
        if page is None:
            return None
        return self._score_batch([_Job(id or url, page.text, page.title, page, page.url)])[0]

    def __call__(self, item: Item) -> Report:
        return self._score_batch([self._unpack(item)])[0]

    def score_many(self, items: Iterable[Item], *, batch_size: int = 256, n_jobs: int = 1) -> Iterator[Report]:
        """Reports in input order; reads `items` lazily, so memory stays bounded.

        With `n_jobs` other than 1, chunks of `batch_size` items are scored in parallel by joblib
        (-1: one process per core), a few chunks ahead of the consumer; inside
        `joblib.parallel_config(backend="dask")` they run on a Dask cluster instead.
        """
        return self.render_many(items, None, batch_size=batch_size, n_jobs=n_jobs)

    def render_many(
        self,
        items: Iterable[Item],
        render: Callable[[Report], Any] | None,
        *,
        batch_size: int = 256,
        n_jobs: int = 1,
        own_pool: bool = False,
    ) -> Iterator[Any]:
        """`render(report)` for each item, in input order (the reports themselves without
        `render`). With `n_jobs` other than 1 it runs in the worker that scored the article, so
        only what it returns (a JSON line, say) crosses between processes, not the report with
        its text and features: a module-level function or a `functools.partial` of one.

        With `own_pool` (the CLI's choice) the workers are a spawned process pool of qualcheck's
        own instead of joblib's, lighter by loky's resource tracker; spawning re-imports the
        calling script, so a script needs its `if __name__ == "__main__":` guard."""
        it = iter(items)
        chunks = iter(lambda: [self._unpack(x) for x in islice(it, batch_size)], [])
        if n_jobs == 1:
            for chunk in chunks:
                reports = self._score_batch(chunk)
                yield from reports if render is None else map(render, reports)
            return
        spec = self._settings()
        if not own_pool or _joblib_backend_chosen():
            from joblib import Parallel, delayed

            tasks = (delayed(_score_chunk)(spec, chunk, render) for chunk in chunks)
            for results in Parallel(n_jobs=n_jobs, return_as="generator", pre_dispatch="2 * n_jobs")(tasks):
                yield from results
            return
        yield from _pool_map(spec, chunks, render, n_jobs)

    def _settings(self) -> tuple[Any, ...]:
        """What a worker process needs to build the same checker (the model by name or path)."""
        spec = self._model_spec
        from .model import Model

        if isinstance(spec, Model):
            spec = self.model
        return (spec, self.threshold, self.text_field, self.title_field, self.id_field, self.html_field, self.url_field)

    def _unpack(self, item: Item) -> _Job:
        if isinstance(item, str):
            return _Job(None, item, None)
        ident = item.get(self.id_field)
        ident = None if ident is None else str(ident)
        title = item.get(self.title_field)
        title = title if isinstance(title, str) else None
        url = item.get(self.url_field)
        url = url if isinstance(url, str) and url.strip() else None
        page = item.get("page")
        if page is not None:
            return _Job(ident, page.text, page.title, page, page.url or url)
        text = item.get(self.text_field)
        if isinstance(text, str):
            return _Job(ident, text, title, url=url)
        html = item.get(self.html_field) if self.html_field else None
        if isinstance(html, (str, bytes)):
            from .html import extract

            extracted = extract(html, url)
            if extracted is None:
                raise ValueError("the HTML page holds no article text")
            return _Job(ident, extracted.text, title or extracted.title, extracted, extracted.url)
        raise ValueError(f"item has no text in field {self.text_field!r}")

    def _score_batch(self, batch: list[_Job]) -> list[Report]:
        from .features import analyze

        analyses = [
            analyze(job.text, job.title, job.page.page_text if job.page else None, url=job.url) for job in batch
        ]
        model = self.model
        rows = model.rows(analyses)
        style_rows = model.style_rows(analyses) if model.style is not None else None
        spin_logits = model.spin_logits(analyses)
        scores = model.predict_rows(rows, style_rows, spin_logits)
        names = model.feature_names
        pushes = model.contributions(rows)
        styles: list[dict[str, float]] = [{} for _ in batch]
        if model.style is not None and style_rows is not None:
            # what the style stage read and how far it raised the log-odds (`style:push`), beside the features
            from .style import STYLE_NAMES

            for extra, srow, push in zip(styles, style_rows, model.style.push(style_rows), strict=True):
                extra.update(zip(STYLE_NAMES, srow.tolist(), strict=True))
                extra["style:push"] = float(push)
        if model.spin is not None and spin_logits is not None:
            # how far the paraphraser vocabulary raised the log-odds, and the words that raised it most
            for extra, a, s in zip(styles, analyses, spin_logits, strict=True):
                push = model.spin.push_logit(s)
                extra["spin:push"] = push
                if push > 0:
                    extra.update((f"spin:word:{w}", v) for w, v in model.spin.top_words(a.counts, a.n_words))
        code_columns = model.code_columns
        return [
            Report(
                id=job.id,
                score=score,
                threshold=self.threshold,
                findings=a.findings,
                features={**dict(zip(names, row.tolist(), strict=True)), **styles[k]},
                model=model.info,
                text=job.text,
                title=job.title,
                page_text=job.page.page_text if job.page else None,
                url=job.url,
                influence={} if pushes is None else {c: float(pushes[k][i]) for i, c in code_columns if row[i]},
            )
            for k, (job, a, score, row) in enumerate(zip(batch, analyses, scores, rows, strict=True))
        ]


def _score_chunk(
    settings: tuple[Any, ...], chunk: list[_Job], render: Callable[[Report], Any] | None = None
) -> list[Any]:
    """Runs in a worker: one checker (and one loaded model) per settings per process. A model
    object (not a name or path) arrives unpickled afresh with every chunk: its checker is built
    for the chunk, as keeping it would keep every copy."""
    if settings[0] is None or isinstance(settings[0], (str, PathLike)):
        reports = _worker_checker(settings)._score_batch(chunk)
    else:
        reports = _checker(settings)._score_batch(chunk)
    return reports if render is None else [render(r) for r in reports]


def _joblib_backend_chosen() -> bool:
    """Whether the caller chose a joblib backend (`joblib.parallel_config(backend="dask")`):
    the chunks then go where it sends them."""
    from joblib.parallel import get_active_backend

    backend, _ = get_active_backend()
    return type(backend).__name__ != "LokyBackend"


def _pool_map(
    settings: tuple[Any, ...], chunks: Iterator[list[_Job]], render: Callable[[Report], Any] | None, n_jobs: int
) -> Iterator[Any]:
    """Chunks scored by `n_jobs` worker processes (-1: one per core), at most two per worker in
    flight, results in input order. Each worker builds its checker, and loads the model, once,
    when it starts. Spawned, not forked: a worker holds only what scoring needs; and beside them
    runs only multiprocessing's small resource tracker, not loky's as well (40 MB, as big as a
    worker), so streaming with --jobs 2 stays under 300 MB for all processes together."""
    from collections import deque
    from concurrent.futures.process import BrokenProcessPool

    workers = max(1, (os.cpu_count() or 1) + 1 + n_jobs) if n_jobs < 0 else n_jobs  # joblib's meaning
    pending: deque[Any] = deque()
    pool = _pool(settings, workers)
    try:
        for chunk in chunks:
            try:
                pending.append(pool.submit(_score_in_worker, chunk, render))
            except BrokenProcessPool:  # a worker died (killed, out of memory): start afresh next time
                _POOL.clear()
                raise
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()
        if not _reusable(settings):
            pool.shutdown(cancel_futures=True)


def _reusable(settings: tuple[Any, ...]) -> bool:
    return settings[0] is None or isinstance(settings[0], (str, PathLike))


_POOL: dict[Any, Any] = {}


def _pool(settings: tuple[Any, ...], workers: int) -> Any:
    """A pool of warm workers, kept for the next call with the same settings (as joblib keeps its
    workers): a second corpus does not pay for starting processes and loading the model again.
    Only one is kept; a model given as an object gets a pool of its own for the call."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    key = (settings, workers)
    if _reusable(settings) and key in _POOL:
        return _POOL[key]
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(settings,))
    if _reusable(settings):
        if not _POOL:
            import atexit

            atexit.register(_close_pools)  # before interpreter teardown, which would find it half gone
        _close_pools()
        _POOL[key] = pool
    return pool


def _close_pools() -> None:
    for pool in _POOL.values():
        pool.shutdown(wait=False, cancel_futures=True)
    _POOL.clear()


_WORKER: list[Checker] = []


def _start_worker(settings: tuple[Any, ...]) -> None:
    checker = _checker(settings)
    _ = checker.model
    _WORKER.append(checker)


def _score_in_worker(chunk: list[_Job], render: Callable[[Report], Any] | None) -> list[Any]:
    reports = _WORKER[0]._score_batch(chunk)
    return reports if render is None else [render(r) for r in reports]


@lru_cache(maxsize=8)
def _worker_checker(settings: tuple[Any, ...]) -> Checker:
    return _checker(settings)


def _checker(settings: tuple[Any, ...]) -> Checker:
    model, threshold, text_field, title_field, id_field, html_field, url_field = settings
    return Checker(
        model,
        threshold,
        text_field=text_field,
        title_field=title_field,
        id_field=id_field,
        html_field=html_field,
        url_field=url_field,
    )


def score(text: str, title: str | None = None, url: str | None = None) -> Report:
    """Score one article with the shipped model and the default threshold; `url`, where it was
    published, lets the title and credit lines be checked against the site's own name."""
    return _default_checker().score(text, title, url=url)


def score_html(html: str | bytes, url: str | None = None) -> Report | None:
    """Score a saved HTML page with the shipped model (needs the `html` extra)."""
    return _default_checker().score_html(html, url)


def filter_items(
    items: Iterable[Mapping[str, Any]],
    *,
    checker: Checker | None = None,
    action: Literal["drop", "annotate"] = "drop",
    result_field: str = "qualcheck",
) -> Iterator[Mapping[str, Any]]:
    """The hook for any scraper: with `drop`, yield only the items under the threshold; with
    `annotate`, yield every item as a new dict with the report under `result_field`."""
    checker = checker or _default_checker()
    items = iter(items)
    while batch := list(islice(items, 256)):
        for item, report in zip(batch, checker.score_many(batch), strict=True):
            if action == "annotate":
                yield {**item, result_field: annotation(report)}
            elif not report.flagged:
                yield item


def annotation(report: Report, top: int = 10) -> dict[str, Any]:
    """What an annotated item carries: score, verdict and the findings (at most `top`)."""
    d = report.to_dict()
    return {"score": d["score"], "verdict": d["verdict"], "codes": report.codes(), "findings": d["findings"][:top]}


@cache
def _default_checker() -> Checker:
    """The checker `score`, `score_html` and `filter_items` share (the shipped model, loaded once)."""
    return Checker()
