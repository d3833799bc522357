"""Print the book's performance figures: `make bench` (python -m scripts.bench).

1. Explorers in Jupyter: the kernel's work per slider move (helpers' numbers,
   serialised as the widget sends them), median and p95.
2. helpers' Dense + ReLU forward + backward against the same NumPy written
   inline, as a ratio: the target is a realistic 64 -> 64 layer at batch
   4096; the seed's 4 -> 3 layer, where the input checks weigh most, is shown
   for information.
3. The book: a clean build, strict nbval over every notebook, each page's
   weight on first load in chromium; in the page, each explorer's time from
   an input event to the redrawn chart (200 moves); and how far the page's
   curve training agrees with helpers' at each learning rate.
4. In JupyterLab, as a learner feels it: a key press on a slider to the
   changed chart, median and p95 over 50 presses.
5. `make test` after set-up, the whole suite.

Figures are printed, not asserted: the tests check behaviour, this measures.
--quick runs parts 1 and 2 only.
"""

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

import helpers
from helpers import explorers
from helpers.explorers.base import learning_rates
from helpers.network import HIDDEN_MAX, LEARNING_RATE_RANGE, STEPS_MAX
from tests.pages import (
    CHROMIUM,
    Visit,
    explorer_cell,
    jupyterlab,
    launch,
    open_lab,
    run_explorer_cell,
    serve,
    show_in_lab,
)

ROOT = Path(__file__).resolve().parent.parent
MOVES = 60


def percentile(samples, q):
    return float(np.percentile(samples, q))


def random_value(control, rng):
    """A value a reader could set the slider to."""
    if control.kind == "choice":
        return control.choices[rng.integers(len(control.choices))]
    positions = round((control.high - control.low) / control.step)
    value = control.low + control.step * int(rng.integers(positions + 1))
    return int(value) if control.kind == "int" else round(value, 10)


def bench_explorers():
    print(f"1. Explorers in Jupyter: the kernel's work per slider move, {MOVES} moves"
          " (helpers' numbers, serialised)")
    print(f"  {'explorer':18} {'median':>9} {'p95':>9}")
    rng = np.random.default_rng(0)
    for cls in explorers.ALL:
        explorer = cls()
        times = []
        for move in range(MOVES):
            control = explorer.controls[move % len(explorer.controls)]
            start = time.perf_counter()
            json.dumps(explorer.move(**{control.name: random_value(control, rng)}))
            times.append(1000 * (time.perf_counter() - start))
        print(f"  {cls.__name__:18} {percentile(times, 50):7.2f}ms {percentile(times, 95):7.2f}ms")


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


def bench_layer_overhead():
    print("\n2. helpers' overhead: Dense + ReLU forward + backward against the same NumPy"
          " inline (target: 1.10 or less at 64 -> 64, batch 4096)")
    print(f"  {'layer':>10} {'batch':>6} {'helpers':>10} {'inline':>10} {'ratio':>6}")
    for (n_inputs, n_neurons), batch, note in (((64, 64), 4096, "the target"),
                                               ((64, 64), 64, ""),
                                               ((4, 3), 4096, "for information"),
                                               ((4, 3), 64, "for information")):
        helper_time, inline_time = layer_timings(batch, n_inputs, n_neurons)
        print(f"  {f'{n_inputs}->{n_neurons}':>10} {batch:>6} {helper_time * 1e6:8.1f}us"
              f" {inline_time * 1e6:8.1f}us {helper_time / inline_time:6.2f}  {note}")


def timed(command, **options):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, **options)
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}")
    return time.perf_counter() - start


# In the page: move random controls of every explorer, timing each move from the
# input event to the redrawn chart laid out (the work a frame must hold).
PAGE_MOVES = """([moves]) => {
  const times = {};
  for (const root of document.querySelectorAll('.bp-explorer')) {
    const inputs = [...root.querySelectorAll('.bp-controls input')];
    times[root.dataset.explorer] = [];
    for (let move = 0; move < moves; move++) {
      const input = inputs[move % inputs.length];
      const positions = Math.round((input.max - input.min) / input.step);
      input.value = Number(input.min) + input.step * Math.floor(Math.random() * (positions + 1));
      const start = performance.now();
      input.dispatchEvent(new Event('input', {bubbles: true}));
      root.querySelector('.bp-panels').getBoundingClientRect();  // forces style and layout
      times[root.dataset.explorer].push(performance.now() - start);
    }
  }
  return times;
}"""

# In the page: train every width at each rate with helpers' algorithm, as the
# curve explorer does, keeping the loss at every step.
PAGE_CURVES = """async ([widths, rates, steps]) => {
  const { compute } = await import('../_static/explorer-math.js');
  // The spec as the page arrived: mounting the explorer replaced its script.
  const arrived = new DOMParser().parseFromString(await (await fetch(location.href)).text(),
                                                  'text/html');
  const data = JSON.parse(arrived.querySelector('.bp-explorer[data-explorer=curve] script')
                          .textContent).data;
  const every = {...data, loss_every: 1};
  return rates.map(rate => widths.map(hidden =>
    compute.curve({hidden, learning_rate: rate, steps}, every).losses));
}"""


def bench_book():
    bin_dir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory() as output:
        build = timed([str(bin_dir / "jupyter-book"), "build", "--all", "--warningiserror",
                       "--path-output", output, "."])
        print(f"\n3. The book: clean build {build:.1f} s")
        nbval = timed([sys.executable, "-m", "pytest", "-q", "-n0", "book"])
        print(f"   strict nbval over every notebook, one worker: {nbval:.1f} s")
        if CHROMIUM is None:
            print("   (chromium is not installed: no figures from the browser)")
            return
        from playwright.sync_api import sync_playwright

        html = Path(output) / "_build" / "html"
        server, url = serve(html)
        with sync_playwright() as playwright:
            browser = launch(playwright)
            page_figures(browser, url, html)
            curve_agreement(browser, url)
            browser.close()
        server.shutdown()


