// The explorers' front-end, one for JupyterLab and the HTML book.
//
// Python draws each chart once, as SVG (helpers/explorers/svg.py); the parts
// that move carry data-* attributes naming the numbers they follow. This
// module builds the sliders and the readout, and after every move places the
// bound parts at the new numbers. Where the numbers come from is the caller's
// business: in JupyterLab (the anywidget below) the kernel computes them with
// helpers; in the book, explorer-math.js computes them in the page.

// --- Numbers as Python's format() prints them --------------------------------

// The exact decimal digits of a finite a >= 0: [integer part, fraction part].
// A double is m * 2^e with whole numbers m and e; for e < 0 that is
// m * 5^-e / 10^-e, whose digits BigInt writes out exactly.
function exactDigits(a) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = biased === 0 ? fraction : fraction | (1n << 52n);
  const e = (biased === 0 ? 1 : biased) - 1075;
  if (e >= 0) return [(m << BigInt(e)).toString(), ""];
  const digits = (m * 5n ** BigInt(-e)).toString().padStart(1 - e, "0");
  return [digits.slice(0, e), digits.slice(e)];
}

// Keep the first `keep` of `digits`, rounding half to even as Python does.
function roundHalfEven(digits, keep) {
  const head = digits.slice(0, keep);
  const rest = digits.slice(keep);
  const last = keep > 0 ? Number(head[keep - 1]) : 0;
  const up = rest[0] > "5" ||
    (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || last % 2 === 1));
  if (!up) return head;
  let out = "";
  let carry = 1;
  for (let i = head.length - 1; i >= 0; i--) {
    const digit = Number(head[i]) + carry;
    out = (digit % 10) + out;
    carry = digit >= 10 ? 1 : 0;
  }
  return carry ? "1" + out : out;
}

function sign(value) {
  return value < 0 || Object.is(value, -0) ? "-" : "";
}

// format(value, ".Nf")
function fixed(value, decimals) {
  const [whole, fraction] = exactDigits(Math.abs(value));
  const digits = roundHalfEven(whole + fraction.padEnd(decimals, "0"), whole.length + decimals);
  const cut = digits.length - decimals;
  const integer = digits.slice(0, cut).replace(/^0+(?=\d)/, "") || "0";
  return sign(value) + integer + (decimals > 0 ? "." + digits.slice(cut) : "");
}

