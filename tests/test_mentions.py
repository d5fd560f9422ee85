"""The mention layer (framing/corpus/mentions.py, coreference.py): a golden table of made-up sentences.

Each row: a short text, then the mentions it must hold as (kind, text, entity); ``absent``
lists texts that must not be a mention of the given kind (a place is never a person).
"""

from __future__ import annotations

import pytest

from framing.corpus import parse_text
from framing.corpus.mentions import Mention
from framing.lexicons import load_lexicons


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicons(scorers=False)


def mentions_of(text: str, lexicons) -> tuple[Mention, ...]:
    return parse_text(text, lexicons).mentions


GOLDEN = [
    # Names with titles and initials; a later surname joins the entity.
    ("Vice President Joseph R. Biden spoke. Later Mr. Biden left.",
     [("person", "Vice President Joseph R. Biden", "person:biden"), ("person", "Mr. Biden", "person:biden")], []),
    ("Jane Roe arrived early. Roe then spoke at length.",
     [("person", "Jane Roe", "person:roe"), ("person", "Roe", "person:roe")], []),
    ("Representative Luis V. Perez of Ohio said so.",
     [("person", "Representative Luis V. Perez", "person:perez"), ("place", "Ohio", "place:Ohio")],
     [("person", "Ohio")]),
    ("Sen. Pat Doe of Texas voted no.",
     [("person", "Sen. Pat Doe", "person:doe"), ("place", "Texas", "place:Texas")], [("person", "Texas")]),
    # Two people of one surname are two entities; a bare surname joins the one named last.
    ("Bill Clinton spoke. Hillary Clinton replied. Mrs. Clinton left. Bill Clinton agreed.",
     [("person", "Bill Clinton", "person:clinton"), ("person", "Hillary Clinton", "person:hillary clinton"),
      ("person", "Mrs. Clinton", "person:hillary clinton")], []),
    ("Vice President Joseph R. Biden met voters. Joe Biden smiled. Mr. Biden left.",
     [("person", "Joe Biden", "person:biden"), ("person", "Mr. Biden", "person:biden")], []),
    # Lower-case surname particles belong to the name.
    ("Kevin de León spoke first. Later Mr. de León left.",
     [("person", "Kevin de León", "person:león"), ("person", "Mr. de León", "person:león")], []),
    ("Ursula von der Leyen arrived.", [("person", "Ursula von der Leyen", "person:leyen")], []),
    # A place after a name is a place; a surname that is also a place is the person.
    ("Rep. Jim Jordan spoke. Jordan said no.",
     [("person", "Rep. Jim Jordan", "person:jordan"), ("person", "Jordan", "person:jordan")], [("place", "Jordan")]),
    # Organisations: dotted and plain acronyms, full names, aliases by head noun.
    ("The F.B.I. said the FBI would act, and the bureau did.",
     [("organisation", "F.B.I.", "organisation:Federal Bureau of Investigation"),
      ("organisation", "FBI", "organisation:Federal Bureau of Investigation"),
      ("organisation", "the bureau", "organisation:Federal Bureau of Investigation")], []),
    ("The Justice Department said the department was ready.",
     [("organisation", "Justice Department", "organisation:Justice Department"),
      ("organisation", "the department", "organisation:Justice Department")], []),
    ("The Office of Widget Safety (OWS) said OWS would check.",
     [("organisation", "Office of Widget Safety", "organisation:Office of Widget Safety"),
      ("organisation", "OWS", "organisation:Office of Widget Safety")], []),
    ("The Acme Widget Company said the company grew.",
     [("organisation", "Acme Widget Company", "organisation:Acme Widget Company"),
      ("organisation", "the company", "organisation:Acme Widget Company")], []),
    # Places and dates.
    ("The rally in Raleigh, N.C., was on Tuesday, and another on Jan. 5.",
     [("place", "Raleigh", "place:Raleigh"), ("place", "N.C.", "place:North Carolina"),
      ("date", "Tuesday", "date:tuesday"), ("date", "Jan. 5", "date:jan. 5")], []),
    # A rank cut from a longer title is no person; a title with no name makes none.
    ("The inspector general said the attorney general was wrong.", [], [("person", "general")]),
    # A title of several words is read whole: "the vice president" is not whoever was called "president".
    ("President Ann Roe met Vice President Tom Lee. The vice president said the talks went well. The president left.",
     [("person", "The vice president", "person:lee"), ("person", "The president", "person:roe")], []),
    # A name before "of" with no head noun of its own is a person of the body, not part of its name.
    ("Dana Vale of Acme News moderated the debate.",
     [("person", "Dana Vale", "person:vale"), ("organisation", "Acme News", "organisation:Acme News")],
     [("organisation", "Dana Vale of Acme News")]),
    ("The University of Iowa said so.",
     [("organisation", "University of Iowa", "organisation:University of Iowa")], []),
    # A slogan is no one's name.
    ("Members of the “No Wall, No Deal” group marched.", [], [("person", "No Deal"), ("person", "No Wall")]),
    ("Inspector General Mary Poe wrote the report.",
     [("person", "Inspector General Mary Poe", "person:poe"), ("document", "the report", "document:report")],
     [("person", "General")]),
    # Capitalized names of places, bodies and laws are not people.
    ("Crowds filled the National Mall while the Air Force band played and the Affordable Care Act stood.",
     [("place", "National Mall", "place:National Mall"), ("organisation", "Air Force", "organisation:Air Force"),
      ("document", "Affordable Care Act", "document:Affordable Care Act")],
     [("person", "Mall"), ("person", "Force"), ("person", "Act")]),
    # An organisation's "of" tail takes a place and stops at a date; a body named before a longer
    # name of its own is part of it.
    ("Moe studied at the University of Ohio and met the Supreme Court on Monday.",
     [("organisation", "University of Ohio", "organisation:University of Ohio"),
      ("organisation", "Supreme Court", "organisation:Supreme Court"), ("date", "Monday", "date:monday")],
     [("place", "Ohio"), ("organisation", "Supreme Court on Monday")]),
    ("Aides spoke in Senate Judiciary Committee hearings.",
     [("organisation", "Senate Judiciary Committee", "organisation:Senate Judiciary Committee")],
     [("organisation", "Senate")]),
    ("Americans for Prosperity backed the bill.",
     [("organisation", "Americans for Prosperity", "organisation:Americans for Prosperity")], []),
    ("Chief Justice John G. Roberts Jr. swore him in. Later Mr. Roberts left.",
     [("person", "Chief Justice John G. Roberts Jr", "person:roberts"), ("person", "Mr. Roberts", "person:roberts")],
     []),
    # Groups.
    ("Democrats and critics said officials erred.",
     [("group", "Democrats", "group:democrats"), ("group", "critics", "group:critics"),
      ("group", "officials", "group:officials")], []),
    # Appositives and definite descriptions.
    ("Rep. Sam Lee, a Democrat from Ohio, spoke. The congressman said no.",
     [("person", "Rep. Sam Lee", "person:lee"), ("person", "a Democrat", "person:lee"),
      ("person", "The congressman", "person:lee")], []),
    ("Mr. Cole's lawyer, Dan Fisk, said no. The lawyer left.",
     [("person", "Mr. Cole's", "person:cole"), ("person", "Dan Fisk", "person:fisk"),
      ("person", "The lawyer", "person:fisk")], []),
    # Unnamed staff ("a spokesperson for X") is one person; "the aide" joins it; a predicate is no one.
    ("A spokesperson for Jane Roe declined. The aide said later that he, as a lawyer, knew better.",
     [("person", "A spokesperson for Jane Roe", "person:spokesperson@0"),
      ("person", "The aide", "person:spokesperson@0")], [("person", "a lawyer")]),
    # A run of capitalized words ending in an organisation head noun is no person.
    ("Ann Lee spoke at the Democratic National Convention on Monday.",
     [("organisation", "Democratic National Convention", "organisation:Democratic National Convention")],
     [("person", "Convention")]),
    # A word that changes the office belongs to the title ("Deputy Attorney General").
    ("Deputy Attorney General Rod Vance said the inquiry would go on.",
     [("person", "Deputy Attorney General Rod Vance", "person:vance")], []),
    ("Governor Bell? He smiled.", [("person", "Governor Bell", "person:bell"), ("person", "He", "")], []),
]


