"""Readability: our one-pass formulas against textstat 0.7.13, syllables, evidence, offline use."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Callable

import pytest

from framing.corpus import bundled_seed_dir
from framing.document import Document
from framing.features import readability
from framing.features.readability import SCORES
from framing.lexicons import Lexicons
from framing.syllables import SyllableCounter, cmu_syllable_counts, easy_words

TOLERANCE = 0.1


def _seed_paragraphs(per_file: int = 4) -> list:
    """The first paragraphs of 25+ words of each bundled article, as written (raw text)."""
    params = []
    for path in sorted(bundled_seed_dir().glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.split()) >= 25]
        params += [pytest.param(p, id=f"seed{path.name[:3]}-p{i}") for i, p in enumerate(paragraphs[:per_file])]
    return params


SIMPLE = "The cat sat on the mat. The dog ran to the cat. It was fun. We all had a good day."
COMPLEX = (
    "Notwithstanding considerable epistemological uncertainty, contemporary administrative jurisprudence "
    "increasingly characterizes intergovernmental accountability mechanisms as constitutionally "
    "indispensable institutional infrastructure, particularly where multilateral organizations exercise "
    "extraterritorial regulatory authority."
)
HAND_MADE = [
    pytest.param(SIMPLE, id="very-simple"),
    pytest.param(COMPLEX, id="very-complex"),
    pytest.param(
        "U.S. officials—speaking on condition of anonymity—said the $1.13bn deal (roughly 76%) wasn't final. "
        "“It’s a well-known problem,” one said... Really? Yes! Mr. O'Neill didn't comment on Maduro's e-mail.",
        id="punctuation-heavy",
    ),
    pytest.param(
        "Trump's call with Maduro\n\nA heading without a full stop runs into this sentence. Then another follows.",
        id="heading-without-stop",
    ),
    pytest.param("Narcoterrorism, chavismo and Brexit: rare words fall back to hyphenation.", id="unknown-words"),
]
PARAGRAPHS = _seed_paragraphs() + HAND_MADE


@pytest.mark.parametrize("text", PARAGRAPHS)
@pytest.mark.parametrize("formula", SCORES)
def test_readability_matches_textstat_on_paragraphs(
    formula: str, text: str, textstat_offline, parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    ours = readability.extract(parse(text), lexicons).values[formula]
    reference = getattr(textstat_offline, formula)(text)
    assert abs(ours - reference) <= TOLERANCE, f"{formula}: ours {ours:.3f}, textstat {reference:.3f}"


@pytest.mark.parametrize("formula", SCORES)
@pytest.mark.parametrize("doc_id", [f"seed-00{i}" for i in range(5)])
def test_readability_matches_textstat_on_whole_seed_articles(
    formula: str, doc_id: str, textstat_offline, seed_docs: dict[str, Document], lexicons: Lexicons
) -> None:
    doc = seed_docs[doc_id]
    ours = readability.extract(doc, lexicons).values[formula]
    reference = getattr(textstat_offline, formula)(doc.text)
    assert abs(ours - reference) <= TOLERANCE, f"{formula}: ours {ours:.3f}, textstat {reference:.3f}"


def test_readability_simple_text_scores_easier_than_complex(
    parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    simple = readability.extract(parse(SIMPLE), lexicons).values
    hard = readability.extract(parse(COMPLEX), lexicons).values
    assert simple["flesch_reading_ease"] > 90 > 0 > hard["flesch_reading_ease"]
    for grade in ("flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                  "automated_readability_index", "dale_chall_readability_score"):
        assert simple[grade] < hard[grade], grade


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1),
        ("the", 1),
        ("water", 2),
        ("rhythm", 2),
        ("banana", 3),
        ("president", 3),
        ("government", 3),
        ("syllable", 3),
        ("television", 4),
        ("journalism", 4),
        ("venezuela", 4),
        ("university", 5),
        ("readability", 5),
        ("administration", 5),
    ],
)
def test_syllables_dictionary_words_counted(word: str, syllables: int) -> None:
    counter = SyllableCounter()
    assert counter.in_dictionary(word)
    assert counter(word) == syllables


@pytest.mark.parametrize("word", ["maduro", "narcoterrorism", "chavismo", "brexit", "leftright", "2004", "mps", "600m"])
def test_syllables_unknown_words_fall_back_like_textstat(word: str, textstat_offline) -> None:
    counter = SyllableCounter()
    assert not counter.in_dictionary(word)
    assert counter(word) == textstat_offline.syllable_count(word) >= 1


def test_syllables_counter_caches_hyphenation_guesses() -> None:
    class CountingHyphenator:
        calls = 0

        def positions(self, word: str) -> list[int]:
            self.calls += 1
            return [3, 6]

    hyphenator = CountingHyphenator()
    counter = SyllableCounter(hyphenator=hyphenator)
    assert counter.many(["narcoterrorism", "cat", "narcoterrorism"]) == [3, 1, 3]
    assert counter("narcoterrorism") == 3
    assert hyphenator.calls == 1


def test_readability_evidence_values_on_hand_counted_text(parse: Callable[[str], Document], lexicons: Lexicons) -> None:
    text = "Short one here. This sentence is clearly much longer than the first one was. Tiny bit more."
    doc = parse(text)
    values = readability.extract(doc, lexicons).values
    start, end = int(values["longest_sentence_start"]), int(values["longest_sentence_end"])
    assert doc.text[start:end] == "This sentence is clearly much longer than the first one was."
    assert values["longest_sentence_words"] == 11
    assert values["readability_words"] == 17
    assert values["readability_sentences"] == 3
    assert values["words_per_sentence"] == pytest.approx(17 / 3)


def test_readability_complex_word_share_and_syllables_per_word(
    parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    # the (1) university (5) administration (5) considered (3) everything (3)
    values = readability.extract(parse("The university administration considered everything."), lexicons).values
    assert values["complex_word_share"] == pytest.approx(4 / 5)
    assert values["syllables_per_word"] == pytest.approx(17 / 5)
    # university, administration and considered are not on the Dale–Chall list; the, everything are
    assert values["difficult_word_share"] == pytest.approx(3 / 5)


def test_readability_dale_chall_of_familiar_words_has_no_penalty(
    parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    values = readability.extract(parse("The cat sat on the mat."), lexicons).values
    assert values["difficult_word_share"] == 0
    assert values["dale_chall_readability_score"] == pytest.approx(0.0496 * 6)


@pytest.mark.parametrize("text", ["", "   \n ", "Hello", "Hello.", "—", "...", "42"])
def test_readability_tiny_texts_do_not_crash(
    text: str, textstat_offline, parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    values = readability.extract(parse(text), lexicons).values
    assert all(math.isfinite(value) for value in values.values())
    for formula in SCORES:
        assert abs(values[formula] - getattr(textstat_offline, formula)(text)) <= TOLERANCE, formula


def test_readability_empty_text_scores_zero(parse: Callable[[str], Document], lexicons: Lexicons) -> None:
    values = readability.extract(parse(""), lexicons).values
    assert all(values[formula] == 0.0 for formula in SCORES)
    assert values["longest_sentence_end"] == 0


def test_readability_never_calls_nltk_download(
    monkeypatch: pytest.MonkeyPatch, seed_docs: dict[str, Document], lexicons: Lexicons
) -> None:
    import nltk

    def refuse(*args, **kwargs):
        raise AssertionError("nltk.download called")

    monkeypatch.setattr(nltk, "download", refuse)
    cmu_syllable_counts.cache_clear()  # load the dictionary again, under the patch
    easy_words.cache_clear()
    values = readability.extract(seed_docs["seed-000"], lexicons).values
    assert 0 < values["flesch_kincaid_grade"] < 30


def test_readability_works_without_nltk_installed() -> None:
    script = (
        "import sys; sys.modules['nltk'] = None\n"  # any `import nltk` now fails
        "from framing.corpus import parse_text\n"
        "from framing.features import readability\n"
        "from framing.lexicons import load_lexicons\n"
        "lexicons = load_lexicons()\n"
        "values = readability.extract(parse_text('The plan may fail. Officials said so.', lexicons), lexicons).values\n"
        "assert values['flesch_reading_ease'] > 0, values\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
