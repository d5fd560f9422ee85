"""Fact alignment: which outlets carry the same statement, and how each words it.

Every sentence of five words or more (headings excluded) becomes a vector of TF-IDF
weights over its content-word stems and the pinned entities it mentions
(``@Cartel de los Soles``, so "Suns Cartel" and "Cartel of the Suns" count as the same
name). Sentences from *different* outlets are scored as stating one event or not
(:func:`.fact_pairs.score_pair`: quotations, actors, figures, words, each a named
contribution) and grouped into facts (:mod:`.fact_groups`): surest pair first, at most one
sentence per outlet while groups form, every cross pair of a group above a floor, so one
loose link cannot chain unrelated statements. An outlet's other sentences that repeat a
fact are then attached to it. Each group is a *fact*; a sentence no other outlet matches
is a fact only its outlet carries.

``facts`` table (one row per fact × sentence):
fact_id, fact (the most central sentence), n_outlets, outlets, only_one_outlet, outlet,
article_id, sentence_index, start, end, text, similarity (to the central sentence),
hedges, attributed_to, loaded (span texts of those types inside the sentence),
numbers (number phrases), only_here (words no other outlet uses anywhere).

``omissions`` table (one row per fact × outlet that leaves it out; only facts that
more than half of the outlets, and at least two, carry):
fact_id, fact, outlet, n_outlets_carrying, n_outlets, carried_by, evidence,
closest_sentence, closest_similarity, closest_evidence (the outlet's nearest sentence),
possibly_carried (that similarity is ``POSSIBLY_CARRIED`` or more: the outlet may say
it in other words, so a reader should check before calling it an omission).

``disagreements`` table (one row per disagreement × outlet):
disagreement_id, fact_id, kind (number | actor), outlet, article_id, value, phrase,
start, end, sentence, values (every value in the disagreement). *number*: numbers
within a factor of ``NUMBER_RATIO`` of each other that differ ("about 80" against
"at least 83"). *actor*: the capitalized word naming who acts before an event noun
differs between outlets ("US strikes" against "Venezuelan military actions").
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence

import numpy as np
import pandas as pd

from ..analysis import ArticleAnalysis
from ..document import Token
from ..lexicons import Lexicons
from .actor_disagreements import actor_disagreements, actor_phrases
from .common import Sentence, WordFolder, evidence, numbers_in, outlet_of, sentence_tokens
from .fact_groups import align, carried_by, row_confidence
from .fact_keys import DocumentKeys, EventKeys, Rarity, signature
from .fact_pairs import MIN_COSINE, NOT_PAIRED, PairReasons, score_pair
from .labels import LabelUse, Pins
from .numbers import number_disagreements, number_phrase
from .tfidf import similarity_matrix

MIN_WORDS = 5
MIN_CONTENT_WORDS = 4

FACT_COLUMNS = [
    "fact_id", "fact", "n_outlets", "outlets", "only_one_outlet", "outlet", "article_id", "sentence_index",
    "start", "end", "text", "similarity", "hedges", "attributed_to", "loaded", "numbers", "only_here",
    "confidence", "reason",
]
OMISSION_COLUMNS = [
    "fact_id", "fact", "outlet", "n_outlets_carrying", "n_outlets", "carried_by", "evidence",
    "closest_sentence", "closest_similarity", "closest_evidence", "possibly_carried",
]
# An omitting outlet's most similar sentence at or above this may say the fact in other words.
POSSIBLY_CARRIED = 0.15
DISAGREEMENT_COLUMNS = [
    "disagreement_id", "fact_id", "kind", "outlet", "article_id", "value", "phrase", "start", "end", "sentence",
    "values", "confidence", "reason",
]


def collect_sentences(
    analyses: Sequence[ArticleAnalysis], folder: WordFolder, mentions: Sequence[LabelUse]
) -> tuple[list[Sentence], dict[tuple[str, int], list[Token]], list[EventKeys]]:
    """Sentences worth aligning, with their features, each sentence's tokens and its event keys."""
    entities_in: dict[tuple[str, int], set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.source == "pinned":
            doc = next(a.document for a in analyses if a.document.id == mention.article_id)
            entities_in[(doc.id, doc.tokens[mention.first].sentence)].add(mention.entity)
    sentences: list[Sentence] = []
    tokens_of: dict[tuple[str, int], list[Token]] = {}
    keys: list[EventKeys] = []
    for analysis in analyses:
        doc = analysis.document
        headings = folder.headings(doc)
        reader = DocumentKeys(analysis, folder, mentions)
        for index, tokens in enumerate(sentence_tokens(doc)):
            n_words = sum(1 for token in tokens if token.is_word)
            features = folder.content_stems(tokens)
            if n_words < MIN_WORDS or len(features) < MIN_CONTENT_WORDS or index in headings:
                continue
            numbers = numbers_in(doc, tokens)
            features += [f"@{entity}" for entity in sorted(entities_in[(doc.id, index)])]
            start, end = doc.sentences[index]
            sentences.append(
                Sentence(outlet_of(analysis), doc.id, index, start, end, doc.text[start:end], n_words,
                         tuple(features), tuple(numbers))
            )
            tokens_of[(doc.id, index)] = tokens
            keys.append(reader.keys(index, tokens))
    return sentences, tokens_of, keys


def event_scores(
    sentences: Sequence[Sentence], keys: Sequence[EventKeys], cosine: np.ndarray, folder: WordFolder
) -> tuple[np.ndarray, PairReasons]:
    """How surely each cross-outlet pair states one event (:func:`.fact_pairs.score_pair`), and why.

    Pairs with little word overlap and no quotation are not scored (0): most pairs of a
    story share nothing, and scoring them all would cost time for no row.
    """
    count = len(sentences)
    scores = np.zeros((count, count))
    rarity = Rarity.of(keys, len({s.outlet for s in sentences}))
    outlets = np.array([s.outlet for s in sentences], dtype=object)
    candidates = np.triu(cosine >= MIN_COSINE, k=1)
    # a shared run of quoted words, or a shared figure, however little else is shared
    for i, j in _sharing_pairs([key.grams for key in keys]) | _sharing_pairs([key.figures for key in keys]):
        candidates[i, j] = True
    candidates &= outlets[:, None] != outlets[None, :]
    firsts, seconds = np.nonzero(candidates)
    found, blocked = _scored(keys, firsts.tolist(), seconds.tolist(), cosine[firsts, seconds].tolist(), rarity,
                             folder.stop_words)
    scores[firsts, seconds] = found
    scores[seconds, firsts] = found
    return scores, PairReasons(keys, cosine, rarity, folder.stop_words, candidates, blocked)


def _scored(
    keys: Sequence[EventKeys], firsts: list[int], seconds: list[int], cosines: list[float], rarity: Rarity,
    stop_words: frozenset[str],
) -> tuple[list[float], set[tuple[int, int]]]:
    """Each pair's event score, and the pairs blocked as two events (``NOT_PAIRED``).

    A pair of sentences whose keys and cosine equal those of a pair already scored (the
    same sentences carried by several outlets) takes that pair's result: the scorer is pure.
    Only pairs with a repeated sentence are remembered, so a story without repeats keeps no
    table of its pairs.
    """
    kinds: dict[tuple, int] = {}
    kind = [kinds.setdefault(signature(key), len(kinds)) for key in keys]
    repeats = Counter(kind)
    known: dict[tuple[int, int, float], tuple[float, bool]] = {}
    found: list[float] = []
    blocked: set[tuple[int, int]] = set()
    for i, j, pair_cosine in zip(firsts, seconds, cosines, strict=True):
        memo = (kind[i], kind[j], pair_cosine)
        result = known.get(memo)
        if result is None:
            evidence = score_pair(keys[i], keys[j], pair_cosine, rarity, stop_words)
            result = (evidence.confidence, evidence.reason.startswith(NOT_PAIRED))
            if repeats[kind[i]] > 1 or repeats[kind[j]] > 1:
                known[memo] = result
        found.append(result[0])
        if result[1]:
            blocked.add((i, j))
    return found, blocked


def _sharing_pairs(marks: Sequence[Iterable[Hashable]]) -> set[tuple[int, int]]:
    """Sentence pairs ``(i < j)`` that share one of their marks (quoted runs, figures): an index of the marks."""
    holders: dict[Hashable, list[int]] = defaultdict(list)
    for index, held in enumerate(marks):
        for mark in held:
            holders[mark].append(index)
    return {(i, j) for indices in holders.values() for n, i in enumerate(indices) for j in indices[n + 1:]}


def build_facts(
    analyses: Sequence[ArticleAnalysis],
    lexicons: Lexicons,
    folder: WordFolder,
    mentions: Sequence[LabelUse],
    pins: Pins,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The ``facts``, ``omissions`` and ``disagreements`` tables."""
    sentences, tokens_of, keys = collect_sentences(analyses, folder, mentions)
    similarity = similarity_matrix(sentences)
    scores, reasons = event_scores(sentences, keys, similarity, folder)
    all_outlets = list(dict.fromkeys(outlet_of(a) for a in analyses))
    groups = _ordered(align(sentences, scores), sentences, all_outlets)
    writer = _FactRows(analyses, lexicons, folder, sentences, tokens_of)
    fact_rows, omission_rows = [], []
    fact_of: dict[int, str] = {}
    shared_groups: list[tuple[str, list[int]]] = []
    for number, group in enumerate(groups, start=1):
        fact_id = f"F{number:03d}"
        central = max(group, key=lambda i: scores[i, group].sum() + similarity[i, group].sum())
        sureness = {i: row_confidence(i, group, sentences, scores, reasons) for i in group}
        carried = carried_by(group, sentences, sureness, all_outlets)
        fact_rows += [writer.row(fact_id, i, central, carried, similarity, sureness[i]) for i in group]
        if len(carried) >= 2 and len(carried) > len(all_outlets) / 2:
            omission_rows += _omissions(fact_id, group, central, carried, all_outlets, sentences, similarity)
        for i in group:
            fact_of[i] = fact_id
        if len(carried) >= 2:
            shared_groups.append((fact_id, group))
    disagreement_rows = _disagreements(writer, keys, similarity, fact_of, shared_groups, fact_rows, pins)
    return (
        pd.DataFrame(fact_rows, columns=FACT_COLUMNS),
        pd.DataFrame(omission_rows, columns=OMISSION_COLUMNS),
        pd.DataFrame(disagreement_rows, columns=DISAGREEMENT_COLUMNS),
    )


def _ordered(groups: list[list[int]], sentences: Sequence[Sentence], all_outlets: list[str]) -> list[list[int]]:
    """Facts most outlets carry first, then in the order of the outlets and of the text."""
    def group_key(group: list[int]) -> tuple:
        first = sentences[group[0]]
        return (-len({sentences[i].outlet for i in group}), all_outlets.index(first.outlet), first.article_id,
                first.start)
    return sorted(groups, key=group_key)


class _FactRows:
    """Writes the ``facts`` rows of one story (what each sentence holds: hedges, sources, numbers)."""

    def __init__(
        self, analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: WordFolder,
        sentences: Sequence[Sentence], tokens_of: dict[tuple[str, int], list[Token]],
    ) -> None:
        self.by_id = {a.document.id: a for a in analyses}
        self.folder, self.sentences, self.tokens_of = folder, sentences, tokens_of
        self.hedge_matcher = lexicons.matcher("hedges")
        self.outlets_using: dict[str, set[str]] = defaultdict(set)
        for sentence in sentences:
            for feature in sentence.features:
                self.outlets_using[feature].add(sentence.outlet)

    def row(
        self, fact_id: str, i: int, central: int, carried: list[str], similarity: np.ndarray,
        sureness: tuple[float, str],
    ) -> dict:
        """Sentence ``i``'s row in fact ``fact_id`` (whose most central sentence is ``central``)."""
        sentence = self.sentences[i]
        analysis = self.by_id[sentence.article_id]
        tokens = self.tokens_of[(sentence.article_id, sentence.index)]
        confidence, reason = sureness
        return {
            "fact_id": fact_id, "fact": self.sentences[central].text, "n_outlets": len(carried),
            "outlets": carried, "only_one_outlet": len(carried) == 1, "outlet": sentence.outlet,
            "article_id": sentence.article_id, "sentence_index": sentence.index, "start": sentence.start,
            "end": sentence.end, "text": sentence.text, "similarity": round(float(similarity[i, central]), 3),
            "hedges": _span_texts(analysis, sentence, ("hedge",)),
            "attributed_to": _sources(analysis, sentence),
            "loaded": _span_texts(analysis, sentence, ("loaded",)),
            "numbers": [number_phrase(analysis, tokens, s, e, self.hedge_matcher)[0]
                        for _value, s, e in sentence.numbers],
            "only_here": _only_here(tokens, self.folder, self.outlets_using, sentence.outlet),
            "confidence": round(confidence, 2),
            "reason": reason,
        }


def _disagreements(
    writer: _FactRows, keys: Sequence[EventKeys], similarity: np.ndarray, fact_of: dict[int, str],
    shared_groups: list[tuple[str, list[int]]], fact_rows: list[dict], pins: Pins,
) -> list[dict]:
    """The number and actor disagreements of the story's facts, numbered D001, D002, …"""
    sentences, tokens_of, by_id = writer.sentences, writer.tokens_of, writer.by_id
    rows = number_disagreements(sentences, keys, similarity, fact_of, tokens_of, by_id, writer.folder,
                                writer.hedge_matcher)
    actors = actor_phrases(sentences, tokens_of, by_id, writer.folder, pins)
    confidence_of = {(row["article_id"], row["start"]): row["confidence"] for row in fact_rows}
    for fact_id, group in shared_groups:
        rows += actor_disagreements(fact_id, group, sentences, actors, confidence_of)
    _number_disagreement_ids(rows)
    return rows


def _number_disagreement_ids(rows: list[dict]) -> None:
    """Renumber disagreements D001, D002, … in the order their rows come."""
    counter = 0
    last = None
    for row in rows:
        if row["disagreement_id"] != last:
            last = row["disagreement_id"]
            counter += 1
        row["disagreement_id"] = f"D{counter:03d}"


def _omissions(
    fact_id: str, group: list[int], central: int, carried: list[str], all_outlets: list[str],
    sentences: Sequence[Sentence], similarity: np.ndarray,
) -> list[dict]:
    """One row per outlet that leaves out a fact most outlets carry."""
    rows = []
    for outlet in all_outlets:
        if outlet in carried:
            continue
        closest, closest_sim = _closest(outlet, group, sentences, similarity)
        rows.append({
            "fact_id": fact_id,
            "fact": sentences[central].text,
            "outlet": outlet,
            "n_outlets_carrying": len(carried),
            "n_outlets": len(all_outlets),
            "carried_by": carried,
            "evidence": [evidence(sentences[i].article_id, sentences[i].start, sentences[i].end) for i in group],
            "closest_sentence": closest.text if closest else "",
            "closest_similarity": round(closest_sim, 3),
            "closest_evidence": evidence(closest.article_id, closest.start, closest.end) if closest else "",
            "possibly_carried": closest_sim >= POSSIBLY_CARRIED,
        })
    return rows


def _closest(outlet: str, group: list[int], sentences: Sequence[Sentence], similarity: np.ndarray):
    """The outlet's sentence most similar to any sentence of the fact, and that similarity."""
    mine = [i for i, sentence in enumerate(sentences) if sentence.outlet == outlet]
    if not mine:
        return None, 0.0
    scores = similarity[np.ix_(mine, group)].max(axis=1)
    best = int(np.argmax(scores))
    return sentences[mine[best]], float(scores[best])


def _span_texts(analysis: ArticleAnalysis, sentence: Sentence, types: tuple[str, ...]) -> list[str]:
    return [
        span.text for span in analysis.spans
        if span.type in types and sentence.start <= span.start and span.end <= sentence.end
    ]


def _sources(analysis: ArticleAnalysis, sentence: Sentence) -> list[str]:
    """Who the sentence is attributed to: its source spans, else its quotes' speakers."""
    found = []
    for span in analysis.spans:
        if not (sentence.start <= span.start < sentence.end):
            continue
        if span.type == "source":
            found.append(span.text)
        elif span.type == "quote" and span.attrs.get("speaker"):
            found.append(str(span.attrs["speaker"]))
    return list(dict.fromkeys(found))


def _only_here(
    tokens: Sequence[Token], folder: WordFolder, outlets_using: dict[str, set[str]], outlet: str
) -> list[str]:
    words = []
    for token in tokens:
        if not token.is_word or token.norm in folder.stop_words or len(token.norm) < 2:
            continue
        stem = folder.stem(token.norm)
        if outlets_using.get(stem) == {outlet}:
            words.append(token.text)
    return list(dict.fromkeys(words))
