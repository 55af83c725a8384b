/* Interview Rebound: a small shared helper for the tools (checklist, worksheet, notes).
 *
 * Keeps ticks and answers in this browser's localStorage, under keys that start with
 * "interview-rebound:". Nothing is sent anywhere: no account, no cookie, no tracking.
 * Every call is wrapped in try/catch, because private browsing or full storage can make
 * localStorage throw; the tools then still work, they just cannot remember.
 */
(function () {
  "use strict";

  var PREFIX = "interview-rebound:";

  function openStorage() {
    try {
      var storage = window.localStorage;
      var probe = PREFIX + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      return storage;
    } catch (error) {
      return null;
    }
  }

  var storage = openStorage();

  var store = {
    /* false when this browser will not keep anything (private mode, storage turned off) */
    available: storage !== null,

    get: function (key) {
      if (!storage) return null;
      try {
        return storage.getItem(PREFIX + key);
      } catch (error) {
        return null;
      }
    },

    /* Returns true when the value was kept. */
    set: function (key, value) {
      if (!storage) return false;
      try {
        storage.setItem(PREFIX + key, value);
        return true;
      } catch (error) {
        return false;
      }
    },

    remove: function (key) {
      if (!storage) return;
      try {
        storage.removeItem(PREFIX + key);
      } catch (error) {
        /* nothing to do: the value stays until the browser clears it */
      }
    },

    /* Every key (without the prefix) that starts with `start`. */
    keys: function (start) {
      var found = [];
      if (!storage) return found;
      try {
        for (var index = 0; index < storage.length; index += 1) {
          var key = storage.key(index);
          if (key && key.indexOf(PREFIX + start) === 0) found.push(key.slice(PREFIX.length));
        }
      } catch (error) {
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

  /* Show the controls that need JavaScript (they carry the hidden attribute in the HTML), and hide
     what only matters without it. When storage is off, say so instead of promising to remember. */
  function enhance(container, unavailableMessage) {
    var index;
    var needsScript = container.querySelectorAll("[data-ir-needs-js]");
    for (index = 0; index < needsScript.length; index += 1) needsScript[index].hidden = false;
    var withoutScript = container.querySelectorAll("[data-ir-without-js]");
    for (index = 0; index < withoutScript.length; index += 1) withoutScript[index].hidden = true;
    var notes = container.querySelectorAll("[data-ir-storage-note]");
    if (!store.available && unavailableMessage) {
      for (index = 0; index < notes.length; index += 1) notes[index].textContent = unavailableMessage;
    }
  }

  /* A polite message in the container's role="status" element. */
  function announce(container, message) {
    var status = container.querySelector("[data-ir-status]");
    if (!status) return;
    status.textContent = "";
    /* a fresh text node after a tick, so screen readers announce the same message twice too */
    window.setTimeout(function () {
      status.textContent = message;
    }, 50);
  }

  window.InterviewRebound = window.InterviewRebound || {};
  window.InterviewRebound.store = store;
  window.InterviewRebound.enhance = enhance;
  window.InterviewRebound.announce = announce;
})();
