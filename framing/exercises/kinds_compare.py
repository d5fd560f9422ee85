"""Exercises read across outlets, from the comparison tables: labels, same fact, numbers and gaps (headlines:
:mod:`.kinds_headline`).

Every item is cut from confident rows of :func:`framing.compare.build_comparison`'s
tables (:func:`.sound.is_confident`); the sentences students see are looked up by
the rows' offsets, so they are the articles' own words (masked in blind mode like
every other passage), and a version that cannot stand alone brings its context.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from ..grammar import DETERMINERS, NUMBER_BOUNDS, OBJECT_PRONOUNS, POSSESSIVE_DETERMINERS, SUBJECT_PRONOUNS
from .doubt import passage_doubts, reporting_words, who_says
from .fact_words import spoken
from .hedge_key import sure_answers
from .kinds_text import ItemCandidate, offsets, table
from .material import Material, clean, letter_name, listed, parse_evidence, records
from .sound import is_confident, modifies_a_noun, standing

NOT_A_NAME = DETERMINERS | POSSESSIVE_DETERMINERS | SUBJECT_PRONOUNS  # "The senator", "His lawyer", "He"

MAX_VERSIONS = 3
_BARE_DEFINITE = re.compile(r"(?:[Tt]he|[Tt]his|[Tt]hat)\s+([a-z][\w-]*)")
ROUNDING = 0.1  # values this close agree when either is given as approximate
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
FACT_SIMILARITY = 0.4  # a version's similarity to its fact (a confident 0.14 shared only names: a teacher saw it)


def version(m: Material, outlet: str, article_id: str, offset: int, *, blank: tuple[int, int] | None = None,
            mark: str = "") -> dict[str, Any] | None:
    """One outlet's sentence holding ``offset`` (with the sentence before when it leans back), or None.

    None when the sentence is not whole. With ``blank``, the words in that range
    are replaced by ``mark`` (name that label).
    """
    analysis = m.by_id.get(article_id)
    if analysis is None:
        return None
    index = analysis.document.sentence_of(offset)
    indexes = standing(analysis, [index], m.lexicons.abbreviations)
    if not indexes:
        return None
    shown = m.sentence(analysis, index)
    first = m.sentence(analysis, indexes[0])
    start = first["start"]
    if blank is not None:
        before = m.body_text(analysis, start, blank[0], tidy=False)
        after = m.body_text(analysis, blank[1], shown["end"], tidy=False)
        text = re.sub(r"\s+([,.;:!?])", r"\1", clean(f"{before}{mark}{after}"))
    else:
        text = m.body_text(analysis, start, shown["end"])
    numbers = f"{indexes[0] + 1}–{index + 1}" if indexes[0] != index else f"{index + 1}"
    return {**shown, "start": start, "text": text, "source": m.name(outlet), "outlet": outlet,
            "ref": f"{m.name(outlet)}, handout sentence{'s' if indexes[0] != index else ''} {numbers}"}


def can_show(m: Material, article_id: Any, offset: Any) -> bool:
    """Whether :func:`version` would show the sentence at ``offset`` (it is whole and can stand with context)."""
    analysis = m.by_id.get(str(article_id))
    if analysis is None:
        return False
    index = analysis.document.sentence_of(int(float(offset)))
    return standing(analysis, [index], m.lexicons.abbreviations) is not None


def numbered(sentences: list[dict[str, Any]], heading: str) -> dict[str, Any]:
    """Sentences from several outlets as one passage, numbered in order."""
    for n, sentence in enumerate(sentences, start=1):
        sentence["n"] = n
    return {"heading": heading, "title": "", "sentences": sentences, "grade": None, "above_grade": False,
            "where": "", "article": ""}


def confident_rows(m: Material, name: str) -> list[dict[str, Any]]:
    return [row for row in records(m.tables.get(name)) if is_confident(row)]


def pronoun(value: Any) -> bool:
    """Whether a table cell names someone only by a pronoun ("They"): not a source a student can check."""
    return any(part.lower() in SUBJECT_PRONOUNS | OBJECT_PRONOUNS for part in listed(value))


def lowest(rows: list[dict[str, Any]]) -> float:
    return min(float(r["confidence"]) for r in rows)


# --- 3. name that label -------------------------------------------------------------------


def option_form(label: str) -> str:
    """A label as an option: no possessive ending, so the grammar around a gap does not give it away."""
    return _POSSESSIVE.sub("", clean(label)).strip()


# Different labels an item needs. Students match labels to gaps and the key ranks nothing, so with two labels
# the one loaded word gives the match away (a blind reader found two labels trivial); three keep it a reading.
MIN_LABELS = 3


def name_that_label(m: Material) -> list[ItemCandidate]:
    """Entities that two outlets name differently, at least one name a loaded term the lexicon lists."""
    listed_terms = {entry.key.lower() for entry in m.lexicons["loaded"]}
    by_entity: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in confident_rows(m, "labels"):
        refs = [ref for ref in parse_evidence(row.get("evidence")) if ref[0] in m.by_id and can_show(m, ref[0], ref[1])
                and not modifies_a_noun(m.lexicons, m.by_id[ref[0]], ref[2])]
        if refs:  # the item shows the first occurrence where the label is the name's own
            by_entity[row["entity"]].append({**row, "evidence": "; ".join(f"{a}:{s}-{e}" for a, s, e in refs)})
    found = []
    for entity, rows in by_entity.items():
        best: dict[str, dict[str, Any]] = {}
        for row in sorted(rows, key=lambda r: (-bool(listed(r.get("loaded_terms"))), -int(r["count"]))):
            best.setdefault(row["outlet"], row)
        chosen = [best[o] for o in m.outlets if o in best][:MAX_VERSIONS]
        forms = {option_form(r["label"]).lower() for r in chosen}
        loaded = [r for r in chosen if any(t.lower() in listed_terms for t in listed(r.get("loaded_terms")))]
        if len(chosen) >= MIN_LABELS and len(forms) >= MIN_LABELS and loaded and len(forms) > len(
                {option_form(r["label"]).lower() for r in loaded}) and one_referent(entity, chosen):
            found.append((entity, chosen))
    ranked = m.rank(found, lambda c: 0)
    return [ItemCandidate(f"label:{entity}", rows[0]["outlet"],
                      f"{entity}: " + " / ".join(option_form(r["label"]) for r in rows), lowest(rows),
                      lambda e=entity, r=rows: label_item(m, e, r)) for entity, rows in ranked]


def one_referent(entity: str, rows: list[dict[str, Any]]) -> bool:
    """Whether the labels name one thing: the capitalized words each adds to the entity's name agree ("Justice
    Department" and "“deep state” Justice Department"), not two ("State" and "Justice" on "Department": a
    teacher found two departments offered as labels of one)."""
    head = {w.lower() for w in entity.split()}
    added = [{w.lower() for w in re.findall(r"[A-Z][\w’'-]*", option_form(r["label"])) if w.lower() not in head}
             for r in rows]
    named = [words for words in added if words]
    return all(a & b for n, a in enumerate(named) for b in named[n + 1:])


def label_item(m: Material, entity: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    labels = sorted({option_form(r["label"]) for r in rows})
    m.rng.shuffle(labels)
    letter = {label: letter_name(n).lower() for n, label in enumerate(labels)}
    sentences, gaps, key_rows = [], [], []
    for row in rows:
        article_id, start, end = parse_evidence(row["evidence"])[0]
        text = m.by_id[article_id].document.text[start:end] if article_id in m.by_id else ""
        end -= len(text) - len(_POSSESSIVE.sub("", text))  # the 's stays outside the gap
        shown = version(m, row["outlet"], article_id, start, blank=(start, end), mark=f" [gap {len(gaps) + 1}] ")
        if shown is None:
            continue
        sentences.append(shown)
        gaps.append(f"Gap {len(gaps) + 1} ({m.name(row['outlet'])})")
        loaded = listed(row.get("loaded_terms"))
        key_rows.append([str(len(gaps)), m.name(row["outlet"]), f"{letter[option_form(row['label'])]}. "
                         f"{option_form(row['label'])}", ", ".join(loaded) or "none",
                         offsets(start, end)])
    return {
        "passages": [numbered(sentences, f"Sentences about: {entity}")],
        "answers": len(key_rows),
        "options": {"title": "Labels", "items": [f"{letter[label]}. {label}" for label in labels]},
        "table_task": {"columns": ["Letter"], "rows": gaps},
        "key": {"tables": [table("Which label fills each gap", ["Gap", "Source", "Label", "Loaded words",
                                                                 "Where"], key_rows)]},
    }


# --- 4. same fact, different words ---------------------------------------------------------


def same_fact(m: Material) -> list[ItemCandidate]:
    """Confident facts carried by two or more outlets whose versions differ in hedging, attribution or words.

    A version counts only when who says it is clear from its own sentence
    (:func:`.doubt.who_says`): a teacher found the key naming the wrong speaker
    where the tool had guessed one from a quote.
    """
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in confident_rows(m, "facts"):
        if int(row["n_outlets"]) >= 2 and float(row["similarity"]) >= FACT_SIMILARITY and can_show(
                m, row["article_id"], row["start"]) and not pronoun(
                row["attributed_to"]) and (wording := fact_wording(m, row)) is not None:
            groups[str(row["fact_id"])].append({**row, "_wording": wording})
    found = []
    for fact_id, rows in groups.items():
        best: dict[str, dict[str, Any]] = {}
        for row in sorted(rows, key=lambda r: -float(r["similarity"])):
            best.setdefault(row["outlet"], row)
        chosen = [best[o] for o in m.outlets if o in best][:MAX_VERSIONS]
        wordings = {" ".join(re.findall(r"\w+", str(r["text"]).lower())) for r in chosen}
        if len(chosen) >= 2 and teaches_a_difference(chosen) and len(wordings) >= 2:  # the same words: nothing
            found.append((fact_id, chosen, " ".join(str(r["text"]) for r in chosen)))
    ranked = m.rank(found, lambda c: m.grade_distance(c[2]))
    return [ItemCandidate(f"fact:{fact_id}", rows[0]["outlet"], clean(str(rows[0]["text"]))[:100], lowest(rows),
                      lambda r=rows: fact_item(m, r)) for fact_id, rows, _ in ranked]


def teaches_a_difference(versions: list[dict[str, Any]]) -> bool:
    """Whether the versions differ in doubt words or whom they credit. "Murray" and "Lt. Gov.
    Timothy Murray" are one speaker, and "Holder" and "the attorney general" may be: a difference in whom a version
    credits counts only where one names no one or both name people by different surnames. A strict teacher found
    a pair with the same speaker and no other difference taught nothing."""
    doubts = {tuple(w.lower() for w in r["_wording"][0]) for r in versions}
    whos = [[w for w in r["_wording"][1] if w] for r in versions]
    named = all(names_someone(w) for who in whos for w in who)
    credited = {bool(who) for who in whos}
    surnames = {tuple(sorted({w.split()[-1] for w in who})) for who in whos}
    # loaded words alone are no difference the key can show (it leaves them to the class): a strict reading found
    # such an item's key the same on every row
    return len(doubts) >= 2 or len(credited) >= 2 or (named and len(surnames) >= 2)


def fact_wording(m: Material, row: dict[str, Any]) -> tuple[list[str], list[str], list[str]] | None:
    """A version's hedges and second-hand words, who says it, and its listed loaded words, read from its
    sentence as the hedge hunt reads (:mod:`.doubt`); None when who says it is not clear."""
    analysis = m.by_id.get(str(row["article_id"]))
    if analysis is None:
        return None
    start, end = analysis.document.sentences[analysis.document.sentence_of(int(float(row["start"])))]
    who = who_says(analysis, start, end)
    # two sources in one sentence ("the campaign called a report which shows him saying …"): which one says the fact
    # is a reading, not a fact of the sentence, and a strict teacher found the key naming the wrong one
    if who is None or len(who) > 1 or any(points_back(m, w) for w in who):
        return None
    words = {w.lower() for w in re.findall(r"[\w’']+", analysis.document.text[start:end])}
    if not who and words & reporting_words(m.lexicons):
        return None  # "as the site notes, …": a reporting verb the attribution layer did not count; not the writer's
    doubts = [d.text for d in sure_answers(m.lexicons, analysis, passage_doubts(m.lexicons, analysis, start, end))]
    loaded = [s.text for s in analysis.spans_of("loaded") if start <= s.start and s.end <= end and s.counted
              and not (s.category == "distancing" and spoken(analysis.document.text, s.end))]
    return doubts, [m.mask(w) for w in who], loaded


def names_someone(phrase: str) -> bool:
    """Whether a speaker phrase opens with a capitalized name, not a pronoun or "the senator"."""
    words = phrase.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in NOT_A_NAME


def points_back(m: Material, source: str) -> bool:
    """Whether a source is named only by "the" and a noun that is no person's role ("The article said"): which
    article is in an earlier sentence, so who says it is not clear from the sentence shown. "The mayor" is clear
    (a role of ``titles.tsv``); a teacher found "The article" as the key's answer."""
    found = _BARE_DEFINITE.fullmatch(source)
    roles = {e.key.lower() for e in m.lexicons["titles"] if e["kind"] in ("title", "role")}
    return found is not None and found.group(1).lower() not in roles


