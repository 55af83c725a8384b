/* Interview Rebound: the reflection worksheet.
 *
 * Keeps each answer in this browser under "interview-rebound:worksheet:<prompt id>" (and the
 * do's-and-don'ts lists under "interview-rebound:worksheet:list:<list id>"), as the reader types.
 * Adds Print, Download (text or Markdown) and Start over (with Undo). Nothing is sent anywhere.
 */
(function () {
  "use strict";

  var tools = window.InterviewRebound;
  if (!tools || !tools.store) return;
  var store = tools.store;
  var sheet = document.querySelector("[data-ir-worksheet]");
  if (!sheet) return;

  var PREFIX = "worksheet:";
  var fields = Array.prototype.slice.call(sheet.querySelectorAll("textarea[data-ir-answer]"));
  var undo = sheet.querySelector('[data-ir-action="undo"]');
  var startOver = sheet.querySelector('[data-ir-action="start-over"]');
  var cleared = null;

  tools.enhance(sheet, "This browser is not saving answers, so they will go when you leave the page. " +
    "Download them or print the page to keep them.");

  function keyOf(field) {
    return PREFIX + field.getAttribute("data-ir-answer");
  }

  function restore() {
    if (!store.available) return;
    fields.forEach(function (field) {
      field.value = store.get(keyOf(field)) || "";
    });
  }

  function save(field) {
    if (field.value.trim()) store.set(keyOf(field), field.value);
    else store.remove(keyOf(field));
  }

  function hideUndo() {
    if (undo) undo.hidden = true;
    cleared = null;
  }

  // ---- the answers as a file ----------------------------------------------

  function labelOf(field) {
    var label = sheet.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.replace(/\s+/g, " ").trim() : field.name;
  }

  function listLines(field) {
    return field.value.split(/\r?\n/).map(function (line) {
      return line.replace(/^\s*[-*\u2022]\s*/, "").trim();
    }).filter(Boolean);
  }

  function today() {
    var now = new Date();
    function pad(number) {
      return (number < 10 ? "0" : "") + number;
    }
    return {
      iso: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()),
      long: now.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })
    };
  }

  function asText(format) {
    var markdown = format === "md";
    var title = sheet.getAttribute("data-ir-title") || "Reflection worksheet";
    var listsTitle = sheet.querySelector("[data-ir-lists-title]");
    var out = [];
    var number = 0;
    var listsStarted = false;
    out.push(markdown ? "# " + title : title);
    out.push("");
    out.push("Written on " + today().long + ".");
    fields.forEach(function (field) {
      var isList = field.hasAttribute("data-ir-list");
      var answer = field.value.trim();
      out.push("");
      if (isList && !listsStarted) {
        listsStarted = true;
        if (listsTitle) {
          var heading = listsTitle.textContent.trim();
          out.push(markdown ? "## " + heading : heading.toUpperCase());
          out.push("");
        }
      }
      if (isList) {
        out.push(markdown ? "### " + labelOf(field) : labelOf(field));
        out.push("");
        var lines = listLines(field);
        if (lines.length) {
          lines.forEach(function (line) {
            out.push("- " + line);
          });
        } else {
          out.push(markdown ? "_Nothing yet._" : "(nothing yet)");
        }
      } else {
        number += 1;
        out.push(markdown ? "## " + number + ". " + labelOf(field) : number + ". " + labelOf(field));
        out.push("");
        out.push(answer || (markdown ? "_No answer yet._" : "(no answer yet)"));
      }
    });
    out.push("");
    out.push("From " + window.location.href.split("#")[0]);
    return out.join("\n") + "\n";
  }

  function download(format) {
    var type = format === "md" ? "text/markdown" : "text/plain";
    var blob = new Blob([asText(format)], { type: type + ";charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "reflection-worksheet-" + today().iso + "." + format;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
    tools.announce(sheet, "Your answers are downloading as " + link.download + ".");
  }

  // ---- events ------------------------------------------------------------

  sheet.addEventListener("input", function (event) {
    if (fields.indexOf(event.target) < 0) return;
    save(event.target);
    hideUndo();
  });

  sheet.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-ir-action]") : null;
    if (!button) return;
    var action = button.getAttribute("data-ir-action");
    if (action === "print") {
      window.print();
    } else if (action === "download") {
      download(button.getAttribute("data-ir-format"));
    } else if (action === "start-over") {
      cleared = {};
      var count = 0;
      fields.forEach(function (field) {
        if (field.value.trim()) {
          cleared[keyOf(field)] = field.value;
          count += 1;
        }
        field.value = "";
      });
      store.keys(PREFIX).forEach(function (key) {
        if (!(key in cleared)) cleared[key] = store.get(key);
        store.remove(key);
      });
      if (count) {
        tools.announce(sheet, "All answers cleared. You can start again.");
        if (undo) undo.hidden = false;
      } else {
        cleared = null;
        tools.announce(sheet, "There were no answers to clear.");
      }
    } else if (action === "undo" && cleared) {
      Object.keys(cleared).forEach(function (key) {
        if (cleared[key] !== null) store.set(key, cleared[key]);
      });
      fields.forEach(function (field) {
        if (keyOf(field) in cleared) field.value = cleared[keyOf(field)];
      });
      hideUndo();
      tools.announce(sheet, "Your answers are back.");
      if (startOver) startOver.focus();
    }
  });

  store.watch(PREFIX, restore);

  restore();
})();
