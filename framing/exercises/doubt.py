"""Every word a careful reader counts as doubt or second-hand in a passage, found the same way everywhere.

A teacher's reading found the hedge hunt's key short of what students rightly
mark: "as the campaign claims" and "according to the budget office" (the claim is
someone else's, the worksheet's "second-hand claim"), and a second "would" the
hedge detector did not count. The headline check counted "accuses" in a headline
but not "to claim" in its lede, because the two sides were read by different
rules. This module reads any text one way:

* the analysis's counted hedge spans (rule-stamped, with their lexicon category);
* second-hand markers: a reporting verb that ``reporting_verbs.tsv`` marks
  ``distancing`` (claims, alleges), and a source given by a preposition
  (attribution rule ``prepositional_source``: "according to …");
* words of ``hedges.tsv`` in the passage the detector did not count: not in the
  key's count, but listed so the teacher accepts them when a student explains the doubt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..analysis import ArticleAnalysis
from ..features.hedge_vetoes import vetoed_places
from ..grammar import (
    DETERMINERS,
    OBJECT_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUPPORT_VERBS,
)
from ..lexicons import Lexicons

PRONOUNS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS
NOUN_BEFORE = DETERMINERS | POSSESSIVE_DETERMINERS | PREPOSITIONS  # a word after these is a noun
SECOND_HAND = "evidential"  # the hedge category whose name students read as "second-hand claim"
# Reporting verbs that tell a student the claim is someone else's, the worksheet's own examples ("claims",
# "accuses"). Other distancing verbs of reporting_verbs.tsv ("insists", "argues", "maintains") also mean a demand,
# a case made in court or a plain statement, and a teacher marked them wrong in keys, so a lesson names only these.
# "contending that" is one side's claim too: a teacher expected it in the key.
SECOND_HAND_LEMMAS = frozenset(["claim", "allege", "accuse", "purport", "contend"])
# Hedge categories whose words hedge nearly wherever they stand: listed when the detector did not count them.
# ("about", "if", "chance" too often do not, so they are left to the detector.)
PLAIN_CLASSES = frozenset({"modal", "adverb", "adjective", "evidential"})
# Hedge nouns ("the possibility of talks", "charges that") name doubt as a topic more often than they hedge
# the writer's claim: a teacher rejected them as answers, so they are only "also accept".
# A condition ("if", "unless") stays in the key: the worksheet defines it as a kind of hedge, and a teacher
# marked a key wrong for leaving out an "if" its own worksheet gives as an example.
TOPIC_CLASSES = frozenset({"noun"})


# "what he called …", "what critics call …": the writer hands the words to someone else, a second-hand marker a
# teacher expected. "That's what I call a good protest" hands them to nobody: a speaker's own emphasis, not doubt.
_WHAT_CALLED = re.compile(r"(?<!\w)what\s+(?!(?:I|we|you)\s)(?:[\w’'-]+\s+){1,2}?"
                          r"(?:called|calls|call|described\s+as|describe\s+as|termed|terms|term)"
                          r"(?!\w)(?!\s+(?:for|on|up|off|in|out|back)\b)",  # "what voters call for" is a demand
                          re.IGNORECASE)  # "what critics call amnesty", "what many critics call"
# Words a hedge lexicon lists that a careful reader does not take as doubt here: "whether or not" ("regardless"),
# and a negated "could" ("could not" says what was impossible, an ability, not a guess).
_NOT_DOUBT = re.compile(r"whether\s+or\s+not|could(?:\s+not|n[’']t)?", re.IGNORECASE)
# "if you're listening", "if you ask me", "if you will": the "if" addresses the listener and conditions no claim
# ("if you help me win, you may have …" is a real condition, which a teacher expects in the key).
_SPEECH_ACT_IF = re.compile(r"\s+you(?:['’]re|\s+are)?\s+(?:listening|asking|ask\s+me|will\b|like\b|please\b|"
                            r"recall|remember|want\s+to\s+know)", re.IGNORECASE)
# A reported question's verb: "asked … if", like "asked whether" (the hedge detector's reported_question veto).
_ASKED_BEFORE = re.compile(r"(?<!\w)(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering)(?!\w)", re.IGNORECASE)
# "claim to the land", "claims on the estate", "claim over the islands": a noun of ownership, no claim handed on.
_OWNED_CLAIM = re.compile(r"claims?\s+(?:to|on|over)\s+(?:the|a|an|his|her|their|its|our|this|that|\w+['’]s)\b",
                          re.IGNORECASE)
# Hedge rules of views and beliefs: "skeptical of the talks", "feared" outside the passive state an attitude unless
# the detector's rule held, so a word of these rows is never offered uncounted (a strict teacher found both).
# Of those, the rules of belief and expectation verbs: they say who holds a view (hedge_key.disputed reads them).
BELIEF_RULES = frozenset({"doxastic", "active_as", "view_complement", "passive_as", "passive_evidential"})
VIEW_RULES = BELIEF_RULES | {"that_complement"}
# "could" alone may be ability ("could put") or possibility: a teacher judges it, so it is only "also accept".
ABILITY_OR_DOUBT = "could"


@dataclass(frozen=True)
class Doubt:
    """One doubt word: where it is, its words, its hedge category, the rule or lexicon row that found it, and
    whose words it is in (``voice`` of the hedge span: own, quoted or paraphrase; "" when not read)."""

    start: int
    end: int
    text: str
    category: str
    rule: str
    voice: str = ""


def passage_doubts(lexicons: Lexicons, analysis: ArticleAnalysis, start: int, end: int) -> list[Doubt]:
    """Counted hedges and second-hand markers in ``[start, end)``, in text order, each place once."""
    text = analysis.document.text
    found = [Doubt(s.start, s.end, s.text, s.category, f"hedge:{s.label}", str(s.attrs.get("voice") or ""))
             for s in analysis.spans_of("hedge") if start <= s.start and s.end <= end and s.counted
             and s.category not in TOPIC_CLASSES and not doubtful(text, s.start, s.end)]
    for span in analysis.spans_of("attribution"):
        if start <= span.start and span.end <= end and span.counted and (
                span.attrs.get("rule") == "prepositional_source"
                or (second_hand(span.attrs.get("lemma")) and not a_noun(text, span.start, span.end))):
            found.append(Doubt(span.start, span.end, span.text, SECOND_HAND, f"attribution:{span.label}"))
    found += [Doubt(start + a, start + b, text[start + a:start + b], SECOND_HAND, "reporting_verbs:distancing")
              for a, b in matches(distancing_pattern(lexicons), text[start:end])]
    found += [Doubt(start + f.start(), start + f.end(), f.group(0), SECOND_HAND, "second_hand:what_called")
              for f in _WHAT_CALLED.finditer(text[start:end])]
    return without_overlaps([d for d in found if not doubtful(text, d.start, d.end)])


def doubtful(text: str, start: int, end: int) -> bool:
    """Whether a hedge span is no sure hedge: "whether or not", a negated "could", a bare "could" (ability or
    possibility: the teacher judges, so it is only "also accept"), "appeared" before a place ("appeared in
    court"), an "if" that addresses the listener ("If you're listening") or asks ("asked if he would run")."""
    words = text[start:min(len(text), end + 5)]
    found = _NOT_DOUBT.match(words)
    if found is not None and (found.group(0).lower() != ABILITY_OR_DOUBT or text[start:end].lower() == "could"):
        return True
    after = re.match(r"\s+(?:\w+ly\s+)?(\w+)", text[end:end + 30])
    if text[start:end].lower() == "if" and _SPEECH_ACT_IF.match(text[end:end + 40]):
        return True  # "If you're listening, …": an address to the reader or listener, no condition on a claim
    if _OWNED_CLAIM.match(text[start:end + 20]):
        return True  # "her claim to the land": a right she asserts, not a claim handed on
    clause_before = re.split(r"[,;:.!?]", text[max(0, start - 80):start])[-1]
    if text[start:end].lower() == "if" and _ASKED_BEFORE.search(clause_before):
        return True  # "asked by a reporter if he was the leading contender": a reported question, not a condition
    # "appeared briefly in court": showed up, not seemed
    return (text[start:end].lower().startswith("appear") and after is not None
            and after.group(1).lower() in PREPOSITIONS - {"to", "as", "like"})



def uncounted(lexicons: Lexicons, analysis: ArticleAnalysis, start: int, end: int, counted: Iterable[Doubt]
              ) -> list[Doubt]:
    """Words of ``hedges.tsv`` in ``[start, end)`` that no counted doubt covers (the teacher judges them)."""
    taken = [(d.start, d.end) for d in counted]
    text = analysis.document.text
    # a second-hand word with a context rule the detector checked and turned down ("feared" outside the passive) is
    # not offered: a teacher found "feared" (a reported fear) wrongly suggested as a hedge
    extra = [Doubt(start + a, start + b, text[start + a:start + b], "", "hedges.tsv")
             for a, b in matches(hedge_pattern(lexicons, frozenset({SECOND_HAND}), ruleless=True), text[start:end])]
    # other hedge words stay after "the": "has the potential to change" (a teacher missed it in the key)
    extra += [Doubt(start + f.start(), start + f.end(), f.group(0), "", "hedges.tsv")
              for f in finditer(hedge_pattern(lexicons, PLAIN_CLASSES - {SECOND_HAND}, ruleless=True), text[start:end])]
    extra += [Doubt(s.start, s.end, s.text, s.category, f"hedge:{s.label}") for s in analysis.spans_of("hedge")
              if start <= s.start and s.end <= end and s.counted and (s.category in TOPIC_CLASSES or (
                  doubtful(text, s.start, s.end) and s.text.lower() == ABILITY_OR_DOUBT))]
    taken += vetoed_places(analysis.document.tokens, lexicons, start, end)  # a veto's word is no hedge here either
    return [d for d in without_overlaps(extra) if not any(a < d.end and d.start < b for a, b in taken)]


def without_overlaps(doubts: list[Doubt]) -> list[Doubt]:
    """The longest doubt at each place, in text order."""
    kept: list[Doubt] = []
    for doubt in sorted(doubts, key=lambda d: (d.start, -(d.end - d.start))):
        if not kept or doubt.start >= kept[-1].end:
            kept.append(doubt)
    return kept


def matches(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    """Where ``pattern`` matches, except where the word is a noun (:func:`a_noun`)."""
    return [(m.start(), m.end()) for m in (pattern.finditer(text) if pattern is not None else ())
            if not a_noun(text, m.start(), m.end())]


def a_noun(text: str, start: int, end: int) -> bool:
    """Whether a claim-family word is a noun, not a verb that distances: after a determiner or a preposition
    other than "to" ("pushes back on claim", "the claims"), or after a determiner and a describing word that
    follow a support verb or a preposition ("make the bogus claim", "of the false allegation"). A strict teacher
    found "the bogus claim" listed as a second-hand marker."""
    if text[start:end].lower().endswith(("ed", "ing")):
        return False
    before = re.findall(r"[\w’']+", text[max(0, start - 40):start].lower())
    if before and before[-1] != "to" and before[-1] in NOUN_BEFORE:
        return True
    return (len(before) >= 3 and before[-2] in DETERMINERS | POSSESSIVE_DETERMINERS
            and before[-3] in SUPPORT_VERBS | PREPOSITIONS)


def second_hand(lemma: str | None) -> bool:
    """Whether a reporting verb tells students the claim is someone else's (:data:`SECOND_HAND_LEMMAS`)."""
    return lemma in SECOND_HAND_LEMMAS


def distancing_pattern(lexicons: Lexicons) -> re.Pattern[str] | None:
    return _pattern(tuple(sorted(e.key for e in lexicons["reporting_verbs"] if second_hand(e["lemma"]))))


def reporting_words(lexicons: Lexicons) -> set[str]:
    """Reporting verbs' words (``reporting_verbs.tsv``), lower case: a phrase holding one is a clause."""
    return {e.key.lower() for e in lexicons["reporting_verbs"]}


def reporting_pattern(lexicons: Lexicons) -> re.Pattern[str] | None:
    """Every reporting verb of ``reporting_verbs.tsv``, as whole words."""
    return _pattern(tuple(sorted({e.key for e in lexicons["reporting_verbs"]})))


def hedge_pattern(lexicons: Lexicons, classes: frozenset[str] = PLAIN_CLASSES, *, ruleless: bool = False
                  ) -> re.Pattern[str] | None:
    """Hedge words of the word classes that hedge wherever they stand (a modal, "likely", "reportedly");
    ``ruleless``: not rows of a view or belief rule (:data:`VIEW_RULES`), which hedge only where the rule holds."""
    return _pattern(tuple(sorted(e.key for e in lexicons["hedges"] if e["category"] in classes
                                 and not (ruleless and e["rule"] in VIEW_RULES))))


def finditer(pattern: re.Pattern[str] | None, text: str) -> list[re.Match[str]]:
    return list(pattern.finditer(text)) if pattern is not None else []


@cache
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    """Whole-word, case-insensitive alternatives, longest first ("according to" before "according")."""
    if not terms:
        return None
    alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    # "wouldn't be focused … if not for": the contracted "would" guesses as the bare one does
    alternatives = alternatives.replace("would", "would(?:n[’']t)?")
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def who_says(analysis: ArticleAnalysis, start: int, end: int) -> list[str] | None:
    """Who a sentence says the claim came from, or None when that is not clear from the sentence itself.

    Clear: every counted attribution in ``[start, end)`` has its source inside the
    sentence, named by more than a pronoun; no attribution the tool only found
    "possible" (its speaker is a guess), and no quote without a speaker in the
    sentence. An empty list is clear too: the writer states it.
    """
    doc = analysis.document
    cues = [s for s in analysis.spans_of("attribution") if start <= s.start < end]
    if any(not s.counted for s in cues):
        return None
    names: list[str] = []
    for cue in cues:
        source = cue.attrs.get("source_start")
        if source is None or not start <= int(source) < end:
            return None
        content = doc.text[int(cue.attrs.get("content_start") or cue.end):int(cue.attrs.get("content_end") or end)]
        if re.match(r"\s*to\s", content):
            return None  # "agreed to attend": an act, not a claim someone makes
        words = doc.text[int(source):int(cue.attrs.get("source_end") or source)].strip()
        if not words or (len(words.split()) == 1 and words.lower() in PRONOUNS) or not re.match(r"[^\W\d_]", words):
            return None  # a pronoun, or a number ("Lauten, 31, said" read with "31" as the speaker): never a speaker
        names.append(words)
    quoted = [q for q in doc.quotes if q.kind == "speech" and start <= q.start < end]
    if quoted and not cues:
        return None
    return list(dict.fromkeys(names))
