"""Imports on both engines: messy files in, nothing half-written, the same file twice adds nothing,
a corrected re-export updates, personal data never stored, every import logged."""

from collections import Counter
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data_access.db import baca, tulis
from tampilan.format import aman_untuk_spreadsheet
from data_access.impor import KonteksImpor, impor, pelanggaran_integritas
from data_access.ringkasan import ringkasan_halaman
from domain.nik import kunci_pseudonim
from domain.periode import Periode
from domain.saringan import Saringan
from tests.strategi import peserta_sah

HARI_INI = date(2026, 11, 24)
KUNCI = b"kunci-uji-impor-yang-cukup-panjang"
PESERTA = (
    "Laporan Peserta BPU Cabang Pekalongan\n"
    "Per 30 September 2019;;;;\n"
    "\n"
    "No;Nama;NIK;Desa/Kelurahan;Kecamatan;Segmen;Program;Tgl Daftar;No HP;Pekerjaan;Jenis Kelamin\n"
    "1;Budi Santoso;'3326120305855001;Ds. Wonopringgo;Wonopringgo;Bukan Penerima Upah;JKK, JKM, JHT;20/08/2019;"
    "081234567890;Pedagang nasi goreng;L\n"
    "2;Siti Aminah;3326124305855002;KETANON AGENG;Sragi;BPU;JKK+JKM;3 Sept 2019;081298765432;Petani;P\n"
    "3;Joko;3326120305855003;Sawangan;Doro;BPU;JKK, JKM;43712;;Nelayan;L\n"
)


def _jumlah(engine, tabel: str) -> int:
    return int(baca(engine, f"SELECT count(*) AS n FROM {tabel}")["n"].iloc[0])


def _semua_teks(engine, kecuali: tuple[str, ...] = ()) -> str:
    """Every value of every table, as one text: personal data must not appear anywhere in it."""
    tabel = baca(engine, "SELECT table_name FROM information_schema.tables WHERE table_schema IN ('main', 'public') "
                         "ORDER BY table_name")
    return "\n".join(baca(engine, f"SELECT * FROM {t} ORDER BY 1").astype(str).to_csv()
                     for t in tabel["table_name"] if t not in kecuali)


def test_participants_from_a_messy_export_twice_then_corrected(siap):
    engine, konteks = siap
    h = impor(engine, "peserta", PESERTA.encode("cp1252"), "peserta.csv", konteks)
    assert h.status == "berhasil", h.ringkasan()
    assert h.ditulis == {"baru": 3, "diperbarui": 0, "sama": 0}
    assert set(h.kolom_dibuang) == {"Nama", "No HP"} and h.kolom_diabaikan == ["No"]
    peserta = baca(engine, "SELECT kunci_pseudonim, kode_desa, segmen, tanggal_daftar, jenis_kelamin FROM peserta "
                           "ORDER BY tanggal_daftar, kode_desa")
    assert peserta["kode_desa"].tolist() == ["33.26.12.2008", "33.26.10.2001", "33.26.06.2007"]
    assert peserta["kunci_pseudonim"].iloc[0] == kunci_pseudonim("3326120305855001", KUNCI)
    assert _jumlah(engine, "kepesertaan") == 7 and _jumlah(engine, "masa_aktif") == 10
    semua = _semua_teks(engine)
    for rahasia in ("3326120305855001", "Budi", "Siti Aminah", "081234567890", "081298765432"):
        assert rahasia not in semua

    lagi = impor(engine, "peserta", PESERTA.encode("cp1252"), "peserta.csv", konteks)
    assert lagi.ditulis == {"baru": 0, "diperbarui": 0, "sama": 3}
    assert _jumlah(engine, "peserta") == 3 and _jumlah(engine, "kepesertaan") == 7

    # The corrected re-export: Siti added JHT, Budi's enrolments ended in 2021.
    koreksi = PESERTA.replace("JKK+JKM;3 Sept 2019", "JKK+JKM+JHT;3 Sept 2019").replace(
        "No;Nama;NIK;Desa/Kelurahan;Kecamatan;Segmen;Program;Tgl Daftar;",
        "No;Nama;NIK;Desa/Kelurahan;Kecamatan;Segmen;Program;Tgl Daftar;").replace(
        "Tgl Daftar;No HP;Pekerjaan;Jenis Kelamin", "Tgl Daftar;No HP;Pekerjaan;Jenis Kelamin;Tanggal Nonaktif").replace(
        "Pedagang nasi goreng;L", "Pedagang nasi goreng;L;30/06/2021")
    ubah = impor(engine, "peserta", koreksi.encode(), "peserta_koreksi.csv", konteks)
    assert ubah.ditulis == {"baru": 0, "diperbarui": 2, "sama": 1}, ubah.ringkasan()
    assert _jumlah(engine, "kepesertaan") == 8
    budi = baca(engine, "SELECT DISTINCT tanggal_berakhir FROM kepesertaan k JOIN peserta p ON p.id = k.peserta_id "
                        "WHERE p.kode_desa = '33.26.12.2008'")
    assert [pd.Timestamp(t).date() for t in budi["tanggal_berakhir"]] == [date(2021, 6, 30)]
    aktif = baca(engine, "SELECT count(*) AS n FROM masa_aktif WHERE program = 'SEMUA' AND tanggal_berakhir > :t",
                 t=HARI_INI)["n"].iloc[0]
    assert aktif == 2  # masa_aktif follows the ended enrolments
    log = baca(engine, "SELECT status, baris_diterima, hash_berkas FROM log_impor ORDER BY id")
    assert log["status"].tolist() == ["berhasil"] * 3 and log["hash_berkas"].str.len().eq(64).all()


