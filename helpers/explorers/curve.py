"""The curve explorer (chapter 8): two layers learn the zigzag.

The hidden width H, the learning rate and the number of steps are on sliders;
the charts show the fit with each unit's hinge and kink, and the loss step by
step. Every number comes from ``learn_curve`` and ``TwoLayerNetwork``.
"""

from collections import OrderedDict

import numpy as np

from helpers.examples import CURVE_CORNERS, CURVE_INPUTS, CURVE_TARGETS
from helpers.explorers.base import Control, Explorer
from helpers.explorers.svg import Panel
from helpers.network import (
    HIDDEN_MAX,
    LEARNING_RATE_RANGE,
    STEPS_MAX,
    NetworkTraining,
    TwoLayerNetwork,
    initial_parameters,
    learn_curve,
    train_network,
)

#: Where the fit and the hinges are drawn: x from -3.2 to 3.2 in steps of 0.05.
GRID = np.round(np.linspace(-3.2, 3.2, 129), 2).reshape(-1, 1)
#: The loss is drawn at every LOSS_EVERY-th step (the steps slider moves in these).
LOSS_EVERY = 10
X_RANGE, Y_RANGE = (-3.2, 3.2), (-1.4, 2.4)
#: Above this learning rate the steps overshoot and the training magnifies
#: rounding: a difference in the last bit (the order of a sum, NumPy's BLAS
#: against the page's loops) grows until two runs of the same arithmetic part.
#: Measured over every width and all 3000 steps (make bench prints it): at
#: 0.03 and below the page and helpers agree to 1e-12 throughout.
STABLE_RATE = 0.03
KINK_ROW = -1.25  # the height at which the kinks are marked


_PATHS = OrderedDict()  # (hidden, learning_rate) -> the path trained so far
_KEPT = 16


def _training(hidden, learning_rate, steps):
    """The path for one width and rate, at least ``steps`` long unless it diverged.

    The steps slider only picks from a path. A longer one than was trained
    so far continues from its last step: the same arithmetic in the same
    order, so it equals ``learn_curve(hidden, learning_rate, steps)``.
    """
    path = _PATHS.pop((hidden, learning_rate), None)
    if path is None:
        path = learn_curve(hidden, learning_rate, steps)
    elif path.diverged_at is None and len(path.losses) <= steps:
        done = len(path.losses) - 1
        more = train_network(TwoLayerNetwork(path.parameters[-1]), CURVE_INPUTS,
                             CURVE_TARGETS, learning_rate, steps - done)
        diverged_at = None if more.diverged_at is None else done + more.diverged_at
        path = NetworkTraining(path.losses + more.losses[1:],
                               path.parameters + more.parameters[1:], diverged_at)
    _PATHS[hidden, learning_rate] = path
    while len(_PATHS) > _KEPT:
        _PATHS.popitem(last=False)
    return path


def _per_unit(values, hidden):
    """A list of HIDDEN_MAX entries: the first ``hidden`` from ``values``, None after."""
    return [*values, *[None] * (HIDDEN_MAX - hidden)]


