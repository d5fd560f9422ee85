"""Who is speaking?: what the key calls each voice is the article's whole name-with-role (mention layer).

Short texts of our own; each test names the reading a teacher found wrong.
"""

from __future__ import annotations

import pytest

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises.material import Material
from framing.exercises.voices import label_of, quotes_of_another, unnamed

TEXT = ("Deputy Attorney General Ann Rowe announced the charges on Friday. Sen. Tom Hale (D-Conn.) said the charges "
        "were serious. Sen. Mark Dunn, the top Democrat on the panel, said the meeting should wait. Senator Roy Katz, "
        "a Republican who has criticized the governor, spoke later. Mr. Katz, a lawyer, said a simple majority may "
        "be enough. Majority Leader Jim Boyd, R-Ky., said nothing. Senator Al Ross, Republican of Ohio, agreed.")


@pytest.fixture(scope="module")
def material(lexicons):
    analysis = analyze_document(parse_text(TEXT, lexicons, id="a-1", outlet="Ledger"), lexicons)
    return Material([analysis], {}, lexicons)


def row(voice: str, at: int) -> dict:
    return {"outlet": "Ledger", "article_id": "a-1", "voice": voice, "kind": "named_person", "via": "source",
            "start": float(at), "end": float(at + len(voice)), "role_reason": "", "role_term": ""}


def test_a_modifier_opening_a_sentence_stays_in_the_title(material):
    # a teacher found "Attorney General" for a deputy whose title opened a paragraph
    assert label_of(material, row("Ann Rowe", TEXT.index("Ann Rowe"))) == "Deputy Attorney General Ann Rowe"


def test_the_party_state_tag_and_the_words_before_the_title_stay(material):
    assert label_of(material, row("Tom Hale", TEXT.index("Tom Hale"))) == "Sen. Tom Hale (D-Conn.)"
    assert label_of(material, row("Jim Boyd", TEXT.index("Jim Boyd"))) == "Majority Leader Jim Boyd, R-Ky."
    assert label_of(material, row("Al Ross", TEXT.index("Al Ross"))) == "Senator Al Ross, Republican of Ohio"


def test_an_appositive_after_the_name_is_part_of_the_label(material):
    label = label_of(material, row("Mark Dunn", TEXT.index("Mark Dunn")))
    assert label == "Sen. Mark Dunn, the top Democrat on the panel"


def test_a_later_description_comes_with_the_introduction(material):
    # a teacher found a senator labelled only "a lawyer", the one later sentence's words
    label = label_of(material, row("Katz", TEXT.index("Mr. Katz") + 4))
    assert label.startswith("Senator Roy Katz, a Republican (4)")  # cut before "who has criticized …"
    assert label.endswith("Mr. Katz, a lawyer (5)")


def test_a_courtesy_title_alone_is_no_label(lexicons):
    text = "Mrs. Lane said the vote would wait."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    assert label_of(Material([analysis], {}, lexicons), row("Lane", text.index("Lane"))) == ""


def test_unnamed_sources_are_no_voices(material):
    assert unnamed(material, row("Administration officials", 0))
    assert unnamed(material, row("A spokesperson for Hale", 0))
    assert not unnamed(material, row("Tom Hale", 0))


def test_a_quote_between_two_people_is_not_credited(lexicons):
    # a teacher found a president's words credited to the White House
    text = ("The council met on Monday. As Mayor Ann Bell calls the plan a \"power grab,\" Governor Tom Reed "
            "downplayed the vote. \"We will go on,\" Reed said.")
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    quoted = {q.start for q in analysis.spans_of("quote")}
    assert quoted  # both quotations are read as speech
    assert quotes_of_another(analysis) == {1}  # the second sentence only; "Reed said" names its speaker


def test_a_dateline_place_and_a_gerund_are_no_voices(lexicons):
    from framing.exercises.voices import a_place

    text = "WASHINGTON — The mayor said the vote was fair. Attacking Ann Bell, the mayor said the plan was weak."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    m = Material([analysis], {}, lexicons)
    assert a_place(m, {**row("WASHINGTON", 0), "kind": "institution"})  # a teacher found a dateline as a voice
    assert unnamed(m, row("Attacking Ann Bell", text.index("Attacking")))


def test_labels_of_two_different_departments_are_not_one_entity():
    from framing.exercises.kinds_compare import one_referent

    justice = {"label": "Justice Department"}
    assert one_referent("Department", [justice, {"label": "“deep state” Justice Department"}])
    assert not one_referent("Department", [justice, {"label": "the State Department"}])


