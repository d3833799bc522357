"""The explorers in the built book, in chromium with the network cut off: their
controls are Jupyter's, they move by keyboard and say so to a screen reader,
they are legible at every width in light and dark, and without JavaScript
they show a still picture. That they show helpers' numbers is checked in
test_explorers_match_helpers.py.

Without chromium these tests skip; under CI (CI=true) a skip is a failure.
"""

from pathlib import Path

import pytest

from tests.pages import EXPLORERS, Visit, explorer_pages

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"
SMALLEST_TEXT_PX = 11
PAGES = explorer_pages()


def test_controls_match_jupyters_one_for_one(explorer_chapter):
    chapter = explorer_chapter
    visit, names = chapter
    roots = visit.page.locator(".bp-explorer")
    assert roots.count() == len(names)
    for index, name in enumerate(names):
        controls = roots.nth(index).evaluate("""root => [...root.querySelectorAll(
            '.bp-controls input')].map(input => ({label: input.labels[0].textContent,
            low: Number(input.min), high: Number(input.max), step: Number(input.step),
            position: Number(input.value)}))""")
        expected = EXPLORERS[name]().spec["controls"]
        assert [c["label"] for c in controls] == [c["label"] for c in expected]
        for shown, control in zip(controls, expected, strict=True):
            assert (shown["low"], shown["high"], shown["step"]) == pytest.approx(
                (control["low"], control["high"], control["step"]))
            start = control["value"]
            if control["kind"] == "choice":
                start = control["choices"].index(start)
            assert shown["position"] == pytest.approx(start)


def test_keyboard_moves_every_control_and_the_live_region_says_so(explorer_chapter):
    chapter = explorer_chapter
    visit, _ = chapter
    page = visit.page
    for root in page.locator(".bp-explorer").all():
        status = root.locator(".bp-status")
        assert status.get_attribute("aria-live") == "polite"
        for slider in root.locator(".bp-controls input").all():
            before = (slider.get_attribute("aria-valuetext"), status.text_content(),
                      root.locator(".bp-panels").inner_html())
            slider.focus()
            page.keyboard.press("End" if slider.input_value() != slider.get_attribute("max")
                                else "Home")
            after = (slider.get_attribute("aria-valuetext"), status.text_content(),
                     root.locator(".bp-panels").inner_html())
            assert all(a != b for a, b in zip(after, before, strict=True))


def test_every_explorer_is_legible_and_error_free(explorer_chapter):
    chapter = explorer_chapter
    """At 1280, 390 and 360 px, light and dark: no console error, nothing wider
    than the screen, no text under 11 CSS px. Screenshots of each explorer go to
    _build/screenshots/ for review."""
    visit, names = chapter
    page = visit.page
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Every slider back where it starts, for the screenshots.
    page.evaluate("""() => document.querySelectorAll('.bp-controls input').forEach(input => {
        input.value = input.defaultValue;
        input.dispatchEvent(new Event('input', {bubbles: true}));
    })""")
    for width in (1280, 390, 360):
        page.set_viewport_size({"width": width, "height": 900})
        for scheme in ("light", "dark"):
            visit.set_scheme(scheme)
            for index, name in enumerate(names):
                root = page.locator(".bp-explorer").nth(index)
                root.scroll_into_view_if_needed()
                box = root.bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, name
                smallest = root.evaluate(SMALLEST_TEXT)
                assert smallest >= SMALLEST_TEXT_PX, (
                    f"{name}: text of {smallest:.1f} px at {width} px, {scheme}")
                assert root.evaluate(OVERLAPPING_TEXT) == [], f"{name} at {width} px"
                root.screenshot(path=SCREENSHOTS / f"explorer-{name}-{width}-{scheme}.png")
    visit.set_scheme("light")
    page.set_viewport_size({"width": 1280, "height": 900})
    assert visit.errors == [] and visit.blocked == []


# The smallest text in an explorer, in CSS px as drawn.
SMALLEST_TEXT = """root => Math.min(...[...root.querySelectorAll(
    'text, th, td, label, output, p')].filter(e => e.textContent.trim()).map(e => {
      const size = parseFloat(getComputedStyle(e).fontSize);
      const svg = e.closest('svg');
      // SVG text is drawn at its font size times the chart's scale.
      return svg ? size * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
                 : size;
    }))"""


# Pairs of texts in one chart that are drawn on top of each other.
OVERLAPPING_TEXT = """root => [...root.querySelectorAll('svg')].flatMap(svg => {
    const boxes = [...svg.querySelectorAll('text')]
      .filter(t => t.textContent.trim() && getComputedStyle(t).visibility !== 'hidden')
      .map(t => [t.textContent, t.getBoundingClientRect()]);
    const apart = (a, b) => a.right <= b.left + 1 || b.right <= a.left + 1
                         || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
    return boxes.flatMap(([text, box], i) => boxes.slice(i + 1)
      .filter(([, other]) => !apart(box, other)).map(([other]) => [text, other]));
  })"""


def test_without_javascript_the_still_picture_and_its_note_show(browser, book_url):
    for path, names in PAGES.items():
        visit = Visit(browser, book_url, path, java_script_enabled=False)
        roots = visit.page.locator(".bp-explorer")
        for index, name in enumerate(names):
            root = roots.nth(index)
            images = root.locator("img")
            assert images.count() == len(EXPLORERS[name]()._panels)
            assert all(image.evaluate("i => i.complete && i.naturalWidth > 0")
                       for image in images.all())
            assert root.locator("input").count() == 0
            assert "need JavaScript" in root.inner_text()
        visit.close()
