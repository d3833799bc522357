"""The explorers: sliders move the numbers as the math says, in Jupyter and in the HTML twin."""

import itertools
import json
import re

import numpy as np
import pytest

import helpers
from helpers import examples, explorers

X = (1.0, 2.0, 3.0)
ALL = [explorers.NeuronExplorer, explorers.GradientExplorer,
       explorers.DescentExplorer, explorers.LayerExplorer]


def twin_data(explorer):
    html = explorers.html_twin(explorer)
    match = re.search(r'<script type="application/json">(.*?)</script>', html, re.S)
    return html, json.loads(match.group(1))


@pytest.fixture(scope="module", params=ALL, ids=lambda cls: cls.__name__)
def explorer_and_twin(request):
    explorer = request.param()
    return explorer, *twin_data(explorer)


# --- live sliders -----------------------------------------------------------------

def test_neuron_explorer_follows_the_sum_and_relu():
    explorer = explorers.NeuronExplorer()
    assert explorer.readout.numbers == {"z": 14.3, "y": 14.3}
    image = explorer.image.value
    explorer.sliders["b"].value = 10.0
    assert explorer.readout.numbers["z"] == pytest.approx(1 * 1 + 2 * 2 + 3 * 3 + 10)
    assert explorer.image.value != image
    explorer.sliders["w3"].value = -3.0
    explorer.sliders["b"].value = -20.0
    assert explorer.readout.numbers["z"] == pytest.approx(1 + 4 - 9 - 20)
    assert explorer.readout.numbers["y"] == 0.0
    assert "y = ReLU(z)" in explorer.readout_panel.value


def test_gradient_explorer_gradients_vanish_when_z_is_not_positive():
    explorer = explorers.GradientExplorer()
    numbers = explorer.readout.numbers
    assert [numbers[f"dw{i}"] for i in (1, 2, 3)] == list(X)  # dy/dw_i = x_i when z > 0
    assert [numbers[f"dx{i}"] for i in (1, 2, 3)] == [1.0, 2.0, 3.0]  # dy/dx_i = w_i
    assert numbers["db"] == 1.0
    for bias in (-14.0, -20.0):  # z == 0 exactly, then z < 0
        explorer.sliders["b"].value = bias
        numbers = explorer.readout.numbers
        assert numbers["z"] <= 0
        gradients = [numbers[key] for key in ("dw1", "dw2", "dw3", "db", "dx1", "dx2", "dx3")]
        assert gradients == [0.0] * 7
        assert explorer.warning.get_text().startswith("z ≤ 0")


def test_descent_explorer_output_falls_with_steps_at_a_sane_rate():
    explorer = explorers.DescentExplorer()
    explorer.sliders["learning_rate"].value = 1e-3
    outputs = []
    for steps in range(0, 21):
        explorer.sliders["steps"].value = steps
        outputs.append(explorer.readout.numbers["y"])
    assert outputs[0] == helpers.neuron_forward(X, [1, 2, 3], 0.3)
    assert all(later < earlier for earlier, later in itertools.pairwise(outputs))
    # One step lowers y by learning_rate * |x|^2, the first-order prediction.
    assert outputs[0] - outputs[1] == pytest.approx(1e-3 * sum(x * x for x in X))


def test_descent_explorer_can_kill_the_neuron():
    explorer = explorers.DescentExplorer()
    explorer.sliders["learning_rate"].value = 1.0
    explorer.sliders["steps"].value = 50
    numbers = explorer.readout.numbers
    assert numbers["dead_at"] is not None and numbers["y"] == 0.0
    explorer.sliders["steps"].value = numbers["dead_at"]
    frozen = explorer.readout.numbers["weights"]
    explorer.sliders["steps"].value = 50
    assert explorer.readout.numbers["weights"] == frozen, "a dead neuron's weights stay put"
    assert "dead since step" in explorer.readout_panel.value


