"""The slant outlet-order benchmark: sentence labels, article measures, the ranker and the nested choice."""

from __future__ import annotations

import math
from types import SimpleNamespace

from benchmarks.evaluation.slant_order import (
    Article,
    Config,
    Sentence,
    article_measures,
    chance_of_the_best,
    concordance,
    document_sentences,
    evaluate_variants,
    ranker_scores,
)
from framing.corpus import parse_text


def test_sentence_labels_come_from_the_phrases_that_start_in_them(lexicons) -> None:
    text = 'The council met on Monday. The mayor fumed at the plan. "It is a disgrace," she said.'
    doc = parse_text(text, lexicons, id="t")
    phrase = SimpleNamespace(start=text.index("fumed"), kind="lex", quoted=False)
    quoted = SimpleNamespace(start=text.index("disgrace"), kind="lex", quoted=True)
    rows = document_sentences(doc, [], [phrase, quoted])
    assert [r.lexical for r in rows] == [False, True, False]  # a quoted phrase is no own-voice lexical bias
    assert [r.biased for r in rows] == [False, True, True]
    assert rows[0].own and not rows[2].own and "fumed" in rows[1].norms


def _article(key: str, event: str, probabilities_own: list[bool], words: int = 200, gold: float = 0.0) -> Article:
    sentences = tuple(Sentence(("word",), {}, own) for own in probabilities_own)
    return Article(key, event, words, gold, sentences, 0.0)


def test_article_measures_read_only_own_voice_sentences() -> None:
    article = _article("a", "e", [True, True, False, True])
    measures = article_measures(article, [0.9, 0.1, 1.0, 0.5])
    assert math.isclose(measures["mean"], 0.5) and measures["top3"] == measures["mean"]
    assert math.isclose(measures["share_over_0.5"], 2 / 3) and math.isclose(measures["expected_count"], 1.5)
    assert math.isclose(measures["expected_per_1000_words"], 7.5)


def test_the_ranker_learns_the_direction_of_each_measure_from_the_training_events() -> None:
    # Gold falls with length: the ranker must give the (negative) log length a positive weight.
    articles = [_article(f"{e}{o}", f"e{e}", [True], words=100 * (o + 1) + e, gold=1.0 / (o + 1))
                for e in range(6) for o in range(3)]
    measures = {a.id: {"neg_log_length": -math.log(a.own_words)} for a in articles}
    scores = ranker_scores(measures, articles, measures, ["neg_log_length"])
    assert concordance(scores, articles) == 1.0
    reversed_gold = [Article(a.id, a.event, a.own_words, -a.gold, a.sentences, 0.0) for a in articles]
    assert concordance(ranker_scores(measures, reversed_gold, measures, ["neg_log_length"]), reversed_gold) == 1.0


def test_a_word_that_marks_slanted_sentences_orders_the_outlets_held_out() -> None:
    # Each article has k sentences with "fumed" (marked) and 6 - k plain ones; gold is k per 1,000 words.
    articles = []
    for event in range(12):
        for outlet, k in enumerate((0, 2, 4)):
            sentences = tuple(Sentence(("the", "mayor", "fumed", f"w{event}"), {}, True, True, True) for _ in range(k))
            sentences += tuple(Sentence(("the", "council", "met", f"w{outlet}"), {}, True) for _ in range(6 - k))
            articles.append(Article(f"{event}-{outlet}", f"e{event}", 300, 1000.0 * k / 300, sentences, 0.0))
    result = evaluate_variants(articles, [], folds=3, configs=(Config("basil", "lexical", "tfidf", 1.0),))
    assert result["variants"]["basil/lexical/tfidf/C1 | mean"]["concordance"] == 1.0
    assert result["nested"]["concordance"] == 1.0 and len(result["nested"]["chosen"]) == 3
    assert result["chance_of_the_best"]["median"] < 1.0
    assert result["shorter_is_more_loaded"]["concordance"] == 0.5  # all the same length: every pair a tie


def test_the_best_of_many_random_measures_beats_one_by_chance_alone() -> None:
    articles = [_article(f"{e}{o}", f"e{e}", [True], gold=float(o)) for e in range(15) for o in range(3)]
    one, many = chance_of_the_best(articles, 1, repeats=50), chance_of_the_best(articles, 50, repeats=50)
    assert many["median"] > one["median"] and 0.3 < one["median"] < 0.7
