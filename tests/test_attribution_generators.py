"""The generators' shortcuts leave the candidates as a full reading makes them.

The generators visit only lower-case content words, read an unlisted noun phrase as a subject
only where it can be the plural a bare verb needs, and a source phrase only at tokens that can
end one; the feature window counts come from prefix sums. Each shortcut is checked here against
the reading it replaces, on sentences that hold every generator's construction."""

from __future__ import annotations

import pytest

from framing.corpus import parse_text
from framing.features.attribution.candidates import TokenCounts
from framing.features.attribution.generators import _cue_at, _possible_heads, _subject
from framing.features.attribution.phrases import Context
from framing.grammar import QUOTE_MARKS

TEXTS = [
    "The group has banned the march. Democrats oppose the bill, and critics argued it was unfair.",
    "Experts, who warned of risks, want a delay. Their call for talks was rejected by the ministers.",
    "The senator's opposition to the plan grew. PENCE: Well, we will see what happens next.",
    "Officials on Monday said the deal was dead. In 2010 the council quietly approved new rules.",
    "Farmers want lower taxes. The farmers' union says “it is not fair” and plans a protest.",
    "It was the only choice. They want answers; we know that. Investigators found the documents.",
    "Maria Delgado said the vote failed. Delgado argued it was rushed, and the bureau disagreed.",
]


@pytest.fixture(params=TEXTS)
def context(request, general_lexicons) -> Context:
    return Context(parse_text(request.param, general_lexicons), general_lexicons)


def test_a_word_the_generators_skip_heads_no_cue(context: Context) -> None:
    sentences = context.doc.token_columns().sentences
    kept = set(_possible_heads(context))
    words = [i for i, token in enumerate(context.tokens) if token.is_word and not token.quoted and token.text.islower()]
    assert kept < set(words) | {i for i, norm in enumerate(context.norms) if norm == ":"}
    for head in set(words) - kept:
        assert _cue_at(context, sentences, head) is None, context.tokens[head].text


def test_the_texts_hold_every_generator(general_lexicons) -> None:
    generators = set()
    for text in TEXTS:
        context = Context(parse_text(text, general_lexicons), general_lexicons)
        sentences = context.doc.token_columns().sentences
        generators |= {cue[2] for head in _possible_heads(context) if (cue := _cue_at(context, sentences, head))}
    assert generators == {"subject_verb", "coordinated_verb", "possessive_noun", "speaker_colon"}


def test_a_subject_left_unread_could_not_take_a_bare_verb(context: Context) -> None:
    for before, token in enumerate(context.tokens):
        full, _ = _subject(context, before, token.sentence)
        plural, _ = _subject(context, before, token.sentence, plural_only=True)
        if plural is None and full is not None:
            assert full.kind != "vague" and full.label not in ("pronoun i", "pronoun we", "pronoun they")
        else:
            assert plural == full


def test_token_counts_equal_counting_token_by_token(context: Context) -> None:
    counts, tokens = TokenCounts(context), context.tokens
    for first in range(len(tokens) + 1):
        for stop in range(first, min(len(tokens), first + 15) + 1):
            window = tokens[first:stop]
            assert counts.words_between(first, stop) == sum(token.is_word for token in window)
            quotes = sum(token.quoted or token.text in QUOTE_MARKS for token in window)
            assert counts.quote_marks_between(first, stop) == quotes
    for sentence, (_, end) in enumerate(context.doc.sentences):
        assert counts.sentence_stop(sentence) == sum(token.start < end for token in tokens)


def test_a_token_no_phrase_can_end_at_reads_no_unit(context: Context) -> None:
    for last in range(len(context.tokens)):
        if last not in context.phrase_ends:
            context.phrase_ends = context.phrase_ends | {last}  # the full reading at this token
            assert context.unit_ending_at(last) is None, context.tokens[last].text