function stripZeros(text) {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

// format(value, ".Ng"): N significant digits, fixed or scientific as Python chooses.
function general(value, precision) {
  const a = Math.abs(value);
  if (a === 0) return sign(value) + "0";
  const [whole, fraction] = exactDigits(a);
  const all = whole + fraction;
  const keep = all.search(/[1-9]/) + precision;
  const rounded = roundHalfEven(all.padEnd(keep, "0"), keep);
  // A carry (9.99 to 10.0) can lengthen the digits or move the first non-zero one.
  const integerLength = whole.length + rounded.length - keep;
  const exponent = integerLength - 1 - rounded.search(/[1-9]/);
  if (exponent >= -4 && exponent < precision) {
    return stripZeros(fixed(value, precision - 1 - exponent));
  }
  const significant = rounded.replace(/^0+/, "").slice(0, precision);
  const mantissa = stripZeros(significant[0] + "." + significant.slice(1));
  const power = String(Math.abs(exponent)).padStart(2, "0");
  return `${sign(value)}${mantissa}e${exponent < 0 ? "-" : "+"}${power}`;
}

// format(value, spec) for the specs the explorers use: "d", "g", ".Nf", ".Ng",
// each optionally led by "z", which prints a negative number that rounds to
// zero as 0 (Python 3.11's "z" option).
export function formatNumber(value, spec) {
  if (spec === "d") return String(value);
  const match = /^(z?)(?:\.(\d+))?([fg])$/.exec(spec);
  if (!match) return String(value);
  const [, z, digits, kind] = match;
  const text = kind === "f" ? fixed(value, Number(digits ?? 6))
                            : general(value, Math.max(Number(digits ?? 6), 1));
  return z && /^-[0.]*$/.test(text.split("e")[0]) ? text.slice(1) : text;
}

// --- Names, templates and visibility, as in svg.py ---------------------------

function lookup(numbers, name) {
  const [, key, index] = /^(\w+)(?:\[(\d+)\])?$/.exec(name);
  return index === undefined ? numbers[key] : numbers[key][Number(index)];
}

export function fillTemplate(template, numbers) {
  return template.replace(/\{([^{}:]+)(?::([^{}]*))?\}/g,
    (_, name, spec) => formatNumber(lookup(numbers, name), spec || ""));
}

function shown(numbers, test) {
  const negate = test.startsWith("!");
  const value = lookup(numbers, test.replace(/^!/, ""));
  return (value !== null && value !== undefined && value !== false) !== negate;
}

// Python's `x + 0.0`: no -0, so nothing prints as -0.00.
function withoutNegativeZero(value) {
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  return typeof value === "number" ? value + 0 : value;
}

// --- Placing a chart's moving parts ------------------------------------------

// "linear a b low high" or "log a b low high": a * v + b (or a * log10(v) + b),
// held between low and high, just past the chart's edges.
function scale(text) {
  const [kind, ...numbers] = text.split(" ");
  const [slope, offset, low, high] = numbers.map(Number);
  return (value) => {
    const v = kind === "log" ? Math.log10(Math.max(value, 1e-300)) : value;
    return fixed(Math.min(Math.max(slope * v + offset, low), high), 2);
  };
}

function place(svg, numbers) {
  const x = scale(svg.dataset.xScale);
  const y = scale(svg.dataset.yScale);
  for (const element of svg.querySelectorAll("[data-x],[data-y],[data-x2],[data-y2]," +
                                               "[data-ys],[data-text],[data-show]")) {
    const bound = element.dataset;
    if (bound.show !== undefined && !shown(numbers, bound.show)) {
      element.setAttribute("visibility", "hidden");
      if (bound.text !== undefined) element.textContent = "";
      continue;
    }
    element.removeAttribute("visibility");
    const tag = element.tagName.toLowerCase();
    for (const [key, position] of [["x", x], ["y", y]]) {
      if (bound[key] === undefined) continue;
      const value = position(lookup(numbers, bound[key]));
      const targets = tag === "circle" ? ["c" + key] : tag === "line" ? [key + "1", key + "2"] : [key];
      for (const target of targets) element.setAttribute(target, value);
    }
    if (bound.x2 !== undefined) element.setAttribute("x2", x(lookup(numbers, bound.x2)));
    if (bound.y2 !== undefined) element.setAttribute("y2", y(lookup(numbers, bound.y2)));
    if (bound.ys !== undefined) {
      const ys = lookup(numbers, bound.ys);
      const xs = bound.xs !== undefined ? lookup(numbers, bound.xs) : ys.map((_, i) => i);
      element.setAttribute("points", ys.map((v, i) => `${x(xs[i])},${y(v)}`).join(" "));
    }
    if (bound.text !== undefined) element.textContent = fillTemplate(bound.text, numbers);
  }
}

// --- The explorer ----------------------------------------------------------------

function make(tag, attributes = {}, text = "") {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.textContent = text;
  return element;
}

function controlValue(control, input) {
  const position = Number(input.value);
  return control.kind === "choice" ? control.choices[position] : position;
}

// Build the explorer into `root` from its spec (see helpers/explorers/base.py).
// `request(values)` is called after every move; the caller answers with
// view.show(numbers), at once (the book) or when the kernel replies (Jupyter).
export function mount(root, spec, request) {
  const values = Object.fromEntries(spec.controls.map((c) => [c.name, c.value]));
  const explorer = make("div", { class: "bp-live" });
  // JupyterLab takes arrow keys to move between cells; on a slider they move the slider.
  const controls = make("div", { class: "bp-controls", "data-lm-suppress-shortcuts": "true" });
  controls.addEventListener("keydown", (event) => event.stopPropagation());
  const uid = `${spec.name}-${Math.random().toString(36).slice(2, 8)}`;
  for (const control of spec.controls) {
    const id = `${uid}-${control.name}`;
    const choice = control.kind === "choice";
    const input = make("input", {
      type: "range", id, min: control.low, max: control.high, step: control.step,
      value: choice ? control.choices.indexOf(control.value) : control.value,
    });
    const output = make("output", { for: id });
    const label = make("label", { for: id }, control.label);
    const row = make("div", { class: "bp-control" });
    row.append(label, input, output);
    controls.append(row);
    const showValue = () => {
      const text = formatNumber(values[control.name], control.fmt);
      output.textContent = text;
      input.setAttribute("aria-valuetext", `${control.label} = ${text}`);
    };
    showValue();
    input.addEventListener("input", () => {
      values[control.name] = controlValue(control, input);
      showValue();
      request({ ...values });
    });
  }
  const panels = make("div", { class: "bp-panels" });
  const charts = spec.panels.map((panel) => {
    const figure = make("figure", { class: "bp-panel" });
    figure.innerHTML = panel.svg;
    panels.append(figure);
    return { svg: figure.querySelector("svg"), description: panel.description };
  });
  const table = make("table", { class: "bp-readout" });
  const rows = spec.readout.map(([label, template, show]) => {
    const row = make("tr");
    const cell = make("td");
    row.append(make("th", { scope: "row" }, label), cell);
    table.append(row);
    return { row, cell, template, show };
  });
  const status = make("p", { class: "bp-status", "aria-live": "polite" });
  explorer.append(controls, panels, table, status);
  root.replaceChildren(explorer);

  const view = {
    values,
    show(numbers) {
      numbers = Object.fromEntries(Object.entries(numbers)
        .map(([name, value]) => [name, withoutNegativeZero(value)]));
      for (const chart of charts) {
        place(chart.svg, numbers);
        chart.svg.setAttribute("aria-label", fillTemplate(chart.description, numbers));
      }
      for (const { row, cell, template, show } of rows) {
        const visible = !show || shown(numbers, show);
        row.hidden = !visible;
        cell.textContent = visible ? fillTemplate(template, numbers) : "";
      }
      status.textContent = fillTemplate(spec.status, numbers);
      // For the tests: what is shown, and at which setting.
      root.explorerState = { values: { ...values }, numbers };
    },
  };
  return view;
}

// JupyterLab: the kernel answers each move with numbers computed by helpers.
// While it works on one move, only the latest of the moves that follow waits,
// so a slider dragged faster than the kernel answers never builds a queue.
function render({ model, el }) {
  let waiting = false;
  let latest = null;
  let sent = JSON.stringify(model.get("values"));
  const send = (values) => {
    if (waiting) {
      latest = values;
      return;
    }
    // The kernel answers a change only; the same values again would wait forever.
    if (JSON.stringify(values) === sent) return;
    sent = JSON.stringify(values);
    waiting = true;
    model.set("values", values);
    model.save_changes();
  };
  const view = mount(el, model.get("spec"), send);
  const update = () => {
    view.show(model.get("numbers"));
    waiting = false;
    if (latest) {
      const values = latest;
      latest = null;
      send(values);
    }
  };
  model.on("change:numbers", update);
  view.show(model.get("numbers"));
  return () => model.off("change:numbers", update);
}

export default { render };
