"""Packages that are also the public function of the same name: ``framing.compare(...)``, ``framing.report(...)``.

``framing.compare`` and ``framing.report`` are packages, and Python sets a package as
its parent's attribute when it is imported, so a function of the same name in
``framing/__init__.py`` would be replaced by the package as soon as anything imported
it. Instead the package itself is callable (a module's class may be a subclass of
``ModuleType``): ``framing.compare(analyses)`` calls :func:`framing.api.compare`,
and ``framing.compare.build_comparison`` is still the package's function.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any


class CallablePackage(ModuleType):
    """A package whose call is the public function named by ``__public_function__`` in :mod:`framing.api`."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._public_function()(*args, **kwargs)

    @property
    def __signature__(self) -> inspect.Signature:
        """The public function's signature, for ``help``, ``inspect`` and Jupyter's call tips."""
        return inspect.signature(self._public_function())

    def _public_function(self) -> Callable[..., Any]:
        return getattr(importlib.import_module("framing.api"), self.__public_function__)


def make_callable(package_name: str, function_name: str) -> None:
    """Make the package ``package_name`` call ``framing.api.<function_name>`` (called from its ``__init__``)."""
    package = sys.modules[package_name]
    package.__public_function__ = function_name
    package.__class__ = CallablePackage
