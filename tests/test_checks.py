"""Checks beyond the corpus: the helpers behind the messages, and what one broken file may hide."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import MINI_FILES

from masterplan import checks
from masterplan.checks.links import urls
from masterplan.diagnostics import ANY_PROGRAM, closest, did_you_mean
from masterplan.load import load
from masterplan.project import load_and_check
from masterplan.render.markdown import url_problem


@pytest.mark.parametrize("word, choices, hint", [
    ("livng", ["living", "governance"], "did you mean 'living'?"),
    ("APDB", ["APBD", "APBN"], "did you mean 'APBD'?"),
    ("apbd", ["APBD", "APBN"], "did you mean 'APBD'?"),
    ("zzz", ["APBD", "APBN"], None),
    ("dispendukcapil", ["disperindag", "diskominfo"], None),  # another agency, not a typo of this one
    ("dinsos", ["dinkes", "dishub"], None),
    ("disdukcapil", ["dispendukcapil", "disperindag"], "did you mean 'dispendukcapil'?"),
    ("GOV-14", ["GOV-13", "GOV-16"], None),  # another program
    ("GOV-1", ["GOV-01", "GOV-02"], "did you mean 'GOV-01'?"),
    ("GOV-O1", ["GOV-01", "GOV-02"], "did you mean 'GOV-01'?"),
    ("SOC-20", ["SOC-02", "SOC-03"], None),  # the same digits swapped: another program (SOC-20 was renamed)
])
def test_did_you_mean(word: str, choices: list[str], hint: str | None) -> None:
    assert did_you_mean(word, choices) == hint


def test_urls_in_markdown_and_html() -> None:
    text = textwrap.dedent("""\
        A [web](https://x.id) and ![img](assets/a.png "t").
        <img src="/etc/passwd"> <a href='../../x'>x</a>
        [ref]: file:///etc/passwd
        <javascript:alert(1)>
        """)
    assert list(urls(text)) == [
        ("link", "https://x.id", 1, 9), ("image", "assets/a.png", 1, 34), ("link", "file:///etc/passwd", 3, 8),
        ("link", "javascript:alert(1)", 4, 2), ("image", "/etc/passwd", 2, 1), ("link", "../../x", 2, 25)]


@pytest.mark.parametrize("url, image, bad", [
    ("assets/peta.png", True, False), ("https://x.id", False, False), ("#bagian", False, False),
    ("https://x.id/a.png", True, True), ("../assets/a.png", True, True), ("/assets/a.png", True, True),
    ("file:///etc/passwd", False, True), ("JavaScript:alert(1)", False, True), ("data:text/html,x", False, True),
    ("%2e%2e/x", False, True), ("%252e%252e/x", False, True), ("..\\x", False, True), ("//evil.id", False, True),
])
def test_url_rule(url: str, image: bool, bad: bool) -> None:
    assert (url_problem(url, image=image) is not None) == bad


def test_unreadable_agency_hides_no_real_errors_elsewhere(make_plan: Callable[..., Path]) -> None:
    """bpkad.yml is broken: references to it and its programs are not errors of their own,
    but an unknown pillar in another file still is."""
    kominfo = "content/agencies/diskominfo.yml"
    root = make_plan({"content/agencies/bpkad.yml": "id: bpkad\n\tname: x\n",
                      kominfo: textwrap.dedent(MINI_FILES[kominfo]).replace("pillar: governance", "pillar: gov")})
    report = load_and_check(root).report
    assert ANY_PROGRAM in report.unreadable
    assert sorted((d.position.file, d.code) for d in report.errors) == [
        ("content/agencies/bpkad.yml", "E001"), (kominfo, "E201")]


def test_a_chapter_looking_up_a_program_of_a_broken_file_is_no_error_of_its_own(make_plan: Callable[..., Path]) -> None:
    """A tab in diskominfo.yml: the chapter's plan.program('GOV-01') was said to find nothing, as if
    GOV-01 had been renamed or deleted; the file's own E001 is the one thing to fix."""
    chapter = "content/chapters/01-pendahuluan.md"
    root = make_plan({"content/agencies/diskominfo.yml": "id: diskominfo\n\tname: x\n",
                      chapter: MINI_FILES[chapter].rstrip(" ") + "        Program: {{ plan.program('GOV-01').name }}.\n"})
    report = load_and_check(root).report
    assert [(d.position.file, d.code) for d in report.errors] == [("content/agencies/diskominfo.yml", "E001")], \
        [str(d) for d in report.errors]


def test_a_broken_pillar_file_hides_no_chapters_lookup_of_a_program_that_is_nowhere(
        make_plan: Callable[..., Path]) -> None:
    """economy.yml is broken: it names no program, so GOV-99 looked up by a chapter is still an E504."""
    chapter = "content/chapters/01-pendahuluan.md"
    root = make_plan({"content/pillars/economy.yml": "id: economy\n\tname: x\n",
                      chapter: MINI_FILES[chapter].rstrip(" ") + "        Program: {{ plan.program('GOV-99').name }}.\n"})
    report = load_and_check(root).report
    assert sorted((d.position.file, d.code) for d in report.errors) == [
        (chapter, "E504"), ("content/pillars/economy.yml", "E001")], [str(d) for d in report.errors]


def test_rules_take_the_unreadable_set(mini_plan: Path) -> None:
    plan, _ = load(mini_plan)
    assert plan is not None
    assert checks.run(plan) == checks.run(plan, frozenset())
    plan.agencies = [a for a in plan.agencies if a.id != "bpkad"]
    plan.link()
    missing = {d.code for d in checks.run(plan) if d.severity.value == "error"}
    assert missing == {"E203"}  # GOV-01's partner bpkad
    assert not [d for d in checks.run(plan, {"bpkad", "ECO-01", ANY_PROGRAM}) if d.severity.value == "error"]


def test_agency_without_programs_is_valid_when_it_supports(make_plan: Callable[..., Path]) -> None:
    kominfo = "content/agencies/diskominfo.yml"
    root = make_plan({
        "content/agencies/dinkes.yml": "id: dinkes\nname: Dinas Kesehatan\nshort_name: Dinkes\nkind: dinas\n"
                                       "supports: [GOV-01]\n",
        kominfo: textwrap.dedent(MINI_FILES[kominfo]).replace("partners: [bpkad]", "partners: [bpkad, dinkes]"),
    })
    assert list(load_and_check(root).report) == []


def test_each_cycle_is_reported_once(make_plan: Callable[..., Path]) -> None:
    kominfo = "content/agencies/diskominfo.yml"
    root = make_plan({kominfo: textwrap.dedent(MINI_FILES[kominfo]).replace(
        "    missions: [m1]", "    missions: [m1]\n    depends_on: [ECO-01, GOV-01]")})
    cycles = [d for d in load_and_check(root).report.errors if d.code == "E208"]
    assert len(cycles) == 2  # GOV-01 → GOV-01, and GOV-01 → ECO-01 → GOV-01


def test_similar_pairs_are_every_pair_over_the_threshold() -> None:
    """The near-duplicate search (prefix filtering) finds exactly what comparing every pair finds."""
    import random

    from masterplan.checks.similar_sets import jaccard, similar_pairs
    for seed in range(300):
        rnd = random.Random(seed)
        universe, threshold = rnd.randint(2, 30), rnd.choice([0.1, 0.34, 0.6, 0.75, 0.9, 1.0])
        templates = [set(rnd.sample(range(universe), rnd.randint(0, min(universe, 12)))) for _ in range(4)]
        sets = []
        for _ in range(rnd.randint(1, 40)):
            words = {f"w{n}" for n in rnd.choice(templates)} | {f"w{rnd.randrange(universe)}"}
            sets.append(words - {f"w{rnd.randrange(universe)}"})
        every = {(i, j) for i in range(len(sets)) for j in range(i + 1, len(sets))
                 if jaccard(sets[i], sets[j]) >= threshold}
        found = list(similar_pairs(sets, threshold))
        assert len(found) == len(set(found)) and set(found) == every, seed


def test_boilerplate_shared_by_many_programs_is_still_a_near_duplicate(make_plan: Callable[..., Path]) -> None:
    """Sixty programs with one and the same text: each is reported once, with what it resembles counted."""
    text = "Kegiatan ini dilaksanakan sesuai dengan ketentuan yang berlaku di lingkungan pemerintah daerah."
    programs = {agency: "".join(
        f"  - {{id: {agency.upper()}-{n:02d}, name: Program {agency} nomor {n:02d}, pillar: governance, "
        f"sub_element: pelayanan_publik, period: {{start: 2023, end: 2024}}, summary: '{text}', "
        f"description: '{text}'}}\n" for n in range(30)) for agency in ("dinkes", "dishub")}
    files = {f"content/agencies/{agency}.yml": f"id: {agency}\nname: Dinas {agency}\nshort_name: {agency}\n"
             f"kind: dinas\nprograms:\n{listing}" for agency, listing in programs.items()}
    report = load_and_check(make_plan(files)).report
    assert not report.errors, report.errors
    found = [d.message for d in report.warnings if d.code == "W401" and "descriptions" in d.message]
    assert len(found) == 60  # each program once, naming the 59 others (those of its own agency are alike too)
    assert all(m.endswith(" and 56 more") for m in found)


def test_likenesses_added_up_by_group_are_those_of_every_pair() -> None:
    """W401 counts programs with one and the same words as a group (8,000 copies were 64 million pairs): what each
    warning says is what comparing every pair of programs says, copies under one id (E207's) left out."""
    import random

    from masterplan.checks.alike_programs import SHOWN, Alike, Likeness
    from masterplan.checks.similar_sets import jaccard
    for seed in range(400):
        rnd = random.Random(seed)
        count = rnd.randint(1, 40)
        name_words = [{"aduan", "warga", "terpadu"}, {"aduan", "warga", "terpadu", "daring"}, {"parkir"}, set(),
                      {"parkir", "nontunai"}, {"taman", "hijau", "teduh", "kota"}]
        texts = [{(w,) for w in words} for words in name_words]
        ids = [rnd.choice("ABCDEFGHIJ"[:rnd.randint(1, 10)]) for _ in range(count)]
        leads = [rnd.choice(["dinkes", "dishub"]) for _ in range(count)]
        names = [rnd.choice(["aduan", "Aduan", "parkir"]).casefold() for _ in range(count)]
        by_name = [rnd.choice(name_words) for _ in range(count)]
        by_text = [rnd.choice(texts) for _ in range(count)]
        found = list(Alike(ids, leads, names, by_name, by_text, 0.75, 0.6).likenesses())
        every = []
        for one in range(count):
            others = [n for n in range(count) if ids[n] != ids[one]]
            alike = {"names": [n for n in others if jaccard(by_name[one], by_name[n]) >= 0.75]}
            alike["descriptions"] = [n for n in others if jaccard(by_text[one], by_text[n]) >= 0.6
                                     and n not in alike["names"]]
            every += [Likeness(one, what, alike[what][:SHOWN], len(alike[what]),
                               sum(names[n] == names[one] for n in alike[what]),
                               sum(leads[n] == leads[one] for n in alike[what]))
                      for what in ("descriptions", "names") if alike[what]]
        assert found == every, seed


def test_a_program_pasted_many_times_is_told_at_each_copy(make_plan: Callable[..., Path]) -> None:
    """Forty copies of one program, two left under one id: each is told once by its name, counting the others
    but not its copy of the same id (E207 tells of that one)."""
    listing = "".join(f"  - {{id: GOV-{n:02d}, name: Posyandu Digital Balita Sehat, pillar: governance, "
                      f"sub_element: pelayanan_publik, period: {{start: 2023, end: 2024}}, summary: Aduan warga "
                      f"ditanggapi dalam sepuluh menit.}}\n" for n in [*range(2, 42), 2])
    files = {"content/agencies/dinkes.yml": f"id: dinkes\nname: Dinas Kesehatan\nshort_name: Dinkes\nkind: dinas\n"
                                             f"programs:\n{listing}"}
    report = load_and_check(make_plan(files)).report
    found = [d.message for d in report.warnings if d.code == "W401"]
    assert len(found) == 41 and not [m for m in found if "descriptions" in m]
    assert found.count("program GOV-02 (Dinkes) has the same name as GOV-03 (Dinkes), GOV-04 (Dinkes), "
                       "GOV-05 (Dinkes) and 36 more") == 2
    assert "program GOV-03 (Dinkes) has the same name as GOV-02 (Dinkes), GOV-02 (Dinkes), GOV-04 (Dinkes) " \
           "and 37 more" in found  # the plan lists programs by code



def test_phrases_found_at_once_are_those_each_regex_finds() -> None:
    """The glossary's terms are looked for all at once (one by one, 8,000 terms took 30 s): each is found in the
    texts where ``(?<!\\w)term(?!\\w)`` finds it, marks at its ends ("(ATCS)", "C++") and inside ("e-Sambat")
    included."""
    import random
    import re

    from masterplan.phrases import Phrases, split_words
    pieces = ["a", "b", "ab", "ATCS", "e", "Sambat", " ", " ", "-", "(", ")", "+", ".", "\n", "é", "_", "1"]
    for seed in range(2000):
        rnd = random.Random(seed)

        def text(most: int, rnd: random.Random = rnd) -> str:
            return "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, most)))
        phrases = [text(5) or "a" for _ in range(rnd.randint(1, 12))]
        texts = [text(40) for _ in range(rnd.randint(1, 5))]
        found = Phrases(phrases, most=2)
        for label, written in enumerate(texts):
            found.read(split_words(written), label)
        for number, phrase in enumerate(phrases):
            pattern = re.compile(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)")
            assert found.labels(number) == [n for n, t in enumerate(texts) if pattern.search(t)][:2], (seed, phrase)


def test_glossary_terms_with_marks_are_found_as_written(make_plan: Callable[..., Path]) -> None:
    """W524 for the terms a chapter does not use as they are written: a mark at a term's end is part of it, a
    word run on is another word."""
    terms = ["(ATCS)", "C++", "S.Kom.", "Wi-Fi", "e-Monev", "Smart City", "DAK-fisik", "TP2DD"]
    files = {"content/glossary.yml": "terms:\n" + "".join(
                 f"  - {{term: '{term}', definition: Istilah nomor {n}.}}\n" for n, term in enumerate(terms)),
             "content/chapters/02-isi.md": "---\ntitle: Isi\n---\n\nSistem ATCS (ATCS), bahasa C+, gelar "
                                           "S.Kom, Wi-Fi-nya, layanan xe-Monev, smart city, DAK-fisik.\n"}
    found = [d.message for d in load_and_check(make_plan(files)).report.warnings if d.code == "W524"]
    assert found == [f"glossary term '{term}' is used nowhere in the plan"
                     for term in ("C++", "S.Kom.", "e-Monev", "TP2DD")]

def test_an_abbreviation_the_glossary_does_not_explain_is_told_once_in_the_plans_language(
        make_plan: Callable[..., Path]) -> None:
    """The sample's book used SDM, SMP and KK, which its glossary did not explain, and validate said nothing: W529
    names each once, at its first use (a description's, before a chapter's), with how often the plan uses it, in
    Indonesian as the catalog says it; a word of a fenced block, a YAML comment after a value, a word in capitals
    and a program's code are no abbreviations the reader meets."""
    from masterplan.diagnostics import Speaker
    agency = MINI_FILES["content/agencies/bpkad.yml"].replace(
        "name: Transaksi Non-Tunai\n",
        "name: Transaksi Non-Tunai\n            description: Pedagang SMP dan SD memakai kode QR.  # bukan QRIS\n")
    files = {"content/agencies/bpkad.yml": agency,
             "content/chapters/02-isi.md": "---\ntitle: Isi\n---\n\nSiswa SMP, PENTING: ECO-01 dan ECO.\n\n"
                                           "```\nDATA SMP KK\n```\n\nSiswa SMP lagi.\n"}
    found = [d for d in load_and_check(make_plan(files)).report.warnings if d.code == "W529"]
    said = "abbreviation '{}' is used {} in the plan, but the glossary does not explain it"
    assert [(str(d.position), d.message) for d in found] == [
        ("content/agencies/bpkad.yml:9:27", said.format("SMP", "3 times")),
        ("content/agencies/bpkad.yml:9:35", said.format("SD", "1 time")),
        ("content/agencies/bpkad.yml:9:51", said.format("QR", "1 time"))]
    assert Speaker.of("id").line(found[0]) == (
        "content/agencies/bpkad.yml:9:27: peringatan[W529]: singkatan 'SMP' dipakai 3 kali dalam masterplan, tetapi "
        "tidak dijelaskan di glosarium (tambahkan ke content/glossary.yml beserta kepanjangannya: "
        "- {term: SMP, definition: …})")


def test_a_program_code_typed_without_its_hyphen_is_no_abbreviation_for_the_glossary(
        make_plan: Callable[..., Path]) -> None:
    """supports: [ECO01] drew E205 ("did you mean 'ECO-01'?") and W529, which asked to add ECO01 to the glossary:
    the slip is told once, as the unknown program it is."""
    agency = MINI_FILES["content/agencies/diskominfo.yml"].replace("kind: dinas\n", "kind: dinas\n        supports: [ECO01]\n")
    assert "supports: [ECO01]" in agency
    report = load_and_check(make_plan({"content/agencies/diskominfo.yml": agency})).report
    assert [d.code for d in report if "ECO01" in d.message] == ["E205"], [str(d) for d in report]


def test_a_title_typed_in_capitals_is_words_not_abbreviations(make_plan: Callable[..., Path]) -> None:
    """A chapter titled "BAB 3 VISI DAN MISI" made W529 ask the glossary for VISI and MISI: a line in capitals
    (a heading, a front-matter title) is words. An abbreviation on it is still told where the text uses it, and a
    heading of one abbreviation alone ("## SDMX") is told as any."""
    files = {"content/chapters/02-isi.md": "---\ntitle: BAB 3 VISI DAN MISI\n---\n\n# VISI DAN MISI KOTA\n\n"
                                           "## TUJUAN SMPX\n\nSiswa SMPX.\n\n## SDMX\n\nTeks.\n"}
    found = [(str(d.position), d.message.split("'")[1])
             for d in load_and_check(make_plan(files)).report.warnings if d.code == "W529"]
    assert found == [("content/chapters/02-isi.md:9:7", "SMPX"), ("content/chapters/02-isi.md:11:4", "SDMX")]


def test_a_chapter_linked_from_inside_the_plan_is_checked_as_the_book_reads_it(make_plan: Callable[..., Path]) -> None:
    """A chapter that is a link (symlink) to a file elsewhere in the plan folder is read into the book, so its
    abbreviations are told as any chapter's; one leading out of the plan is never read (E013), nor checked."""
    root = make_plan({"drafts/isi.md": "---\ntitle: Isi\n---\n\nSiswa SMPX.\n"})
    (root / "content/chapters/02-isi.md").symlink_to(root / "drafts/isi.md")
    found = {d.message.split("'")[1] for d in load_and_check(root).report.warnings if d.code == "W529"}
    assert "SMPX" in found
    (root / "content/chapters/02-isi.md").unlink()
    (root / "content/chapters/02-isi.md").symlink_to(root.parent / "elsewhere.md")
    (root.parent / "elsewhere.md").write_text("---\ntitle: Luar\n---\n\nSiswa SMPZ.\n", encoding="utf-8")
    checked = load_and_check(root).report
    assert "E013" in {d.code for d in checked.errors}
    assert "SMPZ" not in {d.message.split("'")[1] for d in checked.warnings if d.code == "W529"}


def test_a_plan_without_a_glossary_is_not_told_of_abbreviations(make_plan: Callable[..., Path]) -> None:
    """No glossary, no annex to add to: the mini plan's SDM, TIK, SPBE, APBN and OPD are not told one by one."""
    checked = load_and_check(make_plan({"content/glossary.yml": None}))
    assert [d for d in checked.report.warnings if d.code == "W529"] == []


def test_text_written_to_stall_the_abbreviations_check_is_read_once(make_plan: Callable[..., Path]) -> None:
    """Content is untrusted: a line of openings that never close ({{, [[, ](, ``, a fence) is read once, and
    the abbreviation after them is still told (by hand: a line of 400 KB of them took 0.14 s, 1.6 MB 0.54 s)."""
    line = "{{ [[ ]( `` x@ " * 20_000
    files = {"content/chapters/02-isi.md": f"---\ntitle: Isi\n---\n\n{line}SDMX\n"}
    found = [d.message for d in load_and_check(make_plan(files)).report.warnings if d.code == "W529"]
    assert found == ["abbreviation 'SDMX' is used 1 time in the plan, but the glossary does not explain it"]


@pytest.mark.parametrize("language, once, thrice", [
    ("en", "abbreviation 'SD' is used 1 time in the plan", "abbreviation 'SMP' is used 3 times in the plan"),
    ("id", "singkatan 'SD' dipakai 1 kali dalam masterplan", "singkatan 'SMP' dipakai 3 kali dalam masterplan"),
])
def test_an_unexplained_abbreviations_uses_are_counted_in_words_of_one_or_many(
        make_plan: Callable[..., Path], language: str, once: str, thrice: str) -> None:
    """W529 said 'used 1 time(s)': one use is 'time', more are 'times' in English; Indonesian says 'kali' for
    both, as the catalog gives each form."""
    from masterplan.diagnostics import Speaker
    files = {"content/chapters/02-isi.md": "---\ntitle: Isi\n---\n\nSiswa SMP dan SD.\n\nSiswa SMP lagi, SMP.\n"}
    found = [d for d in load_and_check(make_plan(files)).report.warnings if d.code == "W529"]
    lines = [Speaker.of(language).line(d) for d in found]
    assert [line.split(": ", 2)[2].split(",")[0] for line in lines] == [thrice, once]
    assert lines[0].startswith("content/chapters/02-isi.md:5:7: ")


@pytest.mark.parametrize("one, other", [
    ("Wi-Fi Publik di Ruang Terbuka Hijau", "WiFi Publik di Ruang Terbuka Hijau"),
    ("Transaksi Non Tunai di Pasar Rakyat", "Transaksi Nontunai di Pasar Rakyat"),
    ("Integrasi e-Sambat dengan Command Center", "Integrasi eSambat dengan Command Center"),
])
def test_names_spelt_otherwise_are_compared_as_one(one: str, other: str) -> None:
    from masterplan.checks.near_duplicates import shingles, words
    assert words(one) == words(other)
    assert shingles(one) == shingles(other)


def test_a_near_duplicate_in_its_own_agency_and_in_another_is_told_what_to_do_with_each(
        make_plan: Callable[..., Path]) -> None:
    """A program alike to one of its own agency's (a copy) and to another agency's: the hint says both."""
    def program(id_: str) -> str:
        return (f"  - {{id: {id_}, name: Parkir Elektronik dan Retribusi Parkir Nontunai, pillar: governance, "
                f"sub_element: pelayanan_publik, period: {{start: 2023, end: 2024}}}}\n")
    files = {f"content/agencies/{agency}.yml": f"id: {agency}\nname: Dinas {agency}\nshort_name: {agency}\n"
             f"kind: dinas\nprograms:\n{listing}" for agency, listing in
             (("dinkes", program("LIV-01")), ("dishub", program("LIV-02") + program("LIV-03")))}
    found = [d for d in load_and_check(make_plan(files)).report.warnings if d.code == "W401"]
    assert [(d.message, d.hint) for d in found if d.message.startswith("program LIV-03")] == [
        ("program LIV-03 (dishub) has the same name as LIV-01 (dinkes), LIV-02 (dishub)",
         ("a copy in the same agency's file: delete one of them; with another agency's program: merge them, "
          "or make one a partner of the other"))]


def test_phases_of_one_program_told_apart_by_a_number_or_a_letter_are_no_copies(
        make_plan: Callable[..., Path]) -> None:
    """"Wi-Fi Publik Kelurahan Tahap 1" and "… Tahap 2" of one agency were told to delete one as a copy: the
    number was dropped with every one-character word."""
    def program(id_: str, name: str) -> str:
        return (f"  - {{id: {id_}, name: {name}, pillar: governance, sub_element: pelayanan_publik, "
                f"period: {{start: 2023, end: 2024}}}}\n")
    listing = (program("GOV-11", "Wi-Fi Publik Kelurahan Tahap 1") + program("GOV-12", "Wi-Fi Publik Kelurahan Tahap 2")
               + program("GOV-13", "Pos Pantau Zona A") + program("GOV-14", "Pos Pantau Zona B"))
    files = {"content/agencies/dinkes.yml": f"id: dinkes\nname: Dinas Kesehatan\nshort_name: Dinkes\nkind: dinas\n"
                                             f"programs:\n{listing}"}
    assert [d.message for d in load_and_check(make_plan(files)).report.warnings if d.code == "W401"] == []


@pytest.mark.parametrize("apart_from", [0, 10**9], ids=["forked", "in-process"])
def test_a_build_reports_the_same_warnings_whether_they_ran_beside_it_or_not(
        apart_from: int, make_plan: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """A large plan's warning rules run in a forked process while the build renders; the
    report is the same as validate's, and --strict still stops the build on them."""
    from masterplan import project
    from masterplan.build import BuildOptions, run

    monkeypatch.setattr(project, "WARNINGS_APART_FROM", apart_from)
    root = make_plan({"content/agencies/dlh.yml": "id: dlh\nname: Dinas Lingkungan Hidup\nshort_name: DLH\n"
                                                  "kind: dinas\n"})  # W408: leads no program, supports none
    expected = load_and_check(root).report.warnings
    assert [d.code for d in expected] == ["W408"]
    built = run(root, BuildOptions(pdf=False, search=False))
    assert built.ok and built.report.warnings == expected
    strict = run(root, BuildOptions(pdf=False, search=False, strict=True))
    assert not strict.ok and strict.report.warnings == expected
    broken = make_plan({"content/agencies/dlh.yml": "id: dlh\nname: Dinas Lingkungan Hidup\nshort_name: DLH\n"
                                                    "kind: dinas\n", "content/glossary.yml": "- term: [\n"})
    failed = run(broken, BuildOptions(pdf=False, search=False))  # an error stops it; its warnings are still told
    assert not failed.ok and failed.report.errors and failed.report.warnings == expected


@pytest.mark.parametrize("ref, hint", [
    ("agency:damkar", None),  # not agency:disnaker, however alike the two are with their 'agency:'
    ("agency:bpkd", "did you mean 'agency:bpkad'?"),
    ("bab:pendahuluan", None),
    ("pilar:economy", "did you mean 'pillar:economy'?"),  # the kind in Indonesian
    ("Pillar:economy", "did you mean 'pillar:economy'?"),
    ("tabel:budget-source", "did you mean 'tab:budget-source'?"),
    ("Agency:bpkd", "did you mean 'agency:bpkad'?"),
])
def test_a_cross_reference_is_suggested_within_its_kind(ref: str, hint: str | None) -> None:
    from masterplan.checks.cross_references import closest_reference
    known = ["agency:disnaker", "agency:bpkad", "GOV-01", "agency:pendahuluan", "pillar:economy", "tab:budget-source"]
    assert closest_reference(ref, known) == hint


def test_a_copy_of_the_themes_own_templates_compiles(make_plan: Callable[..., Path]) -> None:
    """A plan that copies the theme's templates to change them starts without errors: the website's
    templates use filters of their own (describe) that the book's do not have."""
    import shutil
    root = make_plan()
    theme = Path(__file__).resolve().parent.parent / "templates"
    for name in ("site/base.html", "site/chapter.html", "site/program.html", "print/book.html"):
        (root / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(theme / name, root / "templates" / name)
    checked = load_and_check(root)
    assert [str(d) for d in checked.report if d.code == "E703"] == []


def test_a_theme_file_saved_in_windows_encoding_is_told_at_its_byte_and_the_last_good_build_kept(
        make_plan: Callable[..., Path]) -> None:
    """A stylesheet saved by Notepad in Windows' encoding (a curly quote in a comment) passed validate, and the build
    stopped inside WeasyPrint with Python's UnicodeDecodeError told at plan.yml, asking to report a fault of
    masterplan; a template the same way was E703 with Python's words and no line. Both are E003 at their byte now,
    with how to save them, and the build stops before it starts, its last output kept."""
    import shutil

    from masterplan.build import BuildOptions, run
    root = make_plan()
    assert run(root, BuildOptions(pdf=False, search=False)).ok
    theme = Path(__file__).resolve().parent.parent / "templates"
    (root / "templates" / "print").mkdir(parents=True)
    (root / "templates" / "site").mkdir(parents=True)
    (root / "templates" / "print" / "book.css").write_bytes(
        (theme / "print" / "book.css").read_bytes() + "/* \u201ckota\u201d baru */\n".encode("cp1252"))
    shutil.copyfile(theme / "site" / "footer.html", root / "templates" / "site" / "footer.html")
    with (root / "templates" / "site" / "footer.html").open("ab") as footer:
        footer.write("<!-- catatan \u2013 baru -->\n".encode("cp1252"))
    css_line = (theme / "print" / "book.css").read_bytes().count(b"\n") + 1
    footer_line = (theme / "site" / "footer.html").read_bytes().count(b"\n") + 1
    told = [(str(d.position), d.message, str(d.hint)) for d in load_and_check(root).report.errors]
    assert [(at, str(message)) for at, message, _ in told] == [
        (f"templates/print/book.css:{css_line}:4", "file is not UTF-8 (byte 0x93: '\u201c' in Windows' encoding)"),
        (f"templates/site/footer.html:{footer_line}:14", "file is not UTF-8 (byte 0x96: '\u2013' in Windows' encoding)"),
    ], told
    assert all("save the file as UTF-8" in hint for _, _, hint in told)
    # what the build does not read as UTF-8 is not told: a font's notes in Windows' encoding, an SVG declaring its own
    (root / "templates" / "fonts").mkdir()
    (root / "templates" / "fonts" / "readme.txt").write_bytes("Font \u00a9 2009 Foundry.\r\n".encode("cp1252"))
    (root / "templates" / "print" / "logo.svg").write_bytes(
        '<?xml version="1.0" encoding="iso-8859-1"?>\n<svg xmlns="http://www.w3.org/2000/svg"><title>Logo \u00a9'
        '</title></svg>\n'.encode("latin-1"))
    assert len(load_and_check(root).report.errors) == 2
    page = (root / "build" / "site" / "index.html").read_bytes()
    assert not run(root, BuildOptions(search=False)).ok
    assert (root / "build" / "site" / "index.html").read_bytes() == page


def test_a_change_of_capitals_only_is_not_told_to_keep_its_old_page(make_plan: Callable[..., Path]) -> None:
    """GOV-01 written gov-01: one page on Windows and macOS, so former_ids: [GOV-01] (which E213
    refuses) is not advised, and W410 does not take the page for one the next build drops."""
    import yaml

    case = yaml.safe_load((Path(__file__).parent / "bad_inputs" / "program-renamed-in-small-letters.yml").read_text(
        encoding="utf-8"))
    report = load_and_check(make_plan(case["files"])).report
    hints = {d.hint for d in report.items if d.code in ("E205", "E507")}
    assert hints == {'GOV-01 of the last build, "e-Sambat (Media Sambat Masyarakat)", is now gov-01: write the new id'}
    assert not [d for d in report.items if d.code == "W410"]


def test_double_brackets_that_are_no_cross_reference_are_pointed_at(make_plan: Callable[..., Path]) -> None:
    """``[[ GOV-01 ]]`` and ``[[GOV-01|teks]]`` were printed as written, brackets and all, without a word;
    so was a right one in a description, where references are not resolved."""
    kominfo = "content/agencies/diskominfo.yml"
    chapter = "content/chapters/01-pendahuluan.md"
    root = make_plan({
        chapter: MINI_FILES[chapter].rstrip(" ") + "        Lihat [[ GOV-01 ]] dan [[GOV-01|e-Sambat]]; [[GOV-01]] benar.\n",
        kominfo: MINI_FILES[kominfo].replace("Warga **mengadu** lewat aplikasi.", "Lanjutan [[ECO-01]]."),
    })
    found = sorted((str(d.position), d.message, d.hint) for d in load_and_check(root).report if d.code == "W518")
    mistyped = "'[[{text}]]' is not a cross-reference: it is printed as written"
    alone = "write the id alone between the brackets: [[{id}]]"
    assert [(at, str(message), str(hint)) for at, message, hint in found] == [
        (f"{kominfo}:11:18", "'[[ECO-01]]' is printed as written: cross-references work in chapters only",
         "name it in words here, e.g. e-Sambat (GOV-01)"),
        (f"{chapter}:8:24", mistyped.format(text="GOV-01|e-Sambat"), alone.format(id="GOV-01")),
        (f"{chapter}:8:7", mistyped.format(text=" GOV-01 "), alone.format(id="GOV-01")),
    ], found


def test_double_brackets_around_words_get_no_id_made_of_them_and_template_code_is_left_alone(
        make_plan: Callable[..., Path]) -> None:
    """``[[tabel 2.1]]`` was told to write ``[[tabel2.1]]``, an id that is nowhere; double brackets inside
    a Jinja tag are template code, never printed."""
    chapter = "content/chapters/01-pendahuluan.md"
    root = make_plan({chapter: MINI_FILES[chapter].rstrip(" ")
                      + "        Lihat [[tabel 2.1]] dan [[bab: pendahuluan]].\n"
                      + "        {{ '[[ GOV-01 ]]' | length }} {# [[ catatan ]] #}\n"})
    found = [d for d in load_and_check(root).report if d.code == "W518"]
    assert sorted((str(d.position), str(d.hint)) for d in found) == [
        (f"{chapter}:8:25", "write the id alone between the brackets: [[bab:pendahuluan]]"),
        (f"{chapter}:8:7", ("a cross-reference is an id alone between double brackets, e.g. [[GOV-01]] or "
                            "[[tab:swot]]; write other text without them"))], [str(d) for d in found]


def test_a_one_sided_partnership_names_the_file_to_edit_as_it_is_named(make_plan: Callable[..., Path]) -> None:
    """The hint said content/agencies/bpkad.yml for a file named bpkad.YML: no such file to open."""
    bpkad = "content/agencies/bpkad.yml"
    root = make_plan({bpkad: MINI_FILES[bpkad].replace("supports: [GOV-01]", "supports: []")})
    (root / bpkad).rename(root / "content/agencies/bpkad.YML")
    found = [(str(d.position), str(d.hint)) for d in load_and_check(root).report if d.code == "W406"]
    hint = ("add GOV-01 to supports in content/agencies/bpkad.YML, or, bpkad not taking part, remove bpkad from the "
            "partners of GOV-01 in content/agencies/diskominfo.yml")
    assert found == [("content/agencies/diskominfo.yml:13:16", hint)]


def test_a_one_sided_partnership_is_pointed_at_in_its_list(make_plan: Callable[..., Path]) -> None:
    """W406 pointed at a list's first line (or its "["), not at the entry that lacks its other side."""
    bpkad, kominfo = "content/agencies/bpkad.yml", "content/agencies/diskominfo.yml"
    root = make_plan({bpkad: MINI_FILES[bpkad].replace("supports: [GOV-01]", "supports:\n          - ECO-01\n          - GOV-01"),
                      kominfo: MINI_FILES[kominfo].replace("partners: [bpkad]", "partners: []")})
    found = [str(d.position) for d in load_and_check(root).report if d.code == "W406"]
    assert found == [f"{bpkad}:7:5"], found  # "  - GOV-01", the second entry


def test_a_cross_reference_without_its_leading_zero_is_told_the_code_of_that_number() -> None:
    """[[GOV-1]] in the sample, which has GOV-01 to GOV-16: no hint, GOV-10 to GOV-16 being as alike."""
    from masterplan.checks.cross_references import closest_reference

    known = {f"GOV-{n:02d}" for n in range(1, 17)} | {"tab:swot"}
    assert str(closest_reference("GOV-1", known)) == "did you mean 'GOV-01'?"
    assert str(closest_reference("GOV-16", known - {"GOV-16"})) != "did you mean 'GOV-01'?"


@pytest.mark.parametrize("text", [
    '~~~\n<img src="assets/peta.png">\n~~~',  # no code block in a chapter: live HTML
    '```\n\n<img src="assets/peta.png">\n```',
    'Harga \\` <img src="assets/peta.png"> `',  # an escaped backtick opens no code span
    '``x`` <img src="assets/peta.png"> `y',
    '<img alt="a>b" src="assets/peta.png">',  # a ">" inside a quoted value
])
def test_every_image_the_sanitizer_keeps_is_checked(text: str) -> None:
    """The renderer loads these images: validate said nothing of a missing one, and the build failed 87 s later."""
    from masterplan.checks.links import urls

    assert ("image", "assets/peta.png", text.count("\n", 0, text.index("<img")) + 1) in [u[:3] for u in urls(text)]


def test_html_shown_as_code_or_commented_out_is_not_said_to_be_removed() -> None:
    from masterplan.checks import html

    text = 'Kode `<script>` dan ``<embed src="x">``.\n<!-- <iframe src="x"></iframe> -->\n<img alt="a>b" src="p.png">'
    assert [str(what) for what, _, _ in html.removed(text)] == []
    # each at its place, an attribute at its name (column 1 was all a writer was told, however deep in the line)
    said = [(str(what), line, column) for what, line, column in
            html.removed('<p>\n<div onclick="a()"\n  style="x">Klik <font color="red">!</font></div>')]
    assert said == [("the attribute onclick of <div>", 2, 6), ("the attribute style of <div>", 3, 3),
                    ("<font> (its text stays)", 3, 18)]


def test_a_language_left_empty_gets_no_word_of_commas(make_plan: Callable[..., Path]) -> None:
    """{id: x, en: } (English to come) was told that a comma inside {...} ends a text: there is none."""
    from conftest import MINI_FILES

    economy = "content/pillars/economy.yml"
    root = make_plan({economy: MINI_FILES[economy].replace("name: Smart Economy", "name: {id: Ekonomi Cerdas, en: }")})
    found = [d for d in load_and_check(root).report if d.code == "E101"]
    assert found and all("comma" not in str(d.hint) for d in found), [str(d) for d in found]


def test_the_characters_taken_for_granted_are_in_every_bundled_font() -> None:
    """checks.glyphs loads no font for a plan of Latin letters and common punctuation: the bundled fonts must have them."""
    from fontTools.ttLib import TTFont

    from masterplan.checks import glyphs
    from masterplan.resources import theme_dir

    common = [chr(code) for code in range(0x20, 0x180) if chr(code).isprintable()] + list("–—‘’‚“”„•…·×÷±²³°€™‰′″")
    assert not [c for c in common if glyphs.COMMON.fullmatch(c)]
    for font in sorted((theme_dir() / "fonts").glob("*.ttf")):
        have = TTFont(font, lazy=True)["cmap"].getBestCmap()
        assert [c for c in common if ord(c) not in have] == [], font.name


def test_a_program_moved_to_another_pillar_with_its_old_code_is_a_warning(tmp_path: Path) -> None:
    """GOV-09 moved to Smart Economy passed validate, though Bab 5 says GOV codes Smart Governance's programs and
    its budget now counted in Smart Economy's tables. A plan coding programs by pillar is told; the sample is
    not (its codes agree)."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    assert [d for d in load_and_check(tmp_path).report if d.code == "W417"] == []
    bapenda = tmp_path / "content" / "agencies" / "bapenda.yml"
    text = bapenda.read_text(encoding="utf-8")
    moved = text.replace("    pillar: governance\n    sub_element: efisiensi_kebijakan\n",
                         "    pillar: economy\n    sub_element: kesejahteraan_rakyat\n", 1)
    assert moved != text and "  - id: GOV-09\n" in moved.split("pillar: economy")[0]
    bapenda.write_text(moved, encoding="utf-8")
    found = [d for d in load_and_check(tmp_path).report if d.code == "W417"]
    assert [(d.position.file, d.position.line) for d in found] == [("content/agencies/bapenda.yml", 9)], found
    assert "GOV-09's code is one of pillar governance's (GOV-…), but it is in pillar economy" in found[0].message
    assert "such as ECO-12" in str(found[0].hint) and "pillar: governance" in str(found[0].hint)


def test_a_code_typed_in_small_letters_is_told_where_it_was_typed(tmp_path: Path) -> None:
    """GOV-01 retyped gov-01 in Diskominfotik's file: nothing was said at that line, and the three agencies and the
    chapter naming GOV-01 were each told "did you mean 'gov-01'?", to copy the slip. Now W428 is at the slip and
    every E205 names it as the place to correct."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    assert [d for d in load_and_check(tmp_path).report if d.code == "W428"] == []
    agency = tmp_path / "content" / "agencies" / "diskominfotik.yml"
    text = agency.read_text(encoding="utf-8")
    assert text.splitlines()[21] == "  - id: GOV-01"
    agency.write_text(text.replace("  - id: GOV-01\n", "  - id: gov-01\n", 1), encoding="utf-8")
    report = load_and_check(tmp_path).report
    slip = [d for d in report if d.code == "W428"]
    assert [(d.position.file, d.position.line) for d in slip] == [("content/agencies/diskominfotik.yml", 22)]
    assert str(slip[0].hint) == "write id: GOV-01"
    unknown = [d for d in report if d.code in ("E205", "E507")]
    assert len(unknown) >= 4 and {d.position.file for d in unknown} >= {"content/agencies/inspektorat.yml",
                                                                        "content/agencies/dispendukcapil.yml"}
    for found in unknown:
        assert str(found.hint) == ("its id is written gov-01, in small letters, at "
                                   "content/agencies/diskominfotik.yml:22:9: correct it there to GOV-01"), str(found)


def test_w428_leaves_letters_after_a_number_and_a_code_another_program_has_in_capitals(tmp_path: Path) -> None:
    """LIV-04a (a sub-program's letter after its number) was told to be written LIV-04A, and eco-02 beside an ECO-02
    of another agency was told to be written ECO-02, which E207 then refuses: neither is W428's."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    for path in sorted((tmp_path / "content" / "agencies").glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        changed = text.replace("  - id: LIV-04\n", "  - id: LIV-04a\n").replace("  - id: ECO-03\n", "  - id: eco-02\n")
        path.write_text(changed, encoding="utf-8")
    report = load_and_check(tmp_path).report
    ids = {program.id for program in load_and_check(tmp_path).plan.programs}
    assert {"LIV-04a", "eco-02", "ECO-02"} <= ids
    assert [str(d) for d in report if d.code == "W428"] == []


@pytest.mark.parametrize("moved_to", ["content/dinkes.yml", "content/agencies/kesehatan/dinkes.yml"])
def test_an_agency_file_in_the_wrong_folder_is_named_by_every_error_it_causes(tmp_path: Path, moved_to: str) -> None:
    """Dinkes's file dragged to content/ (or into a subfolder): eight other agencies were told that dinkes and its
    programs were unknown, "its file content/agencies/dinkes.yml is gone: restore the file", or to delete the name
    'Dinkes' from their text (W419). Each error now names the file and where it belongs, and no W419 is said."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    (tmp_path / moved_to).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "content" / "agencies" / "dinkes.yml").rename(tmp_path / moved_to)
    report = load_and_check(tmp_path).report
    unknown = [d for d in report if d.code in ("E203", "E205", "E507")]
    assert {d.position.file for d in unknown} >= {"content/agencies/rsud.yml", "content/agencies/dkpp.yml",
                                                  "content/agencies/disperindag.yml"}
    for found in unknown:
        assert f"is in {moved_to}, dinkes's file" in str(found.hint) or \
            f"dinkes's file is {moved_to}" in str(found.hint), str(found)
        assert "which is not read there: move it to content/agencies/dinkes.yml; if dinkes is no longer in the plan, " \
            "delete" in str(found.hint), str(found)
    assert [d for d in report if d.code == "W419"] == []
    assert [d.position.file for d in report if d.code == "W017"] == [moved_to.removesuffix("/dinkes.yml")
                                                                     if "kesehatan" in moved_to else moved_to]


def test_an_archives_copy_of_an_agency_the_plan_has_is_no_file_in_the_wrong_folder(tmp_path: Path) -> None:
    """A copy of the agencies kept in content/agencies/arsip-2023/ and GOV-13 deleted from the live file: every
    E205 naming GOV-13 said to move the archive's diskominfotik.yml over the live one. An archive's copy of an
    agency the plan has is not read for the hints: they say what they said before."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    live = tmp_path / "content" / "agencies" / "diskominfotik.yml"
    archive = tmp_path / "content" / "agencies" / "arsip-2023"
    archive.mkdir()
    shutil.copy(live, archive / "diskominfotik.yml")
    text = live.read_text(encoding="utf-8")
    start = text.index("  - id: GOV-13\n")
    end = text.index("\n  - id: ", start + 1)
    live.write_text(text[:start] + text[end + 1:], encoding="utf-8")
    found = [d for d in load_and_check(tmp_path).report if d.code in ("E205", "E507") and "GOV-13" in d.message]
    assert found and not [d for d in found if "arsip-2023" in str(d.hint)], [str(d) for d in found]


def test_an_id_retyped_as_anothers_is_named_where_its_old_id_is_missing_without_a_build(tmp_path: Path) -> None:
    """RSUD's LIV-09 retyped LIV-07, Dinkes's id, in a plan never built: Dinkes, which supports LIV-09, was told that
    no program has it, with no word of the LIV-07 written twice; the hint now says it may be that one."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    rsud = tmp_path / "content" / "agencies" / "rsud.yml"
    rsud.write_text(rsud.read_text(encoding="utf-8").replace("  - id: LIV-09\n", "  - id: LIV-07\n"), encoding="utf-8")
    found = [d for d in load_and_check(tmp_path).report if d.code == "E205" and "'LIV-09'" in d.message]
    assert found and all(str(d.hint) == "no program has the id LIV-09, and LIV-07 is written twice (E207): if one of "
                         "them was LIV-09, write id: LIV-09 there again" for d in found), [str(d) for d in found]


def test_a_program_id_differing_only_in_capitals_is_said_at_the_one_not_published_before(tmp_path: Path) -> None:
    """Dishub's LIV-04 renamed gov-01 was said at Diskominfotik's GOV-01 (read after it), with "give this
    program another id": following it renamed the published GOV-01 and broke every link to its page."""
    import json
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    plan = load_and_check(tmp_path).plan
    assert plan is not None
    data = tmp_path / "build" / "site" / "data"
    data.mkdir(parents=True)
    (data / "plan.json").write_text(json.dumps({"format": "masterplan/plan", "format_version": 3, "programs": [
        {"id": p.id, "name": str(p.name)} for p in plan.programs]}), encoding="utf-8")  # the last build's open data
    dishub = tmp_path / "content" / "agencies" / "dishub.yml"
    dishub.write_text(dishub.read_text(encoding="utf-8").replace("  - id: LIV-04\n", "  - id: gov-01\n", 1),
                      encoding="utf-8")
    [found] = [d for d in load_and_check(tmp_path).report if d.code == "E207"]
    assert found.position.file == "content/agencies/dishub.yml", found
    assert found.message.startswith("program id 'gov-01' differs from 'GOV-01' (at content/agencies/diskominfotik.yml")


def test_a_misspelt_pillar_is_one_error_not_also_a_gap_in_the_pillar_meant(tmp_path: Path) -> None:
    """Dishub's quick win written 'pillar: livng' gave E201 and W403 "pillar living has no quick win": fixing
    the spelling ended both, but the warning sent the operator looking for a quick win to add."""
    import shutil

    from conftest import REPO

    shutil.copytree(REPO / "content", tmp_path / "content")
    dishub = tmp_path / "content" / "agencies" / "dishub.yml"
    text = dishub.read_text(encoding="utf-8")
    assert "    pillar: living\n" in text.split("quick_win: true")[0]
    dishub.write_text(text.replace("    pillar: living\n", "    pillar: livng\n", 1), encoding="utf-8")
    found = load_and_check(tmp_path).report
    assert [d.code for d in found if d.code in ("E201", "W402", "W403")] == ["E201"], [str(d) for d in found]
    dlh = tmp_path / "content" / "agencies" / "dlh.yml"  # another pillar's gap is still said
    quick = dlh.read_text(encoding="utf-8")
    assert quick.count("quick_win: true") == 1
    dlh.write_text(quick.replace("quick_win: true", "quick_win: false"), encoding="utf-8")
    found = load_and_check(tmp_path).report
    assert [(d.code, d.message) for d in found if d.code in ("W402", "W403")] == \
        [("W403", "pillar environment has no quick win")], [str(d) for d in found]


def test_a_plan_coding_programs_by_agency_is_not_told_they_are_in_another_pillar() -> None:
    """Dishub's DISHUB-01…04 in living and DISHUB-05, an electric bus, in environment, whose other programs are
    DLH's: W417 said DISHUB- was living's code and offered DLH-05, another agency's."""
    from types import SimpleNamespace

    from masterplan.checks import codes
    from masterplan.diagnostics import Position

    def program(code: str, pillar: str) -> SimpleNamespace:
        return SimpleNamespace(id=code, pillar_id=pillar, at=lambda name: Position("content/agencies/x.yml", 1, 1))

    environment = [program(f"DLH-0{i}", "environment") for i in range(1, 5)] + [program("DISHUB-05", "environment")]
    living = [program(f"DISHUB-0{i}", "living") for i in range(1, 5)]
    plan = SimpleNamespace(programs=environment + living, pillars=[SimpleNamespace(id="environment", programs=environment),
                                                                  SimpleNamespace(id="living", programs=living)],
                           agencies=[SimpleNamespace(id="dishub", short_name="Dishub"),
                                     SimpleNamespace(id="dlh", short_name="DLH")],
                           program=lambda code: None)
    assert list(codes.check(plan)) == []  # type: ignore[arg-type]


def test_an_svg_style_is_read_with_its_css_escapes_as_css_reads_it() -> None:
    """@\\69mport and u\\72l( load an address as @import and url( do; an escape may end with any CSS space, a carriage
    return and line feed as one."""
    from masterplan.checks.images import _STYLE_LOADS, _css_unescaped

    for style in ('@\\69mport "https://x/a.css";', "src: u\\72l(https://x/f.ttf)", '@\\69\r\nmport "https://x/a.css"',
                  "src: u\\72\rl(https://x/f.ttf)", "src: u\\72\fl(https://x/f.ttf)"):
        assert _STYLE_LOADS.search(_css_unescaped(style)), style
    assert not _STYLE_LOADS.search(_css_unescaped("fill: url(#g); content: '\\201C'"))


def test_one_indicator_of_two_agencies_may_differ_in_baseline_and_write_percent_either_way(
        make_plan: Callable[..., Path]) -> None:
    """W418 said "agree on the figure" to three agencies each measuring its own satisfaction index, and told
    'persen' from '%' as two units; a pillar's indicator of the name, and a copy in one program, are still told."""
    agencies = {name: textwrap.dedent(MINI_FILES[name]) for name in ("content/agencies/diskominfo.yml",
                                                                    "content/agencies/bpkad.yml")}
    first, second = (text.replace("name: Aduan ditanggapi dalam 10 menit", "name: Indeks Kepuasan Masyarakat")
                     .replace("name: Retribusi non-tunai", "name: Indeks Kepuasan Masyarakat")
                     for text in agencies.values())
    second = second.replace("unit: persen", "unit: '%'").replace("baseline: {year: 2021, value: 10}",
                                                                  "baseline: {year: 2021, value: 40.5}")
    root = make_plan(dict(zip(agencies, (first, second))))
    report = load_and_check(root).report
    assert [d for d in report if d.code == "W418"] == []
    third = second.replace("unit: '%'", "unit: indeks")
    assert [d.code for d in load_and_check(make_plan(dict(zip(agencies, (first, third))))).report
            if d.code == "W418"] == ["W418"]  # another unit is still told


def test_an_image_inside_a_link_is_checked_as_an_image() -> None:
    """The link pattern read the whole [![alt](img)](url) and went on after it: the image's address went
    unchecked, and a missing picture reached the site."""
    found = sorted(urls("Lihat [![Peta kota](assets/tidak-ada.png)](https://example.org/peta)."))
    assert found == [("image", "assets/tidak-ada.png", 1, 21), ("link", "https://example.org/peta", 1, 44)]


def test_a_letter_typed_for_a_digit_is_told_the_code_with_the_digit() -> None:
    """[[GOV-O1]] (the letter O) was told "did you mean 'GOV-16'?", [[GOV-O2]] 'GOV-12': valid links to the wrong
    programs, which nothing would catch after the hint was followed."""
    codes = [f"GOV-{number:02d}" for number in range(1, 20)]
    assert [closest(typed, codes) for typed in ("GOV-O1", "GOV-O2", "GOV-l2", "gov-o7")] == [
        "GOV-01", "GOV-02", "GOV-12", "GOV-07"]
    agencies = ["dispendukcapil", "disperindag", "satpolpp"]
    assert [closest(typed, agencies) for typed in ("dispendukcapl", "satpoIpp")] == ["dispendukcapil", "satpolpp"]


def test_a_name_in_capitals_throughout_has_no_acronyms_to_share(make_plan: Callable[..., Path]) -> None:
    """W422 takes one acronym shared (CCTV) for enough; every word of a name typed in capitals is none."""
    from masterplan.checks.overlaps import check

    plan = load_and_check(make_plan()).plan
    assert plan is not None
    gov = plan.program("GOV-01")
    eco = plan.program("ECO-01")
    assert gov is not None and eco is not None
    eco.pillar_id, eco.sub_element_id, eco.period = gov.pillar_id, gov.sub_element_id, gov.period
    gov.name.values["id"], eco.name.values["id"] = "PENERANGAN JALAN UMUM", "Lampu Penerangan Taman"
    assert list(check(plan.programs, [])) == []
    gov.name.values["id"] = "Pemasangan CCTV Ruang Publik"
    eco.name.values["id"] = "Patroli dan CCTV Kawasan"
    assert [d.code for d in check(plan.programs, [])] == ["W422"]


def test_another_place_of_the_same_kind_is_no_typo() -> None:
    """A deleted kecamatan_panggungrejo was told "did you mean 'kecamatan_gadingrejo'?", another kecamatan: alike
    only in the words they share. A letter left out, or two swapped, is still told."""
    kept = ["kecamatan_gadingrejo", "kelurahan_bugul_lor", "sampah_limbah", "bapenda", "diskominfo"]
    assert [closest(typed, kept) for typed in ("kecamatan_panggungrejo", "kelurahan_bugul_kidul")] == [None, None]
    assert [closest(typed, kept) for typed in ("kecamatan_gadingrjo", "sampah_limbh", "bappeda", "diskominfotik")] == [
        "kecamatan_gadingrejo", "sampah_limbah", "bapenda", "diskominfo"]


def test_a_cross_reference_to_a_merged_agency_or_an_unprinted_table_of_changes_says_what_to_write(
        make_plan: Callable[..., Path]) -> None:
    """[[agency:dpkad]], whose work BPKAD's former_ids say it took over, and [[tab:changes]] with no chapter claiming
    the table were told "cross-reference to unknown" with no hint, where a renamed program's id is told its new one."""
    chapter = MINI_FILES["content/chapters/01-pendahuluan.md"].rstrip(" ") + \
        "        Lihat [[agency:dpkad]], [[agency:diskominfoo]] dan [[tab:changes]].\n"
    bpkad = MINI_FILES["content/agencies/bpkad.yml"].replace("kind: badan\n", "kind: badan\n        former_ids: [dpkad]\n")
    report = load_and_check(make_plan({"content/chapters/01-pendahuluan.md": chapter,
                                       "content/agencies/bpkad.yml": bpkad})).report
    assert sorted(d.hint for d in report if d.code == "E507") == [
        "did you mean 'agency:diskominfo'?",
        "dpkad is now bpkad (its former_ids say so): write [[agency:bpkad]]",
        ("the book prints the table of changes only where a chapter claims it: write generated: changes in the front "
        "matter of a chapter (e.g. a chapter 'Perubahan')")]
