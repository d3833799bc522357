"""The book's Sphinx extension: which script tags it drops, and what it says when it cannot work."""

import importlib.util
import sys
from pathlib import Path

import pytest
from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "_ext"))
import offline_assets  # noqa: E402

PAGE = """<head>
  <script src="../_static/documentation_options.js?v=9eb32ce0"></script>
  {tag}
  <script src="../_static/doctools.js"></script>
</head>
<body><p>This page is about fontawesome.js, and says so.</p>
<script>var themeScript = "scripts/pydata-sphinx-theme.js";</script></body>"""


@pytest.mark.parametrize("tag", [
    '<script defer src="../_static/scripts/fontawesome.js?digest=8878045cc6db502f8baf"></script>',
    '<script src="../_static/scripts/fontawesome.js" defer></script>',
    "<script defer='defer' src='../_static/scripts/fontawesome.js'></script>",
    "<script src=_static/scripts/fontawesome.js defer></script>",
    '<SCRIPT type="text/javascript"\n   SRC="../_static/scripts/fontawesome.js"></SCRIPT>',
    '<script src="../_static/vendor/fontawesome/6.5.2/js/all.min.js?digest=dfe6caa"></script>',
], ids=["defer-first", "defer-last", "single-quotes", "bare", "upper-case-multiline",
        "vendor-folder"])
def test_every_way_of_loading_fontawesome_js_is_dropped(tag):
    html, leftovers = offline_assets.without_fontawesome_js(PAGE.format(tag=tag))
    assert "fontawesome" not in html.split("<body>")[0]
    assert leftovers == []
    # Everything else stays, the page's own words included.
    assert html == PAGE.replace("{tag}\n", "")
    assert "about fontawesome.js, and says so" in html


@pytest.mark.parametrize("tag", [
    '<script src="../_static/scripts/bootstrap.js"></script>',
    '<script data-fontawesome="no" src="../_static/scripts/sphinx-book-theme.js"></script>',
    '<link href="../_static/vendor/fontawesome/6.5.2/css/all.min.css" rel="stylesheet" />',
])
def test_other_tags_stay(tag):
    page = PAGE.format(tag=tag)
    assert offline_assets.without_fontawesome_js(page) == (page, [])


def test_the_hint_to_fetch_the_brand_font_goes_and_the_icon_font_hint_stays():
    brands = ('<link rel="preload" as="font" type="font/woff2" crossorigin '
              'href="../_static/vendor/fontawesome/6.5.2/webfonts/fa-brands-400.woff2" />')
    solid = brands.replace("fa-brands-400", "fa-solid-900")
    html, leftovers = offline_assets.without_fontawesome_js(PAGE.format(tag=f"{brands}\n{solid}"))
    assert html == PAGE.format(tag=solid) and leftovers == []


def test_a_script_that_still_loads_it_another_way_is_reported():
    tag = '<script>import("../_static/scripts/fontawesome.js")</script>'
    html, leftovers = offline_assets.without_fontawesome_js(PAGE.format(tag=tag))
    assert leftovers == [tag + "\n"]


def test_missing_mathjax_is_reported_by_name(monkeypatch):
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *args: None if name == "mathjax"
                        else real_find_spec(name, *args))
    with pytest.raises(ExtensionError, match="MathJax is missing.*django-static-mathjax"):
        offline_assets.mathjax_files()


def test_mathjax_is_found():
    assert (offline_assets.mathjax_files() / "startup.js").is_file()
