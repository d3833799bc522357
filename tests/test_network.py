"""The two-layer network of chapter 8: its start, its training path, its hinges.

These are the promises its explorer relies on: a width takes the first units
of one fixed draw, a training step is forward, loss, backward, update in
plain float64, and a diverging run stops and says where instead of raising.
"""

import numpy as np
import pytest

import helpers
from helpers import network
from helpers.examples import CURVE_CORNERS, CURVE_INPUTS, CURVE_TARGETS


def test_every_width_starts_with_the_first_units_of_one_draw():
    rng = np.random.default_rng(network.INIT_SEED)
    widest = network.HIDDEN_MAX
    w1 = rng.standard_normal((1, widest))
    b1 = rng.standard_normal((1, widest))
    w2 = rng.standard_normal((widest, 1)) / np.sqrt(widest)
    for hidden in range(1, widest + 1):
        start = helpers.initial_parameters(hidden)
        assert np.array_equal(start.w1, w1[:, :hidden])
        assert np.array_equal(start.b1, b1[:, :hidden])
        assert np.array_equal(start.w2, w2[:hidden])
        assert np.array_equal(start.b2, np.zeros((1, 1)))


def test_the_curve_is_the_documented_zigzag_plus_noise():
    assert CURVE_INPUTS.shape == CURVE_TARGETS.shape == (40, 1)
    assert np.array_equal(CURVE_INPUTS[:, 0], np.linspace(-3, 3, 40))
    zigzag = np.interp(CURVE_INPUTS, CURVE_CORNERS[:, 0], CURVE_CORNERS[:, 1])
    noise = 0.05 * np.random.default_rng(0).standard_normal((40, 1))
    assert np.array_equal(CURVE_TARGETS, zigzag + noise)
    assert not CURVE_TARGETS.flags.writeable


def plain_step(parameters, learning_rate):
    """One training step in bare NumPy, the way the chapter derives it."""
    w1, b1, w2, b2 = parameters
    x, t = CURVE_INPUTS, CURVE_TARGETS
    z1 = np.dot(x, w1) + b1
    hidden = np.maximum(0, z1)
    y = np.dot(hidden, w2) + b2
    loss = np.mean((y - t) ** 2)
    dy = 2 * (y - t) / len(y)
    dhidden = np.dot(dy, w2.T)
    dz1 = dhidden * (z1 > 0)
    gradients = (np.dot(x.T, dz1), np.sum(dz1, axis=0, keepdims=True),
                 np.dot(hidden.T, dy), np.sum(dy, axis=0, keepdims=True))
    updated = [p - learning_rate * g for p, g in zip(parameters, gradients, strict=True)]
    return float(loss), updated


@pytest.mark.parametrize("hidden", [1, 5, network.HIDDEN_MAX])
def test_training_repeats_the_plain_step(hidden):
    path = helpers.learn_curve(hidden, 0.03, steps=5)
    start = helpers.initial_parameters(hidden)
    parameters = [start.w1, start.b1, start.w2, start.b2]
    for step in range(6):
        loss, parameters_next = plain_step(parameters, 0.03)
        assert path.losses[step] == pytest.approx(loss, rel=1e-12)
        recorded = path.parameters[step]
        for mine, theirs in zip(parameters, (recorded.w1, recorded.b1, recorded.w2,
                                             recorded.b2), strict=True):
            np.testing.assert_allclose(theirs, mine, rtol=1e-12, atol=1e-15)
        parameters = parameters_next


def test_the_path_has_every_step_and_learn_curve_starts_from_the_draw():
    path = helpers.learn_curve(3, 0.03, steps=20)
    assert len(path.losses) == len(path.parameters) == 21
    assert path.diverged_at is None
    start = helpers.initial_parameters(3)
    assert np.array_equal(path.parameters[0].w1, start.w1)
    assert path.losses[-1] < path.losses[0]


def test_a_diverging_rate_stops_and_says_where():
    high = network.LEARNING_RATE_RANGE[1]
    path = helpers.learn_curve(network.HIDDEN_MAX, high, steps=network.STEPS_MAX)
    assert path.diverged_at is not None and 0 < path.diverged_at < network.STEPS_MAX
    assert len(path.losses) == len(path.parameters) == path.diverged_at
    assert all(np.isfinite(path.losses))
    # The next step, taken by hand from the last recorded parameters, overflows.
    last = path.parameters[-1]
    with np.errstate(over="ignore", invalid="ignore"):
        loss, after = plain_step([last.w1, last.b1, last.w2, last.b2], high)
        next_loss, _ = plain_step(after, high)
    assert not (np.isfinite(next_loss) and all(np.isfinite(a).all() for a in after))


def test_the_explorer_ranges_train_in_the_low_corner():
    low = network.LEARNING_RATE_RANGE[0]
    path = helpers.learn_curve(1, low, steps=network.STEPS_MAX)
    assert path.diverged_at is None and len(path.losses) == network.STEPS_MAX + 1


def test_hinges_add_up_to_the_output_and_bend_at_the_kinks():
    net = helpers.TwoLayerNetwork(helpers.learn_curve(8, 0.03, 50).parameters[-1])
    outputs = net.forward(CURVE_INPUTS)
    hinges = net.hinges(CURVE_INPUTS)
    assert hinges.shape == (40, 8)
    np.testing.assert_allclose(hinges.sum(axis=1, keepdims=True) + net.dense2.biases,
                               outputs, rtol=1e-12, atol=1e-12)
    kinks = net.kinks()
    sums_at_kinks = kinks * net.dense1.weights[0] + net.dense1.biases[0]
    np.testing.assert_allclose(sums_at_kinks, 0, atol=1e-12)


def test_a_unit_with_no_input_weight_has_no_kink():
    flat = helpers.NetworkParameters(w1=[[0.0, 2.0]], b1=[[1.0, 1.0]],
                                     w2=[[1.0], [1.0]], b2=[[0.0]])
    kinks = helpers.TwoLayerNetwork(flat).kinks()
    assert np.isnan(kinks[0]) and kinks[1] == -0.5


def test_dead_units_never_move():
    path = helpers.learn_curve(network.HIDDEN_MAX, 0.03, steps=200)
    dead = helpers.TwoLayerNetwork(path.parameters[0]).dead_units(CURVE_INPUTS)
    assert dead, "the start should have a unit that is dead on the curve"
    first, last = path.parameters[0], path.parameters[-1]
    for name in ("w1", "b1"):
        assert np.array_equal(getattr(first, name)[:, dead], getattr(last, name)[:, dead])
    assert np.array_equal(first.w2[dead], last.w2[dead])


def test_hinges_store_nothing():
    net = helpers.TwoLayerNetwork(helpers.initial_parameters(4))
    net.forward(CURVE_INPUTS)
    net.hinges(CURVE_INPUTS[:3])
    assert net.dense1.inputs.shape == (40, 1)
