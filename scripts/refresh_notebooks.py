"""Re-execute notebooks in place, top to bottom, each in a fresh kernel.

    python scripts/refresh_notebooks.py book/*.ipynb

The result depends only on the code and the pinned packages: no timing
metadata, no widget state, no interpreter version, hash seed fixed.
Running it twice leaves the files byte for byte the same.

A cell tagged nbval-ignore-output measures time, so its output differs on
every run. When that is the only difference, the notebook file is left as it
was, timings included: they are measured again whenever anything else changes.
"""

import copy
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
TIMING_TAG = "nbval-ignore-output"


def without_timings(notebook):
    """The notebook as text, with the outputs of timing cells left out."""
    notebook = nbformat.from_dict(copy.deepcopy(notebook))
    for cell in notebook.cells:
        if TIMING_TAG in cell.metadata.get("tags", []):
            cell.outputs = []
    return nbformat.writes(notebook)


def cleared(notebook):
    """A copy of ``notebook`` as it goes into the kernel: no outputs, no execution
    counts, no timing or widget state, the project's kernel."""
    notebook = copy.deepcopy(notebook)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    notebook.metadata["kernelspec"] = dict(KERNEL)
    notebook.metadata.pop("widgets", None)
    notebook.metadata.get("language_info", {}).pop("version", None)
    return notebook


def refresh(path):
    """Execute the notebook at ``path``; return True if anything but timings changed."""
    stored = nbformat.read(path, as_version=4)
    notebook = cleared(stored)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name=KERNEL["name"],
        resources={"metadata": {"path": str(Path(path).parent)}},
        record_timing=False,
        store_widget_state=False,
        # A print can reach us in one piece or two, depending on when the
        # kernel flushes; merged, the stored output is the same every run.
        coalesce_streams=True,
    )
    client.execute()
    # The interpreter's version varies between machines; nothing in the outputs does.
    notebook.metadata.get("language_info", {}).pop("version", None)
    changed = without_timings(notebook) != without_timings(stored)
    # Written either way, so the file is always in nbformat's own layout.
    nbformat.write(notebook if changed else stored, path)
    return changed


def main(paths):
    os.environ["PYTHONHASHSEED"] = "0"
    # Figures go inline into the notebook, whatever backend the caller had set.
    os.environ["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    for path in paths:
        print(f"executing {path}", end=": ", flush=True)
        print("rewritten" if refresh(path) else "unchanged", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:] or sorted(str(p) for p in Path("book").glob("*.ipynb")))
