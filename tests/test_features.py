"""How findings become the model's input: what honest pages show too is context, not evidence."""

from __future__ import annotations

import pytest

from qualcheck.features import DISTINCT_NAME, analyze, feature_matrix, feature_names, is_english

NAMES = feature_names()
PROSE = (
    "The council approved the budget on Monday after a long debate, the mayor said. Residents had asked "
    "for more money for the library, and the vote was close.\n\n"
)
COMMENT_FORM = "Leave a Reply\n\nYour email address will not be published. Required fields are marked *"


def row(text: str) -> dict[str, float]:
    return dict(zip(NAMES, feature_matrix([analyze(text)])[0].tolist(), strict=True))


def test_a_comment_form_alone_is_not_evidence() -> None:
    r = row(PROSE + COMMENT_FORM)
    assert {f.code for f in analyze(PROSE + COMMENT_FORM).findings} == {"QC302"}  # the detector fires
    assert r["code:QC302"] == 0.0 and r[DISTINCT_NAME] == 0.0  # and the model does not see it


def test_a_comment_form_counts_beside_strong_evidence() -> None:
    r = row(PROSE + "Source link\n\n" + COMMENT_FORM)
    assert r["code:QC301"] > 0 and r["code:QC302"] > 0
    assert r[DISTINCT_NAME] == 1.0  # the comment form is never counted as a kind of its own


def test_a_comment_form_beside_punctuation_noise_stays_context() -> None:
    r = row(PROSE + "the vote , was close .\n\n" + COMMENT_FORM)
    assert r["code:QC202"] > 0 and r["code:QC206"] > 0
    assert r["code:QC302"] == 0.0


def test_punctuation_noise_counts_as_one_kind() -> None:
    text = PROSE + 'Turnout was low . the count ended late!! and "nobody was surprised.'
    r = row(text)
    noise = [c for c in ("QC202", "QC203", "QC205", "QC206") if r[f"code:{c}"] > 0]
    assert len(noise) >= 3
    assert r[DISTINCT_NAME] == 1.0


@pytest.mark.parametrize(
    ("text", "english"),
    [
        (PROSE, True),
        ("O conselho aprovou o orçamento na segunda-feira depois de um longo debate sobre a biblioteca "
         "municipal e os moradores pediram mais dinheiro para a cultura da cidade.", False),
        ("Short line.", True),  # too few words to tell: read as English
    ],
)  # fmt: skip
def test_is_english(text: str, english: bool) -> None:
    assert is_english(text) is english


def test_text_that_is_not_english_is_judged_only_by_codes_that_read_no_language() -> None:
    portuguese = (
        "O conselho aprovou o orçamento na segunda-feira depois de um longo debate . os moradores "
        "pediram mais dinheiro para a biblioteca , e a votação foi apertada.\n\nSource link"
    )
    assert {"QC202", "QC301"} <= {f.code for f in analyze(portuguese).findings}  # both detectors fire
    r = row(portuguese)
    assert r["stat:not_english"] == 1.0
    assert r["code:QC202"] == 0.0  # punctuation rules read English prose
    assert r["code:QC301"] > 0  # a scraper footer reads no language
    assert r["stat:stopword_ratio"] == 0.0 and r["stat:mean_word_len"] == 0.0


def test_translation_statistics_count_carried_over_connectives_and_commas() -> None:
    """Machine translation carries the source's connectives over one for one; the statistic counts
    them (a phrase once), per thousand words, as it counts commas. The words LLM rewriters avoid
    (`very`, `therefore`, `in addition`, `a bit`) are not counted: they would rank honest human
    prose above machine-written news."""
    from qualcheck.features import STAT_NAMES

    carried = (
        "In addition, the shop was very busy. Due to the rain, it is currently also closed, particularly "
        "on weekends, and it will therefore open a bit later."
    )
    plain = "The shop was busy. It is shut for the rain at weekends and will open later."
    avoided = "In addition, the hall was very full, and therefore the doors opened a bit early."
    at = {n: STAT_NAMES.index(n) for n in ("stat:translationese_per_k", "stat:commas_per_k")}
    a, b, c = analyze(carried), analyze(plain), analyze(avoided)
    assert a.stats[at["stat:translationese_per_k"]] == 40.0  # due to, currently, also, particularly
    assert b.stats[at["stat:translationese_per_k"]] == 0.0
    assert c.stats[at["stat:translationese_per_k"]] == 0.0
    assert a.stats[at["stat:commas_per_k"]] == 40.0
    assert b.stats[at["stat:commas_per_k"]] == 0.0


def test_symbol_count_agrees_with_the_symbol_pattern_on_any_text() -> None:
    """`_symbols` counts on the gaps between words with str methods what `_SYMBOL` matches in the
    whole text: the same number on text full of symbols, odd white space and non-Latin letters."""
    import random

    from qualcheck.features import _SYMBOL, _symbols
    from qualcheck.text import Doc

    pool = list(
        "ab Z9_ .,;:!?'\"’‘“”()-–—%$€£/&@#*+=<>|~^\\[]{}\t\n\r\x0b\x0c\x1c\x1f\x85\u00a0\u2028\u3000éßİ中😀\u0301\x00"
    )
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 60)))
        doc = Doc(text)
        assert _symbols(doc.gaps, doc.n_words) == len(_SYMBOL.findall(text)), repr(text)
