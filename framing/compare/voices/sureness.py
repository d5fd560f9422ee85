"""How sure a voice row is: that its words name a voice at all, and that its role is right.

Two questions, each with named evidence, and the row's ``confidence`` is the lower answer:

* **is it a voice?** The parse's mention layer (``Document.mentions``) says what the
  words are: a place ("Maine", "WASHINGTON") or a date is never a voice; a person,
  organisation, group or document is one. Words that are no noun phrase ("Listening",
  "Ahead", a lone lower-case rank such as "general" cut from "inspector general", a
  clause of more than ``MAX_VOICE_WORDS`` words) are fragments.
* **is the role right?** By the rule that decided it (``role_reason``): a title, a
  party-state tag or the voice's own words are strong; an appositive, a role carried
  from another mention or from the story's actors weaker (job words such as "director"
  or "president" are said of officials and of a campaign's or group's staff alike);
  a pronoun's borrowed role and a source kind weaker still; ``other`` is no role.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ...document import Document
from ...grammar import (
    AUXILIARY_VERBS,
    CLAUSE_OPENERS,
    DETERMINERS,
    NEGATIONS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    TELL_FORMS,
)
from ..confidence import Evidence

MAX_VOICE_WORDS = 5
_ROW_TERM = re.compile(r"row '([^']*)'")
NOT_VOICES = frozenset({"place", "date"})
VOICE_KINDS = frozenset({"person", "organisation", "group", "document"})
# A voice right after these is inside a longer noun phrase ("the code of conduct for federal judges").
NOUN_PHRASE_LINKS = frozenset({"of", "for"})
_FUNCTION_WORDS = PREPOSITIONS | CLAUSE_OPENERS | AUXILIARY_VERBS | SUBJECT_PRONOUNS | NEGATIONS
# The role rule (the start of role_reason) → how sure its role is.
ROLE_SURENESS = (
    ("party-state tag", 0.95),
    ("title", 0.85),
    ("own words", 0.85),
    ("source kind anonymous", 0.85),
    ("another mention", 0.75),
    ("possessive", 0.7),
    ("story actor", 0.7),
    ("appositive", 0.65),
    ("source kind", 0.6),
    ("staff owner", 0.7),  # the owner of an earlier "spokesperson for X" in the same article
    ("staff of", 0.65),  # "Obama adviser X": whose staff is said, not in which capacity (office or campaign)
    ("without whose staff", 0.55),  # a job word with no employer ("the aide"): the role is a guess
    ("untyped", 0.55),  # a job word at a body no row types ("director of MoveOn.org")
    ("pronoun", 0.5),
    ("quote without a speaker", 0.4),
    ("no title", 0.3),
)


def voice_sureness(doc: Document, start: int | None, end: int | None, role: str, role_reason: str
                   ) -> tuple[float, str]:
    """``(confidence, reason)`` of one voice row (module docstring)."""
    evidence = Evidence(1.0)
    penalty, what = _what_it_is(doc, start, end)
    if what:
        evidence.add(-penalty, what)
    # A role carried over ("another mention 'Trump': appositive 'an avid user'") is as sure as
    # the weakest rule in its chain.
    sure = min((value for rule, value in ROLE_SURENESS if rule in role_reason), default=0.6)
    employer = _untyped_employer(doc, start, end, role_reason)
    if employer:
        sure = min(sure, 0.55)
        evidence.note(employer)
    if role == "other":
        sure = min(sure, 0.3)
    role_evidence = f"role {role} from {role_reason.split(':')[0]}"
    if sure < evidence.score:
        evidence.add(sure - evidence.score, role_evidence + f" (a rule of that kind is sure to {sure:.2f})")
    else:
        evidence.note(role_evidence)
    return evidence.confidence, evidence.reason


def _untyped_employer(doc: Document, start: int | None, end: int | None, role_reason: str) -> str:
    """An organisation in the voice's own words that the deciding row does not name ("CREDO
    Political Director"): a job word says nothing of whose staff, so the role is a guess."""
    row = _ROW_TERM.search(role_reason)
    if row is None or start is None or end is None or start != start or not role_reason.startswith("own words"):
        return ""
    for mention in doc.mentions:
        inside = int(start) <= mention.start and mention.end <= int(end)
        if mention.kind == "organisation" and inside and row.group(1).lower() not in mention.text.lower():
                return (f"'{row.group(1)}' works for {mention.text!r} at {mention.start}-{mention.end}, "
                        "an organisation no role row types")
    return ""


def _what_it_is(doc: Document, start: int | None, end: int | None) -> tuple[float, str]:
    """How much to doubt that the words name a voice, and why (``(0, "")`` when nothing speaks against)."""
    if start is None or end is None or start != start:
        return 0.0, ""
    start, end = int(start), int(end)
    covering = [m for m in doc.mentions if m.start < end and start < m.end]
    kinds = {m.kind for m in covering}
    if kinds and kinds <= NOT_VOICES and any(m.end >= end for m in covering):  # "America Rising" is no place
        mention = covering[0]
        return 0.9, f"a {mention.kind}, not a voice: '{mention.text}' at {mention.start}-{mention.end}"
    words = doc.text[start:end].split()
    if len(words) > MAX_VOICE_WORDS:
        return 0.8, f"{len(words)} words: a clause, not a noun phrase naming a voice"
    placed = _place_in_phrase(doc, start, end)
    if placed[1]:
        return placed
    if not words or kinds & VOICE_KINDS:
        return 0.0, ""
    first = words[0].lower()
    if first in SUBJECT_PRONOUNS or first in DETERMINERS:
        return 0.0, ""
    if len(words) == 1 and words[0][:1].islower():
        return 0.8, f"'{words[0]}' alone is a common word (a rank cut from a title, or a fragment), not a voice"
    if len(words) == 1:
        return 0.5, f"'{words[0]}' is no person, organisation or group the parse knows (a fragment?)"
    return 0.0, ""


def _place_in_phrase(doc: Document, start: int, end: int) -> tuple[float, str]:
    """Doubt from the words around the voice: the one told, a possessor, or a word inside a longer phrase.

    "telling CNN": CNN is told, not telling. "The Washington Post’s" opens a longer phrase (its
    editorial board). "the code of conduct for federal judges says": the judges are inside the
    phrase whose head speaks. "a political action committee that": a noun cut from its modifiers.
    """
    tokens = doc.tokens
    at = bisect_left(doc.token_columns().starts, start)
    if at >= len(tokens) or tokens[at].start != start:
        return 0.0, ""
    before = tokens[at - 1] if at > 0 and tokens[at - 1].sentence == tokens[at].sentence else None
    where = f"'{doc.text[start:end]}' at {start}-{end}"
    if before is not None and before.norm in TELL_FORMS:
        return 0.8, f"{where} is told ('{before.text}'), not a voice"
    if doc.text[start:end].endswith(("'s", "’s")):
        return 0.5, f"{where} is a possessive: the voice is the longer phrase it opens"
    if before is None or not before.is_word:
        return 0.0, ""
    if before.norm in NOUN_PHRASE_LINKS:
        return 0.8, f"{where} follows '{before.text}': it is inside a longer phrase whose head is the voice"
    if (tokens[at].text[:1].islower() and before.text[:1].islower() and before.norm not in DETERMINERS
            and before.norm not in _FUNCTION_WORDS and not before.norm.endswith(("ed", "ing", "s", "ly"))):
        return 0.5, f"{where} follows the word '{before.text}': a noun cut from its phrase"
    return 0.0, ""
