"""Every way to call helpers wrongly gets a clear error, and changes nothing."""

import math
import re

import numpy as np
import pytest

import helpers

NOT_FINITE = [math.nan, math.inf, -math.inf]


def shapes_named(*shapes):
    """A regex that needs every shape, as Python prints it, in the message."""
    return "".join(f"(?=.*{re.escape(str(shape))})" for shape in shapes)


# --- the scalar neuron ----------------------------------------------------------

@pytest.mark.parametrize("function", [helpers.neuron_forward, helpers.neuron_backward])
def test_neuron_rejects_inputs_and_weights_of_different_lengths(function):
    with pytest.raises(ValueError, match=shapes_named((3,), (2,))):
        function([1, 2, 3], [1, 2], 0.3)


@pytest.mark.parametrize("bad", NOT_FINITE)
@pytest.mark.parametrize("where", ["inputs", "weights", "bias", "dvalue"])
def test_neuron_rejects_non_finite_values(where, bad):
    arguments = {"inputs": [1.0, 2.0], "weights": [1.0, 2.0], "bias": 0.3, "dvalue": 1.0}
    arguments[where] = bad if where in ("bias", "dvalue") else [1.0, bad]
    with pytest.raises(ValueError, match=f"{where} must be finite"):
        helpers.neuron_backward(**arguments)
    if where != "dvalue":
        arguments.pop("dvalue")
        with pytest.raises(ValueError, match=f"{where} must be finite"):
            helpers.neuron_forward(**arguments)


def test_neuron_rejects_a_matrix_of_inputs_and_a_list_as_bias():
    with pytest.raises(ValueError, match=r"inputs must have 1 dimension, got shape \(1, 3\)"):
        helpers.neuron_forward([[1, 2, 3]], [1, 2, 3], 0.3)
    with pytest.raises(ValueError, match=r"bias must be a single number, got shape \(2,\)"):
        helpers.neuron_forward([1, 2], [1, 2], [0.3, 0.3])
    with pytest.raises(ValueError, match="inputs must be numbers"):
        helpers.neuron_forward(["one", 2], [1, 2], 0.3)


# --- Dense --------------------------------------------------------------------

@pytest.mark.parametrize("count", [0, -1, 2.5, True, "3", None])
def test_dense_needs_positive_whole_sizes(count):
    with pytest.raises(ValueError, match="whole number >= 1"):
        helpers.Dense(count, 3)
    with pytest.raises(ValueError, match="whole number >= 1"):
        helpers.Dense(4, count)


def test_dense_rejects_parameters_of_the_wrong_shape():
    with pytest.raises(ValueError, match=shapes_named((4, 3), (3, 4))):
        helpers.Dense(4, 3, weights=np.zeros((3, 4)))
    with pytest.raises(ValueError, match=shapes_named((1, 3), (1, 4))):
        helpers.Dense(4, 3, biases=np.zeros((1, 4)))
    with pytest.raises(ValueError, match="weights must be finite"):
        helpers.Dense(1, 1, weights=[[math.nan]])
    with pytest.raises(ValueError, match="biases must be finite"):
        helpers.Dense(1, 1, biases=[math.inf])


def test_dense_copies_the_parameters_it_is_given():
    weights = np.ones((2, 1))
    dense = helpers.Dense(2, 1, weights=weights)
    dense.forward([[1.0, 1.0]])
    dense.backward([[1.0]])
    helpers.sgd_update(dense, 0.5)
    assert np.array_equal(weights, np.ones((2, 1)))


@pytest.mark.parametrize(
    ("inputs", "got"),
    [(np.zeros(4), (4,)), (np.zeros((2, 3)), (2, 3)), (np.zeros((1, 2, 4)), (1, 2, 4))],
)
def test_dense_forward_rejects_inputs_of_the_wrong_shape(inputs, got):
    dense = helpers.Dense(4, 3)
    with pytest.raises(ValueError, match=shapes_named("(batch, 4)", got)):
        dense.forward(inputs)
    assert dense.inputs is None and dense.output is None


def test_dense_forward_suggests_a_batch_of_one():
    with pytest.raises(ValueError, match=re.escape("reshape(1, -1)")):
        helpers.Dense(4, 3).forward([1, 2, 3, 2.5])


