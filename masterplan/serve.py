"""``masterplan serve``: the website on a local address while you edit, reloading by itself.

It builds the site, listens (:mod:`masterplan.serve_http` answers each request, on 127.0.0.1
unless told otherwise), watches the plan folder and rebuilds on each edit, the PDF in a
background build, until Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import errno
import signal
import threading
import time
from collections.abc import Callable
from pathlib import Path

from masterplan import memory_pools, output, serve_pdf
from masterplan.background import BackgroundBuild
from masterplan.diagnostics import Message
from masterplan.preview import Preview
from masterplan.serve_http import listen


def serve(root: Path, host: str = "127.0.0.1", port: int = 8000, pdf: bool = True,
          log: Callable[[str], None] = print, base_url: str | None = None) -> int:
    """Build, serve and watch the plan folder ``root`` until Ctrl-C (or SIGTERM); returns the exit code.

    The preview builds into ``build/site`` like ``masterplan build``, so it keeps the public
    address (``base_url``) the site there was built for: a site built for publishing stays
    publishable after a preview.
    """
    from masterplan.build import run
    from masterplan.build_options import BuildOptions
    from masterplan.render.site import published_address
    from masterplan.watch import plan_files, watch

    memory_pools.fewer_pools()  # before any thread: each would keep a pool of freed memory of its own

    site = output.build_folder(root) / output.SITE
    kept = published_address(site) if base_url is None else None
    preview = Preview(root, log, base_url, kept)
    if kept and not preview.from_plan:
        preview.say(Message("Keeping the public address the site was built for: {address} (--base-url)", address=kept))
    try:  # the address first: a second preview on a port in use rebuilt the first one's site before it failed
        server = listen(preview, host, port)
    except OSError as exc:
        preview.say(Message("error: cannot listen on {host}:{port}: {detail} (try --port with another number)",
                            host=host, port=port, detail=_said(exc)))
        return 1
    address = f"http://{host if ':' not in host else f'[{host}]'}:{server.server_address[1]}/"
    # said first, not below the plan's errors and the background build's lines: a browser opened on it waits
    # for the first build
    preview.say(Message("Serving {site} on {address} (Ctrl-C to stop)", site=site, address=address))
    background: BackgroundBuild | None = None
    serving = threading.Thread(target=server.serve_forever, name="masterplan-serve", daemon=True)
    stop = threading.Event()
    try:  # Ctrl-C while the site is first built stops as well as later
        read_at, listed = time.time(), plan_files(root)  # a file deleted as the site is built is caught up too
        preview.say(Message("Building the site…"))
        result = run(root, BuildOptions(pdf=False, base_url=preview.build_address(), final=False), cache=preview.cache)
        good = preview.rebuild((result.plan, result.report) if result.plan is not None else None)
        if good:
            preview.verify()
        _stop_on_sigterm()  # not before: the first build's forked workers would take it as theirs
        background = _background(preview, pdf, good)
        watch(preview, background, stop, read_at, serving.start, listed)  # pages once edits are watched
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        if background is not None:
            background.stop()
        if serving.is_alive():
            server.shutdown()
        server.server_close()
    preview.say(Message("Stopped."))
    return 0


def _background(preview: Preview, pdf: bool, good: bool) -> BackgroundBuild:
    """The preview's background build, started now when the PDF is not of the plan as saved (after a restart
    too: a PDF built from the edit before the last) and the plan is ``good``; with errors, it waits for them
    to be fixed. With ``pdf``, each change of where the PDF stands is said in the pages."""
    root = preview.root

    def done(ok: bool) -> None:
        if ok and not preview.errors:  # the pages say the new PDF's size (with errors, once they are fixed)
            preview.rebuild()

    showing = threading.Lock()

    def changed() -> None:
        if pdf:
            with showing:  # worked out and shown in turn: the build's thread and the watcher's showed the older last
                preview.show_pdf(serve_pdf.state(root, background, bool(preview.errors)))

    background = BackgroundBuild(root, pdf, preview.log, done, address=preview.build_address,
                                 say=lambda message: preview.speaker.say(message),  # the speaker of the last rebuild
                                 known=lambda line: line in preview.told, changed=changed, warned=preview.show_build_warnings)
    if pdf and serve_pdf.outdated(root):
        if good:
            background.schedule(delay=0)
        else:
            background.say(Message("Background build waits until the errors are fixed"))
    changed()
    return background


#: the system's reasons a preview cannot listen, in the user's words (the system says them in English)
_LISTEN_PROBLEMS = {errno.EADDRINUSE: Message("the port is in use by another program, or another preview"),
                    errno.EACCES: Message("the system does not allow this port (below 1024: ask for one above)"),
                    errno.EADDRNOTAVAIL: Message("this computer has no such address")}


def _said(exc: OSError) -> Message | str:
    return _LISTEN_PROBLEMS.get(exc.errno or 0) or exc.strerror or str(exc)


def _stop_on_sigterm() -> None:
    """SIGTERM (a service manager, ``kill``) stops the preview as Ctrl-C does, background build included."""
    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, interrupt)
