"""Exercises read from one article at a time: hedge hunt, who is speaking?, rewrite neutrally.

Each builder returns ranked :class:`Candidate` items (nearest the class's grade
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
from ..grammar import REACTION_VERBS
from .doubt import Doubt, passage_doubts, second_hand, uncounted
from .hedge_key import guess_modals, split_answers, uneven_forms
from .material import Material, clean, is_heading, reading_level, sentence_number, spans_within, spread
from .rewrite import fitting_alternative, model_rewrite
from .sound import readable, standing, writers_own
from .voice_labels import label_shown
from .voices import confident_voices, keyed_completely, shown_name

WINDOW = {"simple": 4, "standard": 5, "college": 6}  # sentences in a hedge-hunt passage
MIN_HEDGES = 2
OUTLETS_PER_GROUP = 2
REWRITE_WORDS = (8, 40)  # a sentence to rewrite: long enough to say something, short enough to copy out


@dataclass(frozen=True)
class Candidate:
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


def hedge_hunt(m: Material) -> list[Candidate]:
    """Passages of whole sentences with at least two clear-cut hedges (:mod:`.hedge_key`), one of them the
    writer's own; passages with words only to discuss rank last."""
    size = WINDOW[reading_level(m.grade)]
    found = []
    for analysis in m.analyses:
        doc = analysis.document
        body = [n for n, (start, end) in enumerate(doc.sentences) if not is_heading(doc.text[start:end])]
        seen: set[int] = set()  # sentences already in a candidate: two items never show the same sentence
        for first in range(0, len(body), size - 1):
            indexes = contiguous(standing(analysis, body[first:first + size], m.lexicons.abbreviations) or [])
            if len(indexes) < 3:
                continue
            start, end = doc.sentences[indexes[0]][0], doc.sentences[indexes[-1]][1]
            hedges, discuss = split_answers(m.lexicons, analysis, passage_doubts(m.lexicons, analysis, start, end))
            own = [d for d in hedges if whose_words(analysis, d) == WRITER]
            answerable = [d for d in hedges if whose_words(analysis, d) != UNSURE]
            listed = passage_doubts(m.lexicons, analysis, start, end)
            listed += uncounted(m.lexicons, analysis, start, end, listed)
            if (len(answerable) >= MIN_HEDGES and own and len(discuss) < len(hedges)
                    and not seen & set(indexes) and not uneven_forms(doc.text, start, end, listed)):
                seen |= set(indexes)
                found.append((analysis, indexes, doc.text[start:end], len(own), len(discuss)))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[2]) + max(0, 3 - c[3]) + c[4]),
                    lambda c: outlet_of(c[0]))
    return [Candidate(f"{a.document.id}:s{i[0] + 1}", outlet_of(a),
                      f"{m.name(outlet_of(a))}, sentences {i[0] + 1}–{i[-1] + 1}: {own} hedge(s) in the writer's "
                      f"own words", None, lambda a=a, i=i: hedge_item(m, a, i)) for a, i, _, own, _ in ranked]


def unkeyed_cues(analysis: ArticleAnalysis, start: int, end: int, answers: list[Doubt]) -> list[Span]:
    """Attribution cues of ``[start, end)`` ("said", "saying", "argued") that are none of the key's answers: a
    strict teacher expects every second-hand word named, so the key lists them for the teacher to accept."""
    keyed, text = [(d.start, d.end) for d in answers], analysis.document.text
    # "would seek to unlock money": a cue of an act, not of words, is no second-hand marker
    return [s for s in spans_within(analysis, "attribution", start, end)
            if s.counted and not any(a < s.end and s.start < b for a, b in keyed)
            and not re.match(r"\s*to\s", text[int(s.attrs.get("content_start") or s.end):][:4])]


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


def whose_label(analysis: ArticleAnalysis, doubt: Doubt) -> str:
    """The key's "Whose words" cell: a sure answer, or the note that it is for discussion."""
    return whose_words(analysis, doubt) or "for discussion (no answer)"


def claim_family_cue(span: Span) -> bool:
    """A cue the key may list as "also second-hand": the claim family, "reportedly", "allegedly", "according to".
    A strict teacher rejected general reporting verbs ("confirmed", "announces") offered as second-hand."""
    first = span.text.split()[0].lower() if span.text.split() else ""
    return second_hand(span.attrs.get("lemma")) or first in {"reportedly", "allegedly", "according"}


