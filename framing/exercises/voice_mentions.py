"""What an article calls a person, read from the mention layer (``Document.mentions``): the whole name-with-role.

A teacher's reading found labels cut from the article's phrase: "Attorney General"
for a *Deputy* Attorney General, "Sen." without the party-state tag "(D-Conn.)", a
senator labelled only "a lawyer" because that was all one later sentence said. The
mention layer already ties every naming of one person together (``entity``) and
reads the title with its modifier ("Deputy Attorney General Rod Rosenstein"), so a
voice's label is the article's own words around one of those mentions: the
capitalized words before the title ("Senate Minority Leader"), the title, the name,
the tag after it ("(D-N.Y.)", ", R-Ky.", "of Maine") and an appositive ("Sen. Mark
Warner, the top Democrat on the Senate Intelligence Committee"). The key gives how
the article introduces the person, and how it calls them in the sentence shown
when that differs, each with its sentence number: both are the article's words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..corpus.mentions import PERSON_NAME_RULES, Mention
from ..grammar import RELATIVE_PRONOUNS, TITLE_DESCRIBERS
from .material import Material, clean
from .voice_labels import DESCRIBED_NOUN, apposition_before_at, description, name_at, voice_name

# An appositive after the name (and its tag): ", the top Democrat on the committee," / ", director of X."
_AFTER = re.compile(rf",\s*((?:{DESCRIBED_NOUN}\s|[a-z][\w-]*\s)[^,.;:“”\"()]{{2,160}}|[a-z][\w-]+)(?=[,.;)]|$)")
MAX_APPOSITIVE = 90  # characters of an appositive kept, once cut at its relative clause
_WORD_BEFORE = re.compile(r"([\w.’'&-]+)\s+$")
_OPENING_GERUND = re.compile(r"^[A-Z][a-z]+ing\s+(?=[A-Z])")
REACH = 6  # words read back from a title for the words that belong to it ("Senate Minority Leader")


def person_mention(m: Material, row: Mapping[str, Any]) -> Mention | None:
    """The mention layer's mention of the person at the voice row (a naming, or a pronoun it resolved to one
    person: "but he said" after "Representative Jerrold Nadler"), or None."""
    analysis = m.by_id.get(str(row.get("article_id")))
    if analysis is None or row.get("kind") != "named_person":
        return None
    text = analysis.document.text
    places = [name_at(text, row), (int(float(row["start"])), int(float(row.get("end", row["start"]))))]
    people = [x for x in analysis.document.mentions if x.kind == "person" and x.resolved and x.entity]
    for start, end in places:
        found = [x for x in people if x.start < end and start < x.end]
        if found:
            return min(found, key=lambda x: x.how not in PERSON_NAME_RULES)
    surname = voice_name(row).split()[-1:] or [""]  # a row at an unresolved "she": the person named so
    return next((x for x in people if x.how in PERSON_NAME_RULES and x.name.split()[-1:] == surname), None)


def called_in_article(m: Material, row: Mapping[str, Any]) -> str | None:
    """How the article introduces the voice's person, and how it calls them at the row when that differs
    ("Senator Roger Katz, a Republican (18); Mr. Katz, a lawyer (20)"), or "" when it never describes them.
    None when the mention layer has no naming of a person there (the caller reads the text itself)."""
    mention = person_mention(m, row)
    if mention is None:
        return None
    analysis = m.by_id[str(row["article_id"])]
    doc = analysis.document
    # a naming inside a quotation is the speaker's word for the person ("Secretary Clinton" in a chairman's
    # letter), not the article's
    namings = [x for x in doc.mentions if x.entity == mention.entity and x.how in PERSON_NAME_RULES
               and not doc.is_quoted(x.start, x.end)]
    phrases = [(x, named_phrase(m, analysis, x)) for x in namings]
    described = [(x, p) for x, p in phrases if p]
    if not described:
        return ""
    intro = described[0]
    here = next(((x, p) for x, p in described if x.start == mention.start), None)
    shown = [intro] if here is None or said_beyond_name(here) == said_beyond_name(intro) else [intro, here]
    if len(shown) == 1:
        return intro[1]
    return "; ".join(f"{p} ({doc.sentence_of(x.start) + 1})" for x, p in shown)


def ambiguous_person(m: Material, row: Mapping[str, Any]) -> bool:
    """Whether the person at the row shares a surname with another person of the article ("Resist Trump" of a
    movement's name and "Donald Trump"; Bill and Hillary Clinton): a pronoun or bare surname may then be either,
    so the key gives the voice no label rather than perhaps the wrong one."""
    mention = person_mention(m, row)
    if mention is None:
        return False
    surname = mention.name.split()[-1:]
    doc = m.by_id[str(row["article_id"])].document
    return any(x.kind == "person" and x.entity and x.entity != mention.entity and x.how in PERSON_NAME_RULES
               and x.name.split()[-1:] == surname for x in doc.mentions)


def said_beyond_name(found: tuple[Mention, str]) -> str:
    """A phrase less the person's names: "Justice Ruth Bader Ginsburg" and "Justice Ginsburg" say the same."""
    mention, phrase = found
    names = {w.lower() for w in mention.name.split()}
    return " ".join(w for w in phrase.split() if w.lower().strip(",.") not in names)


def named_phrase(m: Material, analysis: Any, mention: Mention) -> str:
    """The article's words around one naming: what comes before the title, the title, the name, the tag, an
    appositive; "" when they say nothing beyond the name or a courtesy title ("Mr. Katz", "Ryan")."""
    text = analysis.document.text
    start = words_before_title(m, analysis, mention)
    end = mention.tag_end or mention.end  # after the party-state tag or "of" place the mention layer read
    if plural_title(m, text[mention.start:mention.end]):  # "Reps. Peter DeFazio of Oregon, Jim McDermott and …"
        start = max(start, text.find(mention.name, mention.start)) if mention.name else start
    after = apposition_after_at(m, text, end)
    before = apposition_before_at(m, analysis, start)
    titled = (bool(mention.role) and mention.how == "title_name") or start < mention.start
    if not (titled or end > mention.end or after or before):
        return ""
    core = _OPENING_GERUND.sub("", clean(text[start:end]))  # "Attacking Hillary Clinton": a clause's verb
    return ", ".join(part for part in (before, core, after) if part)


def words_before_title(m: Material, analysis: Any, mention: Mention) -> int:
    """Where the name-with-role starts: back over capitalized words and describing words that run into the
    title ("Senate Majority Leader", "Obama Press Secretary", "independent Sen."), not over a date, another
    person, a stop word or the sentence's start."""
    if mention.how != "title_name":
        return mention.start
    doc = analysis.document
    opening = doc.sentences[doc.sentence_of(mention.start)][0]
    stops = {e.key.lower() for e in m.lexicons["stop_words"]}
    others = [(x.start, x.end) for x in doc.mentions
              if x.kind in ("date", "person", "group") and x.end <= mention.start]
    start = mention.start
    for _ in range(REACH):
        found = _WORD_BEFORE.search(doc.text[opening:start])
        if found is None:
            break
        word, at = found.group(1), opening + found.start(1)
        describer = word.lower() in TITLE_DESCRIBERS
        if (not (word[:1].isupper() or describer) or (word.lower() in stops and not describer)
                or any(a <= at < b for a, b in others)):
            break
        start = at
    return start


def plural_title(m: Material, phrase: str) -> bool:
    """Whether the title before a name is plural ("Reps.", "Sens."): it names several people, so it is no label
    of the one who speaks."""
    first = phrase.split()[0].lower().rstrip(".") if phrase.split() else ""
    titles = {e.key.lower().rstrip(".") for e in m.lexicons["titles"] if e["kind"] == "title"}
    return len(first) > 3 and first.endswith("s") and first[:-1] in titles  # "mrs" is no plural of "mr"


def apposition_after_at(m: Material, text: str, end: int) -> str:
    """The describing phrase set off after a name at ``end`` (", a lawyer,", ", the deputy press secretary."),
    cut at a relative clause ("a Republican who has been critical of …" → "a Republican"), or ""."""
    found = _AFTER.match(text, end)
    if found is None:
        return ""
    phrase, stop = found.group(1), found.end()
    while text[stop:stop + 1] == "." and phrase.split()[-1].lower() in m.lexicons.abbreviations:
        # "the No. 2 Republican": the stop ends an abbreviation, not the phrase
        more = re.match(r"\.[^,.;:“”\"()]{1,60}(?=[,.;)]|$)", text[stop:])
        if more is None:
            return ""
        phrase, stop = phrase + more.group(0), stop + more.end()
    words = phrase.split()
    cut = next((n for n, w in enumerate(words) if w.lower() in RELATIVE_PRONOUNS), len(words))
    if len(" ".join(words[:cut])) > MAX_APPOSITIVE:
        return ""
    if cut == 0 or re.fullmatch(r"[a-z]+(?:ing|ed)", words[0]) or (  # "Blumenthal, advocating for …": a clause
            not re.match(DESCRIBED_NOUN, words[0]) and not any(is_role_word(m, w) for w in words[:3])):
        return ""
    return description(m, " ".join(words[:cut]))


def is_role_word(m: Material, word: str) -> bool:
    """Whether a lower-case word opening an appositive names an office or role ("director", "co-founder")."""
    roles = {e.key.lower().rstrip(".") for e in m.lexicons["titles"] if e["kind"] in ("title", "role")}
    return word.lower().rstrip(".,") in roles or word.lower() in TITLE_DESCRIBERS


def speaks_there(analysis: Any, start: int, end: int) -> bool:
    """Whether the name at ``[start, end)`` is the source of a counted attribution or the speaker of a counted quote.
    A counted source whose only cue the attribution layer did not count ("Now that President Obama … has embraced
    …") is a mention, not a voice: a strict teacher found such a voice shown speaking where it does not speak."""
    def overlaps(span: Any, key: str) -> bool:
        at = span.attrs.get(f"{key}_start")
        return at is not None and int(at) < end and start < int(span.attrs.get(f"{key}_end") or int(at) + 1)

    return any(s.counted and overlaps(s, "source") for s in analysis.spans_of("attribution")) or any(
        q.counted and overlaps(q, "speaker") for q in analysis.spans_of("quote"))
