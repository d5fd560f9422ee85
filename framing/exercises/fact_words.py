"""Which quoted words in a version of a fact are speech, not a loaded word of the writer's.

The "same fact" key once also listed the words only one version uses; a strict teacher found that list
missing some words and naming shared ones, so the key leaves them to the class (:func:`.kinds_compare.fact_item`).
"""

from __future__ import annotations

import re

from ..grammar import SPEECH_VERBS


def spoken(text: str, end: int) -> bool:
    """Whether quote marks ending at ``end`` are followed by who said it ("“He’s cool,” Lt. Gov. Murray said"):
    speech, not the writer's scare quotes (a teacher found a quoted remark listed as a loaded word)."""
    return any(w.lower() in SPEECH_VERBS for w in re.findall(r"[\w’']+", text[end:end + 60])[:6])
