"""Attribution: who is said to have said what, with which verb, and of what kind the source is.

Rule-based over ``doc.tokens`` (no parser, so it runs offline and fast), as a small set of
named rules run in an explicit order (:data:`RULES`), each stamping its name on what it
makes (the ``rule`` attribute of attribution and source spans) and owning a golden table
of examples (:mod:`.golden`, run by ``tests/test_attribution_rules.py``):

1. A reporting cue from ``lexicons/reporting_verbs.tsv`` (each inflected form a row, with
   its stance) passes the gates (:data:`~.cue_rules.CUE_GATES`: "the United States" is a
   name, "seek re-election" has no aim);
2. the source rules (:data:`~.source_rules.SOURCE_RULES`), a decision list, read its
   source: "according to Axios", "reports indicate", "“…,” said the official", "Trump,
   who said", "Experts contend", …;
3. a cue with no source counts only when its form can only be a report
   (:data:`~.cue_rules.SOURCELESS_REPORT`: any form of *say*, "was accused of");
   requiring a source otherwise keeps nouns ("these claims") and the writer's own
   inferences ("This move suggests") out; then the checks (:data:`~.cue_rules.CUE_CHECKS`);
4. the doubt rules (:data:`~.doubt_rules.DOUBT_RULES`) mark an accepted cue ``possible``
   when its words name an aim, an act or a name rather than a claim ("plans to run",
   "opposed the bill", "people called Dreamers"): kept for quotes and as evidence, not counted;
5. construction rules (:data:`~.constructions.CONSTRUCTION_RULES`) add cues with no
   reporting word: "Sanders: “…”", "In a new poll, …", "He continued, “…”".

The source phrase's kind comes from ``lexicons/source_kinds.tsv`` (the White House →
institution, Axios → media, an advisor → anonymous, experts → vague, President → a title
before a name) or from capitalization (:mod:`.names`). Every cue the rules consider is a
:class:`~.model.CueCandidate` with its rule and named features (:func:`find_candidates`), the
input a learned scorer can rank instead of the decision list.

:func:`find_sources` is shared: the quotes extractor calls it to name the speaker of each
direct quote, so both see the same sources without passing state.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import POSSIBLE, Document, Span
from ...lexicons import Entry, Lexicons
from .. import Extraction
from .candidates import Proposal, proposals
from .clauses import before_time_phrase, clause_subject, skip_auxiliaries_back, tag_after
from .constructions import CONSTRUCTION_RULES
from .cue_rules import CUE_CHECKS, CUE_GATES, PREDICATE_CHECK, SOURCELESS_REPORT
from .doubt_rules import DOUBT_RULES, doubt
from .model import REJECTED, Attribution, Cue, CueCandidate, GoldenRow, Rule, Source, Unit
from .noun_rules import NOUN_RULES
from .phrases import Context
from .scoring import scored_attributions
from .source_rules import SOURCE_RULES

__all__ = [
    "REJECTED", "RULES", "Attribution", "CueCandidate", "GoldenRow", "Proposal", "Rule", "Source",
    "attribution_extraction", "candidate_proposals", "extract", "find_attributions", "find_candidates",
    "find_reported", "find_sources",
]

# Every rule, in the order the pipeline runs them.
RULES: tuple[Rule, ...] = (
    *CUE_GATES, *NOUN_RULES, *SOURCE_RULES, SOURCELESS_REPORT, *CUE_CHECKS, *DOUBT_RULES, *CONSTRUCTION_RULES
)
# The decision list that reads a cue's source: statement nouns first, then the verb rules.
DECISION_LIST: tuple[Rule, ...] = (*NOUN_RULES, *SOURCE_RULES)
_CONDUIT_PREPOSITIONS = frozenset(["on", "to", "in"])
# Fewest words a reported clause needs: "he said so" reports nothing we can show.
_MIN_CONTENT_WORDS = 3
_CONTENT_LEADS = frozenset(["that", ",", ":", "–", "—", "-"])


def find_attributions(doc: Document, lexicons: Lexicons) -> list[Attribution]:
    """The rules' attributions: every reporting cue outside speech quotes that has a source, in text order.

    The rules alone, without the learned scorer, so each rule's golden rows test the rule."""
    return find_sources(doc, lexicons)[0]


