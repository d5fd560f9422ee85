"""Direct quotes and who said them.

Quote regions and their speech-or-scare kind come from the parse
(:mod:`framing.corpus.quotation`); only speech quotes are direct quotes here (scare
quotes are loaded language, counted elsewhere). The speaker is the source of the
reporting cue that introduces or follows the quote in its own sentence(s), found by
the same rules the attribution extractor uses (:func:`find_attributions`), so a
quote's speaker and the listed sources never disagree.

Choosing among several cues in the quote's sentences: a cue right after the quote
("“…,” Trump clarified") beats one before it ("he stated, “…”"), which beats one
farther after it (a cue after a conjunction, "“…,” although he supports", is no tag);
nearer beats farther; a person or body beats an outlet that only relayed the words
("According to a Trump advisor quoted by Axios, … “quite likely,”": the advisor spoke,
Axios quoted) or the statement or interview they came in.

A cue or name after the quote is its tag only when the quoted words end in a comma, ? or
! ("“…,” he said"), never across a paragraph break; in "“it gets me mad” every time he
thinks" the later verb starts a clause of its own.

A quote with no cue of its own goes to the fallbacks of :mod:`.quote_fallbacks` (a colon
before it, a signature, a closing report, the quote just before or the Q&A it answers, a
report just before), or to the subject of its own sentence when that comes before it
("Cruz called Trump a “pathological liar”"), labelled "sentence subject" so a reader can
see the weaker evidence. A legal text or other document that is itself the subject of a
cue inside another report ("The board noted the Code says that a “judge should not …”")
is the quote's source; a report inside a closed dash aside is none.

When two cues before the quote in one sentence share a speaker ("Sanders has said that
he plans …"), or the later one's subject opens the earlier one's reported clause ("Trump
stated that Melania would discuss it “…”"), the earlier, framing one names the speaker:
the later one is inside it.
"""

from __future__ import annotations

from bisect import bisect_right

from ..document import Document, QuoteRegion, Span
from ..lexicons import Lexicons
from . import Extraction
from .attribution import Attribution, Source, find_sources
from .attribution.clauses import in_closed_aside
from .quote_fallbacks import (
    RELAYING_KINDS,
    closing_report,
    continued,
    introduced_before,
    relabel,
    reported_just_before,
    signed_after,
    signed_below,
)

# A cue this close after a quote ("“…,” the senator said") is its tag; farther on it is
# more likely a new report ("Obama said “it gets me mad” every time he thinks …").
_ADJACENT_WORDS = 4
_TAG_MODIFIERS = 4  # words before a tag's name that describe the speaker ("the company's chief security officer")
_TAG_ENDINGS = frozenset([",", "?", "!", "—", "–", "-", "…"])
# A conjunction after the quote starts a new clause ("“…,” although he supports"), not its tag.
_CONJUNCTIONS = frozenset(["although", "though", "but", "and", "while", "because", "as", "if", "when", "whereas"])


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """One ``quote`` span per direct (speech) quote, with its speaker in ``attrs``."""
    quotes = direct_quotes(doc)
    if not quotes:
        return quote_extraction(doc, quotes, [], {}, {})  # nothing to attribute: skip the parse
    found = find_sources(doc, lexicons, [(q.start, q.end) for q in quotes])
    return quote_extraction(doc, quotes, *found, cues=lexicons.reporting_cues)


