"""Command line: ``framing extract | analyze | compare | exercises``.

Bad input never shows a traceback: a :class:`FramingInputError` prints one line,
``framing: error: <file>: <problem>. <what to do>``, and exits with status 2.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import FramingInputError, FramingParameterError

EXIT_INPUT_ERROR = 2
# Errors of the place output goes (a full disk, a read-only or forbidden folder): the user's to fix.
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Show how news outlets frame the same story, with the words behind every number.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    for add in (_add_extract, _add_analyze, _add_compare, _add_exercises, _add_exercise_tools):  # --help order
        add(commands)
    return parser


def add_corpus_arguments(command: argparse.ArgumentParser) -> None:
    """PATH… and --lexicons, which every command that reads articles takes."""
    command.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files, folders, .jsonl, .csv or .parquet tables, or links to pages "
             "(default: the bundled seeds)",
    )
    command.add_argument(
        "--lexicons", metavar="DIR", help="folder of .tsv lexicons that add to or override the bundled ones"
    )



def _add_extract(commands: Any) -> None:
    """framing extract: features and evidence spans."""
    extract = commands.add_parser(
        "extract", help="write features and evidence spans: JSON Lines, or article, span and outlet tables"
    )
    add_corpus_arguments(extract)
    extract.add_argument("--raw", action="store_true", help="analyze the input exactly as given, without cleaning")
    extract.add_argument(
        "-o", "--output", metavar="FILE|DIR",
        help="a .jsonl FILE (one record per article) or, ending in / or with --format, a folder of tables "
             "(default: JSON Lines on standard output)",
    )
    extract.add_argument("--format", choices=("parquet", "jsonl"),
                         help="tables in the -o folder: articles, spans, outlets (default: parquet)")
    extract.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    extract.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local processes, or a Dask cluster (needs framing[dask] and --scheduler)")
    extract.add_argument("--scheduler", metavar="ADDRESS", help="the Dask scheduler, e.g. tcp://10.0.0.5:8786")
    extract.add_argument("--batch-size", type=int, default=512, metavar="N",
                         help="articles per written batch (default: 512)")
    extract.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    extract.set_defaults(handler=run_extract)


def _add_analyze(commands: Any) -> None:
    """framing analyze: the HTML and PDF report."""
    analyze = commands.add_parser("analyze", help="write the HTML and PDF report comparing the outlets")
    add_corpus_arguments(analyze)
    analyze.add_argument(
        "-o", "--output-dir", metavar="DIR", default="reports", help="where to write the report (default: reports/)"
    )
    analyze.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default: html,pdf)")
    analyze.add_argument("--title", default="", help="report title")
    analyze.set_defaults(handler=run_analyze)


def _add_compare(commands: Any) -> None:
    """framing compare: the comparison tables."""
    compare = commands.add_parser("compare", help="export the cross-outlet comparison tables as CSV and JSON")
    add_corpus_arguments(compare)
    compare.add_argument("-o", "--output-dir", metavar="DIR", required=True, help="where to write the tables")
    compare.add_argument("--stories", choices=("auto", "column", "cluster", "one"), default="auto",
                         help="how to group articles into stories: the 'story' column, clustering by content "
                              "and date, or one story (default auto: the column if every article has one, "
                              "else one story up to 50 articles, else clustering)")
    compare.add_argument("--window-days", type=int, default=7, metavar="N",
                         help="clustering: articles more than N days apart are not one story (default: 7)")
    compare.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    compare.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    compare.set_defaults(handler=run_compare)


def _add_exercises(commands: Any) -> None:
    """framing exercises [build]: a classroom lesson."""
    exercises = commands.add_parser(
        "exercises", help="a classroom lesson: exercises [build] PATH… | exercises check | exercises score",
        prog="framing exercises [build]",
    )
    add_corpus_arguments(exercises)
    exercises.add_argument("-o", "--output-dir", metavar="DIR", default="reports/exercises",
                           help="where to write the files (default: reports/exercises/)")
    exercises.add_argument("--grade", default="9", help="6 to 12, or college (default: 9)")
    exercises.add_argument("--blind", action="store_true", help="show outlets as Source A, B, C… to students")
    exercises.add_argument("--seed", type=int, default=0, help="which items to pick (same seed, same files)")
    exercises.add_argument("--kinds", help="comma-separated kinds of item (default: all but same-fact, "
                           "rewrite-neutrally and spot-the-frame, built only when named)")
    exercises.add_argument("--items", type=int, help="at most this many items (default: as many as fit --minutes)")
    exercises.add_argument("--minutes", type=int, default=45, help="the period's length; items are picked to fit "
                           "and the guide's timings add up to it (default: 45)")
    exercises.add_argument("--preview", action="store_true",
                           help="write preview.html: every kind's candidate material with ids, for --pick")
    exercises.add_argument("--pick", action="append", default=[], metavar="KIND=ID,...",
                           help="build the lesson from these candidates (ids from --preview); repeatable")
    exercises.add_argument("--format", default="html,pdf", help="comma-separated: html, pdf (default: html,pdf)")
    exercises.add_argument("--title", default="", help="the lesson's title")
    exercises.add_argument("--paper", help="a4 or letter (default: letter in US and Canadian locales, else a4)")
    exercises.add_argument("--annotate", action="store_true",
                           help="a blank marking worksheet, marking-sheet.csv and lesson.json for 'exercises score'")
    exercises.set_defaults(handler=run_exercises)


def _add_exercise_tools(commands: Any) -> None:
    """"framing exercises check" and "… score" (see route): parsers of their own, left out of the command list."""
    check = commands.add_parser("exercises-check", prog="framing exercises check",
                                description="Check a student's neutral rewrite against the original sentence.")
    check.add_argument("original", metavar="ORIGINAL", help="the original sentence, or a file holding it")
    check.add_argument("rewrite", metavar="REWRITE", help="the student's rewrite, or a file holding it")
    check.add_argument("--lexicons", metavar="DIR", help="folder of .tsv lexicons")
    check.set_defaults(handler=run_exercises_check)

    score = commands.add_parser("exercises-score", prog="framing exercises score",
                                description="Score students' marking sheets against framing's evidence.")
    score.add_argument("marks", nargs="+", metavar="MARKS.csv", help="students' marking sheets")
    score.add_argument("-o", "--output-dir", metavar="DIR", help="where to write scores (default: beside the lesson)")
    score.add_argument("--lesson", metavar="FILE", help="the lesson.json (default: beside the first marking sheet)")
    score.set_defaults(handler=run_exercises_score)


# "framing exercises check …" and "framing exercises score …" are subcommands of exercises,
# whose own positional PATHs argparse cannot tell from a subcommand name.
EXERCISE_SUBCOMMANDS = {"check", "score"}


def route(argv: Sequence[str]) -> list[str]:
    """``exercises check`` → ``exercises-check`` (and score), ``exercises build`` → ``exercises``.

    ``framing exercises build|check|score`` are the lesson's three commands; ``framing exercises PATH…``
    still builds, so a folder named like a subcommand is reached as ``exercises build check``.
    """
    argv = list(argv)
    if len(argv) >= 2 and argv[0] == "exercises" and argv[1] in EXERCISE_SUBCOMMANDS:
        return [f"exercises-{argv[1]}", *argv[2:]]
    if len(argv) >= 2 and argv[0] == "exercises" and argv[1] == "build":
        return ["exercises", *argv[2:]]
    return argv


def run_extract(args: argparse.Namespace) -> int:
    """Stream the corpus through the extractors into JSON Lines or a folder of tables."""
    from .analysis import corpus_lexicons
    from .corpus import bundled_seed_dir
    from .engine import ExtractOutput, check_jobs, extract_corpus

    check_jobs(args.jobs)
    if args.batch_size < 1:
        raise FramingInputError("--batch-size", f"must be 1 or more, not {args.batch_size}", "Pass e.g. 512")
    if args.engine == "dask" and not args.scheduler:
        raise FramingInputError("--engine dask", "needs a scheduler", "Pass --scheduler tcp://HOST:8786")
    paths = args.paths or [bundled_seed_dir()]
    lexicons = corpus_lexicons(paths, args.lexicons)
    target = Path(args.output) if args.output else None
    as_folder = target is not None and (args.format or args.output.endswith(("/", os.sep)) or target.is_dir())
    if args.format and target is None:
        raise FramingInputError("--format", "needs a folder to write the tables into", "Pass -o DIR/")
    if as_folder:
        output = ExtractOutput(folder=target, fmt=args.format or "parquet", batch_size=args.batch_size)
    else:
        output = ExtractOutput(records=target, batch_size=args.batch_size)
    progress = not args.quiet and sys.stderr.isatty()
    written = extract_corpus(paths, output, lexicons, raw=args.raw, jobs=args.jobs, engine=args.engine,
                             scheduler=args.scheduler, progress=progress)
    if as_folder:
        for path in written:
            print(path)
    return 0


def parse_formats(text: str) -> list[str]:
    """``--format html,pdf`` as a checked list (:func:`framing.report.check_formats`), before any work starts."""
    from .report import check_formats

    return check_formats([part.strip().lower() for part in text.split(",") if part.strip()])


def run_analyze(args: argparse.Namespace) -> int:
    from .analysis import analyze, corpus_lexicons
    from .report import write_reports
    from .report.pdf import pdf_worker

    formats = parse_formats(args.format)
    # The printer first: it imports WeasyPrint while this process analyses the articles.
    with pdf_worker(formats) as worker:
        lexicons = corpus_lexicons(args.paths, args.lexicons)
        results = analyze(args.paths, lexicons=lexicons)
        paths = write_reports(results, lexicons, Path(args.output_dir), formats=formats, title=args.title,
                              worker=worker)
    for path in paths:
        print(path)
    return 0


def run_compare(args: argparse.Namespace) -> int:
    """One story's tables, or, for a corpus of many stories, the same tables story by story."""
    from .analysis import corpus_lexicons
    from .compare import export_tables
    from .compare.many_stories import compare_corpus
    from .corpus import bundled_seed_dir
    from .corpus.streaming import iter_articles

    paths = args.paths or [bundled_seed_dir()]
    lexicons = corpus_lexicons(paths, args.lexicons)
    tables = compare_corpus(iter_articles(paths), lexicons, stories=args.stories, window_days=args.window_days,
                            jobs=args.jobs, progress=not args.quiet and sys.stderr.isatty())
    for path in export_tables(tables, Path(args.output_dir)):
        print(path)
    return 0


