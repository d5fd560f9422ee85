"""Which hedge-hunt answers are clear-cut by the worksheet's own definition, and which a teacher only discusses.

The worksheet defines a hedge as a word that "marks a claim as uncertain,
approximate or second-hand". A strict teacher reading blind lessons rejected key
answers that only state whose view something is, or that propose rather than
doubt: "Reid thinks that the mosque should be built elsewhere" (a named
person's position), "voters who believed that …" (a belief inside someone's
retold claim), "Do you think …?" (a rhetorical question), "X suggested that …"
(a proposal as often as a guess), "if he would drop out" (the "would" is part of a
condition already keyed). Such words stay in the key, under "discuss",
never as plain answers; a passage whose hedges are mostly of these kinds is
not offered (:func:`.kinds_text.hedge_hunt`).

Conditions ("if", "unless") and a "would" in a sentence with one are discussed too:
a condition as often sets out a comparison or a rule's terms as it doubts.

Clear-cut: modals of possibility, approximators, open questions,
appear / seem, reportedly / allegedly / according to, a first-person "I think",
and a belief verb in the agentless passive ("is widely believed", "is expected
to"), which hands the claim to no one in particular.
"""

from __future__ import annotations

import re

from ..analysis import ArticleAnalysis
from ..grammar import (
    ACCORDANCE_VERBS,
    BE_FORMS,
    DETERMINERS,
    JUDGEMENT_ADVERBS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    WH_WORDS,
)
from ..lexicons import Lexicons
from ..stemming import stem
from .doubt import BELIEF_RULES, Doubt, a_noun, second_hand

FIRST_PERSON = frozenset({"i", "we"})
# Words of a condition: a strict teacher marked a plain "if" wrong where it set out a comparison ("would pay more
# than if they were single") or quoted a rule's wording, so conditions and their "would" are only discussed.
CONDITIONS = frozenset({"if", "unless"})
# A "would" in a sentence with a condition states a consequence ("would receive benefits as long as they are
# married"), not a guess.
_CONDITION = re.compile(r"(?<!\w)(?:if|unless|as\s+long\s+as|so\s+long\s+as|provided\s+that|until)(?!\w)",
                        re.IGNORECASE)
# Verbs whose "whether" is a test to run, not an open claim ("standard for determining whether they are eligible").
TASK_VERBS = frozenset({"determine", "determines", "determined", "determining", "decide", "decides", "decided",
                        "deciding", "check", "checks", "checked", "checking", "assess", "assessing", "test",
                        "testing", "evaluate", "evaluating", "judge", "judging"})
_WORD = re.compile(r"[\w’'-]+")


def disputed(lexicons: Lexicons, analysis: ArticleAnalysis, doubt: Doubt) -> str:
    """Why a teacher may not accept ``doubt`` as a hedge, or "" when it is clear-cut."""
    doc = analysis.document
    start, end = doc.sentences[doc.sentence_of(doubt.start)]
    if re.search(r"\?[\"'”’)]*\s*$", doc.text[start:end]) and doubt.category != "investigation":
        return "it stands in a question, which may be rhetorical"
    before = [w.lower() for w in _WORD.findall(doc.text[start:doubt.start])][-3:]
    word = doubt.text.lower()
    if hedge_rule(lexicons, doubt) in BELIEF_RULES and not (before and before[-1] in FIRST_PERSON) and not (
            word.endswith(("ed", "en", "ght")) and any(w in BE_FORMS for w in before)):
        return "it says whose view or position it is, more than that the claim is uncertain"
    if word == "up to" and before and before[-1].endswith("s") and before[-1] not in BE_FORMS | {"has", "was"}:
        return "after a noun (“incomes up to $106,800”) “up to” may state a limit, not an estimate"
    after = doc.text[doubt.end:doubt.end + 14].lower()
    if (word.startswith("expected") and before[-2:] == ["would", "be"]) or (
            word == "would" and re.match(r"\s+be\s+expected", after)):
        return "“would be expected to” can state what custom requires, not a forecast"
    if doubt.category == "conditional" or word in CONDITIONS:
        return ("a condition may set out a comparison, a case or the terms of a rule (“if … might reasonably be "
                "questioned”), not the writer's doubt")
    if word == "would" and _CONDITION.search(doc.text[start:end]):
        return "it belongs to a condition or a comparison in its sentence (“would pay more than if …”)"
    if word == "whether" and before and before[-1] in TASK_VERBS:
        return "“determining whether …” names a task or a test, not a doubt about a claim"
    if word.startswith("suggest") and before and (before[-1] in SUBJECT_PRONOUNS - {"it"} or named_before(
            doc.text, start, doubt.start)):
        return "a person who “suggests” may be proposing, not doubting"
    return ""


def not_a_source(text: str, doubt: Doubt) -> bool:
    """"calculated according to a worker's pay": "according to" in proportion to something, no claim handed on."""
    before = [w.lower() for w in _WORD.findall(text[max(0, doubt.start - 40):doubt.start])][-2:]
    return doubt.text.lower().startswith("according") and any(w in ACCORDANCE_VERBS for w in before)


