/* Interview Rebound: the follow-up note templates.
 *
 * Shows each template's form, fills its gaps in the email as the reader types, and adds
 * "Copy email text" and "Copy subject line" buttons with a role="status" message. Keeps the
 * "Open in your email app" link up to date. Nothing typed here is saved or sent anywhere.
 * Without this script the email shows with its gaps as highlighted [Labels]. Needs shared.js first.
 */
(function () {
  "use strict";

  const tools = window.InterviewRebound;
  if (!tools) return;
  const each = tools.each;

  /* The text of a subject or paragraph: its words, the gaps as they stand now, <br> as a line break. */
  function textOf(element) {
    let text = "";
    each(element.childNodes, function (node) {
      if (node.nodeType === 3) text += node.nodeValue;
      else if (node.nodeName === "BR") text += "\n";
      else text += node.textContent;
    });
    return text;
  }

  function setUp(note) {
    const form = note.querySelector("[data-ir-note-form]");
    const subject = note.querySelector('[data-ir-text="subject"]');
    const body = note.querySelector('[data-ir-text="body"]');
    const mailto = note.querySelector("[data-ir-mailto]");
    const gaps = note.querySelectorAll("[data-ir-placeholder]");
    if (!form || !subject || !body) return;

    each(gaps, function (gap) {
      gap.setAttribute("data-ir-empty", gap.textContent);
    });
    tools.enhance(note);

    function values() {
      const found = {};
      each(form.querySelectorAll("[data-ir-fill]"), function (field) {
        // one line each: a gap sits inside a sentence
        found[field.getAttribute("data-ir-fill")] = field.value.replace(/\s+/g, " ").trim();
      });
      return found;
    }

    function subjectText() {
      return textOf(subject).trim();
    }

    function bodyText() {
      return Array.prototype.map.call(body.querySelectorAll("p"), textOf).join("\n\n");
    }

    function gapsLeft(element) {
      const left = {};
      each(element.querySelectorAll("[data-ir-placeholder]"), function (gap) {
        if (!gap.classList.contains("ir-placeholder--filled")) left[gap.getAttribute("data-ir-placeholder")] = true;
      });
      return Object.keys(left).length;
    }

    function update() {
      const filled = values();
      each(gaps, function (gap) {
        const value = filled[gap.getAttribute("data-ir-placeholder")];
        gap.textContent = value || gap.getAttribute("data-ir-empty");
        gap.classList.toggle("ir-placeholder--filled", Boolean(value));
      });
      if (mailto) {
        mailto.href = "mailto:?subject=" + encodeURIComponent(subjectText()) +
          "&body=" + encodeURIComponent(bodyText().replace(/\r?\n/g, "\r\n"));
      }
    }

    function report(what, copied, element) {
      const left = gapsLeft(element);
      let message;
      if (!copied) {
        message = "Your browser did not let this page copy. Select the text of the email and copy it yourself.";
      } else if (left === 0) {
        message = what + " copied. Paste it into your email.";
      } else {
        message = what + " copied. It still has " + left + (left === 1 ? " gap" : " gaps") +
          " in square brackets, so fill " + (left === 1 ? "it" : "them") + " in before you send it.";
      }
      tools.announce(note, message);
    }

    form.addEventListener("input", update);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });

    tools.onAction(note, {
      "copy-body": function () {
        tools.copyText(bodyText()).then(function (copied) {
          report("Email text", copied, body);
        });
      },
      "copy-subject": function () {
        tools.copyText(subjectText()).then(function (copied) {
          report("Subject line", copied, subject);
        });
      }
    });

    update();
  }

  each(document.querySelectorAll("[data-ir-note]"), setUp);
})();
