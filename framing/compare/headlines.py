"""Headlines: what each adds or leaves out against the other outlets' headlines and its own body.

A headline is the one sentence most readers see, so what it names is the frame: the same
resignation is "Texas Rep. Blake Farenthold resigns" in one outlet and "GOP Rep. Blake
Farenthold Resigns After Sexual Harassment Allegations" in another. Each headline
(``Document.title``) is cut into elements (:mod:`.headline_elements`), looked up in other texts through
:mod:`.headline_carriers`: **actors**, **party**
labels, **allegations** and charges, **numbers** (and money) and **loaded** words. Then:

* **against the other headlines** (all other articles passed in; grouping articles into
  stories is the caller's job): an element *adds* when a majority of the other headlines
  lack it, and the headline *omits* an element a majority of the others carry. With three
  headlines that means: the only one to name it, or the only one not to. Variants count as
  the same element (GOP = Republicans, Farenthold = Blake Farenthold, Congress =
  Congressman, second = 2nd);
* **against its own body**: an element the body never carries (a party label, an allegation,
  a number, a loaded-term category, an actor the body never names);
* **certainty**: ``asserts_what_body_hedges``, when the headline has no hedge and is not a
  question but the body's version of its claim hedges. The body's version is the sentence
  sharing most of the headline's content words (stemmed), plus the lede.

``frame_differs`` is true when any element adds or is omitted against the other headlines,
when the headline adds an element its body lacks, or when few of its words occur in the body
(``MIN_COVERAGE``); ``reason`` says which, in words a reader can check.

``headlines`` table (one row per article with a title): outlet, article_id, headline,
headline_hedges, headline_question, headline_loaded, body_sentence, body_start, body_end,
body_hedges, overlap, coverage, headline_categories, body_categories,
asserts_what_body_hedges, elements, adds_vs_others, omits_vs_others, adds_vs_body,
frame_differs, reason. Elements are dicts: kind, text, start, end (offsets into
``Document.title``), keys, detail, body_start, body_end (where the article's text carries it,
else None); omitted elements are the other headline's, with its outlet and article_id (and
this article's body offsets, where its body carries them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from ..analysis import ArticleAnalysis, analyze_document
from ..corpus import parse_text
from ..lexicons import Lexicons
from .common import WordFolder, outlet_of, sentence_tokens
from .confidence import CONFIDENT_AT
from .headline_carriers import body_carrier, carrier, word_offsets
from .headline_elements import Element, headline_elements
from .headline_names import NameVocabulary, name_vocabulary
from .headline_words import writer_hedges
from .labels import LabelUse, Pins, collect_label_uses, load_pins

COLUMNS = [
    "outlet", "article_id", "headline", "headline_hedges", "headline_question", "headline_loaded",
    "body_sentence", "body_start", "body_end", "body_hedges", "overlap", "coverage",
    "headline_categories", "body_categories", "asserts_what_body_hedges",
    "asserts_what_body_calls_unclear", "elements", "adds_vs_others", "omits_vs_others", "adds_vs_body",
    "frame_differs", "reason", "confidence",
]
MIN_COVERAGE = 0.4
MIN_OVERLAP = 0.3
# Mention kinds whose entity key unifies spellings across headlines (N.C. = North Carolina, F.B.I. = FBI).
ENTITY_KINDS = frozenset({"person", "organisation", "place", "group"})
# How sure each kind of finding is (the reason prints it beside the finding).
ADD_SURE = 0.8  # an element the other headlines lack, none of them in another form
OMIT_SURE = 0.75
MIXED_SURE = 0.55  # the others carry different words of one kind, not one element
BODY_SURE = 0.6  # the body's words are looked up, not its meaning
COVERAGE_SURE = 0.5
HEDGE_SURE = 0.7  # the body sentence that best matches the headline hedges
HEDGE_LEDE_SURE = 0.5  # only the lede (or a sentence that shares few headline words) hedges: maybe another claim
HEDGE_OVERLAP = 0.5
# A body sentence sharing this many headline stems, with an "unknown" cue, calls the claim unclear.
UNCLEAR_SHARED = 2
# A row with no finding claims nothing; it is only as sure as the rules' reach.
NOTHING_SURE = 0.6  # below the bar: a frame the element kinds do not hold ("under fire from both sides") can differ

Analyzer = Callable[[str], ArticleAnalysis]


def build_headlines(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: WordFolder, analyze_title: Analyzer | None = None,
    *, mentions: Sequence[LabelUse] | None = None, pins: Pins | None = None,
) -> pd.DataFrame:
    """The headlines table (columns in the module docstring)."""
    if analyze_title is None:
        def analyze_title(title: str) -> ArticleAnalysis:
            return analyze_document(parse_text(title, lexicons, id="headline"), lexicons)

    pins = pins if pins is not None else load_pins(lexicons)
    mentions = list(mentions) if mentions is not None else collect_label_uses(analyses, pins, folder)
    vocab = name_vocabulary(analyses, mentions, folder)
    heads = []
    for analysis in analyses:
        title = analysis.document.title
        if title.strip():
            head = analyze_title(title.strip())
            heads.append(_Headline(analysis, head, title, lexicons, folder, vocab, pins, mentions))
    rows = []
    for index, head in enumerate(heads):
        others = heads[:index] + heads[index + 1:]
        rows.append(head.row(others, folder))
    return pd.DataFrame(rows, columns=COLUMNS)


class _Headline:
    """One headline with its elements and what its article's text offers."""

    def __init__(
        self, analysis: ArticleAnalysis, head: ArticleAnalysis, title: str, lexicons: Lexicons, folder: WordFolder,
        vocab: NameVocabulary, pins: Pins, mentions: Sequence[LabelUse],
    ) -> None:
        self.analysis, self.head = analysis, head
        self.outlet = outlet_of(analysis)
        self.shift = len(title) - len(title.lstrip())  # offsets index Document.title as given
        loaded = [s for s in head.spans if s.type == "loaded"]
        self.elements = headline_elements(head.document, loaded, lexicons, folder, vocab, pins)
        self.carrier = carrier(self.elements, word_offsets(head, folder))
        self.body = body_carrier(analysis, mentions, lexicons, folder)
        self.cues = lexicons.matcher("headline_cues")
        self.entities = {m.entity for m in head.document.mentions if m.entity}
        self.body_entities = {m.entity for m in analysis.document.mentions if m.entity}

    def entity(self, element: Element) -> str:
        """The mention layer's entity for a headline element ("N.C." → place:North Carolina), or ""."""
        for mention in self.head.document.mentions:
            if mention.entity and mention.kind in ENTITY_KINDS and mention.start < element.end \
                    and element.start < mention.end:
                return mention.entity
        return ""

    def as_dict(self, element: Element) -> dict[str, Any]:
        """An element as a table cell, with offsets into the headline and this article's body."""
        _, where = self.body.find(element)
        shift = self.shift
        return {
            "kind": element.kind, "text": element.text, "start": element.start + shift, "end": element.end + shift,
            "keys": list(element.keys), "detail": element.detail,
            "body_start": where[0] if where else None, "body_end": where[1] if where else None,
        }

    def row(self, others: Sequence[_Headline], folder: WordFolder) -> dict[str, Any]:
        adds, add_clauses = self.adds(others)
        omits, omit_clauses = self.omits(others)
        body_adds, unused = [], []
        for element in self.elements:
            missing, _ = self.body.find(element)
            entity = self.entity(element)
            if missing and not (entity and entity in self.body_entities):
                body_adds.append(self.as_dict(element))
                unused.append(_describe(element.kind, [element.text], missing if element.kind != "loaded" else ()))
        fields = self.body_fields(folder)
        hedged_best = fields.pop("hedged_best")  # the hedge is in the sentence that states the claim
        unclear = self.body_calls_unclear(folder)
        findings: list[tuple[float, str]] = []
        if fields["asserts_what_body_hedges"]:
            hedges = ", ".join(dict.fromkeys(fields["body_hedges"]))
            sure = HEDGE_SURE if hedged_best else HEDGE_LEDE_SURE
            findings.append((sure, f"the body hedges ({hedges}); the headline does not"))
        if unclear:
            findings.append(unclear)
        findings += omit_clauses + [(ADD_SURE, clause) for clause in add_clauses]
        if unused:
            findings.append((BODY_SURE, f"its body never mentions {_join(unused)}"))
        if fields["coverage"] < MIN_COVERAGE:
            findings.append((COVERAGE_SURE, f"only {fields['coverage']:.0%} of the headline's words occur in the body"))
        confidence, reason = _sureness(findings)
        return {
            "outlet": self.outlet,
            "article_id": self.analysis.document.id,
            "headline": self.head.document.text,
            **fields,
            "asserts_what_body_calls_unclear": bool(unclear),
            "elements": [self.as_dict(element) for element in self.elements],
            "adds_vs_others": adds,
            "omits_vs_others": omits,
            "adds_vs_body": body_adds,
            "frame_differs": bool(adds or omits or body_adds or unclear) or fields["coverage"] < MIN_COVERAGE,
            "reason": reason,
            "confidence": confidence,
        }

    def body_calls_unclear(self, folder: WordFolder) -> tuple[float, str] | None:
        """A body sentence on the headline's claim that calls it unclear or unknown, while the headline asserts.

        The sentence must share ``UNCLEAR_SHARED`` or more of the headline's content stems and
        hold an ``unknown`` row of ``headline_cues.tsv`` ("unclear", "not known", "no evidence");
        the headline must hold no hedge and not be a question.
        """
        head = self.head
        if head.document.text.rstrip().endswith("?") or any(s.type == "hedge" and s.counted for s in head.spans):
            return None
        doc = self.analysis.document
        head_stems = set(folder.content_stems(head.document.tokens))
        best: tuple[float, str] | None = None
        for index, tokens in enumerate(sentence_tokens(doc)):
            shared = head_stems & set(folder.content_stems(tokens))
            if len(shared) < UNCLEAR_SHARED:
                continue
            start, end = doc.sentences[index]
            cues = [(tokens[first].start, tokens[last - 1].end)
                    for first, last, entry in self.cues.match([t.norm for t in tokens]) if entry["kind"] == "unknown"]
            if not cues:
                continue
            sure = min(0.9, 0.5 + 0.1 * len(shared))
            cue_start, cue_end = cues[0]
            clause = (f"the headline asserts what its body calls not established: '{doc.text[cue_start:cue_end]}' at "
                      f"{cue_start}-{cue_end}, in the sentence at {start}-{end} that shares "
                      f"{', '.join(sorted(shared)[:5])} with the headline")
            if best is None or sure > best[0]:
                best = (sure, clause)
        return best

    def adds(self, others: Sequence[_Headline]) -> tuple[list[dict[str, Any]], list[str]]:
        """Elements that a majority of the other headlines lack, with one clause per set of lacking outlets."""
        cells = []
        grouped: dict[tuple[str, ...], list[str]] = {}
        for element in self.elements:
            lacking: dict[str, list[str]] = {}
            entity = self.entity(element)
            for other in others:
                if entity and entity in other.entities:
                    continue  # the other headline says it in another form (N.C. = North Carolina)
                missing, _ = other.carrier.find(element)
                for key in missing:
                    lacking.setdefault(key, []).append(other.outlet)
            keys = [key for key, outlets in lacking.items() if len(outlets) > len(others) / 2]
            if not keys:
                continue
            cell = self.as_dict(element)
            cell["lacking"] = sorted({o for key in keys for o in lacking[key]})
            cells.append(cell)
            grouped.setdefault(tuple(cell["lacking"]), []).append(_describe(element.kind, [element.text], keys))
        clauses = [f"adds {_join(what)}, which {_who(outlets, len(others))} lack{'s' if len(outlets) == 1 else ''}"
                   for outlets, what in grouped.items()]
        return cells, clauses

    def omits(self, others: Sequence[_Headline]) -> tuple[list[dict[str, Any]], list[tuple[float, str]]]:
        """Elements that a majority of the other headlines carry and this one lacks."""
        carried: dict[tuple[str, str], list[tuple[_Headline, Element]]] = {}
        for other in others:
            for element in other.elements:
                entity = other.entity(element)
                if entity and entity in self.entities:
                    continue  # this headline says it in another form
                missing, _ = self.carrier.find(element)
                for key in missing:
                    carried.setdefault((element.kind, key), []).append((other, element))
        cells = []
        # (outlets, in body) → (kind, the words) → the keys they name, so one phrase is named once.
        grouped: dict[tuple[tuple[str, ...], bool], dict[tuple[str, tuple[str, ...]], list[str]]] = {}
        for (kind, key), found in carried.items():
            outlets = tuple(sorted({other.outlet for other, _ in found}))
            if len(outlets) <= len(others) / 2:
                continue
            in_body = False
            for other, element in found:
                cell = other.as_dict(element)
                cell.update({"outlet": other.outlet, "article_id": other.analysis.document.id, "missing": key})
                _, where = self.body.find(element)
                in_body = in_body or where is not None
                cell["body_start"], cell["body_end"] = (where[0], where[1]) if where else (None, None)
                cells.append(cell)
            texts = tuple(dict.fromkeys(element.text for _, element in found))
            grouped.setdefault((outlets, in_body), {}).setdefault((kind, texts), []).append(key)
        clauses = []
        for (outlets, in_body), what in grouped.items():
            named = _join([_describe(kind, texts, keys) for (kind, texts), keys in what.items()])
            verb = "names" if len(outlets) == 1 else "name"
            body = " (its body has it)" if in_body else ""
            # Different loaded words ('demagogue' / 'Sane') share only a category: no one word is left out.
            mixed = any(kind == "loaded" and len(texts) > 1 for kind, texts in what)
            clauses.append((MIXED_SURE if mixed else OMIT_SURE,
                            f"leaves out {named}, which {_who(outlets, len(others))} {verb}{body}"))
        return cells, clauses

    def body_fields(self, folder: WordFolder) -> dict[str, Any]:
        """The body sentence that states the headline's claim, its hedges, and word coverage."""
        analysis, head = self.analysis, self.head
        doc = analysis.document
        head_stems = set(folder.content_stems(head.document.tokens))
        groups = sentence_tokens(doc)
        headings = folder.headings(doc)
        body_stems: set[str] = set()
        best, best_overlap = None, 0.0
        overlaps = []
        for index, tokens in enumerate(groups):
            stems = set(folder.content_stems(tokens))
            body_stems |= stems
            overlaps.append(len(head_stems & stems) / len(head_stems) if head_stems else 0.0)
            if overlaps[-1] > best_overlap and index not in headings:
                best, best_overlap = index, overlaps[-1]
        chosen = [best] if best is not None and best_overlap >= MIN_OVERLAP else []
        lede = next((index for index in range(len(groups)) if index not in headings), None)
        if lede is not None and lede not in chosen and (overlaps[lede] >= MIN_OVERLAP or not chosen):
            # The lede (first sentence that is not a heading) states the main claim, unless it shares few of
            # the headline's words while another sentence states the headline ("It is a lesson … never seem to learn").
            chosen.append(lede)
        body_hedges = []
        hedged_best = False
        for index in chosen:
            hedges = writer_hedges(analysis, *doc.sentences[index])
            body_hedges += hedges
            hedged_best = hedged_best or (bool(hedges) and index == best and best_overlap >= HEDGE_OVERLAP)
        head_hedges = [s.text for s in head.spans if s.type == "hedge" and s.counted]
        question = head.document.text.endswith("?")
        head_categories = sorted({s.category for s in head.spans if s.type == "loaded" and s.category})
        first = chosen[0] if chosen else None
        start, end = doc.sentences[first] if first is not None else (None, None)
        return {
            "headline_hedges": head_hedges,
            "headline_question": question,
            "headline_loaded": [s.text for s in head.spans if s.type == "loaded"],
            "body_sentence": doc.text[start:end] if start is not None else "",
            "body_start": start,
            "body_end": end,
            "body_hedges": body_hedges,
            "overlap": round(best_overlap, 3),
            "coverage": round(len(head_stems & body_stems) / len(head_stems), 3) if head_stems else 1.0,
            "headline_categories": head_categories,
            "body_categories": sorted({s.category for s in analysis.spans if s.type == "loaded" and s.category}),
            "asserts_what_body_hedges": not head_hedges and not question and bool(body_hedges),
            "hedged_best": hedged_best,
        }