def named_before(text: str, sentence_start: int, at: int) -> bool:
    """Whether the word right before ``at`` is a capitalized name inside the sentence ("Mr. Turner suggested")."""
    words = list(_WORD.finditer(text, sentence_start, at))
    return bool(words) and words[-1].start() > sentence_start and words[-1].group(0)[:1].isupper()


def hedge_rule(lexicons: Lexicons, doubt: Doubt) -> str:
    """The lexicon ``rule`` of the hedge row that found ``doubt`` ("" for second-hand markers and plain rows)."""
    if not doubt.rule.startswith("hedge:"):
        return ""
    label = doubt.rule.removeprefix("hedge:").lower()
    return next((str(e["rule"] or "") for e in lexicons["hedges"] if e.key.lower() == label), "")


def split_answers(lexicons: Lexicons, analysis: ArticleAnalysis, doubts: list[Doubt]
                  ) -> tuple[list[Doubt], list[tuple[Doubt, str]]]:
    """The key's plain answers, and the words to discuss with the reason each is disputed."""
    plain, discuss = [], []
    for doubt in doubts:
        if not_a_source(analysis.document.text, doubt):
            continue
        reason = disputed(lexicons, analysis, doubt)
        if reason:
            discuss.append((doubt, reason))
        else:
            plain.append(doubt)
    return plain, discuss


def uneven_forms(text: str, start: int, end: int, listed: list[Doubt]) -> bool:
    """Whether ``[start, end)`` holds another form of a listed hedge word that the key does not list ("is expected
    to" listed, "they expect" not): a strict teacher found such a key inconsistent, so the passage is not chosen."""
    forms = {d.text.split()[0].lower() for d in listed if d.text.split()}
    stems = {stem(f) for f in forms if len(f) >= 4}  # forms are lower case
    return any(stem(m.group(0).lower()) in stems and m.group(0).lower() not in forms
               and not any(d.start < m.end() and m.start() < d.end for d in listed)
               and not a_noun(text, m.start(), m.end()) for m in _WORD.finditer(text, start, end))


# Rows of hedges.tsv, as (category, rule), whose counted words a strict teacher accepts as hedges wherever they
# stand: a modal "may" or "might", "appears to", an adverb of possibility, an approximator, an evidential
# ("reportedly", "allegedly"), a fixed phrase ("I think", "remains to be seen"), an adjective of possibility in a
# predicate. Left out: "would" and "could" (prediction or ability as often as doubt), a condition, "whether",
# belief and expectation verbs ("believes", "expected to", "suggests": a view or a proposal), which the key then
# does not claim; students who find them get credit from the key's note.
SURE_ROWS = frozenset({("modal", "modal_may"), ("modal", "modal_might"), ("adverb", ""), ("verb", "appear"),
                       ("approximator", "number_follows"), ("approximator", "stated_bound"), ("approximator", ""),
                       ("evidential", ""), ("evidential", "of_complement"), ("other", ""), ("adjective", ""),
                       ("adjective", "possible")})
# Second-hand markers read from "what … called" phrases; those of counted attributions are sure only as "according
# to" or a second-hand verb ("alleges", "accused"), not "quoted by" or "cited by", which only name a source.
SURE_MARKERS = ("second_hand:",)
# The claim family is never sure: "claimed at least 165 lives" (killed), "claimed the title" (took), "claimed
# responsibility", and "falsely claiming" (the writer rules on it) all reached keys a strict teacher marked wrong.
# Students who give it are covered by the key's "other answers may be right".
UNSURE_STEM = "claim"
# Known-unknown phrases assert an absence ("no evidence of fraud", "it is not known"), which strict teachers read
# as certainty; the worksheet's definition of a hedge ("may, could, appears, about, reportedly, if") names none.
KNOWN_UNKNOWNS = frozenset({"no evidence", "no proof", "unclear", "not clear", "unknown", "not known",
                            "little is known", "not well understood", "not fully understood", "nobody knows",
                            "no one knows"})
# After an adjective of possibility, what makes it a predicate ("is likely to", "unclear whether", "possible."),
# not a description of a noun ("an unlikely leader": surprising, not doubted).
_PREDICATE_AFTER = re.compile(r"\s*(?:[,.;:!?)]|to\b|that\b|whether\b|if\b)", re.IGNORECASE)


