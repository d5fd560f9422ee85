"""Golden tables of the voices' window rules (:mod:`.window_rules`): test data, one made-up sentence a row.

Run by ``tests/test_compare_voices_golden.py``, which builds the voices table of the sentence with the bundled
lexicons and one source span at the cue. A row is ``rule | sentence | cue as written | source kind | role``
(:func:`framing.rules.golden_table`; the source kind is the row's ``source``): the voice gets that role by
this rule, or, for role ``rejected``, not by this rule.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...rules import GoldenRow, golden_table

NAME_GOLDEN: Mapping[str, tuple[GoldenRow, ...]] = golden_table("""
    own_words | Senate Democrats said the bill would pass. | Senate Democrats | institution | legislators
    own_words | The city's police said the road was closed. | The city's police | institution | military_police
    own_words | Maria Lopez said the plan would fail. | Maria Lopez | named_person | rejected
""")

AROUND_GOLDEN: Mapping[str, tuple[GoldenRow, ...]] = golden_table("""
    title | Sen. Jane Roe said the bill would pass. | Jane Roe | named_person | legislators
    title | Sheriff Jane Roe said two men were held. | Jane Roe | named_person | military_police
    title | On Monday Jane Roe said the bill would pass. | Jane Roe | named_person | rejected
    staff_of | Sen. Jane Roe spoke. Later Roe adviser Jim Moe said it failed. | Jim Moe | named_person | legislators
    staff_of | Campaign adviser Jim Moe said it failed. | Jim Moe | named_person | rejected
    party_state_tag | Jane Roe (R-Texas) said the vote was close. | Jane Roe | named_person | legislators
    party_state_tag | Jane Roe, D-N.Y., said the vote was close. | Jane Roe | named_person | legislators
    party_state_tag | Jane Roe (2019) said the vote was close. | Jane Roe | named_person | rejected
    appositive | Ann Lee, a professor at Yale, said the plan was sound. | Ann Lee | named_person | experts_academics
    appositive | Ann Lee, who lives nearby, said the plan was sound. | Ann Lee | named_person | rejected
""")
