"""How an explorer's charts and texts name the numbers they show.

The moving parts of a chart (svg.py) carry ``data-*`` attributes that name
numbers instead of holding values; Python places them for the still picture,
and the page's script (assets/explorer.js) places them after every slider
move, by the same rules::

    data-x, data-y       a point's centre, a text's anchor, a vertical or
                         horizontal line's position (data coordinates)
    data-x2, data-y2     the far end of a bar that starts at 0
    data-xs, data-ys     a curve's points (data-xs left out: 0, 1, 2, ...)
    data-text            a format template, e.g. "z = {z:.2f}"
    data-show            shown only while that number is not None (or false);
                         "!name" turns the test round

A name may index a list: ``weights[2]``. The readout, the status line and
the charts' descriptions are templates too.
"""

import re

_NAME = re.compile(r"^(\w+)(?:\[(\d+)\])?$")
_FIELD = re.compile(r"\{([^{}:]+)(?::([^{}]*))?\}")


def lookup(numbers, name):
    """``numbers[name]``, where ``name`` may index a list: "weights[2]"."""
    key, index = _NAME.match(name).groups()
    value = numbers[key]
    return value if index is None else value[int(index)]


def shown(numbers, test):
    """Whether an element with ``data-show=test`` is visible at ``numbers``."""
    negate = test.startswith("!")
    value = lookup(numbers, test.lstrip("!"))
    return (value is not None and value is not False) != negate


def fill_template(template, numbers):
    """``template`` with each {name:spec} replaced, as str.format would."""
    return _FIELD.sub(lambda m: format(lookup(numbers, m[1]), m[2] or ""), template)
