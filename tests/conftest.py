"""Shared fixtures: one book build per test run, and a static server for it."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pages import serve

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
# The notebooks' figure style. Their kernels start in book/ and find it there; a
# notebook copied elsewhere to be run again (test_book.py), and the figures the
# tests draw themselves, find it through MATPLOTLIBRC, which every kernel inherits.
os.environ["MATPLOTLIBRC"] = str(ROOT / "book" / "matplotlibrc")


@pytest.fixture(scope="session")
def book_build():
    """Build the whole book from scratch, warnings as errors; return the log."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", "--all", "--warningiserror", "--keep-going", "."],
        cwd=ROOT, capture_output=True, text=True,
    )
    return result


@pytest.fixture(scope="session")
def book_url(book_build):
    """The built book, served on 127.0.0.1 at a free port."""
    assert book_build.returncode == 0, book_build.stdout[-3000:] + book_build.stderr[-3000:]
    server, url = serve(HTML)
    yield url
    server.shutdown()
