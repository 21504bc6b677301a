"""Word lists for synthetic plans: Indonesian agency names, program topics, places and sentences.

The generator combines these at random (seeded), so a plan of 3,000 programs reads like
a real one without any two programs sharing a name.
"""

from __future__ import annotations

#: (name, short name, kind) of agencies (OPD) a city or regency typically has.
AGENCIES: list[tuple[str, str, str]] = [
    ("Dinas Komunikasi dan Informatika", "Diskominfo", "dinas"),
    ("Dinas Kesehatan", "Dinkes", "dinas"),
    ("Dinas Pendidikan dan Kebudayaan", "Dindikbud", "dinas"),
    ("Dinas Perhubungan", "Dishub", "dinas"),
    ("Dinas Lingkungan Hidup", "DLH", "dinas"),
    ("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", "dinas"),
    ("Dinas Perumahan Rakyat dan Kawasan Permukiman", "Disperkim", "dinas"),
    ("Dinas Sosial", "Dinsos", "dinas"),
    ("Dinas Kependudukan dan Pencatatan Sipil", "Dispendukcapil", "dinas"),
    ("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", "dinas"),
    ("Dinas Koperasi dan Usaha Mikro", "Diskopum", "dinas"),
    ("Dinas Perindustrian dan Perdagangan", "Disperindag", "dinas"),
    ("Dinas Pariwisata", "Dispar", "dinas"),
    ("Dinas Pemuda dan Olahraga", "Dispora", "dinas"),
    ("Dinas Ketahanan Pangan dan Pertanian", "DKPP", "dinas"),
    ("Dinas Perikanan", "Diskan", "dinas"),
    ("Dinas Tenaga Kerja", "Disnaker", "dinas"),
    ("Dinas Pemberdayaan Perempuan dan Perlindungan Anak", "DP3A", "dinas"),
    ("Dinas Perpustakaan dan Kearsipan", "Dispusip", "dinas"),
    ("Dinas Pemadam Kebakaran", "Damkar", "dinas"),
    ("Badan Perencanaan Pembangunan Daerah", "Bappeda", "badan"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", "badan"),
    ("Badan Pendapatan Daerah", "Bapenda", "badan"),
    ("Badan Kepegawaian dan Pengembangan SDM", "BKPSDM", "badan"),
    ("Badan Penanggulangan Bencana Daerah", "BPBD", "badan"),
    ("Badan Kesatuan Bangsa dan Politik", "Bakesbangpol", "badan"),
    ("Sekretariat Daerah", "Setda", "sekretariat"),
    ("Sekretariat DPRD", "Setwan", "sekretariat"),
    ("Inspektorat Daerah", "Inspektorat", "other"),
    ("Satuan Polisi Pamong Praja", "Satpol PP", "other"),
    ("Rumah Sakit Umum Daerah", "RSUD", "other"),
    ("Perusahaan Umum Daerah Air Minum", "PDAM", "bumd"),
    ("Bank Perkreditan Rakyat Daerah", "BPR", "bumd"),
    ("Perusahaan Daerah Pasar", "PD Pasar", "bumd"),
]

#: Places: kelurahan of a mid-size East Javan city (scale M) and regencies/cities of a province (scale L).
CITY_PLACES = [
    "Gadingrejo", "Bugul Kidul", "Purworejo", "Panggungrejo", "Kebonagung", "Karangketug", "Petahunan",
    "Sebani", "Krapyakrejo", "Bakalan", "Blandongan", "Tapaan", "Pohjentrek", "Tembokrejo", "Mayangan",
    "Trajeng", "Bukir", "Gentong", "Randusari", "Kebonsari", "Bangilan", "Kandangsapi", "Karanganyar",
    "Ngemplakrejo", "Pekuncen", "Mandaranrejo", "Kalirejo", "Wirogunan", "Sekargadung", "Bugul Lor",
]
PROVINCE_REGIONS = [
    "Kota Malang", "Kota Surabaya", "Kota Kediri", "Kota Blitar", "Kota Madiun", "Kota Mojokerto",
    "Kota Probolinggo", "Kota Pasuruan", "Kota Batu", "Kabupaten Sidoarjo", "Kabupaten Gresik",
    "Kabupaten Lamongan", "Kabupaten Tuban", "Kabupaten Bojonegoro", "Kabupaten Ngawi", "Kabupaten Magetan",
    "Kabupaten Ponorogo", "Kabupaten Pacitan", "Kabupaten Trenggalek", "Kabupaten Tulungagung",
    "Kabupaten Jombang", "Kabupaten Nganjuk", "Kabupaten Lumajang", "Kabupaten Jember", "Kabupaten Bondowoso",
    "Kabupaten Situbondo", "Kabupaten Banyuwangi", "Kabupaten Bangkalan", "Kabupaten Sampang",
    "Kabupaten Pamekasan", "Kabupaten Sumenep", "Kabupaten Malang", "Kabupaten Kediri", "Kabupaten Blitar",
    "Kabupaten Madiun", "Kabupaten Mojokerto", "Kabupaten Probolinggo", "Kabupaten Pasuruan",
]

VERBS = ["Pengembangan", "Peningkatan", "Penguatan", "Pembangunan", "Penyediaan", "Optimalisasi",
         "Digitalisasi", "Revitalisasi", "Integrasi", "Perluasan"]

#: Objects of programs by smart-city dimension (pillar id); "other" for pillars not listed.
TOPICS: dict[str, list[str]] = {
    "governance": ["Aplikasi Perizinan", "Pusat Data Daerah", "Aduan Warga", "Tanda Tangan Elektronik",
                   "Arsip Elektronik", "Satu Data", "Jaringan Intranet", "Pengadaan Elektronik",
                   "Kinerja Pegawai", "Dasbor Pimpinan", "Musrenbang Elektronik", "Pajak Daerah Daring"],
    "branding": ["Kampung Wisata", "Festival Budaya", "Promosi Kuliner", "Galeri Batik", "Wisata Religi",
                 "Penunjuk Arah Wisata", "Kalender Acara", "Cagar Budaya", "Ruang Kreatif", "Suvenir Khas"],
    "economy": ["Pasar Rakyat", "Transaksi Nontunai", "Katalog UMKM", "Koperasi Digital", "Inkubator Usaha",
                "Lapak Daring", "Pelatihan Wirausaha", "Sentra Industri Kecil", "Lumbung Pangan",
                "Tempat Pelelangan Ikan", "Bursa Kerja"],
    "living": ["Puskesmas", "Rekam Medis Elektronik", "Rujukan Terpadu", "Penerangan Jalan", "Kamera Pengawas",
               "Angkutan Kota", "Parkir Elektronik", "Rumah Layak Huni", "Air Minum", "Sanitasi Permukiman",
               "Tanggap Darurat", "Jalur Pedestrian"],
    "society": ["Perpustakaan Keliling", "Literasi Digital", "Sekolah Rintisan", "Beasiswa Pelajar",
                "Posyandu Remaja", "Kader Kesehatan", "Taman Bacaan", "Ruang Ramah Anak", "Bank Sampah Sekolah",
                "Relawan TIK", "Karang Taruna"],
    "environment": ["Pengelolaan Sampah", "Ruang Terbuka Hijau", "Kualitas Udara", "Drainase Kota",
                    "Peringatan Dini Banjir", "Energi Surya", "Hutan Kota", "Limbah Cair", "Tambak Mangrove",
                    "Daur Ulang Plastik", "Sumur Resapan"],
    "other": ["Layanan Terpadu", "Pusat Informasi", "Basis Data Sektoral", "Forum Warga", "Pelatihan Aparatur"],
}

QUALIFIERS = ["Terpadu", "Berbasis Data", "Satu Pintu", "Ramah Disabilitas", "Berbasis Komunitas",
              "Waktu Nyata", "Terintegrasi", "Mandiri", "Hijau", "Inklusif", "Bergerak", "Partisipatif",
              "Tangguh", "Berkelanjutan", "Terbuka"]

#: Summary sentences: {topic}, {place}, {number} are filled in.
SUMMARIES = [
    "Warga {place} belum mendapat {topic_l} yang cepat; program ini menghadirkannya dalam {number} bulan.",
    "Layanan {topic_l} di {place} masih manual; program ini menjadikannya daring dan terukur.",
    "Data {topic_l} tersebar di banyak tempat; program ini menyatukannya untuk {place}.",
    "Cakupan {topic_l} di {place} baru {number} persen; program ini memperluasnya ke seluruh wilayah.",
    "Masyarakat {place} sulit memantau {topic_l}; program ini membuka informasinya setiap hari.",
    "Biaya {topic_l} di {place} tinggi; program ini menekan biaya lewat kerja sama lintas OPD.",
]

#: Description sentences, mixed and ordered at random per program.
SENTENCES = [
    "Kegiatan diawali dengan survei kebutuhan di {place} bersama perangkat kelurahan.",
    "Tim pelaksana menyusun standar operasional prosedur sebelum layanan dibuka untuk umum.",
    "Pada tahun pertama disiapkan {number} titik percontohan yang dipilih berdasarkan kepadatan penduduk.",
    "Aplikasi pendukung memakai platform bersama pemerintah daerah sehingga tidak ada sistem ganda.",
    "Petugas lapangan mendapat pelatihan {number} jam tentang {topic_l}.",
    "Hasil pemantauan diterbitkan sebagai data terbuka setiap triwulan.",
    "Kelompok masyarakat dilibatkan dalam uji coba dan memberi umpan balik tertulis.",
    "Anggaran dari APBD dilengkapi dana CSR dari mitra swasta di sekitar {place}.",
    "Keberhasilan diukur dari kepuasan warga dan waktu tanggap layanan.",
    "Perangkat keras yang dibeli mengikuti standar interoperabilitas SPBE.",
    "Sosialisasi dilakukan melalui media sosial, radio komunitas dan pertemuan RT/RW.",
    "Evaluasi tengah tahun menentukan apakah cakupan diperluas ke kecamatan lain.",
    "Kerja sama dengan perguruan tinggi setempat membantu analisis data {topic_l}.",
    "Layanan dirancang agar dapat digunakan oleh warga lanjut usia dan penyandang disabilitas.",
    "Sebanyak {number} kader dilatih untuk mendampingi warga yang belum terbiasa dengan layanan daring.",
    "Laporan kemajuan disampaikan kepada Dewan Smart City setiap semester.",
    "Risiko utama adalah keterbatasan jaringan internet di sebagian wilayah {place}.",
    "Pemeliharaan sistem dianggarkan sejak awal agar layanan tidak berhenti setelah proyek selesai.",
]

#: Indicators: (name, unit, baseline range, yearly step).
INDICATORS = [
    ("Cakupan {topic_l}", "persen", (10, 50), 8),
    ("Kepuasan warga terhadap {topic_l}", "indeks", (60, 75), 3),
    ("Jumlah pengguna {topic_l}", "orang", (200, 2000), 500),
    ("Waktu tanggap {topic_l}", "menit", (30, 120), -5),
    ("Titik layanan {topic_l} yang aktif", "titik", (2, 10), 3),
    ("Data {topic_l} yang terbuka", "dataset", (0, 5), 4),
]