def _sureness(findings: Sequence[tuple[float, str]]) -> tuple[float, str]:
    """The row's confidence (its surest finding) and reason: sure findings first, weaker ones as possible."""
    if not findings:
        return NOTHING_SURE, ("no element added or left out against the other headlines or the body (possibly: "
                              "a frame in other words, not actors, labels, numbers or loaded words, is not compared)")
    ordered = sorted(findings, key=lambda finding: -finding[0])
    sure = [f"{clause} ({value:.2f})" for value, clause in ordered if value >= CONFIDENT_AT]
    weak = [f"{clause} ({value:.2f})" for value, clause in ordered if value < CONFIDENT_AT]
    reason = "; ".join(sure)
    if weak:
        reason += ("; possibly: " if reason else "possibly: ") + "; ".join(weak)
    return ordered[0][0], reason


def _describe(kind: str, texts: Sequence[str], keys: Sequence[str]) -> str:
    """An element for the reason: "the party label 'GOP' (Republican)", "Blake Farenthold"."""
    variants = list(dict.fromkeys(_display(text) for text in texts))
    if kind == "actor":
        return " / ".join(variants)
    quoted = " / ".join(f"'{text}'" for text in variants)
    if kind == "number" and list(keys) == ["money"]:
        return f"{quoted} (money)"
    detail = f" ({', '.join(keys)})" if kind in ("party", "allegation") and keys else ""
    noun = {"party": "the party label", "allegation": "the allegation", "number": "the number",
            "loaded": "the loaded word"}[kind]
    return f"{noun} {quoted}{detail}"


def _display(text: str) -> str:
    """Headline words as a reader names them: no possessive, no quotation marks around them."""
    text = text.strip("'\"‘’“”")
    for ending in ("'s", "’s"):
        text = text.removesuffix(ending)
    return text


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _who(outlets: Sequence[str], n_others: int) -> str:
    """The other headlines: "the fox headline", "the fox and nyt headlines", "every other headline"."""
    if n_others > 2 and len(outlets) == n_others:
        return "every other headline"
    return f"the {_join(list(outlets))} headline{'s' if len(outlets) > 1 else ''}"
