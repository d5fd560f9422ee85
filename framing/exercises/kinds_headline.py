"""Headline check: a headline against the sentence of its article that states the same claim most directly.

Students compare the doubt and second-hand words of the two (more sure · the same ·
less sure). A teacher's readings found the headline set against a weaker or
unrelated sentence, doubt words counted that hedge something else in the sentence,
and a "less sure" verdict against a sentence with its own "would": each rule below
answers one of those, and an item whose claim sentence or verdict is unsure is left out.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from itertools import pairwise
from typing import Any

from ..analysis import ArticleAnalysis, analyze_document
from ..corpus import parse_text
from ..stemming import stem
from .doubt import Doubt, passage_doubts, uncounted
from .hedge_key import sure_answers
from .kinds_compare import can_show, confident_rows, numbered, version
from .kinds_text import ItemCandidate, in_retold_claim, offsets, table
from .material import Material, clean, is_heading

# Where a sentence's clauses part: a comma before a joining word, a semicolon, a dash.
_CLAUSE_BREAK = re.compile(r",\s+(?=(?:but|while|and|although|though|whereas|yet|as)\s)|;\s+|\s+(?:--|—|–)\s+"
                           # a subordinate clause needs no comma: "called on him to cancel after indictments
                           # were announced accusing officers of hacking" makes its accusation outside the claim
                           r"|\s+(?=(?:after|because|since|despite|although|though|whereas)\s)")
# An aside between commas that describes a noun (", the powerful lobby that has been seen as …,"): its hedges
# are about that noun, not the claim the headline makes.
_ASIDE = re.compile(r",\s+(?:the|a|an|which|who|whose|whom)\s[^,]*(?:,|$)")  # to a comma or the sentence's end
LEDE = 3  # the article's first sentences, where it states what its headline says
NEAR_BEST = 0.9  # a sentence this close to the best-matching one states the claim as directly
MIN_COVER = 1 / 3  # of the headline's word weight a lede sentence must share to state its claim
LATER_COVER = 0.6  # and a later sentence: one far from the lede is more often about something else
MIN_SHARED = 2  # content words a sentence shares with the headline to state its claim
_WH_QUESTION = re.compile(r"(?:.*:\s*)?(?:who|what|why|how|when|where|which)\b[^?]*\?\s*$", re.IGNORECASE)


# --- 6. headline check ------------------------------------------------------------------------


def headline_check(m: Material) -> list[ItemCandidate]:
    """Confident headline rows where the headline or its article's sentence has doubt or second-hand words.

    Both sides are read by one rule (:mod:`.doubt`): a teacher found "accuses"
    counted in a headline and "to claim" missed in its lede.
    """
    found = []
    for row in confident_rows(m, "headlines"):
        claim = claim_sentence(m, row) if row.get("headline") else None
        if claim is None or not can_show(m, row["article_id"], claim):
            continue
        if states_no_claim(m, row, claim):
            continue
        row = {**row, "body_start": claim}
        doubts = headline_doubts(m, row)
        if (doubts[0] or doubts[1] or row.get("headline_question")) and verdict_holds(m, row, doubts) \
                and not one_word_both_sides(doubts):
            found.append((row, doubts, 0 if headline_verdict(row, doubts) != "the same" else 1))
    ranked = m.rank(found, lambda c: c[2] * 2)
    return [ItemCandidate(f"headline:{row['article_id']}", row["outlet"], f"{m.name(row['outlet'])}: "
                      f"{m.title(clean(str(row['headline'])))}", float(row["confidence"]),
                      lambda r=row, d=doubts: headline_item(m, r, d)) for row, doubts, _ in ranked]


def one_word_both_sides(doubts: tuple[list[str], list[str]]) -> bool:
    """Whether the headline and the sentence mark doubt with the very same words ("Accuses" / "accusing"): "the
    same" is then plain to see, and a strict teacher found such an item teaches nothing."""
    stems = [{stem(w.lower()) for w in side} for side in doubts[:2]]
    return bool(stems[0]) and stems[0] == stems[1]


def states_no_claim(m: Material, row: dict[str, Any], claim: int) -> bool:
    """Whether the pair has no claim to weigh: a headline that asks who or what ("Who is Dave Brat?") arouses
    curiosity and hedges nothing, and a sentence that is itself a question states nothing (a teacher would not
    call either "less sure")."""
    doc = m.by_id[str(row["article_id"])].document
    sentence = doc.text[slice(*doc.sentences[doc.sentence_of(claim)])].strip()
    return bool(_WH_QUESTION.match(clean(str(row["headline"])))) or sentence.rstrip("”\"’' ").endswith("?")


