"""Golden rules for sentence and token segmentation (in the style of pySBD's table tests)."""

from __future__ import annotations

import pytest

from benchmarks.segmentation_golden import NEWS_CASES, PYSBD_RULES
from framing.corpus.segmentation import dateline_end, split_sentences, token_norm, tokenize

# pySBD's rules that framing does not follow, each with why. Strict: if one starts to pass, the
# test fails and the row leaves this list.
PYSBD_NOT_FOLLOWED = {
    "am-pm": "“6 P.M. Mr. Smith”: a title after an initialism is read as the sentence going on (pySBD fails it too)",
    "list-dot-paren": "numbered and lettered lists inside one line are not news sentences; lists have line breaks",
    "list-paren": "numbered lists inside one line",
    "list-dot": "numbered lists inside one line",
    "list-bullet": "bulleted lists inside one line",
    "list-hyphen-bullet": "bulleted lists inside one line",
    "list-letters": "lettered lists inside one line",
    "numero": "“N°.” before a number is not in the abbreviations",
    "spaced-ellipses": "a spaced ellipsis before a capital “I” is read as a sentence end",
    "ellipsis-opens": "a sentence that opens with an ellipsis is not split off",
}


def _golden_params(rows, not_followed):
    def marks(row_id):
        return [pytest.mark.xfail(reason=not_followed[row_id], strict=True)] if row_id in not_followed else []

    return [pytest.param(text, expected, id=row_id, marks=marks(row_id)) for row_id, text, expected in rows]


GOLDEN_RULES = [
    *_golden_params(PYSBD_RULES, PYSBD_NOT_FOLLOWED),
    *_golden_params(NEWS_CASES, {}),
    pytest.param(
        "He stated, “It is possible. We will see.” Then he left.",
        ["He stated, “It is possible.", "We will see.”", "Then he left."],
        id="curly-quotes-close-with-sentence",
    ),
    pytest.param(
        'She said "No." They went home.',
        ['She said "No."', "They went home."],
        id="straight-quotes",
    ),
    pytest.param(
        "U.S. stance on Maduro and the Cartel\n\nThe Trump administration acted.",
        ["U.S. stance on Maduro and the Cartel", "The Trump administration acted."],
        id="heading-without-period",
    ),
    pytest.param(
        "“What happened... can only be characterized as murder,” he asserted.",
        ["“What happened... can only be characterized as murder,” he asserted."],
        id="ellipsis-lowercase-continues",
    ),
    pytest.param(
        "It cost $1.5 million. Visit nytimes.com for more.",
        ["It cost $1.5 million.", "Visit nytimes.com for more."],
        id="decimals-and-domains",
    ),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN_RULES)
def test_segmentation_golden_rules(text: str, expected: list[str], lexicons) -> None:
    spans = split_sentences(text, lexicons.sentence_rules)
    assert [text[start:end] for start, end in spans] == expected


@pytest.mark.parametrize(
    ("text", "end_text"),
    [
        ("WASHINGTON — The Senate voted.", "WASHINGTON — "),
        ("NEW YORK (AP) — Stocks fell.", "NEW YORK (AP) — "),
        ("CARACAS, Venezuela — Crowds gathered.", "CARACAS, Venezuela — "),
        ("ST. LOUIS -- The river rose.", "ST. LOUIS -- "),
        ("Talks in Geneva\nGENEVA (Reuters) - Diplomats left.", "Talks in Geneva\nGENEVA (Reuters) - "),
        ("The Senate voted. WASHINGTON — later.", ""),
        ("Officials in Washington — and Caracas — agreed.", ""),
        ("A plain first line.\nLONDON — Not a dateline of this article.", ""),
    ],
)
def test_segmentation_dateline_end(text: str, end_text: str) -> None:
    assert text[: dateline_end(text)] == end_text


def test_segmentation_unclosed_quote_keeps_later_sentences_apart(lexicons) -> None:
    """One stray opening mark early on must leave every later sentence its own span."""
    body = " ".join(f"Sentence number {n} ends here." for n in range(40))
    text = f"He called it “a disgrace. {body}"
    spans = split_sentences(text, lexicons.sentence_rules)
    assert len(spans) == 41
    assert max(end - start for start, end in spans) < 40


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("U.S. forces", ["U.S.", "forces"]),
        ("Approximately 15,000 soldiers", ["Approximately", "15,000", "soldiers"]),
        ("a $50 million bounty", ["a", "$50", "million", "bounty"]),
        ("so-called ‘narcoterrorism’", ["so-called", "‘", "narcoterrorism", "’"]),
        ("Maduro’s regime isn't", ["Maduro’s", "regime", "isn't"]),
        ("Simultaneously,General", ["Simultaneously", ",", "General"]),
    ],
)
def test_segmentation_tokens_keep_offsets(text: str, tokens: list[str]) -> None:
    found = tokenize(text)
    assert [t for _, _, t in found] == tokens
    assert all(text[start:end] == t for start, end, t in found)


@pytest.mark.parametrize(
    ("token", "norm"),
    [("Maduro’s", "maduro"), ("Regime", "regime"), ("isn’t", "isn't"), ("U.S.", "u.s."), ("'s", "'s")],
)
def test_segmentation_token_norm(token: str, norm: str) -> None:
    assert token_norm(token) == norm


def test_segmentation_seed_offsets_index_text(seed_docs) -> None:
    for doc in seed_docs.values():
        for start, end in doc.sentences:
            assert doc.text[start:end].strip() == doc.text[start:end]
        for token in doc.tokens:
            assert doc.text[token.start : token.end] == token.text
        # sentences are ordered and disjoint
        assert all(a[1] <= b[0] for a, b in zip(doc.sentences, doc.sentences[1:], strict=False))


def test_segmentation_seed_003_repairs_glued_punctuation(seed_docs) -> None:
    doc = seed_docs["seed-003"]
    sentences = [doc.text[s:e] for s, e in doc.sentences]
    assert any(s.endswith("military operations in Latin America.") for s in sentences)
    assert any(s.startswith("Approximately 15,000 soldiers") for s in sentences)
    assert "Simultaneously, General Dan Caine, Chief of the US General Staff, visited" in doc.text


TRICKY_TEXTS = [
    "“We will see,” he said. Maduro’s ‘narcoterrorism’ claims — $5, 15,000 and _a_ o’s $ U.S.-led.",
    'She said "No." Then: \'quoted\' words, it\'s 2.5% of 10:30… (really?) [Maduro]',
    "Simultaneously,General Dan Caine,Chief of the US General Staff,visited Puerto Rico.Approximately",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_segmentation_token_columns_match_tokenize(text: str) -> None:
    """The split-based fast tokenizer finds exactly what the regex tokenizer finds."""
    from framing.corpus.segmentation import token_columns

    starts, ends, texts = token_columns(text)
    assert list(zip(starts, ends, texts, strict=True)) == tokenize(text)


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_segmentation_fast_norms_match_token_norm(text: str) -> None:
    from framing.corpus.segmentation import is_word, norms_and_words

    texts = [t for _, _, t in tokenize(text)] + ["_a", "$", "$5", "o’s", "Maduro’s", "ISN’T"]
    norms, words = norms_and_words(texts)
    assert all(norms[t] == token_norm(t) for t in texts)
    assert {t for t in texts if is_word(t)} == words & set(texts)
