"""The `qualcheck` command: parse arguments, call the library, write results, pick the exit code.

Exit codes: 0 success; 1 with --check when any article scores at or above the threshold;
2 usage or input errors (one line each on stderr; good inputs are still scored and written).
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from .types import DEFAULT_THRESHOLD

if TYPE_CHECKING:  # pragma: no cover
    from .types import Report

EXIT_OK, EXIT_FLAGGED, EXIT_ERROR = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    from . import __version__
    from .io import FORMATS

    p = argparse.ArgumentParser(
        prog="qualcheck",
        description="Tell whether news articles are content-farm output, and show why.",
        epilog="Exit codes: 0 ok, 1 --check found an article at or above the threshold, 2 bad input.",
    )
    p.add_argument("--version", action="version", version=f"qualcheck {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("score", help="score articles: files, folders, .jsonl, or - for stdin")
    s.add_argument("paths", nargs="+", metavar="PATH", help="a .txt, .html or .jsonl file, a folder, or -")
    s.add_argument("--format", "-f", choices=FORMATS, default="table")
    s.add_argument("--explain", action="store_true", help="list every finding: line:col, code, text, message")
    s.add_argument("--check", action="store_true", help="exit 1 when any article is at or above the threshold")
    _scoring_options(s)

    h = sub.add_parser("report", help="write one self-contained HTML report: distributions and marked articles")
    h.add_argument("paths", nargs="+", metavar="PATH", help="a .txt, .html or .jsonl file, a folder, or -")
    h.add_argument("-o", "--output", required=True, metavar="FILE.html", help="the HTML file to write")
    h.add_argument("--top", type=int, default=None, metavar="N", help="articles shown with their text (default 25)")
    _scoring_options(h)

    e = sub.add_parser("explain", help="print an article with every finding marked in place")
    e.add_argument("paths", nargs="+", metavar="PATH")
    _input_options(e)

    r = sub.add_parser("rules", help="list every finding code")
    r.add_argument("--format", "-f", choices=("table", "json"), default="table")

    t = sub.add_parser("train", help="train a model from corpora/ or labelled JSONL")
    t.add_argument("source", help="a corpora folder (articles/ + metadata.csv) or JSONL with a 'label' field")
    t.add_argument(
        "-o",
        "--output",
        required=True,
        help="model file: .json (logistic regression, loads without scikit-learn) or .joblib (any kind)",
    )
    t.add_argument("--kind", choices=("logreg", "hgb"), default="logreg")
    t.add_argument("--no-validate", action="store_true", help="skip grouped cross-validation")
    t.add_argument(
        "--real",
        metavar="DIR",
        help="also learn from public data laid out as shared/train (clean-pages/, llm-rewrites.jsonl, machine-translation.jsonl)",
    )
    t.add_argument("--label-field", default="label")
    t.add_argument("--group-field", default=None, help="JSONL field that groups variants of one original")
    _input_options(t)

    v = sub.add_parser("eval", help="measure: grouped CV on corpora/, or a model on labelled JSONL")
    v.add_argument("source", help="a corpora folder (cross-validates training) or JSONL with a 'label' field")
    v.add_argument("--model", default="default", help="with JSONL: the model file to measure")
    v.add_argument("--kind", choices=("logreg", "hgb"), default="logreg", help="with a corpora folder")
    v.add_argument(
        "--real",
        metavar="DIR",
        help="also learn from public data laid out as shared/train (clean-pages/, llm-rewrites.jsonl, machine-translation.jsonl)",
    )
    v.add_argument("--threshold", "-t", type=_probability, default=DEFAULT_THRESHOLD)
    v.add_argument("--label-field", default="label")
    v.add_argument("--group-field", default=None)
    v.add_argument("--json", action="store_true", help="print the figures as JSON")
    v.add_argument(
        "--plot",
        metavar="DIR",
        help="write roc.png, precision-recall.png and reliability.png in DIR; a FILE.png gets ROC and"
        " reliability side by side (extra: plot)",
    )
    _input_options(v)

    x = sub.add_parser("index", help="build an index of originals for `match --against` (extra: match)")
    x.add_argument("paths", nargs="+", metavar="PATH", help="originals: .txt, .html or .jsonl files, folders, or -")
    x.add_argument("-o", "--output", required=True, metavar="FILE.qcx")
    x.add_argument("--jobs", "-j", type=int, default=1, help="worker processes signing originals (-1: one per core)")
    x.add_argument("--date-field", default="date", help="JSONL field with the publication date")
    _input_options(x)

    m = sub.add_parser("match", help="find the original each article copies and every word it changed (extra: match)")
    m.add_argument("paths", nargs="+", metavar="PATH", help="articles to match: files, folders, .jsonl, or -")
    m.add_argument(
        "--against",
        nargs="+",
        metavar="ORIGINALS",
        help="index files (.qcx, from `qualcheck index`) or originals in any input form; without it,"
        " the articles are clustered into copies of each other",
    )
    m.add_argument("--format", "-f", choices=("jsonl", "table"), default="jsonl")
    m.add_argument(
        "--min-confidence",
        type=_probability,
        default=None,
        help="confidence from which an article is a copy (default: fitted for 99%% no-match on clean"
        " articles whose original is not indexed, see README)",
    )
    m.add_argument(
        "--min-similarity",
        type=_probability,
        default=0.0,
        help="also require this content-word similarity to the original (default 0)",
    )
    m.add_argument("--date-field", default="date", help="JSONL field with the publication date")
    _input_options(m)

    k = sub.add_parser("punkt", help="retrain the sentence splitter's parameters on corpora/")
    k.add_argument("source")
    k.add_argument("-o", "--output", required=True)
    return p


def _scoring_options(p: argparse.ArgumentParser) -> None:
    """The options of every command that scores articles: threshold, model, parallelism, inputs."""
    p.add_argument(
        "--threshold", "-t", type=_probability, default=None, help=f"flag at or above (default {DEFAULT_THRESHOLD})"
    )
    _input_options(p)
    p.add_argument("--model", default="default", help="a model file you trust (default: the shipped model)")
    p.add_argument(
        "--jobs", "-j", type=int, default=1, help="worker processes (-1: one per core); output stays in input order"
    )
    p.add_argument("--backend", choices=("loky", "dask"), default="loky", help="where --jobs run (dask: extra 'dask')")
    p.add_argument("--scheduler", metavar="ADDRESS", help="with --backend dask: the scheduler, e.g. tcp://host:8786")
    p.add_argument(
        "--against",
        nargs="+",
        metavar="ORIGINALS",
        help="index files (.qcx) or originals: a close rewritten copy of one is finding QC701 (extra: match)",
    )


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--text-field", default="text", help="JSONL field with the article text")
    p.add_argument("--id-field", default="id", help="JSONL field with the article id")
    p.add_argument("--title-field", default="title", help="JSONL field with the title")
    p.add_argument("--url-field", default="url", help="JSONL field with the URL the article was published at")
    p.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help="largest article accepted: a whole file, or one JSONL record (default 10 MB)",
    )


def _probability(s: str) -> float:
    try:
        v = float(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {s!r}") from None
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {s}")
    return v


def _error(msg: str) -> None:
    print(f"qualcheck: error: {msg}", file=sys.stderr)


def _inputs(args: argparse.Namespace, paths: Sequence[str]):  # type: ignore[no-untyped-def]
    from .io import DEFAULT_MAX_BYTES, Fields, iter_inputs

    fields = Fields(args.text_field, args.id_field, args.title_field, args.url_field)
    return iter_inputs(paths, fields=fields, max_bytes=args.max_bytes or DEFAULT_MAX_BYTES)


def cmd_score(args: argparse.Namespace) -> int:
    from .io import Writer

    run = _Scoring(args)
    if not run.ready():
        return EXIT_ERROR
    writer = Writer(sys.stdout, args.format, explain=args.explain)
    flagged = 0
    try:
        for is_flagged, rendered in run.rendered(writer.render):
            flagged += is_flagged
            writer.write_rendered(rendered)
    except _index_errors(args) as exc:
        _error(str(exc))
        return EXIT_ERROR
    writer.close()
    if run.errors:
        return EXIT_ERROR
    return EXIT_FLAGGED if args.check and flagged else EXIT_OK


def _index_errors(args: argparse.Namespace) -> tuple[type[Exception], ...]:
    """What a damaged `--against` index raises while originals are read from it (none without)."""
    if not getattr(args, "against", None):
        return ()
    from .match import MatchIndexError

    return (MatchIndexError,)


def cmd_report(args: argparse.Namespace) -> int:
    from .report import DEFAULT_TOP, write_report

    top = DEFAULT_TOP if args.top is None else args.top
    if top < 0:
        _error("--top must be 0 or more")
        return EXIT_ERROR
    run = _Scoring(args)
    if not run.ready():
        return EXIT_ERROR
    try:
        import jinja2  # noqa: F401
    except ImportError:
        _error("report needs jinja2: pip install 'qualcheck[report]'")
        return EXIT_ERROR
    sources = run.checker.model.metadata.get("sources") or ()
    try:
        agg = write_report(run.reports(), args.output, top=top, threshold=run.checker.threshold, sources=sources)
    except _index_errors(args) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except OSError as exc:
        _error(f"{args.output}: {exc.strerror or exc}")
        return EXIT_ERROR
    print(f"wrote {args.output}: {agg.n} articles, {agg.flagged} flagged", file=sys.stderr)
    return EXIT_ERROR if run.errors else EXIT_OK


class _Scoring:
    """Reading, scoring and progress shared by `score` and `report`; bad inputs counted in `errors`."""

    def __init__(self, args: argparse.Namespace) -> None:
        from .checker import Checker

        self.args = args
        self.checker = Checker(args.model, DEFAULT_THRESHOLD if args.threshold is None else args.threshold)
        self.errors = 0

    def ready(self) -> bool:
        """Load the model (and the originals of `--against`) now: a bad model or index is one
        clear error before any output."""
        from .model import ModelError

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always")
                _ = self.checker.model
            self._parallel = _parallel_context(self.args)
        except (ModelError, ImportError) as exc:
            _error(str(exc))
            return False
        self._indexes = None
        if self.args.against:
            self._indexes = _load_against(self.args, self.args.against)
            if self._indexes is None:
                return False
        return True

    def _articles(self) -> Iterator[dict[str, Any]]:
        from .io import Article

        for item in _inputs(self.args, self.args.paths):
            if isinstance(item, Article):
                yield {"id": item.id, "text": item.text, "title": item.title, "page": item.page, "url": item.url}
            else:
                self.errors += not item.warning
                print(f"qualcheck: {item}", file=sys.stderr)

    def reports(self) -> Iterator[Report]:
        return self.rendered(None)

    def rendered(self, render: Callable[[Report], Any] | None) -> Iterator[Any]:
        """`render(report)` per article (the reports without `render`), computed in the worker
        processes with --jobs, so only its result comes back; with --against, evidence of
        copying is added first, in this process, where the index is."""
        args = self.args
        progress = _Progress() if sys.stderr.isatty() else None
        n_jobs = args.jobs if args.backend == "loky" or args.jobs != 1 else -1
        in_worker = render if not self._indexes else None
        with self._parallel:
            outputs = self.checker.render_many(
                self._articles(), in_worker, n_jobs=n_jobs, batch_size=256, own_pool=True
            )
            for out in outputs:
                if in_worker is None:
                    out = _copy_evidence(out, self._indexes) if self._indexes else out
                    out = out if render is None else render(out)
                yield out
                if progress:
                    progress.tick()
        if progress:
            progress.done()


def _parallel_context(args: argparse.Namespace) -> Any:
    """joblib's default processes, or a Dask cluster (`--scheduler`, or a local one)."""
    import contextlib

    if args.backend != "dask":
        return contextlib.nullcontext()
    try:
        from distributed import Client
    except ImportError:
        raise ImportError("--backend dask needs dask.distributed: pip install 'qualcheck[dask]'") from None
    from joblib import parallel_config

    client = Client(args.scheduler) if args.scheduler else Client(processes=False)
    stack = contextlib.ExitStack()
    stack.enter_context(client)
    stack.enter_context(parallel_config(backend="dask"))
    return stack


