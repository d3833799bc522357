"""Chromium, the built book and JupyterLab, for the tests and the benchmark.

``Visit`` opens a page of the built book with the network cut off: every
request that does not go to the local server is blocked and recorded, console
errors are recorded, and the bytes of every response are counted.
``jupyterlab`` starts JupyterLab on a folder of notebooks.
"""

import contextlib
import functools
import http.server
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from helpers.explorers import ALL

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # the browser tests skip, or fail under CI, saying why
    PlaywrightError = Exception

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early is no failure of the book


def serve(directory):
    """Serve ``directory`` on 127.0.0.1 at a free port; return (server, base URL)."""
    server = _QuietServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(directory))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def require_browser(what):
    """Playwright's ``sync_playwright``, or skip ``what`` saying why (fail under CI)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    if CHROMIUM is None or sync_playwright is None:
        reason = "chromium or playwright is missing (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{what} must run under CI: {reason}")
        pytest.skip(reason)
    return sync_playwright


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Visit:
    """One page load, with every blocked request, console error and byte recorded."""

    def __init__(self, browser, base_url, path, width=1280, height=900, phone=False,
                 math=True, **options):
        """``phone``: a touch screen that lays out like a phone's (chromium's mobile mode).
        ``math=False``: MathJax is served as an empty script, for a test that neither
        looks at the math nor at the page's layout, since typesetting a chapter takes
        the browser seconds.

        ``options`` go to the browser context: color_scheme, java_script_enabled, ...
        """
        self.blocked, self.errors, self.responses = [], [], []
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           is_mobile=phone, has_touch=phone, **options)
        self.page = self.context.new_page()
        self.page.route("**/*", lambda route: self._route(route, base_url))
        if not math:
            self.without_math()
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", lambda response: self.responses.append(response))
        self.page.goto(f"{base_url}/{path}", wait_until="load")
        # MathJax typesets after load; its startup promise resolves when it is done.
        if options.get("java_script_enabled", True):
            self.page.evaluate("() => window.MathJax?.startup?.promise.then(() => true) ?? true")
        # Typeset math fetches its fonts, deferred scripts may still be arriving.
        self.page.wait_for_load_state("networkidle")
        self.first_load = len(self.responses)

    def without_math(self):
        """Serve MathJax as an empty script to every page this visit loads from now on."""
        # A route added later takes precedence over the one that blocks the network.
        self.page.route("**/_static/mathjax/**", lambda route: route.fulfill(
            status=200, content_type="text/javascript", body="/* no math here */"))

    def _route(self, route, base_url):
        if route.request.url.startswith(base_url):
            return route.continue_()
        self.blocked.append(route.request.url)
        return route.abort()

    @property
    def bytes(self):
        """Bytes of every response body of the first load, as served (uncompressed)."""
        total = 0
        for response in self.responses[:self.first_load]:
            # A redirect or an aborted request has no body to count.
            with contextlib.suppress(PlaywrightError):
                total += len(response.body())
        return total

    def set_scheme(self, scheme):
        """Switch the reader's light or dark setting; wait until the theme follows."""
        self.page.emulate_media(color_scheme=scheme)
        self.page.wait_for_function(f"document.documentElement.dataset.theme === '{scheme}'")

    def close(self):
        self.context.close()