def find_candidates(doc: Document, lexicons: Lexicons) -> list[CueCandidate]:
    """Every lexicon cue the rules considered, accepted or turned down, each with its rule and features."""
    context = Context(doc, lexicons)
    candidates: list[CueCandidate] = []
    _attributions(context, lexicons, candidates)
    # The cue's own facts are named here, not in the pipeline: the learned scorer never reads them.
    return [c._replace(features=_base_features(context, c.cue) + c.features) for c in candidates]


def candidate_proposals(doc: Document, lexicons: Lexicons) -> list[Proposal]:
    """Every candidate cue the learned scorer would judge (:mod:`.candidates`), with its features."""
    context = Context(doc, lexicons)
    candidates: list[CueCandidate] = []
    found = _attributions(context, lexicons, candidates)
    return proposals(context, lexicons, candidates, found)


def find_reported(
    doc: Document, lexicons: Lexicons, quotes: Sequence[tuple[int, int]] = ()
) -> tuple[list[Attribution], list[Attribution], dict[int, Source], dict[int, Source]]:
    """The attributions to show (the learned scorer's, or the rules' without one), then :func:`find_sources`.

    Quotes read the rules' attributions (the second item), so their speakers do not move
    with the scorer; the attribution spans are the first item. The document is parsed once.
    """
    context = Context(doc, lexicons)
    candidates: list[CueCandidate] = []
    found = _attributions(context, lexicons, candidates)
    shown = found
    if lexicons.attribution_scorer is not None:
        shown = scored_attributions(context, lexicons, lexicons.attribution_scorer, candidates, found)
    return (shown, *_quote_sources(context, found, quotes))


def find_sources(
    doc: Document, lexicons: Lexicons, quotes: Sequence[tuple[int, int]] = ()
) -> tuple[list[Attribution], dict[int, Source], dict[int, Source]]:
    """The rules' attributions; and for each ``(start, end)`` quote its sentence's subject and its tag.

    The subject (keyed by quote start) lets the quotes extractor credit a quote that no
    reporting verb introduces ("Cruz called Trump a “pathological liar”") to the person
    the sentence is about; the tag (keyed by quote end) is a name or pronoun right after
    the quote with any verb ("“…,” he continued"). Both are parsed here so the document
    is read once.
    """
    context = Context(doc, lexicons)
    return _quote_sources(context, _attributions(context, lexicons), quotes)


def _quote_sources(
    context: Context, found: list[Attribution], quotes: Sequence[tuple[int, int]]
) -> tuple[list[Attribution], dict[int, Source], dict[int, Source]]:
    """``found`` with each quote's sentence subject (keyed by quote start) and tag (keyed by quote end)."""
    doc = context.doc
    subjects: dict[int, Source] = {}
    tags: dict[int, Source] = {}
    for start, end in quotes:
        index = context.first_token_from(start)
        if index is not None:
            sentence = context.tokens[index].sentence
            unit = clause_subject(context, sentence, index)
            opening = context.sentence_first.get(sentence)
            # "Trump issued the following statement:" then the quote: the subject before the colon.
            if unit is None and opening is not None and opening > 0 and index - opening <= 1 and (
                context.norms[opening - 1] == ":"
            ):
                unit = clause_subject(context, context.tokens[opening - 1].sentence, opening - 1)
            if unit is not None:
                subjects[start] = context.source(unit)
        index = context.first_token_from(end)
        if index is not None and index > 0 and "\n" not in doc.text[end : context.starts[index]] and (
            context.tokens[index].sentence == context.tokens[index - 1].sentence
            or (context.tokens[index - 1].text in "”\"'" and doc.text[end - 2 : end - 1] in ("?", "!"))
        ):  # "“Why not?” Sanders asked": the mark inside the quote ended the sentence, not the report;
            # a paragraph break ends it whatever the mark ("“…?” ¶ Follow Pam Key on Twitter")
            unit = tag_after(context, index)
            if unit is not None:
                tags[end] = context.source(unit)
    return found, subjects, tags


def _cue(context: Context, first: int, end: int, entry: Entry) -> Cue:
    """What every source rule reads around a lexicon match, read once."""
    tokens, norms = context.tokens, context.norms
    sentence = tokens[first].sentence
    index, passive = skip_auxiliaries_back(tokens, norms, first, sentence)
    index = before_time_phrase(context, index, sentence)  # "Sanders on Saturday criticized"
    opens = index < 0 or tokens[index].sentence != sentence
    following = norms[end] if end < len(norms) and tokens[end].sentence == sentence else "."
    return Cue(first, end, entry, entry["lemma"], sentence, tokens[first].norm, index, passive, opens, following)


