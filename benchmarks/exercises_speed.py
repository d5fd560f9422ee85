"""How long ``framing exercises --blind`` takes on the bundled seeds (handout, worksheet and key, HTML and PDF).

Cold start, as in the other speed benchmarks.

The same measurement as ``report_speed.py`` (a fresh subprocess per run, so start-up
and every import count), for the classroom exercises: six files per run (the handout of the articles included). Target:
under 5 s on a 2-core laptop. Usage::

    .venv/bin/python benchmarks/exercises_speed.py [--runs 3] [--format html,pdf] [PATH ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_speed import main

if __name__ == "__main__":
    sys.exit(main(("exercises", "--blind"), files_per_format=3, doc=__doc__))
