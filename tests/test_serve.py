"""``masterplan serve`` as a user runs it: a real process on 127.0.0.1, real site builds, real edits."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from serving import AGENCY, TIMEOUT, Served, start, stop

from masterplan.background import SETTLE_SECONDS, BackgroundBuild


def test_an_edit_shows_in_the_served_page(served: Served) -> None:
    status, body = served.get("/program/GOV-01.html")
    assert status == 200 and "e-Sambat" in body and "/__reload" in body
    path = served.root / AGENCY
    path.write_text(path.read_text(encoding="utf-8").replace("e-Sambat (Media", "Sambat Kilat (Media"),
                    encoding="utf-8")
    served.wait_for("/program/GOV-01.html", lambda s, b: s == 200 and "Sambat Kilat" in b, "the new name")
    for listing in ("/pillar/governance.html", "/program/index.html"):  # the pages listing the program follow
        served.wait_for(listing, lambda s, b: s == 200 and "Sambat Kilat (Media" in b and "e-Sambat (Media" not in b,
                        f"the new name on {listing}")


def test_a_mission_page_is_served_and_follows_an_edit(served: Served) -> None:
    """The preview renders a mission's page on request, as pillar pages, and lists a program there once an edit
    makes it serve that mission."""
    status, body = served.get("/mission/m1.html")
    assert status == 200 and "<h1>Tata kelola yang baik</h1>" in body and '<td class="code">GOV-01</td>' in body
    assert 'href="../program/GOV-01.html"' in body
    assert "/__reload" in body and "GOV-01" not in served.get("/mission/m2.html")[1]
    path = served.root / AGENCY
    path.write_text(path.read_text(encoding="utf-8").replace("missions: [m1]", "missions: [m1, m2]"), encoding="utf-8")
    served.wait_for("/mission/m2.html", lambda s, b: s == 200 and 'href="../program/GOV-01.html"' in b,
                    "GOV-01 on mission 2's page")


def test_an_editors_temporary_file_is_not_reported_as_a_change(served: Served) -> None:
    """``sed -i`` writes ``sedAbC123`` beside the file and renames it over: only the file itself changed."""
    subprocess.run(["sed", "-i", "s/e-Sambat (Media/Sambat Sed (Media/", AGENCY], cwd=served.root, check=True)
    served.wait_for("/program/GOV-01.html", lambda s, b: s == 200 and "Sambat Sed" in b, "the new name")
    # said before the page changed, but read from the pipe in its own time: waited for, not looked for at once
    served.wait_line(lambda line: "Changed:" in line, "the change said in the terminal")
    changed = [line for line in served.lines if "Changed:" in line]
    assert changed and all(line.endswith("Changed: " + AGENCY) for line in changed), "\n".join(served.lines)


@pytest.mark.parametrize("name", ["sedAb3xYz", "4913", "#dinkes.yml#", ".goutputstream-QX1Z2Y", "dinkes.yml.tmp",
                                  ".dinkes.yml.swp", "dinkes.yml~"])
def test_editor_leftovers_are_not_watched(name: str) -> None:
    import watchfiles

    from masterplan.watch import PlanFilter
    watched = PlanFilter()
    assert not watched(watchfiles.Change.added, f"/plan/content/agencies/{name}")
    assert watched(watchfiles.Change.modified, "/plan/content/agencies/dinkes.yml")
    assert watched(watchfiles.Change.added, "/plan/content/chapters/03-sedekah.md")


def test_a_content_error_is_shown_in_the_page_until_fixed(served: Served) -> None:
    path = served.root / AGENCY
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("short_name: Diskominfo", "short_name: [Diskominfo"), encoding="utf-8")
    body = served.wait_for("/program/GOV-01.html", lambda s, b: 'id="masterplan-errors"' in b, "the overlay")
    assert re.search(r"content/agencies/diskominfo\.yml:\d+(:\d+)?: error", body), body[-2000:]
    assert "isi masterplan memuat kesalahan" in body and "Perbaiki lalu simpan" in body  # in the page's language
    # the errors are said in the terminal just after the page shows them
    served.wait_line(lambda line: "diskominfo.yml:" in line, "the error in the terminal")
    path.write_text(good.replace("e-Sambat (Media", "e-Sambat Lagi (Media"), encoding="utf-8")
    served.wait_for("/program/GOV-01.html",
                    lambda s, b: s == 200 and 'id="masterplan-errors"' not in b and "e-Sambat Lagi" in b,
                    "the page back without the overlay")


def test_the_reload_endpoint_answers_after_a_rebuild(served: Served) -> None:
    """The long poll answers after a rebuild with the page's digest now: an edit that changes nothing on the
    page (a blank line) leaves its digest as the page has it, and the tab does not reload (every open tab
    reloaded after each save and again after each background build, losing what was typed in it)."""
    _, body = served.get("/glossary.html")
    found = re.search(r'var said = \{"generation": (\d+), "digest": "(\w+)"', body)
    assert found, body[-1500:]
    generation, digest = int(found.group(1)), found.group(2)
    answer: list[str] = []
    waiting = threading.Thread(target=lambda: answer.append(
        served.get(f"/__reload?page=/glossary.html&since={generation}")[1]))
    waiting.start()
    time.sleep(0.3)
    assert not answer, "the long poll must wait for a change"
    path = served.root / AGENCY
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    waiting.join(TIMEOUT)
    assert answer and json.loads(answer[0])["generation"] != generation
    assert json.loads(answer[0])["digest"] == digest


def test_a_dozen_tabs_all_load_and_only_the_tab_whose_page_changed_reloads(served: Served, browser: object) -> None:
    """Each tab of the preview held a long poll open, and a browser opens at most six connections to a host: a
    seventh tab never loaded. One tab now polls for all and tells the others; after an edit, only a tab whose
    page it changed reloads."""
    pages = ["/", "/glossary.html", "/program/GOV-01.html", "/program/ECO-01.html", "/agency/diskominfo.html",
             "/agency/bpkad.html", "/pillar/governance.html", "/pillar/economy.html", "/chapter/pendahuluan.html",
             "/budget.html", "/roadmap.html", "/agencies.html"]
    context = browser.new_context()  # type: ignore[attr-defined]
    tabs = []
    try:
        for path in pages:
            tab = context.new_page()
            tab.goto(f"http://127.0.0.1:{served.port}{path}", timeout=TIMEOUT * 1000)
            tab.evaluate("window.kept = true")
            tabs.append(tab)
        agency = served.root / AGENCY
        agency.write_text(agency.read_text(encoding="utf-8").replace("e-Sambat (Media", "e-Lapor (Media"), encoding="utf-8")
        program = tabs[pages.index("/program/GOV-01.html")]
        program.wait_for_function("document.title.includes('e-Lapor')", timeout=TIMEOUT * 1000)
        assert program.evaluate("window.kept === undefined"), "the changed page was reloaded"
        time.sleep(1.0)
        glossary = tabs[pages.index("/glossary.html")]
        assert glossary.evaluate("window.kept === true"), "a page the edit did not change was reloaded"
    finally:
        context.close()


def test_an_image_just_saved_is_served_at_once(served: Served) -> None:
    """content/assets/ reached the preview only through the background build's copy: an image added to a chapter
    showed broken for the 2 s of settling plus the build (40 s with the PDF), and for good while the content had
    errors. The preview serves the file as saved."""
    image = served.root / "content" / "assets" / "peta-baru.svg"
    image.parent.mkdir(exist_ok=True)
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    status, body = served.get("/assets/peta-baru.svg")
    assert status == 200 and body.startswith("<svg")
    assert served.get("/assets/../content/plan.yml")[0] == 404 and served.get("/assets/%2e%2e/plan.yml")[0] == 404


def test_a_logo_saved_over_is_served_at_once(served: Served) -> None:
    """The site carries the logo as static/logo.svg: the preview served the last build's copy, so a logo saved over
    (or one just named in plan.yml) showed the old one, or none, until the background build."""
    logo = served.root / "content" / "assets" / "lambang.svg"
    logo.parent.mkdir(exist_ok=True)
    drawn = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><title>{}</title></svg>'
    logo.write_text(drawn.format("lama"), encoding="utf-8")
    plan = served.root / "content" / "plan.yml"
    plan.write_text(plan.read_text(encoding="utf-8") + "logo: assets/lambang.svg\n", encoding="utf-8")
    served.wait_for("/", lambda status, body: "static/logo.svg" in body, "the home page showing the logo")
    assert served.get("/static/logo.svg") == (200, drawn.format("lama"))
    logo.write_text(drawn.format("baru"), encoding="utf-8")
    assert served.get("/static/logo.svg") == (200, drawn.format("baru"))
    assert served.get("/static/logo.png")[0] == 404


def test_the_preview_serves_of_content_assets_only_what_the_site_publishes(served: Served, tmp_path: Path) -> None:
    """The preview served any file of content/assets/ as saved: a page or script (and a .html file there ended
    the request in a traceback), or a link to a file of the machine, as the folder itself could be."""
    assets = served.root / "content" / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "peta.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    secret = tmp_path / "id_rsa"
    secret.write_text("secret", encoding="utf-8")
    (assets / "kunci.txt").symlink_to(secret)
    (assets / "peta.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>', encoding="utf-8")
    assert served.get("/assets/peta.html")[0] == 404
    assert served.get("/assets/kunci.txt")[0] == 404
    assert served.get("/assets/peta.svg")[0] == 200
    for path in assets.iterdir():
        path.rename(tmp_path / path.name)
    assets.rmdir()
    assets.symlink_to(tmp_path, target_is_directory=True)
    assert served.get("/assets/peta.svg")[0] == 404 and served.get("/assets/id_rsa")[0] == 404


@pytest.mark.parametrize(("host", "status"), [("evil.example", 403), ("evil.example:80", 403), ("127.0.0.1.nip.io", 403),
                                            ("", 403), ("localhost", 200), ("127.0.0.1:{port}", 200),
                                            ("LOCALHOST:{port}", 200), ("[::1]:{port}", 200), ("[", 403),
                                            ("localhost.:{port}", 200)])
def test_the_preview_answers_only_at_its_own_address(host: str, status: int, served: Served) -> None:
    """A web page of another site, its name made to lead to 127.0.0.1 (DNS rebinding), could read the preview's
    pages, drafts and all: the preview answered any Host."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=TIMEOUT)
    try:
        connection.putrequest("GET", "/index.html", skip_host=True)
        if host:
            connection.putheader("Host", host.format(port=served.port))
        connection.endheaders()
        response = connection.getresponse()
        assert response.status == status
        body = response.read().decode("utf-8")
        assert ("Kota" in body) == (status == 200)
        assert status == 200 or body.startswith("403: ") and "localhost" in body  # in the terminal's language
    finally:
        connection.close()


