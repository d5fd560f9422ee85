"""Frame cues in running text: each match of a ``frame_cues.tsv`` row, with its sentence and weight.

Both frame scorers read these: the default cue rule (:mod:`.rule`) sums them per frame, and
the learned model (:mod:`.model`) takes each frame's share of their weight as one named
feature per frame beside its word weights. Matching is one pass of the lexicon's :class:`~framing.lexicons.TermMatcher`
over the document's token norms, so it costs about as much as one more term lexicon.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...document import Document

if TYPE_CHECKING:  # the lexicons load the frame model from this package: no import cycle at run time
    from ...lexicons import Lexicons


@dataclass(frozen=True, slots=True)
class CueHit:
    """One cue in the text: the words ``text[start:end]`` signal ``frame`` with ``weight``."""

    frame: str
    term: str  # the lexicon row's key
    text: str  # the words as written
    weight: float
    sentence: int
    start: int
    end: int


def cue_hits(doc: Document, lexicons: Lexicons) -> list[CueHit]:
    """Every frame cue in ``doc``, in text order (longest match first, no overlaps)."""
    columns = doc.token_columns()
    hits = []
    for first, end, entry in lexicons.matcher("frame_cues").match(columns.norms):
        start, stop = columns.starts[first], columns.ends[end - 1]
        hits.append(CueHit(entry["frame"], entry.key, doc.text[start:stop], float(entry["weight"]),
                           columns.sentences[first], start, stop))
    return hits


def weight_by_frame(hits: list[CueHit]) -> dict[str, float]:
    """Total cue weight of each frame in an article."""
    totals: dict[str, float] = defaultdict(float)
    for hit in hits:
        totals[hit.frame] += hit.weight
    return dict(totals)
