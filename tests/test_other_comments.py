"""What counts as a comment written as another language writes it, in a YAML value: only what cannot be meant as
words of the text (:mod:`masterplan.other_comments`)."""

from __future__ import annotations

import pytest

from masterplan.other_comments import written


@pytest.mark.parametrize(("text", "found"), [
    ("true  // cek lagi", ("true", "cek lagi")),
    ("// belum final", ("", "belum final")),
    ("   /* catatan: diperbarui */  ", ("", "catatan: diperbarui")),
    ("planned <!-- menunggu DPA -->", ("planned", "menunggu DPA")),
    ("800000000 /* perkiraan */", ("800000000", "perkiraan")),
])
def test_a_comment_ending_a_text_is_found_with_the_words_before_it(text: str, found: tuple[str, str]) -> None:
    assert written(text) == found


@pytest.mark.parametrize("text", [
    "https://dinkes.pasuruankota.go.id",  # an address
    "//cdn.pasuruankota.go.id/logo.png",  # an address without its scheme
    "Senin // Rabu // Jumat",  # a separator
    "Jalur A /* lihat peta */ menuju B",  # words after it
    "dan/atau",
    "Paragraf satu // catatan\nParagraf dua",  # a block of text: Markdown's to print
])
def test_what_may_be_meant_as_words_is_no_comment(text: str) -> None:
    assert written(text) is None


def test_a_long_run_of_spaces_is_read_in_one_pass() -> None:
    """A run of 2,500 spaces inside a comment took a minute to read (a backtracking pattern); its words come back."""
    assert written("Dinkes // a" + " " * 50_000 + "b") == ("Dinkes", "a" + " " * 50_000 + "b")
