"""Indonesian hyphenation: the book breaks words only between syllables (PUEBI)."""

from __future__ import annotations

import pyphen
import pytest

from masterplan.render import hyphenation


@pytest.fixture(scope="module")
def indonesian() -> pyphen.Pyphen:
    hyphenation.register()
    return pyphen.Pyphen(lang="id", left=1, right=1)


@pytest.mark.parametrize(("word", "syllables"), [
    ("kelurahan", "ke-lu-rahan"),  # LibreOffice's patterns: "kelur-ahan"; never "ra-han" (kelurah-an)
    ("mutakhir", "mu-ta-khir"),  # kh is one consonant ("mut-akhir")
    ("sirene", "si-re-ne"),  # "sir-ene"
    ("daerah", "da-e-rah"),  # two vowels
    ("masyarakat", "ma-sya-ra-kat"),  # sy
    ("menyatakan", "me-nya-takan"),  # ny; and never "-kan" (the suffix -kan, or -an after a root's k: kebijak-an)
    ("pengelolaan", "pe-nge-lo-la-an"),  # ng
    ("tanggal", "tang-gal"),  # between two consonants, not inside ng
    ("pantai", "pan-tai"),  # the diphthong ai stays whole
    ("keterampilan", "ke-te-ram-pilan"),
    ("lingkungan", "ling-kungan"),  # lingkung-an: never "lingku-ngan"
    ("keuangan", "ke-u-angan"),  # keuang-an: never "keua-ngan"
    ("pelayanan", "pe-la-yanan"),  # pelayan-an: never "pelaya-nan"
    ("pelayanannya", "pe-la-yanan-nya"),  # nor before -nya: "pelaya-nannya"
    ("perencanaan", "pe-ren-ca-na-an"),  # rencana-an: a vowel before -an still breaks
    ("elektronik", "e-lek-tro-nik"),  # tr begins a syllable
    ("konstruksi", "kon-struk-si"),  # three consonants: between the first two ("kons-truksi")
    ("lanskap", "lan-skap"),  # "lans-kap"
    ("transportasi", "trans-por-ta-si"),  # "tran-sportasi"
    ("transformasi", "trans-for-ma-si"),
    ("transisi", "tran-si-si"),  # a vowel after s: trans- is no prefix here
    ("ekspor", "eks-por"),
    ("infrastruktur", "in-fra-struk-tur"),  # "infras-truktur"
    ("administrasi", "ad-mi-nis-tra-si"),  # a vowel before s: s ends the syllable
])
def test_words_break_between_syllables(indonesian: pyphen.Pyphen, word: str, syllables: str) -> None:
    assert indonesian.inserted(word) == syllables


def test_registering_twice_changes_nothing(indonesian: pyphen.Pyphen) -> None:
    path = pyphen.LANGUAGES["id"]
    hyphenation.register()
    assert pyphen.LANGUAGES["id"] == pyphen.LANGUAGES["id_ID"] == path and path.is_file()


def test_the_english_words_of_a_plan_are_not_hyphenated() -> None:
    """Indonesian syllables broke "com-/mand" (Pasuruan Command Center) and "Con-/trol"."""
    hyphenation.register()
    dictionary = pyphen.Pyphen(lang="id", left=3, right=3)
    words = ("command", "Control", "Government", "masterplan", "monitoring")  # "mas-terplan", "monito-ring"
    assert [dictionary.inserted(word) for word in words] == list(words)
    assert dictionary.inserted("pemerintahan") == "peme-rin-tahan"  # Indonesian words still break
