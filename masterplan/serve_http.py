"""The preview's HTTP answers: what each address shows, and to whom.

The server answers only for files under ``build/site`` (anything else is a 404, however
the path is spelled or encoded), pages rendered from the plan in memory, and ``content/assets/``
and the logo as saved; on 127.0.0.1 it answers only requests naming this machine. What it adds to each page
(the reload script, the error overlay, the PDF's state) is :mod:`masterplan.serve_page`'s.
"""

from __future__ import annotations

import ipaddress
import json
import mimetypes
import os
import shutil
import sys
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from masterplan.assets import folder_refusal, refusal
from masterplan.diagnostics import Message
from masterplan.model import ASSETS
from masterplan.output import retired
from masterplan.preview import Preview
from masterplan.render.site_links import site_folder
from masterplan.serve_page import RELOAD_PATH, decorate, digest, pdf_note, warnings_note

POLL_SECONDS = 20.0  #: how long a tab's request for the next rebuild is held open
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
    try:  # a name longer than the disk allows (ENAMETOOLONG) is no file of the site either
        if candidate.is_dir():
            candidate = candidate / "index.html"
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(base) or not resolved.is_file():
        return None
    return resolved


def built_file(site: Path, url_path: str) -> Path | None:
    """:func:`site_file`, while a background build swaps its site in too: between the swap's two renames the site
    is missing, and a tab reloading then was told "not found" of a page there is; it gets the old site's file, or
    (the swap done meanwhile) the new one's."""
    return site_file(site, url_path) or next(
        (found for old in retired(site.parent, site.name) if (found := site_file(old, url_path))), None
    ) or site_file(site, url_path)


