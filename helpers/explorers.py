"""Interactive explorers: sliders that move a figure and its numbers.

One explorer is one output cell that works in two places:

- In Jupyter it is a live ipywidgets panel. Moving a slider calls ``update``,
  which moves only the artists that change (the fixed parts of the figure are
  drawn once and kept as a background), and the panel's image and readout
  are replaced in place.
- In the HTML book no Python runs, so the same output also carries an HTML
  twin: the same drawing code run ahead of time at a grid of slider settings,
  behind an HTML range control that swaps the precomputed frames.

Each explorer below says which numbers it shows; all of them come from the
book's helpers (neuron, optim, layers), never from code of their own.
"""

import base64
import io
import itertools
import json
from dataclasses import dataclass, field
from html import escape

import ipywidgets as widgets
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import TABLEAU_COLORS, to_rgb
from matplotlib.figure import Figure
from PIL import Image

from helpers.examples import (
    LAYER_INPUTS,
    NEURON_BIAS,
    NEURON_INPUTS,
    NEURON_WEIGHTS,
    seed_layer,
)
from helpers.neuron import neuron_backward, relu_derivative
from helpers.optim import descend_neuron, train_layer

_panel_numbers = itertools.count(1)


@dataclass(frozen=True)
class Control:
    """One slider: its range and start in Jupyter, its settings in the HTML twin.

    ``kind`` is "float", "int" or "log" (a learning rate, moved in powers of
    ten). ``html_values`` are the settings the HTML twin precomputes; a
    control without them is held at ``value`` in the twin.
    """

    name: str
    label: str
    low: float
    high: float
    step: float
    value: float
    html_values: tuple = ()
    kind: str = "float"
    fmt: str = "{:.2f}"

    def widget(self):
        common = {"description": self.label, "continuous_update": True,
                  "style": {"description_width": "9em"},
                  "layout": widgets.Layout(width="100%", max_width="36em")}
        if self.kind == "int":
            return widgets.IntSlider(value=self.value, min=self.low, max=self.high,
                                     step=self.step, **common)
        if self.kind == "log":
            return widgets.FloatLogSlider(value=self.value, base=10, min=np.log10(self.low),
                                          max=np.log10(self.high), step=self.step,
                                          readout_format=".1e", **common)
        return widgets.FloatSlider(value=self.value, min=self.low, max=self.high,
                                   step=self.step, readout_format=".2f", **common)


@dataclass
class Readout:
    """What an explorer shows beside its figure: rows of (label, text) for the
    reader, and the raw numbers by name for tests."""

    rows: list = field(default_factory=list)
    numbers: dict = field(default_factory=dict)

    def add(self, label, name, value, fmt="{:.3f}"):
        # + 0.0 turns -0.0 (say 0 * -2) into 0.0, so no "-0.00" is shown.
        self.rows.append((label, fmt.format(value + 0.0)))
        self.numbers[name] = value

    def note(self, label, text):
        self.rows.append((label, text))

    def html(self):
        cells = "".join(f"<tr><th>{escape(label)}</th><td>{escape(text)}</td></tr>"
                        for label, text in self.rows)
        return f'<table class="explorer-readout">{cells}</table>'


