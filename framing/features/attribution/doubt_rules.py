"""Doubt rules: a cue the rules accept whose words may name an act, an aim or a name rather than a claim.

The source rules read *who*; these read *what*: "plans to run", "opposed the bill",
"announced his candidacy", "people often called Dreamers" have a clear actor, and
PolNeAR-style annotation counts most of them, but none reports a claim a reader could
check. Deleting them would lose the quotes' speakers and the cues that are right in
context, so such a cue is kept with ``confidence: possible`` and the rule's ``reason``:
shown as evidence, not counted in the rates ("Right, or silent"). Each rule returns its
reason, or "" when it has no doubt; the first reason given is stamped on the cue.

A rule sees the cue, its source and ``listed``: the first token of every reporting-lexicon
match in the document → the token after it, so it can tell whether a word after the cue is
itself a cue, and read what that cue introduces.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...grammar import OPENING_QUOTE_MARKS, PREPOSITIONS, QUOTE_MARKS
from .clauses import introduces_content, opens_clause, tags_quote
from .golden import DOUBT_GOLDEN
from .model import Cue, Rule, Unit, registry
from .phrases import TIME_WORDS, Context

# Kinds of content that make a cue a report: a that-clause, a quote, a colon, a question, an "as" complement.
_CLAIMS = frozenset(["that", "quote", "colon", "question", "object_that", "object_as"])
# How many words may stand between a cue and the "that" or "whether" it introduces ("asked later in the day whether").
_SOON = 7
# Most words of a quoted term ("“passion”", "“a con”") that a predicate's quote may hold and still be no claim.
_QUOTED_TERM_WORDS = 2
# How far past the cue a colon or quote may open and still be what the cue introduces
# ("responded to a question about Libya: “…”").
_SPEECH_REACH = 12


def aim_not_claim(context: Context, cue: Cue, unit: Unit | None, listed: Mapping[int, int]) -> str:
    """"plans to run", "refused to release", "appears to have been": a cue whose only content is "to" + verb
    attributes an aim, a refusal or a semblance, not a claim.

    Not a passive ("is said to", "is expected to": a report whose source is held back), and
    not when the aim is itself a report with content ("appeared to suggest that …").
    """
    if cue.passive or introduces_content(context, cue.end - 1, cue.sentence) != "to_verb":
        return ""
    verb_end = listed.get(cue.end + 1)
    if verb_end is not None and _reports_soon(context, verb_end, cue.sentence):
        return ""  # "declined to say on Tuesday whether", "sought to make the case that"
    return ("it attributes an aim or intention ('plans to', 'refused to', 'appears to'), not a claim: "
            "PolNeAR-style annotation counts it, a reader may not")


def act_without_content(context: Context, cue: Cue, unit: Unit | None, listed: Mapping[int, int]) -> str:
    """"announced his candidacy", "opposed the bill", "mentioned the stimulus": a verb the lexicon marks
    ``bare_object=act`` names an act, a topic or a position when nothing it reports follows.

    It reports when it introduces content or speech: a that-clause, a question, a quote it
    tags ("“…,” Biden responded") or that follows it in its sentence after a colon or comma.
    """
    if cue.entry["bare_object"] != "act":
        return ""
    content = introduces_content(context, cue.end - 1, cue.sentence)
    if content == "that" and cue.end + 1 < len(context.tokens) and not opens_clause(
        context.tokens[cue.end + 1], cue.sentence
    ):
        content = "none"  # "wanted that line removed": a demonstrative, not a that-clause
    if content != "none":
        return ""  # a claim it introduces, or an aim (the business of aim_not_claim)
    if _tags_a_quote(context, cue) or _speech_follows(context, cue) or _reports_soon(context, cue.end, cue.sentence):
        return ""
    return (f"'{cue.form}' with only an object names an act, a topic or a position, not a claim "
            "(bare_object=act in reporting_verbs.tsv)")


def _tags_a_quote(context: Context, cue: Cue) -> bool:
    """"“…,” Biden responded", "“…,” a memo detailing the findings reads.": the cue closes a sentence that a
    quote opens, however long the subject between them. A participle after the tag is not the tag ("“…,” he
    continued, referring to Grassley")."""
    if cue.first > 0 and context.norms[cue.first - 1] == ",":
        return False
    if tags_quote(context, cue.first):
        return True
    opening = context.sentence_first.get(cue.sentence)
    return cue.following == "." and opening is not None and context.tokens[opening].text in OPENING_QUOTE_MARKS


def _speech_follows(context: Context, cue: Cue) -> bool:
    """A colon, or a quote opening after a comma, soon after the cue in its sentence."""
    tokens, norms = context.tokens, context.norms
    for index in range(cue.end, min(cue.end + _SPEECH_REACH, len(tokens))):
        token = tokens[index]
        if token.sentence != cue.sentence:
            return False
        if norms[index] == ":" and not token.quoted:
            return True
        if token.text in OPENING_QUOTE_MARKS and norms[index - 1] == ",":
            return True
    return False


def _reports_soon(context: Context, start: int, sentence: int) -> bool:
    """A that-clause, a "whether" question, a colon or a quote within a few words from token ``start``, before
    any punctuation: "asked later in the day whether", "declined to say on Tuesday whether"."""
    tokens, norms = context.tokens, context.norms
    for index in range(start, min(start + _SOON, len(tokens))):
        token = tokens[index]
        if token.sentence != sentence:
            return False
        if norms[index] in ("whether", ":") or token.text in OPENING_QUOTE_MARKS:
            return True
        if norms[index] == "that" and index + 1 < len(tokens) and opens_clause(tokens[index + 1], sentence):
            return True
        if not token.is_word:
            return False
    return False


def quoted_word_not_claim(context: Context, cue: Cue, unit: Unit | None, listed: Mapping[int, int]) -> str:
    """"Biden showed “passion”", "opposed the “bailout”": a predicate that needs content (``needs_content=yes``)
    or names an act (``bare_object=act``), whose only content is a quoted word or two, quotes a term, not a claim."""
    entry = cue.entry
    if entry["needs_content"] != "yes" and entry["bare_object"] != "act":
        return ""
    if introduces_content(context, cue.end - 1, cue.sentence) != "quote":
        return ""
    tokens = context.tokens
    index = cue.end
    while index < len(tokens) and not tokens[index].is_word and tokens[index].sentence == cue.sentence:
        index += 1  # the opening mark
    words = 0
    while index < len(tokens) and tokens[index].quoted and tokens[index].sentence == cue.sentence:
        words += tokens[index].is_word
        index += 1
    if words == 0 or words > _QUOTED_TERM_WORDS:
        return ""
    return f"'{cue.form}' introduces only a quoted term of {words} word(s), not a claim"


def call_names_one_object(context: Context, cue: Cue, unit: Unit | None, listed: Mapping[int, int]) -> str:
    """"people often called Dreamers", "Trump called Schumer on Monday": "call" with one name and nothing
    after it names or phones. A characterisation has a second part: "called him a liar", "called Ryan “competent”"."""
    if cue.lemma != "call":
        return ""
    tokens, norms = context.tokens, context.norms
    index = cue.end
    if index >= len(tokens) or tokens[index].sentence != cue.sentence or not context.is_name_token(index):
        return ""
    while index + 1 < len(tokens) and context.is_name_token(index + 1):
        index += 1
    after = index + 1
    if after < len(tokens) and tokens[after].sentence == cue.sentence and (
        tokens[after].text in QUOTE_MARKS
        or (tokens[after].is_word and norms[after] not in PREPOSITIONS and norms[after] not in TIME_WORDS)
    ):
        return ""
    return "'called' with one name and nothing after it names someone or phones them; it characterises no one"


# Doubt rules, in order: the first reason given marks the cue possible.
DOUBT_RULES: tuple[Rule, ...] = registry("attribution", "doubt", DOUBT_GOLDEN, (
    ("aim_not_claim", aim_not_claim),
    ("act_without_content", act_without_content),
    ("quoted_word_not_claim", quoted_word_not_claim),
    ("call_names_one_object", call_names_one_object),
))


def doubt(context: Context, cue: Cue, unit: Unit | None, listed: Mapping[int, int]) -> tuple[str, str]:
    """The first doubt rule that doubts the cue and its reason, or ``("", "")``."""
    for rule in DOUBT_RULES:
        reason = rule.run(context, cue, unit, listed)
        if reason:
            return rule.name, reason
    return "", ""
