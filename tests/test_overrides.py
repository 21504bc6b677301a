"""A template or stylesheet saved in the plan's templates/ under a name the theme does not have, and that no file of
the plan names, is told (W715) with the file it was likely meant to replace; the designer saw nothing change."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from test_cli import invoke

from masterplan.resources import theme_dir


def test_files_saved_where_the_theme_reads_none_are_told_with_the_one_meant(make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    own = root / "templates"
    (own / "site" / "static").mkdir(parents=True)
    theme = theme_dir()
    (own / "site" / "site.css").write_text((theme / "site" / "static" / "site.css").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    (own / "site" / "fooder.html").write_text((theme / "site" / "footer.html").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    (own / "cover.html").write_text((theme / "print" / "cover.html").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    told = sorted(line for line in out.splitlines() if "[W715]" in line)
    assert code == 0 and told == [
        ("templates/cover.html: warning[W715]: templates/cover.html is not read: the theme has no file of that name to "
        "replace, and no template of the plan names it (did you mean templates/print/cover.html? A file replaces the "
        "theme's by the same path)"),
        ("templates/site/fooder.html: warning[W715]: templates/site/fooder.html is not read: the theme has no file of "
        "that name to replace, and no template of the plan names it (did you mean templates/site/footer.html? A file "
        "replaces the theme's by the same path)"),
        ("templates/site/site.css: warning[W715]: templates/site/site.css is not read: the theme has no file of that "
        "name to replace, and no template of the plan names it (did you mean templates/site/static/site.css? A file "
        "replaces the theme's by the same path)")], out


def test_a_partial_of_the_plans_own_an_override_and_what_static_publishes_are_not_told(
        make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    own = root / "templates" / "site"
    (own / "static").mkdir(parents=True)
    footer = (theme_dir() / "site" / "footer.html").read_text(encoding="utf-8")
    (own / "footer.html").write_text(footer.replace("</footer>", '{% include "site/mitra.html" %}</footer>'),
                                     encoding="utf-8")
    (own / "mitra.html").write_text("<p>Didukung oleh Diskominfo</p>", encoding="utf-8")
    (own / "static" / "cetak-batik.css").write_text(".batik { color: #6b3; }", encoding="utf-8")
    (own / "footer.html.bak").write_text(footer, encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    assert code == 0 and "W715" not in out, out


def test_a_plan_naming_its_partials_by_a_variable_is_told_only_of_files_outside_their_folder(
        make_plan: Callable[..., Path]) -> None:
    """A plan overriding print/chapters.html, which includes "print/parts/" ~ part ~ ".html" as the theme's does, was
    told nothing of any file: its cover saved as templates/cover.html went unsaid. Only the files under the folder
    written before the variable are left alone; a template named by a variable alone leaves all of them alone."""
    root = make_plan()
    printed = root / "templates" / "print"
    (printed / "parts").mkdir(parents=True)
    (printed / "chapters.html").write_text((theme_dir() / "print" / "chapters.html").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    (printed / "parts" / "mitra.html").write_text("<p>Mitra</p>", encoding="utf-8")  # a part of its own, perhaps
    (root / "templates" / "cover.html").write_text("<section>Sampul</section>", encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    told = [line for line in out.splitlines() if "[W715]" in line]
    assert code == 0 and len(told) == 1 and told[0].startswith("templates/cover.html:"), out
    footer = (theme_dir() / "site" / "footer.html").read_text(encoding="utf-8")
    (root / "templates" / "site").mkdir()
    (root / "templates" / "site" / "footer.html").write_text(footer.replace(
        "</footer>", '{% set which = "site/banner.html" %}{% include which %}</footer>'), encoding="utf-8")
    (root / "templates" / "site" / "banner.html").write_text("<p>Kota cerdas</p>", encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    assert code == 0 and "W715" not in out, out
