"""The spin stage (`qualcheck.spin`): a paraphraser's word choice raises a score, plain reporting
does not, and the words that raised it are named."""

from __future__ import annotations

import math
from collections import Counter

import pytest
from shared_data import TRAIN, require

from qualcheck import model as m
from qualcheck.checker import Checker
from qualcheck.spin import SpinStage, fit_stage, spin_oof
from qualcheck.text import Doc

# Written for these tests: one report, and the same report as a paraphrasing tool would return it
# (thesaurus swaps, `according to` for `said`, no word of reporting left plain).
REPORTED = (
    "The city council approved a plan on Tuesday to build 400 homes near the railway station. Council "
    'leader Maria Evans said the homes would be ready by 2028. "We need places that families can afford," '
    "she said. Opponents said the site floods every winter and asked the council to find another location. "
    "The company chosen to build the homes, Northgate Construction, said work would start in the spring. "
    "Students at the nearby college will get 50 of the flats at lower rents, the council said."
)
PARAPHRASED = (
    "On Tuesday, a plan to construct 400 residences close to the railway station was authorised by the "
    "municipal council. According to council leader Maria Evans, the residences might be completed by "
    '2028. "We require locations that households are able to afford," she stated. Opponents claimed that '
    "the location floods each winter and requested that the council discover an alternative site. "
    "Northgate Construction, the firm selected to construct the residences, stated that work would "
    "commence in the spring. Pupils at the neighbouring college will obtain 50 of the flats at reduced "
    "rents, according to the council."
)


def counts(text: str) -> tuple[Counter[str], int]:
    doc = Doc(text)
    return doc.counts, doc.n_words


def toy_set() -> tuple[list[tuple[Counter[str], int]], list[int], list[float], list[str]]:
    """Plain sentences against the same sentences with thesaurus swaps, 25 pairs of our own."""
    plain = [
        f"the company said {n} students get a large share of the {n} homes and the council said work starts soon"
        for n in range(25)
    ]
    spun = [
        t.replace("company", "firm").replace("students", "pupils").replace("get", "obtain").replace("large", "huge")
        for t in plain
    ]
    texts = [counts(t) for t in plain + spun]
    groups = [f"pair:{k}" for k in range(25)] * 2
    return texts, [0] * 25 + [1] * 25, [1.0] * 50, groups


def test_the_stage_learns_the_words_a_paraphraser_puts_in() -> None:
    texts, y, w, groups = toy_set()
    stage, oof = fit_stage(texts, y, w, groups)
    assert stage.weights["firm"] > 0 > stage.weights["company"]
    assert stage.weights["pupils"] > 0 > stage.weights["students"]
    assert all(oof[k + 25] > oof[k] for k in range(25))  # each paraphrase above its own original, out of fold
    assert stage.logit(*texts[25]) > stage.logit(*texts[0])


def test_the_stage_only_raises_and_names_its_words() -> None:
    stage = SpinStage({"firm": 1.0, "pupils": 1.0, "company": -1.0}, -3.0, margin=1.0, weight=2.0)
    plain, spun = counts("the company said students get homes"), counts("the firm said pupils get homes")
    assert stage.push(*plain) == 0.0
    assert stage.push(*spun) > 0
    assert stage.push_logit(0.5) == 0.0 and stage.push_logit(3.0) == pytest.approx(4.0)
    assert {w for w, _ in stage.top_words(*spun)} == {"firm", "pupils"}
    assert stage.logit(Counter(), 0) == -math.inf and stage.push(Counter(), 0) == 0.0


def test_the_stage_round_trips_and_rejects_a_mismatched_table(tmp_path) -> None:
    stage = SpinStage({"firm": 1.5, "company": -0.5}, -2.0, 1.0, 2.0)
    assert SpinStage.from_dict(stage.to_dict()) == stage
    broken = stage.to_dict() | {"coef": [1.0]}
    with pytest.raises(ValueError):
        SpinStage.from_dict(broken)
    import json

    blob = json.loads(m.Path(m.__file__).with_name("data").joinpath("model.json").read_text(encoding="utf-8"))
    blob["spin"]["coef"] = blob["spin"]["coef"][:-1]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(blob), encoding="utf-8")
    with pytest.raises(m.ModelError, match="not a qualcheck model"):
        m.load(bad)


def test_the_shipped_model_raises_a_paraphrase_and_not_its_original() -> None:
    checker = Checker()
    assert checker.model.spin is not None
    plain, spun = checker.score(REPORTED), checker.score(PARAPHRASED)
    assert plain.features["spin:push"] == 0.0
    assert not any(k.startswith("spin:word:") for k in plain.features)
    assert spun.features["spin:push"] > 0
    named = {k[len("spin:word:") :] for k in spun.features if k.startswith("spin:word:")}
    assert named and named <= set(PARAPHRASED.lower().replace(",", " ").replace(".", " ").split())
    assert spun.score > plain.score


def test_clean_articles_of_our_own_are_not_raised() -> None:
    """corpora/'s clean articles (ours; the stage never trained on them) keep their scores."""
    from pathlib import Path

    from qualcheck.corpora import read_articles

    articles = read_articles(Path(__file__).resolve().parents[1] / "corpora")
    reports = list(Checker().score_many({"text": a.text} for a in articles))
    raised = sum(r.features["spin:push"] > 0 for r in reports)
    assert raised <= 0.01 * len(reports), raised


def test_real_paraphrases_rank_above_their_originals_out_of_fold() -> None:
    """The gate of issue 14 on the stage alone: spin models that never saw a pair rank QuillBot's
    output above its original in 90% of pairs or more for every mode, and raise at most 1% of each
    real human source."""
    from qualcheck.trainsets import spin_examples

    sx, _ = spin_examples(require(TRAIN))
    texts = [counts(e.text) for e in sx]
    oof, _ = spin_oof(texts, [e.label for e in sx], [e.weight for e in sx], [e.group for e in sx])
    original = {e.group: v for e, v in zip(sx, oof, strict=True) if e.source == "paraphraser:original"}
    wins: dict[str, list[bool]] = {}
    raised: dict[str, list[bool]] = {}
    stage = m.load().spin
    assert stage is not None
    for e, v in zip(sx, oof, strict=True):
        if e.label == 1:
            wins.setdefault(e.source, []).append(v > original[e.group])
        elif e.source != "paraphraser:original":
            raised.setdefault(e.source, []).append(stage.push_logit(v) > 0)
    assert len(wins) == 6
    for mode, w in wins.items():
        assert sum(w) / len(w) >= 0.9, mode
    assert set(raised) == {"human-news", "page-body", "wmt-reference"}
    for source, r in raised.items():
        assert sum(r) / len(r) <= 0.01, source


def test_explain_names_the_words_that_raised_the_score(tmp_path) -> None:
    from qualcheck.cli import main

    (tmp_path / "spun.txt").write_text(PARAPHRASED, encoding="utf-8")
    (tmp_path / "plain.txt").write_text(REPORTED, encoding="utf-8")
    import contextlib
    import io

    for name, expect in (("spun.txt", True), ("plain.txt", False)):
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            assert main(["explain", str(tmp_path / name)]) == 0
        line = [x for x in out.getvalue().splitlines() if x.startswith("spin:")]
        assert bool(line) is expect, out.getvalue()
        if expect:
            assert "pupils" in line[0]