def quote_extraction(
    doc: Document,
    quotes: list[QuoteRegion],
    found: list[Attribution],
    subjects: dict[int, Source],
    tags: dict[int, Source],
    cues: frozenset[str] = frozenset(),
) -> Extraction:
    """Quote spans from an already-run :func:`find_sources` (shared with attribution).

    ``cues`` (the lexicons' reporting cue words) let a quote nested inside another be
    credited to the person the outer quote says spoke it (:func:`inner_speaker`).
    """
    attributions = [a for a in found if a.source is not None]
    spans: list[Span] = []
    previous: tuple[QuoteRegion, Source | None] | None = None
    for quote in quotes:
        source = speaker_of(doc, quote, attributions, subjects.get(quote.start), tags.get(quote.end))
        if source is None and previous is not None and previous[1] is not None:
            source = continued(doc, quote, *previous)
        if source is None:
            source = reported_just_before(quote, doc.sentence_of(quote.start), attributions)
        spans.append(quote_span(doc, quote, source))
        previous = (quote, source)
    for inner, source in nested_speech(doc, quotes, cues):
        spans.append(quote_span(doc, inner, source))
    speakers = {span.attrs["speaker"].lower() for span in spans if span.attrs["speaker"]}
    values: dict[str, float] = {
        "n_direct_quotes": len(spans),
        "n_quote_speakers": len(speakers),
        "n_unattributed_quotes": sum(1 for span in spans if span.attrs["speaker_kind"] == "unknown"),
        "quoted_word_share": doc.n_quoted_words / doc.n_words if doc.n_words else 0.0,
    }
    return Extraction(values, spans)


def direct_quotes(doc: Document) -> list[QuoteRegion]:
    """Speech quotes that are not nested inside another speech quote."""
    speech = [q for q in doc.quotes if q.kind == "speech"]
    return [
        q for q in speech
        if not any(o is not q and o.inner_start <= q.start and q.end <= o.inner_end for o in speech)
    ]


def nested_speech(doc: Document, outer: list[QuoteRegion], cues: frozenset[str]) -> list[tuple[QuoteRegion, Source]]:
    """Quotes inside a direct quote that the outer words credit to a named person.

    “Jones told me, ‘I will resign,’” Smith said: the inner words are Jones's. A nested
    quote with no such introduction stays part of the outer one (its speaker's words).
    """
    if not cues:
        return []
    found = []
    for quote in doc.quotes:
        if quote.kind != "speech" or quote in outer:
            continue
        if not any(o.inner_start <= quote.start and quote.end <= o.inner_end for o in outer):
            continue
        source = inner_speaker(doc, quote, cues)
        if source is not None:
            found.append((quote, source))
    return found


def inner_speaker(doc: Document, quote: QuoteRegion, cues: frozenset[str]) -> Source | None:
    """"Jones told me, ‘…’": a named person, a reporting cue (and "me"/"us"), a comma or colon, then the quote."""
    ends = doc.token_columns().ends
    position = bisect_right(ends, quote.start)  # tokens before it end by the quote's start
    before = doc.tokens[max(position - 5, 0) : position]
    if len(before) < 3 or before[-1].text not in (",", ":"):
        return None
    words = before[:-1]
    if words[-1].norm in ("me", "us", "him", "her", "them"):
        words = words[:-1]
    if not words or words[-1].norm not in cues:
        return None
    name_end = words[-2].end if len(words) > 1 else -1
    person = next((m for m in doc.mentions if m.kind == "person" and m.end == name_end and m.name), None)
    if person is None:
        return None
    return Source(person.start, person.end, person.text, "named_person", "inner speaker", person.name)


