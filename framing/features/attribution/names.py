"""The per-document parse the attribution rules read: names, titles, source terms, pronouns.

Built once per document (:class:`Parse`); no rule lives here. Named people, places and
organisation aliases come from the parse's mention layer (``Document.mentions``,
:mod:`framing.corpus.mentions`), so attribution, quotes and the comparison read the same
names. "he"/"she" take the layer's antecedent where it found exactly one; elsewhere they
resolve to the most recent named person who was the subject of a clause, within the last
three sentences, passing over people whose gender the article shows to be the other one
(titles and nouns of ``lexicons/titles.tsv``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import compress
from operator import and_, not_

from ...corpus.descriptions import bare_question
from ...corpus.mention_tokens import is_name_shaped
from ...corpus.mentions import PERSON_NAME_RULES, mention_lexicon
from ...document import Document, Token
from ...grammar import CLAUSE_OPENERS, CLOSING_QUOTE_NORMS, NOT_NAME_WORDS
from ...lexicons import Entry, Lexicons
from .model import NamedPerson, Unit

# "I" outside quotes is the writer (first-person pieces); "we" a group including the writer.
PRONOUNS = {"he": "named_person", "she": "named_person", "they": "vague", "i": "named_person", "we": "vague"}
# Marks after which a word opens a clause or an aside.
PUNCT_OPENERS = frozenset(",;:–—-()[]\"“”‘’'«»")
# Sentences back to look for a pronoun's antecedent.
PRONOUN_WINDOW = 3
HE_SHE = {"he": "m", "she": "f"}
# Mention-layer rules that find a person by name (not a description or a pronoun).
_NAME_HOWS = frozenset(["full_name", "surname_later", "title_name"])




class Parse:
    """Per-document lookups built once for the rules (state is real: it is the parse).

    Names, titles, source-lexicon terms and pronoun antecedents; :class:`~.phrases.Context`
    adds the readers of source phrases on top.
    """

    def __init__(self, doc: Document, lexicons: Lexicons) -> None:
        self.doc = doc
        self.tokens: Sequence[Token] = doc.tokens
        # Token fields as columns (built by the parser): the rules index them thousands of
        # times per document, and rebuilding them token by token cost more than the rules.
        token_starts, token_ends, texts, norms, sentences, words, quoted = doc.token_columns()
        self.norms: Sequence[str] = norms
        self.starts: Sequence[int] = token_starts
        self.ends: Sequence[int] = token_ends
        # Sentence ids never decrease, so the pairs read backwards leave each sentence's first token.
        self.sentence_first: dict[int, int] = dict(
            zip(reversed(sentences), range(len(sentences) - 1, -1, -1), strict=True)
        )
        self._read_name_tokens(texts, norms, words, quoted)
        self._read_mention_layer(doc)
        # Gendered titles and nouns ("Mrs.", "spokeswoman", "husband") from the titles lexicon.
        self.titles_lexicon = mention_lexicon(lexicons).title_words  # norm → (gender, role, kind)
        self.gendered = gendered_words(lexicons)
        self._read_source_kinds(doc, lexicons)
        self.mentions = self._find_mentions()
        self.mention_by_last = {m.last: m for m in self.mentions}
        self.mention_by_first = {}
        for mention in self.mentions:
            self.mention_by_first.setdefault(mention.first, mention)
            self.mention_by_first.setdefault(mention.name_first, mention)
        self.antecedents = self._resolve_pronouns()
        self._take_layer_pronouns(doc)
        # The tokens a source phrase can end at (a pronoun, an alias, a source term, a description, a
        # name): :meth:`~.phrases.Context.unit_ending_at` answers every other token at once.
        self.phrase_ends = frozenset(compress(range(len(norms)), map(PRONOUNS.__contains__, norms))).union(
            self.aliases, self.kind_by_last, self.descriptions, self.mention_by_last)

    def _read_name_tokens(self, texts: Sequence[str], norms: Sequence[str], words: Sequence[bool],
                          quoted: Sequence[bool]) -> None:
        """Which tokens can be part of a name (``name_like``), and the norms also seen in lower case.

        Norm and word flag depend on the text alone, so the tests run once per distinct text,
        with set operations where they can: this runs on every document. Apart from ``quoted``
        the test is: a capitalized word, not hyphenated, not also seen in lower case, not a
        determiner, preposition or pronoun.
        """
        norm_of = dict(zip(texts, norms, strict=True))
        non_words = set(compress(texts, map(not_, words)))
        lower_texts = set(filter(str.islower, norm_of))
        lowered = set(map(norm_of.__getitem__, lower_texts - non_words))
        self.lowered = lowered
        name_text = dict.fromkeys(lower_texts | non_words, False)
        for text in norm_of.keys() - name_text.keys():
            norm = norm_of[text]
            name_text[text] = is_name_shaped(text) and norm not in lowered and norm not in NOT_NAME_WORDS
        self.name_like: list[bool] = list(map(and_, map(name_text.__getitem__, texts), map(not_, quoted)))

    def _read_mention_layer(self, doc: Document) -> None:
        """What the parse's mention layer says: places (never names or speakers), resolved descriptions,
        organisation aliases ("the bureau") and the canonical name each of those stands for."""
        self.place_first: dict[int, int] = {}  # token inside a place → the place's first token
        for place in (m for m in doc.mentions if m.kind == "place"):
            self.name_like[place.first : place.end_token] = [False] * (place.end_token - place.first)
            self.place_first.update(dict.fromkeys(range(place.first, place.end_token), place.first))
        # What the mention layer knows a source phrase's last word to name: "the senator" → the person
        # it resolved to; "F.B.I.", "FBI", "the bureau" → one organisation's canonical name.
        self.described = {
            m.end_token - 1: m.name if m.kind == "person" else m.entity.partition(":")[2]
            for m in doc.mentions
            if (m.how == "definite_role" and m.resolved and m.name) or m.how == "org_alias" or (
                m.how in ("org_lexicon", "acronym")
                and m.text.lower().removeprefix("the ") != m.entity.partition(":")[2].lower()
            )
        }
        # "the 43-year-old", "the Democratic presidential candidate": a description the layer resolved.
        self.descriptions = {
            m.end_token - 1: Unit(m.first, m.end_token - 1, "anonymous" if "@" in m.entity else "named_person",
                                  "description of a person", m.name)
            for m in doc.mentions if m.how == "definite_role" and m.kind == "person" and m.resolved and m.name
        }
        # "the bureau": an organisation named by its head noun alone → (first token, canonical name).
        self.aliases = {m.end_token - 1: (m.first, self.described[m.end_token - 1])
                        for m in doc.mentions if m.how == "org_alias"}

    def _read_source_kinds(self, doc: Document, lexicons: Lexicons) -> None:
        """The source_kinds lexicon's matches, by their last and first token, and the titles among them."""
        kinds: dict[int, tuple[int, Entry]] = {}
        starts: dict[int, tuple[int, Entry]] = {}
        # "Bloomberg said" where the text names Michael Bloomberg: the person, not the outlet.
        person_tokens = {i for m in doc.mentions if m.how in _NAME_HOWS for i in range(m.first, m.end_token)}
        for first, end, entry in lexicons.matcher("source_kinds").match(self.norms):
            if not self._acceptable_source_match(first, end, entry):
                continue
            if end - first == 1 and first in person_tokens and entry["kind"] != "named_person":
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

    def _take_layer_pronouns(self, doc: Document) -> None:
        """Where the mention layer tied a he/she to one person, its reading wins (it weighs gender,
        subjects and possessives: "Mr. X's lawyer, Y, said … He added" is Y); elsewhere the most
        recent subject above stands. Not when it ties the pronoun to a name just asked about
        ("Governor Christie? “Strong,” he said")."""
        asked: set[tuple[int, str]] | None = None  # (sentence, name) of each name asked about, read when needed
        for pronoun in doc.mentions:
            if pronoun.how == "pronoun" and pronoun.kind == "person" and pronoun.resolved and pronoun.name:
                if asked is None:
                    asked = {(self.tokens[m.first].sentence, m.name) for m in self.mentions if self._bare_question(m)}
                at = pronoun.first
                sentence = self.tokens[at].sentence
                if (sentence, pronoun.name) in asked or (sentence - 1, pronoun.name) in asked:
                    continue
                self.antecedents[at] = NamedPerson(at, at, at, pronoun.name, True)

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
        """A capitalized word that may be part of a person's name (never a place's)."""
        return self.name_like[index]

    def _find_mentions(self) -> list[NamedPerson]:
        """Named people, read from the parse's mention layer (``Document.mentions``).

        The layer has already joined initials ("Joseph R. Biden"), cut places and
        organisations out of names ("Sen. X of Texas") and kept ranks cut from longer titles
        from becoming names. Here a name is kept unless a word of it is a source term of its
        own ("Trump Management", "The New York Times": an institution or outlet), or it is
        inside a quotation (the speaker's words, not the writer's source).
        """
        found: list[NamedPerson] = []
        self.organisation_names: set[int] = set()  # first tokens of names that are organisations
        quoted = self.doc.token_columns().quoted
        for mention in self.doc.mentions:
            # A many-word organisation name the lexicons do not list ("Daily News") reads as a name too.
            if mention.how not in PERSON_NAME_RULES and not (
                mention.how == "org_name" and mention.end_token - mention.first > 1
            ):
                continue
            last = mention.end_token - 1
            first = mention.first
            while first - 1 in self.titles_after or first - 1 in self.titles:  # "nominee Donald Trump"
                first = first - 1 if first - 1 in self.titles_after else self.kind_by_last[first - 1][0]
            name_first, name = self._name_part(first, last, mention.name_first)
            if name_first > last or quoted[last] or self._institution_in(name_first, last):
                continue
            if mention.how == "surname_later":
                name = mention.name
            opening = first  # capitalized modifiers before the name ("Retired Lt. Gen. X") open the phrase
            while opening > 0 and self.tokens[opening - 1].sentence == self.tokens[first].sentence and (
                self.tokens[opening - 1].text[:1].isupper() and self.tokens[opening - 1].norm not in NOT_NAME_WORDS
            ):
                opening -= 1
            found.append(NamedPerson(first, last, name_first, name, self._subject_like(opening, last)))
            if mention.kind == "organisation":
                self.organisation_names.add(first)
        return found

    def _institution_in(self, first: int, last: int) -> bool:
        """A word of the name is a source term other than a title ("Trump Management", "The New York Times")."""
        matches = (self.kind_by_last.get(i) or self.kind_by_first.get(i) for i in range(first, last + 1))
        return any(match is not None and match[1]["kind"] != "named_person" for match in matches)

    def _name_part(self, first: int, last: int, limit: int) -> tuple[int, str]:
        """Where the name starts after the source lexicon's titles and modifiers ("US President"), and its text.

        Titles count only before ``limit``, where the mention layer saw the name start, so
        a surname that is also a title ("Sen. Angus King") stays in the name.
        """
        titled = [i for i in range(first, min(last + 1, limit)) if i in self.titles or i in self.titles_after]
        name_first = first if not titled else max(titled) + 1
        while name_first <= last and (name_first in self.kind_by_first or name_first in self.kind_by_last):
            name_first += 1
        if name_first > last:
            return name_first, ""
        name = self.doc.text[self.starts[name_first] : self.ends[last]]
        return name_first, name.removesuffix("’s").removesuffix("'s")

    def _subject_like(self, first: int, last: int) -> bool:
        """Whether a mention opens a clause rather than following a preposition or a noun."""
        previous = first - 1
        if previous < 0 or self.tokens[previous].sentence != self.tokens[first].sentence:
            return True
        token = self.tokens[previous]
        if token.norm in CLOSING_QUOTE_NORMS and previous > 0 and self.tokens[previous - 1].is_word:
            return False  # after a quoted word inside a clause ("he “respects” Grassley"): an object, no quote's tag
        # After a preposition or a noun ("the aircraft carrier Gerald Ford") it is an object.
        return token.text in PUNCT_OPENERS or token.norm in CLAUSE_OPENERS - {"with"}

    def _resolve_pronouns(self) -> dict[int, NamedPerson]:
        """``he``/``she`` token index → the named person it refers to.

        The most recent subject-like named person within the window wins, else the most
        recent one; a resolved pronoun counts as a fresh subject mention of its person,
        so "He refrained … he asserted" stays with the same man. A person whose gender
        the article shows (:meth:`_genders`) is passed over by a pronoun of the other
        gender ("Mrs. Clinton … Mr. Podesta said … He noted": he is Podesta), and a
        pronoun's fresh mention carries the pronoun's own gender.
        """
        antecedents: dict[int, NamedPerson] = {}
        pronouns = list(compress(range(len(self.norms)), map(HE_SHE.__contains__, self.norms)))
        if not pronouns:
            return antecedents  # no he/she: nothing to resolve (many articles), so no genders or history either
        genders = self._genders()
        history: list[tuple[int, NamedPerson, str | None]] = []  # (token index, mention, gender)
        mention_at = {m.first: m for m in self.mentions
                      if m.first not in self.organisation_names and not self._bare_question(m)}
        # Only mentions and he/she matter; every other token would be skipped.
        oldest = 0  # history before this lies outside every later pronoun's window (sentences only grow)
        for index in sorted(set(pronouns) | mention_at.keys()):
            token = self.tokens[index]
            if index in mention_at:
                history.append((index, mention_at[index], None))
                continue
            if token.norm not in HE_SHE or token.quoted:
                continue
            gender = HE_SHE[token.norm]
            lowest = token.sentence - PRONOUN_WINDOW
            while oldest < len(history) and self.tokens[history[oldest][0]].sentence < lowest:
                oldest += 1
            window = [
                m for _, m, known in history[oldest:]
                if m.last < index and (known or genders.get(m.name, gender)) == gender
            ]
            chosen = next((m for m in reversed(window) if m.subject_like), None) or (window[-1] if window else None)
            if chosen is not None:
                antecedents[index] = chosen
                history.append((index, NamedPerson(index, index, index, chosen.name, True), gender))
        return antecedents

    def _bare_question(self, mention: NamedPerson) -> bool:
        """A name asked about in a sentence of its own ("Governor Christie? “Strong,” he said."): the topic of
        an interviewer's question, never the one who answers, so no pronoun refers to it (the mention
        layer's reading, :func:`~framing.corpus.descriptions.bare_question`)."""
        return bare_question(self.doc.text, self.doc.sentences[self.tokens[mention.first].sentence])

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
                gender = self.gendered.get(self.norms[i])
                if gender is not None and self.tokens[i].sentence == sentence:
                    seen.setdefault(mention.name, set()).add(gender)
        return {name: found.pop() for name, found in seen.items() if len(found) == 1}


@lru_cache(maxsize=8)
def gendered_words(lexicons: Lexicons) -> Mapping[str, str]:
    """Gendered titles and nouns ("Mrs.", "spokeswoman") → their gender, once per lexicon set (read-only)."""
    return {word: entry[0] for word, entry in mention_lexicon(lexicons).title_words.items() if entry[0]}
