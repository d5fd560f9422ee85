"""Exercises read across outlets, from the comparison tables: labels, same fact, numbers and gaps, headlines.

Every item is cut from a row group of :func:`framing.compare.build_comparison`'s
tables; the sentences students see are looked up by the rows' offsets, so they
are the articles' own words (masked in blind mode like every other passage).
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import zip_longest
from typing import Any

from ..compare.common import evidence
from .kinds_text import Candidate, kind_name, table
from .material import Material, clean, letter_name, listed, parse_evidence, records, spans_within

MAX_VERSIONS = 5


def version(m: Material, outlet: str, article_id: str, offset: int, *, blank: tuple[int, int] | None = None,
            mark: str = "") -> dict[str, Any]:
    """One outlet's sentence holding ``offset``, labelled with the outlet (or its Source letter).

    With ``blank``, the words in that range are replaced by ``mark`` (name that label).
    """
    analysis = m.by_id[article_id]
    sentence = m.sentence_at(analysis, offset)
    if blank is not None:
        before = m.body_text(analysis, sentence["start"], blank[0], tidy=False)
        after = m.body_text(analysis, blank[1], sentence["end"], tidy=False)
        sentence["text"] = re.sub(r"\s+([,.;:!?])", r"\1", clean(f"{before}{mark}{after}"))
    return {**sentence, "source": m.name(outlet), "outlet": outlet}


def numbered(sentences: list[dict[str, Any]], heading: str) -> dict[str, Any]:
    """Sentences from several outlets as one passage, numbered in order."""
    for n, sentence in enumerate(sentences, start=1):
        sentence["n"] = n
    return {"heading": heading, "title": "", "sentences": sentences, "grade": None, "above_grade": False,
            "where": ""}


# --- 3. name that label -------------------------------------------------------------------


def name_that_label(m: Material) -> list[Candidate]:
    """Entities that at least two outlets name with different labels; loaded and scare-quoted labels first."""
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in records(m.tables.get("labels")):
        if parse_evidence(row.get("evidence")):
            by_entity[row["entity"]].append(row)
    found = []
    for entity, rows in by_entity.items():
        best: dict[str, dict[str, Any]] = {}
        for row in sorted(rows, key=lambda r: (-bool(listed(r.get("loaded_terms"))), -int(r["count"]))):
            best.setdefault(row["outlet"], row)
        if len(best) >= 2 and len({r["label_key"] for r in best.values()}) >= 2:
            colour = sum(bool(listed(r.get("loaded_terms"))) or bool(r.get("scare_quoted")) for r in best.values())
            found.append((entity, [best[o] for o in m.outlets if o in best][:MAX_VERSIONS], colour))
    ranked = m.rank(found, lambda c: max(0, 6 - c[2] - len({r["label_key"] for r in c[1]})))
    return [Candidate(rows[0]["outlet"], lambda e=e, r=rows: label_item(m, e, r)) for e, rows, _ in ranked]


def label_item(m: Material, entity: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    labels = sorted({r["label"] for r in rows})
    m.rng.shuffle(labels)
    letter = {label: letter_name(n).lower() for n, label in enumerate(labels)}
    sentences, gaps, key_rows = [], [], []
    for n, row in enumerate(rows, start=1):
        article_id, start, end = parse_evidence(row["evidence"])[0]
        sentences.append(version(m, row["outlet"], article_id, start, blank=(start, end), mark=f" [gap {n}] "))
        gaps.append(f"Gap {n} ({m.name(row['outlet'])})")
        loaded = spans_within(m.by_id[article_id], "loaded", start, end)
        key_rows.append([f"{n}", m.name(row["outlet"]), f"{letter[row['label']]}. {row['label']}",
                         "; ".join(f"{s.text} ({kind_name(s.category)}): {s.note}" for s in loaded)
                         or ("scare quotes" if row.get("scare_quoted") else "none"),
                         "; ".join(s.alternative for s in loaded if s.alternative) or "—",
                         evidence(article_id, start, end)])
    matrix = [[m.name(r["outlet"]), r["label"], r["count"], ", ".join(listed(r.get("variants")))]
              for r in records(m.tables.get("labels")) if r["entity"] == entity]
    return {
        "passages": [numbered(sentences, f"Sentences about: {entity}")],
        "options": {"title": "Labels", "items": [f"{letter[label]}. {label}" for label in labels]},
        "table_task": {"columns": ["Letter"], "rows": gaps},
        "key": {"tables": [
            table("Which label fills each gap", ["Gap", "Outlet", "Label", "Loaded words (why)", "Neutral alternative",
                                                  "Where"], key_rows),
            table(f"Label matrix for {entity}", ["Outlet", "Label", "Uses", "Spellings"], matrix),
        ]},
    }


# --- 4. same fact, different words ---------------------------------------------------------


def same_fact(m: Material) -> list[Candidate]:
    """Facts carried by two or more outlets whose versions differ in hedging, attribution or loaded words."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in records(m.tables.get("facts")):
        if int(row["n_outlets"]) >= 2:
            groups[row["fact_id"]].append(row)
    found = []
    for fact_id, rows in groups.items():
        best: dict[str, dict[str, Any]] = {}
        for row in sorted(rows, key=lambda r: -float(r["similarity"])):
            best.setdefault(row["outlet"], row)
        chosen = [best[o] for o in m.outlets if o in best][:MAX_VERSIONS]
        signatures = {(tuple(listed(r["hedges"])), tuple(listed(r["attributed_to"])), tuple(listed(r["loaded"])))
                      for r in chosen}
        if len(signatures) >= 2:
            found.append((fact_id, chosen, " ".join(r["text"] for r in chosen), len(signatures)))
    ranked = m.rank(found, lambda c: m.grade_distance(c[2]) + max(0, 3 - c[3]))
    return [Candidate(rows[0]["outlet"], lambda r=rows: fact_item(m, r)) for _, rows, *_ in ranked]


