"""Fact pairs read from the parse: mention-layer actors, whole quotations, speakers, quoted terms (made-up texts)."""

from __future__ import annotations

from framing.analysis import analyze_document
from framing.compare import build_comparison
from framing.compare.common import WordFolder, sentence_tokens
from framing.compare.confidence import CONFIDENT_AT
from framing.compare.fact_keys import DocumentKeys, figures_of
from framing.compare.quantities import quantities
from framing.corpus import parse_text


def analyzed(lexicons, texts: dict[str, str]):
    return [analyze_document(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), lexicons)
            for i, (outlet, text) in enumerate(texts.items())]


def facts_of(lexicons, texts):
    return build_comparison(analyzed(lexicons, texts), lexicons=lexicons)["facts"]


def row_with(facts, words: str):
    rows = facts[facts.text.str.contains(words, regex=False)]
    assert len(rows) == 1, f"{words!r} should be in exactly one row"
    return rows.iloc[0]


def assert_paired_because(lexicons, texts, words: str, because: str) -> None:
    """The sentence holding ``words`` is in a fact of two outlets, for a reason that says ``because``."""
    row = row_with(facts_of(lexicons, texts), words)
    assert because in row.reason
    assert row.n_outlets == 2


def test_actors_are_the_mention_layers_entities_in_every_outlet(lexicons):
    analyses = analyzed(lexicons, {
        "A": "Sen. Jane Roe voted against the harbor budget in the committee on Monday.",
        "B": "The harbor budget passed the committee although Ms. Roe voted against it.",
    })
    folder = WordFolder(lexicons.stop_words)
    actors = []
    for analysis in analyses:
        reader = DocumentKeys(analysis, folder, [])
        keys = reader.keys(0, sentence_tokens(analysis.document)[0])
        actors.append(set(keys.actors))
        assert keys.named <= set(keys.actors)
    assert "person:roe" in actors[0] & actors[1]


def test_a_quotation_that_runs_over_two_sentences_pairs_the_sentence_that_continues_it(lexicons):
    facts = facts_of(lexicons, {
        "A": ("“The old river bridge will stay closed until the engineers finish every inspection. "
              "We owe that much to the families,” Mayor Ann Lee told reporters on Monday."),
        "B": ("Mayor Ann Lee was firm: “The old river bridge will stay closed until the engineers finish "
              "every inspection.” The council will meet again in March."),
    })
    continued = row_with(facts, "We owe that much")
    assert continued.n_outlets == 2 and continued.confidence >= CONFIDENT_AT
    assert "runs on" in continued.reason
    opening = row_with(facts, "Mayor Ann Lee was firm")
    assert opening.fact_id == continued.fact_id and "same quoted words" in opening.reason


def test_the_same_words_from_two_different_speakers_are_not_one_quotation(lexicons):
    texts = {
        "A": "“The new harbor plan will hurt working families in every county,” said Senator Jane Roe on the radio.",
        "B": "“The new harbor plan will hurt working families,” said Governor Tom Smith at the fair.",
    }
    facts = facts_of(lexicons, texts)
    assert not facts.reason.str.contains("same quoted words").any()
    assert facts.reason.str.contains("different speakers").all()
    assert not ((facts.confidence >= CONFIDENT_AT) & ~facts.only_one_outlet).any()
    same_speaker = facts_of(lexicons, {**texts, "B": texts["B"].replace("Governor Tom Smith", "Senator Jane Roe")})
    assert same_speaker.reason.str.contains("same quoted words").all()


def test_a_term_both_outlets_quote_is_evidence_of_one_remark(lexicons):
    assert_paired_because(lexicons, {
        "A": "Senator Jane Roe called the harbor dredging plan a “boondoggle” during the long hearing.",
        "B": "At the hearing, Ms. Roe dismissed the dredging plan for the harbor as a “boondoggle” again.",
    }, "called the harbor", "both quote the term “boondoggle”")


def test_specific_figures_are_counts_of_ten_or_more_and_days_with_their_month(lexicons):
    text = "By Feb. 8 the 33 Democrats and 2 senators had spent $447 billion in 2018, while on 9 they rested."
    doc = parse_text(text, lexicons, id="x")
    figures = figures_of(quantities(doc, sentence_tokens(doc)[0], WordFolder(lexicons.stop_words)), text)
    assert set(figures.values()) >= {"Feb. 8", "33 Democrats", "$447 billion"}
    assert not any(words.startswith(("2 ", "2018", "9")) for words in figures.values())