#: JupyterLab's settings for the tests: render every cell, so an output stays in
#: the page while a test scrolls to it; start the notebook's own kernel instead
#: of asking which one; no "get notified about news?" pop-up.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none",
                                               "autoStartDefaultKernel": True},
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false"},
}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def jupyterlab(work):
    """JupyterLab on 127.0.0.1 serving the folder ``work``; yields (base URL, token).

    Its settings, workspaces and config live in ``work`` too, so nothing of the
    reader's own JupyterLab is read or written.
    """
    for name, settings in LAB_SETTINGS.items():
        path = work / "settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(settings))
    port, token = free_port(), secrets.token_hex(16)
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", f"--port={port}",
         "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={work}", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         # window.jupyterapp: the tests open documents with Lab's own commands.
         "--LabApp.expose_app_in_browser=True"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        # The project's server settings too (jupyter-config/), as `make lab` uses them.
        env={**os.environ, "JUPYTER_CONFIG_DIR": str(work / "config"),
             "JUPYTER_CONFIG_PATH": str(ROOT / "jupyter-config"),
             "JUPYTERLAB_SETTINGS_DIR": str(work / "settings"),
             "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces")},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("JupyterLab did not start") from None
                time.sleep(0.3)
        yield base, token
    finally:
        server.terminate()
        server.wait(timeout=30)


#: Every explorer helpers defines, by its name.
EXPLORERS = {cls.name: cls for cls in ALL}


def explorer_pages():
    """{page in the built book: [explorer names]}, read from the stored notebooks.

    Every explorer helpers defines must be in a chapter.
    """
    pages = {}
    for notebook in sorted((ROOT / "book").glob("*.ipynb")):
        names = []
        for cell in json.loads(notebook.read_text())["cells"]:
            for output in cell.get("outputs", []):
                html = "".join(output.get("data", {}).get("text/html", []))
                names += [name for name in EXPLORERS if f'data-explorer="{name}"' in html]
        if names:
            pages[f"book/{notebook.stem}.html"] = names
    assert sorted(name for names in pages.values() for name in names) == sorted(EXPLORERS)
    return pages


def open_lab(browser, base, token, notebooks):
    """A JupyterLab page with each of ``notebooks`` (names) open in its own tab,
    so their kernels start together; returns (its browser context, the page)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
               else route.abort())
    # ?reset: a fresh workspace, with no document open.
    page.goto(f"{base}/lab?reset&token={token}")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=60_000)
    page.evaluate("() => window.jupyterapp.restored.then(() => true)")
    for notebook in notebooks:
        show_in_lab(page, notebook)
    return context, page


def show_in_lab(page, notebook):
    """Open ``notebook`` in JupyterLab, or bring its tab to the front; return its
    notebook once its kernel is idle."""
    page.evaluate("path => { window.jupyterapp.commands.execute('docmanager:open', "
                  "{path}); }", notebook)
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook")
    panel.wait_for(timeout=60_000)
    # The toolbar's execution indicator reads "idle" before any kernel exists, and
    # cells run while the kernel is still connecting can leave it stuck there:
    # wait for the status bar to say the kernel itself is idle.
    page.locator(".jp-StatusBar-Widget", has_text="| Idle").first.wait_for(timeout=90_000)
    return panel


def explorer_cell(notebook):
    """The code cell whose stored output is an explorer's still picture, found by
    its place, since the picture that finds it goes once the cell runs."""
    notebook.locator(".jp-CodeCell:has(.bp-note)").first.wait_for(timeout=30_000)
    index = notebook.locator(".jp-CodeCell").evaluate_all(
        "cells => cells.findIndex(cell => cell.querySelector('.bp-note'))")
    return notebook.locator(".jp-CodeCell").nth(index)


def run_explorer_cell(cell, page, tries=3):
    """Select the explorer's cell and run it (Shift+Enter); return the live explorer.

    The stored outputs hold no live widget (only its view), so the live
    explorer exists only once the kernel has run the cell. The cell needs
    nothing from the cells above it.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    live = cell.locator(".jp-OutputArea-output .bp-live")
    for _ in range(tries):
        cell.locator(".jp-InputPrompt").click()
        page.keyboard.press("Shift+Enter")
        # A key press that lands before the kernel listens can be lost: try again.
        with contextlib.suppress(PlaywrightTimeout):
            live.wait_for(state="attached", timeout=30_000)
            return live
    raise AssertionError(f"running the explorer's cell drew no explorer in {tries} tries")
