"""Cleaning: boilerplate goes, the title and byline are lifted out, no body sentence is lost."""

from __future__ import annotations

import re

import pytest

from framing.corpus import bundled_seed_dir, load_articles
from framing.corpus.cleaning import clean_text

BOILERPLATE = [
    "Home »",
    "You may also like",
    "Leave a Comment",
    "Akismet",
    "Adblock Detected",
    "disabling your AdBlocker",
    "Share your thoughts in the comments",
]


def _raw_seeds():
    return {a.id: a for a in load_articles([bundled_seed_dir()])}


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_cleaning_removes_boilerplate_from_every_seed(seed_docs, phrase: str) -> None:
    for doc in seed_docs.values():
        assert phrase.lower() not in doc.text.lower(), f"{phrase!r} left in {doc.id}"


def _body_sentences(raw: str) -> list[str]:
    """Sentence-like pieces of a raw seed, by a rule independent of framing's segmenter."""
    pieces = re.split(r"(?<=[.!?”])\s+|\n+", raw)
    return [p.strip() for p in pieces if len(p.split()) >= 6]


def test_cleaning_keeps_every_body_sentence(seed_docs) -> None:
    """Each sentence-like piece of a raw seed is in the cleaned text, or was removed as boilerplate."""
    raw = _raw_seeds()
    for doc_id, doc in seed_docs.items():
        squeezed = re.sub(r"\s+", "", doc.text)
        boilerplate_removed = [
            r
            for r in doc.removed
            if r in (doc.title, f"by {doc.byline}") or any(b.lower() in r.lower() for b in BOILERPLATE)
        ]
        markup = [r for r in doc.removed if r.startswith("*") and r.endswith("*")]  # unwrapped emphasis
        assert len(boilerplate_removed) + len(markup) == len(doc.removed), f"{doc_id} removed: {doc.removed}"
        for piece in _body_sentences(raw[doc_id].text):
            for emphasis in markup:
                piece = piece.replace(emphasis, emphasis.strip("*"))
            # the cleaner may only have inserted spaces after glued punctuation and unwrapped emphasis
            kept = re.sub(r"\s+", "", piece) in squeezed
            dropped = any(piece in removed for removed in boilerplate_removed)
            assert kept or dropped, f"{doc_id} lost: {piece[:80]!r}"


@pytest.mark.parametrize(
    ("doc_id", "title", "byline"),
    [
        ("seed-000", "Trump’s Phone Call with Maduro Fuels Speculation About Diplomatic Relations", ""),
        ("seed-001", "Trump Considers Maduro Call: Venezuela Diplomacy Shift?", "James Carter Senior News Editor"),
        ("seed-002", "", ""),
        ("seed-003", "Trump Eyes Talks with Maduro Amid US Escalation and Drug War", ""),
        ("seed-004", "", ""),
    ],
)
def test_cleaning_lifts_title_and_byline(seed_docs, doc_id: str, title: str, byline: str) -> None:
    doc = seed_docs[doc_id]
    assert doc.title == title
    assert doc.byline == byline
    if title:
        assert not doc.text.startswith(title)


def test_cleaning_keeps_subheadings_and_raw_text(seed_docs) -> None:
    raw = _raw_seeds()
    doc = seed_docs["seed-001"]
    assert doc.text.startswith("Trump’s Venezuela Gambit: A High-Stakes Negotiation or a Drug War Diversion?")
    assert doc.raw_text == raw["seed-001"].text
    assert "Adblock Detected" in doc.removed


def test_cleaning_cut_from_drops_trailer_only(lexicons) -> None:
    text = "Title line here\n\nFirst body sentence is long enough.\n\nYou may also like\n\nOther story headline"
    cleaned = clean_text(text, lexicons.cleaning_rules)
    assert cleaned.title == "Title line here"
    assert cleaned.text == "First body sentence is long enough."
    assert "Other story headline" in cleaned.removed


def test_cleaning_rules_are_data(tmp_path, lexicons) -> None:
    from framing.lexicons import load_lexicons

    (tmp_path / "cleaning.tsv").write_text(
        "pattern\taction\tsource\tnote\nRead more at Example News\tdrop_line\ttest\tsite footer\n", encoding="utf-8"
    )
    custom = load_lexicons(tmp_path)
    text = "A first sentence that is the body.\nRead more at Example News"
    assert "Example News" in clean_text(text, lexicons.cleaning_rules).text
    assert "Example News" not in clean_text(text, custom.cleaning_rules).text


