"""Fact alignment, omissions and disagreements on hand-made corpora and on the seeds."""

from __future__ import annotations

import numpy as np
import pytest

from framing.analysis import ArticleAnalysis
from framing.compare import build_comparison
from framing.compare.common import WordFolder
from framing.compare.confidence import CONFIDENT_AT
from framing.compare.facts import collect_sentences
from framing.compare.labels import collect_label_uses, load_pins
from framing.compare.tfidf import tfidf_matrix
from framing.corpus import parse_text
from framing.document import Span

STORM = {
    "A": (
        "The storm killed 12 people in Springfield on Tuesday night. "
        "The mayor declared an emergency for the whole county on Wednesday. "
        "Power was restored to most homes in the county by Thursday evening. "
        "Engineers reopened the old river bridge after two days of safety inspections."
    ),
    "B": (
        "The storm killed 14 people in Springfield on Tuesday night, officials said. "
        "The mayor reportedly declared an emergency for the whole county on Wednesday. "
        "Power was restored to most homes in the county by Thursday. "
        "A local bakery gave away free bread and coffee to the volunteers."
    ),
    "C": (
        "At least 12 people were killed by the storm in Springfield on Tuesday. "
        "The mayor declared an emergency for the whole county on Wednesday morning."
    ),
}


def corpus(lexicons, texts, hedges=()):
    """Articles with hand-made hedge spans on the given words (so the right answers are known)."""
    analyses = []
    for i, (outlet, text) in enumerate(texts.items()):
        doc = parse_text(text, lexicons, id=f"a{i}", outlet=outlet)
        spans = []
        for word in hedges:
            at = text.find(word)
            if at >= 0:
                spans.append(Span("hedge", at, at + len(word), word, word, category="evidential"))
        analyses.append(ArticleAnalysis(doc, {}, tuple(spans)))
    return analyses


@pytest.fixture(scope="module")
def storm(lexicons):
    return build_comparison(corpus(lexicons, STORM, hedges=("reportedly",)), lexicons=lexicons)


def fact_with(frame, words: str):
    rows = frame[frame.text.str.contains(words, regex=False)]
    assert len(rows) == 1, f"{words!r} should be in exactly one sentence"
    return frame[frame.fact_id == rows.iloc[0].fact_id]


@pytest.mark.parametrize(
    ("words", "outlets"),
    [
        ("killed 12 people", {"A", "C"}),  # B's "14 people" is another count: no pair, a disagreement
        ("declared an emergency for the whole county on Wednesday morning", {"A", "B", "C"}),
        ("Power was restored to most homes in the county by Thursday evening", {"A", "B"}),
        ("old river bridge", {"A"}),
        ("free bread", {"B"}),
    ],
)
def test_facts_align_sentences_across_outlets(storm, words, outlets):
    fact = fact_with(storm["facts"], words)
    assert set(fact.outlet) == outlets
    assert set(fact.n_outlets) == {len(outlets)}
    assert set(fact.only_one_outlet) == {len(outlets) == 1}


def test_facts_report_how_each_outlet_words_a_fact(storm):
    fact = fact_with(storm["facts"], "The mayor reportedly declared")
    by_outlet = dict(zip(fact.outlet, fact.hedges, strict=True))
    assert by_outlet == {"A": [], "B": ["reportedly"], "C": []}


def test_omissions_list_facts_most_outlets_carry(storm):
    omissions = storm["omissions"]
    power = omissions[omissions.fact.str.contains("Power was restored")]
    assert list(power.outlet) == ["C"]
    assert set(power.iloc[0].carried_by) == {"A", "B"}
    assert not omissions.fact.str.contains("bakery").any()


def test_disagreements_flag_close_but_different_numbers(storm):
    numbers = storm["disagreements"][storm["disagreements"].kind == "number"]
    assert set(numbers.value) == {"12", "14"}
    # C's "at least 12" is a bound that B's 14 meets: C contradicts neither outlet.
    assert set(numbers.outlet) == {"A", "B"}
    assert "12" in numbers[numbers.outlet == "A"].iloc[0].phrase


