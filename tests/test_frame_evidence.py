"""Which sentences a frame shows: main clause, the frame leads there, cues and words meet, fewer not weak."""

from __future__ import annotations

from framing.corpus import parse_text
from framing.features.policy_frames.clauses import in_side_clause, side_clauses
from framing.features.policy_frames.cues import cue_hits
from framing.features.policy_frames.evidence import chosen_evidence, evidence_sentences, frame_records, frame_spans
from framing.features.policy_frames.model import FrameModel, FrameWeights, model_decisions
from framing.features.policy_frames.rule import cue_rule_decisions
from framing.lexicons import Lexicons


def _sentence_text(doc, sentence: int) -> str:
    return doc.text[slice(*doc.sentences[sentence])]


def _decisions(text: str, lexicons: Lexicons):
    doc = parse_text(text, lexicons, id="t")
    return doc, {d.frame: d for d in cue_rule_decisions(cue_hits(doc, lexicons))}


def test_side_clauses_are_conditions_concessions_and_relatives_not_the_main_statement() -> None:
    text = "If the war comes, the town votes. Despite the threat the mayor left. Troops, who fought, rested."
    starts, ends = side_clauses(text)
    found = [text[start:end] for start, end in zip(starts, ends, strict=True)]
    assert found == ["If the war comes", "Despite the threat the mayor left", "who fought"]
    offsets = [text.index("war"), text.index("town"), text.index("Troops"), text.index("fought")]
    assert in_side_clause(offsets, (starts, ends)).tolist() == [True, False, False, True]


def test_frame_words_in_an_if_clause_do_not_make_the_evidence(general_lexicons: Lexicons) -> None:
    # The first sentence has more security cues, all inside its condition; the second fewer, in its main clause.
    text = ("If the army sends troops and missiles to the border the town will vote again. "
            "The military sent soldiers.")
    doc, decisions = _decisions(text, general_lexicons)
    security = decisions["Security_and_defense"]
    assert _sentence_text(doc, evidence_sentences(security)[0][0]).startswith("If the army")  # largest whole part
    shown = chosen_evidence(security)
    assert [_sentence_text(doc, c.sentence) for c in shown] == ["The military sent soldiers."]
    assert {w.text for w in shown[0].words} == {"military", "soldiers"}


def test_a_sentence_another_frame_leads_is_not_shown_beside_a_better_one(general_lexicons: Lexicons) -> None:
    # The tariff sentence has a security cue, but its point (most cue weight) is the money.
    text = ("Troops and soldiers moved to the border. "
            "The tariff on military boots and army tents will cost a billion dollars and strain the budget. "
            "The army and the navy waited.")
    doc, decisions = _decisions(text, general_lexicons)
    security = decisions["Security_and_defense"]
    shown = [_sentence_text(doc, c.sentence) for c in chosen_evidence(security)]
    carrying = [_sentence_text(doc, s) for s, _, _ in evidence_sentences(security, None)]
    assert any(s.startswith("The tariff") for s in carrying)  # it does carry part of the frame's score
    assert shown == ["Troops and soldiers moved to the border.", "The army and the navy waited."]
    assert all(c.leads for c in chosen_evidence(security))


def test_fewer_sentences_rather_than_a_weak_one(general_lexicons: Lexicons) -> None:
    # The second sentence carries the frame with one word only: it is not shown beside the first.
    text = "Troops, soldiers and the army moved to the border. Officials met on the military base."
    doc, decisions = _decisions(text, general_lexicons)
    security = decisions["Security_and_defense"]
    assert len(evidence_sentences(security, None)) == 2
    assert [_sentence_text(doc, c.sentence) for c in chosen_evidence(security)] == [
        "Troops, soldiers and the army moved to the border."]


def test_model_evidence_ranks_main_clause_words_and_lists_the_lift_that_orders(general_lexicons: Lexicons) -> None:
    text = ("If the troops attack the city the army will lose. "
            "The budget was cut. Troops guarded the city.")
    doc = parse_text(text, general_lexicons, id="m")
    model = FrameModel.of({"troops": 1.0, "army": 1.0, "budget": 1.0, "border": 1.0}, {
        "Security_and_defense": FrameWeights(0.0, 0.5, {"w:troops": 2.0, "w:army": 2.0}, 0.2),
        "Economic": FrameWeights(0.0, 0.5, {"w:budget": 2.0}, 0.5),
    }, {}, "(test)")
    decisions = model_decisions(doc, cue_hits(doc, general_lexicons), model)
    security = next(d for d in decisions if d.frame == "Security_and_defense")
    assert _sentence_text(doc, evidence_sentences(security)[0][0]).startswith("If the troops")  # largest whole part
    [shown] = chosen_evidence(security)  # but its words sit in its condition
    assert _sentence_text(doc, shown.sentence).startswith("Troops guarded")
    assert shown.main_part == shown.part > 0
    frames = frame_records(frame_spans(doc, decisions))
    assert all(f["lift"] is not None for f in frames)
    assert [f["lift"] for f in frames] == sorted((f["lift"] for f in frames), reverse=True)  # both sure


