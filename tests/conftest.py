"""Shared fixtures, for one run of `make test` on any number of workers:

- the book is built once per run, whichever worker asks first (the others
  wait and read the same result);
- each worker has one chromium and one static server for the built book;
- strict nbval compares the figures' PNG bytes too, so a notebook is run
  once and every output it stores is checked.
"""

import fcntl
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.pages import Visit, explorer_pages, jupyterlab, launch, require_browser, serve

ROOT = Path(__file__).resolve().parent.parent
HTML = ROOT / "_build" / "html"
# The notebooks' figure style. Their kernels start in book/ and find it there; a
# notebook copied elsewhere to be run again, and the figures the tests draw
# themselves, find it through MATPLOTLIBRC, which every kernel inherits.
os.environ["MATPLOTLIBRC"] = str(ROOT / "book" / "matplotlibrc")


def pytest_xdist_auto_num_workers(config):
    # Much of a browser or notebook test is waiting: for a page to settle, a
    # kernel to start. Two workers per core keep the cores busy meanwhile.
    return 2 * (os.cpu_count() or 1)


def pytest_collection_modifyitems(items):
    # nbval leaves PNGs out of its comparison (they may differ between machines);
    # with every package locked they come out byte for byte the same (the lock's
    # test checks the packages), so a figure whose code changed without
    # `make notebooks` fails here like any other stale output.
    for notebook in {item.parent for item in items if type(item).__name__ == "IPyNbCell"}:
        notebook.skip_compare = tuple(key for key in notebook.skip_compare
                                      if key != "image/png")


@pytest.fixture(scope="session")
def book_build(testrun_uid):
    """Build the whole book from scratch, warnings as errors, once per test run.

    Returns what the build printed: ``returncode``, ``stdout``, ``stderr``.
    """
    HTML.parent.mkdir(exist_ok=True)
    record = HTML.parent / "test-build.json"
    with open(HTML.parent / "test-build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # a second worker waits for the first's build
        if record.exists() and json.loads(record.read_text())["run"] == testrun_uid:
            return SimpleNamespace(**json.loads(record.read_text())["result"])
        jupyter_book = Path(sys.executable).with_name("jupyter-book")
        result = subprocess.run(
            [str(jupyter_book), "build", "--all", "--warningiserror", "--keep-going", "."],
            cwd=ROOT, capture_output=True, text=True,
        )
        built = {"returncode": result.returncode, "stdout": result.stdout,
                 "stderr": result.stderr}
        record.write_text(json.dumps({"run": testrun_uid, "result": built}))
        return SimpleNamespace(**built)


@pytest.fixture(scope="session")
def book_url(book_build):
    """The built book, served on 127.0.0.1 at a free port."""
    assert book_build.returncode == 0, book_build.stdout[-3000:] + book_build.stderr[-3000:]
    server, url = serve(HTML)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """One chromium for every browser test of this worker."""
    sync_playwright = require_browser("browser tests")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def lab(browser, tmp_path_factory):
    """JupyterLab over a copy of the chapters (so autosave cannot touch book/);
    yields (browser, base URL, token)."""
    work = tmp_path_factory.mktemp("lab")
    for notebook in (ROOT / "book").glob("*.ipynb"):
        shutil.copy(notebook, work)
    with jupyterlab(work) as (base, token):
        yield browser, base, token


@pytest.fixture(scope="module", params=sorted(explorer_pages()))
def explorer_chapter(request, browser, book_url):
    """A chapter with explorers, loaded at 1280 px without its math (the tests look at
    the explorers only): (its Visit, the explorers' names)."""
    visit = Visit(browser, book_url, request.param, math=False)
    yield visit, explorer_pages()[request.param]
    visit.close()
