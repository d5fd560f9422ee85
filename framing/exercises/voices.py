"""Who is speaking?: the voices an outlet lets speak, each once, and what the article itself calls them.

A teacher's reading found the item's sorting into kinds of voice wrong where a
person has two roles (a congressman who is also a running mate, filed as a
lawmaker), where a campaign's ad or web video was filed as a document, and one
voice counted three times. Sorting people into roles is the comparison's guess;
what an article calls someone ("Obama campaign spokeswoman", "the panel's
Republican staff director") is in its words. So students list each voice once
and write what the article says about it, and the key does the same:

* a voice is a confident row of the voices table that names a person, a body or
  an outlet (an unnamed or vague source is left to the discussion, a document,
  ad or video speaks for whoever made it, and an outlet naming itself is no voice);
* one person is one voice: "Paul D. Ryan" and "Ryan" in one article are the same;
* "what the article calls them" is the phrase the voices table found at a title,
  appositive or other mention *in the same article* that stands next to the name,
  never a role guessed from another outlet's story.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..corpus.mentions import PERSON_NAME_RULES
from ..grammar import DETERMINERS, NAME_SUFFIXES, POSSESSIVE_DETERMINERS, SUBJECT_PRONOUNS
from .material import Material, clean, group_of, records
from .sound import standing
from .voice_labels import (
    FUNCTION_WORDS,
    apposition_before_at,
    described_as,
    name_at,
    reporting_words,
    split_title,
    voice_name,
)
from .voice_mentions import ambiguous_person, apposition_after_at, called_in_article, person_mention, speaks_there

# The voices table's kinds that name someone a student can look up.
NAMED_KINDS = frozenset({"named_person", "institution", "media"})
# A name of capitalized words in a source phrase ("State House Majority Leader Jeff McCabe"), not "The".
_CAPITALIZED_NAME = re.compile(r"(?<![\w.])(?!(?:The|A|An)\b)[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
# A co-speaker joined to a source by "and" ("Jeff McCabe (D) and …"), which the source phrase may leave out.
_AND_BEFORE = re.compile(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)+)(?:\s*\([^)]{1,12}\))?,?\s+and\s+$")
MAX_VOICE_SENTENCES = 4  # per outlet
_NOT_A_NAME = DETERMINERS | POSSESSIVE_DETERMINERS | SUBJECT_PRONOUNS  # "The senator", "His lawyer", "He"


def shown_name(m: Material, row: Mapping[str, Any]) -> str:
    """The name the key shows: the mention layer's name of the person, else without a title the "what the
    article calls them" column already gives."""
    mention = person_mention(m, row)
    if mention is not None and mention.name and mention.name in str(row.get("_described")):
        return mention.name  # the label is the mention layer's whole name-with-role
    title, name = split_title(m, row)
    return name if title and title == row.get("_described") else voice_name(row)


def label_of(m: Material, row: Mapping[str, Any]) -> str:
    """What the article calls the voice: a person's whole name-with-role from the mention layer
    (:mod:`.voice_mentions`), else the phrase by the name in the text (:func:`.voice_labels.described_as`:
    a role the mention layer's titles do not know, "Prosecutor Lee"), never a courtesy title alone, and none for
    a person whose surname another person of the article shares (:func:`.voice_mentions.ambiguous_person`)."""
    if ambiguous_person(m, row):
        return ""
    if row.get("kind") != "named_person":
        return body_label(m, row)
    called = called_in_article(m, row) or (described_as(m, row) if not said_in_quote(m, row) else "")
    courtesy = {e.key.lower().rstrip(".") for e in m.lexicons["titles"] if e["kind"] == "title" and not e["role"]}
    if called.lower().rstrip(".") in courtesy:
        return ""  # "Mrs." says nothing about who she is
    # "Prime Minister Ann Lee’s upcoming address": the label is the name, not its possessive
    parts = [re.sub(r"[’']s(?=$| \(\d+\)$)", "", p) for p in called.split("; ")]
    return "; ".join(parts) if all(whole_label(m, p, voice_name(row), courtesy) for p in parts) else ""


