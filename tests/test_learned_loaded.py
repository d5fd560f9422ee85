"""The learned lexicon, the slant model, voices of loaded words, and the general rules for listed phrases.

Texts are written for these tests; the models are small ones trained here on our own marks
(``framing.training_learned.train``), so nothing depends on the public datasets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import LEARNED, assert_extract_exits_2

from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features import loaded
from framing.learned_words import MODEL_FILE, WORDS_FILE, load_learned, read_word_weights, write_word_table
from framing.lexicons import SLANT_FILE, load_lexicons
from framing.training import AnnotatedText
from framing.training_learned import train, word_counts


def spans_of(text: str, lexicons) -> list:
    return loaded.extract(parse_text(text, lexicons), lexicons).spans


@pytest.mark.parametrize(("text", "expected"), [
    ("US Strikes Are Extrajudicial Killings\n\nThe boats were hit.", "Extrajudicial Killings"),  # title case
    ("Lawyers called the strikes extrajudicial.", "extrajudicial"),  # the modifier alone
    ("Bombings seen as extrajudicial and illicit executions.", "extrajudicial and illicit executions"),
    ("The regime held elections.", "regime"),
])
def test_learned_general_rules_find_listed_terms_in_any_case_and_coordination(text: str, expected: str) -> None:
    lexicons = load_lexicons()
    assert expected in [s.text for s in spans_of(text, lexicons)]


@pytest.mark.parametrize(("text", "word", "voice"), [
    ("The mayor gave a reckless speech.", "reckless", "own"),
    ("“This is a reckless plan,” the mayor said.", "reckless", "quoted"),
    ("The mayor said that the plan was reckless.", "reckless", "paraphrase"),
    ("The plan is reckless, the mayor said.", "reckless", "paraphrase"),
    ("The mayor said it is not a witch hunt.", "witch hunt", "paraphrase"),
    ("Officials denied it was a witch hunt.", "witch hunt", "paraphrase"),
    ("Not only was the plan reckless, it was late.", "reckless", "own"),
])
def test_learned_voice_of_each_loaded_word(text: str, word: str, voice: str) -> None:
    lexicons = load_lexicons()
    found = {s.text: s.attrs for s in spans_of(text, lexicons)}
    assert found[word]["voice"] == voice, found[word]["voice_reason"]


def test_learned_voice_counts_are_three_figures() -> None:
    lexicons = load_lexicons()
    text = "The reckless plan failed. “It was a mess,” he said. He said that it was reckless."
    values = loaded.extract(parse_text(text, lexicons), lexicons).values
    assert values["loaded_own_voice_count"] >= 1
    assert values["loaded_quoted_voice_count"] >= 1
    assert values["loaded_paraphrase_voice_count"] >= 1


def _marked(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    return tuple((text.index(w), text.index(w) + len(w)) for w in words)


def tiny_training(lexicons) -> tuple:
    """Texts where "reneged" and "fumed" are always marked, and plain words never."""
    texts, labels = [], {}
    for index in range(20):
        slanted = index % 2 == 0
        text = (f"Senator {index} reneged on the deal and fumed at aides." if slanted
                else f"Senator {index} signed the deal and met with aides.")
        marks = _marked(text, ["reneged", "fumed"]) if slanted else ()
        texts.append(AnnotatedText(f"t{index}", f"g{index}", text, marks, "own"))
        labels[f"t{index}"] = slanted
    return train(texts, labels, lexicons), texts


def write_trained(folder: Path, trained, examples_count) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    model = dict(trained.token_model)
    words = {n[5:]: (w, examples_count[n]) for n, w in model["weights"].items() if n.startswith("word=")}
    model["weights"] = {n: w for n, w in model["weights"].items() if not n.startswith("word=")}
    (folder / MODEL_FILE).write_text(json.dumps(model), encoding="utf-8")
    write_word_table(folder / WORDS_FILE, words, {"name": "learned_loaded", "licence": "test"})
    (folder / SLANT_FILE).write_text(json.dumps(trained.slant_model), encoding="utf-8")


def doubting_lexicons(folder: Path):
    """The lexicons with a learned model sure no word is loaded (every word under a demotion bar of 0.5)."""
    trained, _ = tiny_training(load_lexicons(scorers=False))
    trained.token_model["intercept"] = -50.0
    trained.token_model["provenance"]["demote_below"] = 0.5
    write_trained(folder, trained, word_counts(trained.examples))
    return load_lexicons(folder)


def test_learned_lexicon_adds_words_with_named_contributions(tmp_path: Path) -> None:
    trained, _ = tiny_training(load_lexicons(scorers=False))
    assert trained.token_model["weights"]["word=reneged"] > 0
    write_trained(tmp_path, trained, word_counts(trained.examples))
    lexicons = load_lexicons(tmp_path)
    doc = parse_text("The governor reneged on the pledge.", lexicons)
    result = loaded.extract(doc, lexicons)
    learned = [s for s in result.spans if s.attrs.get("rule") == "learned_lexicon"]
    assert [s.text for s in learned] == ["reneged"]
    assert "'reneged' as a word +" in learned[0].attrs["why"]
    assert 0.0 <= learned[0].attrs["score"] <= 1.0
    assert result.values["loaded_learned_count"] == 1
    assert 0.0 <= result.values["slant_score"] <= 1.0 and result.values["slant_n_sentences"] == 1


def test_learned_word_table_is_the_word_part_of_the_model(tmp_path: Path) -> None:
    trained, _ = tiny_training(load_lexicons(scorers=False))
    write_trained(tmp_path, trained, word_counts(trained.examples))
    weights = read_word_weights(tmp_path / WORDS_FILE)
    assert weights["reneged"][1] == 10  # examples: the training tokens of the word
    table = (tmp_path / WORDS_FILE).read_text(encoding="utf-8")
    (tmp_path / WORDS_FILE).write_text(table.replace("\nreneged\t", "\nrenegedx\t"), encoding="utf-8")
    scorer, _, _, _ = load_learned(tmp_path)
    assert "word=reneged" not in scorer.weights  # an edited row changes the model


def test_learned_lexicon_never_removes_a_curated_row(tmp_path: Path) -> None:
    lexicons = doubting_lexicons(tmp_path)
    spans = spans_of("The regime slammed the plan.", lexicons)
    curated = {s.text: s.attrs for s in spans}
    assert {"regime", "slammed"} <= set(curated)
    assert all(attrs["confidence"] == "possible" and "learned lexicon" in attrs["reason"]
               for attrs in curated.values())


@pytest.mark.parametrize(("edit", "problem"), [
    (lambda folder: (folder / MODEL_FILE).unlink(), "missing"),
    (lambda folder: (folder / MODEL_FILE).write_text("{oops", encoding="utf-8"), "corrupt"),
    (lambda folder: (folder / MODEL_FILE).write_text(json.dumps({"format": "framing-linear-model/9"}),
                                                     encoding="utf-8"), "another version"),
    (lambda folder: (folder / WORDS_FILE).unlink(), "missing"),
    (lambda folder: (folder / WORDS_FILE).write_text("word\tweight\texamples\nugly\theavy\t3\n", encoding="utf-8"),
     f"{WORDS_FILE}:2"),
    (lambda folder: (folder / WORDS_FILE).write_text("term\tweight\nugly\t1\n", encoding="utf-8"), "header row"),
    (lambda folder: _edit_provenance(folder, sentence_threshold="high"), "sentence_threshold"),
])
def test_learned_bad_model_or_table_exits_2_with_one_line(tmp_path: Path, capsys, edit, problem: str) -> None:
    folder = tmp_path / "pack"
    trained, _ = tiny_training(load_lexicons(scorers=False))
    write_trained(folder, trained, word_counts(trained.examples))
    edit(folder)
    with pytest.raises(FramingInputError, match=r"train_learned_lexicon\.py"):
        load_lexicons(folder)
    assert_extract_exits_2(tmp_path, folder, capsys, problem)


def _edit_provenance(folder: Path, **values) -> None:
    model = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    model["provenance"].update(values)
    (folder / MODEL_FILE).write_text(json.dumps(model), encoding="utf-8")


def test_learned_lone_sentence_has_its_own_threshold(tmp_path: Path) -> None:
    trained, _ = tiny_training(load_lexicons(scorers=False))
    trained.token_model["threshold"] = 0.01
    trained.token_model["provenance"]["sentence_threshold"] = 0.999
    write_trained(tmp_path, trained, word_counts(trained.examples))
    lexicons = load_lexicons(tmp_path)
    assert lexicons.learned_loaded.threshold_for(1) == 0.999 and lexicons.learned_loaded.threshold_for(2) == 0.01

    def learned(text: str) -> list[str]:
        return [s.text for s in spans_of(text, lexicons) if s.attrs.get("rule") == "learned_lexicon"]

    assert "reneged" not in learned("The governor reneged on the pledge.")  # a lone sentence: 0.999
    assert "reneged" in learned("The governor reneged on the pledge. Aides met on Monday.")  # an article: 0.01


def test_learned_shipped_models_are_optional_with_licences_recorded() -> None:
    if not (LEARNED / MODEL_FILE).exists():
        pytest.skip("no learned lexicon shipped in this checkout")
    scorer, demote_below, _, _ = load_learned(LEARNED)
    provenance = scorer.provenance
    assert "research use" in provenance["data"]["basil"] and "AGPL" in provenance["data"]["babe"]
    assert "not MIT" in provenance["licence"] and 0.0 <= demote_below <= 1.0
    header = (LEARNED / WORDS_FILE).read_text(encoding="utf-8").splitlines()[:8]
    assert any(line.startswith("# licence: not MIT") for line in header)
    assert load_lexicons().learned_loaded is None


def test_learned_slant_scores_match_the_model_on_their_features(tmp_path: Path) -> None:
    from framing.slant import score_sentences, sentence_features, sentence_norms

    trained, _ = tiny_training(load_lexicons(scorers=False))
    write_trained(tmp_path, trained, word_counts(trained.examples))
    lexicons = load_lexicons(tmp_path)
    doc = parse_text("Senator Roe reneged on the deal. Aides met on Monday.", lexicons)
    scored = score_sentences(doc, lexicons.slant_model)
    for sentence, norms in zip(scored, sentence_norms(doc), strict=True):
        features = sentence_features(norms, lexicons.slant_model.weights)
        assert sentence.probability == pytest.approx(lexicons.slant_model.probability(features))
    assert scored[0].probability > scored[1].probability  # "reneged" was marked slanted in training
    quoted = score_sentences(parse_text('Aides met. “Senator Roe reneged on the deal,” she said.', lexicons),
                             lexicons.slant_model)
    assert [s.own_voice for s in quoted] == [True, False]  # a sentence mostly inside a quotation is not own voice
    assert "'reneged' +" in scored[0].evidence(lexicons.slant_model)


def test_learned_report_shows_the_writers_voice_and_quoted_voice_apart(tmp_path: Path) -> None:
    from dataclasses import replace as with_fields

    from framing.analysis import analyze_document
    from framing.report.html import render_html
    from framing.report.model import build_report_model

    trained, _ = tiny_training(load_lexicons(scorers=False))
    write_trained(tmp_path, trained, word_counts(trained.examples))
    lexicons = load_lexicons(tmp_path)
    texts = {"A": "The reckless plan failed. “It was a reckless idea,” the mayor said.",
             "B": "The plan failed. The mayor said that it was reckless."}
    analyses = [analyze_document(with_fields(parse_text(text, lexicons, id=outlet), outlet=outlet), lexicons)
                for outlet, text in texts.items()]
    rows = {row["outlet"]: row for row in build_report_model(analyses, lexicons)["loaded_voices"]["rows"]}
    assert (rows["A"]["own"], rows["A"]["quoted"], rows["A"]["paraphrase"]) == (1, 1, 0)
    assert (rows["B"]["own"], rows["B"]["quoted"], rows["B"]["paraphrase"]) == (0, 0, 1)
    assert rows["A"]["slant_sentences"] == 1 and rows["B"]["slant_sentences"] == 2
    html = render_html(build_report_model(analyses, lexicons), [])
    assert "Loaded language by voice" in html and "would call slanted" in html


def test_learned_possible_findings_are_counted_nowhere(tmp_path: Path) -> None:
    from framing.analysis import analyze_document
    from framing.compare.many_stories import article_counts

    lexicons = doubting_lexicons(tmp_path)
    analysis = analyze_document(parse_text("The regime slammed the plan.", lexicons), lexicons)
    assert [s for s in analysis.spans if s.type == "loaded"] and not any(
        s.counted for s in analysis.spans if s.type == "loaded")
    assert analysis.features["loaded_count"] == 0 and analysis.features["loaded_possible_count"] == 2
    assert article_counts(analysis)[3]["loaded"] == 0


@pytest.mark.parametrize("threshold", [0.02, 0.2, 0.5])
def test_learned_words_skipped_under_the_bound_could_not_reach_the_threshold(tmp_path: Path, threshold) -> None:
    from dataclasses import replace as with_fields

    from framing.features.learned_loaded import TokenFeatureReader, learned_spans
    from framing.lexicons import LearnedLexicon
    from framing.slant import score_sentences

    trained, _ = tiny_training(load_lexicons(scorers=False))
    # (memberships, neighbours and the sentence's slant all enter the bound the skipped words are under)
    trained.token_model["weights"].update({"lexicon=hedges": 1.5, "lexicon=loaded:evaluative": 2.0,
                                           "next=deal": 6.0, "prev=officials": 6.0, "sentence_slant": 1.5})
    write_trained(tmp_path, trained, word_counts(trained.examples))
    lexicons = load_lexicons(tmp_path)
    model = LearnedLexicon(with_fields(lexicons.learned_loaded.scorer, threshold=threshold), 0.0)
    doc = parse_text("The governor reneged and perhaps fumed. “Aides reneged,” she said.\n\n"
                     "Officials said that the sloppy deal was signed, reportedly on Monday.", lexicons)
    slant = [s.probability for s in score_sentences(doc, lexicons.slant_model)]
    loaded.extract(doc, lexicons)  # (the curated extractor runs first, as in extraction: its memo tightens the bound)
    added, _ = learned_spans(doc, lexicons, model, [], slant)
    reader = TokenFeatureReader(doc, lexicons, slant)
    every = [doc.token_columns().starts[i] for i in reader.indexes
             if model.scorer.probability(reader.features(i)) >= threshold]
    assert [s.start for s in added] == every and every  # scoring every word finds the same ones


def test_learned_thresholds_are_chosen_per_context_and_scored_nested() -> None:
    from framing.training_learned import PhraseScorer, TokenExample

    # Articles: marked words score 0.3, plain ones 0.1 or under; lone sentences: marked 0.8, plain 0.6.
    # One threshold cannot serve both; a threshold per context can, and the nested choice finds it on
    # the other folds. A marked phrase of two words counts once for recall.
    examples, oof, marks = [], [], {}
    for n in range(10):
        for article, (hit, miss) in ((True, (0.3, 0.1)), (False, (0.8, 0.6))):
            text_id = f"{'a' if article else 's'}{n}"
            marks[text_id] = ((0, 11),)
            for start, p, label in ((0, hit, True), (6, hit, True), (20, miss, False)):
                examples.append(TokenExample({}, label, text_id, "art" if article else "sen", text_id, start,
                                             start + 5, False, article))
                oof.append(p)
    scorer = PhraseScorer(examples, oof, 0.0, marks)
    chosen = scorer.thresholds(list(scorer.texts))
    assert 0.1 < chosen["article"] <= 0.3 and 0.6 < chosen["sentence"] <= 0.8
    every = scorer.figures(list(scorer.texts), {True: chosen["article"], False: chosen["sentence"]})
    assert every["art"] == every["sen"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    one = scorer.best(list(scorer.texts))
    assert _mean(scorer.figures(list(scorer.texts), {True: one, False: one})) < 1.0
    assert scorer.nested() == every  # the same thresholds from every fold's other folds


def _mean(figures: dict) -> float:
    return sum(f["f1"] for f in figures.values()) / len(figures)


def test_learned_threshold_is_chosen_on_what_framing_reports() -> None:
    from framing.training_learned import TokenExample, choose_threshold, reported

    def word(p: float, label: bool, curated: bool) -> tuple[TokenExample, float]:
        return TokenExample({}, label, "g", "own", "t", 0, 1, curated), p

    # Curated words are reported whatever their score above the demotion bar; the added words'
    # scores decide the threshold: marked ones at 0.6-0.7, unmarked ones at 0.3 or under.
    pairs = [word(0.1, True, True), word(0.1, True, True), word(0.7, True, False), word(0.6, True, False),
             word(0.3, False, False), word(0.2, False, False), word(0.05, False, True)]
    examples, oof = [e for e, _ in pairs], [p for _, p in pairs]
    assert reported(examples, oof, 0.5, 0.08) == [True, True, True, True, False, False, False]
    threshold = choose_threshold(examples, oof, 0.08)
    assert 0.3 < threshold <= 0.6


def test_learned_reads_only_curated_spans_it_could_demote(tmp_path: Path) -> None:
    from dataclasses import replace

    from framing.document import Span
    from framing.features.learned_loaded import learned_spans

    lexicons = doubting_lexicons(tmp_path)
    text = "The governor reneged and fumed."
    doc = parse_text(text, lexicons)

    def curated(word: str, **attrs) -> Span:
        start = text.index(word)
        return Span("loaded", start, start + len(word), word, word, "evaluative", attrs=attrs)

    spans = [curated("reneged"), curated("fumed", confidence="possible", reason="the context scorer")]
    added, demoted = learned_spans(doc, lexicons, lexicons.learned_loaded, spans)
    assert list(demoted) == [0] and "learned lexicon gives it" in demoted[0]  # the possible one keeps its reason
    sure = replace(lexicons.learned_loaded, scorer=replace(lexicons.learned_loaded.scorer, intercept=50.0))
    added, demoted = learned_spans(doc, lexicons, sure, spans)
    assert [s.text for s in added] == ["governor"] and not demoted  # no word of a curated span is added