def _base_features(context: Context, cue: Cue) -> tuple[str, ...]:
    """Named facts about a cue that any rule saw: its form, voice, position and neighbours."""
    form = cue.form
    shape = "ing" if form.endswith("ing") else "ed" if form.endswith("ed") else "s" if form.endswith("s") else "base"
    before = "^" if cue.opens else context.norms[cue.before]
    return (f"lemma={cue.lemma}", f"form={shape}", f"passive={cue.passive}", f"before={before}",
            f"after={cue.following}")


def _decide(context: Context, cue: Cue, found: list[Attribution]) -> CueCandidate:
    """Run the gates, the source rules, the sourceless fallback and the checks on one cue."""
    for gate in CUE_GATES:
        if not gate.run(context, cue, None):
            return CueCandidate(gate.name, cue, None, False, ())
    rule, unit, features = "", None, ()
    for source_rule in DECISION_LIST:
        decision = source_rule.run(context, cue, found)
        if decision is not None:
            rule, unit, features = source_rule.name, decision.unit, decision.features
            break
    if unit is None:
        if not SOURCELESS_REPORT.run(context, cue, None):
            return CueCandidate(rule, cue, None, False, features)
        rule, features = SOURCELESS_REPORT.name, (f"no_source_from={rule}", *features)
    for check in CUE_CHECKS:
        if not check.run(context, cue, unit, found):
            return CueCandidate(check.name, cue, unit, False, features)
    return CueCandidate(rule, cue, unit, True, features)


def _attributions(
    context: Context, lexicons: Lexicons, candidates: list[CueCandidate] | None = None
) -> list[Attribution]:
    """Lexicon cues through the rules, then the construction rules; each with what it reports.

    ``candidates``, when given, collects every lexicon cue the rules considered, with the rules' features
    only (:func:`find_candidates` adds the cue's own)."""
    tokens, doc = context.tokens, context.doc
    found: list[Attribution] = []
    heard: list[Attribution] = []  # found, plus predicates of an actor whose subject a later participle continues
    matcher = lexicons.matcher("reporting_verbs")
    matches = [match for match in matcher.match(context.norms) if not tokens[match[0]].quoted]
    listed = {first: end for first, end, _ in matches}
    for first, end, entry in matches:
        cue = _cue(context, first, end, entry)
        candidate = _decide(context, cue, heard)
        if candidates is not None:
            candidates.append(candidate)
        # "Bloomberg endorsed Clinton, saying …": "endorsed" reports nothing, but "saying" is still his.
        predicate = candidate.rule == PREDICATE_CHECK and candidate.unit is not None
        if not candidate.accepted and not predicate:
            continue
        unit = candidate.unit
        start, stop = tokens[first].start, tokens[end - 1].end
        source = context.source(unit) if unit else None
        doubted, reason = doubt(context, cue, unit, listed) if candidate.accepted else ("", "")
        attribution = Attribution(
            start, stop, doc.text[start:stop], entry, tokens[first].sentence, source,
            _conduits(context, end, entry["lemma"], unit), content_of(context, first, start, stop, source),
            rule=candidate.rule, features=candidate.features,
            confidence=POSSIBLE if doubted else "", reason=reason, doubt_rule=doubted,
        )
        heard.append(attribution)
        if candidate.accepted:
            found.append(attribution)
    taken = {attribution.start for attribution in found}
    extra = [made for rule in CONSTRUCTION_RULES for made in _constructed(context, rule, found, taken)]
    if extra:
        found = sorted(found + extra, key=lambda attribution: attribution.start)
    return found


def _constructed(context: Context, rule: Rule, found: list[Attribution], taken: set[int]) -> list[Attribution]:
    """The attributions a construction rule makes, skipping cue words already taken, and taking its own."""
    assert rule.entry is not None, f"construction rule {rule.name} has no entry"
    made = []
    for first, last, unit in rule.run(context, found):
        start, end = context.tokens[first].start, context.tokens[last].end
        if start in taken:
            continue  # "“…,” he said, “…”": the tag, not a second cue before the next quote
        taken.add(start)
        source = context.source(unit)
        made.append(Attribution(start, end, context.doc.text[start:end], rule.entry, context.tokens[first].sentence,
                                source, (), content_of(context, first, start, end, source), rule=rule.name,
                                features=(f"source={unit.label}",)))
    return made