def test_facts_are_not_paired_across_different_days_or_counts(storm, lexicons):
    fourteen = fact_with(storm["facts"], "killed 14 people")
    assert list(fourteen.outlet) == ["B"]
    assert "12" in fourteen.iloc[0].reason or "different numbers" in fourteen.iloc[0].reason
    texts = {
        "A": "Senator Jane Roe met the union leaders in Springfield on Friday to discuss the strike.",
        "B": "Senator Jane Roe met the union leaders in Springfield on Wednesday to discuss the strike.",
    }
    facts = build_comparison(corpus(lexicons, texts), lexicons=lexicons)["facts"]
    assert facts.only_one_outlet.all()
    assert facts.reason.str.contains("different days").all()


def test_facts_pair_the_same_quotation_even_in_different_words(lexicons):
    texts = {
        "A": "“We will not accept a budget that abandons rural hospitals,” Roe told reporters on the steps.",
        "B": "Later the senator repeated: “We will not accept a budget that abandons rural hospitals.”",
    }
    facts = build_comparison(corpus(lexicons, texts), lexicons=lexicons)["facts"]
    assert set(facts.n_outlets) == {2}
    assert (facts.confidence >= CONFIDENT_AT).all() and facts.reason.str.contains("same quoted words").all()


def test_facts_do_not_pair_two_statements_that_only_share_a_name(lexicons):
    texts = {
        "A": "Senator Jane Roe said the harbor budget would cut the number of pilots in the port next year.",
        "B": "Senator Jane Roe said her daughter would study medicine at the state university next fall.",
    }
    facts = build_comparison(corpus(lexicons, texts), lexicons=lexicons)["facts"]
    confident = facts[(facts.confidence >= CONFIDENT_AT) & ~facts.only_one_outlet]
    assert confident.empty


def test_every_fact_row_says_how_sure_it_is(storm):
    facts = storm["facts"]
    assert facts.confidence.between(0, 1).all()
    assert (facts.reason.str.len() > 0).all()


def test_disagreements_ignore_numbers_that_agree(lexicons):
    texts = {
        "A": "The storm killed 12 people in Springfield on Tuesday night.",
        "B": "The storm killed 12 people in Springfield on Tuesday evening.",
    }
    tables = build_comparison(corpus(lexicons, texts), lexicons=lexicons)
    assert tables["disagreements"].empty


def test_disagreements_flag_an_outlet_naming_a_different_actor(lexicons):
    texts = {
        "A": "US strikes destroyed 21 boats near the coast on Monday, officials said.",
        "B": "Venezuelan military actions destroyed 21 boats near the coast on Monday, officials said.",
        "C": "American strikes destroyed 21 boats near the coast on Monday, officials said.",
    }
    tables = build_comparison(corpus(lexicons, texts), lexicons=lexicons)
    actors = tables["disagreements"][tables["disagreements"].kind == "actor"]
    odd = actors[actors.outlet == "B"]
    assert list(odd.phrase) == ["Venezuelan military actions"]
    assert set(actors.outlet) == {"A", "B", "C"}


def test_facts_offsets_index_each_article(storm, lexicons):
    texts = dict(zip(("a0", "a1", "a2"), STORM.values(), strict=True))
    for row in storm["facts"].itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text


@pytest.fixture(scope="module")
def seed_tables(seed_analyses, lexicons):
    return build_comparison(list(seed_analyses.values()), lexicons=lexicons)


def shared_fact(facts, words: str):
    rows = facts[facts.text.str.contains(words, regex=False)]
    assert not rows.empty, words
    return rows.iloc[0]


@pytest.mark.parametrize(
    "words",
    [
        "engaged in a conversation with Venezuelan leader",  # the call
        "formally designate the Cartel de los Soles as a foreign terrorist organization",  # designation
        "83 people killed",  # death toll and vessel count
        "at least 21 vessels",
        "authorized covert CIA actions",  # CIA covert action
        "Maduro reportedly offered to step down",  # offer to step down
    ],
)
def test_facts_on_seeds_recover_the_shared_facts(seed_tables, words):
    assert shared_fact(seed_tables["facts"], words).n_outlets >= 2


