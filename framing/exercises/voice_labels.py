"""What an article calls a voice, in its own words next to the name: an appositive after or before the name
("Lis Smith, a spokeswoman for the campaign"; "the minority leader, Kenneth Fredette"), a title before it
("State House Minority Leader"), a party-state tag ("R-Texas"), or a phrase the voices table found by the name.

A teacher's reading found labels garbled ("of Representative Fredette"), cut short ("a spokeswoman for"),
missing where the article names the role, and one the article never uses ("a news outlet"): each function
returns the article's whole phrase or "" (the item then leaves the voice's outlet out).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..corpus.name_tags import party_tag_at
from ..grammar import AUXILIARY_VERBS, OBJECT_PRONOUNS, PREPOSITIONS, RELATIVE_PRONOUNS, SUBJECT_PRONOUNS
from .material import Material, clean

# role_reason clauses that quote the article's own words about the voice (story-actor roles come from other articles).
_SAID_HERE = re.compile(r"^(?:title|appositive|another mention|possessive|own words) '([^']+)' at (\d+)-(\d+)")
_SENTENCE_END = re.compile(r"(\S+)\.\s+[A-Z]")
_POSSESSIVE = re.compile(r"(.+?)(?:'s|’s|'|’)")
# How a describing phrase opens: "the", "a", or an owner ("AARP’s policy chief", "Obama's press secretary").
DESCRIBED_NOUN = r"(?:[Tt]he|[Aa]n?|[A-Z][\w.]*(?:'s|’s))"
# "the minority leader, Name" / "Obama's press secretary, Name": an appositive before the name, at a clause start.
_BEFORE_NAME = re.compile(r"(?:[,;:(—–][\"”’]?\s*|\b(?:including|like|as)\s+)"
                          rf"({DESCRIBED_NOUN}\s[^,.;:“”\"()]{{2,60}}),\s*$")
_CAPITALIZED_RUN = re.compile(r"((?:[A-Z][\w.’'-]*\s+)+)$")
NEAR = 60  # characters between a describing phrase and the name it describes
FUNCTION_WORDS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS | AUXILIARY_VERBS


def voice_name(row: Mapping[str, Any]) -> str:
    """The voice's name without a trailing description ("Jonathan Cowan, president" → "Jonathan Cowan")."""
    return clean(str(row.get("voice"))).split(",")[0].strip()


def name_at(text: str, row: Mapping[str, Any]) -> tuple[int, int]:
    """Where the voice's name stands in the text: a row may span more ("Sen. Kay Bailey Hutchison" for
    "Kay Bailey Hutchison", "a Republican who" for "Republican")."""
    start, name = int(float(row["start"])), voice_name(row)
    end = int(float(row.get("end", start)))
    at = text.find(name, start, max(end, start + len(name)) + 20) if name else -1
    return (at, at + len(name)) if at >= 0 else (start, start + len(name))


def described_as(m: Material, row: Mapping[str, Any]) -> str:
    """What the article calls the voice: the phrase by its name in the same article, with the party-state tag
    that follows the name ("R-Texas"), or "". Never a label the article does not use (a teacher found "a news
    outlet" for a newspaper the article only names)."""
    label = (apposition_after(m, row) or apposition_before(m, row) or phrase_by_name(m, row)
             or split_title(m, row)[0] or title_before(m, row))
    tag = party_tag(m, row)
    if label and tag and label in tag:  # "Inslee, Democrat of Washington": the tag is what the label read
        return label
    return f"{label} ({tag})" if label and tag else label or tag


def apposition_before(m: Material, row: Mapping[str, Any]) -> str:
    """The phrase set off before the name ("the minority leader, Kenneth Fredette": "the minority leader")."""
    analysis = m.by_id.get(str(row.get("article_id")))
    return apposition_before_at(m, analysis, int(float(row["start"]))) if analysis is not None else ""


def apposition_before_at(m: Material, analysis: Any, start: int) -> str:
    """The phrase set off before a name that starts at ``start``, or ""."""
    doc = analysis.document
    opening = doc.sentences[doc.sentence_of(start)][0]
    window = doc.text[max(opening, start - 80):start]
    found = _BEFORE_NAME.search(f", {window}" if start - 80 <= opening else window)  # a sentence's start opens one
    return description(m, found.group(1)) if found else ""


