"""The explorers in the built book show what helpers computes.

In the book no Python runs: each explorer computes its numbers in the page
(helpers/explorers/assets/explorer-math.js) and places its charts' moving
parts itself. These tests move every control to hundreds of random positions
and check that what the page shows is what helpers computes in Python at the
same setting: every number to 1e-12 relative, every printed digit, and every
coordinate of every chart; and that the page prints any number as Python does.

Without chromium these tests skip; under CI (CI=true) a skip is a failure.
"""

import math
import random
import re
import xml.etree.ElementTree as ET

from tests.pages import EXPLORERS, Visit, explorer_pages

MOVES = 200
PAGES = explorer_pages()


# Read everything an explorer shows, straight from the page.
SNAPSHOT = """root => ({
  values: root.explorerState.values,
  numbers: root.explorerState.numbers,
  svgs: [...root.querySelectorAll('.bp-panel svg')].map(svg => svg.outerHTML),
  descriptions: [...root.querySelectorAll('.bp-panel svg')]
    .map(svg => svg.getAttribute('aria-label')),
  readout: [...root.querySelectorAll('.bp-readout tr')].filter(row => !row.hidden)
    .map(row => [row.cells[0].textContent, row.cells[1].textContent]),
  status: root.querySelector('.bp-status').textContent,
  valuetexts: [...root.querySelectorAll('.bp-controls input')]
    .map(input => input.getAttribute('aria-valuetext')),
  positions: [...root.querySelectorAll('.bp-controls input')].map(input => Number(input.value)),
})"""

# Set one control to a position, as a reader's move does, and read the result.
MOVE = """([root, index, position]) => {
  const input = root.querySelectorAll('.bp-controls input')[index];
  input.value = position;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  return (SNAPSHOT)(root);
}""".replace("SNAPSHOT", SNAPSHOT)


def floats(value):
    if isinstance(value, list):
        return [f for item in value for f in floats(item)]
    return [value] if isinstance(value, float) else []


def close(shown, expected, scale, path="numbers"):
    """Assert that ``shown`` (from the page) equals ``expected`` to 1e-12 relative.

    Relative to ``scale``, the largest float the explorer shows at this setting,
    where that is larger: a loss trained down to 1e-9 is the difference of numbers
    near 1, and a difference of two floats carries their rounding, not its own
    (the page sums in its own order; NumPy's matrix products use BLAS).
    Whole numbers, flags and None must be equal.
    """
    if isinstance(expected, list):
        assert isinstance(shown, list) and len(shown) == len(expected), path
        for index, (a, b) in enumerate(zip(shown, expected, strict=True)):
            close(a, b, scale, f"{path}[{index}]")
    elif isinstance(expected, float):
        assert abs(shown - expected) <= 1e-12 * max(abs(expected), scale), (
            f"{path}: page {shown!r}, helpers {expected!r}")
    else:
        assert shown == expected, path


def chart_elements(markup):
    """Every element of an SVG chart: (tag, attributes, text), the page's label aside.

    A hidden part keeps wherever it last stood; only that it is hidden counts.
    """
    elements = []
    for element in ET.fromstring(markup).iter():
        attributes = {k: v for k, v in element.attrib.items() if k != "aria-label"}
        if attributes.get("visibility") == "hidden":
            attributes = {"visibility": "hidden", "class": attributes.get("class")}
        elements.append((element.tag, attributes, (element.text or "").strip()))
    return elements


COORDINATES = re.compile(r"-?\d+\.\d\d")


def same_chart(shown, expected):
    """Two charts with the same elements, texts and attributes, every coordinate
    within 0.01 SVG units: one step of the two decimals both sides write. (A
    number the page computes within rounding of helpers' can round the other
    way, and on a log axis a loss of 1e-20 carries a visible relative error.)"""
    assert len(shown) == len(expected)
    for (tag, attributes, text), (tag_, attributes_, text_) in zip(shown, expected,
                                                                   strict=True):
        assert (tag, sorted(attributes), text) == (tag_, sorted(attributes_), text_)
        for name, value in attributes.items():
            numbers = [float(v) for v in COORDINATES.findall(value)]
            numbers_ = [float(v) for v in COORDINATES.findall(attributes_[name])]
            assert COORDINATES.sub("#", value) == COORDINATES.sub("#", attributes_[name])
            apart = [(a, b) for a, b in zip(numbers, numbers_, strict=True) if abs(a - b) > 0.0101]
            assert not apart, f"{tag} {name}: page against helpers {apart[:5]}"


