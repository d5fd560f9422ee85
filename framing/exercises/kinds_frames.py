"""Spot the frame: two outlets' passages, each putting forward a different policy frame.

The material is each article's top frame (:func:`framing.features.policy_frames.frame_records`)
when it is clear: confident (its score reaches the frame model's confidence bar; a "possible" top frame is
never taught), a score of at least :data:`MIN_FRAME_SCORE` and ahead of the article's next
frame by :data:`MIN_LEAD` and not nearly tied by it (the record's ``close_to``), with an evidence sentence that
stands on its own. Two outlets whose
clear top frames differ make one item; students choose each passage's frame from the frames
defined on the worksheet, and the key gives the frame, the words that weighed most and where.
Outlets that all lead with the same frame give no item, and the key says why (a shorter sound
lesson beats one that asks students to find a difference that is not there).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from ..analysis import ArticleAnalysis
from ..document import POSSIBLE
from ..features.policy_frames import frame_records
from ..features.policy_frames.evidence_confidence import CLOSE_SCORE
from .kinds_compare import numbered, version
from .kinds_text import ItemCandidate, offsets, table
from .material import Material, outlet_of
from .sound import readable, writers_own

MIN_FRAME_SCORE = 0.25  # a top frame weaker than this is not clear enough to teach
MIN_LEAD = CLOSE_SCORE  # and it must lead the article's second frame by this much (a closer one is a near tie)
# Frames every worksheet defines besides the item's own, so the answer is a real choice.
DISTRACTORS = ("Political", "Economic", "Security_and_defense", "Legality_Constitutionality_and_jurisprudence")
MAX_CHOICES = 5


def clear_top_frame(analysis: ArticleAnalysis) -> dict[str, Any] | None:
    """The article's top frame when it is clear (see the module docstring), else None."""
    frames = frame_records(analysis.spans)
    if not frames:
        return None
    top, runner_up = frames[0], (frames[1]["score"] if len(frames) > 1 else 0.0)
    if (top.get("confidence") == POSSIBLE or top["score"] < MIN_FRAME_SCORE or top["score"] - runner_up < MIN_LEAD
            or top.get("close_to") or not top["evidence"]):
        return None
    return top


def spot_the_frame(m: Material) -> list[ItemCandidate]:
    """Pairs of outlets whose clear top frames differ, each with an evidence sentence that stands alone."""
    tops = []
    for analysis in m.analyses:
        top = clear_top_frame(analysis)
        if top is None:
            continue
        outlet = outlet_of(analysis)
        shown = next((v for e in top["evidence"] if writers_own(analysis, e["start"])
                      and (v := version(m, outlet, analysis.document.id, e["start"])) is not None), None)
        if shown is not None:
            tops.append((outlet, top, shown, analysis))
    found = [(a, b) for a, b in combinations(tops, 2) if a[0] != b[0] and a[1]["frame"] != b[1]["frame"]]
    ranked = m.rank(found, lambda pair: m.grade_distance(pair[0][2]["text"] + " " + pair[1][2]["text"]))
    return [ItemCandidate(f"frame:{a[3].document.id}:{b[3].document.id}", a[0],
                      f"{m.name(a[0])} {readable('frame', a[1]['frame'])} · {m.name(b[0])} "
                      f"{readable('frame', b[1]['frame'])}", min(a[1]["score"], b[1]["score"]),
                      lambda pair=(a, b): frame_item(pair)) for a, b in ranked]


def frame_item(pair: tuple[tuple[str, dict[str, Any], dict[str, Any], ArticleAnalysis], ...]) -> dict[str, Any]:
    shown = [dict(item[2]) for item in pair]
    passage = numbered(shown, "Two sources on the same story")
    frames = [item[1]["frame"] for item in pair]
    choices = list(dict.fromkeys([*frames, *DISTRACTORS]))[:MAX_CHOICES]
    key_rows = []
    for sentence, (_, top, _, _) in zip(shown, pair, strict=True):
        evidence = next((e for e in top["evidence"] if sentence["start"] <= e["start"] < sentence["end"]),
                        top["evidence"][0])
        key_rows.append([sentence["n"], sentence["source"], readable("frame", top["frame"]),
                         ", ".join(word["text"] for word in evidence["words"][:5]) or "(the sentence as a whole)",
                         f"{top['score']:.2f}", offsets(evidence["start"], evidence["end"])])
    return {
        "passages": [passage],
        "answers": len(key_rows),
        "categories": ("frame", choices),
        "table_task": {"columns": None, "rows": [f"{s['n']}. {s['source']}" for s in shown]},
        "key": {"tables": [table("The frame each passage puts forward",
                                 ["Passage", "Source", "Frame", "Words that weighed most", "Score", "Where"],
                                 key_rows)],
                "notes": [frames_source_note({item[1].get("rule", "") for item in pair})]},
    }


def frames_source_note(rules: set[str]) -> str:
    """Where the key's frames come from, so the teacher reads the scores and words for what they are."""
    if "frame_model" in rules:
        return ("Frames come from a learned model over words (the optional research-use set, trained on news "
                "articles); a score is its probability, not a certainty, and names of people or places can weigh "
                "as much as frame words. Accept another frame a student defends with words from the passage.")
    # the list's file name is an internal identifier, which the key's main text does not show
    return ("Frames come from a word list per frame, bundled with framing; a score is the share of the "
            "article's frame cues, not a certainty. Accept another frame a student defends with words from the "
            "passage.")
