"""The report's "Loaded language by voice" table: whose words the loaded terms are, and sentence slant.

One row per outlet: loaded terms in the writer's own voice (count and rate per 1,000 own
words), in quotations, and in close paraphrase or denial (:mod:`framing.features.loaded_voice`);
"possible" findings (demoted by a learned model) apart; and, when the optional slant model
is loaded, the share of own-voice sentences a model trained on expert labels would call
slanted (:mod:`framing.slant`), with a 95% bootstrap interval over those sentences (seeded,
so a report is reproducible). Kept in its own module and template include
(``loaded_voices.html.j2``) so the report's other sections stay untouched.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from ..analysis import ArticleAnalysis
from ..lexicons import Lexicons
from ..rates import per_thousand
from ..slant import score_sentences

BOOTSTRAP = 1000
SEED = 0
SLANT_LABEL = "share of sentences a model trained on expert labels would call slanted"


def bootstrap_share(flags: Sequence[bool], seed: int = SEED) -> tuple[float, float]:
    """A 95% percentile interval of the share of True flags (items resampled)."""
    if not flags:
        return 0.0, 0.0
    rng = random.Random(seed)
    n = len(flags)
    shares = sorted(sum(flags[rng.randrange(n)] for _ in range(n)) / n for _ in range(BOOTSTRAP))
    return shares[int(0.025 * BOOTSTRAP)], shares[int(0.975 * BOOTSTRAP) - 1]


def loaded_voice_rows(analyses: Sequence[ArticleAnalysis], lexicons: Lexicons) -> dict[str, Any]:
    """``{"rows": [...], "slant_label", "has_slant", "has_learned"}`` for the template."""
    grouped: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    for analysis in analyses:
        grouped[analysis.document.outlet or analysis.document.id].append(analysis)
    model = lexicons.slant_model
    rows = []
    for outlet, members in grouped.items():
        counts: dict[str, int] = defaultdict(int)
        own_words = sum(a.document.n_words - a.document.n_quoted_words for a in members)
        flags: list[bool] = []
        for analysis in members:
            for span in analysis.spans_of("loaded"):
                key = span.attrs.get("voice", "own") if span.counted else "possible"
                counts[key] += 1
                counts["learned"] += span.attrs.get("rule") == "learned_lexicon" and key != "possible"
            if model is not None:
                flags += [s.probability >= model.threshold for s in score_sentences(analysis.document, model)
                          if s.own_voice]
        low, high = bootstrap_share(flags)
        rows.append({
            "outlet": outlet, "own": counts["own"], "own_rate": per_thousand(counts["own"], own_words),
            "quoted": counts["quoted"], "paraphrase": counts["paraphrase"], "possible": counts["possible"],
            "learned": counts["learned"], "slant": round(sum(flags) / len(flags), 3) if flags else None,
            "slant_low": round(low, 3), "slant_high": round(high, 3), "slant_sentences": len(flags),
        })
    return {"rows": rows, "slant_label": SLANT_LABEL, "has_slant": model is not None,
            "has_learned": lexicons.learned_loaded is not None}
