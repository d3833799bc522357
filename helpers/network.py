"""Two layers that learn a curve: Dense(1 -> H) -> ReLU -> Dense(H -> 1).

Shapes, for a batch of ``batch`` samples of one number each and ``H`` hidden
units::

    inputs    (batch, 1)   x, one number per sample
    w1, b1    (1, H)       the hidden layer: weight and bias of each unit
    hidden    (batch, H)   ReLU(x w1 + b1), one column per hidden unit
    w2        (H, 1)       the output layer: one weight per hidden unit
    b2        (1, 1)       its bias
    outputs   (batch, 1)   y = hidden w2 + b2
    targets   (batch, 1)   t, what y should be

Written out for one number x, the output is a sum of hinges, one per unit,
each bending at its kink x = -b1_j / w1_j, where the unit's sum crosses 0::

    y(x) = b2 + sum over j of w2_j * ReLU(w1_j * x + b1_j)

Training is plain full-batch gradient descent on the mean squared error, in
float64, with nothing random after the start. The start is one fixed draw
for the widest network, HIDDEN_MAX units, of which a network of H units
takes the first H (``initial_parameters``). The explorer of chapter 8 moves
H, the learning rate and the number of steps within the ranges below.
"""

import math
from dataclasses import dataclass

import numpy as np

from helpers._checks import as_finite_array, as_whole_number, check_shape
from helpers.examples import CURVE_INPUTS, CURVE_TARGETS
from helpers.layers import Dense, ReLU
from helpers.losses import MeanSquaredError
from helpers.optim import _learning_rate, sgd_update

#: The widest hidden layer: ``initial_parameters`` draws this many units once.
HIDDEN_MAX = 16
#: The seed of that one draw, ``np.random.default_rng(INIT_SEED)``.
INIT_SEED = 1
#: The explorer's learning rates: 1, 2, 3 and 5 times a power of ten, from the
#: first to the second.
LEARNING_RATE_RANGE = (0.001, 0.3)
#: The explorer's largest number of steps (the smallest is 0).
STEPS_MAX = 3000


@dataclass(frozen=True)
class NetworkParameters:
    """The four arrays of a network with H hidden units.

    w1 (1, H) and b1 (1, H): the hidden layer's weights and biases;
    w2 (H, 1) and b2 (1, 1): the output layer's.
    """

    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray


def initial_parameters(hidden):
    """The starting parameters of a network with ``hidden`` units, 1 to HIDDEN_MAX.

    One draw from ``np.random.default_rng(INIT_SEED)`` for HIDDEN_MAX units,
    in this order: w1 (1, HIDDEN_MAX) and b1 (1, HIDDEN_MAX), standard normal;
    w2 (HIDDEN_MAX, 1), standard normal times 0.25 = 1 / sqrt(HIDDEN_MAX), so
    that the sum of all the hinges starts about as large as one of them.
    b2 is 0. A network of ``hidden`` units takes the first ``hidden`` of
    each, so unit j starts the same in every width that has it.
    """
    hidden = as_whole_number("hidden", hidden, minimum=1)
    if hidden > HIDDEN_MAX:
        raise ValueError(f"hidden must be at most HIDDEN_MAX = {HIDDEN_MAX}, got {hidden}")
    rng = np.random.default_rng(INIT_SEED)
    w1 = rng.standard_normal((1, HIDDEN_MAX))
    b1 = rng.standard_normal((1, HIDDEN_MAX))
    w2 = rng.standard_normal((HIDDEN_MAX, 1)) / math.sqrt(HIDDEN_MAX)
    return NetworkParameters(w1=w1[:, :hidden], b1=b1[:, :hidden], w2=w2[:hidden],
                             b2=np.zeros((1, 1)))


def _column(name, values):
    array = as_finite_array(name, values)
    if array.ndim != 2 or array.shape[1] != 1:
        raise ValueError(f"{name} must have shape (batch, 1), one number per row, "
                         f"got shape {array.shape}")
    return array


