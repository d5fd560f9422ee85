"""Construction rules: cues made by a construction, not a reporting word, each with its source.

"Sanders: “…”" (a colon stands for *said*), "In a new poll, …" (a document opening a
sentence), "He continued, “…”" and "“…,” she continued" (any verb of a speaker next to a
quote), "“…” ― Carla Sanchez" (a credit line), and "Trump bragged that …" (a speaker's
unlisted verb with a that-clause). Their cues are no lexicon rows: a row matches words, and
these need a source found around a mark, so their entries are built here.

:data:`CONSTRUCTION_RULES` runs in order after the lexicon cues; a verb another cue or an
earlier construction already took is not taken again ("“…,” he said, “…”": the tag, not a
second cue before the next quote).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from itertools import compress

from ...grammar import CLAUSE_OPENERS, CLOSING_QUOTE_NORMS, DASHES, OPENING_QUOTE_MARKS, PREPOSITIONS
from ...lexicons import Entry
from .clauses import opens_clause, skip_auxiliaries_back, tag_after, unit_starting_at
from .golden import CONSTRUCTION_GOLDEN
from .model import Attribution, Hit, Rule, Unit, registry
from .names import PUNCT_OPENERS
from .phrases import NOT_HEADS, Context

# Particles of phrasal verbs of speaking ("shot back", "lashed out", "went on", "spoke up").
_PARTICLES = frozenset(["back", "out", "up", "on"])
_WHERE = "framing/features/attribution/constructions.py"


def _entry(term: str, lemma: str, note: str) -> Entry:
    fields = {"term": term, "lemma": lemma, "stance": "neutral", "source": "framing maintainers", "note": note}
    return Entry(term, fields, _WHERE, 0)


COLON = _entry(":", "say", "a source then a colon ('Trump: “…”'): the colon stands for 'said'")
VERB_BEFORE_QUOTE = _entry(
    "verb before quote", "say", "'He continued, “…”': any verb between a speaker and an opening quote reports the quote"
)
IN_DOCUMENT = _entry("in", "report", "'in a statement', 'in a new poll': the document is the source of what follows")
VERB_AFTER_QUOTE = _entry(
    "verb after quote", "say",
    "'“…,” he continued': any verb of a speaker tagged onto a closing quote reports the quote",
)
DASH_AFTER_QUOTE = _entry(
    "dash after quote", "say",
    "'“…” ― Carla Sanchez': a dash then a name after a closing quote credits the quote, as under an epigraph",
)
VERB_BEFORE_THAT = _entry(
    "verb before that-clause", "say", "'Trump bragged that …': a speaker's finite verb with a that-clause reports a "
    "proposition"
)


def _where(norms: Sequence[str], marks: frozenset[str]) -> Iterator[int]:
    return compress(range(len(norms)), map(marks.__contains__, norms))


def dash_credit(context: Context, found: list[Attribution]) -> Iterator[Hit]:
    """"“…” ― Carla Sanchez": the dash after a closing quote is the cue, the name its source."""
    for mark in _where(context.norms, CLOSING_QUOTE_NORMS):
        unit = _dash_credit(context, mark)
        if unit is not None:
            yield Hit(mark + 1, mark + 1, unit)


def quote_tag(context: Context, found: list[Attribution]) -> Iterator[Hit]:
    """"“…,” he continued", "“…?” asked the moderator": any verb of a speaker's tag after a closing quote."""
    for mark in _where(context.norms, CLOSING_QUOTE_NORMS):
        tagged = _verb_tagging_quote(context, mark)
        if tagged is not None:
            yield Hit(tagged[0], tagged[0], tagged[1])


def colon_speaker(context: Context, found: list[Attribution]) -> Iterator[Hit]:
    """"Trump: “…”", "Sanders: Clinton needs to …": a source that is all the clause before a colon."""
    for colon in _where(context.norms, frozenset([":"])):
        unit = _colon_source(context, colon) if colon > 0 and not context.tokens[colon].quoted else None
        if unit is not None:
            yield Hit(colon, colon, unit)


def speaker_verb_before_quote(context: Context, found: list[Attribution]) -> Iterator[Hit]:
    """"He continued, “…”", "Sanders shot back, “…”": a speaker, any verb (with its particle), the quote."""
    for mark in _where(context.norms, OPENING_QUOTE_MARKS):
        spoken = _speaker_verb_before(context, mark)
        if spoken is not None:
            yield Hit(spoken[0], mark - 2, spoken[1])


def verb_before_that_clause(context: Context, found: list[Attribution]) -> Iterator[Hit]:
    """"Trump bragged that …": a speaker's unlisted finite verb with a that-clause."""
    for that in _where(context.norms, frozenset(["that"])):
        unit = _speaker_before_that(context, that - 1) if that > 1 else None
        if unit is not None:
            yield Hit(that - 1, that - 1, unit)


