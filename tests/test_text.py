"""Doc: sentence splitting with the shipped Punkt parameters, paragraphs and quotations.

Every span is checked against the original text: `text[start:end]` must be the expected substring.
"""

from __future__ import annotations

import pytest

from qualcheck.text import GAP, Doc


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in Doc(text).sentences]


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in Doc(text).paragraphs]


def quotes(text: str) -> list[tuple[str, str]]:
    return [(text[q.start : q.end], q.status) for q in Doc(text).quotes]


# --- sentences --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # titles
        ("He met Mr. Smith on Monday. Then he left.", ["He met Mr. Smith on Monday.", "Then he left."]),
        (
            "Mrs. Jones and Dr. Brown arrived. They sat down.",
            ["Mrs. Jones and Dr. Brown arrived.", "They sat down."],
        ),
        ("Gen. Mark Milley said the troops were ready.", ["Gen. Mark Milley said the troops were ready."]),
        ("Gen. Milley and Mrs. Biden met Dr. Fauci.", ["Gen. Milley and Mrs. Biden met Dr. Fauci."]),
        # U.S.
        (
            "The U.S. Army said it would help. Officials agreed.",
            ["The U.S. Army said it would help.", "Officials agreed."],
        ),
        ("U.S. Secretary of State Antony Blinken spoke.", ["U.S. Secretary of State Antony Blinken spoke."]),
        # months
        (
            "The law took effect on Jan. 5 last year. It was popular.",
            ["The law took effect on Jan. 5 last year.", "It was popular."],
        ),
        ("The deadline is Sept. 30, officials said.", ["The deadline is Sept. 30, officials said."]),
        # a.m. / p.m. before a capitalised word
        (
            "The shop opens at 7 a.m. Sunday and closes early.",
            ["The shop opens at 7 a.m. Sunday and closes early."],
        ),
        (
            "The polls close at 8 p.m. Eastern time on Tuesday.",
            ["The polls close at 8 p.m. Eastern time on Tuesday."],
        ),
        # initials
        (
            "The novel by J. K. Rowling sold well. It was a hit.",
            ["The novel by J. K. Rowling sold well.", "It was a hit."],
        ),
        (
            "The author Mary T. Lowe spoke. She was brief.",
            ["The author Mary T. Lowe spoke.", "She was brief."],
        ),
        # decimals
        (
            "Growth was 3.5 percent last year. It slowed.",
            ["Growth was 3.5 percent last year.", "It slowed."],
        ),
        (
            "The deal was worth $4.2 billion in total. Shares rose.",
            ["The deal was worth $4.2 billion in total.", "Shares rose."],
        ),
        # ordinary sentence ends
        (
            "He flew to Washington. She stayed home. They talked by phone.",
            ["He flew to Washington.", "She stayed home.", "They talked by phone."],
        ),
        ("Is it true? Nobody knows! Still, we wait.", ["Is it true?", "Nobody knows!", "Still, we wait."]),
    ],
)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentences_never_cross_paragraphs() -> None:
    text = "The first paragraph ends here\n\nThe second starts here."
    assert sentences(text) == ["The first paragraph ends here", "The second starts here."]


def test_sentence_offsets_index_the_original_text() -> None:
    text = "  Intro line.\n\n   Mr. Smith left at 9 a.m. Monday.  It rained.\n"
    doc = Doc(text)
    assert [text[s:e] for s, e in doc.sentences] == [
        "Intro line.",
        "Mr. Smith left at 9 a.m. Monday.",
        "It rained.",
    ]


# --- paragraphs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Para one.\n\nPara two.\n   \nPara three.", ["Para one.", "Para two.", "Para three."]),
        ("Para one.\n\n\n\nPara two.", ["Para one.", "Para two."]),
        ("A title\r\n\r\nThe body.", ["A title", "The body."]),
        # one paragraph per line when lines end like sentences
        ("First line.\nSecond line.\nThird line.", ["First line.", "Second line.", "Third line."]),
        ("Headline\nThe body starts here.", ["Headline", "The body starts here."]),
        # hard-wrapped prose stays one paragraph
        (
            "This is a hard-wrapped paragraph that\ncontinues on the next line and\n"
            "ends on the third line.\n\nNext paragraph.",
            [
                "This is a hard-wrapped paragraph that\ncontinues on the next line and\nends on the third line.",
                "Next paragraph.",
            ],
        ),
        ("  Leading and trailing space.  \n\n", ["Leading and trailing space."]),
        ("", []),
        ("  \n\n \n", []),
    ],
)
def test_paragraph_split(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


# --- quotations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We will," Kirby said. "Soon."', [('"We will,"', "closed"), ('"Soon."', "closed")]),
        ("\u201cIt\u2019s over,\u201d she said.", [("\u201cIt\u2019s over,\u201d", "closed")]),
        ('"Why?" he asked.', [('"Why?"', "closed")]),
        (
            'She said: "...and then the lights went out."',
            [('"...and then the lights went out."', "closed")],
        ),
        ("It was the \u201cbest deal ever,\u201d he said.", [("\u201cbest deal ever,\u201d", "closed")]),
    ],
)
def test_closed_quotations(text: str, expected: list[tuple[str, str]]) -> None:
    assert quotes(text) == expected