def whole_label(m: Material, part: str, name: str, courtesy: set[str]) -> bool:
    """Whether a label is a whole phrase about this very person. Not one cut after a title ("the communications
    director for Rep"), nor one that names the person by a title and surname without the given name the voice
    has ("President Obama" for Sasha Obama): a strict teacher found both; the key then leaves the label out."""
    words = re.findall(r"[\w’'-]+", re.sub(r"\s*\(\d+\)$", "", part))
    titles = {e.key.lower().rstrip(".") for e in m.lexicons["titles"] if e["kind"] == "title"}
    if not words or words[-1].lower() in titles | FUNCTION_WORDS | {"for", "of", "to", "the", "a", "an"}:
        return False
    names = [w for w in name.split() if w[:1].isupper() and w.rstrip(".").lower() not in titles]
    if len(names) < 2 or names[-1] not in words or names[0] in words:
        return True
    at = words.index(names[-1])
    return at > 0 and words[at - 1].lower() in courtesy  # "Mr. Goodlatte": a courtesy title points at one man


def said_in_quote(m: Material, row: Mapping[str, Any]) -> bool:
    """Whether the words the voices table read the role from stand inside a quotation ("Secretary Clinton" in a
    chairman's letter): the speaker's word for the person, not the article's."""
    found = re.search(r"'[^']+' at (\d+)-(\d+)", str(row.get("role_reason") or ""))
    analysis = m.by_id.get(str(row.get("article_id")))
    return bool(found and analysis is not None
                and analysis.document.is_quoted(int(found.group(1)), int(found.group(2))))


def body_label(m: Material, row: Mapping[str, Any]) -> str:
    """What the article calls a body or outlet: the appositive after or before its name ("Fix the Court, a
    group that pushes …": "a group"), or "" (the key's dash: named by its name alone). A teacher found a
    phrase from elsewhere in the sentence ("Supreme Court.") given as a group's label."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None:
        return ""
    start, end = name_at(analysis.document.text, row)
    return apposition_after_at(m, analysis.document.text, end) or apposition_before_at(m, analysis, start)


def voice_key(row: Mapping[str, Any]) -> str:
    """One key per person or body: a named person by surname, anything else by its words; "" for a pronoun."""
    words = re.findall(r"[\w’'-]+", voice_name(row).lower())
    if not words or (len(words) == 1 and (words[0] in FUNCTION_WORDS or "n't" in words[0])):
        return ""
    while len(words) > 1 and words[-1].rstrip(".") in NAME_SUFFIXES:  # "Roger J. Stone Jr." is "Stone"
        words = words[:-1]
    return words[-1] if row.get("kind") == "named_person" else " ".join(words)


def is_self(m: Material, outlet: str, voice: str) -> bool:
    """Whether a voice is the article's own outlet ("Fox News" in Fox News' story): a credit, not a voice."""
    names = {n.lower() for n in group_of(outlet, m.groups)} | {outlet.lower()}
    return clean(voice).lower().removeprefix("the ") in {n.removeprefix("the ") for n in names}


def as_outlet(m: Material, row: dict[str, Any]) -> dict[str, Any]:
    """A source phrase that opens with an outlet's name ("The Wall Street Journal first") is that outlet."""
    voice = clean(str(row.get("voice")))
    for name in sorted(m.groups, key=len, reverse=True):
        if len(name) > 3 and re.match(rf"(?:the\s+)?{re.escape(name)}(?!\w)", voice, re.IGNORECASE):
            return {**row, "voice": voice[:len(re.match(rf"(?:the\s+)?{re.escape(name)}", voice, re.I).group(0))],
                    "kind": "media", "role": "media"}
    return row


def voice_sentence(analysis: Any, row: Mapping[str, Any]) -> int:
    """The sentence of the voice's name: a source row may start in the sentence before ("secretary of state.
    Mrs. Clinton" read as one title and name), and a teacher found a voice listed at the wrong sentence."""
    return analysis.document.sentence_of(name_at(analysis.document.text, row)[0])


def is_voice(m: Material, row: Mapping[str, Any]) -> bool:
    """A row that names someone a student can look up, where the analysis counts a source: not a document,
    not the outlet itself, and not a piece of a longer name ("Means Committee" of "Ways and Means Committee").

    The row's ``confidence`` is about its *role*, which this item does not use: a
    low one left out the main voice of an article while keeping a passing mention.
    """
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None or row.get("kind") not in NAMED_KINDS or row.get("role") == "documents" or not voice_key(row):
        return False
    if not re.search(r"\b[A-Z]", voice_name(row)) or unnamed(m, row) or a_place(m, row) or (
            row.get("kind") == "named_person" and voice_name(row)[:1].islower()):
        return False  # "committee", "a Republican who", "the Democratic leader": no name a student can look up
    start, end = int(float(row["start"])), int(float(row["end"]))
    counted = any(s.start < end and start < s.end and s.counted for s in analysis.spans_of("source"))
    before = analysis.document.text[max(0, start - 40):start]
    cut = tail_of_longer_name(before, any_capital=row.get("kind") == "institution",
                              one_word=len(voice_name(row).split()) == 1)
    return (counted and speaks_there(analysis, start, end) and not cut and not nested(analysis, start)
            and not acts(analysis, start, end)
            and not only_adjective(m, analysis, row, start) and not is_self(m, row["outlet"], str(row["voice"])))


