"""Ship the explorers' front-end with the book.

The scripts and stylesheet live beside the Python they belong to, in
helpers/explorers/assets/. They are copied into the build's _static/, and
every page loads the stylesheet and explorer-book.js, which brings each
explorer's still picture to life (see helpers/explorers/base.py).
"""

from importlib.resources import files

ASSETS = files("helpers.explorers") / "assets"


def add_assets(app, config):
    config.html_static_path.append(str(ASSETS))


def setup(app):
    app.connect("config-inited", add_assets)
    app.add_css_file("explorer.css")
    app.add_js_file("explorer-book.js", type="module")
    return {"parallel_read_safe": True, "parallel_write_safe": True}