def _triples(mentions):
    return {(m.kind, m.text, m.entity) for m in mentions}


@pytest.mark.parametrize(("text", "expected", "absent"), GOLDEN, ids=[row[0][:40] for row in GOLDEN])
def test_golden_mentions(lexicons, text, expected, absent):
    found = mentions_of(text, lexicons)
    triples = _triples(found)
    for row in expected:
        assert row in triples, f"{row} not in {sorted(triples)}"
    for kind, word in absent:
        assert not any(m.kind == kind and m.text.endswith(word) for m in found), (kind, word)
    for m in found:
        assert text[m.start : m.end] == m.text


PRONOUNS = [
    # One candidate of the right gender: resolved.
    ("Mrs. Ann Hale met Mr. Tom Reed. He said it was fine.", "He", "person:reed"),
    # The subject wins over an object.
    ("Tom Reed met Bob Lang on Monday. He said it was fine.", "He", "person:reed"),
    # A lawyer's words: the client's possessive is not a subject.
    ("Mr. Cole's lawyer, Dan Fisk, said the case was weak. He added that it would end.", "He", "person:fisk"),
    # An earlier pronoun shows the gender.
    ("Pat Quinn said she would run. Mr. Sam Vale disagreed, but she did.", "she", "person:quinn"),
    ("Critics said they would sue.", "they", "group:critics"),
    # A main clause's subject outranks a complement's or an adverbial clause's.
    ("Pat Quinn criticized the plan but argued that Sam Vale was right. He said so twice.", "He", "person:quinn"),
    ("Pat Quinn listened while Sam Vale spoke. He nodded.", "He", "person:quinn"),
    # A name inside quotation marks is nobody's antecedent outside them.
    ("Fans of the “No Deal” caucus met when Sen. Pat Quinn spoke. He said no.", "He", "person:quinn"),
    # A name joined to an object by "and" is no subject.
    ("Pat Quinn said Sam Vale and Lee Roe would lose. He left.", "He", "person:quinn"),
]

