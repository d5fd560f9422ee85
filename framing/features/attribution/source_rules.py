"""Source rules: who is the source of a reporting-lexicon cue. A decision list, first to decide wins.

Each rule looks at one construction around the cue (:class:`~.model.Cue`) and returns
None when the construction is not there, so the next rule is tried; otherwise a
:class:`~.model.SourceDecision` with the source phrase it read, or with None when the
construction shows the cue has no source of its own ("was accused of": an agentless
passive). :data:`SOURCE_RULES` is the order: constructions whose words are unambiguous
("according to X", "reports indicate", "reported by X") come first, then the subject
before the verb group in its forms (relative, coordinated, after an aside), and last a
noun phrase no lexicon lists. The order is the precedence the rules were tuned with on
the seed gold and PolNeAR; a new rule goes where its construction is no longer taken by
an earlier one.
"""

from __future__ import annotations

from ...grammar import (
    ARTICLES,
    DEMONSTRATIVES,
    OPENING_QUOTE_MARKS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    SUBJECT_PRONOUNS,
    THIRD_PERSON_POSSESSIVES,
)
from .clauses import (
    INFERENCE_LEMMAS,
    before_appositive,
    clause_subject,
    main_clause_subject,
    reduced_relative,
    relative_that,
    tags_quote,
    verb_by_syntax,
    verb_only_form,
)
from .golden import SOURCE_GOLDEN
from .model import Attribution, Cue, Rule, SourceDecision, Unit, registry
from .phrases import Context
from .source_phrases import head_before_preposition, in_closed_report_aside, named_in_aside, source_unit

# Prepositions before a participle whose subject is the clause's subject.
_BY_GERUND = frozenset(["by", "after", "before", "while", "when"])
# Before a participle that opens a sentence without its subject: "When asked …, X said".
_PARTICIPLE_OPENERS = frozenset(["when", "if", "once", "after", "as", "while"])
# After a form that can also be a noun ("claims", "state"), a verb use goes on with one of these.
# Verbs whose object is the one spoken to ("told Fox News"), so no subject follows them.
_LISTENER_VERBS = frozenset(["tell", "inform", "assure", "remind"])
_VERB_FOLLOWERS = (
    frozenset(["that", ",", ":", "there"]) | OPENING_QUOTE_MARKS | (SUBJECT_PRONOUNS - {"you"}) | ARTICLES
    | DEMONSTRATIVES | THIRD_PERSON_POSSESSIVES
)
_ASIDE_MARKS = frozenset([",", "-", "—", "–"])


def _decided(unit: Unit | None, *features: str) -> SourceDecision:
    return SourceDecision(unit, features)


