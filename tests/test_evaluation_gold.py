"""The hand-gold scorer (benchmarks/evaluation/gold.py) on tiny made-up gold and tool rows.

No dataset is needed: every article, gold item and tool row here is written by the test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.evaluation.gold import (
    ToolFactRow,
    ToolFlag,
    ToolQuote,
    ToolSpan,
    ToolVoice,
    all_and_confident,
    name_key,
    score_fact_pairs,
    score_numbers,
    score_quotes,
    score_span_type,
    score_voices,
    speaker_matches,
)
from benchmarks.evaluation.gold_task import confidence_of, evaluate_gold, gold_paths, gold_table
from framing.errors import FramingInputError
from framing.lexicons import load_lexicons


def gold_span(article: str, span_type: str, start: int, end: int, *, optional: bool = False, **extra) -> dict:
    return {"article_id": article, "type": span_type, "start": start, "end": end, "text": "x" * (end - start),
            "optional": optional, **extra}


# --- spans ------------------------------------------------------------------------------------


def test_spans_optional_gold_excuses_and_never_counts_as_a_miss() -> None:
    gold = [gold_span("a", "hedge", 0, 5), gold_span("a", "hedge", 10, 15, optional=True),
            gold_span("a", "hedge", 20, 25), gold_span("a", "loaded", 30, 35)]
    tool = [ToolSpan("a", 1, 3, "hedge", "may"), ToolSpan("a", 11, 12, "hedge", "if"),
            ToolSpan("a", 30, 33, "hedge", "slam"), ToolSpan("b", 20, 25, "hedge", "might")]
    scores = score_span_type(gold, tool, "hedge")
    assert (scores["hits"], scores["excused"], scores["false_alarms"]) == (1, 1, 2)
    assert scores["precision"] == pytest.approx(1 / 3, abs=1e-3)  # the excused span is set aside
    assert scores["precision_lenient"] == pytest.approx(2 / 4, abs=1e-3)
    assert scores["recall"] == pytest.approx(1 / 2, abs=1e-3)  # the optional gold span is not wanted
    assert scores["gold_required"] == 2 and scores["gold_optional"] == 1


def test_spans_recall_by_kind_and_empty_tool_is_not_applicable() -> None:
    gold = [gold_span("a", "attribution", 0, 4, kind="person"), gold_span("a", "attribution", 9, 13, kind="vague")]
    scores = score_span_type(gold, [ToolSpan("a", 0, 4, "attribution", "said")], "attribution")
    assert scores["recall_by_kind"] == {"person": "1/1", "vague": "0/1"}
    assert score_span_type(gold, [], "attribution")["precision"] is None


# --- quotes -----------------------------------------------------------------------------------


def test_speaker_match_contains_the_key_and_refuses_pronouns() -> None:
    assert speaker_matches("Sen. Chuck Schumer", "schumer")
    assert speaker_matches("Luis V. Gutiérrez", "gutiérrez")
    assert not speaker_matches("Democracy", "democracy for america")
    assert speaker_matches("Democracy", "democracy for america", lenient=True)
    assert not speaker_matches("he", "he", lenient=True)
    assert not speaker_matches("Schumerville", "schumer")


def test_quotes_recall_and_speaker_accuracy_over_found_quotes() -> None:
    gold = [{"article_id": "a", "start": 10, "end": 40, "speaker_key": "ryan"},
            {"article_id": "a", "start": 50, "end": 80, "speaker_key": "biden"},
            {"article_id": "b", "start": 10, "end": 40, "speaker_key": "obama"}]
    tool = [ToolQuote("a", 9, 41, "Paul Ryan"), ToolQuote("a", 49, 60, "Ryan"), ToolQuote("a", 60, 81, "Joe Biden")]
    scores = score_quotes(gold, tool)
    assert scores["recall"] == pytest.approx(2 / 3, abs=1e-3)
    # The quote 50-80 is read from the tool quote sharing most characters with it (Biden's).
    assert scores["speaker_accuracy"] == 1.0
    assert scores["tool_quotes_on_gold"] == 3


# --- voices -----------------------------------------------------------------------------------


def test_voices_match_by_mention_or_name_and_list_the_rest() -> None:
    gold = [{"article_id": "a", "name": "Michael R. Bloomberg", "start": 0, "end": 20, "role": "executive_officials"},
            {"article_id": "a", "name": "many Democrats", "start": 40, "end": 54, "role": "parties_campaigns"}]
    tool = [ToolVoice("a", 100, 109, "Bloomberg", "business"),
            ToolVoice("a", 0, 20, "Michael R. Bloomberg", "executive_officials"),
            ToolVoice("a", 200, 202, "he", "other"),
            ToolVoice("b", 0, 9, "Bloomberg", "business")]
    scores = score_voices(gold, tool)
    assert scores["real_voice_share"] == pytest.approx(2 / 4, abs=1e-3)
    assert [row["voice"] for row in scores["unmatched_rows"]] == ["he", "bloomberg"]
    assert scores["recall"] == pytest.approx(1 / 2, abs=1e-3)
    assert scores["role_accuracy"] == 1.0  # the row on the mention decides, not the later same-name row


def test_name_key_is_the_last_word_without_possessive() -> None:
    assert name_key("Michael R. Bloomberg's") == "bloomberg"
    assert name_key("the Democrats") == "democrats"


# --- facts and numbers ------------------------------------------------------------------------


def member(article: str, start: int, end: int) -> dict:
    return {"article_id": article, "start": start, "end": end}


def test_fact_pairs_precision_and_recall() -> None:
    facts = [{"fact": "f1", "members": [member("fox", 0, 50), member("nyt", 0, 60), member("hpo", 100, 150)]},
             {"fact": "solo", "only_one": True, "members": [member("fox", 200, 250)]}]
    rows = [ToolFactRow("fox", 0, 50, "F1", "fox"), ToolFactRow("nyt", 10, 60, "F1", "nyt"),
            ToolFactRow("hpo", 100, 150, "F2", "hpo"), ToolFactRow("fox", 200, 250, "F2", "fox")]
    scores = score_fact_pairs(facts, rows)
    assert (scores["tool_pairs"], scores["right_pairs"]) == (2, 1)
    assert (scores["gold_pairs"], scores["gold_pairs_found"]) == (3, 1)
    assert scores["precision"] == 0.5 and scores["recall"] == pytest.approx(1 / 3, abs=1e-3)


def test_numbers_every_flag_on_agreeing_gold_is_a_false_alarm() -> None:
    groups = [{"quantity": "votes", "agree": True, "members": [member("fox", 5, 7), member("nyt", 105, 107)]},
              {"quantity": "cost", "agree": False, "members": [member("fox", 300, 303), member("hpo", 40, 43)]}]
    flags = [ToolFlag("fox", 5, 7, "D1", "number", "33"), ToolFlag("nyt", 105, 107, "D1", "number", "30"),
             ToolFlag("fox", 300, 303, "D2", "number", "$5m"), ToolFlag("hpo", 40, 43, "D2", "number", "$6m"),
             ToolFlag("fox", 0, 3, "D3", "actor", "US")]
    facts = [ToolFactRow("fox", 0, 50, "F1", "fox"), ToolFactRow("nyt", 100, 150, "F1", "nyt")]
    scores = score_numbers(groups, flags, facts)
    assert (scores["flags"], scores["false_alarms"], scores["actor_flags"]) == (2, 1, 1)
    assert scores["disagreement_precision"] == 0.5
    assert (scores["gold_number_pairs"], scores["grouped_pairs"]) == (2, 1)


def test_confident_block_only_with_a_threshold_and_confidences() -> None:
    gold = [gold_span("a", "hedge", 0, 5)]
    rows = [ToolSpan("a", 0, 3, "hedge", "may", confidence=0.9), ToolSpan("a", 10, 13, "hedge", "can", confidence=0.2)]

    def score(chosen):
        return score_span_type(gold, chosen, "hedge")

    both = all_and_confident(score, rows, 0.7)
    assert both["precision"] == 0.5
    assert both["confident"]["precision"] == 1.0 and both["confident"]["rows"] == 1
    assert "confident" not in all_and_confident(score, rows, None)
    assert "confident" not in all_and_confident(score, [ToolSpan("a", 0, 3, "hedge", "may")], 0.7)


def test_unmarked_spans_are_sure_where_only_doubt_is_marked() -> None:
    gold = [gold_span("a", "loaded", 0, 5)]
    rows = [ToolSpan("a", 0, 3, "loaded", "slam"),
            ToolSpan("a", 10, 13, "loaded", "odd", confidence=confidence_of("possible"))]

    def score(chosen):
        return score_span_type(gold, chosen, "loaded")

    marked = all_and_confident(score, rows, 0.7, unmarked_is_sure=True)
    assert marked["precision"] == 0.5
    assert marked["confident"]["precision"] == 1.0 and marked["confident"]["rows"] == 1
    assert confidence_of(None) is None and confidence_of(float("nan")) is None and confidence_of(0.8) == 0.8


# --- the task end to end on made-up articles --------------------------------------------------

SENTENCES = {
    "fox": [["The senator may vote against the bill, officials said."],
            ["Smith said: \"We will never accept this deal at all.\""]],
    "nyt": [["The senator might oppose the bill on Monday."],
            ["Smith told reporters the deal was a disgrace to voters."]],
    "hpo": [["Critics slammed the bill as a giveaway."], ["The vote is expected on Monday."]],
}


def write_event(folder: Path, text_of: dict[str, str], *, bad_offsets: bool = False) -> Path:
    """A made-up event in BASIL's shape and a gold file for it; returns the gold file's path."""
    rows = [{"id": f"e_{n}", "source": outlet, "title": f"Bill news {n}", "triplet_uuid": "e",
             "paragraphs": SENTENCES[outlet]} for n, outlet in enumerate(SENTENCES, 1)]
    (folder / "basil_dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    fox = text_of["fox"]
    start = fox.index("may") + (1 if bad_offsets else 0)
    event = {"triplet_uuid": "e", "articles": [{"id": r["id"], "outlet": r["source"]} for r in rows],
             "main_event": "a made-up vote",
             "spans": [{"article_id": "e_1", "type": "hedge", "start": start, "end": start + 3, "text": "may",
                        "optional": False}],
             "quotes": [{"article_id": "e_1", "start": fox.index("We will"), "end": fox.index("at all") + 6,
                         "speaker": "Smith", "speaker_key": "smith"}],
             "voices": [], "facts": [], "numbers": [], "headlines": []}
    gold = folder / "gold_dev.jsonl"
    gold.write_text(json.dumps(event) + "\n", encoding="utf-8")
    return gold


def assembled() -> dict[str, str]:
    return {outlet: "\n\n".join(" ".join(p) for p in paragraphs) for outlet, paragraphs in SENTENCES.items()}


def test_gold_task_runs_framing_with_offsets_equal_to_the_assembled_text(tmp_path: Path) -> None:
    gold = write_event(tmp_path, assembled())
    result = evaluate_gold(gold, load_lexicons())
    pooled = result["pooled"]
    assert result["events"] == [1] and result["articles"] == 3
    assert pooled["spans_hedge"]["recall"] == 1.0
    assert pooled["quotes"]["recall"] == 1.0 and pooled["quotes"]["speaker_accuracy"] == 1.0
    assert "hedge recall" in gold_table(result)


def test_gold_task_refuses_offsets_that_do_not_hold_their_text(tmp_path: Path) -> None:
    gold = write_event(tmp_path, assembled(), bad_offsets=True)
    with pytest.raises(FramingInputError, match="do not hold their text"):
        evaluate_gold(gold, load_lexicons())


def test_gold_paths_from_the_datasets_folder_or_the_file(tmp_path: Path) -> None:
    stories = tmp_path / "stories"
    stories.mkdir()
    gold = write_event(stories, assembled())
    assert gold_paths(tmp_path) == gold_paths(gold) == (gold, stories / "basil_dev.jsonl")
    with pytest.raises(FramingInputError, match="dataset file not found"):
        gold_paths(tmp_path / "missing.jsonl")
