"""Reading a chapter in JupyterLab, before running anything.

Each chapter opens in JupyterLab (with jupyterlab-myst, as `make lab` starts
it). Its links must resolve, its solutions must be folded until the reader
clicks one, and its exercises must carry the numbers the book gives them.
"""

import re

import pytest

from tests.conftest import HTML
from tests.pages import ROOT
from tests.test_notebook_structure import CHAPTERS, load, solution_cells

UNRESOLVED = "Cross reference target was not found"


@pytest.fixture(scope="module")
def reading(lab):
    """One JupyterLab page for reading; yields (page, its console messages)."""
    browser, base, token = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else route.abort())
    page.goto(f"{base}/lab?reset&token={token}")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=60_000)
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    yield page, messages
    context.close()


def open_to_read(page, name):
    """Open the notebook ``name`` and wait until every markdown cell is rendered."""
    panel = page.evaluate("path => window.jupyterapp.commands.execute('docmanager:open', "
                          "{path}).then(widget => widget.id)", name)
    notebook = page.locator(f"[id='{panel}'] .jp-Notebook")
    notebook.wait_for(timeout=60_000)
    markdown = sum(cell["cell_type"] == "markdown" for cell in load(ROOT / "book" / name))
    page.wait_for_function(
        """([notebook, count]) => notebook.querySelectorAll(
               '.jp-MarkdownCell.jp-mod-rendered').length >= count""",
        arg=[notebook.element_handle(), markdown], timeout=60_000)
    # jupyterlab-myst typesets a cell once it scrolls into view.
    for cell in notebook.locator(".jp-MarkdownCell").all():
        cell.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    return notebook


def book_exercise_numbers(chapter):
    html = (HTML / "book" / f"{chapter.stem}.html").read_text(encoding="utf-8")
    return re.findall(r'<span class="caption-number">Exercise (\d+\.\d+) </span>', html)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_a_chapter_reads_in_jupyterlab_as_in_the_book(reading, book_build, chapter):
    page, messages = reading
    messages.clear()
    notebook = open_to_read(page, chapter.name)

    unresolved = [text for text in messages if UNRESOLVED in text]
    assert unresolved == [], unresolved

    cells = load(chapter)
    inside = solution_cells(cells)
    placeholders = notebook.locator(".jp-InputPlaceholder")
    assert placeholders.count() == len(inside), "not every solution cell is folded"
    assert notebook.locator(".jp-OutputPlaceholder").count() == sum(
        cells[index]["cell_type"] == "code" for index in inside), "a solution's output shows"

    shown = re.findall(r"Exercise (\d+\.\d+)", notebook.inner_text())
    assert list(dict.fromkeys(shown)) == book_exercise_numbers(chapter)

    # The reader clicks the first fold: that cell opens, the others stay shut.
    first = placeholders.first
    first.scroll_into_view_if_needed()
    index = notebook.locator(".jp-Cell").evaluate_all(
        "cells => cells.findIndex(cell => cell.querySelector('.jp-InputPlaceholder'))")
    cell = notebook.locator(".jp-Cell").nth(index)
    first.click()
    page.wait_for_function(
        "([notebook, count]) => notebook.querySelectorAll('.jp-InputPlaceholder').length"
        " === count", arg=[notebook.element_handle(), len(inside) - 1], timeout=10_000)
    opened = cell.locator(".jp-InputArea")
    assert opened.is_visible() and opened.inner_text().strip()
