"""The payment import on both engines: a messy export in, refusals with row, column and reason,
nothing half-written, the same file twice adds nothing, a corrected re-export updates, and what it
writes decides who is active."""

from datetime import date

import pytest

from data_access.db import baca
from data_access.impor import impor
from tests.data_access.test_impor import PESERTA, _jumlah, _semua_teks

# Budi (Wonopringgo, registered 20/08/2019) and Siti (Ketanonageng, 3 September 2019); the third NIK
# belongs to nobody recorded.
IURAN = (
    "Rekap Iuran BPU Cabang Pekalongan;;;;\n"
    "No;Nama;NIK;Bulan Iuran;Jumlah Iuran;Tgl Bayar;Pembayar\n"
    "1;Budi Santoso;'3326120305855001;2019-08;16.800;20/08/2019;mandiri\n"
    "2;Budi Santoso;'3326120305855001;September 2019;16.800;05/09/2019;\n"
    "3;Siti Aminah;3326124305855002;09/2019;16.800;10/09/2019;APBDes\n"
)


def _peserta_dulu(engine, konteks):
    assert impor(engine, "peserta", PESERTA.encode("cp1252"), "peserta.csv", konteks).status == "berhasil"


def test_payments_import_once_and_a_correction_updates(siap):
    engine, konteks = siap
    _peserta_dulu(engine, konteks)
    h = impor(engine, "iuran", IURAN.encode(), "iuran.csv", konteks)
    assert (h.status, h.ditulis) == ("berhasil", {"baru": 3, "diperbarui": 0, "sama": 0}), h.ringkasan()
    lagi = impor(engine, "iuran", IURAN.encode(), "iuran.csv", konteks)
    assert lagi.ditulis == {"baru": 0, "diperbarui": 0, "sama": 3}
    koreksi = IURAN.replace("3;Siti Aminah;3326124305855002;09/2019;16.800", "3;Siti Aminah;3326124305855002;09/2019;36.800")
    assert impor(engine, "iuran", koreksi.encode(), "iuran.csv", konteks).ditulis == {"baru": 0, "diperbarui": 1,
                                                                                      "sama": 2}
    tersimpan = baca(engine, "SELECT bulan, jumlah, tanggal_bayar, pembayar FROM iuran ORDER BY bulan, jumlah")
    assert tersimpan.to_dict("records") == [
        {"bulan": date(2019, 8, 1), "jumlah": 16_800, "tanggal_bayar": date(2019, 8, 20), "pembayar": "mandiri"},
        {"bulan": date(2019, 9, 1), "jumlah": 16_800, "tanggal_bayar": date(2019, 9, 5), "pembayar": "mandiri"},
        {"bulan": date(2019, 9, 1), "jumlah": 36_800, "tanggal_bayar": date(2019, 9, 10), "pembayar": "apbdes"}]
    assert "3326120305855001" not in _semua_teks(engine) and "Budi" not in _semua_teks(engine)
    # The export is current to September 2019: the third participant (Sawangan), registered in
    # September 2019 and with nothing paid, is still in the grace period; nobody has lapsed.
    cak = baca(engine, "SELECT bulan_awal, bulan_data FROM cakupan_iuran")
    assert cak.to_dict("records") == [{"bulan_awal": date(2019, 8, 1), "bulan_data": date(2019, 9, 1)}]
    assert _jumlah(engine, "masa_aktif WHERE tanggal_berakhir < DATE '9999-12-31'") == 0


