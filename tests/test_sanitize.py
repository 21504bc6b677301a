"""Hostile Markdown and HTML in content never reaches the site or the PDF.

Known XSS payloads (script tags, event attributes, javascript:/data:/vbscript: URLs,
iframes, forms, object/embed, styles with url(), SVG, encoded variants) and paths that
climb out of the plan folder go through ``to_html``; the result is parsed and every tag,
attribute and URL left is checked against what the theme allows.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from masterplan.project import load_and_check
from masterplan.render import markdown
from masterplan.render.markdown import resolve_references, to_html

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" ONERROR=\"alert(1)\">",
    "<img src=`x`onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<div onmouseover=\"alert(1)\">hover</div>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<span style=\"background-image:url('https://evil.example/track.png')\">x</span>",
    "<style>body{background:url(https://evil.example/t.png)}</style>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<frameset><frame src=javascript:alert(1)></frameset>",
    "<form action=\"https://evil.example/steal\"><input name=p type=password><button>Masuk</button></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"https://evil.example/x.swf\">",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">klik</a>",
    "<a href=\"JaVaScRiPt:alert(1)\">klik</a>",
    "<a href=\"java&#x09;script:alert(1)\">klik</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">klik</a>",
    "<a href=\" javascript:alert(1)\">klik</a>",
    "<a href=\"vbscript:msgbox(1)\">klik</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">klik</a>",
    "<a href=\"file:///etc/passwd\">klik</a>",
    "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
    "<img src=\"https://evil.example/pixel.gif\">",
    "<img src=\"/etc/passwd\">",
    "<img src=\"file:///etc/passwd\">",
    "<img src=\"../../etc/passwd\">",
    "<img src=\"assets/../../../etc/passwd\">",
    "<img src=\"%2e%2e/%2e%2e/etc/passwd\">",
    "<img src=\"..%2f..%2fetc/passwd\">",
    "<img src=\"..\\..\\windows\\win.ini\">",
    "<img src=\"//evil.example/x.png\">",
    "<img srcset=\"https://evil.example/a.png 1x\">",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<video poster=javascript:alert(1)></video>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\" style=\"color:red\" target=_blank>ok</a>",
    "[klik](javascript:alert(1))",
    "[klik](JAVASCRIPT:alert(1))",
    "[klik](vbscript:msgbox(1))",
    "[klik](data:text/html,<script>alert(1)</script>)",
    "[klik](file:///etc/passwd)",
    "[klik](../../../etc/passwd)",
    "[klik](/etc/passwd)",
    "[klik](%2e%2e/%2e%2e/etc/passwd)",
    "![peta](../../etc/passwd)",
    "![peta](/etc/passwd)",
    "![peta](https://evil.example/track.png)",
    "![peta](data:image/png;base64,iVBORw0KGgo=)",
    "![x](x \"onerror=alert(1)\")",
    "[a][r]\n\n[r]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "<https://evil.example/%22onmouseover=%22alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "<span lang=\"en\" onmouseover=\"alert(1)\">x</span>",
    "<p lang=\"javascript:alert(1)\">x</p>",
    "<p lang='en\" onclick=\"alert(1)'>x</p>",
]

URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "action", "formaction", "background", "cite", "data", "ping",
                  "xlink:href", "longdesc", "lowsrc", "dynsrc"}  #: every attribute a browser loads or follows
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
#: what a text may keep, written here apart from the sanitizer's own lists (which widened would widen the test):
#: the tags the theme styles, and attributes none of which loads anything but a link's and a picture's address
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s",
    "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "a": {"href", "title", "rel", "class"}, "img": {"src", "alt", "title", "width", "height"},
    "th": {"colspan", "rowspan", "scope", "align"}, "td": {"colspan", "rowspan", "align"},
    "abbr": {"title"}, "ol": {"start"}, "*": {"lang", "title"},
    # a footnote's parts, only the names and classes Markdown gives them (test_footnotes.py)
    "sup": {"id"}, "li": {"id"}, "div": {"class"},
}


class _Collector(HTMLParser):
    """Every start tag and its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def assert_harmless(html: str) -> None:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    for tag, attrs in collector.tags:
        assert tag in TAGS, (tag, html)
        for name, value in attrs:
            assert name in ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"], (tag, name, html)
            if name == "lang":
                assert value is not None and re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", value), (tag, value, html)
            assert not name.startswith("on") and name != "style", (tag, name, html)
            if name in URL_ATTRIBUTES and value is not None:
                url = urllib.parse.unquote(urllib.parse.unquote(value)).strip()
                scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", url))
                if scheme:
                    assert scheme.group(1).lower() in SAFE_SCHEMES, (tag, value, html)
                    assert tag != "img", (tag, value, html)
                assert not url.startswith(("/", "\\")), (tag, value, html)
                assert ".." not in re.split(r"[/\\?#]", url), (tag, value, html)
    lowered = html.lower()
    for word in ("<script", "<iframe", "<object", "<embed", "<form", "<svg", "<style", "<base", "<meta", "<link"):
        assert word not in lowered, (word, html)


