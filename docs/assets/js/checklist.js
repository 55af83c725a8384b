/* Interview Rebound: the recovery checklist.
 *
 * Keeps each tick in this browser under "interview-rebound:checklist:<checklist id>:<item id>",
 * so adding or reordering items never moves a tick to another line. Adds a Print button and
 * a Start over button (with Undo). Without this script the boxes still tick and print.
 */
(function () {
  "use strict";

  var tools = window.InterviewRebound;
  if (!tools || !tools.store) return;
  var store = tools.store;

  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  function setUp(checklist) {
    var prefix = "checklist:" + checklist.getAttribute("data-ir-checklist") + ":";
    var boxes = checklist.querySelectorAll("input[type=checkbox][data-ir-item]");
    var progress = checklist.querySelector("[data-ir-progress]");
    var startOver = checklist.querySelector('[data-ir-action="start-over"]');
    var undo = checklist.querySelector('[data-ir-action="undo"]');
    var cleared = [];

    tools.enhance(checklist, "This browser is not saving ticks, so they will go when you leave the page. " +
      "You can still tick the boxes and print the list.");

    function showProgress() {
      if (!progress) return;
      var ticked = 0;
      each(boxes, function (box) {
        if (box.checked) ticked += 1;
      });
      progress.textContent = "You have ticked " + ticked + " of " + boxes.length + " steps.";
    }

    function restore() {
      if (!store.available) return;
      each(boxes, function (box) {
        box.checked = store.get(prefix + box.getAttribute("data-ir-item")) === "1";
      });
      showProgress();
    }

    function hideUndo() {
      if (undo) undo.hidden = true;
      cleared = [];
    }

    checklist.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.hasAttribute || !box.hasAttribute("data-ir-item")) return;
      var key = prefix + box.getAttribute("data-ir-item");
      if (box.checked) store.set(key, "1");
      else store.remove(key);
      hideUndo();
      showProgress();
    });

    checklist.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("[data-ir-action]") : null;
      if (!button) return;
      var action = button.getAttribute("data-ir-action");
      if (action === "print") {
        window.print();
      } else if (action === "start-over") {
        // Every saved tick of this checklist, also those of items since removed from the list.
        cleared = store.keys(prefix).filter(function (key) {
          return store.get(key) === "1";
        });
        each(boxes, function (box) {
          var key = prefix + box.getAttribute("data-ir-item");
          if (box.checked && cleared.indexOf(key) < 0) cleared.push(key);
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
      } else if (action === "undo") {
        cleared.forEach(function (key) {
          store.set(key, "1");
          each(boxes, function (box) {
            if (prefix + box.getAttribute("data-ir-item") === key) box.checked = true;
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
