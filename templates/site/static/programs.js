// The filter of the page of all programs, of a pillar's or a mission's long list, and of the page of agencies (a
// province's 120, several cities': "Surabaya"; its list items are its rows): a box (code, name or agency,
// short or full, the place it runs in and its partners), a pillar and a year the program runs in (its period: "what is planned for 2025"), narrowing the list as the reader types; the count of programs shown is said as it
// changes ("12 dari 70 program"); none: a link searches the whole plan for the words. A group of programs none of which matches is hidden, one with none at all (a
// sub-element "with no programs yet") only while the list is narrowed, and so is its entry in the page's list of
// pillars, whose counts are those shown. Without script the form stays hidden and
// the whole list shows. Each row's words are read once; a keystroke, after a short pause,
// only toggles `hidden` on rows and pillar sections, so a list of 3,000 programs stays quick. What is chosen is kept
// in the page's address (?q=Surabaya&pillar=living&year=2025), so that a list narrowed down can be shared and comes
// back as it was.
(function () {
  "use strict";
  var form = document.getElementById("program-filter");
  if (!form) { return; }
  var text = document.getElementById("program-filter-text");
  var pillar = document.getElementById("program-filter-pillar");
  var year = document.getElementById("program-filter-year");
  var count = document.getElementById("program-filter-count");
  var sections = Array.prototype.slice.call(document.querySelectorAll(".program-group"));
  var none = document.getElementById("program-filter-none");
  var contents = document.querySelector(".toc");
  // words as the site's search reads them: "wifi" finds "Wi-Fi", "esambat" and "e-sambat" find "e-Sambat", "sekolah"
  // finds "Sekolah": no capitals, accents, hyphens or dots within a word
  function fold(words) {
    return words.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/(\w)[-.'\u2019](?=\w)/g, "$1");
  }
  function words(row) {  // the row's text, its agencies' full names (an <abbr>'s title), its place and partners
    var titles = Array.prototype.map.call(row.querySelectorAll("abbr[title]"), function (abbr) { return abbr.title; });
    var more = row.getAttribute("data-words") || "";
    return fold(row.textContent + " " + titles.join(" ") + " " + more).replace(/\s+/g, " ");
  }
  var groups = sections.map(function (section) {
    // the page's list of its pillars ("Di halaman ini"): each entry hidden with its section, its count the shown rows
    var jump = document.querySelector('.toc a[href="#' + section.getAttribute("aria-labelledby") + '"]');
    return { section: section, jump: jump, rows: Array.prototype.map.call(section.querySelectorAll("tbody tr, :scope > li"), function (row) {
      var years = (row.getAttribute("data-years") || "").split(" ").map(Number);
      return { row: row, words: words(row), start: years[0], end: years[1] };
    }) };
  });
  var total = groups.reduce(function (sum, group) { return sum + group.rows.length; }, 0);
  var fields = { q: text, pillar: pillar, year: year };

  function fromAddress() {  // a shared address's choices; one no menu offers is left alone
    var asked = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (name) {
      var field = fields[name], value = asked.get(name);
      if (!field || value === null) { return; }
      if (field.tagName === "SELECT" && !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        return;
      }
      field.value = value;
    });
  }
  function toAddress() {  // the address's other parameters kept as they are
    var kept = new URLSearchParams(window.location.search);
    Object.keys(fields).forEach(function (name) {
      var field = fields[name];
      if (field && field.value.trim()) { kept.set(name, field.value.trim()); } else { kept.delete(name); }
    });
    var query = kept.toString();
    try {
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    } catch (error) { /* an address the browser will not rewrite (a page opened from disk in some): the list still narrows */ }
  }

  function apply() {
    var terms = fold(text.value).split(/\s+/).filter(Boolean);
    var chosen = pillar ? pillar.value : "";
    var during = year && year.value ? Number(year.value) : null;
    var shown = 0;
    groups.forEach(function (group) {
      var inPillar = !chosen || group.section.getAttribute("data-pillar") === chosen;
      var here = 0;
      group.rows.forEach(function (entry) {
        var match = inPillar && terms.every(function (term) { return entry.words.indexOf(term) !== -1; }) &&
          (during === null || (entry.start <= during && during <= entry.end));
        if (entry.row.hidden === match) { entry.row.hidden = !match; }
        if (match) { here += 1; }
      });
      group.section.hidden = here === 0 && (group.rows.length > 0 || terms.length > 0 || !inPillar || during !== null);
      if (group.jump) {
        group.jump.parentNode.hidden = group.section.hidden;
        group.jump.textContent = group.jump.textContent.replace(/\(\d+\)$/, "(" + here + ")");
      }
      shown += here;
    });
    count.textContent = count.getAttribute("data-count").replace("{shown}", shown).replace("{total}", total);
    // nothing here has the words: the page's list of its groups would be an empty frame; the whole plan may have them
    if (contents) {
      contents.hidden = !Array.prototype.some.call(contents.querySelectorAll("li"), function (item) { return !item.hidden; });
    }
    toAddress();
    if (none) {
      none.hidden = shown !== 0 || !terms.length;
      var link = none.querySelector("a");
      link.href = link.href.split("?")[0] + "?q=" + encodeURIComponent(text.value.trim());
    }
  }
  var pending = null;
  text.addEventListener("input", function () {
    clearTimeout(pending);
    pending = setTimeout(apply, 150);
  });
  if (pillar) { pillar.addEventListener("change", apply); }
  if (year) { year.addEventListener("change", apply); }
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(pending); apply(); });
  fromAddress();
  apply();  // the count is there before the form shows: a live region speaks of changes, not of its first words
  form.hidden = false;
})();