def test_a_second_preview_on_a_port_in_use_stops_before_building(served: Served) -> None:
    """A second `serve` on the first one's port rebuilt the running preview's site, then failed in the system's
    English ("Address already in use"). It now fails at once, in the plan's language, and builds nothing."""
    site = served.root / "build" / "site" / "index.html"
    before = site.stat().st_mtime_ns
    as_a_user = {name: value for name, value in os.environ.items() if name != "MASTERPLAN_LANG"}
    second = subprocess.run([sys.executable, "-m", "masterplan", "serve", str(served.root), "--port", str(served.port),
                             "--no-pdf"], check=False, capture_output=True, text=True, timeout=60, env=as_a_user)
    printed = second.stdout + second.stderr
    assert second.returncode == 1, printed
    assert f"tidak dapat membuka server di 127.0.0.1:{served.port}: port itu sedang dipakai program lain" in printed
    assert "Membuat situs" not in printed and "Address already in use" not in printed
    assert site.stat().st_mtime_ns == before


def test_a_templates_folder_made_while_serving_is_watched(served: Served) -> None:
    """A plan starts without templates/ (`new` makes none): one made while the preview ran was not watched, so
    an override saved in it showed only after `serve` was started again."""
    from masterplan.resources import theme_dir

    assert not (served.root / "templates").exists()
    override = served.root / "templates" / "site" / "footer.html"
    override.parent.mkdir(parents=True)
    time.sleep(0.5)  # the folder first, the file a moment later, as a person copies it in
    override.write_text((theme_dir() / "site" / "footer.html").read_text(encoding="utf-8")
                        .replace("</footer>", "<p>Dikelola Diskominfo Kota Contoh</p></footer>"), encoding="utf-8")
    served.wait_for("/", lambda status, body: "Dikelola Diskominfo Kota Contoh" in body, "the footer override")
    override.write_text(override.read_text(encoding="utf-8").replace("Dikelola", "Diasuh"), encoding="utf-8")
    served.wait_for("/", lambda status, body: "Diasuh Diskominfo Kota Contoh" in body, "an edit of the override")


