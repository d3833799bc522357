"""The built book in a real browser (Debian's chromium), with the network cut off.

Every request that does not go to the local server is blocked and recorded,
so a page that needs the internet fails here. Screenshots of every page at
desktop and phone width go to _build/screenshots/ for review.

Without chromium these tests skip; under CI (CI=true) a skip is a failure.
"""

import posixpath
import re
from pathlib import Path

import pytest
import yaml

from tests.pages import Visit

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
# The theme and MathJax weigh about 1.8 MB on every page; this guards the rest.
MAX_PAGE_BYTES = 2_500_000


def toc_pages():
    """Every page in _toc.yml, in reading order, as paths in the built site."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [entry["file"] for part in toc["parts"] for entry in part["chapters"]]
    return [f"{file}.html" for file in files]


PAGES = toc_pages()
CHAPTERS = [page for page in PAGES if re.match(r"book/\d\d_", page)]


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


def screenshot(page_visit, path, scheme="light"):
    """The whole page into _build/screenshots/, named after it, its width and its scheme."""
    page = page_visit.page
    theme = page.evaluate("document.documentElement.dataset.theme")
    assert theme == scheme, "the theme did not follow the reader's light or dark setting"
    phone = page.viewport_size["width"] < 600
    name = (Path(path.split("?")[0]).stem + ("-phone" if phone else "")
            + ("" if scheme == "light" else "-dark"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # JPEG: a whole chapter is up to 24 000 px tall, and PNG takes twice as long.
    page.screenshot(path=SCREENSHOTS / f"{name}.jpg", full_page=True, type="jpeg", quality=85)
    assert (SCREENSHOTS / f"{name}.jpg").stat().st_size > 10_000


# Screenshots of every page, on the loads the checks make anyway: desktop light
# and dark here, phone light and dark in the phone tests below. The theme follows
# the reader's light or dark setting as it changes, so one load serves both.
def test_screenshots_desktop(visit):
    path = visit.page.url.split("/", 3)[3]
    screenshot(visit, path)
    visit.set_scheme("dark")
    screenshot(visit, path, "dark")
    visit.set_scheme("light")


def test_next_links_reach_every_chapter_in_order(browser, book_url):
    """Each page's "next" link leads to the next page in _toc.yml, and clicking it works."""
    seen, path = [], PAGES[0]
    while path is not None:
        seen.append(path)
        page = (ROOT / "_build" / "html" / path).read_text(encoding="utf-8")
        following = re.search(r'<a class="right-next"\s+href="([^"]+)"', page)
        path = following and posixpath.normpath(
            posixpath.join(posixpath.dirname(path), following.group(1)))
    assert [path for path in seen if path in CHAPTERS] == CHAPTERS
    assert set(PAGES) <= set(seen)
    page_visit = Visit(browser, book_url, PAGES[0], math=False)
    page_visit.page.locator("a.right-next").first.click()
    page_visit.page.wait_for_load_state("load")
    assert page_visit.page.url == f"{book_url}/{seen[1]}"
    page_visit.close()


def test_search_finds_backpropagation(browser, book_url):
    page_visit = Visit(browser, book_url, "search.html?q=backpropagation")
    results = page_visit.page.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    assert results.count() >= 1
    page_visit.close()


# A phone: 390 x 844 CSS px, touch, laid out as chromium lays out a phone's page.
PHONE = {"width": 390, "height": 844, "phone": True}
ON_SCREEN = """el => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    const x = r.left + Math.min(r.width / 2, 20), y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return top !== null && (top === el || el.contains(top));
}"""


def on_screen(locator):
    """True if the element is inside the window and nothing covers it: a finger can reach it."""
    return locator.evaluate(ON_SCREEN)


@pytest.fixture(scope="module", params=PAGES)
def phone_visit(request, browser, book_url):
    """Each page on a phone, for the tests below in turn; the last one leaves the page."""
    page_visit = Visit(browser, book_url, request.param, **PHONE)
    yield page_visit
    page_visit.close()


SCROLLS_WITHOUT_CUE = """() => [...document.querySelectorAll('article *')].filter(el => {
    const style = getComputedStyle(el);
    return ['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1
        && (style.maskImage || style.webkitMaskImage || 'none') === 'none';
}).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))"""