def run_exercises(args: argparse.Namespace) -> int:
    from .report.pdf import pdf_worker

    formats = parse_formats(args.format)
    # The printer first: it imports WeasyPrint while this process imports pandas and analyses.
    with pdf_worker(formats, yield_to_parent=False) as worker:
        from .analysis import corpus_lexicons
        from .exercises import LessonOptions, default_paper, parse_kinds, parse_picks, write_exercises

        kinds = parse_kinds(args.kinds)
        options = LessonOptions(kinds=kinds, items=args.items,
                                minutes=args.minutes, grade=args.grade, blind=args.blind, seed=args.seed,
                                title=args.title, paper=args.paper or default_paper(os.environ),
                                picks=parse_picks(args.pick))
        lexicons = corpus_lexicons(args.paths, args.lexicons)  # the corpus's story pack, like analyze and compare
        paths = write_exercises(args.paths, lexicons, Path(args.output_dir), options=options, formats=formats,
                                annotate=args.annotate, preview=args.preview, worker=worker)
    for path in paths:
        print(path)
    return 0


def run_exercises_check(args: argparse.Namespace) -> int:
    from .exercises.check import FULL_LOADED_SET, check_rewrite, format_check, read_text_argument
    from .lexicons import bundled_lexicon_dir, load_lexicons

    original = read_text_argument(args.original, "original")
    rewrite = read_text_argument(args.rewrite, "rewrite")
    lexicons = load_lexicons(args.lexicons, packs=[bundled_lexicon_dir().joinpath(*FULL_LOADED_SET)])
    sys.stdout.write(format_check(check_rewrite(original, rewrite, lexicons)))
    return 0