def description(m: Material, phrase: str) -> str:
    """``phrase`` as what the article calls someone, or "" when it is a clause ("the committee voted")."""
    words = phrase.split()
    if any(w.lower() in FUNCTION_WORDS | reporting_words(m) for w in words[1:]) or (
            words and words[-1].lower() in RELATIVE_PRONOUNS | PREPOSITIONS):
        return ""  # "President who", "a spokeswoman for": cut short
    return clean(phrase)


def reporting_words(m: Material) -> set[str]:
    """Reporting verbs' words (``reporting_verbs.tsv``): a phrase holding one is a clause, not a description."""
    return {e.key.lower() for e in m.lexicons["reporting_verbs"]}


def title_before(m: Material, row: Mapping[str, Any]) -> str:
    """The capitalized words right before the name that end in a ``titles.tsv`` title ("State House Minority
    Leader" before "Ken Fredette", "Mayor" before "Dana Holt"), or ""."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None:
        return ""
    start = int(float(row["start"]))
    found = _CAPITALIZED_RUN.search(analysis.document.text[max(0, start - 60):start])
    titles = {e.key.lower().rstrip(".") for e in m.lexicons["titles"]}
    return clean(found.group(1)) if found and found.group(1).split()[-1].lower().rstrip(".") in titles else ""


def party_tag(m: Material, row: Mapping[str, Any]) -> str:
    """The party-state tag right after a person's name ("Ted Cruz (R-Texas)", "Cruz, R-Texas,"), or ""."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None or row.get("kind") != "named_person":
        return ""
    return party_tag_at(analysis.document.text, name_at(analysis.document.text, row)[1])[0]


def apposition_after(m: Material, row: Mapping[str, Any]) -> str:
    """The words after "Name," up to the next comma or stop, when the source phrase ran into them
    ("Jonathan Cowan, president" in "…, president of Third Way.": "president of Third Way"), or a phrase
    opening with "a" or "the" ("Lis Smith, a spokeswoman for the campaign,"), or one that ends the sentence."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None:
        return ""
    text = analysis.document.text
    start = name_at(text, row)[1]
    # without the comma in the source phrase, only a described noun ("Lis Smith, a spokeswoman for …,")
    lead = "" if "," in str(row.get("voice")) else rf"{DESCRIBED_NOUN}\s"
    said = re.search(r"(\w+)\s+$", text[max(0, name_at(text, row)[0] - 20):name_at(text, row)[0]])
    found = re.match(rf"\.?\s*,\s*({lead}[^,.;:“”\"]{{2,60}})(?=[,.;])", text[start:start + 80]) or (
        said is not None and said.group(1).lower() in reporting_words(m)  # "…, said Jack Lew, director of X."
        and re.match(r"\.?\s*,\s*([a-z][^,.;:“”\"]{2,60})\.(?:\s|$)", text[start:start + 80]))
    return description(m, found.group(1)) if found else ""


def split_title(m: Material, row: Mapping[str, Any]) -> tuple[str, str]:
    """``(title, name)`` of a voice that carries its title, by the row's role word or a ``titles.tsv`` word."""
    voice = voice_name(row)
    words = [str(row.get("role_term") or "")] + [e.key for e in m.lexicons["titles"] if e["kind"] in ("title", "role")]
    splits = [title_in_name(voice, w) for w in words if w and w.lower() in voice.lower()]
    splits = [(title, name) for title, name in splits if title and name[:1].isupper()]
    return max(splits, key=lambda s: len(s[0])) if splits else ("", voice)


