"""Desa Sadar statuses, MoUs, the readiness inputs, and targets against achievement, on both engines."""

from datetime import date

import pandas as pd
import pytest

from benchmarks.naif import RingkasanNaif
from data_access.batas import sinkronkan_wilayah
from data_access.db import baca
from data_access.desa_sadar import CatatanDitolak, catat_mou, catat_status, riwayat_mou, riwayat_status, status_desa
from data_access.target import capaian_target, tahun_target
from domain.desa_sadar import PEKERJAAN_PERANGKAT
from domain.periode import Periode
from domain.saringan import Saringan
from tests.conftest import HARI_INI_UJI

# Tests that write their own statuses live on their own day, whatever day the suite is pinned to.
HARI_SKENARIO = date(2026, 11, 24)

WONOPRINGGO = "33.26.12.2008"


def test_status_table_counts_officials_and_bpu_as_the_raw_tables_do(engine_demo):
    desa = status_desa(engine_demo, "33.26", HARI_INI_UJI).set_index("kode")
    riwayat = baca(engine_demo, "SELECT kode_desa FROM status_desa_sadar WHERE tanggal <= :h", h=HARI_INI_UJI)
    assert set(desa.index) == set(riwayat["kode_desa"])
    assert desa.loc[WONOPRINGGO, "status"] == "ditetapkan"
    naif = RingkasanNaif(engine_demo)
    t = pd.Timestamp(HARI_INI_UJI)
    aktif = naif.k[(naif.k["tanggal_mulai"] <= t) & (naif.k["tanggal_berakhir"].isna() | (naif.k["tanggal_berakhir"] > t))]
    perangkat = naif.p.loc[naif.p["pekerjaan"] == PEKERJAAN_PERANGKAT, "id"]
    per_desa = aktif[aktif["peserta_id"].isin(perangkat)].groupby("kode_desa")["peserta_id"].nunique()
    bpu = aktif[(aktif["segmen"] == "BPU") & (aktif["program"] == "JKK")].groupby("kode_desa")["peserta_id"].nunique()
    for kode in desa.index:
        assert desa.loc[kode, "perangkat_aktif"] == per_desa.get(kode, 0), kode
        assert desa.loc[kode, "bpu_aktif"] == bpu.get(kode, 0), kode
    assert desa["tanggal_mou"].notna().any() and desa["tanggal_mou"].isna().any()
    semua = status_desa(engine_demo, "33.26.12", HARI_INI_UJI, semua_desa=True)
    assert len(semua) == baca(engine_demo, "SELECT count(*) AS n FROM wilayah WHERE kode LIKE '33.26.12.%'")["n"].iloc[0]


