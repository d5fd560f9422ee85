"""The per-document parse the attribution rules read: names, titles, source terms, pronouns.

Built once per document (:class:`Parse`); no rule lives here. A named person is a run of
capitalized words, with a title ("Mr.", "Senator") or a surname seen before; "he"/"she"
resolve to the most recent named person who was the subject of a clause, within the last
three sentences, passing over people whose gender the article shows to be the other one.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress
from operator import and_, not_

from ...document import Document, Token
from ...grammar import CLAUSE_OPENERS, DETERMINERS, PREPOSITIONS
from ...lexicons import Entry, Lexicons
from .model import Mention

# "I" outside quotes is the writer (first-person pieces); "we" a group including the writer.
PRONOUNS = {"he": "named_person", "she": "named_person", "they": "vague", "i": "named_person", "we": "vague"}
# Words that cannot be part of a name.
NOT_NAMES = DETERMINERS | PREPOSITIONS | CLAUSE_OPENERS | frozenset(PRONOUNS)
# Marks after which a word opens a clause or an aside.
PUNCT_OPENERS = frozenset(",;:–—-()[]\"“”‘’'«»")
# Sentences back to look for a pronoun's antecedent.
PRONOUN_WINDOW = 3
HE_SHE = {"he": "m", "she": "f"}
# Titles and nouns that show a named person's gender when they stand in or just before the
# name ("Mrs. Clinton", "Cruz spokeswoman Catherine Frazier", "her husband Bill Clinton").
GENDERED_WORDS = dict.fromkeys(
    ["mr", "sir", "lord", "king", "prince", "congressman", "assemblyman", "councilman", "spokesman", "chairman",
     "businessman", "husband", "father", "son", "brother", "uncle", "grandfather", "widower", "boyfriend"], "m"
) | dict.fromkeys(
    ["mrs", "ms", "miss", "lady", "dame", "queen", "princess", "congresswoman", "assemblywoman", "councilwoman",
     "spokeswoman", "chairwoman", "businesswoman", "wife", "mother", "daughter", "sister", "aunt", "grandmother",
     "widow", "girlfriend"], "f"
)


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
            name_text[text] = text[0].isupper() and "-" not in text and norm not in lowered and norm not in NOT_NAMES
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

    def _find_mentions(self) -> list[Mention]:
        mentions: list[Mention] = []
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

    def _mention_in_run(self, first: int, last: int, surnames: dict[str, str]) -> Mention | None:
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
        return Mention(first, last, name_first, name, self._subject_like(first, last))

    def _subject_like(self, first: int, last: int) -> bool:
        """Whether a mention opens a clause rather than following a preposition or a noun."""
        previous = first - 1
        if previous < 0 or self.tokens[previous].sentence != self.tokens[first].sentence:
            return True
        token = self.tokens[previous]
        # After a preposition or a noun ("the aircraft carrier Gerald Ford") it is an object.
        return token.text in PUNCT_OPENERS or token.norm in CLAUSE_OPENERS - {"with"}

    def _resolve_pronouns(self) -> dict[int, Mention]:
        """``he``/``she`` token index → the named person it refers to.

        The most recent subject-like named person within the window wins, else the most
        recent one; a resolved pronoun counts as a fresh subject mention of its person,
        so "He refrained … he asserted" stays with the same man. A person whose gender
        the article shows (:meth:`_genders`) is passed over by a pronoun of the other
        gender ("Mrs. Clinton … Mr. Podesta said … He noted": he is Podesta), and a
        pronoun's fresh mention carries the pronoun's own gender.
        """
        genders = self._genders()
        antecedents: dict[int, Mention] = {}
        history: list[tuple[int, Mention, str | None]] = []  # (token index, mention, gender)
        mention_at = {m.first: m for m in self.mentions}
        pronouns = compress(range(len(self.norms)), map(HE_SHE.__contains__, self.norms))
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
                history.append((index, Mention(index, index, index, chosen.name, True), gender))
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
                gender = GENDERED_WORDS.get(self.norms[i])
                if gender is not None and self.tokens[i].sentence == sentence:
                    seen.setdefault(mention.name, set()).add(gender)
        return {name: found.pop() for name, found in seen.items() if len(found) == 1}
