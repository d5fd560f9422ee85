"""The learned lexicon: a token-level linear model of loaded language that adds to the curated one.

The curated ``loaded.tsv`` knows the words its editors listed; annotators of real news
mark many more ("testy", "tore into", "scathing"). So each word of an article is also
scored by a transparent logistic model over named features:

* ``word=<w>``: the word itself (its weight is a row of the editable ``learned_loaded.tsv``);
* ``stem=<s>``, ``suffix=<x>``: its crude stem and last three letters ("-ous", "-ize"),
  so an unseen inflection or a word of the same make carries some weight;
* ``prev=<w>``, ``next=<w>``: the neighbouring words ("tore" before "into");
* ``lexicon=<name>``: membership in each bundled lexicon (the curated loaded category,
  hedges, reporting verbs, source kinds);
* ``voice=own|quoted|paraphrase`` (:mod:`framing.features.loaded_voice`), ``in_scare_quote``,
  ``capitalized`` (mid-sentence), ``first_sentence``, ``position`` (0 at the start of the
  article, 1 at the end) and ``sentence_slant`` (the sentence model, :mod:`framing.slant`).

A word whose probability reaches the model's threshold, and that no curated span covers,
is a loaded span with ``rule=learned_lexicon``, its ``score`` and ``why``, the named
contributions ("'reneged' as a word +1.60; writer's voice +0.40"). The learned model
never removes a curated row: where it is sure a curated match is not loaded (probability
under ``demote_below``) the curated span is kept but marked ``confidence: possible`` with
the reason, and it is not counted in the rates.

The model is trained on BABE and BASIL (AGPL-3.0 and research-use data) by
``scripts/train_learned_lexicon.py``, so it ships in ``lexicons/optional/loaded-learned/``,
off by default.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..document import Document, Span
from ..lexicons import LearnedLexicon, Lexicons
from ..slant import score_sentences
from .loaded_voice import VoiceReader

RULE = "learned_lexicon"
LEXICON_FEATURES = ("hedges", "reporting_verbs", "source_kinds")
MIN_LENGTH = 3
CONTEXT_LABELS = {
    "voice=own": "writer's voice",
    "voice=quoted": "inside a quotation",
    "voice=paraphrase": "in a paraphrase or denial",
    "in_scare_quote": "inside scare quotes",
    "capitalized": "capitalised",
    "first_sentence": "first sentence",
    "position": "position in the article",
    "sentence_slant": "slanted sentence",
}
PREFIX_LABELS = {"word=": "'{}' as a word", "stem=": "stem '{}'", "suffix=": "ending '-{}'",
                 "prev=": "after '{}'", "next=": "before '{}'", "lexicon=": "in lexicon {}"}


def stem(word: str) -> str:
    """A crude stem ("reneged" → reneg, "slamming" → slamm): shares weight between inflections."""
    for suffix in ("ingly", "edly", "ing", "ed", "ies", "es", "ly", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_LENGTH:
            return word[: -len(suffix)]
    return word


def feature_label(name: str) -> str:
    """A reader's words for a feature name."""
    if name in CONTEXT_LABELS:
        return CONTEXT_LABELS[name]
    prefix, _, value = name.partition("=")
    template = PREFIX_LABELS.get(prefix + "=")
    return template.format(value) if template else name


@dataclass(frozen=True, slots=True)
class TokenCandidate:
    """One word the model scores: its token index and named features."""

    index: int
    features: dict[str, float]


def lexicon_memberships(doc: Document, lexicons: Lexicons) -> list[set[str]]:
    """For each token, the bundled lexicons a match covering it belongs to (loaded: by category)."""
    from .loaded import inflection_index  # the curated extractor's own inflection rules

    norms = doc.token_columns().norms
    found: list[set[str]] = [set() for _ in norms]
    for first, end, entry in lexicons.matcher("loaded").match(norms):
        for index in range(first, end):
            found[index].add(f"loaded:{entry['category']}")
    inflected = inflection_index(lexicons).entries_for(set(norms))
    for index, norm in enumerate(norms):
        if norm in inflected and not found[index]:
            found[index].add(f"loaded:{inflected[norm]['category']}")
    for name in LEXICON_FEATURES:
        for first, end, _ in lexicons.matcher(name).match(norms):
            for index in range(first, end):
                found[index].add(name)
    return found


