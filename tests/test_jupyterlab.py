"""The explorers in JupyterLab: a still picture before the chapter runs, live after.

Starts JupyterLab on 127.0.0.1 over a temporary copy of the chapters (so
autosave cannot touch book/). Each chapter with an explorer opens first as a
reader finds it: the stored output, which Lab does not trust yet, must show
the still picture, its note and no dead controls. Then Run All, and moving
the first slider with the keyboard must redraw the chart.
Skips without chromium, like the other browser tests; under CI it must run.
"""

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from pages import launch, require_browser

try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the lab fixture skips, or fails under CI, with the reason
    PlaywrightTimeout = TimeoutError

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHAPTERS_WITH_EXPLORERS = ["01_neuron", "03_chain_rule", "04_optimizer_step", "07_together"]
LAB_SETTINGS = {
    # JupyterLab drops cells far from the viewport from the page; render them all,
    # so the explorer's image stays in the page while the test scrolls to it.
    # Start the notebook's own kernel instead of asking which one, in a dialog.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none",
                                               "autoStartDefaultKernel": True},
    # No "get notified about news?" pop-up over the notebook.
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"},
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    sync_playwright = require_browser("JupyterLab tests")
    work = tmp_path_factory.mktemp("lab")
    for name, settings in LAB_SETTINGS.items():
        path = work / "settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    for name in CHAPTERS_WITH_EXPLORERS:
        shutil.copy(ROOT / "book" / f"{name}.ipynb", work)
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={work}", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "JUPYTER_CONFIG_DIR": str(work / "config"),
             "JUPYTERLAB_SETTINGS_DIR": str(work / "settings"),
             "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces")},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                pytest.fail("JupyterLab did not start")
            time.sleep(0.5)
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser, base, token
        browser.close()
    server.terminate()
    server.wait(timeout=30)


def run_all_cells(notebook, page, tries=3):
    """Run > Run All Cells; return the live explorer once it is drawn.

    The stored outputs hold no live widget (only its view), so the live
    explorer exists only once the kernel has run the explorer's cell.
    """
    image = notebook.locator(".jp-OutputArea-output .bp-live").first
    for _ in range(tries):
        page.get_by_role("menuitem", name="Run", exact=True).click()
        item = page.locator("li[data-command='runmenu:run-all']")
        item.wait_for(state="visible", timeout=10_000)
        item.click()
        # A click that lands while the menu is still opening can be lost: try again.
        with contextlib.suppress(PlaywrightTimeout):
            image.wait_for(state="attached", timeout=45_000)
            return image
    pytest.fail(f"Run All Cells drew no explorer in {tries} tries")


@pytest.mark.parametrize("chapter", CHAPTERS_WITH_EXPLORERS)
def test_a_slider_redraws_its_figure_live(lab, chapter):
    browser, base, token = lab
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else route.abort())
    # ?reset: a fresh workspace, so the chapters opened by earlier tests stay closed.
    page.goto(f"{base}/lab/tree/{chapter}.ipynb?reset&token={token}")
    try:
        move_the_first_slider(page)
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"jupyterlab-{chapter}-failed.png")
        raise
    finally:
        context.close()


def move_the_first_slider(page):
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    notebook.wait_for(timeout=60_000)
    # The toolbar's execution indicator reads "idle" before any kernel exists, and
    # cells run while the kernel is still connecting can leave it stuck there:
    # wait for the status bar to say the kernel itself is idle.
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=90_000)
    still = notebook.locator(".jp-OutputArea-output:has(.bp-note)").first
    still.wait_for(timeout=30_000)
    assert "run this cell" in still.inner_text()
    assert still.locator("input, script").count() == 0, "an untrusted output kept controls"
    images = still.locator("img")
    assert images.count() >= 1
    assert all(image.evaluate("i => i.complete && i.naturalWidth > 0") for image in images.all())
    live = run_all_cells(notebook, page)
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
