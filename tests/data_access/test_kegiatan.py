"""Event results against an independent count from the raw tables, and saving events, on both engines."""

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access import masa_aktif
from data_access.batas import sinkronkan_wilayah
from benchmarks.naif import kepesertaan_efektif
from data_access.db import baca, tulis
from data_access.kegiatan import (KegiatanDitolak, hasil_kegiatan, kegiatan_terpilih, linimasa_kegiatan,
                                  rincian_kegiatan, simpan_kegiatan)
from domain.kegiatan import IsianKegiatan
from domain.periode import Periode
from domain.saringan import Saringan
from tests.conftest import HARI_INI_UJI

# Tests that build their own events live on their own day, whatever day the suite is pinned to.
HARI_SKENARIO = date(2026, 11, 24)

SEMUA_WAKTU = Saringan("33.26", Periode("semua", date(2015, 1, 1), HARI_INI_UJI), None, None)
WONOPRINGGO = "33.26.12.2008"


def _aktif_pada(kepesertaan: pd.DataFrame, peserta_id: int, t: pd.Timestamp) -> bool:
    k = kepesertaan[kepesertaan["peserta_id"] == peserta_id]
    return bool(((k["tanggal_mulai"] <= t) & (k["tanggal_berakhir"].isna() | (k["tanggal_berakhir"] > t))).any())


def test_every_event_matches_a_count_from_the_raw_tables(engine_demo):
    hasil = hasil_kegiatan(engine_demo, SEMUA_WAKTU, HARI_INI_UJI).set_index("id")
    assert len(hasil) == baca(engine_demo, "SELECT count(*) AS n FROM kegiatan")["n"].iloc[0]
    peserta = baca(engine_demo, "SELECT id, kegiatan_id, tanggal_daftar FROM peserta WHERE kegiatan_id IS NOT NULL")
    kepesertaan = kepesertaan_efektif(engine_demo)  # active means paid where the exports speak
    kepesertaan = kepesertaan[kepesertaan["peserta_id"].isin(peserta["id"])]
    diperiksa = 0
    for kegiatan_id, milik in peserta.groupby("kegiatan_id"):
        baris = hasil.loc[kegiatan_id]
        assert baris["pendaftar"] == len(milik)
        for bulan in (3, 6):
            hari = [pd.Timestamp(d) + pd.DateOffset(months=bulan) for d in milik["tanggal_daftar"]]
            matang = [(p, h) for p, h in zip(milik["id"], hari, strict=True) if h.date() <= HARI_INI_UJI]
            assert baris[f"matang_{bulan}_bulan"] == len(matang)
            if not matang:
                assert pd.isna(baris[f"aktif_{bulan}_bulan"])  # nobody that old yet: not shown
                continue
            harapan = sum(_aktif_pada(kepesertaan, p, h) for p, h in matang)
            assert baris[f"aktif_{bulan}_bulan"] == harapan, (kegiatan_id, bulan)
            assert baris[f"retensi_{bulan}_bulan_persen"] == pytest.approx(100 * harapan / len(matang))
            diperiksa += 1
    assert diperiksa > 100  # most demo events are older than six months
    festival = hasil[hasil["nama"] == "Festival Nasi Goreng Wonopringgo 2019"].iloc[0]
    assert festival["jumlah_hadir"] == 5_000 and festival["konversi_persen"] == pytest.approx(100 * 100 / 5_000)


def test_filters_by_region_period_and_type(engine_demo):
    sragi_2023 = Saringan("33.26.10", Periode("2023", date(2023, 1, 1), date(2023, 12, 31)), None, None)
    hasil = hasil_kegiatan(engine_demo, sragi_2023, HARI_INI_UJI)
    assert hasil["kode_desa"].str.startswith("33.26.10.").all()
    assert (pd.to_datetime(hasil["tanggal_mulai"]).dt.year == 2023).all()
    festival = hasil_kegiatan(engine_demo, SEMUA_WAKTU, HARI_INI_UJI, ("festival",))
    assert set(festival["jenis"]) == {"festival"} and len(festival) >= 2
    semua = hasil_kegiatan(engine_demo, SEMUA_WAKTU, HARI_INI_UJI)
    dua = kegiatan_terpilih(engine_demo, semua["id"].head(2).tolist(), HARI_INI_UJI)
    pd.testing.assert_frame_equal(dua.reset_index(drop=True), semua.head(2).reset_index(drop=True))


