"""Interface words in Bahasa Indonesia (first) and English (the switch)."""

from __future__ import annotations

BAHASA = ("id", "en")

TEKS: dict[str, tuple[str, str]] = {
    "judul_app": ("Desa Sadar Jaminan Sosial Ketenagakerjaan", "Desa Sadar social security campaign"),
    "ringkasan": ("Ringkasan", "Overview"),
    "saringan": ("Saringan", "Filters"),
    "periode": ("Periode", "Period"),
    "kecamatan": ("Kecamatan", "District (kecamatan)"),
    "desa": ("Desa/Kelurahan", "Village"),
    "program": ("Program", "Programme"),
    "segmen": ("Segmen", "Segment"),
    "semua_kecamatan": ("Semua kecamatan", "All districts"),
    "semua_desa": ("Semua desa", "All villages"),
    "semua_program": ("Semua program", "All programmes"),
    "semua_segmen": ("Semua segmen", "All segments"),
    "bahasa": ("Bahasa", "Language"),
    "label_demo": ("Data contoh (sintetis)", "Sample data (synthetic)"),
    "penjelasan_demo": (
        "Semua angka di layar ini adalah **data contoh (sintetis)** yang dibuat untuk peragaan; "
        "hanya nama desa, kode wilayah, dan acara 2019 yang disebut berita yang nyata. Impor data cabang "
        "untuk menggantinya.",
        "Every figure on this screen is **sample (synthetic) data** made for demonstration; only village "
        "names, region codes and the 2019 events reported in the news are real. Import the branch's data "
        "to replace it.",
    ),
    "data_per": ("Data per", "Data as of"),
    "peserta_aktif": ("Peserta aktif", "Active participants"),
    "pendaftaran_baru": ("Pendaftaran baru", "New sign-ups"),
    "cakupan_bpu": ("Cakupan BPU", "BPU coverage"),
    "capaian_target": ("Capaian target", "Progress to target"),
    "peserta_nonaktif": ("Peserta nonaktif", "Lapsed participants"),
    "dibanding_awal": ("dibanding awal periode", "against the start of the period"),
    "dibanding_sebelumnya": ("dibanding periode sebelumnya", "against the previous period"),
    "dari_informal": ("dari {n} pekerja informal", "of {n} informal workers"),
    "tanpa_penyebut": ("Jumlah pekerja informal belum ada", "No informal worker count yet"),
    "dari_target": ("dari target {n}", "of a target of {n}"),
    "tanpa_target": ("Target belum ditetapkan untuk saringan ini", "No target set for this filter"),
    "tingkat_nonaktif": ("{p} dari peserta aktif di awal periode", "{p} of those active at the start"),
    "bantuan_cakupan": (
        "Peserta BPU aktif JKK+JKM ÷ pekerja informal × 100 (rumus RPJMN/SDG 8.8.1). Tidak dipengaruhi "
        "saringan program dan segmen.",
        "Active BPU participants in JKK+JKM ÷ informal workers × 100 (RPJMN/SDG 8.8.1). Not affected by "
        "the programme and segment filters.",
    ),
    "per_program": ("Peserta aktif per program", "Active participants by programme"),
    "per_segmen": ("Peserta aktif per segmen", "Active participants by segment"),
    "tren_bulanan": ("Peserta aktif per bulan dan target", "Active participants by month, with target"),
    "baru_bulanan": ("Pendaftaran baru per bulan", "New sign-ups by month"),
    "bulan": ("Bulan", "Month"),
    "jumlah": ("Jumlah", "Count"),
    "target": ("Target", "Target"),
    "desa_teratas": ("Desa dengan cakupan BPU tertinggi", "Villages leading on BPU coverage"),
    "desa_terbawah": ("Desa dengan cakupan BPU terendah", "Villages trailing on BPU coverage"),
    "kolom_desa": ("Desa", "Village"),
    "kolom_bpu_aktif": ("BPU aktif", "Active BPU"),
    "kolom_informal": ("Pekerja informal", "Informal workers"),
    "kolom_cakupan": ("Cakupan", "Coverage"),
    "kosong": (
        "Belum ada peserta untuk saringan ini. Pilih periode lain, lepaskan saringan program atau segmen, "
        "atau pilih wilayah yang lebih luas.",
        "No participants for this filter. Choose another period, clear the programme or segment filter, "
        "or choose a wider area.",
    ),
    "batas_hilang": ("Batas wilayah belum tersedia", "No boundaries found"),
    "database_gagal": ("Database tidak dapat dibuka", "The database cannot be opened"),
    "peta": ("Peta", "Map"),
    "ukuran_peta": ("Warnai desa menurut", "Colour villages by"),
    "cari_desa": ("Cari desa", "Find a village"),
    "cari_bantuan": ("Ketik nama desa seperti biasa, mis. 'ketanon ageng'.", "Type the name as people write it, e.g. 'ketanon ageng'."),
    "pilih_desa_di_peta": ("Klik sebuah desa di peta untuk membaca ceritanya.", "Click a village on the map to read its story."),
    "riwayat_status": ("Riwayat status Desa Sadar", "Desa Sadar status history"),
    "belum_desa_sadar": ("Belum pernah berstatus Desa Sadar.", "Never had a Desa Sadar status."),
    "kegiatan_di_desa": ("Kegiatan di desa ini", "Events in this village"),
    "belum_ada_kegiatan": ("Belum ada kegiatan tercatat di desa ini.", "No events recorded in this village."),
    "tautan_desa": ("Tautan ke tampilan desa ini", "Link to this village's view"),
    "tersembunyi": ("Angka di bawah {k} disembunyikan untuk melindungi privasi.", "Counts below {k} are hidden to protect privacy."),
    "kolom_tanggal": ("Tanggal", "Date"),
    "kolom_status": ("Status", "Status"),
    "kolom_catatan": ("Catatan", "Note"),
    "kolom_kegiatan": ("Kegiatan", "Event"),
    "kolom_hadir": ("Hadir", "Attendance"),
    "kolom_pendaftar": ("Pendaftar", "Sign-ups"),
    "pendaftaran": ("Pendaftaran", "Registration"),
    "kegiatan": ("Kegiatan", "Event"),
    "tanpa_kegiatan": ("Tanpa kegiatan (di kantor)", "No event (at the office)"),
    "pekerjaan": ("Pekerjaan", "Occupation"),
    "jenis_kelamin": ("Jenis kelamin", "Sex"),
    "tahun_lahir": ("Tahun lahir", "Birth year"),
    "sumber_dana": ("Sumber dana iuran", "Who pays the contribution"),
    "bantuan_nik": ("16 angka. Tidak disimpan: hanya sidik kuncinya yang disimpan.",
                    "16 digits. Not stored: only its keyed fingerprint is kept."),
    "simpan": ("Simpan pendaftaran", "Save registration"),
    "tersimpan": ("Tersimpan: {program} (nomor pendaftaran {nomor}). Terima kasih!",
                  "Saved: {program} (registration number {nomor}). Thank you!"),
    "layar_acara": ("Layar Acara", "Event screen"),
    "tautan": ("Tautan tampilan ini bisa disalin dari bilah alamat peramban.",
               "Copy the browser's address bar to share this exact view."),
}


def t(kunci: str, bahasa: str = "id", **isi: str) -> str:
    """The word for `kunci` in the chosen language, with {placeholders} filled in."""
    teks = TEKS[kunci][1 if bahasa == "en" else 0]
    return teks.format(**isi) if isi else teks