JOKO = "Sawangan;Doro;BPU;JKK, JKM;43712;;Nelayan;L"


@pytest.mark.parametrize("ubah, peserta, program", [
    (("Nelayan;L", "Nelayan tangkap;L"), ("33.26.06.2007", "BPU", "Nelayan tangkap"), {"JKK", "JKM"}),
    (("Sawangan;Doro;", "Sawangan;Paninggaran;"), ("33.26.02.2009", "BPU", "Nelayan"), {"JKK", "JKM"}),
    (("Doro;BPU;", "Doro;PU;"), ("33.26.06.2007", "PU", "Nelayan"), {"JKK", "JKM"}),
    (("JKK, JKM;43712", "JKK, JKM, JHT;43712"), ("33.26.06.2007", "BPU", "Nelayan"), {"JKK", "JKM", "JHT"}),
    (("Sawangan;Doro;BPU;JKK, JKM;43712;;Nelayan;L", "Klesem;Kandangserang;PU;JKK, JKM, JP;43712;;Buruh;P"),
     ("33.26.01.2001", "PU", "Buruh"), {"JKK", "JKM", "JP"}),
], ids=["pekerjaan", "desa", "segmen", "program", "semuanya"])
def test_a_corrected_re_export_updates_what_changed(siap, ubah, peserta, program):
    engine, konteks = siap
    assert impor(engine, "peserta", PESERTA.encode(), "peserta.csv", konteks).status == "berhasil"
    assert JOKO in PESERTA
    h = impor(engine, "peserta", PESERTA.replace(*ubah).encode(), "peserta_koreksi.csv", konteks)
    assert h.status == "berhasil" and h.ditulis == {"baru": 0, "diperbarui": 1, "sama": 2}, h.ringkasan()
    joko = baca(engine, "SELECT p.kode_desa, p.segmen, p.pekerjaan, k.program, k.kode_desa AS desa_k, k.segmen AS segmen_k "
                        "FROM peserta p JOIN kepesertaan k ON k.peserta_id = p.id WHERE p.tanggal_daftar = :t",
                 t=date(2019, 9, 4))
    assert set(joko[["kode_desa", "segmen", "pekerjaan"]].itertuples(index=False, name=None)) == {peserta}
    assert set(joko["program"]) == program
    assert pelanggaran_integritas(engine) == {}
    # The overview follows: Joko counts in his new village and segment only.
    aktif = baca(engine, "SELECT kode_desa, segmen, count(*) AS n FROM masa_aktif WHERE program = 'SEMUA' "
                         "AND peserta_id = (SELECT id FROM peserta WHERE tanggal_daftar = :t) GROUP BY kode_desa, segmen",
                 t=date(2019, 9, 4))
    assert aktif[["kode_desa", "segmen", "n"]].values.tolist() == [[peserta[0], peserta[1], 1]]
    lagi = impor(engine, "peserta", PESERTA.replace(*ubah).encode(), "peserta_koreksi.csv", konteks)
    assert lagi.ditulis == {"baru": 0, "diperbarui": 0, "sama": 3}