def phrase_by_name(m: Material, row: Mapping[str, Any]) -> str:
    """The phrase the voices table found by the voice's name in the same article, less the name, or ""."""
    found = _SAID_HERE.match(str(row.get("role_reason") or ""))
    analysis = m.by_id.get(str(row.get("article_id")))
    voice = voice_name(row)
    if not found or analysis is None or not voice:
        return ""
    phrase, start, end = found.group(1), int(found.group(2)), int(found.group(3))
    if phrase.split()[0].lower() in PREPOSITIONS:  # "for the campaign": the noun before it is in the text
        head = analysis.document.text[max(0, start - 40):start].rsplit(",", 1)[-1].strip()
        phrase = f"{head} {phrase}" if head and len(head.split()) <= 3 else phrase
    surname = voice.split()[-1]
    window = analysis.document.text[max(0, start - NEAR):end + NEAR]
    if not re.search(rf"(?<!\w){re.escape(surname)}(?!\w)", window):
        return ""  # a phrase far from the name describes someone else
    if any(len(word) > 1 and word.lower() not in m.lexicons.abbreviations for word in _SENTENCE_END.findall(phrase)):
        return ""  # "candidate. Trump": the phrase runs over a sentence end
    if phrase.lower() == voice.lower():
        return split_title(m, row)[0]
    rest = without_name(m, phrase, voice)
    if re.match(rf"\s+{re.escape(surname)}(?!\w)", analysis.document.text[end:end + len(surname) + 3]):
        rest = without_name(m, f"{rest} {surname}", surname)  # "Representative Todd" + "Akin": a first name
    rest = clean(rest).strip(" ,;:")
    stops = {e.key.lower() for e in m.lexicons["stop_words"]}
    if rest.lower() in voice.lower() or all(w.lower() in stops for w in rest.split()):
        return ""  # nothing but the name, or "that"
    if _POSSESSIVE.fullmatch(rest) and any(w.lower() in rest.lower() for w in voice.split()[-1:]):
        return ""  # "Representative Fredette's" in a quote: the name's own possessive, not a description
    return description(m, rest)


def without_name(m: Material, phrase: str, voice: str) -> str:
    """``phrase`` without the person's name: the voice's words and the capitalized words that run into it
    ("Representative Todd Akin" less "Akin" is "Representative", not "Representative Todd")."""
    titles = {e.key.lower().rstrip(".") for e in m.lexicons["titles"]}
    words = phrase.split()
    named = {w.lower() for w in voice.split()}
    keep = [True] * len(words)
    for n, word in enumerate(words):
        if word.strip(",;:").lower() in named:
            keep[n] = False
            back = n - 1
            while back >= 0 and words[back][:1].isupper() and words[back].lower().rstrip(".,") not in titles:
                keep[back], back = False, back - 1
    return " ".join(w for w, k in zip(words, keep, strict=True) if k)


def title_in_name(voice: str, role_term: str) -> tuple[str, str]:
    """``(title, name)`` of a voice that carries its title ("AARP CEO Barry Rand" → "AARP CEO", "Barry Rand")."""
    found = re.search(rf"(?<!\w){re.escape(role_term)}(?!\w)", voice, re.IGNORECASE) if role_term else None
    if found is None or not voice[found.end():].strip():
        return "", voice
    return voice[:found.end()].strip(), voice[found.end():].strip(" ,")


# A name after these words in its clause stands in a hypothetical ("if President Romney wins"), not a title held.
_HYPOTHETICAL = re.compile(r"(?<!\w)(?:if|unless|whether|were|would|should|could)(?:\s+\S+){0,2}\s*$", re.IGNORECASE)
_TAGGED = re.compile(r"^(.*?)(?:\s+\(([^)]+)\))?$", re.DOTALL)


def label_shown(label: str, shown: str) -> bool:
    """Whether every part of a voice's label ("Sen. Mark Warner" and its tag "D-Va.") is written in the sentences
    ``shown``, not in a hypothetical ("if President Romney …"). A strict teacher found labels taken from sentences
    the item does not show (a role from sentence 10 for sentences 2–4) and a title from a hypothetical."""
    shown = " ".join(shown.split())
    found = _TAGGED.match(" ".join(label.split()))
    parts = [p for p in (found.groups() if found else (label,)) if p]
    return bool(parts) and all(any(not _HYPOTHETICAL.search(shown[:at.start()][-40:])
                                   for at in re.finditer(re.escape(part), shown)) for part in parts)