class Handler(BaseHTTPRequestHandler):
    """Serves one preview: pages from memory (current model), other files from ``build/site``."""

    preview: Preview
    server: Server  #: the one :func:`listen` makes, listening on (host, port)
    server_version = "masterplan-serve"

    def do_GET(self) -> None:
        self.respond(head=False)

    def do_HEAD(self) -> None:
        self.respond(head=True)

    def respond(self, head: bool) -> None:
        """Answer the request: a file, a page, or the reload's poll."""
        if not self.host_allowed():
            self.send_text(HTTPStatus.FORBIDDEN, self.preview.speaker.say(
                Message("403: this preview answers only at its own address (localhost, 127.0.0.1)")), head)
            return
        parts = urlsplit(self.path)
        if parts.path == RELOAD_PATH:
            self.reload(parts.query)
            return
        generation = self.preview.generation
        shown = self.shows(parts.path)
        if isinstance(shown, Path) and not self.send_file(shown, head):  # moved by a background build's swap since
            shown = self.shows(parts.path)  # it was found: where the swap has it now
            if isinstance(shown, Path) and not self.send_file(shown, head):
                shown = self.not_found()
        if isinstance(shown, Path):
            return
        if shown[1] is None:
            self.send_text(shown[0], self.preview.speaker.say(Message("404: not found")), head)
        else:
            self.send_text(shown[0], decorate(shown[1], parts.path, self.preview, generation), head, "text/html")

    def host_allowed(self) -> bool:
        """Whether the request names this machine: listening on 127.0.0.1 (the default), a page of another site
        whose name is made to lead here (DNS rebinding) would otherwise read the preview, drafts and all."""
        listening = ipaddress.ip_address(self.server.server_address[0])
        if not listening.is_loopback:
            return True  # --host: the address people reach it at is theirs to choose
        try:
            named = (urlsplit("//" + (self.headers.get("Host") or "")).hostname or "").rstrip(".")
        except ValueError:  # "Host: [": no name at all
            return False
        return named == "localhost" or named.endswith(".localhost") or _loopback(named)

    def shows(self, url_path: str, again: bool = True) -> Path | tuple[HTTPStatus, str | None]:
        """What a URL shows: a file to send as it is, or the status and HTML of a page (None: a bare 404).
        ``again``: a page a background build's swap moves as it is read is looked up again (once)."""
        if url_path.startswith("//"):  # "//etc/passwd" is a path here, never another host or root
            return HTTPStatus.NOT_FOUND, None
        relative = self.page_path(url_path)
        page = self.preview.page(relative) if relative is not None else None
        if page is not None:
            return HTTPStatus.OK, page
        if unquote(url_path).lower().startswith(f"/{ASSETS}/"):  # content/assets/ as saved, or nothing: never the
            # last build's copy (/%61ssets/ and /ASSETS/ are that folder too, to site_file and a Windows disk)
            found = self.asset(url_path)  # (of a file since deleted, or refused: E525, E526); only /assets/ itself
        else:
            found = self.theme_file(url_path) or self.plan_file(relative) or built_file(self.preview.site, url_path)
        if found is None or self.gone(found):
            return self.not_found()
        if found.suffix == ".html":
            try:
                return HTTPStatus.OK, found.read_text(encoding="utf-8", errors="replace")
            except FileNotFoundError:  # moved by a swap since it was found: where the swap has it now
                return self.shows(url_path, again=False) if again else self.not_found()
        return found

    def theme_file(self, url_path: str) -> Path | None:
        """A stylesheet or script of the theme (the plan's override winning), as the theme has it now: the
        copy in ``build/site/static`` may be older, or gone with ``build/`` (pages showed without style)."""
        prefix = "/static/"
        if not url_path.startswith(prefix):
            return None
        from masterplan.render.theme import Theme
        theme = Theme.for_plan(self.preview.root)
        return theme.files("site/static").get(unquote(url_path[len(prefix):]))  # never a link out of the theme

    def plan_file(self, relative: str | None) -> Path | None:
        """A file of the plan the site carries under another name (the logo), as saved: the site's copy is the last
        build's (a logo saved over showed the old one until the background build)."""
        pages = self.preview.pages
        found = pages.files.get(relative) if pages is not None and relative is not None else None
        content = self.preview.root / "content"
        return found if found is not None and found.resolve().is_relative_to(content.resolve()) else None  # as served

    def asset(self, url_path: str) -> Path | None:
        """A file of ``content/assets/`` as saved, ahead of the copy the next background build makes (an image
        just added showed broken until the PDF was built)."""
        prefix = f"/{ASSETS}/"
        if not url_path.startswith(prefix):
            return None
        content = self.preview.root / "content"
        if folder_refusal(content) is not None:
            return None
        found = site_file(content / ASSETS, url_path[len(prefix) - 1:])
        return found if found is not None and refusal(found, content) is None else None  # as the site publishes

    def gone(self, found: Path) -> bool:
        """A page the last build wrote that the plan no longer has (a program renamed or deleted): the
        in-memory page list says, when the preview renders pages itself; a plan's own files are never gone."""
        pages = self.preview.pages
        if pages is None or not self.preview.in_process or found.suffix != ".html":
            return False
        if not found.is_relative_to(self.preview.site.resolve()):
            return False  # a file of content/assets/ as saved
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

    def not_found(self) -> tuple[HTTPStatus, str | None]:
        if self.preview.errors and self.preview.pages is None:  # nothing built yet: show what to fix
            return HTTPStatus.OK, BARE_PAGE
        page = self.preview.page("404.html")
        if page and self.preview.base_url:  # built to link from the public address's folder: here, from this server's root
            page = page.replace(f'"{site_folder(self.preview.base_url)}', '"/')
        if page is None and self.preview.errors:  # its template fails: the errors and the reload, as any page's
            return HTTPStatus.NOT_FOUND, BARE_PAGE
        return HTTPStatus.NOT_FOUND, page or None

    def reload(self, query: str) -> None:
        try:
            since = int(parse_qs(query).get("since", ["-1"])[0])
        except ValueError:
            since = -1
        if parse_qs(query).get("instance", [self.preview.instance])[0] != self.preview.instance:
            since = -1  # a tab of the preview before this one: answered at once, its page compared anew
        generation = self.preview.wait(since, POLL_SECONDS)
        answer: dict[str, Any] = {"generation": generation, "instance": self.preview.instance}
        page = parse_qs(query).get("page")
        if page:  # the digest of that page as it is now: the tab reloads only when it differs from its own
            shown = self.shows(page[0])
            html = shown[1] if isinstance(shown, tuple) else None
            answer["digest"] = digest(html, page[0], self.preview) if html else None
            answer["pdf"] = pdf_note(self.preview, html or "")
            answer["warnings"] = warnings_note(self.preview, html or "")
        self.send_text(HTTPStatus.OK, json.dumps(answer), False, "application/json")

    def send_text(self, status: HTTPStatus, text: str, head: bool, kind: str = "text/plain") -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def send_file(self, path: Path, head: bool) -> bool:
        """Send the file at ``path``; False, sending nothing, when it is no longer there (a background build's swap
        moved it since it was found)."""
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        try:
            handle = path.open("rb")
        except OSError:
            return False
        with handle:  # the size of the file opened: one a build swapped in since has its own (the download was cut)
            size = os.fstat(handle.fileno()).st_size
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(size))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            if not head:
                shutil.copyfileobj(handle, self.wfile)
        return True

    def log_message(self, format: str, *args: object) -> None:
        pass  # the terminal shows rebuilds and errors, not every request


def _loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that left mid-answer (a closed tab, a followed link) is no error to report."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def listen(preview: Preview, host: str, port: int) -> Server:
    """Take ``host:port`` (port 0: any free one); :meth:`Server.serve_forever` answers on it."""
    handler: Callable[..., Handler] = type("PreviewHandler", (Handler,), {"preview": preview})
    return Server((host, port), handler)
