"""The forward and backward code of the book, one module per idea.

examples   the seed's running examples: one neuron, one layer and its batch
neuron     one ReLU neuron on plain floats (chapters 1 to 4)
layers     Dense and ReLU on batches (chapters 5 to 7)
optim      plain gradient descent
gradcheck  finite differences, to check every derivation
plots      the book's figures
explorers  sliders that work live in Jupyter and in the HTML book
"""

from helpers import examples, plots
from helpers.gradcheck import numerical_gradient, relative_error
from helpers.layers import Dense, ReLU
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
    "NeuronDescent",
    "NeuronGradients",
    "ReLU",
    "descend_neuron",
    "examples",
    "half_sum_of_squares",
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
]