def test_the_sanitizer_keeps_no_more_than_the_theme_allows() -> None:
    """The sanitizer's own lists are the test's: a tag or attribute added to them (an img's srcset, which loads a
    picture from anywhere) fails here until this test's lists, and the URL attributes they check, are widened too."""
    assert markdown.ALLOWED_TAGS <= TAGS
    for tag, names in markdown.ALLOWED_ATTRIBUTES.items():
        assert names <= ATTRIBUTES.get(tag, set()), (tag, names - ATTRIBUTES.get(tag, set()))
    payload = '<img src="assets/a.png" srcset="https://evil.example/a.png 1x" poster="https://evil.example/p.png">'
    assert_harmless(to_html(payload))
    assert "evil.example" not in to_html(payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_does_not_survive(payload: str) -> None:
    html = to_html(f"Paragraf sebelum.\n\n{payload}\n\nParagraf sesudah.")
    assert_harmless(html)
    if "<style>" not in payload:  # an unclosed <style> swallows the rest, as it would in a browser
        assert "Paragraf sesudah." in html  # the rest of the text is kept


@pytest.mark.parametrize("payload", PAYLOADS[:20])
def test_payload_inline_in_a_list(payload: str) -> None:
    assert_harmless(to_html(f"- butir satu {payload}\n- butir dua\n\n| a | b |\n|---|---|\n| {payload} | x |"))


def test_safe_content_is_kept() -> None:
    html = to_html("**tebal** [situs](https://pasuruankota.go.id) ![logo](assets/logo.png) "
                   "[surat](mailto:diskominfo@pasuruankota.go.id)\n\n| a | b |\n|---|---|\n| 1 | 2 |")
    assert "<strong>tebal</strong>" in html
    assert 'href="https://pasuruankota.go.id"' in html
    assert 'src="assets/logo.png"' in html
    assert "mailto:" in html and "<table>" in html
    assert_harmless(html)


def test_a_table_column_keeps_the_alignment_its_markdown_gives() -> None:
    """``|--:|`` right-aligns a column of figures; written as a style, the sanitizer dropped it (no style passes)."""
    html = to_html("| Dimensi | Program | Tahap |\n|---|--:|:-:|\n| Smart Living | 10 | I |")
    assert '<td align="right">10</td>' in html and '<td align="center">I</td>' in html
    assert '<th align="right">Program</th>' in html and "style" not in html


def test_a_tables_first_column_written_in_bold_names_its_rows() -> None:
    """The SWOT table's "**Internal**" and "**Eksternal**" are what its rows are about: header cells of their rows,
    for a screen reader to name with each cell (on the site and in the tagged book). One bold total under plain
    rows is no column of names, and stays a cell."""
    named = to_html("| Lingkup | Positif |\n|---|--:|\n| **Internal** | **Kekuatan:** a |\n| **Eksternal** | b |\n")
    assert '<th scope="row">Internal</th>' in named and '<th scope="row">Eksternal</th>' in named
    assert '<td align="right"><strong>Kekuatan:</strong> a</td>' in named
    total = to_html("| Pos | Rp |\n|---|--:|\n| Gaji | 1 |\n| **Jumlah** | 2 |\n")
    assert "<th scope" not in total and "<td><strong>Jumlah</strong></td>" in total
    mixed = to_html("| A | B |\n|---|---|\n| **x** and more | 1 |\n| **y** | 2 |\n")
    assert "<th scope" not in mixed


def test_cross_references_survive_sanitizing_and_resolve() -> None:
    html = resolve_references(to_html("Lihat [[GOV-01]] <script>[[GOV-01]]</script>"),
                              lambda ref: f'<a href="#{ref}">{ref}</a>')
    assert html.count('href="#GOV-01"') == 1
    assert "<script" not in html


def test_program_description_payloads_fail_validation(make_plan: Callable[..., Path]) -> None:
    """Hostile links in a description are reported (E508), not silently published."""
    root = make_plan()
    agency = root / "content/agencies/bpkad.yml"
    text = agency.read_text(encoding="utf-8").replace(
        "    quick_win: true\n",
        "    description: |\n      Lihat ![x](/etc/passwd) dan [y](javascript:alert(1)).\n"
        "      <img src=\"../../../etc/shadow\">\n    quick_win: true\n")
    agency.write_text(text, encoding="utf-8")
    report = load_and_check(root).report
    found = [d for d in report.errors if d.code == "E508"]
    assert len(found) == 3
    assert {d.position.file for d in found} == {"content/agencies/bpkad.yml"}
    assert sorted(d.position.line for d in found) == [12, 12, 13]  # each at its own line of the block


def test_sanitized_html_of_every_payload_at_once() -> None:
    assert_harmless(to_html("\n\n".join(PAYLOADS)))


def test_a_table_cell_spans_no_more_columns_and_rows_than_a_browser_lays_out() -> None:
    """colspan="100000000" in a chapter passed the sanitizer, and WeasyPrint laid it out in more than 5 GB of memory
    before it was stopped: a cell spans at most HTML's 1,000 columns and 65,534 rows, as in a browser."""
    html = to_html('<table><thead><tr><td colspan="100000000" rowspan="99999999">Rekap</td></tr></thead>'
                   '<tbody><tr><td colspan="2">A</td><td colspan="dua">B</td></tr></tbody></table>')
    assert 'colspan="1000"' in html and 'rowspan="65534"' in html
    assert 'colspan="2"' in html
    assert "dua" not in html and "100000000" not in html


def test_a_phrase_in_another_language_keeps_its_lang(make_plan: Callable[..., Path]) -> None:
    """An English phrase in an Indonesian chapter ("Closed-Circuit Television") was read by screen readers with an
    Indonesian voice: marking it seemed impossible, as validate said lang would be removed (W520), though the sanitizer
    kept it, whatever its value. It is kept on any tag, a language code only, and validate says nothing of it."""
    html = to_html('Kamera <span lang="en">Closed-Circuit Television</span> dan <em lang="jv">sugeng</em> '
                   '<span lang="en; x">y</span> <span title="t">z</span>')
    assert '<span lang="en">Closed-Circuit Television</span>' in html and '<em lang="jv">sugeng</em>' in html
    assert "<span>y</span>" in html and '<span title="t">z</span>' in html  # a title stays on any tag, as before
    chapter = "---\ntitle: Penutup\npart: back\n---\nKamera <span lang=\"en\">Closed-Circuit Television</span>.\n"
    root = make_plan({"content/chapters/90-penutup.md": chapter})
    checked = load_and_check(root)
    assert not [d for d in checked.report.items if d.code == "W520"], [str(d) for d in checked.report.items]
    # a name for a code is dropped, and said so at its line
    root = make_plan({"content/chapters/90-penutup.md": chapter + "Lagi <em lang=\"English\">only</em>.\n"})
    told = [d for d in load_and_check(root).report.items if d.code == "W520"]
    assert len(told) == 1 and "the attribute lang of <em>" in str(told[0].message) and told[0].position.line == 6, told


def test_a_link_or_picture_shown_as_code_is_no_problem_and_a_live_one_beside_it_is(
        make_plan: Callable[..., Path]) -> None:
    """A guide for the agencies shows what not to write: `<img src="/etc/x.png">` in a code span is printed as text,
    makes no picture and leads nowhere, and was an error (E508) that stopped the build. The same URL written live is
    told, at its line, code beside it or not."""
    root = make_plan({"content/chapters/03-panduan.md": (
        "---\ntitle: Panduan Penulisan\n---\n\n"
        'Jangan menulis `<img src="/etc/x.png">`, ``[tautan](javascript:alert(1))`` atau `![peta](../peta.png)`.\n\n'
        '    <img src="../../rahasia.png">\n\n'
        "Ini pun salah: ![peta](../peta-lama.png)\n")})
    agency = root / "content/agencies/bpkad.yml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "    quick_win: true\n",
        "    description: |\n      Tulis gambar sebagai `![x](assets/x.png)`, bukan `![x](/etc/passwd)`.\n"
        "    quick_win: true\n"), encoding="utf-8")
    report = load_and_check(root).report
    found = [(d.position.file, d.position.line, d.position.column, d.code) for d in report.errors]
    assert found == [("content/chapters/03-panduan.md", 9, 24, "E508")]  # the live one, not its copy in code


