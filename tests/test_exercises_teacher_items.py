"""A strict teacher's reading of blind lessons: programme names hidden whole, hedge keys with only clear-cut
answers, "same fact" word lists of loaded words. Short texts written for the tests."""

from __future__ import annotations

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises.material import Material
from framing.exercises.outlet_names import PROGRAMME_HIDDEN


def article(lexicons, text, *, id="a-1", outlet="Ledger", title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def test_a_programme_named_after_an_outlet_is_hidden_whole_and_listed(lexicons):
    """"on the Fox News program “Fox and Friends.”" once read "program “Source A.”": garbled, and a giveaway."""
    text = "The mayor spoke on Monday. Ms. Cole said on the Fox News program “Fox and Friends.” She left."
    times = article(lexicons, text, id="t-1", outlet="nyt")
    fox = article(lexicons, "The council met on Monday to vote on the bridge.", id="f-1", outlet="fox")
    m = Material([times, fox], {}, lexicons, blind=True)
    shown = m.body_text(times, 0, len(text))
    assert f"program {PROGRAMME_HIDDEN}. She left" in shown
    assert "Friends" not in shown and m.letters["fox"] + "." not in shown
    shows = [g for g in m.giveaways if g["programme"]]
    assert [(g["text"], g["letter"]) for g in shows] == [("Fox and Friends", m.letters["fox"])]
    assert "Friends" not in shows[0]["sentence"]


def doubts_of(lexicons, text):
    from framing.exercises.doubt import passage_doubts
    from framing.exercises.hedge_key import split_answers

    analysis = article(lexicons, text)
    plain, discuss = split_answers(lexicons, analysis, passage_doubts(lexicons, analysis, 0, len(text)))
    return analysis, [d.text for d in plain], [d.text for d, _ in discuss]


def test_a_named_persons_belief_is_discussed_not_a_plain_answer(lexicons):
    _, plain, discuss = doubts_of(lexicons, "Senator Reid thinks that the park should be built elsewhere. "
                                            "The vote may come next week.")
    assert plain == ["may"] and discuss == ["thinks"]


def test_a_hedge_in_a_question_is_discussed(lexicons):
    _, plain, discuss = doubts_of(lexicons, "The council met on Monday. Do you think the council would allow "
                                            "a stadium there?")
    assert plain == [] and "think" in discuss


def test_an_agentless_belief_and_a_first_person_one_are_plain_hedges(lexicons):
    _, plain, discuss = doubts_of(lexicons, "The deal is widely believed to be dead. "
                                            "“I think the bridge will open late,” the mayor said.")
    assert any(w.startswith("believed") for w in plain) and "I think" in plain and discuss == []


def test_contending_and_what_critics_call_are_second_hand(lexicons):
    _, plain, _ = doubts_of(lexicons, "The professor won the race, contending that the mayor supported what "
                                      "critics call a giveaway to developers.")
    assert "contending" in plain and "what critics call" in plain


def test_suggest_before_an_ing_verb_is_a_proposal_not_a_hedge(lexicons):
    _, plain, discuss = doubts_of(lexicons, "At noon the spokesman suggested saying that the office was told. "
                                            "The board may meet again.")
    assert "suggested" not in plain + discuss and plain == ["may"]


def test_a_belief_inside_a_retold_claim_is_the_sources_words(lexicons):
    from framing.exercises.kinds_text import whose_words

    analysis, _, _ = doubts_of(lexicons, "The mayor said that voters who believed the rumour stayed home.")
    from framing.exercises.doubt import passage_doubts

    believed = [d for d in passage_doubts(lexicons, analysis, 0, 70) if d.text == "believed"]
    assert believed and whose_words(analysis, believed[0]) == "a source, retold"






def test_a_quoted_remark_followed_by_its_speaker_is_no_loaded_word():
    from framing.exercises.fact_words import spoken

    text = "“He’s cool,” Lt. Gov. Tim Murray said of him. The so-called “reform,” which passed, failed."
    assert spoken(text, text.index("Lt.") - 1)
    assert not spoken(text, text.index(" which"))


def test_same_fact_leaves_out_a_confident_row_that_shares_only_topic_words(lexicons):
    """Confidence alone let through an appointment set against who should not run (similarity 0.14)."""
    from test_exercises_sound import fact_rows

    from framing.exercises.kinds_compare import FACT_SIMILARITY, same_fact

    a = article(lexicons, "The council may approve the budget on Monday. Members met.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The council will approve the budget on Monday. Members met.", id="b-1", outlet="Herald")
    rows = fact_rows(a, b, 0.95)
    assert len(same_fact(Material([a, b], {"facts": rows}, lexicons))) == 1
    rows.loc[1, "similarity"] = FACT_SIMILARITY - 0.05
    assert same_fact(Material([a, b], {"facts": rows}, lexicons)) == []


def test_a_claim_word_inside_a_retold_claim_is_the_sources(lexicons):
    """"They add that they passed bills that they contend will help": the contention is retold, not the writer's;
    "as the campaign claims" stays the writer's marker."""
    from framing.exercises.doubt import passage_doubts
    from framing.exercises.kinds_text import whose_words

    text = ("Republicans spoke on Monday. They add that they passed ten bills that they contend will help "
            "workers. The plan cuts costs, as the campaign claims.")
    analysis = article(lexicons, text)
    found = {d.text: whose_words(analysis, d) for d in passage_doubts(lexicons, analysis, 0, len(text))}
    assert found["contend"] == "a source, retold" and found["claims"] == "the writer"


def test_rewrite_takes_no_loaded_word_from_a_retold_claim(lexicons):
    """"The mayor said voters believed the plan was a stunning failure": the mayor's wording, not the writer's."""
    from framing.exercises.kinds_text import lexicon_loaded

    def loaded_words(text):
        analysis = article(lexicons, text)
        m = Material([analysis], {}, lexicons)
        return [s.text for s in lexicon_loaded(m, analysis, 0, len(text))]

    assert loaded_words("The plan was a stunning failure for the city.") == ["stunning"]
    assert loaded_words("The mayor said that voters believed the plan was a stunning failure.") == []


def test_a_contracted_would_is_listed_for_the_teacher_to_accept(lexicons):
    from framing.exercises.doubt import uncounted

    text = "Congress wouldn't be focused on jobs if not for the president, Carney said."
    analysis = article(lexicons, text)
    assert "wouldn't" in [d.text for d in uncounted(lexicons, analysis, 0, len(text), [])]


def test_a_condition_and_its_would_are_discussed_not_plain_answers(lexicons):
    """A strict teacher: "if" as often sets out a deal, a comparison or a rule's terms as it doubts."""
    _, plain, discuss = doubts_of(lexicons, "The mayor offered him a seat on the board if he would leave the race.")
    assert plain == [] and "if" in discuss and "would" in discuss


def test_a_would_in_a_comparison_with_if_is_discussed(lexicons):
    _, plain, discuss = doubts_of(lexicons, "Married couples would pay more in tax than if they were single.")
    assert "would" not in plain and "if" in discuss and "if" not in plain


def test_a_claim_to_a_thing_is_ownership_not_second_hand(lexicons):
    _, plain, discuss = doubts_of(lexicons, "The museum claims the painting. Her claim to the painting is old.")
    assert plain.count("claims") == 1 and "claim" not in plain + discuss




def test_whose_words_is_only_stated_where_the_sentence_shows_it(lexicons):
    """Writer's: no quotation, no other cue; quoted: inside quotation marks; retold: inside a governed claim; a
    hedge after a negated saying, or beside a quotation outside its marks, is left for discussion."""
    from framing.exercises.doubt import passage_doubts
    from framing.exercises.kinds_text import QUOTED, RETOLD, UNSURE, WRITER, whose_words

    cases = (("The dam may fail in spring.", "may", WRITER),
             ("“The dam may fail,” the engineer said on Monday.", "may", QUOTED),
             ("The engineer said that the dam may fail.", "may", RETOLD),
             ("The engineer has not yet said whether the dam will hold.", "whether", UNSURE),
             ("The engineer told the council on Monday whether the dam will hold.", "whether", UNSURE),
             ("The dam may fail in spring, and the mayor called it “a scandal.”", "may", UNSURE))
    for text, word, expected in cases:
        analysis = article(lexicons, text)
        found = [d for d in passage_doubts(lexicons, analysis, 0, len(text)) if d.text == word]
        assert found and whose_words(analysis, found[0]) == expected, text


def test_a_claim_word_in_the_writers_clause_gets_one_label_in_every_form(lexicons):
    from framing.exercises.doubt import passage_doubts
    from framing.exercises.kinds_text import whose_words

    labels = []
    for verb in ("claimed", "claiming"):
        text = f"The firm sued the city on Monday, {verb} the tax was unfair."
        analysis = article(lexicons, text)
        labels += [whose_words(analysis, d) for d in passage_doubts(lexicons, analysis, 0, len(text))
                   if d.text == verb]
    assert len(labels) == 2 and len(set(labels)) == 1




def test_a_reported_fear_is_not_offered_as_a_hedge(lexicons):
    from framing.exercises.doubt import uncounted

    text = "Residents feared the river would rise. The dam is reportedly weak."
    words = [d.text for d in uncounted(lexicons, article(lexicons, text), 0, len(text), [])]
    assert "feared" not in words


def test_a_number_is_never_who_says_so(lexicons):
    from framing.exercises.doubt import who_says

    for text in ("On Friday, the aide, Mia Lane, 31, who has many followers online, wrote a letter to the twins on "
                 "her page, saying they should “try harder” at school.", "The aide, 31, said the road was closed."):
        analysis = article(lexicons, text)
        assert all(not name[:1].isdigit() for name in who_says(analysis, 0, len(text)) or [])


def test_a_rewrite_sentence_with_a_distancing_verb_or_hedge_is_not_chosen(lexicons):
    """The key names loaded words only: "by insisting that he merely meant" would be colour it leaves out."""
    from framing.exercises.kinds_text import lexicon_loaded, unkeyed_loaded

    m = Material([], {}, lexicons)
    for text, expected in (("The mayor's notorious plan failed.", False),
                           ("The mayor's notorious plan may fail.", True)):
        analysis = article(lexicons, text)
        keyed = lexicon_loaded(m, analysis, 0, len(text))
        assert keyed and unkeyed_loaded(analysis, keyed) is expected


def test_a_neutral_alternative_that_does_not_fit_is_not_shown(lexicons):
    from framing.exercises.rewrite import fitting_alternative

    assert fitting_alternative("harshest", "strong; strict") is None


def test_a_frame_passage_is_the_writers_own_sentence(lexicons):
    from framing.exercises.kinds_frames import writers_own

    text = ("The council cut the school budget on Monday. “We will fight this cut in every court we can,” the union "
            "said. Dear members, we ask you to stand with our teachers.")
    analysis = article(lexicons, text)
    assert [writers_own(analysis, text.index(p)) for p in ("The council", "“We will", "Dear")] == [True, False, False]




def test_an_alternative_that_is_an_instruction_is_no_drop_in_word():
    from framing.exercises.rewrite import fitting_alternative

    assert fitting_alternative("extrajudicial", "without trial (attribute the characterisation)") is None
    assert fitting_alternative("slammed", "criticised") == "criticised"


def test_a_tweet_set_out_without_quote_marks_is_not_the_writers_own(lexicons):
    from framing.exercises.sound import writers_own

    text = "The mayor wrote on Monday. The judge has embarrassed all by making very dumb statements about me."
    analysis = article(lexicons, text)
    assert writers_own(analysis, 0) and not writers_own(analysis, text.index("The judge"))


def test_a_consequence_and_a_test_are_discussed_not_plain_hedges(lexicons):
    _, plain, discuss = doubts_of(lexicons, "Couples would receive benefits as long as they are married. "
                                            "The office uses a rule for determining whether couples are eligible.")
    assert "would" not in plain and "whether" not in plain and {"would", "whether"} <= set(discuss)


def test_a_fact_noted_by_another_outlet_is_not_the_writers(lexicons):
    from framing.exercises.kinds_compare import fact_wording

    text = "The mayor spoke on Monday. His district, as LDG notes, is 35 percent Latino."
    analysis = article(lexicons, text)
    m = Material([analysis], {}, lexicons)
    wording = fact_wording(m, {"article_id": "a-1", "start": text.index("His")})
    assert wording is None or wording[1] != []


def test_would_be_expected_to_is_discussed_as_a_norm(lexicons):
    _, plain, discuss = doubts_of(lexicons, "The deputy, who as chair would be expected to attend, will travel abroad.")
    assert not {"would", "expected to"} & set(plain) and discuss


def test_an_attitude_is_not_offered_as_a_hedge(lexicons):
    from framing.exercises.doubt import uncounted

    text = "The mayor has long been skeptical of the talks. The deal could stall."
    words = [d.text for d in uncounted(lexicons, article(lexicons, text), 0, len(text), [])]
    assert "skeptical" not in words


def test_a_claim_noun_after_a_describing_word_is_no_second_hand_marker(lexicons):
    _, plain, discuss = doubts_of(lexicons, "The mayor made the false claim that taxes fell. "
                                            "The firm claims that taxes fell, as the campaign claims.")
    assert "claim" not in plain + discuss and plain.count("claims") == 2


def test_a_key_that_lists_one_form_of_a_hedge_word_and_not_another_is_uneven(lexicons):
    from framing.exercises.doubt import passage_doubts
    from framing.exercises.hedge_key import uneven_forms

    for text, expected in (("The vote is expected to pass. Aides expect a delay.", True),
                           ("The vote is expected to pass. Aides want a delay.", False)):
        analysis = article(lexicons, text)
        listed = [d for d in passage_doubts(lexicons, analysis, 0, len(text)) if d.text.startswith("expected")]
        assert listed and uneven_forms(text, 0, len(text), listed) is expected




def test_a_same_fact_pair_with_the_same_speaker_and_no_other_difference_teaches_nothing():
    from framing.exercises.kinds_compare import teaches_a_difference

    def version(doubts, who, loaded=()):
        return {"_wording": (list(doubts), list(who), list(loaded))}

    assert not teaches_a_difference([version(["accused"], ["Dana Holt"]), version(["accused"], ["the mayor"])])
    assert not teaches_a_difference([version([], ["Holt"]), version([], ["Mayor Dana Holt"])])
    assert teaches_a_difference([version(["accused"], ["Holt"]), version(["said"], ["Holt"])])
    assert teaches_a_difference([version([], ["Holt"]), version([], [])])
    assert teaches_a_difference([version([], ["Holt"]), version([], ["Rita Vance"])])
    # loaded words alone: the key leaves them to the class, so its rows would read the same
    assert not teaches_a_difference([version([], [], ["notorious"]), version([], [])])






def test_a_concession_as_it_may_sound_is_no_hedge_in_the_key(lexicons):
    """"Absurd as it may sound" grants a point; a blind teacher found its "may" keyed as a sure modal hedge."""
    from framing.exercises.doubt import passage_doubts, uncounted
    from framing.exercises.hedge_key import sure_answers

    text = "Absurd as it may sound, the bridge was built in a week. As strange as it might seem, the vote may slip."
    analysis = article(lexicons, text)
    doubts = passage_doubts(lexicons, analysis, 0, len(text))
    assert [d.text for d in sure_answers(lexicons, analysis, doubts)] == ["may"]
    assert [d.start for d in doubts] == [text.index("may slip")]
    assert uncounted(lexicons, analysis, 0, len(text), doubts) == []  # not even offered for the teacher to accept
    assert [s.text for s in analysis.spans_of("hedge")] == ["may"]  # the report counts the same
