"""Where extraction's CPU goes, below the extractors: the parse's steps and the attribution reader's.

    python benchmarks/extraction_stages.py /work/shared/datasets/news/bbc_news.jsonl [--limit 200] [--repeat 3]

``throughput.py`` times each extractor; this splits the two largest, ``parse_text`` and the
attribution reader (``reported_speech``), into their steps, in CPU seconds
(``time.process_time``, steadier than wall time on a shared machine), the fastest of
``--repeat`` passes per step. The steps call the pipeline's own (private) functions in the
pipeline's order, so their sum is close to the stage's time in ``throughput.py``; a step that
is renamed in the code has to be renamed here. Nothing is written; no text is printed.
"""

from __future__ import annotations

import argparse
import time
from bisect import bisect_left
from collections import Counter
from pathlib import Path

from benchmarks.throughput import load_texts


def parse_steps(texts: list[str], lexicons, clock) -> Counter[str]:
    """CPU seconds of each step of ``parse_text`` (sentences, tokens, quotes, mention layer)."""
    from framing.corpus import _build_tokens, find_quotes, split_sentences, token_columns
    from framing.corpus.coreference import resolve
    from framing.corpus.mention_model import mention_lexicon
    from framing.corpus.mentions import _Reader

    seconds: Counter[str] = Counter()
    for text in texts:
        start = clock()
        sentences = split_sentences(text, lexicons.sentence_rules)
        seconds["parse: sentences"] += (split := clock()) - start
        columns = token_columns(text)
        seconds["parse: tokens (regex)"] += (tokenized := clock()) - split
        quotes = find_quotes(text, sentences, lexicons.reporting_cues, columns)
        seconds["parse: quotation marks"] += (quoted := clock()) - tokenized
        _, fields = _build_tokens(columns, sentences, quotes)
        seconds["parse: token tuples and columns"] += (built := clock()) - quoted
        reader = _Reader(text, fields, sentences, mention_lexicon(lexicons))
        for quote in quotes:
            reader.in_quote.update(range(bisect_left(reader.starts, quote.inner_start),
                                         bisect_left(reader.starts, quote.inner_end)))
        seconds["parse: mention layer, lookups"] += (read := clock()) - built
        mentions = reader.run()
        seconds["parse: mention layer, names"] += (named := clock()) - read
        resolve(mentions, reader)
        seconds["parse: mention layer, coreference"] += clock() - named
    return seconds


def attribution_steps(texts: list[str], lexicons, clock) -> Counter[str]:
    """CPU seconds of each step of the attribution reader, on documents parsed beforehand."""
    from framing.corpus import parse_text
    from framing.features.attribution import _attributions, _quote_sources, attribution_extraction
    from framing.features.attribution.candidates import proposals
    from framing.features.attribution.generators import generated_cues
    from framing.features.attribution.phrases import Context
    from framing.features.attribution.scoring import scored_attributions
    from framing.features.quotes import direct_quotes, quote_extraction

    seconds: Counter[str] = Counter()
    scorer = lexicons.attribution_scorer
    for doc in [parse_text(text, lexicons) for text in texts]:
        start = clock()
        quotes = direct_quotes(doc)
        context = Context(doc, lexicons)
        seconds["attribution: names and phrases (Context)"] += (parsed := clock()) - start
        candidates: list = []
        found = _attributions(context, lexicons, candidates)
        seconds["attribution: rules"] += (ruled := clock()) - parsed
        # The scorer's steps nest (scoring makes the candidates, which run the generators), so each
        # is timed whole and the inner one subtracted: the lines add up to the stage.
        list(generated_cues(context))
        generators = (generated := clock()) - ruled
        proposals(context, lexicons, candidates, found)
        with_features = (proposed := clock()) - generated
        kept = scored_attributions(context, lexicons, scorer, candidates, found)
        seconds["attribution: scorer, generators"] += generators
        seconds["attribution: scorer, features of each candidate"] += with_features - generators
        seconds["attribution: scorer, scoring and explaining"] += (scored := clock()) - proposed - with_features
        _, subjects, tags = _quote_sources(context, found, [(q.start, q.end) for q in quotes])
        quote_extraction(doc, quotes, found, subjects, tags, cues=lexicons.reporting_cues)
        attribution_extraction(kept)
        seconds["attribution: quotes' speakers and spans"] += clock() - scored
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="JSON Lines file with a 'text' field per line")
    parser.add_argument("--limit", type=int, default=200, help="use only the first N texts")
    parser.add_argument("--repeat", type=int, default=3, help="passes per step; the fastest counts")
    args = parser.parse_args(argv)
    from framing.lexicons import load_lexicons

    lexicons = load_lexicons()
    texts = load_texts(args.path, args.limit)
    best: dict[str, float] = {}
    for _ in range(args.repeat):
        for step, seconds in (parse_steps(texts, lexicons, time.process_time)
                              | attribution_steps(texts, lexicons, time.process_time)).items():
            best[step] = min(best.get(step, seconds), seconds)
    print(f"texts: {len(texts)}  words: {sum(len(t.split()) for t in texts):,}  clock: CPU, best of {args.repeat}")
    for step, seconds in best.items():
        print(f"{step:58s} {seconds:7.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