def test_a_warning_left_as_it_is_is_said_once_not_on_every_save(served: Served) -> None:
    """Every save printed every warning again, and the background build printed them once more ("build │ …"):
    one warning came 10 times in 1.3 s of saves. A warning is said when it appears; saves that leave it say
    only what changed."""
    agency = served.root / AGENCY
    agency.write_text(agency.read_text(encoding="utf-8").replace("partners: [bpkad]", "partners: [bpkad, diskominfo]"),
                      encoding="utf-8")
    deadline = time.monotonic() + TIMEOUT
    while not any("[W407]" in line for line in served.lines) and time.monotonic() < deadline:
        time.sleep(0.1)
    for _ in range(3):
        time.sleep(0.4)
        agency.write_text(agency.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    deadline = time.monotonic() + TIMEOUT  # the background build of the last save: its lines come last
    while not any("Build di latar belakang selesai" in line or "Background build done" in line
                  for line in served.lines[-3:]) and time.monotonic() < deadline:
        time.sleep(0.2)
    said = [line for line in served.lines if "[W407]" in line]
    assert len(said) == 1, "\n".join(served.lines)


def test_a_template_error_made_while_serving_is_said_in_the_terminal(served: Served) -> None:
    """A footer override naming what the plan lacks showed E801 in the page only: the terminal said "Rebuilt"
    and a background build laid out the whole PDF before failing on it. It is said at once, and holds it."""
    override = served.root / "templates" / "site" / "footer.html"
    override.parent.mkdir(parents=True)
    override.write_text("<footer>{{ plan.kota.nama }}</footer>", encoding="utf-8")
    deadline = time.monotonic() + TIMEOUT
    while not any("footer.html" in line and "kota" in line for line in served.lines) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert any("templates/site/footer.html" in line and "kota" in line for line in served.lines), "\n".join(served.lines)
    # a tab on a page the plan lacks got a bare "404: not found", without the errors nor the reload: it never came
    # back once the template was mended
    body = served.wait_for("/program/GOV-99.html", lambda status, body: status == 404 and "footer.html" in body,
                           "the missing page with the error")
    assert "/__reload" in body
    override.write_text("<footer>{{ plan.city }}</footer>", encoding="utf-8")
    served.wait_for("/program/GOV-99.html", lambda status, body: status == 404 and "Kota Contoh" in body,
                    "the missing page again, the template mended")


def test_a_print_template_error_made_while_serving_is_shown_in_the_page_at_once(served: Served) -> None:
    """A cover override naming what the plan lacks was said only once the background build had failed on it, in
    the note beside the PDF's link: the page showed no error, and the PDF was laid out up to the failure. It is
    shown over the page and in the terminal at its line, and holds the background build, until mended."""
    from masterplan.i18n import theme_dir

    cover = served.root / "templates" / "print" / "cover.html"
    cover.parent.mkdir(parents=True)
    theme = (theme_dir() / "print" / "cover.html").read_text(encoding="utf-8")
    cover.write_text(theme.replace('<p class="cover-period">', '<p class="cover-period">{{ plan.kota.nama }}'),
                     encoding="utf-8")
    line = next(number for number, text in enumerate(cover.read_text(encoding="utf-8").splitlines(), 1)
                if "plan.kota" in text)
    body = served.wait_for("/", lambda status, body: "cover.html" in body, "the error over the page")
    assert f"templates/print/cover.html:{line}:1: error[E603]" in body, body
    said = served.wait_line(lambda text: "cover.html" in text and "[E603]" in text, "the error in the terminal")
    assert f"cover.html:{line}:" in said
    after = len(served.lines)
    time.sleep(SETTLE_SECONDS + 1)
    assert not any("Background build started" in text for text in served.lines[after:]), served.lines
    cover.write_text(theme.replace('<p class="cover-period">', '<p class="cover-period">{{ plan.city }}'),
                     encoding="utf-8")
    served.wait_for("/", lambda status, body: status == 200 and "cover.html" not in body, "the page without the error")


def test_a_print_template_broken_while_the_content_has_errors_is_shown_once_they_are_fixed(served: Served) -> None:
    """A plan with errors renders no book: a cover broken meanwhile was looked at by no check once the content was
    mended, and came up only in the PDF's note after the background build failed on it."""
    from masterplan.i18n import theme_dir

    served.edit(AGENCY, "id: diskominfo", "id: kominfo")
    served.wait_for("/", lambda status, body: "[E105]" in body, "the content's error over the page")
    # said in the terminal just after the page shows it: said before the mark below, not taken for the errors said again
    served.wait_line(lambda text: "error" in text and "the page shows it" in text, "the content's error said")
    cover = served.root / "templates" / "print" / "cover.html"
    cover.parent.mkdir(parents=True)
    theme = (theme_dir() / "print" / "cover.html").read_text(encoding="utf-8")
    after = len(served.lines)
    cover.write_text(theme.replace('<p class="cover-period">', '<p class="cover-period">{{ plan.kota }}'),
                     encoding="utf-8")
    served.wait_line(lambda text: "Changed:" in text and "cover.html" in text, "the cover's save seen", after=after)
    served.wait_line(lambda text: "error" in text and "the page shows it" in text, "the errors said again",
                     after=after)
    served.edit(AGENCY, "id: kominfo", "id: diskominfo")
    body = served.wait_for("/", lambda status, body: "[E105]" not in body and "cover.html" in body,
                           "the cover's error, the content mended")
    assert "error[E603]" in body


def test_pages_keep_their_style_when_build_is_deleted_while_serving(served: Served) -> None:
    """The README says build/ is safe to delete; deleted while the preview ran, its pages lost their stylesheet
    and scripts (404) until a content edit and a full background build. The theme's files are served as the
    theme has them."""
    import shutil

    from masterplan.resources import theme_dir

    shutil.rmtree(served.root / "build")
    status, body = served.get("/static/site.css")
    assert status == 200 and body == (theme_dir() / "site" / "static" / "site.css").read_text(encoding="utf-8")
    assert served.get("/static/menu.js")[0] == 200 and served.get("/static/../../content/plan.yml")[0] == 404


TRAVERSALS = ["/../", "/%2e%2e/", "/..%2f", "//etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
              "/..%2f..%2f..%2fetc%2fpasswd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/..\\..\\etc\\passwd",
              "/%5c..%5c..%5cetc%5cpasswd", "/static/../../secret.txt", "/static/%2e%2e/%2e%2e/secret.txt",
              "/../secret.txt", "/..%2fsecret.txt", "/%252e%252e/secret.txt", "/C:/Windows/win.ini",
              "/etc/passwd", "/%00../secret.txt", "/../../content/plan.yml", "/.%2e/.%2e/content/plan.yml"]


def test_a_name_longer_than_the_disk_allows_is_not_found(served: Served) -> None:
    """A path of 300 characters made the server's thread raise (File name too long) and drop the connection."""
    assert served.get("/" + "a" * 300)[0] == 404
    assert served.get("/program/" + "b" * 300 + ".html")[0] == 404
    assert served.get("/")[0] == 200  # and it goes on serving


def test_paths_outside_the_site_are_refused(served: Served) -> None:
    (served.root / "build" / "secret.txt").write_text("TOP SECRET", encoding="utf-8")
    for path in TRAVERSALS:
        status, body = served.get(path)
        assert status in (403, 404), (path, status)
        assert "root:" not in body and "TOP SECRET" not in body and "leading_sector" not in body, path


CLIENT = textwrap.dedent("""
    import hashlib, http.client, json, sys, threading
    port, total, workers = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    expected = json.loads(sys.stdin.read())
    paths = sorted(expected)
    failures, lock, counter = [], threading.Lock(), iter(range(total))
    def work():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for n in counter:
            path = paths[n % len(paths)]
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                body = response.read()
                if response.getheader("Connection", "").lower() == "close" or response.version == 10:
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = response.status == 200 and hashlib.sha256(body).hexdigest() == expected[path]
            except Exception as exc:
                ok, body = False, repr(exc).encode()
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            if not ok:
                with lock:
                    failures.append((path, body[:100].decode("utf-8", "replace")))
    threads = [threading.Thread(target=work) for _ in range(workers)]
    for t in threads: t.start()
    for t in threads: t.join()
    print(json.dumps({"requests": total, "failures": failures[:10], "failed": len(failures)}))
""")


def test_many_concurrent_requests_all_get_the_right_bytes(served: Served) -> None:
    site = served.root / "build" / "site"
    paths = ["/", "/index.html", "/program/GOV-01.html", "/program/ECO-01.html", "/agency/bpkad.html",
             "/static/site.css", "/data/plan.json"]
    expected = {}
    for path in paths:
        connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=TIMEOUT)
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        assert response.status == 200, path
        expected[path] = hashlib.sha256(body).hexdigest()
    assert expected["/static/site.css"] == hashlib.sha256((site / "static" / "site.css").read_bytes()).hexdigest()
    done = subprocess.run([sys.executable, "-c", CLIENT, str(served.port), "2000", "20"],
                          input=json.dumps(expected), capture_output=True, text=True, timeout=300, check=True)
    summary = json.loads(done.stdout)
    assert summary["failed"] == 0, summary["failures"]