def test_breakdowns_and_the_timeline_around_the_festival(engine_demo):
    fid = int(baca(engine_demo, "SELECT id FROM kegiatan WHERE nama = 'Festival Nasi Goreng Wonopringgo 2019'")["id"].iloc[0])
    r = rincian_kegiatan(engine_demo, fid)
    program = dict(zip(r.program["kategori"], r.program["jumlah"], strict=True))
    assert program["JKK"] == program["JKM"] == 100 and 0 < program["JHT"] < 100
    assert "JP" not in program  # BPU may not hold JP
    assert r.segmen["jumlah"].sum() == r.pekerjaan["jumlah"].sum() == r.sumber_dana["jumlah"].sum() == 100
    pekerjaan = baca(engine_demo, "SELECT pekerjaan FROM peserta WHERE kegiatan_id = :id", id=fid)["pekerjaan"]
    pedagang = int((pekerjaan == "Pedagang nasi goreng").sum())
    assert r.pekerjaan.iloc[0].tolist() == ["Pedagang nasi goreng", pedagang]
    assert 50 <= pedagang <= 70  # about 60 vendors enrolled collectively, whatever day the demo is built
    garis = linimasa_kegiatan(engine_demo, [fid])
    assert garis["hari_ke"].tolist() == list(range(-7, 8))
    assert garis.loc[garis["hari_ke"] == 0, "dari_kegiatan"].iloc[0] == 100
    assert garis["dari_kegiatan"].sum() == 100
    # Background: the village's other sign-ups in the 8 weeks before the window, per day.
    mulai = pd.Timestamp("2019-08-20")
    lain = baca(engine_demo, """
        SELECT count(*) AS n FROM peserta WHERE kode_desa = :d AND (kegiatan_id IS NULL OR kegiatan_id <> :id)
        AND tanggal_daftar BETWEEN :a AND :b""", d=WONOPRINGGO, id=fid,
        a=(mulai - pd.Timedelta(days=63)).date(), b=(mulai - pd.Timedelta(days=8)).date())["n"].iloc[0]
    assert garis["latar_harian"].iloc[0] == pytest.approx(lain / 56)


def _peserta_lama(k: sa.Connection, kunci: str, kegiatan_id: int, daftar: date, berhenti: date | None) -> None:
    pid = k.execute(sa.text("""
        INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, sumber_dana, kanal, tanggal_daftar, kegiatan_id, sumber)
        VALUES (:kunci, 'BPU', :desa, 'mandiri', 'acara', :daftar, :kg, 'uji') RETURNING id"""),
        {"kunci": kunci, "desa": WONOPRINGGO, "daftar": daftar, "kg": kegiatan_id}).scalar_one()
    for program in ("JKK", "JKM"):
        k.execute(sa.text("""
            INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, tanggal_berakhir)
            VALUES (:pid, 'BPU', :desa, :program, :mulai, :akhir)"""),
            {"pid": pid, "desa": WONOPRINGGO, "program": program, "mulai": daftar, "akhir": berhenti})
    masa_aktif.perbarui(k, [pid])


