"""Register cues: countable marks of opinion writing that need no lexicon.

An opinion piece and a wire report differ in more than their loaded words: opinion
writing addresses the reader ("we", "you"), speaks informally (contractions,
"!", "?", dashes, words in capitals, a sentence opened with "And" or "But"), grades
with adverbs and superlatives; reporting carries numbers and names. These cues are
properties of the text, so they are computed here, at run time, for any document; the
BABE sentence classifier (``benchmarks/evaluation/tasks.py``) reads them from here
together with the extractors' counts, so the benchmark measures what framing computes
rather than a copy of it. They are not an extractor: they add no spans and no rates to
the output contract.
"""

from __future__ import annotations

from ..document import Document

# Closed-class words for the person cues.
FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# Conjunctions that open a sentence in an informal register ("And yet...", "But here's the thing").
INITIAL_CONJUNCTIONS = frozenset({"and", "but", "so", "or", "yet"})
# Superlatives that are not "-iest" forms ("the worst", "the most").
SUPERLATIVE_WORDS = frozenset({"most", "least", "best", "worst"})
# Cues that are counts (a classifier may log-scale them); the others are shares or 0/1 marks.
COUNT_CUES = ("first_person", "second_person", "contractions", "all_caps_words", "ly_adverbs", "superlatives")


def register_cues(doc: Document) -> dict[str, float]:
    """Counts, shares and marks of register for ``doc`` (names in :data:`COUNT_CUES` are counts).

    Counts: first- and second-person words, contractions ("isn't", "they're"; the norm
    has straight apostrophes and no possessive 's, so "Trump's" is not one), all-capital
    words of three letters or more, ``-ly`` adverbs longer than four letters, superlatives
    ("worst", "costliest"). Shares of words: with a digit, capitalised after the first.
    Marks (0 or 1): "!", "?", a dash, a parenthesis, a sentence-initial conjunction.
    """
    words = [t for t in doc.tokens if t.is_word]
    n = max(1, len(words))
    text = doc.text
    return {
        "first_person": float(sum(t.norm in FIRST_PERSON for t in words)),
        "second_person": float(sum(t.norm in SECOND_PERSON for t in words)),
        "contractions": float(sum("'" in t.norm for t in words)),
        "all_caps_words": float(sum(t.text.isupper() and len(t.text) > 2 for t in words)),
        "ly_adverbs": float(sum(t.norm.endswith("ly") and len(t.norm) > 4 for t in words)),
        "superlatives": float(sum(t.norm in SUPERLATIVE_WORDS or t.norm.endswith("iest") for t in words)),
        "digit_share": sum(any(c.isdigit() for c in t.text) for t in words) / n,
        "capitalised_share": sum(t.text[:1].isupper() for t in words[1:]) / n,
        "exclamation": float("!" in text),
        "question": float("?" in text),
        "dash": float("—" in text or "--" in text or " – " in text),
        "parenthesis": float("(" in text),
        "initial_conjunction": float(bool(words) and words[0].norm in INITIAL_CONJUNCTIONS),
    }
