"""Voices: who each outlet quotes or cites, grouped by role, with the words given to them and why.

Voices come from the extractors' spans: ``quote`` spans (the speaker the quote
extractor resolved) and ``source`` spans (the subject of a reporting verb: "analysts
argue", "an advisor told Axios"). A source whose sentence already holds a quote by the
same speaker is not counted twice.

Roles are the general ones of ``lexicons/voice_roles.tsv`` (executive_officials,
legislators, parties_campaigns, military_police, courts_prosecutors, foreign_governments,
international_organisations, experts_academics, advocacy_rights_groups, business,
citizens_witnesses_victims, media, anonymous, documents, other); a story pack pins the
story's own actors to them. The first of these that gives a role decides
(:mod:`.rules`, :mod:`.people`):

1. the source kind ``anonymous`` (an unnamed "Trump advisor" stays anonymous: its
   anonymity is the point);
2. the mention's own words ("the congressman's lawyers", "Senate Democrats", a story
   pack's "maduro"), then the resolved name's (a pronoun's antecedent);
3. the title before the mention ("Sen."), a party-state tag ("(R-Texas)") or an
   appositive after it ("…, a professor at Yale,");

(steps 2 and 3 are the named window rules of :mod:`.window_rules`, with golden rows)
4. another mention of the same person in the article ("Farenthold said" after
   "Rep. Blake Farenthold"), then the person as a story actor named by most outlets;
5. a generic word of the mention ("officials", "group", "lawyer");
6. the source kind (media, document); a pronoun nobody resolved takes the role of the
   voice just before it in the same paragraph;
7. otherwise ``other``.

``voices`` table (one row per quote or cited source):
outlet, article_id, role, role_reason (the rule and the words behind it, with offsets
into the article's text), voice, kind (the source kind), via (quote | source), verb,
start, end (the speaker's or source's words), words (the quote, or the sentence the source
is cited in), words_start, words_end, role_term (the lexicon term that decided the role,
empty when no row did).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence

import pandas as pd

from ...analysis import ArticleAnalysis
from ...document import Document, Token
from ...lexicons import Lexicons
from ..common import WordFolder, fold, outlet_of
from ..labels import LabelUse, collect_label_uses, load_pins
from .people import People, person_key
from .rules import OFFICE_ROLES, RoleDecision, RoleRules, phrase_name, quoted
from .staff import staff_owner
from .sureness import voice_sureness
from .window_rules import AROUND_RULES, NAME_RULES

__all__ = ["COLUMNS", "Voices", "build_voices"]

COLUMNS = [
    "outlet", "article_id", "role", "role_reason", "voice", "kind", "via", "verb", "start", "end",
    "words", "words_start", "words_end", "role_term", "confidence", "reason",
]
KIND_ROLES = {"media": "media", "anonymous": "anonymous", "document": "documents"}
PRONOUNS = frozenset({"he", "she", "they", "we", "it", "i", "you"})
# How far back (in sentences) an unresolved pronoun looks for the voice it stands for.
PRONOUN_SENTENCES = 2
_ROW_TERM = re.compile(r"row '([^']*)'")


class Voices:
    """Decides each voice's role for one comparison run (the rules, the people, the reasons)."""

    def __init__(self, analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, mentions: Sequence[LabelUse]) -> None:
        self.rules = RoleRules(lexicons)
        self.people = People(analyses, mentions, self.rules)

    def classify(self, doc: Document, voice: str, start: int | None, end: int | None, kind: str) -> RoleDecision:
        """The role of one voice and the reason (the numbered steps in the module docstring)."""
        if kind == "anonymous":
            return RoleDecision("anonymous", "source kind anonymous")
        rules, people = self.rules, self.people
        resolve = lambda tokens: people.resolve(doc, tokens)  # noqa: E731
        places = []
        if start is not None and end is not None:
            places.append(_token_range(doc, start, end))
        named = doc.text.find(voice) if voice else -1
        if named >= 0 and (start is None or fold(doc.text[start:end]) != fold(voice)):
            places.append(_token_range(doc, named, named + len(voice)))  # a pronoun's antecedent
        for stage in (NAME_RULES, AROUND_RULES):  # own words at every place first, then the words around each
            for first, stop in places:
                decision = next((d for rule in stage if (d := rule.run(rules, doc, first, stop, resolve))), None)
                if decision is not None:
                    return self._office_over_party(doc, voice, decision)
        key = person_key(voice)
        if any(phrase_name(doc.tokens[first:stop]) for first, stop in places[:1]):
            key = people.key_at(doc.id, start, end)  # "Fix the Court" is found by its whole name, not by "court"
        if key and key not in PRONOUNS and (decision := people.lookup(doc.id, key)) is not None:
            return decision
        for first, stop in places:
            decision = rules.decide(doc, doc.tokens[first:stop], "own words", nearest_last=True, generic=True)
            if decision is not None:
                return self._staff(doc, decision, doc.tokens[first].start if first < len(doc.tokens) else 0, resolve)
        if kind in KIND_ROLES:
            return RoleDecision(KIND_ROLES[kind], f"source kind {kind}")
        return RoleDecision("other", "no title, appositive, lexicon row or story actor gives a role")

    def _staff(self, doc: Document, decision: RoleDecision, start: int,
               resolve: Callable[[Sequence[Token]], RoleDecision | None]) -> RoleDecision:
        """A staff word alone ("the spokesperson") takes its owner's role from an earlier use, or is a guess."""
        term = _ROW_TERM.search(decision.reason)
        if term is None or term.group(1) not in self.rules.staff_words:
            return decision
        owner = staff_owner(self.rules, doc, term.group(1), start, resolve)
        if owner is not None:
            return owner
        return RoleDecision(decision.role, f"{decision.reason}; staff word '{term.group(1)}' without whose staff")

    def _office_over_party(self, doc: Document, voice: str, decision: RoleDecision) -> RoleDecision:
        """An office beats a party label: "Roe, a Democrat" is a legislator if Roe is "Sen. Jane Roe".

        Party words describe an affiliation that officials share with candidates and
        activists; a title elsewhere in the article or the story says what the person does.
        """
        if decision.role != "parties_campaigns":
            return decision
        key = person_key(voice)
        office = self.people.lookup(doc.id, key) if key and key not in PRONOUNS else None
        if office is not None and office.role in OFFICE_ROLES:
            return RoleDecision(office.role, f"{office.reason} (an office beats the party label: {decision.reason})")
        return decision

    def table(self, analyses: Sequence[ArticleAnalysis], folder: WordFolder) -> pd.DataFrame:
        rows = []
        for analysis in analyses:
            article_rows = self._article_rows(analysis, folder)
            _resolve_pronouns(analysis.document, article_rows)
            rows.extend(article_rows)
        frame = pd.DataFrame(rows, columns=COLUMNS)
        return frame.sort_values(["outlet", "article_id", "words_start"], kind="stable").reset_index(drop=True)

    def _article_rows(self, analysis: ArticleAnalysis, folder: WordFolder) -> list[dict]:
        doc = analysis.document
        outlet = outlet_of(analysis)
        rows: list[dict] = []
        quoted_speakers: set[tuple[int, str]] = set()
        for span in analysis.spans:
            if span.type != "quote":
                continue
            speaker = str(span.attrs.get("speaker") or "")
            kind = str(span.attrs.get("speaker_kind") or "")
            s_start, s_end = span.attrs.get("speaker_start"), span.attrs.get("speaker_end")
            if speaker:
                decision = self.classify(doc, speaker, s_start, s_end, kind)
            else:
                decision = RoleDecision(KIND_ROLES.get(kind, "other"), "quote without a speaker")
            quoted_speakers.add((doc.sentence_of(span.start), folder.fold(speaker)))
            rows.append(_row(outlet, doc, decision, speaker or "(unattributed)", kind, "quote", "", s_start, s_end,
                             span.text, span.start, span.end))
        for span in analysis.spans:
            if span.type != "source":
                continue
            sentence = doc.sentence_of(span.start)
            name = str(span.attrs.get("name") or span.text)
            if {(sentence, folder.fold(name)), (sentence, folder.fold(span.text))} & quoted_speakers:
                continue
            decision = self.classify(doc, name, span.start, span.end, span.category)
            s_start, s_end = doc.sentences[sentence]
            rows.append(_row(outlet, doc, decision, name, span.category, "source", str(span.attrs.get("verb") or ""),
                             span.start, span.end, doc.text[s_start:s_end], s_start, s_end))
        return rows


