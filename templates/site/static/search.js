/* Search with Pagefind's index (pagefind/pagefind.js): the words typed, the results listed with their facts.
   Its menus narrowing the results are filters.js's, loaded before it.
   Words come from data-* attributes rendered through the translation catalog.
   Result links are Pagefind's paths from the host's root, so the site works at the web root and in any folder. */
(function () {
  "use strict";
  var script = document.currentScript;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var offline = document.getElementById("search-offline");
  var browse = document.getElementById("search-browse"); // shown with "no results": where to look instead
  var api = null;
  var known = {}; // every kind and pillar the index has a page of ({kind: {Program: 40, …}, pillar: {…}})
  var latest = 0;
  var timer = null;

  // "gov 13", "GOV 1", "liv5": a program's code as people type it, searched as the code itself (GOV-13, GOV-01,
  // LIV-05); only when the plan has that program: its codes, letters and number, are on the script element
  var codes = {};
  (script.dataset.codes || "").split(" ").filter(Boolean).forEach(function (id) { codes[key(id)] = id; });
  function key(text) { // GOV-013, gov 13, GOV.13 → GOV13
    var parts = /^([a-z]+)[\s._-]*0*(\d{1,4})$/i.exec(text.trim());
    return parts ? parts[1].toUpperCase() + String(Number(parts[2])) : null;
  }
  function searched(query) {
    var found = key(query);
    return (found && codes[found]) || query;
  }

  // a result that matched the query only by a letter or two (Pagefind looks for the longest known start of an
  // unknown word: "kominfo" found the glossary's letter "K"): no match, to a reader
  function stray(result, query) {
    var words = query.split(/\s+/);
    if (words.some(function (word) { return word.length < 3; })) { return false; }
    var marked = (result.excerpt.match(/<mark>[^<]*<\/mark>/g) || []).map(function (m) { return m.slice(6, -7); });
    return marked.length > 0 && marked.every(function (word) { return word.trim().length < 3; });
  }

  // the count, and the menus' choices that narrow it: "3 hasil untuk “sampah”. Ditampilkan: Perangkat Daerah." (a
  // screen reader heard the count alone, nothing of the choice made a moment before)
  function say(key, query, count, fewer) {
    var choices = key === "loading" || key === "failed" || !filters ? [] : Object.values(filters.chosen(null));
    status.textContent = (status.dataset[key] || "").replace("{query}", query).replace("{count}", count)
      .replace("{fewer}", fewer || "")
      + (choices.length && status.dataset.narrowed  // a plan's own search page, copied before it had the words, has none
        ? " " + status.dataset.narrowed.replace("{choices}", choices.join(", ")) : "");
  }

  // "wifi gratis": every word must match, and "gratis" is on no page; when a word of several finds nothing on
  // its own, the words that find something are searched (and said to be)
  function finds(pagefind, word) {
    return pagefind.search(searched(word)).then(function (search) {
      return Promise.all(search.results.slice(0, 5).map(function (r) { return r.data(); }));
    }).then(function (results) { return results.some(function (result) { return !stray(result, word); }); });
  }
  function fewer(pagefind, query) {
    var words = query.split(/\s+/);
    return Promise.all(words.map(function (word) { return finds(pagefind, word); })).then(function (found) {
      var kept = words.filter(function (word, index) { return found[index]; });
      return kept.length && kept.length < words.length ? kept.join(" ") : null;
    });
  }

  function load() {
    if (!api) {
      api = import(new URL(script.dataset.index, document.baseURI).href).then(function (pagefind) {
        // the filters' index loaded first: without it a search's counts by kind and pillar come back empty
        return pagefind.options({ excerptLength: 24 }).then(function () { return pagefind.filters(); })
          .then(function (all) { known = all || {}; return pagefind; });
      });
    }
    return api;
  }

  // where a result's link lands: the heading or glossary term above the words its excerpt shows (the window
  // of EXCERPT words holding the most matches, as Pagefind picks it), unless that is the page's start
  var EXCERPT = 24;
  function section(result) {
    // the passage where the matched words stand closest together, each weighing as Pagefind scores it (a rare
    // word more than a common one): "Dinas Perhubungan" side by side in Dishub's entry, not "Dinas" three times
    // in the entries around Dindikbud's
    var spots = (result.weighted_locations || (result.locations || []).map(function (location) {
      return { location: location, balanced_score: 1 };
    })).slice().sort(function (a, b) { return a.location - b.location; });
    var best = null, most = 0;
    spots.forEach(function (spot) {
      var near = spots.filter(function (other) {
        return other.location >= spot.location && other.location < spot.location + EXCERPT;
      }).reduce(function (sum, other) {
        return sum + (other.balanced_score || 0) / (1 + other.location - spot.location);
      }, 0);
      if (near > most) { most = near; best = spot.location; }
    });
    var above = null;
    (result.anchors || []).forEach(function (anchor) {
      if (best !== null && anchor.location <= best && /^(h[2-6]|dt)$/i.test(anchor.element) && anchor.text) {
        above = anchor;
      }
    });
    return above;
  }

  // an excerpt from a page's start opened with its title ("ENV-03. Sistem Informasi Persampahan…. Rute…"), or
  // with its last words ("Hidup (DLH). Program…"), the line just above it: the excerpt starts after them, its marks
  // kept, unless nothing would be left
  function untitled(excerpt, title) {
    var words = (title || "").replace(/\.$/, "").split(" "), text = excerpt.textContent, start = null;
    for (var first = 0; first < words.length && !start; first++) {
      var tail = words.slice(first).join(" ").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      start = tail && new RegExp("^([A-Z]+-\\d+\\. )?" + tail + "\\. ").exec(text);
    }
    if (!start || start[0].length >= text.trim().length) { return; }
    var left = start[0].length;
    var texts = document.createTreeWalker(excerpt, NodeFilter.SHOW_TEXT);
    while (left > 0 && texts.nextNode()) {
      var cut = Math.min(left, texts.currentNode.data.length);
      texts.currentNode.data = texts.currentNode.data.slice(cut);
      left -= cut;
    }
    Array.prototype.forEach.call(excerpt.querySelectorAll("mark"), function (mark) {
      if (!mark.textContent) { mark.remove(); }
    });
  }

  var PAGE = 20; // results fetched at a time: each needs its own fragment of the index
  var more = document.getElementById("search-more");
  var pending = [];

  var dropped = 0; // stray results left out of the latest search
  var listed = []; // the filters of each result listed (not stray) in the latest search

  function append(results, query) {
    results.forEach(function (result) {
      if (stray(result, query)) { dropped += 1; return; }
      listed.push(result.filters || {});
      var item = document.createElement("li");
      var link = document.createElement("a");
      // from the host's root, the site's folder included (/smartcity/program/GOV-05.html): Pagefind takes
      // that folder from the address pagefind.js was loaded from, so the link is right wherever the site is served
      var part = section(result);
      link.href = result.url + (part ? "#" + encodeURIComponent(part.id) : "");
      link.textContent = (result.meta && result.meta.title) || result.url;
      if (part && part.text !== link.textContent) { // the section it lands on ("Glosarium › APBN")
        var named = document.createElement("span");
        named.className = "result-section";
        named.textContent = part.text;
        link.appendChild(named);
      }
      if (result.meta && result.meta.kind) { // what the page is: a program, a chapter, a pillar, an agency
        var kind = document.createElement("span");
        kind.className = "result-kind";
        kind.textContent = result.meta.kind;
        item.appendChild(kind);
      }
      // a program's code, lead agency, years and budget (its page's data-facts): what a reader came for, without
      // opening each result
      var facts = null;
      if (result.meta && result.meta.facts) {
        facts = document.createElement("p");
        facts.className = "result-facts";
        result.meta.facts.split(" \u00b7 ").forEach(function (fact, index) { // a fact kept on one line on a phone
          if (index) { facts.appendChild(document.createTextNode(" \u00b7 ")); }
          var kept = document.createElement("span");
          kept.textContent = fact;
          facts.appendChild(kept);
        });
      }
      var excerpt = document.createElement("p");
      excerpt.innerHTML = result.excerpt; // Pagefind escapes page text; only <mark> is markup
      untitled(excerpt, result.meta && result.meta.title);
      // a page named in another language than this page's: its title is that name, read in its language; the
      // excerpt is left unmarked, as it may hold the edition's own words ("Budget", "Lead agency") beside the name
      if (result.meta && result.meta.lang) { link.lang = result.meta.lang; }
      item.appendChild(link);
      if (facts) { item.appendChild(facts); }
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }

  // the next results, a batch at a time, until one shows (a batch of stray results only is passed over);
  // the count says the results shown and still to come, less the stray ones met so far
  var part = null; // the words searched instead of the whole query (see fewer), else null

  // the filters of the results a search by ``words`` finds without ``menu``'s choice, less the stray ones; null where
  // they are more than a batch (Pagefind's counts stand) or a newer search began
  function widerListed(ticket, words, menu) {
    return load().then(function (pagefind) {
      return pagefind.search(searched(words), { filters: filters.chosen(menu) });
    }).then(function (wider) {
      if (ticket !== latest || wider.results.length > PAGE) { return null; }
      return Promise.all(wider.results.map(function (r) { return r.data(); })).then(function (results) {
        return results.filter(function (r) { return !stray(r, words); }).map(function (r) { return r.filters || {}; });
      });
    });
  }

  function next(ticket, query, total) {
    var batch = pending.splice(0, PAGE);
    var shown = list.children.length;
    more.hidden = true;
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (results) {
      if (ticket !== latest) { return; }
      append(results, part || query);
      if (list.children.length === shown && pending.length) { return next(ticket, query, total); }
      more.hidden = pending.length === 0;
      var count = total - dropped;
      browse.hidden = count !== 0;
      var narrowed = Object.keys(filters.chosen(null)).length > 0;
      if (!pending.length && (dropped || narrowed)) { // every result seen: the menus count those not stray
        filters.recount(listed, function (menu) { return widerListed(ticket, part || query, menu); },
                        function () { return ticket === latest; });
        narrowing.hidden = count === 0 && !narrowed;
      }
      if (part && count) { say("fewer", query, count, part); return; }
      say(count === 0 ? "none" : count === 1 ? "one" : "many", query, count);
    });
  }

  // Back from a result: the list comes back as long as it was (its "more" batches) and scrolled where it was,
  // which the browser can't do itself, as the results arrive after the page has loaded
  var back = history.state && history.state.shown ? history.state : null;
  if ("scrollRestoration" in history) { history.scrollRestoration = "manual"; }
  window.addEventListener("pagehide", function () {
    history.replaceState({ shown: list.children.length, y: window.scrollY }, "");
  });
  function restore(ticket, query) {
    if (ticket !== latest) { return false; }
    if (list.children.length < back.shown && pending.length) {
      return next(ticket, query, list.children.length + pending.length + dropped).then(function () {
        return restore(ticket, query);
      });
    }
    window.scrollTo(0, back.y);
    back = null;
    return true;
  }

  // the results narrowed to a kind of page ("Program") or a pillar (filters.js); the choice is kept in the
  // address, as the words are
  var narrowing = document.getElementById("search-filters");
  var filters = window.searchFilters(narrowing);

  // the tab's title names the search, as history and bookmarks show it: "“sambat” · Cari · …"
  var title = document.title;

  // landing: the search came from another page's box (?q=): the reader is taken to the results' count, from
  // which the next Tab is the first result, rather than to the top of the page, twenty Tabs away
  function run(landing) {
    var query = input.value.trim();
    var ticket = ++latest;
    history.replaceState(null, "", filters.address(query));
    document.title = query ? "\u201c" + query + "\u201d \u00b7 " + title : title;
    list.textContent = "";
    more.hidden = true;
    browse.hidden = true;
    if (!query) { status.textContent = ""; narrowing.hidden = true; return; }
    say("loading", query, 0);
    dropped = 0;
    listed = [];
    part = null;
    var pagefind = null;
    function show(search) {
      if (ticket !== latest) { return Promise.resolve(); }
      pending = search.results.slice();
      return filters.offer(pagefind, searched(part || query), search).then(function () {
        if (ticket !== latest) { return; }
        narrowing.hidden = search.unfilteredResultCount === 0 && !Object.keys(filters.chosen(null)).length;
        return next(ticket, query, search.results.length);
      });
    }
    // a word that finds nothing is looked at first: Pagefind may match it by a letter (no result together) or,
    // as its index stands, drop it from the query and list the other words' results as the whole query's
    load().then(function (loaded) {
      pagefind = loaded;
      return query.split(/\s+/).length < 2 ? null : fewer(pagefind, query);
    })
      .then(function (words) {
        if (ticket !== latest) { return; }
        part = words;
        // a choice the index lacks (an address from the other edition, a pillar renamed) is dropped, and the
        // address with it
        if (filters.drop(known)) { history.replaceState(null, "", filters.address(query)); }
        return pagefind.search(searched(words || query), { filters: filters.chosen(null) }).then(show);
      })
      .then(function () { return back !== null && landing === true && restore(ticket, query); })
      .then(function (restored) {
        // unless the reader has gone on meanwhile (typing in the box, say), or came back to where they were
        if (!restored && ticket === latest && landing === true && document.activeElement === document.body) {
          status.tabIndex = -1;
          status.focus();
        }
      })
      .catch(function () { say("failed", query, 0); browse.hidden = false; });
  }

  more.addEventListener("click", function () {
    var first = list.children.length;
    next(latest, input.value.trim(), list.children.length + pending.length + dropped).then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) { link.focus(); } // keyboard and screen reader users land on the first new result
    });
  });

  if (location.protocol === "file:") {
    offline.hidden = false;
    form.hidden = true;
    return;
  }
  form.addEventListener("submit", function (event) { event.preventDefault(); run(false); });
  // the header's box says what the page searches for, as the page's own box does
  var header = document.getElementById("header-q");
  input.addEventListener("input", function () {
    if (header) { header.value = input.value; }
    clearTimeout(timer); timer = setTimeout(function () { run(false); }, 250);
  });
  filters.menus.forEach(function (menu) { menu.addEventListener("change", function () { run(false); }); });
  input.value = new URLSearchParams(location.search).get("q") || "";
  if (header) { header.value = input.value; }
  if (input.value) {
    filters.given(new URLSearchParams(location.search)); // a narrowed search's address, bookmarked
    run(true);
  } else if (location.search) { // "?kind=Program": a choice without words is no search
    history.replaceState(null, "", filters.address(""));
  }
})();
