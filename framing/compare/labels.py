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
from ..corpus.mention_model import mention_lexicon
from ..document import Document, Token
from ..grammar import QUOTE_MARKS
from ..lexicons import Lexicons
from ..term_matcher import TermMatcher
from .common import WordFolder, evidence, fold, outlet_of
from .label_checks import label_confidence, label_problem, modifies_a_noun, trim_label
from .label_names import (
    ends_a_whole_name,
    head_name,
    head_name_first,
    head_word,
    name_end_token,
    name_start_token,
    person_before,
    starts_a_name,
)
from .label_phrases import Pins, capitalized_runs, description, extend_left, extend_right, match_name

__all__ = ["build_labels", "collect_label_uses", "ends_a_whole_name", "is_quoted_label", "load_pins"]

COLUMNS = [
    "entity", "entity_source", "outlet", "label", "label_key", "variants", "count", "n_articles",
    "loaded_terms", "category", "scare_quoted", "n_outlets_using", "entity_outlets", "evidence",
    "confidence", "reason",
]
MAX_AUTO_ENTITIES = 15
SHORT_QUOTE_WORDS = 3


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
class LabelUse:
    """One use of a label: an entity named or described in an article, with the noun phrase around it."""
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


def find_label_uses(analysis: ArticleAnalysis, pins: Pins, folder: WordFolder, lower_vocab: set[str]) -> list[LabelUse]:
    """Every entity mention in one article with the noun phrase that labels it.

    Three passes, in this order because a token that an earlier pass labelled is covered and
    later passes skip it: pinned names and events, descriptions that never name the entity,
    then capitalized names nobody pinned.
    """
    finder = _LabelUseFinder(analysis, pins, folder, lower_vocab)
    finder.pinned_names()
    finder.descriptions()
    finder.capitalized_names()
    return finder.mentions


class _LabelUseFinder:
    """One article's mention search: the token views the passes share, and what they found so far."""

    def __init__(self, analysis: ArticleAnalysis, pins: Pins, folder: WordFolder, lower_vocab: set[str]) -> None:
        self.doc = analysis.document
        self.tokens = self.doc.tokens
        self.folded = folder.folded_tokens(self.doc)  # "the" between a name's words is matched as written
        self.scare = scare_positions(self.doc)
        self.folder = folder
        self.stop_words = folder.stop_words
        self.pins = pins
        self.lower_vocab = lower_vocab
        self.covered = bytearray(len(self.tokens))
        self.nationalities = frozenset(pins.qualifiers)
        self.outlet = outlet_of(analysis)
        self.mentions: list[LabelUse] = []

    def pinned_names(self) -> None:
        """1. Pinned names and events, each with the label words around it."""
        tokens, folded, pins = self.tokens, self.folded, self.pins
        position = 0
        while position < len(tokens):
            match = match_name(folded, position, pins)
            if match is None or any(self.covered[position:match[0]]):
                position += 1
                continue
            end, entity, kind = match
            first = extend_left(tokens, folded, position, pins, self.scare, self.stop_words)
            if kind == "name":
                end = extend_right(tokens, folded, end, pins)
            self.add(entity, "pinned", first, end)
            position = end

    def descriptions(self) -> None:
        """2. Descriptions that do not name the entity: role noun + qualifier."""
        for position, word in enumerate(self.folded):
            if self.covered[position] or word not in self.pins.roles:
                continue
            described = description(self.tokens, self.folded, position, self.pins, self.scare, self.stop_words)
            if described and not any(self.covered[described[1]:described[2]]):
                self.add(described[0], "pinned", described[1], described[2])

    def capitalized_names(self) -> None:
        """3. Capitalized names nobody pinned (not in title-case headings, where every word has a capital)."""
        doc, tokens, folded, pins = self.doc, self.tokens, self.folded, self.pins
        headings = self.folder.headings(doc)
        done = 0
        for first, run_end in capitalized_runs(tokens, folded, self.covered, self.lower_vocab, self.stop_words):
            if first < done:
                continue  # the rest of a name the run before took whole
            end = done = name_end_token(doc, tokens, first, run_end)
            first = name_start_token(doc, tokens, first, end)
            head = folded[end - 1]
            if tokens[first].sentence in headings or (end - first == 1 and head in pins.qualifiers):
                continue  # a bare "US" or "Venezuelan" is a side, not a labelled entity
            label_first = extend_left(tokens, folded, first, pins, self.scare, self.stop_words)
            label_end = extend_right(tokens, folded, end, pins)
            if any(self.covered[label_first:label_end]):
                label_first, label_end = first, end
            self.add(head, "auto", label_first, label_end)

    def add(self, entity: str, source: str, first: int, end: int) -> None:
        """Record the label ``first:end`` of ``entity`` (trimmed and checked), and cover its tokens."""
        tokens, folded = self.tokens, self.folded
        end = _close_quote(tokens, first, end)
        starts_sentence = first == 0 or tokens[first - 1].sentence != tokens[first].sentence
        if (starts_sentence and end - first > 1 and folded[first] in self.lower_vocab and folded[first] != "the"
                and not starts_a_name(self.doc, tokens[first].start)):
            first += 1  # "Yesterday Senator Jane Roe": the capital belongs to the sentence ("Bill Moe" is a name)
        for position in range(first, end):
            self.covered[position] = 1
        first, end = trim_label(tokens, folded, first, end, self.stop_words, found=source == "auto")
        if source == "auto" and first < end:
            first, entity = self._auto_head(source, first, end)
        if label_problem(tokens, folded, first, end, self.pins.titles, self.nationalities):
            return
        self.mentions.append(self._label_use(entity, source, first, end))

    def _auto_head(self, source: str, first: int, end: int) -> tuple[int, str]:
        """Where a found name starts after its titles, and its head word (the entity).

        A person named before the cut ("Justice Ann Roe" of "Justice Ann Roe of the Supreme
        Court") is added as a mention of its own.
        """
        doc, tokens, folded = self.doc, self.tokens, self.folded
        cut = head_name_first(doc, tokens, first, end)
        if cut > first and folded[cut] in self.lower_vocab and folded[cut] != "the":
            cut = first  # "Chief of | Staff Rahm Emanuel": a common word opens the name, so the name is doubtful
        person = person_before(doc, tokens, first, cut)
        if person is not None:
            self.add("", source, *person)
        return cut, head_word(doc, tokens, folded, cut, end)

    def _label_use(self, entity: str, source: str, first: int, end: int) -> LabelUse:
        """The mention of tokens ``first:end``, keyed by its folded words without quote marks or a leading "the"."""
        tokens, doc = self.tokens, self.doc
        start_char, end_char = tokens[first].start, tokens[end - 1].end
        key_words = [self.folded[k] for k in range(first, end) if tokens[k].text not in QUOTE_MARKS]
        if key_words and key_words[0] == "the" and len(key_words) > 1:
            key_words = key_words[1:]
        return LabelUse(entity, source, self.outlet, doc.id, first, end, start_char, end_char,
                       doc.text[start_char:end_char], " ".join(key_words))


