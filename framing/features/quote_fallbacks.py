"""Who said a quote when no cue of its own sentence says so: the fallbacks of :func:`.quotes.speaker_of`.

In order of trust: a sentence ending in a colon just before ("McCrummen reports:"), a
name signed after a dash ("“…” ― Carla Sanchez") or on the next line, a report that
closes the sentence after a comma ("…, Comey has said."), the speaker of the quote
just before (in the previous sentence, or across the bare questions of a printed Q&A),
and last a report in the sentence just before ("Kerry said that … ¶ “…”"). Each
labels its source so a reader sees the weaker evidence.
"""

from __future__ import annotations

from ..corpus.descriptions import bare_question
from ..document import Document, QuoteRegion
from .attribution import Attribution, Source

# At most this many bare questions between two answers of one interviewee ("Governor Pence? “…”").
QUESTIONS_BETWEEN = 2
# Kinds that carry words rather than speak them: an outlet that relayed them, or the
# statement, interview or poll they came in ("In an interview, Trump said “…”").
RELAYING_KINDS = frozenset(["media", "document"])


def relabel(source: Source, label: str) -> Source:
    return Source(source.start, source.end, source.text, source.kind, label, source.name)


def continued(doc: Document, quote: QuoteRegion, last_quote: QuoteRegion, last_source: Source) -> Source | None:
    """The quote just before goes on: in the next sentence, or after prompts of a printed Q&A.

    "Retired Gen. Flynn? “A patriot.”": when only bare questions (:func:`bare_question`)
    stand between the two quotes (or other short answers, quoted words alone: "“A patriot.”"),
    the answer is the same speaker's, labelled so.
    """
    first = doc.sentence_of(quote.start)
    last = doc.sentence_of(max(last_quote.end - 1, last_quote.start))
    if first - last <= 1:
        return last_source
    between = range(last + 1, first)
    if len(between) > 2 * QUESTIONS_BETWEEN or not bare_question(doc.text, doc.sentences[first - 1]):
        return None
    if all(bare_question(doc.text, doc.sentences[i]) or all_quoted(doc, doc.sentences[i]) for i in between):
        return relabel(last_source, "answer in a run of questions")
    return None


def all_quoted(doc: Document, sentence: tuple[int, int]) -> bool:
    """The sentence is one quotation and nothing else ("“A patriot.”")."""
    start, end = sentence
    return any(q.start <= start and end <= q.end + 1 for q in doc.quotes)


def closing_report(doc: Document, candidates: list[tuple[bool, int, int, Attribution]]) -> Source | None:
    """"The FBI made a “mistake” in the check, Comey has said.": a report that closes the sentence.

    A comma then a source and its verb at the very end of the sentence reports the whole
    sentence, quote included, so its source outranks the sentence's grammatical subject.
    """
    for _, tier, _, attribution in candidates:
        source = attribution.source
        if tier != 2 or source is None:
            continue
        first, last = min(source.start, attribution.start), max(source.end, attribution.end)
        sentence_start, sentence_end = doc.sentences[attribution.sentence]
        comma = doc.text.rfind(",", sentence_start, first)
        # Up to two words between the comma and the clause: "…, DFA spokesman Neil Sroka said."
        if comma >= 0 and len(doc.text[comma + 1 : first].split()) <= 2 and (
            len(doc.text[last:sentence_end].split()) <= 2
        ):
            return source
    return None


def reported_just_before(quote: QuoteRegion, first: int, attributions: list[Attribution]) -> Source | None:
    """"Kerry said that 100,000 would be accepted. ¶ “That adds up to …”": the last report before.

    A quote with no cue, tag or subject of its own that follows a sentence reporting
    someone's words goes on with that report: news writing puts the paraphrase first and
    the speaker's own words after it, without repeating the tag. Only the sentence right
    before counts, and only a report whose source speaks (not an outlet or a document).
    """
    before = [a for a in attributions if a.sentence == first - 1 and a.end <= quote.start]
    speaking = [a for a in before if a.source is not None and a.source.kind not in RELAYING_KINDS]
    return relabel(speaking[-1].source, "report just before") if speaking else None


def introduced_before(
    doc: Document, quote: QuoteRegion, first: int, attributions: list[Attribution]
) -> Source | None:
    """"McCrummen reports:" then the quote: the sentence before ends with a colon and attributes."""
    if first == 0:
        return None
    start, end = doc.sentences[first - 1]
    if not doc.text[start:end].rstrip().endswith(":") or doc.text[end:quote.start].strip():
        return None
    introducing = [a for a in attributions if a.sentence == first - 1]
    return introducing[-1].source if introducing else None


def signed_after(doc: Document, quote: QuoteRegion, attributions: list[Attribution]) -> Source | None:
    """"“…” ― Carla Sanchez": a dash after the quote signs it with a name."""
    rest = doc.text[quote.end : quote.end + 60]
    stripped = rest.lstrip(", \t\n\xa0")
    if stripped[:1] not in ("―", "—", "–") and not stripped.startswith("--"):
        return None
    name_start = quote.end + len(rest) - len(stripped.lstrip("―—–- \xa0"))
    name = []
    for token in doc.tokens:
        if token.start < name_start:
            continue
        if not (token.is_word and token.text[0].isupper()) or len(name) == 4:
            break
        name.append(token)
    if not name:
        return None
    start, end = name[0].start, name[-1].end
    return Source(start, end, doc.text[start:end], "named_person", "dash signature", doc.text[start:end])


def signed_below(doc: Document, quote: QuoteRegion) -> Source | None:
    """"“… ¶ Jane Roe, Acme Institute.”": a quote left open at its paragraph's end, signed on the next line.

    The next line is short, opens with a person's name and carries the closing mark.
    """
    if quote.inner_end != quote.end:
        return None  # closed in its own paragraph
    line_start = quote.end + len(doc.text[quote.end :]) - len(doc.text[quote.end :].lstrip("\n"))
    line_end = doc.text.find("\n", line_start)
    line = doc.text[line_start : line_end if line_end >= 0 else len(doc.text)].rstrip()
    if not line or len(line.split()) > 10 or line[-1] not in "”\"":
        return None
    person = next((m for m in doc.mentions if m.start == line_start and m.kind == "person" and m.name), None)
    if person is None:
        return None
    return Source(person.start, person.end, person.text, "named_person", "signed below", person.name)
