"""Keys correct by construction: each who-is-speaking sentence names its own speaker beside one sure saying verb,
a hedge hunt asks for at least as many hedges as its key is sure of, a headline check needs two different doubt
words, a rewrite names the words its key replaces. Every text here is made up for the test."""

from __future__ import annotations

import pytest

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises import kinds_speakers
from framing.exercises.doubt import passage_doubts
from framing.exercises.hedge_key import sure_answers
from framing.exercises.kinds_speakers import EXACT, RETOLD, said_sentence, who_speaks
from framing.exercises.kinds_text import MIN_HEDGES, hedge_hunt
from framing.exercises.material import Material


def article(lexicons, text, *, id="a-1", outlet="Ledger"):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet), lexicons)


def readings(lexicons, text):
    """``{sentence index: (who, cue words, how)}`` for the sentences the key may use."""
    a = article(lexicons, text)
    m = Material([a], {}, lexicons)
    found = {n: said_sentence(m, a, n) for n in range(len(a.document.sentences))}
    return {n: (s.who, s.cue.text, s.how) for n, s in found.items() if s is not None}


SAID = ("“The park will open in May,” said Dana Holt. Rita Vance told reporters that the cost was far too high. "
        "“We will vote on Friday,” Council President Sam Reed said.")


def test_a_named_speaker_beside_one_saying_verb_is_keyed_with_how_the_words_are_given(lexicons):
    assert readings(lexicons, SAID) == {0: ("Dana Holt", "said", EXACT), 1: ("Rita Vance", "told", RETOLD),
                                        2: ("Council President Sam Reed", "said", EXACT)}


@pytest.mark.parametrize("text", [
    "He said the park would open in May next year.",  # a pronoun: who "he" is lies outside the sentence
    "Jeff Moss, along with Rita Vance, said the cost was far too high.",  # a second speaker beside the first
    "Mayor Dana Holt said Rita Vance told her the park would open in May.",  # two saying verbs, two speakers
    "Dana Holt said the plan was “a fine idea” for the town and its parks.",  # part quoted, part retold
    "Max Rich, vice president of the Committee to Save Parks and Gardens, an advocacy group, said the timing was "
    "bad.",  # the name beside the verb ("Gardens") is not the speaker's
    "The mayor said the park would open in May next year.",  # no name to write down
    "The lawyer for Mrs. Dana Holt, Sam Reed, said the park would open in May.",  # the name is not the speaker
    "The phrase quoted by Dana Holt is not in the city charter at all.",  # Holt says nothing in this sentence
])
def test_a_sentence_whose_speaker_or_words_are_unsure_is_not_keyed(lexicons, text):
    assert readings(lexicons, text) == {}


def test_a_speaker_below_the_score_bar_is_never_keyed(lexicons, monkeypatch):
    a = article(lexicons, SAID)
    m = Material([a], {}, lexicons)
    keyed = [said_sentence(m, a, n) for n in range(3)]
    assert all(s is not None and s.cue.counted and float(s.cue.attrs["score"]) >= kinds_speakers.SURE_SCORE
               for s in keyed)
    lowest = min(float(s.cue.attrs["score"]) for s in keyed if s is not None)
    monkeypatch.setattr(kinds_speakers, "SURE_SCORE", lowest + 1e-6)
    assert [said_sentence(m, a, n) for n in range(3)].count(None) >= 1


def test_who_speaks_needs_three_sentences_and_two_speakers(lexicons):
    m = Material([article(lexicons, SAID)], {}, lexicons)
    [candidate] = who_speaks(m)
    item = candidate.make()
    rows = item["key"]["tables"][0]["rows"]
    assert [row[2] for row in rows] == ["Dana Holt", "Rita Vance", "Council President Sam Reed"]
    assert len(item["table_task"]["rows"]) == 3
    one_speaker = "“The park will open,” said Dana Holt. Dana Holt told reporters that the cost was too high."
    assert who_speaks(Material([article(lexicons, one_speaker)], {}, lexicons)) == []
    notes = " ".join(item["key"]["notes"])
    assert "“Reed” or “Council President Sam Reed”" not in notes and "“Holt” or “Dana Holt”" in notes
    assert "Kaine" not in notes  # an example from this item's own speakers, never another story's