def test_layer_explorer_loss_falls_with_steps():
    explorer = explorers.LayerExplorer()
    explorer.sliders["learning_rate"].value = 1e-3
    losses = []
    for steps in (0, 1, 5, 25, 100):
        explorer.sliders["steps"].value = steps
        losses.append(explorer.readout.numbers["loss"])
    start = examples.LAYER_WEIGHTS, examples.LAYER_BIASES
    relu_out = np.maximum(0, examples.LAYER_INPUTS @ start[0] + start[1])
    assert losses[0] == pytest.approx(0.5 * np.sum(relu_out**2))
    assert all(later < earlier for earlier, later in itertools.pairwise(losses))


@pytest.mark.parametrize("cls", ALL, ids=lambda cls: cls.__name__)
def test_every_extreme_setting_is_drawn_without_error(cls):
    explorer = cls()
    ends = [(control.name, (control.low, control.high)) for control in explorer.controls]
    for corner in itertools.product(*(values for _, values in ends)):
        for (name, _), value in zip(ends, corner, strict=True):
            explorer.sliders[name].value = value
        finite = [v for v in explorer.readout.numbers.values() if isinstance(v, float)]
        assert np.all(np.isfinite(finite))
        assert bytes(explorer.image.value).startswith(b"\x89PNG")


@pytest.mark.parametrize("cls", ALL, ids=lambda cls: cls.__name__)
def test_one_output_carries_the_live_panel_and_the_html_twin(cls):
    bundle = cls()._repr_mimebundle_()
    view = bundle["application/vnd.jupyter.widget-view+json"]
    assert re.fullmatch(rf"{cls.name}-\d+", view["model_id"]), "stable ids keep refreshes clean"
    assert bundle["text/html"].startswith(f'<div class="explorer-twin" id="{cls.name}-twin">')
    assert "live when run in Jupyter" in bundle["text/plain"]


# --- the HTML twin --------------------------------------------------------------

def test_twin_has_range_controls_over_at_least_ten_frames(explorer_and_twin):
    explorer, html, data = explorer_and_twin
    in_twin = [c for c in explorer.controls if c.html_values]
    assert html.count('type="range"') == len(in_twin) >= 1
    assert len(data["frames"]) == np.prod([len(c.html_values) for c in in_twin]) >= 10
    # Moving a control changes the picture (a few settings differ by less than a pixel).
    assert len({frame["image"] for frame in data["frames"]}) >= 10
    assert explorer.html_note and explorer.html_note in html


def test_twin_frames_are_in_the_order_the_script_expects(explorer_and_twin):
    explorer, _, data = explorer_and_twin
    in_twin = [c for c in explorer.controls if c.html_values]
    shape = [len(c.html_values) for c in in_twin]
    for index, frame in enumerate(data["frames"]):
        positions = np.unravel_index(index, shape)  # last control fastest, as in the script
        for control, position in zip(in_twin, positions, strict=True):
            assert frame["values"][control.name] == control.html_values[position]


def test_twin_numbers_match_the_math_at_each_setting(explorer_and_twin):
    explorer, _, data = explorer_and_twin
    for frame in data["frames"]:
        values, numbers = frame["values"], frame["numbers"]
        if explorer.name in ("neuron-explorer", "gradient-explorer"):
            weights = [values["w1"], values["w2"], values["w3"]]
            z = sum(x * w for x, w in zip(X, weights, strict=True)) + values["b"]
            assert numbers["z"] == pytest.approx(z)
            if explorer.name == "neuron-explorer":
                assert numbers["y"] == pytest.approx(max(z, 0.0))
            else:
                active = 1.0 if z > 0 else 0.0
                assert [numbers[f"dw{i}"] for i in (1, 2, 3)] == [active * x for x in X]
                assert [numbers[f"dx{i}"] for i in (1, 2, 3)] == [active * w for w in weights]
        elif explorer.name == "descent-explorer":
            path = helpers.descend_neuron(X, [1, 2, 3], 0.3, values["learning_rate"],
                                          values["steps"])
            assert numbers["y"] == path.outputs[-1]
            assert numbers["weights"] == path.weights[-1]
        else:
            path = helpers.train_layer(examples.seed_layer(), examples.LAYER_INPUTS,
                                       values["learning_rate"], values["steps"])
            assert numbers["loss"] == pytest.approx(path.losses[-1])
            assert numbers["outputs_alive"] == np.count_nonzero(path.outputs[-1] > 0)
        assert frame["alt"] == explorer.describe(values, explorer.update(values))
