"""The analyst's notebook under docs/ runs from top to bottom and shows what it says."""

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).parent.parent / "docs" / "analyst.ipynb"


def test_analyst_notebook_executes():
    """Every cell of docs/analyst.ipynb runs without error in a fresh kernel."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = "\n".join(
        str(output.get("text", "")) + str(output.get("data", {}).get("text/plain", ""))
        + str(output.get("data", {}).get("text/html", ""))
        for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    )
    assert "IKK-1.2 2023: capaian 80,08 %" in outputs
    assert "Sangat Baik" in outputs
    # The polarity findings, filtered from the audit's DataFrame.
    assert "Ikhtisar Eksekutif, butir 7" in outputs
    assert "80.08" in outputs
    images = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs
              if "image/png" in o.get("data", {})]
    assert len(images) == 4