def in_document(context: Context, found: list[Attribution]) -> Iterator[Hit]:
    """"In a new poll, …": "in" + a document opening a sentence that has no other cue.

    Inside a clause ("leads in the polls", "said in a statement") the phrase says where,
    not who, and a sentence with a lexicon cue has its verb as the cue.
    """
    cued = {attribution.sentence for attribution in found}
    for sentence, index in context.sentence_first.items():
        if context.norms[index] != "in" or sentence in cued or context.tokens[index].quoted:
            continue
        unit = _document_after(context, index)
        if unit is not None:
            yield Hit(index, index, unit)


def _speaker_before_that(context: Context, verb: int) -> Unit | None:
    """"Trump bragged that …", "The campaign has hinted that …": an unlisted finite verb with a that-clause.

    A verb that takes a that-clause is one of saying, thinking or finding, so with a speaker
    as its subject (a name, an institution, a pronoun, opening its clause) it reports what
    follows whatever the verb is. Passives ("was told that") and base forms are left out.
    """
    tokens, norms = context.tokens, context.norms
    token = tokens[verb]
    if token.quoted or not token.is_word or not token.text.islower() or token.norm in NOT_HEADS:
        return None
    if not opens_clause(tokens[verb + 2] if verb + 2 < len(tokens) else None, token.sentence):
        return None  # "signed that bill": a demonstrative, not a complementizer
    if not (token.norm.endswith("ed") or (token.norm.endswith("s") and not token.norm.endswith(("ss", "us", "is")))):
        return None
    index, skipped_be = skip_auxiliaries_back(tokens, norms, verb, token.sentence)
    if skipped_be or index < 0:
        return None
    unit = context.unit_ending_at(index)
    if unit is None or tokens[unit.first].sentence != token.sentence:
        return None
    opening = unit.first == context.sentence_first.get(token.sentence) or (
        tokens[unit.first - 1].text in PUNCT_OPENERS or norms[unit.first - 1] in ("and", "but", "that")
    )
    return unit if opening else None


def _dash_credit(context: Context, mark: int) -> Unit | None:
    """"“…” ― Carla Sanchez": a closing quote, a dash and a name that ends its line or sentence.

    The credit line of an epigraph or a list of readers' comments: the name after the dash
    is the speaker. The name must be all the words up to the line's or sentence's end, so
    "“…” — Trump's favourite word — …" is no credit.
    """
    tokens = context.tokens
    if mark == 0 or mark + 2 >= len(tokens) or not tokens[mark - 1].quoted or tokens[mark + 1].text not in DASHES:
        return None
    last = mark + 1
    while last + 1 < len(tokens) and context.is_name_token(last + 1) and last - mark < 5:
        last += 1
    if last == mark + 1:
        return None
    if last + 1 < len(tokens):
        following = tokens[last + 1]
        gap = context.doc.text[tokens[last].end : following.start]
        if "\n" not in gap and following.text not in ".;|" and following.text not in OPENING_QUOTE_MARKS:
            return None
    unit = context.unit_ending_at(last) or context.generic_left(last, loose=True)
    return unit if unit is not None and unit.kind in ("named_person", "institution", "media") else None


def _verb_tagging_quote(context: Context, mark: int) -> tuple[int, Unit] | None:
    """"“…,” he continued", "“…?” asked the moderator": the verb of a speaker tag after a closing quote.

    The mark closes a quote when the quoted words end in , ? or ! before it and the
    word after it is outside the quote; the tag itself is read by :func:`tag_after`,
    and ends with its verb.
    """
    tokens = context.tokens
    after = mark + 1
    if after >= len(tokens) or mark == 0 or tokens[mark - 1].text not in (",", "?", "!") or tokens[after].quoted:
        return None
    if not tokens[mark - 1].quoted:
        return None
    unit = tag_after(context, after)
    if unit is None:
        return None
    start = after + 1 if tokens[after].text == "," else after
    verb = unit.last + 1 if unit.first == start else start
    if verb + 1 >= len(tokens) or not tokens[verb].is_word or not tokens[verb].text.islower():
        return None
    # The tag ends with its verb ("he continued." / "he continued, “…”"): a longer clause is a new sentence.
    return (verb, unit) if tokens[verb + 1].text in ".,;:" else None


