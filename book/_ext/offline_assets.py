"""Keep the built book free of network assets.

MathJax is served from the book itself, so math renders with no network.

The official MathJax 3 files come from PyPI (the django-static-mathjax
package, which holds them unchanged and needs nothing else installed); at
build time the parts the pages use are copied into _static/mathjax, and the
pages load MathJax from there instead of a CDN.

Thebe (live code cells through Binder) is switched off in _config.yml, yet
Jupyter Book still adds its loader, which would fetch thebe from a CDN and
declares THEBE_JS_URL twice (a script error on every page). It is dropped.
"""

import importlib.util
import shutil
from pathlib import Path

MATHJAX = Path(importlib.util.find_spec("mathjax").origin).parent / "static" / "mathjax" / "es5"
# The pages use TeX input and HTML (CHTML) output; leave out SVG output, MathML
# and AsciiMath input, and the speech rule engine's language maps.
NOT_NEEDED = shutil.ignore_patterns("sre", "*svg*", "*-full*", "mml-*", "tex-mml-*",
                                    "asciimath.js", "node-main.js", "mml")


def copy_mathjax(app, exception):
    if exception is None and app.builder.format == "html":
        target = Path(app.outdir) / "_static" / "mathjax"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(MATHJAX, target, ignore=NOT_NEEDED)


def _is_thebe(asset):
    return "thebe" in str(asset.filename or "") or "THEBE" in asset.attributes.get("body", "")


def drop_thebe(app, pagename, templatename, context, doctree):
    for key in ("script_files", "css_files"):
        context[key] = [asset for asset in context.get(key, []) if not _is_thebe(asset)]


def setup(app):
    app.config.mathjax_path = "mathjax/tex-chtml.js"
    app.connect("build-finished", copy_mathjax)
    app.connect("html-page-context", drop_thebe)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
