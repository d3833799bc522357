"""The explorers in JupyterLab: a still picture before the chapter runs, live after.

Starts JupyterLab on 127.0.0.1 over a temporary copy of the chapters (so
autosave cannot touch book/). Each chapter with an explorer opens first as a
reader finds it: the stored output, which Lab does not trust yet, must show
the still picture, its note and no dead controls. Then the explorer's cell
runs, and moving the first slider with the keyboard must redraw the chart.
Skips without chromium, like the other browser tests; under CI it must run.
"""

from pathlib import Path

import pytest

from tests.pages import explorer_cell, open_lab, run_explorer_cell, show_in_lab

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