def token_candidates(doc: Document, lexicons: Lexicons, slant: Sequence[float] | None = None) -> list[TokenCandidate]:
    """Every content word of ``doc`` with the model's features (``slant``: each sentence's probability)."""
    columns = doc.token_columns()
    norms, texts = columns.norms, columns.texts
    if slant is None:  # (training passes the held-out scores; extraction the ones it already has)
        model = lexicons.slant_model
        slant = [s.probability for s in score_sentences(doc, model)] if model else []
    memberships = lexicon_memberships(doc, lexicons)
    voices = VoiceReader(doc, lexicons.reporting_cues)
    scare = [(q.inner_start, q.inner_end) for q in doc.quotes if q.kind == "scare"]
    sentence_starts = {start for start, _ in doc.sentences}
    last = max(len(doc.sentences) - 1, 1)
    stop = lexicons.stop_words
    result = []
    for index, norm in enumerate(norms):
        if not columns.is_word[index] or len(norm) < MIN_LENGTH or norm in stop or not norm[0].isalpha():
            continue
        sentence = columns.sentences[index]
        features = {f"word={norm}": 1.0, f"stem={stem(norm)}": 1.0, f"suffix={norm[-3:]}": 1.0,
                    f"prev={norms[index - 1] if index else '<start>'}": 1.0,
                    f"next={norms[index + 1] if index + 1 < len(norms) else '<end>'}": 1.0,
                    f"voice={voices.voice_of(index, index + 1).voice}": 1.0}
        if len(doc.sentences) > 1:
            features["position"] = sentence / last
        features.update((f"lexicon={name}", 1.0) for name in memberships[index])
        start = columns.starts[index]
        if any(a <= start < b for a, b in scare):
            features["in_scare_quote"] = 1.0
        if texts[index][0].isupper() and start not in sentence_starts:
            features["capitalized"] = 1.0
        if sentence == 0 and len(doc.sentences) > 1:  # (a lone sentence has no place in an article)
            features["first_sentence"] = 1.0
        if sentence < len(slant):
            features["sentence_slant"] = slant[sentence]
        result.append(TokenCandidate(index, features))
    return result


def learned_spans(
    doc: Document, lexicons: Lexicons, model: LearnedLexicon, curated: Sequence[Span], slant: Sequence[float] = ()
) -> tuple[list[Span], dict[int, str]]:
    """The learned model's own spans (words no curated span covers), and curated spans it demotes.

    Returns ``(spans, demoted)``: ``demoted`` maps the position of a curated span in
    ``curated`` to the reason it is only "possible".
    """
    scorer = model.scorer
    columns = doc.token_columns()
    covered: dict[int, int] = {}
    for position, span in enumerate(curated):
        first = bisect_left(columns.starts, span.start)
        covered.update((start, position) for start in columns.starts[first:bisect_left(columns.starts, span.end)])
    spans: list[Span] = []
    lowest: dict[int, tuple[float, Mapping[str, float]]] = {}
    for candidate in token_candidates(doc, lexicons, slant):
        start = columns.starts[candidate.index]
        probability = scorer.probability(candidate.features)
        if start in covered:
            position = covered[start]
            if probability < lowest.get(position, (1.0, {}))[0]:
                lowest[position] = (probability, candidate.features)
            continue
        if probability >= scorer.threshold:
            spans.append(_span(doc, candidate, probability, model))
    demoted = {
        position: f"the learned lexicon gives it {probability:.2f} (< {model.demote_below:.2f}): "
        + scorer.explain(features, labels=_labels(features))
        for position, (probability, features) in lowest.items()
        if probability < model.demote_below and curated[position].label != "scare quote"
    }
    return spans, demoted


def _labels(features: Mapping[str, float]) -> dict[str, str]:
    return {name: feature_label(name) for name in features}


def _span(doc: Document, candidate: TokenCandidate, probability: float, model: LearnedLexicon) -> Span:
    columns = doc.token_columns()
    start, end = columns.starts[candidate.index], columns.ends[candidate.index]
    features = candidate.features
    attrs = {"rule": RULE, "score": round(probability, 3),
             "why": model.scorer.explain(features, labels=_labels(features))}
    return Span("loaded", start, end, doc.text[start:end], columns.norms[candidate.index], "learned",
                "a word the learned lexicon scores as loaded (trained on expert annotation of news)",
                "(a plainer word)", attrs)