class _Progress:
    """Articles scored and the rate, on one line of a terminal's stderr."""

    def __init__(self) -> None:
        import time

        self._clock = time.monotonic
        self.start = self.last = self._clock()
        self.n = 0

    def tick(self) -> None:
        self.n += 1
        now = self._clock()
        if now - self.last >= 0.5:
            self.last = now
            rate = self.n / max(now - self.start, 1e-9)
            print(f"\r{self.n:,} articles, {rate:,.0f}/s", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.last != self.start:
            print(file=sys.stderr)


def cmd_explain(args: argparse.Namespace) -> int:
    from .checker import Checker
    from .io import Article

    checker = Checker()
    errors = 0
    for item in _inputs(args, args.paths):
        if not isinstance(item, Article):
            errors += not item.warning
            print(f"qualcheck: {item}", file=sys.stderr)
            continue
        r = checker({"id": item.id, "text": item.text, "title": item.title, "page": item.page, "url": item.url})
        print(f"== {r.id}  score {r.score:.3f}  {r.verdict}")
        for line in _stage_lines(r.features):
            print(line)
        for f in r.findings:
            if f.field != "text":
                print(f"{f.field}: \u27e6{r.source(f)[f.start : f.end]}\u27e7{{{f.code}}}  {f.message}")
        print(mark_findings(r.text, [f for f in r.findings if f.field == "text"]))
    return EXIT_ERROR if errors else EXIT_OK


def _stage_lines(features: dict[str, float]) -> list[str]:
    """What the style and spin stages added to the log-odds, when they added anything: evidence
    without a span, named so it can be checked (the spin stage's words are in the text)."""
    lines = []
    if features.get("style:push", 0.0) > 0:
        lines.append(f"style: machine-written news rates (+{features['style:push']:.2f} log-odds)")
    if features.get("spin:push", 0.0) > 0:
        words = [k[len("spin:word:") :] for k in features if k.startswith("spin:word:")]
        lines.append(f"spin: a paraphraser's word choice (+{features['spin:push']:.2f} log-odds): {', '.join(words)}")
    return lines


def mark_findings(text: str, findings: Sequence) -> str:  # type: ignore[type-arg]
    """The text with each finding wrapped as `⟦...⟧{CODE}`; overlapping findings nest."""
    inserts: list[tuple[int, int, str]] = []
    for f in findings:
        inserts.append((f.start, 1, "⟦"))
        inserts.append((f.end, 0, f"⟧{{{f.code}}}"))
    out, pos = [], 0
    for at, _, mark in sorted(inserts, key=lambda x: (x[0], x[1])):
        out.append(text[pos:at])
        out.append(mark)
        pos = at
    out.append(text[pos:])
    return "".join(out)


def cmd_rules(args: argparse.Namespace) -> int:
    from .detectors import rules
    from .io import rule_rows
    from .match import copy_rules

    rows = rule_rows([*rules(), *copy_rules()])
    if args.format == "json":
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            print(f"{r['code']}  {r['family']:<12} {r['severity']:<6}  {r['name']:<28} {r['description']}")
    return EXIT_OK


def cmd_train(args: argparse.Namespace) -> int:
    import os

    from . import model as m
    from .corpora import data_hash, training_examples

    sources: list[dict[str, Any]] = []
    page_texts: list[str | None] | None = None
    urls: list[str | None] | None = None
    weights: list[int] | None = None
    style_set: list[tuple[str, int, str]] = []
    spin_set: list[tuple[str, int, float, str]] = []
    if os.path.isdir(args.source):
        examples = training_examples(args.source)
        if not examples:
            _error(f"{args.source}: no articles found")
            return EXIT_ERROR
        if args.real:
            real = _real_examples(args.real)
            if real is None:
                return EXIT_ERROR
            examples += real[0]
            sources = real[1]
            style, style_sources = _style_set(args.source, args.real)
            style_set = [(e.text, e.label, e.group) for e in style]
            sources += style_sources
            spin, spin_sources = _spin_set(args.real)
            spin_set = [(e.text, e.label, e.weight, e.group) for e in spin]
            known = {t["path"] for t in sources}
            sources += [s for s in spin_sources if s["path"] not in known]
        texts = [e.text for e in examples]
        y = [e.label for e in examples]
        groups = [e.group for e in examples]
        titles = [e.title or None for e in examples]
        page_texts = [getattr(e, "page_text", None) for e in examples]
        urls = [e.url or None for e in examples]
        weights = [e.weight for e in examples]
        digest = data_hash(examples)
    else:
        loaded = _labelled_jsonl(args)
        if loaded is None:
            return EXIT_ERROR
        texts, y, groups, titles, digest = loaded
    print(f"training on {len(texts)} examples ({sum(y)} content-farm) in {len(set(groups))} groups", file=sys.stderr)
    model = m.train(
        texts,
        y,
        groups,
        titles=titles,
        page_texts=page_texts,
        urls=urls,
        weights=weights,
        kind=args.kind,
        data_hash=digest,
        sources=sources,
        validate=not args.no_validate,
        style_set=style_set,
        spin_set=spin_set,
    )
    m.save(model, args.output)
    if "validation" in model.metadata:
        print(json.dumps(model.metadata["validation"], indent=2))
    print(f"wrote {args.output}", file=sys.stderr)
    return EXIT_OK


def _style_set(corpora: str, folder: str) -> tuple[list[Any], list[dict[str, Any]]]:
    """The style model's training set (`trainsets.style_examples`) with corpora/'s machine-written
    articles on the machine side, and the public files it adds."""
    from dataclasses import asdict

    from .corpora import read_generated
    from .trainsets import style_examples

    examples, sources = style_examples(folder, [(g.id, g.text) for g in read_generated(corpora)])
    return examples, [asdict(s) for s in sources]


def _spin_set(folder: str) -> tuple[list[Any], list[dict[str, Any]]]:
    """The spin model's training set (`trainsets.spin_examples`) and the public files it reads."""
    from dataclasses import asdict

    from .trainsets import spin_examples

    examples, sources = spin_examples(folder)
    return examples, [asdict(s) for s in sources]


def _real_examples(folder: str) -> tuple[list[Any], list[dict[str, Any]]] | None:
    """Examples from a public data folder and the files they came from; None (after one line on
    stderr) when the folder holds none of the expected files."""
    from dataclasses import asdict

    from .html import HTMLUnavailable
    from .trainsets import real_examples

    try:
        examples, sources = real_examples(folder)
    except HTMLUnavailable as exc:
        _error(str(exc))
        return None
    if not examples:
        _error(f"{folder}: no public training data found (clean-pages/ or llm-rewrites.jsonl)")
        return None
    return examples, [asdict(s) for s in sources]


def _labelled_jsonl(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    import hashlib

    from .io import Article

    texts, y, groups, titles = [], [], [], []
    h = hashlib.sha256()
    errors = 0
    for item in _inputs(args, [args.source]):
        if not isinstance(item, Article) and item.warning:
            print(f"qualcheck: {item}", file=sys.stderr)
            continue
        label = item.record.get(args.label_field) if isinstance(item, Article) and item.record else None
        if not isinstance(item, Article) or label not in (0, 1):
            errors += 1
            print(
                f"qualcheck: {item if not isinstance(item, Article) else item.id + ': no 0/1 label'}", file=sys.stderr
            )
            continue
        texts.append(item.text)
        y.append(int(label))
        group = item.record.get(args.group_field) if args.group_field and item.record else None
        groups.append(str(group) if group is not None else item.id)
        titles.append(item.title)
        h.update(f"{item.id}\x00{item.text}\x00{int(label)}\x00".encode())
    if errors or len(set(y)) < 2:
        _error("fix the input errors above" if errors else "training needs examples of both labels (0 and 1)")
        return None
    return texts, y, groups, titles, h.hexdigest()


def cmd_eval(args: argparse.Namespace) -> int:
    import os

    from . import evaluate as ev

    if os.path.isdir(args.source):
        extra = None
        if args.real:
            real = _real_examples(args.real)
            if real is None:
                return EXIT_ERROR
            extra = real[0]
        result = ev.evaluate_corpus(args.source, args.kind, args.threshold, extra=extra)
    else:
        from .checker import Checker
        from .model import ModelError

        loaded = _labelled_jsonl(args)
        if loaded is None:
            return EXIT_ERROR
        texts, y, _groups, titles, _digest = loaded
        try:
            checker = Checker(args.model, args.threshold)
            scores = [
                r.score
                for r in checker.score_many({"text": t, "title": ti} for t, ti in zip(texts, titles, strict=True))
            ]
        except ModelError as exc:
            _error(str(exc))
            return EXIT_ERROR
        result = ev.evaluate_scores(y, scores, args.threshold)
    y_true, p = result.pop("_y"), result.pop("_p")
    print(json.dumps(result, indent=2) if args.json else ev.format_report(result))
    if args.plot:
        try:
            written = ev.plot(y_true, p, args.plot)
        except ImportError:
            _error("--plot needs matplotlib: pip install 'qualcheck[plot]'")
            return EXIT_ERROR
        except OSError as exc:
            _error(f"{args.plot}: {exc.strerror or exc}")
            return EXIT_ERROR
        print(f"wrote {', '.join(written)}", file=sys.stderr)
    return EXIT_OK


def cmd_punkt(args: argparse.Namespace) -> int:
    from .corpora import read_articles
    from .text import train_punkt

    params = train_punkt(a.text for a in read_articles(args.source))
    with open(args.output, "w", encoding="utf-8") as fh:
        json.dump(params, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {args.output}: {len(params['abbrev_types'])} abbreviations", file=sys.stderr)
    return EXIT_OK


def _originals(args: argparse.Namespace, paths: Sequence[str], errors: list[str]) -> Any:
    """(id, text, title, date) for each original read from `paths`; problems go to `errors`."""
    from .io import Article

    for item in _inputs(args, paths):
        if isinstance(item, Article):
            date = item.record.get(getattr(args, "date_field", "date")) if item.record else None
            yield item.id, item.text, item.title, str(date) if date is not None else None
        else:
            if not item.warning:
                errors.append(str(item))
            print(f"qualcheck: {item}", file=sys.stderr)


def _datasketch_missing(what: str) -> bool:
    """True, after one line on stderr, when the `match` extra is not installed. qualcheck.match
    imports datasketch only where it hashes, so importing the module alone proves nothing."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        _error(f"{what} needs datasketch: pip install 'qualcheck[match]'")
        return True
    return False


def cmd_index(args: argparse.Namespace) -> int:
    if _datasketch_missing("index"):
        return EXIT_ERROR
    from .match import build_index

    errors: list[str] = []
    try:
        n = build_index(_originals(args, args.paths, errors), args.output, n_jobs=args.jobs)
    except OSError as exc:
        _error(f"{args.output}: {exc.strerror or exc}")
        return EXIT_ERROR
    print(f"wrote {args.output}: {n:,} originals", file=sys.stderr)
    return EXIT_ERROR if errors or n == 0 else EXIT_OK


def _load_against(args: argparse.Namespace, against: Sequence[str]) -> list[Any] | None:
    """The indexes to match against: each .qcx file loaded, other inputs read into one in-memory
    index. None, after one line on stderr per problem, when one cannot be used."""
    if _datasketch_missing("--against"):
        return None
    from .match import Index, MatchIndexError

    indexes = []
    try:
        for path in (p for p in against if p.lower().endswith(".qcx")):
            indexes.append(Index.load(path))
    except MatchIndexError as exc:
        _error(str(exc))
        return None
    others = [p for p in against if not p.lower().endswith(".qcx")]
    if others:
        errors: list[str] = []
        ix = Index()
        for id_, text, title, date in _originals(args, others, errors):
            ix.add(id_, text, title, date)
        if errors:
            return None
        indexes.append(ix)
    return indexes


def _best_match(indexes: Sequence[Any], text: str, min_confidence: float, min_similarity: float = 0.0) -> Any:
    results = [ix.match(text, min_confidence=min_confidence, min_similarity=min_similarity) for ix in indexes]
    return max(results, key=lambda r: (r.verdict != "no-match", r.confidence))


def _copy_evidence(report: Any, indexes: Sequence[Any]) -> Any:
    from .match import MATCH_MIN_CONFIDENCE, with_copy_evidence

    return with_copy_evidence(report, _best_match(indexes, report.text, MATCH_MIN_CONFIDENCE))


def cmd_match(args: argparse.Namespace) -> int:
    from .io import Article

    if _datasketch_missing("match"):
        return EXIT_ERROR
    from .match import MATCH_MIN_CONFIDENCE, MatchIndexError

    if not args.against:
        return _match_crawl(args)
    errors: list[str] = []
    indexes = _load_against(args, args.against)
    if indexes is None:
        return EXIT_ERROR
    threshold = MATCH_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    for item in _inputs(args, args.paths):
        if not isinstance(item, Article):
            errors += [] if item.warning else [str(item)]
            print(f"qualcheck: {item}", file=sys.stderr)
            continue
        try:
            best = _best_match(indexes, item.text, threshold, args.min_similarity)
        except MatchIndexError as exc:
            _error(str(exc))
            return EXIT_ERROR
        if args.format == "table":
            _match_table(item.id, item.text, best)
        else:
            print(json.dumps({"id": item.id, **best.to_dict()}, ensure_ascii=False))
    return EXIT_ERROR if errors else EXIT_OK


def _match_crawl(args: argparse.Namespace) -> int:
    """`match` without --against: cluster the articles read into copies of each other; an
    undated cluster's original is the member qualcheck scores as least damaged."""
    from .match import MATCH_MIN_CONFIDENCE, cluster

    errors: list[str] = []
    docs = list(_originals(args, args.paths, errors))
    checker = None

    def damage(text: str) -> float:
        nonlocal checker
        if checker is None:
            from .checker import Checker

            checker = Checker()
        return float(checker.score(text).score)

    threshold = MATCH_MIN_CONFIDENCE if args.min_confidence is None else args.min_confidence
    try:
        records = cluster(docs, damage, min_confidence=threshold)
    except (ImportError, ValueError) as exc:
        _error(str(exc))
        return EXIT_ERROR
    texts = {d[0]: d[1] for d in docs}
    for rec in records:
        if args.format == "table":
            _match_table(rec.id, texts[rec.id], rec.result)
        else:
            print(json.dumps(rec.to_dict(), ensure_ascii=False))
    return EXIT_ERROR if errors else EXIT_OK


def _match_table(ident: str, text: str, r: Any) -> None:
    """One line per article, then each changed stretch: the original's words beside the copy's."""
    source = r.source_id if r.source_id is not None else "-"
    print(f"{r.verdict:<15} {r.similarity:5.3f}  changed {r.changed_share:5.1%}  {ident}  <-  {source}")
    for s in r.substitutions:
        left = " ".join(s.source_text.split()) or "(nothing)"
        right = " ".join(s.text.split()) or "(nothing)"
        print(f"    {s.source_start:>7}  {left[:40]:<40}  ->  {s.start:>7}  {right[:40]}")


COMMANDS = {
    "score": cmd_score,
    "report": cmd_report,
    "explain": cmd_explain,
    "rules": cmd_rules,
    "train": cmd_train,
    "eval": cmd_eval,
    "punkt": cmd_punkt,
    "index": cmd_index,
    "match": cmd_match,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`): not an error worth a traceback
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
