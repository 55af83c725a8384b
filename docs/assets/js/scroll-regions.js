// Wide tables and code blocks scroll sideways on a small screen. Someone using a keyboard can only
// scroll a box that can take focus (WCAG 2.1.1), so each such box takes focus while its content is
// too wide to fit. Material does this for code blocks only on devices that can hover, so a touch
// screen with a keyboard got none; this script does it on every device.
// A table's box also becomes a named region. Each region's name is its own (the nearest heading
// above it), so a screen reader's list of regions tells them apart. Without JavaScript, Material
// adds no box and the page still reads and prints.
(function () {
  "use strict";

  const HEADINGS = "h1, h2, h3, h4, h5, h6";

  // The text of the last heading before the element, in page order.
  function headingBefore(element) {
    let found = "";
    document.querySelectorAll(HEADINGS).forEach(function (heading) {
      if (heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = heading.textContent.replace(/\s+/g, " ").trim();
      }
    });
    return found;
  }

  function update() {
    const used = new Map();
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        const under = headingBefore(box);
        let name = under ? "Table: " + under : "Table";
        const count = (used.get(name) || 0) + 1;
        used.set(name, count);
        if (count > 1) name += " (" + count + ")";
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", name + ", scrolls sideways");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
    document.querySelectorAll("pre > code").forEach(function (code) {
      if (code.scrollWidth > code.clientWidth) {
        code.setAttribute("tabindex", "0");
      } else if (!window.matchMedia("(hover)").matches) {
        code.removeAttribute("tabindex");
      }
    });
  }

  // Material wraps the tables when each page loads; document$ tells us when it has.
  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(update);
  } else {
    document.addEventListener("DOMContentLoaded", update);
  }
  window.addEventListener("resize", update);
})();
