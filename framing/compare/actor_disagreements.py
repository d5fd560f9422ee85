"""Actor disagreements: an outlet credits a shared fact to an actor no other outlet names for such events."""

from __future__ import annotations

from collections import defaultdict

from ..grammar import QUOTE_MARKS
from .common import WordFolder
from .labels import Pins

# An actor disagreement is read from one qualifier word: never surer than this.
ACTOR_CONFIDENCE = 0.75


def actor_phrases(sentences, tokens_of, by_id, folder: WordFolder, pins: Pins) -> dict[int, list[tuple]]:
    """Per sentence: ``(actor, phrase, start, end)`` where a capitalized qualifier names who acts.

    "US ‘narcoterrorism’ strikes" names the United States; "Venezuelan military actions"
    names Venezuela's side. Lower-case modifiers and quote marks between them are skipped.
    """
    found: dict[int, list[tuple]] = defaultdict(list)
    for i, sentence in enumerate(sentences):
        text = by_id[sentence.article_id].document.text
        tokens = tokens_of[(sentence.article_id, sentence.index)]
        for position, token in enumerate(tokens):
            if folder.fold(token.norm) not in pins.events:
                continue
            for k in range(position - 1, max(-1, position - 6), -1):
                word = folder.fold(tokens[k].norm)
                if tokens[k].text in QUOTE_MARKS or (
                    tokens[k].is_word and tokens[k].text[0].islower() and word not in folder.stop_words
                ):
                    continue
                if word in pins.qualifiers and tokens[k].text[0].isupper():
                    start = tokens[k].start
                    found[i].append((pins.qualifiers[word], text[start:token.end], start, token.end))
                break
    return found


def actor_disagreements(fact_id, group, sentences, actors, confidence_of) -> list[dict]:
    """An outlet credits a shared fact to an actor no other outlet names for such events.

    Seed 003 credits "Venezuelan military actions" with the destroyed vessels, while
    every other outlet that names an actor for strikes or operations names the US.
    The rows give the odd outlet's phrase and each other outlet's usual actor phrase.
    """
    rows = []
    in_fact = {sentences[i].outlet for i in group}
    for i in group:
        outlet = sentences[i].outlet
        for actor, phrase, start, end in actors.get(i, ()):
            others = [
                (j, item) for j, items in actors.items() if sentences[j].outlet != outlet for item in items
            ]
            if not others or any(item[0] == actor for _, item in others):
                continue
            usual = max({item[0] for _, item in others}, key=lambda a: sum(item[0] == a for _, item in others))
            evidence_rows = {}
            for j, item in sorted(others, key=lambda pair: (sentences[pair[0]].outlet not in in_fact, pair[0])):
                if item[0] == usual and sentences[j].outlet not in evidence_rows:
                    evidence_rows[sentences[j].outlet] = (j, item)
            listed = sorted({actor, usual})
            key = f"{fact_id}-a{i}"
            sure = min(ACTOR_CONFIDENCE, confidence_of.get((sentences[i].article_id, sentences[i].start), 0.0))
            why = (f"{outlet} names {actor} ({phrase}) where every other outlet names {usual} for such events; "
                   f"capped at {ACTOR_CONFIDENCE}: a qualifier before an event noun, not a parse of who acted")
            rows.append(_actor_row(key, fact_id, sentences[i], actor, phrase, start, end, listed) | {
                "confidence": sure, "reason": why})
            for j, (other_actor, other_phrase, other_start, other_end) in evidence_rows.values():
                rows.append(_actor_row(key, fact_id, sentences[j], other_actor, other_phrase, other_start, other_end,
                                       listed) | {"confidence": sure, "reason": why})
    return rows


def _actor_row(key, fact_id, sentence, actor, phrase, start, end, listed) -> dict:
    return {
        "disagreement_id": key, "fact_id": fact_id, "kind": "actor", "outlet": sentence.outlet,
        "article_id": sentence.article_id, "value": actor, "phrase": phrase, "start": start, "end": end,
        "sentence": sentence.text, "values": listed,
    }
