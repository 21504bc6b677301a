/* The search page's menus that narrow its results, over Pagefind's filters: "Tampilkan" (a kind of page: Program,
   Bab…) and "Dimensi" (a pillar). Each menu lists what the words found under the other menu's choice, each choice
   with its count ("Program (4)"), a choice of 0 left out; a choice the index lacks (an address from the other
   edition, a pillar since renamed) is dropped. Loaded before search.js, which calls window.searchFilters. */
window.searchFilters = function (narrowing) {
  "use strict";
  var menus = Array.prototype.slice.call(narrowing.querySelectorAll("select"));

  // the choices made, but the one of the menu given (its own counts are under the others' choices)
  function chosen(except) {
    var filters = {};
    menus.forEach(function (menu) {
      if (menu.value && menu !== except) { filters[menu.dataset.filter] = menu.value; }
    });
    return filters;
  }

  // a choice from the address ("?kind=Program"), shown before the index has loaded
  function given(params) {
    menus.forEach(function (menu) {
      var value = params.get(menu.name);
      if (value) { menu.add(new Option(value, value)); menu.value = value; }
    });
  }

  // the choices the index has no page for left out, as if never made; true when one was
  function drop(known) {
    var dropped = false;
    menus.forEach(function (menu) {
      var values = known[menu.dataset.filter] || {};
      if (menu.value && !Object.prototype.hasOwnProperty.call(values, menu.value)) {
        menu.remove(menu.selectedIndex);
        menu.value = "";
        dropped = true;
      }
    });
    return dropped;
  }

  function fill(menu, found) {
    var kept = menu.value;
    while (menu.options.length > 1) { menu.remove(1); }
    found = Object.assign({}, found);
    if (kept && !found[kept]) { found[kept] = 0; }
    Object.keys(found).filter(function (value) { return found[value] > 0 || value === kept; })
      .sort(function (a, b) { return found[b] - found[a] || a.localeCompare(b); })
      .forEach(function (value) { menu.add(new Option(value + " (" + found[value] + ")", value)); });
    menu.value = kept;
  }

  // each menu's counts for the words under the other menu's choice: Pagefind's counts of a search narrowed by
  // every choice (search.filters) serve a menu with none; a menu with a choice asks for a search without it
  function offer(pagefind, words, search) {
    return Promise.all(menus.map(function (menu) {
      if (!menu.value) { return search.filters || {}; }
      return pagefind.search(words, { filters: chosen(menu) }).then(function (wider) { return wider.filters || {}; });
    })).then(function (counts) {
      menus.forEach(function (menu, index) { fill(menu, counts[index][menu.dataset.filter] || {}); });
    });
  }

  // the address of the search: its words and choices; choices without words are no search, and left out
  function address(query) {
    var params = new URLSearchParams();
    if (query) {
      params.set("q", query);
      var filters = chosen(null);
      Object.keys(filters).forEach(function (name) { params.set(name, filters[name]); });
    }
    var text = params.toString();
    return text ? "?" + text : location.pathname;
  }

  // once every result is in: a menu without a choice counts the results listed (each one's filters), not Pagefind's,
  // which count the stray ones search.js leaves out ("kesehtan" offered "Glosarium (1)" and listed nothing); a menu
  // with a choice counts what wider(menu) gives, the filters of its wider search's results that are not stray (null:
  // too many to look at, Pagefind's counts stand). Nothing is filled once current() says a newer search began.
  function recount(listed, wider, current) {
    return Promise.all(menus.map(function (menu) {
      return menu.value ? wider(menu) : listed;
    })).then(function (lists) {
      if (!current()) { return; }
      menus.forEach(function (menu, index) {
        if (!lists[index]) { return; }
        var found = {};
        lists[index].forEach(function (filters) {
          (filters[menu.dataset.filter] || []).forEach(function (value) { found[value] = (found[value] || 0) + 1; });
        });
        fill(menu, found);
      });
    });
  }

  return { menus: menus, chosen: chosen, given: given, drop: drop, offer: offer, address: address, recount: recount };
};
