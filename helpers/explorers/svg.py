"""The explorers' charts, drawn once as SVG; the parts that move follow named numbers.

A ``Panel`` is one chart: axes, ticks and labels are drawn when it is built.
Its moving parts (a point, a bar, a curve, a label) name the numbers they
follow instead of holding values (see bindings.py). ``Panel.svg(numbers)``
places them at ``numbers``, for the still picture stored in the notebook; the
page's script (assets/explorer.js) places them again after every slider move.
Coordinates are written with two decimals, by Python here and by the same
rule in the page.
"""

import base64
import math
from html import escape

from helpers.explorers.bindings import fill_template, lookup, shown

#: Colours by role: the still picture uses these; the page's stylesheet
#: repaints each role for the light and dark themes.
COLORS = {"ink": "#222222", "muted": "#767676", "grid": "#d0d0d0", "blue": "#1f77b4",
          "red": "#d62728", "orange": "#e8710a", "green": "#2ca02c", "purple": "#9467bd"}

FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
def _coordinate(value):
    return f"{value:.2f}"


class Scale:
    """Data to SVG units along one axis: ``a * v + b``, or ``a * log10(v) + b``."""

    def __init__(self, limits, pixels, log=False):
        self.log = log
        low, high = (math.log10(v) if log else float(v) for v in limits)
        self.a = (pixels[1] - pixels[0]) / (high - low)
        self.b = pixels[0] - self.a * low
        # Past the chart's edge, every value is drawn just beyond it, where the
        # clip hides it: how far past cannot show, so it is not left to rounding.
        self.edges = (min(pixels) - 20.0, max(pixels) + 20.0)

    def __call__(self, value):
        if self.log:
            value = math.log10(max(value, 1e-300))
        return min(max(self.a * value + self.b, self.edges[0]), self.edges[1])

    def attribute(self):
        kind = "log" if self.log else "linear"
        return f"{kind} {self.a!r} {self.b!r} {self.edges[0]!r} {self.edges[1]!r}"


class Element:
    """One SVG element: fixed attributes, plus bindings from attribute to number name."""

    def __init__(self, tag, attributes, bindings=None, text=""):
        self.tag, self.attributes, self.bindings, self.text = tag, attributes, bindings or {}, text