def unnamed(m: Material, row: Mapping[str, Any]) -> bool:
    """Whether a source phrase names no one a student can look up: "A spokesperson for Grassley", "Administration
    officials", "Leading Democrats" (its last word a group noun of ``titles.tsv``). The key's note says such
    sources are not listed, so a teacher found them wrong as rows."""
    words = voice_name(row).split()
    groups = {e.key.lower() for e in m.lexicons["titles"] if e["kind"] == "group"}
    return (not words or words[0].lower() in ("a", "an") or words[-1].lower() in groups
            or (len(words) == 2 and words[0].lower() == "the" and cut_name(m, row))
            or (row.get("kind") == "named_person" and words[0].lower().endswith("ing")))  # "Attacking Hillary Clinton"


def cut_name(m: Material, row: Mapping[str, Any]) -> bool:
    """Whether the name goes on in the text after the row ("the Office" of "the Office of Congressional Ethics"):
    a teacher found such a cut name listed as a voice."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None:
        return True
    end = name_at(analysis.document.text, row)[1]
    return re.match(r"\s+(?:of\s+|for\s+|on\s+)?(?:the\s+)?[A-Z]", analysis.document.text[end:end + 40]) is not None


def a_place(m: Material, row: Mapping[str, Any]) -> bool:
    """Whether the mention layer reads the row's name as a place ("WASHINGTON" of a dateline): no voice, and
    whatever it was given to say has no speaker the key can name."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None:
        return False
    start, end = name_at(analysis.document.text, row)
    return any(x.kind == "place" and x.start <= start and end <= x.end for x in analysis.document.mentions)


def only_adjective(m: Material, analysis: Any, row: Mapping[str, Any], start: int) -> bool:
    """Whether the "name" only describes someone ("a Republican who…", "the Republican leader said"): the
    speaker is the noun, so the word alone is no voice. A teacher found "Republican" listed where no one spoke."""
    text = analysis.document.text
    start = name_at(text, row)[0]  # the row may start at "a Republican who"; the name is "Republican"
    before = re.findall(r"[\w’']+", text[max(0, start - 12):start].lower())
    if before and before[-1] in ("a", "an"):
        return True
    after = re.match(r"\s+([\w’'-]+)", text[start + len(voice_name(row)):])
    return (row.get("kind") != "named_person" and len(voice_name(row).split()) == 1 and after is not None
            and after.group(1)[:1].islower() and after.group(1).lower() not in reporting_words(m) | FUNCTION_WORDS)


def acts(analysis: Any, start: int, end: int) -> bool:
    """Whether every attribution the voice is the source of reports an act ("agreed to attend"), not words."""
    cues = [s for s in analysis.spans_of("attribution") if s.attrs.get("source_start") is not None
            and start <= int(s.attrs["source_start"]) < end + 1]
    text = analysis.document.text
    return bool(cues) and all(re.match(r"\s*to\s", text[int(s.attrs.get("content_start") or s.end):
                                                         int(s.attrs.get("content_end") or s.end) + 1])
                              for s in cues)


def nested(analysis: Any, start: int) -> bool:
    """Whether a source sits inside what another source says ("he claimed the party was asking"): the words
    are the first speaker's, so the inner one is not a voice the article gives."""
    return any(s.counted and s.attrs.get("content_start") is not None and s.attrs.get("source_start") is not None
               and int(s.attrs["content_start"]) <= start < int(s.attrs.get("content_end") or 0)
               and not int(s.attrs["source_start"]) <= start < int(s.attrs.get("source_end") or 0)
               for s in analysis.spans_of("attribution"))


