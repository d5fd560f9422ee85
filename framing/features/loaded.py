"""Loaded language: words that pass judgement where a neutral word would do, and scare quotes.

Terms come from ``lexicons/loaded.tsv``; every entry carries a neutral
``alternative`` so a reader sees what the plainer wording would be. Rows in
category ``exclusion`` are neutral terms of art that contain a loaded word
("regime change", "sanctions regime", "charged with murder"); they are matched
only so that the word inside them is not counted, and they are data so that users
can add their own.

A one-word term also matches its regular inflections ("slam": slams, slammed,
slamming; "bizarre": bizarrely; "ugly": uglier, ugliest), so the lexicon lists a word once rather than
every form, and a form the lexicon forgot is still found. Only words that no
lexicon row (exclusions included) has claimed are tried, and a base is rejected
when English spelling would have doubled its last consonant ("shamed" is not a
form of "sham", which gives "shammed"). A hyphenated compound whose last part is
such a participle ("liberal-bashing", "power-crazed") counts as that participle. The
span's label is the base term, whose alternative and note apply.

Some words are loaded in one use and plain in another; a row's ``rule`` names the
context test (:data:`RULES`) its match must pass. ``named_target``: verbs of harsh
criticism that are also literal verbs ("blasts", "ripped") count only with a named,
capitalised object ("Blair blasts Tory plans", "ripped Donald Trump"), which the
explosion, sports and tearing senses ("blasted the ball", "the blasts which killed",
"ripped apart") lack. ``not_before_measure``: a size adjective right before a noun of
quantity ("massive debt", "huge number of") states a magnitude the reader can check,
so it is not counted; before other nouns ("a massive giveaway") it dramatises.
``adjective_use``: a word of praise that is also a past verb ("celebrated") counts as the
adjective ("the celebrated author"), not as a verb with its object ("celebrated his victory").
A word that fails its rule is still claimed, so no inflection of it is tried.

The "claim" family ("claimed", "claims that") is listed as ``distancing``: a
reporting verb that casts doubt on what it reports is loaded even though the
reporting-verb lexicon also counts it as an attribution; both signals are real.
The noun with a determiner ("the claims", "these claims") and fixed phrases
("claimed responsibility", "jobless claims") are exclusions.

Scare quotes are a writer's way of holding a word at a distance
(‘narcoterrorism’). Which quotations are scare quotes is decided once, at parse
time, by :mod:`framing.corpus.quotation`; this module only reports them, except
for quoted names: a title-case phrase of two or more words (“Southern Lance”,
‘Cartel of the Suns’, “Orange Is the New Black”) is how news prints the name of an
operation, organisation or work, not a distancing device, unless a loaded term
sits inside it. A lexicon term inside a scare quote is reported as well, since
both signals are there. Loaded words inside reported speech are reported too; the
central rate computation splits them into the journalist's own and quoted words.

Context decides whether a candidate counts. Expert annotators of real news (BASIL, BABE)
rarely mark a scare quote or a word inside a quoted speaker's words as the writer's bias,
while an evaluative word in the lede usually is. So every candidate is scored by a
transparent logistic model (:mod:`framing.linear_model`, weights in
``lexicons/loaded_scorer.json``, trained by ``scripts/train_loaded_scorer.py``) over named
features, all in [0, 1]:

* ``category=<c>``: the lexicon category (evaluative, intensifier, pejorative_label, …);
* ``in_speech_quote``: the word is inside someone's quoted words;
* ``multiword``: a phrase of two or more words rather than a single word;
* ``inflected``: matched as an inflection or compound head of a listed word;
* ``context_rule``: the entry has a context rule, and the context passed it;
* ``capitalized``: starts with a capital letter in mid-sentence (part of a name or title);
* ``lede``: in the article's first sentence;
* ``sentence_density``: other candidates in the same sentence (0, 1, 2, 3 or more → 0–1).

Scare quotes are counted by rule, not scored: BASIL's and BABE's annotators mark words,
and rarely the quotation marks around them, but distancing quotes are a device that
media-literacy teaching names explicitly, so framing keeps showing every one.
Candidates under the model's threshold are not counted (``loaded_below_threshold_count``
says how many); each kept span carries its ``score`` and ``why``, the features that moved it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..document import Document, QuoteRegion, Span, Token
from ..grammar import DETERMINERS, MENTION_NOUNS, OBJECT_PRONOUNS, POSSESSIVE_DETERMINERS, ROMANCE_NAME_PARTICLES
from ..lexicons import Entry, Lexicons, term_tokens
from ..rules import Rule, by_name, registry
from . import Extraction
from .loaded_golden import CONTEXT_GOLDEN
from .loaded_terms import (
    CURATED_LEXICONS,
    FEATURE_LEXICONS,
    INFLECTED,
    VOWELS,
    curated_entries,
    curated_matcher,
    doubles_final_consonant,
    lexicon_of,
    match_rule,
    tier_attrs,
)

EXCLUSION = "exclusion"
DENSITY_CAP = 3
# A reader's words for the scorer's features, shown in each span's ``why``.
FEATURE_LABELS = {
    "category=evaluative": "evaluative word",
    "category=intensifier": "intensifier",
    "category=pejorative_label": "pejorative label",
    "category=violence_crime": "violence or crime framing",
    "category=distancing": "distancing word",
    "in_speech_quote": "inside a quotation",
    "multiword": "a phrase",
    "inflected": "a form of a listed word",
    "context_rule": "passed a context rule",
    "capitalized": "capitalized mid-sentence",
    "lede": "in the first sentence",
    "sentence_density": "other loaded words in the sentence",
}
SCARE_LABEL = "scare quote"
# How a loaded span was found (its ``rule``): the lexicon's matches (framing/features/loaded_terms.py), a
# one-word term's inflection or compound head, a phrase split by a coordinated word, or a scare quote.
INFLECTION, COORDINATION, SCARE_RULE = "inflection", "coordination", "scare_quote"
SCARE_CATEGORY = "distancing"
SCARE_NOTE = "quotation marks around a term or name the writer does not adopt as their own"
SCARE_ALTERNATIVE = "the same words without quotation marks, or attribute them"
# Lower-case words a title-case name may contain ("Cartel of the Suns", "Orange Is the New Black").
NAME_FUNCTION_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to", "with"}
    | ROMANCE_NAME_PARTICLES | {"le", "von", "van"}
)
# Nouns of quantity: after them a size adjective reports a magnitude ("massive debt", "huge number of").
# Words that start a verb's object ("celebrated his victory", "celebrated the win"): after them a past form is a verb.
VERB_OBJECT_STARTS = DETERMINERS | POSSESSIVE_DETERMINERS | OBJECT_PRONOUNS
MEASURE_NOUNS = frozenset(
    {"amount", "amounts", "number", "numbers", "sum", "sums", "quantity", "quantities", "volume", "volumes"}
    | {"scale", "size", "margin", "margins", "majority", "majorities", "increase", "increases", "rise", "rises"}
    | {"decrease", "decreases", "drop", "drops", "loss", "losses", "gain", "gains", "deficit", "deficits"}
    | {"surplus", "surpluses", "debt", "debts", "budget", "budgets", "fortune", "fortunes"}
)


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """Loaded-term spans (label = lexicon term), scare-quote spans and the learned lexicon's spans.

    Curated candidates are never dropped by a learned model: one the context scorer or the
    learned lexicon doubts is kept as ``confidence: possible`` with the ``reason`` (and not
    counted in the rates, :func:`framing.features.rate_features`). Each span says whose
    voice it is in (:mod:`framing.features.loaded_voice`), and a lexicon term inside a
    scare quote is one finding with it (the scare quote, naming the term).
    """
    from .loaded_assembly import assemble

    return assemble(doc, lexicons, candidates(doc, lexicons))


@dataclass(frozen=True, slots=True)
class LoadedCandidate:
    """A loaded-term or scare-quote span before scoring, with the named features the model reads."""

    span: Span
    features: dict[str, float]


def candidates(doc: Document, lexicons: Lexicons) -> list[LoadedCandidate]:
    """Every lexicon match that passes its context rule, and every scare quote, with its features."""
    tokens = doc.tokens
    columns = doc.token_columns()
    found_spans: list[tuple[Span, dict[str, float]]] = []
    claimed: set[int] = set()
    for first, end, entry in curated_matcher(lexicons).match(columns.norms):
        rule = match_rule(entry, tuple(columns.norms[first:end]))
        if end - first == 1:
            end, entry = coordinated(columns.norms, first, entry, lexicons)
            rule = rule if end == first + 1 else COORDINATION
        claimed.update(range(first, end))
        if entry["category"] != EXCLUSION and passes_rule(entry, tokens, first, end):
            found_spans.append((_span(doc, tokens[first].start, tokens[end - 1].end, entry, rule),
                                {"multiword": float(end - first > 1), "context_rule": float(bool(entry["rule"])),
                                 "inflected": float(rule == INFLECTED)}))
    found = inflection_index(lexicons, CURATED_LEXICONS).entries_for(set(columns.norms))
    for index, norm in enumerate(columns.norms):
        if norm not in found or index in claimed or not columns.is_word[index]:
            continue
        entry = found[norm]
        if passes_rule(entry, tokens, index, index + 1):
            found_spans.append((_span(doc, tokens[index].start, tokens[index].end, entry, INFLECTION),
                                {"inflected": 1.0, "context_rule": float(bool(entry["rule"]))}))
    loaded_offsets = [(span.start, span.end) for span, _ in found_spans]
    for quote in doc.quotes:
        if quote.kind != "scare" or _mentioned(doc, quote) or (
                is_quoted_name(doc, quote) and not _contains(quote, loaded_offsets)):
            continue
        span = Span("loaded", quote.start, quote.end, doc.text[quote.start : quote.end], SCARE_LABEL,
                    SCARE_CATEGORY, SCARE_NOTE, SCARE_ALTERNATIVE, {"rule": SCARE_RULE})
        found_spans.append((span, {}))
    found_spans.sort(key=lambda item: (item[0].start, item[0].end))
    per_sentence = Counter(doc.sentence_of(span.start) for span, _ in found_spans)
    result = []
    for span, features in found_spans:
        sentence = doc.sentence_of(span.start)
        sentence_start = doc.sentences[sentence][0] if doc.sentences else 0
        features = {
            f"category={span.category}": 1.0,
            **features,
            "in_speech_quote": float(doc.is_quoted(span.start, span.end)),
            "capitalized": float(span.text[:1].isupper() and span.start > sentence_start),
            "lede": float(sentence == 0),
            "sentence_density": min(per_sentence[sentence] - 1, DENSITY_CAP) / DENSITY_CAP,
        }
        result.append(LoadedCandidate(span, {name: value for name, value in features.items() if value}))
    return result


COORDINATORS = frozenset({"and", "or"})


def coordinated(norms: Sequence[str], first: int, entry: Entry, lexicons: Lexicons) -> tuple[int, Entry]:
    """A listed phrase split by a coordinated word: "extrajudicial and illicit executions" is
    "extrajudicial executions" with "illicit" between. Returns the match's end and entry
    (the one-word match unchanged when no listed phrase continues after "and/or <word>")."""
    gap = first + 3  # first word, "and"/"or", one coordinated word, then the rest of the phrase
    if gap >= len(norms) or norms[first + 1] not in COORDINATORS:
        return first + 1, entry
    for rest, phrase in phrase_continuations(lexicons).get(norms[first], ()):
        if tuple(norms[gap : gap + len(rest)]) == rest:
            return gap + len(rest), phrase
    return first + 1, entry


@lru_cache(maxsize=8)
def phrase_continuations(lexicons: Lexicons) -> dict[str, tuple[tuple[tuple[str, ...], Entry], ...]]:
    """Multi-word loaded terms (not exclusions) by their first word: ``{first: ((rest, entry), ...)}``."""
    found: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
    for entry in curated_entries(lexicons):
        words = term_tokens(entry.key)
        if len(words) > 1 and entry["category"] != EXCLUSION:
            found.setdefault(words[0], []).append((words[1:], entry))
    return {first: tuple(items) for first, items in found.items()}


def _named_target(tokens: Sequence[Token], first: int, end: int) -> bool:
    """The next token is a capitalised word other than "I": the named object of a verb of criticism."""
    return end < len(tokens) and tokens[end].is_word and tokens[end].text[:1].isupper() and tokens[end].text != "I"


def _not_before_measure(tokens: Sequence[Token], first: int, end: int) -> bool:
    """The next token is not a noun of quantity (see :data:`MEASURE_NOUNS`)."""
    return not (end < len(tokens) and tokens[end].norm in MEASURE_NOUNS)


def _adjective_use(tokens: Sequence[Token], first: int, end: int) -> bool:
    """The next token is no determiner, possessive or object pronoun: the word is not a verb with its object."""
    return not (end < len(tokens) and tokens[end].norm in VERB_OBJECT_STARTS)


# Context rules by the name used in the lexicon's ``rule`` column (``run(tokens, first, end) -> bool``, golden
# rows in :mod:`.loaded_golden`); an empty or unknown name always passes.
CONTEXT_RULES: tuple[Rule, ...] = registry("loaded", "context", CONTEXT_GOLDEN, (
    ("named_target", _named_target),
    ("not_before_measure", _not_before_measure),
    ("adjective_use", _adjective_use),
))
RULES: Mapping[str, Callable[[Sequence[Token], int, int], bool]] = by_name(CONTEXT_RULES)


def passes_rule(entry: Entry, tokens: Sequence[Token], first: int, end: int) -> bool:
    """Whether the match ``tokens[first:end]`` of ``entry`` passes the context rule its row names."""
    rule = RULES.get(entry["rule"])
    return rule is None or rule(tokens, first, end)


def _span(doc: Document, start: int, stop: int, entry: Entry, rule: str) -> Span:
    """A curated term's span: ``rule`` says how it was found, ``lexicon`` which file's row it is, plus the row's
    context rule (``context_rule``) and, for a weaker-tier row, ``confidence: possible`` with its reason."""
    attrs = {"rule": rule, "lexicon": lexicon_of(entry), **({"context_rule": entry["rule"]} if entry["rule"] else {}),
             **tier_attrs(entry)}
    return Span("loaded", start, stop, doc.text[start:stop], entry.key, entry["category"], entry["note"],
                entry["alternative"], attrs)


def _contains(quote: QuoteRegion, offsets: list[tuple[int, int]]) -> bool:
    return any(quote.inner_start <= start and end <= quote.inner_end for start, end in offsets)


def single_word_entries(entries: Sequence[Entry]) -> Mapping[str, Entry]:
    """One-token loaded terms (not exclusions) by their norm: the bases inflections are looked up in."""
    found: dict[str, Entry] = {}
    for entry in entries:
        words = term_tokens(entry.key)
        if len(words) == 1 and entry["category"] != EXCLUSION:
            found.setdefault(words[0], entry)
    return found


class InflectionIndex:
    """Which one-word loaded term a word is an inflection or compound head of, remembered per word.

    A class because the memo is real state: a corpus repeats its vocabulary, and
    trying every base form of every token again cost more than the rest of the
    extractor.
    """

    def __init__(self, single: Mapping[str, Entry]) -> None:
        self.single = single
        self.memo: dict[str, Entry | None] = {}

    def entries_for(self, words: set[str]) -> dict[str, Entry]:
        """``{word: entry}`` for the words that inflect a one-word term (one document's vocabulary)."""
        memo, single = self.memo, self.single
        for word in [word for word in words if word not in memo]:  # (set - keys() would copy the memo)
            memo[word] = inflection_entry(word, single) or compound_head_entry(word, single)
        return {word: entry for word in words if (entry := memo[word]) is not None}


@lru_cache(maxsize=16)
def inflection_index(lexicons: Lexicons, names: tuple[str, ...] = FEATURE_LEXICONS) -> InflectionIndex:
    """One index per loaded lexicon set and choice of files (lexicons are immutable, so the memo stays valid).
    The extractor reads every curated file; the learned lexicon's features, ``loaded.tsv`` alone (the default)."""
    return InflectionIndex(single_word_entries(curated_entries(lexicons, names)))


def base_forms(word: str) -> list[str]:
    """Candidate bases of a regularly inflected word ("slammed" → slamme, slamm, slam; "bullies" → bully).

    Over-generation is harmless: a candidate counts only if it is a lexicon term.
    """
    candidates: list[str] = []
    if word.endswith("ies") and len(word) > 4:
        candidates.append(word[:-3] + "y")
    elif word.endswith("es") and len(word) > 4:
        candidates += [word[:-1], word[:-2]]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        candidates.append(word[:-1])
    for suffix in ("ed", "ing"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if stem.endswith("i") and suffix == "ed":
                candidates.append(stem[:-1] + "y")
            candidates.append(stem + "e")
            if not doubles_final_consonant(stem):
                candidates.append(stem)  # ranted → rant, stressed → stress
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
                candidates.append(stem[:-1])  # slammed → slam
    # Degree forms of evaluative adjectives: the superlative (dumbest, lamest, nastiest, maddest) and
    # the -ier comparative (uglier, crazier). Plain -er is left alone: it mostly makes agent nouns
    # (slammer, gaffer), which are not forms of the adjective or verb they resemble.
    if word.endswith("est") and len(word) - 3 >= 3:
        stem = word[:-3]
        candidates += [stem[:-1] + "y"] if stem.endswith("i") else [stem, stem + "e"]
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in VOWELS:
            candidates.append(stem[:-1])  # maddest → mad
    elif word.endswith("ier") and len(word) > 5:
        candidates.append(word[:-3] + "y")
    if word.endswith("ly") and len(word) > 5:
        stem = word[:-2]  # bizarrely → bizarre, angrily → angry, horribly → horrible, dramatically → dramatic
        candidates.append(stem)
        if stem.endswith("i"):
            candidates.append(stem[:-1] + "y")
        if stem.endswith(("b", "p")):
            candidates.append(stem + "le")
        if stem.endswith("ical"):
            candidates.append(stem[:-2])
    return candidates


def inflection_entry(word: str, single: Mapping[str, Entry]) -> Entry | None:
    """The one-word lexicon entry ``word`` is a regular inflection of, if any."""
    for base in base_forms(word):
        if base != word and base in single:
            return single[base]
    return None


def compound_head_entry(word: str, single: Mapping[str, Entry]) -> Entry | None:
    """The entry of a hyphenated compound's participle head ("liberal-bashing", "power-crazed").

    A noun + loaded participle compound keeps the participle's judgement and adds its target, so
    it counts as the participle does. Only -ing and -ed heads are tried: a compound ending in an
    adjective or noun often reverses or names it ("anti-racist", "far-right" has its own row).
    """
    head = word.rpartition("-")[2]
    if head == word or not head.endswith(("ing", "ed")):
        return None
    return single.get(head) or inflection_entry(head, single)


def is_quoted_name(doc: Document, quote: QuoteRegion) -> bool:
    """A title-case phrase of two or more words: the name of an operation, group or work, not a scare quote."""
    words = [
        token.text
        for token in doc.tokens
        if token.is_word and quote.inner_start <= token.start and token.end <= quote.inner_end
    ]
    if len(words) < 2 or not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or word.lower() in NAME_FUNCTION_WORDS for word in words)


def _mentioned(doc: Document, quote: QuoteRegion) -> bool:
    """A quoted word named as a word ("doesn't use the word “cuts”"): metalanguage, not the writer's distance."""
    columns = doc.token_columns()
    before = bisect_left(columns.starts, quote.start) - 1
    return before >= 0 and columns.norms[before] in MENTION_NOUNS
