"""The one-neuron explorers: its output (chapter 1) and its gradients (chapter 3).

Both move the weights and bias of the book's neuron, x = (1, 2, 3), and take
every number they show from ``neuron_backward``.
"""

from helpers.examples import NEURON_BIAS, NEURON_INPUTS, NEURON_WEIGHTS
from helpers.explorers.base import Control, Explorer
from helpers.explorers.svg import Panel
from helpers.neuron import neuron_backward, relu_derivative

NEURON_CONTROLS = (
    Control("w1", "weight w₁", -3, 3, 0.1, NEURON_WEIGHTS[0]),
    Control("w2", "weight w₂", -3, 3, 0.1, NEURON_WEIGHTS[1]),
    Control("w3", "weight w₃", -3, 3, 0.1, NEURON_WEIGHTS[2]),
    Control("b", "bias b", -20, 10, 0.1, NEURON_BIAS),
)
# z runs from 1·(-3) + 2·(-3) + 3·(-3) - 20 = -38 to 18 + 10 = 28.
Z_RANGE = (-40, 30)
Z_TICKS = (-40, -20, 0, 20)
NEURON_DATA = {"inputs": list(NEURON_INPUTS)}


def _gradients(values):
    weights = [values["w1"], values["w2"], values["w3"]]
    return neuron_backward(NEURON_INPUTS, weights, values["b"], dvalue=1.0)


class NeuronExplorer(Explorer):
    """Chapter 1: the neuron's point on the ReLU curve, and the terms that add up to z."""

    name = "neuron"
    controls = NEURON_CONTROLS
    data = NEURON_DATA
    readout = (
        ("x₁·w₁", "{products[0]:.2f}"),
        ("x₂·w₂", "{products[1]:.2f}"),
        ("x₃·w₃", "{products[2]:.2f}"),
        ("b", "{b:.2f}"),
        ("z = x₁·w₁ + x₂·w₂ + x₃·w₃ + b", "{z:.2f}"),
        ("y = ReLU(z)", "{y:.2f}"),
    )
    status = "z = {z:.2f}, y = {y:.2f}"

    def compute(self, values):
        step = _gradients(values)
        return {"products": step.products, "b": values["b"], "z": step.z, "y": step.y}

    def panels(self):
        curve = Panel("The neuron on the ReLU curve", "z", "y = ReLU(z)", Z_RANGE, (-3, 30),
                      Z_TICKS, (0, 10, 20, 30),
                      description="The ReLU curve, with the neuron at z = {z:.2f}, "
                                  "y = {y:.2f}.")
        curve.zero_line().curve((Z_RANGE[0], 0, Z_RANGE[1]), (0, 0, Z_RANGE[1]))
        curve.point("z", "y").label("z = {z:.2f}, y = {y:.2f}", at=(-38, 26), color="red")
        names = ("x₁·w₁", "x₂·w₂", "x₃·w₃", "b", "z")
        terms = Panel("The terms of the sum", "value", "", Z_RANGE, (4.6, -0.6), Z_TICKS,
                      tuple(enumerate(names)),
                      description="Bars for the terms x₁·w₁ = {products[0]:.2f}, x₂·w₂ = "
                                  "{products[1]:.2f}, x₃·w₃ = {products[2]:.2f} and "
                                  "b = {b:.2f}, which add up to z = {z:.2f}.")
        terms.zero_line("x")
        for row, value in enumerate(("products[0]", "products[1]", "products[2]", "b")):
            terms.hbar(row, value, color="muted")
        terms.hbar(4, "z", color="red")
        return [curve, terms]


class GradientExplorer(Explorer):
    """Chapter 3: ReLU's local gradient at z, and every gradient of y it lets through."""

    name = "gradient"
    controls = NEURON_CONTROLS
    data = NEURON_DATA
    readout = (
        ("z", "{z:.2f}"),
        ("ReLU′(z)", "{relu_slope:.2f}"),
        *((f"∂y/∂w{s} = ReLU′(z)·x{s}", f"{{dweights[{i}]:.2f}}") for i, s in enumerate("₁₂₃")),
        ("∂y/∂b = ReLU′(z)·1", "{dbias:.2f}"),
        *((f"∂y/∂x{s} = ReLU′(z)·w{s}", f"{{dinputs[{i}]:.2f}}") for i, s in enumerate("₁₂₃")),
    )
    status = "z = {z:.2f}, ReLU′(z) = {relu_slope:.2f}"

    def compute(self, values):
        step = _gradients(values)
        return {"z": step.z, "relu_slope": relu_derivative(step.z), "dweights": step.dweights,
                "dbias": step.dbias, "dinputs": step.dinputs, "dead": step.z <= 0}

    def panels(self):
        local = Panel("ReLU's local gradient", "z", "ReLU′(z)", Z_RANGE, (-0.2, 1.3), Z_TICKS,
                      (0, 0.5, 1),
                      description="ReLU′(z) is 0 for z ≤ 0 and 1 for z > 0; at the neuron's "
                                  "z = {z:.2f} it is {relu_slope:.2f}.")
        local.curve((Z_RANGE[0], 0), (0, 0)).curve((0, Z_RANGE[1]), (1, 1))
        # The book's convention at the kink: ReLU'(0) = 0 (filled dot), not 1 (open dot).
        local.dot(0, 0).dot(0, 1, hollow=True)
        local.point("z", "relu_slope")
        names = ("w₁", "w₂", "w₃", "b", "x₁", "x₂", "x₃")
        chain = Panel("Chained gradients of y", "∂y/∂ of each", "gradient", (-0.6, 6.6),
                      (-3.5, 3.5), tuple(enumerate(names)), (-3, -2, -1, 0, 1, 2, 3),
                      description="The gradients of y: ∂y/∂w = ({dweights[0]:.2f}, "
                                  "{dweights[1]:.2f}, {dweights[2]:.2f}), ∂y/∂b = {dbias:.2f}, "
                                  "∂y/∂x = ({dinputs[0]:.2f}, {dinputs[1]:.2f}, "
                                  "{dinputs[2]:.2f}).")
        chain.zero_line()
        for column, value in enumerate(("dweights[0]", "dweights[1]", "dweights[2]", "dbias")):
            chain.vbar(column, value, color="orange", thickness=22)
        for column, value in enumerate(("dinputs[0]", "dinputs[1]", "dinputs[2]"), 4):
            chain.vbar(column, value, color="green", thickness=22)
        chain.label("z ≤ 0: ReLU passes no gradient", at=(3, 2.6), color="red",
                    anchor="middle", size=13, show="dead")
        return [local, chain]
