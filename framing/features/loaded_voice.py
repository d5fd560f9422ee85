"""Whose voice a loaded word is in: the writer's own, a quoted speaker's, or a close paraphrase.

A loaded word is a judgement of whoever says it. Three rules, in order, each named in
the span's ``voice_reason``:

* ``quoted``: the word is inside a speech quotation (the quote parser decides which
  quotation marks enclose speech), so the speaker chose it;
* ``paraphrase``: the word is in a reported clause: after a reporting verb and "that"
  ("she said that the plan was reckless"), in a clause closed by a reporting verb
  ("the plan is reckless, she said"), or inside a denial ("it is not a witch hunt",
  "denied it was a cover-up"): a word the writer mentions in order to deny or report it
  belongs to the one denying it, not to the writer;
* ``own``: none of these, so the writer chose the word.

The report and the record give the three figures apart (``loaded_own_voice_count``,
``loaded_quoted_voice_count``, ``loaded_paraphrase_voice_count``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document
from ..grammar import DENIAL_VERBS, NEGATIONS

VOICES = ("own", "quoted", "paraphrase")
DENIAL_WINDOW = 4  # words between a negation and the loaded word it denies ("not a political witch hunt")
TAIL_WINDOW = 4  # words after a comma that may hold ", the senator said."


@dataclass(frozen=True, slots=True)
class Voice:
    """A voice and the rule that decided it."""

    voice: str
    reason: str


class VoiceReader:
    """Reads the voice of any token of one document (the sentence's reporting cues found once)."""

    def __init__(self, doc: Document, reporting_cues: frozenset[str]) -> None:
        self.doc = doc
        self.columns = doc.token_columns()
        self.cues = reporting_cues
        self.by_sentence: dict[int, list[int]] = {}
        for index, sentence in enumerate(self.columns.sentences):
            self.by_sentence.setdefault(sentence, []).append(index)

    def voice_of(self, first: int, end: int) -> Voice:
        """The voice of tokens ``first:end``."""
        columns = self.columns
        if any(columns.quoted[first:end]):
            return Voice("quoted", "inside a speech quotation")
        sentence = self.by_sentence.get(columns.sentences[first], [])
        before = [i for i in sentence if i < first]
        denial = self._denial(before)
        if denial:
            return Voice("paraphrase", f"inside a denial ('{denial}' before it)")
        reported = self._reported(before, [i for i in sentence if i >= end])
        if reported:
            return Voice("paraphrase", reported)
        return Voice("own", "the writer's own words")

    def _denial(self, before: Sequence[int]) -> str:
        """A negation or verb of denial a few words before, in the same sentence."""
        norms = self.columns.norms
        words = [i for i in before if self.columns.is_word[i]][-DENIAL_WINDOW:]
        for index in reversed(words):
            norm = norms[index]
            following = norms[index + 1] if index + 1 < len(norms) else ""
            if (norm in NEGATIONS or norm.endswith("n't") or norm in DENIAL_VERBS) and following != "only":
                return self.columns.texts[index]
        return ""

    def _reported(self, before: Sequence[int], after: Sequence[int]) -> str:
        """A reporting verb + "that" before the word, or ", <speaker> said." closing its sentence."""
        norms, texts = self.columns.norms, self.columns.texts
        for position, index in enumerate(before[:-1]):
            if norms[index] in self.cues and norms[before[position + 1]] == "that":
                return f"reported clause ('{texts[index]} that' before it)"
        comma = next((i for i in after if texts[i] == ","), None)
        if comma is not None:
            tail = [i for i in after if i > comma and self.columns.is_word[i]]
            if 0 < len(tail) <= TAIL_WINDOW and any(norms[i] in self.cues for i in tail):
                cue = next(texts[i] for i in tail if norms[i] in self.cues)
                return f"reported clause (', … {cue}' after it)"
        return ""
