"""The one error type users see.

Every problem with user input (an article file, a manifest, a lexicon) becomes a
:class:`FramingInputError` that names the file, says what is wrong and what to do.
The CLI prints it on one line and exits with status 2, never with a traceback.
"""

from __future__ import annotations

from pathlib import Path


class FramingInputError(Exception):
    """Bad input that the user can fix: which file, what is wrong, what to do."""

    def __init__(self, path: str | Path, problem: str, hint: str = "") -> None:
        self.path = str(path)
        self.problem = problem
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        message = f"{self.path}: {self.problem}"
        return f"{message}. {self.hint}" if self.hint else message