def speaker_of(
    doc: Document,
    quote: QuoteRegion,
    attributions: list[Attribution],
    subject: Source | None = None,
    tag: Source | None = None,
) -> Source | None:
    """The source of the cue that attributes ``quote``, or None when nothing in its sentences does.

    ``tag`` (a name or pronoun right after the quote, with any verb: "he continued")
    ranks just below a reporting cue right after the quote. ``subject`` (the subject of
    the quote's sentence, before the quote) outranks only a cue that comes well after
    the quote, which more likely starts a new report.
    """
    first = doc.sentence_of(quote.start)
    # A tag follows quoted words that end in a comma, ? or ! ("“…,” he said"); after "“it gets me
    # mad” every time he thinks" the later verb starts a clause of its own.
    tagged = doc.text[quote.inner_end - 1 : quote.inner_end] in _TAG_ENDINGS
    question = doc.text[quote.inner_end - 1 : quote.inner_end] == "?"
    candidates = _cue_candidates(doc, quote, attributions, tagged=tagged, question=question)
    quoted_text = _text_quoted_within(doc, candidates)
    if quoted_text is not None:
        return quoted_text
    introducing = next((c[3] for c in candidates if c[1] == 1 and _introduces(doc, c[3], quote)), None)
    if introducing is not None and question and introducing.entry["lemma"] == "ask":
        return introducing.source  # "The host asked Ms. Roe, “…?” Ms. Roe laughed": the asker
    if candidates and candidates[0][1] == 0:
        return candidates[0][3].source
    if introducing is not None:  # "The host said, “…” Ms. Roe laughed": the cue that opens the quote
        return _outermost(doc, introducing, [c[3] for c in candidates if c[1] == 1])
    if question and any(a.rule == "asked_passive" and a.sentence == first for a in attributions):
        subject = None  # "Mr. Lee was asked, “…?”": the subject is the one asked
    if tag is not None and question and _asked_after(doc, tag):
        tag = None  # "“…?” Ms. Roe was asked": she is the one asked
    if tag is not None and (tagged or doc.sentences[first][0] == quote.start):
        return relabel(tag, "tag after quote")
    if candidates and candidates[0][1] == 1:
        return _outermost(doc, candidates[0][3], [c[3] for c in candidates if c[1] == 1])
    fallback = (introduced_before(doc, quote, first, attributions) or signed_after(doc, quote, attributions)
                or signed_below(doc, quote) or closing_report(doc, candidates))
    if fallback is None and subject is not None and subject.end <= quote.start:
        fallback = relabel(subject, "sentence subject")
    if fallback is None and candidates:
        fallback = candidates[0][3].source
    return fallback


RankedCue = tuple[bool, int, int, Attribution]  # (relayed, tier, distance, attribution): sorted, best first


def _cue_candidates(doc: Document, quote: QuoteRegion, attributions: list[Attribution], *, tagged: bool,
                    question: bool) -> list[RankedCue]:
    """The cues of the quote's own sentence(s), each with its tier: 0 a tag right after the quote, 1 a cue
    before it, 2 a cue farther after it; relayed (an outlet or a document) and distance break ties."""
    first = doc.sentence_of(quote.start)
    last = doc.sentence_of(max(quote.end - 1, quote.start))
    # "“Why not?” Sanders asked": a ? or ! inside the marks ends the sentence, not the report.
    asks = int(doc.text[quote.inner_end - 1 : quote.inner_end] in ("?", "!"))
    candidates = []
    for attribution in attributions:
        if not first <= attribution.sentence <= last + asks:
            continue
        if question and attribution.rule == "asked_passive":
            continue  # "“…?” he was asked": the question was put to him, by someone unnamed
        if quote.start <= attribution.start < quote.end or _aside_closed_before(doc, attribution, quote):
            continue
        after = attribution.start >= quote.end
        distance = attribution.start - quote.end if after else quote.start - attribution.end
        relayed = attribution.source is not None and attribution.source.kind in RELAYING_KINDS
        if after:
            adjacent = _tags(doc, quote, attribution, tagged)
            if attribution.sentence > last:
                # The next sentence counts only as a tag that is all of it: "“Why not?” Sanders asked."
                sentence_end = doc.sentences[attribution.sentence][1]
                if not (adjacent and len(doc.text[attribution.end : sentence_end].split()) <= 2):
                    continue
            tier = 0 if adjacent else 2
        elif attribution.sentence > last:
            continue
        else:
            tier = 1
        candidates.append((relayed, tier, distance, attribution))
    return sorted(candidates, key=lambda item: item[:3])


def _tags(doc: Document, quote: QuoteRegion, attribution: Attribution, tagged: bool) -> bool:
    """A cue after the quote is its tag: close, in the same clause, after a comma or a tagging mark."""
    between = doc.text[quote.end : attribution.start]
    words = between.split()
    # "“…,” the company's chief security officer Joe Sullivan said": a long source phrase still tags.
    source = attribution.source
    reach = _ADJACENT_WORDS + (len(source.text.split()) + _TAG_MODIFIERS
                               if source is not None and quote.end <= source.start else 0)
    return (len(words) <= reach and not any(mark in between for mark in ".;?!\n")
            and not _CONJUNCTIONS.intersection(word.strip(",").lower() for word in words)
            and (tagged or between.lstrip().startswith(",")))