def test_who_speaks_needs_both_exact_and_retold_words(lexicons):
    all_exact = ("“The park will open in May,” said Dana Holt. “The cost is far too high,” Rita Vance said. "
                 "“We will vote on Friday,” Council President Sam Reed said.")
    assert {how for _, how in [(w, h) for w, _, h in readings(lexicons, all_exact).values()]} == {EXACT}
    assert who_speaks(Material([article(lexicons, all_exact)], {}, lexicons)) == []


HEDGED = ("The council may vote on the plan in May. About 300 people reportedly signed a letter against it. "
          "Officials said the park would open if the money came, and they suggested the vote could wait. "
          "Whether the mayor believes the plan is expected to pass is not known to anyone here.")


def test_a_hedge_hunt_asks_for_no_more_hedges_than_its_key_is_sure_of(lexicons):
    a = article(lexicons, HEDGED)
    [candidate] = hedge_hunt(Material([a], {}, lexicons))
    item = candidate.make()
    rows = item["key"]["tables"][0]["rows"]
    assert MIN_HEDGES <= item["asked"] <= len(rows)
    assert [row[1].lower() for row in rows] == ["may", "about", "reportedly"]
    # "would", "if", "suggested", "could", "whether", "believes", "expected to", "not known" (an absence asserted):
    # each may be right, none is claimed
    assert any("other word" in note for note in item["key"]["notes"])


@pytest.mark.parametrize("text, sure", [
    ("He is an unlikely leader of the party in the state.", []),  # describes the man: surprising, not doubted
    ("He is unlikely to lead the party in the state.", ["unlikely"]),
    ("The charges include no allegations of wrongdoing by anyone.", []),  # the topic, and denied
    ("The board was supposed to vote on the plan on Monday.", []),  # an obligation
    ("The plan was quoted by Dana Holt in her speech on Monday.", []),  # names a source, hands on no claim
    ("The plan will cost the city nearly 40 million dollars.", ["nearly"]),
    ("Whatever we think about the plan, the city needs it now.", []),
    ("Judges step aside where their “impartiality might be questioned” by anyone.", []),  # a rule's words
    ("“The vote might wait until May,” the mayor said on Monday.", ["might"]),  # an opinion named, not a claim hedged
    ("We think the plan will cost the city far too much.", ["we think"]),
    # the claim family is never sure: "claimed … lives" means killed, "falsely claimed" is the writer's ruling
    ("The storm claimed at least 12 lives, officials said.", ["at least"]),
    ("She falsely claimed the vote was rigged.", []),
    ("Rivals claim the vote was rigged in the north.", []),
    # an adverb of judgement rules on the second-hand word; without it the word is sure
    ("He falsely alleged that the vote was rigged.", []),
    ("Police wrongly accused him of taking the money.", []),
    ("He was allegedly paid by the firm last year.", ["allegedly"]),
    ("He was clearly allegedly paid by the firm.", []),
    # an absence asserted, emphatic or not, is no softener
    ("There is absolutely no evidence of fraud.", []),
    ("There is absolutely no evidence that the count was wrong.", []),
    ("There is no evidence that the vote was rigged.", []),
    ("It is not known whether the vote was fair.", []),
    ("It is unclear whether the vote was fair.", []),
    # an adverb of possibility inside a noun phrase describes a hypothetical; on a verb it hedges
    ("The deal holds a potentially huge prize for the region.", []),
    ("The envoy pressed for possibly new sanctions on the region.", []),
    ("Officials counted perhaps 200 people at the rally.", ["perhaps"]),  # approximates a number
    ("The mayor would most likely win the vote in May.", ["likely"]),  # "most" grades the adverb, no noun phrase
    ("The talks could potentially bring relief for the region.", ["potentially"]),
    ("The mayor may resign, according to two aides.", ["may", "according to"]),
])
def test_the_key_claims_only_sure_hedges(lexicons, text, sure):
    a = article(lexicons, text)
    found = sure_answers(lexicons, a, passage_doubts(lexicons, a, 0, len(text)))
    assert [d.text.lower() for d in found] == sure


def test_a_passage_with_a_keyed_word_left_unkeyed_elsewhere_is_not_chosen(lexicons):
    """The "may" in a question is only for discussion; a key listing one "may" and not the other reads wrong."""
    twice = ("The council may vote on the plan in May. About 300 people reportedly signed a letter against it. "
             "Who may vote on it at the meeting next week? Nobody in the town hall could tell us that on Monday.")
    assert hedge_hunt(Material([article(lexicons, twice)], {}, lexicons)) == []


