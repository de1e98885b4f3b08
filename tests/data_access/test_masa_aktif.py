"""Merged active periods on both engines: ties, gaps, re-enrolment, and upkeep on write."""

from datetime import date

import sqlalchemy as sa

from data_access import masa_aktif
from data_access.__main__ import main
from data_access.db import baca, buat_engine, siapkan_database, tulis
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


def _berhenti(engine, mulai, akhir):
    """Participants lapsed in [mulai, akhir] as the overview counts them, and as the definition reads
    directly: an island ended in the period and none of theirs is active at its end."""
    dibaca = baca(engine, f"""SELECT b.peserta_id FROM masa_aktif b WHERE b.program = 'SEMUA'
                              AND {masa_aktif.sql_berhenti('b', ':mulai', ':akhir')}""", mulai=mulai, akhir=akhir)
    langsung = baca(engine, """
        SELECT DISTINCT b.peserta_id FROM masa_aktif b WHERE b.program = 'SEMUA'
          AND b.tanggal_berakhir BETWEEN :mulai AND :akhir
          AND NOT EXISTS (SELECT 1 FROM masa_aktif m WHERE m.peserta_id = b.peserta_id AND m.program = 'SEMUA'
                          AND m.tanggal_mulai <= :akhir AND m.tanggal_berakhir > :akhir)""", mulai=mulai, akhir=akhir)
    return sorted(dibaca["peserta_id"]), sorted(langsung["peserta_id"])


def test_a_lapse_is_read_off_the_island_and_its_next_start(engine_kosong):
    """A participant who comes back before the period ends has not lapsed in it, one who comes back
    after has; two islands ending in one period are one lapse; an island ending on the period's last
    day is a lapse (active means before the end date). Kept by registrations and by a rebuild alike."""
    _wilayah(engine_kosong)

    def isi(k):
        pid = {}
        pid["kembali"] = _peserta(k, "kembali")
        _daftar(k, pid["kembali"], "JKK", date(2020, 1, 1), date(2020, 6, 1))
        _daftar(k, pid["kembali"], "JKK", date(2020, 9, 1))
        pid["dua_kali"] = _peserta(k, "dua-kali")
        _daftar(k, pid["dua_kali"], "JKK", date(2020, 1, 1), date(2020, 3, 1))
        _daftar(k, pid["dua_kali"], "JKM", date(2020, 4, 1), date(2020, 5, 1))
        pid["hari_terakhir"] = _peserta(k, "hari-terakhir")
        _daftar(k, pid["hari_terakhir"], "JKK", date(2020, 2, 1), date(2020, 7, 31))
        pid["terus"] = _peserta(k, "terus")
        _daftar(k, pid["terus"], "JKK", date(2020, 1, 1))
        masa_aktif.perbarui(k, list(pid.values()))
        return pid

    pid = tulis(engine_kosong, isi)
    berikut = baca(engine_kosong, "SELECT tanggal_mulai, mulai_berikut FROM masa_aktif WHERE peserta_id = :p "
                                  "AND program = 'SEMUA' ORDER BY tanggal_mulai", p=pid["kembali"])
    assert list(berikut.itertuples(index=False, name=None)) == [(date(2020, 1, 1), date(2020, 9, 1)),
                                                                (date(2020, 9, 1), None)]
    for _ in range(2):
        dibaca, langsung = _berhenti(engine_kosong, date(2020, 5, 1), date(2020, 7, 31))
        assert dibaca == langsung == sorted([pid["kembali"], pid["dua_kali"], pid["hari_terakhir"]])
        dibaca, langsung = _berhenti(engine_kosong, date(2020, 5, 1), date(2020, 10, 31))
        assert dibaca == langsung == sorted([pid["dua_kali"], pid["hari_terakhir"]])
        for mulai, akhir in [(date(2020, 1, 1), date(2020, 2, 29)), (date(2020, 2, 1), date(2020, 6, 30)),
                             (date(2020, 7, 31), date(2020, 8, 31)), (date(2021, 1, 1), date(2021, 12, 31))]:
            dibaca, langsung = _berhenti(engine_kosong, mulai, akhir)
            assert dibaca == langsung, (mulai, akhir)
        tulis(engine_kosong, masa_aktif.bangun_ulang)


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