def tail_of_longer_name(before: str, *, any_capital: bool, one_word: bool = False) -> bool:
    """Whether the words before a name go on with it ("Ways and" before "Means Committee", "Security and"
    before "Medicare"); with ``any_capital`` (a body's name) any capitalized word before it does too. A one-word
    name after "to" or "for" and a capitalized word ends an organisation's name ("Freedom to Marry", "Americans for
    Reform"): a strict teacher found "Marry" keyed as a voice."""
    words = before.split()
    if not words or re.search(r"[.!?:;,\"“”)]$", words[-1]):
        return False
    if words[-1].lower() in ("and", "of", "&") + (("to", "for") if one_word else ()):
        return len(words) > 1 and words[-2][:1].isupper()
    return any_capital and words[-1][:1].isupper()


def confident_voices(m: Material) -> dict[str, list[dict[str, Any]]]:
    """Each outlet's voices (one row per person, in text order) in sentences that can be shown, at most a few.

    Each voice's first sentence comes before any voice's second, so the few sentences
    shown hold as many voices as they can.
    """
    by_outlet: dict[str, dict[str, dict[str, Any]]] = {}
    rows = sorted(records(m.tables.get("voices")), key=lambda r: (str(r.get("article_id")), float(r["start"])))
    placed = []
    unsure = unkeyable_sentences(m, rows)
    for row in (as_outlet(m, r) for r in rows):
        analysis = m.by_id.get(str(row.get("article_id")))
        if analysis is not None and is_voice(m, row):
            index = voice_sentence(analysis, row)
            if (analysis.document.id, index) not in unsure and standing(analysis, [index], m.lexicons.abbreviations):
                placed.append((row, index))
    for new_voices in (True, False):
        for row, index in placed:
            voices = by_outlet.setdefault(row["outlet"], {})
            key = voice_key(row)
            if (key in voices) == new_voices or len(
                    {n for v in voices.values() for n in v["_sentences"]} | {index}) > MAX_VOICE_SENTENCES:
                continue
            if key in voices:
                voices[key]["_sentences"].add(index)
                voices[key]["_quoted"] = voices[key]["_quoted"] or row.get("via") == "quote"
                voices[key]["_described"] = voices[key]["_described"] or label_of(m, row)
            else:
                voices[key] = {**row, "_sentences": {index}, "_quoted": row.get("via") == "quote",
                               "_described": label_of(m, row)}
    elsewhere = labels_in_article(m, rows)
    for voices in by_outlet.values():
        for key, row in voices.items():
            row["_described"] = row["_described"] or elsewhere.get((str(row["article_id"]), key), "")
    return {o: sorted(v.values(), key=lambda r: min(r["_sentences"])) for o, v in by_outlet.items() if v}


