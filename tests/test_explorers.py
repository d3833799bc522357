"""The explorers in Python: the numbers follow the math, every setting draws,
and the still picture that a notebook stores says what it is.

What the page computes and draws in a browser is checked against these same
classes in test_explorers_browser.py.
"""

import itertools
import json
import re
from html.parser import HTMLParser

import numpy as np
import pytest

import helpers
from helpers import examples
from helpers.explorers import ALL, DescentExplorer, GradientExplorer, LayerExplorer, NeuronExplorer
from helpers.explorers.base import STILL_NOTE

X = examples.NEURON_INPUTS


# --- each explorer's numbers ---------------------------------------------------------

def test_neuron_explorer_follows_the_sum_and_relu():
    explorer = NeuronExplorer()
    assert explorer.numbers["z"] == helpers.neuron_sum(X, examples.NEURON_WEIGHTS,
                                                       examples.NEURON_BIAS)
    numbers = explorer.move(w3=-3.0, b=-20.0)
    assert numbers["products"] == [1.0, 4.0, -9.0]
    assert numbers["z"] == pytest.approx(1 + 4 - 9 - 20)
    assert numbers["y"] == 0.0
    assert explorer.texts()["status"] == f"z = {numbers['z']:.4g}, y = 0"


def test_gradient_explorer_gradients_vanish_when_z_is_not_positive():
    explorer = GradientExplorer()
    numbers = explorer.numbers
    assert numbers["dweights"] == list(X)  # dy/dw_i = x_i while z > 0
    assert numbers["dinputs"] == list(examples.NEURON_WEIGHTS)  # dy/dx_i = w_i
    for bias in (-14.0, -20.0):  # z == 0 exactly, then z < 0
        numbers = explorer.move(b=bias)
        assert numbers["z"] <= 0 and numbers["dead"]
        assert [*numbers["dweights"], numbers["dbias"], *numbers["dinputs"]] == [0.0] * 7


def test_descent_explorer_output_falls_with_steps_at_a_small_rate():
    explorer = DescentExplorer()
    outputs = [explorer.move(learning_rate=1e-3, steps=steps)["y"] for steps in range(21)]
    assert outputs[0] == helpers.neuron_forward(X, examples.NEURON_WEIGHTS, examples.NEURON_BIAS)
    assert all(later < earlier for earlier, later in itertools.pairwise(outputs))
    # One step lowers y by learning_rate * |x|^2, the first-order prediction.
    assert outputs[0] - outputs[1] == pytest.approx(1e-3 * sum(x * x for x in X))


def test_descent_explorer_shows_where_the_neuron_dies():
    explorer = DescentExplorer()
    numbers = explorer.move(learning_rate=1.0, steps=50)
    assert numbers["dead_at"] is not None and numbers["y"] == 0.0
    frozen = explorer.move(steps=numbers["dead_at"])["weights"]
    assert explorer.move(steps=50)["weights"] == frozen, "a dead neuron's weights stay put"
    readout = dict(explorer.texts()["readout"])
    assert readout["the neuron"].startswith(f"dead from step {numbers['dead_at']}")


def test_layer_explorer_loss_falls_with_steps():
    explorer = LayerExplorer()
    losses = [explorer.move(learning_rate=1e-3, steps=steps)["loss"]
              for steps in (0, 1, 5, 25, 100)]
    outputs = np.maximum(0, examples.LAYER_INPUTS @ examples.LAYER_WEIGHTS
                         + examples.LAYER_BIASES)
    assert losses[0] == pytest.approx(0.5 * np.sum(outputs**2))
    assert all(later < earlier for earlier, later in itertools.pairwise(losses))


# --- every explorer ----------------------------------------------------------------------

@pytest.fixture(scope="module", params=ALL, ids=lambda cls: cls.__name__)
def explorer(request):
    return request.param()


def test_every_corner_of_the_controls_draws(explorer):
    """The sliders' extremes: finite numbers, and every chart drawn from them."""
    ends = [(control.name, ends_of(control)) for control in explorer.controls]
    for corner in itertools.product(*(values for _, values in ends)):
        values = {name: int(value) if isinstance(value, int) else float(value)
                  for (name, _), value in zip(ends, corner, strict=True)}
        numbers = explorer.move(**values)
        flat = [v for v in _flatten(numbers.values()) if isinstance(v, float)]
        assert np.all(np.isfinite(flat))
        for panel in explorer._panels:
            assert panel.svg(numbers).startswith("<svg")
        assert all(text for _, text in explorer.texts()["readout"])


