"""framing's sentence segmenter against pySBD, nupunkt, sentencex and syntok.

    python benchmarks/segmentation.py [--kb 200] [--basil stories/basil_dev.jsonl [--articles 3]]

For each library it prints the share of golden rows (benchmarks/segmentation_golden.py) it splits
exactly right, separately for pySBD's English golden rules and framing's news cases, and its
speed in characters per second on a text made of the golden rows (paragraphs of six rows,
repeated to ``--kb`` kilobytes; each paragraph segmented on its own, as framing segments an
article). Every library is asked for character offsets (pySBD ``char_span``, nupunkt
``sent_spans``, sentencex ``get_sentence_boundaries``, syntok's token offsets), so a sentence is
``text[start:end]`` stripped of white space, as in framing.

With ``--basil`` it also compares sentence starts with BASIL's own sentences (paragraphs joined
as in the dataset README): framing's differences on the first ``--articles`` articles, shown as
three words either side of the boundary (never more), and each library's counts on all of them.
BASIL's sentences come from its authors' own pipeline: a reference, not a gold standard (it keeps
multi-sentence quotes whole and splits "the U.S. | attorney").

The four libraries are benchmark-only: ``pip install -e .[bench]``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from benchmarks.segmentation_golden import NEWS_CASES, PYSBD_RULES, GoldenRow
from framing.corpus.segmentation import split_sentences
from framing.lexicons import load_lexicons

Spans = list[tuple[int, int]]
Segmenter = Callable[[str], Spans]


def framing_segmenter() -> Segmenter:
    rules = load_lexicons().sentence_rules
    return lambda text: split_sentences(text, rules)


def pysbd_segmenter() -> Segmenter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(span.start, span.end) for span in segmenter.segment(text)]


def nupunkt_segmenter() -> Segmenter:
    import nupunkt

    return nupunkt.sent_spans


def sentencex_segmenter() -> Segmenter:
    import sentencex

    def segment(text: str) -> Spans:
        return [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries("en", text)]

    return segment


def syntok_segmenter() -> Segmenter:
    from syntok import segmenter

    def segment(text: str) -> Spans:
        return [
            (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
        ]

    return segment


SEGMENTERS: dict[str, Callable[[], Segmenter]] = {
    "framing": framing_segmenter,
    "pysbd 0.3": pysbd_segmenter,
    "nupunkt 0.8": nupunkt_segmenter,
    "sentencex 1.0": sentencex_segmenter,
    "syntok 1.4": syntok_segmenter,
}


def sentences(text: str, spans: Spans) -> list[str]:
    """The non-empty sentences the spans cut, stripped as framing strips them."""
    return [piece for start, end in spans if (piece := text[start:end].strip())]


def exact_share(segment: Segmenter, rows: list[GoldenRow]) -> tuple[float, list[str]]:
    """Share of rows split exactly as expected, and the ids of the rows missed."""
    missed = [row_id for row_id, text, expected in rows if sentences(text, segment(text)) != expected]
    return 1 - len(missed) / len(rows), missed


def speed_paragraphs(kilobytes: int) -> list[str]:
    """Paragraphs of six golden rows each, repeated to about ``kilobytes`` KB of text."""
    texts = [text for _, text, _ in PYSBD_RULES + NEWS_CASES]
    unit = [" ".join(texts[i : i + 6]) for i in range(0, len(texts), 6)]
    size = sum(map(len, unit))
    return unit * (kilobytes * 1000 // size + 1)


def chars_per_second(segment: Segmenter, paragraphs: list[str]) -> float:
    start = time.process_time()  # CPU time: steadier than wall time on a shared machine
    for paragraph in paragraphs:
        segment(paragraph)
    return sum(map(len, paragraphs)) / (time.process_time() - start)


def compare_libraries(kilobytes: int) -> None:
    paragraphs = speed_paragraphs(kilobytes)
    print(f"golden rows: {len(PYSBD_RULES)} pySBD rules, {len(NEWS_CASES)} news cases; "
          f"speed text {sum(map(len, paragraphs)):,} chars in {len(paragraphs)} paragraphs")
    print("| library | pySBD rules exact | news cases exact | chars/s | offsets |\n|---|---|---|---|---|")
    for name, make in SEGMENTERS.items():
        segment = make()
        rules_share, _ = exact_share(segment, PYSBD_RULES)
        news_share, news_missed = exact_share(segment, NEWS_CASES)
        speed = chars_per_second(segment, paragraphs)
        print(f"| {name} | {rules_share:.0%} | {news_share:.0%} | {speed:,.0f} | yes |")
        print(f"<!-- {name} misses news rows: {', '.join(news_missed) or 'none'} -->")


def assemble(article: dict) -> tuple[str, set[int]]:
    """The article's text (the dataset README's assembly) and where BASIL's sentences start."""
    text, starts = "", set()
    for paragraph in article["paragraphs"]:
        if text:
            text += "\n\n"
        for j, sentence in enumerate(paragraph):
            if j:
                text += " "
            starts.add(len(text))
            text += sentence
    return text, starts


