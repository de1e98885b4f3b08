"""Demo data: deterministic, calibrated on the domain brief, never mixed with real data."""

from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa

from data_access.db import baca, tulis
from data_access.demo import (
    DESA_KEDUNGJARAN,
    DESA_KETANONAGENG,
    DESA_WONOPRINGGO,
    DemoDitolak,
    buat_data_demo,
    desa_untuk_demo,
    isi_demo,
    sumber_data,
)
from data_access.batas import sinkronkan_wilayah
from domain.program import boleh_ikut
from tests.conftest import HARI_INI_UJI


@pytest.fixture(scope="module")
def data(batas):
    return buat_data_demo(desa_untuk_demo(batas), HARI_INI_UJI)


def test_the_same_seed_gives_the_same_rows(batas, data):
    lagi = buat_data_demo(desa_untuk_demo(batas), HARI_INI_UJI)
    pd.testing.assert_frame_equal(data.peserta, lagi.peserta)
    pd.testing.assert_frame_equal(data.kepesertaan, lagi.kepesertaan)
    pd.testing.assert_frame_equal(data.kegiatan, lagi.kegiatan)


def test_every_village_has_denominators_for_every_year(data):
    assert data.penyebut.groupby("tahun")["kode_desa"].nunique().eq(285).all()
    assert sorted(data.penyebut["tahun"].unique()) == list(range(2019, HARI_INI_UJI.year + 1))  # to the current year
    populasi_2020 = data.penyebut[data.penyebut["tahun"] == 2020]["penduduk"].sum()
    assert populasi_2020 == pytest.approx(968_821, rel=0.02)  # 2020 census
    tahun_ini = data.penyebut[data.penyebut["tahun"] == 2025]
    assert (tahun_ini["pekerja_informal"] / tahun_ini["penduduk_bekerja"]).mean() == pytest.approx(0.604, abs=0.01)


def test_real_events_and_statuses_are_kept_as_reported(data):
    ev = data.kegiatan.set_index("nama")
    festival = ev.loc["Festival Nasi Goreng Wonopringgo 2019"]
    assert (festival["kode_desa"], festival["tanggal_mulai"], festival["jumlah_hadir"]) == \
        (DESA_WONOPRINGGO, date(2019, 8, 20), 5_000)
    peluncuran = ev.loc["Peluncuran Desa Sadar 2019, Pendopo Kabupaten Kajen"]
    assert peluncuran["tanggal_mulai"] == date(2019, 9, 3)
    awal = data.status[data.status["tanggal"] == date(2019, 9, 3)].set_index("kode_desa")["status"].to_dict()
    assert awal == {DESA_WONOPRINGGO: "dicanangkan", DESA_KETANONAGENG: "kandidat", DESA_KEDUNGJARAN: "kandidat"}


def test_scale_and_programme_rules(data):
    assert 30_000 <= len(data.peserta) <= 100_000  # tens of thousands, like the real branch
    assert data.peserta["tanggal_daftar"].max() <= pd.Timestamp(HARI_INI_UJI)
    pasangan = data.kepesertaan[["segmen", "program"]].drop_duplicates()
    assert all(boleh_ikut(s, p) for s, p in pasangan.itertuples(index=False))
    bpu = data.peserta[data.peserta["segmen"] == "BPU"]["nomor"]
    jht = data.kepesertaan[(data.kepesertaan["program"] == "JHT") & data.kepesertaan["nomor"].isin(bpu)]
    assert len(jht) / len(bpu) == pytest.approx(0.40, abs=0.03)  # about 40% of BPU take JHT
    jkk_bpu = data.kepesertaan[(data.kepesertaan["program"] == "JKK") & (data.kepesertaan["segmen"] == "BPU")]
    assert set(jkk_bpu["iuran_bulanan"]) <= {10_000, 15_000, 20_000}
    berakhir = data.kepesertaan["tanggal_berakhir"].dropna()
    assert (berakhir <= pd.Timestamp(HARI_INI_UJI)).all()


def test_demo_is_written_once_and_labelled(engine_demo):
    assert sumber_data(engine_demo) == "demo"
    assert set(baca(engine_demo, "SELECT DISTINCT sumber FROM peserta")["sumber"]) == {"demo"}


def test_demo_never_enters_a_database_with_real_data(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    tulis(engine_kosong, lambda k: k.execute(sa.text("""
        INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, sumber_dana, kanal, tanggal_daftar, sumber)
        VALUES ('nyata-1', 'BPU', '33.26.10.2001', 'mandiri', 'acara', DATE '2025-01-02', 'impor')""")))
    with pytest.raises(DemoDitolak, match="data nyata"):
        isi_demo(engine_kosong, batas, HARI_INI_UJI)
    assert baca(engine_kosong, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 1


def test_demo_occupations_and_payers_are_the_ones_the_form_offers():
    from data_access.demo import DANA_BPU, PEKERJAAN_BPU
    from domain.program import PEKERJAAN_BPU_UMUM, SUMBER_DANA_BPU

    assert list(PEKERJAAN_BPU) == list(PEKERJAAN_BPU_UMUM)
    assert set(DANA_BPU) <= set(SUMBER_DANA_BPU)