def ends_of(control):
    """The smallest and the largest value a slider can take."""
    if control.kind == "choice":
        return control.choices[0], control.choices[-1]
    return control.low, control.high


def _flatten(values):
    for value in values:
        if isinstance(value, list):
            yield from _flatten(value)
        else:
            yield value


def test_no_number_shows_as_negative_zero(explorer):
    numbers = explorer.move(**{c.name: ends_of(c)[0] for c in explorer.controls})
    assert not any(isinstance(v, float) and v == 0 and np.signbit(v)
                   for v in _flatten(numbers.values()))


def test_moving_a_slider_changes_what_is_shown(explorer):
    for control in explorer.controls:
        explorer.move(**{c.name: c.value for c in explorer.controls})
        before = explorer.texts(), [p.svg(explorer.numbers) for p in explorer._panels]
        low, high = ends_of(control)
        explorer.move(**{control.name: low if control.value == high else high})
        after = explorer.texts(), [p.svg(explorer.numbers) for p in explorer._panels]
        assert after[0]["status"] != before[0]["status"], control.name
        assert after[1] != before[1], f"moving {control.name} left the charts as they were"


class _Still(HTMLParser):
    """What a still picture holds: its images, inputs, text and the spec."""

    def __init__(self):
        super().__init__()
        self.images, self.inputs, self.text, self.spec, self._in_spec = [], 0, [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        self.inputs += tag == "input"
        self._in_spec = tag == "script"

    def handle_data(self, data):
        if self._in_spec:
            self.spec = json.loads(data)
        else:
            self.text.append(data)

    def handle_endtag(self, tag):
        self._in_spec = False


def test_the_still_picture_shows_the_start_and_says_how_to_move_it(explorer):
    explorer.move(**{c.name: c.value for c in explorer.controls})
    still = _Still()
    still.feed(explorer.still_html())
    assert len(still.images) == len(explorer._panels)
    assert all(image["src"].startswith("data:image/svg+xml;base64,") and image["alt"]
               for image in still.images)
    assert still.inputs == 0, "a control with nothing behind it would look dead"
    text = " ".join(still.text)
    assert STILL_NOTE in text and "run this cell" in STILL_NOTE
    for _, shown_text in explorer.texts()["readout"]:
        assert shown_text in text
    assert still.spec == json.loads(json.dumps(explorer.spec))


def test_the_spec_holds_every_control_as_jupyter_shows_it(explorer):
    spec = {control["name"]: control for control in explorer.spec["controls"]}
    assert list(spec) == [control.name for control in explorer.controls]
    for control in explorer.controls:
        sent = spec[control.name]
        assert (sent["low"], sent["high"], sent["step"], sent["value"]) == (
            control.low, control.high, control.step, control.value)
        if control.kind == "choice":
            assert sent["choices"] == list(control.choices)
            assert control.value in control.choices
            assert len(control.choices) == control.high + 1 and control.low == 0


def test_learning_rates_are_one_two_three_five_per_decade():
    from helpers.explorers.base import learning_rates

    assert learning_rates(0.001, 0.3) == (0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.03,
                                          0.05, 0.1, 0.2, 0.3)


def test_one_output_carries_the_live_widget_and_the_still_picture(explorer):
    data, _ = explorer._repr_mimebundle_()
    view = data["application/vnd.jupyter.widget-view+json"]
    # Ids counted from 1 in each kernel keep refreshed notebooks byte for byte the same.
    assert re.fullmatch(rf"{explorer.name}-\d+", view["model_id"])
    assert data["text/html"].startswith(f'<div class="bp-explorer" data-explorer="{explorer.name}"')
    assert "run the cell" in data["text/plain"]


@pytest.mark.parametrize("rate", [0.03, 0.3])
def test_the_curve_explorer_continues_a_path_exactly(rate):
    """Asked for more steps, it trains on from where it stopped: bit for bit the
    path learn_curve trains in one go, divergence included."""
    from helpers.explorers import curve

    curve._PATHS.clear()
    for steps in (0, 7, 300, 299, 1000):
        path = curve._training(4, rate, steps)
    whole = helpers.learn_curve(4, rate, 1000)
    assert path.losses == whole.losses and path.diverged_at == whole.diverged_at
    for ours, theirs in zip(path.parameters, whole.parameters, strict=True):
        for name in ("w1", "b1", "w2", "b2"):
            assert np.array_equal(getattr(ours, name), getattr(theirs, name))
