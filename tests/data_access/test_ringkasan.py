"""The overview's SQL, on DuckDB and PostgreSQL, against the naive pandas oracle on the same data."""

from datetime import date, timedelta

import pandas as pd
import pytest

from data_access import ringkasan
from data_access.db import baca
from domain.periode import Periode, periode_dari_kunci
from domain.saringan import Saringan
from tests.conftest import HARI_INI_UJI

SARINGAN = [
    ("33.26", "2025", None, None),
    ("33.26", "ytd", None, None),
    ("33.26", "2024-K2", "JHT", None),
    ("33.26.10", "2025-K3", None, "BPU"),
    ("33.26.12", "12b", "JKK", "BPU"),
    ("33.26.12.2008", "2019", None, None),
    ("33.26", "2022", "JKP", "PU"),
]


@pytest.fixture
def naif(naif_demo):
    return naif_demo


def _s(kode, periode, program, segmen):
    return Saringan(kode, periode_dari_kunci(periode, HARI_INI_UJI), program, segmen)


@pytest.mark.parametrize("argumen", SARINGAN, ids=lambda a: "-".join(str(x) for x in a))
def test_kpi_tiles_match_the_pandas_oracle(engine_demo, naif, argumen):
    s = _s(*argumen)
    sql = ringkasan.ringkasan_halaman(engine_demo, s).angka
    assert vars(sql) == naif.angka_utama(s)
    assert sql.peserta_aktif > 0


@pytest.mark.parametrize("argumen", SARINGAN[:4], ids=lambda a: "-".join(str(x) for x in a))
def test_breakdowns_match_the_pandas_oracle(engine_demo, naif, argumen):
    s = _s(*argumen)
    h = ringkasan.ringkasan_halaman(engine_demo, s)
    assert dict(h.per_program.itertuples(index=False)) == naif.per_program(s)
    assert dict(h.per_segmen.itertuples(index=False)) == naif.per_segmen(s)
    assert h.tren["peserta_aktif"].tolist()[:-1] == naif.aktif_akhir_bulan(s, list(h.tren["bulan"]))[:-1]
    cakupan = h.cakupan_desa.set_index("kode")
    oracle = naif.cakupan_desa(s).set_index("kode")
    assert cakupan["bpu_aktif"].sort_index().tolist() == oracle["bpu_aktif"].sort_index().tolist()
    pd.testing.assert_series_equal(cakupan["cakupan_persen"].astype(float).sort_index(),
                                   oracle["cakupan_persen"].astype(float).sort_index(), check_names=False)


def test_trend_ends_with_the_active_count_of_the_tile(engine_demo):
    h = ringkasan.ringkasan_halaman(engine_demo, _s("33.26", "2025", None, None))
    assert len(h.tren) == 12
    assert h.tren["peserta_aktif"].iloc[-1] == h.angka.peserta_aktif
    assert h.tren["target_aktif"].notna().all()
    assert h.tren["pendaftaran_baru"].sum() == h.angka.pendaftaran_baru


def test_a_quarter_still_shows_a_year_of_trend(engine_demo):
    tren = ringkasan.tren_bulanan(engine_demo, _s("33.26", "2025-K3", None, None))
    assert tren["bulan"].iloc[0] == pd.Timestamp("2024-10-01") and tren["bulan"].iloc[-1] == pd.Timestamp("2025-09-01")


def test_kecamatan_counts_add_up_to_the_regency(engine_demo, batas):
    s = _s("33.26", "2025", None, None)
    total = ringkasan.ringkasan_halaman(engine_demo, s).angka
    per_kec = [ringkasan.ringkasan_halaman(engine_demo, _s(k, "2025", None, None)).angka for k in batas.kecamatan["kode"]]
    assert sum(a.peserta_aktif for a in per_kec) == total.peserta_aktif
    assert sum(a.pendaftaran_baru for a in per_kec) == total.pendaftaran_baru
    assert sum(a.pekerja_informal for a in per_kec) == total.pekerja_informal


def test_a_slice_without_target_or_participants_reports_none_not_zero(engine_demo):
    s = _s("33.26.04", "2019-K1", "JKP", "BPU")  # BPU cannot hold JKP: nothing to count
    a = ringkasan.ringkasan_halaman(engine_demo, s).angka
    assert a.peserta_aktif == 0 and a.target_aktif is None and a.capaian_target is None


def test_villages_are_ranked_by_coverage(engine_demo):
    cakupan = ringkasan.ringkasan_halaman(engine_demo, _s("33.26", "2025", None, None)).cakupan_desa
    assert len(cakupan) == 285
    nilai = cakupan["cakupan_persen"].dropna().tolist()
    assert nilai == sorted(nilai, reverse=True) and len(nilai) == 285


@pytest.mark.parametrize("mulai,selesai", [
    (date(2024, 3, 17), date(2025, 8, 9)),  # both ends inside a month: rollup plus days from the islands
    (date(2023, 1, 1), date(2023, 12, 31)),  # whole months only
    (date(2026, 2, 1), date(2026, 2, 28)),  # ends on the last day of a short month
    (date(2019, 9, 3), date(2019, 9, 3)),  # one day, the campaign's launch
])
def test_active_counts_from_the_rollup_equal_a_count_of_the_islands(engine_demo, mulai, selesai):
    s = Saringan("33.26.10", Periode("khusus", mulai, selesai))
    hasil = ringkasan.hitungan_aktif(engine_demo, s).groupby(["program", "segmen"])[["aktif_akhir", "aktif_awal"]].sum()
    langsung = baca(engine_demo, """
        SELECT program, segmen,
               count(*) FILTER (WHERE tanggal_mulai <= :akhir AND tanggal_berakhir > :akhir) AS aktif_akhir,
               count(*) FILTER (WHERE tanggal_mulai <= :awal AND tanggal_berakhir > :awal) AS aktif_awal
        FROM masa_aktif WHERE kode_desa LIKE '33.26.10%' GROUP BY 1, 2""",
        akhir=selesai, awal=mulai - timedelta(days=1)).set_index(["program", "segmen"])
    assert langsung["aktif_akhir"].sum() > 0  # every case, the launch day included, counts someone
    gabung = langsung.join(hasil.add_suffix("_rekap"), how="outer").fillna(0)
    assert (gabung["aktif_akhir"] == gabung["aktif_akhir_rekap"]).all(), gabung
    assert (gabung["aktif_awal"] == gabung["aktif_awal_rekap"]).all(), gabung
