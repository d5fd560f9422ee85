"""Who is speaking?: in sentences that name their own speaker, who says it, the words that say so, and whether the
sentence gives the speaker's exact words or retells them.

Four blind readings found the earlier design (list every voice of some sentences, with what the article calls
each) wrong on one claim or another in most items: a title cut ("Attorney General" for a deputy), a party tag
dropped, a quote given to the wrong person, a voice named in a sentence not shown. A key built from many such
decisions is rarely right on all of them. This item keys only sentences where each answer is read off the
sentence itself and can be checked there:

* the sentence stands on its own (:func:`.sound.standing`) and holds exactly one attribution cue, counted and
  scored sure (:data:`SURE_SCORE`), and no other reporting verb outside quotation marks;
* the speaker is named beside the cue, inside the sentence, by capitalized words only (no pronoun, no "the
  senator", no outlet's name), so "who" is a name a student can underline;
* either the whole quotation stands in quotation marks right next to the cue and speaker ("exact words"), or
  the sentence has no quotation marks at all ("retold"); a sentence that mixes the two is not used.

No job, party or title is keyed: the key gives the name as the sentence writes it and accepts it with or without
the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.common import outlet_of
from ..document import Span
from ..grammar import DETERMINERS, DOUBLE_QUOTE_MARKS, MONTHS, PREPOSITIONS, SUBJECT_PRONOUNS, WEEKDAYS
from .doubt import reporting_pattern
from .kinds_text import ItemCandidate, offsets, table
from .material import Material, is_heading
from .sound import standing

SURE_SCORE = 0.8  # an attribution's learned score at which the key names its speaker
EXACT, RETOLD = "exact words (in quotation marks)", "retold (no quotation marks)"
ROWS_PER_OUTLET = 3
MIN_ROWS = 3
# What may stand between a speaker's name and the cue: nothing, or one appositive that opens with a determiner, a
# digit or a party tag ("Robert Lee, the counsel, said", "Lee, 45, said", "Lee, D-Va., told"). Not ", along with
# Scott Pruitt, argue" (a second speaker, whom a strict teacher expects in the key), nor "The lawyer for Mrs. Clinton,
# David Kendall, said" (a name after the name: the first is not the speaker).
_BESIDE = re.compile(r"\s*(?:,\s*(?:(?:the|a|an|his|her|their|its)\s|\d|[DRI]-[A-Z])[^,“”\"]{0,90},)?\s*$")
# What may stand before a speaker's name that opens its clause: a title in the same noun phrase ("Outgoing White
# House economic adviser Larry Summers said"), no comma: "Max Richtman, vice president of the Committee to Preserve
# Social Security and Medicare, an advocacy group, said" has its speaker far from the verb.
_TITLE_BEFORE = re.compile(r"[\s“\"]*(?:[\w.’'-]+\s+){0,6}$")
# What may stand between a quotation and the attribution clause it belongs to ("…,” said Lee" / "Lee said: “…").
_QUOTE_JOINT = re.compile(r"[\s,:;—–-]*$")
_NAME_WORD = re.compile(r"[A-Z][\w.’'-]*")
_NOT_NAMES = DETERMINERS | SUBJECT_PRONOUNS | WEEKDAYS | MONTHS


@dataclass(frozen=True)
class Said:
    """One keyed sentence: its index, the speaker's name as written, the cue's words, exact or retold."""

    index: int
    who: str
    cue: Span
    how: str


def speaker_name(text: str) -> str:
    """The speaker's name in a source phrase: up to a comma or bracket ("Tim Kaine (D-Va.)" → "Tim Kaine"), and
    only when every word is capitalized and the first is no determiner, pronoun, day or month; else ""."""
    name = re.split(r"[,(]", text)[0].strip()
    words = name.split()
    if not words or not all(_NAME_WORD.fullmatch(w) for w in words) or words[0].lower() in _NOT_NAMES:
        return ""
    return name


def said_sentence(m: Material, analysis: ArticleAnalysis, index: int) -> Said | None:
    """The keyed reading of sentence ``index`` (see the module's rules), or None when any answer is unsure."""
    doc = analysis.document
    start, end = doc.sentences[index]
    if is_heading(doc.text[start:end]) or standing(analysis, [index], m.lexicons.abbreviations) != [index]:
        return None
    cues = [s for s in analysis.spans_of("attribution") if start <= s.start < end]
    if len(cues) != 1 or not cues[0].counted or float(cues[0].attrs.get("score") or 0) < SURE_SCORE:
        return None
    cue = cues[0]
    if cue.attrs.get("rule") == "prepositional_source" and not cue.text.lower().startswith("according"):
        return None  # "The phrase quoted by Carney is not in the Bible": Carney is no speaker of the sentence
    source = int(cue.attrs.get("source_start") or -1), int(cue.attrs.get("source_end") or -1)
    if not start <= source[0] < source[1] <= end or other_reporting_words(m, analysis, start, end, cue):
        return None
    who = speaker_name(doc.text[source[0]:source[1]])
    near = doc.text[source[1]:cue.start] if source[1] <= cue.start else doc.text[cue.end:source[0]]
    if not who or m.mask(who) != who or not _BESIDE.match(near) or not opens_clause(analysis, start, source[0], cue):
        return None
    how = quoted_or_retold(analysis, start, end, cue, source)
    return Said(index, who, cue, how) if how else None


def opens_clause(analysis: ArticleAnalysis, start: int, source_start: int, cue: Span) -> bool:
    """Whether a speaker named before its verb opens its clause (the sentence, or what follows a quotation), with at
    most a title before it (:data:`_TITLE_BEFORE`); a speaker named after its verb ("said Lee") always does."""
    if source_start > cue.start:
        return True
    quotes = [q for q in analysis.document.quotes if start <= q.end <= source_start]
    clause = max([start, *(q.end for q in quotes)])
    before = analysis.document.text[clause:source_start].lstrip(" ,")
    # "The lawyer for Mrs. Clinton": after a preposition or a possessive the name is not the subject
    words = [w.lower() for w in re.findall(r"[\w’'-]+", before)]
    return bool(_TITLE_BEFORE.fullmatch(before)) and not any(
        w in PREPOSITIONS or w.endswith(("’s", "'s")) for w in words)


def other_reporting_words(m: Material, analysis: ArticleAnalysis, start: int, end: int, cue: Span) -> bool:
    """Whether a reporting verb other than ``cue`` stands outside quotation marks in the sentence ("Lee said
    Kim told him …"): a second speaker the detector did not place would make "who" unsure."""
    doc = analysis.document
    pattern = reporting_pattern(m.lexicons)
    return pattern is not None and any(
        not (cue.start <= start + f.start() < cue.end) and not doc.is_quoted(start + f.start(), start + f.end())
        for f in pattern.finditer(doc.text[start:end]))


def quoted_or_retold(analysis: ArticleAnalysis, start: int, end: int, cue: Span, source: tuple[int, int]) -> str:
    """:data:`EXACT` when one quotation holds all that is said and stands right next to the cue and speaker,
    :data:`RETOLD` when the sentence has no quotation marks and the cue governs a clause (not "agreed to"),
    else "" (a partial quotation, two quotations, a quotation away from its cue)."""
    doc = analysis.document
    text = doc.text[start:end]
    quotes = [q for q in doc.quotes if q.start < end and q.end > start]
    if not quotes and not any(mark in text for mark in DOUBLE_QUOTE_MARKS):
        content = doc.text[int(cue.attrs.get("content_start") or cue.end):int(cue.attrs.get("content_end") or end)]
        return RETOLD if len(content.split()) >= 3 and not re.match(r"\s*to\s", content) else ""
    if len(quotes) != 1 or quotes[0].kind != "speech" or not start <= quotes[0].start < quotes[0].end <= end:
        return ""
    quote = quotes[0]
    clause = min(cue.start, source[0]), max(cue.end, source[1])
    before, after = doc.text[start:quote.start], doc.text[quote.end:end]
    if quote.end <= clause[0]:  # "“…,” said Lee." / "“…,” Lee said."
        joined = _QUOTE_JOINT.match(doc.text[quote.end:clause[0]]) and not before.strip(" “\"")
    else:  # "Lee said: “…”"
        joined = quote.start >= clause[1] and _QUOTE_JOINT.match(doc.text[clause[1]:quote.start]) and \
            not after.strip(" .”\"")
    return EXACT if joined else ""


def who_speaks(m: Material) -> list[ItemCandidate]:
    """Groups of up to two outlets, each with the sentences whose speaker the key can name for sure."""
    found = {o: rows for o in sorted(m.outlets, key=m.name) if len(rows := outlet_rows(m, o)) >= 1}
    order = list(found)
    m.rng.shuffle(order)
    groups = [tuple(sorted(order[n:n + 2], key=m.name)) for n in range(0, len(order), 2)]
    # Two speakers at least, and both ways of reporting: a table whose "exact or retold" column has one
    # answer throughout asks students nothing (a blind teacher's "weak").
    groups = [g for g in groups if sum(len(found[o]) for o in g) >= MIN_ROWS
              and len({s.who for o in g for _, s in found[o]}) >= 2
              and {s.how for o in g for _, s in found[o]} == {EXACT, RETOLD}]
    return [ItemCandidate("+".join(m.name(o).replace(" ", "") for o in g), g[0],
                      "; ".join(f"{m.name(o)}: {len(found[o])} sentence(s)" for o in g), None,
                      lambda g=g: speaks_item(m, {o: found[o] for o in g})) for g in groups]


def outlet_rows(m: Material, outlet: str) -> list[tuple[ArticleAnalysis, Said]]:
    """An outlet's keyed sentences: each speaker once, exact and retold mixed, at most :data:`ROWS_PER_OUTLET`."""
    said = [(a, s) for a in m.analyses if outlet_of(a) == outlet
            for index in range(len(a.document.sentences)) if (s := said_sentence(m, a, index)) is not None]
    chosen: list[tuple[ArticleAnalysis, Said]] = []
    for how in (EXACT, RETOLD, EXACT, RETOLD, EXACT, RETOLD):  # take turns, so a group shows both ways
        pick = next((p for p in said if p[1].how == how and p not in chosen
                     and p[1].who not in {c[1].who for c in chosen}), None)
        if pick is not None and len(chosen) < ROWS_PER_OUTLET:
            chosen.append(pick)
    return sorted(chosen, key=lambda p: p[1].index)


def _name_example(who: str) -> str:
    """An example from the item's own first speaker ("Sen. Tim Kaine" → “Kaine” or “Sen. Tim Kaine”), never a
    name from another story; nothing when the name is one word."""
    last = who.split()[-1] if who.split() else ""
    return f" (“{last}” or “{who}”)" if last and last != who else ""


def speaks_item(m: Material, rows: dict[str, list[tuple[ArticleAnalysis, Said]]]) -> dict[str, Any]:
    """Each outlet's keyed sentences, shown on the worksheet, and a key with one row per sentence."""
    passages, key, labels = [], [], []
    for outlet, said in rows.items():
        analysis = said[0][0]
        passages.append(m.passage(analysis, [s.index for _, s in said]))
        for _, s in said:
            labels.append(f"{m.name(outlet)}, sentence {s.index + 1}")
            key.append([m.name(outlet), s.index + 1, s.who, s.cue.text, s.how, offsets(s.cue.start, s.cue.end)])
    return {
        "passages": passages,
        "answers": len(key),
        "table_task": {"columns": None, "rows": labels},
        "key": {"tables": [table("Who says it", ["Source", "Sentence", "Who says it", "Words that tell you",
                                                 "Exact words or retold", "Where"], key)],
                "notes": [f"Accept the name with or without a title or job{_name_example(key[0][2])}. For the "
                          "words that tell you, accept the saying verb with or without the words around it.",
                          "The verb question has no model answer: accept any reasoned comparison (“said” reports, "
                          "“claimed” or “admitted” also judges)."]},
    }
