"""``masterplan serve``: the website on a local address while you edit, reloading by itself.

The server answers only for files under ``build/site`` (anything else is a 404, however
the path is spelled or encoded), listens on 127.0.0.1 unless told otherwise, and, in
preview only, adds to each HTML page a small script that long-polls ``/__reload`` and
reloads the page after each rebuild. While the content has errors, each page carries an
overlay listing them as ``file:line: message``.
"""

from __future__ import annotations

import html
import json
import mimetypes
import re
import shutil
import signal
import sys
import threading
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from masterplan.diagnostics import Message
from masterplan.i18n import Translator
from masterplan.model import ASSETS
from masterplan.preview import Preview
from masterplan.render.site_links import site_folder

RELOAD_PATH = "/__reload"
POLL_SECONDS = 20.0

RELOAD_SCRIPT = """<script>/* masterplan serve: reload after each rebuild */
(function () {
  var generation = %d;
  function poll() {
    fetch("%s?since=" + generation, {cache: "no-store"}).then(function (r) { return r.json(); })
      .then(function (d) { if (d.generation !== generation) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
</script>"""

OVERLAY = """<div id="masterplan-errors" role="alert" style="position:fixed;inset:0 0 auto 0;max-height:70vh;\
overflow:auto;z-index:2147483647;background:#fff4f4;color:#5c0000;border-bottom:4px solid #c00;\
padding:1rem 1.5rem;font:14px/1.5 ui-monospace,monospace;box-shadow:0 4px 16px rgba(0,0,0,.3)">
<strong style="font-size:16px">%s</strong>
<ul style="margin:.5rem 0 0;padding-left:1.2rem">%s</ul>
<p style="margin:.5rem 0 0">%s</p></div>"""

_LANG = re.compile(r'<html lang="([a-z]{2})"')
BARE_PAGE = "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>masterplan</title></head><body></body></html>"


def site_file(site: Path, url_path: str) -> Path | None:
    """The file under ``site`` that ``url_path`` names, or None: never anything outside ``site``.

    The path is percent-decoded once; any ``..`` or ``.`` segment, backslash, colon or NUL
    refuses the request outright rather than being normalised away.
    """
    decoded = unquote(url_path)
    segments = [s for s in decoded.split("/") if s]
    if any(s in (".", "..") or "\\" in s or ":" in s or "\x00" in s for s in segments):
        return None
    base = site.resolve()
    candidate = base.joinpath(*segments) if segments else base
    if candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(base) or not resolved.is_file():
        return None
    return resolved


def decorate(page: str, preview: Preview, generation: int) -> str:
    """The page with the reload script and, while there are errors, the error overlay."""
    extra = RELOAD_SCRIPT % (generation, RELOAD_PATH)
    errors = preview.errors
    if errors:
        language = _LANG.search(page)
        translate = Translator(language.group(1) if language else "id")  # the page's own language
        items = "".join(f"<li>{html.escape(preview.speaker.line(d))}</li>" for d in errors)  # as in the terminal
        extra = OVERLAY % (html.escape(translate("masterplan: the plan has errors")), items,
                           html.escape(translate("Fix them and save: this page comes back by itself."))) + extra
    marker = page.rfind("</body>")
    return page[:marker] + extra + page[marker:] if marker >= 0 else page + extra


