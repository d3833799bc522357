"""The explorers in JupyterLab: a still picture before the chapter runs, live after.

Starts JupyterLab on 127.0.0.1 over a temporary copy of the chapters (so
autosave cannot touch book/). Each chapter with an explorer opens first as a
reader finds it: the stored output, which Lab does not trust yet, must show
the still picture, its note and no dead controls. Then the explorer's cell
runs, and moving the first slider with the keyboard must redraw the chart.
Skips without chromium, like the other browser tests; under CI it must run.
"""

import contextlib
from pathlib import Path

import pytest

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the lab fixture skips, or fails under CI, with the reason
    PlaywrightTimeout = TimeoutError

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
# Every chapter whose stored output holds an explorer.
CHAPTERS_WITH_EXPLORERS = sorted(
    path.stem for path in (ROOT / "book").glob("*.ipynb")
    if "bp-explorer" in path.read_text(encoding="utf-8"))


def run_the_explorer_cell(cell, page, tries=3):
    """Select the explorer's cell and run it (Shift+Enter); return the live explorer.

    The stored outputs hold no live widget (only its view), so the live
    explorer exists only once the kernel has run the cell. The cell needs
    nothing from the cells above it.
    """
    live = cell.locator(".jp-OutputArea-output .bp-live")
    for _ in range(tries):
        cell.locator(".jp-InputPrompt").click()
        page.keyboard.press("Shift+Enter")
        # A key press that lands before the kernel listens can be lost: try again.
        with contextlib.suppress(PlaywrightTimeout):
            live.wait_for(state="attached", timeout=30_000)
            return live
    pytest.fail(f"running the explorer's cell drew no explorer in {tries} tries")


OPEN = "path => { window.jupyterapp.commands.execute('docmanager:open', {path}); }"


@pytest.fixture(scope="module")
def lab_page(lab):
    """One JupyterLab page with every chapter that has an explorer open, each in its
    own tab, so their kernels start together."""
    browser, base, token = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else route.abort())
    # ?reset: a fresh workspace, with no document open.
    page.goto(f"{base}/lab?reset&token={token}")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=60_000)
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    for chapter in CHAPTERS_WITH_EXPLORERS:
        page.evaluate(OPEN, f"{chapter}.ipynb")
    yield page
    context.close()


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXPLORERS)
def test_a_slider_redraws_its_figure_live(lab_page, chapter):
    lab_page.evaluate(OPEN, f"{chapter}.ipynb")  # brings its tab to the front
    try:
        move_the_first_slider(lab_page)
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        lab_page.screenshot(path=SCREENSHOTS / f"jupyterlab-{chapter}-failed.png")
        raise


def move_the_first_slider(page):
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    notebook.wait_for(timeout=60_000)
    # The toolbar's execution indicator reads "idle" before any kernel exists, and
    # cells run while the kernel is still connecting can leave it stuck there:
    # wait for the status bar to say the kernel itself is idle.
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=90_000)
    notebook.locator(".jp-CodeCell:has(.bp-note)").first.wait_for(timeout=30_000)
    # The cell by its place, as the still picture that finds it goes once it runs.
    index = notebook.locator(".jp-CodeCell").evaluate_all(
        "cells => cells.findIndex(cell => cell.querySelector('.bp-note'))")
    cell = notebook.locator(".jp-CodeCell").nth(index)
    still = cell.locator(".jp-OutputArea-output")
    assert "run this cell" in still.inner_text()
    assert still.locator("input, script").count() == 0, "an untrusted output kept controls"
    images = still.locator("img")
    assert images.count() >= 1
    assert all(image.evaluate("i => i.complete && i.naturalWidth > 0") for image in images.all())
    live = run_the_explorer_cell(cell, page)
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