class Panel:
    """One chart of ``width`` x ``height`` SVG units, sized to fit a phone's column.

    ``xlim``/``ylim`` are the data ranges; ``xticks``/``yticks`` the labelled values
    (labelled with ``tick_format``, or given as (value, label) pairs). ``ylog``
    puts y on a log scale.
    ``description`` is a template for the text that describes the chart.
    """

    def __init__(self, title, xlabel, ylabel, xlim, ylim, xticks=(), yticks=(), *,
                 description="", ylog=False, tick_format="{:g}", width=340, height=240,
                 left=50, bottom=44):
        self.title, self.description = title, description
        self.width, self.height = width, height
        self.box = (left, 30, width - 12, height - bottom)  # x0, y0, x1, y1 of the plot area
        self.x = Scale(xlim, (self.box[0], self.box[2]))
        self.y = Scale(ylim, (self.box[3], self.box[1]), log=ylog)
        self.fixed, self.moving = [], []
        self._axes(xlabel, ylabel, xticks, yticks, tick_format)

    # --- fixed parts -----------------------------------------------------------

    def _axes(self, xlabel, ylabel, xticks, yticks, tick_format):
        x0, y0, x1, y1 = self.box
        def ticks(values):
            # A tick is a value, labelled with tick_format, or a (value, label) pair.
            return [tick if isinstance(tick, tuple) else (tick, tick_format.format(tick))
                    for tick in values]

        for value, text in ticks(xticks):
            x = _coordinate(self.x(value))
            self.fixed.append(Element("line", {"x1": x, "x2": x, "y1": y1, "y2": y1 + 5,
                                               "stroke": COLORS["ink"], "class": "ink"}))
            self._label(self.x(value), y1 + 18, text, "middle", 12)
        for value, text in ticks(yticks):
            y = _coordinate(self.y(value))
            self.fixed.append(Element("line", {"x1": x0 - 5, "x2": x0, "y1": y, "y2": y,
                                               "stroke": COLORS["ink"], "class": "ink"}))
            self._label(x0 - 8, self.y(value) + 4, text, "end", 12)
        self.fixed.append(Element("path", {"d": f"M{x0},{y0}V{y1}H{x1}", "fill": "none",
                                           "stroke": COLORS["ink"], "class": "ink"}))
        self._label((x0 + x1) / 2, y1 + 36, xlabel, "middle", 13)
        self.fixed.append(Element("text", {
            "transform": f"translate(13,{(y0 + y1) / 2}) rotate(-90)", "text-anchor": "middle",
            "font-size": 13, "fill": COLORS["ink"], "class": "ink"}, text=ylabel))
        self._label(x0, 16, self.title, "start", 14, weight="bold")

    def _label(self, x, y, text, anchor, size, weight="normal"):
        label = _text(x, y, text, "ink", anchor, size)
        label.attributes["font-weight"] = weight
        self.fixed.append(label)

    def curve(self, xs, ys, color="blue", width=2, dash=None):
        """A fixed line through the points (xs[i], ys[i])."""
        points = " ".join(f"{_coordinate(self.x(x))},{_coordinate(self.y(y))}"
                          for x, y in zip(xs, ys, strict=True))
        stroke = self._stroke(color, width, dash)
        self.fixed.append(Element("polyline", stroke | {"points": points}))
        return self

    def legend(self, names, colors, at):
        """Each name in its line's colour, one under the other, from data point ``at``."""
        for row, (name, color) in enumerate(zip(names, colors, strict=True)):
            self.fixed.append(_text(self.x(at[0]), self.y(at[1]) + 16 * row, name, color))
        return self

    def dot(self, x, y, color="blue", radius=4, hollow=False):
        """A fixed dot at data coordinates (x, y); ``hollow`` leaves its centre open."""
        self.fixed.append(Element("circle", {
            "cx": _coordinate(self.x(x)), "cy": _coordinate(self.y(y)), "r": radius,
            "fill": "none" if hollow else COLORS[color], "stroke": COLORS[color],
            "stroke-width": 1.5, "class": f"{color} {'hollow' if hollow else 'filled'}"}))
        return self

    def zero_line(self, axis="y"):
        """A light line at 0 across the chart: y = 0 (axis="y") or x = 0 (axis="x")."""
        x0, y0, x1, y1 = self.box
        if axis == "y":
            y = _coordinate(self.y(0))
            ends = {"x1": x0, "x2": x1, "y1": y, "y2": y}
        else:
            x = _coordinate(self.x(0))
            ends = {"x1": x, "x2": x, "y1": y0, "y2": y1}
        self.fixed.append(Element("line", ends | {"stroke": COLORS["grid"], "class": "grid"}))
        return self

    # --- moving parts ----------------------------------------------------------

    def point(self, x, y, color="red", radius=6, show=None):
        """A dot at the numbers named ``x`` and ``y`` (either may be a fixed number)."""
        attributes = {"r": radius, "fill": COLORS[color], "class": f"{color} filled"}
        bindings = {}
        for key, value, scale in (("x", x, self.x), ("y", y, self.y)):
            if isinstance(value, str):
                bindings[f"data-{key}"] = value
            else:
                attributes[f"c{key}"] = _coordinate(scale(value))
        if show:
            bindings["data-show"] = show
        self.moving.append(Element("circle", attributes, bindings))
        return self

    def hbar(self, row, value, color="blue", thickness=18):
        """A horizontal bar at height ``row`` (data units) from x = 0 to the number ``value``."""
        y = _coordinate(self.y(row))
        self.moving.append(Element("line", {
            "x1": _coordinate(self.x(0)), "y1": y, "y2": y, "stroke": COLORS[color],
            "stroke-width": thickness, "class": color}, {"data-x2": value}))
        return self

    def vbar(self, column, value, color="blue", thickness=18):
        """A vertical bar at ``column`` (data units) from y = 0 to the number ``value``."""
        x = _coordinate(self.x(column))
        self.moving.append(Element("line", {
            "x1": x, "x2": x, "y1": _coordinate(self.y(0)), "stroke": COLORS[color],
            "stroke-width": thickness, "class": color}, {"data-y2": value}))
        return self

    def path(self, ys, xs=None, color="blue", width=2, dash=None, show=None):
        """A curve through the list of numbers ``ys`` (against ``xs``, or 0, 1, 2, ...)."""
        bindings = {"data-ys": ys} | ({"data-xs": xs} if xs else {})
        if show:
            bindings["data-show"] = show
        self.moving.append(Element("polyline", self._stroke(color, width, dash), bindings))
        return self

    def vline(self, x, color="red", dash="4 3", show=None):
        """A vertical line across the chart at the number ``x``; hidden while it is None."""
        self.moving.append(Element("line", {
            "y1": self.box[1], "y2": self.box[3]} | self._stroke(color, 1.5, dash),
            {"data-x": x, "data-show": show or x}))
        return self

    def label(self, template, x=None, y=None, at=(0, 0), color="ink", anchor="start",
              size=12, show=None):
        """Text from ``template``; fixed at data point ``at`` unless ``x``/``y`` name numbers."""
        attributes = _text(self.x(at[0]), self.y(at[1]), "", color, anchor, size).attributes
        bindings = {"data-text": template}
        bindings |= {"data-x": x} if x else {}
        bindings |= {"data-y": y} if y else {}
        bindings |= {"data-show": show} if show else {}
        self.moving.append(Element("text", attributes, bindings))
        return self

    @staticmethod
    def _stroke(color, width, dash):
        stroke = {"fill": "none", "stroke": COLORS[color], "stroke-width": width,
                  "stroke-linejoin": "round", "class": color}
        return stroke | ({"stroke-dasharray": dash} if dash else {})

    # --- output ----------------------------------------------------------------

    def place(self, element, numbers):
        """The attributes and text of a moving ``element`` at ``numbers``."""
        attributes, bindings = dict(element.attributes), element.bindings
        if "data-show" in bindings and not shown(numbers, bindings["data-show"]):
            return attributes | {"visibility": "hidden"}, ""
        for name, key in (("data-x", "x"), ("data-y", "y")):
            if name in bindings:
                value = _coordinate((self.x if key == "x" else self.y)(
                    lookup(numbers, bindings[name])))
                targets = {"circle": ["c" + key], "line": [key + "1", key + "2"]}
                for target in targets.get(element.tag, [key]):
                    attributes[target] = value
        if "data-x2" in bindings:
            attributes["x2"] = _coordinate(self.x(lookup(numbers, bindings["data-x2"])))
        if "data-y2" in bindings:
            attributes["y2"] = _coordinate(self.y(lookup(numbers, bindings["data-y2"])))
        if "data-ys" in bindings:
            ys = lookup(numbers, bindings["data-ys"])
            xs = lookup(numbers, bindings["data-xs"]) if "data-xs" in bindings else range(len(ys))
            attributes["points"] = " ".join(f"{_coordinate(self.x(x))},{_coordinate(self.y(y))}"
                                            for x, y in zip(xs, ys, strict=True))
        text = fill_template(bindings["data-text"], numbers) if "data-text" in bindings else ""
        return attributes, text

    def svg(self, numbers, uid="panel", style=""):
        """The chart as SVG markup, its moving parts placed at ``numbers``.

        ``uid`` makes the clip path's id unique in the page; ``style``, if given,
        is a stylesheet kept inside the SVG (for the still picture).
        """
        x0, y0, x1, y1 = self.box
        clip = f"{uid}-clip"
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {self.width} '
                 f'{self.height}" width="{self.width}" height="{self.height}" '
                 f'font-family="{escape(FONT)}" data-x-scale="{self.x.attribute()}" '
                 f'data-y-scale="{self.y.attribute()}" role="img">']
        if style:
            parts.append(f"<style>{style}</style>")
        parts.append(f'<clipPath id="{clip}"><rect x="{x0}" y="{y0 - 6}" width="{x1 - x0 + 6}" '
                     f'height="{y1 - y0 + 6}"/></clipPath>')
        parts += [_markup(element.tag, element.attributes, element.text)
                  for element in self.fixed]
        # Lines and points stay inside the plot area; labels may reach past it.
        clipped = [e for e in self.moving if e.tag != "text"]
        labels = [e for e in self.moving if e.tag == "text"]
        parts.append(f'<g clip-path="url(#{clip})">')
        parts += [self._placed(element, numbers) for element in clipped]
        parts.append("</g>")
        parts += [self._placed(element, numbers) for element in labels]
        parts.append("</svg>")
        return "".join(parts)

    def _placed(self, element, numbers):
        attributes, text = self.place(element, numbers)
        return _markup(element.tag, attributes | element.bindings, text)

    def image(self, numbers, alt):
        """The chart at ``numbers`` as an <img> with the SVG inline, for the still picture."""
        # Inside an <img> the SVG cannot see the page's stylesheet: give it its own,
        # which follows the reader's light or dark preference.
        style = ("@media (prefers-color-scheme: dark){"
                 "text.ink{fill:#e6e6e6}path.ink,line.ink{stroke:#e6e6e6}}")
        data = base64.b64encode(self.svg(numbers, style=style).encode()).decode("ascii")
        return (f'<img src="data:image/svg+xml;base64,{data}" alt="{escape(alt)}" '
                f'width="{self.width}" height="{self.height}" '
                f'style="max-width:100%;height:auto">')


def _text(x, y, text, color="ink", anchor="start", size=12):
    """A text element at SVG coordinates (x, y), in the colour of its role."""
    return Element("text", {"x": _coordinate(x), "y": _coordinate(y), "text-anchor": anchor,
                            "font-size": size, "fill": COLORS[color], "class": color}, text=text)


def _markup(tag, attributes, text=""):
    attrs = "".join(f' {name}="{escape(str(value))}"' for name, value in attributes.items())
    return f"<{tag}{attrs}>{escape(text)}</{tag}>" if text or tag == "text" else f"<{tag}{attrs}/>"