def fact_item(m: Material, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The versions side by side, and a key of what each version's own sentence settles: the doubt words the key is
    sure of (:func:`.hedge_key.sure_answers`) and the one source it names. Loaded words and words only one version
    uses are the class's reading, checked against the versions shown: a key that listed them was found missing
    some and listing shared ones, so it gives no model answer for them."""
    pairs = [(version(m, r["outlet"], str(r["article_id"]), int(float(r["start"]))), r) for r in rows]
    pairs = [(s, r) for s, r in pairs if s is not None]
    passage = numbered([s for s, _ in pairs], "The same fact in each source")
    key_rows = [[s["n"], s["source"], ", ".join(r["_wording"][0]) or "—",
                 ", ".join(r["_wording"][1]) or "the writer (no one named)", offsets(r["start"], r["end"])]
                for s, r in pairs]
    return {
        "passages": [passage],
        "answers": len(key_rows),
        "table_task": {"columns": None, "rows": [f"{s['n']}. {s['source']}" for s, _ in pairs]},
        "key": {"tables": [table("How each version words the fact",
                                 ["Version", "Source", "Sure doubt or second-hand words", "Who says so", "Where"],
                                 key_rows)],
                "notes": ["Doubt words: the ones the tool is sure of (a dash: none it is sure of). Give credit for "
                          "any other word that marks the claim as uncertain or someone else's, with a reason.",
                          "Words only this one uses: no model answer. Accept describing or judging words a student "
                          "shows are in one version and not the others."]},
    }


# --- 5. numbers and gaps --------------------------------------------------------------------


def numbers_gaps(m: Material) -> list[ItemCandidate]:
    """A confident disagreement about one quantity: the outlets give it different values."""
    numbers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in confident_rows(m, "disagreements"):
        if row["kind"] == "number" and can_show(m, row["article_id"], row["start"]):
            numbers[str(row["disagreement_id"])].append(row)
    found = []
    for key, rows in numbers.items():
        first = list({r["outlet"]: r for r in reversed(rows)}.values())[::-1]  # one version per outlet
        first = [r for o in m.outlets for r in first if r["outlet"] == o][:MAX_VERSIONS]
        if len(first) >= 2 and real_disagreement(m, first):
            found.append((key, first))
    return [ItemCandidate(f"number:{key}", rows[0]["outlet"], " / ".join(f"{m.name(r['outlet'])}: {r['phrase']}"
                                                                      for r in rows), lowest(rows),
                      lambda r=rows: numbers_item(m, r)) for key, rows in m.rank(found, lambda c: 0)]


def real_disagreement(m: Material, rows: list[dict[str, Any]]) -> bool:
    """Whether the versions give the same quantity different values, not two quantities or two roundings.

    A teacher's reading found "$716 billion" set against "more than $700 billion"
    (they agree) and against a different year's "$800 billion" (another quantity).
    So the versions must come from one matched fact (one ``fact_id``), and a value
    that a bound or approximation ("more than", "about": ``hedges.tsv`` approximators)
    makes compatible with the other is no disagreement.
    """
    if len({str(r.get("fact_id")) for r in rows}) != 1:
        return False
    values = [(float(r["value"]), approximated(m, r)) for r in rows]
    if len({v for v, _ in values}) < 2:
        return False
    low, high = min(v for v, _ in values), max(v for v, _ in values)
    return not (any(approx for _, approx in values) and high <= low * (1 + ROUNDING))


def approximated(m: Material, row: dict[str, Any]) -> bool:
    """Whether an approximator of ``hedges.tsv`` ("about") or a bound (:data:`framing.grammar.NUMBER_BOUNDS`:
    "more than") stands just before the row's number."""
    analysis = m.by_id.get(str(row["article_id"]))
    if analysis is None:
        return False
    start = int(float(row["start"]))
    before = analysis.document.text[max(0, start - 25):start].lower()
    terms = {e.key.lower() for e in m.lexicons["hedges"] if e["category"] == "approximator"} | NUMBER_BOUNDS
    return any(re.search(rf"(?<!\w){re.escape(t)}\s*\$?\s*$", before) for t in terms)


def numbers_item(m: Material, rows: list[dict[str, Any]]) -> dict[str, Any]:
    pairs = [(version(m, r["outlet"], str(r["article_id"]), int(float(r["start"]))), r) for r in rows]
    pairs = [(s, r) for s, r in pairs if s is not None]
    passage = numbered([s for s, _ in pairs], "The same number?")
    return {
        "passages": [passage],
        "answers": len(pairs),
        "table_task": {"columns": ["Number", "Who gives it?"], "rows": [f"{s['n']}. {s['source']}" for s, _ in pairs]},
        "key": {"tables": [table("The numbers each source gives", ["Sentence", "Source", "Number", "Where"],
                                 [[s["n"], s["source"], clean(str(r["phrase"])), offsets(r["start"], r["end"])]
                                  for s, r in pairs])],
                "notes": ["Numbers differ when outlets count at different times, from different sources, or round "
                          "(“about 80” against “at least 83”); ask which is attributed to whom."]},
    }
