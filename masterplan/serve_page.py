"""What the preview adds to each page it serves: the reload script, the error overlay, the PDF's state.

In preview only, each HTML page gets a small script that long-polls ``/__reload`` and reloads the
page after a rebuild that changed it (its HTML, the errors over it, or a picture of
``content/assets/`` it shows), keeping the keyboard focus where it was; beside each link to the
PDF it says, as it changes, whether that PDF is of the plan as saved (:mod:`masterplan.serve_pdf`).
While the content has errors, each page carries an overlay listing them as ``file:line: message``.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from masterplan.i18n import Translator
from masterplan.model import ASSETS
from masterplan.preview import Preview
from masterplan.render import site_links
from masterplan.render.site_links import PAGES
from masterplan.serve_pdf import FILE_WORDS

RELOAD_PATH = "/__reload"

#: One tab of the preview long-polls ``/__reload`` for all its tabs (a browser opens at most six
#: connections to a host: with a poll in each, a seventh tab never loaded); it tells the others of each
#: rebuild. A tab reloads when its own page changed (its digest), not on every rebuild. Before it does, it
#: notes which element had the keyboard focus (by id, else a link by its address, else by its place),
#: and gives it back after (the focus fell to the page's start on every reload).
RELOAD_SCRIPT = """<script>/* masterplan serve: reload after a rebuild that changed this page */
(function () {
  var said = %s, generation = said.generation, digest = said.digest, instance = said.instance;
  var url = said.path + "?page=" + encodeURIComponent(location.pathname), kept = "masterplan-focus";
  var channel = "BroadcastChannel" in window ? new BroadcastChannel("masterplan-reload") : null;
  function place(el) {
    if (el.id) { return {id: el.id}; }
    var href = el.getAttribute("href");
    if (href !== null) {
      var same = document.querySelectorAll(el.tagName + '[href=\\"' + CSS.escape(href) + '\\"]');
      return {tag: el.tagName, href: href, nth: Array.prototype.indexOf.call(same, el)};
    }
    var path = [];
    for (var node = el; node && node !== document.body; node = node.parentElement) {
      path.unshift(Array.prototype.indexOf.call(node.parentElement.children, node));
    }
    return {path: path};
  }
  function found(at) {
    if (at.id) { return document.getElementById(at.id); }
    if (at.href !== undefined) {
      return document.querySelectorAll(at.tag + '[href=\\"' + CSS.escape(at.href) + '\\"]')[at.nth] || null;
    }
    var node = document.body;
    for (var i = 0; node && i < at.path.length; i++) { node = node.children[at.path[i]]; }
    return node || null;
  }
  function reload() {
    var el = document.activeElement;
    try {
      if (el && el !== document.body && el !== document.documentElement) {
        sessionStorage.setItem(kept, JSON.stringify({page: location.pathname, at: place(el)}));
      }
    } catch (e) { /* no storage: the focus is lost, as before */ }
    location.reload();
  }
  function refocus() {
    try {
      var was = JSON.parse(sessionStorage.getItem(kept) || "null");
      sessionStorage.removeItem(kept);
      var el = was && was.page === location.pathname ? found(was.at) : null;
      if (el) { el.focus({preventScroll: true}); }
    } catch (e) { /* a page changed past recognition: no focus to give back */ }
  }
  function note(pdf) {  /* beside each link to a PDF or an open-data file: whether it is of the plan as saved */
    var links = document.querySelectorAll(said.pdfs.map(function (name) { return 'a[href$="' + name + '"]'; })
                                          .concat(['a[download][href*="data/"]']).join(","));
    for (var i = 0; i < links.length; i++) {
      var next = links[i].nextElementSibling;
      var shown = next && next.className === "masterplan-pdf" ? next : null;
      var text = /\\.pdf$/.test(links[i].getAttribute("href")) ? pdf.text : pdf.file_text;
      if (!text) { if (shown) { shown.remove(); } continue; }
      if (!shown) {
        shown = document.createElement("span");
        shown.className = "masterplan-pdf";
        shown.setAttribute("role", "status");
        links[i].insertAdjacentElement("afterend", shown);
      }
      shown.setAttribute("data-state", pdf.kind);
      shown.style.cssText = "display:inline-block;max-width:40rem;margin:.25rem .5rem;padding:.2rem .5rem;" +
        "border-radius:.25rem;font-size:.875rem;line-height:1.4;font-weight:normal;" +
        (pdf.kind === "failed" ? "background:#fff4f4;color:#5c0000;border:1px solid #c00"
                               : "background:#fff7e0;color:#4a3300;border:1px solid #b07d00");
      shown.textContent = text;
    }
  }
  function stopped(down) {  /* the preview has stopped answering (Ctrl-C): said until it answers again */
    var shown = document.getElementById("masterplan-stopped");
    if (!down) { if (shown) { shown.remove(); } return; }
    if (shown) { return; }
    shown = document.createElement("div");
    shown.id = "masterplan-stopped";
    shown.setAttribute("role", "status");
    shown.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483647;max-width:28rem;" +
      "padding:.5rem .75rem;border-radius:.25rem;background:#fff7e0;color:#4a3300;border:1px solid #b07d00;" +
      "font:14px/1.4 system-ui,sans-serif;box-shadow:0 2px 8px rgba(0,0,0,.2)";
    shown.textContent = said.stopped;
    document.body.appendChild(shown);
  }
  function warned(w) {  /* the plan's warnings, once worked out: a list to open in a corner, none without any */
    var shown = document.getElementById("masterplan-warnings");
    if (!w || !w.lines.length) { if (shown) { shown.remove(); } return; }
    if (!shown) {
      shown = document.createElement("details");
      shown.id = "masterplan-warnings";
      shown.style.cssText = "position:fixed;left:1rem;bottom:1rem;z-index:2147483646;max-width:min(48rem,90vw);" +
        "max-height:50vh;overflow:auto;padding:.4rem .75rem;border-radius:.25rem;background:#fff7e0;color:#4a3300;" +
        "border:1px solid #b07d00;font:13px/1.45 ui-monospace,monospace;box-shadow:0 2px 8px rgba(0,0,0,.2)";
      shown.appendChild(document.createElement("summary")).style.cssText = "cursor:pointer;font-weight:bold";
      shown.appendChild(document.createElement("ul")).style.cssText = "margin:.4rem 0 0;padding-left:1.2rem";
      document.body.appendChild(shown);
    }
    shown.querySelector("summary").textContent = w.title;
    var list = shown.querySelector("ul");
    list.textContent = "";
    w.lines.forEach(function (line) { list.appendChild(document.createElement("li")).textContent = line; });
  }
  function check(since) {
    return fetch(url + "&since=" + since + "&instance=" + instance, {cache: "no-store"})
      .then(function (r) { return r.json(); });
  }
  function seen(d) {
    stopped(false);
    if (d.instance !== instance) { instance = d.instance; generation = null; }  /* started again: its count anew */
    if (d.generation === generation) { return; }
    generation = d.generation;
    if (d.digest !== digest) { reload(); } else { note(d.pdf); warned(d.warnings); }
  }
  refocus();
  note(said.note);
  warned(said.warnings);
  if (channel) {
    channel.onmessage = function (e) {
      if (e.data === "stopped") { stopped(true); return; }
      if (e.data !== generation) { check(-1).then(seen).catch(function () {}); }  /* "back": another preview's */
    };
  }
  function lead() {  /* holds the lock as long as this tab lives */
    return new Promise(function () {
      var failed = 0;  /* polls in a row the preview did not answer: three, some three seconds, and it has stopped */
      (function poll() {
        check(generation).then(function (d) {
          failed = 0;
          /* a preview started again counts its rebuilds anew: the other tabs compare their pages whatever the count */
          if (channel) { channel.postMessage(d.instance !== instance ? "back" : d.generation); }
          seen(d); poll();
        }).catch(function () {
          if (++failed === 3) { stopped(true); if (channel) { channel.postMessage("stopped"); } }
          setTimeout(poll, 1000);
        });
      })();
    });
  }
  if (channel && navigator.locks) { navigator.locks.request("masterplan-reload", lead); } else { lead(); }
})();
</script>"""

OVERLAY = """<div id="masterplan-errors" role="alert" style="position:fixed;inset:0 0 auto 0;max-height:70vh;\
overflow:auto;z-index:2147483647;background:#fff4f4;color:#5c0000;border-bottom:4px solid #c00;\
padding:1rem 1.5rem;font:14px/1.5 ui-monospace,monospace;box-shadow:0 4px 16px rgba(0,0,0,.3)">
<button type="button" onclick="this.parentNode.remove()" aria-label="%s" style="float:right;font:inherit;\
font-size:20px;line-height:1;padding:.2rem .6rem;border:1px solid #c00;background:#fff;color:#5c0000;cursor:pointer">\
&times;</button>
<strong style="font-size:16px">%s</strong>
<ul style="margin:.5rem 0 0;padding-left:1.2rem">%s</ul>
<p style="margin:.5rem 0 0">%s</p></div>"""

_LANG = re.compile(r'<html lang="([a-z]{2})"')
#: an address a page names: a picture's, a link's (``srcset`` lists several, each with its size)
_ADDRESS = re.compile(r'\s(?:src|href|srcset)="([^"]+)"')


def language(page: str) -> str:
    """The language the page is written in (the plan's)."""
    found = _LANG.search(page)
    return found.group(1) if found else "id"


def assets_shown(page: str, url_path: str, content: Path) -> list[str]:
    """The files of ``content/assets/`` the page at ``url_path`` names, each with its size and time: a picture
    saved over with another left the page's HTML as it was, and the open tab showed the old one."""
    stamps = set()
    for value in _ADDRESS.findall(page):
        if ASSETS not in value:  # most of a page's links: not worth resolving
            continue
        for address in (part.split()[0] for part in html.unescape(value).split(",") if part.split()):
            path = unquote(urlsplit(urljoin(url_path, address)).path)
            if not path.startswith(f"/{ASSETS}/") or "/../" in path:
                continue
            stamps.add(_stamp(path, content / path.lstrip("/")))
    return sorted(stamps)


def plan_files_shown(page: str, preview: Preview) -> list[str]:
    """The plan's files the site carries under another name (the logo) that the page names, each with its size
    and time: a logo saved over left every page's HTML as it was."""
    pages = preview.pages
    return [_stamp(name, path) for name, path in sorted(pages.files.items()) if name in page] if pages else []


def _stamp(name: str, path: Path) -> str:
    """``name`` with the size and time of the file at ``path``, or a dash when there is none."""
    try:
        stat = path.stat()
    except OSError:
        return f"{name} -"
    return f"{name} {stat.st_size} {stat.st_mtime_ns}"


def digest(page: str, url_path: str, preview: Preview) -> str:
    """What a tab compares to tell whether its page changed: the page, the errors shown over it, and the
    pictures of ``content/assets/`` and the logo it shows."""
    errors = "\n".join(line for line, _ in preview.speaker.lines(preview.errors))
    assets = "\n".join(assets_shown(page, url_path, preview.root / "content") + plan_files_shown(page, preview))
    return hashlib.sha1(f"{page}\n{errors}\n{assets}".encode()).hexdigest()[:16]


def decorate(page: str, url_path: str, preview: Preview, generation: int) -> str:
    """The page with the reload script, the PDF's state beside its links and, while there are errors, the
    error overlay (which a click on its × closes, for a look at the page under it)."""
    said = {"generation": generation, "digest": digest(page, url_path, preview), "instance": preview.instance,
            "path": RELOAD_PATH,
            # the books' addresses (download/masterplan.pdf): an earlier version's (download/v1.0/…) is not the one noted
            "pdfs": [PAGES[key] for key in ("pdf", *site_links.COMPANIONS)],
            "note": pdf_note(preview, page), "warnings": warnings_note(preview, page),
            "stopped": Translator(language(page))("The preview has stopped: run masterplan serve again, and this page "
                                                  "comes back by itself.")}
    extra = RELOAD_SCRIPT % json.dumps(said).replace("<", "\\u003c")  # no '</script>' nor '<!--' in its text
    errors = preview.errors
    if errors:
        translate = Translator(language(page))  # the page's own language
        items = "".join(f"<li>{html.escape(line)}</li>" for line, _ in preview.speaker.lines(errors))  # as in the terminal
        extra = OVERLAY % (html.escape(translate("Close")), html.escape(translate("masterplan: the plan has errors")),
                           items, html.escape(translate("Fix them and save: this page comes back by itself."))) + extra
    marker = page.rfind("</body>")
    return page[:marker] + extra + page[marker:] if marker >= 0 else page + extra


def warnings_note(preview: Preview, page: str) -> dict[str, object]:
    """The plan's warnings as the page lists them: a count of them all in the page's language, and each as the terminal
    says it (the last background build's own after the checks', none while the plan has errors)."""
    built = [] if preview.errors else [line for line in preview.build_warnings if line not in preview.warnings.lines]
    lines = [*preview.warnings.lines, *built]
    count = preview.warnings.total + len(built)  # past fifty of a kind in a file, a line counts the rest
    title = Translator(language(page))("1 warning" if count == 1 else "{count} warnings", count=count)
    return {"title": title, "lines": lines}


def pdf_note(preview: Preview, page: str) -> dict[str, str]:
    """What the page says beside its links to the PDFs (the book, the executive summary, the strategic analysis) and
    to the open data, which one background build writes: the state's name and its words in the page's language."""
    return {"kind": preview.pdf.kind, "text": preview.pdf.said(language(page)),
            "file_text": preview.pdf.said(language(page), FILE_WORDS)}