def _listening(port: int) -> set[str]:
    """The local addresses the machine's sockets listen on at ``port`` (the kernel's own tables, IPv4 and IPv6)."""
    import ipaddress
    found = set()
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        with open(table, encoding="ascii") as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, _, at = local.partition(":")
                if state == "0A" and int(at, 16) == port:  # 0A: listening
                    raw = bytes.fromhex(address)
                    found.add(str(ipaddress.ip_address(b"".join(raw[i:i + 4][::-1] for i in range(0, width, 4)))))
    return found


def test_listens_on_loopback_by_default(served: Served) -> None:
    """The preview is reachable from this machine only: its one listening socket is bound to 127.0.0.1 (a socket
    bound to 0.0.0.0 would be reachable from the city hall's network, whatever address a name resolves to)."""
    assert any(f"http://127.0.0.1:{served.port}/" in line for line in served.lines)
    assert _listening(served.port) == {"127.0.0.1"}
    import socket
    addresses = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    for address in addresses - {"127.0.0.1"}:
        if address.startswith("127."):
            continue
        with pytest.raises(OSError), socket.create_connection((address, served.port), timeout=2):
            pass


def test_the_pdf_is_built_in_the_background_and_linked(make_plan: Callable[..., Path]) -> None:
    running = start(make_plan())
    try:
        deadline = time.monotonic() + 240
        while not (running.root / "build" / "masterplan.pdf").is_file():
            assert time.monotonic() < deadline, "\n".join(running.lines)
            time.sleep(0.5)
        running.wait_for("/download/masterplan.pdf", lambda s, b: s == 200 and b.startswith("%PDF"), "the PDF")
        running.wait_for("/", lambda s, b: "download/masterplan.pdf" in b, "a link to the PDF")
        # the PDF is in place a moment before the build's process has ended and said so
        running.wait_line(lambda line: "Background build done" in line, "the background build to say it is done")
        parts = [line for line in running.lines if re.search(r"build │ PDF: \d+ of \d+ parts laid out", line)]
        assert parts, "the background build said nothing of its progress:\n" + "\n".join(running.lines)
    finally:
        stop(running)


def _running_in_group(group: int, command: bytes = b"") -> list[int]:
    """Processes of a process group that are still running (not zombies waiting to be reaped),
    optionally only those whose command line holds ``command``."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == group and fields[0] != "Z" and command in (stat.parent / "cmdline").read_bytes():
                found.append(int(stat.parent.name))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("groups", [True, False], ids=["process groups", "no process groups"])
def test_a_cancelled_background_build_stops_with_its_pdf_workers(groups: bool, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Newer edits cancel the PDF build: no layout process may go on using the machine. Windows has no
    ``os.killpg``: stopping the preview there raised AttributeError and left the build running; the build and the
    processes it started are now ended one by one (psutil). ``os.killpg`` is removed here to prove it."""
    import shutil

    from masterplan.background import BackgroundBuild

    shutil.copytree(Path(__file__).resolve().parent.parent / "content", tmp_path / "content")  # a book of many parts
    if not groups:
        monkeypatch.delattr(os, "killpg")
    lines: list[str] = []
    build = BackgroundBuild(tmp_path, True, lines.append, lambda ok: None)
    build.schedule(delay=0)
    deadline = time.monotonic() + 120
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        time.sleep(0.05)  # until the build has forked its layout workers (not a passing helper like ldconfig)
        workers = _running_in_group(build.process.pid, b"masterplan") if build.process else []
    assert build.process is not None and len(workers) >= 2, "\n".join(lines)
    group = build.process.pid
    build.stop()
    deadline = time.monotonic() + 10
    while _running_in_group(group) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _running_in_group(group) == []
    assert "Background build stopped" in lines and not any("newer edits" in line for line in lines), lines
    assert list((tmp_path / "build").glob(".staging-*")) == []  # left for the next build to tidy, before


