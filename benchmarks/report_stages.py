"""Where the seeds report's CPU goes, stage by stage, in one process (no PDF child, no printers).

    PYTHONPATH=. .venv/bin/python benchmarks/report_stages.py [--runs 3]

Prints the CPU seconds (``time.process_time``: steady on a shared machine, where wall time follows
other people's load) of the imports, the analysis, the comparison, the charts, the HTML, WeasyPrint's
import and warm-up, each printed part (``plan_parts``) and the joining with its footer sheet, and the
number of pages. ``report_speed.py`` gives the wall time of the real command, in which the parts are
printed by two printers beside the parent; the sum here is the CPU that has to fit on the cores.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

PART_NAMES = {frozenset({"header", "overview"}): "header + overview", frozenset({"charts"}): "charts",
              frozenset({"comparison"}): "comparison", frozenset({"method", "reproducibility"}): "method"}


def timed(stages: dict[str, float], name: str, work: Callable[[], Any]) -> Any:
    """Run ``work``, add its CPU seconds to ``stages[name]`` and return its result."""
    start = time.process_time()
    result = work()
    stages[name] = stages.get(name, 0.0) + time.process_time() - start
    return result


def one_run() -> tuple[dict[str, float], int]:
    """CPU seconds per stage of one report, and its pages. Imports count once, in the first run."""
    import io

    stages: dict[str, float] = {}
    timed(stages, "imports", lambda: __import__("framing.report.model") and __import__("framing.report.charts"))
    from framing.analysis import analyze, corpus_lexicons
    from framing.report import comparison_or_none
    from framing.report.charts import build_charts
    from framing.report.html import render_html
    from framing.report.model import build_report_model, with_comparison
    from framing.report.pdf import assemble, plan_parts, print_part, warm_up

    lexicons = timed(stages, "lexicons", lambda: corpus_lexicons([]))
    analyses = timed(stages, "analysis", lambda: analyze([], lexicons=lexicons))
    model = timed(stages, "model", lambda: build_report_model(analyses, lexicons, title=""))
    model = timed(stages, "comparison", lambda: with_comparison(model, comparison_or_none(analyses, lexicons)))
    charts = timed(stages, "charts (matplotlib)", lambda: build_charts(model))
    timed(stages, "HTML page", lambda: render_html(model, charts))
    timed(stages, "PDF: WeasyPrint import + warm-up", warm_up)
    printed, articles = [], 0
    for part in plan_parts(model):
        html = render_html(model, charts, part=part)
        name = PART_NAMES.get(part.sections)
        if name is None:
            articles += 1
            name = f"articles {articles}"
        printed.append(timed(stages, f"PDF part: {name}", lambda html=html: print_part(html)))
    pdf = timed(stages, "PDF: join + footer", lambda: assemble(printed, "report"))
    import pypdf

    return stages, len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="repeat in this process and print medians")
    args = parser.parse_args(argv)
    runs = [one_run() for _ in range(max(1, args.runs))]
    pages = runs[-1][1]
    names = list(runs[-1][0])
    medians = {name: statistics.median(stages.get(name, 0.0) for stages, _ in runs) for name in names}
    medians["imports"] = runs[0][0]["imports"]  # paid by the first run only
    for name, seconds in medians.items():
        print(f"{name:36s} {seconds:6.2f} s CPU")
    print(f"{'total':36s} {sum(medians.values()):6.2f} s CPU, {pages} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
