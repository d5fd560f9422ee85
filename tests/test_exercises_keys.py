"""Keys a careful teacher reads as sound: voice labels (the article's own phrase), hedges (no "whether or not", no
ability "could", retold hedges are the source's), the headline against the sentence that states its claim,
rewrites whose every loaded word is in the key, and a masked self-citation without a stray "The". Every text here
is made up for the test."""

from __future__ import annotations

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises.doubt import passage_doubts, uncounted
from framing.exercises.kinds_headline import claim_sentence
from framing.exercises.kinds_text import rewrite_neutrally, whose_words
from framing.exercises.material import Material


def article(lexicons, text, *, id="a-1", outlet="Ledger", title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def voice_row(text, voice, kind="named_person", *, at=None, outlet="Ledger", article_id="a-1"):
    start = text.index(voice) if at is None else at
    return {"outlet": outlet, "article_id": article_id, "role": "legislators" if kind == "named_person" else kind,
            "voice": voice, "kind": kind, "via": "source", "start": float(start), "end": float(start + len(voice)),
            "confidence": 0.9, "role_reason": "", "role_term": ""}


# --- who is speaking --------------------------------------------------------------------------








# --- hedge hunt --------------------------------------------------------------------------------


def test_hedge_key_drops_whether_or_not_and_ability_could_and_finds_what_he_called(lexicons):
    text = ("The council will vote whether or not the mayor agrees. The mayor could not attend the hearing. "
            "He attacked what he called a reckless plan. The plan may fail.")
    a = article(lexicons, text)
    found = [d.text.lower() for d in passage_doubts(lexicons, a, 0, len(text))]
    assert "whether or not" not in found and "could" not in found
    assert "may" in found and any(d.startswith("what he called") for d in found)


def test_a_bare_could_is_only_also_accept(lexicons):
    text = "The storm could put the harvest at risk this week."
    a = article(lexicons, text)
    counted = passage_doubts(lexicons, a, 0, len(text))
    assert "could" not in [d.text.lower() for d in counted]
    assert "could" in [d.text.lower() for d in uncounted(lexicons, a, 0, len(text), counted)]


def test_a_hedge_in_a_retold_claim_is_the_sources(lexicons):
    text = "The mayor said that the new plan may fail next year."
    a = article(lexicons, text)
    [may] = [d for d in passage_doubts(lexicons, a, 0, len(text)) if d.text == "may"]
    assert whose_words(a, may) == "a source, retold"


# --- headline check --------------------------------------------------------------------------


def test_headline_is_checked_against_the_lede_that_states_it(lexicons):
    text = ("The city council approved the new park budget on Tuesday. The vote was close. "
            "Last year the council discussed the possibility of a park budget.")
    a = article(lexicons, text, title="Council approves park budget")
    m = Material([a], {}, lexicons)
    later = text.index("Last year")
    row = {"article_id": "a-1", "headline": "Council approves park budget", "body_start": float(later)}
    assert claim_sentence(m, row) == 0
    assert claim_sentence(m, {**row, "headline": "Storm hits coast towns"}) is None


def test_headline_is_checked_against_the_lede_even_when_a_later_sentence_shares_more_names(lexicons):
    # a teacher found a headline set against a weaker second sentence ("according to an indictment") while the
    # lede stated the claim as surely: the first sentence is the one checked when it states the claim
    text = ("Prosecutors revealed a direct link between the Rowe campaign and the Lantern group on Friday. "
            "A Rowe campaign aide sent Tom Hale to the Lantern group, prosecutors said in an indictment of Tom Hale. "
            "The aide did not comment.")
    m = Material([article(lexicons, text)], {}, lexicons)
    row = {"article_id": "a-1", "headline": "Indicting Tom Hale, Prosecutors Show Link Between Rowe Campaign "
           "and Lantern", "body_start": float(text.index("A Rowe"))}
    assert claim_sentence(m, row) == 0


def test_headline_doubt_in_a_subordinate_clause_or_on_another_word_is_not_the_claims(lexicons):
    from framing.exercises.kinds_headline import headline_doubts

    text = ("Senators called on the mayor to cancel the meeting after charges were filed against two officers for "
            "allegedly hacking the files.")
    m = Material([article(lexicons, text)], {}, lexicons)
    row = {"article_id": "a-1", "headline": "Senators call on mayor to cancel meeting", "body_start": 0.0,
           "headline_hedges": []}
    assert headline_doubts(m, row) == ([], [])  # "allegedly" hedges the hacking, in the "after" clause


def test_headline_less_sure_only_when_the_sentence_has_no_doubt_at_all(lexicons):
    from framing.exercises.kinds_headline import headline_doubts, verdict_holds

    text = "The adviser warned on Monday that failure to pass the budget would raise the risk of a recession."
    m = Material([article(lexicons, text)], {}, lexicons)
    row = {"article_id": "a-1", "headline": "Recession may follow failed budget", "body_start": 0.0}
    doubts = headline_doubts(m, row)
    assert doubts == (["may"], [])  # "would" is no sure doubt word, so the sentence lists none
    assert not verdict_holds(m, row, doubts)  # but "would raise the risk" is no surer than "may"


# --- rewrite neutrally ------------------------------------------------------------------------


def test_rewrite_skips_a_sentence_with_a_loaded_word_the_key_leaves_out(lexicons):
    plain = "The mayor slammed the plan for the park on Monday in the city hall."
    mixed = "The mayor slammed the so-called plan for the park on Monday in the city hall."
    assert rewrite_neutrally(Material([article(lexicons, plain)], {}, lexicons))
    analysis = article(lexicons, mixed)
    assert any(s.category == "distancing" for s in analysis.spans_of("loaded"))
    assert rewrite_neutrally(Material([analysis], {}, lexicons)) == []


# --- blind mode ------------------------------------------------------------------------------


def test_a_masked_self_citation_drops_the_article_before_the_name(lexicons):
    text = "The mayor said in an email to The Daily Planet that the park would open in May."
    a = article(lexicons, text, outlet="Daily Planet")
    m = Material([a], {}, lexicons, blind=True)
    m.body_text(a, 0, len(text))
    [note] = m.giveaways
    assert "to Source A" in note["sentence"] and "The Source A" not in note["sentence"]


def test_a_hedge_before_according_to_is_the_sources(lexicons):
    text = "The plan would cut costs next year, according to the budget office."
    a = article(lexicons, text)
    [would] = [d for d in passage_doubts(lexicons, a, 0, len(text)) if d.text == "would"]
    assert whose_words(a, would) == "a source, retold"


def test_appeared_in_court_is_no_hedge(lexicons):
    text = "The senator appeared briefly in court on Friday. The deal appeared to collapse."
    a = article(lexicons, text)
    found = [(d.text, d.start) for d in passage_doubts(lexicons, a, 0, len(text))]
    assert ("appeared", text.index("appeared")) not in found
    assert ("appeared", text.rindex("appeared")) in found


def test_a_condition_is_in_the_key_as_the_worksheet_defines_it(lexicons):
    """The worksheet lists "if" as a kind of hedge, so the key lists it; a hedge noun is only "also accept"."""
    text = "If the vote fails next week, the plan may die."
    a = article(lexicons, text)
    counted = passage_doubts(lexicons, a, 0, len(text))
    assert [d.text for d in counted] == ["If", "may"]


def test_rewrite_skips_a_loaded_word_that_reports_a_reaction(lexicons):
    judged = "The mayor showed his ridicule of the plan on Monday in the city hall."
    reported = "The mayor drew public ridicule for the plan on Monday in the city hall."
    assert rewrite_neutrally(Material([article(lexicons, judged)], {}, lexicons))
    assert rewrite_neutrally(Material([article(lexicons, reported)], {}, lexicons)) == []
    met = "The mayor's plan was met with public ridicule on Monday in the city hall."
    assert rewrite_neutrally(Material([article(lexicons, met)], {}, lexicons)) == []


def test_an_if_that_addresses_the_listener_is_no_condition_in_the_key(lexicons):
    text = "If you're listening, Mr. Mayor, the bridge may fall before May."
    a = article(lexicons, text)
    assert [d.text for d in passage_doubts(lexicons, a, 0, len(text))] == ["may"]


def test_an_if_that_reports_a_question_is_no_condition_in_the_key(lexicons):
    # a reader's "if" after "asked" is "whether": the worksheet's condition it is not
    text = "Asked by a reporter if the mayor was the leading choice, the governor said yes. The vote may wait."
    a = article(lexicons, text)
    assert [d.text for d in passage_doubts(lexicons, a, 0, len(text))] == ["may"]
    conditional = "The vote may wait if the council asks for more time."
    assert "if" in [d.text for d in passage_doubts(lexicons, article(lexicons, conditional), 0, len(conditional))]


def test_a_hedge_passage_never_skips_a_sentence():
    from framing.exercises.kinds_text import contiguous

    assert contiguous([0, 1, 2, 3, 5]) == [0, 1, 2, 3]
    assert contiguous([4, 5, 6]) == [4, 5, 6]
    assert contiguous([]) == []


def test_an_if_with_you_that_sets_a_condition_stays_in_the_key(lexicons):
    text = "If you help me win this race, you may have a friend on the committee."
    assert "If" in [d.text for d in passage_doubts(lexicons, article(lexicons, text), 0, len(text))]


def test_a_source_named_only_by_the_and_a_noun_is_not_clear(lexicons):
    from framing.exercises.kinds_compare import points_back

    m = Material([], {}, lexicons)
    assert points_back(m, "The article")  # which article: an earlier sentence says
    assert not points_back(m, "The mayor") and not points_back(m, "The Ledger")


def test_a_wh_question_headline_or_a_question_sentence_is_no_claim_to_check(lexicons):
    from framing.exercises.kinds_headline import states_no_claim

    text = "Ann Bell won the primary on Tuesday. So who is Ann Bell, and how did she win?"
    m = Material([article(lexicons, text)], {}, lexicons)
    assert states_no_claim(m, {"article_id": "a-1", "headline": "Who is Ann Bell?"}, 0)
    assert states_no_claim(m, {"article_id": "a-1", "headline": "Bell wins primary"}, text.index("So who"))
    assert not states_no_claim(m, {"article_id": "a-1", "headline": "Did Bell win the primary?"}, 0)


def test_what_critics_call_is_second_hand(lexicons):
    text = "He supported what critics call amnesty for the workers."
    found = [d.text for d in passage_doubts(lexicons, article(lexicons, text), 0, len(text))]
    assert found == ["what critics call"]
    demand = "He supported what voters call for in the town."
    assert passage_doubts(lexicons, article(lexicons, demand), 0, len(demand)) == []
    emphasis = "“That is what I call a fine turnout,” the mayor said of the crowd."
    assert passage_doubts(lexicons, article(lexicons, emphasis), 0, len(emphasis)) == []  # a speaker's own emphasis