def fact_item(m: Material, rows: list[dict[str, Any]]) -> dict[str, Any]:
    sentences = [version(m, r["outlet"], r["article_id"], int(r["start"])) for r in rows]
    passage = numbered(sentences, "The same fact in each source")
    key_rows = [[s["n"], s["source"], ", ".join(listed(r["hedges"])) or "none",
                 ", ".join(listed(r["attributed_to"])) or "not attributed", ", ".join(listed(r["loaded"])) or "none",
                 ", ".join(listed(r["only_here"])[:6]) or "—", s["where"]]
                for s, r in zip(sentences, rows, strict=True)]
    return {
        "passages": [passage],
        "table_task": {"columns": None, "rows": [f"{s['n']}. {s['source']}" for s in sentences]},
        "key": {"tables": [table("How each version words the fact",
                                 ["Version", "Outlet", "Hedges", "Attributed to", "Loaded words",
                                  "Words only this outlet uses", "Where"], key_rows)]},
    }


# --- 5. numbers and gaps --------------------------------------------------------------------


def numbers_gaps(m: Material) -> list[Candidate]:
    """A number the outlets give differently, paired with a fact one outlet leaves out."""
    numbers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in records(m.tables.get("disagreements")):
        if row["kind"] == "number":
            numbers[row["disagreement_id"]].append(row)
    gaps = sorted(records(m.tables.get("omissions")), key=lambda r: (bool(r.get("possibly_carried")), r["fact_id"]))
    pairs = list(zip_longest(list(numbers.values()), gaps))
    return [Candidate((n or [g])[0]["outlet"], lambda n=n, g=g: gaps_item(m, n, g)) for n, g in pairs]


