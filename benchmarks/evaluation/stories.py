"""framing on real three-outlet events: BASIL (Fan et al. 2019), Fox News, NYT and HuffPost.

BASIL's expert annotators marked, in each article, the phrases that carry lexical bias
(``lex``: the wording itself takes sides) or informational bias (``inf``: what is told,
and how much). Each phrase says whether it sits in a quotation (``quote``). This module
reads the development half and measures what the issue "Any story" asks of framing:

* **own-voice loaded precision**: the share of framing's loaded spans in the writer's own
  words that touch any BASIL bias phrase (lexical or informational, quoted or not: a
  loaded word inside an informational-bias sentence is still a word annotators judged);
* **lexical recall**: the share of BASIL's lexical phrases in the writer's own words
  (``quote = no``) that a loaded span in the writer's own words touches;
* **outlet ordering**: within each event, for every pair of outlets whose annotated
  lexical-bias rates differ, whether framing's own-voice loaded rate orders them the same
  way (a tie in framing's rates counts half). Public word lists are scored the same way
  as baselines, so the figure can be read against what a plain list achieves.

Articles become Documents without cleaning: sentences joined by a space, paragraphs by
a blank line, so every BASIL offset maps exactly onto ``Document.text``.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path
from typing import Any

import pandas as pd

from framing.analysis import ArticleAnalysis, analyze, analyze_document
from framing.compare.common import WordFolder
from framing.compare.labels import collect_label_uses, load_pins
from framing.compare.voices import build_voices
from framing.document import Document
from framing.lexicons import Lexicons
from framing.linear_model import LinearScorer
from framing.training import AnnotatedText, fit_scorer, loaded_examples

from .datasets import BABE, dataset_file, read_babe, read_jsonl, to_document
from .gold_loaded import read_gold_loaded, score_gold
from .learned import cached_run, learned_story_figures, model_lists, own_voice_spans
from .metrics import overlaps

BASIL = "stories/basil_dev.jsonl"
PARAGRAPH_BREAK = "\n\n"
SENTENCE_BREAK = " "
# Public word lists scored as baselines (paths under the datasets folder; see its lexicons/README.md).
BASELINE_LISTS = {
    "npov": "lexicons/recasens2013/bias-lexicon/bias-lexicon_og.txt",  # Recasens et al. 2013 NPOV bias lexicon
    "liu_negative": "lexicons/recasens2013-other-via-pryzant/negative_liu2005.txt",  # Liu negative opinion words
    "riloff_strong": "lexicons/recasens2013-other-via-pryzant/strong_subjectives_riloff2003.txt",  # Riloff & Wiebe
}


@dataclass(frozen=True, slots=True)
class BiasPhrase:
    """One annotated phrase, with offsets into the article's joined text."""

    start: int
    end: int
    kind: str  # "lex" or "inf"
    quoted: bool
    text: str


@dataclass(frozen=True, slots=True)
class StoryArticle:
    id: str
    event: str
    outlet: str
    title: str
    text: str
    phrases: tuple[BiasPhrase, ...]


def join_paragraphs(paragraphs: Sequence[Sequence[str]]) -> tuple[str, list[int]]:
    """The article text and each sentence's start offset, in BASIL's flat sentence order."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for p_index, paragraph in enumerate(paragraphs):
        if p_index:
            parts.append(PARAGRAPH_BREAK)
            offset += len(PARAGRAPH_BREAK)
        for s_index, sentence in enumerate(paragraph):
            if s_index:
                parts.append(SENTENCE_BREAK)
                offset += len(SENTENCE_BREAK)
            starts.append(offset)
            parts.append(sentence)
            offset += len(sentence)
    return "".join(parts), starts


def read_basil(path: str | Path, limit: int | None = None) -> list[StoryArticle]:
    """BASIL articles with their bias phrases; a phrase whose offsets do not hold its text is an error."""
    articles = []
    for line, row in read_jsonl(path, limit):
        text, starts = join_paragraphs(row["paragraphs"])
        phrases = []
        for note in row.get("phrase_level_annotations", []):
            if note["sentence_index"] < 0:  # a phrase of the headline, which the body figures leave out
                continue
            start = starts[note["sentence_index"]] + note["start"]
            end = starts[note["sentence_index"]] + note["end"]
            if text[start:end] != note["txt"]:
                raise ValueError(f"{path}:{line}: phrase {note.get('id')} does not match its offsets")
            phrases.append(BiasPhrase(start, end, note["bias"], note["quote"] == "yes", note["txt"]))
        articles.append(StoryArticle(row["id"], row["triplet_uuid"], row["source"], row["title"], text, tuple(phrases)))
    return articles


def own_voice_loaded(analysis: ArticleAnalysis) -> list[tuple[int, int]]:
    """Offsets of the loaded spans in the writer's own words (outside speech quotes)."""
    doc = analysis.document
    return [(s.start, s.end) for s in analysis.spans if s.type == "loaded" and not doc.is_quoted(s.start, s.end)
            and s.counted]


