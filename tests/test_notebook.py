"""notebooks/explore.ipynb runs from top to bottom in a fresh kernel, and is committed clean.

The kernel is the interpreter running the tests (the project's virtualenv under `make test`),
from a kernel spec written into a temporary Jupyter path, so no kernel needs registering on
the machine. matplotlib draws with Agg. The notebook builds the seeds into a temporary folder;
the session's seeds build lends it its article cache, so the build there only re-assembles.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="nbformat (pinned in requirements.lock) is not installed")
nbclient = pytest.importorskip("nbclient", reason="nbclient (pinned in requirements.lock) is not installed")

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"
KERNEL = "isisgraph-test-python"


def test_the_notebook_is_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code, "the notebook has no code"
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.fixture
def kernel_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Jupyter path holding one kernel spec: this interpreter, matplotlib on Agg."""
    spec = tmp_path / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "isisgraph tests",
        "language": "python",
        "env": {"MPLBACKEND": "Agg"},
    }), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    return tmp_path


def test_the_notebook_runs(kernel_home: Path, seeds_build, monkeypatch: pytest.MonkeyPatch):
    out = kernel_home / "notebook-out"
    out.mkdir()
    built, _ = seeds_build
    cache = built.parent / f".{built.name}.cache"
    if cache.is_dir():
        shutil.copytree(cache, out / ".graph.trig.cache")
    monkeypatch.setenv("ISISGRAPH_NOTEBOOK_OUT", str(out))

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=900, kernel_name=KERNEL,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError, naming the cell, when a cell fails

    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    tables = [o for o in outputs if o.output_type == "execute_result" and "text/html" in o.get("data", {})]
    assert len(tables) >= 4, "the three saved queries and the edge table are shown as DataFrames"
    assert (out / "graph.trig").is_file()

    pil = pytest.importorskip("PIL.Image", reason="Pillow (pinned in requirements.lock) is not installed")
    for picture in ("actor-network.png", "strikes-per-month.png"):
        with pil.open(out / picture) as image:
            colours = image.convert("RGB").getcolors(maxcolors=1 << 20)
        assert colours is not None and len(colours) > 50, picture


def test_the_notebook_explores_the_graph_it_is_given(kernel_home: Path, seeds_build, monkeypatch: pytest.MonkeyPatch):
    # the cells up to the loading of the graph, with ISISGRAPH_GRAPH naming a build: nothing is built
    out = kernel_home / "notebook-out"
    out.mkdir()
    built, _ = seeds_build
    monkeypatch.setenv("ISISGRAPH_NOTEBOOK_OUT", str(out))
    monkeypatch.setenv("ISISGRAPH_GRAPH", str(built))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    load = next(i for i, cell in enumerate(notebook.cells) if "load_graph(GRAPH_FILE)" in cell.source)
    notebook.cells = notebook.cells[: load + 1]
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name=KERNEL,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    printed = "".join(o.get("text", "") for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs)
    assert f"exploring {built}" in printed
    size = notebook.cells[load].outputs[0]["data"]["text/plain"]
    from isisgraph.views import load_graph

    assert int(size) == len(load_graph(built))  # the given graph, as the notebook loads it
    assert not (out / "graph.trig").exists()
