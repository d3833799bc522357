"""The training explorers: gradient steps on the neuron (chapter 4) and on the
seed's dense + ReLU layer (chapter 7), with the learning rate and the number
of steps on sliders. Every number comes from ``descend_neuron`` or ``train_layer``.
"""

import numpy as np

from helpers.examples import (
    LAYER_BIASES,
    LAYER_INPUTS,
    LAYER_WEIGHTS,
    NEURON_BIAS,
    NEURON_INPUTS,
    NEURON_WEIGHTS,
    seed_layer,
)
from helpers.explorers.base import Control, Explorer
from helpers.explorers.svg import Panel
from helpers.optim import descend_neuron, train_layer

COLORS = ("orange", "green", "purple")
# An output that fades towards 0 reaches rounding noise within 100 steps at the
# larger rates; there the sign of z, a difference of near-equal numbers, is chance.
# Outputs are counted as above 0 from this far-above-noise, far-below-print level.
ALIVE = 1e-9


def _step_axis(last, title, ylabel, ylim, yticks, description, ylog=False):
    ticks = tuple(range(0, last + 1, last // 5))
    return Panel(title, "step", ylabel, (-last / 50, last * 1.02), ylim, ticks, yticks,
                 description=description, ylog=ylog)


class DescentExplorer(Explorer):
    """Chapter 4: y and the weights over gradient steps; a step to z <= 0 kills the neuron."""

    name = "descent"
    controls = (
        Control.rates("learning_rate", "learning rate η", 1e-4, 1.0, 1e-3),
        Control("steps", "steps", 0, 50, 1, 20, kind="int", fmt="d"),
    )
    data = {"inputs": list(NEURON_INPUTS), "weights": list(NEURON_WEIGHTS), "bias": NEURON_BIAS}
    readout = (
        ("y before any step", "{y_start:z.4f}"),
        ("y after the steps", "{y:z.4f}"),
        ("z after the steps", "{z:z.4f}"),
        ("w₁, w₂, w₃ after the steps", "{weights[0]:z.4f}, {weights[1]:z.4f}, {weights[2]:z.4f}"),
        ("the neuron", "dead from step {dead_at:d}: z ≤ 0, so every gradient is 0", "dead_at"),
        ("the neuron", "alive: z > 0 at every step", "!dead_at"),
    )
    status = "y = {y:z.4f} after {steps:d} steps at η = {learning_rate:g}"

    def compute(self, values):
        steps = int(values["steps"])
        path = descend_neuron(NEURON_INPUTS, NEURON_WEIGHTS, NEURON_BIAS,
                              values["learning_rate"], steps)
        weights = np.array(path.weights).T.tolist()
        return {"learning_rate": values["learning_rate"], "steps": steps,
                "outputs": path.outputs, "weight_paths": weights,
                "y_start": path.outputs[0], "y": path.outputs[-1], "z": path.sums[-1],
                "weights": path.weights[-1], "dead_at": path.dead_at}

    def panels(self):
        output = _step_axis(50, "The output y, step by step", "y", (-0.7, 15.5), (0, 5, 10, 15),
                            "y falls from {y_start:z.4f} to {y:z.4f} in {steps:d} steps at "
                            "learning rate {learning_rate:g}.")
        output.zero_line().path("outputs").point("steps", "y", color="blue", radius=4)
        output.vline("dead_at").label("dead from step {dead_at:d}", at=(49, 13.5),
                                      color="red", anchor="end", show="dead_at")
        weights = _step_axis(50, "The weights", "weight", (-3.5, 3.5), (-3, -2, -1, 0, 1, 2, 3),
                             "After {steps:d} steps the weights are w₁ = {weights[0]:z.4f}, "
                             "w₂ = {weights[1]:z.4f}, w₃ = {weights[2]:z.4f}.")
        weights.zero_line()
        for index, color in enumerate(COLORS):
            weights.path(f"weight_paths[{index}]", color=color)
        weights.legend(("w₁", "w₂", "w₃"), COLORS, at=(40, -1.6))
        return [output, weights]


class LayerExplorer(Explorer):
    """Chapter 7: the loss L = ½·Σy² and each neuron's mean output while the seed layer trains."""

    name = "layer"
    controls = (
        Control.rates("learning_rate", "learning rate η", 1e-4, 0.1, 1e-3),
        Control("steps", "steps", 0, 100, 1, 40, kind="int", fmt="d"),
    )
    data = {"inputs": LAYER_INPUTS.tolist(), "weights": LAYER_WEIGHTS.tolist(),
            "biases": LAYER_BIASES.tolist(), "alive": ALIVE}
    readout = (
        ("loss before any step", "{loss_start:z.4f}"),
        ("loss after the steps", "{loss:z.4f}"),
        ("mean output of neurons 0, 1, 2", "{means[0]:z.4f}, {means[1]:z.4f}, {means[2]:z.4f}"),
        ("neurons dead after the first step", "{killed:d} of 3", "killed"),
        ("outputs above 10⁻⁹", "{alive:d} of {outputs_count:d}"),
    )
    status = "loss = {loss:z.4f} after {steps:d} steps at η = {learning_rate:g}"

    def compute(self, values):
        steps = int(values["steps"])
        path = train_layer(seed_layer(), LAYER_INPUTS, values["learning_rate"], steps)
        means = np.array([outputs.mean(axis=0) for outputs in path.outputs])
        last = path.outputs[-1]
        # A neuron whose outputs are all 0 after one step was killed by overshooting;
        # its sums are then well below 0, far from where rounding could decide.
        killed = int(np.all(path.outputs[1] == 0, axis=0).sum()) if steps else None
        return {"learning_rate": values["learning_rate"], "steps": steps,
                "losses": path.losses, "loss_start": path.losses[0], "loss": path.losses[-1],
                "mean_paths": means.T.tolist(), "means": means[-1].tolist(), "killed": killed,
                "alive": int(np.count_nonzero(last > ALIVE)), "outputs_count": int(last.size)}

    def panels(self):
        start = self.compute({"learning_rate": 0.0, "steps": 0})
        # On a log axis a loss that fades (1e-20 after 100 steps at 0.01) and a
        # loss that is exactly 0 (a dead layer, drawn off the bottom) look different.
        loss = _step_axis(100, "The loss, step by step", "L = ½·Σy² (log scale)", (1e-6, 1e3),
                          ((1e-6, "10⁻⁶"), (1e-3, "10⁻³"), (1, "1"), (1e3, "10³")),
                          "The loss goes from {loss_start:z.4f} to {loss:z.4f} in {steps:d} "
                          "steps at learning rate {learning_rate:g}.", ylog=True)
        loss.path("losses").point("steps", "loss", color="blue", radius=4)
        mean_top = np.ceil(max(start["means"])) + 1
        means = _step_axis(100, "Each neuron's mean output", "mean output",
                           (-0.03 * mean_top, mean_top), tuple(range(0, int(mean_top) + 1, 2)),
                           "After {steps:d} steps the neurons' mean outputs are "
                           "{means[0]:z.4f}, {means[1]:z.4f} and {means[2]:z.4f}; {alive:d} of "
                           "{outputs_count:d} outputs are above 10⁻⁹.")
        means.zero_line()
        for index, color in enumerate(COLORS):
            means.path(f"mean_paths[{index}]", color=color)
        means.legend(("neuron 0", "neuron 1", "neuron 2"), COLORS, at=(60, mean_top * 0.9))
        return [loss, means]