@pytest.mark.parametrize("bad", NOT_FINITE)
def test_dense_rejects_non_finite_inputs_and_gradients(bad):
    dense = helpers.Dense(2, 2)
    with pytest.raises(ValueError, match="inputs must be finite"):
        dense.forward([[1.0, bad]])
    dense.forward([[1.0, 2.0]])
    with pytest.raises(ValueError, match="dvalues must be finite"):
        dense.backward([[bad, 1.0]])
    assert dense.dweights is None and dense.dinputs is None


def test_dense_backward_before_forward():
    with pytest.raises(RuntimeError, match=r"Dense.backward was called before Dense.forward"):
        helpers.Dense(2, 2).backward([[1.0, 1.0]])


def test_dense_backward_rejects_dvalues_unlike_the_output():
    dense = helpers.Dense(4, 3)
    dense.forward(np.ones((2, 4)))
    dense.backward(np.ones((2, 3)))
    previous = dense.dweights.copy()
    with pytest.raises(ValueError, match=shapes_named((2, 3), (3, 3))):
        dense.backward(np.ones((3, 3)))
    assert np.array_equal(dense.dweights, previous)


# --- ReLU ---------------------------------------------------------------------

def test_relu_errors():
    relu = helpers.ReLU()
    with pytest.raises(RuntimeError, match=r"ReLU.backward was called before ReLU.forward"):
        relu.backward([1.0])
    with pytest.raises(ValueError, match="inputs must be finite"):
        relu.forward([1.0, math.nan])
    assert relu.inputs is None
    relu.forward([[1.0, -1.0]])
    with pytest.raises(ValueError, match=shapes_named((1, 2), (2, 1))):
        relu.backward([[1.0], [1.0]])
    assert relu.dinputs is None


# --- optimisation and gradient checking -------------------------------------------

@pytest.mark.parametrize("rate", [math.nan, math.inf, -0.1, [0.1, 0.2]])
def test_sgd_rejects_bad_learning_rates(rate):
    with pytest.raises(ValueError, match="learning_rate"):
        helpers.sgd_step([1.0], [1.0], rate)


def test_sgd_rejects_mismatched_or_non_finite_gradients():
    with pytest.raises(ValueError, match=shapes_named((2,), (3,))):
        helpers.sgd_step([1.0, 2.0], [1.0, 2.0, 3.0], 0.1)
    with pytest.raises(ValueError, match="gradients must be finite"):
        helpers.sgd_step([1.0], [math.inf], 0.1)


def test_sgd_update_before_backward_changes_nothing():
    dense = helpers.Dense(2, 2)
    weights = dense.weights.copy()
    with pytest.raises(RuntimeError, match="call the layer's backward first"):
        helpers.sgd_update(dense, 0.1)
    assert np.array_equal(dense.weights, weights)


def test_sgd_update_with_a_bad_rate_changes_nothing():
    dense = helpers.Dense(2, 2)
    dense.forward([[1.0, 1.0]])
    dense.backward([[1.0, 1.0]])
    weights, biases = dense.weights.copy(), dense.biases.copy()
    with pytest.raises(ValueError, match="learning_rate must be finite"):
        helpers.sgd_update(dense, math.nan)
    assert np.array_equal(dense.weights, weights) and np.array_equal(dense.biases, biases)


def test_numerical_gradient_errors():
    with pytest.raises(ValueError, match="h must be > 0, got 0.0"):
        helpers.numerical_gradient(np.sum, np.ones(2), h=0)
    with pytest.raises(ValueError, match="x must be finite"):
        helpers.numerical_gradient(np.sum, [1.0, math.nan])
    with pytest.raises(ValueError, match=shapes_named((2,), (3,))):
        helpers.relative_error(np.ones(2), np.ones(3))


@pytest.mark.parametrize("steps", [-1, 2.5, True, "3"])
def test_descent_and_training_need_a_whole_number_of_steps(steps):
    with pytest.raises(ValueError, match="steps must be a whole number >= 0"):
        helpers.descend_neuron([1.0], [1.0], 0.0, 0.1, steps)
    with pytest.raises(ValueError, match="steps must be a whole number >= 0"):
        helpers.train_layer(helpers.Dense(1, 1), [[1.0]], 0.1, steps)


@pytest.mark.parametrize("steps", [0, 3])
@pytest.mark.parametrize("rate", [math.nan, -0.1])
def test_descent_and_training_reject_a_bad_rate_even_with_no_steps(rate, steps):
    with pytest.raises(ValueError, match="learning_rate"):
        helpers.descend_neuron([1.0], [1.0], 0.0, rate, steps)
    with pytest.raises(ValueError, match="learning_rate"):
        helpers.train_layer(helpers.Dense(1, 1), [[1.0]], rate, steps)


