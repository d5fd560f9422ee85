"""Exercises read from one article at a time: hedge hunt and rewrite neutrally (who is speaking? is in
:mod:`.kinds_speakers`).

Each builder returns ranked :class:`ItemCandidate` items (nearest the class's grade
first, each outlet once before any outlet twice); an item's content is only made
when it is chosen, so blind-mode giveaways are noted for shown sentences only.
Only sound material is offered (:mod:`.sound`): whole sentences, passages that
stand on their own, confident comparison rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.common import outlet_of
from ..document import Span
from ..features.loaded_terms import curated_entries
from ..grammar import REACTION_VERBS
from .doubt import Doubt, passage_doubts
from .hedge_key import sure_answers, uneven_forms, unkeyed_twin
from .material import Material, clean, is_heading, reading_level, sentence_number, spans_within, spread
from .rewrite import fitting_alternative, model_rewrite
from .sound import readable, standing, writers_own

WINDOW = {"simple": 4, "standard": 5, "college": 6}  # sentences in a hedge-hunt passage
MIN_HEDGES = 2
MAX_ASKED = 3  # a hedge hunt asks for at least this many at most
OUTLETS_PER_GROUP = 2
REWRITE_WORDS = (8, 40)  # a sentence to rewrite: long enough to say something, short enough to copy out


@dataclass(frozen=True)
class ItemCandidate:
    """One possible item: a stable id (for ``--pick``), the outlet it is mostly about, a line for the
    teacher's preview, its confidence, and how to make it."""

    id: str
    outlet: str
    summary: str
    confidence: float | None  # a comparison row's confidence; None for material read from one article by rules
    make: Callable[[], dict[str, Any]]


def table(caption: str, columns: list[str], rows: list[list[Any]]) -> dict[str, Any]:
    return {"caption": caption, "columns": columns, "rows": [[str(cell) for cell in row] for row in rows]}


def offsets(start: Any, end: Any) -> str:
    """``start-end`` as whole numbers (a CSV round trip must not print ``193.0``); the key names the article."""
    return f"{int(float(start))}-{int(float(end))}"


# --- 1. hedge hunt ------------------------------------------------------------------


def hedge_hunt(m: Material) -> list[ItemCandidate]:
    """Passages of whole sentences that hold at least :data:`MIN_HEDGES` hedges the key may claim for sure
    (:func:`.hedge_key.sure_answers`); passages with hedges in the writer's own words rank first.

    Students are asked to find *at least* that many (:func:`hunt_count`), not every hedge: a key built from
    word-by-word decisions is rarely right on every word of a passage, and a strict teacher marked whole items
    wrong for one missed or doubtful word. A key that lists only sure words, and says other answers may be right,
    is correct by construction."""
    size = WINDOW[reading_level(m.grade)]
    found = []
    for analysis in m.analyses:
        doc = analysis.document
        body = [n for n, (start, end) in enumerate(doc.sentences) if not is_heading(doc.text[start:end])]
        seen: set[int] = set()  # sentences already in a candidate: two items never show the same sentence
        for first in range(0, len(body), size - 1):
            indexes = contiguous(standing(analysis, body[first:first + size], m.lexicons.abbreviations) or [])
            if len(indexes) < 3 or seen & set(indexes):
                continue
            start, end = doc.sentences[indexes[0]][0], doc.sentences[indexes[-1]][1]
            sure = sure_answers(m.lexicons, analysis, passage_doubts(m.lexicons, analysis, start, end))
            # two different words at least: "roughly … roughly" teaches one hedge twice
            if (len({d.text.lower() for d in sure}) >= MIN_HEDGES and not unkeyed_twin(doc.text, start, end, sure)
                    and not uneven_forms(doc.text, start, end, sure)):
                seen |= set(indexes)
                own = sum(whose_words(analysis, d) == WRITER for d in sure)
                found.append((analysis, indexes, doc.text[start:end], own, len(sure)))
    ranked = distinct(spread(m.rank(found, lambda c: m.grade_distance(c[2]) + max(0, 2 - c[3]) + max(0, 3 - c[4])),
                             lambda c: outlet_of(c[0])), lambda c: c[2])
    return [ItemCandidate(f"{a.document.id}:s{i[0] + 1}", outlet_of(a),
                      f"{m.name(outlet_of(a))}, sentences {i[0] + 1}–{i[-1] + 1}: {n} sure hedge(s), {own} in the "
                      f"writer's own words", None, lambda a=a, i=i: hedge_item(m, a, i)) for a, i, _, own, n in ranked]


