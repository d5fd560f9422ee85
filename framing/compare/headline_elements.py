"""The elements a headline is made of: actors, party labels, allegations, numbers, loaded words.

Headlines are compared element by element (:mod:`.headlines`), so two headlines that
word the same thing differently ("GOP" and "Republicans", "Farenthold" and "Blake
Farenthold", "indicted" and "charges") must name the same element. Each element
carries ``keys``: what it names, folded so that variants agree.

* **actors**: capitalized name sequences found by the labeling matrix's own run finder
  (:func:`.label_phrases.capitalized_runs`) and pinned names (``entities.tsv``). Titles, party
  labels and cue words are cut out first (``lexicons/headline_cues.tsv``). Many headlines
  are in title case, where a capital says nothing: there a word counts as part of a name
  only if the articles' bodies capitalize it mid-sentence more often than not (or it is an
  acronym). The key is the surname (last word, without Jr./Sr.), as in the labeling
  matrix, so "Farenthold" and "Blake Farenthold" agree; a first name alone ("Mitt") takes
  the surname the bodies pair it with. A place named as the setting ("in Iowa") or as a
  modifier of a title or group word ("Iowa Senator") is no actor (:func:`.headline_words.place_settings`).
* **party labels**, **allegations** and **money words**: ``headline_cues.tsv`` rows; the
  key is the row's ``group`` (GOP and Republicans → Republican).
* **numbers**: digits (with $, %, ordinal suffixes and scales: "$8B", "45th") and number
  words; the key is the value, so "second" and "2nd" agree.
* **loaded words**: the loaded-term spans of the headline, keyed by category.

How the bodies write each word, which tells a name from a title-case capital, is in
:mod:`.headline_names`; what a body offers to look an element up in, in :mod:`.headline_carriers`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..document import Document, Token
from ..lexicons import Lexicons
from .common import _SCALES, WordFolder, fold, number_value
from .headline_names import NameVocabulary, actor_key
from .headline_words import place_settings
from .label_phrases import Pins, capitalized_runs, match_name

KINDS = ("actor", "party", "allegation", "number", "loaded")
CUE_KINDS = {"party": "party", "allegation": "allegation", "money": "number", "number_word": "number"}
# Words adjacent to a number that belong to it: "45th", "$8B", "20 percent".
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
_SCALE_SUFFIXES = {"k": 1e3, "m": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
_CURRENCY = "$£€"
# "(R-Texas)", ", D-Calif.,": a party initial, a hyphen and a capitalized place.
_PARTY_INITIAL = re.compile(r"^([A-Z])-[A-Z][a-z]")
# A quoted phrase in a headline, whatever its marks (headlines mix ‘ with '): ‘In God We Trust'.
_HEADLINE_QUOTE = re.compile(r"(?:^|(?<=[\s(]))[‘“'\"](\S.*?)[’”'\"](?=[\s,.:;!?)]|$)")


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a headline (or body) with ``[start, end)`` offsets into its text.

    ``keys`` are what the element names; ``also`` what it offers besides when another
    element is looked up in it ("$8B" also offers *money*, but a money word alone does
    not offer the value 8 billion).
    """

    kind: str
    text: str
    start: int
    end: int
    keys: tuple[str, ...]
    detail: str = ""  # the group names or the fuller name, for the reader
    also: tuple[str, ...] = field(default=())

    @property
    def offers(self) -> tuple[str, ...]:
        return self.keys + self.also


def cue_elements(doc: Document, lexicons: Lexicons, folder: WordFolder, skip: bytearray | None = None) -> list[Element]:
    """Party labels, allegations and numbers in ``doc`` (adjacent cues of one kind merge).

    ``skip`` (optional) is set for every token a cue covers, so the actor finder leaves
    cue words and titles out of names.
    """
    tokens = doc.tokens
    norms = doc.columns.norms if doc.columns.norms else tuple(t.norm for t in tokens)
    text = doc.text
    raw: list[tuple[int, int, str, str]] = []  # (first, end, kind, group)
    for first, end, entry in lexicons.matcher("headline_cues").match(norms):
        kind = entry["kind"]
        if kind == "party_initial":
            continue  # only in "(R-Texas)", below
        if skip is not None:
            for position in range(first, end):
                skip[position] = 1
        if kind in CUE_KINDS:
            raw.append((first, end, kind, entry["group"]))
    initials = {e.key.lower(): e["group"] for e in lexicons["headline_cues"] if e["kind"] == "party_initial"}
    for position, token in enumerate(tokens):
        match = _PARTY_INITIAL.match(token.text)
        if match and position and tokens[position - 1].text in "(," and match.group(1).lower() in initials:
            raw.append((position, position + 1, "party", initials[match.group(1).lower()]))
            if skip is not None:
                skip[position] = 1
    raw.sort()
    digits = _digit_numbers(tokens, text)
    elements = [e for e in _merge_cues(tokens, text, raw)
                if not any(d.start <= e.start < d.end for d in digits)]  # "billion" in "$800 Billion"
    for element in digits:
        if skip is not None:
            for position, token in enumerate(tokens):
                if element.start <= token.start < element.end:
                    skip[position] = 1
        elements.append(element)
    return sorted(elements, key=lambda e: (e.start, e.kind))


