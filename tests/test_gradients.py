"""Hand-derived gradients against central differences, on random shapes and values.

Dense + ReLU is piecewise linear, so central differences are exact up to
rounding wherever no perturbation crosses the kink at z = 0; cases with a
pre-activation that close to 0 are excluded.
"""

from itertools import pairwise

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

import helpers

H = 1e-5
# Two decimals, like the seed's numbers; hypothesis still tries 0 and the extremes.
VALUES = st.integers(-300, 300).map(lambda hundredths: hundredths / 100)
CHECKS = settings(max_examples=250, deadline=None, derandomize=True)


def relative_error(analytic, numerical):
    """max |a - n| / max(|a| + |n|); a gradient that cancels to round-off
    (every entry below 1e-8) is compared absolutely instead."""
    scale = max(np.max(np.abs(analytic) + np.abs(numerical), initial=0.0), 1e-8)
    return np.max(np.abs(analytic - numerical), initial=0.0) / scale


def kink_margin(inputs, weights):
    """How far a perturbation of size H can move a pre-activation."""
    return 10 * H * (1 + np.max(np.abs(inputs)) + np.max(np.abs(weights)))


@st.composite
def layer_cases(draw):
    batch, n_inputs, n_neurons = (draw(st.integers(1, 5)) for _ in range(3))
    return (
        draw(arrays(np.float64, (batch, n_inputs), elements=VALUES)),
        draw(arrays(np.float64, (n_inputs, n_neurons), elements=VALUES)),
        draw(arrays(np.float64, (1, n_neurons), elements=VALUES)),
        draw(arrays(np.float64, (batch, n_neurons), elements=VALUES)),
    )


@CHECKS
@given(layer_cases())
def test_dense_relu_gradients_match_central_differences(case):
    inputs, weights, biases, upstream = case
    pre_activation = inputs @ weights + biases
    assume(np.min(np.abs(pre_activation)) > kink_margin(inputs, weights))

    def loss(x, w, b):
        # A loss whose gradient with respect to the ReLU output is `upstream`.
        return np.sum(upstream * np.maximum(0, x @ w + b))

    dense, relu = helpers.Dense(*weights.shape, weights=weights, biases=biases), helpers.ReLU()
    relu.forward(dense.forward(inputs))
    dense.backward(relu.backward(upstream))

    numerical = {
        "dinputs": helpers.numerical_gradient(lambda x: loss(x, weights, biases), inputs, H),
        "dweights": helpers.numerical_gradient(lambda w: loss(inputs, w, biases), weights, H),
        "dbiases": helpers.numerical_gradient(lambda b: loss(inputs, weights, b), biases, H),
    }
    for name, estimate in numerical.items():
        analytic = getattr(dense, name)
        assert analytic.shape == estimate.shape
        assert relative_error(analytic, estimate) < 1e-6, name


@CHECKS
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.lists(VALUES, min_size=n, max_size=n),
    st.lists(VALUES, min_size=n, max_size=n),
    VALUES,
    VALUES,
)))
def test_neuron_backward_matches_central_differences(case):
    inputs, weights, bias, dvalue = case
    z = helpers.neuron_sum(inputs, weights, bias)
    assume(abs(z) > kink_margin(np.array(inputs), np.array(weights)))
    gradients = helpers.neuron_backward(inputs, weights, bias, dvalue)

    def loss(x, w, b):
        return dvalue * helpers.neuron_forward(x, w, float(b))

    x, w = np.array(inputs), np.array(weights)
    estimates = {
        "dweights": helpers.numerical_gradient(lambda v: loss(x, v, bias), w, H),
        "dinputs": helpers.numerical_gradient(lambda v: loss(v, w, bias), x, H),
        "dbias": helpers.numerical_gradient(lambda v: loss(x, w, v), np.array(bias), H),
    }
    for name, estimate in estimates.items():
        assert relative_error(np.array(getattr(gradients, name)), estimate) < 1e-6, name


def test_neuron_and_one_neuron_layer_agree():
    inputs, weights, bias = [1.0, -2.0, 0.5], [0.3, -0.1, 2.0], 0.25
    gradients = helpers.neuron_backward(inputs, weights, bias, dvalue=2.0)
    dense, relu = helpers.Dense(3, 1, weights=np.array([weights]).T, biases=[bias]), helpers.ReLU()
    output = relu.forward(dense.forward([inputs]))
    dense.backward(relu.backward([[2.0]]))
    assert output[0, 0] == helpers.neuron_forward(inputs, weights, bias)
    np.testing.assert_allclose(dense.dweights[:, 0], gradients.dweights)
    np.testing.assert_allclose(dense.dinputs[0], gradients.dinputs)
    assert dense.dbiases[0, 0] == gradients.dbias


