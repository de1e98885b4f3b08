"""Merged active periods on both engines: ties, gaps, re-enrolment, and upkeep on write."""

from datetime import date

import sqlalchemy as sa

from data_access import masa_aktif
from data_access.db import baca, tulis
from tests.data_access.test_db import _peserta, _wilayah

TERBUKA = date(9999, 12, 31)


def _daftar(k, pid, program, mulai, berakhir=None, segmen="BPU"):
    k.execute(sa.text("""
        INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, tanggal_berakhir)
        VALUES (:pid, :segmen, '33.26.10.2001', :program, :mulai, :berakhir)"""),
        {"pid": pid, "segmen": segmen, "program": program, "mulai": mulai, "berakhir": berakhir})


def _pulau(engine, pid, program="SEMUA"):
    df = baca(engine, """SELECT tanggal_mulai, tanggal_berakhir FROM masa_aktif
                         WHERE peserta_id = :pid AND program = :program ORDER BY tanggal_mulai""",
              pid=pid, program=program)
    return [(a, None if b == TERBUKA else b) for a, b in df.itertuples(index=False)]


def test_tied_programmes_make_one_island_and_a_lapse_makes_a_gap(engine_kosong):
    _wilayah(engine_kosong)

    def isi(k):
        pid = _peserta(k, "pulau-1")
        for program in ("JKK", "JKM", "JHT"):  # same dates: must not split
            _daftar(k, pid, program, date(2020, 1, 1), date(2020, 6, 1))
        _daftar(k, pid, "JKK", date(2020, 6, 1), date(2020, 9, 1))  # continues the same day
        _daftar(k, pid, "JKK", date(2021, 3, 1))  # re-enrols after a gap
        _daftar(k, pid, "JKM", date(2021, 3, 1))
        masa_aktif.perbarui(k, [pid])
        return pid

    pid = tulis(engine_kosong, isi)
    assert _pulau(engine_kosong, pid) == [(date(2020, 1, 1), date(2020, 9, 1)), (date(2021, 3, 1), None)]
    assert _pulau(engine_kosong, pid, "JHT") == [(date(2020, 1, 1), date(2020, 6, 1))]
    aktif_di_celah = baca(engine_kosong, """
        SELECT count(*) AS n FROM masa_aktif WHERE program = 'SEMUA' AND tanggal_mulai <= DATE '2020-12-01'
          AND tanggal_berakhir > DATE '2020-12-01'""")["n"].iloc[0]
    assert aktif_di_celah == 0


def test_rebuild_matches_per_participant_upkeep(engine_kosong):
    _wilayah(engine_kosong)

    def isi(k):
        for i in range(5):
            pid = _peserta(k, f"p{i}")
            _daftar(k, pid, "JKK", date(2020, 1, 1 + i), date(2021, 1, 1) if i % 2 else None)
            _daftar(k, pid, "JKM", date(2020, 1, 1 + i), date(2021, 1, 1) if i % 2 else None)
            masa_aktif.perbarui(k, [pid])

    tulis(engine_kosong, isi)
    sebelum = baca(engine_kosong, "SELECT * FROM masa_aktif ORDER BY peserta_id, program, tanggal_mulai")
    assert tulis(engine_kosong, masa_aktif.bangun_ulang) == 15
    sesudah = baca(engine_kosong, "SELECT * FROM masa_aktif ORDER BY peserta_id, program, tanggal_mulai")
    assert sebelum.reset_index(drop=True).equals(sesudah.reset_index(drop=True))
