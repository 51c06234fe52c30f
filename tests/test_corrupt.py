"""The damage generator: reproducible, and every recorded span points at real damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcheck.corpora import build_examples, read_articles
from qualcheck.corrupt import ALL_KINDS, INTENSITY_RANGE, KINDS, LATE_KINDS, RIDER_KINDS, corrupt, pipeline_noise
from qualcheck.detectors import run_all
from qualcheck.text import Doc

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = read_articles(ROOT / "corpora")[:40]


def test_same_seed_same_variant_other_seed_other_variant() -> None:
    text = ARTICLES[0].text
    a = corrupt(text, seed=7, intensity="medium")
    b = corrupt(text, seed=7, intensity="medium")
    c = corrupt(text, seed=8, intensity="medium")
    assert a == b
    assert a.text != c.text


def test_heavier_intensity_means_more_damage() -> None:
    def mean_damages(intensity: str) -> float:
        counts = [len(corrupt(a.text, seed=i, intensity=intensity).damages) for i, a in enumerate(ARTICLES)]  # type: ignore[arg-type]
        assert min(counts) >= 1
        return sum(counts) / len(counts)

    light, medium, heavy = (mean_damages(i) for i in INTENSITY_RANGE)
    assert light < medium < heavy
    assert light <= INTENSITY_RANGE["light"][1] * 2  # a comment form records up to 3 spans


# Regression floors for kinds detected less often than the 75% default (measured: a swapped title
# from another news story often shares a few words with the body, and QC603 fires only when under
# 5% of the title's words are anywhere in the article, so that no real honest page fires: 19 of 40
# found; these 40 articles are all from the business desk, so a spliced paragraph comes from a story
# on a nearby topic: 6 of 40 found).
FLOORS = {"title-swap": 0.45, "spliced-paragraph": 0.125}
# A spinner's synonym swaps are found by a finding only where a number was spelled out (QC410) or a
# swap made a lexicon phrase (QC402); most swaps alone are still English.
FLOORS["synonym-swap"] = 0.0


@pytest.mark.parametrize("kind", (*ALL_KINDS, *LATE_KINDS, *RIDER_KINDS))
def test_each_kind_alone_lands_where_it_says(kind: str) -> None:
    """A variant with one kind of damage records spans inside the new text (or title), and the
    detectors find most of them."""
    landed = found = 0
    for i, art in enumerate(ARTICLES):
        donor = ARTICLES[(i + 7) % len(ARTICLES)]
        v = corrupt(art.text, seed=i, kinds=[kind], count=1, title=art.title, donor=donor.text, donor_title=donor.title)
        if not v.damages:
            continue
        landed += 1
        findings = run_all(Doc(v.text, v.title))
        for d in v.damages:
            target = v.title if d.field == "title" else v.text
            assert 0 <= d.start < d.end <= len(target)
            assert d.kind == kind
        if any(f.field == d.field and f.start < d.end and d.start < f.end for d in v.damages for f in findings):
            found += 1
    assert landed >= (3 if kind in KINDS else len(ARTICLES)), f"{kind} found few places to act"
    assert found >= FLOORS.get(kind, 0.75) * landed, f"detectors find {found}/{landed} {kind} damages"


def test_pipeline_noise_changes_text_without_attribution_damage() -> None:
    changed = 0
    for i, art in enumerate(ARTICLES):
        noisy = pipeline_noise(art.text, seed=i)
        changed += noisy != art.text
        assert not [f for f in run_all(Doc(noisy)) if f.family == "attribution"]
    assert changed >= 0.7 * len(ARTICLES)


def test_stock_noise_is_one_stock_phrase_and_only_where_allowed() -> None:
    from qualcheck.corrupt.generated import FILLER as _FILLER

    for line in _FILLER:  # the odd stock phrase of professional copy, not an assistant's pile of them
        assert len([f for f in run_all(Doc(line)) if f.code == "QC505"]) == 1, line
    stocked = 0
    for i, art in enumerate(ARTICLES):
        before = sum(f.code == "QC505" for f in run_all(Doc(art.text)))
        for seed in range(i * 10, i * 10 + 10):
            with_stock = sum(f.code == "QC505" for f in run_all(Doc(pipeline_noise(art.text, seed=seed))))
            without = sum(f.code == "QC505" for f in run_all(Doc(pipeline_noise(art.text, seed=seed, stock=False))))
            assert without == before
            assert with_stock <= before + 1
            stocked += with_stock > before
    assert stocked > 0


def test_examples_are_balanced_and_grouped() -> None:
    examples = list(build_examples(ARTICLES[:5]))
    assert {e.group for e in examples} == {a.id for a in ARTICLES[:5]}
    for a in ARTICLES[:5]:
        mine = [e for e in examples if e.group == a.id]
        # the late kinds' variant and the single-damage variant where their kinds have a place
        assert sum(e.label for e in mine) in (6, 7, 8)
        assert sum(1 - e.label for e in mine) == 6
        assert all(e.damages for e in mine if e.label == 1)


def test_single_damage_variant_carries_one_prose_damage_and_kinds_take_turns() -> None:
    """The model must see a lone prose finding: one variant an original holds exactly one damage of
    one prose or attribution kind, and the kind moves on from one original to the next."""
    from qualcheck.corpora import _SINGLE_KINDS

    singles = [e for e in build_examples(ARTICLES[:12]) if e.kind == "single"]
    assert len(singles) >= 10
    for e in singles:
        assert e.label == 1 and len(e.spans) >= 1
        assert len(e.damages) == 1 and e.damages[0] in _SINGLE_KINDS
    assert len({e.damages for e in singles}) >= 4


def test_pool_order_follows_the_families_not_the_import_order() -> None:
    """A seed reproduces a variant only if the pool order is fixed: family by family, as listed."""
    from qualcheck.corrupt import FAMILIES
    from qualcheck.corrupt.base import _REGISTRY

    ranks = [_REGISTRY[k][0] for k in KINDS]
    assert ranks == sorted(ranks)
    assert {FAMILIES[r] for r in ranks} == set(FAMILIES)
    with pytest.raises(ValueError, match="registered twice"):
        from qualcheck.corrupt.base import damage

        damage("split-name")(lambda text, ctx: [])


def test_late_kinds_stay_out_of_the_default_pool() -> None:
    """Kinds added after the pool was fixed must not change what a seed draws by default."""
    assert not set(LATE_KINDS) & set(ALL_KINDS)
    assert set(LATE_KINDS) <= set(KINDS)


def test_synonym_swap_spins_words_and_numbers() -> None:
    text = "Mortgage rates rose to 6.7% last week, the bank said, and the team lost the game."
    v = corrupt(text, seed=0, kinds=["synonym-swap"], count=1)
    marked = [v.text[d.start : d.end] for d in v.damages]
    assert marked == ["charges", "six.7", "final", "financial institution", "staff", "recreation"]
    """Kinds added after the pool was fixed are measured like every kind but never drawn by default,
    so the variants made before them are unchanged."""
    from qualcheck.corrupt import RIDER_KINDS
    from qualcheck.corrupt.generate import default_pool

    assert RIDER_KINDS and set(RIDER_KINDS) <= set(KINDS)
    assert not set(default_pool()) & set(RIDER_KINDS)
    for seed in range(30):
        v = corrupt(ARTICLES[seed % len(ARTICLES)].text, seed=seed, intensity="heavy")
        assert not {d.kind for d in v.damages} & set(RIDER_KINDS)


def test_a_repeated_paragraph_is_a_copy_of_an_earlier_one() -> None:
    for seed, a in enumerate(ARTICLES[:10]):
        v = corrupt(a.text, seed=seed, kinds=["repeated-paragraph"], count=1)
        (d,) = v.damages
        copy = v.text[d.start : d.end]
        assert len(copy.split()) >= 25 and v.text.index(copy) < d.start


def test_locale_number_marks_the_number_it_respaced() -> None:
    v = corrupt("Fares rose 4.5% to $12 on Monday, the operator said.", seed=1, kinds=["locale-number"], count=2)
    assert sorted(v.text[d.start : d.end] for d in v.damages) == ["$ 12", "4, 5"]


def test_the_first_light_variant_carries_a_rider_kind_with_true_spans() -> None:
    from qualcheck.corrupt import RIDER_KINDS

    examples = [e for e in build_examples(ARTICLES[:8]) if e.id.endswith("#l1")]
    assert any({k for k, _s, _e in e.spans} & set(RIDER_KINDS) for e in examples)
    for e in examples:
        for kind, start, end in e.spans:
            assert 0 <= start < end <= len(e.text), kind
            if kind == "repeated-paragraph":
                assert e.text.index(e.text[start:end]) < start