def distinct(ranked: list[Any], text: Callable[[Any], str], run: int = 8) -> list[Any]:
    """``ranked`` without a candidate that shares a run of ``run`` words with a better one: two outlets often print
    one quotation, and a strict teacher sees a second item on the same quote as no new lesson."""
    kept, seen = [], set()
    for candidate in ranked:
        words = re.findall(r"[\w’']+", text(candidate).lower())
        runs = {tuple(words[n:n + run]) for n in range(max(0, len(words) - run + 1))}
        if not runs & seen:
            kept.append(candidate)
            seen |= runs
    return kept


def hunt_count(sure: int) -> int:
    """How many hedges students must find: every sure one, up to three (a short passage, a few minutes)."""
    return min(MAX_ASKED, sure)


def contiguous(indexes: list[int]) -> list[int]:
    """The run of consecutive sentences ``indexes`` opens with: a passage never skips a line of the article (a
    teacher found "Clinton, in turn, affirmed their claims" shown without the quote it answers, which the
    heading rule had left out for its missing full stop)."""
    run = indexes[:1]
    for index in indexes[1:]:
        if index != run[-1] + 1:
            break
        run.append(index)
    return run


def counted_hedges(analysis: ArticleAnalysis, start: int, end: int) -> list[Span]:
    """The hedges in ``start:end`` that framing counts: one marked possible (an accusation, a conditional's
    "will") is not a hedge a key may ask students to find."""
    return [span for span in spans_within(analysis, "hedge", start, end) if span.counted]


WRITER = "the writer"
QUOTED = "a quoted speaker"
RETOLD = "a source, retold"
UNSURE = ""  # neither surely the writer's nor surely another's: the key leaves whose words it is for discussion
# "has not yet said whether", "never claimed that": a negated reporting verb hands on no claim
_NEGATED = re.compile(r"(?:\bnot|n[’']t|\bnever|\bno\s+one|\byet\s+to)(?:\s+[\w’'-]+){0,2}\s*$", re.IGNORECASE)
_DOUBLE_QUOTES = re.compile("[\"“”„«»]")


def whose_words(analysis: ArticleAnalysis, doubt: Doubt) -> str:
    """Whose words a doubt is in, only where the sentence shows it: a quoted speaker's (inside quotation marks), a
    source's retold (inside the claim a reporting verb governs), the writer's (a sentence with no quotation and no
    other reporting cue); else :data:`UNSURE`. A strict teacher marked both guesses wrong: the writer's "has not
    yet said whether" labelled retold, and a hedge beside a saying credited to the writer."""
    doc = analysis.document
    if doubt.voice == "quoted" or doc.is_quoted(doubt.start, doubt.end):
        return QUOTED
    governing = [s for s in analysis.spans_of("attribution") if s.counted and not s.start <= doubt.start < s.end
                 and int(s.attrs.get("content_start") or -1) <= doubt.start < int(s.attrs.get("content_end") or -1)]
    if governing:
        negated = any(_NEGATED.search(doc.text[max(0, s.start - 30):s.start]) for s in governing)
        # "announces whether he plans to …": the open question is the writer's not knowing, not the source's words
        asked = doubt.category == "investigation" or any(
            not doc.text[int(s.attrs.get("content_start") or 0):doubt.start].strip() for s in governing)
        return UNSURE if negated or asked else RETOLD
    start, end = doc.sentences[doc.sentence_of(doubt.start)]
    other_cues = [s for s in analysis.spans_of("attribution") if start <= s.start < end
                  and not (s.start < doubt.end and doubt.start < s.end)]
    if other_cues or _DOUBLE_QUOTES.search(doc.text[start:end]) or doubt.voice == "paraphrase":
        return UNSURE
    return WRITER