def own_word_count(doc: Document) -> int:
    return max(doc.n_words - doc.n_quoted_words, 1)


def lexical_rate(article: StoryArticle, doc: Document) -> float:
    """The annotators' lexical-bias phrases in the writer's own words, per 1,000 own words."""
    count = sum(1 for p in article.phrases if p.kind == "lex" and not p.quoted)
    return 1000.0 * count / own_word_count(doc)


def pairwise_concordance(rates: dict[str, list[tuple[float, float]]]) -> dict[str, float]:
    """Within each event, outlet pairs ordered alike by predicted and gold rates (gold ties skipped)."""
    agree, pairs = 0.0, 0
    for outlets in rates.values():
        for (pred_a, gold_a), (pred_b, gold_b) in combinations(outlets, 2):
            if gold_a == gold_b:
                continue
            pairs += 1
            if pred_a == pred_b:
                agree += 0.5
            elif (pred_a > pred_b) == (gold_a > gold_b):
                agree += 1.0
    return {"concordance": round(agree / pairs, 3) if pairs else 0.0, "pairs": pairs}


def span_scores(
    articles: Sequence[StoryArticle], predicted: dict[str, list[tuple[int, int]]]
) -> dict[str, Any]:
    """Precision against any bias phrase; recall of the writer's own lexical phrases."""
    hits = flagged = found = lexical = 0
    for article in articles:
        spans = predicted[article.id]
        every = [(p.start, p.end) for p in article.phrases]
        flagged += len(spans)
        hits += sum(1 for start, end in spans if overlaps(start, end, every))
        own_lexical = [p for p in article.phrases if p.kind == "lex" and not p.quoted]
        lexical += len(own_lexical)
        found += sum(1 for p in own_lexical if overlaps(p.start, p.end, spans))
    precision = hits / flagged if flagged else 0.0
    recall = found / lexical if lexical else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "flagged": flagged, "lexical_phrases": lexical}


def read_word_list(path: Path) -> frozenset[str]:
    """A reference list: one lower-case entry a line, ``#`` and ``;`` comments skipped."""
    words = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip().lower()
        if line and not line.startswith(("#", ";")):
            words.add(line)
    return frozenset(words)


def word_list_spans(doc: Document, words: frozenset[str]) -> list[tuple[int, int]]:
    """Own-voice tokens whose norm is in the list."""
    return [(t.start, t.end) for t in doc.tokens
            if t.is_word and t.norm in words and not doc.is_quoted(t.start, t.end)]


def score_system(
    articles: Sequence[StoryArticle],
    docs: dict[str, Document],
    spans_of: Callable[[StoryArticle], list[tuple[int, int]]],
) -> dict[str, Any]:
    """Span precision/recall and outlet ordering for one way of finding loaded words."""
    predicted = {a.id: spans_of(a) for a in articles}
    rates: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for article in articles:
        doc = docs[article.id]
        rate = 1000.0 * len(predicted[article.id]) / own_word_count(doc)
        rates[article.event].append((rate, lexical_rate(article, doc)))
    return {**span_scores(articles, predicted), "ordering": pairwise_concordance(rates)}


