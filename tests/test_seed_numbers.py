"""The numbers printed in the seed notebook, reproduced through the helpers API.

Expected values are the seed's printed outputs, typed from the seed, not
from this code.
"""

import numpy as np

import helpers

SEED_INPUTS = [1, 2, 3]
SEED_WEIGHTS = [1, 2, 3]
SEED_BIAS = 0.3

LAYER_INPUTS = np.array([[1, 2, 3, 2.5]])
LAYER_WEIGHTS = np.array(
    [[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]
).T
LAYER_BIASES = np.array([[2, 3, 0.5]])

SEED_DWEIGHTS_PRINTED = """\
[[ 4.8     1.21    2.385 ]
 [ 9.6     2.42    4.77  ]
 [14.4     3.63    7.155 ]
 [12.      3.025   5.9625]]"""


def test_scalar_neuron_forward_is_14_3():
    assert helpers.neuron_sum(SEED_INPUTS, SEED_WEIGHTS, SEED_BIAS) == 14.3
    assert helpers.neuron_forward(SEED_INPUTS, SEED_WEIGHTS, SEED_BIAS) == 14.3


def test_one_optimizer_step_gives_the_seed_weights_and_output():
    gradients = helpers.neuron_backward(SEED_INPUTS, SEED_WEIGHTS, SEED_BIAS, dvalue=1)
    weights = helpers.sgd_step(SEED_WEIGHTS, gradients.dweights, learning_rate=0.001)
    assert weights == [0.999, 1.998, 2.997]
    output = helpers.neuron_forward(SEED_INPUTS, weights, SEED_BIAS)
    assert repr(output) == "14.286000000000001"


def _seed_layer_dweights():
    dense = helpers.Dense(4, 3, weights=LAYER_WEIGHTS, biases=LAYER_BIASES)
    relu = helpers.ReLU()
    relu_outputs = relu.forward(dense.forward(LAYER_INPUTS))
    # The seed's upstream gradient is relu_outputs itself: dL/dy for L = 1/2 * sum(y**2).
    dense.backward(relu.backward(relu_outputs))
    return dense.dweights


def test_layer_dweights_print_exactly_as_in_the_seed():
    assert np.array2string(_seed_layer_dweights()) == SEED_DWEIGHTS_PRINTED


def test_layer_dweights_rounded_like_the_seed_loop():
    # The seed's loop rounds each product to 2 decimals. 2.385 is stored just below
    # the half, so it rounds down; 3 * 2.385 lands on 7.154999999999999, not 7.155;
    # 5.9625 is a quarter-hundredth past 5.96, no tie at all.
    rounded = [round(value, 2) for value in _seed_layer_dweights()[:, 2]]
    assert rounded == [2.38, 4.77, 7.15, 5.96]
    assert round(_seed_layer_dweights()[3, 1], 2) == 3.02


def test_descend_neuron_repeats_the_seed_step():
    path = helpers.descend_neuron(SEED_INPUTS, SEED_WEIGHTS, SEED_BIAS, 0.001, steps=2)
    assert path.weights[1] == [0.999, 1.998, 2.997]
    assert repr(path.outputs[1]) == "14.286000000000001"
    assert path.outputs[0] == 14.3 and path.outputs[2] < path.outputs[1]


def test_train_layer_starts_from_half_the_sum_of_squared_outputs():
    dense = helpers.Dense(4, 3, weights=LAYER_WEIGHTS, biases=LAYER_BIASES)
    path = helpers.train_layer(dense, LAYER_INPUTS, learning_rate=0.001, steps=1)
    relu_outputs = np.maximum(0, LAYER_INPUTS @ LAYER_WEIGHTS + LAYER_BIASES)
    assert path.losses[0] == 0.5 * np.sum(relu_outputs**2)
    # After one step the layer holds the seed's update: weights += -0.001 * dweights.
    expected = LAYER_WEIGHTS + -0.001 * np.array(
        [[4.8, 1.21, 2.385], [9.6, 2.42, 4.77], [14.4, 3.63, 7.155], [12.0, 3.025, 5.9625]]
    )
    np.testing.assert_allclose(dense.weights, expected, rtol=0, atol=1e-15)
    assert path.losses[1] < path.losses[0]