def test_content_errors_hold_the_background_build(tmp_path: Path) -> None:
    """A build of content with errors only fails on them, printing every error a second time."""
    from masterplan.background import BackgroundBuild

    lines: list[str] = []
    build = BackgroundBuild(tmp_path, True, lines.append, lambda ok: None, settle=0.2)
    try:
        build.schedule()
        build.hold()
        time.sleep(1.0)
        assert lines == ["Background build waits until the errors are fixed"]
        assert build.process is None
    finally:
        build.stop()


def test_a_background_build_tells_what_a_site_without_address_lacks_once(tmp_path: Path) -> None:
    """Every background build of a plan without base_url finds the same: said by the first only."""
    import threading

    from conftest import write_plan

    from masterplan.background import BackgroundBuild
    from masterplan.render.site import NO_ADDRESS

    root = write_plan(tmp_path, {})
    lines: list[str] = []
    finished = threading.Semaphore(0)
    build = BackgroundBuild(root, False, lines.append, lambda ok: finished.release())
    try:
        for _ in range(2):
            build.schedule(delay=0)
            assert finished.acquire(timeout=120), lines
    finally:
        build.stop()
    assert sum("Background build done" in line for line in lines) == 2, lines
    assert [line for line in lines if str(NO_ADDRESS) in line] == [f"  build │ {NO_ADDRESS}"]
    assert sum("build │ Website:" in line for line in lines) == 2  # the rest is said by each


def test_a_renamed_program_is_gone_from_the_preview_at_once(served: Served) -> None:
    """The old page stood, answered 200 from the last build on disk, until a background build replaced it."""
    assert served.get("/program/ECO-01.html")[0] == 200
    path = served.root / "content/agencies/bpkad.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("id: ECO-01", "id: ECO-09"), encoding="utf-8")
    served.wait_for("/program/ECO-09.html", lambda s, b: s == 200, "the renamed page")
    # looked at first: the background build of the edit, 2 s on, swaps in a site without it
    assert (served.root / "build" / "site" / "program" / "ECO-01.html").is_file()  # only the last build has it
    assert served.get("/program/ECO-01.html")[0] == 404
    assert served.get("/program")[0] == 200  # a folder's index, without its slash, is still a page
    (served.root / "build" / "site" / "assets").mkdir(exist_ok=True)  # a copy the last build left, of a file the
    (served.root / "build" / "site" / "assets" / "peta.html").write_text("<p>peta</p>", encoding="utf-8")
    assert served.get("/assets/peta.html")[0] == 404  # plan no longer has (or now refuses: E526): served as saved
    assert served.get("/%61ssets/peta.html")[0] == 404 and served.get("/ASSETS/peta.html")[0] == 404


def test_the_not_found_page_below_the_top_folder_keeps_its_style_and_menu(served: Served) -> None:
    """A mistyped /program/… address showed the 404 page unstyled, its menu leading to /program/pillar/…:
    its links were written from the top folder. The preview's starts at this server's root."""
    status, body = served.get("/program/TIDAK-ADA.html")
    assert status == 404
    assert re.search(r'href="/static/site.css\?v=\w+"', body), body[:600]
    assert 'href="/pillar/governance.html"' in body and 'href="#main"' in body  # the skip link stays on the page
    assert not re.search(r'(?:href|src)="(?![/#]|https?:|mailto:)', body.split("<body")[1])


def test_a_browser_leaving_mid_answer_prints_no_traceback(served: Served) -> None:
    """Closing a tab (or following a link) while the page's reload request waits broke the pipe: a traceback
    per page in the terminal. ``stop`` checks that none was printed."""
    import socket
    for _ in range(3):
        with socket.create_connection(("127.0.0.1", served.port), timeout=5) as connection:
            connection.sendall(b"GET /__reload?since=0 HTTP/1.1\r\nHost: x\r\n\r\n")
        connection = socket.create_connection(("127.0.0.1", served.port), timeout=5)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")  # reset on close
        connection.sendall(b"GET /program/GOV-01.html HTTP/1.1\r\nHost: x\r\n\r\n")
        connection.close()
    path = served.root / AGENCY  # a rebuild answers the waiting reload requests of the closed connections
    path.write_text(path.read_text(encoding="utf-8").replace("e-Sambat (Media", "e-Sambat Baru (Media"),
                    encoding="utf-8")
    served.wait_for("/program/GOV-01.html", lambda s, b: "e-Sambat Baru" in b, "the edit")
    time.sleep(0.5)


def test_sigterm_stops_the_preview_like_ctrl_c(make_plan: Callable[..., Path]) -> None:
    running = start(make_plan(), "--no-pdf")
    running.process.send_signal(signal.SIGTERM)
    assert running.process.wait(timeout=20) == 0
    said = running.said_all()
    assert "Stopped." in said and not any("Traceback" in line for line in said), said


def test_the_preview_keeps_the_public_address_the_site_was_built_for(make_plan: Callable[..., Path]) -> None:
    """A site built with --base-url for publishing lost its sitemap, canonical links and 404 links once previewed."""
    root = make_plan()
    address = "https://kota.example.go.id/smartcity/"
    subprocess.run([sys.executable, "-m", "masterplan", "build", str(root), "--no-pdf", "--no-search",
                    "--base-url", address], check=True, capture_output=True)
    running = start(root, "--no-pdf")
    try:
        assert any(address in line for line in running.lines), running.lines
        _, body = running.get("/index.html")
        assert f'<link rel="canonical" href="{address}">' in body
        site = root / "build" / "site"
        assert f'<link rel="canonical" href="{address}">' in (site / "index.html").read_text(encoding="utf-8")
        assert (site / "sitemap.xml").is_file()
        status, missing = running.get("/program/TIDAK-ADA.html")  # the 404 page links to this server, not the public one
        assert status == 404 and re.search(r'href="/static/site.css\?v=\w+"', missing)
        assert address not in missing.split("<body")[1]
    finally:
        stop(running)


