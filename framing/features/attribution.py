"""Attribution: who is said to have said what, with which verb, and of what kind the source is.

Rule-based over ``doc.tokens`` (no parser, so it runs offline and fast). A reporting
cue comes from ``lexicons/reporting_verbs.tsv`` (each inflected form a row, with its
stance); the cue counts only when a source can be found for it by one of the
constructions news writing uses:

* subject before the verb: "Experts contend", "Trump has publicly acknowledged",
  "Critics, including …, have condemned", "analysts, who argue", "with Trump insisting";
* a prepositional source: "according to Axios", "quoted by Axios", "reported by the
  New York Times", "considered by experts";
* inverted: "“…,” said the official";
* a participle that continues an earlier report: "Trump has hinted …, stating, “…”";
* a cue phrase that holds its own source: "reports indicate";
* an opening participle whose subject follows: "Asked about the deal, the minister said";
* constructions with no reporting word (see :func:`_construction_attributions`): a speaker
  then a colon ("Sanders: “…”"), "in" + a document opening a sentence ("In a new poll, …"),
  a speaker, any verb and an opening quote ("He continued, “…”", "Hillary shot back, “…”"),
  a closing quote then a speaker and any verb ("“…,” she continued"), a closing quote then a
  dash and a name ("“…” ― Carla Sanchez"), and a speaker's unlisted verb with a that-clause
  ("Trump bragged that …").

A few forms report even when no source can be read (see :func:`_reports_without_source`):
any form of *say*, the agentless passive of a few verbs of saying ("is expected to", "was
asked"), a progressive, a participle after a comma, and a past form after an unlisted
capitalized word; their attribution span has no source.

Beyond verbs of saying, the lexicon lists verbs of stance and characterisation ("called
the plan a disaster", "wants", "declined to", "endorsed"): news attributes positions as
well as words, and stance adjectives after *be* ("is confident that", "was critical of"). A
form that could be a noun ("support", "hope") is read as a verb after a modal ("could not
support") or, as a base form, after a plural noun ("strategists think"), and an -ing form
right after a plural noun is a reduced relative ("groups supporting Trump"). Polls, studies
and statements are sources of kind ``document``. A time
adverbial between subject and verb ("Trump on Sunday said") is stepped over, and a
relative subject's span runs to its pronoun ("Trump, who said").

Otherwise requiring a source is what keeps nouns out ("these claims", "reports of talks"),
and keeps the writer's own inferences out ("This move suggests a shift").

The source phrase's kind comes from ``lexicons/source_kinds.tsv`` (the White House →
institution, Axios → media, an advisor → anonymous, experts → vague, President → a
title before a name) or from capitalization (two capitalized words, or a surname seen
before, make a named person). "he"/"she" resolve to the most recent named person who
was the subject of a clause, within the last three sentences.

:func:`find_attributions` is shared: the quotes extractor calls it to name the speaker
of each direct quote, so both see the same sources without passing state.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import compress
from operator import and_, not_
from typing import NamedTuple

from ..document import Document, Span, Token
from ..lexicons import Entry, Lexicons
from . import Extraction

# Grammar, not vocabulary: closed classes the construction rules need.
_AUXILIARIES = frozenset(
    ["has", "have", "had", "is", "was", "were", "are", "be", "been", "being", "will", "would", "could", "can",
     "may", "might", "should", "must", "did", "does", "do", "shall", "n't", "not", "never", "also", "yet",
     "already", "still", "even", "further", "repeatedly", "once", "again", "now", "then", "later", "previously",
     "recently", "often", "always", "too"]
)
_BE = frozenset(["is", "was", "were", "are", "be", "been", "being"])
# Auxiliaries after which only a verb's base form can follow ("could support", "don't want").
_MODALS = frozenset(["will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
                     "shall", "n't"])
_RELATIVES = frozenset(["who", "which", "that"])
_DETERMINERS = frozenset(
    ["the", "a", "an", "one", "two", "three", "several", "many", "some", "most", "this", "these", "those",
     "its", "their", "his", "her", "other", "both", "all", "few", "numerous", "various"]
)
_PREPOSITIONS = frozenset(
    ["in", "inside", "of", "from", "at", "on", "for", "by", "to", "against", "within", "about", "over", "near",
     "toward", "towards", "into", "under", "among", "between", "than", "like", "during", "after", "before"]
)
_CLAUSE_OPENERS = frozenset(
    ["and", "but", "while", "as", "that", "when", "after", "before", "since", "because", "although", "though",
     "if", "whether", "so", "yet", "where", "who", "whom", "once", "until", "unless", "with", "however"]
)
# "I" outside quotes is the writer (first-person pieces); "we" a group including the writer.
_PRONOUNS = {"he": "named_person", "she": "named_person", "they": "vague", "i": "named_person", "we": "vague"}
# Words that cannot head a speaker's noun phrase.
_NOT_HEADS = _AUXILIARIES | _PREPOSITIONS | _CLAUSE_OPENERS | _RELATIVES | frozenset(
    ["this", "that", "there", "what", "which", "who", "i", "you", "we", "me", "him", "her", "us", "them",
     "here", "also", "then", "now", "when", "where", "why", "how", "not", "no", "yes", "so", "just", "only",
     "himself", "herself", "itself", "themselves", "myself", "ourselves"]
) | _DETERMINERS
# After a form that can also be a noun ("claims", "state"), a verb use goes on with one of these.
_VERB_FOLLOWERS = frozenset(
    ["that", ",", ":", "“", '"', "‘", "he", "she", "they", "it", "we", "i", "there", "the", "a", "an", "his", "her",
     "their", "its", "this", "these", "those"]
)
# Prepositions before a participle whose subject is the clause's subject.
_BY_GERUND = frozenset(["by", "after", "before", "while", "when"])
_PUNCT_OPENERS = frozenset(",;:–—-()[]\"“”‘’'«»")
_CONDUIT_PREPOSITIONS = frozenset(["on", "to", "in"])
_NOT_NAMES = _DETERMINERS | _PREPOSITIONS | _CLAUSE_OPENERS | frozenset(_PRONOUNS)
# Sentences back to look for a pronoun's antecedent.
_PRONOUN_WINDOW = 3
_HE_SHE = {"he": "m", "she": "f"}
# Titles and nouns that show a named person's gender when they stand in or just before the
# name ("Mrs. Clinton", "Cruz spokeswoman Catherine Frazier", "her husband Bill Clinton").
_GENDERED_WORDS = dict.fromkeys(
    ["mr", "sir", "lord", "king", "prince", "congressman", "assemblyman", "councilman", "spokesman", "chairman",
     "businessman", "husband", "father", "son", "brother", "uncle", "grandfather", "widower", "boyfriend"], "m"
) | dict.fromkeys(
    ["mrs", "ms", "miss", "lady", "dame", "queen", "princess", "congresswoman", "assemblywoman", "councilwoman",
     "spokeswoman", "chairwoman", "businesswoman", "wife", "mother", "daughter", "sister", "aunt", "grandmother",
     "widow", "girlfriend"], "f"
)
# Time adverbials that can stand between a subject and its verb ("Trump on Sunday said").
_TIME_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "time",
     "january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december"]
)
_TIME_LEADS = frozenset(["on", "in", "at", "last", "this", "that", "early", "late", "during", "the", "a", "next",
                         "earlier", "same", "one", "each", "every", "sunday", "monday", "tuesday", "wednesday",
                         "thursday", "friday", "saturday"])
# Before a participle that opens a sentence without its subject: "When asked …, X said".
_PARTICIPLE_OPENERS = frozenset(["when", "if", "once", "after", "as", "while"])
_OPENING_MARKS = frozenset(["“", '"', "‘"])
# Verbs whose agentless passive is itself a report with its source held back ("is expected to",
# "is said to", "was asked about", "was accused of"); the passive of other verbs is more often an
# act or a state ("had been declared", "have been attacked", "should be considered closed").
_PASSIVE_REPORTS = frozenset(["say", "tell", "ask", "expect", "announce", "report", "accuse", "allege", "criticize"])
# Particles of phrasal verbs of speaking ("shot back", "lashed out", "went on", "spoke up").
_PARTICLES = frozenset(["back", "out", "up", "on"])
# Tokens that can make a cue by construction (see _construction_attributions).
_CONSTRUCTION_MARKS = _OPENING_MARKS | {":"}
# Token norms of a closing quotation mark (curly single marks normalize to "'").
_CLOSING_MARKS = frozenset(["”", '"', "'"])
# Verbs of evidence: after a comma ("…, indicating that …") they are the writer's own
# inference, so they never continue an earlier source's report.
# They also take things as subjects ("the conflict highlights"), so an unlisted noun is no source for them.
_INFERENCE_LEMMAS = frozenset(
    ["indicate", "suggest", "show", "demonstrate", "prove", "imply", "signal", "highlight", "underscore",
     "underline", "illustrate", "reflect", "mean"]
)


@dataclass(frozen=True, slots=True)
class Source:
    """A source phrase: where it is, what kind it is, and which rule or term said so."""

    start: int
    end: int
    text: str
    kind: str
    label: str
    name: str  # the resolved name: "Donald Trump" for "he", else the phrase itself


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting cue with its source (if found) and any outlet that relayed it."""

    start: int
    end: int
    text: str
    entry: Entry
    sentence: int
    source: Source | None
    conduits: tuple[Source, ...] = ()
    content: tuple[int, int] | None = None  # character offsets of what is reported, when read

    @property
    def stance(self) -> str:
        return self.entry["stance"]

    @property
    def lemma(self) -> str:
        return self.entry["lemma"]