def test_a_hedge_hunt_needs_two_different_sure_words(lexicons):
    once = ("Roughly 300 people came to the hall on Monday. The council met for three hours. "
            "The plan will cost roughly 40 million dollars. The mayor spoke last.")
    assert hedge_hunt(Material([article(lexicons, once)], {}, lexicons)) == []


def test_a_headline_and_sentence_with_the_same_doubt_word_are_no_item():
    from framing.exercises.kinds_headline import one_word_both_sides

    assert one_word_both_sides((["Accuses"], ["accusing"]))
    assert not one_word_both_sides((["accuses"], ["claim"]))  # two words for one verdict: worth comparing
    assert not one_word_both_sides(([], []))


def test_a_rewrite_names_the_words_its_key_replaces_and_asks_students_to_judge_the_rest(lexicons):
    from framing.exercises.lesson import LessonOptions, build_lesson

    text = "The mayor's notorious plan for the park was approved by the council on Monday night."
    model = build_lesson([article(lexicons, text)], {}, lexicons,
                         LessonOptions(kinds=("rewrite_neutrally",), minutes=45))
    [item] = model["items"]
    flagged = [row[0] for row in item["key"]["tables"][0]["rows"]]
    assert flagged and all(f"“{word}”" in item["instructions"] for word in flagged)
    assert any("other word" in task["prompt"] for task in item["tasks"])


@pytest.mark.parametrize("text, headline, expected", [
    # a speaker's own condition and "would", retold: never the writer's doubt
    ("Dana Holt said that if elected, she would close the plant on Main Street.", "Holt to close plant", ([], [])),
    ("Dana Holt said she may close the plant on Main Street.", "Holt to close plant", ([], [])),
    # the writer's own sure hedges count, in the sentence and in the headline alike
    ("The plant reportedly closed on Monday after the vote.", "Plant closed after vote", ([], ["reportedly"])),
    ("The council voted to close the plant on Monday.", "Council would close plant if asked", ([], [])),
    ("The council voted to close the plant on Monday.", "Council may close plant", (["may"], [])),
])
def test_a_headline_check_reads_both_sides_through_the_hedge_hunts_sure_filter(lexicons, text, headline, expected):
    from framing.exercises.kinds_headline import headline_doubts

    m = Material([article(lexicons, text)], {}, lexicons)
    assert headline_doubts(m, {"article_id": "a-1", "headline": headline, "body_start": 0}) == expected


def test_every_reason_for_leaving_a_kind_out_says_what_framing_was_sure_of_not_what_the_text_holds():
    """"fewer than three sentences name their speaker" was false where three did and framing was unsure of them:
    each reason states framing's own certainty, which is true whatever the articles hold."""
    from framing.exercises.lesson import WHY_NONE
    from framing.exercises.wording import KINDS

    assert set(WHY_NONE) == set(KINDS)
    for kind, reason in WHY_NONE.items():
        assert reason.startswith("framing ") and "sure" in reason, kind


def test_a_headline_is_called_more_sure_only_when_it_has_no_doubt_word_at_all(lexicons):
    """The sure filter does not key "could", so "Council could close plant" shows no keyed word; yet a teacher would
    not call it surer than a sentence whose writer says the council "may" close it."""
    from framing.exercises.kinds_headline import headline_doubts, headline_verdict, verdict_holds

    m = Material([article(lexicons, "The council may close the plant on Monday.")], {}, lexicons)
    for headline, holds in (("Council could close plant", False), ("Council closes plant", True)):
        row = {"article_id": "a-1", "headline": headline, "body_start": 0}
        doubts = headline_doubts(m, row)
        assert headline_verdict(row, doubts) == "more sure" and verdict_holds(m, row, doubts) == holds, headline


def test_a_headline_key_says_none_only_where_the_verdict_checked_there_is_no_doubt_word(lexicons):
    """The sure filter keys no "could": a question headline "Could …?" shows no keyed word, and a bare "none" there
    would be false; "none" stays for the side the verdict checked holds no doubt word at all."""
    from framing.exercises.kinds_headline import headline_doubts, headline_item

    m = Material([article(lexicons, "The council may close the plant on Monday.")], {}, lexicons)
    for headline, question, cells in (("Could council close plant?", True, ["none framing is sure of", "may"]),
                                      ("Council closes plant", False, ["none", "may"])):
        row = {"article_id": "a-1", "outlet": "Ledger", "headline": headline, "body_start": 0,
               "headline_question": question}
        key = headline_item(m, row, headline_doubts(m, row))["key"]["tables"][0]["rows"][0]
        assert [key[1], key[3]] == cells, headline
