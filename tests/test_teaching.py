"""Teaching rules the chapters keep: explorers ask before they show, and the
seed's story is told once, in the appendix, not retold in every chapter."""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("[0-9][0-9]_*.ipynb"))
EXPLORER_CALL = re.compile(r"^\w+Explorer\(\)\s*$", re.MULTILINE)

# A mention of the notebook the book grew from: the word "seed" naming it (not
# the identifiers seed_layer or seed=, not a random seed), a link to the
# appendix, or a phrase that names the notebook.
MENTION = re.compile(
    r"(?<![\w.])seed(?:'s|s)?(?![\w=(])"
    r"|<origin>|`origin`"
    r"|origin(?:al)? notebook|hand-written notebook"
    r"|notebook (?:that |this |the )?book gr[eo]w",
    re.IGNORECASE,
)
RANDOM_SEED = re.compile(r"random(?: number)? seed|fixed (?:random )?seed", re.IGNORECASE)
MAX_MENTIONS = 40


def cells(path):
    return [(cell["cell_type"], "".join(cell["source"]))
            for cell in json.loads(path.read_text())["cells"]]


def mentions(source):
    """Mentions in one cell; matches within 60 characters count as one."""
    starts = [match.start() for match in MENTION.finditer(source)
              if not RANDOM_SEED.search(source[max(0, match.start() - 20):match.end() + 20])]
    return sum(1 for i, start in enumerate(starts) if i == 0 or start - starts[i - 1] > 60)


def test_the_chapters_mention_the_seed_sparingly():
    counts = {path.name: sum(mentions(source) for _, source in cells(path)) for path in CHAPTERS}
    assert sum(counts.values()) <= MAX_MENTIONS, counts


def test_mention_counting():
    assert mentions("the seed's layer cell") == 1
    assert mentions("the seed, the notebook this book grew from ({ref}`origin`)") == 1
    assert mentions("helpers.examples.seed_layer() and Dense(3, 2, seed=0)") == 0
    assert mentions("32 random samples with a fixed random seed") == 0


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.name)
def test_every_explorer_asks_first_and_answers_in_a_fold(chapter):
    book = cells(chapter)
    for index, (kind, source) in enumerate(book):
        if kind != "code" or not EXPLORER_CALL.search(source):
            continue
        question = book[index - 1][1]
        label = re.search(r"```\{exercise\}[^\n]*\n:label: (\S+)", question)
        assert label, f"{chapter.name}: no exercise just before {source.strip()!r}"
        answer = book[index + 1][1]
        assert f"{{solution-start}} {label.group(1)}" in answer, (
            f"{chapter.name}: the answer to {label.group(1)} does not follow the explorer")
        end = next(i for i in range(index + 1, len(book)) if "{solution-end}" in book[i][1])
        assert any(kind == "code" for kind, _ in book[index + 2:end]), (
            f"{chapter.name}: the answer to {label.group(1)} runs no code")


# A number with a decimal point in a chapter's prose, outside math commands,
# subscripts and identifiers.
PROSE_NUMBER = re.compile(r"(?<![\w.^{_\\])(?P<number>-?\d+\.\d+)(?![\w.])"
                          r"(?:\s*\\times\s*10\^\{(?P<power>-?\d+)\})?(?P<cut>\\ldots|…)?")
ANY_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", re.IGNORECASE)


def known_values():
    """Values the chapters may quote without a cell printing them: the worked
    examples' inputs and the explorers' control settings, all defined in helpers."""
    import numpy as np

    import helpers.examples
    from helpers.explorers import ALL

    values = set()
    for name in dir(helpers.examples):
        value = getattr(helpers.examples, name)
        if name.isupper() and isinstance(value, (np.ndarray, list, tuple, float, int)):
            values.update(float(v) for v in np.ravel(value))
    for explorer in ALL:
        for control in explorer.controls:
            values.update(float(v) for v in (control.low, control.high, control.value,
                                             *control.choices))
    return values


def quoted(text, values, power=0, cut=False):
    """True if the prose number ``text`` times 10**``power`` is one of ``values``,
    rounded to the digits it shows (or cut there, when the text trails off)."""
    digits = len(text.split(".")[1])
    half = (1 if cut else 0.5) * 10.0 ** (power - digits) * (1 + 1e-9)
    shown = abs(float(text)) * 10.0**power
    return any(abs(abs(value) - shown) <= half for value in values)


def quotes(markdown, values):
    """The prose numbers in ``markdown`` that are not among ``values``."""
    for match in PROSE_NUMBER.finditer(markdown):
        if not quoted(match["number"], values, int(match["power"] or 0), bool(match["cut"])):
            yield match.group(0)


@pytest.mark.parametrize("notebook", sorted((ROOT / "book").glob("*.ipynb")),
                         ids=lambda path: path.stem)
def test_prose_numbers_come_from_the_cells(notebook):
    # A number the text quotes must be what some cell printed or set, so that a
    # change in the code cannot leave a stale number in the prose.
    notebook_cells = json.loads(notebook.read_text())["cells"]
    printed = set(known_values())
    for cell in notebook_cells:
        if cell["cell_type"] != "code":
            continue
        texts = ["".join(cell["source"])]
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            texts.append("".join(output.get("data", {}).get("text/plain", "")))
        printed.update(float(match) for text in texts for match in ANY_NUMBER.findall(text))
    stale = [(cell["id"], number)
             for cell in notebook_cells if cell["cell_type"] == "markdown"
             and not "".join(cell["source"]).startswith("---")
             for number in quotes("".join(cell["source"]), printed)]
    assert stale == [], f"numbers in the text that no cell prints or sets: {stale}"


def test_a_prose_number_matches_only_its_rounding():
    assert quoted("0.13", {0.1333}) and quoted("0.00005", {5e-05})
    assert not quoted("0.14", {0.1333}) and not quoted("1.885", {2.385, 0.5})
    text = r"at $-2.72 \times 10^{-15}$, not $2.38499\ldots$"
    assert list(quotes(text, {-2.72e-15, 2.3849999})) == []
    assert list(quotes(r"at $-2.72 \times 10^{-14}$", {-2.72e-15})) == [r"-2.72 \times 10^{-14}"]
