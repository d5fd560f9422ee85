"""The learned lexicon: a token-level linear model of loaded language that adds to the curated one.

The curated ``loaded.tsv`` knows the words its editors listed; annotators of real news
mark many more ("testy", "tore into", "scathing"). So each word of an article is also
scored by a transparent logistic model over named features:

* ``word=<w>``: the word itself (its weight is a row of the editable ``learned_loaded.tsv``);
* ``stem=<s>``, ``suffix=<x>``, ``suffix4=<x>``, ``prefix=<x>``: its Porter2 stem, last three and
  four letters and first three ("-ous", "-ness", "dis-"),
  so an unseen inflection or a word of the same make carries some weight;
* ``prev=<w>``, ``next=<w>``: the neighbouring words ("tore" before "into");
* ``lexicon=<name>``: membership in each bundled lexicon (the curated loaded category,
  hedges, reporting verbs, source kinds);
* ``list=<name>``: membership (of the word or its stem) in each public word list of the model's
  ``learned_word_lists.tsv`` (Liu negative, strong subjectives, the NPOV bias lexicon...): an
  unseen word a list holds still carries that list's weight;
* ``voice=own|quoted|paraphrase`` (:mod:`framing.features.loaded_voice`), ``in_scare_quote``,
  ``capitalized`` (mid-sentence), ``first_sentence``, ``position`` (0 at the start of the
  article, 1 at the end) and ``sentence_slant`` (the sentence model, :mod:`framing.slant`).

A word whose probability reaches the model's threshold (its own for a lone sentence), and that no curated span covers,
is a loaded span with ``rule=learned_lexicon``, its ``score`` and ``why``, the named
contributions ("'reneged' as a word +1.60; writer's voice +0.40"). The learned model
never removes a curated row: where it is sure a curated match is not loaded (the probability of
its most loaded word under ``demote_below``: a phrase is loaded when one of its words is) the
curated span is kept but marked ``confidence: possible`` with the reason, and it is not counted
in the rates.

The model is trained on BABE and BASIL (AGPL-3.0 and research-use data) by
``scripts/train_learned_lexicon.py``, so it ships in ``lexicons/optional/loaded-research-use/``,
off by default.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..document import POSSIBLE, Document, Span
from ..learned_words import LEXICON_FEATURES
from ..lexicon_files import Entry
from ..lexicons import LearnedLexicon, Lexicons, term_tokens
from ..slant import score_sentences
from .learned_bound import reachable
from .learned_explain import explain, learned_note, learned_span
from .learned_word_features import is_content, own_features
from .loaded import inflection_index  # the curated extractor's own inflection rules
from .loaded_terms import FEATURE_LEXICONS
from .loaded_voice import VoiceReader


@dataclass(frozen=True, slots=True)
class TokenCandidate:
    """One word the model scores: its token index and named features."""

    index: int
    features: dict[str, float]


MEMBERSHIP_LEXICONS = ("loaded", *LEXICON_FEATURES)  # the lexicons read as ``lexicon=`` features, in reading order


class MemberLexicons(dict):
    """Memo, per lexicon set: how to find a word's (norm's) memberships, as ``(lexicon, membership)`` pairs in
    reading order, the membership None where the word's sentence must be matched.

    A word that no multi-word term of a lexicon holds is covered by one of its matches exactly when it is one
    of its one-word terms (a longer match covering it would hold it), and for ``loaded`` its category is that
    term's, or that of the one-word term it inflects (the curated extractor's rules): known from the word
    alone. Only a lexicon a multi-word term of which holds the word is matched, a sentence at a time.
    """

    def __init__(self, lexicons: Lexicons) -> None:
        super().__init__()
        self.lexicons = lexicons
        self.multi: dict[str, frozenset[str]] = {}  # lexicon → every word of its multi-word terms
        self.single: dict[str, dict[str, Entry]] = {}  # lexicon → its one-word terms (the first listed, as matched)
        for name in MEMBERSHIP_LEXICONS:
            terms = [term_tokens(entry.key) for entry in lexicons[name]]
            self.multi[name] = frozenset(word for words in terms if len(words) > 1 for word in words)
            single: dict[str, Entry] = {}
            for words, entry in zip(terms, lexicons[name], strict=True):
                if len(words) == 1:
                    single.setdefault(words[0], entry)
            self.single[name] = single

    def __missing__(self, norm: str) -> tuple[tuple[str, str | None], ...]:
        plan: list[tuple[str, str | None]] = []
        for name in MEMBERSHIP_LEXICONS:
            entry = self.single[name].get(norm)
            if norm in self.multi[name]:
                plan.append((name, None))
            elif entry is not None:
                plan.append((name, f"loaded:{entry['category']}" if name == "loaded" else name))
            elif name == "loaded" and (inflected := inflection_index(self.lexicons).entries_for({norm})):
                plan.append((name, f"loaded:{inflected[norm]['category']}"))
        self[norm] = found = tuple(plan)
        return found


@lru_cache(maxsize=8)
def member_lexicons(lexicons: Lexicons) -> MemberLexicons:
    """The :class:`MemberLexicons` memo of a lexicon set (immutable, so it stays valid)."""
    return MemberLexicons(lexicons)


def lexicon_matches(norms: Sequence[str], lexicons: Lexicons, name: str, offset: int = 0) -> dict[int, set[str]]:
    """For each token a match of lexicon ``name`` covers (index + ``offset``), its membership: the name, or for
    ``loaded`` the term's category (``loaded:<category>``), which an inflection of a one-word term has too."""
    found: dict[int, set[str]] = {}
    for first, end, entry in lexicons.matcher(name).match(norms):
        for index in range(first + offset, end + offset):
            found.setdefault(index, set()).add(f"loaded:{entry['category']}" if name == "loaded" else name)
    inflected = inflection_index(lexicons).entries_for(set(norms)) if name == "loaded" else None
    if inflected:
        for index, norm in enumerate(norms, offset):
            if norm in inflected and index not in found:
                found[index] = {f"loaded:{inflected[norm]['category']}"}
    return found


