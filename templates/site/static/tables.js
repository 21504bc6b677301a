// Tables and charts wider than their box scroll sideways inside it (.table-scroll, .chart-scroll). This marks each box
// whose table does not fit, so the stylesheet can say so above it; and marks a box scrolled
// to its end, so the cue goes once everything has been seen. A box is a keyboard stop (to scroll
// it with the arrow keys) only while it scrolls: a page of tables that fit is not a page of
// stops that do nothing. Without script the tables still scroll and every box is a stop; only
// the cue is missing.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll(".table-scroll, .chart-scroll"));
  function mark(box) {
    var hidden = box.scrollWidth - box.clientWidth;
    box.classList.toggle("scrolls", hidden > 1);
    if (hidden > 1) { box.setAttribute("tabindex", "0"); } else { box.removeAttribute("tabindex"); }
    box.classList.toggle("at-end", hidden > 1 && box.scrollLeft >= hidden - 1);
  }
  boxes.forEach(function (box) {
    box.addEventListener("scroll", function () { mark(box); }, { passive: true });
    mark(box);
  });
  window.addEventListener("resize", function () { boxes.forEach(mark); });
  // a box folded in <details> measures nothing until it is opened
  Array.prototype.forEach.call(document.querySelectorAll("details"), function (details) {
    details.addEventListener("toggle", function () { boxes.forEach(mark); });
  });
})();
