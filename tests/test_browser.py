"""The built book in a real browser (Debian's chromium), with the network cut off.

Every request that does not go to the local server is blocked and recorded,
so a page that needs the internet fails here. Screenshots of every page at
desktop and phone width go to _build/screenshots/ for review.

Without chromium these tests skip; under CI (CI=true) a skip is a failure.
"""

import re
from pathlib import Path

import pytest
import yaml
from pages import Visit, launch, require_browser

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
MAX_PAGE_BYTES = 3_000_000


def toc_pages():
    """Every page in _toc.yml, in reading order, as paths in the built site."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    return [f"{file}.html" for file in files]


PAGES = toc_pages()
CHAPTERS = [page for page in PAGES if re.match(r"book/\d\d_", page)]


@pytest.fixture(scope="module")
def browser():
    sync_playwright = require_browser("browser tests")
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module", params=PAGES)
def visit(request, browser, book_url):
    page_visit = Visit(browser, book_url, request.param)
    yield page_visit
    page_visit.close()


def test_no_request_leaves_the_machine_and_no_console_error(visit):
    assert visit.blocked == []
    assert visit.errors == []


def test_every_math_expression_is_typeset(visit):
    untypeset = visit.page.evaluate(
        "[...document.querySelectorAll('.math')]"
        ".filter(el => !el.querySelector('mjx-container')).map(el => el.textContent)"
    )
    assert untypeset == []
    assert visit.page.locator("mjx-merror").count() == 0, "MathJax reported a TeX error"


def test_every_image_loads_and_has_alt_text(visit):
    images = visit.page.evaluate(
        "[...document.querySelectorAll('article img')].map(img => ({src: img.src.slice(0, 80),"
        " loaded: img.complete && img.naturalWidth > 0, alt: img.getAttribute('alt') || ''}))"
    )
    assert [image for image in images if not image["loaded"]] == []
    assert [image["src"] for image in images if not image["alt"].strip()] == []


def test_headings_are_in_order(visit):
    levels = visit.page.evaluate(
        "[...document.querySelectorAll('article h1, article h2, article h3, article h4')]"
        ".map(h => Number(h.tagName[1]))"
    )
    assert levels[:1] == [1]
    assert all(later - earlier <= 1 for earlier, later in zip(levels, levels[1:], strict=False))


def test_page_weight_on_first_load(visit):
    assert visit.bytes <= MAX_PAGE_BYTES, f"{visit.bytes / 1e6:.2f} MB on first load"


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_screenshots(browser, book_url, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in PAGES:
        page_visit = Visit(browser, book_url, path, width=width, height=900)
        name = Path(path).stem + ("" if width > 600 else "-phone")
        page_visit.page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=True)
        page_visit.close()
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000


def test_next_links_reach_every_chapter_in_order(browser, book_url):
    page_visit = Visit(browser, book_url, PAGES[0])
    page, seen = page_visit.page, []
    while True:
        seen.append(page.url.removeprefix(f"{book_url}/"))
        following = page.locator("a.right-next")
        if following.count() == 0:
            break
        following.first.click()
        page.wait_for_load_state("load")
    page_visit.close()
    assert [path for path in seen if path in CHAPTERS] == CHAPTERS
    assert set(PAGES) <= set(seen)


def test_search_finds_backpropagation(browser, book_url):
    page_visit = Visit(browser, book_url, "search.html?q=backpropagation")
    results = page_visit.page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    page_visit.close()