def lexicon_memberships(norms: Sequence[str], lexicons: Lexicons, offset: int = 0) -> dict[int, set[str]]:
    """For each token a lexicon match covers (index + ``offset``; most tokens have none), the bundled
    lexicons those matches belong to (loaded: by category). No term spans two sentences, so the
    document's memberships are its sentences' ones."""
    found: dict[int, set[str]] = {}
    for name in MEMBERSHIP_LEXICONS:
        for index, members in lexicon_matches(norms, lexicons, name, offset).items():
            found.setdefault(index, set()).update(members)
    return found


class TokenFeatureReader:
    """The model's features of each content word of one document (memberships, quotes, slant read once).

    ``context`` is every feature but the voice, which costs most to read; scoring adds the
    voice only for a word that could still reach the threshold (see :func:`learned_spans`).
    """

    def __init__(self, doc: Document, lexicons: Lexicons, slant: Sequence[float] | None = None,
                 lists: Mapping[str, tuple[str, ...]] | None = None, voices: VoiceReader | None = None) -> None:
        if lists is None:  # (training passes the lists it trains on; extraction reads the model's)
            lists = lexicons.learned_loaded.lists if lexicons.learned_loaded is not None else {}
        self.lists = lists
        if slant is None:  # (training passes the held-out scores; extraction the ones it already has)
            model = lexicons.slant_model
            slant = [s.probability for s in score_sentences(doc, model)] if model else []
        self.doc, self.slant = doc, slant
        self.columns, self.lexicons = doc.token_columns(), lexicons
        self.sentence_matches: dict[tuple[int, str], dict[int, set[str]]] = {}  # (sentence, lexicon) → matches
        self.member_lexicons = member_lexicons(lexicons)
        # (the loaded extractor passes the reader it then gives every loaded span's voice from: each sentence read once)
        self.voices = voices if voices is not None else VoiceReader(doc, lexicons.reporting_cues)
        self.scare = [(q.inner_start, q.inner_end) for q in doc.quotes if q.kind == "scare"]
        self.sentence_starts = {start for start, _ in doc.sentences}
        self.in_article = len(doc.sentences) > 1  # (a lone sentence has no place in an article)
        self.last = max(len(doc.sentences) - 1, 1)

    @cached_property
    def indexes(self) -> list[int]:
        """The content words: words of MIN_LENGTH letters or more that are not stop words."""
        words, stop = self.columns.is_word, self.lexicons.stop_words
        return [i for i, norm in enumerate(self.columns.norms) if words[i] and is_content(norm, stop)]

    def context(self, index: int) -> dict[str, float]:
        """Every feature of the word at token ``index`` except its voice."""
        columns = self.columns
        norms, norm, sentence = columns.norms, columns.norms[index], columns.sentences[index]
        features = dict.fromkeys(own_features(norm, self.lists), 1.0)
        features[f"prev={norms[index - 1] if index else '<start>'}"] = 1.0
        features[f"next={norms[index + 1] if index + 1 < len(norms) else '<end>'}"] = 1.0
        members = self.memberships(index)
        if members:
            features.update((f"lexicon={name}", 1.0) for name in members)
        start = columns.starts[index]
        if self.scare and any(a <= start < b for a, b in self.scare):
            features["in_scare_quote"] = 1.0
        if columns.texts[index][0].isupper() and start not in self.sentence_starts:
            features["capitalized"] = 1.0
        if self.in_article:
            features["position"] = sentence / self.last
            if sentence == 0:
                features["first_sentence"] = 1.0
        if sentence < len(self.slant):
            features["sentence_slant"] = self.slant[sentence]
        return features

    def memberships(self, index: int) -> set[str]:
        """The lexicons holding the word at ``index``: known from the word alone for most words
        (:class:`MemberLexicons`); a lexicon a multi-word term of which holds it is matched in its sentence,
        once per sentence and lexicon, on first use (most sentences of an article need none)."""
        found: set[str] = set()
        for name, member in self.member_lexicons[self.columns.norms[index]]:
            if member is not None:
                found.add(member)
                continue
            sentence = self.columns.sentences[index]
            matches = self.sentence_matches.get((sentence, name))
            if matches is None:
                tokens = self.voices.sentence_tokens(sentence)
                matches = self.sentence_matches[sentence, name] = lexicon_matches(
                    self.columns.norms[tokens.start:tokens.stop], self.lexicons, name, tokens.start)
            found.update(matches.get(index, ()))
        return found

    def voice_feature(self, index: int) -> str:
        return f"voice={self.voices.voice_of(index, index + 1).voice}"

    def features(self, index: int) -> dict[str, float]:
        """Every feature of the word at token ``index``."""
        features = self.context(index)
        features[self.voice_feature(index)] = 1.0
        return features


