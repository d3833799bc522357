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
declares, and also loads fontawesome.js (1.5 MB) only so that sites can add
icons of their own. The book adds none, so the script is taken out of every
page: a chapter's first load is a third lighter. If a theme upgrade changes
the script tag, the build warns (and the strict build fails).
"""

import importlib.util
import re
import shutil
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)

MATHJAX = Path(importlib.util.find_spec("mathjax").origin).parent / "static" / "mathjax" / "es5"
# The pages use TeX input and HTML (CHTML) output; leave out SVG output, MathML
# and AsciiMath input, and the speech rule engine's language maps.
NOT_NEEDED = shutil.ignore_patterns("sre", "*svg*", "*-full*", "mml-*", "tex-mml-*",
                                    "asciimath.js", "node-main.js", "mml", "tex-chtml*.js")
COMPONENTS = ["input/tex", "output/chtml"]


def copy_mathjax(app, exception):
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "mathjax"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(MATHJAX, target, ignore=NOT_NEEDED)


FONTAWESOME_JS = re.compile(r'<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\n?')


def drop_fontawesome_js(app, exception):
    if exception is None and app.builder.format == "html":
        for page in Path(app.outdir).rglob("*.html"):
            html = FONTAWESOME_JS.sub("", page.read_text(encoding="utf-8"))
            page.write_text(html, encoding="utf-8")
            if "fontawesome.js" in html:
                # The theme changed how it loads the script: say so rather
                # than publish a page that points at a file removed below.
                logger.warning("%s still loads fontawesome.js; update FONTAWESOME_JS in %s",
                               page.relative_to(app.outdir), Path(__file__).name)
        for leftover in (Path(app.outdir) / "_static" / "scripts").glob("fontawesome.js*"):
            leftover.unlink()


def _is_thebe(asset):
    return "thebe" in str(asset.filename or "") or "THEBE" in asset.attributes.get("body", "")


def drop_thebe(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        context[key] = [asset for asset in context.get(key, []) if not _is_thebe(asset)]


def load_components(app, config):
    config.mathjax3_config = {**(config.mathjax3_config or {}),
                              "loader": {"load": COMPONENTS}}


def setup(app):
    app.config.mathjax_path = "mathjax/startup.js"
    app.connect("config-inited", load_components)
    app.connect("build-finished", copy_mathjax)
    app.connect("build-finished", drop_fontawesome_js)
    app.connect("html-page-context", drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