def test_a_figure_two_outlets_give_ties_sentences_that_share_few_words(lexicons):
    assert_paired_because(lexicons, {
        "A": "In the end 33 Democrats sided with the majority on the harbor bill. The weather was mild all week.",
        "B": "Activists were furious that 33 Democrats caved. Ferries ran late because of the fog.",
    }, "sided with the majority", "same figures: 33 Democrats")


def test_speech_verbs_are_not_the_event_a_sentence_states(lexicons):
    text = "Reports indicate the mayor said the bridge reopened, officials told reporters."
    analysis = analyzed(lexicons, {"A": text})[0]
    folder = WordFolder(lexicons.stop_words)
    keys = DocumentKeys(analysis, folder, []).keys(0, sentence_tokens(analysis.document)[0])
    assert {folder.stem(word) for word in ("bridge", "reopened")} <= keys.predicate
    assert not {folder.stem(word) for word in ("indicate", "said", "told")} & keys.predicate


def test_blocking_names_the_first_unit_the_sentence_states():
    """Two differing units: the reason names the one the sentence states first, whatever the hash seed."""
    from framing.compare.fact_keys import EventKeys
    from framing.compare.fact_pairs import blocking
    from framing.compare.quantities import Quantity

    def keys(*found: Quantity) -> EventKeys:
        return EventKeys({}, frozenset(), frozenset(), found, ())

    dollars, date = Quantity(1.75e9, "$", 7, 14, "dollars"), Quantity(8, "date", 30, 40, "a date")
    other = keys(Quantity(1.45e8, "$", 0, 6, "dollars"), Quantity(2001, "date", 20, 24, "a date"))
    assert blocking(keys(dollars, date), other) == "different numbers for dollars (1.45e+08, 1.75e+09)"
    assert blocking(keys(date, dollars), other) == "different numbers for a date (8, 2001)"


def longest_run_brute_force(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    """Every run of ``a`` against every position of ``b``: the longest common run, the first one in ``a`` on ties."""
    best: tuple[str, ...] = ()
    for end in range(1, len(a) + 1):
        for start in range(end):
            run = a[start:end]
            if len(run) > len(best) and any(b[k:k + len(run)] == run for k in range(len(b))):
                best = run
    return best


def test_shared_quote_is_the_first_longest_common_run():
    """The DP over matching positions finds the run a brute-force search finds (ties: the earliest end in ``a``)."""
    import random

    from framing.compare.fact_pairs import QUOTE_CONTENT_WORDS, shared_quote

    rng = random.Random(7)
    stop_words = frozenset({"a"})
    for _ in range(2000):
        vocabulary = "abcdefg"[:rng.choice([2, 3, 7])]
        a = tuple(rng.choice(vocabulary) for _ in range(rng.randrange(12)))
        b = a if rng.random() < 0.1 else tuple(rng.choice(vocabulary) for _ in range(rng.randrange(12)))
        least = rng.choice([3, 5])
        run = longest_run_brute_force(a, b) if len(a) >= least and len(b) >= least else ()
        content = sum(word not in stop_words for word in run)
        expected = " ".join(run) if len(run) >= least and content >= QUOTE_CONTENT_WORDS else ""
        assert shared_quote(a, b, stop_words, least=least) == expected, (a, b, least)


def test_a_sentence_several_outlets_carry_scores_like_one_scored_alone(lexicons):
    """Scores reused for sentences with equal keys (wire copy) equal the scores of each pair scored on its own."""
    import numpy as np

    from framing.compare.fact_keys import Rarity, signature
    from framing.compare.fact_pairs import score_pair
    from framing.compare.facts import collect_sentences, event_scores
    from framing.compare.tfidf import similarity_matrix

    wire = "Sen. Jane Roe said on Monday that the harbor budget of 40 million dollars was “a promise kept to the city”."
    other = "The committee passed the harbor budget on Monday after Ms. Roe spoke for an hour."
    analyses = analyzed(lexicons, {"A": wire + " " + other, "B": other + " " + wire, "C": wire, "D": other})
    folder = WordFolder(lexicons.stop_words)
    sentences, _, keys = collect_sentences(analyses, folder, [])
    assert len({signature(key) for key in keys}) < len(keys)  # the same sentence in several outlets: equal keys
    cosine = similarity_matrix(sentences)
    scores, _ = event_scores(sentences, keys, cosine, folder)
    rarity = Rarity.of(keys, 4)
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            if sentences[i].outlet != sentences[j].outlet and scores[i, j]:
                alone = score_pair(keys[i], keys[j], float(cosine[i, j]), rarity, folder.stop_words)
                assert scores[i, j] == scores[j, i] == alone.confidence
    assert np.count_nonzero(scores) > 0