def test_payments_after_a_gap_longer_than_the_grace_period_make_a_lapse_then_a_return(siap):
    engine, konteks = siap
    _peserta_dulu(engine, konteks)
    baris = ["No;NIK;Bulan;Jumlah;Tgl Bayar"]
    for i, bulan in enumerate(["2019-08", "2019-09", "2020-01", "2020-02"]):
        baris.append(f"{i + 1};'3326120305855001;{bulan};16800;{bulan}-15")
    assert impor(engine, "iuran", "\n".join(baris).encode(), "iuran.csv", konteks).status == "berhasil"
    pulau = baca(engine, """SELECT m.tanggal_mulai, m.tanggal_berakhir FROM masa_aktif m JOIN peserta p ON p.id = m.peserta_id
                            WHERE m.program = 'SEMUA' AND p.tanggal_daftar = DATE '2019-08-20' ORDER BY 1""")
    assert list(pulau.itertuples(index=False, name=None)) == [(date(2019, 8, 20), date(2019, 11, 1)),
                                                              (date(2020, 1, 1), date(9999, 12, 31))]


@pytest.mark.parametrize("baris, kolom, alasan", [
    ("1;'3326120305855001;2019-07;16800;20/07/2019", "Bulan", "Bulan iuran Juli 2019 sebelum peserta terdaftar "
                                                              "(20 Agustus 2019)."),
    ("1;'3326120305855001;2019-09;-16800;20/09/2019", "Jumlah", "Tidak boleh negatif."),
    ("1;3326124305855099;2019-09;16800;20/09/2019", "NIK", "Peserta dengan NIK ini belum tercatat; impor "
                                                         "pesertanya dulu."),
    ("1;'3326120305855001;2019-09;16800;20/09/2031", "Tgl Bayar", "ada di masa depan"),
    ("1;'3326120305855001;bulan lalu;16800;20/09/2019", "Bulan", "tidak terbaca"),
])
def test_a_refused_row_refuses_the_file_with_its_reason_and_writes_nothing(siap, baris, kolom, alasan):
    engine, konteks = siap
    _peserta_dulu(engine, konteks)
    isi = "No;NIK;Bulan;Jumlah;Tgl Bayar\n0;3326124305855002;2019-09;16800;10/09/2019\n" + baris + "\n"
    h = impor(engine, "iuran", isi.encode(), "iuran.csv", konteks)
    assert h.status == "ditolak"
    assert [(m.baris, m.kolom) for m in h.masalah] == [(3, kolom)]
    assert alasan in h.masalah[0].alasan
    assert "3326" not in h.masalah[0].nilai  # the NIK is never repeated back
    assert _jumlah(engine, "iuran") == 0 and _jumlah(engine, "cakupan_iuran") == 0
    assert baca(engine, "SELECT status FROM log_impor WHERE jenis = 'iuran'")["status"].tolist() == ["ditolak"]


def test_the_same_month_twice_in_one_file_is_refused(siap):
    engine, konteks = siap
    _peserta_dulu(engine, konteks)
    isi = ("NIK;Bulan;Jumlah\n3326124305855002;2019-09;16800\n3326124305855099;2019-09;16800\n"
           "3326124305855002;September 2019;16800\n")
    h = impor(engine, "iuran", isi.encode(), "iuran.csv", konteks)
    # Found once the file is read, reported in the order of its rows with the row repeated.
    assert h.status == "ditolak" and [(m.baris, m.alasan) for m in h.masalah] == [
        (3, "Peserta dengan NIK ini belum tercatat; impor pesertanya dulu."),
        (4, "Sama dengan baris 2: baris ganda dalam berkas.")]


def test_the_preview_of_a_payments_file_names_no_one(siap):
    from data_access.impor import periksa, pratinjau

    engine, konteks = siap
    _peserta_dulu(engine, konteks)
    hasil, sah = periksa(engine, "iuran", IURAN.encode(), "iuran.csv", konteks)
    contoh = pratinjau(sah)
    assert hasil.status == "uji" and contoh.columns.tolist() == [
        "baris", "bulan", "jumlah", "tanggal_bayar", "pembayar"]
    assert contoh.astype(object).where(contoh.notna(), None).values.tolist() == [
        [3, date(2019, 8, 1), 16_800, date(2019, 8, 20), "mandiri"],
        [4, date(2019, 9, 1), 16_800, date(2019, 9, 5), None],
        [5, date(2019, 9, 1), 16_800, date(2019, 9, 10), "apbdes"]]