def _rekap(engine, tabel="rekap_masa_aktif", kolom="bulan"):
    """A rollup with its ledger rows folded per key; keys that sum to nothing dropped."""
    return baca(engine, f"""
        SELECT program, segmen, kode_desa, {kolom}, sum(mulai) AS mulai, sum(berakhir) AS berakhir
        FROM {tabel} GROUP BY 1, 2, 3, 4 HAVING sum(mulai) <> 0 OR sum(berakhir) <> 0
        ORDER BY 1, 2, 3, 4""")


def test_the_monthly_rollup_kept_on_write_equals_a_rebuild(engine_kosong):
    """Registrations, a lapse, a re-enrolment and a correction that moves a start to another month,
    each applied as a ledger change, fold to exactly what a rebuild from the islands gives."""
    _wilayah(engine_kosong)

    def isi(k):
        ids = []
        for i in range(6):
            pid = _peserta(k, f"r{i}")
            ids.append(pid)
            _daftar(k, pid, "JKK", date(2020, 1 + i, 3), date(2021, 2, 1) if i % 2 else None, segmen="BPU")
            _daftar(k, pid, "JHT", date(2020, 1 + i, 3), date(2020, 8, 1) if i == 4 else None)
            masa_aktif.perbarui(k, [pid])
        _daftar(k, ids[1], "JKK", date(2021, 5, 1))  # re-enrols after the lapse
        masa_aktif.perbarui(k, [ids[1]])
        k.execute(sa.text("UPDATE kepesertaan SET tanggal_mulai = DATE '2019-12-20' WHERE peserta_id = :p"),
                  {"p": ids[2]})
        masa_aktif.perbarui(k, [ids[2], ids[3]])  # one changed, one untouched: its change sums to zero
        return ids

    ids = tulis(engine_kosong, isi)
    dirawat = _rekap(engine_kosong)
    bit_dirawat = baca(engine_kosong, "SELECT id, program_dimiliki FROM peserta ORDER BY id")
    assert set(bit_dirawat["program_dimiliki"]) == {masa_aktif.BIT_PROGRAM["JKK"] | masa_aktif.BIT_PROGRAM["JHT"]}
    tahunan_dirawat = _rekap(engine_kosong, "rekap_masa_aktif_tahunan", "tahun")
    assert len(baca(engine_kosong, "SELECT * FROM rekap_masa_aktif")) > len(dirawat)  # ledger rows, not updates
    tulis(engine_kosong, masa_aktif.bangun_ulang)
    dibangun = _rekap(engine_kosong)
    assert len(dibangun) == len(baca(engine_kosong, "SELECT * FROM rekap_masa_aktif"))  # one row per key
    assert dirawat.reset_index(drop=True).equals(dibangun.reset_index(drop=True))
    tahunan = _rekap(engine_kosong, "rekap_masa_aktif_tahunan", "tahun")
    assert tahunan_dirawat.reset_index(drop=True).equals(tahunan.reset_index(drop=True))
    assert set(tahunan["tahun"]) == {date(2019, 1, 1), date(2020, 1, 1), date(2021, 1, 1)}
    assert bit_dirawat.equals(baca(engine_kosong, "SELECT id, program_dimiliki FROM peserta ORDER BY id"))
    assert len(ids) == len(bit_dirawat)
    mulai_2019 = dibangun[(dibangun["bulan"] == date(2019, 12, 1)) & (dibangun["program"] == "SEMUA")]
    assert mulai_2019["mulai"].sum() == 1  # the corrected start moved month


def test_the_nightly_command_folds_the_ledgers_and_changes_no_count(url_kosong, capsys):
    engine = buat_engine(url_kosong)
    siapkan_database(engine)
    _wilayah(engine)

    def isi(k):
        for i in range(4):  # four registrations, each appending its own ledger rows
            pid = _peserta(k, f"c{i}")
            _daftar(k, pid, "JKK", date(2024, 3, 1 + i))
            _daftar(k, pid, "JKM", date(2024, 3, 1 + i))
            masa_aktif.perbarui(k, [pid])

    tulis(engine, isi)
    sebelum = {t: _rekap(engine, t, kolom) for t, (kolom, _) in masa_aktif.REKAP.items()}
    baris = len(baca(engine, "SELECT * FROM rekap_masa_aktif"))
    engine.dispose()
    assert main(["rekap", "--database", url_kosong]) == 0
    assert f"rekap_masa_aktif {baris} -> 3 baris" in capsys.readouterr().out  # JKK, JKM, SEMUA in March 2024
    engine = buat_engine(url_kosong)
    for t, (kolom, _) in masa_aktif.REKAP.items():
        assert _rekap(engine, t, kolom).equals(sebelum[t])
    engine.dispose()