def test_an_end_date_then_a_segment_its_programmes_cannot_hold(siap):
    engine, konteks = siap
    impor(engine, "peserta", PESERTA.encode(), "peserta.csv", konteks)
    akhir = PESERTA.replace("Tgl Daftar;No HP;Pekerjaan;Jenis Kelamin", "Tgl Daftar;No HP;Pekerjaan;Jenis Kelamin;Tanggal Nonaktif") \
        .replace("Nelayan;L", "Nelayan;L;31/12/2023")
    h = impor(engine, "peserta", akhir.encode(), "akhir.csv", konteks)
    assert h.ditulis == {"baru": 0, "diperbarui": 1, "sama": 2}, h.ringkasan()
    berakhir = baca(engine, "SELECT DISTINCT tanggal_berakhir FROM kepesertaan WHERE kode_desa = '33.26.06.2007'")
    assert [pd.Timestamp(t).date() for t in berakhir["tanggal_berakhir"]] == [date(2023, 12, 31)]
    # Budi holds JHT; JAKON cannot: the row is refused with the reason, and nothing is written.
    sebelum = _semua_teks(engine, kecuali=("log_impor",))
    jakon = PESERTA.replace("Wonopringgo;Bukan Penerima Upah;JKK, JKM, JHT", "Wonopringgo;Jasa Konstruksi;JKK, JKM")
    h = impor(engine, "peserta", jakon.encode(), "jakon.csv", konteks)
    assert h.status == "ditolak" and [m.baris for m in h.masalah] == [5], h.ringkasan()
    assert "JHT" in h.masalah[0].alasan and "JAKON" in h.masalah[0].alasan
    assert _semua_teks(engine, kecuali=("log_impor",)) == sebelum
    assert pelanggaran_integritas(engine) == {}


def test_one_bad_row_refuses_the_whole_file_and_writes_nothing(siap):
    engine, konteks = siap
    buruk = PESERTA.replace("JKK+JKM;3 Sept 2019", "JKK, JP;3 Sept 2019").replace("'3326120305855001", "3.32612E+15")
    h = impor(engine, "peserta", buruk.encode(), "buruk.csv", konteks)
    assert h.status == "ditolak" and h.baris_sah == 1 and h.baris_ditolak == 2
    alasan = {(m.baris, m.kolom): m.alasan for m in h.masalah}
    assert "angka ilmiah" in alasan[(5, "NIK")] and "JP" in alasan[(6, "Program")]
    assert all(m.nilai != "3.32612E+15" for m in h.masalah)  # a NIK is never echoed back
    assert _jumlah(engine, "peserta") == 0 and _jumlah(engine, "kepesertaan") == 0
    assert baca(engine, "SELECT status FROM log_impor")["status"].tolist() == ["ditolak"]
    csv = h.masalah_csv()
    assert csv.splitlines()[0] == "baris,kolom,nilai,alasan" and len(csv.splitlines()) == 3

    hanya = impor(engine, "peserta", buruk.encode(), "buruk.csv", konteks, hanya_yang_sah=True)
    assert hanya.status == "berhasil" and hanya.ditulis["baru"] == 1
    assert "Hanya baris yang sah diimpor" in hanya.ringkasan()


def test_dry_run_duplicates_missing_columns_and_the_key(siap):
    engine, konteks = siap
    uji = impor(engine, "peserta", PESERTA.encode(), "p.csv", konteks, kering=True)
    assert uji.status == "uji" and _jumlah(engine, "peserta") == 0 and _jumlah(engine, "log_impor") == 0
    ganda = PESERTA + "4;Budi lagi;3326120305855001;Wonopringgo;;BPU;JKK,JKM;21/08/2019;;;L\n"
    h = impor(engine, "peserta", ganda.encode(), "p.csv", konteks)
    assert h.status == "ditolak" and "Sama dengan baris 5" in h.masalah[0].alasan
    kurang = impor(engine, "peserta", b"NIK;Desa\n3326120305855001;Wonopringgo\n", "p.csv", konteks)
    assert "Kolom wajib tidak ada: segmen; program atau jkk" in kurang.masalah[0].alasan
    tanpa_kunci = KonteksImpor("uji", HARI_INI, konteks.gazetteer, None)
    h = impor(engine, "peserta", PESERTA.encode(), "p.csv", tanpa_kunci)
    assert h.status == "ditolak" and "Kunci rahasia NIK belum diatur" in h.masalah[0].alasan
    assert _jumlah(engine, "peserta") == 0


