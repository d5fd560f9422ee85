"""The ``frames`` table: which policy frames each outlet gives the story, and which frames others leave out.

One row per outlet × frame, for every frame at least one outlet's articles carry (so a frame
an outlet leaves out shows as a row with nothing assigned). Columns:
outlet, frame, n_articles, articles_with_frame, score (mean frame score over the outlet's
articles, 0 where the frame is not assigned), frame_sentences (sentences of the articles given the
frame that carry it: a positive part of its score), n_sentences, sentence_share (frame sentences /
sentences) with a 95% Wilson interval (share_ci_low, share_ci_high;
sentences are treated as independent, so the interval is on the narrow side), rank (the
frame's place in the outlet: first by how many of its articles lead with the frame, then by score;
1 = the frame it leads with, 0 = not given), leads
(rank 1), left_out_by (outlets whose articles do not carry the frame at all),
leads_where_others_leave_out (the outlet leads with a frame some other outlet leaves out), rule (which scorer
decided), evidence (``article_id:start-end`` of each evidence sentence, best first), confidence and reason,
close_to (the second frames that nearly tie this one where an article leads with it: "Political, close to Legality").

Only *confident* frames (the record's ``confidence``: the learned model's score reaches the bar chosen in
cross-validation, :mod:`framing.features.policy_frames.model`) make the confident rows, their ranks and lead
marks, and the sentence in words. An outlet's frame whose articles carry it only as possible is one row with
``confidence`` "possible" (rank 0, not a lead) and the reason in words, so the report can list it apart.

``frames_summary`` says the same in words: "Source B frames the story mainly as security;
Source D as legality."
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..analysis import ArticleAnalysis
from ..document import POSSIBLE, Span
from ..lexicon_schema import POLICY_FRAMES
from .common import outlet_of, outlets_in_order

COLUMNS = [
    "outlet", "frame", "n_articles", "articles_with_frame", "score", "frame_sentences", "n_sentences",
    "sentence_share", "share_ci_low", "share_ci_high", "rank", "leads", "left_out_by", "leads_where_others_leave_out",
    "rule", "evidence", "confidence", "reason", "close_to",
]
# How a sentence in words names each frame ("frames the story mainly as security").
FRAME_WORDS = {
    "Economic": "economics", "Capacity_and_resources": "a question of capacity and resources",
    "Morality": "morality", "Fairness_and_equality": "fairness and equality",
    "Legality_Constitutionality_and_jurisprudence": "legality", "Policy_prescription_and_evaluation": "policy",
    "Crime_and_punishment": "crime and punishment", "Security_and_defense": "security",
    "Health_and_safety": "health and safety", "Quality_of_life": "quality of life",
    "Cultural_identity": "cultural identity", "Public_opinion": "public opinion", "Political": "politics",
    "External_regulation_and_reputation": "foreign relations and reputation",
}
Z_95 = 1.959964


def wilson_interval(successes: int, trials: int) -> tuple[float, float]:
    """The 95% Wilson score interval of a share (0–0 for no trials)."""
    if trials == 0:
        return 0.0, 0.0
    share = successes / trials
    centre = (share + Z_95**2 / (2 * trials)) / (1 + Z_95**2 / trials)
    half = Z_95 * math.sqrt(share * (1 - share) / trials + Z_95**2 / (4 * trials**2)) / (1 + Z_95**2 / trials)
    return max(0.0, centre - half), min(1.0, centre + half)


def build_frames(analyses: Sequence[ArticleAnalysis]) -> pd.DataFrame:
    """The ``frames`` table of one story (see the module docstring for its columns)."""
    outlets = outlets_in_order(analyses)
    confident, possible = _Tally(), _Tally()
    members: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    for analysis in analyses:
        outlet = outlet_of(analysis)
        members[outlet].append(analysis)
        for span in sorted(analysis.spans_of("frame"), key=lambda s: s.attrs.get("evidence_rank", 0)):
            tally = possible if span.attrs.get("confidence") == POSSIBLE else confident
            tally.add((outlet, span.label), analysis.document.id, span)
    present = [frame for frame in POLICY_FRAMES if any((outlet, frame) in confident.evidence for outlet in outlets)]
    # an outlet that carries a frame only as possible has not left it out: ★ must not say it does
    left_out = {frame: [other for other in outlets
                        if (other, frame) not in confident.evidence and (other, frame) not in possible.evidence]
                for frame in present}
    rows: list[dict[str, Any]] = []
    for outlet in outlets:
        n_articles = len(members[outlet])
        n_sentences = sum(len(a.document.sentences) for a in members[outlet])
        mean = {frame: sum(confident.scores[(outlet, frame)]) / n_articles for frame in present}
        ranked = sorted((f for f in present if mean[f] > 0),
                        key=lambda f: (-confident.leads[(outlet, f)], -mean[f], POLICY_FRAMES.index(f)))
        for frame in present:
            row = confident.row(outlet, frame, n_articles, n_sentences)
            rows.append(row | {
                "rank": ranked.index(frame) + 1 if frame in ranked else 0,
                "leads": bool(ranked) and ranked[0] == frame,
                "left_out_by": left_out[frame],
                "leads_where_others_leave_out": bool(ranked) and ranked[0] == frame and bool(left_out[frame]),
                "confidence": "confident", "reason": ""})
        for frame in POLICY_FRAMES:  # frames the outlet carries only as possible: listed apart, with the reason
            if (outlet, frame) in possible.evidence and (outlet, frame) not in confident.evidence:
                rows.append(possible.row(outlet, frame, n_articles, n_sentences) | {
                    "rank": 0, "leads": False, "left_out_by": [], "leads_where_others_leave_out": False,
                    "confidence": POSSIBLE, "reason": "; ".join(possible.reasons[(outlet, frame)])})
    return pd.DataFrame(rows, columns=COLUMNS)


class _Tally:
    """Per (outlet, frame): the articles' frame scores, lead counts, carrying sentences, evidence and reasons."""

    def __init__(self) -> None:
        self.scores: dict[tuple[str, str], list[float]] = defaultdict(list)
        self.carrying: dict[tuple[str, str], int] = defaultdict(int)
        self.leads: dict[tuple[str, str], int] = defaultdict(int)  # the outlet's articles that lead with the frame
        self.evidence: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.rules: dict[tuple[str, str], str] = {}
        self.reasons: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.close: dict[tuple[str, str], list[str]] = defaultdict(list)  # second frames that nearly tie a lead

    def add(self, key: tuple[str, str], article_id: str, span: Span) -> None:
        """Count one evidence span of an article (its frame's figures once, from its best sentence)."""
        if span.attrs.get("evidence_rank") == 1:
            self.scores[key].append(float(span.attrs.get("frame_score", 0.0)))
            self.leads[key] += span.attrs.get("frame_rank") == 1
            if span.attrs.get("close_to") and span.attrs["close_to"] not in self.close[key]:
                self.close[key].append(str(span.attrs["close_to"]))
            self.carrying[key] += int(span.attrs.get("frame_sentences", 0))
            if span.attrs.get("reason"):
                self.reasons[key].append(f"{article_id}: {span.attrs['reason']}")
        self.evidence[key].append(f"{article_id}:{span.start}-{span.end}")
        self.rules[key] = str(span.attrs.get("rule", ""))

    def row(self, outlet: str, frame: str, n_articles: int, n_sentences: int) -> dict[str, Any]:
        """The row's counts, mean score (over all the outlet's articles), sentence share and evidence."""
        key = (outlet, frame)
        sentences = self.carrying[key]
        low, high = wilson_interval(sentences, n_sentences)
        return {"outlet": outlet, "frame": frame, "n_articles": n_articles,
                "articles_with_frame": len(self.scores[key]), "score": round(sum(self.scores[key]) / n_articles, 3),
                "frame_sentences": sentences, "n_sentences": n_sentences,
                "sentence_share": round(sentences / n_sentences, 3) if n_sentences else 0.0,
                "share_ci_low": round(low, 3), "share_ci_high": round(high, 3),
                "rule": self.rules.get(key, ""), "evidence": self.evidence.get(key, []),
                "close_to": list(self.close.get(key, []))}


def frames_summary(table: pd.DataFrame) -> str:
    """The table's leading frames in words: "Source A and Source C frame the story mainly as security; …"."""
    if table.empty:
        return ""
    leading: dict[str, list[str]] = defaultdict(list)
    for record in table[table["leads"]].to_dict("records"):  # leads are confident frames only
        leading[record["frame"]].append(record["outlet"])
    parts = []
    for index, (frame, outlets) in enumerate(leading.items()):
        names = outlets[0] if len(outlets) == 1 else ", ".join(outlets[:-1]) + " and " + outlets[-1]
        verb = "frames" if len(outlets) == 1 else "frame"
        words = FRAME_WORDS.get(frame, frame.replace("_", " ").lower())
        close = list(dict.fromkeys(c for record in table[table["leads"] & (table["frame"] == frame)].to_dict("records")
                                   for c in record["close_to"]))
        if close:  # a near tie is said, not hidden behind one lead frame
            words += " (close to " + " and ".join(FRAME_WORDS.get(c, c) for c in close) + ")"
        parts.append(f"{names} {verb} the story mainly as {words}" if index == 0 else f"{names} as {words}")
    return "; ".join(parts) + "." if parts else ""
