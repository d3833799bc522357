"""Keep the built book free of network assets.

MathJax is served from the book itself, so math renders with no network.

The official MathJax 3 files come from PyPI (the django-static-mathjax
package, which holds them unchanged and needs nothing else installed); at
build time the parts the pages use are copied into _static/mathjax, and the
pages load MathJax from there instead of a CDN. Pages start MathJax with its
loader and only the components they need (TeX in, HTML out; rarer TeX
packages load on first use): 0.75 MB instead of the 1.16 MB all-in-one
tex-chtml.js.

Thebe (live code cells through Binder) is switched off in _config.yml, yet
Jupyter Book still adds its loader, which would fetch thebe from a CDN and
declares THEBE_JS_URL twice (a script error on every page). It is dropped.

The theme draws its icons with the Font Awesome web font its stylesheet
declares, and also loads Font Awesome's script (1.5 MB; fontawesome.js or
vendor/fontawesome/VERSION/js/all.min.js, depending on the theme's release),
which swaps each icon for an inline SVG and lets sites add icons of their own.
The book adds none, so every script tag that loads it is taken out of every
page, whatever the order or quoting of its attributes: a chapter's first load
is a third lighter. If a page still has a script that mentions Font Awesome's
script afterwards, the build warns (and the strict build fails). The theme also
tells the browser to fetch the brand-logo font ahead of need (118 KB); the book
shows no brand logo, so that hint goes too (were a logo added, its font would
still load when drawn).
"""

import importlib.util
import re
import shutil
from pathlib import Path

from sphinx.errors import ExtensionError
from sphinx.util import logging

logger = logging.getLogger(__name__)


def mathjax_files():
    """The folder of MathJax's ES5 files in the django-static-mathjax package."""
    spec = importlib.util.find_spec("mathjax")
    folder = None if spec is None or spec.origin is None else (
        Path(spec.origin).parent / "static" / "mathjax" / "es5")
    if folder is None or not (folder / "startup.js").is_file():
        raise ExtensionError(
            "MathJax is missing: the book serves its own copy, from the "
            "django-static-mathjax package (see requirements.txt). Run `make book`, "
            "which installs it into .venv, or `pip install django-static-mathjax`.")
    return folder


# The pages use TeX input and HTML (CHTML) output; leave out SVG output, MathML
# and AsciiMath input, and the speech rule engine's language maps.
NOT_NEEDED = shutil.ignore_patterns("sre", "*svg*", "*-full*", "mml-*", "tex-mml-*",
                                    "asciimath.js", "node-main.js", "mml", "tex-chtml*.js")
COMPONENTS = ["input/tex", "output/chtml"]


def copy_mathjax(app, exception):
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "mathjax"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(mathjax_files(), target, ignore=NOT_NEEDED)


# One whole <script ...>...</script> element; group 1 is the opening tag's attributes.
SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>[ \t]*\n?", re.IGNORECASE | re.DOTALL)
# The src attribute, its value double-quoted, single-quoted or bare.
SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
# Font Awesome's script, by the path the theme serves it from: scripts/fontawesome.js,
# or vendor/fontawesome/VERSION/js/all.min.js (older releases).
FONTAWESOME_JS = re.compile(r"(?:^|/)fontawesome(?:\.js|/[^?#]*\.js)(?:[?#]|$)", re.IGNORECASE)
MENTIONS_FONTAWESOME_JS = re.compile(r"fontawesome(?:\.js|/[^\s\"'<>]*\.js)", re.IGNORECASE)


# The theme's hint to fetch Font Awesome's brand-logo font before any logo is drawn.
PRELOAD_BRANDS = re.compile(r"<link\b[^>]*\brel=[\"']?preload\b[^>]*fa-brands-[^>]*>[ \t]*\n?",
                            re.IGNORECASE)


def loads_fontawesome_js(attributes):
    src = SRC.search(attributes)
    if src is None:
        return False
    return FONTAWESOME_JS.search(next(filter(None, src.groups()), "")) is not None


def without_fontawesome_js(html):
    """``html`` without the script tags that load Font Awesome's script (nor the hint
    to fetch its brand font), and what is left.

    What is left: the script elements that still mention that script, which
    only a change in how the theme loads it can leave behind.
    """
    html = SCRIPT.sub(lambda tag: "" if loads_fontawesome_js(tag.group(1)) else tag.group(0), html)
    html = PRELOAD_BRANDS.sub("", html)
    return html, [tag.group(0) for tag in SCRIPT.finditer(html)
                  if MENTIONS_FONTAWESOME_JS.search(tag.group(0))]


def drop_fontawesome_js(app, exception):
    if exception is None and app.builder.format == "html":
        outdir = Path(app.outdir)
        # The pages; _static holds the theme's Jinja macros, which no reader gets.
        pages = [page for page in outdir.rglob("*.html")
                 if page.relative_to(outdir).parts[0] != "_static"]
        for page in pages:
            html, leftovers = without_fontawesome_js(page.read_text(encoding="utf-8"))
            page.write_text(html, encoding="utf-8")
            for leftover in leftovers:
                # The theme changed how it loads the script: say so rather
                # than publish a page that points at a file removed below.
                logger.warning("%s still loads Font Awesome's script (%s); update "
                               "FONTAWESOME_JS in %s", page.relative_to(app.outdir),
                               leftover.strip()[:120], Path(__file__).name)
        static = Path(app.outdir) / "_static"
        for leftover in (static / "scripts").glob("fontawesome.js*"):
            leftover.unlink()
        for folder in (static / "vendor").glob("fontawesome/*/js"):
            shutil.rmtree(folder)


def _is_thebe(asset):
    return "thebe" in str(asset.filename or "") or "THEBE" in asset.attributes.get("body", "")


def drop_thebe(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        context[key] = [asset for asset in context.get(key, []) if not _is_thebe(asset)]


def load_components(app, config):
    config.mathjax3_config = {**(config.mathjax3_config or {}),
                              "loader": {"load": COMPONENTS}}


def setup(app):
    mathjax_files()  # fail now, with the reason, rather than after the whole build
    app.config.mathjax_path = "mathjax/startup.js"
    app.connect("config-inited", load_components)
    app.connect("build-finished", copy_mathjax)
    app.connect("build-finished", drop_fontawesome_js)
    app.connect("html-page-context", drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
