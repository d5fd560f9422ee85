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

A quote with no cue of its own is credited, in order, to: the source of a sentence
ending in a colon just before it ("McCrummen reports:"); a name signed after a dash
("“…” ― Carla Sanchez"); a report that closes the sentence after a comma ("…, Comey has
said."); the subject of its own sentence when that comes before it ("Cruz called Trump a “pathological liar”"), labelled
"sentence subject" so a reader can see the weaker evidence; the speaker of the quote
just before it when that is in the previous sentence (words split by a paragraph break);
and last the source of a report in the sentence just before ("Kerry said that … ¶ “…”"),
labelled "report just before".

When two cues before the quote in one sentence share a speaker ("Sanders has said that
he plans …"), or the later one's subject opens the earlier one's reported clause ("Trump
stated that Melania would discuss it “…”"), the earlier, framing one names the speaker:
the later one is inside it.
"""

from __future__ import annotations

from bisect import bisect_right

from ..corpus.coreference import bare_question
from ..document import Document, QuoteRegion, Span
from ..lexicons import Lexicons
from . import Extraction
from .attribution import Attribution, Source, find_sources
from .attribution.clauses import in_closed_aside

# A cue this close after a quote ("“…,” the senator said") is its tag; farther on it is
# more likely a new report ("Obama said “it gets me mad” every time he thinks …").
_ADJACENT_WORDS = 4
_TAG_MODIFIERS = 4  # words before a tag's name that describe the speaker ("the company's chief security officer")
_TAG_ENDINGS = frozenset([",", "?", "!", "—", "–", "-", "…"])
# Kinds that carry words rather than speak them: an outlet that relayed them, or the
# statement, interview or poll they came in ("In an interview, Trump said “…”").
# At most this many bare questions between two answers of one interviewee ("Governor Pence? “…”").
_QUESTIONS_BETWEEN = 2
_RELAYING_KINDS = frozenset(["media", "document"])
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
            source = _continued(doc, quote, *previous)
        if source is None:
            source = _reported_just_before(quote, doc.sentence_of(quote.start), attributions)
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


def _continued(doc: Document, quote: QuoteRegion, last_quote: QuoteRegion, last_source: Source) -> Source | None:
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
    if len(between) > 2 * _QUESTIONS_BETWEEN or not bare_question(doc.text, doc.sentences[first - 1]):
        return None
    if all(bare_question(doc.text, doc.sentences[i]) or _all_quoted(doc, doc.sentences[i]) for i in between):
        return _relabel(last_source, "answer in a run of questions")
    return None


def _all_quoted(doc: Document, sentence: tuple[int, int]) -> bool:
    """The sentence is one quotation and nothing else ("“A patriot.”")."""
    start, end = sentence
    return any(q.start <= start and end <= q.end + 1 for q in doc.quotes)


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


def _relabel(source: Source, label: str) -> Source:
    return Source(source.start, source.end, source.text, source.kind, label, source.name)


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
    last = doc.sentence_of(max(quote.end - 1, quote.start))
    # "“Why not?” Sanders asked": a ? or ! inside the marks ends the sentence, not the report.
    asks = int(doc.text[quote.inner_end - 1 : quote.inner_end] in ("?", "!"))
    # A tag follows quoted words that end in a comma, ? or ! ("“…,” he said"); after "“it gets me
    # mad” every time he thinks" the later verb starts a clause of its own.
    tagged = doc.text[quote.inner_end - 1 : quote.inner_end] in _TAG_ENDINGS
    question = doc.text[quote.inner_end - 1 : quote.inner_end] == "?"
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
        relayed = attribution.source is not None and attribution.source.kind in _RELAYING_KINDS
        if after:
            between = doc.text[quote.end : attribution.start]
            words = between.split()
            # "“…,” the company's chief security officer Joe Sullivan said": a long source phrase still tags.
            source = attribution.source
            reach = _ADJACENT_WORDS + (len(source.text.split()) + _TAG_MODIFIERS
                                       if source is not None and quote.end <= source.start else 0)
            adjacent = (len(words) <= reach and not any(mark in between for mark in ".;?!\n")
                        and not _CONJUNCTIONS.intersection(word.strip(",").lower() for word in words)
                        and (tagged or between.lstrip().startswith(",")))
            if attribution.sentence > last:
                # The next sentence counts only as a tag that is all of it: "“Why not?” Sanders asked."
                sentence_end = doc.sentences[attribution.sentence][1]
                adjacent = adjacent and len(doc.text[attribution.end : sentence_end].split()) <= 2
                if not adjacent:
                    continue
            tier = 0 if adjacent else 2
        elif attribution.sentence > last:
            continue
        else:
            tier = 1
        candidates.append((relayed, tier, distance, attribution))
    candidates.sort(key=lambda item: item[:3])
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
        return _relabel(tag, "tag after quote")
    if candidates and candidates[0][1] == 1:
        return _outermost(doc, candidates[0][3], [c[3] for c in candidates if c[1] == 1])
    fallback = (_introduced_before(doc, quote, first, attributions) or _signed_after(doc, quote, attributions)
                or _signed_below(doc, quote) or _closing_report(doc, candidates))
    if fallback is None and subject is not None and subject.end <= quote.start:
        fallback = _relabel(subject, "sentence subject")
    if fallback is None and candidates:
        fallback = candidates[0][3].source
    return fallback


def _text_quoted_within(doc: Document, candidates: list[tuple[bool, int, int, Attribution]]) -> Source | None:
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


def _closing_report(doc: Document, candidates: list[tuple[bool, int, int, Attribution]]) -> Source | None:
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


def _reported_just_before(quote: QuoteRegion, first: int, attributions: list[Attribution]) -> Source | None:
    """"Kerry said that 100,000 would be accepted. ¶ “That adds up to …”": the last report before.

    A quote with no cue, tag or subject of its own that follows a sentence reporting
    someone's words goes on with that report: news writing puts the paraphrase first and
    the speaker's own words after it, without repeating the tag. Only the sentence right
    before counts, and only a report whose source speaks (not an outlet or a document).
    """
    before = [a for a in attributions if a.sentence == first - 1 and a.end <= quote.start]
    speaking = [a for a in before if a.source is not None and a.source.kind not in _RELAYING_KINDS]
    return _relabel(speaking[-1].source, "report just before") if speaking else None


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


def _introduced_before(
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


def _signed_after(doc: Document, quote: QuoteRegion, attributions: list[Attribution]) -> Source | None:
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


def _signed_below(doc: Document, quote: QuoteRegion) -> Source | None:
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