@pytest.mark.parametrize(
    ("words", "outlet"),
    [
        ("$50 million bounty", "Source E"),
        ("airspace should be considered closed", "Source E"),
        ("not a second strike", "Source E"),
        ("Richard Grenell", "Source D"),
    ],
)
def test_facts_on_seeds_mark_what_one_outlet_alone_carries(seed_tables, words, outlet):
    row = shared_fact(seed_tables["facts"], words)
    assert row.outlet == outlet
    assert row.only_one_outlet or row.confidence < CONFIDENT_AT  # never confidently shared


def test_disagreements_on_seeds_flag_80_against_83(seed_tables):
    numbers = seed_tables["disagreements"][seed_tables["disagreements"].kind == "number"]
    toll = numbers[numbers.value.isin(["80", "83"])]
    assert {"80", "83"} <= set(toll.value)
    assert toll[toll.value == "80"].outlet.tolist() == ["Source C"]
    assert len(set(toll.disagreement_id)) == 1


def test_disagreements_on_seeds_flag_the_venezuelan_actor(seed_tables):
    actors = seed_tables["disagreements"][seed_tables["disagreements"].kind == "actor"]
    odd = actors[actors.phrase == "Venezuelan military actions"]
    assert list(odd.outlet) == ["Source D"]
    others = actors[actors.disagreement_id == odd.iloc[0].disagreement_id]
    assert set(others[others.outlet != "Source D"].value) == {"United States"}


def _sklearn_tfidf(documents):
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=list, sublinear_tf=True, norm="l2")
    return vectorizer.fit_transform(documents), vectorizer.vocabulary_


def _seed_feature_lists(seed_analyses, lexicons):
    analyses = list(seed_analyses.values())
    folder = WordFolder(lexicons.stop_words)
    mentions = collect_label_uses(analyses, load_pins(lexicons), folder)
    sentences, _, _ = collect_sentences(analyses, folder, mentions)
    return [s.features for s in sentences]


def test_facts_tfidf_equals_sklearn_on_seed_sentences(seed_analyses, lexicons):
    """Same weights per feature, and the same cosines to the last bit, as TfidfVectorizer."""
    documents = _seed_feature_lists(seed_analyses, lexicons)
    # Repeat a few sentences' features so some counts exceed one (the sublinear tf matters).
    documents = documents + [tuple(d) * 2 for d in documents[:5]] + [documents[7] + documents[7][:3]]
    ours, columns = tfidf_matrix(documents)
    theirs, vocabulary = _sklearn_tfidf([list(d) for d in documents])
    assert len(documents) > 100 and columns.keys() == vocabulary.keys()
    order = [columns[feature] for feature in sorted(vocabulary, key=vocabulary.get)]
    assert np.array_equal(ours.toarray()[:, order], theirs.toarray())
    assert np.array_equal((ours @ ours.T).toarray(), (theirs @ theirs.T).toarray())


def test_facts_tfidf_follows_the_documented_formula():
    """tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1, then each row has length 1."""
    matrix, columns = tfidf_matrix([("strike", "strike", "boat"), ("boat",), ("boat", "cartel")])
    row = matrix.toarray()[0]
    strike = (1 + np.log(2)) * (np.log(4 / 2) + 1)
    boat = 1.0 * (np.log(4 / 4) + 1)
    expected = np.array([strike, boat]) / np.hypot(strike, boat)
    assert np.allclose(row[[columns["strike"], columns["boat"]]], expected)
    assert row[columns["cartel"]] == 0.0
    assert np.allclose(np.linalg.norm(matrix.toarray(), axis=1), 1.0)


@pytest.mark.parametrize("documents", [[], [()], [(), ()]])
def test_facts_similarity_of_sentences_without_features_is_zero(documents):
    matrix, _ = tfidf_matrix(documents)
    similarity = (matrix @ matrix.T).toarray()
    assert similarity.shape == (len(documents), len(documents)) and not similarity.any()
