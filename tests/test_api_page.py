"""The API page's signatures and values are set as lines that can wrap on a phone."""

import re
from pathlib import Path

from helpers import examples

ROOT = Path(__file__).resolve().parent.parent


def signature(page, anchor):
    """The text of the signature line whose id is ``anchor``."""
    match = re.search(rf'<dt class="sig[^"]*" id="{re.escape(anchor)}">(.*?)</dt>', page, re.S)
    assert match, f"no signature {anchor}"
    return match.group(1)


def test_arrays_show_their_numbers_on_one_wrapping_line(book_build):
    assert book_build.returncode == 0
    page = (ROOT / "_build" / "html" / "book" / "api.html").read_text()
    for name in ("LAYER_INPUTS", "LAYER_WEIGHTS", "LAYER_BIASES", "LAYER_DVALUES"):
        line = signature(page, f"helpers.examples.{name}")
        # No padding for alignment: no non-breaking spaces, no runs of spaces.
        assert "&#160;" not in line and "\xa0" not in line
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", line))
        values = getattr(examples, name).tolist()
        assert f"= array({values!r})" in text.replace("#", "")


def test_signatures_start_at_the_name(book_build):
    """Each section names its module, so a signature does not repeat it."""
    page = (ROOT / "_build" / "html" / "book" / "api.html").read_text()
    line = signature(page, "helpers.optim.half_sum_of_squares")
    assert "helpers.optim." not in re.sub(r"<[^>]+>", "", line)
