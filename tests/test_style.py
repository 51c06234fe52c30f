"""The style rates (`qualcheck.style`) read what they name, and the style stage only ever adds."""

from __future__ import annotations

import numpy as np

from qualcheck.features import analyze
from qualcheck.style import STYLE_NAMES, StyleStage

REPORTED = (
    'The council voted 7-2 on Tuesday to close the Elm Street library. "We simply ran out of money," '
    'said Mayor Dana Whitfield. Librarian Tom Okafor told reporters he was "heartbroken" by the vote. '
    "I've worked here 20 years, he said. The branch will shut in March (the exact date is not set)."
)
GENERATED = (
    "In a move that underscores the pivotal role of libraries, the council has decided to close a "
    "branch, highlighting the ongoing challenges facing local communities. Notably, the decision has "
    "sparked significant concerns among residents, emphasizing the crucial need for innovative "
    "solutions. Moreover, officials said the move reflects a broader landscape of budget pressures, "
    "underscoring the importance of sustainable funding."
)


def rates(text: str) -> dict[str, float]:
    return dict(zip(STYLE_NAMES, analyze(text).style, strict=True))


def test_reported_news_quotes_and_names_its_sources() -> None:
    r = rates(REPORTED)
    assert r["style:quotes_per_sentence"] > 0
    assert r["style:named_sources_per_sentence"] > 0
    assert r["style:said_per_k"] > 0
    assert r["style:first_person_per_k"] > 0
    assert r["style:brackets_per_k"] > 0
    assert r["style:stock_words_per_k"] == 0
    assert r["style:ing_tails_per_sentence"] == 0


def test_generated_news_paraphrases_with_stock_words_and_participial_tails() -> None:
    r, human = rates(GENERATED), rates(REPORTED)
    assert r["style:quotes_per_sentence"] == 0
    assert r["style:stock_words_per_k"] > human["style:stock_words_per_k"]
    assert r["style:ing_tails_per_sentence"] > 0  # ", highlighting the", ", emphasizing the"
    assert r["style:connective_openers"] > 0  # "Notably,", "Moreover,"
    assert r["style:unnamed_sources_per_sentence"] > 0  # "officials said"
    assert r["style:commas_per_sentence"] > human["style:commas_per_sentence"]


def test_text_that_is_not_english_or_has_no_words_gets_no_rates() -> None:
    assert not any(
        analyze(
            "Der Stadtrat hat am Dienstag beschlossen, die Bibliothek in der Ulmenstraße zu schließen. "
            "Die Bürger sind wütend, denn das Haus war seit vielen Jahren ein beliebter Treffpunkt für Familien "
            "und Schüler aus dem ganzen Viertel."
        ).style
    )
    assert not any(analyze("... --- !!!").style)
    assert len(analyze(REPORTED).style) == len(STYLE_NAMES)


def test_the_stage_only_adds_and_skips_rows_without_rates() -> None:
    k = len(STYLE_NAMES)
    coef = np.linspace(-1.0, 1.0, k)
    stage = StyleStage(np.zeros(k), np.ones(k), coef, 0.0)
    rows = np.vstack([np.zeros(k), coef * 10, -coef * 10])
    push = stage.push(rows)
    assert push[0] == 0.0  # all-zero rates: text the stage does not read
    assert push[1] > 0.0  # far on the machine side
    assert push[2] == 0.0  # far on the human side: nothing taken away
    main = np.array([0.3, 0.3, 0.3])
    combined = stage.combine(main, rows)
    assert combined[0] == np.float64(0.3) or abs(combined[0] - 0.3) < 1e-12
    assert combined[1] > 0.3 and abs(combined[2] - 0.3) < 1e-12
    assert StyleStage.from_dict(stage.to_dict()).to_dict() == stage.to_dict()


def test_a_rate_far_outside_the_style_set_counts_no_more_than_the_clip() -> None:
    """A text of one long run-on sentence has per-sentence rates many standard deviations out; a
    linear model would extrapolate them without bound. Clipped, twenty deviations count as four."""
    from qualcheck.style import STYLE_CLIP

    k = len(STYLE_NAMES)
    stage = StyleStage(np.zeros(k), np.ones(k), np.ones(k), 0.0)
    at_clip = np.full((1, k), STYLE_CLIP)
    far_out = np.full((1, k), 5 * STYLE_CLIP)
    assert stage.logit(far_out)[0] == stage.logit(at_clip)[0] == k * STYLE_CLIP
    assert stage.logit(-far_out)[0] == -k * STYLE_CLIP
    assert stage.logit(at_clip / 2)[0] == k * STYLE_CLIP / 2  # inside the clip: as before
