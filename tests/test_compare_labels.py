"""Labeling matrix: what each outlet calls the same entities (hand-made corpora and the seeds)."""

from __future__ import annotations

import pytest

from framing.analysis import ArticleAnalysis
from framing.compare import build_comparison
from framing.compare.common import WordFolder
from framing.compare.labels import build_labels
from framing.corpus import parse_text
from framing.lexicons import load_lexicons


def corpus(lexicons, texts: dict[str, str]) -> list[ArticleAnalysis]:
    return [
        ArticleAnalysis(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), {}, ())
        for i, (outlet, text) in enumerate(texts.items())
    ]


def labels_of(frame, entity: str, outlet: str) -> set[str]:
    rows = frame[(frame.entity == entity) & (frame.outlet == outlet)]
    return set(rows.label_key)


def test_labels_unify_spelling_variants_across_outlets(lexicons):
    analyses = corpus(lexicons, {
        "A": "Venezuelan President Nicolás Maduro spoke to reporters on Monday.",
        "B": "Venezuelan President Nicolas Maduro spoke to reporters on Monday.",
    })
    frame = build_labels(analyses, lexicons, WordFolder(lexicons.stop_words))
    row = frame[(frame.outlet == "A") & (frame.label_key == "venezuelan president nicolas maduro")]
    assert len(row) == 1
    assert row.iloc[0].entity == "Nicolás Maduro"
    assert row.iloc[0].n_outlets_using == 2
    other = frame[(frame.outlet == "B") & (frame.label_key == "venezuelan president nicolas maduro")]
    assert other.iloc[0].variants == ["Venezuelan President Nicolas Maduro"]


def test_labels_find_descriptions_that_never_name_the_entity(lexicons):
    analyses = corpus(lexicons, {
        "A": "No president has met the authoritarian figurehead from Venezuela before.",
        "B": "Talks with the Chavista regime led to the release of six Americans.",
    })
    frame = build_labels(analyses, lexicons, WordFolder(lexicons.stop_words))
    assert "authoritarian figurehead from venezuela" in labels_of(frame, "Nicolás Maduro", "A")
    assert "chavista regime" in labels_of(frame, "Nicolás Maduro", "B")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Critics called the attacks on boats extrajudicial killings in a statement.", "extrajudicial killings"),
        ("The Pentagon stopped drug trafficking through targeted strikes last week.", "targeted strikes"),
        ("The designation has placed Maduro under new sanctions this year.", "maduro"),
        ("Officials said the offer would undermine Maduro’s regime within months.", "maduro regime"),
    ],
)
def test_labels_take_modifiers_but_not_verbs(lexicons, text, expected):
    frame = build_labels(corpus(lexicons, {"A": text}), lexicons, WordFolder(lexicons.stop_words))
    assert expected in set(frame.label_key)


def test_labels_carry_the_loaded_lexicon_category(lexicons):
    analyses = corpus(lexicons, {"A": "Sanctions hit the Maduro regime hard in the spring."})
    frame = build_labels(analyses, lexicons, WordFolder(lexicons.stop_words))
    row = frame[frame.label_key == "maduro regime"].iloc[0]
    assert "regime" in row.loaded_terms
    assert "pejorative_label" in row.category.split(";")


def test_labels_find_shared_capitalized_names_automatically(lexicons):
    analyses = corpus(lexicons, {
        "A": "Yesterday Senator Jane Roe criticized the plan in a long speech.",
        "B": "The plan was criticized by Jane Roe in a long speech.",
        "C": "Nobody else spoke about the plan yesterday in the chamber.",
    })
    frame = build_labels(analyses, lexicons, WordFolder(lexicons.stop_words))
    auto = frame[frame.entity_source == "auto"]
    assert set(auto[auto.entity == "Jane Roe"].label_key) == {"senator jane roe", "jane roe"}
    assert set(auto[auto.entity == "Jane Roe"].outlet) == {"A", "B"}


def test_labels_use_pins_from_a_user_manifest(tmp_path, lexicons):
    (tmp_path / "entities.tsv").write_text(
        "# allowed_kind: name, qualifier, role, event\n"
        "term\tkind\tentity\tsource\tnote\n"
        "Acme\tname\tAcme Corporation\ttest\ta company\n"
        "Roadrunner Works\tname\tAcme Corporation\ttest\tits other name\n",
        encoding="utf-8",
    )
    pinned = load_lexicons(tmp_path)
    analyses = corpus(pinned, {
        "A": "The notorious Acme denied every charge.",
        "B": "Investors in Roadrunner Works lost money again.",
    })
    frame = build_labels(analyses, pinned, WordFolder(pinned.stop_words))
    rows = frame[frame.entity == "Acme Corporation"]
    assert set(rows.outlet) == {"A", "B"}
    assert {"notorious acme", "roadrunner works"} <= set(rows.label_key)


def test_labels_on_seeds_show_the_variants(seed_analyses, lexicons):
    frame = build_comparison(list(seed_analyses.values()), lexicons=lexicons)["labels"]
    maduro = set(frame[frame.entity == "Nicolás Maduro"].label_key)
    assert {
        "venezuelan leader nicolas maduro",
        "authoritarian figurehead from venezuela",
        "venezuelan president nicolas maduro",
        "maduro regime",
        "chavista regime",
    } <= maduro
    cartel = frame[frame.entity == "Cartel de los Soles"]
    assert {"cartel de los soles", "suns cartel", "cartel of the suns", "so-called cartel of the suns"} <= set(
        cartel.label_key
    )
    strikes = set(frame[frame.entity == "US strikes on boats"].label_key)
    assert {"extrajudicial killings", "targeted strikes", "murder"} <= strikes
    assert any("narcoterrorism" in key and "strikes" in key for key in strikes)
    accent = frame[frame.label_key == "venezuelan leader nicolas maduro"]
    assert set(accent.outlet) == {"Source A", "Source E"}


@pytest.mark.parametrize(
    ("label", "quoted"),
    [
        ("the “Suns Cartel”", True),
        ("the ‘Cartel of the Suns’", True),
        ('"Cartel of the Suns"', True),
        ("Maduro’s regime", False),
        ("Maduro's government", False),
        ("the so-called Cartel of the Suns", False),
    ],
)
def test_compare_labels_apostrophe_is_not_a_scare_quote(label: str, quoted: bool) -> None:
    from framing.compare.labels import is_quoted_label

    assert is_quoted_label(label) is quoted


def test_compare_folder_remembers_headings_per_document_within_a_bound(lexicons):
    from framing.compare import common
    from framing.compare.common import WordFolder
    from framing.corpus import parse_text

    titled = parse_text("Talks Stall At City Hall\n\nThe council met on Monday and voted to delay the budget again.",
                        lexicons, id="a")
    plain = parse_text("The council met on Monday and voted to delay the budget again.", lexicons, id="a")
    folder = WordFolder(lexicons.stop_words)
    assert folder.headings(titled) == {0}
    assert folder.headings(plain) == set()  # same id, other document: its own headings
    assert folder.folded_tokens(titled)[0] == "talks"
    others = [parse_text(f"Item {n} was sold on Monday for a fair price at auction.", lexicons, id=f"o{n}")
              for n in range(common.RECENT_DOCUMENTS)]
    for doc in others:
        folder.headings(doc)
    assert len(folder._documents) <= common.RECENT_DOCUMENTS
    assert id(titled) not in folder._documents or folder._documents[id(titled)][0] is not titled