def _merge_cues(tokens: Sequence[Token], text: str, raw: list[tuple[int, int, str, str]]) -> list[Element]:
    """Adjacent cues of one element kind become one element ("Sexual Harassment Allegations")."""
    merged: list[list] = []
    for first, end, kind, group in raw:
        element_kind = CUE_KINDS[kind]
        if merged and merged[-1][1] == first and merged[-1][2] == element_kind and element_kind != "party":
            merged[-1][1] = end
            merged[-1][3].append((kind, group))
        else:
            merged.append([first, end, element_kind, [(kind, group)]])
    elements = []
    for first, end, kind, groups in merged:
        start, stop = tokens[first].start, tokens[end - 1].end
        if kind == "number":
            keys, also = _number_keys(groups)
        else:
            keys, also = tuple(dict.fromkeys(group for _, group in groups)), ()
        elements.append(Element(kind, text[start:stop], start, stop, keys, ", ".join(keys), also))
    return elements


def _number_keys(groups: list[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The value of a run of number words ("two million" → 2e6), or *money* for money words."""
    value: float | None = None
    money = False
    for kind, group in groups:
        if kind == "money":
            money = True
            continue
        try:
            number = float(group)
        except ValueError:
            continue  # "percent"
        if value is None:
            value = number
        elif number >= 100:
            value *= number
        else:
            value += number
    if value is None:
        return ("money",), ()
    return (format_number(value),), (("money",) if money else ())


def format_number(value: float) -> str:
    return f"{value:g}"


def _digit_numbers(tokens: Sequence[Token], text: str) -> list[Element]:
    """Numbers written in digits, with their currency, ordinal suffix, scale and percent sign."""
    found = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        body = token.text.lstrip(_CURRENCY)
        if not token.is_word or not body[:1].isdigit():
            position += 1
            continue
        value = number_value(token.text.lstrip("£€"))
        end = position + 1
        if value is not None and end < len(tokens) and tokens[end].start == token.end:
            suffix = tokens[end].norm
            if suffix in _ORDINAL_SUFFIXES:
                end += 1
            elif suffix in _SCALE_SUFFIXES:
                value *= _SCALE_SUFFIXES[suffix]
                end += 1
        if value is not None and end < len(tokens) and tokens[end].norm in _SCALES:
            value *= _SCALES[tokens[end].norm]
            end += 1
        if value is not None:
            start, stop = token.start, tokens[end - 1].end
            money = token.text[0] in _CURRENCY
            keys = (format_number(value),)
            found.append(Element("number", text[start:stop], start, stop, keys, "money" if money else "",
                                 ("money",) if money else ()))
        position = end
    return found


def _is_title_case(tokens: Sequence[Token], folded: Sequence[str], stop_words: frozenset[str]) -> bool:
    """Most content words after the first are capitalized: "Trump Pulling Out Of Debate"."""
    content = [t for t, w in zip(tokens[1:], folded[1:], strict=True) if t.is_word and w not in stop_words]
    if not content:
        return True
    return sum(t.text[0].isupper() for t in content) >= 0.6 * len(content)


def headline_elements(
    doc: Document, loaded: Sequence, lexicons: Lexicons, folder: WordFolder, vocab: NameVocabulary, pins: Pins
) -> list[Element]:
    """Every element of one headline, in reading order (``loaded``: its loaded-term spans).

    Cue words first, then pinned names (their entity is the key), then capitalized runs
    outside both, then loaded words. ``skip`` marks the tokens that can no longer start or
    join a name.
    """
    folded = folder.folded_tokens(doc)
    skip = bytearray(len(doc.tokens))
    elements = cue_elements(doc, lexicons, folder, skip)
    elements += _pinned_actors(doc, folded, folder, pins, skip)
    _skip_non_names(doc, folded, folder, vocab, skip)
    elements += _capitalized_actors(doc, folded, lexicons, folder, vocab, skip)
    return sorted(elements + _loaded_elements(loaded, elements), key=lambda e: (e.start, KINDS.index(e.kind)))


def _pinned_actors(doc: Document, folded: Sequence[str], folder: WordFolder, pins: Pins,
                   skip: bytearray) -> list[Element]:
    """Actors named by a pinned name (an event noun is no actor); their tokens are marked in ``skip``."""
    tokens = doc.tokens
    found = []
    position = 0
    while position < len(tokens):
        match = match_name(folded, position, pins)
        if match is None or match[2] != "name" or any(skip[position:match[0]]):
            position += 1
            continue
        end, entity, _ = match
        start, stop = tokens[position].start, tokens[end - 1].end
        found.append(Element("actor", doc.text[start:stop], start, stop, (actor_key(folder.fold(entity)),), entity))
        for k in range(position, end):
            skip[k] = 1
        position = end
    return found


def _skip_non_names(doc: Document, folded: Sequence[str], folder: WordFolder, vocab: NameVocabulary,
                    skip: bytearray) -> None:
    """Mark in ``skip`` the capitals that are no name: quoted phrases, and capitals of style or position.

    A quoted phrase ('Deep State', ‘In God We Trust’) is not an actor, nor a capital that only
    marks a title-case headline or its first word, unless the bodies write the word as a name
    or write it together with the next word ("White House", "Bill Clinton").
    """
    tokens = doc.tokens
    quoted = [match.span(1) for match in _HEADLINE_QUOTE.finditer(doc.text)]
    for position, token in enumerate(tokens):
        if token.quoted or any(a <= token.start < b for a, b in quoted):
            skip[position] = 1
    cues = bytes(skip)  # titles, party labels, cue words, pinned names, quotes: never part of a name
    title_case = _is_title_case(tokens, folded, folder.stop_words)
    for position, token in enumerate(tokens):
        if skip[position] or not token.is_word or not token.text[0].isupper():
            continue
        after_colon = position > 0 and tokens[position - 1].text == ":"
        if (title_case or position == 0 or after_colon) and not vocab.is_name(folded[position], token):
            skip[position] = 1
    for position in range(len(tokens) - 2, -1, -1):
        if skip[position] and not cues[position] and not skip[position + 1] and tokens[position].text[:1].isupper() \
                and (folded[position], folded[position + 1]) in vocab.pairs:
            skip[position] = 0


def _capitalized_actors(doc: Document, folded: Sequence[str], lexicons: Lexicons, folder: WordFolder,
                        vocab: NameVocabulary, skip: bytearray) -> list[Element]:
    """Actors named by capitalized runs outside ``skip``, cut where two names meet, keyed by their last word."""
    tokens = doc.tokens
    suffixes = {e.key.lower() for e in lexicons["headline_cues"] if e["kind"] == "name_suffix"}
    # A stop word the bodies capitalize as a name ("Bill" Clinton) may join a name here.
    names = {w for k, w in enumerate(folded)
             if not skip[k] and tokens[k].is_word and vocab.capitalized[w] > vocab.lower[w]}
    settings = place_settings(tokens, lexicons)
    found: list[Element] = []
    for first, end in capitalized_runs(tokens, folded, skip, set(), folder.stop_words - names):
        for part_first, part_end in _split_run(first, end, folded, vocab):
            if part_end - part_first == 1 and "-" in folded[part_first].strip("-"):
                found += _hyphen_parts(tokens[part_first], doc.text, vocab)
                continue
            words = [folded[k] for k in range(part_first, part_end) if tokens[k].is_word]
            while len(words) > 1 and words[-1].rstrip(".") in suffixes:
                words.pop()
            if (part_first, part_end) in settings:
                continue  # "in Iowa", "Iowa Senator": a place where, or whose, not a doer
            key = actor_key(words[-1])
            if part_end - part_first == 1:
                key = vocab.surname_of(key)
            start, stop = tokens[part_first].start, tokens[part_end - 1].end
            found.append(Element("actor", doc.text[start:stop], start, stop, (key,)))
    return found


def _loaded_elements(loaded: Sequence, elements: Sequence[Element]) -> list[Element]:
    """Loaded words as elements of kind ``loaded``; a scare-quoted loaded word is one element, not two.

    Loaded words count as a kind: one outlet's "slams" against another's "attacks" is not a
    difference of frame.
    """
    found: list[Element] = []
    for span in sorted(loaded, key=lambda s: (s.start, -(s.end - s.start))):
        if any(e.kind == "loaded" and e.start <= span.start < e.end for e in [*elements, *found]):
            continue
        found.append(Element("loaded", span.text, span.start, span.end, ("loaded",), span.category or span.label))
    return found


def _hyphen_parts(token: Token, text: str, vocab: NameVocabulary) -> list[Element]:
    """Each name in "U.S.-Israel" or "Biden-Ryan", with its own offsets."""
    parts = []
    offset = token.start
    for part in token.text.split("-"):
        if part:
            key = vocab.surname_of(actor_key(fold(part)))
            parts.append(Element("actor", part, offset, offset + len(part), (key,)))
        offset += len(part) + 1
    return parts


def _split_run(first: int, end: int, folded: Sequence[str], vocab: NameVocabulary) -> list[tuple[int, int]]:
    """Cut a run where two names meet that no body writes together ("Obama Medicare")."""
    parts = []
    start = first
    for k in range(first, end - 1):
        if folded[k] in vocab.heads and (folded[k], folded[k + 1]) not in vocab.pairs:
            parts.append((start, k + 1))
            start = k + 1
    parts.append((start, end))
    return parts
