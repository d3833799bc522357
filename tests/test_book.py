"""The HTML book builds with no warning, and the stored notebooks are fresh."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

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
def test_refreshing_a_notebook_changes_nothing(notebook, tmp_path):
    """`make notebooks` on a clean checkout must leave `git status` clean."""
    copy = tmp_path / notebook.name
    shutil.copy(notebook, copy)
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "refresh_notebooks.py"), str(copy)],
        check=True, capture_output=True, env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    assert copy.read_bytes() == notebook.read_bytes(), (
        f"{notebook.name} is stale: run `make notebooks` and commit the result"
    )


def test_api_page_documents_every_public_name(book_build):
    """The API page is generated from the docstrings; nothing public is left out."""
    import helpers

    assert book_build.returncode == 0
    page = (ROOT / "_build" / "html" / "book" / "api.html").read_text()
    modules = ("neuron", "layers", "optim", "gradcheck")
    names = [name for name in helpers.__all__ if name != "plots"]
    missing = [name for name in names
               if not any(f'id="helpers.{module}.{name}"' in page for module in modules)]
    assert missing == []
    assert 'id="helpers.explorers.NeuronExplorer"' in page
