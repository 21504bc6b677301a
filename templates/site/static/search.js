/* Search with Pagefind's index (pagefind/pagefind.js), the site's only script.
   Words come from data-* attributes rendered through the translation catalog.
   Result links are made relative, so the site works under any sub-path. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var offline = document.getElementById("search-offline");
  var api = null;
  var latest = 0;
  var timer = null;

  function say(key, query, count) {
    status.textContent = (status.dataset[key] || "").replace("{query}", query).replace("{count}", count);
  }

  function load() {
    if (!api) {
      api = import(new URL(script.dataset.index, document.baseURI).href).then(function (pagefind) {
        return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind; });
      });
    }
    return api;
  }

  function relative(url) {
    // Pagefind gives paths from the site root; the search page itself sits at that root.
    return url.replace(/^\/+/, "") || "index.html";
  }

  function show(results, query) {
    list.textContent = "";
    results.forEach(function (result) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = relative(result.url);
      link.textContent = (result.meta && result.meta.title) || result.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt; // Pagefind escapes page text; only <mark> is markup
      item.appendChild(link);
      item.appendChild(excerpt);
      list.appendChild(item);
    });
    say(results.length === 0 ? "none" : results.length === 1 ? "one" : "many", query, results.length);
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    history.replaceState(null, "", query ? "?q=" + encodeURIComponent(query) : location.pathname);
    if (!query) { list.textContent = ""; status.textContent = ""; return; }
    say("loading", query, 0);
    load().then(function (pagefind) { return pagefind.search(query); })
      .then(function (search) { return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })); })
      .then(function (results) { if (ticket === latest) { show(results, query); } })
      .catch(function () { say("failed", query, 0); });
  }

  if (location.protocol === "file:") {
    offline.hidden = false;
    form.hidden = true;
    return;
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  input.value = new URLSearchParams(location.search).get("q") || "";
  if (input.value) { run(); }
})();