def test_relu_gradient_is_zero_at_and_below_the_kink():
    for z in (0.0, -1e-12, -5.0):
        assert helpers.relu_derivative(z) == 0.0
    assert helpers.relu_derivative(1e-12) == 1.0
    gradients = helpers.neuron_backward([1, 2, 3], [1, 2, 3], -14)  # z == 0 exactly
    assert gradients.z == 0.0
    assert gradients.dweights == [0.0, 0.0, 0.0] and gradients.dbias == 0.0


def test_numerical_gradient_of_a_known_function():
    x = np.array([[0.5, -1.0], [2.0, 3.0]])
    estimate = helpers.numerical_gradient(lambda v: np.sum(v**3), x)
    np.testing.assert_allclose(estimate, 3 * x**2, rtol=1e-8)
    assert np.array_equal(x, [[0.5, -1.0], [2.0, 3.0]]), "x must be left unchanged"


def test_relative_error_yardstick():
    assert helpers.relative_error([1.0, 2.0], [1.0, 2.0]) == 0.0
    assert helpers.relative_error([0.0], [0.0]) == 0.0
    assert helpers.relative_error([1.0, 0.0], [0.5, 0.0]) == 0.5 / 1.5


def test_sgd_step_keeps_the_caller_data():
    weights = np.array([[1.0, 2.0]])
    updated = helpers.sgd_step(weights, np.array([[10.0, -10.0]]), learning_rate=0.1)
    assert np.array_equal(updated, [[0.0, 3.0]])
    assert np.array_equal(weights, [[1.0, 2.0]])
    assert helpers.sgd_step((1.0, 2.0), [1.0, 1.0], 0.5) == [0.5, 1.5]


def test_sgd_update_lowers_the_layer_loss():
    inputs = np.random.default_rng(1).standard_normal((8, 4))
    dense, relu = helpers.Dense(4, 3, seed=2, biases=[0.5, 0.5, 0.5]), helpers.ReLU()
    losses = []
    for _ in range(20):
        outputs = relu.forward(dense.forward(inputs))
        losses.append(0.5 * np.sum(outputs**2))
        dense.backward(relu.backward(outputs))
        helpers.sgd_update(dense, learning_rate=0.01)
    assert all(later < earlier for earlier, later in pairwise(losses))


# --- the mean squared error and the two-layer network of chapter 8 -----------------

@st.composite
def loss_cases(draw):
    batch, n_outputs = draw(st.integers(1, 5)), draw(st.integers(1, 3))
    return (draw(arrays(np.float64, (batch, n_outputs), elements=VALUES)),
            draw(arrays(np.float64, (batch, n_outputs), elements=VALUES)))


@CHECKS
@given(loss_cases())
def test_mean_squared_error_gradient_matches_central_differences(case):
    outputs, targets = case
    loss = helpers.MeanSquaredError()
    loss.forward(outputs, targets)
    analytic = loss.backward()
    estimate = helpers.numerical_gradient(
        lambda y: helpers.MeanSquaredError().forward(y, targets), outputs, H)
    assert analytic.shape == outputs.shape
    assert relative_error(analytic, estimate) < 1e-6


@st.composite
def network_cases(draw):
    batch, hidden = draw(st.integers(1, 6)), draw(st.integers(1, 5))
    shapes = {"inputs": (batch, 1), "targets": (batch, 1), "w1": (1, hidden),
              "b1": (1, hidden), "w2": (hidden, 1), "b2": (1, 1)}
    return {name: draw(arrays(np.float64, shape, elements=VALUES))
            for name, shape in shapes.items()}


def network_loss(case, **change):
    """The mean squared error of the network in ``case``, one array replaced."""
    values = {**case, **change}
    parameters = helpers.NetworkParameters(values["w1"], values["b1"], values["w2"], values["b2"])
    outputs = helpers.TwoLayerNetwork(parameters).forward(values["inputs"])
    return helpers.MeanSquaredError().forward(outputs, values["targets"])


@CHECKS
@given(network_cases())
def test_two_layer_network_gradients_match_central_differences(case):
    sums = case["inputs"] @ case["w1"] + case["b1"]
    assume(np.min(np.abs(sums)) > kink_margin(case["inputs"], case["w1"]))
    parameters = helpers.NetworkParameters(case["w1"], case["b1"], case["w2"], case["b2"])
    network, loss = helpers.TwoLayerNetwork(parameters), helpers.MeanSquaredError()
    loss.forward(network.forward(case["inputs"]), case["targets"])
    network.backward(loss.backward())
    analytic = {"w1": network.dense1.dweights, "b1": network.dense1.dbiases,
                "w2": network.dense2.dweights, "b2": network.dense2.dbiases,
                "inputs": network.dense1.dinputs}
    for name, gradient in analytic.items():
        estimate = helpers.numerical_gradient(
            lambda value, name=name: network_loss(case, **{name: value}), case[name], H)
        assert gradient.shape == estimate.shape, name
        assert relative_error(gradient, estimate) < 1e-6, name
