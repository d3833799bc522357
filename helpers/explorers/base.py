"""What every explorer shares: its controls, the widget that runs it in Jupyter,
and the still picture that the notebook stores.

The contract. An explorer is a subclass of ``Explorer`` that states::

    name            the key of its computation in assets/explorer-math.js
    controls        its sliders, a tuple of ``Control``
    panels()        its charts (``svg.Panel``), built once
    compute(values) every number it shows, computed with helpers, as a dict
                    (floats, ints, None, lists of them); ``values`` maps each
                    control's name to its value. A training that magnifies
                    rounding at some settings says so in ``chaotic``: there,
                    other code doing the same arithmetic need not agree.
    readout         rows (label, template) of the table under the charts; a
                    third item names a number the row is shown for (as
                    data-show in svg.py)
    status          the template of the one line announced after each move
    data            (optional) the fixed numbers the page needs to compute
                    the same thing, e.g. the example's inputs

One front-end (assets/explorer.js) draws every explorer, in two places:

- In Jupyter, this class is an anywidget: the front-end sends the sliders'
  ``values`` to the kernel, ``compute`` answers with ``numbers``, and the
  front-end moves the charts' bound parts to them.
- In the HTML book no Python runs: the page computes the same ``numbers``
  with assets/explorer-math.js (the tests check that they agree with
  ``compute``) and the same front-end draws them.

Before anything runs (a book read without JavaScript, or a notebook opened
but not yet run), the output shows a still picture at the starting setting.
"""

import itertools
import json
from dataclasses import asdict, dataclass
from html import escape
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from helpers.explorers.svg import fill_template, shown

ASSETS = Path(__file__).parent / "assets"
STILL_NOTE = ("A still picture at the starting setting. To move the sliders, run this cell "
              "in Jupyter; in the HTML book they need JavaScript.")
_numbers = itertools.count(1)


@dataclass(frozen=True)
class Control:
    """One slider from ``low`` to ``high`` in steps of ``step``, starting at ``value``.

    ``kind`` is "float", "int", or "choice": a slider over the listed ``choices``
    (the learning rates, 1, 2, 3, 5 in each decade), where low, high and step
    count positions in the list. ``fmt`` formats the value for display.
    """

    name: str
    label: str
    low: float
    high: float
    step: float
    value: float
    kind: str = "float"
    fmt: str = ".1f"
    choices: tuple = ()

    @classmethod
    def rates(cls, name, label, low, high, value):
        """A learning-rate slider over ``learning_rates(low, high)``."""
        choices = learning_rates(low, high)
        return cls(name, label, 0, len(choices) - 1, 1, value, kind="choice", fmt="g",
                   choices=choices)

    def spec(self):
        """What the front-end needs to build the slider."""
        return {**asdict(self), "choices": list(self.choices)}


def learning_rates(low, high):
    """The numbers 1, 2, 3, 5 times a power of ten from ``low`` to ``high``:
    learning rates a reader can name, about evenly spaced on a log scale."""
    exponents = range(int(np.floor(np.log10(low))), int(np.ceil(np.log10(high))) + 1)
    rates = (float(f"{mantissa}e{exponent}") for exponent in exponents for mantissa in (1, 2, 3, 5))
    return tuple(rate for rate in rates if low <= rate <= high)


def without_negative_zero(value):
    """``value`` with every -0.0 turned into 0.0 (x + 0.0 does that), so none shows as -0.00."""
    if isinstance(value, float):
        return value + 0.0
    if isinstance(value, list | tuple):
        return [without_negative_zero(item) for item in value]
    return value


class Explorer(anywidget.AnyWidget):
    """The machinery every explorer shares; see the module's docstring for the contract."""

    _esm = ASSETS / "explorer.js"
    _css = ASSETS / "explorer.css"
    spec = traitlets.Dict().tag(sync=True)
    values = traitlets.Dict().tag(sync=True)
    numbers = traitlets.Dict().tag(sync=True)

    name = "explorer"
    controls = ()
    readout = ()
    status = ""
    data = {}

    def panels(self):
        raise NotImplementedError("an explorer draws its charts in panels()")

    def compute(self, values):
        raise NotImplementedError("an explorer computes its numbers in compute(values)")

    def __init__(self):
        # A model id of its own, counted from 1 in each kernel, keeps stored outputs stable.
        super().__init__(model_id=f"{self.name}-{next(_numbers)}")
        self._panels = self.panels()
        self.values = {control.name: control.value for control in self.controls}
        self.spec = {
            "name": self.name,
            "controls": [control.spec() for control in self.controls],
            "panels": [{"svg": panel.svg(self.numbers, uid=f"{self.name}-{i}"),
                        "description": panel.description}
                       for i, panel in enumerate(self._panels)],
            "readout": [list(row) for row in self.readout],
            "status": self.status,
            "data": self.data,
        }

    def numbers_at(self, values):
        """Every number shown at the slider ``values``: ``compute``, with no -0.0."""
        return {name: without_negative_zero(value)
                for name, value in self.compute(values).items()}

    @traitlets.observe("values")
    def _recompute(self, change):
        self.numbers = self.numbers_at(change["new"])

    def move(self, **values):
        """Set some sliders, as a reader would; returns the numbers now shown."""
        self.values = {**self.values, **values}
        return self.numbers

    def texts(self, numbers=None):
        """Every text the explorer shows at ``numbers``: readout rows, status, descriptions."""
        numbers = self.numbers if numbers is None else numbers
        return {"readout": [(label, fill_template(template, numbers))
                            for label, template, *show in self.readout
                            if not show or shown(numbers, show[0])],
                "status": fill_template(self.status, numbers),
                "descriptions": [fill_template(panel.description, numbers)
                                 for panel in self._panels]}

    def still_html(self):
        """The output before anything runs: the charts at the start, readout and a note."""
        texts = self.texts()
        images = "".join(panel.image(self.numbers, alt)
                         for panel, alt in zip(self._panels, texts["descriptions"], strict=True))
        # Inline styles, as JupyterLab keeps them in an output it does not trust yet.
        rows = "".join(f'<tr><th style="text-align:left;font-weight:normal;padding-right:1em">'
                       f"{escape(label)}</th><td>{escape(text)}</td></tr>"
                       for label, text in texts["readout"])
        spec = json.dumps(self.spec, ensure_ascii=False, separators=(",", ":"))
        return (f'<div class="bp-explorer" data-explorer="{self.name}">'
                f'<script type="application/json" class="bp-spec">'
                f'{spec.replace("</", "<" + chr(92) + "/")}</script>'
                f'<div class="bp-panels">{images}</div>'
                f'<table class="bp-readout">{rows}</table>'
                f'<p class="bp-note"><em>{escape(STILL_NOTE)}</em></p></div>')

    def _repr_mimebundle_(self, **kwargs):
        data, metadata = super()._repr_mimebundle_(**kwargs)
        names = ", ".join(control.label for control in self.controls)
        data["text/plain"] = f"{type(self).__name__}: move {names} (run the cell to move them)"
        data["text/html"] = self.still_html()
        return data, metadata