def sideways(page_visit):
    """At 390 and 360 px: {width: (the page's width, boxes that scroll with no cue)}."""
    page, measured = page_visit.page, {}
    for width in (390, 360):
        page.set_viewport_size({"width": width, "height": PHONE["height"]})
        page.wait_for_timeout(300)  # layout, then the cues
        # With a phone's layout chromium widens the window to fit a wide page, so
        # the page's width is compared with the screen's, not the window's.
        measured[width] = (page.evaluate("document.documentElement.scrollWidth"),
                           page.evaluate(SCROLLS_WITHOUT_CUE))
    page.set_viewport_size({"width": PHONE["width"], "height": PHONE["height"]})
    return measured


def test_no_page_scrolls_sideways_on_a_phone(phone_visit):
    """Only boxes scroll sideways (code, equations, tables), each with a fade at the edge
    it can scroll to. The screenshot at 390 px is taken here, on the same load."""
    screenshot(phone_visit, phone_visit.page.url.split("/", 3)[3])
    for width, (page_width, without_cue) in sideways(phone_visit).items():
        assert page_width <= width, f"{page_width} px wide on a {width} px screen"
        assert without_cue == [], f"at {width} px, boxes scroll with nothing to say so"


@pytest.mark.parametrize("path", ["search.html?q=weights", "genindex.html"])
def test_search_and_index_do_not_scroll_sideways_on_a_phone(browser, book_url, path):
    page_visit = Visit(browser, book_url, path, **PHONE)
    measured = sideways(page_visit)
    page_visit.close()
    for width, (page_width, without_cue) in measured.items():
        assert page_width <= width, f"{page_width} px wide on a {width} px screen"
        assert without_cue == [], f"at {width} px, boxes scroll with nothing to say so"


FIGURES = """() => [...document.querySelectorAll('.cell_output img')].map(img => {
    const between = [];
    for (let el = img.parentElement; el && !el.classList.contains('cell_output');
         el = el.parentElement) {
        between.push(getComputedStyle(el).backgroundColor);
    }
    return {alt: img.alt.slice(0, 40), width: img.getBoundingClientRect().width,
            card: getComputedStyle(img).backgroundColor, between: between};
})"""


def test_figures_are_light_cards_in_dark_mode_and_fill_a_phone(phone_visit):
    """One card per figure, the screen's width on a phone (tests/test_figure_style.py).

    The dark phone screenshot is taken here, on the phone tests' load of the page.
    """
    page, path = phone_visit.page, phone_visit.page.url.split("/", 3)[3]
    phone_visit.set_scheme("dark")
    figures = page.evaluate(FIGURES)
    screenshot(phone_visit, path, "dark")
    phone_visit.set_scheme("light")
    problems = []
    for figure in figures:
        where = f"{path}: {figure['alt']}"
        if abs(figure["width"] - PHONE["width"]) > 1:
            problems.append(f"{where} is {figure['width']:.0f} px wide")
        if figure["card"] != "rgb(255, 255, 255)":
            problems.append(f"{where} sits on {figure['card']}, not a light card")
        if any(color != "rgba(0, 0, 0, 0)" for color in figure["between"]):
            problems.append(f"{where} is framed by {figure['between']}")
    assert problems == []


def test_phone_menus_open_the_next_page_and_list_its_sections(phone_visit, book_url):
    """On every page ☰ shows the chapters and a tap opens the next page, whose contents
    button then lists its sections (each page is the next page of one test)."""
    page = phone_visit.page
    path = page.url.split("/", 3)[3]
    chapter_links = page.locator(".bd-sidebar-primary nav.bd-links a.reference")
    assert chapter_links.count() >= len(CHAPTERS)
    assert not on_screen(chapter_links.first), "the chapter list shows before the menu is open"
    page.locator("button.primary-toggle:visible").tap()
    page.wait_for_timeout(500)  # the sidebar slides in
    hrefs = chapter_links.evaluate_all("links => links.map(a => a.href.split('#')[0])")
    shown = [f"{book_url}/{chapter}" for chapter in CHAPTERS]
    assert [href for href in hrefs if href in shown] == shown
    for index in range(chapter_links.count()):
        if hrefs[index] in shown:
            assert on_screen(chapter_links.nth(index)), f"{hrefs[index]} is not on screen"
    # Open the page after this one (the first after the last). Only its menus count
    # here, and this is the last test on this visit: no math, which takes seconds.
    phone_visit.without_math()
    target = PAGES[(PAGES.index(path) + 1) % len(PAGES)]
    link = chapter_links.nth(hrefs.index(f"{book_url}/{target}"))
    with page.expect_navigation():
        link.tap(timeout=5_000)
    assert page.url.split("#")[0] == f"{book_url}/{target}"

    sections = page.evaluate(
        "[...document.querySelectorAll('article section > h2')].map(h => h.parentElement.id)")
    assert sections, "a page of the book with no sections"
    contents = page.locator(".bd-sidebar-secondary nav.bd-toc-nav a")
    page.locator("button.secondary-toggle:visible").tap()
    page.wait_for_timeout(500)
    assert on_screen(contents.first), f"{target}: the page's contents are not on screen"
    listed = contents.evaluate_all(
        "links => links.filter(a => a.closest('li').classList.contains('toc-h2'))"
        ".map(a => a.hash.slice(1))")
    assert listed == sections


