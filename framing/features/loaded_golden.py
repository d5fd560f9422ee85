"""Golden table of loaded terms: the examples each context rule of ``lexicons/loaded.tsv`` owns.

Test data, run by ``tests/test_rules.py``. A row is ``rule | sentence | cue as written | kind``
(:func:`framing.rules.golden_table`): no kind, a match of a row naming the rule that the rule
lets through; ``rejected``, one it keeps out. Every sentence is made up for the table.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..rules import GoldenRow, golden_table

CONTEXT_GOLDEN: Mapping[str, tuple[GoldenRow, ...]] = golden_table("""
    named_target | Critics blast Smith over the budget. | blast
    named_target | The blast shook the town. | blast | rejected
    not_before_measure | The plan was a massive failure. | massive
    not_before_measure | A massive amount of water flooded the road. | massive | rejected
    adjective_use | The celebrated author spoke at noon. | celebrated
    adjective_use | Fans celebrated the win all night. | celebrated | rejected
""")
