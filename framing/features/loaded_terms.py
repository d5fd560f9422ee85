"""The curated loaded terms the extractor reads, and the spellings under which a listed term is found.

Three files hold them: ``loaded.tsv`` (labels, violence framing, intensifiers, evaluative words,
distancing markers), ``loaded_drama.tsv`` (the language of political drama: verbs of
conflict, drama nouns and metaphors, evaluative words of news style) and ``loaded_idioms.tsv``
(idioms and metaphors of news drama and evaluation built from neutral words: "move the
goalposts", "out of line", "churn out"). An earlier file's row wins over a later one with the
same term. The learned lexicon (optional set) reads
``loaded.tsv`` memberships as features (:data:`FEATURE_LEXICONS`), so the drama file leaves
that trained model's inputs exactly as they were when it was trained.

A listed phrase is found in the forms news prints it in, each form named in the span's
``rule`` (:func:`match_rule`):

* ``idiom_inflection``: the first word of a phrase in any form of the verb ("tear into":
  tears, tore, torn, tearing into; "step into the fray": stepped), regular forms by rule
  and irregular ones from :data:`framing.grammar.IRREGULAR_VERB_FORMS`; the last word in
  its plural ("warning shot": warning shots);
* ``hyphen_variant``: a hyphenated word also written closed or as two words
  ("hyper-sensitive": hypersensitive), and two listed words also hyphenated ("lightning
  rod": lightning-rod).

Over-generation is harmless: a form counts only where the text has it, and every row as
listed is indexed before any variant, so a variant never takes another row's own term.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..grammar import IRREGULAR_VERB_FORMS
from ..lexicons import Entry, Lexicons, TermMatcher, term_tokens

CURATED_LEXICONS = ("loaded", "loaded_drama", "loaded_idioms")
FEATURE_LEXICONS = ("loaded",)  # the learned lexicon's ``lexicon=loaded:<category>`` features
VOWELS = frozenset("aeiou")
SIBILANT_ENDINGS = ("s", "sh", "ch", "x", "z")
LISTED, INFLECTED, HYPHEN = "listed_term", "idiom_inflection", "hyphen_variant"
POSSIBLE_TIER = "possible"
MIN_INFLECTED = 3  # shorter first or last words ("a claim", "so called") are function words, not verbs or nouns


@lru_cache(maxsize=16)
def curated_entries(lexicons: Lexicons, names: tuple[str, ...] = CURATED_LEXICONS) -> tuple[Entry, ...]:
    """The rows of the ``names`` lexicons, the first file's row kept where two list the same term."""
    seen: set[str] = set()
    entries: list[Entry] = []
    for name in names:
        for entry in lexicons[name]:
            if entry.key.lower() not in seen:
                seen.add(entry.key.lower())
                entries.append(entry)
    return tuple(entries)


@lru_cache(maxsize=8)
def curated_matcher(lexicons: Lexicons) -> TermMatcher:
    """The matcher of every curated term and its variants (:func:`term_variants`)."""
    return TermMatcher(curated_entries(lexicons), variants=term_variants)


def doubles_final_consonant(base: str) -> bool:
    """English doubles a short base's final consonant after one vowel (sham → shammed, slam → slamming)."""
    return (
        3 <= len(base) <= 4
        and base[-1] not in VOWELS | {"w", "x", "y"}
        and base[-2] in VOWELS
        and base[-3] not in VOWELS
    )


def verb_forms(base: str) -> set[str]:
    """The -s, -ed and -ing forms of a base verb, and its irregular past and participle ("tear": tore, torn)."""
    if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        forms = {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        forms = {base + "s", base + "d", base[:-1] + "ing"}
    else:
        stem = base + base[-1] if doubles_final_consonant(base) else base
        forms = {base + ("es" if base.endswith(SIBILANT_ENDINGS) else "s"), stem + "ed", stem + "ing"}
    return forms | set(IRREGULAR_VERB_FORMS.get(base, ()))


def plural_forms(noun: str) -> set[str]:
    """The regular plural of a phrase's last word ("shot": shots, "crash": crashes, "rally": rallies)."""
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in VOWELS:
        return {noun[:-1] + "ies"}
    return {noun + ("es" if noun.endswith(SIBILANT_ENDINGS) else "s")}


def hyphen_variants(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """A hyphenated word closed up ("hyper-sensitive": hypersensitive), and each pair of words hyphenated
    ("lightning rod": lightning-rod). A hyphenated word is not split into two: "hard-left" is a label,
    "a hard left turn" is not, and "cover up the statue" is no cover-up."""
    for at, word in enumerate(words):
        parts = [part for part in word.split("-") if part]
        if "-" in word and len(parts) > 1:
            yield (*words[:at], "".join(parts), *words[at + 1 :])
    for at in range(len(words) - 1):
        if words[at].isalpha() and words[at + 1].isalpha():
            yield (*words[:at], f"{words[at]}-{words[at + 1]}", *words[at + 2 :])


def term_variants(words: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    """Every other spelling of a listed term's tokens that should find it (see the module docstring)."""
    yield from hyphen_variants(words)
    if len(words) < 2:
        return  # (a one-word term's inflections are found by the inflection index, framing/features/loaded.py)
    if words[0].isalpha() and len(words[0]) >= MIN_INFLECTED:
        for form in verb_forms(words[0]):
            yield (form, *words[1:])
    if words[-1].isalpha() and len(words[-1]) >= MIN_INFLECTED:
        for form in plural_forms(words[-1]):
            yield (*words[:-1], form)


def match_rule(entry: Entry, matched: tuple[str, ...]) -> str:
    """How a match found its row: as listed, an inflected idiom, or a hyphen variant."""
    listed = term_tokens(entry.key)
    if matched == listed:
        return LISTED
    return HYPHEN if "".join(matched).replace("-", "") == "".join(listed).replace("-", "") else INFLECTED


def lexicon_of(entry: Entry) -> str:
    """The lexicon a row comes from ("loaded", "loaded_idioms", ...), named by its file, bundled or layered."""
    return Path(entry.file).stem


def tier_attrs(entry: Entry) -> dict[str, str]:
    """A weaker-tier row's span is shown, not counted: ``confidence: possible`` with the reason."""
    if entry["tier"] != POSSIBLE_TIER:
        return {}
    return {"confidence": POSSIBLE_TIER,
            "reason": "listed in the weaker tier: a word that is often neutral in news, shown but not counted"}
