"""content/assets/ on the city's website: pictures and files to download, never a page, a script or a file
of the machine the plan is built on (masterplan.assets)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import write_plan

from masterplan.build import BuildOptions, run
from masterplan.project import load_and_check

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">\n<rect width="4" height="4"/>\n{extra}</svg>'


def declared(encoding: str, extra: str) -> str:
    """An SVG whose XML declaration names ``encoding``, written in plain bytes whatever it names."""
    return f'<?xml version="1.0" encoding="{encoding}"?>\n' + SVG.format(extra=extra)


def _errors(root: Path) -> list[tuple[str, str]]:
    return [(str(d.position), d.code) for d in load_and_check(root).report.errors]


@pytest.mark.parametrize(("name", "text", "where"), [
    ("peta.html", "<p>Peta</p><script>fetch('/admin')</script>", "content/assets/peta.html"),
    ("unggah.php", "<?php system($_GET['c']); ?>", "content/assets/unggah.php"),
    (".htaccess", "Options +ExecCGI", "content/assets/.htaccess"),
    ("data/tabel.xml", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
     "content/assets/data/tabel.xml"),
    ("peta.svg", SVG.format(extra='<script>alert(document.cookie)</script>\n'), "content/assets/peta.svg:3:1"),
    ("ikon.svg", SVG.format(extra='<a href="javascript:alert(1)"><circle r="1"/></a>\n'), "content/assets/ikon.svg:3:1"),
    ("muat.svg", SVG.replace("<rect", '<rect onload="alert(1)"').format(extra=""), "content/assets/muat.svg:2:1"),
    ("awalan.svg", SVG.format(extra='<x-y:script xmlns:x-y="http://www.w3.org/2000/svg">alert(1)</x-y:script>\n'),
     "content/assets/awalan.svg:3:1"),
    ("entitas.svg", '<!DOCTYPE svg [<!ENTITY s "&#60;script&#62;alert(1)&#60;/script&#62;">]>\n' + SVG.format(extra="&s;"),
     "content/assets/entitas.svg:1:1"),
    ("rujukan.svg", SVG.format(extra='<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="jav&#97;script:alert(1)">'
                                     '<circle r="1"/></a>\n'), "content/assets/rujukan.svg:3:1"),
    ("rusak.svg", SVG.format(extra="<script>alert(1)</script>&nbsp;\n"), "content/assets/rusak.svg:3:1"),
    ("peta.svgz", "compressed", "content/assets/peta.svgz"),
    ("xhtml.svg", '<!DOCTYPE svg PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
                  '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n' + SVG.format(extra=""),
     "content/assets/xhtml.svg:1:1"),  # a browser gives it HTML's entities: javascript&colon; is javascript:
    ("titik-dua.svg", '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
                      '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
                      + SVG.format(extra='<a href="javascript&colon;alert(1)"><circle r="1"/></a>\n'),
     "content/assets/titik-dua.svg:4:1"),
    ("bingkai.svg", SVG.format(extra='<foreignObject width="4" height="4"><iframe xmlns="http://www.w3.org/1999/xhtml" '
                                     'srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></foreignObject>\n'),
     "content/assets/bingkai.svg:3:1"),
    ("gaya.svg", '<?xml-stylesheet type="text/xsl" href="lembar.svg"?>\n' + SVG.format(extra=""),
     "content/assets/gaya.svg:1:1"),
    # declared UTF-16 on plain bytes: this parser stopped at the first byte and saw nothing, Chromium ran the script
    ("utf16.svg", declared("UTF-16LE", "<script>alert(1)</script>"),
     "content/assets/utf16.svg:1:1"),
    ("utf16be.svg", declared("UTF-16BE", "<script>alert(1)</script>"),
     "content/assets/utf16be.svg:1:1"),
    ("sjis.svg", declared("Shift_JIS", "<script>alert(1)</script>"),
     "content/assets/sjis.svg:1:1"),  # this parser reads no Shift_JIS: it was a traceback, in every command
    ("entah.svg", declared("x-unknown", '<g onclick="alert(1)"/>'),
     "content/assets/entah.svg:1:1"),
    # ISO-2022-JP: a browser reads "<scr", an escape and "ipt>" as <script>; this parser stopped at the escape
    ("jis.svg", declared("ISO-2022-JP", "<scr\x1b(Bipt>alert(1)</script>"),
     "content/assets/jis.svg:1:1"),
    ("tab.svg", declared("UTF-16LE", '<a href="java\tscript:alert(1)"/>'),
     "content/assets/tab.svg:1:1"),
    ("laporan.xhtm", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
     "content/assets/laporan.xhtm"),
    ("laporan.xpdl", '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
     "content/assets/laporan.xpdl"),
    # Apache reads every ending of a name (mod_mime): served as a page, or run as PHP, where its type table says so
    ("laporan.html.txt", "<script>alert(document.domain)</script>", "content/assets/laporan.html.txt"),
    ("foto.php.png", "<?php system($_GET['c']); ?>", "content/assets/foto.php.png"),
    # no ending: sent without a type, which a browser sniffs; one ending in a dot, likewise
    ("peta", "<html><script>alert(document.domain)</script></html>", "content/assets/peta"),
    ("laporan.html.", "<script>alert(document.domain)</script>", "content/assets/laporan.html."),
])
def test_a_file_that_would_run_on_the_citys_site_is_an_error(name: str, text: str, where: str,
                                                             tmp_path: Path) -> None:
    """A page, a script, a server program or an SVG with a script in content/assets/ was published as it was, onto
    the city's domain: opened from its address, it ran there as the city's own (an SVG shown as a picture runs
    nothing; opened by itself, it does)."""
    root = write_plan(tmp_path, {})
    path = root / "content" / "assets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    assert _errors(root) == [(where, "E526")]
    result = run(root, BuildOptions(pdf=False))
    assert not result.ok and not (root / "build" / "site").exists()


def test_a_link_leading_out_of_content_is_an_error_and_never_published(tmp_path: Path) -> None:
    """A symbolic link in content/assets/ (or the folder itself as one) published a file of the machine: the
    preview served it, and the site carried it."""
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "id_rsa").write_text("secret", encoding="utf-8")
    root = write_plan(tmp_path / "plan", {})
    assets = root / "content" / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "kunci.txt").symlink_to(outside / "id_rsa")
    (assets / "ringkasan.yml").symlink_to(root / "content" / "plan.yml")  # inside content/: the plan's own file
    (assets / "peta.svg").write_text(SVG.format(extra=""), encoding="utf-8")
    assert _errors(root) == [("content/assets/kunci.txt", "E525")]
    (assets / "kunci.txt").unlink()
    result = run(root, BuildOptions(pdf=False))
    assert result.ok, [str(d) for d in result.report.errors]
    published = sorted(p.name for p in (root / "build" / "site" / "assets").iterdir())
    assert published == ["peta.svg", "ringkasan.yml"]
    for path in assets.iterdir():
        path.rename(outside / path.name)
    assets.rmdir()
    assets.symlink_to(outside, target_is_directory=True)
    assert _errors(root) == [("content/assets", "E525")]


def test_a_drawing_programs_svg_without_script_is_published(tmp_path: Path) -> None:
    """draw.io and Illustrator write text boxes as <foreignObject>, Illustrator its namespaces as entities, and a
    label may read "onion = bawang": none of them runs anything, and each was refused."""
    root = write_plan(tmp_path, {})
    assets = root / "content" / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    (assets / "bagan.svg").write_text(SVG.format(
        extra='<switch><foreignObject width="4" height="4"><div xmlns="http://www.w3.org/1999/xhtml">Alur</div>'
              '</foreignObject><text> onion = bawang</text></switch>\n'), encoding="utf-8")
    (assets / "logo-illustrator.svg").write_text(  # Illustrator declares its namespaces as entities
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" '
        '"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [\n\t<!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n'
        '<svg version="1.1" xmlns="&ns_svg;" width="4" height="4"><rect width="4" height="4"/></svg>\n',
        encoding="utf-8")
    assert _errors(root) == []


def test_a_computers_hidden_files_are_neither_published_nor_errors(tmp_path: Path) -> None:
    """A Mac leaves .DS_Store in every folder it opens, and a git user .gitkeep in an empty one: the site is not
    theirs, and they are no one's mistake. Nor are Windows' Thumbs.db (thumbnails, of pictures since deleted too) and
    desktop.ini, nor the ~$laporan.docx Word keeps while a file is open, which holds the user's name: all three
    were published on the city's site. A hidden server setting is still refused."""
    root = write_plan(tmp_path, {})
    assets = root / "content" / "assets"
    (assets / ".git").mkdir(parents=True)
    (assets / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (assets / ".gitkeep").write_text("", encoding="utf-8")
    (assets / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(512))
    (assets / "desktop.ini").write_text("[.ShellClassInfo]\r\n", encoding="utf-8")
    (assets / "~$laporan.docx").write_bytes(b"\x0bBudi Santoso")
    (assets / ".git" / "config").write_text("[core]", encoding="utf-8")
    (assets / "peta.2024.svg").write_text(SVG.format(extra=""), encoding="utf-8")  # a dot in a name is no ending
    assert _errors(root) == []
    assert run(root, BuildOptions(pdf=False)).ok
    assert [p.name for p in (root / "build" / "site" / "assets").iterdir()] == ["peta.2024.svg"]
    (assets / ".htaccess").write_text("Options +ExecCGI", encoding="utf-8")
    assert _errors(root) == [("content/assets/.htaccess", "E526")]


@pytest.mark.parametrize("name", ["anggaran.xlsx.bak", "peta.png.orig", "peta.png.old", "logo.svg~", "~WRL0001.tmp",
                                  "#peta.png#"])
def test_a_copy_kept_aside_in_assets_is_not_published(tmp_path: Path, name: str) -> None:
    """A budget workbook's .bak, a picture's .orig, Word's ~WRL….tmp: copies an agency keeps aside, which the site
    published on the city's domain, a draft budget among them. They are no one's mistake, and not the site's."""
    root = write_plan(tmp_path, {})
    assets = root / "content" / "assets"
    assets.mkdir(parents=True)
    (assets / name).write_bytes(b"PK\x03\x04 draft budget")
    (assets / "peta.svg").write_text(SVG.format(extra=""), encoding="utf-8")
    assert _errors(root) == []
    assert run(root, BuildOptions(pdf=False)).ok
    assert [p.name for p in (root / "build" / "site" / "assets").iterdir()] == ["peta.svg"]


def test_a_logo_outside_assets_holding_a_script_is_refused(tmp_path: Path) -> None:
    """The site publishes the logo as static/logo.svg wherever in content/ it is: one beside plan.yml, holding a
    script, was published as it was, and ran on the city's domain when opened from its address."""
    root = write_plan(tmp_path, {})
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "logo: lambang.svg\n", encoding="utf-8")
    (root / "content" / "lambang.svg").write_text(SVG.format(extra="<script>alert(1)</script>\n"), encoding="utf-8")
    assert [code for where, code in _errors(root) if where.startswith("content/plan.yml:")] == ["E526"]
    assert not run(root, BuildOptions(pdf=False)).ok and not (root / "build" / "site").exists()
    (root / "content" / "lambang.svg").write_text(SVG.format(extra=""), encoding="utf-8")
    assert run(root, BuildOptions(pdf=False)).ok
    assert (root / "build" / "site" / "static" / "logo.svg").read_text(encoding="utf-8") == SVG.format(extra="")