class Handler(BaseHTTPRequestHandler):
    """Serves one preview: pages from memory (current model), other files from ``build/site``."""

    preview: Preview
    server_version = "masterplan-serve"

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def respond(self, head: bool) -> None:
        parts = urlsplit(self.path)
        if parts.path == RELOAD_PATH:
            self.reload(parts.query)
            return
        if parts.path.startswith("//"):  # "//etc/passwd" is a path here, never another host or root
            self.send_text(HTTPStatus.NOT_FOUND, "not found", head)
            return
        generation = self.preview.generation
        relative = self.page_path(parts.path)
        page = self.preview.page(relative) if relative is not None else None
        if page is not None:
            self.send_text(HTTPStatus.OK, decorate(page, self.preview, generation), head, "text/html")
            return
        found = site_file(self.preview.site, parts.path)
        if found is None or self.gone(found):
            self.not_found(head, generation)
        elif found.suffix == ".html":
            text = found.read_text(encoding="utf-8", errors="replace")
            self.send_text(HTTPStatus.OK, decorate(text, self.preview, generation), head, "text/html")
        else:
            self.send_file(found, head)

    def gone(self, found: Path) -> bool:
        """A page the last build wrote that the plan no longer has (a program renamed or deleted): the
        in-memory page list says, when the preview renders pages itself; a plan's own files are never gone."""
        pages = self.preview.pages
        if pages is None or not self.preview.in_process or found.suffix != ".html":
            return False
        path = found.relative_to(self.preview.site.resolve()).as_posix()
        return not path.startswith(f"{ASSETS}/") and path not in pages.by_path  # the plan's own HTML is no page

    def page_path(self, url_path: str) -> str | None:
        """The site-relative page path a URL names (``/`` → ``index.html``), if it is a safe one."""
        segments = [s for s in unquote(url_path).split("/") if s]
        if any(s in (".", "..") or "\\" in s or "\x00" in s for s in segments):
            return None
        if not segments or url_path.endswith("/"):
            segments.append("index.html")
        return "/".join(segments)

    def not_found(self, head: bool, generation: int) -> None:
        if self.preview.errors and self.preview.pages is None:  # nothing built yet: show what to fix
            self.send_text(HTTPStatus.OK, decorate(BARE_PAGE, self.preview, generation), head, "text/html")
            return
        page = self.preview.page("404.html")
        if page and self.preview.base_url:  # built to link from the public address's folder: here, from this server's root
            page = page.replace(f'"{site_folder(self.preview.base_url)}', '"/')
        body = decorate(page, self.preview, generation) if page else "404: not found"
        self.send_text(HTTPStatus.NOT_FOUND, body, head, "text/html" if page else "text/plain")

    def reload(self, query: str) -> None:
        try:
            since = int(parse_qs(query).get("since", ["-1"])[0])
        except ValueError:
            since = -1
        generation = self.preview.wait(since, POLL_SECONDS)
        self.send_text(HTTPStatus.OK, json.dumps({"generation": generation}), False, "application/json")

    def send_text(self, status: HTTPStatus, text: str, head: bool, kind: str = "text/plain") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_file(self, path: Path, head: bool) -> None:
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            handle = path.open("rb")
        except OSError:  # swapped away by a background build between lookup and open
            self.send_text(HTTPStatus.NOT_FOUND, "not found", head)
            return
        with handle:
            size = path.stat().st_size
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(size))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                shutil.copyfileobj(handle, self.wfile)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal shows rebuilds and errors, not every request


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that left mid-answer (a closed tab, a followed link) is no error to report."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def start(preview: Preview, host: str, port: int) -> tuple[Server, threading.Thread]:
    """Listen on ``host:port`` (port 0: any free one) in a background thread."""
    handler: Callable[..., Handler] = type("PreviewHandler", (Handler,), {"preview": preview})
    server = Server((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, name="masterplan-serve", daemon=True)
    thread.start()
    return server, thread


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, pdf: bool = True,
          log: Callable[[str], None] = print, base_url: str | None = None) -> int:
    """Build, serve and watch the plan folder ``root`` until Ctrl-C (or SIGTERM); returns the exit code.

    The preview builds into ``build/site`` like ``masterplan build``, so it keeps the public
    address (``base_url``) the site there was built for: a site built for publishing stays
    publishable after a preview.
    """
    from masterplan.build import BuildOptions, run
    from masterplan.render.site import published_address
    from masterplan.watch import BackgroundBuild, newest, watch

    site = root / "build" / "site"
    kept = published_address(site) if base_url is None else None
    preview = Preview(root, log, base_url, kept)
    if kept and not preview.from_plan:
        preview.say(Message("Keeping the public address the site was built for: {address} (--base-url)", address=kept))
    read_at = time.time()
    preview.say(Message("Building the site…"))
    result = run(root, BuildOptions(pdf=False, base_url=preview.build_address()), cache=preview.cache)
    if preview.rebuild((result.plan, result.report) if result.plan is not None else None):
        preview.verify()
    try:
        server, _ = start(preview, host, port)
    except OSError as exc:
        preview.say(Message("error: cannot listen on {host}:{port}: {detail} (try --port with another number)",
                            host=host, port=port, detail=exc.strerror or str(exc)))
        return 1
    address = f"http://{host if ':' not in host else f'[{host}]'}:{server.server_address[1]}/"
    background = BackgroundBuild(root, pdf, log, lambda ok: preview.rebuild() if ok else None,
                                 address=preview.build_address,
                                 say=lambda message: preview.speaker.say(message))  # the speaker of the last rebuild
    pdf_file = root / "build" / "masterplan.pdf"
    if pdf and (not pdf_file.is_file() or newest(root) > pdf_file.stat().st_mtime):
        background.schedule(delay=0)
    stop = threading.Event()
    _stop_on_sigterm()
    try:
        watch(preview, background, stop,
              lambda: preview.say(Message("Serving {site} on {address} (Ctrl-C to stop)", site=site, address=address)),
              read_at)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        background.stop()
        server.shutdown()
        server.server_close()
    preview.say(Message("Stopped."))
    return 0


def _stop_on_sigterm() -> None:
    """SIGTERM (a service manager, ``kill``) stops the preview as Ctrl-C does, background build included."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
