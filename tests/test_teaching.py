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
