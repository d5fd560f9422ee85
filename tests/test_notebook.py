"""The example notebook (docs/examples/framing-api.ipynb) runs top to bottom, offline, in a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "examples" / "framing-api.ipynb"


@pytest.mark.slow
def test_example_notebook_runs_and_shows_html(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")  # committed clean
    monkeypatch.setenv("PYTHONPATH", str(ROOT))  # the kernel imports this checkout's framing
    # A cell that raises stops the run with CellExecutionError, which fails this test.
    NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT)}}).execute()
    html_outputs = ["".join(output.get("data", {}).get("text/html", ""))
                    for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert sum('<div class="framing-show"' in html for html in html_outputs) == 2  # show() and an analysis' repr
    assert any("comparison tables</strong>" in html for html in html_outputs)
    assert any("<table" in html and "role_reason" in html for html in html_outputs)
