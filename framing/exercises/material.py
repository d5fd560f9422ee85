"""What every exercise is cut from: the articles, their sentences, outlet names (or Source letters) and grades.

An exercise shows students sentences, never whole articles, so this module turns
an article's offsets into numbered, display-ready sentences, masks outlet names in
blind mode, measures a passage's reading grade with the same formula as the report
(Flesch–Kincaid, :mod:`framing.features.readability`) and ranks candidate passages
for the chosen grade. Builders in :mod:`.kinds_text` and :mod:`.kinds_compare`
only decide *which* material makes a good item.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.common import evidence, outlet_of, outlets_in_order
from ..document import Span
from ..features.readability import count_text, scores
from ..lexicons import Lexicons
from ..syllables import SyllableCounter
from .outlet_names import (
    PROGRAMME_HIDDEN,
    display_name,
    media_names,
    name_variants,
    outlet_groups,
    possessive_show,
    programme_span,
    title_without_outlet,
    titled_show,
)

# Grades a teacher may pick; "college" reads as grade 13 for the formulas.
GRADES = ("6", "7", "8", "9", "10", "11", "12", "college")
COLLEGE_GRADE = 13
# A passage this many grades above the class's grade is flagged in the key.
ABOVE_GRADE_MARGIN = 1.0
_SPACE = re.compile(r"\s+")
# Words right before an outlet's name that make it a source the sentence cites ("told CNN", "according to the BBC").
# After an outlet's name, words that make it the source of what follows ("NYT Report:", "the Times reported").
CITED_AFTER = re.compile(r"[’']?s?\s+(?:report(?:s|ed)?|poll|analysis|investigation|says|said)\b", re.IGNORECASE)
CITING = re.compile(r"\b(?:told|tells?|telling|according to|reported by"
                    r"|(?:provided|given|released|leaked|sent|obtained) (?:to|by)"
                    r"|(?:interview|spoke|speaking) (?:with|to)|statement to"
                    r"|quoted (?:by|in)|reports? (?:from|in|by)|(?:e-?mail|letter|message|note|wrote|writing) to"
                    r"|(?:said|says|spoke|speaking|appear|appears|appeared|appearing|interviewed)(?:\s+\w+)?\s+on)\s+(?:the\s+)?$",
                    re.IGNORECASE)


def grade_number(grade: str | int) -> int:
    """The numeric grade for the readability formulas (``college`` is 13)."""
    return COLLEGE_GRADE if str(grade).lower() == "college" else int(grade)


def reading_level(grade: str | int) -> str:
    """Which register of instructions fits: ``simple`` (6–8), ``standard`` (9–12) or ``college``."""
    number = grade_number(grade)
    return "simple" if number <= 8 else "standard" if number <= 12 else "college"


@dataclass
class Material:
    """The analyses, comparison tables and lesson options every builder reads.

    A class because it holds real shared state: one syllable counter (its cache),
    one seeded random generator (so the same seed picks the same items), and the
    blind mapping from outlets to Source letters.
    """

    analyses: Sequence[ArticleAnalysis]
    tables: Mapping[str, Any]
    lexicons: Lexicons
    grade: str = "9"
    blind: bool = False
    seed: int = 0
    rng: random.Random = field(init=False)
    by_id: dict[str, ArticleAnalysis] = field(init=False)
    letters: dict[str, str] = field(init=False)
    giveaways: list[dict[str, str]] = field(init=False, default_factory=list)
    syllables: SyllableCounter = field(init=False, default_factory=SyllableCounter)
    variant_of: dict[str, str] = field(init=False, default_factory=dict)
    groups: dict[str, list[str]] = field(init=False, default_factory=dict)
    programmes: frozenset[str] = field(init=False, default=frozenset())
    _pattern: re.Pattern[str] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.by_id = {a.document.id: a for a in self.analyses}
        self.groups = outlet_groups(self.lexicons)
        self.programmes = frozenset(e.key.lower() for e in self.lexicons["media_names"] if e["kind"] == "programme")
        outlets = outlets_in_order(self.analyses)
        shuffled = list(outlets)
        self.rng.shuffle(shuffled)  # the letter order must not reveal the order of the input files
        self.letters = {outlet: f"Source {letter_name(n)}" for n, outlet in enumerate(shuffled)}

    # --- outlets -------------------------------------------------------------

    @property
    def outlets(self) -> list[str]:
        return outlets_in_order(self.analyses)

    def name(self, outlet: str) -> str:
        """What students see for an outlet: its name, or its Source letter in blind mode."""
        return self.letters.get(outlet, outlet) if self.blind else outlet

    def names(self, outlets: Iterable[str]) -> list[str]:
        return sorted((self.name(o) for o in outlets), key=natural_key)

    def mask(self, text: str) -> str:
        """``text`` (a title, byline, dateline) with every outlet's name replaced by its Source letter."""
        if not self.blind or not text:
            return text
        return self.names_pattern().sub(lambda m: self.shown_for(m.group("name")), text)

    def title(self, title: str) -> str:
        """A headline as students see it: a page-title suffix naming an outlet cut, outlet names masked."""
        return self.mask(self.bare_title(title))

    def bare_title(self, title: str) -> str:
        """``title`` without a trailing " | Outlet…" / " - Outlet" naming a lesson outlet or one the lexicons know."""
        self.names_pattern()
        known = [e.key for e in self.lexicons["media_names"]] + [
            e.key for e in self.lexicons["source_kinds"] if e["kind"] == "media"]
        return title_without_outlet(title, [*self.variant_of, *known])

    def shown_for(self, variant: str) -> str:
        """What replaces an outlet's name: its Source letter; a programme of it ("Fox and Friends") is hidden
        whole, since "the Fox News program “Source A”" garbled the text and gave the letter away."""
        lower = variant.lower()
        return PROGRAMME_HIDDEN if lower in self.programmes else self.letters[self.variant_of[lower]]

    def names_pattern(self) -> re.Pattern[str]:
        """One pattern for every outlet's name variants, so a replacement is never replaced again."""
        if self._pattern is None:
            media = media_names(self.lexicons)
            self.variant_of = {v.lower(): o for o in self.letters for v in name_variants(o, media, self.groups)}
            alternatives = "|".join(re.escape(v) for v in sorted(self.variant_of, key=len, reverse=True))
            # "the" goes with the name: "told the Riverside Gazette" becomes "told Source A", not "the Source A".
            self._pattern = re.compile(rf"(?<!\w)(?:the\s+)?(?P<name>{alternatives})(?!\w)", re.IGNORECASE)
        return self._pattern

    # --- sentences -------------------------------------------------------------

    def sentence(self, analysis: ArticleAnalysis, index: int) -> dict[str, Any]:
        """One sentence for display: its text (outlet names masked unless cited as a source) and where it is."""
        doc = analysis.document
        start, end = doc.sentences[index]
        return {"index": index, "start": start, "end": end, "where": evidence(doc.id, start, end),
                "text": self.body_text(analysis, start, end)}

    def body_text(self, analysis: ArticleAnalysis, start: int, end: int, *, tidy: bool = True) -> str:
        """Article text in ``[start, end)``, one line, with outlet names masked in blind mode.

        A name the sentence cites as a source (inside a ``source`` span, or after "told",
        "according to": :data:`CITING`) is the article citing that outlet:
        it stays, because removing it would change what the sentence reports, and the
        key lists it as a possible giveaway. Any other mention (a dateline, a masthead,
        a sign-off such as "Follow CNN for more", an outlet crediting itself in its
        first or last paragraph) is masked, and listed too: the words around it may hint.
        """
        doc = analysis.document
        if not self.blind:
            return clean(doc.text[start:end]) if tidy else doc.text[start:end]
        sources = [s for s in analysis.spans_of("source") if s.start < end and s.end > start]
        out, position = [], start
        for match in self.names_pattern().finditer(doc.text, start, end):
            other = self.variant_of[match.group("name").lower()]
            at = match.start("name")
            show = programme_span(doc.text, at, match.end()) if match.group("name").lower() in self.programmes \
                else titled_show(doc.text, at, match.end())
            owned = possessive_show(doc.text, match.end()) if show is None else None
            if owned is not None:  # "Fox News' ‘On the Record …’": the outlet's show, hidden whole with its owner
                show = (at, *owned)
            if show is not None:  # a programme: masked whole, quotes too, and listed in the key
                at, after, kept = show
                self.note_giveaway(analysis, other, at, after, masked=True, shown=PROGRAMME_HIDDEN + kept)
                out += [doc.text[position:at], PROGRAMME_HIDDEN + kept]
                position = after
                continue
            cited = any(s.start <= at and match.end() <= s.end for s in sources) or bool(
                CITING.search(doc.text, max(start, at - 40), at)) or bool(CITED_AFTER.match(doc.text, match.end()))
            if cited and other != outlet_of(analysis):  # an outlet naming itself is a credit, never a source
                self.note_giveaway(analysis, other, at, match.end())
                continue
            # "spoke later on Fox News" or "confirmed to Fox News" in Fox's own story, or "a Denver Fox affiliate" in
            # another outlet's: masked, but "on Source A" or "Source A affiliate" still hints at what kind of outlet
            # it is, so every masked mention is listed (a teacher found "confirmed to [outlet]" unlisted).
            # The article "The" goes with the hidden name: "email to Source A", not "to The Source A".
            self.note_giveaway(analysis, other, match.start(), match.end(), masked=True)
            out += [doc.text[position:match.start()], self.letters[other]]
            position = match.end()
        out.append(doc.text[position:end])
        masked = "".join(out)
        short = self.short_name(outlet_of(analysis))
        if short is not None:  # "told The Times" in the Times' own story: its own interview, masked and listed
            for found in short.finditer(doc.text, start, end):  # a teacher found "confirmed to [it]" unlisted
                self.note_giveaway(analysis, outlet_of(analysis), found.start(), found.end(), masked=True)
            masked = short.sub(self.letters[outlet_of(analysis)], masked)
        self._note_short_names(analysis, start, end)
        return clean(masked) if tidy else masked

    def _note_short_names(self, analysis: ArticleAnalysis, start: int, end: int) -> None:
        """"the Times reported" in another outlet's story: it stays (it may be another Times), but when a lesson
        outlet goes by that masthead word it may give that outlet away, so the key lists it."""
        for other in self.letters:
            pattern = self.short_name(other) if other != outlet_of(analysis) else None
            for match in pattern.finditer(analysis.document.text, start, end) if pattern is not None else ():
                self.note_giveaway(analysis, other, match.start(), match.end())

    def short_name(self, outlet: str) -> re.Pattern[str] | None:
        """How an outlet names itself in its own story by its masthead word ("the Times" for "The New York Times").

        Only a name that ends in a masthead word of ``voice_roles.tsv`` (rule ``masthead``:
        Times, Post, Journal…), matched capitalized, and only in the outlet's own articles:
        elsewhere "the Times" may be another paper.
        """
        mastheads = {e.key for e in self.lexicons["voice_roles"] if e["rule"] == "masthead"}
        words = self.full_name(outlet).split()
        if outlet not in self.letters or len(words) < 2 or words[-1] not in mastheads:
            return None
        return re.compile(rf"(?<!\w)[Tt]he\s+{re.escape(words[-1])}(?!\w)")

    def full_name(self, outlet: str) -> str:
        """The outlet's display name from ``media_names.tsv`` ("HuffPost" for a corpus's ``hpo``), else as given."""
        return display_name(outlet, self.groups)

    def note_giveaway(self, analysis: ArticleAnalysis, outlet: str, start: int, end: int, *,
                      masked: bool = False, shown: str = "") -> None:
        """A sentence a student sees that may tell which outlet a letter hides; ``masked``: the name is shown as its
        letter (or ``shown``: a hidden programme), yet the context still hints, whether the article names its own
        outlet ("said on Fox News" in Fox's story) or another source's ("now a Fox News contributor")."""
        doc = analysis.document
        sentence = slice(*doc.sentences[doc.sentence_of(start)])
        entry = {"outlet": outlet, "letter": self.letters[outlet], "article": self.name(outlet_of(analysis)),
                 "own": outlet == outlet_of(analysis),  # the article names its own outlet, or another source's
                 "text": doc.text[start:end].strip("“”\"‘’'.,!?") if shown else doc.text[start:end],
                 "where": evidence(doc.id, start, end), "masked": masked,
                 "programme": bool(shown), "sentence": clean(doc.text[sentence] if not masked else doc.text[
                     sentence.start:start] + (shown or self.letters[outlet]) + doc.text[end:sentence.stop])}
        if entry not in self.giveaways:
            self.giveaways.append(entry)

    def sentence_at(self, analysis: ArticleAnalysis, offset: int) -> dict[str, Any]:
        return self.sentence(analysis, analysis.document.sentence_of(offset))

    def grade_of(self, text: str) -> float:
        """Flesch–Kincaid grade of ``text``, the report's own formula."""
        return round(scores(count_text(text, self.syllables))["flesch_kincaid_grade"], 1)

    def passage(self, analysis: ArticleAnalysis, indexes: Sequence[int], *, heading: str = "") -> dict[str, Any]:
        """Numbered sentences from one article, with its grade and whether that is above the class's grade."""
        doc = analysis.document
        sentences = [self.sentence(analysis, index) for index in indexes]
        for sentence in sentences:
            sentence["n"] = sentence["index"] + 1  # the handout's number for the sentence
        level = self.grade_of(" ".join(s["text"] for s in sentences))
        numbers = f"sentence{'s' if len(indexes) > 1 else ''} {number_runs([i + 1 for i in indexes])}"
        return {
            "heading": heading or f"{self.name(outlet_of(analysis))}, handout {numbers}",
            "title": self.title(doc.title),
            "sentences": sentences,
            "grade": level,
            "above_grade": level > grade_number(self.grade) + ABOVE_GRADE_MARGIN,
            "where": evidence(doc.id, sentences[0]["start"], sentences[-1]["end"]) if sentences else "",
            "article": doc.id,
        }

    def grade_distance(self, text: str) -> float:
        return abs(self.grade_of(text) - grade_number(self.grade))

    def rank(self, candidates: Sequence[Any], distance: Callable[[Any], float]) -> list[Any]:
        """Candidates nearest the class's grade first; the seed orders those within the same grade."""
        keyed = [(round(distance(c)), self.rng.random(), n, c) for n, c in enumerate(candidates)]
        return [c for *_, c in sorted(keyed, key=lambda k: k[:3])]


