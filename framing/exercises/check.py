"""Score a rewrite against its original: loaded terms, hedges, attributions and facts kept, dropped or added.

Both texts go through the same extractors as the articles, so "loaded" means what
it means in the report. Spans are compared by what fired them (the lexicon entry
for hedges and loaded terms, the words for attributions), not by position: a
rewrite moves words around, and "may" kept is "may" kept wherever it now stands.

An attribution whose reporting verb was swapped for another with the same source
("officials said" → "officials claimed") is one *changed* attribution, reported
with its stance before and after (neutral → distancing), not one dropped and one
added: the reader still learns who said it, but is now told how to take it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..analysis import ArticleAnalysis, analyze_document
from ..corpus import parse_text
from ..errors import FramingInputError
from ..lexicons import Lexicons
from .check_facts import commentary_hedges, compare_facts

CHECKED = {"loaded": "Loaded terms", "hedge": "Hedges", "attribution": "Attributions"}
# The research-use loaded terms the checker also reads (the default set leaves them out for its licence):
# a teacher checking a rewrite wants every listed loaded word caught ("infamous").
FULL_LOADED_SET = ("optional", "loaded-research-use")
# What a verb's new stance does to the reader's view of the claim (stances: lexicons/reporting_verbs.tsv).
STANCE_EFFECT = {
    "distancing": "now casts doubt on what the source says",
    "endorsing": "now vouches for what the source says",
    "concessive": "now presents it as an admission",
    "accusatory": "now presents it as an attack on someone",
}


@dataclass(frozen=True)
class CheckedCue:
    """One reporting cue as ``check`` compares it: its words, its stance, and who it attributes to."""

    words: str
    stance: str
    source: str | None
    start: int


def analyze_sentence(text: str, lexicons: Lexicons) -> ArticleAnalysis:
    return analyze_document(parse_text(text, lexicons), lexicons)


def span_keys(analysis: ArticleAnalysis, span_type: str) -> Counter[str]:
    """What fired each span of ``span_type``: the lexicon entry, or the words for attributions."""
    return Counter((s.text if span_type == "attribution" else s.label).lower() for s in analysis.spans_of(span_type))


def attribution_cues(analysis: ArticleAnalysis) -> list[CheckedCue]:
    """The attribution cues in text order, each with the folded words of its source (None if it has none)."""
    text = analysis.document.text
    found = []
    for span in sorted(analysis.spans_of("attribution"), key=lambda s: s.start):
        start, end = span.attrs.get("source_start"), span.attrs.get("source_end")
        source = " ".join(text[start:end].lower().split()) if start is not None and end is not None else None
        found.append(CheckedCue(span.text.lower(), span.category or "neutral", source, span.start))
    return found


def changed_attributions(dropped: Counter[str], added: Counter[str], before: list[CheckedCue],
                         after: list[CheckedCue]) -> list[dict[str, Any]]:
    """Pair dropped verbs with added ones and take the pairs out of both counters.

    First by source ("officials said" → "officials claimed"), then what is left in
    text order: a rewrite that relabels the source too ("the regime slammed" →
    "the government criticised") still swapped one verb for another, and the
    change shows both sources. Only verbs with no counterpart stay dropped or added.
    """
    olds = [a for a in before if dropped[a.words] > 0]
    news = [a for a in after if added[a.words] > 0]
    pairs = []
    for same_source in (True, False):
        for old in list(olds):
            new = next((a for a in news if a.source == old.source or not same_source), None)
            if new is not None and dropped[old.words] > 0 and added[new.words] > 0:
                olds.remove(old)
                news.remove(new)
                dropped[old.words] -= 1
                added[new.words] -= 1
                pairs.append((old, new))
    return [{"before": old.words, "after": new.words, "source": old.source, "new_source": new.source,
             "stance_before": old.stance, "stance_after": new.stance}
            for old, new in sorted(pairs, key=lambda pair: pair[0].start)]


def check_rewrite(original: str, rewrite: str, lexicons: Lexicons) -> dict[str, Any]:
    """Per checked type: counts before and after, and which terms were kept, dropped or added.

    Attributions also list ``changed``: a verb swapped for another with the same
    source, with both stances (see the module docstring).
    """
    before, after = analyze_sentence(original, lexicons), analyze_sentence(rewrite, lexicons)
    result: dict[str, Any] = {}
    for span_type, name in CHECKED.items():
        old, new = span_keys(before, span_type), span_keys(after, span_type)
        dropped, added = old - new, new - old
        changed = changed_attributions(dropped, added, attribution_cues(before), attribution_cues(after)) \
            if span_type == "attribution" else []
        result[span_type] = {
            "name": name, "before": sum(old.values()), "after": sum(new.values()),
            "kept": sorted((old & new).elements()), "dropped": sorted(dropped.elements()),
            "added": sorted(added.elements()),
        }
        if span_type == "attribution":
            result[span_type]["changed"] = changed
    hedges = result["hedge"]
    aside = commentary_hedges(before.document, [s.start for s in before.spans_of("hedge")])
    asides = sorted(s.label.lower() for s in before.spans_of("hedge") if s.start in aside)
    hedges["commentary"] = [word for word in asides if word in hedges["dropped"]]
    hedges["dropped"] = [word for word in hedges["dropped"] if word not in hedges["commentary"]]
    result["facts"] = compare_facts(before.document, after.document)
    return result


def describe_change(change: dict[str, Any]) -> str:
    """``said → claimed (officials; stance neutral → distancing)``; a relabelled source shows both."""
    stance = change["stance_before"] if change["stance_before"] == change["stance_after"] else \
        f"{change['stance_before']} → {change['stance_after']}"
    sources = [name for name in dict.fromkeys((change["source"], change["new_source"])) if name]
    who = f"{' → '.join(sources)}; " if sources else ""
    return f"{change['before']} → {change['after']} ({who}stance {stance})"


def format_check(result: dict[str, Any]) -> str:
    """The plain-text report ``framing exercises check`` prints: one verdict line per type."""
    loaded, hedges, attributions = result["loaded"], result["hedge"], result["attribution"]
    facts = result["facts"]
    lines = [f"{row['name']}: {row['before']} before, {row['after']} after" for row in result.values()]
    lines.append("")
    lines.append(f"Loaded terms left: {', '.join(loaded['kept']) or 'none'}")
    lines.append(f"Loaded terms added: {', '.join(loaded['added']) or 'none'}")
    lines.append(f"Loaded terms removed: {', '.join(loaded['dropped']) or 'none'}")
    for row in (hedges, attributions):
        lines.append(f"{row['name']} kept: {', '.join(row['kept']) or 'none'}; "
                     f"dropped: {', '.join(row['dropped']) or 'none'}; added: {', '.join(row['added']) or 'none'}")
    if hedges["commentary"]:
        lines.append(f"Hedges in a comment of the writer's, fine to drop: {', '.join(hedges['commentary'])}")
    changed = attributions["changed"]
    lines.append(f"Attributions changed: {'; '.join(describe_change(c) for c in changed) or 'none'}")
    lines.append(f"Facts dropped: {describe_facts(facts['dropped']) or 'none'}")
    swaps = "; ".join(f"{change['before']} → {change['after']}" for change in facts["changed"])
    lines.append(f"Facts changed: {swaps or 'none'}")
    lines.append(f"Facts added: {describe_facts(facts['added']) or 'none'}")
    verdict = []
    if loaded["kept"] or loaded["added"]:
        verdict.append("some loaded words remain")
    if hedges["dropped"]:
        verdict.append("a hedge was dropped, so the rewrite sounds more certain than the original")
    if attributions["dropped"]:
        verdict.append("an attribution was dropped, so the reader no longer learns who said it")
    for change in changed:
        effect = STANCE_EFFECT.get(change["stance_after"])
        if effect and change["stance_after"] != change["stance_before"]:
            verdict.append(f"a reporting verb changed stance ({change['before']} → {change['after']}: "
                           f"{change['stance_before']} → {change['stance_after']}), so the rewrite {effect}")
    if facts["dropped"] or facts["changed"]:
        verdict.append("a fact was dropped or changed (a name, number, date or negation), so it says something else")
    if facts["added"]:
        verdict.append("the rewrite adds a name, number, date or negation the original does not state")
    lines.append("")
    neutral = "neutral wording, hedges and attributions kept, no fact dropped or added"
    lines.append("Verdict: " + ("; ".join(verdict) or neutral) + ".")
    return "\n".join(lines) + "\n"


def describe_facts(facts: list[dict[str, str]]) -> str:
    """``Hawaii (name), 2016 (date)``."""
    return ", ".join(f"{fact['words']} ({fact['kind']})" for fact in facts)


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