def test_half_sum_of_squares_rejects_non_finite_outputs():
    with pytest.raises(ValueError, match="outputs must be finite"):
        helpers.half_sum_of_squares([1.0, math.inf])


# --- the loss and the two-layer network of chapter 8 --------------------------------

def test_mean_squared_error_needs_targets_shaped_like_the_outputs():
    loss = helpers.MeanSquaredError()
    # (40,) against (40, 1) would broadcast to a (40, 40) table of differences.
    with pytest.raises(ValueError, match=shapes_named((40, 1), (40,))):
        loss.forward(np.zeros((40, 1)), np.zeros(40))
    with pytest.raises(ValueError, match=r"inputs must have 2 dimensions, got shape \(40,\)"):
        loss.forward(np.zeros(40), np.zeros(40))
    assert loss.inputs is None and loss.output is None


@pytest.mark.parametrize("bad", NOT_FINITE)
def test_mean_squared_error_rejects_non_finite_values(bad):
    with pytest.raises(ValueError, match="inputs must be finite"):
        helpers.MeanSquaredError().forward([[bad]], [[1.0]])
    with pytest.raises(ValueError, match="targets must be finite"):
        helpers.MeanSquaredError().forward([[1.0]], [[bad]])


def test_mean_squared_error_backward_before_forward():
    with pytest.raises(RuntimeError, match="MeanSquaredError.backward was called before"):
        helpers.MeanSquaredError().backward()


@pytest.mark.parametrize("hidden", [0, 17, 2.5, True, "4", None])
def test_initial_parameters_need_a_width_from_1_to_16(hidden):
    with pytest.raises(ValueError, match="hidden must be"):
        helpers.initial_parameters(hidden)


def parameters(**change):
    values = {"w1": [[1.0, 2.0]], "b1": [[0.5, -0.5]], "w2": [[1.0], [-1.0]], "b2": [[0.0]]}
    return helpers.NetworkParameters(**{**values, **change})


@pytest.mark.parametrize(
    ("name", "value", "got"),
    [("w1", [[1.0], [2.0]], (2, 1)), ("w1", [1.0, 2.0], (2,)), ("b1", [[0.5]], (1, 1)),
     ("w2", [[1.0, -1.0]], (1, 2)), ("b2", [0.0, 0.0], (2,))],
)
def test_network_names_the_parameter_of_the_wrong_shape(name, value, got):
    with pytest.raises(ValueError, match=f"^{name} must have .*{re.escape(str(got))}"):
        helpers.TwoLayerNetwork(parameters(**{name: value}))


@pytest.mark.parametrize("name", ["w1", "b1", "w2", "b2"])
def test_network_rejects_non_finite_parameters(name):
    bad = np.array(getattr(parameters(), name), dtype=float)
    bad.flat[0] = math.nan
    with pytest.raises(ValueError, match=f"{name} must be finite"):
        helpers.TwoLayerNetwork(parameters(**{name: bad}))


def test_network_wants_one_number_per_sample():
    network = helpers.TwoLayerNetwork(parameters())
    for method in (network.forward, network.hinges, network.dead_units):
        with pytest.raises(ValueError, match=r"inputs must have shape \(batch, 1\).*\(3,\)"):
            method([1.0, 2.0, 3.0])
    assert network.dense1.inputs is None


def test_train_network_checks_everything_before_the_first_step():
    network = helpers.TwoLayerNetwork(parameters())
    inputs, targets = np.ones((5, 1)), np.ones((5, 1))
    calls = [
        (ValueError, "steps must be a whole number", (inputs, targets, 0.1, -1)),
        (ValueError, "learning_rate must be finite", (inputs, targets, math.nan, 3)),
        (ValueError, "learning_rate must be >= 0", (inputs, targets, -0.1, 3)),
        (ValueError, shapes_named((5, 1), (4, 1)), (inputs, targets[:4], 0.1, 3)),
        (ValueError, "targets must be finite", (inputs, targets * math.inf, 0.1, 3)),
        (ValueError, r"inputs must have shape \(batch, 1\)", (np.ones((5, 2)), targets, 0.1, 3)),
    ]
    for error, message, arguments in calls:
        with pytest.raises(error, match=message):
            helpers.train_network(network, *arguments)
    assert network.dense1.inputs is None
    assert np.array_equal(network.dense1.weights, [[1.0, 2.0]])