def spread(candidates: Sequence[Any], outlet: Callable[[Any], str]) -> list[Any]:
    """Keep the ranking, but take each outlet's best candidate before any outlet's second."""
    seen: dict[str, int] = {}
    keyed = []
    for n, candidate in enumerate(candidates):
        rank = seen.get(outlet(candidate), 0)
        seen[outlet(candidate)] = rank + 1
        keyed.append((rank, n, candidate))
    return [c for *_, c in sorted(keyed, key=lambda k: k[:2])]


def number_runs(numbers: Sequence[int]) -> str:
    """``[1, 2, 3, 10, 12, 13]`` as ``1–3, 10, 12–13``: which handout sentences a passage shows."""
    runs: list[list[int]] = []
    for number in sorted(set(numbers)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 1 else f"{run[0]}" for run in runs)


def letter_name(number: int) -> str:
    """A, B, … Z, AA, AB, … for the blind Source letters."""
    letters = string.ascii_uppercase
    return letters[number] if number < len(letters) else letter_name(number // len(letters) - 1) + letters[
        number % len(letters)]


def natural_key(text: str) -> tuple[int, str]:
    return (len(text), text)


def is_heading(text: str) -> bool:
    """A subheading inside the article ("A Prolonged Stalemate"): no closing punctuation. Not a passage sentence."""
    return not re.search(r"[.!?…][\"'”’)]*\s*$", text.strip())


