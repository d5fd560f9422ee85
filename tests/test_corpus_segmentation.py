"""Golden rules for sentence and token segmentation (in the style of pySBD's table tests)."""

from __future__ import annotations

import pytest

from framing.corpus.segmentation import split_sentences, token_norm, tokenize

GOLDEN_RULES = [
    pytest.param(
        "The U.S. president spoke. He left.",
        ["The U.S. president spoke.", "He left."],
        id="initialism-inside-sentence",
    ),
    pytest.param(
        "Troops left the U.S. The talks went on.",
        ["Troops left the U.S.", "The talks went on."],
        id="initialism-ends-sentence",
    ),
    pytest.param(
        "Gen. Dan Caine visited. Mr. Grenell spoke to Dr. Smith.",
        ["Gen. Dan Caine visited.", "Mr. Grenell spoke to Dr. Smith."],
        id="titles",
    ),
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
        "Operation in Latin America.Approximately 15,000 soldiers.",
        ["Operation in Latin America.", "Approximately 15,000 soldiers."],
        id="missing-space-after-period",
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
    pytest.param(
        "Could a call reshape relations? As the administration acts, reports grow!",
        ["Could a call reshape relations?", "As the administration acts, reports grow!"],
        id="question-and-exclamation",
    ),
    pytest.param("John F. Kennedy spoke.", ["John F. Kennedy spoke."], id="middle-initial"),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN_RULES)
def test_segmentation_golden_rules(text: str, expected: list[str], lexicons) -> None:
    spans = split_sentences(text, lexicons.abbreviations)
    assert [text[start:end] for start, end in spans] == expected


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
