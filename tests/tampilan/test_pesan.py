"""The key messages on constructed figures whose right sentence is known in advance."""

from dataclasses import replace
from datetime import date

import pandas as pd

from domain.periode import Periode
from domain.sinyal import perubahan
from tampilan.pesan import judul_briefing, pesan_kunci
from tampilan.publik import AngkaPublik

HARI = date(2026, 11, 24)
LALU = Periode("ytd-tahun_lalu", date(2025, 1, 1), date(2025, 11, 24))

ANGKA = AngkaPublik(
    peserta_aktif=38584, perubahan_aktif=perubahan("peserta_aktif", 38584, 35356), pendaftaran_baru=5000,
    pendaftaran_baru_sebelumnya=5200, perubahan_pendaftaran=perubahan("pendaftaran_baru", 5000, 5200),
    cakupan_bpu=3.6, cakupan_tersembunyi=False, pekerja_informal=335975, capaian_target=93.0, target_aktif=41500,
    nonaktif=2400, nonaktif_sebelumnya=2000, perubahan_nonaktif=perubahan("nonaktif", 2400, 2000),
    tingkat_nonaktif=6.8, nonaktif_tersembunyi=False, kosong=False, awal=date(2025, 12, 31), pembanding=LALU)


def _jalan(*baris) -> pd.DataFrame:
    kolom = ["kode_wilayah", "nama", "nama_induk", "tingkat", "segmen", "program", "target", "nilai_kini",
             "persen_kini", "akhir_tahun", "bawah", "atas", "persen_akhir", "laju_kini", "laju_perlu",
             "akan_tercapai", "tersembunyi"]
    return pd.DataFrame([dict(zip(kolom, b, strict=True)) for b in baris], columns=kolom)


JALAN = _jalan(
    ("33.26", "Kabupaten Pekalongan", None, "kabupaten", "SEMUA", "SEMUA", 41500, 38584, 93.0, 38962.4, 38872.0,
     39053.0, 93.9, 312.0, 2398.8, False, False),
    ("33.26.01", "Kandangserang", "Kabupaten Pekalongan", "kecamatan", "SEMUA", "SEMUA", 1780, 1599, 89.8, 1619.0,
     1603.0, 1635.0, 91.0, 12.5, 148.9, False, False),
    ("33.26.02", "Paninggaran", "Kabupaten Pekalongan", "kecamatan", "SEMUA", "SEMUA", 1840, 1646, 89.5, 1600.0,
     1590.0, 1610.0, 87.0, 9.7, 159.6, False, False),
    ("33.26.03", "Lebakbarang", "Kabupaten Pekalongan", "kecamatan", "SEMUA", "SEMUA", 500, 504, 100.8, 508.0,
     503.0, 513.0, 101.6, 1.5, None, True, False),
    # hidden: its low projection must not be named
    ("33.26.04", "Petungkriyono", "Kabupaten Pekalongan", "kecamatan", "SEMUA", "SEMUA", 40, None, None, None,
     None, None, None, None, None, None, True),
)

KEGIATAN = pd.DataFrame({
    "id": [1, 2, 3], "nama": ["Festival Nasi Goreng", "Sosialisasi A", "Rahasia"],
    "nama_desa": ["Wonopringgo", "Kajen", "Doro"], "tanggal_mulai": [date(2026, 3, 3), date(2026, 5, 1), date(2026, 6, 1)],
    "pendaftar": [150, 90, 3], "biaya": pd.array([16_800_000, None, None], dtype="Int64"),
    "aktif_3_bulan": pd.array([120, 80, None], dtype="Int64")})

DESA = pd.DataFrame({"kode": ["33.26.09.2023", "33.26.11.2006"], "nama": ["Sukorejo", "Legokclile"],
                     "kecamatan": ["Kesesi", "Bojong"]})