def test_the_address_in_plan_yml_wins_over_the_kept_one_and_follows_its_edits(make_plan: Callable[..., Path]) -> None:
    """serve kept the last build's address over plan.yml's, and fixed it into every background build as a
    --base-url the user never typed: an edit of plan.yml's address changed nothing until a restart."""
    root = make_plan()
    subprocess.run([sys.executable, "-m", "masterplan", "build", str(root), "--no-pdf", "--no-search",
                    "--base-url", "https://lama.example.go.id/"], check=True, capture_output=True)
    plan_yml = root / "content" / "plan.yml"
    written = plan_yml.read_text(encoding="utf-8")
    plan_yml.write_text(written + "base_url: https://baru.example.go.id/mp/\n", encoding="utf-8")
    running = start(root, "--no-pdf")
    try:
        assert not any("lama.example" in line for line in running.lines), running.lines
        running.wait_for("/index.html", lambda s, b: '<link rel="canonical" href="https://baru.example.go.id/mp/">' in b, "plan.yml's")
        plan_yml.write_text(written + "base_url: https://lagi.example.go.id/\n", encoding="utf-8")
        running.wait_for("/index.html", lambda s, b: '<link rel="canonical" href="https://lagi.example.go.id/">' in b, "the edit")
        on_disk = root / "build" / "site" / "index.html"
        deadline = time.monotonic() + TIMEOUT
        while '<link rel="canonical" href="https://lagi.example.go.id/">' not in on_disk.read_text(encoding="utf-8"):
            assert time.monotonic() < deadline, "\n".join(running.lines)  # the background build's site
            time.sleep(0.2)
    finally:
        stop(running)


def test_a_file_emptied_mid_save_is_read_once_written(tmp_path: Path) -> None:
    """An editor that truncates a file, then writes it, was seen between the two: the preview showed "file is
    empty" and the errors that follow from it until the file's next event, about a second later."""
    import threading

    from masterplan import watch

    saved = tmp_path / "dinkes.yml"
    saved.write_text("", encoding="utf-8")
    writer = threading.Timer(0.1, lambda: saved.write_text("id: dinkes\n", encoding="utf-8"))
    writer.start()
    watch.written([saved], wait=5.0)
    read = saved.read_text(encoding="utf-8")  # as the preview reads it once written() returns: before the join
    writer.join()
    assert read == "id: dinkes\n"
    left_empty = tmp_path / "kosong.yml"
    left_empty.write_text("", encoding="utf-8")
    watch.written([left_empty, tmp_path / "deleted.yml"], wait=0.05)  # an empty file meant so: read as it is


def test_a_template_folder_made_while_serving_is_caught_up_file_by_file(tmp_path: Path) -> None:
    """A print template written with its folder was caught up as the folder alone (its time, on the kernel's coarse
    clock, read older than the watcher's last look): no print check ran, the page showed no error and the CI saw
    the background build fail on it. Each file of a folder that appeared is caught up, and a file saved a few
    milliseconds before the look, by its time on the file, is too."""
    import os

    from masterplan import watch

    cover = tmp_path / "templates" / "print" / "cover.html"
    cover.parent.mkdir(parents=True)
    cover.write_text("{{ plan.kota }}", encoding="utf-8")
    chapter = tmp_path / "content" / "chapters" / "01.md"
    chapter.parent.mkdir(parents=True)
    chapter.write_text("# Bab\n", encoding="utf-8")
    looked = time.time()
    os.utime(cover, (looked - 60, looked - 60))  # older than the look: made before it, in a folder not yet watched
    os.utime(chapter, (looked - 0.004, looked - 0.004))  # saved just after the look, stamped on the coarse clock
    caught = {path for _, path in watch.caught_up(tmp_path, looked, [tmp_path / "templates"])}
    assert caught == {str(cover), str(chapter)}
    os.utime(chapter, (looked - 60, looked - 60))
    assert {path for _, path in watch.caught_up(tmp_path, looked, [])} == set()


