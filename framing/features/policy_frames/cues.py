"""Frame cues in running text: each match of a ``frame_cues.tsv`` row, with its sentence and weight.

Both frame scorers read these: the default cue rule (:mod:`.rule`) sums them per frame, and
the learned model (:mod:`.model`) takes each frame's share of their weight as one named
feature per frame beside its word weights. Matching is one pass of the lexicon's :class:`~framing.lexicons.TermMatcher`
over the document's token norms, so it costs about as much as one more term lexicon.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from ...document import Document
from .clauses import Clauses, asides, in_side_clause

if TYPE_CHECKING:  # the lexicons load the frame model from this package: no import cycle at run time
    from ...lexicons import Lexicons

CUE_LEXICON = "frame_cues"


class CueHit(NamedTuple):
    """One cue in the text: the words ``text[start:end]`` signal ``frame`` with ``weight``.

    A named tuple, not a frozen dataclass: a dozen per article, built at a third of the cost.
    """

    frame: str
    term: str  # the lexicon row's key
    text: str  # the words as written
    weight: float
    sentence: int
    start: int
    end: int
    side: bool = False  # in a side clause (:mod:`.clauses`): it counts for the score, not for the evidence


def cue_hits(doc: Document, lexicons: Lexicons, clauses: Clauses | None = None,
             starts: Sequence[int] | None = None) -> list[CueHit]:
    """Every frame cue in ``doc``, in text order (longest match first, no overlaps).

    ``clauses``: the document's side clauses, when the caller has them already (else those of the sentences
    that hold cues are found). ``starts``: the tokens a cue term may start at, when the caller's own lookup of
    the tokens found them (:func:`.model.known_words`), else found here.
    """
    columns = doc.token_columns()
    matches = list(lexicons.matcher(CUE_LEXICON).match(columns.norms, starts))
    found = [(columns.starts[first], columns.ends[end - 1], columns.sentences[first], entry)
             for first, end, entry in matches]
    if not found:
        return []
    if clauses is None:  # only the sentences that hold cues
        clauses = asides(doc, [doc.sentences[sentence] for sentence in sorted({f[2] for f in found})])
    # Aside or not by the cue's last word: "Supreme Court" ends on the head of the court's name, so it counts;
    # "national security" in "National Security Agency" lies before the agency's head, so it does not.
    side = in_side_clause([columns.starts[end - 1] for _, end, _ in matches], clauses).tolist()
    text = doc.text  # (``fields`` directly: "frame" and "weight" are the cue lexicon's required columns)
    # Built by ``tuple.__new__`` with every field given, as the parser builds its tokens: a named tuple's own
    # ``__new__`` is a Python function call per hit.
    return [tuple.__new__(CueHit, (entry.fields["frame"], entry.key, text[start:stop], float(entry.fields["weight"]),
                                   sentence, start, stop, aside))
            for (start, stop, sentence, entry), aside in zip(found, side, strict=True)]


def weight_by_frame(hits: list[CueHit]) -> dict[str, float]:
    """Total cue weight of each frame in an article."""
    totals: dict[str, float] = defaultdict(float)
    for hit in hits:
        totals[hit.frame] += hit.weight
    return dict(totals)