def run_exercises_score(args: argparse.Namespace) -> int:
    from .exercises.score import write_scores

    out_dir = Path(args.output_dir) if args.output_dir else None
    for path in write_scores([Path(p) for p in args.marks], lesson=args.lesson, out_dir=out_dir):
        print(path)
    return 0


def fetch_links(args: argparse.Namespace) -> None:
    """Links among the paths are fetched into a cache under the output folder (so a rerun fetches nothing)."""
    from .corpus.links import CACHE_NAME, resolve_links

    paths = getattr(args, "paths", None)
    if not paths:
        return
    output = getattr(args, "output_dir", None) or getattr(args, "output", None)
    if output and getattr(args, "output", None) and not Path(output).is_dir() and not output.endswith(("/", os.sep)):
        output = str(Path(output).parent)  # extract -o FILE.jsonl: the cache goes beside the file
    args.paths = resolve_links(paths, Path(output or ".") / CACHE_NAME)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(route(sys.argv[1:] if argv is None else argv))
    try:
        fetch_links(args)
        return args.handler(args)
    except FramingInputError as error:
        print(f"framing: error: {cli_message(error)}", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except KeyboardInterrupt:
        print("framing: interrupted; nothing was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as error:
        if error.errno not in OUTPUT_ERRNOS:
            return internal_error(error)
        # The user's disk or folder, not a bug: say which, and what to do.
        print(f"framing: error: {error.filename or 'output'}: {error.strerror or error}. Free some space or check "
              "the folder's permissions, or choose another output with -o", file=sys.stderr)
        return EXIT_INPUT_ERROR
    except Exception as error:  # an internal bug: say so on one line, keep the trace on request
        return internal_error(error)


# The flag that sets each library parameter: library errors name the parameter, the CLI shows its flag.
FLAG_OF_PARAMETER = {"jobs": "--jobs", "stories": "--stories", "formats": "--format", "fmt": "--format"}


def cli_message(error: FramingInputError) -> str:
    """The error's one line, naming the command-line flag where the library names a parameter."""
    flag = FLAG_OF_PARAMETER.get(getattr(error, "parameter", ""))
    if not isinstance(error, FramingParameterError) or flag is None:
        return str(error)

    def as_flag(parameter: str, value: object) -> str:
        written = ",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
        return f"{FLAG_OF_PARAMETER.get(parameter, parameter)} {written}"

    where = flag if error.path == error.parameter else error.path
    return str(FramingInputError(where, error.problem, error.hint_with(as_flag)))


def internal_error(error: Exception) -> int:
    """An internal bug: one line on stderr, exit 1; the traceback only with ``FRAMING_DEBUG=1``."""
    if os.environ.get("FRAMING_DEBUG"):
        raise error
    print(
        f"framing: internal error: {type(error).__name__}: {error}. "
        "Nothing was written. Run again with FRAMING_DEBUG=1 for details and report it.",
        file=sys.stderr,
    )
    return 1


def run() -> None:
    """The ``framing`` command: :func:`main`, then exit without the interpreter's teardown.

    Tearing down pandas, scikit-learn and matplotlib costs about 0.35 s on every run
    (measured on the seeds), after all output is written and closed. Nothing of
    framing's needs the teardown: outputs are written atomically inside ``main``, and
    no atexit hook or temporary folder is left open. So the command flushes its own
    streams and leaves at once. Library callers use :func:`main` and keep the normal exit.
    """
    try:
        status = main()
    except SystemExit as exit_request:  # argparse's --help and usage errors
        code = exit_request.code
        status = code if isinstance(code, int) else (0 if code is None else EXIT_INPUT_ERROR)
        if isinstance(code, str):
            print(code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe has nothing left to flush
            stream.flush()
    os._exit(status)