def test_a_templates_folder_copied_in_as_the_watch_begins_is_caught_up_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A theme copied into a new templates/ (``cp -r``): the watch over the folder began mid-copy, and its first
    changes, the files copied after it began, were taken for all there was: the print templates copied before were
    never checked, and the page showed no error of theirs. What was saved before the watch began is caught up with
    what came since."""
    import os

    import watchfiles

    from masterplan import watch

    templates, content = tmp_path / "templates", tmp_path / "content"
    cover, footer = templates / "print" / "cover.html", templates / "site" / "footer.html"
    for made in (cover, footer):
        made.parent.mkdir(parents=True)
        made.write_text("{{ plan.kota }}", encoding="utf-8")
    os.utime(cover, (time.time() - 60, time.time() - 60))  # copied keeping its time, before the watch began
    content.mkdir()

    def begun(*folders: Path, **options: object) -> Iterator[set[tuple[watchfiles.Change, str]]]:
        yield {(watchfiles.Change.added, str(footer))}  # its first changes: the file copied once it watched

    monkeypatch.setattr(watch.watchfiles, "watch", begun)
    seen: list[Path] = []

    class Seen(watch.Watcher):
        def changed(self, paths: list[Path]) -> None:
            seen.extend(paths)

    Seen(SimpleNamespace(root=tmp_path), None).run(  # type: ignore[arg-type]
        threading.Event(), [content, templates], time.time(), [templates], lambda: None)
    assert set(seen) == {cover, footer}


def test_a_background_build_that_cannot_start_is_said_and_tried_again_on_the_next_edit(tmp_path: Path,
                                                                                       monkeypatch) -> None:
    """A build whose process could not be started (a machine out of processes) left the build "starting" for good:
    busy ever after, no build again, and its thread gone with a traceback. It is said, and the next schedule runs."""
    import subprocess
    import threading

    from conftest import write_plan

    from masterplan import background
    from masterplan.background import BackgroundBuild

    root = write_plan(tmp_path, {})
    lines: list[str] = []
    finished = threading.Semaphore(0)
    build = BackgroundBuild(root, False, lines.append, lambda ok: finished.release(), changed=lambda: None)
    real = subprocess.Popen

    def out_of_processes(*args: object, **kwargs: object) -> subprocess.Popen[str]:
        monkeypatch.setattr(background.subprocess, "Popen", real)  # the next one starts
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(background.subprocess, "Popen", out_of_processes)
    try:
        build.schedule(delay=0)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any("could not start" in line for line in lines):
            time.sleep(0.02)
        assert "Background build could not start: Resource temporarily unavailable" in lines, lines
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and build.busy:
            time.sleep(0.02)
        assert not build.busy
        build.schedule(delay=0)
        assert finished.acquire(timeout=120), lines
    finally:
        build.stop()


def test_a_file_deleted_as_the_preview_first_builds_is_caught_up(
        make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A chapter deleted after the first build read it, before the watch began: only files newer than the read were
    caught up, and its page was served, the chapter in it, until the next edit. The preview runs as a user starts
    it; the watch sees no event of its own (the deletion came before it), as a watch begun late sees none."""
    import signal

    import watchfiles

    from masterplan import build, serve

    root = make_plan()
    chapter, read = root / "content" / "chapters" / "01-pendahuluan.md", build.run
    served: list[int] = []
    address: list[int] = []

    def deleted_once_read(*args: object, **options: object) -> object:
        result = read(*args, **options)  # type: ignore[arg-type]
        chapter.unlink()
        return result

    def no_events(*folders: Path, **options: object) -> Iterator[set[tuple[watchfiles.Change, str]]]:
        yield set()  # the watch begins: what came before it is caught up
        connection = http.client.HTTPConnection("127.0.0.1", address[0], timeout=TIMEOUT)
        connection.request("GET", "/chapter/pendahuluan.html")
        served.append(connection.getresponse().status)
        connection.close()

    listen = serve.listen

    def listening(*args: object) -> object:
        server = listen(*args)  # type: ignore[arg-type]
        address.append(server.server_address[1])
        return server

    monkeypatch.setattr(build, "run", deleted_once_read)
    monkeypatch.setattr("masterplan.watch.watchfiles.watch", no_events)
    monkeypatch.setattr(serve, "listen", listening)
    terminate = signal.getsignal(signal.SIGTERM)
    try:
        assert serve.serve(root, port=0, pdf=False, log=lambda line: None) == 0
    finally:
        signal.signal(signal.SIGTERM, terminate)
    assert served == [404]


def test_a_file_deleted_as_the_watch_starts_again_over_a_new_templates_folder_is_caught_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ``templates/`` made while serving starts the watch again over both folders: a file deleted between the two
    watches is caught up, as one deleted before the first."""
    import watchfiles

    from masterplan import watch

    chapter = tmp_path / "content" / "chapters" / "01.md"
    chapter.parent.mkdir(parents=True)
    chapter.write_text("# Bab\n", encoding="utf-8")
    os.utime(chapter, (time.time() - 60, time.time() - 60))
    stop, seen, watches = threading.Event(), [], []

    def begun(*folders: Path, **options: object) -> Iterator[set[tuple[watchfiles.Change, str]]]:
        watches.append(folders)
        if len(watches) == 2:
            chapter.unlink()  # after the first watch ended, before this one began
            yield set()
            stop.set()
            return
        yield set()
        (tmp_path / "templates").mkdir()
        yield set()  # the folders worth watching changed: this watch ends

    monkeypatch.setattr(watch.watchfiles, "watch", begun)
    monkeypatch.setattr(watch.Watcher, "changed", lambda self, paths: seen.extend(paths))
    watch.watch(SimpleNamespace(root=tmp_path), None, stop, time.time(),  # type: ignore[arg-type]
                listed=watch.plan_files(tmp_path))
    assert len(watches) == 2 and set(seen) == {chapter, tmp_path / "templates"}


def test_a_background_build_that_failed_on_a_file_saved_again_is_cancelled_not_failed(tmp_path: Path) -> None:
    """An editor that empties a file and then writes it, saved while a build ran: the build read the empty
    file and said "failed … file is empty", an error that never was. A build that fails while the content
    changes under it is said to be cancelled by newer edits, and the site's PDF is not given up on; an
    editor's swap file written meanwhile is no such change."""
    import sys

    from conftest import write_plan

    from masterplan.background import BackgroundBuild

    go = tmp_path / "go"

    class Reading(BackgroundBuild):
        def _command(self) -> list[str]:  # a build that reads until told to go on, then fails on what it read
            script = f"import os, sys, time\nwhile not os.path.exists({str(go)!r}): time.sleep(0.02)\nsys.exit(1)"
            return [sys.executable, "-c", script]

    def run(edit: Path) -> list[str]:
        lines: list[str] = []
        done = len(results)
        build = Reading(root, False, lines.append, results.append)
        try:
            build.schedule(delay=0)
            deadline = time.monotonic() + 30
            while build.process is None and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(0.05)  # the build has looked at the content's times
            edit.write_text(edit.read_text(encoding="utf-8") + "\n" if edit.exists() else "x", encoding="utf-8")
            go.touch()
            # a failure is said, then handed on (done): stopped in between, the build hands nothing on
            while not (any("Background build" in line and "started" not in line for line in lines)
                       and (results[done:] or not any("failed" in line for line in lines))) \
                    and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            build.stop()
            go.unlink(missing_ok=True)
        return lines

    root = write_plan(tmp_path / "plan", {})
    results: list[bool] = []
    lines = run(root / "content" / "agencies" / "bpkad.yml")
    assert "Background build cancelled: newer edits arrived" in lines, lines
    assert not any("failed" in line for line in lines) and results == []
    lines = run(root / "content" / "agencies" / ".bpkad.yml.swp")  # vim's, which no rebuild follows
    assert "Background build failed: the site keeps the previous PDF (errors above)" in lines, lines
    assert results == [False]