class _Unit(NamedTuple):
    """A candidate source phrase in token indices ``[first, last]`` (inclusive).

    A NamedTuple, not a frozen dataclass: the rules build thousands of candidates per
    document, and a tuple is several times cheaper to build.
    """

    first: int
    last: int
    kind: str
    label: str
    name: str


class _Mention(NamedTuple):
    """A named person: tokens ``[first, last]`` with titles, ``name_first`` where the name starts.

    A NamedTuple for the same reason as :class:`_Unit`.
    """

    first: int
    last: int
    name_first: int
    name: str
    subject_like: bool


class _Context:
    """Per-document lookups built once for the rules (state is real: it is the parse)."""

    def __init__(self, doc: Document, lexicons: Lexicons) -> None:
        self.doc = doc
        self.tokens: Sequence[Token] = doc.tokens
        # Token fields as columns (built by the parser): the rules index them thousands of
        # times per document, and rebuilding them token by token cost more than the rules.
        token_starts, token_ends, texts, norms, sentences, words, quoted = doc.token_columns()
        self.norms: Sequence[str] = norms
        self.starts: Sequence[int] = token_starts
        self.ends: Sequence[int] = token_ends
        # Norm and word flag depend on the text alone, so the tests below run once per distinct
        # text, and with set operations where they can: this runs on every document.
        norm_of = dict(zip(texts, norms, strict=True))
        non_words = set(compress(texts, map(not_, words)))
        lower_texts = set(filter(str.islower, norm_of))
        lowered = set(map(norm_of.__getitem__, lower_texts - non_words))
        self.lowered = lowered
        # Sentence ids never decrease, so the pairs read backwards leave each sentence's first token.
        self.sentence_first: dict[int, int] = dict(
            zip(reversed(sentences), range(len(sentences) - 1, -1, -1), strict=True)
        )
        # One pass decides which tokens can be part of a name; runs are read from it. Apart
        # from ``quoted`` the test depends on the text alone: a capitalized word, not
        # hyphenated, not also seen in lower case, not a determiner, preposition or pronoun.
        name_text = dict.fromkeys(lower_texts | non_words, False)
        for text in norm_of.keys() - name_text.keys():
            norm = norm_of[text]
            name_text[text] = text[0].isupper() and "-" not in text and norm not in lowered and norm not in _NOT_NAMES
        self.name_like: list[bool] = list(map(and_, map(name_text.__getitem__, texts), map(not_, quoted)))
        kinds: dict[int, tuple[int, Entry]] = {}
        starts: dict[int, tuple[int, Entry]] = {}
        for first, end, entry in lexicons.matcher("source_kinds").match(self.norms):
            if not self._acceptable_source_match(first, end, entry):
                continue
            kinds[end - 1] = (first, entry)
            starts[first] = (end - 1, entry)
        self.kind_by_last = kinds
        self.kind_by_first = starts
        self.titles = {last for last, (first, entry) in kinds.items() if entry["kind"] == "named_person"}
        # The full stop of an abbreviated title ("Mr. Podesta") belongs to the name.
        self.titles_after = {
            i + 1 for i in self.titles if i + 1 < len(self.tokens) and self.tokens[i + 1].text == "."
        }
        self.mentions = self._find_mentions()
        self.mention_by_last = {m.last: m for m in self.mentions}
        self.mention_by_first = {}
        for mention in self.mentions:
            self.mention_by_first.setdefault(mention.first, mention)
            self.mention_by_first.setdefault(mention.name_first, mention)
        self.antecedents = self._resolve_pronouns()

    def _acceptable_source_match(self, first: int, end: int, entry: Entry) -> bool:
        """Short acronyms (US, AP, UN) only in capitals, so "told us" is not the United States."""
        text = self.tokens[first].text
        if text.endswith(("'s", "’s")):
            text = text[:-2]
        if end - first == 1 and len(entry.key) <= 3 and entry["kind"] != "named_person":
            return text.isupper() or "." in text
        if entry["kind"] == "named_person":
            return True
        # A capitalized media/institution name written in lower case is an ordinary word.
        return not (entry["kind"] == "media" and text.islower() and " " not in entry.key and len(entry.key) <= 5)

    # --- named people ---------------------------------------------------------------

    def is_name_token(self, index: int) -> bool:
        return self.name_like[index]

    def _find_mentions(self) -> list[_Mention]:
        mentions: list[_Mention] = []
        surnames: dict[str, str] = {}
        count = len(self.tokens)
        name_like = self.name_like
        starts = sorted(set(compress(range(count), name_like)) | self.titles)
        sentence_ids = self.doc.token_columns().sentences
        titles, titles_after = self.titles, self.titles_after
        kind_by_first, kind_by_last, norms = self.kind_by_first, self.kind_by_last, self.norms
        index = 0
        for candidate in starts:
            if candidate < index:
                continue
            index = candidate
            run_end = index
            sentence = sentence_ids[index]
            while run_end + 1 < count and sentence_ids[run_end + 1] == sentence and (
                name_like[run_end + 1] or run_end + 1 in titles or run_end + 1 in titles_after
            ):
                run_end += 1
            if run_end == index and index not in titles and index not in titles_after and (
                index in kind_by_first or index in kind_by_last or norms[index] not in surnames
            ):
                # The common case, decided here as _mention_in_run would: one capitalized word
                # that is a term of its own or not a known surname names nobody.
                index = run_end + 1
                continue
            mention = self._mention_in_run(index, run_end, surnames)
            if mention is not None:
                mentions.append(mention)
                if mention.last > mention.name_first or mention.name_first > mention.first:
                    surnames.setdefault(self.norms[mention.last], mention.name)
            index = run_end + 1
        return mentions

    def _mention_in_run(self, first: int, last: int, surnames: dict[str, str]) -> _Mention | None:
        """The person named by a run of capitalized tokens, if it names one."""
        titled = [i for i in range(first, last + 1) if i in self.titles or i in self.titles_after]
        title_last = max(titled, default=None)
        name_first = first if title_last is None else title_last + 1
        while name_first <= last and (name_first in self.kind_by_first or name_first in self.kind_by_last):
            name_first += 1  # "US President": a modifier with its own kind, not a name
        if name_first > last:
            return None
        name_tokens = range(name_first, last + 1)
        if any(i in self.kind_by_last or i in self.kind_by_first for i in name_tokens):
            return None  # "Trump Management", "The New York Times": an institution or outlet
        surname = self.norms[last]
        known = surnames.get(surname)
        if title_last is None and last == name_first and known is None:
            return None  # one unknown capitalized word: a place as often as a person
        name = " ".join(self.tokens[i].text for i in name_tokens)
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if last == name_first and known:
            name = known
        return _Mention(first, last, name_first, name, self._subject_like(first, last))

    def _subject_like(self, first: int, last: int) -> bool:
        """Whether a mention opens a clause rather than following a preposition or a noun."""
        previous = first - 1
        if previous < 0 or self.tokens[previous].sentence != self.tokens[first].sentence:
            return True
        token = self.tokens[previous]
        # After a preposition or a noun ("the aircraft carrier Gerald Ford") it is an object.
        return token.text in _PUNCT_OPENERS or token.norm in _CLAUSE_OPENERS - {"with"}

    def _resolve_pronouns(self) -> dict[int, _Mention]:
        """``he``/``she`` token index → the named person it refers to.

        The most recent subject-like named person within the window wins, else the most
        recent one; a resolved pronoun counts as a fresh subject mention of its person,
        so "He refrained … he asserted" stays with the same man. A person whose gender
        the article shows (:meth:`_genders`) is passed over by a pronoun of the other
        gender ("Mrs. Clinton … Mr. Podesta said … He noted": he is Podesta), and a
        pronoun's fresh mention carries the pronoun's own gender.
        """
        genders = self._genders()
        antecedents: dict[int, _Mention] = {}
        history: list[tuple[int, _Mention, str | None]] = []  # (token index, mention, gender)
        mention_at = {m.first: m for m in self.mentions}
        pronouns = compress(range(len(self.norms)), map(_HE_SHE.__contains__, self.norms))
        # Only mentions and he/she matter; every other token would be skipped.
        for index in sorted(set(pronouns) | mention_at.keys()):
            token = self.tokens[index]
            if index in mention_at:
                history.append((index, mention_at[index], None))
                continue
            if token.norm not in _HE_SHE or token.quoted:
                continue
            gender = _HE_SHE[token.norm]
            lowest = token.sentence - _PRONOUN_WINDOW
            window = [
                m for at, m, known in history
                if self.tokens[at].sentence >= lowest and m.last < index
                and (known or genders.get(m.name, gender)) == gender
            ]
            chosen = next((m for m in reversed(window) if m.subject_like), None) or (window[-1] if window else None)
            if chosen is not None:
                antecedents[index] = chosen
                history.append((index, _Mention(index, index, index, chosen.name, True), gender))
        return antecedents

    def _genders(self) -> dict[str, str]:
        """Name → "m" or "f" where a title or noun in or just before a mention says so.

        "Mr. Podesta", "Mrs. Clinton", "spokeswoman Hope Hicks", "her husband Bill": the
        grammar of English titles and kinship nouns, no list of first names. A name shown
        with both genders, or with only ungendered titles ("President Obama"), is unknown.
        """
        seen: dict[str, set[str]] = {}
        for mention in self.mentions:
            sentence = self.tokens[mention.name_first].sentence
            for i in range(max(mention.first - 1, 0), mention.name_first):
                gender = _GENDERED_WORDS.get(self.norms[i])
                if gender is not None and self.tokens[i].sentence == sentence:
                    seen.setdefault(mention.name, set()).add(gender)
        return {name: found.pop() for name, found in seen.items() if len(found) == 1}

    # --- source phrases -------------------------------------------------------------

    def unit_ending_at(self, last: int) -> _Unit | None:
        """A source phrase whose head is the token at ``last`` (pronoun, lexicon term or name)."""
        if last < 0:
            return None
        token = self.tokens[last]
        if token.quoted:
            return None
        if token.norm in _PRONOUNS and token.is_word:
            mention = self.antecedents.get(last)
            kind = _PRONOUNS[token.norm]
            name = mention.name if mention else token.text
            return _Unit(last, last, kind, f"pronoun {token.norm}", name)
        mention = self.mention_by_last.get(last)
        match = self.kind_by_last.get(last)
        if match is not None and (mention is None or match[0] > mention.name_first):
            first, entry = match
            first = self._extend_modifiers(first)
            text = self._text(first, last)
            return _Unit(first, last, entry["kind"], entry.key, text)
        if mention is not None:
            label = "title + name" if mention.name_first > mention.first else "capitalized name"
            return _Unit(self._extend_modifiers(mention.first), last, "named_person", label, mention.name)
        return None

    def _extend_modifiers(self, first: int) -> int:
        """Take in determiners, numbers and capitalized modifiers: "the Trump administration", "30 percent"."""
        sentence = self.tokens[first].sentence
        while first > 0 and self.tokens[first - 1].sentence == sentence:
            previous = self.tokens[first - 1]
            if previous.quoted or not previous.is_word:
                break
            if previous.norm in _DETERMINERS or previous.text[0].isdigit() or (
                previous.text[0].isupper() and "-" not in previous.text
                and previous.norm not in _CLAUSE_OPENERS
                and previous.norm not in _PREPOSITIONS
                and previous.norm not in _PRONOUNS
                and (previous.norm not in self.lowered or first - 1 in self.kind_by_last)
            ):
                first -= 1
                continue
            break
        return first

    def left_phrase(self, last: int, *, relative: bool = False) -> _Unit | None:
        """The full source phrase ending at ``last``: coordinated and with a trailing PP.

        "experts, legislators, and human rights defenders" is one phrase; "Reports in
        The New York Times" is one phrase of kind media; "Experts on Venezuela" stays
        vague; "actions inside Venezuela" is no source at all.
        """
        unit = self.unit_ending_at(last)
        if unit is None:
            return None
        first = unit.first
        kind, label, name = unit.kind, unit.label, unit.name
        # Coordination: "X, Y and Z" / "X and their Z": the first conjunct decides the kind.
        joined = False  # a list needs its "and": "X, he said" is no list
        while not unit.label.startswith("pronoun"):
            probe = first - 1
            skipped = 0
            while probe >= 0 and self.norms[probe] in {",", "and", "or", "their", "its", "other"} and skipped < 3:
                probe -= 1
                skipped += 1
            links = {self.norms[i] for i in range(probe + 1, first)}
            joined = joined or bool(links & {"and", "or"})
            if skipped == 0 or not joined or not links & {",", "and", "or"}:
                break
            other = self.unit_ending_at(probe)
            if other is None or (other.kind == "named_person" and kind != "named_person"):
                break
            first, kind, label, name = other.first, other.kind, other.label, other.name
        # A prepositional phrase: the head comes before it.
        preposition = first - 1
        if not relative and preposition >= 0 and self.norms[preposition] in _PREPOSITIONS:
            head = self.unit_ending_at(preposition - 1)
            if head is None or head.kind == "named_person":
                return None
            if kind == "media":  # "Reports in The New York Times": the outlet is the source
                return _Unit(head.first, unit.last, kind, label, self._text(head.first, unit.last))
            return _Unit(head.first, unit.last, head.kind, head.label, self._text(head.first, unit.last))
        if first != unit.first:
            name = self._text(first, unit.last)
        return _Unit(first, unit.last, kind, label, name)

    def right_phrase(self, first: int, sentence: int) -> _Unit | None:
        """A source phrase starting at ``first`` (after "according to", "by", inverted "said")."""
        count = len(self.tokens)
        probe = first
        while (probe < count and probe not in self.kind_by_first and self.norms[probe] in _DETERMINERS
               and probe - first < 3):
            probe += 1
        best: _Unit | None = None
        index = probe
        # Walk over the phrase: capitalized words and lexicon terms, keep the last head found.
        while index < count and self.tokens[index].sentence == sentence and index - probe < 8:
            if index in self.kind_by_first:
                last, entry = self.kind_by_first[index]
                mention = self.mention_by_first.get(index)
                if mention is not None and mention.last > last and entry["kind"] == "named_person":
                    last = mention.last
                    best = _Unit(first, last, "named_person", "title + name", mention.name)
                else:
                    best = _Unit(first, last, entry["kind"], entry.key, self._text(first, last))
                index = last + 1
                continue
            mention = self.mention_by_first.get(index)
            if mention is not None:
                label = "title + name" if mention.name_first > mention.first else "capitalized name"
                best = _Unit(first, mention.last, "named_person", label, mention.name)
                index = mention.last + 1
                continue
            if self.tokens[index].norm in _PRONOUNS and index == probe:
                return self.unit_ending_at(index)
            if self.is_name_token(index) or self.tokens[index].text in ("’s", "'s"):
                index += 1
                continue
            break
        if best is None:
            return None
        # Coordination on the right: "experts, legislators and human rights defenders".
        last = best.last
        while last + 2 < count and self.norms[last + 1] in {",", "and", "or"}:
            after = last + 2
            if self.norms[after] in {"and", "or"}:
                after += 1
            if after in self.kind_by_first and self.kind_by_first[after][1]["kind"] == best.kind:
                last = self.kind_by_first[after][0]
            else:
                break
        if last != best.last:
            return _Unit(best.first, last, best.kind, best.label, self._text(best.first, last))
        return best

    def generic_left(self, last: int, *, loose: bool) -> _Unit | None:
        """Any noun phrase ending at ``last``, for verbs that only a speaker can do ("the clip says").

        With ``loose`` False (a form that could be a noun: "claims", "comments") a
        lower-case phrase needs a determiner or possessive before it ("the group
        argues"), so "false claims" is never read as someone claiming.
        """
        token = self.tokens[last]
        if not token.is_word or token.quoted or token.norm in _NOT_HEADS:
            return None
        if token.text.islower() and len(token.norm) > 4 and token.norm.endswith(("ly", "ing", "ed")):
            return None  # an adverb or a verb form cannot head the speaker's phrase ("targeted alleged boats")
        sentence = token.sentence
        first = last
        if token.norm == "it":
            return _Unit(last, last, "institution", "pronoun it", token.text) if loose else None
        if token.norm in _TIME_WORDS:
            return None  # "said Friday that": a time, not a speaker
        if token.text[0].isupper() or token.text[0].isdigit():
            while first > 0 and self.tokens[first - 1].sentence == sentence and (
                (self.tokens[first - 1].text[0].isupper() and self.tokens[first - 1].norm not in _NOT_HEADS)
                or (self.tokens[first - 1].text == "." and first - 1 in self.titles_after)
            ):
                first -= 1
            text = self._text(first, last)
            head = token.text
            if head.isupper() or "." in head:
                kind = "institution"
            elif head.endswith("s") and not head.endswith("ss") and first == last:
                kind = "vague"
            else:
                kind = "named_person"
            first = self._extend_modifiers(first)
            return _Unit(first, last, kind, "unlisted name", text)
        while first > 0 and last - first < 4 and self.tokens[first - 1].sentence == sentence:
            previous = self.tokens[first - 1]
            if not previous.is_word or previous.quoted or previous.norm in _NOT_HEADS or previous.norm in _DETERMINERS:
                break
            first -= 1
        before = self.tokens[first - 1] if first > 0 else None
        determined = before is not None and before.sentence == sentence and (
            before.norm in _DETERMINERS or before.text.endswith(("'s", "’s"))
        )
        if determined:
            first = self._extend_modifiers(first)
        elif not loose:
            return None
        kind = "vague" if token.norm.endswith("s") and not token.norm.endswith("ss") else "anonymous"
        return _Unit(first, last, kind, "unlisted noun phrase", self._text(first, last))

    def generic_right(self, first: int, sentence: int) -> _Unit | None:
        """An inverted subject not in the lexicons: "said Mr. Podesta", "said the rights group"."""
        index = first
        count = len(self.tokens)
        while index < count and self.norms[index] in _DETERMINERS and index - first < 2:
            index += 1
        last = None
        while index < count and self.tokens[index].sentence == sentence and index - first < 6:
            token = self.tokens[index]
            if token.is_word and token.norm not in _NOT_HEADS and not token.quoted:
                last = index
            elif not (token.text == "." and index in self.titles_after):
                break
            index += 1
        if last is None:
            return None
        if self.tokens[last].text[0].isupper():
            return self.generic_left(last, loose=True)
        head = self.norms[last]
        kind = "vague" if head.endswith("s") and not head.endswith("ss") else "anonymous"  # "their attorneys"
        return _Unit(first, last, kind, "unlisted noun phrase", self._text(first, last))

    def first_token_from(self, offset: int) -> int | None:
        """Index of the first token starting at or after ``offset``."""
        position = bisect_left(self.starts, offset)
        return position if position < len(self.starts) else None

    def _text(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def source(self, unit: _Unit) -> Source:
        start, end = self.tokens[unit.first].start, self.tokens[unit.last].end
        return Source(start, end, self.doc.text[start:end], unit.kind, unit.label, unit.name)


def find_attributions(doc: Document, lexicons: Lexicons) -> list[Attribution]:
    """Every reporting cue outside speech quotes that has a source, in text order."""
    return find_sources(doc, lexicons)[0]


def find_sources(
    doc: Document, lexicons: Lexicons, quotes: Sequence[tuple[int, int]] = ()
) -> tuple[list[Attribution], dict[int, Source], dict[int, Source]]:
    """Attributions; and for each ``(start, end)`` quote its sentence's subject and its tag.

    The subject (keyed by quote start) lets the quotes extractor credit a quote that no
    reporting verb introduces ("Cruz called Trump a “pathological liar”") to the person
    the sentence is about; the tag (keyed by quote end) is a name or pronoun right after
    the quote with any verb ("“…,” he continued"). Both are parsed here so the document
    is read once.
    """
    context = _Context(doc, lexicons)
    found = _attributions(context, doc, lexicons)
    subjects: dict[int, Source] = {}
    tags: dict[int, Source] = {}
    for start, end in quotes:
        index = context.first_token_from(start)
        if index is not None:
            sentence = context.tokens[index].sentence
            unit = _clause_subject(context, sentence, index)
            opening = context.sentence_first.get(sentence)
            # "Trump issued the following statement:" then the quote: the subject before the colon.
            if unit is None and opening is not None and opening > 0 and index - opening <= 1 and (
                context.norms[opening - 1] == ":"
            ):
                unit = _clause_subject(context, context.tokens[opening - 1].sentence, opening - 1)
            if unit is not None:
                subjects[start] = context.source(unit)
        index = context.first_token_from(end)
        if index is not None and index > 0 and "\n" not in doc.text[end : context.starts[index]] and (
            context.tokens[index].sentence == context.tokens[index - 1].sentence
            or (context.tokens[index - 1].text in "”\"'" and doc.text[end - 2 : end - 1] in ("?", "!"))
        ):  # "“Why not?” Sanders asked": the mark inside the quote ended the sentence, not the report;
            # a paragraph break ends it whatever the mark ("“…?” ¶ Follow Pam Key on Twitter")
            unit = _tag_after(context, index)
            if unit is not None:
                tags[end] = context.source(unit)
    return found, subjects, tags


def _tag_after(context: _Context, index: int) -> _Unit | None:
    """"“…,” he continued": a pronoun or name opening the words after a quote, then a verb."""
    tokens = context.tokens
    if tokens[index].text == ",":
        index += 1
    if index >= len(tokens) or tokens[index].quoted:
        return None
    for last in range(index, min(index + 5, len(tokens) - 1)):
        unit = context.unit_ending_at(last)
        if unit is not None and unit.first == index and unit.kind != "vague":
            following = tokens[last + 1]
            if following.is_word and following.text.islower() and following.sentence == tokens[index].sentence:
                return unit
    # An unlisted capitalized name then a verb: "“…,” Blige sings".
    last = index
    while last + 1 < len(tokens) and context.is_name_token(last + 1) and last - index < 3:
        last += 1
    if context.is_name_token(index) and last + 1 < len(tokens) and not tokens[index].text.isupper():
        following = tokens[last + 1]
        if following.is_word and following.text.islower() and following.sentence == tokens[index].sentence:
            unit = context.generic_left(last, loose=True)
            if unit is not None and unit.kind == "named_person":
                return unit
    # Inverted, with a verb of any manner: "“…,” mused the co-host Stu Burguiere".
    verb = tokens[index]
    if (verb.is_word and verb.text.islower() and verb.norm.endswith("ed") and verb.norm not in _NOT_HEADS
            and index + 1 < len(tokens) and tokens[index + 1].sentence == verb.sentence):
        unit = context.right_phrase(index + 1, verb.sentence) or context.generic_right(index + 1, verb.sentence)
        if unit is not None and unit.kind in ("named_person", "institution", "media"):
            return unit
    return None


def _attributions(context: _Context, doc: Document, lexicons: Lexicons) -> list[Attribution]:
    tokens = context.tokens
    found: list[Attribution] = []
    for first, end, entry in lexicons.matcher("reporting_verbs").match(context.norms):
        if tokens[first].quoted or not _cue_form_ok(context, first, entry):
            continue
        unit = _find_source(context, first, end, entry, found)
        if unit is None and not _reports_without_source(context, first, end, entry):
            continue
        if entry["lemma"] == "put it" and not _as_source_put_it(context, unit, end):
            continue
        start, stop = tokens[first].start, tokens[end - 1].end
        conduits = _conduits(context, end, entry, unit)
        found.append(
            Attribution(
                start, stop, doc.text[start:stop], entry, tokens[first].sentence,
                context.source(unit) if unit else None, conduits,
            )
        )
    extra = _construction_attributions(context, found)
    if extra:
        found = sorted(found + extra, key=lambda attribution: attribution.start)
    return [replace(attribution, content=_content_of(context, attribution)) for attribution in found]


# Fewest words a reported clause needs: "he said so" reports nothing we can show.
_MIN_CONTENT_WORDS = 3
_CONTENT_LEADS = frozenset(["that", ",", ":", "–", "—", "-"])


def _content_of(context: _Context, attribution: Attribution) -> tuple[int, int] | None:
    """What the cue reports, as character offsets: the rest of the sentence after the cue and its
    source ("Trump said [that] the deal was dead"), or, when the cue and source close the sentence
    ("The deal is dead, Trump said." / "…, according to Axios."), the sentence up to the comma.

    A reported clause runs to the end of its sentence in news writing far more often than not;
    a sentence-final tag reports everything before its comma.
    """
    doc, tokens = context.doc, context.tokens
    sentence_start, sentence_end = doc.sentences[attribution.sentence]
    source = attribution.source
    after = attribution.end
    if source is not None and source.start >= attribution.end:
        after = source.end  # inverted or prepositional: "said the official", "according to Axios"
    index = context.first_token_from(after)
    while index is not None and index < len(tokens) and tokens[index].start < sentence_end and (
        tokens[index].norm in _CONTENT_LEADS
    ):
        index += 1
    if index is not None and index < len(tokens) and tokens[index].start < sentence_end:
        end = sentence_end
        text = doc.text[tokens[index].start : end].rstrip().rstrip(".!?”\"’'").rstrip()
        if len(text.split()) >= _MIN_CONTENT_WORDS:
            return tokens[index].start, tokens[index].start + len(text)
    opening = min(attribution.start, source.start if source is not None else attribution.start)
    comma = doc.text.rfind(",", sentence_start, opening)
    if comma < 0:
        return None
    text = doc.text[sentence_start:comma]
    stripped = text.lstrip().lstrip("“\"‘'")
    start = sentence_start + len(text) - len(stripped)
    return (start, comma) if len(stripped.split()) >= _MIN_CONTENT_WORDS else None


def _skip_auxiliaries_back(
    tokens: Sequence[Token], norms: Sequence[str], first: int, sentence: int
) -> tuple[int, bool]:
    """The index before the auxiliaries and -ly adverbs that precede token ``first`` in its sentence
    ("has *repeatedly* said"), and whether a form of *be* was among them (a passive)."""
    index = first - 1
    skipped_be = False
    while index >= 0 and tokens[index].sentence == sentence and (
        norms[index] in _AUXILIARIES or (norms[index].endswith("ly") and tokens[index].text.islower())
    ):
        skipped_be = skipped_be or norms[index] in _BE
        index -= 1
    return index, skipped_be


def _reports_without_source(context: _Context, first: int, end: int, entry: Entry) -> bool:
    """Cues that report even when no source phrase is found for them.

    Requiring a source keeps nouns and the writer's inferences out, but some forms can
    only be reports: "according to" (the source may be left unsaid); any verb form of
    *say* ("Ford itself said", "most of them said": a subject our rules do not read); the
    agentless passive of a verb in ``_PASSIVE_REPORTS`` ("is widely expected to", "was
    asked about"), which hides the source on purpose; a progressive ("are asking"); a
    participle after a comma ("…, calling it a disgrace"), which continues the clause's
    report; and a past form right after a capitalized word ("Comey indicated",
    "Republicans Finally Confirmed"), whose subject is a name our rules do not know.
    """
    if entry["lemma"] == "according to":
        return True
    if entry["lemma"].startswith("be "):
        return False  # a stance adjective ("sure that") is someone's only with a subject: "make sure that"
    tokens, norms = context.tokens, context.norms
    form = tokens[first].norm
    sentence = tokens[first].sentence
    index, skipped_be = _skip_auxiliaries_back(tokens, norms, first, sentence)
    before = norms[index] if index >= 0 and tokens[index].sentence == sentence else ""
    if entry["lemma"] == "say":
        return form != "say" or before not in _DETERMINERS
    if not _verb_only_form(entry, form):
        return False
    if skipped_be:
        return entry["lemma"] in _PASSIVE_REPORTS or form.endswith("ing")
    if form.endswith("ing"):
        return before == "," and entry["lemma"] not in _INFERENCE_LEMMAS  # "…, indicating": the writer's inference
    # A past form after a capitalized word: an unlisted name or a headline's subject ("Comey indicated").
    previous = tokens[index] if before else None
    return previous is not None and previous.is_word and previous.text[0].isupper() and before not in _NOT_HEADS


def _construction_entries() -> tuple[Entry, Entry, Entry, Entry, Entry, Entry]:
    """Entries for cues that are constructions, not words: a colon, "in" + a document, a verb by a quote.

    They are not lexicon rows: a row matches words, and these need a source found around
    a mark or a document after "in" (rows with signals_speech=no would at least keep ":" and
    "in" from making every quote speech).
    """
    where = "framing/features/attribution.py"
    colon = Entry(":", {"term": ":", "lemma": "say", "stance": "neutral", "source": "framing maintainers",
                        "note": "a source then a colon ('Trump: “…”'): the colon stands for 'said'"}, where, 0)
    verb = Entry("verb before quote", {
        "term": "verb before quote", "lemma": "say", "stance": "neutral", "source": "framing maintainers",
        "note": "'He continued, “…”': any verb between a speaker and an opening quote reports the quote"}, where, 0)
    inside = Entry("in", {"term": "in", "lemma": "report", "stance": "neutral", "source": "framing maintainers",
                          "note": "'in a statement', 'in a new poll': the document is the source of what follows"},
                   where, 0)
    tag = Entry("verb after quote", {
        "term": "verb after quote", "lemma": "say", "stance": "neutral", "source": "framing maintainers",
        "note": "'“…,” he continued': any verb of a speaker tagged onto a closing quote reports the quote"}, where, 0)
    dash = Entry("dash after quote", {
        "term": "dash after quote", "lemma": "say", "stance": "neutral", "source": "framing maintainers",
        "note": "'“…” ― Carla Sanchez': a dash then a name after a closing quote credits the quote, as under an "
                "epigraph"}, where, 0)
    clause = Entry("verb before that-clause", {
        "term": "verb before that-clause", "lemma": "say", "stance": "neutral", "source": "framing maintainers",
        "note": "'Trump bragged that …': a speaker's finite verb with a that-clause reports a proposition"}, where, 0)
    return colon, inside, verb, tag, dash, clause


def _construction_attributions(context: _Context, found: list[Attribution]) -> list[Attribution]:
    """Cues made by a construction: "Sanders: “…”", "He continued, “…”", "“…,” he continued" and "In a new poll, …".

    "in" counts only opening a sentence that has no other cue: inside a clause ("leads in
    the polls", "said in a statement") the phrase says where, not who. One pass finds the
    colons and opening marks; "in" is looked for only at sentence starts.
    """
    norms, tokens = context.norms, context.tokens
    colon_entry, in_entry, verb_entry, tag_entry, dash_entry, clause_entry = _construction_entries()
    extra: list[Attribution] = []
    cue_starts = {attribution.start for attribution in found}
    for index in compress(range(len(norms)), map(_CLOSING_MARKS.__contains__, norms)):
        credited = _dash_credit(context, index)
        if credited is not None:
            dash = tokens[index + 1]
            extra.append(Attribution(dash.start, dash.end, dash.text, dash_entry, dash.sentence,
                                     context.source(credited)))
            continue
        tagged = _verb_tagging_quote(context, index)
        if tagged is not None and tokens[tagged[0]].start not in cue_starts:
            verb, speaker = tokens[tagged[0]], context.source(tagged[1])
            cue_starts.add(verb.start)
            extra.append(Attribution(verb.start, verb.end, verb.text, tag_entry, verb.sentence, speaker))
    for index in compress(range(len(norms)), map(_CONSTRUCTION_MARKS.__contains__, norms)):
        if norms[index] == ":":
            unit = _colon_source(context, index) if index > 0 and not tokens[index].quoted else None
            if unit is not None:
                token = tokens[index]
                extra.append(Attribution(token.start, token.end, token.text, colon_entry, token.sentence,
                                         context.source(unit)))
            continue
        spoken = _speaker_verb_before(context, index)
        if spoken is not None and tokens[spoken[0]].start not in cue_starts:
            verb, last = tokens[spoken[0]], tokens[index - 2]  # with its particle: "shot back"
            extra.append(Attribution(verb.start, last.end, context.doc.text[verb.start : last.end], verb_entry,
                                     verb.sentence, context.source(spoken[1])))
    for index in compress(range(len(norms)), map("that".__eq__, norms)):
        unit = _speaker_before_that(context, index - 1) if index > 1 else None
        if unit is not None and tokens[index - 1].start not in cue_starts:
            verb = tokens[index - 1]
            speaker = context.source(unit)
            extra.append(Attribution(verb.start, verb.end, verb.text, clause_entry, verb.sentence, speaker))
    cued = {attribution.sentence for attribution in found}
    for sentence, index in context.sentence_first.items():
        if norms[index] != "in" or sentence in cued or tokens[index].quoted:
            continue  # "Trump said in a statement": the verb is the cue, the phrase only says where
        unit = _document_after(context, index)
        if unit is not None:
            token = tokens[index]
            extra.append(Attribution(token.start, token.end, token.text, in_entry, sentence, context.source(unit)))
    return extra


def _speaker_before_that(context: _Context, verb: int) -> _Unit | None:
    """"Trump bragged that …", "The campaign has hinted that …": an unlisted finite verb with a that-clause.

    A verb that takes a that-clause is one of saying, thinking or finding, so with a speaker
    as its subject (a name, an institution, a pronoun, opening its clause) it reports what
    follows whatever the verb is. Passives ("was told that") and base forms are left out.
    """
    tokens, norms = context.tokens, context.norms
    token = tokens[verb]
    if token.quoted or not token.is_word or not token.text.islower() or token.norm in _NOT_HEADS:
        return None
    if not _opens_clause(tokens[verb + 2] if verb + 2 < len(tokens) else None, token.sentence):
        return None  # "signed that bill": a demonstrative, not a complementizer
    if not (token.norm.endswith("ed") or (token.norm.endswith("s") and not token.norm.endswith(("ss", "us", "is")))):
        return None
    index, skipped_be = _skip_auxiliaries_back(tokens, norms, verb, token.sentence)
    if skipped_be or index < 0:
        return None
    unit = context.unit_ending_at(index)
    if unit is None or tokens[unit.first].sentence != token.sentence:
        return None
    opening = unit.first == context.sentence_first.get(token.sentence) or (
        tokens[unit.first - 1].text in _PUNCT_OPENERS or norms[unit.first - 1] in ("and", "but", "that")
    )
    return unit if opening else None


def _opens_clause(token: Token | None, sentence: int) -> bool:
    """Whether a word after "that" starts a clause's subject (a pronoun, determiner, name or number),
    which makes the "that" a complementizer rather than a demonstrative ("that bill")."""
    if token is None or token.sentence != sentence or not token.is_word:
        return False
    return token.norm in _SUBJECT_STARTS or token.text[0].isupper() or token.text[0].isdigit()


_SUBJECT_STARTS = _DETERMINERS | frozenset(["he", "she", "it", "they", "we", "i", "you", "there", "no", "none"])
_DASHES = frozenset(["―", "—", "–"])


def _dash_credit(context: _Context, mark: int) -> _Unit | None:
    """"“…” ― Carla Sanchez": a closing quote, a dash and a name that ends its line or sentence.

    The credit line of an epigraph or a list of readers' comments: the name after the dash
    is the speaker. The name must be all the words up to the line's or sentence's end, so
    "“…” — Trump's favourite word — …" is no credit.
    """
    tokens = context.tokens
    if mark == 0 or mark + 2 >= len(tokens) or not tokens[mark - 1].quoted or tokens[mark + 1].text not in _DASHES:
        return None
    last = mark + 1
    while last + 1 < len(tokens) and context.is_name_token(last + 1) and last - mark < 5:
        last += 1
    if last == mark + 1:
        return None
    if last + 1 < len(tokens):
        following = tokens[last + 1]
        gap = context.doc.text[tokens[last].end : following.start]
        if "\n" not in gap and following.text not in ".;|" and following.text not in _OPENING_MARKS:
            return None
    unit = context.unit_ending_at(last) or context.generic_left(last, loose=True)
    return unit if unit is not None and unit.kind in ("named_person", "institution", "media") else None


def _verb_tagging_quote(context: _Context, mark: int) -> tuple[int, _Unit] | None:
    """"“…,” he continued", "“…?” asked the moderator": the verb of a speaker tag after a closing quote.

    The mark closes a quote when the quoted words end in , ? or ! before it and the
    word after it is outside the quote; the tag itself is read by :func:`_tag_after`,
    and ends with its verb.
    """
    tokens = context.tokens
    after = mark + 1
    if after >= len(tokens) or mark == 0 or tokens[mark - 1].text not in (",", "?", "!") or tokens[after].quoted:
        return None
    if not tokens[mark - 1].quoted:
        return None
    unit = _tag_after(context, after)
    if unit is None:
        return None
    start = after + 1 if tokens[after].text == "," else after
    verb = unit.last + 1 if unit.first == start else start
    if verb + 1 >= len(tokens) or not tokens[verb].is_word or not tokens[verb].text.islower():
        return None
    # The tag ends with its verb ("he continued." / "he continued, “…”"): a longer clause is a new sentence.
    return (verb, unit) if tokens[verb + 1].text in ".,;:" else None


def _speaker_verb_before(context: _Context, mark: int) -> tuple[int, _Unit] | None:
    """"He continued, “…”", "Trump tweeted: “…”", "Sanders shot back, “…”": a speaker, one verb, the quote.

    Returns the verb's index and the speaker. A verb with a particle ("shot back", "fired
    back", "lashed out") may be any verb, since the particle marks it as one; a bare verb
    must look like a past or present form. An adverb may follow the verb ("fired back
    forcefully:"), and so may the document the words came in ("issued a statement:").
    """
    if mark < 3:
        return None
    tokens = context.tokens
    if tokens[mark - 1].text not in ",:":
        return None
    verb_index = mark - 2
    if tokens[verb_index].norm.endswith("ly") and tokens[verb_index].text.islower() and mark >= 4:
        verb_index -= 1  # "fired back forcefully: “…”"
    match = context.kind_by_last.get(verb_index)
    if match is not None and match[1]["kind"] == "document" and match[0] > 0 and (
        context.norms[match[0] - 1] in ("a", "an", "the")
    ):
        verb_index = match[0] - 2  # "Trump issued a statement, “…”": the verb before its document
    particle = verb_index >= 2 and tokens[verb_index].norm in _PARTICLES
    if particle:
        verb_index -= 1
    verb = tokens[verb_index]
    if not verb.is_word or not verb.text.islower() or verb.quoted or verb.norm in _NOT_HEADS:
        return None
    if not particle and (not verb.norm.endswith(("ed", "s")) or verb.norm.endswith(("ly", "ss"))):
        return None  # a past or present verb form, not "Also, “…”" or "Nonetheless, “…”"
    unit = context.unit_ending_at(verb_index - 1)
    if unit is None and verb_index >= 2 and (
        verb_index - 1 == context.sentence_first.get(verb.sentence) or tokens[verb_index - 2].text in ","
    ):
        unit = _unit_starting_at(context, verb_index - 1)  # one unlisted name opening the clause: "Hillary"
    if unit is None or unit.kind == "vague" or tokens[unit.first].sentence != verb.sentence:
        return None
    opening = unit.first == context.sentence_first.get(verb.sentence) or tokens[unit.first - 1].text in _PUNCT_OPENERS
    return (verb_index, unit) if opening else None


def _colon_source(context: _Context, colon: int) -> _Unit | None:
    """"Trump: “…”", "Sanders: Clinton needs to …": a source phrase that is all the clause before a colon."""
    tokens = context.tokens
    sentence = tokens[colon].sentence
    if colon + 1 >= len(tokens) or tokens[colon - 1].sentence != sentence:
        return None
    unit = context.left_phrase(colon - 1)
    if unit is None or unit.kind == "vague":
        return None
    opening = unit.first == context.sentence_first.get(sentence) or tokens[unit.first - 1].text in _PUNCT_OPENERS
    quote_follows = tokens[colon + 1].text in "“\"‘'" or tokens[colon + 1].quoted
    if not opening:
        return None
    if quote_follows:
        return unit
    # A headline's "Sanders: Clinton needs to …" has a clause after the colon; a tally's "Clinton: 547"
    # and a subheading's "The Maduro Angle: A Calculated Offer?" (every word capitalized) have not.
    words = lower = 0
    for index in range(colon + 1, min(colon + 6, len(tokens))):
        if tokens[index].sentence != sentence or not tokens[index].is_word or tokens[index].text[0].isdigit():
            break
        words += 1
        lower += tokens[index].text.islower()
    return unit if unit.kind == "named_person" and words >= 2 and lower else None


def _document_after(context: _Context, first: int) -> _Unit | None:
    """"In a Washington Post-ABC News poll, …": "in" then a short phrase headed by a document noun."""
    tokens, norms = context.tokens, context.norms
    sentence = tokens[first].sentence
    for index in range(first + 1, min(first + 8, len(tokens))):
        if tokens[index].sentence != sentence or tokens[index].quoted:
            return None
        match = context.kind_by_first.get(index)
        if match is not None and match[1]["kind"] == "document":
            last = match[0]
            if last + 1 < len(tokens) and norms[last + 1] in ("of", "'s", "’s"):
                return None  # "in a study of …", "in the poll's margin": the noun heads nothing here
            return _Unit(first + 1, last, "document", match[1].key, context._text(first + 1, last))
        if norms[index] in _CLAUSE_OPENERS or norms[index] in _PREPOSITIONS or (
            not tokens[index].is_word and tokens[index].text not in "-/’'"
        ):
            return None
    return None


def _as_source_put_it(context: _Context, unit: _Unit | None, end: int) -> bool:
    """"As one voter put it, …", "…, as Trump put it.": "put it" reports only as a tag after "as".

    Elsewhere it is a literal act or an idiom ("he put it on the table", "put it to a vote").
    """
    tokens = context.tokens
    if unit is None or unit.first == 0 or context.norms[unit.first - 1] != "as":
        return False
    return end >= len(tokens) or not tokens[end].is_word or tokens[end].sentence != tokens[end - 1].sentence


def _cue_form_ok(context: _Context, first: int, entry: Entry) -> bool:
    """A cue word capitalized mid-sentence is part of a name ("the United States")."""
    token = context.tokens[first]
    if not token.text[0].isupper():
        return True
    at_start = context.sentence_first.get(token.sentence) == first
    previous = context.tokens[first - 1].text if first > 0 else ""
    # Headlines capitalize every word ("Lindsey Graham Says"); only say and tell are safe there.
    return at_start or previous in _PUNCT_OPENERS or entry["lemma"] in ("say", "tell")


def _find_source(
    context: _Context, first: int, end: int, entry: Entry, found: list[Attribution]
) -> _Unit | None:
    tokens, norms = context.tokens, context.norms
    sentence = tokens[first].sentence
    words = entry.key.split()
    # Cue phrases with their own source: "reports indicate".
    if len(words) > 1 and first in context.kind_by_first and context.kind_by_first[first][0] < end - 1:
        unit = context.unit_ending_at(context.kind_by_first[first][0])
        return unit
    # Prepositional sources: "according to X", "quoted by X", "reported by X"; but after
    # "referring to", "pointed to" the object is what is spoken of, and the subject speaks.
    if (words[-1] == "by" or entry.key.startswith("according")) and len(words) > 1:
        unit = context.right_phrase(end, sentence)
        if unit is None and entry.key.startswith("according"):
            unit = context.generic_right(end, sentence)  # "according to their attorneys"
            if unit is not None and unit.kind == "named_person" and unit.first == unit.last:
                # One unknown capitalized word ("according to Gallup"): people come with full names.
                unit = unit._replace(kind="institution")
        return unit
    if end < len(tokens) and norms[end] == "by" and tokens[end].sentence == sentence:
        unit = context.right_phrase(end + 1, sentence)
        if unit is not None:
            return unit
    # Subject before the verb.
    index, skipped_be = _skip_auxiliaries_back(tokens, norms, first, sentence)
    index = _before_time_phrase(context, index, sentence)  # "Sanders on Saturday criticized"
    opens = index < 0 or tokens[index].sentence != sentence
    adjective = entry["lemma"].startswith("be ")
    form = tokens[first].norm
    if adjective and (opens or not skipped_be):
        return None  # a stance adjective ("is confident that") reports only with its copula and a subject
    if tokens[first].norm.endswith(("ed", "ing")) and not skipped_be and (opens or (
        norms[index] in _PARTICIPLE_OPENERS and context.sentence_first.get(sentence) == index
    )):
        unit = _main_clause_subject(context, end, sentence)  # "Asked about X, Trump said", "Writing in …, X"
        if unit is not None:
            return unit
    if opens:
        return _chained_or_inverted(context, first, end, entry, found)
    if skipped_be and entry["lemma"] == "ask" and tokens[first].norm == "asked":
        return context.left_phrase(index)  # "Trump was asked about …": the one asked answers
    if skipped_be and not adjective and not entry.key.startswith("quoted as") and not form.endswith("ing"):
        return None  # passive without an agent: "was accused of"
    if norms[index] == "to":
        following = norms[end] if end < len(norms) else ""
        if following in (",", ":") and end + 1 < len(tokens) and tokens[end + 1].text in "“\"‘'":
            return _clause_subject(context, sentence, index)  # "Bryne went on to say, “…”"
        return None  # infinitive: "to describe", "refused to comment"
    if norms[index] in _BY_GERUND and tokens[first].norm.endswith("ing"):
        return _clause_subject(context, sentence, index)  # "began by saying", "after saying"
    if norms[index] in _RELATIVES:
        relative = norms[index]
        pronoun = index
        index -= 1
        if index >= 0 and norms[index] == ",":
            index -= 1
        if index < 0:
            return None
        unit = context.left_phrase(index, relative=True)
        if unit is None and relative == "who":
            unit = context.generic_left(index, loose=True)  # "business leaders who say"
        # The phrase runs to the relative pronoun: "Trump, who" is the subject the verb has.
        return unit._replace(last=pronoun) if unit is not None else None
    if norms[index] in ("and", "but"):
        return _clause_subject(context, sentence, index)
    elif norms[index] in (",", "-", "—", "–"):
        if tokens[first].norm.endswith("ing"):
            return _chained_or_inverted(context, first, end, entry, found)
        appositive = _before_appositive(context, index)
        if appositive is not None:
            return appositive
        return _chained_or_inverted(context, first, end, entry, found)
    elif tokens[index].text in "”’\"'" and not tokens[index].is_word:
        return _chained_or_inverted(context, first, end, entry, found)
    if norms[index] == ")":
        opening = next((i for i in range(index - 1, max(index - 10, -1), -1) if norms[i] == "("), None)
        if opening is None or opening == 0:
            return None
        index = opening - 1  # "Jason Chaffetz (R-Utah) said"
    unit = context.left_phrase(index)
    if unit is not None:
        return unit
    if entry["lemma"] in _INFERENCE_LEMMAS or entry["lemma"] == "refer to":
        return None  # "the term refers to", "the conflict highlights": a thing, not a speaker
    following = norms[end] if end < len(norms) and tokens[end].sentence == sentence else "."
    if form.endswith("ing") and not (index > 0 and norms[index - 1] == "with"):
        if _reduced_relative(context, index, first, entry):
            return context.generic_left(index, loose=True)  # "super PACs supporting candidates"
        return None  # "a stark warning": only "with critics warning" makes an -ing form a report
    if following in ("of", "by") and entry["lemma"] not in ("say", "tell"):
        return None  # "suspected of", "vessels accused of": adjectival or passive
    loose = (
        _verb_only_form(entry, form)
        or _verb_by_syntax(context, index, first)
        or (following == "." and _tags_quote(context, first))
    )
    if not loose and following not in _VERB_FOLLOWERS:
        return None  # "critical questions about", "the fragile state of"
    return context.generic_left(index, loose=loose)


def _before_time_phrase(context: _Context, index: int, sentence: int) -> int:
    """Step back over a time adverbial between subject and verb: "on Saturday", "at the time", "last week"."""
    norms, tokens = context.norms, context.tokens
    while index > 0 and tokens[index].sentence == sentence and (
        norms[index] in _TIME_WORDS or (len(norms[index]) == 4 and norms[index].isdigit())  # "who in 2010 said"
    ):
        index -= 1
        while index > 0 and norms[index] in _TIME_LEADS and tokens[index].sentence == sentence:
            index -= 1
        while index > 0 and norms[index] in _AUXILIARIES and tokens[index].sentence == sentence:
            index -= 1
    return index


def _main_clause_subject(context: _Context, after: int, sentence: int) -> _Unit | None:
    """"Asked whether …, O'Neill said": the subject after the comma that closes an opening participle."""
    tokens = context.tokens
    for index in range(after, min(after + 30, len(tokens) - 1)):
        token = tokens[index]
        if token.sentence != sentence or token.text in ".;:":
            return None
        if token.text == "," and not token.quoted and not tokens[index + 1].quoted:
            return _unit_starting_at(context, index + 1)
    return None


def _reduced_relative(context: _Context, head: int, first: int, entry: Entry) -> bool:
    """"groups supporting Trump": an -ing form right after a plural common noun, with an object, modifies it
    as a reduced relative clause ("groups that support Trump"), so the noun is its subject."""
    tokens = context.tokens
    noun, following = tokens[head], tokens[first + 1] if first + 1 < len(tokens) else None
    return (
        head == first - 1
        and entry["lemma"] not in _INFERENCE_LEMMAS
        and noun.is_word
        and noun.text.islower()
        and noun.norm.endswith("s")
        and not noun.norm.endswith(("ss", "us", "is"))
        and noun.norm not in _NOT_HEADS
        and following is not None
        and following.is_word
        and following.sentence == noun.sentence
    )


def _verb_by_syntax(context: _Context, subject_last: int, first: int) -> bool:
    """A form that could be a noun ("support", "hope", "fears") is a verb after a modal or *do*
    ("donors couldn't support", "voters do not trust"), or, as a bare base form, after a plural
    common noun ("strategists think", "voters want"): English noun modifiers are singular
    ("voter support"), so a plural noun then a base form is a subject and its verb.
    """
    norms, tokens = context.norms, context.tokens
    if any(norms[i] in _MODALS for i in range(subject_last + 1, first)):
        return True
    head = tokens[subject_last]
    return (
        subject_last == first - 1
        and head.is_word
        and head.text.islower()
        and head.norm.endswith("s")
        and not head.norm.endswith(("ss", "us", "is"))
        and head.norm not in _NOT_HEADS
        and not tokens[first].norm.endswith("s")
    )


def _verb_only_form(entry: Entry, form: str) -> bool:
    """Forms that are hardly ever nouns: past forms, -ing forms and every form of say and tell."""
    if entry["lemma"] in ("say", "tell"):
        return True
    return form != entry["lemma"] and not (form.endswith("s") and not form.endswith("ss"))


def _clause_subject(context: _Context, sentence: int, before: int) -> _Unit | None:
    """The subject of a sentence whose second verb is the cue: "He refrained … but remarked"."""
    index = context.sentence_first.get(sentence, before)
    while index < before:
        token = context.tokens[index]
        if index == context.sentence_first[sentence] or context.tokens[index - 1].text in _PUNCT_OPENERS:
            unit = _unit_starting_at(context, index)
            if unit is not None:
                return unit
        if token.quoted:
            return None
        index += 1
    return None


def _unit_starting_at(context: _Context, first: int) -> _Unit | None:
    """A source phrase that starts at ``first`` and is followed by a verb-like word, else None."""
    if context.norms[first] in _TIME_WORDS:
        return None  # "Sunday morning, Clinton slammed": a time, not the subject
    best = None
    for last in range(first, min(first + 6, len(context.tokens))):
        unit = context.unit_ending_at(last)
        if unit is not None and unit.first <= first + 1:  # "Rival Hillary Clinton": one modifier may lead
            best = unit  # the longest: "Republican nominee Donald Trump", not "Republican nominee"
    if best is not None:
        return best
    last = first
    while last + 1 < len(context.tokens) and context.is_name_token(last + 1):
        last += 1
    if last + 1 < len(context.tokens) and context.norms[last + 1] == ",":
        return None  # "Instead, he …", "Across Asia, policymakers …": an opening adverbial, not the subject
    if context.is_name_token(first) and not context.tokens[first].text.isupper():  # not a WASHINGTON dateline
        return context.generic_left(last, loose=True)  # an unlisted name: "Dean … began by saying"
    return None


def _before_appositive(context: _Context, comma: int) -> _Unit | None:
    """"Critics, including human rights advocates, have condemned": the subject before the aside."""
    sentence = context.tokens[comma].sentence
    mark = context.norms[comma]
    index = comma - 1
    while index >= 0 and context.norms[index] == mark == "-":
        index -= 1  # "--" is two tokens
    while index >= 0 and comma - index < 20 and context.tokens[index].sentence == sentence:
        if context.norms[index] == mark:
            while index > 0 and context.norms[index - 1] == mark == "-":
                index -= 1
            if context.tokens[index - 1].text in "”’\"'":
                return None  # a quote, not an aside
            last = index - 1
            if last > 0 and context.norms[last] == ")":
                last = next((i - 1 for i in range(last - 1, max(last - 10, 0), -1) if context.norms[i] == "("), last)
            return context.left_phrase(last) or context.generic_left(last, loose=False)
        if context.tokens[index].quoted:
            return None
        index -= 1
    return None


def _chained_or_inverted(
    context: _Context, first: int, end: int, entry: Entry, found: list[Attribution]
) -> _Unit | None:
    """After a comma or a closing quote: "…, stating," continues a report; "“…,” said X" inverts.

    The participle continues the sentence's first report, not the nearest one: in "Walsh
    downplayed Ryan's comments, saying …" the nearer cue ("comments") sits inside the
    first clause, whose subject is the one saying.
    """
    tokens = context.tokens
    sentence = tokens[first].sentence
    if tokens[first].norm.endswith("ing"):
        if entry["lemma"] in _INFERENCE_LEMMAS:
            return None
        for attribution in found:
            if attribution.sentence == sentence and attribution.source is not None:
                source = attribution.source
                first_token = bisect_left(context.starts, source.start)
                last_token = bisect_left(context.ends, source.end)
                return _Unit(first_token, last_token, source.kind, source.label, source.name)
        # No earlier report: the participle belongs to the sentence's subject ("Clinton mocked it, saying").
        comma = first - 1
        if tokens[comma].text in "”’\"'" and comma > 0:
            comma -= 1  # "defended “New York values,” saying"
        return _clause_subject(context, sentence, comma) if tokens[comma].text in ",-–—" else None
    unit = context.right_phrase(end, sentence)
    if unit is None and first > 0 and tokens[first - 1].text in ",”’\"'" and (
        _verb_only_form(entry, tokens[first].norm) or _tags_quote(context, first)
    ):
        unit = context.generic_right(end, sentence)
    return unit


def _tags_quote(context: _Context, first: int) -> bool:
    """Whether the cue stands in a quote's tag ("“…,” the letter reads", "“…,” reads the editorial").

    Right after a closing quote a form that is also a noun ("reads", "claims") can only be
    the verb of the tag, so it may take a subject no lexicon lists.
    """
    tokens = context.tokens
    for index in range(first - 1, max(first - 6, 0), -1):
        if tokens[index].sentence != tokens[first].sentence or tokens[index].text in ".;:!?":
            return False
        if tokens[index].text in "”\"" and tokens[index - 1].text in ",?!":
            return True
    return False


def _conduits(context: _Context, end: int, entry: Entry, unit: _Unit | None) -> tuple[Source, ...]:
    """An outlet the words were given to: "told Axios", "revealed on CNN"."""
    if unit is None or end >= len(context.tokens):
        return ()
    sentence = context.tokens[end - 1].sentence
    start = end
    if context.norms[end] in _CONDUIT_PREPOSITIONS:
        start = end + 1
    elif entry["lemma"] != "tell":
        return ()
    if start >= len(context.tokens) or context.tokens[start].sentence != sentence:
        return ()
    other = context.right_phrase(start, sentence)
    if other is None or other.kind != "media" or other.first <= unit.last:
        return ()
    return (context.source(other),)


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """Attribution cues (type ``attribution``) and their source phrases (type ``source``)."""
    return attribution_extraction(find_attributions(doc, lexicons))


def attribution_extraction(attributions: list[Attribution]) -> Extraction:
    """Attribution and source spans from an already-run :func:`find_sources`."""
    spans: list[Span] = []
    for attribution in attributions:
        source = attribution.source
        spans.append(
            Span(
                "attribution", attribution.start, attribution.end, attribution.text, attribution.entry.key,
                category=attribution.stance, note=attribution.entry["note"],
                attrs={
                    "lemma": attribution.lemma,
                    "source_start": source.start if source else None,
                    "source_end": source.end if source else None,
                    "content_start": attribution.content[0] if attribution.content else None,
                    "content_end": attribution.content[1] if attribution.content else None,
                },
            )
        )
        for phrase in ((source,) if source else ()) + attribution.conduits:
            spans.append(
                Span(
                    "source", phrase.start, phrase.end, phrase.text, phrase.label, category=phrase.kind,
                    attrs={
                        "verb": attribution.text, "stance": attribution.stance,
                        "cue_start": attribution.start, "cue_end": attribution.end, "name": phrase.name,
                    },
                )
            )
    sources = [span for span in spans if span.type == "source"]
    values: dict[str, float] = {
        "n_attributions": sum(1 for span in spans if span.type == "attribution"),
        "n_distinct_sources": len({span.attrs["name"].lower() for span in sources}),
    }
    return Extraction(values, spans)