def _speaker_verb_before(context: Context, mark: int) -> tuple[int, Unit] | None:
    """"He continued, “…”", "Trump tweeted: “…”", "Sanders shot back, “…”": a speaker, one verb, the quote.

    Returns the verb's index and the speaker. A verb with a particle ("shot back", "fired
    back", "lashed out") may be any verb, since the particle marks it as one; a bare verb
    must look like a past or present form. An adverb may follow the verb ("fired back
    forcefully:"), and so may the document the words came in ("issued a statement:").
    """
    if mark < 3:
        return None
    tokens = context.tokens
    if tokens[mark - 1].text not in ",:":
        return None
    verb_index = mark - 2
    if tokens[verb_index].norm.endswith("ly") and tokens[verb_index].text.islower() and mark >= 4:
        verb_index -= 1  # "fired back forcefully: “…”"
    match = context.kind_by_last.get(verb_index)
    if match is not None and match[1]["kind"] == "document" and match[0] > 0 and (
        context.norms[match[0] - 1] in ("a", "an", "the")
    ):
        verb_index = match[0] - 2  # "Trump issued a statement, “…”": the verb before its document
    particle = verb_index >= 2 and tokens[verb_index].norm in _PARTICLES
    if particle:
        verb_index -= 1
    verb = tokens[verb_index]
    if not verb.is_word or not verb.text.islower() or verb.quoted or verb.norm in NOT_HEADS:
        return None
    if not particle and (not verb.norm.endswith(("ed", "s")) or verb.norm.endswith(("ly", "ss"))):
        return None  # a past or present verb form, not "Also, “…”" or "Nonetheless, “…”"
    unit = context.unit_ending_at(verb_index - 1)
    if unit is None and verb_index >= 2 and (
        verb_index - 1 == context.sentence_first.get(verb.sentence) or tokens[verb_index - 2].text in ","
    ):
        unit = unit_starting_at(context, verb_index - 1)  # one unlisted name opening the clause: "Hillary"
    if unit is None or unit.kind == "vague" or tokens[unit.first].sentence != verb.sentence:
        return None
    opening = unit.first == context.sentence_first.get(verb.sentence) or tokens[unit.first - 1].text in PUNCT_OPENERS
    return (verb_index, unit) if opening else None


def _colon_source(context: Context, colon: int) -> Unit | None:
    """"Trump: “…”", "Sanders: Clinton needs to …": a source phrase that is all the clause before a colon."""
    tokens = context.tokens
    sentence = tokens[colon].sentence
    if colon + 1 >= len(tokens) or tokens[colon - 1].sentence != sentence:
        return None
    unit = context.left_phrase(colon - 1)
    if unit is None or unit.kind == "vague":
        return None
    opening = unit.first == context.sentence_first.get(sentence) or tokens[unit.first - 1].text in PUNCT_OPENERS
    quote_follows = tokens[colon + 1].text in "“\"‘'" or tokens[colon + 1].quoted
    if not opening:
        return None
    if quote_follows:
        return unit
    # A headline's "Sanders: Clinton needs to …" has a clause after the colon; a tally's "Clinton: 547"
    # and a subheading's "The Maduro Angle: A Calculated Offer?" (every word capitalized) have not.
    words = lower = 0
    for index in range(colon + 1, min(colon + 6, len(tokens))):
        if tokens[index].sentence != sentence or not tokens[index].is_word or tokens[index].text[0].isdigit():
            break
        words += 1
        lower += tokens[index].text.islower()
    return unit if unit.kind == "named_person" and words >= 2 and lower else None


def _document_after(context: Context, first: int) -> Unit | None:
    """"In a Washington Post-ABC News poll, …": "in" then a short phrase headed by a document noun."""
    tokens, norms = context.tokens, context.norms
    sentence = tokens[first].sentence
    for index in range(first + 1, min(first + 8, len(tokens))):
        if tokens[index].sentence != sentence or tokens[index].quoted:
            return None
        match = context.kind_by_first.get(index)
        if match is not None and match[1]["kind"] == "document":
            last = match[0]
            if last + 1 < len(tokens) and norms[last + 1] in ("of", "'s", "’s"):
                return None  # "in a study of …", "in the poll's margin": the noun heads nothing here
            return Unit(first + 1, last, "document", match[1].key, context.text_of(first + 1, last))
        if norms[index] in CLAUSE_OPENERS or norms[index] in PREPOSITIONS or (
            not tokens[index].is_word and tokens[index].text not in "-/’'"
        ):
            return None
    return None


_ENTRIES = {
    "dash_credit": DASH_AFTER_QUOTE, "quote_tag": VERB_AFTER_QUOTE, "colon_speaker": COLON,
    "speaker_verb_before_quote": VERB_BEFORE_QUOTE, "verb_before_that_clause": VERB_BEFORE_THAT,
    "in_document": IN_DOCUMENT,
}
# In order; a verb an earlier cue or construction made a cue of is not made one again.
CONSTRUCTION_RULES: tuple[Rule, ...] = tuple(
    replace(rule, entry=_ENTRIES[rule.name]) for rule in registry("attribution", "construction", CONSTRUCTION_GOLDEN, (
        ("dash_credit", dash_credit),
        ("quote_tag", quote_tag),
        ("colon_speaker", colon_speaker),
        ("speaker_verb_before_quote", speaker_verb_before_quote),
        ("verb_before_that_clause", verb_before_that_clause),
        ("in_document", in_document),
    ))
)