def test_status_and_mou_entries_are_checked_and_never_half_written(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    catat_status(engine_kosong, WONOPRINGGO, "kandidat", date(2019, 9, 3), "Disebut di berita", HARI_SKENARIO)
    with pytest.raises(CatatanDitolak, match="sudah punya status pada tanggal 03/09/2019"):
        catat_status(engine_kosong, WONOPRINGGO, "dicanangkan", date(2019, 9, 3), "", HARI_SKENARIO)
    with pytest.raises(CatatanDitolak, match="masa depan"):
        catat_status(engine_kosong, WONOPRINGGO, "ditetapkan", date(2027, 1, 1), "", HARI_SKENARIO)
    with pytest.raises(CatatanDitolak, match="tidak dikenal"):
        catat_status(engine_kosong, WONOPRINGGO, "juara", date(2020, 1, 1), "", HARI_SKENARIO)
    with pytest.raises(CatatanDitolak, match="tidak ada di daftar wilayah"):
        catat_status(engine_kosong, "33.26.99.2999", "kandidat", date(2020, 1, 1), "", HARI_SKENARIO)
    catat_status(engine_kosong, WONOPRINGGO, "ditetapkan", date(2020, 2, 17), "", HARI_SKENARIO)
    assert riwayat_status(engine_kosong, WONOPRINGGO)["status"].tolist() == ["kandidat", "ditetapkan"]

    catat_mou(engine_kosong, WONOPRINGGO, date(2019, 8, 1), "MoU/01/2019", "", HARI_SKENARIO)
    with pytest.raises(CatatanDitolak, match="sudah tercatat"):
        catat_mou(engine_kosong, WONOPRINGGO, date(2019, 8, 1), "lain", "", HARI_SKENARIO)
    with pytest.raises(CatatanDitolak, match="masa depan"):
        catat_mou(engine_kosong, WONOPRINGGO, date(2027, 1, 1), "", "", HARI_SKENARIO)
    assert riwayat_mou(engine_kosong, WONOPRINGGO)["nomor"].tolist() == ["MoU/01/2019"]
    desa = status_desa(engine_kosong, "33.26.12", HARI_SKENARIO)
    assert desa[["kode", "status"]].values.tolist() == [[WONOPRINGGO, "ditetapkan"]]
    assert pd.Timestamp(desa["tanggal_mou"].iloc[0]).date() == date(2019, 8, 1)
    # Looking back: on 1 January 2020 the village was still a candidate.
    assert status_desa(engine_kosong, "33.26.12", date(2020, 1, 1))["status"].tolist() == ["kandidat"]


@pytest.mark.parametrize("tahun", [2024, 2026])
def test_achievement_of_every_target_matches_the_independent_count(engine_demo, tahun):
    capaian = capaian_target(engine_demo, "33.26", tahun, HARI_INI_UJI)
    jumlah = baca(engine_demo, "SELECT count(*) AS n FROM target WHERE tahun = :t", t=tahun)["n"].iloc[0]
    assert len(capaian) == jumlah > 0
    naif = RingkasanNaif(engine_demo)
    hari = min(date(tahun, 12, 31), HARI_INI_UJI)
    for b in capaian[capaian["ukuran"] == "peserta_aktif"].itertuples(index=False):
        s = Saringan(b.kode_wilayah, Periode(str(tahun), date(tahun, 1, 1), hari),
                     None if b.program == "SEMUA" else b.program, None if b.segmen == "SEMUA" else b.segmen)
        assert b.realisasi == naif.angka_utama(s)["peserta_aktif"], b
    baru = capaian[capaian["ukuran"] == "pendaftaran_baru"].iloc[0]
    p = naif.p[(naif.p["segmen"] == baru.segmen) & (naif.p["tanggal_daftar"].dt.year == tahun)
               & (naif.p["tanggal_daftar"] <= pd.Timestamp(hari))]
    assert baru.realisasi == len(p)
    if tahun == HARI_INI_UJI.year:
        assert capaian["jalur"].notna().all() and set(capaian["status"]) >= {"tertinggal"}
    else:
        assert capaian["jalur"].isna().all() and set(capaian["status"]) <= {"tercapai", "tertinggal"}
    assert capaian["tingkat"].tolist()[0] == "kabupaten"


def test_targets_within_a_kecamatan_and_years(engine_demo):
    sragi = capaian_target(engine_demo, "33.26.10", 2025, HARI_INI_UJI)
    assert sragi["kode_wilayah"].str.startswith("33.26.10").all()
    assert set(sragi["tingkat"]) == {"kecamatan", "desa"}
    assert tahun_target(engine_demo)[0] == HARI_INI_UJI.year
    assert capaian_target(engine_demo, "33.26", 2030, HARI_INI_UJI).empty


def test_each_projected_targets_history_is_its_regions_active_count_at_every_month_end(engine_demo):
    """The road to target's history (data_access.proyeksi, summed from the monthly rollup in numpy)
    against the raw islands counted without the app, for every target it projects: the regency's, each
    kecamatan's and the villages' with their own segment or programme slices; 36 month ends each."""
    from data_access.proyeksi import jalan_ke_target

    naif = RingkasanNaif(engine_demo)
    dilihat = []
    for segmen, program in [(None, None), (None, "JKK"), ("PU", None)]:
        jalan = jalan_ke_target(engine_demo, "33.26", segmen, program, HARI_INI_UJI)
        for i, b in enumerate(jalan.target.itertuples(index=False)):
            riwayat = jalan.riwayat[i]
            s = Saringan(b.kode_wilayah, Periode("ytd", date(HARI_INI_UJI.year, 1, 1), HARI_INI_UJI),
                         None if b.program == "SEMUA" else b.program, None if b.segmen == "SEMUA" else b.segmen)
            assert len(riwayat) == 36 and riwayat.iloc[-1] > 0, b
            assert riwayat.tolist() == naif.aktif_akhir_bulan(s, list(riwayat.index)), b
            dilihat.append((b.tingkat, b.segmen, b.program))
    assert {t for t, _, _ in dilihat} == {"kabupaten", "kecamatan", "desa"}
    assert any(s != "SEMUA" for _, s, _ in dilihat) and any(p != "SEMUA" for _, _, p in dilihat), dilihat