class Explorer:
    """The machinery every explorer shares; subclasses say what to draw.

    Subclasses set ``name`` and ``controls`` and define
    ``setup(figure)`` (draw the fixed parts and register the moving artists
    with ``self.moving``) and ``update(values) -> Readout`` (move them).
    """

    name = "explorer"
    controls = ()
    figsize = (7.2, 3.0)

    @property
    def html_note(self):
        """The line under the HTML twin: which settings it holds, counted from the controls."""
        in_twin = [c for c in self.controls if c.html_values]
        held = [c for c in self.controls if not c.html_values]
        settings = int(np.prod([len(c.html_values) for c in in_twin]))
        counts = ", ".join(f"{len(c.html_values)} of {c.label}" for c in in_twin)
        note = f"In this page the sliders step through {settings} precomputed settings ({counts})"
        if held:
            note += ", with " + " and ".join(f"{c.label} = {c.fmt.format(c.value)}" for c in held)
        return note + "; run the notebook to move every slider freely."

    def __init__(self):
        self.figure = Figure(figsize=self.figsize, dpi=100, layout="constrained")
        self.canvas = FigureCanvasAgg(self.figure)
        self._moving = []
        self.setup(self.figure)
        self.canvas.draw()
        # Freeze the layout, so the axes do not jump as the numbers change.
        self.figure.set_layout_engine("none")
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)

        self.sliders = {control.name: control.widget() for control in self.controls}
        self.image = widgets.Image(format="png", layout=widgets.Layout(
            width="100%", max_width=f"{self.canvas.get_width_height()[0]}px"))
        self.readout_panel = widgets.HTML()
        self.panel = widgets.VBox(
            [*self.sliders.values(), self.image, self.readout_panel],
            model_id=f"{self.name}-{next(_panel_numbers)}",
        )
        for slider in self.sliders.values():
            slider.observe(self._on_change, names="value")
        self.render()

    def moving(self, artist):
        """Register an artist that ``update`` changes; it is drawn on every move."""
        artist.set_animated(True)
        self._moving.append(artist)
        return artist

    @property
    def values(self):
        return {name: slider.value for name, slider in self.sliders.items()}

    def _on_change(self, _change):
        self.render()

    def render(self):
        """Redraw the image and readout for the sliders' current values."""
        self.readout = self.update(self.values)
        self.image.value = self.frame_png()
        self.readout_panel.value = self.readout.html()

    def frame_png(self, palette=False):
        """The figure as PNG bytes: the kept background plus the moving artists.

        ``palette=True`` stores it in the fixed ``FRAME_PALETTE`` of 177
        colours, which is plenty for these line drawings and makes the HTML
        twin's frames several times smaller.
        """
        self.canvas.restore_region(self._background)
        for artist in self._moving:
            self.figure.draw_artist(artist)
        image = Image.frombuffer("RGBA", self.canvas.get_width_height(),
                                 self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        out = io.BytesIO()
        if palette:
            indexed = image.convert("RGB").quantize(palette=FRAME_PALETTE,
                                                    dither=Image.Dither.NONE)
            indexed.save(out, format="PNG", optimize=True)
        else:
            # Fast compression: a live frame is shown once and thrown away.
            image.save(out, format="PNG", compress_level=1)
        return out.getvalue()

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.panel._repr_mimebundle_(**kwargs)
        names = ", ".join(control.label for control in self.controls)
        bundle["text/plain"] = f"{type(self).__name__}: move {names} (live when run in Jupyter)"
        bundle["text/html"] = html_twin(self)
        return bundle


def _frame_palette():
    """One palette for every frame, so a line keeps its colour from frame to frame.

    The explorers draw in matplotlib's ten "tab:" colours and in greys on
    white; each of these, in 16 shades fading to white (antialiased edges),
    is plenty. A palette chosen per frame instead let a thin line's colour
    drift from one slider setting to the next.
    """
    bases = [to_rgb(color) for color in TABLEAU_COLORS.values()] + [(0.0, 0.0, 0.0)]
    shades = [(1 - t / 16) * np.array(base) + t / 16 for base in bases for t in range(16)]
    colors = np.round(255 * np.array([*shades, (1.0, 1.0, 1.0)])).astype(np.uint8)
    palette = Image.new("P", (1, 1))
    palette.putpalette(colors.ravel().tolist())
    return palette


FRAME_PALETTE = _frame_palette()


def twin_frames(explorer):
    """Run ``explorer`` at every HTML setting; yield (indices, values, readout, png)."""
    in_twin = [c for c in explorer.controls if c.html_values]
    start = {c.name: c.value for c in explorer.controls}
    for indices in itertools.product(*(range(len(c.html_values)) for c in in_twin)):
        values = dict(start)
        values.update({c.name: c.html_values[i] for c, i in zip(in_twin, indices, strict=True)})
        yield indices, values, explorer.update(values), explorer.frame_png(palette=True)
    explorer.render()


def html_twin(explorer):
    """The kernel-free HTML version of ``explorer``: range inputs over frames."""
    uid = f"{explorer.name}-twin"
    in_twin = [c for c in explorer.controls if c.html_values]
    frames, first = [], None
    start_indices = tuple(int(np.argmin(np.abs(np.array(c.html_values) - c.value)))
                          for c in in_twin)
    for indices, values, readout, png in twin_frames(explorer):
        frames.append({"image": base64.b64encode(png).decode("ascii"),
                       "alt": explorer.describe(values, readout),
                       "readout": readout.html(), "values": values,
                       "numbers": readout.numbers})
        if indices == start_indices:
            first = frames[-1]
    controls = [{"label": c.label, "texts": [c.fmt.format(v) for v in c.html_values]}
                for c in in_twin]
    inputs = "".join(
        f'<label for="{uid}-{c.name}"><span>{escape(c.label)}</span>'
        f'<input type="range" id="{uid}-{c.name}" min="0" max="{len(c.html_values) - 1}" '
        f'step="1" value="{k}" aria-valuetext="{escape(c.fmt.format(c.html_values[k]))}">'
        f'<output>{escape(c.fmt.format(c.html_values[k]))}</output></label>'
        for c, k in zip(in_twin, start_indices, strict=True)
    )
    data = json.dumps({"controls": controls, "frames": frames}, separators=(",", ":"))
    return (
        f'<div class="explorer-twin" id="{uid}">'
        f"<style>{_TWIN_STYLE.replace('UID', uid)}</style>"
        f'<div class="explorer-controls">{inputs}</div>'
        f'<img src="data:image/png;base64,{first["image"]}" alt="{escape(first["alt"])}" '
        f'width="{explorer.canvas.get_width_height()[0]}" style="max-width:100%;height:auto">'
        f'<div class="explorer-numbers" aria-live="polite">{first["readout"]}</div>'
        f'<p class="explorer-note"><em>{escape(explorer.html_note)}</em></p>'
        f'<script type="application/json">{data}</script>'
        f"<script>{_TWIN_SCRIPT.replace('UID', uid)}</script></div>"
    )


_TWIN_STYLE = (
    "#UID label{display:flex;align-items:center;gap:.6em;max-width:36em;margin:.2em 0}"
    "#UID label span{flex:0 0 8em}#UID input{flex:1}#UID output{flex:0 0 4em}"
    "#UID table{border-collapse:collapse;margin:.4em 0;font-size:.9em}"
    "#UID th{text-align:left;font-weight:normal;padding:.1em 1em .1em 0}"
    "#UID td{font-family:monospace;text-align:right}#UID .explorer-note{font-size:.9em}"
)

# Finds the frame for the range inputs' positions (the frames are stored in
# the order itertools.product makes them: the last control moves fastest).
_TWIN_SCRIPT = """(function () {
  var root = document.getElementById("UID");
  var data = JSON.parse(root.querySelector("script[type='application/json']").textContent);
  var inputs = root.querySelectorAll("input[type=range]");
  function show() {
    var index = 0;
    inputs.forEach(function (input, i) {
      var text = data.controls[i].texts[Number(input.value)];
      index = index * data.controls[i].texts.length + Number(input.value);
      input.nextElementSibling.textContent = text;
      input.setAttribute("aria-valuetext", text);
    });
    var frame = data.frames[index];
    var image = root.querySelector("img");
    image.src = "data:image/png;base64," + frame.image;
    image.alt = frame.alt;
    root.querySelector(".explorer-numbers").innerHTML = frame.readout;
  }
  inputs.forEach(function (input) { input.addEventListener("input", show); });
})();"""


NEURON_CONTROLS = (
    Control("w1", "weight w₁", -3, 3, 0.1, 1.0),
    Control("w2", "weight w₂", -3, 3, 0.1, 2.0),
    Control("w3", "weight w₃", -3, 3, 0.1, 3.0, html_values=(-2.0, -1.0, 0.0, 1.0, 2.0, 3.0)),
    Control("b", "bias b", -20, 10, 0.1, 0.3,
            html_values=(-20.0, -15.0, -10.0, -5.0, 0.3, 5.0, 10.0)),
)


def _neuron_arguments(values):
    return NEURON_INPUTS, [values["w1"], values["w2"], values["w3"]], values["b"]


class NeuronExplorer(Explorer):
    """Chapter 1: the neuron x = (1, 2, 3) as its weights and bias move.

    Left, the ReLU curve with the neuron's point (z, y); right, the three
    products x_i * w_i and the bias, the terms that add up to z.
    """

    name = "neuron-explorer"
    controls = NEURON_CONTROLS

    def setup(self, figure):
        relu_axes, terms_axes = figure.subplots(1, 2, width_ratios=(3, 2))
        z = np.linspace(-30, 30, 241)
        relu_axes.plot(z, np.maximum(z, 0), color="tab:blue")
        relu_axes.set(xlim=(-30, 30), ylim=(-3, 30), xlabel="z = x·w + b", ylabel="y = ReLU(z)",
                      title="The neuron on the ReLU curve")
        relu_axes.axhline(0, color="0.8", linewidth=0.8)
        self.point = self.moving(relu_axes.plot([], [], "o", color="tab:red", markersize=8)[0])
        self.label = self.moving(relu_axes.text(-28, 28, "", va="top", color="tab:red"))
        names = ["x₁·w₁", "x₂·w₂", "x₃·w₃", "b", "z"]
        bars = terms_axes.barh(names, np.zeros(5), color=["0.55"] * 4 + ["tab:red"])
        self.bars = [self.moving(bar) for bar in bars]
        terms_axes.axvline(0, color="0.3", linewidth=0.8)
        terms_axes.invert_yaxis()
        terms_axes.set(xlim=(-30, 30), xlabel="value", title="Terms of the sum")

    def update(self, values):
        inputs, weights, bias = _neuron_arguments(values)
        step = neuron_backward(inputs, weights, bias)
        terms = [x * w for x, w in zip(inputs, weights, strict=True)] + [bias, step.z]
        for bar, term in zip(self.bars, terms, strict=True):
            bar.set_width(term)
        self.point.set_data([step.z], [step.y])
        self.label.set_text(f"z = {step.z:.2f}\ny = {step.y:.2f}")
        readout = Readout()
        readout.add("z = x·w + b", "z", step.z, "{:.2f}")
        readout.add("y = ReLU(z)", "y", step.y, "{:.2f}")
        return readout

    def describe(self, values, readout):
        return (f"ReLU curve with the neuron at z = {readout.numbers['z']:.2f}, "
                f"y = {readout.numbers['y']:.2f}, for w₃ = {values['w3']:.1f} "
                f"and b = {values['b']:.1f}; bars show the terms of the sum.")


class GradientExplorer(Explorer):
    """Chapter 3: every gradient of y = ReLU(x·w + b) as the weights and bias move.

    Left, ReLU's local derivative (1 for z > 0, 0 for z <= 0) with the
    neuron's z; right, the chained gradients dy/dw_i, dy/db and dy/dx_i.
    """

    name = "gradient-explorer"
    controls = NEURON_CONTROLS

    def setup(self, figure):
        local_axes, chain_axes = figure.subplots(1, 2, width_ratios=(2, 3))
        local_axes.plot([-30, 0], [0, 0], [0, 30], [1, 1], color="tab:blue")
        # The book's convention at the kink: dReLU/dz is 0 at z = 0 (filled), not 1 (open).
        local_axes.plot([0], [0], "o", color="tab:blue", markersize=5)
        local_axes.plot([0], [1], "o", color="tab:blue", markerfacecolor="white", markersize=5)
        local_axes.set(xlim=(-30, 30), ylim=(-0.2, 1.3), xlabel="z", ylabel="ReLU′(z)",
                       title="Local gradient of ReLU")
        self.point = self.moving(local_axes.plot([], [], "o", color="tab:red", markersize=8)[0])
        names = ["dy/dw₁", "dy/dw₂", "dy/dw₃", "dy/db", "dy/dx₁", "dy/dx₂", "dy/dx₃"]
        bars = chain_axes.bar(names, np.zeros(7), color=["tab:orange"] * 4 + ["tab:green"] * 3)
        self.bars = [self.moving(bar) for bar in bars]
        chain_axes.legend([bars[0], bars[4]], ["weights and bias", "inputs"], loc="lower left",
                          fontsize=8)
        chain_axes.axhline(0, color="0.3", linewidth=0.8)
        chain_axes.set(ylim=(-3.5, 3.5), ylabel="gradient", title="Chained gradients of y")
        chain_axes.tick_params(axis="x", labelsize=8)
        self.warning = self.moving(chain_axes.text(
            3, 2.6, "", ha="center", color="tab:red", fontweight="bold"))

    def update(self, values):
        inputs, weights, bias = _neuron_arguments(values)
        step = neuron_backward(inputs, weights, bias, dvalue=1.0)
        local = relu_derivative(step.z)
        gradients = [*step.dweights, step.dbias, *step.dinputs]
        for bar, gradient in zip(self.bars, gradients, strict=True):
            bar.set_height(gradient)
        self.point.set_data([step.z], [local])
        self.warning.set_text("z ≤ 0: ReLU passes no gradient" if step.z <= 0 else "")
        readout = Readout()
        readout.add("z", "z", step.z, "{:.2f}")
        readout.add("ReLU′(z)", "drelu_dz", local, "{:.0f}")
        for i, dweight in enumerate(step.dweights, 1):
            readout.add(f"dy/dw{i} = ReLU′(z) · x{i}", f"dw{i}", dweight, "{:.2f}")
        readout.add("dy/db = ReLU′(z) · 1", "db", step.dbias, "{:.2f}")
        for i, dinput in enumerate(step.dinputs, 1):
            readout.add(f"dy/dx{i} = ReLU′(z) · w{i}", f"dx{i}", dinput, "{:.2f}")
        return readout

    def describe(self, values, readout):
        state = "every gradient is 0" if readout.numbers["z"] <= 0 else "gradients flow"
        return (f"At z = {readout.numbers['z']:.2f} (w₃ = {values['w3']:.1f}, "
                f"b = {values['b']:.1f}) ReLU's local gradient is "
                f"{readout.numbers['drelu_dz']:.0f}: {state}.")


class DescentExplorer(Explorer):
    """Chapter 4: gradient steps that lower the neuron's output y.

    Left, y after each step at the chosen learning rate; right, the three
    weights' paths. A step that takes z to 0 or below kills the neuron:
    its gradient is 0 from then on and nothing moves.
    """

    name = "descent-explorer"
    controls = (
        Control("learning_rate", "learning rate", 1e-4, 1.0, 0.1, 1e-3,
                html_values=(1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0),
                kind="log", fmt="{:g}"),
        Control("steps", "steps", 0, 50, 1, 20, html_values=(0, 1, 2, 5, 10, 20, 50),
                kind="int", fmt="{:d}"),
    )

    def setup(self, figure):
        output_axes, weight_axes = figure.subplots(1, 2)
        output_axes.set(xlim=(-1, 51), ylim=(-0.7, 15.5), xlabel="step", ylabel="y",
                        title="The output y, step by step")
        output_axes.axhline(0, color="0.8", linewidth=0.8)
        self.output_line = self.moving(output_axes.plot([], [], ".-", color="tab:blue")[0])
        self.death = self.moving(output_axes.axvline(-10, color="tab:red", linestyle=":"))
        self.death_label = self.moving(output_axes.text(
            49, 15, "", ha="right", va="top", color="tab:red"))
        weight_axes.set(xlim=(-1, 51), ylim=(-3.5, 3.5), xlabel="step", ylabel="weight",
                        title="The weights")
        weight_axes.axhline(0, color="0.8", linewidth=0.8)
        self.weight_lines = [
            self.moving(weight_axes.plot([], [], ".-", color=color, label=f"w{i}")[0])
            for i, color in enumerate(["tab:orange", "tab:green", "tab:purple"], 1)
        ]
        weight_axes.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8)

    def update(self, values):
        path = descend_neuron(NEURON_INPUTS, NEURON_WEIGHTS, NEURON_BIAS,
                              values["learning_rate"], int(values["steps"]))
        steps = np.arange(len(path.outputs))
        self.output_line.set_data(steps, path.outputs)
        weights = np.array(path.weights)
        for line, column in zip(self.weight_lines, weights.T, strict=True):
            line.set_data(steps, column)
        dead_at = path.dead_at
        self.death.set_xdata([-10 if dead_at is None else dead_at] * 2)
        self.death_label.set_text("" if dead_at is None else f"z ≤ 0 from step {dead_at}:\n"
                                  "the neuron is dead")
        readout = Readout()
        after = _after_steps(len(path.outputs) - 1)
        readout.add("y before the first step", "y_start", path.outputs[0], "{:.4f}")
        readout.add(f"y {after}", "y", path.outputs[-1], "{:.4f}")
        readout.add(f"z {after}", "z", path.sums[-1], "{:.4f}")
        readout.note("weights", ", ".join(f"{w:.4f}" for w in path.weights[-1]))
        readout.numbers["weights"] = path.weights[-1]
        readout.numbers["dead_at"] = dead_at
        readout.note("state", "still learning" if dead_at is None
                     else f"dead since step {dead_at}: its gradient is 0")
        return readout

    def describe(self, values, readout):
        return _falls("y", readout.numbers["y_start"], readout.numbers["y"], values)