def cue_holds_source(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"Reports indicate": a cue phrase whose first words are a source term."""
    match = context.kind_by_first.get(cue.first)
    if " " not in cue.entry.key or match is None or match[0] >= cue.end - 1:
        return None
    return _decided(context.unit_ending_at(match[0]))


def prepositional_source(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"according to Axios", "quoted by Reuters": the source is the object of the cue's preposition.

    After "referring to", "pointed to" the object is what is spoken of, so only "by" and
    "according to" take this rule; "according to" also reads an unlisted noun phrase
    ("according to their attorneys"), and one unknown capitalized word there is a body
    ("according to Gallup"): people come with full names.
    """
    key = cue.entry.key
    if " " not in key or not (key.endswith(" by") or key.startswith("according")):
        return None
    unit = context.right_phrase(cue.end, cue.sentence)
    if unit is None and key.startswith("according"):
        unit = context.generic_right(cue.end, cue.sentence)
        if unit is not None and unit.kind == "named_person" and unit.first == unit.last:
            return _decided(unit._replace(kind="institution"), "one_capitalized_word")
    return _decided(unit)


def passive_agent(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"reported by the New York Times", "criticized by experts": the agent after "by"."""
    end, tokens = cue.end, context.tokens
    if end >= len(tokens) or context.norms[end] != "by" or tokens[end].sentence != cue.sentence:
        return None
    unit = context.right_phrase(end + 1, cue.sentence)
    return None if unit is None else _decided(unit)


def stance_adjective_needs_copula(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"is confident that" reports only with its copula and a subject: "make sure that" is no one's stance."""
    if cue.lemma.startswith("be ") and (cue.opens or not cue.passive):
        return _decided(None)
    return None


def opening_participle(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"Asked about the deal, the minister said": an opening participle's subject follows its comma."""
    if not cue.form.endswith(("ed", "ing")) or cue.passive:
        return None
    leads = cue.opens or (
        context.norms[cue.before] in _PARTICIPLE_OPENERS and context.sentence_first.get(cue.sentence) == cue.before
    )
    unit = main_clause_subject(context, cue.end, cue.sentence) if leads else None
    return None if unit is None else _decided(unit)


def asked_passive(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"Trump was asked about …": the one asked is the one who answers."""
    if cue.opens or not cue.passive or cue.lemma != "ask" or cue.form != "asked":
        return None
    return _decided(context.left_phrase(cue.before))


def agentless_passive(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"was accused of": a passive with no agent names no source (see :mod:`.cue_rules` for when it still reports)."""
    if cue.opens or not cue.passive or cue.lemma.startswith("be ") or cue.entry.key.startswith("quoted as"):
        return None
    return None if cue.form.endswith("ing") else _decided(None)


def participle_continues_report(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"Trump has hinted at strikes, stating that …": a participle after a comma continues a report.

    It continues the sentence's first report, not the nearest one: in "Walsh downplayed
    Ryan's comments, saying …" the nearer cue ("comments") sits inside the first clause,
    whose subject is the one saying. With no earlier report it belongs to the sentence's
    subject ("Clinton mocked it, saying"). A report inside an aside that closed before the
    participle is passed over ("X faced a backlash -- including a call from Trump to resign --
    as she doubled down, calling it …" is X's). A verb of evidence ("…, indicating") is the
    writer's own inference and has no source.
    """
    if not cue.form.endswith("ing") or not _after_aside_or_quote(context, cue):
        return None
    if cue.lemma in INFERENCE_LEMMAS:
        return _decided(None, "inference")
    for attribution in found:
        if attribution.sentence == cue.sentence and attribution.source is not None and not in_closed_report_aside(
            context, attribution, cue.first
        ):
            return _decided(source_unit(context, attribution), "earlier_report")
    tokens = context.tokens
    comma = cue.first - 1
    if tokens[comma].text in "”’\"'" and comma > 0:
        comma -= 1  # "defended “New York values,” saying"
    if tokens[comma].text not in ",-–—":
        return _decided(None)
    return _decided(clause_subject(context, cue.sentence, comma), "clause_subject")


def appositive_subject(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"Critics, including human rights advocates, have condemned": the subject before the aside."""
    if cue.opens or context.norms[cue.before] not in _ASIDE_MARKS:
        return None
    named = named_in_aside(context, cue.before)
    if named is not None:
        return _decided(named, "name_in_aside")
    unit = before_appositive(context, cue.before, loose=verb_only_form(cue.entry, cue.form))
    return None if unit is None else _decided(unit)


def inverted_subject(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"“It will fail,” said the senator": after a quote or comma the subject follows the verb."""
    if not _after_aside_or_quote(context, cue):
        return None
    if cue.lemma in _LISTENER_VERBS:
        return None  # "…, an adviser, told Fox News": who follows "told" is the listener, never the speaker
    unit = context.right_phrase(cue.end, cue.sentence)
    tokens, first = context.tokens, cue.first
    if unit is None and first > 0 and tokens[first - 1].text in ",”’\"'" and (
        verb_only_form(cue.entry, cue.form) or tags_quote(context, first)
    ):
        return _decided(context.generic_right(cue.end, cue.sentence), "unlisted")
    return _decided(unit)


def _after_aside_or_quote(context: Context, cue: Cue) -> bool:
    """Whether the verb group opens its sentence or follows a comma, dash or closing quote."""
    if cue.opens:
        return True
    token = context.tokens[cue.before]
    return context.norms[cue.before] in _ASIDE_MARKS or (token.text in "”’\"'" and not token.is_word)


def infinitive(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"to describe", "refused to comment": an infinitive has no subject of its own.

    Except in "Bryne went on to say, “…”", where a quote follows: the clause's subject speaks.
    """
    if context.norms[cue.before] != "to":
        return None
    end, tokens = cue.end, context.tokens
    following = context.norms[end] if end < len(tokens) else ""
    if following in (",", ":") and end + 1 < len(tokens) and tokens[end + 1].text in "“\"‘'":
        return _decided(clause_subject(context, cue.sentence, cue.before), "quote_follows")
    return _decided(None)


def by_gerund(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"began by saying", "after saying": the gerund's subject is the clause's."""
    if context.norms[cue.before] not in _BY_GERUND or not cue.form.endswith("ing"):
        return None
    return _decided(clause_subject(context, cue.sentence, cue.before))


def relative_subject(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"analysts, who argue": the relative pronoun's antecedent, the span running to the pronoun."""
    norms = context.norms
    relative = norms[cue.before]
    if relative not in RELATIVE_PRONOUNS:
        return None
    pronoun = index = cue.before
    index -= 1
    if index >= 0 and norms[index] == ",":
        index -= 1
    if index < 0:
        return _decided(None)
    unit = context.left_phrase(index, relative=True)
    if unit is None and relative == "who":
        unit = context.generic_left(index, loose=True)  # "business leaders who say"
    return _decided(unit._replace(last=pronoun) if unit is not None else None, f"relative={relative}")


def coordinated_verb(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"He refrained from comment but remarked …": a second verb shares the clause's subject.

    When a cue with a source comes earlier in the sentence, the nearest one is the verb it is
    coordinated with: "a speech in which Bloomberg criticized Democrats, but argued …",
    "liberals, who accused the lawmakers … and threatened …" (the sentence's opening words
    are not the subject there).
    """
    if context.norms[cue.before] not in ("and", "but"):
        return None
    start = context.starts[cue.first]
    partner = next((attribution for attribution in reversed(found) if attribution.sentence == cue.sentence
                    and attribution.source is not None and attribution.end <= start), None)
    if partner is not None:
        return _decided(source_unit(context, partner), "earlier_report")
    return _decided(clause_subject(context, cue.sentence, cue.before))


def unclosed_parenthesis(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """A ")" before the verb with no "(" near: no subject can be read past it (see :func:`subject_last`)."""
    if cue.opens or context.norms[cue.before] != ")":
        return None
    return _decided(None) if subject_last(context, cue) < 0 else None


def subject_last(context: Context, cue: Cue) -> int:
    """The subject's last token: before the verb group, or before a parenthesis ("Jason Chaffetz (R-Utah) said").

    -1 when a ")" has no "(" within ten tokens, or the "(" opens the document.
    """
    index, norms = cue.before, context.norms
    if norms[index] != ")":
        return index
    opening = next((i for i in range(index - 1, max(index - 10, -1), -1) if norms[i] == "("), None)
    return -1 if opening is None or opening == 0 else opening - 1


def subject_before_verb(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"The Pentagon has claimed", "Senator Ann Lee on Tuesday criticized": a listed source before the verb."""
    if cue.opens:
        return None
    unit = context.left_phrase(subject_last(context, cue))
    return None if unit is None else _decided(unit)


def thing_subject(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"the conflict highlights", "the term refers to": verbs of evidence take things as subjects,
    so an unlisted noun before them is no source."""
    if cue.opens or not (cue.lemma in INFERENCE_LEMMAS or cue.lemma == "refer to"):
        return None
    return _decided(None)


def reduced_relative_subject(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"Two pastors supporting the senator": an -ing form after a plural noun, which is its subject.

    Any other -ing form after a noun ("a stark warning") is no report; only "with critics
    warning" goes on to the next rule.
    """
    if cue.opens or not cue.form.endswith("ing"):
        return None
    head = subject_last(context, cue)
    if head > 0 and context.norms[head - 1] == "with":
        return None
    if reduced_relative(context, head, cue.first, cue.entry):
        return _decided(context.generic_left(head, loose=True))
    return _decided(None)


def participial_adjective(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"suspected of", "vessels accused of": a form before "of" or "by" is adjectival or passive.

    So is a verb of attack with no object before "for" or "with" ("the group charged with
    protecting the consulate", "the militias blamed for the assault"): it takes its victim as
    object, so with none it is a passive participle.
    """
    if cue.opens or cue.lemma in ("say", "tell"):
        return None
    if cue.following in ("of", "by"):
        return _decided(None)
    if cue.following in ("for", "with") and cue.entry["stance"] == "accusatory" and verb_only_form(cue.entry, cue.form):
        return _decided(None, "passive_participle")
    return None


def unlisted_subject(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """"The rights group says": any noun phrase before a verb-only form, or before a noun-like form used as a verb.

    A form that could be a noun ("claims", "support") counts as a verb when its form or
    its syntax says so (a modal before it, a plural subject, a quote's tag), or when a
    complement follows it ("that", a pronoun, a determiner); "critical questions about"
    stays a noun phrase, and so does a noun before a relative "that" ("rural states that make up").
    """
    if cue.opens:
        return None
    head = subject_last(context, cue)
    loose = (
        verb_only_form(cue.entry, cue.form)
        or verb_by_syntax(context, head, cue.first)
        or (cue.following == "." and tags_quote(context, cue.first))
    )
    if not loose and cue.following not in _VERB_FOLLOWERS:
        return _decided(None)
    if not loose and relative_that(context, cue.end - 1, cue.sentence):
        return _decided(None, "relative_that")  # "the rural states that make up": "that" + verb is a relative
    unit = context.generic_left(head, loose=loose)
    if not loose and unit is not None and context.norms[unit.first] in POSSESSIVE_DETERMINERS:
        return _decided(None)  # "apologized for her original post, writing": the form is the phrase's noun
    if unit is not None and unit.first > 1 and context.norms[unit.first - 1] in PREPOSITIONS:
        return _decided(head_before_preposition(context, unit, loose=loose), "object_of_preposition")
    return _decided(unit, "loose" if loose else "verb_follower")


# The decision list, in order: the first rule that decides reads the cue's source.
SOURCE_RULES: tuple[Rule, ...] = registry(
    "attribution", "source", SOURCE_GOLDEN, (
        ("cue_holds_source", cue_holds_source),
        ("prepositional_source", prepositional_source),
        ("passive_agent", passive_agent),
        ("stance_adjective_needs_copula", stance_adjective_needs_copula),
        ("opening_participle", opening_participle),
        ("asked_passive", asked_passive),
        ("agentless_passive", agentless_passive),
        ("participle_continues_report", participle_continues_report),
        ("appositive_subject", appositive_subject),
        ("inverted_subject", inverted_subject),
        ("infinitive", infinitive),
        ("by_gerund", by_gerund),
        ("relative_subject", relative_subject),
        ("coordinated_verb", coordinated_verb),
        ("unclosed_parenthesis", unclosed_parenthesis),
        ("subject_before_verb", subject_before_verb),
        ("thing_subject", thing_subject),
        ("reduced_relative_subject", reduced_relative_subject),
        ("participial_adjective", participial_adjective),
        ("unlisted_subject", unlisted_subject),
    )
)
