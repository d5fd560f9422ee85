"""Every third-party module the package imports is a declared dependency (not a lucky transitive one)."""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_names(requirements: list[str]) -> set[str]:
    return {_normalise(re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]) for requirement in requirements}


def _imported_top_level_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "framing").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
            elif (  # a package's data read through importlib.util.find_spec("name") needs it installed too
                isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "find_spec"
                and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "framing"}


def test_every_imported_module_is_a_declared_dependency() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    # An optional engine's modules (framing[dask]) are declared in its extra, and imported only when used.
    extras = [names for extra, names in project["optional-dependencies"].items() if extra != "test"]
    declared = _requirement_names(project["dependencies"] + [name for names in extras for name in names])
    distributions = packages_distributions()
    missing = {}
    for module in sorted(_imported_top_level_modules()):
        names = {_normalise(d) for d in distributions.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(names)
    assert missing == {}, f"imported by framing but declared neither as a dependency nor in an extra: {missing}"


def test_test_only_tools_are_not_runtime_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _requirement_names(project["dependencies"])
    test_only = _requirement_names(project["optional-dependencies"]["test"])
    assert not runtime & test_only
    assert {"hypothesis", "nltk", "pytest"} <= test_only
