"""Plain gradient descent: step every parameter against its gradient.

sgd_step and sgd_update are the update rule; descend_neuron and train_layer
repeat it on the book's two running examples and record the path.
"""

from dataclasses import dataclass

import numpy as np

from helpers._checks import as_finite_array, as_finite_float, as_whole_number, check_shape
from helpers.layers import ReLU
from helpers.neuron import neuron_backward


def _learning_rate(learning_rate):
    learning_rate = as_finite_float("learning_rate", learning_rate)
    if learning_rate < 0:
        raise ValueError(f"learning_rate must be >= 0, got {learning_rate}")
    return learning_rate


def sgd_step(parameters, gradients, learning_rate):
    """Return parameters + (-learning_rate) * gradients; the inputs are left alone.

    Lists come back as lists of floats (as in the scalar chapters), arrays
    as new float64 arrays of the same shape.
    """
    learning_rate = _learning_rate(learning_rate)
    values = as_finite_array("parameters", parameters)
    grads = as_finite_array("gradients", gradients)
    check_shape("gradients", grads, values.shape, hint="one gradient per parameter")
    updated = values + -learning_rate * grads
    return updated.tolist() if isinstance(parameters, (list, tuple)) else updated


def sgd_update(layer, learning_rate):
    """Step a layer's weights and biases against its last backward pass's gradients.

    ``layer.weights`` and ``layer.biases`` are replaced by new arrays; arrays the
    caller kept from before the step are left as they were. Returns the layer.
    """
    if getattr(layer, "dweights", None) is None:
        raise RuntimeError("sgd_update needs gradients: call the layer's backward first")
    weights = sgd_step(layer.weights, layer.dweights, learning_rate)
    biases = sgd_step(layer.biases, layer.dbiases, learning_rate)
    layer.weights, layer.biases = weights, biases
    return layer


@dataclass(frozen=True)
class NeuronDescent:
    """The path of ``descend_neuron``: entry k is the state after k steps.

    weights: steps + 1 lists of n floats; sums (z) and outputs (y): steps + 1 floats.
    """

    weights: list
    sums: list
    outputs: list

    @property
    def dead_at(self):
        """The first step k with z <= 0 (the neuron is dead from then on), or None."""
        return next((step for step, z in enumerate(self.sums) if z <= 0), None)


def descend_neuron(inputs, weights, bias, learning_rate, steps):
    """Lower one neuron's output y by ``steps`` gradient steps on its weights.

    Each step is the seed's: w <- w + (-learning_rate) * dy/dw, with the
    bias held fixed. Once z <= 0 the gradient is 0 and the weights stop.
    """
    steps = as_whole_number("steps", steps)
    learning_rate = _learning_rate(learning_rate)
    path = NeuronDescent(weights=[], sums=[], outputs=[])
    for step in range(steps + 1):
        gradients = neuron_backward(inputs, weights, bias, dvalue=1.0)
        path.weights.append(list(map(float, weights)))
        path.sums.append(gradients.z)
        path.outputs.append(gradients.y)
        if step < steps:
            weights = sgd_step(list(weights), gradients.dweights, learning_rate)
    return path


def half_sum_of_squares(outputs):
    """L = 1/2 * sum(outputs**2), a loss that is lowest when every output is 0.

    Its gradient with respect to ``outputs`` is ``outputs`` itself, the
    upstream gradient the seed's layer cell passes down.
    """
    outputs = as_finite_array("outputs", outputs)
    return 0.5 * float(np.sum(outputs**2))


@dataclass(frozen=True)
class LayerTraining:
    """The path of ``train_layer``: losses (steps + 1 floats) and outputs
    (steps + 1 arrays of shape (batch, n_neurons)), entry k after k steps."""

    losses: list
    outputs: list


def train_layer(dense, inputs, learning_rate, steps):
    """Lower L = 1/2 * sum(ReLU(dense(inputs))**2) by ``steps`` SGD updates.

    ``dense`` is updated in place; inputs is (batch, n_inputs).
    """
    steps = as_whole_number("steps", steps)
    learning_rate = _learning_rate(learning_rate)
    relu = ReLU()
    path = LayerTraining(losses=[], outputs=[])
    for step in range(steps + 1):
        outputs = relu.forward(dense.forward(inputs))
        path.losses.append(half_sum_of_squares(outputs))
        path.outputs.append(outputs)
        if step < steps:
            dense.backward(relu.backward(outputs))
            sgd_update(dense, learning_rate)
    return path

