"""framing's sentence segmenter against pySBD, nupunkt, sentencex and syntok.

    python benchmarks/segmentation.py [--kb 200] [--basil stories/basil_dev.jsonl [--articles 3]]

For each library it prints the share of golden rows (benchmarks/segmentation_golden.py) it splits
exactly right, separately for pySBD's English golden rules and framing's news cases, and its
speed in characters per second on a text made of the golden rows (paragraphs of six rows,
repeated to ``--kb`` kilobytes; each paragraph segmented on its own, as framing segments an
article). Every library is asked for character offsets (pySBD ``char_span``, nupunkt
``sent_spans``, sentencex ``get_sentence_boundaries``, syntok's token offsets), so a sentence is
``text[start:end]`` stripped of white space, as in framing.

With ``--basil`` it also compares framing's sentence starts with BASIL's own sentences on the
first ``--articles`` articles (paragraphs joined as in the dataset README) and on all of them,
printing a few differing boundaries as three words either side, never more.

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
    start = time.perf_counter()
    for paragraph in paragraphs:
        segment(paragraph)
    return sum(map(len, paragraphs)) / (time.perf_counter() - start)


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


def compare_basil(path: Path, articles: int, show: int = 4) -> None:
    segment = framing_segmenter()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    totals = {"basil": 0, "ours": 0, "only_basil": 0, "only_ours": 0}
    for index, article in enumerate(rows):
        text, basil = assemble(article)
        ours = {start for start, _ in segment(text)}
        only_basil, only_ours = sorted(basil - ours), sorted(ours - basil)
        for key, value in zip(totals, (basil, ours, only_basil, only_ours), strict=True):
            totals[key] += len(value)
        if index < articles:
            print(f"article {index} ({article['source']}): BASIL {len(basil)} sentences, framing {len(ours)}; "
                  f"BASIL-only starts {len(only_basil)}, framing-only starts {len(only_ours)}")
            for offset in only_basil[:show]:
                print(f"  BASIL splits, framing does not: {context(text, offset)}")
            for offset in only_ours[:show]:
                print(f"  framing splits, BASIL does not: {context(text, offset)}")
    print(f"all {len(rows)} articles: BASIL {totals['basil']} sentence starts, framing {totals['ours']}; "
          f"BASIL-only {totals['only_basil']}, framing-only {totals['only_ours']}")


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
        compare_basil(args.basil, args.articles)


if __name__ == "__main__":
    main()
