"""Policy frames: which aspects of an issue an article makes salient (Boydstun et al.'s 14 frames).

Not to be confused with :mod:`framing.frames` (pandas tables). Two transparent scorers:

* by default, a rule over the hand-written cue lexicon ``lexicons/frame_cues.tsv``
  (:mod:`.rule`, MIT), and
* when a lexicon layer holds a ``frame_model.json`` (the optional research-use set,
  ``--lexicons lexicons/optional/frames-research-use``), a calibrated linear model over
  words (:mod:`.model`), trained by ``scripts/train_frames.py``, plus the frames the cue
  rule assigns.

Either way each assigned frame comes with its best sentences as spans of type ``frame``
(the frame's name as label and category, the deciding rule, the words that weighed most);
a frame with no such sentence is not reported. ``frame_records`` turns those spans into the
record's ``frames`` list.
"""

from __future__ import annotations

from ...document import Document
from ...lexicons import Lexicons
from .. import Extraction
from .clauses import asides
from .cues import CUE_LEXICON, cue_hits
from .evidence import frame_records, frame_spans
from .evidence_confidence import WhoWords
from .model import known_words, model_decisions
from .name_words import name_word_ranges
from .rule import cue_rule_decisions

__all__ = ["RULES", "extract", "frame_records"]

RULES = ("frame_cues", "frame_model")


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """The frames of one article, each with its evidence sentences as ``frame`` spans."""
    model = lexicons.frame_model
    names = None  # the model finds the article's name ranges; the evidence check reuses them
    if model is None:
        decisions = cue_rule_decisions(cue_hits(doc, lexicons))
    else:  # the model's words sit in every sentence: one pass over the text finds all side clauses (and names)
        names = name_word_ranges(doc)  # read by the side clauses, the word lookup and the cue shares: found once
        clauses = asides(doc, names=names)
        # One lookup per token finds the model's words and where a cue may start
        known = known_words(doc, model, names, lexicons.matcher(CUE_LEXICON))
        decisions = model_decisions(doc, cue_hits(doc, lexicons, clauses, known.cue_starts), model, clauses, names,
                                    known)
    spans = frame_spans(doc, decisions, WhoWords(doc, lexicons, names) if decisions else None)
    return Extraction({"frames_assigned": float(len({span.label for span in spans}))}, spans)
