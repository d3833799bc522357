"""The book's figures, drawn the same way wherever a chapter needs them.

Every function draws on a Matplotlib ``Axes`` (a new one when ``ax`` is None)
and returns it, with labelled axes and a title, so the chapter only adds what
is particular to it.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from helpers.neuron import neuron_backward, relu, relu_derivative


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


_FORWARD_COLOR = "tab:blue"
_GRADIENT_COLOR = "tab:red"


def _number(value):
    # + 0.0 turns -0.0 (a dead ReLU times a negative dvalue) into 0.0.
    return f"{value + 0.0:.4g}"


def plot_neuron_graph(inputs, weights, bias, dvalue=1.0, ax=None):
    """Draw the neuron as a computation graph, with both passes on its edges.

    ``inputs`` and ``weights`` are sequences of the same length n. Nodes: each
    input x_i and weight w_i, the bias b, one multiplication per input, the sum,
    the ReLU and the output y. Above each edge, in blue, the value that flows
    forward along it; below it, in red, the gradient of L with respect to that
    value, flowing back. ``dvalue`` is dL/dy, the gradient that arrives at y
    (1 when L is y itself); under the ReLU node is its local derivative
    ReLU'(z). The numbers come from ``neuron_backward``. Each edge label's
    ``gid`` is ``"forward:NAME"`` or ``"gradient:NAME"``, NAME being ``x1``,
    ``w1``, ``xw1`` (the product), ``b``, ``z`` or ``y``; the ReLU's note is
    ``"local:relu"``.
    """
    # A phone shows the figure 390 CSS px wide, so text of s points on a figure
    # w inches wide is s / 72 * 390 / w px there: 14 pt at 7.2 in is 10.5 px.
    ax = _axes(ax, figsize=(7.2, 4.4))
    step = neuron_backward(inputs, weights, bias, dvalue)
    x = [float(value) for value in np.asarray(inputs, dtype=float)]
    w = [float(value) for value in np.asarray(weights, dtype=float)]
    n = len(x)
    # Columns left to right. The leaves x1, w1, x2, w2, ..., b sit in the first
    # column, one unit apart; each leaf's edge runs level to its node's column and
    # then turns into the node, so its two labels have a whole unit of room.
    leaf_x, mul_x, sum_x, relu_x, out_x = 0.0, 2.6, 5.4, 7.4, 9.2
    label_x = (leaf_x + mul_x) / 2
    x_rows = [2.0 * (n - i) for i in range(n)]
    mul_rows = [row - 0.5 for row in x_rows]
    b_row = 0.0
    sum_row = sum(mul_rows) / n

    def node(x_pos, y_pos, label, shape):
        style = {"leaf": dict(boxstyle="round,pad=0.35", fc="0.93", ec="0.4"),
                 "op": dict(boxstyle="circle,pad=0.3", fc="white", ec="0.2"),
                 "relu": dict(boxstyle="round,pad=0.4", fc="white", ec="0.2")}[shape]
        return ax.text(x_pos, y_pos, label, ha="center", va="center", fontsize=16,
                       bbox=style, zorder=3)

    def edge(start, end, name, forward, gradient):
        (x0, y0), (x1, y1) = start.get_position(), end.get_position()
        if start.get_position()[0] == leaf_x:
            # Level first, then a right angle into the node.
            connection, mid = "angle,angleA=0,angleB=90,rad=0", (label_x, y0)
        else:
            connection, mid = "arc3", ((x0 + x1) / 2, (y0 + y1) / 2)
        ax.annotate("", xy=(x1, y1), xytext=(x0, y0), zorder=1,
                    arrowprops=dict(arrowstyle="-|>", color="0.35", lw=1.2,
                                    connectionstyle=connection, shrinkA=2, shrinkB=2,
                                    patchA=start.get_bbox_patch(), patchB=end.get_bbox_patch()))
        # Above a falling edge a label starts at the midpoint and below it ends there
        # (the reverse on a rising edge), so neither label sits on the line.
        slope = 0.0 if mid[1] == y0 else (y1 - y0) / (x1 - x0)
        above, below = (("center", "center") if slope == 0 else
                        ("left", "right") if slope < 0 else ("right", "left"))
        for number, color, align, offset, va, kind in (
                (forward, _FORWARD_COLOR, above, 4, "bottom", "forward"),
                (gradient, _GRADIENT_COLOR, below, -4, "top", "gradient")):
            ax.annotate(_number(number), mid, xytext=(0, offset), textcoords="offset points",
                        ha=align, va=va, color=color, fontsize=14, fontweight="bold",
                        gid=f"{kind}:{name}", zorder=2)

    sum_node = node(sum_x, sum_row, "+", "op")
    for i in range(n):
        x_node = node(leaf_x, x_rows[i], f"x{_subscript(i + 1)}", "leaf")
        w_node = node(leaf_x, x_rows[i] - 1, f"w{_subscript(i + 1)}", "leaf")
        mul_node = node(mul_x, mul_rows[i], "×", "op")
        edge(x_node, mul_node, f"x{i + 1}", x[i], step.dinputs[i])
        edge(w_node, mul_node, f"w{i + 1}", w[i], step.dweights[i])
        # The sum's local derivative is 1: each product gets dL/dz unchanged.
        edge(mul_node, sum_node, f"xw{i + 1}", x[i] * w[i], step.drelu_dz)
    edge(node(leaf_x, b_row, "b", "leaf"), sum_node, "b", bias, step.dbias)
    relu_node = node(relu_x, sum_row, "ReLU", "relu")
    edge(sum_node, relu_node, "z", step.z, step.drelu_dz)
    # The one local derivative that can stop the flow: ReLU'(z) is 0 for z <= 0.
    ax.annotate(f"ReLU′(z) = {relu_derivative(step.z):g}", (relu_x, sum_row), xytext=(0, -24),
                textcoords="offset points", ha="center", va="top", fontsize=14, color="0.3",
                gid="local:relu")
    edge(relu_node, node(out_x, sum_row, "y", "leaf"), "y", step.y, step.dvalue)

    ax.set_xlim(leaf_x - 0.5, out_x + 0.5)
    ax.set_ylim(b_row - 0.6, x_rows[0] + 0.5)
    ax.set_axis_off()
    handles = [Line2D([], [], color=_FORWARD_COLOR, marker="s", linestyle="",
                      label="forward: the value, above an edge"),
               Line2D([], [], color=_GRADIENT_COLOR, marker="s", linestyle="",
                      label=r"backward: $\partial L\,/\,\partial$value, below")]
    ax.legend(handles=handles, loc="upper right", fontsize=14)
    ax.set_title("One ReLU neuron as a computation graph", fontsize=15)
    return ax


def _subscript(number):
    return str(number).translate(str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉"))


def plot_matrix(values, title="", xlabel="", ylabel="", outlined=(), cmap="RdBu", ax=None):
    """Draw a small matrix (rows, columns) as a heatmap with each number in its cell.

    Colours are centred on 0 and pale, so the numbers stay readable and zeros
    are white; each (row, column) in ``outlined`` gets an orange box.
    """
    values = np.asarray(values, dtype=float)
    ax = _axes(ax)
    limit = 2 * max(np.abs(values).max(), 1e-12)
    ax.imshow(values, cmap=cmap, vmin=-limit, vmax=limit, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        ax.text(column, row, f"{value:g}", ha="center", va="center", size="medium")
    for row, column in outlined:
        ax.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, fill=False,
                               edgecolor="tab:orange", linewidth=2.5))
    ax.set(xticks=range(values.shape[1]), yticks=range(values.shape[0]))
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return ax