def test_events_statuses_denominators_and_targets_import_once(siap):
    engine, konteks = siap
    berkas = {
        "kegiatan": "Nama Kegiatan\tJenis\tDesa\tKecamatan\tTanggal\tJumlah Hadir\tBiaya\tTarget Pendaftar\n"
                    "Festival Nasi Goreng 2019\tFestival\tWonopringgo\t\t20 Agustus 2019\t5.000\tRp25.000.000\t1.000\n"
                    "Sosialisasi Sawangan\tsosialisasi\tSawangan\tDoro\t2024-03-05\t120\t\t\n",
        "status": "kode_desa,status,tanggal,catatan\n33.26.12.2008,Kandidat,03/09/2019,\n"
                  "33.26.12.2008,Pilot,17-02-2020,uji\n",
        "penyebut": 'Desa,Kecamatan,Tahun,Jumlah Penduduk,Pekerja Informal,Jumlah Perangkat Desa\n'
                    'Wonopringgo,Wonopringgo,2025,"4.512","1.450",14\n',
        "target": "Kode Wilayah;Kecamatan;Tahun;Ukuran;Segmen;Program;Target\n33.26;;2026;peserta aktif;BPU;;15.000\n"
                  ";Sragi;2026;;;;1.200\n",
    }
    for jenis, teks in berkas.items():
        pertama = impor(engine, jenis, teks.encode(), f"{jenis}.csv", konteks)
        assert pertama.status == "berhasil" and pertama.ditulis["baru"] == pertama.jumlah_baris, pertama.ringkasan()
        kedua = impor(engine, jenis, teks.encode(), f"{jenis}.csv", konteks)
        assert kedua.ditulis == {"baru": 0, "diperbarui": 0, "sama": kedua.jumlah_baris}, (jenis, kedua.ditulis)
    kegiatan = baca(engine, "SELECT nama, jumlah_hadir, biaya, target_pendaftar, lat FROM kegiatan ORDER BY tanggal_mulai")
    assert kegiatan.iloc[0][["jumlah_hadir", "biaya", "target_pendaftar"]].tolist() == [5000, 25_000_000, 1000]
    assert kegiatan["lat"].notna().all() and kegiatan["target_pendaftar"].isna().iloc[1]
    # A number larger than its column holds is refused on its row (hypothesis found 1e20 failing the
    # whole import on DuckDB), for a count and for money alike.
    besar = impor(engine, "penyebut", b"Desa;Tahun;Penduduk\nWonopringgo;2025;100000000000000000000\n", "p.csv", konteks)
    assert besar.status == "ditolak" and not besar.gagal and "terlalu besar" in besar.masalah[0].alasan
    besar = impor(engine, "kegiatan", b"Nama;Desa;Tanggal;Biaya\nPeluncuran;Wonopringgo;2024-01-05;1e20\n", "k.csv",
                  konteks)
    assert besar.status == "ditolak" and not besar.gagal
    tanpa_target = impor(engine, "kegiatan", b"Nama;Desa;Tanggal;Target\nPeluncuran;Wonopringgo;2024-01-05;0\n",
                         "k.csv", konteks)
    assert tanpa_target.status == "ditolak" and "Target pendaftar 0 di luar 1 sampai 100000" in \
        tanpa_target.masalah[0].alasan
    assert baca(engine, "SELECT status FROM status_desa_sadar ORDER BY tanggal")["status"].tolist() == \
        ["kandidat", "dicanangkan"]
    target = baca(engine, "SELECT kode_wilayah, segmen, program, nilai FROM target ORDER BY kode_wilayah")
    assert target.values.tolist() == [["33.26", "BPU", "SEMUA", 15_000], ["33.26.10", "SEMUA", "SEMUA", 1_200]]
    # A later file with the employed count only keeps the informal count already there.
    tambah = impor(engine, "penyebut", b"Desa;Tahun;Penduduk Bekerja\nWonopringgo;2025;2.400\n", "p.csv", konteks)
    assert tambah.ditulis["diperbarui"] == 1
    assert baca(engine, "SELECT penduduk_bekerja, pekerja_informal FROM penyebut").values.tolist() == [[2400, 1450]]