def _close_quote(tokens: Sequence[Token], first: int, end: int) -> int:
    """Take in a closing quote mark when the label holds the opening one: “Suns cartel”."""
    marks = sum(1 for k in range(first, end) if tokens[k].text in QUOTE_MARKS)
    if marks % 2 and end < len(tokens) and tokens[end].text in QUOTE_MARKS:
        return end + 1
    return end


def collect_label_uses(analyses: Sequence[ArticleAnalysis], pins: Pins, folder: WordFolder) -> list[LabelUse]:
    """Entity mentions in every article (the fact aligner reuses them as shared-name features)."""
    lower_vocab = {
        folded
        for analysis in analyses
        for token, folded in zip(analysis.document.tokens, folder.folded_tokens(analysis.document), strict=True)
        if token.is_word and token.text[:1].islower()
    } | folder.stop_words
    return [m for analysis in analyses for m in find_label_uses(analysis, pins, folder, lower_vocab)]


def build_labels(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: WordFolder, mentions: list[LabelUse] | None = None
) -> pd.DataFrame:
    """The labeling matrix (columns in the module docstring)."""
    if mentions is None:
        mentions = collect_label_uses(analyses, load_pins(lexicons), folder)
    titles = mention_lexicon(lexicons).title_words_of("title")
    entity_outlets, display = _entities(mentions, len({outlet_of(a) for a in analyses}), titles)
    groups: dict[tuple[str, str, str, str], list[LabelUse]] = defaultdict(list)
    for mention in mentions:
        if (mention.source, mention.entity) in display:
            groups[(mention.source, mention.entity, mention.outlet, mention.key)].append(mention)
    users: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for source, entity, outlet, key in groups:
        users[(source, entity, key)].add(outlet)
    by_id = {a.document.id: a.document for a in analyses}
    loaded = lexicons.matcher("loaded")
    rows = []
    for (source, entity, outlet, key), group in groups.items():
        doc = by_id[group[0].article_id]
        n_users = len(users[(source, entity, key)])
        rows.append({
            "entity": display[(source, entity)],
            "entity_source": source,
            "outlet": outlet,
            **_label_columns(doc, group, key, loaded),
            "n_outlets_using": n_users,
            "entity_outlets": len(entity_outlets[(source, entity)]),
            "evidence": [evidence(m.article_id, m.start_char, m.end_char) for m in group],
            **_sureness(doc, group[0], n_users, folder),
        })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if frame.empty:
        return frame
    frame["_order"] = frame["entity_outlets"]
    frame = frame.sort_values(["entity_source", "_order", "entity", "outlet", "count", "label_key"],
                              ascending=[False, False, True, True, False, True], kind="stable")
    return frame.drop(columns="_order").reset_index(drop=True)


EntityKey = tuple[str, str]  # (source, entity)