def gaps_item(m: Material, number_rows: list[dict[str, Any]] | None, gap: dict[str, Any] | None) -> dict[str, Any]:
    passages, tasks, tables, notes = [], [], [], []
    if number_rows:
        sentences = [version(m, r["outlet"], r["article_id"], int(r["start"])) for r in number_rows]
        passages.append(numbered(sentences, "Part A: the same number?"))
        tasks.append("numbers")
        tables.append(table("The numbers each outlet gives", ["Sentence", "Outlet", "Number", "Words", "Where"],
                            [[s["n"], s["source"], r["value"], r["phrase"], evidence(r["article_id"], r["start"],
                                                                                        r["end"])]
                             for s, r in zip(sentences, number_rows, strict=True)]))
        notes.append("Numbers differ when outlets count at different times, from different sources, or round "
                     "(“about 80” against “at least 83”); ask which is attributed to whom.")
    if gap is not None:
        carried = parse_evidence(gap["evidence"])
        central = [ref for ref in carried if clean(m.by_id[ref[0]].document.text[ref[1]:ref[2]]) == clean(gap["fact"])]
        article_id, start, _ = (central or carried)[0]  # the fact's most central wording, as the table names it
        fact = version(m, m.by_id[article_id].document.outlet or article_id, article_id, start)
        sentences = [fact]
        closest = parse_evidence(gap.get("closest_evidence"))
        if closest:
            sentences.append(version(m, gap["outlet"], closest[0][0], closest[0][1]))
        passages.append(numbered(sentences, f"Part B: most sources report the fact in sentence 1. Sentence 2 is "
                                            f"the closest {m.name(gap['outlet'])} comes to it."))
        tasks.append("gap")
        tables.append(table("The fact one outlet leaves out", ["Fact", "Left out by", "Carried by", "Closest sentence",
                                                               "Similarity", "Where"],
                            [[clean(gap["fact"]), m.name(gap["outlet"]), ", ".join(m.names(listed(gap["carried_by"]))),
                              clean(gap.get("closest_sentence") or ""), gap.get("closest_similarity", ""),
                              "; ".join(listed(gap["evidence"]))]]))
        if gap.get("possibly_carried"):
            notes.append("The closest sentence is similar enough that the outlet may report the fact in other "
                         "words: check before calling it an omission.")
    return {"passages": passages, "parts": tasks, "gap_outlet": m.name(gap["outlet"]) if gap else "",
            "key": {"tables": tables, "notes": notes}}


# --- 6. headline check ------------------------------------------------------------------------


def headline_check(m: Material) -> list[Candidate]:
    """Headlines with something to check: a flag from the tool, or hedges in the headline or its body sentence."""
    found = []
    for row in records(m.tables.get("headlines")):
        flagged = bool(row.get("asserts_what_body_hedges")) or bool(row.get("frame_differs"))
        hedged = bool(listed(row.get("body_hedges"))) or bool(listed(row.get("headline_hedges")))
        if row.get("headline") and (flagged or hedged) and row["article_id"] in m.by_id:
            found.append((row, 0 if flagged else 1))
    ranked = m.rank(found, lambda c: c[1] * 2)
    return [Candidate(row["outlet"], lambda r=row: headline_item(m, r)) for row, _ in ranked]


def headline_item(m: Material, row: dict[str, Any]) -> dict[str, Any]:
    body = version(m, row["outlet"], row["article_id"], int(row["body_start"]))
    passage = numbered([body], f"{m.name(row['outlet'])}")
    passage["headline"] = m.mask(clean(row["headline"]))
    verdict = ("asserts what the body hedges" if row.get("asserts_what_body_hedges")
               else "frames the claim differently from the body" if row.get("frame_differs")
               else "keeps the body's level of certainty (no flag)")
    return {
        "passages": [passage],
        "key": {"tables": [table("Headline against body", ["Outlet", "Headline hedges", "Question?", "Body hedges",
                                                            "The tool's verdict", "Reason", "Where"],
                                 [[body["source"], ", ".join(listed(row.get("headline_hedges"))) or "none",
                                   "yes" if row.get("headline_question") else "no",
                                   ", ".join(listed(row.get("body_hedges"))) or "none", verdict,
                                   row.get("reason") or "—", body["where"]]])],
                "notes": ["A question headline (“…?”) hedges by asking; count it as doubt."]},
    }