def context(text: str, offset: int) -> str:
    """Three words either side of a boundary: a short phrase, never a sentence."""
    before = " ".join(text[:offset].split()[-3:])
    after = " ".join(text[offset:].split()[:3])
    return f"…{before} | {after}…"


def boundary_differences(segment: Segmenter, text: str, basil: set[int]) -> tuple[list[int], list[int]]:
    """Sentence starts only BASIL has, and starts only the segmenter has (white space skipped)."""
    ours = {start + len(text[start:end]) - len(text[start:end].lstrip()) for start, end in segment(text)}
    return sorted(basil - ours), sorted(ours - basil)


def show_basil_articles(rows: list[dict], articles: int, show: int = 4) -> None:
    """framing's differences from BASIL on the first articles, as short phrases."""
    segment = framing_segmenter()
    for index, article in enumerate(rows[:articles]):
        text, basil = assemble(article)
        only_basil, only_ours = boundary_differences(segment, text, basil)
        print(f"article {index} ({article['source']}): BASIL {len(basil)} sentences; "
              f"BASIL-only starts {len(only_basil)}, framing-only starts {len(only_ours)}")
        for offset in only_basil[:show]:
            print(f"  BASIL splits, framing does not: {context(text, offset)}")
        for offset in only_ours[:show]:
            print(f"  framing splits, BASIL does not: {context(text, offset)}")


def compare_basil(path: Path, articles: int, libraries: bool) -> None:
    """Each segmenter's sentence starts against BASIL's on every article (counts only)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    show_basil_articles(rows, articles)
    texts = [assemble(article) for article in rows]
    print(f"\n{len(texts)} articles, {sum(len(b) for _, b in texts)} BASIL sentence starts")
    print("| library | BASIL-only starts | library-only starts |\n|---|---|---|")
    for name, make in SEGMENTERS.items() if libraries else [("framing", framing_segmenter)]:
        segment = make()
        only_basil = only_ours = 0
        for text, basil in texts:
            missed, extra = boundary_differences(segment, text, basil)
            only_basil, only_ours = only_basil + len(missed), only_ours + len(extra)
        print(f"| {name} | {only_basil} | {only_ours} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kb", type=int, default=200, help="size of the speed text in kilobytes")
    parser.add_argument("--basil", type=Path, help="stories/basil_dev.jsonl: compare with BASIL's sentences")
    parser.add_argument("--articles", type=int, default=3, help="articles of BASIL to show differences for")
    parser.add_argument("--no-libraries", action="store_true", help="skip the library comparison")
    args = parser.parse_args()
    if not args.no_libraries:
        compare_libraries(args.kb)
    if args.basil:
        compare_basil(args.basil, args.articles, not args.no_libraries)


if __name__ == "__main__":
    main()