def test_desktop_menu_button_folds_the_sidebar_away(browser, book_url):
    page_visit = Visit(browser, book_url, CHAPTERS[0], math=False)
    page = page_visit.page
    sidebar = page.locator(".bd-sidebar-primary")
    article_width = page.locator("article").evaluate("el => el.getBoundingClientRect().width")
    assert on_screen(sidebar.locator("nav.bd-links a.reference").first)
    page.locator("button.primary-toggle:visible").click()
    page.wait_for_timeout(500)
    assert not sidebar.is_visible() or sidebar.evaluate(
        "el => el.getBoundingClientRect().right <= 0 || el.getBoundingClientRect().width === 0")
    assert page.locator("article").evaluate("el => el.getBoundingClientRect().width") > (
        article_width), "the text did not take the room the sidebar left"
    assert page.locator("dialog[open], .overlay-primary:visible").count() == 0
    page_visit.close()


SEARCH_FIELD = """form => {
    const icon = form.querySelector('.fa-magnifying-glass');
    const input = form.querySelector('input');
    const box = icon.getBoundingClientRect(), field = input.getBoundingClientRect();
    const style = getComputedStyle(input);
    return {icon: [box.left, box.right, box.width],
            text: field.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
            value: input.value};
}"""


def assert_icon_leaves_text_clear(form):
    field = form.evaluate(SEARCH_FIELD)
    left, right, width = field["icon"]
    assert field["value"] == "weights"
    assert width > 0, "no magnifier"
    assert right <= field["text"], f"the magnifier ({left:.0f}-{right:.0f} px) covers the text"


def test_search_magnifier_leaves_the_typed_text_clear(browser, book_url):
    page_visit = Visit(browser, book_url, CHAPTERS[0], math=False)
    page = page_visit.page
    page.keyboard.press("Control+k")
    dialog = page.locator(".search-button__wrapper.show form.bd-search")
    dialog.wait_for()
    page.keyboard.type("weights")
    assert_icon_leaves_text_clear(dialog)
    page_visit.close()
    page_visit = Visit(browser, book_url, "search.html?q=weights")
    assert_icon_leaves_text_clear(page_visit.page.locator(".bd-search-container form.bd-search"))
    page_visit.close()


def test_a_wide_table_says_it_scrolls_until_its_end(browser, book_url):
    page_visit = Visit(browser, book_url, "book/notation.html", **PHONE)
    table = page_visit.page.locator(".pst-scrollable-table-container").first
    assert table.evaluate("el => el.scrollWidth > el.clientWidth"), "the table fits: no test"
    assert table.get_attribute("data-more") == "right"
    table.evaluate("el => el.scrollTo({left: el.scrollWidth})")
    page_visit.page.wait_for_timeout(200)
    assert table.get_attribute("data-more") == "left"
    page_visit.close()


SEARCH_ENTRIES = """() => [...document.querySelectorAll(
    '.search-button, .search-button-field, form.bd-search, #search-input')].filter(el => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}).map(el => el.className)"""


@pytest.mark.parametrize("width", [1280, 390], ids=["desktop", "phone"])
def test_one_search_entry_and_no_empty_header(browser, book_url, width):
    page_visit = Visit(browser, book_url, CHAPTERS[0], width=width, phone=width < 600,
                       math=False)
    page = page_visit.page
    # The theme's top bar would hold nothing but a second search field.
    header = page.evaluate("(document.querySelector('header.bd-header')"
                           "?.getBoundingClientRect().height) ?? 0")
    assert header == 0, f"a {header:.0f} px header"
    entries = page.evaluate(SEARCH_ENTRIES)
    assert len(entries) == 1, entries
    page_visit.close()


