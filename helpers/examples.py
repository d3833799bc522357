"""The book's running examples: the seed notebook's neuron and layer, exactly
as it defines them, and the curve that chapter 8's network learns.

The arrays are read-only, so a chapter that updates weights in place must
start from its own ``.copy()`` and cannot change the example for the cells
and chapters that come after it.

One neuron (chapters 1 to 4)::

    NEURON_INPUTS   (3,)  x = (1, 2, 3)
    NEURON_WEIGHTS  (3,)  w = (1, 2, 3)
    NEURON_BIAS           b = 0.3

A layer of 3 neurons with 4 inputs, on a batch of 3 samples (chapters 5 to 7)::

    LAYER_INPUTS    (3, 4)  one sample per row; the seed's layer cell keeps only the first
    LAYER_WEIGHTS   (4, 3)  one column per neuron (the seed writes the rows and transposes)
    LAYER_BIASES    (1, 3)  one bias per neuron
    LAYER_DVALUES   (3, 3)  the seed's unused upstream gradient: row k is all k + 1

``seed_layer()`` builds a fresh ``Dense`` layer from LAYER_WEIGHTS and LAYER_BIASES.

A curve to learn, one number in and one out (chapter 8)::

    CURVE_CORNERS   (5, 2)   the corners (x, t) of a zigzag, straight between them
    CURVE_INPUTS    (40, 1)  x, evenly spaced from -3 to 3
    CURVE_TARGETS   (40, 1)  t, the zigzag at each x plus a little noise
"""

import numpy as np

from helpers.layers import Dense

#: x, the neuron's inputs, shape (3,).
NEURON_INPUTS = (1.0, 2.0, 3.0)
#: w, one weight per input, shape (3,).
NEURON_WEIGHTS = (1.0, 2.0, 3.0)
#: b, the bias.
NEURON_BIAS = 0.3


def _read_only(rows):
    array = np.array(rows, dtype=np.float64)
    array.flags.writeable = False
    return array


#: X, shape (3, 4): three samples of 4 inputs each.
LAYER_INPUTS = _read_only([[1, 2, 3, 2.5], [2.0, 5.0, -1.0, 2], [-1.5, 2.7, 3.3, -0.8]])
#: W, shape (4, 3): one column of 4 weights per neuron.
LAYER_WEIGHTS = _read_only(
    np.array([[0.2, 0.8, -0.5, 1], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]]).T
)
#: b, shape (1, 3): one bias per neuron.
LAYER_BIASES = _read_only([[2, 3, 0.5]])
#: an upstream gradient for the batch, shape (3, 3): the seed defines it but never uses it.
LAYER_DVALUES = _read_only([[1.0, 1.0, 1.0], [2.0, 2.0, 2.0], [3.0, 3.0, 3.0]])


def seed_layer():
    """A new Dense(4, 3) holding copies of LAYER_WEIGHTS and LAYER_BIASES.

    Each call gives a layer of its own, so training one never changes another.
    """
    return Dense(4, 3, weights=LAYER_WEIGHTS, biases=LAYER_BIASES)


#: The zigzag's corners, one (x, t) per row, shape (5, 2): it bends only at these x.
CURVE_CORNERS = _read_only([[-3.0, -0.5], [-1.5, 1.0], [0.0, -0.5], [1.5, 1.0], [3.0, 0.0]])
#: x, shape (40, 1): 40 evenly spaced numbers from -3 to 3, one sample per row.
CURVE_INPUTS = _read_only(np.linspace(-3.0, 3.0, 40).reshape(-1, 1))
#: t, shape (40, 1): the zigzag through CURVE_CORNERS at each x, plus noise
#: 0.05 * standard normal from ``np.random.default_rng(0)``.
CURVE_TARGETS = _read_only(
    np.interp(CURVE_INPUTS, CURVE_CORNERS[:, 0], CURVE_CORNERS[:, 1])
    + 0.05 * np.random.default_rng(0).standard_normal(CURVE_INPUTS.shape)
)
