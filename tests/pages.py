"""Open pages of the built book in chromium with the network cut off.

Shared by the browser tests and the benchmark. Every request that does not go
to the local server is blocked and recorded, console errors are recorded, and
the bytes of every response are counted.
"""

import contextlib
import functools
import http.server
import shutil
import threading

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


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class Visit:
    """One page load, with every blocked request, console error and byte recorded."""

    def __init__(self, browser, base_url, path, width=1280, height=900):
        self.blocked, self.errors, self.bytes = [], [], 0
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.page.route("**/*", lambda route: self._route(route, base_url))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", self._count)
        self.page.goto(f"{base_url}/{path}", wait_until="load")
        # MathJax typesets after load; its startup promise resolves when it is done.
        self.page.evaluate("() => window.MathJax?.startup?.promise.then(() => true) ?? true")

    def _route(self, route, base_url):
        if route.request.url.startswith(base_url):
            return route.continue_()
        self.blocked.append(route.request.url)
        return route.abort()

    def _count(self, response):
        # A redirect or an aborted request has no body to count.
        with contextlib.suppress(Exception):
            self.bytes += len(response.body())

    def close(self):
        self.context.close()
