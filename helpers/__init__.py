"""The forward and backward code of the book, one module per idea.

examples   the running examples: the seed's neuron and layer, chapter 8's curve
neuron     one ReLU neuron on plain floats (chapters 1 to 4)
layers     Dense and ReLU on batches (chapters 5 to 7)
optim      plain gradient descent
losses     the mean squared error, a loss with targets (chapter 8)
network    Dense -> ReLU -> Dense, learning a curve (chapter 8)
gradcheck  finite differences, to check every derivation
plots      the book's figures
explorers  sliders that work live in Jupyter and in the HTML book
"""

import importlib

from helpers import examples
from helpers.gradcheck import numerical_gradient, relative_error
from helpers.layers import Dense, ReLU
from helpers.losses import MeanSquaredError
from helpers.network import (
    NetworkParameters,
    NetworkTraining,
    TwoLayerNetwork,
    initial_parameters,
    learn_curve,
    train_network,
)
from helpers.neuron import (
    NeuronGradients,
    neuron_backward,
    neuron_forward,
    neuron_sum,
    relu,
    relu_derivative,
)
from helpers.optim import (
    LayerTraining,
    NeuronDescent,
    descend_neuron,
    half_sum_of_squares,
    sgd_step,
    sgd_update,
    train_layer,
)

__all__ = [
    "Dense",
    "LayerTraining",
    "MeanSquaredError",
    "NetworkParameters",
    "NetworkTraining",
    "NeuronDescent",
    "NeuronGradients",
    "ReLU",
    "TwoLayerNetwork",
    "descend_neuron",
    "examples",
    "half_sum_of_squares",
    "initial_parameters",
    "learn_curve",
    "neuron_backward",
    "neuron_forward",
    "neuron_sum",
    "plots",
    "numerical_gradient",
    "relative_error",
    "relu",
    "relu_derivative",
    "sgd_step",
    "sgd_update",
    "train_layer",
    "train_network",
]


def __getattr__(name):
    # plots and explorers import matplotlib and the widget machinery (most of
    # a second); they load on first use, so `import helpers` stays light.
    if name in ("plots", "explorers"):
        return importlib.import_module(f"helpers.{name}")
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")
