// Marks each box that scrolls sideways with the sides it can still scroll to,
// data-more="left", "right" or "left right", which book.css turns into a fade
// at that edge. Boxes come and go (MathJax typesets after load) and change
// width (a phone turned sideways), so they are looked for again on every change.
(() => {
  "use strict";
  const BOXES = [
    "pre",
    ".pst-scrollable-table-container",
    "div.math mjx-container",
    ".cell_output .output",
  ].join(", ");
  const seen = new WeakSet();

  function mark(box) {
    const more = [];
    if (box.scrollLeft > 1) more.push("left");
    if (box.scrollLeft + box.clientWidth < box.scrollWidth - 1) more.push("right");
    const value = more.join(" ");
    if (value) {
      if (box.dataset.more !== value) box.dataset.more = value;
    } else if ("more" in box.dataset) {
      delete box.dataset.more;
    }
  }

  const resized = new ResizeObserver((entries) => entries.forEach((entry) => mark(entry.target)));

  function watch() {
    for (const box of document.querySelectorAll(BOXES)) {
      if (seen.has(box)) {
        mark(box);
        continue;
      }
      seen.add(box);
      box.addEventListener("scroll", () => mark(box), { passive: true });
      resized.observe(box);
      mark(box);
    }
  }

  let pending = false;
  function soon() {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        watch();
      });
    }
  }

  function start() {
    watch();
    new MutationObserver(soon).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("load", soon);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