def token_candidates(doc: Document, lexicons: Lexicons, slant: Sequence[float] | None = None,
                     lists: Mapping[str, tuple[str, ...]] | None = None) -> list[TokenCandidate]:
    """Every content word of ``doc`` with the model's features (``slant``: each sentence's probability;
    ``lists``: the word lists, by default the loaded model's)."""
    reader = TokenFeatureReader(doc, lexicons, slant, lists)
    return [TokenCandidate(index, reader.features(index)) for index in reader.indexes]


def learned_spans(
    doc: Document, lexicons: Lexicons, model: LearnedLexicon, curated: Sequence[Span], slant: Sequence[float] = (),
    voices: VoiceReader | None = None,
) -> tuple[list[Span], dict[int, str]]:
    """The learned model's own spans (words no curated span covers, each with its voice), and curated spans it
    demotes.

    Returns ``(spans, demoted)``: ``demoted`` maps the position of a curated span in
    ``curated`` to the reason it is only "possible" (only spans that could be demoted are read: not a
    scare quote, not already "possible"). A word outside the curated spans whose score could not reach
    the threshold even in the most favourable voice is not read further.
    """
    scorer = model.scorer
    columns = doc.token_columns()
    covered: dict[int, int] = {}  # token index → the position of the curated span covering it
    for position, span in enumerate(curated):
        covered.update(dict.fromkeys(range(bisect_left(columns.starts, span.start),
                                           bisect_left(columns.starts, span.end)), position))
    threshold, shown = model.threshold_for(len(doc.sentences)), model.shown_from(len(doc.sentences))
    cut = math.log(shown / (1 - shown)) if 0 < shown < 1 else -math.inf
    demotable = {position for position, span in enumerate(curated) if could_demote(span)}
    doubtable = {index for index, position in covered.items() if position in demotable}
    reader = TokenFeatureReader(doc, lexicons, slant, model.lists, voices)
    spans: list[Span] = []
    note = ""  # (the spans' note, built on the first one)
    strongest: dict[int, tuple[float, Mapping[str, float]]] = {}  # each curated span's most loaded word
    for index in reachable(reader, model, covered.keys(), cut, doubtable):
        features = reader.features(index)
        probability = scorer.probability(features)
        position = covered.get(index)
        if position is not None:
            if probability > strongest.get(position, (-1.0, {}))[0]:
                strongest[position] = (probability, features)
        elif probability >= shown:
            note = note or learned_note(model)
            spans.append(learned_span(doc, index, features, probability, model, threshold, note,
                                      reader.voices.voice_of(index, index + 1)))
    demoted = {
        position: f"the learned lexicon gives it {probability:.2f} (< {model.demote_below:.2f}): "
        + explain(scorer, features)
        for position, (probability, features) in strongest.items() if probability < model.demote_below
    }
    return spans, demoted


def could_demote(span: Span) -> bool:
    """A curated span the learned lexicon may still demote: not a scare quote (one is never demoted), not
    already "possible" (the context scorer's doubt stands), and a row of a lexicon the model reads as features
    (``loaded.tsv``): a ``loaded_drama.tsv`` row lacks the membership weight every row the model was trained
    with has, so its low score would say which file the row is in, not whether the word is loaded."""
    return (span.label != "scare quote" and span.attrs.get("confidence") != POSSIBLE
            and span.attrs.get("lexicon", FEATURE_LEXICONS[0]) in FEATURE_LEXICONS)


