"""Words people write in Indonesian where the content format takes English ones.

Field names (``anggaran:`` for ``budget:``, in a file or in a chapter's Jinja), a program's status
(``berjalan`` for ``ongoing``) and an indicator's direction (``naik`` for ``up``): the checks and the
sandbox name the English word meant (:mod:`masterplan.schema_problems`, :mod:`masterplan.validation`,
:mod:`masterplan.sandbox_errors`). The format itself stays as :mod:`masterplan.schema` declares it.
"""

from __future__ import annotations

from typing import Any

from masterplan.directions import DIRECTIONS

#: a program's status as people write it in Indonesian, and the value the file takes
INDONESIAN_STATUSES = {"rencana": "planned", "direncanakan": "planned", "berjalan": "ongoing",
                       "sedang berjalan": "ongoing", "dilaksanakan": "ongoing", "selesai": "done", "tuntas": "done",
                       # a plan's own (plan.yml status): a draft until a regulation adopts it
                       "draf": "draft", "rancangan": "draft", "konsep": "draft", "ditetapkan": "final",
                       "disahkan": "final", "sah": "final", "adopted": "final", "definitif": "final"}
#: an agency's kind as people write it, for the kind (kind:) it is: a regional enterprise (BUMD) by its legal forms,
#: a secretariat and a district by their names
INDONESIAN_KINDS = {"badan usaha": "bumd", "badan usaha milik daerah": "bumd", "perusahaan daerah": "bumd",
                    "perusahaan umum daerah": "bumd", "perumda": "bumd", "perseroda": "bumd", "pdam": "bumd",
                    "perusda": "bumd", "sekretariat daerah": "sekretariat", "setda": "sekretariat",
                    "sekretariat dprd": "sekretariat", "setwan": "sekretariat", "camat": "kecamatan",
                    "kelurahan": "kecamatan", "lainnya": "other", "lain-lain": "other", "inspektorat": "other",
                    "rumah sakit": "other", "rsud": "other", "satuan polisi pamong praja": "other", "satpol pp": "other"}
#: the six standard smart city pillars as people name them in Indonesian, and the ids the sample gives them
INDONESIAN_PILLARS = {"tata kelola": "governance", "tata kelola pemerintahan": "governance", "pemerintahan": "governance",
                      "citra": "branding", "citra daerah": "branding", "ekonomi": "economy",
                      "perekonomian": "economy", "kehidupan": "living", "kualitas hidup": "living",
                      "masyarakat": "society", "sosial": "society", "lingkungan": "environment",
                      "lingkungan hidup": "environment"}
#: an indicator's direction as people write it in Indonesian, and the value the file takes
INDONESIAN_DIRECTIONS = {word: value for value, direction in DIRECTIONS.items() for word in direction.indonesian}


#: field names people write in Indonesian, and the English ones they mean (in a file, or in a chapter's Jinja)
INDONESIAN_FIELDS = {
    "kota": ("city",), "provinsi": ("province",), "nama": ("name",), "judul": ("title",),
    "ringkasan": ("summary", "executive_summary"), "deskripsi": ("description",), "uraian": ("description",), "tahun": ("year", "period"), "periode": ("period",),
    "anggaran": ("budget",), "sumber": ("source",), "jumlah": ("amount",), "pilar": ("pillar", "pillars"),
    "opd": ("agencies", "lead"), "dinas": ("agencies",), "misi": ("missions",), "visi": ("vision",),
    "indikator": ("indicators",), "target": ("targets",), "mitra": ("partners",), "pendukung": ("partners",),
    "istilah": ("glossary", "term"), "definisi": ("definition",), "bab": ("chapters",), "penyusun": ("author",),
    "singkatan": ("short_name",), "satuan": ("unit",), "nilai": ("value",),
    "subelemen": ("sub_element", "sub_elements"), "tujuan": ("goals",), "mulai": ("start",), "selesai": ("end",),
    "akhir": ("end",), "awal": ("start", "baseline"), "kondisi_awal": ("baseline",), "ketergantungan": ("depends_on",),
    "kode": ("id",), "id_lama": ("former_ids",), "kode_lama": ("former_ids",), "cetak": ("print",), "bolak_balik": ("two_sided",),
    "dua_sisi": ("two_sided",), "ringkasan_eksekutif": ("executive_summary",),
    "analisis_strategis": ("strategic_analysis",), "analisis": ("strategic_analysis",),
    "data_terbuka": ("open_data",), "lisensi": ("license",),
    "lokasi": ("location",), "tempat": ("location",), "arah": ("direction",),
    "tahapan": ("phases",), "tahap": ("phases",), "tema": ("theme",),
    "riwayat_revisi": ("revisions",), "revisi": ("revisions",), "riwayat": ("revisions",),
    "versi": ("version",), "tanggal": ("date",), "perwali": ("decree",), "penetapan": ("decree",),
    "dasar_penetapan": ("decree",), "ditetapkan_dengan": ("decree",), "perubahan": ("summary",),
    "realisasi": ("realised",), "capaian": ("realised",),
    "pagu_apbd": ("apbd_ceiling",), "pagu": ("apbd_ceiling",), "pagu_indikatif": ("apbd_ceiling",),
    "kekuatan": ("strengths",), "kelemahan": ("weaknesses",), "peluang": ("opportunities",), "ancaman": ("threats",),
}


def english_field(name: str, known: Any) -> str | None:
    """The English field an Indonesian field name means, when it is one of ``known`` ('anggaran' → 'budget')."""
    return next((field for field in INDONESIAN_FIELDS.get(str(name).lower().strip(), ()) if field in known), None)
