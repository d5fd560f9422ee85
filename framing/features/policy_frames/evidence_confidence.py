"""How sure a frame's evidence is: does its best sentence weigh on what it says, or on who acts in it?

Blind readers of BASIL news (docs/notes/frames-reading-2026-12-07.md) rejected evidence sentences whose heaviest
words are *actor words*: party labels ("Republican", "GOP"), job titles ("Senator", "Defense Secretary"), offices
used as the sentence's actor ("the White House", "the administration") and names, while the sentence's point is
money, the military or criminal charges. Such words say who acts, not what the sentence is about, and the frame
score (a probability) cannot tell: every top frame of those articles scored above the model's bar.

So the evidence gets a confidence of its own (:func:`evidence_check`): the *content share* of a shown sentence is
the part of its listed words' weight (the words that weighed most in its main clause, as the report shows them)
carried by words that are not actor words. A frame whose best sentence has a content share under
:data:`CONTENT_SHARE` is "possible", with the actor words and their share in words. Actor words are found
without any story word: the document's mention layer (persons with their titles, organisations) and the
role terms of ``lexicons/voice_roles.tsv`` for the political contest's offices, legislators and parties
(:data:`ACTOR_ROLES`).

A near tie between the article's top two frames is named too (:func:`close_second`): "Political, close to
Legality", so one "top frame" does not hide a second as strong.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from ...document import Document
from ...lexicons import Lexicons
from ...grammar import POSSESSIVE_ENDINGS
from .evidence import STRONG_WORD, SURE, Evidence, FrameDecision, WordWeight

# A shown sentence is the frame's evidence when at least half its listed words' weight is content, not actors:
# the majority of what makes it evidence must be what it says (general grounds, not fitted; see the docs).
CONTENT_SHARE = 0.5
ACTOR_MENTIONS = frozenset({"person", "organisation"})  # mention kinds that name who acts (with titles)
# voice_roles.tsv roles whose terms are actor words wherever they stand: the offices, legislators and parties of the
# political contest, whose words a frame model weighs (for Political, foreign relations) whatever the sentence says.
# Other roles' terms ("military actions", "court ruling", "voters") often say what a sentence is about; they count
# as actors only inside a name or title (the mention layer: "Defense Secretary", "Attorney General Eric Holder").
ACTOR_ROLES = frozenset({"executive_officials", "legislators", "parties_campaigns"})
# A second frame is "close" to the top frame when its ordering number is within this of the top frame's:
# 0.05 on a score (the lead spot_the_frame asks of a clear top frame), 0.3 on a lift (the same 0.05 in
# log-odds where a frame is confident: 0.05 / (0.8 × 0.2) ≈ 0.3).
CLOSE_SCORE = 0.05
CLOSE_LIFT = 0.3


class ActorWords(NamedTuple):
    """Where an article's actor words are: mention stretches (character offsets) and role terms (lower case)."""

    stretches: Sequence[tuple[int, int]]  # sorted, (start, end) of each person, organisation or group mention
    terms: frozenset[str]

    def holds(self, word: WordWeight) -> bool:
        """Whether a listed word is an actor word: a role term, or inside a mention of who acts."""
        if possessive_stem(word.text).lower() in self.terms:
            return True
        at = bisect_right(self.stretches, (word.start, float("inf"))) - 1
        return at >= 0 and word.end <= self.stretches[at][1]


def possessive_stem(text: str) -> str:
    """A word without its possessive ending ("administration's", "GOP’s" → "administration", "GOP")."""
    for ending in POSSESSIVE_ENDINGS:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def actor_words(doc: Document, lexicons: Lexicons) -> ActorWords:
    """The article's actor words, from its mention layer and ``voice_roles.tsv`` (no story words)."""
    stretches = sorted((m.start, m.end) for m in doc.mentions if m.kind in ACTOR_MENTIONS and m.end > m.start)
    terms = frozenset(entry.key.lower() for entry in lexicons["voice_roles"] if entry["role"] in ACTOR_ROLES)
    return ActorWords(stretches, terms)


def content_share(words: Sequence[WordWeight], actors: ActorWords) -> float:
    """The share of the listed words' positive weight carried by content words (1.0 for no listed words)."""
    total = sum(w.weight for w in words if w.weight > 0)
    if total <= 0:
        return 1.0
    return sum(w.weight for w in words if w.weight > 0 and not actors.holds(w)) / total


def content_weight(words: Sequence[WordWeight], actors: ActorWords) -> float:
    """The positive weight of the listed words that are not actor words."""
    return sum(w.weight for w in words if w.weight > 0 and not actors.holds(w))


def evidence_check(decision: FrameDecision, best: Evidence, others: Sequence[FrameDecision],
                   actors: ActorWords) -> str:
    """Why the frame's best evidence sentence fails, in words (``""`` when it passes).

    It fails when the frame leads the sentence only through actor words: with names, titles, party labels and
    offices set aside, another of the article's frames has more weight in it (its own heaviest main-clause
    words) than this frame, so the sentence's point is that frame's, and who acts in it made it this frame's
    evidence. A sentence about actors alone ("Democrats and Republicans clashed") still passes for a frame
    whose point the contest is.
    """
    own = content_weight(best.words, actors)
    if content_share(best.words, actors) >= CONTENT_SHARE:
        return ""
    # A rival counts when its content would be listed beside this frame's heaviest word (``STRONG_WORD`` of it):
    # a trace of another frame's words in a sentence about actors does not make that frame its point.
    floor = max(own, STRONG_WORD * max((w.weight for w in best.words), default=0.0))
    rival, rival_weight = None, floor
    for other in (other for other in others if other.rule == decision.rule):  # one scorer's parts share a scale
        weight = content_weight(other.main_words(best.sentence), actors)
        if weight > rival_weight:
            rival, rival_weight = other, weight
    if rival is None:
        return ""
    named = ", ".join(f"{w.text} {w.weight:+.2f}" for w in best.words if w.weight > 0 and actors.holds(w))
    return (f"its best sentence weighs on who acts, not on what it says: names, titles, party labels or offices "
            f"({named}) carry {1 - content_share(best.words, actors):.0%} of its words' weight, and without them "
            f"its words weigh more for {rival.frame.replace('_', ' ')} ({rival_weight:+.2f} against {own:+.2f})")


def close_second(top: FrameDecision, second: FrameDecision | None) -> bool:
    """Whether the second frame nearly ties the top frame, by the number that orders them (lift or score)."""
    if second is None:
        return False
    if top.salience is not None and second.salience is not None:
        return second.score >= SURE and top.salience - second.salience < CLOSE_LIFT
    return top.score - second.score < CLOSE_SCORE
