"""Open pages of the built book in chromium with the network cut off.

Shared by the browser tests and the benchmark. Every request that does not go
to the local server is blocked and recorded, console errors are recorded, and
the bytes of every response are counted.
"""

import contextlib
import functools
import http.server
import os
import shutil
import threading

import pytest

try:
    from playwright.sync_api import Error as PlaywrightError
except ImportError:  # the browser tests skip, or fail under CI, saying why
    PlaywrightError = Exception

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(directory):
    """Serve ``directory`` on 127.0.0.1 at a free port; return (server, base URL)."""
    server = http.server.ThreadingHTTPServer(
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
                 **options):
        """``phone``: a touch screen that lays out like a phone's (chromium's mobile mode).

        ``options`` go to the browser context: color_scheme, java_script_enabled, ...
        """
        self.blocked, self.errors, self.responses = [], [], []
        self.context = browser.new_context(viewport={"width": width, "height": height},
                                           is_mobile=phone, has_touch=phone, **options)
        self.page = self.context.new_page()
        self.page.route("**/*", lambda route: self._route(route, base_url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", lambda response: self.responses.append(response))
        self.page.goto(f"{base_url}/{path}", wait_until="load")
        # MathJax typesets after load; its startup promise resolves when it is done.
        if options.get("java_script_enabled", True):
            self.page.evaluate("() => window.MathJax?.startup?.promise.then(() => true) ?? true")
        # Typeset math fetches its fonts, deferred scripts may still be arriving.
        self.page.wait_for_load_state("networkidle")

    def _route(self, route, base_url):
        if route.request.url.startswith(base_url):
            return route.continue_()
        self.blocked.append(route.request.url)
        return route.abort()

    @property
    def bytes(self):
        """Bytes of every response body so far, as served (uncompressed)."""
        total = 0
        for response in self.responses:
            # A redirect or an aborted request has no body to count.
            with contextlib.suppress(PlaywrightError):
                total += len(response.body())
        return total

    def close(self):
        self.context.close()