def evaluate_stories(data_dir: str | Path, lexicons: Lexicons, limit: int | None = None) -> dict[str, Any]:
    """framing and the public word lists on BASIL's development events.

    The learned lexicon and slant model of the optional set were fitted on these events, so they are
    left out of ``lexicons`` and scored only from held-out predictions (``learned_cross_validated``).
    """
    lists = model_lists(lexicons)  # (the word lists the shipped model reads: the retraining reads them too)
    lexicons = replace(lexicons, learned_loaded=None, slant_model=None)
    articles = read_basil(dataset_file(data_dir, BASIL), limit)
    analyses = {a.id: analyze_document(to_document(a.text, lexicons, a.id), lexicons) for a in articles}
    docs = {key: analysis.document for key, analysis in analyses.items()}
    context_scorer = lexicons.loaded_scorer  # (optional set only: trained on research-use data)
    # The lexicon and its rules, before any learned model.
    rules_only = replace(lexicons, loaded_scorer=None, learned_loaded=None, slant_model=None)
    unscored = {a.id: analyze_document(docs[a.id], rules_only) for a in articles}
    result: dict[str, Any] = {
        "events": len({a.event for a in articles}),
        "articles": len(articles),
        "loaded": score_system(articles, docs, lambda a: own_voice_loaded(analyses[a.id])),
        "loaded_rules_only": score_system(articles, docs, lambda a: own_voice_loaded(unscored[a.id])),
        "baselines": {},
    }
    if context_scorer is not None:
        result["loaded_cross_validated"] = cross_validated_loaded(articles, docs, data_dir, lexicons)
    curated = {a.id: [(s.start, s.end) for s in unscored[a.id].spans if s.type == "loaded"] for a in articles}
    held = cached_run(str(data_dir), rules_only, lists)
    result["learned_cross_validated"] = learned_story_figures(articles, docs, curated, rules_only, held)
    shorter = result["learned_cross_validated"]["ordering_shorter_is_more_loaded"]
    result["baselines"]["shorter_is_more_loaded"] = {"ordering": shorter}  # beside the public lists
    gold = read_gold_loaded(data_dir)
    if gold:
        every_voice = {a.id: own_voice_spans(docs[a.id], rules_only, curated[a.id], held, a.id,
                                                     within="all")
                       for a in articles if a.id in gold}
        result["gold_dev_loaded"] = {"lexicon": score_gold(gold, curated),
                                     "lexicon_and_learned_held_out": score_gold(gold, every_voice)}
    for name, relative in BASELINE_LISTS.items():
        path = Path(data_dir) / relative
        if path.is_file():
            words = read_word_list(path)
            result["baselines"][name] = score_system(articles, docs, lambda a, w=words: word_list_spans(docs[a.id], w))
    result["errors"] = error_sample(articles, analyses)
    result["voices"] = role_shares(all_event_voices(dataset_file(data_dir, BASIL), lexicons))
    return result


def error_sample(articles: Iterable[StoryArticle], analyses: dict[str, ArticleAnalysis]) -> dict[str, list[str]]:
    """The most frequent false alarms and misses, as short phrases (no article text beyond them)."""
    false_alarms: dict[str, int] = defaultdict(int)
    misses: dict[str, int] = defaultdict(int)
    for article in articles:
        spans = own_voice_loaded(analyses[article.id])
        every = [(p.start, p.end) for p in article.phrases]
        for start, end in spans:
            if not overlaps(start, end, every):
                false_alarms[article.text[start:end].lower()] += 1
        for phrase in article.phrases:
            if phrase.kind == "lex" and not phrase.quoted and not overlaps(phrase.start, phrase.end, spans):
                misses[phrase.text.lower()[:40]] += 1
    return {"false_alarms": most_frequent(false_alarms), "misses": most_frequent(misses)}


def most_frequent(counts: dict[str, int], most: int = 25) -> list[str]:
    """``"phrase (count)"`` for the most frequent phrases, ties in alphabetical order."""
    return [f"{k} ({v})" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:most]]


def event_voices(path: Path, lexicons: Lexicons) -> pd.DataFrame:
    """The comparison's voices table for one event's corpus file, as `framing compare` builds it."""
    analyses = analyze([path], lexicons=lexicons)
    folder = WordFolder(lexicons.stop_words)
    mentions = collect_label_uses(analyses, load_pins(lexicons), folder)
    return build_voices(analyses, lexicons, folder, mentions=mentions)


