// Tables and charts wider than their box scroll sideways inside it (.table-scroll, .chart-scroll). This marks each box
// whose table does not fit, so the stylesheet can say so above it; and marks a box scrolled
// to its end, so the cue goes once everything has been seen. A box is a keyboard stop (to scroll
// it with the arrow keys) only while it scrolls: a page of tables that fit is not a page of
// stops that do nothing; and a region (a landmark named by its caption) only then too: a page of tables that
// fit is not a list of landmarks that are each one table. Without script the tables still scroll and every
// box is a stop and a region; only the cue is missing.
//
// On a phone, a list-like table that does not fit (programs, quick wins, indicators, readiness) is
// read as cards instead: one card a row, its name first, each value under its column's name. Grids
// of figures (budgets, the roadmap, the agencies' matrix) keep their columns and scroll, with each
// row's name kept in sight, and a link reached with the keyboard is scrolled clear of that name.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-scroll, .chart-scroll"));
  var narrow = window.matchMedia("(max-width: 40rem)");
  var GRIDS = ["budget", "matrix", "roadmap"];
  // what makes each box a named region, as the page gave it: taken off while the box fits, given back when it scrolls
  var naming = boxes.map(function (box) {
    return ["role", "aria-labelledby", "aria-label"].filter(function (name) { return box.hasAttribute(name); })
      .map(function (name) { return [name, box.getAttribute(name)]; });
  });

  function stackable(box) {
    var table = box.querySelector("table");
    return table && table.tHead && table.tHead.rows.length === 1 &&
      !GRIDS.some(function (name) { return table.classList.contains(name); }) ? table : null;
  }

  // each cell's column name (data-label) and the roles a table keeps once its cells are blocks
  function label(table) {
    if (table.hasAttribute("data-labelled")) { return; }
    var names = [];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      for (var i = 0; i < cell.colSpan; i += 1) { names.push(cell.textContent.trim()); }
    });
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.rows, function (row) {
      var column = 0;
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell) {
        // a chapter's Markdown table names its columns in <thead> without a scope
        var scope = cell.tagName === "TH" && row.parentNode.tagName === "THEAD" ? "col" : cell.getAttribute("scope");
        cell.setAttribute("role", scope === "col" ? "columnheader" : scope === "row" ? "rowheader" : "cell");
        if (scope !== "row" && scope !== "col" && names[column]) { cell.setAttribute("data-label", names[column]); }
        column += cell.colSpan;
      });
    });
    table.setAttribute("data-labelled", "");
  }

  function region(box, scrolls) {
    naming[boxes.indexOf(box)].forEach(function (attribute) {
      if (!scrolls) {
        box.removeAttribute(attribute[0]);
      } else if (box.getAttribute(attribute[0]) !== attribute[1]) {  // a scroll of the box is no change of its name
        box.setAttribute(attribute[0], attribute[1]);
      }
    });
  }

  function mark(box) {
    var table = stackable(box);
    if (table) {
      box.classList.remove("stacked");
      if (narrow.matches && box.scrollWidth - box.clientWidth > 1) {
        label(table);
        box.classList.add("stacked");
      }
    }
    var hidden = box.scrollWidth - box.clientWidth;
    box.classList.toggle("scrolls", hidden > 1);
    box.classList.toggle("fits", hidden <= 1);  // its overflow visible then: what is pinned on scrolling down stays
    if (hidden > 1) { box.setAttribute("tabindex", "0"); } else { box.removeAttribute("tabindex"); }
    region(box, hidden > 1);
    box.classList.toggle("at-end", hidden > 1 && box.scrollLeft >= hidden - 1);
  }
  // Chromium scrolls a focused link into a box only until some of it shows: going back with Shift+Tab through
  // a grid, the link stopped at the box's edge, wholly under the row's pinned name. This runs as focus moves,
  // before the browser's own scrolling, which then finds the link (and its focus ring) in sight.
  var RING = 10;
  function reveal(box, target) {
    var cell = target.closest("td, th");
    var pinned = cell && cell.parentElement.cells[0];
    if (!pinned || pinned === cell || !box.contains(cell) || getComputedStyle(pinned).position !== "sticky") { return; }
    var start = pinned.getBoundingClientRect().right + RING;
    var end = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth - RING;
    var link = target.getBoundingClientRect();
    if (link.left < start) {
      box.scrollLeft -= start - link.left;
    } else if (link.right > end) {
      box.scrollLeft += Math.min(link.right - end, link.left - start);
    }
  }
  boxes.forEach(function (box) {
    box.addEventListener("scroll", function () { mark(box); }, { passive: true });
    box.addEventListener("focusin", function (event) { reveal(box, event.target); });
    mark(box);
  });
  // a phone's browser resizes the window as its address bar comes and goes while scrolling: only a new
  // width can change what fits (and un-stacking a table to measure it costs a layout of the page)
  var width = window.innerWidth;
  window.addEventListener("resize", function () {
    if (window.innerWidth !== width) { width = window.innerWidth; boxes.forEach(mark); }
  });
  // a box folded in <details> measures nothing until it is opened
  Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
    details.addEventListener("toggle", function () { boxes.forEach(mark); });
  });
})();
