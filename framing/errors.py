"""The one error type users see.

Every problem with user input (an article file, a manifest, a lexicon) becomes a
:class:`FramingInputError` that names the file, says what is wrong and what to do.
The CLI prints it on one line and exits with status 2, never with a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
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


def python_setting(parameter: str, value: object) -> str:
    """How a library caller sets a parameter: ``jobs=2``."""
    return f"{parameter}={value!r}"


class FramingParameterError(FramingInputError, ValueError):
    """A parameter given a value it cannot take: the message names the parameter and the bad value.

    Library code names its parameters (``jobs``), never a command-line flag: the CLI
    shows its own flag instead (``--jobs``) by rendering the hint again with
    :meth:`hint_with`. ``example`` is a good value, appended to the hint as a setting
    (``e.g. jobs=2`` here, ``e.g. --jobs 2`` in the CLI). ``path`` names the file at
    fault when there is one (a corpus row without a story); by default the parameter.
    It is a ``ValueError`` too, so callers that catch those catch it.
    """

    def __init__(
        self, parameter: str, problem: str, hint: str = "", *, example: object = None, path: str | Path | None = None
    ) -> None:
        self.parameter = parameter
        self.example = example
        self.base_hint = hint
        super().__init__(parameter if path is None else path, problem, self.hint_with(python_setting))

    def hint_with(self, setting: Callable[[str, object], str]) -> str:
        """The hint, ending with the example value written by ``setting(parameter, example)``."""
        if self.example is None:
            return self.base_hint
        return f"{self.base_hint} {setting(self.parameter, self.example)}".strip()