def _a_build_that_has_read(root: Path) -> tuple[BackgroundBuild, list[str], threading.Semaphore]:
    """A background build (a stand-in that says it read the content, then lays out until told to end: :func:`_go`)
    once it has read it; its lines, and a semaphore released as each build ends."""
    from masterplan.build import READ

    go = _go(root)

    class Reads(BackgroundBuild):
        def _command(self) -> list[str]:  # not a fixed 1.5 s: a busy machine let it end before the edit came
            script = (f"import os, sys, time; print({READ!r}, file=sys.stderr, flush=True)\n"
                      f"deadline = time.monotonic() + 60\n"
                      f"while not os.path.exists({str(go)!r}) and time.monotonic() < deadline: time.sleep(0.02)")
            return [sys.executable, "-c", script]

    lines: list[str] = []
    finished = threading.Semaphore(0)
    build = Reads(root, False, lines.append, lambda ok: finished.release(), settle=0.1)
    build.schedule(delay=0)
    deadline = time.monotonic() + 30
    while not build.read and time.monotonic() < deadline:
        time.sleep(0.02)
    if not build.read:
        build.stop()
        pytest.fail("\n".join(lines))
    return build, lines, finished


def _go(root: Path) -> Path:
    """The file that lets :func:`_a_build_that_has_read`'s builds end (in the plan's folder, outside its content)."""
    return root / ".go"


def test_a_build_that_has_read_the_content_finishes_and_the_next_one_follows(tmp_path: Path) -> None:
    """Every edit stopped the running build: saved every few seconds, the PDF never caught up. A build that has
    read the content is let finish (its PDF one edit behind), and the edit's own build follows."""
    from conftest import write_plan

    from masterplan.build import READ

    root = write_plan(tmp_path, {})
    build, lines, finished = _a_build_that_has_read(root)
    try:
        build.supersede()  # the watcher's first word of an edit, then its schedule once the preview is rebuilt
        build.schedule()
        _go(root).touch()  # the build ends, and so does the next
        assert finished.acquire(timeout=30) and finished.acquire(timeout=30), lines
    finally:
        build.stop()
    assert sum("Background build done" in line for line in lines) == 2, lines
    assert not any("cancelled" in line or READ in line for line in lines), lines


def test_a_build_that_has_read_the_content_finishes_when_an_edit_brings_errors(tmp_path: Path) -> None:
    """A tab saved by mistake and taken back a second later stopped a background build nearly done ("cancelled:
    newer edits arrived", which was not why), and the next one started from scratch. A build that has read the
    content goes on: its PDF is that of the plan before the mistake."""
    from conftest import write_plan

    root = write_plan(tmp_path, {})
    build, lines, finished = _a_build_that_has_read(root)
    try:
        build.supersede()  # the watcher's first word of the edit, then its hold: the edit brought errors
        build.hold()
        build.hold()  # and another save with errors
        _go(root).touch()  # the build ends
        assert finished.acquire(timeout=30), lines
    finally:
        build.stop()
    assert lines[1] == "Background build goes on with the content it read before the errors; the next one waits " \
                       "until they are fixed", lines
    assert lines[2].startswith("Background build done") and len(lines) == 3, lines


def test_an_edit_that_brings_errors_stops_the_build_and_says_it_waits(tmp_path: Path) -> None:
    """The watcher stops a running build at the first sign of an edit (supersede); when the edit turns out
    to bring errors, the preview still says the background build waits for them to be fixed."""
    import sys

    from conftest import write_plan

    from masterplan.background import BackgroundBuild

    class Long(BackgroundBuild):
        def _command(self) -> list[str]:
            return [sys.executable, "-c", "import time; time.sleep(60)"]

    root = write_plan(tmp_path, {})
    lines: list[str] = []
    build = Long(root, False, lines.append, lambda ok: None)
    try:
        build.schedule(delay=0)
        deadline = time.monotonic() + 30
        while build.process is None and time.monotonic() < deadline:
            time.sleep(0.02)
        build.supersede()
        while not any("cancelled" in line for line in lines) and time.monotonic() < deadline:
            time.sleep(0.02)
        build.hold()
    finally:
        build.stop()
    assert lines[1:] == ["Background build cancelled: newer edits arrived",
                         "Background build waits until the errors are fixed"], lines



def _a_build_starting(root: Path, meanwhile: Callable[[BackgroundBuild], None]) -> tuple[BackgroundBuild, list[str]]:
    """A background build (a stand-in taking a minute) taken up, with ``meanwhile`` done before its process runs
    (a busy machine starts it in tens of ms); its lines."""
    class Starting(BackgroundBuild):
        def _command(self) -> list[str]:
            meanwhile(self)
            return [sys.executable, "-c", "import time; time.sleep(60)"]

    lines: list[str] = []
    build = Starting(root, False, lines.append, lambda ok: None)
    build.schedule(delay=0)
    return build, lines


def test_an_edit_as_the_background_build_starts_stops_it(tmp_path: Path) -> None:
    """The watcher's first word of an edit (supersede), come as the background build was taken up and before its
    process ran, stopped nothing: the build read the file half saved. It is stopped once its process runs."""
    from conftest import write_plan

    build, lines = _a_build_starting(write_plan(tmp_path, {}), lambda build: build.supersede())
    try:
        deadline = time.monotonic() + 30
        while len(lines) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        build.stop()
    assert lines[1:2] == ["Background build cancelled: newer edits arrived"], lines


def test_ctrl_c_as_the_background_build_starts_stops_it_too(tmp_path: Path) -> None:
    """Ctrl-C as the background build was taken up, before its process ran: the preview ended and left the build
    running on its own (its own session, which Ctrl-C does not reach), writing build/ after the preview had gone."""
    from conftest import write_plan

    stopper: list[threading.Thread] = []

    def stopped(build: BackgroundBuild) -> None:
        stopping = threading.Thread(target=build.stop)
        stopping.start()
        stopper.append(stopping)  # once started: the test joins it
        deadline = time.monotonic() + 5
        while not getattr(build, "unwanted", False) and time.monotonic() < deadline:  # stop() has said so
            time.sleep(0.01)

    build, lines = _a_build_starting(write_plan(tmp_path, {}), stopped)
    deadline = time.monotonic() + 30
    while not stopper and time.monotonic() < deadline:
        time.sleep(0.02)
    stopper[0].join(30)
    while build.process is None and time.monotonic() < deadline:  # started once stop() gave up on it, without the fix
        time.sleep(0.02)
    assert build.process is not None
    try:  # ended (its minute not run): stop() waits 5 s for the build's thread, which a busy machine may exceed
        build.process.wait(TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail("the build started as the preview stopped runs on:\n" + "\n".join(lines))
    finally:
        build.process.kill()