def sure_hedge(lexicons: Lexicons, analysis: ArticleAnalysis, doubt: Doubt) -> bool:
    """Whether a clear-cut answer (:func:`split_answers`) is also one the key may claim without a teacher's check:
    a row of :data:`SURE_ROWS` or a counted second-hand marker, and an adjective only as a predicate."""
    if unsure_anywhere(analysis.document.text, doubt):
        return False
    if doubt.rule.startswith(SURE_MARKERS):
        return True
    if doubt.rule.startswith("attribution:"):
        return doubt.text.lower().startswith("according") or any(
            second_hand(s.attrs.get("lemma")) for s in analysis.spans_of("attribution")
            if (s.start, s.end) == (doubt.start, doubt.end))
    if not doubt.rule.startswith("hedge:") or (doubt.category, hedge_rule(lexicons, doubt)) not in SURE_ROWS:
        return False
    text = analysis.document.text
    if quoted_phrase(analysis, doubt) or (doubt.category == "other" and opinion_as_object(text, doubt)):
        return False
    if doubt.category == "evidential":
        # "was supposed to vote": a "to" its row does not end in makes an obligation, not a second-hand claim
        return not named_accusation(doubt.text) and not re.match(r"\s+to\b", text[doubt.end:doubt.end + 4])
    return doubt.category != "adjective" or bool(_PREDICATE_AFTER.match(text[doubt.end:doubt.end + 10]))


def unsure_anywhere(text: str, doubt: Doubt) -> bool:
    """Whether ``doubt`` is of a kind no key claims for sure, whatever its row: a word of the claim family
    (:data:`UNSURE_STEM`), a known-unknown phrase (:data:`KNOWN_UNKNOWNS`), a word an adverb of judgement rules on
    ("falsely alleged", "absolutely no evidence", "alleged falsely"), or an adverb of possibility that describes a
    noun phrase after a determiner or a preposition ("a potentially deadly storm", "for possibly new sanctions")."""
    words = doubt.text.lower().split()
    if not words or stem(words[0].lower()) == UNSURE_STEM or " ".join(words) in KNOWN_UNKNOWNS:
        return True
    before = _WORD.findall(text[max(0, doubt.start - 30):doubt.start].lower())
    after = _WORD.findall(text[doubt.end:doubt.end + 30].lower())
    # after a second-hand verb only ("alleged falsely"): "reportedly completely destroyed" rules on the destruction
    verb_after = doubt.category == "evidential" and not words[-1].endswith("ly")
    if (before and before[-1] in JUDGEMENT_ADVERBS) or (verb_after and after and after[0] in JUDGEMENT_ADVERBS):
        return True
    return doubt.category == "adverb" and attributive(before, after)


def attributive(before: list[str], after: list[str]) -> bool:
    """Whether an adverb stands inside a noun phrase: after a determiner or a preposition other than "to" or a
    degree word ("most likely receive" hedges the verb), and before neither a number ("of perhaps 200 people"
    approximates) nor an -ing verb ("by possibly raising")."""
    return bool(before and after) and before[-1] in (DETERMINERS | PREPOSITIONS) - {"to", "most", "all"} and not (
        after[0][:1].isdigit() or after[0].endswith("ing"))


def quoted_phrase(analysis: ArticleAnalysis, doubt: Doubt, most: int = 8) -> bool:
    """Whether ``doubt`` stands in a short quoted phrase woven into the writer's sentence ("cases where their
    “impartiality might reasonably be questioned”"): a rule's or a title's wording more often than anyone's doubt,
    which a strict teacher marked wrong as a hedge."""
    text = analysis.document.text
    for quote in analysis.document.quotes:
        if quote.inner_start <= doubt.start and doubt.end <= quote.inner_end:
            before = text[max(0, quote.start - 3):quote.start].rstrip()
            return len(text[quote.inner_start:quote.inner_end].split()) <= most and before[-1:].isalnum()
    return False


def opinion_as_object(text: str, doubt: Doubt) -> bool:
    """Whether a first-person belief phrase ("we think", "I believe") names an opinion as a thing, not a hedge on a
    claim: after a question word ("whatever we think about the war", "what I think") or before "about" or "of"
    ("we think of him"). A strict teacher would not take either as doubt."""
    before = _WORD.findall(text[max(0, doubt.start - 20):doubt.start].lower())
    return bool(before and before[-1] in WH_WORDS) or bool(re.match(r"\s+(?:about|of)\b", text[doubt.end:]))


def named_accusation(words: str) -> bool:
    """Whether an evidential is a noun that names an accusation ("no allegations of involvement"): the topic of a
    sentence, as often denied as handed on, which a strict teacher does not take as a hedge."""
    first = words.split()[0].lower() if words.split() else ""
    return first.endswith(("ation", "ations"))


def sure_answers(lexicons: Lexicons, analysis: ArticleAnalysis, doubts: list[Doubt]) -> list[Doubt]:
    """The clear-cut answers of ``doubts`` the key claims (:func:`sure_hedge`)."""
    return [d for d in split_answers(lexicons, analysis, doubts)[0] if sure_hedge(lexicons, analysis, d)]


def unkeyed_twin(text: str, start: int, end: int, keyed: list[Doubt]) -> bool:
    """Whether ``[start, end)`` holds a keyed word again where the key does not list it (a second "may"): a strict
    teacher reads a key that lists one and not the other as inconsistent, so the passage is not chosen."""
    places = [(d.start, d.end) for d in keyed]
    for form in {d.text for d in keyed}:
        for found in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text[start:end]):
            at = start + found.start()
            if not any(a <= at < b for a, b in places):
                return True
    return False
