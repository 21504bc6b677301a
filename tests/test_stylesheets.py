"""A plan's own stylesheet with a '}' missing or one too many is told at its line (W713, W714); browsers and
WeasyPrint read it without a word, the rules after it lost or changed."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli import invoke

from masterplan.checks.stylesheets import braces
from masterplan.resources import theme_dir


def told(css: str) -> list[str]:
    return [str(d) for d in braces(textwrap.dedent(css), "templates/print/book.css")]


def test_a_rule_left_open_is_told_where_its_brace_is_missing_not_at_the_media_rule_around_it() -> None:
    css = """\
        @media screen {
          .a { color: red; }
          .masthead { background: navy; color: white;
          .masthead-inner { display: flex; }
          .brand { gap: 1rem; }
        }
        .footer { color: grey; }
        """
    assert told(css) == [("templates/print/book.css:3:13: warning[W713]: the '{' of '.masthead' is not closed: what "
                         "follows it is read inside it, and the stylesheet ends with a '{' left open (add the '}' "
                         "that ends it, before line 4)")]


def test_a_brace_too_many_is_told_at_its_line() -> None:
    assert told(".a { color: red; }}\n.b { color: blue; }\n") == [
        ("templates/print/book.css:1:19: warning[W714]: this '}' closes no '{': the rule after it is not read as "
        "written (delete it, or add the '{' it was meant to close)")]


@pytest.mark.parametrize("css", [
    ".a::before { content: \"{\"; }\n.b { content: '}}'; }\n",  # braces in quoted text
    "/* .old { color: red; */\n.a { color: blue; }\n",  # and in comments
    "@page { @top-center { content: string(title); } margin: 20mm; }\n",  # margin boxes inside @page
    ".card { color: red; & .title { font-weight: bold; } }\n",  # CSS nesting, on purpose, closed
    "@media print { .a { color: red; } }\n@font-face { font-family: X; src: url(x.ttf); }\n",
])
def test_stylesheets_whose_braces_add_up_are_not_told(css: str) -> None:
    assert told(css) == []


def test_validate_tells_it_in_the_plans_stylesheet_and_not_in_a_copy_kept_aside(make_plan: Callable[..., Path]) -> None:
    root = make_plan()
    printed = root / "templates" / "print"
    printed.mkdir(parents=True)
    theme = (theme_dir() / "print" / "book.css").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(theme, 1) if text.startswith(".cover-band {"))
    theme[line - 1] = theme[line - 1].rstrip().removesuffix("}")
    (printed / "book.css").write_text("\n".join(theme) + "\n", encoding="utf-8")
    (printed / "book.css.bak").write_text(".a { color: red;\n", encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    assert code == 0 and f"templates/print/book.css:{line}:" in out and "[W713]" in out, out
    assert "book.css.bak" not in out


def test_a_picture_a_stylesheet_names_where_none_is_read_is_told_at_its_url(make_plan: Callable[..., Path]) -> None:
    """A batik picture for the masthead and the cover, missing: the website showed none (a 404 in the browser's
    console only) and the book failed on it after laying out every page. Told where each stylesheet is read from:
    the website's from the site's static/ and assets/ folders, the book's from its folder on disk and the theme."""
    root = make_plan()
    (root / "content" / "assets").mkdir(exist_ok=True)
    (root / "content" / "assets" / "batik.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    site, printed = root / "templates" / "site" / "static", root / "templates" / "print"
    site.mkdir(parents=True)
    printed.mkdir(parents=True)
    (site / "motif.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    (root / "content" / "assets" / "lambang.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>",
                                                             encoding="utf-8")
    plan_yml = root / "content" / "plan.yml"
    plan_yml.write_text(plan_yml.read_text(encoding="utf-8") + "logo: assets/lambang.svg\n", encoding="utf-8")
    (site / "site.css").write_text(
        ".masthead { background: url(\"../../assets/batik.png\"); }\n"  # above the top: out of a site in /smartcity/
        ".band { background: url(../assets/batik.png), url(motif.svg), url(data:image/gif;base64,R0lGOD); }\n"
        ".logo { background: url(https://kota.go.id/logo.png), url(logo.svg); }\n"  # the site's copy of the logo
        ".gone { background: url(../assets/hilang.png); }\n", encoding="utf-8")
    (printed / "book.css").write_text(
        "@font-face { font-family: X; src: url(\"../fonts/NotoSans-Regular.ttf\"); }\n"  # the theme's, as rendered
        ".cover { background: url(../../content/assets/batik.png); }\n"
        ".cover-band { background: url(sampul.png); }\n", encoding="utf-8")
    code, out, _ = invoke("validate", str(root))
    told = sorted(line.split(" (")[0] for line in out.splitlines() if "[W716]" in line)
    assert code == 0 and told == [
        ("templates/print/book.css:3:27: warning[W716]: 'sampul.png' is no file where this stylesheet is read: the "
        "picture or font is left out"),
        ("templates/site/static/site.css:1:25: warning[W716]: '../../assets/batik.png' is no file where this "
         "stylesheet is read: the picture or font is left out"),
        ("templates/site/static/site.css:4:21: warning[W716]: '../assets/hilang.png' is no file where this "
         "stylesheet is read: the picture or font is left out")], out


def test_a_rule_nested_on_purpose_before_the_one_left_open_is_not_blamed() -> None:
    css = """\
        .card { color: red;
          &:hover { color: blue; }
        }
        .menu { color: green;
        .footer { color: black; }
        """
    said = told(css)
    assert len(said) == 1 and said[0].startswith("templates/print/book.css:4:7: warning[W713]: the '{' of '.menu'"), said