UNRESOLVED = [
    # Two subjects, neither gender known: stays unresolved.
    ("Pat Quinn and Sam Vale spoke. He left.", "He", "ambiguous"),
    # Nobody within two sentences.
    ("It rained. It rained more. It rained again. Nobody came. She left.", "She", "no person"),
]


@pytest.mark.parametrize(("text", "pronoun", "entity"), PRONOUNS)
def test_pronoun_resolved(lexicons, text, pronoun, entity):
    found = [m for m in mentions_of(text, lexicons) if m.how == "pronoun" and m.text == pronoun]
    assert found and found[-1].resolved and found[-1].entity == entity, found


@pytest.mark.parametrize(("text", "pronoun", "reason"), UNRESOLVED)
def test_pronoun_unresolved_says_why(lexicons, text, pronoun, reason):
    found = [m for m in mentions_of(text, lexicons) if m.how == "pronoun" and m.text == pronoun]
    assert found and not found[-1].resolved and not found[-1].entity
    assert reason in found[-1].reason


def test_every_mention_names_its_rule(lexicons):
    text = "Sen. Pat Doe of Texas said on Friday the F.B.I. and critics were wrong. He left."
    for mention in mentions_of(text, lexicons):
        assert mention.how and mention.kind in {"person", "organisation", "place", "date", "document", "group"}


@pytest.mark.parametrize("text", ["", "...", "“", "A. B. C.", "Mr.", "MR. SMITH SAID NO.", "de la"])
def test_odd_text_gives_well_formed_mentions(lexicons, text):
    for mention in mentions_of(text, lexicons):
        assert text[mention.start : mention.end] == mention.text
        assert mention.resolved == bool(mention.entity)


def test_lone_pronoun_stays_unresolved(lexicons):
    (mention,) = mentions_of("He left.", lexicons)
    assert mention.how == "pronoun" and not mention.resolved and "no person" in mention.reason


@pytest.mark.parametrize("text", [
    "The search ended on Friday. Again Fox News reported that the men had fled.",
    "The search ended on Friday. Meanwhile Fox News reported that the men had fled.",
])
def test_a_sentence_opening_adverb_is_no_part_of_a_name_or_a_source(lexicons, text):
    """"Again Fox News reported": the outlet speaks; a capitalized adverb opening the sentence is not its name."""
    from framing.analysis import analyze_document

    assert all(m.text.split()[0] not in {"Again", "Meanwhile"} for m in mentions_of(text, lexicons))
    analysis = analyze_document(parse_text(text, lexicons), lexicons)
    assert [s.text for s in analysis.spans_of("source")] == ["Fox News"]


@pytest.mark.parametrize("text", ["Straw attacked on China arms", "Mayor attacked on budget", "Critics attacked by"])
def test_a_text_ending_right_after_a_reporting_verb_and_its_role_words_is_read(lexicons, text):
    """A headline with no final stop ("Straw attacked on China arms") once ran the reader of "said manager Jim
    Doe" past the last token: a crash on any such title."""
    from framing.analysis import analyze_document

    analysis = analyze_document(parse_text(text, lexicons), lexicons)
    assert all(0 <= s.start <= s.end <= len(text) for s in analysis.spans)
