"""A rule's name in a reader's words, for the report's evidence notes.

Every span carries the id of the rule that made it (``rule``: "subject_before_verb"),
which is right for the JSON and for a developer, and opaque to a teacher. The words come
from the rules themselves: an attribution rule's docstring opens with its examples and
what it reads ("The Pentagon has claimed": a listed source before the verb), so the note
is "a listed source before the verb (as in “The Pentagon has claimed”)" and stays true
when a rule changes. The learned scorer's generators are described once, here.
"""

from __future__ import annotations

import re
from functools import cache

# The attribution scorer's candidate generators (framing/features/attribution/candidates.py), as the
# rule names the scorer stamps: "scorer:<generator>".
GENERATOR_NOTES = {
    "lexicon": "a reporting word from the lexicon, kept by the learned scorer",
    "construction": "a reporting construction, kept by the learned scorer",
    "subject_verb": "the first verb after a person, group or organisation, kept by the learned scorer",
    "coordinated_verb": "a second verb of a speaker after “and” or “but”, kept by the learned scorer",
    "possessive_noun": "an actor's possessive and a noun of stance (“his call for”), kept by the learned scorer",
    "speaker_colon": "a speaker's name before a colon, kept by the learned scorer",
}
# How a curated loaded term was found (the ``rule`` of framing/features/loaded.py and loaded_terms.py; a term found
# as listed needs no note).
LOADED_MATCH_NOTES = {
    "inflection": "a form of a listed word (“slammed” for “slam”)",
    "idiom_inflection": "a listed phrase with its verb in another form (“tore into” for “tear into”) or in the plural",
    "hyphen_variant": "a listed hyphenated word written closed up, or two listed words hyphenated",
    "coordination": "a listed phrase split by a coordinated word (“extrajudicial and illicit executions”)",
}
_EXAMPLES_THEN_MEANING = re.compile(r'^(?P<examples>(?:"[^"]+"(?:, | or )?)+): (?P<meaning>.+)$')


def describe_rule(name: str) -> str:
    """What the rule ``name`` reads, in words ("" for no rule or an unknown one)."""
    if not name:
        return ""
    if name.startswith("scorer:"):
        return GENERATOR_NOTES.get(name.removeprefix("scorer:"), "kept by the learned scorer")
    return LOADED_MATCH_NOTES.get(name) or _attribution_rule_notes().get(name, "")


@cache
def _attribution_rule_notes() -> dict[str, str]:
    from .attribution import RULES

    return {rule.name: reader_sentence(rule.run.__doc__ or "") for rule in RULES}


def reader_sentence(docstring: str) -> str:
    """A rule docstring's first sentence, its leading examples moved behind the meaning."""
    first = " ".join(docstring.strip().split("\n\n", 1)[0].split())
    first = first.split(" (see ", 1)[0].rstrip(".")
    first = re.sub(r":(?:func|mod|class):`[^`]*`", "", first)
    match = _EXAMPLES_THEN_MEANING.match(first)
    if not match:
        return first[:1].lower() + first[1:] if first[1:2].islower() else first
    example = re.match(r'"([^"]+)"', match["examples"])[1]
    return f"{match['meaning'].rstrip(',')} (as in “{example}”)"