def hedge_item(m: Material, analysis: ArticleAnalysis, indexes: list[int]) -> dict[str, Any]:
    """The passage, and a key of every counted hedge and second-hand marker (:mod:`.doubt`), whose words each are."""
    passage = m.passage(analysis, indexes)
    first, last = passage["sentences"][0]["start"], passage["sentences"][-1]["end"]
    doubts = passage_doubts(m.lexicons, analysis, first, last)
    found, discuss = split_answers(m.lexicons, analysis, doubts)
    # a word the key set aside is not offered again; "would likely" is the worksheet's own modal example
    guesses, extra = guess_modals(uncounted(m.lexicons, analysis, first, last, doubts), found)
    found = sorted(found + guesses, key=lambda d: d.start)
    rows = [[sentence_number(passage, d.start), d.text, readable("hedge", d.category), whose_label(analysis, d),
             offsets(d.start, d.end)] for d in found]
    notes = [f"Also accept, if the student explains the doubt (hedge words the tool did not count here): "
             f"{'; '.join(f'{d.text} ({sentence_number(passage, d.start)})' for d in extra)}."] if extra else []
    # listed only where the cue is a reporting verb ("said", "warned"), not "skeptical of" the layer also reads
    cues = [c for c in unkeyed_cues(analysis, first, last, found + [d for d, _ in discuss])
            if claim_family_cue(c)]
    notes += [f"Also second-hand (accept, if the student says whose claim it is): "
              f"{'; '.join(f'{s.text} ({sentence_number(passage, s.start)})' for s in cues)}."] if cues else []
    notes += [f"Discuss, and mark neither way: “{d.text}” ({sentence_number(passage, d.start)}, "
              f"whose words: {whose_label(analysis, d)}): {reason}." for d, reason in discuss]
    return {"passages": [passage], "answers": len(rows), "key": {"tables": [
        table(f"Hedges in {passage['heading']}", ["Sentence", "Hedge", "Kind", "Whose words", "Where"], rows)],
        "notes": notes}}


# --- 2. who is speaking? --------------------------------------------------------------


def who_speaks(m: Material) -> list[Candidate]:
    """Pairs of outlets, each shown with the sentences where a confidently placed voice speaks."""
    voices = confident_voices(m)
    order = [o for o in m.outlets if o in voices and outlet_sentences(m, voices[o])[1]]
    m.rng.shuffle(order)
    groups = [tuple(order[n:n + OUTLETS_PER_GROUP]) for n in range(0, len(order), OUTLETS_PER_GROUP)]
    # one voice in each outlet: nothing to compare
    groups = [g for g in groups if any(len(voices[o]) >= 2 for o in g)]
    return [Candidate("+".join(m.name(o).replace(" ", "") for o in g), g[0],
                      "; ".join(f"{m.name(o)}: {len(voices[o])} voice(s)" for o in g),
                      None,  # voices are kept by the analysis's counted sources, not the table's role confidence
                      lambda g=g: speaks_item(m, g, voices)) for g in groups]