def in_retold_claim(analysis: ArticleAnalysis, offset: int) -> bool:
    """Whether ``offset`` stands in the content of a counted attribution (not in its own cue)."""
    return any(s.counted and not s.start <= offset < s.end
               and int(s.attrs.get("content_start") or -1) <= offset < int(s.attrs.get("content_end") or -1)
               for s in analysis.spans_of("attribution"))


def hedge_item(m: Material, analysis: ArticleAnalysis, indexes: list[int]) -> dict[str, Any]:
    """The passage, how many hedges to find, and a key of the sure ones (:func:`.hedge_key.sure_answers`) that says
    plainly that other answers may be right."""
    passage = m.passage(analysis, indexes)
    first, last = passage["sentences"][0]["start"], passage["sentences"][-1]["end"]
    sure = sure_answers(m.lexicons, analysis, passage_doubts(m.lexicons, analysis, first, last))
    rows = [[sentence_number(passage, d.start), d.text, offsets(d.start, d.end)] for d in sure]
    asked = hunt_count(len(rows))
    notes = [f"Students were asked for at least {asked}. These are the hedges the tool is sure of; the passage may "
             "hold more. Give credit for any other word or phrase that marks a claim as uncertain, approximate or "
             "second-hand when the student says what doubt it adds (for example a “would” of prediction, an “if”, "
             "a “whether”, “expected to”)."]
    return {"passages": [passage], "answers": len(rows), "asked": asked, "key": {"tables": [
        table(f"Sure hedges in {passage['heading']}", ["Sentence", "Hedge", "Where"], rows)], "notes": notes}}


# --- 7. rewrite neutrally -------------------------------------------------------------------


def lexicon_loaded(m: Material, analysis: ArticleAnalysis, start: int, end: int) -> list[Any]:
    """Loaded terms in the writer's own words that the lexicon lists (not distancing, not scorer-only). Not in a
    claim the writer retells: "Brat said voters believed politics had been dumbed down" is Brat's wording, and a
    teacher would not have students rewrite a source's claim as if the journalist had judged."""
    listed = {entry.key.lower() for entry in curated_entries(m.lexicons)}
    return [s for s in spans_within(analysis, "loaded", start, end)
            if s.category != "distancing" and s.label.lower() in listed and s.counted
            and not analysis.document.is_quoted(s.start, s.end) and not reported_reaction(analysis, s)
            and s.attrs.get("voice") != "paraphrase" and not in_retold_claim(analysis, s.start)]


def reported_reaction(analysis: ArticleAnalysis, span: Span) -> bool:
    """Whether a loaded word is the object of a reaction verb a few words before it ("attracted the usual share of
    public ridicule"): it reports what others did, so a neutral rewrite would change the fact."""
    before = analysis.document.text[max(0, span.start - 60):span.start]
    words = re.findall(r"[\w’']+", re.split(r"[,;:.!?]", before)[-1].lower())[-6:]
    return any(w in REACTION_VERBS for w in words)


def unkeyed_loaded(analysis: ArticleAnalysis, keyed: list[Span]) -> bool:
    """Whether the sentence of ``keyed`` has a loaded word the key would not list (one the curated or learned
    lexicon marks only "possible", a distancing word, a scorer-only one): a model rewrite would keep it, and
    a teacher found rewrites that kept other snide words."""
    start, end = analysis.document.sentences[analysis.document.sentence_of(keyed[0].start)]
    places = {(s.start, s.end) for s in keyed}
    if any((s.start, s.end) not in places and not analysis.document.is_quoted(s.start, s.end)
           for s in spans_within(analysis, "loaded", start, end)):
        return True
    # "by insisting that he merely meant": a strict teacher counts a distancing reporting verb or a hedge as
    # colour the key must name too; the key names only loaded words, so such a sentence is not chosen
    return any(s.attrs.get("voice") != "quoted" for s in spans_within(analysis, "hedge", start, end)) or any(
        s.attrs.get("stance") == "distancing" for s in analysis.spans_of("source")
        if start <= int(s.attrs.get("cue_start") or -1) < end)


