"""Rules that keep each chapter readable in JupyterLab as well as in the book.

JupyterLab shows a notebook cell by cell and knows nothing of the other
notebooks, so the chapters keep three rules, checked here on the stored files:
links into another chapter name a cell that exists; a solution's cells are
folded (and only they); and each chapter numbers its exercises and figures as
the book does.
"""

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "book"
CHAPTERS = sorted(BOOK.glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS = sorted(BOOK.glob("*.ipynb"))

LABEL = re.compile(r"^\((?P<name>[\w-]+)\)=$|^:label: (?P<directive>[\w-]+)$", re.MULTILINE)
CELL_LINK = re.compile(r"\]\((?P<notebook>[\w-]+\.ipynb)#cell-id=(?P<label>[\w-]+)\)")
REF_ROLE = re.compile(r"\{(?:ref|numref)\}`(?:[^`<]*<)?(?P<label>[\w-]+)>?`")
START = re.compile(r"```\{solution-start\}[^\n]*\n(?::[^\n]*\n)*```")
END = re.compile(r"```\{solution-end\}\n```")


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def labels_by_cell(path):
    """{cell id: labels defined in that cell}."""
    return {cell["id"]: {match["name"] or match["directive"]
                         for match in LABEL.finditer(source(cell))}
            for cell in load(path)}


def test_the_pattern_for_labels_finds_both_forms():
    text = "(dead-neuron)=\n# A dead neuron\n```{exercise}\n:label: ex-one\n```"
    assert {m["name"] or m["directive"] for m in LABEL.finditer(text)} == {"dead-neuron", "ex-one"}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_links_into_other_chapters_name_a_cell_that_holds_the_label(notebook):
    # JupyterLab scrolls to the cell whose id is the fragment; the book to the label.
    for cell in load(notebook):
        for link in CELL_LINK.finditer(source(cell)):
            target = BOOK / link["notebook"]
            assert target.exists(), f"{notebook.name} links to a missing {link['notebook']}"
            cells = labels_by_cell(target)
            label = link["label"]
            assert label in cells, (
                f"{notebook.name} links to {link['notebook']}#cell-id={label}, "
                f"but no cell there has the id {label!r}")
            assert label in cells[label], (
                f"cell {label!r} of {link['notebook']} does not define the label {label!r}")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_reference_roles_stay_inside_their_notebook(notebook):
    # JupyterLab resolves {ref} only within the notebook it shows.
    own = set().union(*labels_by_cell(notebook).values())
    for cell in load(notebook):
        for role in REF_ROLE.finditer(source(cell)):
            assert role["label"] in own, (
                f"{notebook.name}: {role.group(0)} points into another notebook; "
                f"link to the cell instead: [text](other.ipynb#cell-id={role['label']})")


def solution_cells(cells):
    """Indices of the cells between a solution's start and its end marker.

    Also checks that a marker cell holds nothing of the solution itself: the
    start marker ends its cell and the end marker begins its cell.
    """
    inside, found = False, []
    for index, cell in enumerate(cells):
        text = source(cell)
        markers = sorted([(m.start(), m.end(), True) for m in START.finditer(text)]
                         + [(m.start(), m.end(), False) for m in END.finditer(text)])
        if inside and not markers:
            found.append(index)
        for begin, end, opens in markers:
            if opens:
                assert not text[end:].strip(), (
                    f"cell {cell['id']}: the solution's text shares the start marker's "
                    "cell, so JupyterLab cannot fold it")
            elif markers[0][0] == begin:
                assert inside and not text[:begin].strip(), (
                    f"cell {cell['id']}: the solution's text shares the end marker's cell")
            inside = opens
    assert not inside, "a solution is never closed"
    return found


def folded(cell):
    flags = cell["metadata"].get("jupyter", {})
    if cell["cell_type"] == "code":
        return flags.get("source_hidden") is True and flags.get("outputs_hidden") is True
    return flags.get("source_hidden") is True


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_solutions_and_only_solutions_start_folded_in_jupyterlab(chapter):
    cells = load(chapter)
    inside = solution_cells(cells)
    assert inside, f"{chapter.name} has no solution to fold"
    assert [index for index in inside if not folded(cells[index])] == []
    assert [index for index, cell in enumerate(cells)
            if index not in inside and cell["metadata"].get("jupyter")] == []


def test_a_solution_sharing_the_start_markers_cell_is_caught():
    cells = [{"id": "a", "source": "```{solution-start} ex\n:class: dropdown\n```\nThe answer."},
             {"id": "b", "source": "```{solution-end}\n```"}]
    with pytest.raises(AssertionError, match="start marker"):
        solution_cells(cells)


@pytest.mark.parametrize("chapter", CHAPTERS, ids=lambda path: path.stem)
def test_jupyterlab_numbers_exercises_and_figures_as_the_book(chapter):
    # The book numbers them <chapter>.<n> (numfig with one chapter per page).
    first = load(chapter)[0]
    number = int(chapter.name[:2])
    front = re.fullmatch(r"---\n(.*)\n---", source(first), re.DOTALL)
    assert front, f"{chapter.name} does not start with a front-matter cell"
    assert "remove-cell" in first["metadata"].get("tags", []), "the book must not show it"
    for kind in ("exercise", "figure"):
        assert re.search(rf"^  {kind}:\n    enumerator: {number}\.%s$", front[1], re.MULTILINE), (
            f"{chapter.name} does not number its {kind}s {number}.1, {number}.2, ...")
    assert re.search(r"^  equation: false$", front[1], re.MULTILINE)
