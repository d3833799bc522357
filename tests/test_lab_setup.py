"""`make lab` starts JupyterLab as the project sets it up, as root too.

The test runs `make lab` itself (as CI's root user, with --allow-root added by
the Makefile), checks that the file browser lists the chapters and pages and
none of the tool files beside them, and that the plugin which asks "get
notified about Jupyter news?" is not active. Skips without chromium, like
the other browser tests; under CI it must run.
"""

import json
import os
import re
import secrets
import signal
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.pages import free_port

ROOT = Path(__file__).resolve().parent.parent
ANNOUNCEMENTS = "@jupyterlab/apputils-extension:announcements"
# What a reader opens: the notebooks and the Markdown pages.
READER_FILES = sorted(path.name for path in (ROOT / "book").iterdir()
                      if path.suffix in {".ipynb", ".md"})


@pytest.fixture(scope="module")
def make_lab(tmp_path_factory):
    """`make lab` on a free port; yields (base URL, token)."""
    work = tmp_path_factory.mktemp("make-lab")
    port, token = free_port(), secrets.token_hex(16)
    options = [f"--port={port}", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--IdentityProvider.token={token}",
               # Lets the test ask the running app which plugins it activated.
               "--LabApp.expose_app_in_browser=True"]
    server = subprocess.Popen(
        # -o: the environment the tests run in is taken as set up, so a
        # newer requirements file cannot have make rebuild it under them.
        ["make", "--no-print-directory", "-o", ".venv/.installed-stamp", "lab",
         f"LAB_ARGS={' '.join(options)}"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        # Its own process group, so that JupyterLab stops with make.
        start_new_session=True,
        # The reader's own workspaces and settings stay untouched.
        env={**os.environ, "JUPYTERLAB_WORKSPACES_DIR": str(work / "workspaces"),
             "JUPYTERLAB_SETTINGS_DIR": str(work / "settings")},
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    try:
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail("`make lab` stopped:\n" + server.stdout.read()[-3000:])
                if time.monotonic() > deadline:
                    pytest.fail("`make lab` did not start JupyterLab in 90 s")
                time.sleep(0.5)
        yield base, token
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def test_the_file_browser_lists_only_the_chapters_and_pages(make_lab):
    base, token = make_lab
    listing = json.loads(get(f"{base}/api/contents?token={token}"))
    assert sorted(item["name"] for item in listing["content"]) == READER_FILES


def test_the_news_plugin_is_switched_off_in_the_page_config(make_lab):
    base, token = make_lab
    page = get(f"{base}/lab?token={token}")
    config = json.loads(re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>',
        page, re.S).group(1))
    assert ANNOUNCEMENTS in config["disabledExtensions"]


def test_lab_runs_with_no_news_plugin_and_shows_the_chapters(make_lab, browser):
    base, token = make_lab
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.route("**/*", lambda route: route.continue_()
               if route.request.url.startswith(base) else route.abort())
    page.goto(f"{base}/lab?reset&token={token}")
    page.wait_for_function("window.jupyterapp !== undefined", timeout=60_000)
    page.evaluate("() => window.jupyterapp.restored")
    names = page.locator(".jp-DirListing-itemName")
    names.first.wait_for(timeout=30_000)
    shown = sorted(names.all_inner_texts())
    active = page.evaluate(f"window.jupyterapp.isPluginActivated('{ANNOUNCEMENTS}')")
    # The news question came as a toast a moment after start-up.
    page.wait_for_timeout(3_000)
    toasts = page.locator(".jp-Notification-Toast, .Toastify__toast").all_inner_texts()
    context.close()
    assert shown == READER_FILES
    assert active is False
    assert not [text for text in toasts if "news" in text.lower()], toasts
