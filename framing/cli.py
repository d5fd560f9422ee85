"""Command line: ``framing extract | analyze | compare``.

Bad input never shows a traceback: a :class:`FramingInputError` prints one line,
``framing: error: <file>: <problem>. <what to do>``, and exits with status 2.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .errors import FramingInputError

EXIT_INPUT_ERROR = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Show how news outlets frame the same story, with the words behind every number.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add_corpus_arguments(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article files, folders, .jsonl or .csv tables (default: the bundled seeds)",
        )
        command.add_argument(
            "--lexicons", metavar="DIR", help="folder of .tsv lexicons that add to or override the bundled ones"
        )

    extract = commands.add_parser("extract", help="write features and evidence spans as JSON Lines")
    add_corpus_arguments(extract)
    extract.add_argument("--raw", action="store_true", help="analyze the input exactly as given, without cleaning")
    extract.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    extract.set_defaults(handler=run_extract)

    analyze = commands.add_parser("analyze", help="write the HTML and PDF report comparing the outlets")
    add_corpus_arguments(analyze)
    analyze.add_argument(
        "-o", "--output-dir", metavar="DIR", default="reports", help="where to write the report (default: reports/)"
    )
    analyze.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default: html,pdf)")
    analyze.add_argument("--title", default="", help="report title")
    analyze.set_defaults(handler=run_analyze)

    compare = commands.add_parser("compare", help="export the cross-outlet comparison tables as CSV and JSON")
    add_corpus_arguments(compare)
    compare.add_argument("-o", "--output-dir", metavar="DIR", required=True, help="where to write the tables")
    compare.set_defaults(handler=run_compare)
    return parser


def run_extract(args: argparse.Namespace) -> int:
    from .analysis import analyze
    from .fileio import write_atomically

    results = analyze(args.paths, lexicon_dir=args.lexicons, raw=args.raw)
    lines = "".join(json.dumps(result.to_record(), ensure_ascii=False) + "\n" for result in results)
    if args.output:
        write_atomically(args.output, lines)
    else:
        sys.stdout.write(lines)
    return 0


def run_analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze, corpus_lexicons
    from .report import write_reports

    formats = [part.strip().lower() for part in args.format.split(",") if part.strip()]
    unknown = sorted(set(formats) - {"html", "pdf"})
    if unknown or not formats:
        raise FramingInputError(
            "--format", f"unknown format {', '.join(unknown) or '(none)'}", "Use html, pdf or html,pdf"
        )
    lexicons = corpus_lexicons(args.paths, args.lexicons)
    results = analyze(args.paths, lexicons=lexicons)
    for path in write_reports(results, lexicons, Path(args.output_dir), formats=formats, title=args.title):
        print(path)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    from .analysis import analyze, corpus_lexicons
    from .compare import export_comparison

    lexicons = corpus_lexicons(args.paths, args.lexicons)
    results = analyze(args.paths, lexicons=lexicons)
    for path in export_comparison(results, Path(args.output_dir), lexicons=lexicons):
        print(path)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except FramingInputError as error:
        print(f"framing: error: {error}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        print("framing: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # an internal bug: say so on one line, keep the trace on request
        if os.environ.get("FRAMING_DEBUG"):
            raise
        print(
            f"framing: internal error: {type(error).__name__}: {error}. "
            "Nothing was written. Run again with FRAMING_DEBUG=1 for details and report it.",
            file=sys.stderr,
        )
        return 1