def _text_quoted_within(doc: Document, candidates: list[RankedCue]) -> Source | None:
    """"The board noted the Code of Conduct says that a “judge should not …”": a text inside a report speaks.

    A document that is the subject of a cue inside another cue's reported clause (nothing but a
    few words between them) is where the quoted words come from; the outer reporter only relays it.
    """
    before = [c[3] for c in candidates if c[1] == 1]
    for inner in before:
        source = inner.source
        if source is None or source.kind != "document":
            continue
        for outer in before:
            if outer is inner or outer.end > source.start or outer.sentence != inner.sentence:
                continue
            between = doc.text[outer.end : source.start]
            if len(between.split()) <= 1 and not any(mark in between for mark in ",;:―—–()"):
                return source
    return None


def _aside_closed_before(doc: Document, attribution: Attribution, quote: QuoteRegion) -> bool:
    """"X faced a backlash -- including a call from Y to resign -- as she …, calling him a “faker”".

    A report inside a dash aside that closes before the quote is the aside's, not the quote's.
    """
    if attribution.start >= quote.start:
        return False
    sentence_start = doc.sentences[attribution.sentence][0]
    return in_closed_aside(doc.text, sentence_start, attribution.start, attribution.end, quote.start)


def _introduces(doc: Document, attribution: Attribution, quote: QuoteRegion) -> bool:
    """The cue (and its source) ends right before the quote with a comma or colon: "The host asked, “…”"."""
    end = max(attribution.end, attribution.source.end if attribution.source else 0)
    between = doc.text[end : quote.start].strip()
    if end > quote.start or not between.endswith((",", ":")):
        return False
    # "asked Mr. Lee, “…”": the one asked may stand between the verb and the question.
    return between in (",", ":") or (attribution.entry["lemma"] == "ask" and len(between.split()) <= 4
                                     and not any(mark in between[:-1] for mark in ",;:?!"))


def _asked_after(doc: Document, tag: Source) -> bool:
    """The name after a question is followed by "was asked": the one asked, not the one asking."""
    words = doc.text[tag.end : tag.end + 20].split()
    return len(words) >= 2 and words[0] in ("was", "were", "is", "is being", "had") and words[1].startswith("asked")


def _outermost(doc: Document, nearest: Attribution, before: list[Attribution]) -> Source | None:
    """"Sanders has said that he plans …, “…”": the report that frames the quote, not one inside it.

    When an earlier cue in the same sentence has the same speaker ("he" resolved to
    Sanders), or the nearer cue's subject opens the earlier cue's reported clause
    ("Lapp said she thinks", "Trump stated that Melania would discuss it “…”"), the
    nearer cue sits inside what the earlier one reports, so the earlier cue is the
    attribution of the quote.
    """
    source = nearest.source
    if source is None:
        return None
    if source.kind == "document":
        return source  # "The board noted the Code of Conduct says that a “judge should not …”": the code's words
    name = source.name.lower()

    def frames(earlier: Attribution) -> bool:
        if earlier.source is None or earlier.sentence != nearest.sentence or earlier.start >= nearest.start:
            return False
        if earlier.source.name.lower() == name:
            return True
        if source.end <= earlier.start:
            return False  # the nearer cue's subject comes first ("X faced …, including a call from Y, calling")
        between = doc.text[earlier.end : source.start]
        words = between.split()
        # "Maher stated of the scandal that the IG's report “…”": the report sits in what he stated.
        return (not words or "that" in words) and not any(mark in between for mark in ",;:―—–()")

    same = [a for a in before if frames(a)]
    return min(same, key=lambda a: a.start).source if same else source


def quote_span(doc: Document, quote: QuoteRegion, source: Source | None) -> Span:
    text = doc.text[quote.start : quote.end]
    if source is None:
        attrs = {
            "speaker": "", "speaker_start": None, "speaker_end": None,
            "speaker_kind": "unknown", "speaker_mention": "",
        }
    else:
        attrs = {
            "speaker": source.name, "speaker_start": source.start, "speaker_end": source.end,
            "speaker_kind": source.kind, "speaker_mention": source.text,
        }
    return Span("quote", quote.start, quote.end, text, "direct quote", attrs=attrs)
