"""Other news outlets a blind handout names, listed in the key for the teacher to check.

framing knows a lesson's outlets only by the names the teacher gave (the manifest) and
the variants its word lists hold, so it can say only that *those* are masked. A strict
teacher found a key claiming "no sentence shown cites an outlet by name" beside a
dateline "(Reuters)", a credit "Reuters contributed", an e-mail domain and a news
site quoted as a source. Any of them may be a source's own outlet under a name framing
was not given, so the key lists every other outlet name the bundled lexicons know
(``media_names.tsv`` and the ``media`` rows of ``source_kinds.tsv``) with where it
stands, and asks the teacher to check none is a source's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..compare.common import outlet_of
from ..grammar import NAME_JOINERS
from .material import Material, natural_key, number_runs


@dataclass(frozen=True)
class OutletNames:
    """The outlet names the lexicons know, lower case: each with its display name, and the one-word names that
    stand only after "The" ("The Hill": "on the Hill" is Capitol Hill)."""

    display: dict[str, str]
    listed: frozenset[str]  # names of media_names.tsv: outlets by design, trusted at a sentence's start too
    after_the: frozenset[str]

    def pattern(self) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(n) for n in sorted(self.display, key=len, reverse=True))
        return re.compile(rf"(?<![\w-])(?P<name>{alternatives})(?![\w-])", re.IGNORECASE)


def known_outlets(m: Material) -> OutletNames:
    """Every outlet name of ``media_names.tsv`` (with its group's display name) and ``source_kinds.tsv``'s media."""
    display: dict[str, str] = {}
    for entry in m.lexicons["media_names"]:
        display[entry.key.lower()] = entry["outlet"]
    listed = frozenset(display)
    for entry in m.lexicons["source_kinds"]:
        if entry["kind"] == "media":
            display.setdefault(entry.key.lower(), entry.key)
    bare: dict[str, str] = {}
    after_the = set()
    for name, shown in display.items():
        if name.startswith("the "):
            rest = name[4:]
            bare.setdefault(rest, shown)
            if " " not in rest and rest not in display:
                after_the.add(rest)
    return OutletNames({**display, **bare}, listed | {n[4:] for n in listed if n.startswith("the ")},
                       frozenset(after_the))


def written_as_name(text: str, start: int, end: int, names: OutletNames, *, sentence_start: bool) -> bool:
    """Whether the words at ``[start, end)`` are written as an outlet's name, not a common noun.

    A web address or e-mail domain ("reuters.com", "@cnn.com") counts as written; otherwise every word but a
    joiner is capitalized, a one-word name that needs "The" has it, and a lone capital at a sentence's start
    ("Newspaper …") counts only for a name of ``media_names.tsv``.
    """
    written = text[start:end]
    key = written.lower()
    if "." in written or text[max(0, start - 1):start] == "@":
        return True
    words = written.split()
    if words[:1] == ["the"]:  # "told the Washington Post": news style lower-cases the article mid-sentence
        words = words[1:]
    if not all(w[:1].isupper() or w[:1].isdigit() or w.lower() in NAME_JOINERS for w in words):
        return False
    if key in names.after_the and text[max(0, start - 4):start] != "The ":
        return False
    capitals = sum(1 for c in written if c.isupper())
    return not sentence_start or capitals > 1 or key in names.listed


def other_outlets(m: Material) -> list[dict[str, Any]]:
    """Outlet names in the handout that are none of the lesson's outlets: display name, and where (letter, sentence).

    A lesson outlet's own names are masked or listed as giveaways already (:meth:`Material.body_text`).
    """
    if not m.blind:
        return []
    names = known_outlets(m)
    pattern = names.pattern()
    m.names_pattern()  # fills m.variant_of: every known variant of the lesson's outlets
    own = {m.full_name(o).lower() for o in m.letters}
    found: dict[str, dict[str, Any]] = {}
    for analysis in sorted(m.analyses, key=lambda a: natural_key(m.name(outlet_of(a)))):
        doc, letter = analysis.document, m.name(outlet_of(analysis))
        places = [(m.bare_title(doc.title), 0, (0, len(m.bare_title(doc.title))))]
        places += [(doc.text, n + 1, span) for n, span in enumerate(doc.sentences)]
        people = [(p.start, p.end) for p in doc.mentions if p.kind == "person"]  # "Michael Bloomberg" is no outlet
        for text, number, (start, end) in places:
            for match in pattern.finditer(text, start, end):
                key = match.group("name").lower()
                if number and any(a <= match.start() and match.end() <= b for a, b in people):
                    continue
                if key in m.variant_of or names.display[key].lower() in own or not written_as_name(
                        text, match.start(), match.end(), names,
                        sentence_start=not text[start:match.start()].strip(" “\"‘'(")):
                    continue
                # a media_names.tsv outlet by its display name, any other as first written ("ABC News")
                outlet = found.setdefault(names.display[key].lower(), {
                    "name": names.display[key] if key in names.listed else match.group("name"), "at": {}})
                outlet["at"].setdefault(letter, []).append(number)
    return [{"name": o["name"], "places": [where(letter, numbers) for letter, numbers in o["at"].items()]}
            for _, o in sorted(found.items())]


def where(letter: str, numbers: list[int]) -> str:
    """"Source B, headline and sentences 2, 7–9": the places of one outlet's name in one article."""
    sentences = sorted({n for n in numbers if n})
    parts = (["headline"] if 0 in numbers else []) + (
        [f"sentence{'s' if len(sentences) > 1 else ''} {number_runs(sentences)}"] if sentences else [])
    return f"{letter}, {' and '.join(parts)}"