def test_exported_cells_cannot_run_as_formulas():
    df = aman_untuk_spreadsheet(pd.DataFrame({"a": ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "aman", None]}))
    assert df["a"].tolist()[:5] == ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)", "aman"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.text(max_size=20), st.text(max_size=12), st.text(max_size=10)), min_size=1, max_size=6))
def test_hostile_cells_never_leave_half_a_file(siap, sel):
    engine, konteks = siap
    sebelum = (_jumlah(engine, "peserta"), _jumlah(engine, "kepesertaan"))
    baris = "\n".join(f"{a};{b};BPU;{c};03/09/2019".replace("\r", "") for a, b, c in sel)
    teks = "NIK;Desa;Segmen;Program;Tgl Daftar\n" + baris
    h = impor(engine, "peserta", teks.encode("utf-8", errors="replace"), "acak.csv", konteks)
    sesudah = (_jumlah(engine, "peserta"), _jumlah(engine, "kepesertaan"))
    if h.status == "berhasil":
        assert not h.masalah and sesudah[0] - sebelum[0] == h.ditulis["baru"]
    else:
        assert sesudah == sebelum and h.masalah


def _kosongkan_peserta(engine) -> None:
    """Between examples of a property: no participant, enrolment or rollup row left behind. One
    transaction per table: DuckDB's foreign keys still see rows deleted earlier in the same one."""
    for tabel in ("rekap_masa_aktif_tahunan", "rekap_masa_aktif", "masa_aktif", "kepesertaan", "peserta"):
        tulis(engine, lambda k, tabel=tabel: k.execute(sa.text(f"DELETE FROM {tabel}")))


def _bersih(teks: str) -> str:
    return "".join(c for c in teks if c not in ';"\r\n\x00')  # a NUL makes the file binary: refused whole


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(peserta_sah(HARI_INI), min_size=1, max_size=6, unique_by=lambda p: p.nik.nik),
       st.lists(st.tuples(st.text(max_size=20), st.text(max_size=12), st.text(max_size=10)), max_size=3))
def test_what_goes_in_is_what_the_database_holds_and_the_overview_counts(siap, sah, rusak):
    engine, konteks = siap
    _kosongkan_peserta(engine)
    baris = [p.baris_csv() for p in sah] + [f"{_bersih(a)};{_bersih(b)};;BPU;{_bersih(c)};03/09/2019" for a, b, c in rusak]
    teks = "NIK;Desa;Kecamatan;Segmen;Program;Tgl Daftar\n" + "\n".join(baris)
    h = impor(engine, "peserta", teks.encode(), "campuran.csv", konteks, hanya_yang_sah=True)
    assert h.status == "berhasil", h.ringkasan()
    assert (h.baris_sah, h.baris_ditolak, h.ditulis["baru"]) == (len(sah), len(rusak), len(sah))

    pseudonim = {kunci_pseudonim(p.nik.nik, KUNCI): p for p in sah}
    peserta = baca(engine, "SELECT kunci_pseudonim, kode_desa, segmen, tanggal_daftar FROM peserta")
    assert {(r.kunci_pseudonim, r.kode_desa, r.segmen, pd.Timestamp(r.tanggal_daftar).date())
            for r in peserta.itertuples()} == {(k, p.kode_desa, p.segmen, p.tanggal_daftar) for k, p in pseudonim.items()}
    program = baca(engine, "SELECT p.kunci_pseudonim, k.program FROM kepesertaan k JOIN peserta p ON p.id = k.peserta_id")
    assert sorted(program.itertuples(index=False, name=None)) == \
        sorted((k, prog) for k, p in pseudonim.items() for prog in p.program)

    # The overview counts what went in: everyone registered and, with no end date, active today.
    halaman = ringkasan_halaman(engine, Saringan("33.26", Periode("semua", date(2019, 1, 1), HARI_INI)))
    assert (halaman.angka.peserta_aktif, halaman.angka.pendaftaran_baru) == (len(sah), len(sah))
    assert dict(halaman.per_program.itertuples(index=False)) == Counter(prog for p in sah for prog in p.program)
    assert dict(halaman.per_segmen.itertuples(index=False)) == Counter(p.segmen for p in sah)

    lagi = impor(engine, "peserta", teks.encode(), "campuran.csv", konteks, hanya_yang_sah=True)
    assert lagi.ditulis == {"baru": 0, "diperbarui": 0, "sama": len(sah)}