@pytest.mark.parametrize("text", [
    '<img alt="`/etc/x.png`" src="/etc/x.png">',  # the address in code in an attribute before its own
    "{# ` #}![peta](/etc/x.png){# ` #}",  # Jinja's comments make the code span, and take it away once filled in
    "Teks.\n\n{{ '' -}}\n\n    ![peta](/etc/x.png)",  # Jinja takes the indent of the block away
    "Lihat `\nTabel: Peta ![peta](/etc/x.png) `\n| a | b |\n|---|---|",  # the caption is parted from the span
    "![x][peta]\n\n> [peta]: /etc/x.png\n\nContoh: `![b](/etc/x.png)`",  # the live use is not one a pattern finds
    "Contoh: `![b](/etc/x.png)`, dan ini hidup: ![b](/etc/x.png)",  # the same address live beside its copy in code
], ids=["attribute", "jinja-comment", "jinja-indent", "caption", "reference-in-a-quote", "same-address"])
def test_a_live_picture_is_never_let_go_for_a_copy_in_code(make_plan: Callable[..., Path], text: str) -> None:
    """What is let go as shown in code is what Markdown, reading the text as the book does, shows only as code: a
    picture it makes of the same address anywhere, or a text whose Jinja may change what is code, is told."""
    root = make_plan({"content/chapters/03-panduan.md": f"---\ntitle: Panduan\n---\n\n{text}\n"})
    assert "E508" in {d.code for d in load_and_check(root).report.errors}


def test_a_control_character_makes_no_tag_the_checks_did_not_see() -> None:
    """Word's line break is printed as a space, once Markdown has read the text as the checks read it: made a space
    before, "<a\\x00href=…>" became a link to a file no check had looked for."""
    html = to_html('Lihat <a\x00href="assets/hilang.pdf">berkas</a>, baris\x0bdua.')
    assert "<a" not in html.replace("&lt;a", "") and "baris dua" in html and "\x00" not in html
