/* Interview Rebound: the recovery checklist.
 *
 * Keeps each tick in this browser under "interview-rebound:checklist:<checklist id>:<item id>",
 * so adding or reordering items never moves a tick to another line. Adds a Print button and
 * a Start over button (with Undo). Without this script the boxes still tick and print.
 * Needs shared.js first.
 */
(function () {
  "use strict";

  const tools = window.InterviewRebound;
  if (!tools) return;
  const store = tools.store;
  const each = tools.each;

  function setUp(checklist) {
    const prefix = "checklist:" + checklist.getAttribute("data-ir-checklist") + ":";
    const boxes = checklist.querySelectorAll("input[type=checkbox][data-ir-item]");
    const progress = checklist.querySelector("[data-ir-progress]");
    const startOver = checklist.querySelector('[data-ir-action="start-over"]');
    const undo = checklist.querySelector('[data-ir-action="undo"]');
    let cleared = [];

    tools.enhance(checklist, "This browser is not saving ticks, so they will go when you leave the page. " +
      "You can still tick the boxes and print the list.");

    function keyOf(box) {
      return prefix + box.getAttribute("data-ir-item");
    }

    function showProgress() {
      if (!progress) return;
      let ticked = 0;
      each(boxes, function (box) {
        if (box.checked) ticked += 1;
      });
      progress.textContent = "You have ticked " + ticked + " of " + boxes.length + " steps.";
    }

    function restore() {
      if (!store.available) return;
      each(boxes, function (box) {
        box.checked = store.get(keyOf(box)) === "1";
      });
      showProgress();
    }

    function hideUndo() {
      if (undo) undo.hidden = true;
      cleared = [];
    }

    checklist.addEventListener("change", function (event) {
      const box = event.target;
      if (!box.hasAttribute || !box.hasAttribute("data-ir-item")) return;
      if (box.checked) store.set(keyOf(box), "1");
      else store.remove(keyOf(box));
      hideUndo();
      showProgress();
    });

    tools.onAction(checklist, {
      "start-over": function () {
        // Every saved tick of this checklist, also those of items since removed from the list.
        cleared = store.keys(prefix).filter(function (key) {
          return store.get(key) === "1";
        });
        each(boxes, function (box) {
          if (box.checked && cleared.indexOf(keyOf(box)) < 0) cleared.push(keyOf(box));
          box.checked = false;
        });
        cleared.forEach(function (key) {
          store.remove(key);
        });
        showProgress();
        if (cleared.length) {
          tools.announce(checklist, "All ticks cleared. You can start again.");
          if (undo) undo.hidden = false;
        } else {
          tools.announce(checklist, "There were no ticks to clear.");
        }
      },
      undo: function () {
        cleared.forEach(function (key) {
          store.set(key, "1");
          each(boxes, function (box) {
            if (keyOf(box) === key) box.checked = true;
          });
        });
        hideUndo();
        showProgress();
        tools.announce(checklist, "Your ticks are back.");
        if (startOver) startOver.focus();
      }
    });

    store.watch(prefix, restore);

    restore();
    showProgress();
  }

  each(document.querySelectorAll("[data-ir-checklist]"), setUp);
})();