def test_frame_words_in_an_organisation_name_or_a_title_do_not_make_the_evidence(general_lexicons: Lexicons) -> None:
    # The first sentence's security cues name an office and an agency; the second says troops moved.
    text = ("Defense Secretary Jane Roe and the National Security Agency met the parks office. "
            "Troops and soldiers moved to the border.")
    doc, decisions = _decisions(text, general_lexicons)
    security = decisions["Security_and_defense"]
    assert _sentence_text(doc, evidence_sentences(security)[0][0]).startswith("Defense")  # they count for the score
    assert [_sentence_text(doc, c.sentence) for c in chosen_evidence(security)] == [
        "Troops and soldiers moved to the border."]


def test_model_evidence_skips_a_frame_word_inside_an_agency_name(general_lexicons: Lexicons) -> None:
    text = "The National Security Agency praised the parks. The army guarded the city."
    doc = parse_text(text, general_lexicons, id="n")
    # A model that learned the name word itself ("n:security", :mod:`.name_words`): it adds to the score, not evidence.
    model = FrameModel.of({"n:security": 1.0, "army": 1.0, "parks": 1.0}, {
        "Security_and_defense": FrameWeights(0.0, 0.5, {"w:n:security": 3.0, "w:army": 1.0}, 0.2),
    }, {}, "(test)")
    [security] = model_decisions(doc, [], model)
    assert _sentence_text(doc, evidence_sentences(security)[0][0]).startswith("The National")  # largest whole part
    assert [_sentence_text(doc, c.sentence) for c in chosen_evidence(security)] == ["The army guarded the city."]


def test_side_clauses_found_by_str_find_match_the_rule_as_a_regular_expression() -> None:
    # The rule as first written: an opener after no word character, apostrophe or hyphen, ending on a word boundary,
    # to the next stop character. The faster finder must give the same stretches, whole text and within stretches.
    import re

    from framing.grammar import DASHES, SIDE_CLAUSE_OPENERS

    rule = re.compile(r"[^\w'’-](?:" + "|".join(sorted(SIDE_CLAUSE_OPENERS)) + r")\b[^,;:()\[\]" + "".join(DASHES)
                      + r".?!\n]*")
    texts = ["If it rains, whoever comes stays; who's there, whom and whose (if) [unless] despite it.",
             "a-if b_if c'if d’if 1if xif, gift, swhen: when—while – which ― whether",
             "as long as; as long asx. even as-",
             "Though, although; WHEN IF WHO. whenever\nwhen\nif", "“if” «when» …which", "if", ""]
    for text in texts:
        searched = " " + text.lower()
        stretches = [(0, len(text) // 2), (len(text) // 2 + 3, len(text))] if len(text) > 6 else [(0, len(text))]
        for within in (None, stretches):
            expected = [(m.start(), m.end() - 1) for start, end in (within or [(0, len(text))])
                        for m in rule.finditer(searched, start, end + 1)]
            starts, ends = side_clauses(text, within)
            assert list(zip(starts.tolist(), ends.tolist(), strict=True)) == expected, (text, within)


def test_a_word_and_every_cue_starting_with_it_are_summed_into_one_listed_entry() -> None:
    """Two cue items at one word's place add to the word's weight; the entry is shown as the last cue."""
    import numpy as np

    from framing.features.policy_frames.model_evidence import _SentenceWords

    words = _SentenceWords.__new__(_SentenceWords)
    words.starts = np.array([0, 6, 12])  # three word items, in text order
    words.cue_starts = {3: 6, 4: 6}  # two cue items that start where the second word starts
    ranked = words._with_cues(0, [0.25, 0.5, 0.125], [3, 4], [1.0, 2.0])
    assert ranked[0] == (0.5 + 1.0 + 2.0, 4)
    assert [item for _, item in ranked[1:]] == [0, 2]
