/* Interview Rebound: the reflection worksheet.
 *
 * Keeps each answer in this browser under "interview-rebound:worksheet:<prompt id>" (and the
 * do's-and-don'ts lists under "interview-rebound:worksheet:list:<list id>"), as the reader types.
 * Adds Print, Download (text or Markdown) and Start over (with Undo). Nothing is sent anywhere.
 * Needs shared.js first.
 */
(function () {
  "use strict";

  const tools = window.InterviewRebound;
  if (!tools) return;
  const store = tools.store;
  const sheet = document.querySelector("[data-ir-worksheet]");
  if (!sheet) return;

  const PREFIX = "worksheet:";
  const fields = Array.from(sheet.querySelectorAll("textarea[data-ir-answer]"));
  const undo = sheet.querySelector('[data-ir-action="undo"]');
  const startOver = sheet.querySelector('[data-ir-action="start-over"]');
  let cleared = null;

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
    const label = sheet.querySelector('label[for="' + field.id + '"]');
    return label ? label.textContent.replace(/\s+/g, " ").trim() : field.name;
  }

  function listLines(field) {
    return field.value.split(/\r?\n/).map(function (line) {
      return line.replace(/^\s*[-*\u2022]\s*/, "").trim();
    }).filter(Boolean);
  }

  function today() {
    const now = new Date();
    function pad(number) {
      return (number < 10 ? "0" : "") + number;
    }
    return {
      iso: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()),
      long: now.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" })
    };
  }

  function asText(format) {
    const markdown = format === "md";
    const title = sheet.getAttribute("data-ir-title") || "Reflection worksheet";
    const listsTitle = sheet.querySelector("[data-ir-lists-title]");
    const out = [];
    let number = 0;
    let listsStarted = false;
    out.push(markdown ? "# " + title : title);
    out.push("");
    out.push("Written on " + today().long + ".");
    fields.forEach(function (field) {
      const isList = field.hasAttribute("data-ir-list");
      const answer = field.value.trim();
      out.push("");
      if (isList && !listsStarted) {
        listsStarted = true;
        if (listsTitle) {
          const heading = listsTitle.textContent.trim();
          out.push(markdown ? "## " + heading : heading.toUpperCase());
          out.push("");
        }
      }
      if (isList) {
        out.push(markdown ? "### " + labelOf(field) : labelOf(field));
        out.push("");
        const lines = listLines(field);
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
    const fileName = "reflection-worksheet-" + today().iso + "." + format;
    tools.downloadText(asText(format), fileName, format === "md" ? "text/markdown" : "text/plain");
    tools.announce(sheet, "Your answers are downloading as " + fileName + ".");
  }

  // ---- events ------------------------------------------------------------

  sheet.addEventListener("input", function (event) {
    if (fields.indexOf(event.target) < 0) return;
    save(event.target);
    hideUndo();
  });

  tools.onAction(sheet, {
    download: function (button) {
      download(button.getAttribute("data-ir-format"));
    },
    "start-over": function () {
      cleared = {};
      let count = 0;
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
    },
    undo: function () {
      if (!cleared) return;
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