def claim_sentence(m: Material, row: dict[str, Any]) -> int | None:
    """Where the article states the headline's claim most directly: its first sentence when that states it (news
    puts the claim first), else of the next lede sentences (else the one the comparison matched) the one whose
    shared words weigh most, each word weighed by how rare it is in the article
    (:func:`stem_weights`: "link" says more about a claim than a name every sentence repeats); the earliest whose
    weight is within :data:`NEAR_BEST` of the best, so a lede as direct as a later sentence is the one checked.

    None when no sentence shares :data:`MIN_SHARED` words and :data:`MIN_COVER` of the headline's weight (a later
    sentence: :data:`LATER_COVER`, as one the teacher found was about an earlier "possibility"): no
    sentence states its claim clearly, so the item is left out. A teacher found a headline checked against a
    later, weaker sentence ("according to an indictment") while the lede stated the headline's claim as surely.
    """
    analysis = m.by_id.get(str(row["article_id"]))
    if analysis is None:
        return None
    doc = analysis.document
    body = [n for n, (a, b) in enumerate(doc.sentences) if not is_heading(doc.text[a:b])]
    weights = stem_weights(m, [doc.text[slice(*doc.sentences[n])] for n in body])
    heads = claim_stems(m, str(row["headline"]), doc) & weights.keys()
    total = sum(weights[w] for w in heads)
    tiers = ((body[:1], MIN_COVER), (body[1:LEDE], MIN_COVER),
             ([doc.sentence_of(int(float(row["body_start"])))], LATER_COVER))
    for candidates, cover in tiers:
        shared = {n: heads & content_stems(m, doc.text[slice(*doc.sentences[n])]) for n in candidates}
        score = {n: sum(weights[w] for w in words) for n, words in shared.items()}
        best = max(score.values(), default=0.0)
        chosen = next((n for n in candidates if score[n] >= best * NEAR_BEST), None)
        if chosen is not None and len(shared[chosen]) >= MIN_SHARED and score[chosen] >= cover * total:
            return doc.sentences[chosen][0]
    return None


def stem_weights(m: Material, sentences: list[str]) -> dict[str, float]:
    """Each content stem's weight in an article: log(sentences / sentences holding it), plus one, so a word
    in every sentence still counts a little."""
    counts: dict[str, int] = defaultdict(int)
    for sentence in sentences:
        for word_stem in content_stems(m, sentence):
            counts[word_stem] += 1
    return {word_stem: 1.0 + math.log(len(sentences) / count) for word_stem, count in counts.items()}


def content_stems(m: Material, text: str) -> set[str]:
    """A text's content words of four letters or more, as Porter2 stems, so that "drops" meets "dropped" and
    "calls" meets "call"."""
    stops = {e.key.lower() for e in m.lexicons["stop_words"]}
    return {stem(w) for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in stops}


def claim_stems(m: Material, headline: str, doc: Any) -> set[str]:
    """The headline's content stems less the names of its article's mention layer (people, bodies, places,
    groups: "Democrats", "Social Security"): a name says what the story is about, the other words what it
    claims. All its stems when fewer than :data:`MIN_SHARED` are left (a headline of names)."""
    heads = content_stems(m, headline)
    names = set().union(*(content_stems(m, x.text) for x in doc.mentions if x.kind != "date"))
    claims = heads - names
    return claims if len(claims) >= MIN_SHARED else heads


def in_scope(m: Material, doubt: Any, text: str, heads: set[str]) -> bool:
    """Whether a one-word hedge bears on the headline's claim: "for allegedly hacking" hedges the hacking, so
    against a headline about the indictment it is no doubt about the headline's claim (a -ly adverb or an
    adjective hedges the word right after it)."""
    if " " in doubt.text or not (doubt.text.lower().endswith("ly") or doubt.category == "adjective"):
        return True
    after = re.match(r"\W+([A-Za-z’'-]+)", text[doubt.end:doubt.end + 40])
    return after is None or not content_stems(m, after.group(1)) or bool(content_stems(m, after.group(1)) & heads)


