// Material's search downloads the whole search index (about 30 KB) as soon as any page opens,
// yet most readers never search. This file loads before Material's own script and holds back
// that one request until the reader reaches for search: points at or focuses the search box,
// opens it, or follows a link with ?q= in it. Then the index loads and search works as usual.
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

  function loadIndex() {
    if (wanted) {
      return;
    }
    wanted = true;
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