def test_retention_and_cost_per_active_participant(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    isian = IsianKegiatan("Sosialisasi uji", "sosialisasi", WONOPRINGGO, date(2026, 1, 10), date(2026, 1, 10),
                          jumlah_hadir=40, biaya=3_000_000)
    lama = simpan_kegiatan(engine_kosong, isian, (-7.0, 109.6), HARI_SKENARIO)
    baru = simpan_kegiatan(engine_kosong, IsianKegiatan("Festival uji", "festival", WONOPRINGGO, date(2026, 10, 1),
                                                        date(2026, 10, 1)), None, HARI_SKENARIO)

    def isi(k):
        _peserta_lama(k, "a", lama, date(2026, 1, 10), None)
        _peserta_lama(k, "b", lama, date(2026, 1, 10), date(2026, 3, 1))  # lapsed within 3 months
        _peserta_lama(k, "c", lama, date(2026, 1, 10), date(2026, 6, 1))  # lapsed between 3 and 6
        _peserta_lama(k, "d", baru, date(2026, 10, 1), None)
        _peserta_lama(k, "e", lama, date(2026, 11, 1), None)  # a late sign-up credited to the old event

    tulis(engine_kosong, isi)
    hasil = hasil_kegiatan(engine_kosong, Saringan("33.26", Periode("semua", date(2015, 1, 1), HARI_SKENARIO)), HARI_SKENARIO).set_index("id")
    assert hasil.loc[lama, ["pendaftar", "matang_3_bulan", "aktif_3_bulan", "aktif_6_bulan"]].tolist() == [4, 3, 2, 1]
    assert hasil.loc[lama, "retensi_3_bulan_persen"] == pytest.approx(200 / 3)  # of the 3 old enough
    assert hasil.loc[lama, "konversi_persen"] == pytest.approx(10.0)
    assert hasil.loc[lama, "biaya_per_aktif"] == 3_000_000  # one participant still active after 6 months
    assert pd.isna(hasil.loc[baru, "aktif_3_bulan"]) and pd.isna(hasil.loc[baru, "biaya_per_aktif"])
    assert pd.isna(hasil.loc[baru, "konversi_persen"])  # attendance unknown: no conversion, not 0%


def test_saving_checks_everything_edits_in_place_and_writes_nothing_when_refused(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    salah = IsianKegiatan("", "pesta", "", date(2026, 5, 2), date(2026, 5, 1), jumlah_hadir=-1)
    with pytest.raises(KegiatanDitolak) as e:
        simpan_kegiatan(engine_kosong, salah, None, HARI_SKENARIO)
    for kata in ("Nama kegiatan wajib", "jenis kegiatan", "Desa tempat kegiatan", "Tanggal selesai", "hadir"):
        assert kata in str(e.value)
    with pytest.raises(KegiatanDitolak, match="tidak ada di daftar wilayah"):
        simpan_kegiatan(engine_kosong, IsianKegiatan("X", "festival", "33.26.99.2999", date(2026, 5, 1),
                                                     date(2026, 5, 1)), None, HARI_SKENARIO)
    assert baca(engine_kosong, "SELECT count(*) AS n FROM kegiatan")["n"].iloc[0] == 0
    isian = IsianKegiatan("Peluncuran <script>alert(1)</script>", "peluncuran", WONOPRINGGO, date(2026, 5, 1),
                          date(2026, 5, 1), 300, None, "catatan")
    nomor = simpan_kegiatan(engine_kosong, isian, (-7.0, 109.6), HARI_SKENARIO)
    ubah = IsianKegiatan("Peluncuran ulang", "peluncuran", WONOPRINGGO, date(2026, 5, 1), date(2026, 5, 2), 350,
                         12_500_000, "")
    assert simpan_kegiatan(engine_kosong, ubah, (-7.0, 109.6), HARI_SKENARIO, nomor) == nomor
    baris = baca(engine_kosong, "SELECT * FROM kegiatan")
    assert len(baris) == 1
    assert baris.iloc[0][["nama", "jumlah_hadir", "biaya", "sumber"]].tolist() == ["Peluncuran ulang", 350, 12_500_000,
                                                                                   "aplikasi"]
    assert pd.isna(baris.iloc[0]["catatan"])  # an emptied note is stored as no note
    with pytest.raises(KegiatanDitolak, match="tidak ditemukan"):
        simpan_kegiatan(engine_kosong, ubah, None, HARI_SKENARIO, nomor + 1000)


def test_an_event_with_participants_can_be_renamed_and_moved_but_never_doubled(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    nomor = simpan_kegiatan(engine_kosong, IsianKegiatan("Festival", "festival", WONOPRINGGO, date(2026, 5, 1),
                                                         date(2026, 5, 1)), None, HARI_SKENARIO)
    tulis(engine_kosong, lambda k: k.execute(sa.text("""
        INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, sumber_dana, kanal, tanggal_daftar, kegiatan_id, sumber)
        VALUES ('k', 'BPU', :desa, 'mandiri', 'acara', DATE '2026-05-01', :g, 'uji')"""), {"desa": WONOPRINGGO, "g": nomor}))
    # Renaming and moving the event its participants point at (DuckDB refused this before 0007).
    lain = batas.desa["kode"].iloc[0]
    ubah = IsianKegiatan("Festival Nasi Goreng", "festival", lain, date(2026, 5, 2), date(2026, 5, 2))
    assert simpan_kegiatan(engine_kosong, ubah, None, HARI_SKENARIO, nomor) == nomor
    with pytest.raises(KegiatanDitolak, match="sudah tercatat"):
        simpan_kegiatan(engine_kosong, ubah, None, HARI_SKENARIO)
    assert baca(engine_kosong, "SELECT count(*) AS n FROM kegiatan")["n"].iloc[0] == 1