class TwoLayerNetwork:
    """Dense(1 -> H) -> ReLU -> Dense(H -> 1), made of the book's layers.

    ``parameters`` (a NetworkParameters) is copied. The layers are the
    attributes ``dense1``, ``relu`` and ``dense2``; each keeps what its
    ``backward`` needs, as in chapter 7.
    """

    def __init__(self, parameters):
        w1 = as_finite_array("w1", parameters.w1, ndim=2)
        hidden = w1.shape[1]
        check_shape("w1", w1, (1, hidden), hint="one input, one weight per hidden unit")
        for name, shape in (("b1", (1, hidden)), ("w2", (hidden, 1)), ("b2", (1, 1))):
            value = as_finite_array(name, getattr(parameters, name))
            check_shape(name, value, shape, hint=f"w1 has shape {w1.shape}")
        self.dense1 = Dense(1, hidden, weights=w1, biases=parameters.b1)
        self.relu = ReLU()
        self.dense2 = Dense(hidden, 1, weights=parameters.w2, biases=parameters.b2)

    @property
    def hidden(self):
        """H, the number of hidden units."""
        return self.dense1.weights.shape[1]

    def forward(self, inputs):
        """inputs (batch, 1) -> outputs (batch, 1)."""
        inputs = _column("inputs", inputs)
        return self.dense2.forward(self.relu.forward(self.dense1.forward(inputs)))

    def backward(self, dvalues):
        """dvalues = dL/d(outputs), (batch, 1) -> dinputs, (batch, 1).

        Each layer's dinputs is the dvalues of the layer before it;
        afterwards every layer holds its dweights and dbiases.
        """
        self.dense2.backward(dvalues)
        self.relu.backward(self.dense2.dinputs)
        return self.dense1.backward(self.relu.dinputs)

    def update(self, learning_rate):
        """One gradient-descent step of both layers (``helpers.sgd_update``)."""
        sgd_update(self.dense1, learning_rate)
        sgd_update(self.dense2, learning_rate)
        return self

    def parameters(self):
        """A NetworkParameters holding copies of the current w1, b1, w2, b2."""
        return NetworkParameters(w1=self.dense1.weights.copy(), b1=self.dense1.biases.copy(),
                                 w2=self.dense2.weights.copy(), b2=self.dense2.biases.copy())

    def hinges(self, inputs):
        """Each hidden unit's share of the output, (batch, H).

        Column j is w2_j * ReLU(w1_j * x + b1_j); the outputs are b2 plus the
        sum of each row. Nothing is stored, so a pending ``backward`` is safe.
        """
        inputs = _column("inputs", inputs)
        sums = np.dot(inputs, self.dense1.weights) + self.dense1.biases
        return np.maximum(0, sums) * self.dense2.weights.T

    def kinks(self):
        """Where each unit's hinge bends, x = -b1_j / w1_j, shape (H,).

        A unit whose weight w1_j is 0 has no kink: its entry is NaN.
        """
        weights, biases = self.dense1.weights[0], self.dense1.biases[0]
        with np.errstate(divide="ignore", invalid="ignore"):
            kinks = -biases / weights
        return np.where(weights == 0, np.nan, kinks)

    def dead_units(self, inputs):
        """The units (their indices j, a list) whose sum w1_j * x + b1_j is <= 0
        for every sample in ``inputs`` (batch, 1): they output 0 for all of
        them, pass no gradient back, and never move again on this data."""
        inputs = _column("inputs", inputs)
        sums = np.dot(inputs, self.dense1.weights) + self.dense1.biases
        return [int(j) for j in np.flatnonzero(np.all(sums <= 0, axis=0))]


@dataclass(frozen=True)
class NetworkTraining:
    """The path of ``train_network``: entry k is the network after k steps.

    ``losses`` (floats) and ``parameters`` (NetworkParameters) have steps + 1
    entries, or ``diverged_at`` entries if the training diverged.

    ``diverged_at`` is None, or the first step k whose loss, or one of whose
    parameters, is not a finite number: too large a learning rate makes them
    grow until float64 overflows to infinity or NaN.
    """

    losses: list
    parameters: list
    diverged_at: int | None = None


def train_network(network, inputs, targets, learning_rate, steps):
    """Lower the mean squared error of ``network`` by ``steps`` full-batch steps.

    inputs (batch, 1), targets (batch, 1). ``network`` is updated in place;
    each step is forward, loss, backward, update, in that order. If the
    numbers overflow, training stops there and records ``diverged_at``
    instead of raising: the network is then left as the failed step left it.
    """
    steps = as_whole_number("steps", steps)
    learning_rate = _learning_rate(learning_rate)
    inputs = _column("inputs", inputs)
    targets = _column("targets", targets)
    check_shape("targets", targets, inputs.shape, hint="one target per input")
    loss = MeanSquaredError()
    losses, parameters = [], []
    # Everything that could be wrong was checked above. So inside the loop,
    # a ValueError can only be a helper refusing an infinity or NaN: the
    # numbers have overflowed, and the training has diverged.
    with np.errstate(over="ignore", invalid="ignore"):
        for step in range(steps + 1):
            try:
                value = loss.forward(network.forward(inputs), targets)
            except ValueError:
                value = math.inf
            if not math.isfinite(value):
                return NetworkTraining(losses, parameters, diverged_at=step)
            losses.append(value)
            parameters.append(network.parameters())
            if step < steps:
                try:
                    network.backward(loss.backward())
                    network.update(learning_rate)
                except ValueError:
                    return NetworkTraining(losses, parameters, diverged_at=step + 1)
    return NetworkTraining(losses, parameters)


def learn_curve(hidden, learning_rate, steps):
    """Train a network of ``hidden`` units on the book's curve; return its path.

    The network starts from ``initial_parameters(hidden)`` and learns
    ``examples.CURVE_TARGETS`` from ``examples.CURVE_INPUTS`` with
    ``train_network``. This is what chapter 8 and its explorer compute.
    """
    network = TwoLayerNetwork(initial_parameters(hidden))
    return train_network(network, CURVE_INPUTS, CURVE_TARGETS, learning_rate, steps)