def speaks_item(m: Material, outlets: tuple[str, ...], voices: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Each outlet's sentences (read in the handout) and a key of its voices, each once, as the article calls them."""
    passages, rows = [], []
    for outlet in outlets:
        analysis = m.by_id[str(voices[outlet][0]["article_id"])]
        shown, indexes = outlet_sentences(m, voices[outlet])
        passage = {**m.passage(analysis, indexes), "in_handout": True}  # students read it there: a shorter sheet
        passages.append(passage)
        text = " ".join(analysis.document.text[slice(*analysis.document.sentences[n])] for n in indexes)
        rows += [[m.name(outlet), ", ".join(str(n + 1) for n in sorted(r["_sentences"])),
                  m.mask(shown_name(m, r)), m.mask(shown_label(m, r, text)),
                  "quoted" if r["_quoted"] else "retold",
                  offsets(r["start"], r["end"])] for r in shown]
    return {
        "passages": passages,
        "answers": len(rows),
        "table_task": {"columns": None, "rows": [m.name(o) for o in outlets]},
        "key": {"tables": [table("Who speaks (each voice once)", ["Source", "Sentences", "Who",
                                                                 "What the article calls them", "How", "Where"],
                                 rows)],
                "notes": [missing_note(),
                          "A dash: an outlet or group named by its name alone; accept what the article says elsewhere.",
                          "Not listed: unnamed sources (“an aide”, “officials”), and ads, videos and reports, which "
                          "speak for whoever made them. Accept them when a student names them and says who made or "
                          "said them."]},
    }


def shown_label(m: Material, row: dict[str, Any], shown: str) -> str:
    """What the shown sentences call the voice: its label when written there (:func:`.voice_labels.label_shown`),
    else its plain name; a dash for a body named by its name alone."""
    label = str(row.get("_described") or "")
    if not label:
        return "—"
    return label if label_shown(label, shown) else shown_name(m, {**row, "_described": ""})


def outlet_sentences(m: Material, rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[int]]:
    """An outlet's key rows and the sentences shown for them; no sentences when the key would not be complete
    for them (:func:`.voices.keyed_completely`)."""
    analysis = m.by_id[str(rows[0]["article_id"])]
    shown = [r for r in rows if str(r["article_id"]) == analysis.document.id]
    indexes = standing(analysis, sorted({n for r in shown for n in r["_sentences"]}), m.lexicons.abbreviations) or []
    return shown, indexes if keyed_completely(m, shown, indexes) else []


def missing_note() -> str:
    """The "whose voice is missing?" prompt, with no model answer: a teacher found the tool's answers (names
    from the other outlets' whole articles) wrong where the sentences shown leave a voice out, or garbled.
    Who had a stake and was not asked is the class's judgement, so the key says so instead of guessing."""
    return ("Whose voice is missing: no model answer. Accept any side with a stake that the sentences shown do "
            "not let speak, with a reason; check the whole article in the handout before calling a voice missing.")


# --- 7. rewrite neutrally -------------------------------------------------------------------


def lexicon_loaded(m: Material, analysis: ArticleAnalysis, start: int, end: int) -> list[Any]:
    """Loaded terms in the writer's own words that the lexicon lists (not distancing, not scorer-only). Not in a
    claim the writer retells: "Brat said voters believed politics had been dumbed down" is Brat's wording, and a
    teacher would not have students rewrite a source's claim as if the journalist had judged."""
    listed = {entry.key.lower() for entry in m.lexicons["loaded"]}
    return [s for s in spans_within(analysis, "loaded", start, end)
            if s.category != "distancing" and s.label.lower() in listed
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


def rewrite_neutrally(m: Material) -> list[Candidate]:
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
    return [Candidate(f"{a.document.id}:s{i + 1}", outlet_of(a),
                      f"{m.name(outlet_of(a))}, sentence {i + 1}: {n} loaded term(s)"
                      f"{'' if fits else ', no model rewrite'}", None, lambda a=a, i=i: rewrite_item(m, a, i))
            for a, i, n, _, fits in ranked]


def rewrite_item(m: Material, analysis: ArticleAnalysis, index: int) -> dict[str, Any]:
    passage = m.passage(analysis, [index])
    sentence = passage["sentences"][0]
    spans = lexicon_loaded(m, analysis, sentence["start"], sentence["end"])
    original = analysis.document.text[sentence["start"]:sentence["end"]]
    suggestion = model_rewrite(original, sentence["start"], spans)
    entries = {entry.key.lower(): entry for entry in m.lexicons["loaded"]}
    # an alternative is shown only where it fits the sentence's grammar ("harshest" is no place for "strict")
    terms = [[s.text, readable("loaded", s.category), s.note,
              "(omit the word)" if fitting_alternative(s.text, s.alternative) == "" else
              fitting_alternative(s.text, s.alternative) or "(none that fits here)",
              offsets(s.start, s.end)] for s in spans]
    sources = sorted({f"{entries[s.label.lower()].file.rsplit('/', 1)[-1]}:{entries[s.label.lower()].line}"
                      for s in spans})
    note = (f"A model rewrite: “{m.mask(clean(suggestion))}”" if suggestion else
            "No model rewrite: the word list's neutral alternatives do not fit this sentence's grammar; accept any "
            "version that keeps the facts and drops the loaded words.")
    return {
        "passages": [passage],
        "answers": len(spans),
        "key": {"tables": [table("Loaded words", ["Words", "Kind", "Why it is loaded", "Neutral alternative",
                                                   "Where"], terms)],
                "notes": [note, "A good version keeps every name, number, date, place and “not” of the original and "
                                "drops the loaded words."],
                "small": f"Word list entries: {', '.join(sources)}; a student's version can be checked with "
                         "“framing exercises check ORIGINAL REWRITE”"},
    }