def rewrite_neutrally(m: Material) -> list[ItemCandidate]:
    """Whole sentences in the journalist's own words with lexicon-listed loaded terms; a model rewrite first."""
    found = []
    for analysis in m.analyses:
        doc = analysis.document
        for index, (start, end) in enumerate(doc.sentences):
            spans = lexicon_loaded(m, analysis, start, end)
            words = len(doc.text[start:end].split())
            if not spans or not REWRITE_WORDS[0] <= words <= REWRITE_WORDS[1] or unkeyed_loaded(analysis, spans):
                continue
            # the key's every alternative fits the sentence (a strict teacher found one that did not), and the
            # sentence is the writer's own, not a tweet or letter set out without quote marks
            if any(fitting_alternative(s.text, s.alternative) is None for s in spans) or not writers_own(
                    analysis, start):
                continue
            if any(q.start < end and q.end > start for q in doc.quotes if q.kind == "speech"):
                continue
            if standing(analysis, [index], m.lexicons.abbreviations) == [index]:
                rewritten = model_rewrite(doc.text[start:end], start, spans)
                found.append((analysis, index, len(spans), doc.text[start:end], rewritten is not None))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[3]) + (0 if c[4] else 2) + (0 if c[2] >= 2 else 1)),
                    lambda c: outlet_of(c[0]))
    return [ItemCandidate(f"{a.document.id}:s{i + 1}", outlet_of(a),
                      f"{m.name(outlet_of(a))}, sentence {i + 1}: {n} loaded term(s)"
                      f"{'' if fits else ', no model rewrite'}", None, lambda a=a, i=i: rewrite_item(m, a, i))
            for a, i, n, _, fits in ranked]


def rewrite_item(m: Material, analysis: ArticleAnalysis, index: int) -> dict[str, Any]:
    passage = m.passage(analysis, [index])
    sentence = passage["sentences"][0]
    spans = lexicon_loaded(m, analysis, sentence["start"], sentence["end"])
    original = analysis.document.text[sentence["start"]:sentence["end"]]
    suggestion = model_rewrite(original, sentence["start"], spans)
    entries = {entry.key.lower(): entry for entry in curated_entries(m.lexicons)}
    # an alternative is shown only where it fits the sentence's grammar ("harshest" is no place for "strict")
    terms = [[s.text, readable("loaded", s.category), s.note,
              "(omit the word)" if fitting_alternative(s.text, s.alternative) == "" else
              fitting_alternative(s.text, s.alternative) or "(none that fits here)",
              offsets(s.start, s.end)] for s in spans]
    sources = sorted({f"{entries[s.label.lower()].file.rsplit('/', 1)[-1]}:{entries[s.label.lower()].line}"
                      for s in spans})
    # the word list is no complete judge of colour: a strict teacher found other loaded words ("agonizing") kept by a
    # "model" rewrite, so the key names what it replaced and leaves the rest to the class
    note = (f"The flagged words replaced: “{m.mask(clean(suggestion))}” Other words may take sides too: accept a "
            "version that also changes them, if it keeps the facts." if suggestion else
            "No model rewrite: the word list's neutral alternatives do not fit this sentence's grammar; accept any "
            "version that keeps the facts and drops the loaded words.")
    return {
        "passages": [passage],
        "answers": len(spans),
        "words": " and ".join(f"“{m.mask(s.text)}”" for s in spans),
        "key": {"tables": [table("Loaded words the word list flags",
                                 ["Words", "Kind", "Why it is loaded", "Neutral alternative", "Where"], terms)],
                "notes": [note, "A good version keeps every name, number, date, place and “not” of the original and "
                                "drops the loaded words."],
                "small": f"Word list entries: {', '.join(sources)}; a student's version can be checked with "
                         "“framing exercises check ORIGINAL REWRITE”"},
    }
