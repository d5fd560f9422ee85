"""Clause readers shared by several attribution rules: where a verb group starts, whose clause it is.

None of these decides anything alone; the rules in :mod:`.source_rules` and
:mod:`.constructions` combine them. Each reads tokens only (no parser), so a rule's
precision rests on English word order: the subject before its verb, a participle after a
comma continuing its clause, a time adverbial between subject and verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ...document import Token
from ...grammar import (
    BE_FORMS,
    DETERMINERS,
    DO_FORMS,
    IRREGULAR_PAST,
    MODALS,
    QUOTE_MARKS,
    SUBJECT_PRONOUNS,
    WEEKDAYS,
)
from ...lexicons import Entry
from .model import Unit
from .names import PUNCT_OPENERS
from .phrases import AUXILIARIES, NOT_HEADS, TIME_WORDS, Context

# Words that lead a time adverbial ("on Sunday", "last week", "that same day").
TIME_LEADS = WEEKDAYS | frozenset(
    ["on", "in", "at", "last", "this", "that", "early", "late", "during", "the", "a", "next", "earlier", "same",
     "one", "each", "every"]
)
# Auxiliaries after which only a verb's base form can follow ("could support", "don't want").
VERB_MODALS = MODALS | DO_FORMS | {"n't"}
# Verbs of evidence: after a comma ("…, indicating that …") they are the writer's own
# inference, so they never continue an earlier source's report.
# They also take things as subjects ("the conflict highlights"), so an unlisted noun is no source for them.
INFERENCE_LEMMAS = frozenset(
    ["indicate", "suggest", "show", "demonstrate", "prove", "imply", "signal", "highlight", "underscore",
     "underline", "illustrate", "reflect", "mean"]
)
# Words that start a clause's subject, making a "that" before them a complementizer.
SUBJECT_STARTS = DETERMINERS | SUBJECT_PRONOUNS | frozenset(["there", "no", "none"])


def skip_auxiliaries_back(
    tokens: Sequence[Token], norms: Sequence[str], first: int, sentence: int
) -> tuple[int, bool]:
    """The index before the auxiliaries and -ly adverbs that precede token ``first`` in its sentence
    ("has *repeatedly* said"), and whether a form of *be* was among them (a passive)."""
    index = first - 1
    skipped_be = False
    while index >= 0 and tokens[index].sentence == sentence and (
        norms[index] in AUXILIARIES or (norms[index].endswith("ly") and tokens[index].text.islower())
    ):
        skipped_be = skipped_be or norms[index] in BE_FORMS
        index -= 1
    return index, skipped_be


def before_time_phrase(context: Context, index: int, sentence: int) -> int:
    """Step back over a time adverbial between subject and verb: "on Saturday", "at the time", "last week"."""
    norms, tokens = context.norms, context.tokens
    while index > 0 and tokens[index].sentence == sentence and (
        norms[index] in TIME_WORDS or (len(norms[index]) == 4 and norms[index].isdigit())  # "who in 2010 said"
    ):
        index -= 1
        while index > 0 and norms[index] in TIME_LEADS and tokens[index].sentence == sentence:
            index -= 1
        while index > 0 and norms[index] in AUXILIARIES and tokens[index].sentence == sentence:
            index -= 1
    return index


def main_clause_subject(context: Context, after: int, sentence: int) -> Unit | None:
    """"Asked whether …, O'Neill said": the subject after the comma that closes an opening participle."""
    tokens = context.tokens
    for index in range(after, min(after + 30, len(tokens) - 1)):
        token = tokens[index]
        if token.sentence != sentence or token.text in ".;:":
            return None
        if token.text == "," and not token.quoted and not tokens[index + 1].quoted:
            return unit_starting_at(context, index + 1)
    return None


def clause_subject(context: Context, sentence: int, before: int) -> Unit | None:
    """The subject of a sentence whose second verb is the cue: "He refrained … but remarked"."""
    index = context.sentence_first.get(sentence, before)
    while index < before:
        token = context.tokens[index]
        if index == context.sentence_first[sentence] or context.tokens[index - 1].text in PUNCT_OPENERS:
            unit = unit_starting_at(context, index)
            if unit is not None:
                return unit
        if token.quoted:
            return None
        index += 1
    return None


def unit_starting_at(context: Context, first: int) -> Unit | None:
    """A source phrase that starts at ``first`` and is followed by a verb-like word, else None."""
    if context.norms[first] in TIME_WORDS:
        return None  # "Sunday morning, Clinton slammed": a time, not the subject
    best = None
    for last in range(first, min(first + 6, len(context.tokens))):
        unit = context.unit_ending_at(last)
        if unit is not None and unit.first <= first + 1:  # "Rival Hillary Clinton": one modifier may lead
            best = unit  # the longest: "Republican nominee Donald Trump", not "Republican nominee"
    if best is not None:
        return best
    last = first
    while last + 1 < len(context.tokens) and context.is_name_token(last + 1):
        last += 1
    if last + 1 < len(context.tokens) and context.norms[last + 1] == ",":
        return None  # "Instead, he …", "Across Asia, policymakers …": an opening adverbial, not the subject
    if context.is_name_token(first) and not context.tokens[first].text.isupper():  # not a WASHINGTON dateline
        return context.generic_left(last, loose=True)  # an unlisted name: "Dean … began by saying"
    return None


# How many tokens an aside between subject and verb may run; a relative clause ("X, which …, said") may run longer.
_ASIDE_REACH = 20
_RELATIVE_ASIDE_REACH = 45


def before_appositive(context: Context, comma: int, *, loose: bool = False) -> Unit | None:
    """"Critics, including human rights advocates, have condemned": the subject before the aside.

    ``loose`` as in :meth:`~.phrases.Context.generic_left`: for a verb-only form, a lower-case
    phrase without a determiner may be the subject ("Liberal groups, which …, slammed").
    """
    sentence = context.tokens[comma].sentence
    mark = context.norms[comma]
    index = comma - 1
    while index >= 0 and context.norms[index] == mark == "-":
        index -= 1  # "--" is two tokens
    while index >= 0 and comma - index < _RELATIVE_ASIDE_REACH and context.tokens[index].sentence == sentence:
        if context.norms[index] == mark:
            if comma - index >= _ASIDE_REACH and context.norms[index + 1] not in ("who", "which"):
                return None  # a long aside is a relative clause ("Liberal groups, which are … , slammed")
            while index > 0 and context.norms[index - 1] == mark == "-":
                index -= 1
            if context.tokens[index - 1].text in "”’\"'":
                return None  # a quote, not an aside
            last = index - 1
            if last > 0 and context.norms[last] == ")":
                last = next((i - 1 for i in range(last - 1, max(last - 10, 0), -1) if context.norms[i] == "("), last)
            if last > 1 and PARTY_STATE_TAG.fullmatch(context.tokens[last].text) and context.norms[last - 1] == ",":
                last -= 2  # "Sen. John Cornyn, R-TX, who heads …, said": the tag belongs to the name before it
            return context.left_phrase(last) or context.generic_left(last, loose=loose)
        if context.tokens[index].quoted:
            return None
        index -= 1
    return None


def reduced_relative(context: Context, head: int, first: int, entry: Entry) -> bool:
    """"groups supporting Trump": an -ing form right after a plural common noun, with an object, modifies it
    as a reduced relative clause ("groups that support Trump"), so the noun is its subject."""
    tokens = context.tokens
    noun, following = tokens[head], tokens[first + 1] if first + 1 < len(tokens) else None
    return (
        head == first - 1
        and entry["lemma"] not in INFERENCE_LEMMAS
        and noun.is_word
        and noun.text.islower()
        and noun.norm.endswith("s")
        and not noun.norm.endswith(("ss", "us", "is"))
        and noun.norm not in NOT_HEADS
        and following is not None
        and following.is_word
        and following.sentence == noun.sentence
    )


def verb_by_syntax(context: Context, subject_last: int, first: int) -> bool:
    """A form that could be a noun ("support", "hope", "fears") is a verb after a modal or *do*
    ("donors couldn't support", "voters do not trust"), or, as a bare base form, after a plural
    common noun ("strategists think", "voters want"): English noun modifiers are singular
    ("voter support"), so a plural noun then a base form is a subject and its verb.
    """
    norms, tokens = context.norms, context.tokens
    if any(norms[i] in VERB_MODALS for i in range(subject_last + 1, first)):
        return True
    head = tokens[subject_last]
    return (
        subject_last == first - 1
        and head.is_word
        and head.text.islower()
        and head.norm.endswith("s")
        and not head.norm.endswith(("ss", "us", "is"))
        and head.norm not in NOT_HEADS
        and not tokens[first].norm.endswith("s")
    )


def verb_only_form(entry: Entry, form: str) -> bool:
    """Forms that are hardly ever nouns: past forms, -ing forms and every form of say and tell."""
    if entry["lemma"] in ("say", "tell"):
        return True
    return form != entry["lemma"] and not (form.endswith("s") and not form.endswith("ss"))


def tags_quote(context: Context, first: int) -> bool:
    """Whether the cue stands in a quote's tag ("“…,” the letter reads", "“…,” reads the editorial").

    Right after a closing quote a form that is also a noun ("reads", "claims") can only be
    the verb of the tag, so it may take a subject no lexicon lists.
    """
    tokens = context.tokens
    for index in range(first - 1, max(first - 6, 0), -1):
        if tokens[index].sentence != tokens[first].sentence or tokens[index].text in ".;:!?":
            return False
        if tokens[index].text in "”\"" and tokens[index - 1].text in ",?!":
            return True
    return False


def tag_after(context: Context, index: int) -> Unit | None:
    """"“…,” he continued": a pronoun or name opening the words after a quote, then a verb."""
    tokens = context.tokens
    if tokens[index].text == ",":
        index += 1
    if index >= len(tokens) or tokens[index].quoted:
        return None
    for last in range(index, min(index + 5, len(tokens) - 1)):
        unit = context.unit_ending_at(last)
        if unit is not None and unit.first == index and unit.kind != "vague":
            following = tokens[last + 1]
            if following.is_word and following.text.islower() and following.sentence == tokens[index].sentence:
                return unit
    # An unlisted capitalized name then a verb: "“…,” Blige sings".
    last = index
    while last + 1 < len(tokens) and context.is_name_token(last + 1) and last - index < 3:
        last += 1
    if context.is_name_token(index) and last + 1 < len(tokens) and not tokens[index].text.isupper():
        following = tokens[last + 1]
        if following.is_word and following.text.islower() and following.sentence == tokens[index].sentence:
            unit = context.generic_left(last, loose=True)
            if unit is not None and unit.kind == "named_person":
                return unit
    # Inverted, with a verb of any manner: "“…,” mused the co-host Stu Burguiere".
    verb = tokens[index]
    if (verb.is_word and verb.text.islower() and verb.norm.endswith("ed") and verb.norm not in NOT_HEADS
            and index + 1 < len(tokens) and tokens[index + 1].sentence == verb.sentence):
        unit = context.right_phrase(index + 1, verb.sentence) or context.generic_right(index + 1, verb.sentence)
        if unit is not None and unit.kind in ("named_person", "institution", "media"):
            return unit
    return None


def opens_clause(token: Token | None, sentence: int) -> bool:
    """Whether a word after "that" starts a clause's subject (a pronoun, determiner, name or number),
    which makes the "that" a complementizer rather than a demonstrative ("that bill")."""
    if token is None or token.sentence != sentence or not token.is_word:
        return False
    return token.norm in SUBJECT_STARTS or token.text[0].isupper() or token.text[0].isdigit()


def relative_that(context: Context, cue_last: int, sentence: int) -> bool:
    """"the rural states that make up", "a report that set off": a noun-like cue, "that", then a verb is a noun
    with its relative clause, not a verb or statement noun with its report.

    After a plural the verb is a base form or an auxiliary ("states that make up", "groups
    that have sued"); after a singular, an auxiliary or a past form ("a report that set off",
    "the claim that was denied"). "states that taxes rose" (a plural noun after "that") and
    "the claim that prices rose" open a reported clause.
    """
    tokens = context.tokens
    index = cue_last + 2
    if index >= len(tokens) or context.norms[cue_last + 1] != "that":
        return False
    token = tokens[index]
    if token.sentence != sentence or not token.is_word or not token.text.islower() or token.norm in SUBJECT_STARTS:
        return False
    if token.norm in AUXILIARIES:
        return True
    if context.norms[cue_last].endswith("s"):
        return not token.norm.endswith(("s", "ed"))
    return token.norm.endswith("ed") or token.norm in IRREGULAR_PAST


# What may open a cue's content right after it or after a short object ("told reporters that").
_QUESTION_WORDS = frozenset(["whether", "if", "how", "why", "what", "who", "when", "where"])
# How many words of an object may stand between a cue and its "that" / "as" ("view this designation as").
_OBJECT_WINDOW = 4


def introduces_content(context: Context, last: int, sentence: int) -> str:
    """What the words after a cue ending at token ``last`` report: a that-clause, a quote, a colon, a question,
    an "as" complement after a short object, "to" + verb, or "none" (an ordinary predicate: "endorsed Clinton").

    Read once for the ``needs_content`` check and the scorer's ``content=`` feature, so both mean the same.
    """
    tokens, norms = context.tokens, context.norms
    index = last + 1
    if index >= len(tokens) or tokens[index].sentence != sentence:
        return "none"
    norm = norms[index]
    if tokens[index].quoted or tokens[index].text in QUOTE_MARKS or (
        norm == "," and index + 1 < len(tokens) and tokens[index + 1].text in QUOTE_MARKS
    ):
        return "quote"
    if norm in (":", "that") or norm in _QUESTION_WORDS:
        return {":": "colon", "that": "that"}.get(norm, "question")
    if norm == "to" and index + 1 < len(tokens) and tokens[index + 1].sentence == sentence:
        verb = tokens[index + 1]
        return "to_verb" if verb.is_word and verb.text.islower() and verb.norm not in DETERMINERS else "none"
    for step in range(index, min(index + _OBJECT_WINDOW + 1, len(tokens))):
        if tokens[step].sentence != sentence or not tokens[step].is_word:
            return "none"
        if norms[step] in ("that", "as") and step > index:
            return "object_" + norms[step]
    return "none"


# A party and state label after a lawmaker's name: "R-TX", "D-Conn.", "I-Vt".
PARTY_STATE_TAG = re.compile(r"[RDI]-[A-Z][A-Za-z]{1,13}\.?")
# A dash that opens or closes an aside: "--", "—" or "–" between spaces.
ASIDE_DASH = re.compile(r"(?<=\s)(?:--|—|–)(?=\s)")


def in_closed_aside(text: str, sentence_start: int, start: int, end: int, before: int) -> bool:
    """Whether ``text[start:end]`` sits in an aside that opens and closes before offset ``before``.

    "X faced a backlash -- including a call from Y to resign -- as she …, calling him": a report
    between dashes or parentheses is the aside's own, neither a later participle's nor a later
    quote's. Both the source rules and the quote speakers read asides this way.
    """
    dashed = ASIDE_DASH.search(text, sentence_start, start) and ASIDE_DASH.search(text, end, before)
    parenthesised = "(" in text[sentence_start:start] and ")" in text[end:before]
    return bool(dashed or parenthesised)
