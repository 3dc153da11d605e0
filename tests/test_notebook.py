"""The example notebook runs end to end in a fresh kernel (nbclient); marked cluster: a kernel start is slow."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import deadline_cn

ROOT = Path(deadline_cn.__file__).resolve().parent.parent
NOTEBOOK = ROOT / "examples" / "frames.ipynb"


@pytest.mark.cluster
def test_example_notebook_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("matplotlib")
    # the kernel must import this deadline_cn (a worktree or a checkout), not another installed copy
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<mark>2017年年底</mark>" in h for h in html)  # the result's card
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the timeline