def _pesan(**ubah):
    isi = dict(angka=ANGKA, jalan=JALAN, kegiatan=KEGIATAN, desa_siap=DESA, kode="33.26", tingkat="kabupaten",
               segmen=None, program=None, hari_ini=HARI, bahasa="id")
    isi.update(ubah)
    return {p.kunci: p for p in pesan_kunci(**isi)}


def test_each_message_says_the_known_sentence():
    p = _pesan()
    assert list(p) == ["perubahan", "target", "tertinggal", "kegiatan", "desa_siap"]
    # Lapses +20% moved more than sign-ups −3.8%; more lapses is bad news
    assert p["perubahan"].teks == ("Peserta nonaktif naik 20,0% dibanding 1 Januari–24 November 2025: 2.400 dari 2.000.")
    assert p["perubahan"].baik is False
    assert p["target"].teks == (
        "Dengan laju sekarang, target peserta aktif 41.500 tidak tercapai pada 31 Desember 2026: proyeksi 38.962 "
        "(rentang 38.872–39.053); perlu +2.399 per bulan, laju kini +312 per bulan.")
    # Paninggaran (87,0%) is behind Kandangserang (91,0%); the hidden kecamatan is not named
    assert p["tertinggal"].teks == (
        "Kecamatan Paninggaran paling jauh dari targetnya: proyeksi 87,0% dari target 1.840 di akhir tahun; "
        "perlu +160 per bulan, laju kini +10 (2 dari 3 kecamatan diproyeksikan meleset).")
    assert p["kegiatan"].teks == (
        "Kegiatan dengan peserta aktif terbanyak setelah 3 bulan: Festival Nasi Goreng (Wonopringgo, 3 Maret 2026), "
        "120 dari 150 pendaftar, Rp140.000 per peserta aktif.")
    assert p["desa_siap"].teks == ("2 desa Desa Sadar menjadi siap ditetapkan dalam periode ini: Sukorejo (Kesesi), "
                                   "Legokclile (Bojong).")


def test_english_says_the_same():
    p = _pesan(bahasa="en")
    assert p["perubahan"].teks == "Lapsed participants rose 20,0% against January 1–November 24, 2025: 2.400 from 2.000."
    assert p["target"].teks.startswith("At the current pace the active-participant target of 41.500 is missed by "
                                       "December 31, 2026")


def test_a_target_on_course_a_hidden_change_and_no_events():
    jalan = JALAN.copy()
    jalan.loc[0, ["akhir_tahun", "bawah", "atas", "akan_tercapai"]] = [42000.0, 41800.0, 42200.0, True]
    angka = replace(ANGKA, perubahan_nonaktif=None, nonaktif=None)
    p = _pesan(jalan=jalan, angka=angka, kegiatan=KEGIATAN.iloc[0:0], desa_siap=DESA.iloc[0:0])
    assert p["perubahan"].teks.startswith("Pendaftaran baru turun 3,8% dibanding")
    assert p["target"].baik is True and "tercapai pada 31 Desember 2026: proyeksi 42.000" in p["target"].teks
    assert "kegiatan" not in p
    assert p["desa_siap"].teks == "Tidak ada desa Desa Sadar yang menjadi siap ditetapkan dalam periode ini."


def test_a_past_period_has_no_projection_and_a_village_has_no_children():
    p = _pesan(jalan=JALAN.iloc[0:0])
    assert "target" not in p and "tertinggal" not in p
    assert "tertinggal" not in _pesan(kode="33.26.01.2001", tingkat="desa")


def test_the_briefing_title_reads_like_a_document_and_is_a_safe_file_name():
    periode = Periode("ytd", date(2026, 1, 1), date(2026, 12, 1))
    assert judul_briefing("Kabupaten Pekalongan", periode, "id") == "Briefing Kabupaten Pekalongan, 1 Januari–1 Desember 2026"
    assert judul_briefing('Desa "A/B": <x>', periode, "en") == "Briefing Desa AB x, January 1–December 1, 2026"
