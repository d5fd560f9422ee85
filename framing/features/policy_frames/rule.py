"""The default frame scorer: a transparent rule over the hand-written cue lexicon (MIT).

An article gets a frame when the frame's cues (``lexicons/frame_cues.tsv``) are both
*present* and *prominent*: their weights sum to at least ``MIN_WEIGHT``, they come from at
least ``MIN_TERMS`` different cue terms (one word repeated is not a frame), and the frame
holds at least ``MIN_SHARE`` of all the article's cue weight. The score is that share, so it
reads as "how much of the article's framing talk is about this frame" and compares across
articles of any length. At most ``MAX_FRAMES`` frames, the highest shares, are kept.
"""

from __future__ import annotations

from collections import defaultdict

from .cues import CueHit, weight_by_frame
from .evidence import FrameDecision, WordWeight, with_candidates

RULE = "frame_cues"
MIN_WEIGHT = 3.0
MIN_TERMS = 2
MIN_SHARE = 0.1
MAX_FRAMES = 5


def cue_rule_frames(hits: list[CueHit]) -> dict[str, float]:
    """The frames the cue rule assigns and their shares of the article's cue weight, highest share first."""
    totals = weight_by_frame(hits)
    overall = sum(totals.values())
    terms: dict[str, set[str]] = defaultdict(set)
    for hit in hits:
        terms[hit.frame].add(hit.term.lower())
    kept = [
        frame for frame, weight in totals.items()
        if weight >= MIN_WEIGHT and len(terms[frame]) >= MIN_TERMS and weight / overall >= MIN_SHARE
    ]
    kept.sort(key=lambda frame: (-totals[frame], frame))
    return {frame: totals[frame] / overall for frame in kept[:MAX_FRAMES]}


def cue_rule_decisions(hits: list[CueHit]) -> list[FrameDecision]:
    """The frames the cue rule assigns, highest share first, each with its cues per sentence and candidates.

    The candidate evidence sentences (:func:`.evidence.with_candidates`) compare the parts of all these frames.
    """
    shares = cue_rule_frames(hits)
    parts: dict[str, dict[int, list[WordWeight]]] = {frame: defaultdict(list) for frame in shares}
    for hit in hits:  # the words of the kept frames only
        if hit.frame in parts:
            parts[hit.frame][hit.sentence].append(WordWeight(hit.text, hit.start, hit.end, hit.weight, hit.side))
    return with_candidates([FrameDecision(frame, share, RULE, dict(parts[frame])) for frame, share in shares.items()])
