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

Hedges get the same voices (:func:`with_voices`), without the denial rule: a denied loaded
word is the denied party's, but "not likely" is still the writer's own doubt.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import compress, islice, repeat
from operator import or_

from ..document import Document, Span
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
    """Reads the voice of any token of one document, one sentence at a time (each sentence read once).

    A class because the per-sentence memo is real state: the learned lexicon asks for the
    voice of every word, and re-reading the sentence per word was quadratic.
    """

    def __init__(self, doc: Document, reporting_cues: frozenset[str], *, denials: bool = True) -> None:
        self.columns = doc.token_columns()
        self.cues = reporting_cues
        self.denials = denials  # whether a word inside a denial is the denied party's (loaded words: yes)
        self.memo: dict[int, Voice] = {}

    def sentence_tokens(self, sentence: int) -> range:
        """The token indexes of one sentence (tokens are in text order, so their sentence numbers are sorted)."""
        numbers = self.columns.sentences
        return range(bisect_left(numbers, sentence), bisect_right(numbers, sentence))

    def voice_of(self, first: int, end: int) -> Voice:
        """The voice of tokens ``first:end``."""
        if any(self.columns.quoted[first:end]):
            return QUOTED
        if first not in self.memo:
            self._read_sentence(self.columns.sentences[first])
        return self.memo[first]

    def _read_sentence(self, sentence: int) -> None:
        """The voice of every token of one sentence, outside quotations (denial, reported clause, own).

        Each rule fills the run of tokens it covers, in the order that lets the stronger rule win: the tail's
        reported clause (the tokens before its comma), then the first "<cue> that" (every token from "that"
        on), then each denial (the tokens after it, up to its DENIAL_WINDOW-th word). Runs, not tokens, so a
        sentence costs a few steps at C speed (the learned lexicon reads the sentences of its words too).
        """
        columns, memo = self.columns, self.memo
        norms, texts = columns.norms, columns.texts
        indexes = self.sentence_tokens(sentence)
        first, end = indexes.start, indexes.stop
        tail = _tail_cue(indexes, norms, texts, columns.is_word, self.cues)
        if tail is None:
            memo.update(dict.fromkeys(indexes, OWN))
        else:
            clause = Voice("paraphrase", f"reported clause (', … {tail[1]}' after it)")
            memo.update(dict.fromkeys(range(first, tail[0]), clause))
            memo.update(dict.fromkeys(range(tail[0], end), OWN))
        span = norms[first:end]
        cues = compress(range(first, end - 1), map(self.cues.__contains__, span[:-1])) if "that" in span else ()
        for cue in cues:
            if norms[cue + 1] == "that":
                reported = Voice("paraphrase", f"reported clause ('{texts[cue]} that' before it)")
                memo.update(dict.fromkeys(range(cue + 1, end), reported))
                break
        if self.denials and not (DENIERS.isdisjoint(span) and "n't" not in "\0".join(span)):  # (most deny nothing)
            self._read_denials(span, first, end)

    def _read_denials(self, span: Sequence[str], first: int, end: int) -> None:
        """Each denial's voice over the tokens after it, up to its DENIAL_WINDOW-th word (a later denial's wins);
        ``span``: the norms of tokens ``first:end``."""
        norms, words = self.columns.norms, self.columns.is_word
        maybe = map(or_, map(DENIERS.__contains__, span), map(str.endswith, span, repeat("n't")))
        for index in compress(range(first, end), maybe):
            if words[index] and _denies(norms, index):
                following = compress(range(index + 1, end), words[index + 1:end])
                last = next(islice(following, DENIAL_WINDOW - 1, None), end - 1)
                voice = Voice("paraphrase", f"inside a denial ('{self.columns.texts[index]}' before it)")
                self.memo.update(dict.fromkeys(range(index + 1, last + 1), voice))


def with_voices(doc: Document, reporting_cues: frozenset[str], spans: Sequence[Span], *,
                denials: bool = True, reader: VoiceReader | None = None) -> list[Span]:
    """Each span with ``voice`` and ``voice_reason`` (``denials``: whether the denial rule applies;
    ``reader``: one already reading this document with these cues and that rule, to reuse its memo)."""
    reader = reader if reader is not None else VoiceReader(doc, reporting_cues, denials=denials)
    starts = doc.token_columns().starts
    result = []
    for span in spans:
        first = bisect_left(starts, span.start)
        end = max(bisect_right(starts, span.end - 1), first + 1)
        if first >= len(starts):
            result.append(span)
            continue
        voice = reader.voice_of(first, min(end, len(starts)))
        result.append(replace(span, attrs={**span.attrs, "voice": voice.voice, "voice_reason": voice.reason}))
    return result


QUOTED = Voice("quoted", "inside a speech quotation")
OWN = Voice("own", "the writer's own words")
DENIERS = NEGATIONS | DENIAL_VERBS  # (with every word ending "n't": the words :func:`_denies` may accept)


def _denies(norms: Sequence[str], index: int) -> bool:
    """A negation or verb of denial, not "not only" (which intensifies)."""
    norm = norms[index]
    following = norms[index + 1] if index + 1 < len(norms) else ""
    return (norm in NEGATIONS or norm.endswith("n't") or norm in DENIAL_VERBS) and following != "only"


def _tail_cue(indexes: range, norms: Sequence[str], texts: Sequence[str], words: Sequence[bool],
              cues: frozenset[str]) -> tuple[int, str] | None:
    """``(comma, cue)`` when the sentence ends ", <at most TAIL_WINDOW words with a reporting verb>".

    A tail that opens speech rather than closing it (", saying:", a participle in "-ing") reports what follows,
    not the clause before the comma: "He lashed out on Twitter, saying:" is the writer's account of him.
    """
    sentence = texts[indexes.start:indexes.stop]
    if "," not in sentence or sentence[-1] == ":":
        return None
    comma = indexes.stop - 1 - sentence[::-1].index(",")  # (the last comma)
    tail = list(compress(range(comma + 1, indexes.stop), words[comma + 1:indexes.stop]))
    cue = next((texts[i] for i in tail if norms[i] in cues and not norms[i].endswith("ing")), None)
    return (comma, cue) if cue and len(tail) <= TAIL_WINDOW else None
