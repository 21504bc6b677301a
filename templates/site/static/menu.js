/* The header's "Menu" button on a phone: the search and both menus fold behind it.
   Progressive enhancement: without this script the button stays hidden and every link is in
   sight, as on a desktop. With it, the button shows (the stylesheet: below 40rem, or under 30rem high), says
   whether the menu is open (aria-expanded) and names what it opens (aria-controls). Escape
   closes an open menu and puts the focus back on the button. Loaded right after the header,
   before the rest of the page is drawn, so the menu does not flash open and then shut. */
(function () {
  "use strict";
  var header = document.querySelector(".site-header");
  var button = header && header.querySelector(".menu-toggle");
  if (!button) { return; }

  function open(yes) {
    button.setAttribute("aria-expanded", yes ? "true" : "false");
    header.classList.toggle("menu-open", yes);
  }

  open(false);
  button.hidden = false;
  header.classList.add("has-menu");
  button.addEventListener("click", function () {
    open(button.getAttribute("aria-expanded") !== "true");
  });
  header.addEventListener("keydown", function (event) {
    // in the search box with words typed, Escape empties it (as the browser does) and the menu stays open; once
    // it is empty, Escape closes the menu
    var typing = event.target.type === "search" && event.target.value !== "";
    if (event.key === "Escape" && !typing && header.classList.contains("menu-open") &&
        getComputedStyle(button).display !== "none") {
      open(false);
      button.focus();
    }
  });
})();