def page_figures(browser, url, html):
    print("   page weight on first load (every response, uncompressed; goal 1.0 MB, at most 1.6):")
    print("   'shared' is the theme, MathJax and the explorer scripts, which every page loads")
    print("   and the browser caches; 'own' is the page's HTML and images.")
    print(f"     {'page':20} {'total':>8} {'shared':>8} {'own':>8}")
    explorer_times = {}
    for page in sorted(html.glob("book/*.html")):
        visit = Visit(browser, url, f"book/{page.name}")
        shared = sum(len(response.body()) for response in visit.responses[:visit.first_load]
                     if "/_static/" in response.url and response.status == 200)
        print(f"     {page.stem:20} {visit.bytes / 1e6:5.2f} MB {shared / 1e6:5.2f} MB "
              f"{(visit.bytes - shared) / 1e6:5.2f} MB")
        explorer_times |= visit.page.evaluate(PAGE_MOVES, [200])
        visit.close()
    print("   explorers in the page: input event to the redrawn chart, 200 moves (goal 16 ms)")
    print(f"     {'explorer':18} {'median':>9} {'p95':>9}")
    for name, times in explorer_times.items():
        print(f"     {name:18} {percentile(times, 50):7.2f}ms {percentile(times, 95):7.2f}ms")


def curve_agreement(browser, url):
    """The first step at which the page's loss parts from helpers' by more than 1e-12."""
    widths, rates = list(range(1, HIDDEN_MAX + 1)), list(learning_rates(*LEARNING_RATE_RANGE))
    visit = Visit(browser, url, "book/08_curve.html")
    page_losses = visit.page.evaluate(PAGE_CURVES, [widths, rates, STEPS_MAX])
    visit.close()
    print(f"   the curve in the page against helpers, all {len(widths)} widths, "
          f"{STEPS_MAX} steps: where a loss first differs by more than 1e-12 relative")
    print(f"     {'rate':>6} {'widths that part':>17} {'earliest':>9} {'largest difference':>19}")
    for rate, by_width in zip(rates, page_losses, strict=True):
        parted, largest = [], 0.0
        for hidden, losses in zip(widths, by_width, strict=True):
            ours = np.array(helpers.learn_curve(hidden, rate, STEPS_MAX).losses)
            count = min(len(ours), len(losses))
            relative = np.abs(ours[:count] - losses[:count]) / np.abs(ours[:count])
            largest = max(largest, float(relative.max()))
            apart = np.flatnonzero(relative > 1e-12)
            if apart.size:
                parted.append(int(apart[0]))
        first = min(parted) if parted else "-"
        print(f"     {rate:>6g} {len(parted):>10} of {len(widths)} {first!s:>9} {largest:19.1e}")


# In JupyterLab: on the page's clock, from each key press on a slider to the
# first change of the charts after it.
LAB_WATCH = """(root, index) => {
  const input = root.querySelectorAll('.bp-controls input')[index];
  window.benchTimes = [];
  window.benchStart = null;
  input.addEventListener('keydown', () => { window.benchStart = performance.now(); },
                         {capture: true});
  new MutationObserver(() => {
    if (window.benchStart === null) return;
    window.benchTimes.push(performance.now() - window.benchStart);
    window.benchStart = null;
  }).observe(root.querySelector('.bp-panels'),
             {subtree: true, attributes: true, characterData: true, childList: true});
  input.focus();
}"""


def bench_jupyterlab():
    if CHROMIUM is None:
        return
    from playwright.sync_api import sync_playwright

    print("\n4. JupyterLab: a key press on a slider to the changed chart, 50 presses"
          " (goal: p95 33 ms)")
    print(f"  {'chapter, slider':32} {'median':>9} {'p95':>9}")
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        work = Path(folder)
        chapters = [notebook for notebook in sorted((ROOT / "book").glob("*.ipynb"))
                    if "bp-explorer" in notebook.read_text(encoding="utf-8")]
        for notebook in chapters:
            shutil.copy(notebook, work)
        with jupyterlab(work) as (base, token):
            browser = launch(playwright)
            _, page = open_lab(browser, base, token, [notebook.name for notebook in chapters])
            for notebook in chapters:
                live = run_explorer_cell(explorer_cell(show_in_lab(page, notebook.name)), page)
                # The first slider; for the curve also its steps, which pick from a
                # path trained once (its width and rate train again).
                for index in [0, 2] if notebook.stem == "08_curve" else [0]:
                    live.evaluate(LAB_WATCH, index)
                    for press in range(50):
                        # Back and forth, so the slider never stays at an end.
                        page.keyboard.press("ArrowRight" if press % 2 else "ArrowLeft")
                        page.wait_for_function(f"window.benchTimes.length > {press}",
                                               timeout=60_000)
                    times = page.evaluate("window.benchTimes")
                    label = live.locator(".bp-controls label").nth(index).inner_text()
                    print(f"  {notebook.stem + ', ' + label:32} {percentile(times, 50):7.1f}ms "
                          f"{percentile(times, 95):7.1f}ms")
            browser.close()


def bench_tests():
    seconds = timed([sys.executable, "-m", "pytest", "-q"])
    print(f"\n5. make test after set-up, the whole suite: {seconds:.0f} s (goal 120 s)")


if __name__ == "__main__":
    bench_explorers()
    bench_layer_overhead()
    if "--quick" not in sys.argv:
        bench_book()
        bench_jupyterlab()
        bench_tests()
