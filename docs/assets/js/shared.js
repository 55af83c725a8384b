/* Interview Rebound: what the page scripts share (checklist.js, worksheet.js, notes.js, guide.js).
 *
 * One way of writing them all: an immediately run function in strict mode, const and let (never
 * var), and data-ir-* attributes as the hooks a script finds its elements by. Classes are for
 * styling only; a script may toggle a class (ir-guide--ready) to change how something looks.
 *
 * store keeps ticks and answers in this browser's localStorage, under keys that start with
 * "interview-rebound:". Nothing is sent anywhere: no account, no cookie, no tracking.
 * Every call is wrapped in try/catch, because private browsing or full storage can make
 * localStorage throw; the tools then still work, they just cannot remember.
 */
(function () {
  "use strict";

  const PREFIX = "interview-rebound:";

  function openStorage() {
    try {
      const storage = window.localStorage;
      const probe = PREFIX + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch {
      return null;
    }
  }

  const storage = openStorage();

  const store = {
    /* false when this browser will not keep anything (private mode, storage turned off) */
    available: storage !== null,

    get: function (key) {
      if (!storage) return null;
      try {
        return storage.getItem(PREFIX + key);
      } catch {
        return null;
      }
    },

    /* Returns true when the value was kept. */
    set: function (key, value) {
      if (!storage) return false;
      try {
        storage.setItem(PREFIX + key, value);
        return true;
      } catch {
        return false;
      }
    },

    remove: function (key) {
      if (!storage) return;
      try {
        storage.removeItem(PREFIX + key);
      } catch {
        /* nothing to do: the value stays until the browser clears it */
      }
    },

    /* Every key (without the prefix) that starts with `start`. */
    keys: function (start) {
      const found = [];
      if (!storage) return found;
      try {
        for (let index = 0; index < storage.length; index += 1) {
          const key = storage.key(index);
          if (key && key.indexOf(PREFIX + start) === 0) found.push(key.slice(PREFIX.length));
        }
      } catch {
        return found;
      }
      return found;
    },

    /* Calls back when the saved values under `start` may have changed behind the page's back:
       another tab changed or cleared one, or the page came back from the back-forward cache. */
    watch: function (start, callback) {
      window.addEventListener("storage", function (event) {
        if (event.key === null || event.key.indexOf(PREFIX + start) === 0) callback();
      });
      window.addEventListener("pageshow", function (event) {
        if (event.persisted) callback();
      });
    }
  };

  /* Calls callback(element, index) for each element of a NodeList or array. */
  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  /* Show the controls that need JavaScript (they carry the hidden attribute in the HTML), and hide
     what only matters without it. When storage is off, say so instead of promising to remember. */
  function enhance(container, unavailableMessage) {
    each(container.querySelectorAll("[data-ir-needs-js]"), function (element) {
      element.hidden = false;
    });
    each(container.querySelectorAll("[data-ir-without-js]"), function (element) {
      element.hidden = true;
    });
    if (!store.available && unavailableMessage) {
      each(container.querySelectorAll("[data-ir-storage-note]"), function (note) {
        note.textContent = unavailableMessage;
      });
    }
  }

  /* One click handler for a container's buttons: a click on (or inside) a button with
     data-ir-action="name" calls handlers[name](button). "print" prints unless handlers say otherwise. */
  function onAction(container, handlers) {
    container.addEventListener("click", function (event) {
      const button = event.target.closest ? event.target.closest("[data-ir-action]") : null;
      if (!button || !container.contains(button)) return;
      const action = button.getAttribute("data-ir-action");
      if (handlers[action]) {
        handlers[action](button);
      } else if (action === "print") {
        window.print();
      }
    });
  }

  /* A polite message in the container's role="status" element. */
  function announce(container, message) {
    const status = container.querySelector("[data-ir-status]");
    if (!status) return;
    status.textContent = "";
    /* a fresh text node after a tick, so screen readers announce the same message twice too */
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  /* Copy text to the clipboard; resolves to true when it worked. Older browsers, and pages the
     clipboard API refuses, fall back to selecting the text in a hidden box. */
  function copyWithSelection(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "ir-visually-hidden";
    document.body.appendChild(area);
    area.select();
    let copied;
    try {
      copied = document.execCommand("copy");
    } catch {
      copied = false;
    }
    document.body.removeChild(area);
    return copied;
  }

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(function () {
        return true;
      }, function () {
        return copyWithSelection(text);
      });
    }
    return Promise.resolve(copyWithSelection(text));
  }

  /* Save text as a file in the reader's downloads; nothing is sent anywhere. */
  function downloadText(text, fileName, type) {
    const blob = new Blob([text], { type: type + ";charset=utf-8" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = fileName;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 10000);
  }

  /* A new element with a class and its text; text only, so nothing a reader types becomes markup. */
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.InterviewRebound = {
    store: store,
    each: each,
    element: element,
    enhance: enhance,
    onAction: onAction,
    announce: announce,
    copyText: copyText,
    downloadText: downloadText
  };
})();