@pytest.mark.parametrize(
    ("body", "cleaned_body"),
    [
        ("The *Reuters* news agency reported that talks began.", "The Reuters news agency reported that talks began."),
        ("Officials called it **a turning point** on Monday.", "Officials called it a turning point on Monday."),
        ("The vote was 5 * 3 * 2 in the old count.", "The vote was 5 * 3 * 2 in the old count."),
        ("Footnotes* are marked *here and there.", "Footnotes* are marked *here and there."),
        ("The code a*b*c stays as written.", "The code a*b*c stays as written."),
    ],
)
def test_cleaning_unwraps_markdown_emphasis_only(lexicons, body: str, cleaned_body: str) -> None:
    cleaned = clean_text("Title line here\n\n" + body, lexicons.cleaning_rules)
    assert cleaned.text == cleaned_body
    if body != cleaned_body:
        assert any(item.startswith("*") for item in cleaned.removed)  # the markup is listed, not lost


def test_cleaning_regression_reuters_source_keeps_its_name(seed_docs, lexicons) -> None:
    """Seed 000: "The *Reuters* news agency" was clipped to "news agency" by the asterisks."""
    from framing.analysis import analyze_document

    spans = analyze_document(seed_docs["seed-000"], lexicons).spans
    assert "The Reuters news agency" in [span.text for span in spans if span.type == "source"]


def test_cleaning_unwrap_rule_needs_a_keep_group(tmp_path) -> None:
    from framing.errors import FramingInputError
    from framing.lexicons import load_lexicons

    (tmp_path / "cleaning.tsv").write_text(
        "pattern\taction\tsource\tnote\n_(\\w+)_\tunwrap\ttest\tunderscores\n", encoding="utf-8"
    )
    with pytest.raises(FramingInputError, match=r"cleaning.tsv:2: an unwrap pattern needs a group named 'keep'"):
        load_lexicons(tmp_path)


def test_cleaning_drops_navigation_and_a_second_headline(lexicons) -> None:
    """A page's navigation text and its other headline are no body sentences (a handout numbered them)."""
    text = ("Site Mobile Navigation\n\nMayor Names Old Friend to Run the Harbour Board\n\n"
            "RIVERTON — The mayor on Monday named a former aide to lead the harbour board.\n\n"
            "She starts next week.")
    cleaned = clean_text(text, lexicons.cleaning_rules, title="Harbour board gets a new chief")
    assert cleaned.text.startswith("RIVERTON — The mayor")
    assert "Site Mobile Navigation" in cleaned.removed
    assert "Mayor Names Old Friend to Run the Harbour Board" in cleaned.removed


def test_cleaning_keeps_a_first_sentence_after_the_title(lexicons) -> None:
    """Only a headline-shaped first line goes: a body sentence (closing mark) and a lone dateline stay."""
    for body in ("The mayor on Monday named a former aide to lead the harbour board.\n\nShe starts soon.",
                 "RIVERTON\n\nThe mayor on Monday named a former aide to lead the harbour board."):
        cleaned = clean_text(body, lexicons.cleaning_rules, title="Harbour board gets a new chief")
        assert cleaned.text == body


@pytest.mark.parametrize("body, cleaned_body", [
    ("Guests were Ann Holt and ?Pat Cole on Monday.", "Guests were Ann Holt and Pat Cole on Monday."),
    ("Met \ufffdPat Cole.\n\n\ufffdThe end came.", "Met Pat Cole.\n\nThe end came."),
    # a real question mark, a link's "?", and a lost letter inside or at the end of a word stay
    ("Is it true? Yes. See site.example/a?b=1 now.", "Is it true? Yes. See site.example/a?b=1 now."),
    ("Jos\ufffd Pe\ufffda spoke.", "Jos\ufffd Pe\ufffda spoke."),
])
def test_cleaning_drops_a_lost_character_only_at_a_words_start(lexicons, body: str, cleaned_body: str) -> None:
    """A blind teacher found stray "?" beside names in a handout (a non-breaking space the page's encoding lost)."""
    cleaned = clean_text(f"Holt and ?Pat Cole meet\n\n{body}", lexicons.cleaning_rules)
    assert cleaned.text == cleaned_body and cleaned.title == "Holt and Pat Cole meet"