def clean(text: str) -> str:
    """One line: line breaks and runs of spaces become one space."""
    return _SPACE.sub(" ", text).strip()


def spans_within(analysis: ArticleAnalysis, span_type: str, start: int, end: int) -> list[Span]:
    return sorted((s for s in analysis.spans_of(span_type) if start <= s.start and s.end <= end),
                  key=lambda s: (s.start, s.end))


def sentence_number(passage: Mapping[str, Any], offset: int) -> int:
    """The number students see for the sentence holding ``offset`` in ``passage``."""
    for sentence in passage["sentences"]:
        if sentence["start"] <= offset < sentence["end"]:
            return int(sentence["n"])
    return 0


def parse_evidence(text: str) -> list[tuple[str, int, int]]:
    """``article_id:start-end`` references (``; ``-joined in the tables) as tuples."""
    found = []
    for part in listed(text):
        match = re.fullmatch(r"\s*(.+):(\d+)-(\d+)\s*", part)
        if match:
            found.append((match.group(1), int(match.group(2)), int(match.group(3))))
    return found


def listed(value: Any) -> list[str]:
    """A table cell that holds a list (in memory) or a ``; ``-joined string (from CSV) as a list."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, list | tuple | set):
        return [str(v) for v in value if str(v)]
    return [part.strip() for part in str(value).split(";") if part.strip()]


def records(table: Any) -> list[dict[str, Any]]:
    """A comparison DataFrame (or None) as a list of row dicts."""
    if table is None or not hasattr(table, "to_dict") or len(table) == 0:
        return []
    return list(table.to_dict("records"))