def _conduits(context: Context, end: int, lemma: str, unit: Unit | None) -> tuple[Source, ...]:
    """An outlet the words were given to: "told Axios", "revealed on CNN"."""
    if unit is None or end >= len(context.tokens):
        return ()
    sentence = context.tokens[end - 1].sentence
    start = end
    if context.norms[end] in _CONDUIT_PREPOSITIONS:
        start = end + 1
    elif lemma != "tell":
        return ()
    if start >= len(context.tokens) or context.tokens[start].sentence != sentence:
        return ()
    other = context.right_phrase(start, sentence)
    if other is None or other.kind != "media" or other.first <= unit.last:
        return ()
    return (context.source(other),)


def content_of(context: Context, first: int, start: int, end: int, source: Source | None) -> tuple[int, int] | None:
    """What the cue reports, as character offsets: the rest of the sentence after the cue and its
    source ("Trump said [that] the deal was dead"), or, when the cue and source close the sentence
    ("The deal is dead, Trump said." / "…, according to Axios."), the sentence up to the comma.

    A reported clause runs to the end of its sentence in news writing far more often than not;
    a sentence-final tag reports everything before its comma. The cue is ``[start, end)`` from
    token ``first``; it is read while the attribution is made, so the cue is built once.
    """
    doc, tokens = context.doc, context.tokens
    sentence_start, sentence_end = doc.sentences[tokens[first].sentence]
    after = end
    if source is not None and source.start >= end:
        after = source.end  # inverted or prepositional: "said the official", "according to Axios"
    index = context.first_token_from(after)
    while index is not None and index < len(tokens) and tokens[index].start < sentence_end and (
        tokens[index].norm in _CONTENT_LEADS
    ):
        index += 1
    if index is not None and index < len(tokens) and tokens[index].start < sentence_end:
        text = doc.text[tokens[index].start : sentence_end].rstrip().rstrip(".!?”\"’'").rstrip()
        if len(text.split()) >= _MIN_CONTENT_WORDS:
            return tokens[index].start, tokens[index].start + len(text)
    opening = min(start, source.start if source is not None else start)
    comma = doc.text.rfind(",", sentence_start, opening)
    if comma < 0:
        return None
    text = doc.text[sentence_start:comma]
    stripped = text.lstrip().lstrip("“\"‘'")
    content_start = sentence_start + len(text) - len(stripped)
    return (content_start, comma) if len(stripped.split()) >= _MIN_CONTENT_WORDS else None


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """Attribution cues (type ``attribution``) and their source phrases (type ``source``), scored when the
    lexicons carry an attribution scorer."""
    return attribution_extraction(find_reported(doc, lexicons)[0])


def attribution_extraction(attributions: list[Attribution]) -> Extraction:
    """Attribution and source spans from an already-run :func:`find_sources`, each stamped with its rule."""
    spans: list[Span] = []
    for attribution in attributions:
        source = attribution.source
        spans.append(
            Span(
                "attribution", attribution.start, attribution.end, attribution.text, attribution.entry.key,
                category=attribution.stance, note=attribution.entry["note"],
                attrs={
                    "lemma": attribution.lemma,
                    "rule": attribution.rule,
                    "source_start": source.start if source else None,
                    "source_end": source.end if source else None,
                    "content_start": attribution.content[0] if attribution.content else None,
                    "content_end": attribution.content[1] if attribution.content else None,
                    **({"score": attribution.score, "why": attribution.why} if attribution.score is not None else {}),
                    **({"confidence": attribution.confidence, "reason": attribution.reason}
                       if attribution.confidence else {}),
                    **({"doubt_rule": attribution.doubt_rule} if attribution.doubt_rule else {}),
                },
            )
        )
        for phrase in ((source,) if source else ()) + attribution.conduits:
            spans.append(
                Span(
                    "source", phrase.start, phrase.end, phrase.text, phrase.label, category=phrase.kind,
                    attrs={
                        "verb": attribution.text, "stance": attribution.stance, "rule": attribution.rule,
                        "cue_start": attribution.start, "cue_end": attribution.end, "name": phrase.name,
                    },
                )
            )
    sources = [span for span in spans if span.type == "source"]
    values: dict[str, float] = {
        "n_attributions": sum(1 for span in spans if span.type == "attribution"
                              and span.attrs.get("confidence") != "possible"),
        "n_distinct_sources": len({span.attrs["name"].lower() for span in sources}),
    }
    return Extraction(values, spans)
