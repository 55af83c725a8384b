// Wide tables scroll sideways on a small screen. Someone using a keyboard can only scroll a
// region that can take focus (WCAG 2.1.1), so each scrolling box that Material puts around a
// table takes focus and has a name while its table is too wide to fit. Without JavaScript,
// Material adds no box and the page still reads and prints.
(function () {
  "use strict";

  function update() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "Table (scrolls sideways)");
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
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
