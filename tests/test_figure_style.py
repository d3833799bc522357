"""Figures stay legible on a phone: no text under 9 CSS px where a phone shows them.

On a 390 px wide phone the book shows a figure the whole width of the screen,
scaled down from the PNG that Matplotlib saved. A text's size there is its size
in the PNG times 390 over the PNG's width. The notebooks' style (book/matplotlibrc)
and the helpers' figures are checked with what they draw.
"""

from pathlib import Path
from unittest import mock

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

import helpers
from helpers import examples

ROOT = Path(__file__).resolve().parent.parent
STYLE = ROOT / "book" / "matplotlibrc"
SHOWN_WIDTH = 390  # CSS px: the screen's width, which _static/book.css gives a figure
SMALLEST = 9.0  # CSS px


def shown_sizes(figure):
    """(CSS px on a phone, text) for every piece of text the saved PNG shows."""
    canvas = FigureCanvasAgg(figure)
    drawn, draw = [], Text.draw

    def record(text, renderer):
        if text.get_visible() and text.get_text().strip():
            drawn.append(text)
        return draw(text, renderer)

    # Only what is drawn counts: an axis that is switched off keeps its tick labels.
    with mock.patch.object(Text, "draw", record):
        canvas.draw()
    renderer = canvas.get_renderer()
    # The notebooks save with bbox_inches="tight": the PNG is the drawn area.
    scale = SHOWN_WIDTH / figure.get_tightbbox(renderer).width / figure.dpi
    return [(text.get_fontsize() / 72 * figure.dpi * scale, text.get_text())
            for text in dict.fromkeys(drawn)]


def too_small(figure):
    return [(round(size, 1), text) for size, text in shown_sizes(figure) if size < SMALLEST]


@pytest.fixture
def style():
    with matplotlib.rc_context(fname=str(STYLE)):
        yield


def test_a_default_figure_in_the_notebooks_style(style):
    figure = Figure(layout="constrained")
    ax = figure.subplots()
    z = np.linspace(-4, 4, 9)
    ax.plot(z, np.maximum(z, 0), label="y = ReLU(z)")
    ax.annotate("z = 14.3", (1, 1))
    ax.set(xlabel="z", ylabel="y", title="ReLU")
    ax.legend()
    assert too_small(figure) == []


def test_without_the_style_the_ticks_are_too_small():
    """The check can fail: Matplotlib's own 10 pt ticks come out under 9 px."""
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        figure = Figure(layout="constrained")
        figure.subplots().plot([0, 1], [0, 1])
        assert too_small(figure) != []


@pytest.mark.parametrize("draw", [
    lambda: helpers.plots.plot_relu(z_range=(-20, 20), points=[("z = 14.3", 14.3)]),
    lambda: helpers.plots.plot_neuron_graph(examples.NEURON_INPUTS, examples.NEURON_WEIGHTS,
                                            examples.NEURON_BIAS),
    lambda: helpers.plots.plot_matrix(examples.LAYER_WEIGHTS, title="W", xlabel="neuron",
                                      ylabel="input"),
], ids=["plot_relu", "plot_neuron_graph", "plot_matrix"])
def test_the_helpers_figures(style, draw):
    import matplotlib.pyplot as plt

    ax = draw()
    try:
        assert too_small(ax.figure) == []
    finally:
        plt.close(ax.figure)
