// The HTML book: bring every explorer on the page to life. Each one arrives
// as a still picture with its spec (see helpers/explorers/base.py); here its
// numbers are computed in the page, at once, after every move.
import { mount } from "./explorer.js";
import { compute } from "./explorer-math.js";

for (const root of document.querySelectorAll(".bp-explorer[data-explorer]")) {
  const spec = JSON.parse(root.querySelector("script.bp-spec").textContent);
  const numbersAt = (values) => compute[spec.name](values, spec.data);
  const view = mount(root, spec, (values) => view.show(numbersAt(values)));
  view.show(numbersAt(view.values));
}
