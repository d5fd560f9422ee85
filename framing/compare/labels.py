"""Labeling matrix: what each outlet calls the people and things the articles share.

Entities come from two places:

* **pinned** in ``lexicons/entities.tsv`` (or a user's ``--lexicons DIR/entities.tsv``):
  ``name`` rows (all spellings of one entity), ``event`` rows (nouns for an event, such
  as *strikes* or *killings*), and ``qualifier`` + ``role`` rows, which find descriptions
  that never name the entity: "the authoritarian figurehead from Venezuela",
  "the Chavista regime";
* **found automatically**: runs of capitalized words ("US President Donald Trump"),
  grouped by their last word (folded, so Nicolás and Nicolas are one). Only entities
  that at least two outlets mention are kept (the top ``MAX_AUTO_ENTITIES``).

A mention's *label* is the noun phrase around it: the name plus the modifiers before
it (titles, adjectives, a scare-quoted word, a leading "the") and a role noun after it
("the Maduro regime"). Labels are unified by a folded key (no accents, quote marks or
leading "the"), and each is looked up in the loaded-terms lexicon.

Columns of the ``labels`` table (one row per entity × outlet × label):

entity, entity_source (pinned | auto), outlet, label (the most frequent spelling),
label_key, variants (every spelling seen), count, n_articles, loaded_terms (loaded-lexicon
terms inside the label), category (their categories, ";"-joined), scare_quoted,
n_outlets_using (how many outlets use this label for this entity), entity_outlets (how
many outlets mention the entity at all), evidence (``article_id:start-end`` of each use).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import pandas as pd

from ..analysis import ArticleAnalysis
from ..document import Document, Token
from ..grammar import (
    ARTICLES,
    AUXILIARY_VERBS,
    DEMONSTRATIVES,
    PREPOSITIONS,
    QUOTE_MARKS,
    ROMANCE_NAME_PARTICLES,
    THIRD_PERSON_POSSESSIVES,
)
from ..lexicons import Lexicons
from .common import Folder, evidence, fold, outlet_of
from .label_checks import label_confidence, label_problem, trim_label

COLUMNS = [
    "entity", "entity_source", "outlet", "label", "label_key", "variants", "count", "n_articles",
    "loaded_terms", "category", "scare_quoted", "n_outlets_using", "entity_outlets", "evidence",
    "confidence", "reason",
]
MAX_AUTO_ENTITIES = 15
MAX_MODIFIERS = 6
SHORT_QUOTE_WORDS = 3
_DETERMINERS = ARTICLES | DEMONSTRATIVES | THIRD_PERSON_POSSESSIVES
# Words after which an -ed word modifies a noun ("the targeted strikes", "through targeted strikes");
# after anything else it is a verb ("who criticized Strzok", "often called Dreamers").
_MODIFIER_OPENERS = _DETERMINERS | PREPOSITIONS | frozenset({"through", "with", "without", "across", "amid"})
# Auxiliaries: an -ed/-ing word after one is a verb ("has designated Maduro"), after any
# other function word it is an adjective ("through targeted strikes").
_AUXILIARIES = AUXILIARY_VERBS
_ADJECTIVE_ENDINGS = ("al", "ive", "ian", "ary", "ic", "ous", "ist", "ese", "ish", "ful", "less", "ible", "able")
# Function words allowed inside a capitalized name: Cartel de los Soles, Cartel of the Suns, Democracy for America.
_NAME_CONNECTORS = ROMANCE_NAME_PARTICLES | {"of", "the", "for"}
_DESCRIPTION_LINKS = frozenset({"from", "of"})


@dataclass(frozen=True, slots=True)
class Pins:
    """The entity rows of the lexicon, indexed by their folded first word."""

    names: dict[str, list[tuple[tuple[str, ...], str, str]]]  # first word → [(words, entity, kind)]
    qualifiers: dict[str, str]  # folded qualifier word → entity
    roles: frozenset[str]
    events: frozenset[str]  # folded event nouns (with or without an entity)
    titles: AbstractSet[str] = frozenset()  # abbreviations ("mr", "sen"): never a label alone


def load_pins(lexicons: Lexicons) -> Pins:
    """Index ``entities.tsv``; a missing lexicon (an older override set) pins nothing."""
    names: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    qualifiers: dict[str, str] = {}
    roles: set[str] = set()
    events: set[str] = set()
    entries = lexicons.by_name.get("entities", ())
    for entry in entries:
        words = tuple(fold(word) for word in entry.key.split())
        if not words:
            continue
        kind, entity = entry["kind"], entry["entity"]
        if kind == "role":
            roles.add(words[-1])
        elif kind == "qualifier" and entity:
            qualifiers[" ".join(words)] = entity
        elif kind == "event":
            events.add(words[-1])
            if entity:
                names[words[0]].append((words, entity, kind))
        elif kind == "name" and entity:
            names[words[0]].append((words, entity, kind))
    for candidates in names.values():
        candidates.sort(key=lambda item: -len(item[0]))
    return Pins(dict(names), qualifiers, frozenset(roles), frozenset(events), lexicons.abbreviations)


@dataclass(frozen=True, slots=True)
class Mention:
    entity: str
    source: str  # pinned | auto
    outlet: str
    article_id: str
    first: int  # token range of the label
    end: int
    start_char: int
    end_char: int
    text: str
    key: str


def scare_positions(doc: Document) -> set[int]:
    """Token indices inside (or forming) a scare quote or a quoted term: ‘narcoterrorism’.

    Short quotes (up to ``SHORT_QUOTE_WORDS`` words) count whatever their kind, because a
    quoted name or term is part of the label the writer chose, even in a reporting sentence.
    """
    regions = [
        (q.start, q.end)
        for q in doc.quotes
        if q.kind == "scare" or len(doc.text[q.inner_start:q.inner_end].split()) <= SHORT_QUOTE_WORDS
    ]
    if not regions:
        return set()
    return {i for i, t in enumerate(doc.tokens) if any(a <= t.start and t.end <= b for a, b in regions)}


def find_mentions(analysis: ArticleAnalysis, pins: Pins, folder: Folder, lower_vocab: set[str]) -> list[Mention]:
    """Every entity mention in one article with the noun phrase that labels it."""
    doc = analysis.document
    tokens = doc.tokens
    folded = folder.folded_tokens(doc)
    # "the" between a name's words is matched by folding "the" as written.
    scare = scare_positions(doc)
    stop_words = folder.stop_words
    covered = bytearray(len(tokens))
    nationalities = frozenset(pins.qualifiers)
    mentions: list[Mention] = []
    outlet = outlet_of(analysis)

    def add(entity: str, source: str, first: int, end: int) -> None:
        end = _close_quote(tokens, first, end)
        starts_sentence = first == 0 or tokens[first - 1].sentence != tokens[first].sentence
        if starts_sentence and end - first > 1 and folded[first] in lower_vocab and folded[first] != "the":
            first += 1  # "Yesterday Senator Jane Roe": the capital belongs to the sentence
        for position in range(first, end):
            covered[position] = 1
        first, end = trim_label(tokens, folded, first, end, stop_words, found=source == "auto")
        if label_problem(tokens, folded, first, end, pins.titles, nationalities):
            return
        start_char, end_char = tokens[first].start, tokens[end - 1].end
        key_words = [folded[k] for k in range(first, end) if tokens[k].text not in QUOTE_MARKS]
        if key_words and key_words[0] == "the" and len(key_words) > 1:
            key_words = key_words[1:]
        mentions.append(
            Mention(entity, source, outlet, doc.id, first, end, start_char, end_char,
                    doc.text[start_char:end_char], " ".join(key_words))
        )

    # 1. Pinned names and events.
    position = 0
    while position < len(tokens):
        match = _match_name(folded, position, pins)
        if match is None or any(covered[position:match[0]]):
            position += 1
            continue
        end, entity, kind = match
        first = _extend_left(tokens, folded, position, pins, scare, stop_words)
        if kind == "name":
            end = _extend_right(tokens, folded, end, pins)
        add(entity, "pinned", first, end)
        position = end
    # 2. Descriptions that do not name the entity: role noun + qualifier.
    for position, word in enumerate(folded):
        if covered[position] or word not in pins.roles:
            continue
        described = _description(tokens, folded, position, pins, scare, stop_words)
        if described and not any(covered[described[1]:described[2]]):
            add(described[0], "pinned", described[1], described[2])
    # 3. Capitalized names nobody pinned (not in title-case headings, where every word has a capital).
    headings = folder.headings(doc)
    for first, end in _capitalized_runs(tokens, folded, covered, lower_vocab, stop_words):
        head = folded[end - 1]
        if tokens[first].sentence in headings or (end - first == 1 and head in pins.qualifiers):
            continue  # a bare "US" or "Venezuelan" is a side, not a labelled entity
        label_first = _extend_left(tokens, folded, first, pins, scare, stop_words)
        label_end = _extend_right(tokens, folded, end, pins)
        if any(covered[label_first:label_end]):
            label_first, label_end = first, end
        add(head, "auto", label_first, label_end)
    return mentions


def _close_quote(tokens: Sequence[Token], first: int, end: int) -> int:
    """Take in a closing quote mark when the label holds the opening one: “Suns cartel”."""
    marks = sum(1 for k in range(first, end) if tokens[k].text in QUOTE_MARKS)
    if marks % 2 and end < len(tokens) and tokens[end].text in QUOTE_MARKS:
        return end + 1
    return end


def _match_name(folded: Sequence[str], position: int, pins: Pins) -> tuple[int, str, str] | None:
    for words, entity, kind in pins.names.get(folded[position], ()):
        end = position + len(words)
        if tuple(folded[position:end]) == words:
            return end, entity, kind
    return None


def _is_capitalized(token: Token, word: str, stop_words: frozenset[str]) -> bool:
    if not (token.is_word and token.text[0].isupper()):
        return False
    return word not in stop_words or (token.text.isupper() and len(token.text) > 1)


def _extend_left(
    tokens: Sequence[Token], folded: Sequence[str], position: int, pins: Pins, scare: set[int],
    stop_words: frozenset[str],
) -> int:
    """First token of the modifiers before ``position`` in the same sentence."""
    sentence = tokens[position].sentence
    first = position
    k = position - 1
    while k >= 0 and tokens[k].sentence == sentence and position - k <= MAX_MODIFIERS:
        token, word = tokens[k], folded[k]
        if not token.is_word:
            if token.text in QUOTE_MARKS and k in scare:
                first, k = k, k - 1
                continue
            break
        if word == "the":
            return k
        if _is_possessive(token, word):
            break  # "the FBI’s Hillary Clinton": a possessive is another entity, not a modifier
        if _is_capitalized(token, word, stop_words) or k in scare:
            first = k
        elif word in stop_words or word.endswith("ly"):
            break
        elif word in pins.roles or "-" in token.text or word.endswith(_ADJECTIVE_ENDINGS):
            first = k
        elif word.endswith(("ed", "ing")):
            before = folded[k - 1] if k > 0 and tokens[k - 1].sentence == sentence else ""
            if before in _AUXILIARIES or (before and before not in stop_words and tokens[k - 1].is_word):
                break
            if word.endswith("ing") and before not in _DETERMINERS:
                break  # "at disrupting Maduro’s government": a verb, not a modifier
            if word.endswith("ed") and before not in _MODIFIER_OPENERS:
                break  # "who criticized Romney", "often called Dreamers": a verb, not a modifier
            if word.endswith("ing") and len(word) < 6:
                break  # "the thing Obama": not an -ing form
            first = k
            if before == "the":
                return k - 1
            break
        else:
            break
        k -= 1
    return first


def _is_possessive(token: Token, word: str) -> bool:
    """"Romney’s", "ABC's": the norm drops the possessive ending the text keeps."""
    return token.text.endswith(("'s", "’s")) and word != fold(token.text)


def _extend_right(tokens: Sequence[Token], folded: Sequence[str], end: int, pins: Pins) -> int:
    """Include a role noun after a name: "the Maduro regime", "Maduro’s government"."""
    if end < len(tokens) and tokens[end].sentence == tokens[end - 1].sentence and folded[end] in pins.roles:
        return end + 1
    return end


def _description(
    tokens: Sequence[Token], folded: Sequence[str], position: int, pins: Pins, scare: set[int],
    stop_words: frozenset[str],
) -> tuple[str, int, int] | None:
    """``(entity, first, end)`` for "the Venezuelan leader" or "the figurehead from Venezuela"."""
    first = _extend_left(tokens, folded, position, pins, scare, stop_words)
    for k in range(first, position):
        entity = pins.qualifiers.get(folded[k])
        if entity and _is_capitalized(tokens[k], folded[k], stop_words):
            return entity, first, position + 1
    k = position + 1
    sentence = tokens[position].sentence
    if k < len(tokens) and folded[k] in _DESCRIPTION_LINKS and tokens[k].sentence == sentence:
        k += 1
        if k < len(tokens) and folded[k] == "the":
            k += 1
        if k < len(tokens) and tokens[k].sentence == sentence:
            entity = pins.qualifiers.get(folded[k])
            if entity and _is_capitalized(tokens[k], folded[k], stop_words):
                return entity, first, k + 1
    return None


def _capitalized_runs(
    tokens: Sequence[Token], folded: Sequence[str], covered: bytearray, lower_vocab: set[str],
    stop_words: frozenset[str],
) -> list[tuple[int, int]]:
    """Token ranges of capitalized names not already covered by a pinned label."""
    runs: list[tuple[int, int]] = []
    position = 0
    count = len(tokens)
    while position < count:
        token = tokens[position]
        if covered[position] or not _is_capitalized(token, folded[position], stop_words) or token.text[0].isdigit():
            position += 1
            continue
        end = position + 1
        while end < count and not covered[end] and tokens[end].sentence == token.sentence:
            if _is_possessive(tokens[end - 1], folded[end - 1]):
                break  # "ABC's Martha Raddatz": two entities, not one name
            if _is_capitalized(tokens[end], folded[end], stop_words):
                end += 1
            else:
                ahead = end
                while ahead < count and folded[ahead] in _NAME_CONNECTORS and ahead - end < 2:
                    ahead += 1
                if folded[end] == "the":
                    ahead = end  # "Let the Senate": "the" joins names only after "of" (Cartel of the Suns)
                if (
                    ahead > end and ahead < count and not any(covered[end:ahead + 1])
                    and tokens[ahead].sentence == token.sentence
                    and _is_capitalized(tokens[ahead], folded[ahead], stop_words)
                ):
                    end = ahead + 1
                else:
                    break
        first = position
        sentence_start = position == 0 or tokens[position - 1].sentence != token.sentence
        if sentence_start and folded[first] in lower_vocab:
            first += 1  # "Despite", "Experts": a capital only because the sentence starts
        if first < end:
            runs.append((first, end))
        position = end
    return runs


def collect_mentions(analyses: Sequence[ArticleAnalysis], pins: Pins, folder: Folder) -> list[Mention]:
    """Entity mentions in every article (the fact aligner reuses them as shared-name features)."""
    lower_vocab = {
        folded
        for analysis in analyses
        for token, folded in zip(analysis.document.tokens, folder.folded_tokens(analysis.document), strict=True)
        if token.is_word and token.text[:1].islower()
    } | folder.stop_words
    return [m for analysis in analyses for m in find_mentions(analysis, pins, folder, lower_vocab)]


def build_labels(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: Folder, mentions: list[Mention] | None = None
) -> pd.DataFrame:
    """The labeling matrix (columns in the module docstring)."""
    if mentions is None:
        mentions = collect_mentions(analyses, load_pins(lexicons), folder)
    n_outlets_total = len({outlet_of(a) for a in analyses})
    entity_outlets: dict[str, set[str]] = defaultdict(set)
    entity_count: Counter[str] = Counter()
    auto_names: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        entity_outlets[(mention.source, mention.entity)].add(mention.outlet)
        entity_count[(mention.source, mention.entity)] += 1
        if mention.source == "auto":
            auto_names[mention.entity][_run_name(mention)] += 1
    keep_auto = sorted(
        (key for key in entity_outlets if key[0] == "auto" and len(entity_outlets[key]) >= min(2, n_outlets_total)),
        key=lambda key: (-len(entity_outlets[key]), -entity_count[key], key[1]),
    )[:MAX_AUTO_ENTITIES]
    pinned_entities = {key[1] for key in entity_outlets if key[0] == "pinned"}
    display: dict[tuple[str, str], str] = {("pinned", e): e for e in pinned_entities}
    for key in keep_auto:
        names = auto_names[key[1]]
        display[key] = max(names, key=lambda name: (names[name], -len(name), name))

    loaded = lexicons.matcher("loaded")
    groups: dict[tuple[str, str, str, str], list[Mention]] = defaultdict(list)
    for mention in mentions:
        if (mention.source, mention.entity) in display:
            groups[(mention.source, mention.entity, mention.outlet, mention.key)].append(mention)
    users: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for source, entity, outlet, key in groups:
        users[(source, entity, key)].add(outlet)
    by_id = {a.document.id: a.document for a in analyses}
    rows = []
    for (source, entity, outlet, key), group in groups.items():
        spellings = Counter(m.text for m in group)
        label = max(spellings, key=lambda text: (spellings[text], text))
        doc = by_id[group[0].article_id]
        norms = [t.norm for t in doc.tokens[group[0].first:group[0].end]]
        entries = [entry for _, _, entry in loaded.match(norms)]
        rows.append({
            "entity": display[(source, entity)],
            "entity_source": source,
            "outlet": outlet,
            "label": label,
            "label_key": key,
            "variants": sorted(spellings),
            "count": len(group),
            "n_articles": len({m.article_id for m in group}),
            "loaded_terms": [entry.key for entry in entries],
            "category": ";".join(dict.fromkeys(entry["category"] for entry in entries if entry["category"])),
            "scare_quoted": is_quoted_label(label),
            "n_outlets_using": len(users[(source, entity, key)]),
            "entity_outlets": len(entity_outlets[(source, entity)]),
            "evidence": [evidence(m.article_id, m.start_char, m.end_char) for m in group],
            **_sureness(doc, group[0], len(users[(source, entity, key)])),
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if frame.empty:
        return frame
    frame["_order"] = frame["entity_outlets"]
    frame = frame.sort_values(["entity_source", "_order", "entity", "outlet", "count", "label_key"],
                              ascending=[False, False, True, True, False, True], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


def _sureness(doc: Document, mention: Mention, n_outlets: int) -> dict[str, object]:
    confidence, reason = label_confidence(doc.tokens, mention.first, mention.end, mention.source, n_outlets)
    if mention.source == "auto" and not ends_a_whole_name(doc, mention.start_char, mention.end_char):
        confidence = min(confidence, CUT_NAME_CONFIDENCE)
        reason += "; not a whole name of the mention layer (cut from a longer one, or no name)"
    return {"confidence": confidence, "reason": reason}


# A capitalized run that is no whole name of the mention layer ("Republican" of "Republican Sen. Lee",
# "Grassley" cut from "Charles E. Grassley") is at best a possible label.
CUT_NAME_CONFIDENCE = 0.5
NAME_KINDS = frozenset({"person", "organisation", "place", "group", "document"})


def ends_a_whole_name(doc: Document, start: int, end: int) -> bool:
    """Whether ``[start, end)`` ends where a name of the mention layer ends and starts inside none.

    A label may carry words before the name ("the leftist regime of" … "Maduro") and may leave out
    a title ("Charles E. Grassley" of "Sen. Charles E. Grassley"), but must not begin in the middle
    of a name, nor stop short of its end.
    """
    names = [m for m in doc.mentions if m.kind in NAME_KINDS and m.start < end and start < m.end]
    if any(m.start < start < m.end and doc.text[start:m.end] != m.name for m in names):  # a title may go
        return False
    return any(m.end == end for m in names)


def _run_name(mention: Mention) -> str:
    """The capitalized part of an automatic mention's label, as the entity's display name."""
    words = mention.text.split()
    while words and not words[0][:1].isupper():
        words = words[1:]
    name = " ".join(words) or mention.text
    return re.sub(r"['’]s$", "", name) or name  # "the FBI’s" names the FBI


# A double mark anywhere, or a single mark opening a word: ‘Cartel of the Suns’. An apostrophe
# inside a word (Maduro’s regime) is not a quotation mark.
_QUOTED_LABEL = re.compile(r"[“”\"«»]|(?:^|\s)[‘']\w")


def is_quoted_label(label: str) -> bool:
    """Whether a label holds words in quotation marks (a scare-quoted or quoted term)."""
    return _QUOTED_LABEL.search(label) is not None
