"""The comparison layer stays light: building it must not import scikit-learn (about 1 s of start-up)."""

from __future__ import annotations

import subprocess
import sys

BUILD_ON_SEEDS = """
import sys
from framing.analysis import analyze_document
from framing.compare import build_comparison
from framing.corpus import bundled_seed_dir, load_articles, parse_document
from framing.lexicons import load_lexicons

lexicons = load_lexicons()
analyses = [analyze_document(parse_document(a, lexicons), lexicons) for a in load_articles([bundled_seed_dir()])]
tables = build_comparison(analyses, lexicons=lexicons)
print(len(tables["facts"]), sorted(name for name in sys.modules if name.split(".")[0] == "sklearn")[:3])
"""


def test_compare_build_on_seeds_does_not_import_sklearn() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_ON_SEEDS], capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stderr
    n_facts, _, imported = result.stdout.strip().partition(" ")
    assert int(n_facts) > 0
    assert imported == "[]"