def _entities(
    mentions: Sequence[LabelUse], n_outlets_total: int, titles: AbstractSet[str]
) -> tuple[dict[EntityKey, set[str]], dict[EntityKey, str]]:
    """The outlets that mention each entity, and the display name of each entity the table keeps.

    Every pinned entity is kept; an automatic one only when at least two outlets mention it
    (the ``MAX_AUTO_ENTITIES`` most widely mentioned), shown by its most frequent name.
    """
    entity_outlets: dict[EntityKey, set[str]] = defaultdict(set)
    entity_count: Counter[EntityKey] = Counter()
    auto_names: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in mentions:
        entity_outlets[(mention.source, mention.entity)].add(mention.outlet)
        entity_count[(mention.source, mention.entity)] += 1
        if mention.source == "auto":
            auto_names[mention.entity][_run_name(mention, titles)] += 1
    keep_auto = sorted(
        (key for key in entity_outlets if key[0] == "auto" and len(entity_outlets[key]) >= min(2, n_outlets_total)),
        key=lambda key: (-len(entity_outlets[key]), -entity_count[key], key[1]),
    )[:MAX_AUTO_ENTITIES]
    pinned_entities = {key[1] for key in entity_outlets if key[0] == "pinned"}
    display: dict[EntityKey, str] = {("pinned", e): e for e in pinned_entities}
    for key in keep_auto:
        names = auto_names[key[1]]
        display[key] = max(names, key=lambda name: (names[name], -len(name), name))
    return entity_outlets, display


def _label_columns(doc: Document, group: Sequence[LabelUse], key: str, loaded: TermMatcher) -> dict[str, object]:
    """One outlet's label of one entity: its spelling, variants, counts and the loaded terms inside it."""
    spellings = Counter(m.text for m in group)
    label = max(spellings, key=lambda text: (not _POSSESSIVE.search(text), spellings[text], text))
    norms = [t.norm for t in doc.tokens[group[0].first:group[0].end]]
    entries = [entry for _, _, entry in loaded.match(norms)]
    return {
        "label": label,
        "label_key": key,
        "variants": sorted(spellings),
        "count": len(group),
        "n_articles": len({m.article_id for m in group}),
        "loaded_terms": [entry.key for entry in entries],
        "category": ";".join(dict.fromkeys(entry["category"] for entry in entries if entry["category"])),
        "scare_quoted": is_quoted_label(label),
    }


def _sureness(doc: Document, mention: LabelUse, n_outlets: int, folder: WordFolder) -> dict[str, object]:
    confidence, reason = label_confidence(doc.tokens, mention.first, mention.end, mention.source, n_outlets)
    if mention.source != "auto":
        return {"confidence": confidence, "reason": reason}
    head = head_name(doc, mention.start_char, mention.end_char)
    if head is None or not ends_a_whole_name(doc, mention.start_char, mention.end_char):
        confidence = min(confidence, CUT_NAME_CONFIDENCE)
        reason += "; not a whole name of the mention layer (cut from a longer one, or no name)"
    elif head.how == "org_name" and modifies_a_noun(doc.tokens, folder.folded_tokens(doc), mention.end,
                                                      folder.stop_words):
        confidence = min(confidence, MODIFIER_ORG_CONFIDENCE)
        reason += (f"; a body's name no lexicon holds, before the noun “{doc.tokens[mention.end].text}”:"
                   " its words may belong to a longer phrase")
    return {"confidence": confidence, "reason": reason}


# A capitalized run that is no whole name of the mention layer ("Republican" of "Republican Sen. Lee",
# "Grassley" cut from "Charles E. Grassley") is at best a possible label.
CUT_NAME_CONFIDENCE = 0.5
# "the Republican Senate primary": capitals the mention layer reads as a body ("Republican Senate")
# standing before a lower-case noun may be words of a longer phrase, so the row is only possible.
MODIFIER_ORG_CONFIDENCE = 0.6


def _run_name(mention: LabelUse, titles: AbstractSet[str]) -> str:
    """The capitalized part of an automatic mention's label without its titles, as the entity's display name.

    ``titles``: single-word titles of the titles lexicon ("mr", "sen", "justice"), so "Mr. Trump"
    and "Donald Trump" both show the entity as a name, never as "Mr. Trump".
    """
    words = mention.text.split()
    while words and (not words[0][:1].isupper() or (len(words) > 1 and fold(words[0]).rstrip(".") in titles)):
        words = words[1:]
    name = " ".join(words) or mention.text
    return _POSSESSIVE.sub("", name) or name  # "the FBI’s" names the FBI


_POSSESSIVE = re.compile(r"['’]s$")  # "Ginsburg’s": a label is shown without it where the outlet also writes it bare


# A double mark anywhere, or a single mark opening a word: ‘Cartel of the Suns’. An apostrophe
# inside a word (Maduro’s regime) is not a quotation mark.
_QUOTED_LABEL = re.compile(r"[“”\"«»]|(?:^|\s)[‘']\w")


def is_quoted_label(label: str) -> bool:
    """Whether a label holds words in quotation marks (a scare-quoted or quoted term)."""
    return _QUOTED_LABEL.search(label) is not None