def test_a_person_sharing_a_surname_with_another_gets_no_label(lexicons):
    # the mention layer tied a president's "he said" to a movement named after him: no label beats a wrong one
    text = ("Ann Bell spoke for the Stop Bell movement. President Tom Bell said the vote was fair. "
            "Later he said more.")
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    m = Material([analysis], {}, lexicons)
    assert label_of(m, row("Tom Bell", text.index("Tom Bell"))) == ""


def test_a_plural_title_is_no_label_of_one_person(lexicons):
    text = "Reps. Al Ross of Ohio and Ann Bell of Iowa objected. Ross said the deal was bad."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    label = label_of(Material([analysis], {}, lexicons), row("Ross", text.rindex("Ross")))
    assert label == "Al Ross of Ohio"


def test_a_voice_is_placed_at_its_name_not_where_its_row_starts(lexicons):
    from framing.exercises.voices import voice_sentence

    text = "The emails went to a server while she was secretary of state.\n\nMrs. Lane, in a book, said it hurt."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    spanning = {**row("Lane", text.index("secretary")), "end": float(text.index("Lane") + 4)}
    assert voice_sentence(analysis, spanning) == 1


def test_a_body_is_labelled_only_by_its_own_appositive(lexicons):
    # a teacher found "Supreme Court." given as the label of a group named before it
    text = "Fix the Ledger, a group that pushes for reform at the Supreme Court, counted the cases."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Paper"), lexicons)
    body = {**row("Fix the Ledger", 0), "kind": "institution", "outlet": "Paper"}
    assert label_of(Material([analysis], {}, lexicons), body) == "a group"


def test_a_later_naming_that_only_drops_first_names_adds_nothing(material, lexicons):
    text = "Justice Ann Bell spoke on Monday. Justice Bell said the case was closed."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    label = label_of(Material([analysis], {}, lexicons), row("Bell", text.rindex("Bell")))
    assert label == "Justice Ann Bell"


def test_a_naming_inside_a_quotation_is_not_what_the_article_calls_someone(lexicons):
    text = 'Ann Bell spoke on Monday. "Secretary Bell must appear," the chairman wrote. Bell said no.'
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    assert label_of(Material([analysis], {}, lexicons), row("Bell", text.rindex("Bell"))) == ""


def test_a_role_read_from_inside_a_quotation_is_no_fallback_label(lexicons):
    text = 'The chairman wrote: "Director Bell must appear." Bell said no.'
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    at = text.index("Director")
    voice = {**row("Bell", text.rindex("Bell")), "role_reason": f"title 'Director' at {at}-{at + 8}"}
    assert label_of(Material([analysis], {}, lexicons), voice) == ""


def test_a_title_and_surname_without_her_given_name_is_no_label(lexicons):
    # a strict teacher: the president's daughter was labelled "President Obama"
    text = "President Hale spoke on Monday. Mia Hale, 16, said the trip was long. President Hale said it was fine."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    label = label_of(Material([analysis], {}, lexicons), row("Mia Hale", text.index("Mia Hale")))
    assert "President Hale" not in label


def test_a_label_cut_after_a_title_is_none(lexicons):
    from framing.exercises.voices import whole_label

    m = Material([], {}, lexicons)
    assert not whole_label(m, "the communications director for Rep", "Ann Lee", set())
    assert whole_label(m, "the communications director for Rep. Tom Hale", "Ann Lee", set())


def test_a_name_cut_before_its_of_phrase_is_no_voice(lexicons):
    text = "The Office of Public Works said the road was closed."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    m = Material([analysis], {}, lexicons)
    cut = {**row("The Office", 0), "kind": "institution"}
    assert unnamed(m, cut)
    assert not unnamed(m, {**row("The Office of Public Works", 0), "kind": "institution"})


def test_a_quote_whose_speaker_is_only_a_pronoun_is_not_keyed(lexicons):
    from framing.exercises.voices import speaker_not_named_there

    text = "Tom Hale lost the vote on Monday. “We will try again,” he said. “It was close,” Ann Lee said."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    assert speaker_not_named_there(analysis) == {1}


def test_a_label_is_the_name_not_its_possessive(lexicons):
    text = "Prime Minister Ann Lee’s visit will go ahead. Ann Lee said the talks would help."
    analysis = analyze_document(parse_text(text, lexicons, id="a-1", outlet="Ledger"), lexicons)
    label = label_of(Material([analysis], {}, lexicons), row("Ann Lee", text.rindex("Ann Lee")))
    assert not label.endswith(("’s", "'s"))