class CurveExplorer(Explorer):
    """Chapter 8: the fit, its hinges and the loss while Dense -> ReLU -> Dense trains."""

    name = "curve"
    controls = (
        Control("hidden", "hidden units H", 1, HIDDEN_MAX, 1, HIDDEN_MAX, kind="int", fmt="d"),
        Control.rates("learning_rate", "learning rate η", *LEARNING_RATE_RANGE, 0.03),
        Control("steps", "steps", 0, STEPS_MAX, LOSS_EVERY, STEPS_MAX, kind="int", fmt="d"),
    )
    readout = (
        ("loss before any step", "{loss_start:.4g}"),
        ("loss after the steps", "{loss:.4g}"),
        ("diverged", "at step {diverged_at:d}: the numbers overflowed, training stopped",
         "diverged_at"),
        ("dead hidden units", "{dead:d} of {hidden:d}"),
        ("rounding", "grows at this rate: many steps on, these numbers can differ "
                     "from Jupyter's or another computer's", "chaotic"),
    )
    status = ("loss = {loss:.4g} at step {shown_step:d} of {steps:d}, H = {hidden:d}, "
              "η = {learning_rate:g}")

    @property
    def data(self):
        """What the page needs to train the same network: the samples, the
        starting parameters of the widest network, the grid and the limits."""
        start = initial_parameters(HIDDEN_MAX)
        return {"inputs": CURVE_INPUTS.ravel().tolist(), "targets": CURVE_TARGETS.ravel().tolist(),
                "w1": start.w1.ravel().tolist(), "b1": start.b1.ravel().tolist(),
                "w2": start.w2.ravel().tolist(), "b2": start.b2.ravel().tolist(),
                "grid": GRID.ravel().tolist(), "loss_every": LOSS_EVERY,
                "steps_max": STEPS_MAX, "stable_rate": STABLE_RATE}

    def compute(self, values):
        hidden, steps = int(values["hidden"]), int(values["steps"])
        path = _training(hidden, values["learning_rate"], steps)
        diverged_at = path.diverged_at if path.diverged_at is not None else STEPS_MAX + 1
        shown = min(steps, diverged_at - 1)  # the last step with finite numbers
        network = TwoLayerNetwork(path.parameters[shown])
        dead = network.dead_units(CURVE_INPUTS)
        kinks = [None if not np.isfinite(kink) else float(kink) for kink in network.kinks()]
        return {
            "hidden": hidden, "learning_rate": values["learning_rate"], "steps": steps,
            "shown_step": shown, "grid": GRID.ravel().tolist(),
            "fit": network.forward(GRID).ravel().tolist(),
            "hinges": _per_unit(network.hinges(GRID).T.tolist(), hidden),
            "live_kinks": _per_unit([None if j in dead else k for j, k in enumerate(kinks)],
                                    hidden),
            "dead_kinks": _per_unit([k if j in dead else None for j, k in enumerate(kinks)],
                                    hidden),
            "loss_steps": list(range(0, shown + 1, LOSS_EVERY)),
            "losses": path.losses[0:shown + 1:LOSS_EVERY],
            "loss_start": path.losses[0], "loss": path.losses[shown], "dead": len(dead),
            "diverged_at": path.diverged_at if diverged_at <= steps else None,
            "chaotic": values["learning_rate"] > STABLE_RATE,
        }

    def panels(self):
        fit = Panel("The fit, a sum of hinges", "x", "y", X_RANGE, Y_RANGE,
                    (-3, -2, -1, 0, 1, 2, 3), (-1, 0, 1, 2), height=260,
                    description="With H = {hidden:d} hidden units, after {shown_step:d} steps at "
                                "learning rate {learning_rate:g}, the fit (blue) has a loss of "
                                "{loss:.4g}; {dead:d} units are dead.")
        fit.zero_line()
        fit.curve(CURVE_CORNERS[:, 0], CURVE_CORNERS[:, 1], color="muted", width=1.5, dash="5 4")
        for x, t in zip(CURVE_INPUTS.ravel(), CURVE_TARGETS.ravel(), strict=True):
            fit.dot(x, t, color="muted", radius=2.5)
        for unit in range(HIDDEN_MAX):
            fit.path(f"hinges[{unit}]", "grid", color="orange", width=1,
                     show=f"hinges[{unit}]")
        fit.path("fit", "grid", color="blue", width=2.5)
        for unit in range(HIDDEN_MAX):
            fit.point(f"live_kinks[{unit}]", KINK_ROW, color="red", radius=4,
                      show=f"live_kinks[{unit}]")
            fit.point(f"dead_kinks[{unit}]", KINK_ROW, color="muted", radius=4,
                      show=f"dead_kinks[{unit}]")
        # Above the samples, which stay between -0.6 and 1.1.
        fit.legend(("fit", "hinges", "kinks (dead: grey)"), ("blue", "orange", "red"),
                   at=(-3.1, 2.2))
        loss = Panel("The loss, step by step", "step", "loss (log scale)", (-60, STEPS_MAX * 1.02),
                     (1e-3, 3), tuple(range(0, STEPS_MAX + 1, 1000)),
                     ((1e-3, "0.001"), (1e-2, "0.01"), (1e-1, "0.1"), (1, "1")), ylog=True,
                     description="The loss goes from {loss_start:.4g} at step 0 to {loss:.4g} "
                                 "at step {shown_step:d} of {steps:d}.")
        loss.path("losses", "loss_steps").point("shown_step", "loss", color="blue", radius=4)
        loss.vline("diverged_at").label("diverged at step {diverged_at:d}", at=(STEPS_MAX, 1.5),
                                        color="red", anchor="end", show="diverged_at")
        return [fit, loss]
