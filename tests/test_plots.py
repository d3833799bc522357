"""The book's figures show the numbers the helpers compute, not numbers of their own."""

import pytest
from matplotlib.figure import Figure

import helpers
from helpers import plots

# x != w, mixed signs and dvalue != 1, so a swapped or missing factor shows.
INPUTS = [0.5, -1.5, 2.0]
WEIGHTS = [-1.0, 0.25, 3.0]
BIAS = 0.7
NAMES = ["x1", "x2", "x3", "w1", "w2", "w3", "xw1", "xw2", "xw3", "b", "z", "y"]


def graph_labels(inputs, weights, bias, dvalue):
    ax = plots.plot_neuron_graph(inputs, weights, bias, dvalue, ax=Figure().subplots())
    labels = [text for text in ax.texts if text.get_gid()]
    by_gid = {text.get_gid(): text.get_text() for text in labels}
    assert len(by_gid) == len(labels), "two labels share a gid"
    return by_gid


def expected_numbers(inputs, weights, bias, dvalue):
    step = helpers.neuron_backward(inputs, weights, bias, dvalue)
    products = [x * w for x, w in zip(inputs, weights, strict=True)]
    forward = [*inputs, *weights, *products, bias, step.z, step.y]
    gradient = [*step.dinputs, *step.dweights, *[step.drelu_dz] * 3,
                step.dbias, step.drelu_dz, step.dvalue]
    return dict(zip(NAMES, forward, strict=True)), dict(zip(NAMES, gradient, strict=True))


@pytest.mark.parametrize("bias", [BIAS, -20.0], ids=["alive", "dead"])
def test_neuron_graph_edges_carry_the_backward_pass(bias):
    dvalue = -2.0
    labels = graph_labels(INPUTS, WEIGHTS, bias, dvalue)
    forward, gradient = expected_numbers(INPUTS, WEIGHTS, bias, dvalue)
    assert set(labels) == {f"{kind}:{name}" for kind in ("forward", "gradient")
                           for name in NAMES} | {"local:relu"}
    for name in NAMES:
        assert float(labels[f"forward:{name}"]) == pytest.approx(forward[name], rel=1e-3)
        assert float(labels[f"gradient:{name}"]) == pytest.approx(gradient[name], rel=1e-3)


def test_dead_neuron_graph_shows_zero_below_the_relu():
    labels = graph_labels(INPUTS, WEIGHTS, -20.0, dvalue=1.0)
    assert labels["local:relu"] == "ReLU′(z) = 0"
    assert labels["gradient:y"] == "1"
    # No "-0": a dead ReLU stops the gradient whatever its sign.
    below_relu = [labels[f"gradient:{name}"] for name in NAMES if name != "y"]
    assert below_relu == ["0"] * len(below_relu)
    assert all(text == "0" for gid, text in graph_labels(INPUTS, WEIGHTS, -20.0, -3.0).items()
               if gid.startswith("gradient:") and gid != "gradient:y")


def test_plot_matrix_writes_every_number_and_outlines_the_chosen_cells():
    values = [[1.5, -2.0, 0.0], [4.0, 0.25, -1.0]]
    ax = plots.plot_matrix(values, "M", outlined=[(1, 2)], ax=Figure().subplots())
    assert [text.get_text() for text in ax.texts] == ["1.5", "-2", "0", "4", "0.25", "-1"]
    (box,) = ax.patches
    assert box.get_xy() == (2 - 0.5, 1 - 0.5)  # column 2, row 1
