"""A dense layer and a ReLU activation, each with forward and backward.

Shapes, for a batch of ``batch`` samples with ``n_inputs`` features going
into ``n_neurons`` neurons::

    inputs   (batch, n_inputs)
    weights  (n_inputs, n_neurons)   one column per neuron ("transposed")
    biases   (1, n_neurons)
    output   (batch, n_neurons)

``forward`` keeps what ``backward`` needs; ``backward`` takes the gradient
of the loss with respect to the layer's output (``dvalues``, same shape as
the output) and returns the gradient with respect to its input.
"""

import numpy as np

from helpers._checks import (
    as_finite_array,
    as_float_array,
    as_whole_number,
    check_finite,
    check_shape,
)


def _batch(name, values, n_columns, where):
    array = as_float_array(name, values)
    if array.ndim != 2 or array.shape[1] != n_columns:
        raise ValueError(
            f"{where} expected {name} of shape (batch, {n_columns}), got shape {array.shape}"
            + ("; for one sample use [sample] or sample.reshape(1, -1)" if array.ndim == 1 else "")
        )
    return array


def _require_forward(layer):
    if layer.inputs is None:
        name = type(layer).__name__
        raise RuntimeError(f"{name}.backward was called before {name}.forward: run forward first")


class Dense:
    """A fully connected layer: output = inputs @ weights + biases.

    ``weights`` (n_inputs, n_neurons) and ``biases`` (1, n_neurons, or a
    flat n_neurons) are copied when given; otherwise weights are drawn
    from 0.1 * standard normal with the random ``seed`` and biases start at zero.

    After ``forward``: ``inputs`` (batch, n_inputs) and ``output`` (batch,
    n_neurons). After ``backward``: ``dweights``, ``dbiases`` and ``dinputs``,
    each the shape of what it is the gradient of.
    """

    def __init__(self, n_inputs, n_neurons, *, weights=None, biases=None, seed=0):
        n_inputs = as_whole_number("n_inputs", n_inputs, minimum=1)
        n_neurons = as_whole_number("n_neurons", n_neurons, minimum=1)
        if weights is None:
            weights = 0.1 * np.random.default_rng(seed).standard_normal((n_inputs, n_neurons))
        weights = as_finite_array("weights", weights, copy=True)
        check_shape("weights", weights, (n_inputs, n_neurons),
                    hint="one row per input, one column per neuron")
        if biases is None:
            biases = np.zeros((1, n_neurons))
        biases = as_finite_array("biases", biases, copy=True)
        if biases.shape == (n_neurons,):
            biases = biases.reshape(1, n_neurons)
        check_shape("biases", biases, (1, n_neurons), hint="one bias per neuron")
        self.weights, self.biases = weights, biases
        self.inputs = self.output = None
        self.dweights = self.dbiases = self.dinputs = None

    def forward(self, inputs):
        """inputs (batch, n_inputs) -> output (batch, n_neurons)."""
        inputs = _batch("inputs", inputs, self.weights.shape[0], "Dense.forward")
        check_finite("inputs", inputs)
        output = np.dot(inputs, self.weights) + self.biases
        self.inputs, self.output = inputs, output
        return output

    def backward(self, dvalues):
        """dvalues (batch, n_neurons) -> dinputs (batch, n_inputs).

        Also keeps dweights = inputs.T @ dvalues (n_inputs, n_neurons) and
        dbiases = dvalues summed over the batch (1, n_neurons).
        """
        _require_forward(self)
        dvalues = as_finite_array("dvalues", dvalues)
        check_shape("dvalues", dvalues, self.output.shape,
                    hint="the shape of Dense.output")
        self.dweights = np.dot(self.inputs.T, dvalues)
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = np.dot(dvalues, self.weights.T)
        return self.dinputs


class ReLU:
    """The rectified linear unit, elementwise: output = max(0, inputs).

    Its derivative is 1 where inputs > 0 and 0 where inputs <= 0 (the book's
    convention at the kink, inputs == 0).

    After ``forward``: ``inputs`` and ``output``; after ``backward``:
    ``dinputs``, all of the same shape.
    """

    def __init__(self):
        self.inputs = self.output = self.dinputs = None

    def forward(self, inputs):
        """inputs (any shape) -> output (same shape)."""
        inputs = as_finite_array("inputs", inputs)
        self.inputs = inputs
        self.output = np.maximum(0, inputs)
        return self.output

    def backward(self, dvalues):
        """dvalues (same shape as the output) -> dinputs (same shape)."""
        _require_forward(self)
        dvalues = as_finite_array("dvalues", dvalues)
        check_shape("dvalues", dvalues, self.inputs.shape,
                    hint="the shape of ReLU.output")
        dinputs = dvalues.copy()
        dinputs[self.inputs <= 0] = 0
        self.dinputs = dinputs
        return self.dinputs