def headline_doubts(m: Material, row: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Sure doubt and second-hand words of the writer in the headline and in the article's matching sentence.

    Both sides go through one filter, :func:`writer_sure_doubts`: a strict teacher found a speaker's own "if
    elected, he would …" keyed as the sentence's doubt words, against a headline called "more sure"."""
    analysis = m.by_id[str(row["article_id"])]
    doc = analysis.document
    start, end = doc.sentences[doc.sentence_of(int(float(row["body_start"])))]
    clauses = claim_clauses(m, doc, start, end, str(row["headline"]))
    asides = [(start + a.start(), start + a.end()) for a in _ASIDE.finditer(doc.text[start:end])]
    heads = claim_stems(m, str(row["headline"]), doc)
    body = [d.text for d in writer_sure_doubts(m, analysis, start, end)
            if any(a <= d.start < b for a, b in clauses) and not any(a <= d.start < b for a, b in asides)
            and in_scope(m, d, doc.text, heads)]
    headline = headline_analysis(m, row)
    head = [d.text for d in writer_sure_doubts(m, headline, 0, len(headline.document.text))]
    # "Pushes Back on Claim" against "a report claiming": the same second-hand word on both sides
    said = set().union(*(content_stems(m, d) for d in body)) - content_stems(m, " ".join(head))
    shared = [w for w in re.findall(r"[\w’'-]+", clean(str(row["headline"]))) if content_stems(m, w) & said]
    return head + shared, body


def headline_analysis(m: Material, row: dict[str, Any]) -> ArticleAnalysis:
    """The headline analyzed as a text of its own, so the article's rules read it (as the comparison does)."""
    return analyze_document(parse_text(clean(str(row["headline"])), m.lexicons, id="headline"), m.lexicons)


def writer_sure_doubts(m: Material, analysis: ArticleAnalysis, start: int, end: int) -> list[Doubt]:
    """The doubt words in ``[start, end)`` that the hedge hunt's key would claim (:func:`.hedge_key.sure_answers`:
    never "would", "could", a condition, a belief verb) and that are the writer's: not quoted, not in a claim a
    reporting verb hands to someone else. A speaker's own conditional or modal is never the writer's doubt."""
    doc = analysis.document
    return [d for d in sure_answers(m.lexicons, analysis, passage_doubts(m.lexicons, analysis, start, end))
            if d.voice not in ("quoted", "paraphrase") and not doc.is_quoted(d.start, d.end)
            and not in_retold_claim(analysis, d.start)]


def claim_clauses(m: Material, doc: Any, start: int, end: int, headline: str) -> list[tuple[int, int]]:
    """The clauses of the sentence that share a content word with the headline: where its claim is made.

    "X has dropped plans to moderate a debate, but don't expect him to fade quietly"
    hedges the second clause, not the headline's claim ("X won't go forward with debate"); an
    aside between commas (:data:`_ASIDE`) is left out too.
    """
    text, heads = doc.text, claim_stems(m, headline, doc)
    bounds = [start, *(start + b.end() for b in _CLAUSE_BREAK.finditer(text[start:end])), end]
    return [(a, b) for a, b in pairwise(bounds) if heads & content_stems(m, text[a:b])]


def headline_item(m: Material, row: dict[str, Any], doubts: tuple[list[str], list[str]]) -> dict[str, Any]:
    body = version(m, row["outlet"], str(row["article_id"]), int(float(row["body_start"])))
    passage = numbered([body] if body else [], f"{m.name(row['outlet'])}")
    passage["headline"] = m.title(clean(row["headline"]))
    where = offsets(body["start"], body["end"]) if body else ""
    verdict = headline_verdict(row, doubts)
    # "none" only for the side the verdict checked has no doubt word at all (:func:`verdict_holds`)
    unsure = "none framing is sure of"
    return {
        "passages": [passage],
        "answers": 2,
        "key": {"tables": [table("Headline against article", ["Source", "Doubt or second-hand words in the headline",
                                                               "Question?", "Doubt or second-hand words in the "
                                                               "sentence", "Verdict", "Where"],
                                 [[m.name(row["outlet"]), ", ".join(doubts[0]) or (
                                     "none" if verdict == "more sure" else unsure),
                                   "yes" if row.get("headline_question") else "no", ", ".join(doubts[1]) or (
                                     "none" if verdict == "less sure" else unsure), verdict, where]])],
                "notes": ["Doubt words include second-hand ones (accuses, claims, according to): they say the claim is "
                          "someone else's. A question headline (“…?”) hedges by asking; count it as doubt. The key "
                          "lists the writer's doubt words framing is sure of; give credit for another (a “could”, an "
                          "“if”) when the student explains the doubt it adds."]
                + (["Beyond certainty, the headline's words also frame the claim differently from the article: "
                    "worth a question in the discussion."] if row.get("frame_differs") else [])},
    }


def verdict_holds(m: Material, row: dict[str, Any], doubts: tuple[list[str], list[str]]) -> bool:
    """Whether the key may call one side surer than the other: "less sure" only when the whole sentence has no doubt
    word at all, counted or not (its "would", an "allegations" outside the claim's clause), and "more sure" only
    when the whole headline has none ("Could …" is no surer than "may"). The sure filter keys fewer words than a
    reader sees, so the side called surer must have none. A teacher would read "would significantly increase the
    risk" as no surer than a headline's "possible"."""
    verdict = headline_verdict(row, doubts)
    if verdict == "the same":
        return True
    if verdict == "less sure":
        analysis = m.by_id[str(row["article_id"])]
        start, end = analysis.document.sentences[analysis.document.sentence_of(int(float(row["body_start"])))]
    else:
        analysis = headline_analysis(m, row)
        start, end = 0, len(analysis.document.text)
    counted = passage_doubts(m.lexicons, analysis, start, end)
    return not counted and not uncounted(m.lexicons, analysis, start, end, counted)


def headline_verdict(row: dict[str, Any], doubts: tuple[list[str], list[str]]) -> str:
    """The answer in the students' own options: more sure · the same · less sure."""
    head_doubt = bool(doubts[0]) or bool(row.get("headline_question"))
    body_doubt = bool(doubts[1])
    if body_doubt and not head_doubt:
        return "more sure"
    if head_doubt and not body_doubt:
        return "less sure"
    return "the same"
