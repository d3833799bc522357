"""The HTML book builds with no warning, and the stored notebooks are fresh."""

import inspect
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import numpy as np
import pytest

import helpers
from helpers import examples
from scripts import refresh_notebooks

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "book").glob("*.ipynb"))


def test_book_builds_without_warnings(book_build):
    log = book_build.stdout + book_build.stderr
    assert book_build.returncode == 0, log[-5000:]
    warnings = [line for line in log.splitlines() if "WARNING" in line]
    assert not warnings, "\n".join(warnings)
    assert (ROOT / "_build" / "html" / "index.html").is_file()


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_notebooks_stay_small(notebook):
    assert notebook.stat().st_size < 2_000_000, f"{notebook.name} is over 2 MB"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.name)
def test_each_notebook_is_stored_as_make_notebooks_writes_it(notebook):
    """`make notebooks` on a clean checkout must leave `git status` clean.

    Strict nbval runs every notebook once and compares every output, figures'
    PNG bytes included (conftest.py); this checks the rest of the file without
    running it again: run top to bottom, no timing or widget state, the
    project's kernel, and nbformat's own layout byte for byte.
    """
    text = notebook.read_text(encoding="utf-8")
    stored = nbformat.reads(text, as_version=4)
    counts = [cell.execution_count for cell in stored.cells if cell.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), "not run top to bottom in one kernel"
    bare = refresh_notebooks.cleared(stored)
    for cell, cleared_cell in zip(stored.cells, bare.cells, strict=True):
        assert cell.metadata == cleared_cell.metadata
    assert stored.metadata == bare.metadata
    assert nbformat.writes(stored) + "\n" == text, "not in nbformat's layout"


def test_refresh_leaves_a_notebook_alone_when_only_timings_differ(tmp_path):
    """Timings change on every run; re-measuring them alone must not dirty `git status`."""
    notebook = {
        "cells": [
            {"cell_type": "code", "id": "timing", "metadata": {"tags": ["nbval-ignore-output"]},
             "source": "import time\nprint(time.perf_counter_ns())", "outputs": [],
             "execution_count": None},
        ],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }
    path = tmp_path / "timing.ipynb"
    path.write_text(json.dumps(notebook))
    refresh = [sys.executable, str(ROOT / "scripts" / "refresh_notebooks.py"), str(path)]
    first = subprocess.run(refresh, check=True, capture_output=True, text=True)
    assert "rewritten" in first.stdout
    stored = path.read_bytes()
    assert json.loads(stored)["cells"][0]["outputs"], "the first run stores a timing"
    second = subprocess.run(refresh, check=True, capture_output=True, text=True)
    assert "unchanged" in second.stdout
    assert path.read_bytes() == stored


def test_api_page_documents_every_public_name(book_build):
    """The API page is generated from the docstrings; nothing public is left out."""
    import helpers

    assert book_build.returncode == 0
    page = (ROOT / "_build" / "html" / "book" / "api.html").read_text()
    modules = ("neuron", "layers", "optim", "gradcheck", "losses", "network")
    submodules = ("examples", "plots")
    names = [name for name in helpers.__all__ if name not in submodules]
    missing = [name for name in names
               if not any(f'id="helpers.{module}.{name}"' in page for module in modules)]
    assert missing == []
    for module in submodules:
        assert f'id="module-helpers.{module}"' in page
    assert 'id="helpers.examples.LAYER_WEIGHTS"' in page
    assert 'id="helpers.plots.plot_neuron_graph"' in page
    from helpers.explorers import ALL

    for explorer in ALL:
        assert f'id="{explorer.__module__}.{explorer.__name__}"' in page


def test_notation_page_states_the_examples_helpers_define():
    """The notation page is Markdown, so its few example values are typed: check them."""
    # Wherever the page's lines break, the words must be these.
    notation = " ".join((ROOT / "book" / "notation.md").read_text().split())
    x = ", ".join(f"{value:g}" for value in examples.NEURON_INPUTS)
    assert f"$\\mathbf{{x}} = ({x})$" in notation
    h = inspect.signature(helpers.numerical_gradient).parameters["h"].default
    assert f"$10^{{{round(np.log10(h))}}}$ by default" in notation
    n_in, n_out = examples.LAYER_WEIGHTS.shape
    assert f"$n_\\text{{in}} = {n_in}$, $n_\\text{{out}} = {n_out}$" in notation
