"""The named rules that read a role off the words around one mention.

Each rule looks at one window of tokens and returns a :class:`RoleDecision`: the role and a
reason that quotes the words behind it with their offsets, so a reader can check why a
voice got its role. The windows are:

- ``own words``: the mention itself ("the congressman's lawyers", "Senate Democrats");
- ``title``: the words right before a name ("Sen.", "Republican presidential nominee");
- ``appositive``: the phrase after a comma or in brackets ("…, a professor at Yale,");
- ``party_state_tag``: "(R-Texas)", ", D-N.Y.," after a name, which in English news marks
  a legislator.

Which lexicon row wins inside a window (``lexicons/voice_roles.tsv``): a story pack's
row beats the bundled ones ("the Roe administration" with Roe pinned); a specific row
beats a ``generic`` one ("Republican Party officials" is a party voice, not an official
one); then the row nearest the name (the last in a title or a noun phrase, the first in
an appositive). A ``speaks_for`` row ("spokeswoman for", "lawyer for") gives the role of
the words that follow, and a possessive ("Hunter's lawyer", "his spokesman") the role
of its owner, unless the rest names a specific role itself ("Hunter's campaign"). A
government title with a nationality before it ("Israeli Prime Minister", "French
officials") is a foreign government, unless the nationality is a ``home`` row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...document import Document, Token
from ...grammar import THIRD_PERSON_POSSESSIVES
from ...lexicons import Entry, Lexicons, TermMatcher

TITLE_TOKENS = 6
APPOSITIVE_TOKENS = 12
GOVERNMENT_ROLES = frozenset({"executive_officials", "legislators", "military_police"})
# Offices, which beat a party word in the same words (see RoleRules.pick).
OFFICE_ROLES = GOVERNMENT_ROLES | {"courts_prosecutors"}
# Endings of nationality adjectives (Russian, Korean, Chinese, British, French, Mexican, Israeli,
# Iraqi, Pakistani, Saudi, Kuwaiti); not a bare -i, which US states end in (Missouri, Hawaii).
NATIONALITY_ENDINGS = ("ian", "ean", "ese", "ish", "ch", "an", "li", "qi", "ani", "udi", "iti")
# "." right after these words belongs to the title (Sen. Rep. Gov. Lt. Gen. Dr.).
ABBREVIATION_END = "."
_PARTY_STATE_TAG = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*$")
# Words a title window may hold that are not capitalized (former, presidential) stop at these.
_TITLE_CONNECTORS = frozenset({"of", "-"})
_APPOSITIVE_STOPS = frozenset({",", ";", ".", ")", ":", "—", "–"})
# An appositive opens with a determiner, a time word or a capitalized word ("a professor",
# "then the deputy director", "R-Texas"); anything else after a comma is a new clause or a list.
_APPOSITIVE_OPENERS = frozenset({"a", "an", "the", "then", "now", "former", "longtime", "also"})
# Words that end an appositive's noun phrase: a relative clause or a verb follows.
_APPOSITIVE_ENDS = frozenset({"who", "which", "that", "whose", "and", "but", "said", "says", "is", "was", "has", "had"})
# Prepositions that end the head of a noun phrase: "the deputy director | of the agency".
# Words that join a name's parts ("Bank of the West"); a "the" after any other word makes the name a phrase.
_NAME_CONNECTORS = frozenset({"of", "for", "and", "on", "to", "in"})
_HEAD_ENDS = frozenset({"of", "at", "for", "in", "with", "from", "to", "on", "under", "since"})


@dataclass(frozen=True, slots=True)
class RoleDecision:
    """A role and why: the words behind it with their offsets into the article's text."""

    role: str
    reason: str


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon row found in a window: its entry and its token range in the window."""

    entry: Entry
    first: int
    end: int

    @property
    def generic(self) -> bool:
        """Generic rows, and home rows ("the United States attorney" is a prosecutor, not the executive)."""
        return self.entry["rule"] in ("generic", "home")


def quoted(doc: Document, tokens: Sequence[Token]) -> str:
    """``'words' at start-end`` for a run of tokens."""
    if not tokens:
        return "''"
    start, end = tokens[0].start, tokens[-1].end
    return f"'{doc.text[start:end]}' at {start}-{end}"


class RoleRules:
    """The lexicon rows of ``voice_roles.tsv`` and the window rules that apply them.

    A class because it holds what every voice of a comparison run shares: the term
    matcher, which rows are home and which files are the bundled ones (to tell a story
    pack's pin from a general row in each reason).
    """

    def __init__(self, lexicons: Lexicons) -> None:
        lexicon = lexicons.by_name.get("voice_roles")
        entries = lexicon.entries if lexicon is not None else ()
        self.matcher = TermMatcher(entries)
        self.bundled = Path(lexicon.files[0]).parent if lexicon is not None and lexicon.files else None
        self.countries = frozenset(
            entry.key.lower() for entry in lexicons.by_name.get("source_kinds", ())
            if "country names" in entry["source"]
        )
        self.reporting_cues = lexicons.reporting_cues
        self.stop_words = lexicons.stop_words
        # Staff words: the nouns of the speaks_for rows "spokesman for", "aide to", "lawyer for".
        self.staff_words = frozenset(
            entry.key.split()[-2] for entry in entries
            if entry["rule"] == "speaks_for" and len(entry.key.split()) >= 2 and entry.key.split()[-1] in ("for", "to")
        )

    # -- rows -------------------------------------------------------------------------

    def matches(self, tokens: Sequence[Token]) -> list[Match]:
        """Rows found in ``tokens``; a row written in capitals (US, WHO, AP) matches only capitals.

        Norms are lower case, so "WHO" would otherwise match "who" and "US" the pronoun "us".
        """
        return [
            Match(entry, first, end)
            for first, end, entry in self.matcher.match([t.norm for t in tokens])
            if _case_fits(entry, tokens[first:end]) and not _given_name(entry, tokens, first, end)
        ]

    def is_pack(self, entry: Entry) -> bool:
        """Whether a row comes from a story pack or ``--lexicons`` folder rather than the bundled file."""
        return self.bundled is not None and Path(entry.file).parent != self.bundled

    def row(self, entry: Entry) -> str:
        """``row 'term' (file:line)``, naming a story pack's or user's file as such."""
        path = Path(entry.file)
        if not self.is_pack(entry):
            return f"row '{entry.key}' (lexicons/{path.name}:{entry.line})"
        return f"story pack row '{entry.key}' ({path.parent.parent.name}/{path.parent.name}/{path.name}:{entry.line})"

    def pick(self, found: Sequence[Match], *, nearest_last: bool, generic: bool) -> Match | None:
        """The deciding row: specific rows only (or generic ones), nearest the name."""
        chosen = [m for m in found if m.generic == generic and m.entry["rule"] != "speaks_for"]
        if not chosen:
            return None
        match = chosen[-1] if nearest_last else chosen[0]
        if match.entry["role"] == "parties_campaigns":
            # "Senate Democratic Leader": the office says what the person does, the party only
            # an affiliation officials share with candidates and activists.
            offices = [m for m in chosen if m.entry["role"] in OFFICE_ROLES]
            if offices:
                return offices[-1] if nearest_last else offices[0]
        return match

    # -- windows ----------------------------------------------------------------------

    def title_window(self, doc: Document, at: int) -> list[Token]:
        """The title before the token at index ``at``: "Sen.", "Republican presidential nominee".

        Goes back over capitalized words, lower-case content words (former, presidential),
        "of" (Secretary of State) and the period of an abbreviation, in the same sentence,
        and stops at a determiner, a reporting verb or other punctuation.
        """
        tokens = doc.tokens
        window: list[Token] = []
        k = at - 1
        sentence = tokens[at].sentence if at < len(tokens) else -1
        while k >= 0 and tokens[k].sentence == sentence and len(window) < TITLE_TOKENS:
            token = tokens[k]
            if token.text == ABBREVIATION_END and k > 0 and tokens[k - 1].end == token.start and tokens[k - 1].is_word:
                window.insert(0, token)
            elif not token.is_word:
                break
            elif token.norm in _TITLE_CONNECTORS and window:
                window.insert(0, token)
            elif token.norm in self.reporting_cues or (token.norm in self.stop_words and not token.text[0].isupper()):
                break
            elif token.text[0].islower() and token.norm.endswith(("ed", "ing")) and not self.matches([token]):
                break  # a verb ("directed attorney Michael Cohen"): the title starts after it
            else:
                window.insert(0, token)
            k -= 1
        while window and (window[0].norm in _TITLE_CONNECTORS or window[0].text == ABBREVIATION_END):
            window.pop(0)
        return window

    def appositive_window(self, doc: Document, after: int) -> list[Token]:
        """The phrase after a comma or an opening bracket right after the token index ``after``."""
        tokens = doc.tokens
        if after >= len(tokens) or tokens[after].text not in {",", "("}:
            return []
        sentence = tokens[after].sentence
        window: list[Token] = []
        for token in tokens[after + 1 : after + 1 + APPOSITIVE_TOKENS]:
            if token.text == ABBREVIATION_END and window and window[-1].end == token.start \
                    and any(m.end == 2 for m in self.matches([window[-1], token])):
                window.append(token)  # "an adviser to Sen. Roe": the title's full stop
                continue
            if token.sentence != sentence or token.text in _APPOSITIVE_STOPS or token.norm in _APPOSITIVE_ENDS:
                break
            window.append(token)
        if window and not (window[0].norm in _APPOSITIVE_OPENERS or window[0].text[0].isupper()):
            return []
        return window

    def head_first(self, window: Sequence[Token]) -> list[list[Token]]:
        """An appositive split at its first preposition: the head, then the complement.

        "the deputy director of the agency": the head ("the deputy director") names the
        role; the complement ("of the agency") only when the head has no row.
        """
        for k, token in enumerate(window):
            if token.norm in _HEAD_ENDS and k:
                return [list(window[:k]), list(window[k:])]
        return [list(window)]

    # -- rules ------------------------------------------------------------------------

    def party_state_tag(self, doc: Document, after: int) -> RoleDecision | None:
        """Rule ``party_state_tag``: "(R-Texas)" or ", D-N.Y.," right after a name marks a legislator."""
        tokens = doc.tokens
        if after + 1 < len(tokens) and tokens[after].text in {",", "("} and _PARTY_STATE_TAG.match(
            tokens[after + 1].text
        ):
            tag = quoted(doc, tokens[after + 1 : after + 2])
            return RoleDecision("legislators", f"party-state tag {tag} (rule party_state_tag)")
        return None

    def appositive(
        self, doc: Document, after: int, *, resolve: Callable[[Sequence[Token]], RoleDecision | None] | None = None
    ) -> RoleDecision | None:
        """Rule ``appositive``: the role the phrase after a name gives, its head first."""
        window = self.appositive_window(doc, after)
        if any(m.entry["rule"] == "speaks_for" for m in self.matches(window)):  # "an adviser to Mr. Roe"
            decision = self.decide(doc, window, "appositive", nearest_last=True, resolve=resolve)
            if decision is not None and decision.role != "other":
                return decision
        for generic in (False, True):  # "a Boston lawyer": a generic row still beats no role
            parts = self.head_first(window)
            for k, part in enumerate(parts):
                decision = self.decide(doc, part, "appositive", nearest_last=True, generic=generic, resolve=resolve)
                if decision is not None:
                    return self._job_in_body(doc, decision, parts[k + 1:])
        return None

    def _job_in_body(self, doc: Document, decision: RoleDecision, rest: Sequence[Sequence[Token]]) -> RoleDecision:
        """A job word's role yields to the body it is held in: "the president of the State Senate".

        An executive job word ("president", "director") is said of officials and of any body's
        staff alike; the complement's own row says which body ("Senate": legislators). A body
        the rows do not type ("the Washington director of MoveOn.org") leaves the role a guess.
        """
        if decision.role != "executive_officials" or not rest:
            return decision
        complement = rest[0]
        body = self.decide(doc, complement, "appositive", nearest_last=False)
        if body is not None and body.role != decision.role:
            return RoleDecision(body.role, f"{body.reason} (the body of the job: {decision.reason})")
        names = [t for t in complement if t.is_word and t.text[:1].isupper()]
        if body is None and names:
            return RoleDecision(decision.role, f"{decision.reason}; employer {quoted(doc, names)} untyped")
        return decision

    def decide(
        self,
        doc: Document,
        window: Sequence[Token],
        where: str,
        *,
        nearest_last: bool,
        generic: bool = False,
        resolve: Callable[[Sequence[Token]], RoleDecision | None] | None = None,
    ) -> RoleDecision | None:
        """The role the rows in ``window`` give (``where`` names the window in the reason).

        ``resolve`` finds the role of a name or pronoun that a ``speaks_for`` row or a
        possessive points to (the caller knows the article's people).
        """
        if not window:
            return None
        found = self.matches(window)
        for match in found:
            if match.entry["rule"] == "speaks_for":
                tail = window[match.end:]
                decision = self.decide(doc, tail, where, nearest_last=False, resolve=resolve)
                if decision is None and resolve is not None:
                    decision = resolve(tail)
                if decision is None:
                    decision = self.decide(doc, tail, where, nearest_last=False, generic=True)
                if decision is not None:
                    speaker = quoted(doc, window[match.first:match.end])
                    return RoleDecision(decision.role, f"{where} {speaker} speaks for: {decision.reason}")
                return RoleDecision(match.entry["role"], f"{where} {quoted(doc, window)}: {self.row(match.entry)}")
        pinned = [m for m in found if self.is_pack(m.entry) and not m.generic and m.entry["rule"] != "speaks_for"]
        if pinned and not generic:  # a story's own pin beats general rows: "the Roe administration"
            match = pinned[-1] if nearest_last else pinned[0]
            return RoleDecision(match.entry["role"], f"{where} {quoted(doc, window)}: {self.row(match.entry)}")
        owner = _possessor(window)
        if 0 < owner < len(window) and not generic:
            rest = self.matches(window[owner:])
            specific = self.pick(rest, nearest_last=nearest_last, generic=False)
            if specific is None:
                decision = self.decide(doc, window[:owner], where, nearest_last=True)
                if decision is None and resolve is not None:
                    decision = resolve(window[:owner])
                if decision is not None:
                    return RoleDecision(decision.role, f"possessive {quoted(doc, window[:owner])}: {decision.reason}")
        match = self.pick(found, nearest_last=nearest_last, generic=generic)
        if match is None:
            return None
        role, words = match.entry["role"], window[match.first:match.end]
        reason = f"{where} {quoted(doc, window)}: {self.row(match.entry)}"
        nationality = self._nationality(window[:match.first], found)
        if role in GOVERNMENT_ROLES and nationality is not None:
            return RoleDecision("foreign_governments", f"{where} {quoted(doc, words)} with nationality "
                            f"{quoted(doc, [nationality])} (rule nationality)")
        return RoleDecision(role, reason)

    def _nationality(self, before: Sequence[Token], found: Sequence[Match]) -> Token | None:
        """A capitalized nationality or country word before a title that no row claims (rule ``nationality``)."""
        if any(m.entry["rule"] == "home" for m in found):
            return None
        for token in before:
            norm = token.norm
            if not token.is_word or not token.text[0].isupper() or self.matches([token]):
                continue
            if norm in self.countries or (len(norm) > 3 and norm.endswith(NATIONALITY_ENDINGS) and norm.isalpha()):
                return token
        return None


def phrase_name(tokens: Sequence[Token]) -> bool:
    """A name made of a phrase ("Fix the Court", "Save the Children"): its last word does not say its kind.

    A capitalized word, then a mid-name "the" that no connector ("of the", "for the") brings in.
    """
    return any(
        token.text == "the" and tokens[k - 1].text[:1].isupper() and tokens[k - 1].norm not in _NAME_CONNECTORS
        and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper()
        for k, token in enumerate(tokens) if k > 0
    )


def _given_name(entry: Entry, tokens: Sequence[Token], first: int, end: int) -> bool:
    """A lower-case document row on a capitalized word before another: "Bill" of "Bill Clinton" is no bill."""
    return (entry["role"] == "documents" and not entry.key[:1].isupper() and tokens[first].text[:1].isupper()
            and end < len(tokens) and tokens[end].is_word and tokens[end].text[:1].isupper())


def _case_fits(entry: Entry, tokens: Sequence[Token]) -> bool:
    """Rows in capitals match only capitals; ``masthead`` rows only a capitalized word (The Denver Post)."""
    words = [t.text for t in tokens if t.is_word]
    if entry.key.isupper():
        return all(word.isupper() for word in words)
    if entry["rule"] == "masthead":
        return all(word[:1].isupper() for word in words)
    return True


def _possessor(window: Sequence[Token]) -> int:
    """Token count of a possessor at the window's start ("his", "Hunter's"), or 0."""
    if not window:
        return 0
    if window[0].norm in THIRD_PERSON_POSSESSIVES:
        return 1
    for k, token in enumerate(window[:-1]):
        if token.text.endswith(("'s", "’s")) or (k + 1 < len(window) and window[k + 1].text in {"'s", "’s"}):
            return k + 1 if token.text.endswith(("'s", "’s")) else k + 2
    return 0
