/* A former address of a program or an agency (its former_ids): leads to its page at once, at the part of it the link
   named (#budget), which the page's meta refresh would lose. A script of its own, not one written in the page: a web
   server's Content-Security-Policy (README) refuses those. Its page names where to go: data-to. */
(function () {
  "use strict";
  var to = document.currentScript && document.currentScript.getAttribute("data-to");
  if (to) { location.replace(to + location.hash); }
})();