class LayerExplorer(Explorer):
    """Chapter 7: training the seed's dense + ReLU layer on its 3-sample batch.

    Left, the loss L = 1/2 * sum(y**2) after each step; right, each neuron's
    output averaged over the batch.
    """

    name = "layer-explorer"
    controls = (
        Control("learning_rate", "learning rate", 1e-4, 0.1, 0.1, 1e-3,
                html_values=(1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1), kind="log",
                fmt="{:g}"),
        Control("steps", "steps", 0, 100, 1, 40, html_values=(0, 1, 5, 10, 25, 50, 100),
                kind="int", fmt="{:d}"),
    )

    def setup(self, figure):
        loss_axes, neuron_axes = figure.subplots(1, 2)
        before = train_layer(seed_layer(), LAYER_INPUTS, learning_rate=0.0, steps=0)
        top_loss = 1.1 * before.losses[0]
        top_output = 1.1 * float(before.outputs[0].mean(axis=0).max())
        loss_axes.set(xlim=(-2, 102), ylim=(-0.05 * top_loss, top_loss), xlabel="step",
                      ylabel="L = ½·Σ y²", title="The loss, step by step")
        self.loss_line = self.moving(loss_axes.plot([], [], ".-", color="tab:blue")[0])
        neuron_axes.set(xlim=(-2, 102), ylim=(-0.05 * top_output, top_output), xlabel="step",
                        ylabel="mean output over the batch", title="Each neuron's output")
        self.neuron_lines = [
            self.moving(neuron_axes.plot([], [], ".-", color=color, label=f"neuron {i}")[0])
            for i, color in enumerate(["tab:orange", "tab:green", "tab:purple"])
        ]
        neuron_axes.legend(loc="upper right", fontsize=8)

    def update(self, values):
        path = train_layer(seed_layer(), LAYER_INPUTS, values["learning_rate"],
                           int(values["steps"]))
        steps = np.arange(len(path.losses))
        self.loss_line.set_data(steps, path.losses)
        means = np.array([outputs.mean(axis=0) for outputs in path.outputs])
        for line, column in zip(self.neuron_lines, means.T, strict=True):
            line.set_data(steps, column)
        readout = Readout()
        readout.add("loss before training", "loss_start", path.losses[0], "{:.4f}")
        readout.add(f"loss {_after_steps(len(path.losses) - 1)}", "loss", path.losses[-1], "{:.4g}")
        readout.note("mean output of neurons 0, 1, 2", ", ".join(f"{m:.3g}" for m in means[-1]))
        readout.numbers["mean_outputs"] = means[-1].tolist()
        # A neuron can fade towards 0 without reaching it; this count says which are off.
        alive = int(np.count_nonzero(path.outputs[-1] > 0))
        readout.note("outputs above 0", f"{alive} of {path.outputs[-1].size}")
        readout.numbers["outputs_alive"] = alive
        readout.numbers["outputs"] = path.outputs[-1].size
        return readout

    def describe(self, values, readout):
        return (_falls("the loss", readout.numbers["loss_start"], readout.numbers["loss"], values)
                + f" {readout.numbers['outputs_alive']} of the {readout.numbers['outputs']}"
                " outputs are above 0.")


def _after_steps(steps):
    """'after 3 steps', 'after 1 step', or 'with no step taken'."""
    return "with no step taken" if steps == 0 else f"after {steps} step{'s' * (steps != 1)}"


def _falls(what, start, end, values):
    """Alt text for a descent: how far ``what`` fell at these slider settings."""
    steps, rate = int(values["steps"]), f"Learning rate {values['learning_rate']:g}"
    if steps == 0:
        return f"{rate}, no step taken: {what} is {start:.4f}."
    return f"{rate}: {what} falls from {start:.4f} to {end:.4f} {_after_steps(steps)}."
