// Material's search downloads the whole search index (about 90 KB) as soon as any page opens,
// yet most readers never search. This file loads before Material's own script and holds back
// that one request until the reader reaches for search: points at or focuses the search box,
// opens it, or follows a link with ?q= in it. Then the index loads and search works as usual.
// It holds back the search worker's script too (about 12 KB), which Material starts on every page:
// until then Material talks to a stand-in that keeps its messages for the real worker.
// Every other request goes out untouched. Built by MkDocs, the index is search/search_index.json;
// built by Zensical, it is search.json at the site's root, and its search opens from a button.
(function () {
  "use strict";

  const searchIndex = /\/search(\/search_index)?\.json$/;
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let wanted = new URLSearchParams(location.search).has("q");

  XMLHttpRequest.prototype.open = function (method, url) {
    this.isSearchIndex = searchIndex.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };

  XMLHttpRequest.prototype.send = function () {
    if (this.isSearchIndex && !wanted) {
      held.push({ request: this, body: arguments });
      return;
    }
    return send.apply(this, arguments);
  };

  // Material makes its search worker with new Worker(url), listens with addEventListener("message")
  // and talks with postMessage: the stand-in does those three until the real worker starts.
  const RealWorker = window.Worker;
  const waitingWorkers = [];
  if (RealWorker) {
    window.Worker = function (url, options) {
      if (wanted || !/\/workers\/search\.[^/]*\.js$/.test(new URL(String(url), location.href).pathname)) {
        return new RealWorker(url, options);
      }
      const listeners = [];
      const messages = [];
      let real = null;
      const standIn = {
        addEventListener: function () {
          return real ? real.addEventListener.apply(real, arguments) : listeners.push(arguments);
        },
        removeEventListener: function () {
          if (real) {
            real.removeEventListener.apply(real, arguments);
          }
        },
        postMessage: function () {
          return real ? real.postMessage.apply(real, arguments) : messages.push(arguments);
        },
        terminate: function () {
          if (real) {
            real.terminate();
          }
        }
      };
      waitingWorkers.push(function () {
        real = new RealWorker(url, options);
        listeners.splice(0).forEach(function (listener) {
          real.addEventListener.apply(real, listener);
        });
        messages.splice(0).forEach(function (message) {
          real.postMessage.apply(real, message);
        });
      });
      return standIn;
    };
  }

  function loadIndex() {
    if (wanted) {
      return;
    }
    wanted = true;
    waitingWorkers.splice(0).forEach(function (start) {
      start();
    });
    held.splice(0).forEach(function (waiting) {
      send.apply(waiting.request, waiting.body);
    });
  }

  function isSearch(target) {
    return target instanceof Element && target.closest('form[name="search"], label[for="__search"], #__search, .md-search');
  }

  ["pointerover", "focusin", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (isSearch(event.target)) {
        loadIndex();
      }
    }, true);
  });
})();
