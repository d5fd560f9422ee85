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
