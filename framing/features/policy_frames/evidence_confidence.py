"""How sure a frame's evidence is: does its best sentence weigh on what it says, or on how it describes a person?

Blind readers of BASIL news (docs/notes/frames-reading-2026-12-07.md) rejected evidence sentences whose heaviest
words describe who acts: a party label before a person ("the Republican governor", "Democratic senators"), a job
title ("Senator", "Defense Secretary"), the body before a title ("FBI" of "FBI Director James Comey"), while the
sentence's point is something else. The frame score (a probability of the whole article) cannot tell: every top
frame of those articles scored above the model's bar.

So the evidence gets a confidence of its own (:func:`evidence_check`): the *describing share* of a shown sentence
is the part of its listed words' weight (the words that weighed most in its main clause, as the report shows
them) carried by words that describe a person (:func:`descriptor_stretches`). A frame whose best sentence has a
describing share over :data:`DESCRIBING_SHARE` is "possible", with those words and their share in words. No story
word is involved: the document's mention layer finds titles, descriptions and names, and
``lexicons/voice_roles.tsv`` names the party labels (its ``parties_campaigns`` rows).

A second check asks whether the best sentence says anything beyond *who* is in it (:meth:`WhoWords.names_actor`): when
nearly all of its listed words' weight sits in names, organisations, groups, offices and capitalised labels
("Republican", "White House", "Congress", "President", "lawmakers"), the sentence is about who acts, and the
readers' definition of weak evidence ("the frame is present only through a name, title or party label") applies:
the frame is "possible", with those words in its reason.

A near tie between the article's top two frames is named too (:func:`close_second`): "Political, close to
Legality", so one "top frame" does not hide a second as strong.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

from ...corpus.mention_model import mention_lexicon
from ...document import Document
from ...lexicons import Lexicons
from .evidence import SURE, Evidence, FrameDecision, WordWeight
from .name_words import name_word_ranges

# A best evidence sentence whose listed words' weight is more than half in words that describe a person is not
# the frame's evidence: most of what made it evidence is who it is about, not what it says (general grounds: a
# majority; checked, not fitted, on SemEval by cross-validation and on the judged BASIL articles, see the docs).
DESCRIBING_SHARE = 0.5
PARTY_ROLE = "parties_campaigns"  # voice_roles.tsv's party labels: just before a person or group they describe them
DESCRIPTIONS = frozenset({"definite_role", "indefinite_role", "appositive"})  # person mentions that are descriptions
PEOPLE = frozenset({"person", "group"})  # mention kinds a party label or an organisation may stand before
# A second frame is "close" to the top frame when its ordering number is within this of the top frame's:
# 0.05 on a score (the lead spot_the_frame asks of a clear top frame), 0.3 on a lift (the same 0.05 in
# log-odds where a frame is confident: 0.05 / (0.8 × 0.2) ≈ 0.3).
CLOSE_SCORE = 0.05
CLOSE_LIFT = 0.3

# A best sentence whose listed words carry less than this share of their weight outside words naming who acts is
# about who is in it, not about the frame (general grounds: one word of what the sentence says in five of weight;
# checked, not fitted, on the judged BASIL articles, see docs/policy_frames.md).
MIN_CONTENT_SHARE = 0.2
ACTOR_MENTIONS = frozenset({"person", "organisation", "group"})  # mention kinds that name who acts
ACTOR_TITLE_KINDS = ("title", "group")  # titles.tsv kinds that name a person or a group by office ("lawmakers")

DESCRIBES, NAMES, NEITHER = 2, 1, 0  # what a listed word says of who acts (WhoWords._who)
NameRanges = Sequence[tuple[int, int]]  # token ranges [first, head) of name words (name_words.name_word_ranges)


class Shares(NamedTuple):
    """The parts of a shown sentence's listed words' positive weight carried by words that describe a person
    (:meth:`WhoWords.describes`) and by words that name who acts (:meth:`WhoWords.names_actor`); 0 for no weight."""

    describing: float
    actor: float


class WhoWords:
    """Where one article describes a person, and whether a listed word names who acts.

    Built once per article (its mentions are few), asked only about the handful of words a best evidence
    sentence lists: the token tests run for those words, not for every token of the article.
    """

    def __init__(self, doc: Document, lexicons: Lexicons, names: NameRanges | None = None) -> None:
        parties, self.offices = who_lexicon(lexicons)
        self.describing = _merged(descriptor_stretches(doc, parties, names))
        # a party's members named as a group on their own ("Republicans"): the sides of a Political contest
        self.sides = frozenset(m.first for m in doc.mentions if m.kind == "group" and m.text.lower() in parties)
        self.actor_mentions = _merged((m.start, m.end) for m in doc.mentions
                                      if m.kind in ACTOR_MENTIONS and m.how != "pronoun" and m.first not in self.sides)
        self.columns = doc.token_columns()

    def describes(self, word: WordWeight) -> bool:
        """Whether a listed word lies where the article describes a person (:func:`descriptor_stretches`)."""
        return self.describing.holds(word)

    def names_actor(self, word: WordWeight) -> bool:
        """Whether a listed word names who acts: a description of a person, a person, organisation or group
        mention (not a pronoun, not a party's members as a side), an office word ("president", "lawmakers"), or a
        capitalised word inside a sentence, a name or label ("Republican", "GOP") whether or not the mention layer
        resolved it."""
        return self._who(word) != NEITHER

    def shares(self, words: Sequence[WordWeight]) -> Shares:
        """The shares of the listed words' positive weight carried by words that pass :meth:`describes` and
        :meth:`names_actor`, each word tested once: a shown sentence's attributes and its verdict read the same."""
        positive = [w.weight for w in words if w.weight > 0]
        total = sum(positive)
        if total <= 0:
            return Shares(0.0, 0.0)
        describing, actor = [], []  # the weights of the words that pass each test, in the words' order
        for word in words:
            if word.weight > 0:
                who = self._who(word)
                if who == DESCRIBES:
                    describing.append(word.weight)
                if who != NEITHER:
                    actor.append(word.weight)
        return Shares(sum(describing) / total, sum(actor) / total)

    def _who(self, word: WordWeight) -> int:
        """What a listed word says of who acts: ``DESCRIBES`` a person (:meth:`describes`), ``NAMES`` who acts
        otherwise (:meth:`names_actor`), or ``NEITHER``; one function, so :meth:`shares` tests each word once."""
        if self.describing.holds(word):
            return DESCRIBES
        if self.actor_mentions.holds(word):
            return NAMES
        columns, start = self.columns, word.start
        starts = columns.starts
        token = bisect_left(starts, start)
        if token == len(starts) or starts[token] != start or token in self.sides:
            return NEITHER
        inside_sentence = token > 0 and columns.sentences[token - 1] == columns.sentences[token]
        if columns.norms[token] in self.offices or (
                inside_sentence and columns.is_word[token] and columns.texts[token][:1].isupper()):
            return NAMES
        return NEITHER


@lru_cache(maxsize=8)
def who_lexicon(lexicons: Lexicons) -> tuple[frozenset[str], frozenset[str]]:
    """The party labels (``voice_roles.tsv``) and office words (``titles.tsv``), once per :class:`Lexicons`
    (immutable, like :func:`~framing.corpus.mention_model.mention_lexicon`'s cache)."""
    parties = frozenset(entry.key.lower() for entry in lexicons["voice_roles"] if entry["role"] == PARTY_ROLE)
    titles = mention_lexicon(lexicons)
    return parties, frozenset(chain.from_iterable(titles.title_words_of(kind) for kind in ACTOR_TITLE_KINDS))


def descriptor_stretches(doc: Document, parties: frozenset[str],
                         names: NameRanges | None = None) -> Iterator[tuple[int, int]]:
    """Where the article describes a person rather than saying what they do, from its mention layer.

    A person's title ("Senator" of "Senator Jane Roe", "Former Defense Secretary"); a description standing for a
    person ("the Republican governor", "a Democrat from Ohio"); an organisation just before a person's title
    ("FBI" of "FBI Director James Comey"); a party label just before a person or a group ("Democratic senators");
    the words before the head of an organisation's name ("National Security" of "National Security Agency").
    A person's name itself, a party or an office acting on its own ("Republicans voted", "the White House said")
    are not descriptions: a sentence about what they do may well carry the frame.
    """
    columns = doc.token_columns()
    starts, ends, norms = columns.starts, columns.ends, columns.norms
    people_from = {m.first for m in doc.mentions if m.kind in PEOPLE and m.how != "pronoun"}
    for mention in doc.mentions:
        if mention.kind == "person" and mention.how == "title_name" and mention.name_first > mention.first:
            yield starts[mention.first], ends[mention.name_first - 1]
        elif (mention.how in DESCRIPTIONS if mention.kind == "person"  # a description standing for a person
              else mention.kind == "organisation" and mention.end_token in people_from):  # the body before a title
            yield mention.start, mention.end
    for first, head in (name_word_ranges(doc) if names is None else names):
        yield starts[first], ends[head - 1]
    for token in people_from:
        if token > 0 and norms[token - 1] in parties:
            yield starts[token - 1], ends[token - 1]


class _Stretches:
    """Merged, sorted character stretches as two lists, so one bisection over plain ints finds a word's stretch."""

    __slots__ = ("ends", "starts")

    def __init__(self, starts: list[int], ends: list[int]) -> None:
        self.starts, self.ends = starts, ends

    def holds(self, word: WordWeight) -> bool:
        """Whether a listed word lies inside one of the stretches."""
        at = bisect_right(self.starts, word.start) - 1
        return at >= 0 and word.end <= self.ends[at]


def _merged(stretches: Iterable[tuple[int, int]]) -> _Stretches:
    """Overlapping stretches joined, sorted by start (so one bisection finds a word's stretch)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(stretches):
        if ends and start <= ends[-1]:
            ends[-1] = max(end, ends[-1])
        else:
            starts.append(start)
            ends.append(end)
    return _Stretches(starts, ends)


def frame_sureness(decision: FrameDecision, shown: Sequence[Evidence], best_shares: Shares | None,
                   who: WhoWords | None) -> tuple[bool, str]:
    """Whether a frame is confident, and why in words: the bar and the writer's voice
    (:meth:`FrameDecision.verdict`), then its best sentence's words (:func:`evidence_check`, with their
    ``best_shares``, already found for the span)."""
    confident, reason = decision.verdict()
    if who is not None and confident and shown:
        failed = evidence_check(shown[0].words, who, best_shares)
        return not failed, failed or reason
    return confident, reason


def evidence_check(words: Sequence[WordWeight], who: WhoWords, shares: Shares | None = None) -> str:
    """Why a frame's best evidence sentence (its listed ``words``) fails, in words; ``""`` when it passes.

    ``shares``: the words' :meth:`WhoWords.shares`, when the caller has them already.
    """
    share, actor_share = who.shares(words) if shares is None else shares
    if share > DESCRIBING_SHARE:
        return (f"its best sentence weighs on words that describe a person, not on what it says: titles, party "
                f"labels or the body before a title ({_listed(words, who.describes)}) carry {share:.0%} of its "
                f"words' weight, more than {DESCRIBING_SHARE:.0%}")
    content = 1.0 - actor_share
    if content < MIN_CONTENT_SHARE:
        return (f"its best sentence names who acts but says little of the frame: names, offices and party labels "
                f"({_listed(words, who.names_actor)}) carry {1 - content:.0%} of its words' weight, what it says "
                f"{content:.0%}, under {MIN_CONTENT_SHARE:.0%}")
    return ""


def _listed(words: Sequence[WordWeight], test: Callable[[WordWeight], bool]) -> str:
    """The listed words that pass ``test``, with their weights, as the reason names them."""
    return ", ".join(f"{w.text} {w.weight:+.2f}" for w in words if w.weight > 0 and test(w))


def close_second(top: FrameDecision, second: FrameDecision | None) -> bool:
    """Whether the second frame nearly ties the top frame, by the number that orders them (lift or score).

    With a lift, the second frame must also be one the model is sure of (``SURE``), as the lead frame is.
    """
    if second is None:
        return False
    if top.salience is not None and second.salience is not None:
        return second.score >= SURE and top.salience - second.salience < CLOSE_LIFT
    return top.score - second.score < CLOSE_SCORE
