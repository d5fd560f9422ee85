"""Score a rewrite against its original: loaded terms left or added, hedges and attributions kept or dropped.

Both texts go through the same extractors as the articles, so "loaded" means what
it means in the report. Spans are compared by what fired them (the lexicon entry
for hedges and loaded terms, the words for attributions), not by position: a
rewrite moves words around, and "may" kept is "may" kept wherever it now stands.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from ..analysis import ArticleAnalysis, analyze_document
from ..corpus import parse_text
from ..errors import FramingInputError
from ..lexicons import Lexicons

CHECKED = {"loaded": "Loaded terms", "hedge": "Hedges", "attribution": "Attributions"}


def analyze_sentence(text: str, lexicons: Lexicons) -> ArticleAnalysis:
    return analyze_document(parse_text(text, lexicons), lexicons)


def span_keys(analysis: ArticleAnalysis, span_type: str) -> Counter[str]:
    """What fired each span of ``span_type``: the lexicon entry, or the words for attributions."""
    return Counter((s.text if span_type == "attribution" else s.label).lower() for s in analysis.spans_of(span_type))


def check_rewrite(original: str, rewrite: str, lexicons: Lexicons) -> dict[str, Any]:
    """Per checked type: counts before and after, and which terms were kept, dropped or added."""
    before, after = analyze_sentence(original, lexicons), analyze_sentence(rewrite, lexicons)
    result: dict[str, Any] = {}
    for span_type, name in CHECKED.items():
        old, new = span_keys(before, span_type), span_keys(after, span_type)
        result[span_type] = {
            "name": name, "before": sum(old.values()), "after": sum(new.values()),
            "kept": sorted((old & new).elements()), "dropped": sorted((old - new).elements()),
            "added": sorted((new - old).elements()),
        }
    return result


def format_check(result: dict[str, Any]) -> str:
    """The plain-text report ``framing exercises check`` prints: one verdict line per type."""
    loaded, hedges, attributions = result["loaded"], result["hedge"], result["attribution"]
    lines = [f"{row['name']}: {row['before']} before, {row['after']} after" for row in result.values()]
    lines.append("")
    lines.append(f"Loaded terms left: {', '.join(loaded['kept']) or 'none'}")
    lines.append(f"Loaded terms added: {', '.join(loaded['added']) or 'none'}")
    lines.append(f"Loaded terms removed: {', '.join(loaded['dropped']) or 'none'}")
    for row in (hedges, attributions):
        lines.append(f"{row['name']} kept: {', '.join(row['kept']) or 'none'}; "
                     f"dropped: {', '.join(row['dropped']) or 'none'}; added: {', '.join(row['added']) or 'none'}")
    verdict = []
    if loaded["kept"] or loaded["added"]:
        verdict.append("some loaded words remain")
    if hedges["dropped"]:
        verdict.append("a hedge was dropped, so the rewrite sounds more certain than the original")
    if attributions["dropped"]:
        verdict.append("an attribution was dropped, so the reader no longer learns who said it")
    lines.append("")
    lines.append("Verdict: " + ("; ".join(verdict) or "neutral wording, hedges and attributions kept") + ".")
    return "\n".join(lines) + "\n"


def read_text_argument(value: str, role: str) -> str:
    """A command-line text: the contents of a file when ``value`` names one, else ``value`` itself."""
    path = Path(value)
    try:
        text = path.read_text(encoding="utf-8") if len(value) < 4096 and path.is_file() else value
    except (OSError, UnicodeDecodeError) as error:
        raise FramingInputError(value, f"cannot read the {role} ({error})", "Pass the text or a UTF-8 file") from None
    if not text.strip():
        raise FramingInputError(value, f"the {role} is empty", f"Pass the {role} text or a file that holds it")
    return text.strip()
