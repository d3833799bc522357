"""Print the book's performance figures: `make bench`.

1. Each explorer's kernel-side update in Jupyter: median and p95 over many
   slider moves (helpers' numbers, serialised as the widget sends them).
2. helpers' Dense + ReLU forward + backward against the same NumPy expressions
   written inline, at batch 64 and 4096, as a ratio.
3. A clean book build, a full strict nbval run, and each chapter's page
   weight on first load in chromium.

Figures are printed, not asserted: the tests check behaviour, this measures.
Pass --quick to skip part 3.
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import helpers
from helpers import explorers

ROOT = Path(__file__).resolve().parent.parent
MOVES = 60


def percentile(samples, q):
    return float(np.percentile(samples, q)) * 1000


def random_moves(explorer, rng, count):
    """(slider name, value) pairs spread over every control's range."""
    moves = []
    for index in range(count):
        control = explorer.controls[index % len(explorer.controls)]
        if control.kind == "choice":
            value = control.choices[rng.integers(len(control.choices))]
        elif control.kind == "int":
            value = int(rng.integers(control.low, control.high + 1))
        else:
            value = round(float(rng.uniform(control.low, control.high)), 1)
        moves.append((control.name, value))
    return moves


def bench_explorers():
    """What the kernel does per slider move in Jupyter: helpers' numbers, as JSON."""
    print(f"Explorers in Jupyter: kernel-side update over {MOVES} slider moves"
          " (helpers' numbers, serialised)")
    print(f"  {'explorer':18} {'median':>8} {'p95':>8}")
    rng = np.random.default_rng(0)
    for cls in explorers.ALL:
        explorer = cls()
        times = []
        for name, value in random_moves(explorer, rng, MOVES):
            start = time.perf_counter()
            json.dumps(explorer.move(**{name: value}))
            times.append(time.perf_counter() - start)
        print(f"  {cls.__name__:18} {percentile(times, 50):6.2f}ms {percentile(times, 95):6.2f}ms")


def layer_timings(batch, n_inputs, n_neurons, rounds=41):
    """Median seconds per forward + backward: (helpers, inline NumPy)."""
    rng = np.random.default_rng(0)
    inputs = rng.standard_normal((batch, n_inputs))
    weights = 0.5 * rng.standard_normal((n_inputs, n_neurons))
    biases = 0.1 * rng.standard_normal((1, n_neurons))
    upstream = rng.standard_normal((batch, n_neurons))
    dense = helpers.Dense(n_inputs, n_neurons, weights=weights, biases=biases)
    relu = helpers.ReLU()

    def with_helpers():
        relu.forward(dense.forward(inputs))
        dense.backward(relu.backward(upstream))

    def inline():
        layer_outputs = np.dot(inputs, weights) + biases
        np.maximum(0, layer_outputs)
        drelu = upstream.copy()
        drelu[layer_outputs <= 0] = 0
        np.dot(inputs.T, drelu)
        np.sum(drelu, axis=0, keepdims=True)
        np.dot(drelu, weights.T)

    calls = 20_000 // int(np.sqrt(batch))
    timings = {with_helpers: [], inline: []}
    for _ in range(rounds):  # interleaved, so both see the same machine
        for function, samples in timings.items():
            start = time.perf_counter()
            for _ in range(calls):
                function()
            samples.append((time.perf_counter() - start) / calls)
    return tuple(statistics.median(samples) for samples in timings.values())


def bench_layer_overhead(shapes=((4, 3), (64, 64))):
    """The seed's layer (4 inputs, 3 neurons), where the input checks weigh most,
    and a wider one, where the matrix products do."""
    print("\nhelpers overhead: Dense + ReLU forward + backward against the same NumPy inline")
    print(f"  {'layer':>10} {'batch':>6} {'helpers':>10} {'inline':>10} {'ratio':>6}")
    for n_inputs, n_neurons in shapes:
        for batch in (64, 4096):
            helper_time, inline_time = layer_timings(batch, n_inputs, n_neurons)
            print(f"  {f'{n_inputs}->{n_neurons}':>10} {batch:>6} {helper_time * 1e6:8.1f}us"
                  f" {inline_time * 1e6:8.1f}us {helper_time / inline_time:6.2f}")


def timed(command):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.perf_counter() - start


def bench_book():
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as output:
        build = timed([str(bin_dir / "jupyter-book"), "build", "--all", "--warningiserror",
                       "--path-output", output, "."])
        print(f"\nBook: clean build {build:.1f} s")
        nbval = timed([sys.executable, "-m", "pytest", "-q", "book"])
        print(f"      strict nbval over every notebook {nbval:.1f} s")
        page_weights(Path(output) / "_build" / "html")


# In the page: move random controls of every explorer, timing each move from the
# input event to the redrawn chart laid out (the work a frame must hold).
PAGE_MOVES = """([moves]) => {
  const times = {};
  for (const root of document.querySelectorAll('.bp-explorer')) {
    const inputs = [...root.querySelectorAll('.bp-controls input')];
    const name = root.dataset.explorer;
    times[name] = [];
    for (let move = 0; move < moves; move++) {
      const input = inputs[move % inputs.length];
      const positions = Math.round((input.max - input.min) / input.step);
      input.value = Number(input.min) + input.step * Math.floor(Math.random() * (positions + 1));
      const start = performance.now();
      input.dispatchEvent(new Event('input', {bubbles: true}));
      root.querySelector('.bp-panels').getBoundingClientRect();  // forces style and layout
      times[name].push(performance.now() - start);
    }
  }
  return times;
}"""


def page_weights(html):
    sys.path.insert(0, str(ROOT / "tests"))
    from pages import CHROMIUM, Visit, launch, serve
    from playwright.sync_api import sync_playwright

    if CHROMIUM is None:
        print("      page weight: skipped, chromium is not installed")
        return
    server, url = serve(html)
    print("      page weight on first load (every request, uncompressed):")
    explorer_times = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for page in sorted(html.glob("book/*.html")):
            visit = Visit(browser, url, f"book/{page.name}")
            print(f"        {page.stem:20} {visit.bytes / 1e6:5.2f} MB")
            explorer_times |= visit.page.evaluate(PAGE_MOVES, [200])
            visit.close()
        browser.close()
    server.shutdown()
    print("\nExplorers in the book (chromium): input event to the redrawn chart, 200 moves")
    print(f"  {'explorer':18} {'median':>8} {'p95':>8}")
    for name, times in explorer_times.items():
        print(f"  {name:18} {np.percentile(times, 50):6.2f}ms {np.percentile(times, 95):6.2f}ms")


if __name__ == "__main__":
    bench_explorers()
    bench_layer_overhead()
    if "--quick" not in sys.argv:
        bench_book()