def all_event_voices(path: str | Path, lexicons: Lexicons) -> pd.DataFrame:
    """Every event's voices, with an ``event`` column (the corpora live in a temporary folder)."""
    frames = []
    with tempfile.TemporaryDirectory(prefix="framing-stories-") as tmp:
        for corpus in dump_events(path, tmp):
            frame = event_voices(corpus, lexicons)
            frame.insert(0, "event", corpus.stem)
            frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def role_shares(voices: pd.DataFrame) -> dict[str, Any]:
    """The share of voices left without a role (``other``), and every role's share."""
    total = len(voices)
    shares = voices.role.value_counts(normalize=True).round(3).to_dict() if total else {}
    return {"voices": total, "no_role_share": shares.get("other", 0.0), "roles": shares}


def basil_texts(data_dir: Path) -> list[AnnotatedText]:
    return [
        AnnotatedText(a.id, f"basil:{a.event}", a.text, tuple((p.start, p.end) for p in a.phrases), "basil")
        for a in read_basil(dataset_file(data_dir, BASIL))
    ]


def basil_lexical_texts(data_dir: Path) -> list[AnnotatedText]:
    """BASIL articles with only their lexical-bias phrases marked (what a word model can learn)."""
    return [
        AnnotatedText(a.id, f"basil:{a.event}", a.text,
                      tuple((p.start, p.end) for p in a.phrases if p.kind == "lex"), "basil")
        for a in read_basil(dataset_file(data_dir, BASIL))
    ]


def babe_labels(data_dir: Path) -> dict[str, bool]:
    """BABE's sentence labels (Biased → True) by the ids :func:`babe_texts` gives."""
    return {s.id: s.label == "Biased" for s in read_babe(dataset_file(data_dir, BABE))
            if s.label in {"Biased", "Non-biased"}}


def word_occurrences(text: str, phrases: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where each annotated phrase occurs in the sentence (BABE lists words, not offsets)."""
    found = []
    for phrase in phrases:
        pattern = r"(?<!\w)" + re.escape(phrase.strip()) + r"(?!\w)"
        found += [(m.start(), m.end()) for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    return tuple(sorted(set(found)))


def babe_texts(data_dir: Path) -> list[AnnotatedText]:
    return [
        AnnotatedText(s.id, f"babe:{s.id}", s.text, word_occurrences(s.text, s.biased_words), "babe")
        for s in read_babe(dataset_file(data_dir, BABE))
        if s.label in {"Biased", "Non-biased"}
    ]


def cross_validated_loaded(
    articles: Sequence[StoryArticle], docs: dict[str, Document], data_dir: str | Path, lexicons: Lexicons,
    *, folds: int = 5,
) -> dict[str, Any]:
    """The loaded figures with the scorer retrained per fold of events, never on the event it scores.

    Each fold trains on BABE's development half and the other folds' BASIL events (as
    ``scripts/train_loaded_scorer.py`` does for the shipped model) and scores the held-out
    events' articles; the figures pool every held-out prediction.
    """
    training = {t.id: t for t in basil_texts(data_dir)}
    babe = loaded_examples(babe_texts(data_dir), lexicons)
    events = sorted({a.event for a in articles})
    fold_of = {event: index % folds for index, event in enumerate(events)}
    predicted: dict[str, list[tuple[int, int]]] = {}
    for fold in range(folds):
        train = [training[a.id] for a in articles if fold_of[a.event] != fold]
        model = fit_scorer(babe + loaded_examples(train, lexicons), provenance={})
        scorer = LinearScorer(model["weights"], model["intercept"], model["threshold"], {}, f"fold {fold}")
        fold_lexicons = replace(lexicons, loaded_scorer=scorer)
        for article in articles:
            if fold_of[article.event] == fold:
                predicted[article.id] = own_voice_loaded(analyze_document(docs[article.id], fold_lexicons))
    return score_system(articles, docs, lambda a: predicted[a.id])


def dump_events(path: str | Path, out_dir: str | Path) -> list[Path]:
    """Write each event as a framing corpus (JSONL: id, outlet, title, text) for `framing compare`."""
    by_event: dict[str, list[StoryArticle]] = defaultdict(list)
    for article in read_basil(path):
        by_event[article.event].append(article)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for event, articles in sorted(by_event.items()):
        target = out / f"{event}.jsonl"
        rows = [{"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text} for a in articles]
        target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        written.append(target)
    return written