KEGIATAN = "Nama Kegiatan;Jenis;Desa;Kecamatan;Tanggal;Catatan\n"


def test_names_resolve_only_when_they_are_the_name(siap):
    engine, konteks = siap
    baris = {
        "Ds. Ketanon Ageng;Sragi": "33.26.10.2001", "KEDUNG JARAN;": None, "Wono\u200bpringgo;": "33.26.12.2008",
        "\u202eWonopringgo\u202c;": "33.26.12.2008", "Ｗｏｎｏｐｒｉｎｇｇｏ;": "33.26.12.2008",
    }
    teks = KEGIATAN + "".join(f"Kegiatan {i};sosialisasi;{b};05/03/2026;\n" for i, b in enumerate(baris))
    h = impor(engine, "kegiatan", teks.encode(), "nama.csv", konteks)
    assert h.status == "berhasil", [m.alasan for m in h.masalah]
    kode = baca(engine, "SELECT nama, kode_desa FROM kegiatan ORDER BY nama")["kode_desa"].tolist()
    assert kode[0] == "33.26.10.2001" and kode[2:] == ["33.26.12.2008"] * 3
    # A changed letter, or a letter from another script, is not the name.
    salah = KEGIATAN + "Typo;sosialisasi;Wonopringgi;;05/04/2026;\nSirilik;sosialisasi;W\u043enopringgo;;05/04/2026;\n"
    h = impor(engine, "kegiatan", salah.encode(), "salah.csv", konteks)
    assert h.status == "ditolak" and [m.baris for m in h.masalah] == [2, 3]
    assert "Wonopringgo (Kec. Wonopringgo, 33.26.12.2008)" in h.masalah[0].alasan
    assert "bukan huruf Latin" in h.masalah[1].alasan and "U+043E" in h.masalah[1].alasan
    assert h.saran and _jumlah(engine, "kegiatan") == 5
    # The user confirms the correction: the typo is taken, the look-alike still is not.
    h = impor(engine, "kegiatan", salah.encode(), "salah.csv", konteks, terima_koreksi=True, hanya_yang_sah=True)
    assert h.status == "berhasil" and h.ditulis["baru"] == 1 and [m.baris for m in h.masalah] == [3]
    assert "'Wonopringgi' → Wonopringgo (33.26.12.2008, 1×)" in h.ringkasan()
    assert "'Wonopringgi' → Wonopringgo" in h.ringkasan("en") and "Village spellings corrected" in h.ringkasan("en")


def test_control_characters_anywhere_are_refused_with_row_and_column(siap):
    engine, konteks = siap
    isi = (KEGIATAN + "Festival;festival;Wonopringgo;;05/03/2026;" + "catatan panjang " * 300 + "\n"
           + "Sosialisasi;sosialisasi;Sawangan;Doro;06/03/2026;ada\x00NUL\n"
           + "Layanan\x1b[31m;lainnya;Sawangan;Doro;07/03/2026;\n").encode()
    assert isi.index(b"\x00") > 4096  # past the binary-file sniff: found by the cell check
    h = impor(engine, "kegiatan", isi, "kendali.csv", konteks)
    assert h.status == "ditolak" and _jumlah(engine, "kegiatan") == 0
    assert [(m.baris, m.kolom) for m in h.masalah] == [(3, "Catatan"), (4, "Nama Kegiatan")]
    assert "U+0000" in h.masalah[0].alasan and "U+001B" in h.masalah[1].alasan_dalam("en")
    panjang = PESERTA.replace("Pedagang nasi goreng", "Pedagang " * 8)
    h = impor(engine, "peserta", panjang.encode(), "panjang.csv", konteks)
    assert h.status == "ditolak" and "paling banyak 60" in h.masalah[0].alasan  # never cut silently