@pytest.mark.parametrize("open_, close", [('"', '"'), ("\u201c", "\u201d")])
def test_quotation_spanning_paragraphs_is_continued(open_: str, close: str) -> None:
    text = (
        f"{open_}The talks will go on,{close} she said. {open_}We are not done.\n\n"
        f"{open_}We will be back next week,{close} she added."
    )
    assert quotes(text) == [
        (f"{open_}The talks will go on,{close}", "closed"),
        (f"{open_}We are not done.", "continued"),
        (f"{open_}We will be back next week,{close}", "closed"),
    ]


@pytest.mark.parametrize("open_", ['"', "\u201c"])
def test_unclosed_quotation_before_plain_paragraph(open_: str) -> None:
    text = f"He said the talks would go on. {open_}We are not done.\n\nThe government is investigating."
    assert quotes(text) == [(f"{open_}We are not done.", "unclosed")]


def test_unclosed_quotation_records_run_in_speaker() -> None:
    text = (
        "\u201cThey used the most disproportionate force in killing General (Qassem) Soleimani Rattansi said."
        "\n\nThe government is investigating."
    )
    (q,) = Doc(text).quotes
    assert q.status == "unclosed"
    assert q.run_in is not None
    assert text[q.run_in[0] : q.run_in[1]] == "Soleimani Rattansi said"


def test_stray_closing_quote() -> None:
    text = 'The talks failed." Officials left.'
    assert quotes(text) == [('"', "stray-close")]


@pytest.mark.parametrize(
    "text",
    [
        'They bought a 12" pipe and a 6" valve.',
        'The screen measures 15" across.',
    ],
)
def test_inches_are_not_quotes(text: str) -> None:
    assert quotes(text) == []


def test_tokens_index_the_original_text() -> None:
    text = "Kata\u2019ib Hezbollah, a well-known group, grew 3.5 percent."
    doc = Doc(text)
    toks = [text[s:e] for s, e in doc.tokens]
    assert toks == ["Kata\u2019ib", "Hezbollah", "a", "well-known", "group", "grew", "3.5", "percent"]
    assert doc.n_words == len(toks)


def test_punctuation_soup_is_one_span_per_chunk_not_thousands_of_sentences() -> None:
    soup = ". , " * 5000  # 20,000 characters, a sentence-end mark every 4
    spans = Doc(soup).sentences
    assert 1 <= len(spans) <= 10
    assert spans[0][0] == 0 and spans[-1][1] == len(soup.rstrip())


def test_dense_but_real_text_is_still_split_into_sentences() -> None:
    results = " ".join(f"{i}. Team {i} won." for i in range(1, 300))  # numbered results: prose density
    assert len(Doc(results).sentences) > 250


@pytest.mark.parametrize(
    "text",
    [
        "Kata’ib Hezbollah's U.S.-based rival said (again): “no” — twice!",
        "İstanbul’s mayor met officials. They said nothing.",  # lower() changes the length here
        "",
        "  ...  ",
    ],
)
def test_words_offsets_and_gaps_agree_with_the_plain_tokenizer(text: str) -> None:
    fast, plain = Doc(text), Doc(text)
    plain.__dict__["lower"] = None  # force the path used when lower-casing moves offsets
    assert fast.tokens == plain.tokens
    assert fast.words == plain.words == tuple(text[s:e].lower() for s, e in plain.tokens)
    assert fast.gaps.lower() == plain.gaps.lower()
    assert fast.gaps.count(GAP) == len(fast.words)  # one separator between each pair of gaps
    assert len(fast.gaps) - len(fast.words) + sum(e - s for s, e in fast.tokens) == len(fast.lower or text)


# --- word classes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1 2 3",
        "The Xqzvorath minister's aide said it's only partly true; they'd quietly agreed. Early, ly, fly, Holly.",
        "Qualification Qualifications qualifications isn’t won’t Smith’s naïve ÉLAN 2024 co-operate U.S. e.g.",
    ],
)
def test_word_classes_count_what_each_class_says(text: str) -> None:
    from qualcheck.lexicon import STOPWORDS, zipf

    doc = Doc(text)
    words = doc.words
    alpha = [w for w in words if w.isalpha()]
    expected = (
        len(alpha),
        sum(len(w) > 2 for w in alpha),
        sum(len(w) > 8 for w in alpha),
        sum(len(w) > 2 and w not in zipf() for w in alpha),
        sum(len(w) > 4 and w.endswith("ly") for w in words),
        sum(("'" in w or "’" in w) and not w.endswith(("'s", "’s")) for w in words),
        sum(w in STOPWORDS for w in words),
    )
    assert tuple(doc.word_classes) == expected
    assert doc.long_words == frozenset(w for w in alpha if len(w) > 2)


def test_word_class_cache_stays_bounded() -> None:
    from qualcheck.text import _word_class, _WordClassCache

    cache = _WordClassCache()
    cache.LIMIT = 3
    words = ["alpha", "quietly", "isn't", "42", "zyxwvutsrq", "alpha"]
    assert [cache[w] for w in words] == [_word_class(w) for w in words]
    assert len(cache) <= 3


@pytest.mark.parametrize(
    "text",
    ["", "word", " two  words. ", "It’s 3.5 km—co-operate, U.S.!\n\nNew paragraph", "İstanbul’s mayor", "a\x00b"],
)
def test_word_chars_is_the_length_of_the_words(text: str) -> None:
    doc = Doc(text)
    assert doc.word_chars == sum(map(len, doc.words))