def check_against_helpers(explorer, shown):
    """What the page shows must be what the Python explorer shows at its setting.

    Where the explorer says its training is chaotic (the curve at large learning
    rates), rounding grows until any two programs part, so only what precedes
    the growth is compared: the start, and that every shown number is finite.
    """
    numbers = explorer.numbers_at(shown["values"])
    assert set(shown["numbers"]) == set(numbers)
    # Whatever the numbers, the page prints them as Python would.
    own = explorer.texts(shown["numbers"])
    assert (shown["readout"], shown["status"], shown["descriptions"]) == (
        [list(row) for row in own["readout"]], own["status"], own["descriptions"])
    if numbers.get("chaotic"):
        assert shown["numbers"]["chaotic"] is True
        close(shown["numbers"]["loss_start"], numbers["loss_start"], 0.0, "loss_start")
        assert all(map(math.isfinite, floats(list(shown["numbers"].values()))))
        return
    scale = max(map(abs, floats(list(numbers.values()))), default=0.0)
    for name, expected in numbers.items():
        close(shown["numbers"][name], expected, scale, name)
    texts = explorer.texts(numbers)
    assert shown["readout"] == [list(row) for row in texts["readout"]]
    assert shown["status"] == texts["status"]
    assert shown["descriptions"] == texts["descriptions"]
    for index, (panel, markup) in enumerate(zip(explorer._panels, shown["svgs"], strict=True)):
        expected = panel.svg(numbers, uid=f"{explorer.name}-{index}")
        same_chart(chart_elements(markup), chart_elements(expected))


def random_position(control, rng, current):
    """A random position of a range input, other than ``current``, in its own units."""
    count = round((control["high"] - control["low"]) / control["step"])
    while True:
        position = float(f"{control['low'] + control['step'] * rng.randrange(count + 1):.10g}")
        if position != current:
            return position


def test_random_moves_show_what_helpers_computes(explorer_chapter):
    chapter = explorer_chapter
    visit, names = chapter
    rng = random.Random(20261130)
    for index, name in enumerate(names):
        explorer = EXPLORERS[name]()
        root = visit.page.locator(".bp-explorer").nth(index).element_handle()
        before = visit.page.evaluate(SNAPSHOT, root)
        check_against_helpers(explorer, before)
        controls = explorer.spec["controls"]
        for move in range(MOVES):
            which = move % len(controls)
            position = random_position(controls[which], rng, before["positions"][which])
            after = visit.page.evaluate(MOVE, [root, which, repr(position)])
            assert after["positions"][which] == position
            check_against_helpers(explorer, after)
            assert after["svgs"] != before["svgs"] or after["descriptions"] != before[
                "descriptions"], f"{name}: moving {controls[which]['name']} left the figure"
            assert (after["readout"], after["status"]) != (before["readout"], before["status"])
            assert after["valuetexts"][which] != before["valuetexts"][which]
            before = after


def formatting_cases(count=4000, seed=7):
    """Numbers of every size and sign, exact ties and edge cases, with formats."""
    rng = random.Random(seed)
    values = [0.0, -0.0, 0.125, -0.125, 2.5, 3.5, 9.995, 9.9995, 99999.5, 1e21, 1e-300,
              5e-324, 1.7976931348623157e308, 5.82158e109, 0.1, 0.3, 1e16, 1.25e-7]
    for _ in range(count):
        values.append(rng.choice((-1, 1)) * 10 ** rng.uniform(-320, 308))
        values.append(rng.choice((-1, 1)) * 10 ** rng.uniform(-6, 6))
    specs = [".0f", ".2f", ".4f", "z.4f", ".5f", ".1g", ".3g", ".4g", "z.4g", "g"]
    return [(value, spec) for value in values for spec in specs
            if not (spec.endswith("f") and abs(value) > 1e30)]


def test_the_page_prints_numbers_as_python_does(browser, book_url):
    """The page's formatter against Python's format(), case by case."""
    visit = Visit(browser, book_url, sorted(PAGES)[0], math=False)
    cases = formatting_cases()
    printed = visit.page.evaluate("""async (cases) => {
        const { formatNumber } = await import('../_static/explorer.js');
        return cases.map(([value, spec]) => formatNumber(value, spec));
    }""", cases)
    wrong = [(value, spec, text, format(value, spec))
             for (value, spec), text in zip(cases, printed, strict=True)
             if text != format(value, spec)]
    visit.close()
    assert wrong == []