def test_a_failure_inside_the_write_is_a_message_and_a_log_row_never_a_traceback(siap, monkeypatch):
    engine, konteks = siap
    import data_access.impor as modul

    def rusak(*_):
        raise sa.exc.OperationalError("INSERT", {}, Exception("/srv/data/desa_sadar.duckdb pid 4242"))

    monkeypatch.setitem(modul.PENULIS, "peserta", rusak)
    h = impor(engine, "peserta", PESERTA.encode(), "peserta.csv", konteks)
    assert h.status == "ditolak" and h.gagal and _jumlah(engine, "peserta") == 0
    semua = h.ringkasan() + " ".join(m.alasan + m.alasan_en for m in h.masalah)
    assert "coba lagi" in semua and "try again" in semua
    for bocor in ("/srv", "4242", "OperationalError", "Traceback"):
        assert bocor not in semua
    log = baca(engine, "SELECT status, keterangan FROM log_impor")
    assert log["status"].tolist() == ["ditolak"] and "/srv" not in log["keterangan"].iloc[0]


@pytest.mark.parametrize("jenis, teks", [
    ("kegiatan", KEGIATAN + "Festival Nasi Goreng;festival;Wonopringgo;;20/08/2019;\n"
                            "Sosialisasi Sawangan;sosialisasi;Sawangan;Doro;05/03/2024;\n"),
    ("peserta", PESERTA),
])
def test_the_same_file_imported_twice_at_once_is_imported_once(siap, monkeypatch, jenis, teks):
    """Eight imports of one file at the same moment: one writes, the others find it there. On
    PostgreSQL the process lock is taken away, so the database's own lock and keys are what hold."""
    import threading

    import data_access.impor as modul

    engine, konteks = siap
    if engine.dialect.name == "postgresql":
        monkeypatch.setattr(modul, "KUNCI_PROSES", {j: _TanpaKunci() for j in modul.JENIS_IMPOR})
    hasil, mulai = [], threading.Barrier(8)

    def jalan():
        mulai.wait()
        hasil.append(impor(engine, jenis, teks.encode(), f"{jenis}.csv", konteks))

    benang = [threading.Thread(target=jalan) for _ in range(8)]
    for b in benang:
        b.start()
    for b in benang:
        b.join()
    n = 2 if jenis == "kegiatan" else 3
    assert _jumlah(engine, "kegiatan" if jenis == "kegiatan" else "peserta") == n
    baru = sorted(h.ditulis.get("baru", 0) for h in hasil if h.status == "berhasil")
    assert baru[-1] == n and sum(baru) == n  # one import wrote the rows; the rest wrote none
    for h in hasil:
        assert h.status == "berhasil" or (h.gagal and "sesi lain" in h.masalah[0].alasan), h.ringkasan()
    assert pelanggaran_integritas(engine) == {}


class _TanpaKunci:
    def __enter__(self):
        return self

    def __exit__(self, *_):
        return False


def test_exported_headers_cannot_run_as_formulas():
    from laporan.ekspor import ke_csv, ke_xlsx

    df = pd.DataFrame({"=HYPERLINK(\"http://x\")": [1], " +SUM(A1)": [2], "@x": ["\uff1dcmd"], "aman": ["\x1bteks"]})
    assert aman_untuk_spreadsheet(df).columns.tolist() == ["'=HYPERLINK(\"http://x\")", "' +SUM(A1)", "'@x", "aman"]
    csv = ke_csv(df).decode("utf-8-sig").splitlines()
    assert csv[0].startswith("\"'=HYPERLINK") and "'\uff1dcmd" in csv[1]
    import io

    import openpyxl

    lembar = openpyxl.load_workbook(io.BytesIO(ke_xlsx(df, "uji"))).active
    assert [c.data_type for c in lembar[1]] == ["s"] * 4 and lembar["D2"].value == "\ufffdteks"


def test_the_preview_holds_no_nik_and_no_value_a_table_cannot_show(siap):
    import pyarrow as pa

    from data_access.impor import periksa, pratinjau

    engine, konteks = siap
    hasil, sah = periksa(engine, "peserta", PESERTA.encode(), "peserta.csv", konteks)
    contoh = pratinjau(sah)
    assert hasil.status == "uji" and len(contoh) == 3 and "nik" not in contoh and "kunci_pseudonim" not in contoh
    assert contoh["program"].tolist()[0] == "JHT, JKK, JKM"
    pa.Table.from_pandas(contoh)  # what Streamlit does with it; a set would make it log a traceback