def labels_in_article(m: Material, rows: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """What each article calls each voice at any mention (first found): a voice whose shown sentences say
    only "Holtz-Eakin said" is still "the former budget director" where the article introduced them."""
    found: dict[tuple[str, str], str] = {}
    for row in (as_outlet(m, r) for r in rows):
        key = (str(row.get("article_id")), voice_key(row))
        if key[1] and not found.get(key) and str(row.get("article_id")) in m.by_id and row.get("kind") in NAMED_KINDS:
            found[key] = label_of(m, row)
    return found


def unkeyable_sentences(m: Material, rows: list[dict[str, Any]]) -> set[tuple[str, int]]:
    """``(article id, sentence)`` pairs where a named source speaks that the key cannot list (an adjective such
    as "a Republican", a piece of a longer name): shown, that sentence would have a voice the key misses."""
    unsure = set()
    for row in (as_outlet(m, r) for r in rows):
        analysis = m.by_id.get(str(row.get("article_id")))
        if (analysis is None or row.get("kind") not in NAMED_KINDS or row.get("role") == "documents"
                or float(row["start"]) != float(row["start"])):  # no place (NaN): nothing to show
            continue
        start = int(float(row["start"]))
        if a_place(m, row) and float(row.get("words_start", "nan")) == float(row.get("words_start", "nan")):
            unsure.add((analysis.document.id, analysis.document.sentence_of(int(float(row["words_start"])))))
        if (is_voice(m, row) or unnamed(m, row) or nested(analysis, start)
                or is_self(m, row["outlet"], str(row["voice"]))):
            continue
        if any(s.start < int(float(row["end"])) and start < s.end and s.counted for s in analysis.spans_of("source")):
            unsure.add((analysis.document.id, analysis.document.sentence_of(start)))
    voices: dict[str, set[str]] = {}
    for row in (as_outlet(m, r) for r in rows):
        if str(row.get("article_id")) in m.by_id and is_voice(m, row):
            voices.setdefault(str(row["article_id"]), set()).update(voice_key(row).split())
    for article_id, words in voices.items():
        unsure |= {(article_id, n) for n in unnamed_in_key(m.by_id[article_id], words)}
    for article_id in {str(r.get("article_id")) for r in rows if str(r.get("article_id")) in m.by_id}:
        unsure |= {(article_id, n) for n in speaker_not_named_there(m.by_id[article_id])}
    return unsure


def names_someone(phrase: str) -> bool:
    """Whether a speaker phrase opens with a capitalized name, not a pronoun or "the senator"."""
    words = phrase.split()
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in _NOT_A_NAME


def speaker_not_named_there(analysis: Any) -> set[int]:
    """Sentences whose quote or source does not name its speaker in that very sentence: "“I did it,” he said"
    after a sentence about someone else, a quote with no tag, a tag in another sentence. The speaker is then
    the tool's guess from context, and a strict teacher found such a quote given to the wrong man."""
    doc, found = analysis.document, set()
    for quote in analysis.spans_of("quote"):
        if not quote.counted:
            continue
        index = doc.sentence_of(quote.start)
        at = quote.attrs.get("speaker_start")
        if at is None or not names_someone(str(quote.attrs.get("speaker_mention") or "")) or doc.sentence_of(
                int(at)) != index:
            found.add(index)
    for source in analysis.spans_of("source"):
        if source.counted and not names_someone(source.text):
            found.add(doc.sentence_of(source.start))  # "he said", "the man said": who it is comes from elsewhere
    return found


def keyed_completely(m: Material, rows: list[dict[str, Any]], indexes: list[int]) -> bool:
    """Whether the key's voices ``rows`` are every voice of the sentences ``indexes`` shown, each with what the
    article calls them (a person needs a phrase; an outlet or body is named by its name)."""
    if not rows or not indexes:
        return False
    article_id = str(rows[0]["article_id"])
    keys = {voice_key(r) for r in rows}
    if any((article_id, i) in unkeyable_sentences(m, [r for r in records(m.tables.get("voices"))
                                                    if str(r.get("article_id")) == article_id]) for i in indexes):
        return False
    analysis = m.by_id[article_id]
    for row in (as_outlet(m, r) for r in records(m.tables.get("voices"))):
        if (str(row.get("article_id")) == article_id and is_voice(m, row) and voice_key(row) not in keys
                and voice_sentence(analysis, row) in indexes):
            return False
    keyed_words = {w for key in keys for w in key.split()}
    if (unnamed_in_key(analysis, keyed_words) | quotes_of_another(analysis)) & set(indexes):
        return False
    return all(r["_described"] for r in rows if r.get("kind") == "named_person")


def unnamed_in_key(analysis: Any, keyed_words: set[str]) -> set[int]:
    """Sentences where a source names someone (capitalized words) whose last name is none of ``keyed_words``:
    "McCabe and Gideon said" needs both, though the voices table may have only one row, and "something Gattine
    has denied" inside another's claim is a voice the key would miss."""
    text, found = analysis.document.text, set()
    for span in analysis.spans_of("source"):
        if not span.counted:
            continue
        co_speaker = _AND_BEFORE.search(text[max(0, span.start - 80):span.start])
        names = _CAPITALIZED_NAME.findall(span.text) + ([co_speaker.group(1)] if co_speaker else [])
        if any(re.sub(r"(?:'s|’s)$", "", name.split()[-1]).lower() not in keyed_words for name in names):
            found.add(analysis.document.sentence_of(span.start))
    return found


def quotes_of_another(analysis: Any) -> set[int]:
    """Sentences with a quotation credited to a speaker named after it while another person is named before it:
    "as Trump calls the probe a 'witch hunt', the White House downplayed …" may quote either (a teacher found
    the president's words credited to the White House), so the key cannot say whose words they are."""
    doc, found = analysis.document, set()
    people = [x for x in doc.mentions if x.kind == "person" and x.how in PERSON_NAME_RULES]
    for quote in analysis.spans_of("quote"):
        speaker_at = int(quote.attrs.get("speaker_start") or -1)
        index = doc.sentence_of(quote.start)
        opening = doc.sentences[index][0]
        if speaker_at < quote.end:
            continue
        speaker = next((x.entity for x in people if x.start <= speaker_at < x.end), "")
        if any(opening <= x.start < quote.start and x.entity != speaker for x in people):
            found.add(index)
    return found