def _row(outlet: str, doc: Document, decision: RoleDecision, voice: str, kind: str, via: str, verb: str,
         start: int | None, end: int | None, words: str, words_start: int, words_end: int) -> dict:
    term = _ROW_TERM.search(decision.reason)
    confidence, reason = voice_sureness(doc, start, end, decision.role, decision.reason)
    return {
        "confidence": confidence, "reason": reason,
        "outlet": outlet, "article_id": doc.id, "role": decision.role, "role_reason": decision.reason,
        "voice": voice, "kind": kind, "via": via, "verb": verb, "start": start, "end": end, "words": words,
        "words_start": words_start, "words_end": words_end, "role_term": term.group(1) if term else "",
    }


def _token_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Indices of the tokens inside ``[start, end)``."""
    columns = doc.token_columns()
    first = bisect_left(columns.starts, start)
    stop = first
    while stop < len(doc.tokens) and columns.ends[stop] <= end:
        stop += 1
    return first, stop


def _resolve_pronouns(doc: Document, rows: list[dict]) -> None:
    """An unresolved pronoun ("they said") takes the role of the voice just before it.

    Only a voice in the same paragraph and at most ``PRONOUN_SENTENCES`` sentences back
    counts: a pronoun rarely reaches further, and a wrong role is worse than ``other``.
    """
    ordered = sorted((row for row in rows if row["start"] is not None), key=lambda row: row["start"])
    for k, row in enumerate(ordered):
        if row["role"] != "other" or row["voice"].lower() not in PRONOUNS:
            continue
        for before in reversed(ordered[:k]):
            if before["role"] == "other" or before["voice"].lower() in PRONOUNS:
                continue
            near = doc.sentence_of(row["start"]) - doc.sentence_of(before["start"]) <= PRONOUN_SENTENCES
            if near and "\n" not in doc.text[before["start"]:row["start"]]:
                pronoun = quoted(doc, _tokens(doc, row["start"], row["end"]))
                row["role"] = before["role"]
                earlier = quoted(doc, _tokens(doc, before["start"], before["end"]))
                row["role_reason"] = f"pronoun {pronoun} after voice {earlier}"
                row["confidence"], row["reason"] = voice_sureness(doc, row["start"], row["end"], row["role"],
                                                                  row["role_reason"])
            break


def _tokens(doc: Document, start: int, end: int) -> tuple[Token, ...]:
    first, stop = _token_range(doc, start, end)
    return doc.tokens[first:stop]


def build_voices(
    analyses: Sequence[ArticleAnalysis],
    lexicons: Lexicons,
    folder: WordFolder,
    *,
    mentions: Sequence[LabelUse] | None = None,
) -> pd.DataFrame:
    """The ``voices`` table (columns in the module docstring).

    ``mentions`` are the comparison's entity mentions (``collect_label_uses``); they are
    collected here when the caller has none, so the table can be built on its own.
    """
    if mentions is None:
        mentions = collect_label_uses(analyses, load_pins(lexicons), folder)
    return Voices(analyses, lexicons, mentions).table(analyses, folder)
