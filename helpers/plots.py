"""The book's figures, drawn the same way wherever a chapter needs them.

Every function draws on a Matplotlib ``Axes`` (a new one when ``ax`` is None)
and returns it, with labelled axes and a title, so the chapter only adds what
is particular to it.
"""

import matplotlib.pyplot as plt
import numpy as np

from helpers.neuron import relu


def _axes(ax, figsize=(6.4, 3.6)):
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def plot_relu(z_range=(-4.0, 4.0), points=(), ax=None):
    """Draw y = ReLU(z) over ``z_range``; mark each (label, z) in ``points``."""
    ax = _axes(ax)
    z = np.linspace(*z_range, 401)
    ax.plot(z, np.maximum(z, 0), color="tab:blue", label="y = ReLU(z)")
    ax.axhline(0, color="0.7", linewidth=0.8)
    ax.axvline(0, color="0.7", linewidth=0.8)
    for label, z_value in points:
        ax.plot([z_value], [relu(z_value)], "o", color="tab:red")
        ax.annotate(label, (z_value, relu(z_value)), textcoords="offset points",
                    xytext=(-8, 8), ha="right")
    ax.set(xlabel="z, the weighted sum plus bias", ylabel="y = ReLU(z)", title="ReLU")
    ax.legend(loc="upper left")
    return ax
