"""The mean squared error: a loss that compares outputs with targets.

For a batch of ``batch`` samples with ``n_outputs`` outputs each::

    inputs   (batch, n_outputs)   Y, what the network put out
    targets  (batch, n_outputs)   T, what it should have put out
    output   float                L = sum((Y - T)**2) / (batch * n_outputs)
    dinputs  (batch, n_outputs)   dL/dY = 2 * (Y - T) / (batch * n_outputs)

Like the layers, ``forward`` keeps what ``backward`` needs. A loss is where
the backward pass starts, so its ``backward`` takes no upstream gradient:
the gradient of L with respect to L is 1.
"""

import numpy as np

from helpers._checks import as_finite_array, check_shape


class MeanSquaredError:
    """L = the mean of (inputs - targets)**2 over every entry of the batch.

    After ``forward``: ``inputs``, ``targets`` and ``output`` (the loss, a
    float). After ``backward``: ``dinputs``, the shape of ``inputs``.
    """

    def __init__(self):
        self.inputs = self.targets = self.output = self.dinputs = None

    def forward(self, inputs, targets):
        """inputs (batch, n_outputs), targets (same shape) -> the loss, a float."""
        inputs = as_finite_array("inputs", inputs, ndim=2)
        targets = as_finite_array("targets", targets)
        check_shape("targets", targets, inputs.shape, hint="one target per output")
        self.inputs, self.targets = inputs, targets
        self.output = float(np.mean((inputs - targets) ** 2))
        return self.output

    def backward(self):
        """-> dinputs = 2 * (inputs - targets) / (batch * n_outputs), shape (batch, n_outputs).

        Each entry's square contributes its own slope 2 * (y - t); the mean
        divides every one of them by the number of entries it averaged.
        """
        if self.inputs is None:
            raise RuntimeError(
                "MeanSquaredError.backward was called before MeanSquaredError.forward: "
                "run forward first"
            )
        self.dinputs = 2 * (self.inputs - self.targets) / self.inputs.size
        return self.dinputs
