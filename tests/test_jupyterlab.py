"""The chapters in JupyterLab, as `make lab` opens them (with jupyterlab-myst).

Reading, before anything runs: every chapter's links resolve, its solutions are
folded until the reader clicks one, and its exercises carry the book's numbers.

The explorers: a still picture before the chapter runs, live after.

Starts JupyterLab on 127.0.0.1 over a temporary copy of the chapters (so
autosave cannot touch book/). Each chapter with an explorer opens first as a
reader finds it: the stored output, which Lab does not trust yet, must show
the still picture, its note and no dead controls. Then the explorer's cell
runs, and moving the first slider with the keyboard must redraw the chart.
Skips without chromium, like the other browser tests; under CI it must run.
"""

import re
from pathlib import Path

import pytest

from tests.conftest import HTML
from tests.pages import explorer_cell, open_lab, run_explorer_cell, show_in_lab
from tests.test_notebook_structure import CHAPTERS, load, solution_cells

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
# Every chapter whose stored output holds an explorer.
CHAPTERS_WITH_EXPLORERS = sorted(
    path.stem for path in (ROOT / "book").glob("*.ipynb")
    if "bp-explorer" in path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def lab_page(lab):
    """One JupyterLab page with every chapter that has an explorer open."""
    browser, base, token = lab
    context, page = open_lab(browser, base, token,
                             [f"{chapter}.ipynb" for chapter in CHAPTERS_WITH_EXPLORERS])
    yield page
    context.close()


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXPLORERS)
def test_a_slider_redraws_its_figure_live(lab_page, chapter):
    try:
        move_the_first_slider(lab_page, show_in_lab(lab_page, f"{chapter}.ipynb"))
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        lab_page.screenshot(path=SCREENSHOTS / f"jupyterlab-{chapter}-failed.png")
        raise


def move_the_first_slider(page, notebook):
    cell = explorer_cell(notebook)
    still = cell.locator(".jp-OutputArea-output")
    assert "run this cell" in still.inner_text()
    assert still.locator("input, script").count() == 0, "an untrusted output kept controls"
    images = still.locator("img")
    assert images.count() >= 1
    assert all(image.evaluate("i => i.complete && i.naturalWidth > 0") for image in images.all())
    live = run_explorer_cell(cell, page)
    live.scroll_into_view_if_needed()
    charts = live.locator(".bp-panels")
    before = charts.inner_html()
    live.locator("input[type=range]").first.focus()
    for _ in range(5):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function(
        "([element, before]) => element.innerHTML !== before",
        arg=[charts.element_handle(), before], timeout=15_000,
    )
    assert charts.inner_html() != before


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
    return notebook


SCROLL_THROUGH = """async notebook => {
    const scroller = notebook.closest('.jp-WindowedPanel-outer') || notebook.parentElement;
    for (let top = 0; top < scroller.scrollHeight; top += scroller.clientHeight / 2) {
        scroller.scrollTop = top;
        await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
    }
    scroller.scrollTop = 0;
}"""


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

    # jupyterlab-myst typesets a cell when it first scrolls into view: scroll
    # through the notebook, then wait for as many numbered exercises as the book has.
    expected = book_exercise_numbers(chapter)
    notebook.evaluate(SCROLL_THROUGH)
    page.wait_for_function(
        "([notebook, count]) => (notebook.textContent.match(/Exercise \\d+\\.\\d+/g) || [])"
        ".length >= count", arg=[notebook.element_handle(), len(expected)], timeout=30_000)
    shown = re.findall(r"Exercise (\d+\.\d+)", notebook.text_content())
    assert list(dict.fromkeys(shown)) == expected

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
