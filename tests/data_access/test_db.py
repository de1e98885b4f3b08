"""The schema on both engines: migrations, rules enforced by the database, concurrent writers."""

import threading

import pytest
import sqlalchemy as sa

from data_access.masa_aktif import BIT_PROGRAM
from data_access.impor import pelanggaran_integritas
from data_access.db import FOLDER_MIGRASI, REVISI_TERBARU, baca, buat_engine, muat_massal, siapkan_database, tulis, versi_skema
from domain.program import Program, Segmen, boleh_ikut

import pandas as pd


def _wilayah(engine):
    rows = [("33.26", "Kabupaten Uji", "kabupaten", None, None),
            ("33.26.10", "Sragi", "kecamatan", "33.26", None),
            ("33.26.10.2001", "Ketanonageng", "desa", "33.26.10", "desa")]
    tulis(engine, lambda k: k.execute(sa.text(
        "INSERT INTO wilayah (kode, nama, tingkat, kode_induk, jenis) VALUES (:a, :b, :c, :d, :e)"),
        [dict(zip("abcde", r, strict=True)) for r in rows]))


def _peserta(k, kunci: str, segmen: str = "BPU") -> int:
    return k.execute(sa.text("""
        INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, sumber_dana, kanal, tanggal_daftar, sumber)
        VALUES (:kunci, :segmen, '33.26.10.2001', 'mandiri', 'acara', DATE '2025-01-02', 'uji') RETURNING id"""),
        {"kunci": kunci, "segmen": segmen}).scalar_one()


def _kepesertaan(k, peserta_id: int, segmen: str, program: str, kode_desa: str = "33.26.10.2001") -> None:
    k.execute(sa.text("""
        INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, iuran_bulanan)
        VALUES (:pid, :segmen, :desa, :program, DATE '2025-01-02', 10000)"""),
        {"pid": peserta_id, "segmen": segmen, "desa": kode_desa, "program": program})


def test_an_old_database_is_upgraded_without_losing_rows(url_kosong):
    engine = buat_engine(url_kosong)
    siapkan_database(engine, "0001")
    _wilayah(engine)

    def isi(k):
        pid = _peserta(k, "lama-1")
        # One event recorded twice (two imports at once, before 0007), its participant on the second
        # (set before the enrolments: the old DuckDB keys refuse it after).
        kegiatan = [k.execute(sa.text("""
            INSERT INTO kegiatan (nama, jenis, kode_desa, tanggal_mulai, tanggal_selesai, sumber)
            VALUES ('Festival', 'festival', '33.26.10.2001', DATE '2025-01-02', DATE '2025-01-02', 'impor')
            RETURNING id""")).scalar_one() for _ in range(2)]
        k.execute(sa.text("UPDATE peserta SET kegiatan_id = :g WHERE id = :p"), {"g": kegiatan[1], "p": pid})
        _kepesertaan(k, pid, "BPU", "JKK")
        _kepesertaan(k, pid, "BPU", "JKM")

    tulis(engine, isi)
    siapkan_database(engine)
    assert versi_skema(engine) == "0011"
    assert baca(engine, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 2
    pulau = baca(engine, "SELECT program FROM masa_aktif ORDER BY program")["program"].tolist()
    assert pulau == ["JKK", "JKM", "SEMUA"]  # backfilled from the rows already there
    rekap = baca(engine, "SELECT program, bulan, mulai, berakhir FROM rekap_masa_aktif ORDER BY program")
    assert rekap["program"].tolist() == ["JKK", "JKM", "SEMUA"]  # the rollup too, from those islands
    assert rekap["mulai"].tolist() == [1, 1, 1] and rekap["berakhir"].tolist() == [0, 0, 0]
    tahunan = baca(engine, "SELECT program, tahun, mulai FROM rekap_masa_aktif_tahunan ORDER BY program")
    assert tahunan["program"].tolist() == ["JKK", "JKM", "SEMUA"] and tahunan["mulai"].tolist() == [1, 1, 1]
    bit = baca(engine, "SELECT program_dimiliki FROM peserta")["program_dimiliki"].tolist()
    assert bit == [BIT_PROGRAM["JKK"] | BIT_PROGRAM["JKM"]]  # and the programmes held, as bits
    # The event recorded twice is one, and the participant follows the one kept.
    kegiatan = baca(engine, "SELECT id FROM kegiatan")["id"].tolist()
    assert len(kegiatan) == 1 and baca(engine, "SELECT kegiatan_id FROM peserta")["kegiatan_id"].tolist() == kegiatan
    with pytest.raises(sa.exc.IntegrityError):
        tulis(engine, lambda k: k.execute(sa.text("""
            INSERT INTO kegiatan (nama, jenis, kode_desa, tanggal_mulai, tanggal_selesai, sumber)
            VALUES ('Festival', 'festival', '33.26.10.2001', DATE '2025-01-02', DATE '2025-01-02', 'impor')""")))
    engine.dispose()


def test_migration_creates_the_schema_and_rerunning_keeps_rows(url_kosong):
    engine = buat_engine(url_kosong)
    siapkan_database(engine)
    assert versi_skema(engine) == "0011"
    _wilayah(engine)
    assert set(baca(engine, "SELECT kode FROM program")["kode"]) == {p.value for p in Program}
    engine.dispose()
    engine = buat_engine(url_kosong)  # a restart of the app
    siapkan_database(engine)
    assert baca(engine, "SELECT count(*) AS n FROM wilayah")["n"].iloc[0] == 3
    engine.dispose()


def test_the_newest_revision_named_in_code_is_alembics_head():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(FOLDER_MIGRASI)).get_current_head() == REVISI_TERBARU


def test_a_database_already_at_the_newest_revision_opens_without_alembic(url_kosong, monkeypatch):
    from alembic import command

    engine = buat_engine(url_kosong)
    siapkan_database(engine)

    def tidak_boleh(*_a, **_k):
        raise AssertionError("Alembic dijalankan untuk database yang sudah terbaru")

    monkeypatch.setattr(command, "upgrade", tidak_boleh)
    siapkan_database(engine)
    with pytest.raises(AssertionError):  # the guard is live: any other revision goes through Alembic
        siapkan_database(engine, "0010")
    engine.dispose()


@pytest.mark.parametrize("segmen", [s.value for s in Segmen])
def test_the_database_refuses_exactly_what_the_domain_refuses(engine_kosong, segmen):
    _wilayah(engine_kosong)
    pid = tulis(engine_kosong, lambda k: _peserta(k, f"k-{segmen}", segmen))
    for program in Program:
        if boleh_ikut(segmen, program):
            tulis(engine_kosong, lambda k, p=program.value: _kepesertaan(k, pid, segmen, p))
        else:
            with pytest.raises(sa.exc.IntegrityError):
                tulis(engine_kosong, lambda k, p=program.value: _kepesertaan(k, pid, segmen, p))
    tersimpan = set(baca(engine_kosong, "SELECT program FROM kepesertaan")["program"])
    assert tersimpan == {p.value for p in Program if boleh_ikut(segmen, p)}


def test_an_enrolment_cannot_claim_another_segment_than_its_participant(engine_kosong):
    _wilayah(engine_kosong)
    pid = tulis(engine_kosong, lambda k: _peserta(k, "bpu-1", "BPU"))
    if engine_kosong.dialect.name == "postgresql":
        with pytest.raises(sa.exc.IntegrityError):  # would smuggle a BPU participant into JP
            tulis(engine_kosong, lambda k: _kepesertaan(k, pid, "PU", "JP"))
        return
    # DuckDB keeps no key on rows that are updated (migration 0007): the write paths keep it, and
    # the integrity check the import tests run sees a row that breaks it.
    tulis(engine_kosong, lambda k: _kepesertaan(k, pid, "PU", "JP"))
    assert pelanggaran_integritas(engine_kosong) == {"kepesertaan tanpa peserta yang sama": 1}


def test_a_failed_write_leaves_nothing_behind(engine_kosong):
    _wilayah(engine_kosong)

    def setengah(k):
        pid = _peserta(k, "setengah", "BPU")
        _kepesertaan(k, pid, "BPU", "JKK")
        _kepesertaan(k, pid, "BPU", "JP")  # refused: the whole transaction goes

    with pytest.raises(sa.exc.IntegrityError):
        tulis(engine_kosong, setengah)
    assert baca(engine_kosong, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 0
    assert baca(engine_kosong, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 0


def test_ten_sessions_writing_at_once_lose_nothing(engine_kosong):
    _wilayah(engine_kosong)
    gagal = []

    def staf(nomor: int) -> None:
        try:
            for i in range(20):
                def daftar(k, kunci=f"staf{nomor}-{i}"):
                    pid = _peserta(k, kunci)
                    _kepesertaan(k, pid, "BPU", "JKK")
                    _kepesertaan(k, pid, "BPU", "JKM")
                tulis(engine_kosong, daftar)
        except Exception as e:  # noqa: BLE001 - reported below with the thread's number
            gagal.append((nomor, e))

    utas = [threading.Thread(target=staf, args=(n,)) for n in range(10)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert gagal == []
    assert baca(engine_kosong, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 200
    assert baca(engine_kosong, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 400


def test_bulk_load_writes_dates_and_missing_values_on_both_engines(engine_kosong):
    _wilayah(engine_kosong)
    data = pd.DataFrame({
        "kode_desa": ["33.26.10.2001"], "tahun": [2025], "penduduk": [4000], "penduduk_bekerja": [2140],
        "pekerja_informal": [pd.NA], "perangkat_desa": [12], "sumber": ["uji"]})
    data["pekerja_informal"] = data["pekerja_informal"].astype("Int64")
    tulis(engine_kosong, lambda k: muat_massal(k, "penyebut", data))
    hasil = baca(engine_kosong, "SELECT * FROM penyebut")
    assert hasil["penduduk"].iloc[0] == 4000 and pd.isna(hasil["pekerja_informal"].iloc[0])
    with pytest.raises(ValueError, match="tidak sah"):
        tulis(engine_kosong, lambda k: muat_massal(k, "penyebut; DROP TABLE wilayah", data))


def test_all_statements_bind_their_values(engine_kosong):
    _wilayah(engine_kosong)
    jahat = "x' OR '1'='1"
    assert baca(engine_kosong, "SELECT count(*) AS n FROM wilayah WHERE kode = :kode", kode=jahat)["n"].iloc[0] == 0


def test_a_duckdb_file_held_by_another_process_says_so_without_its_path(tmp_path):
    import subprocess
    import sys

    from data_access.db import DatabaseTidakSiap

    berkas = tmp_path / "dipakai.duckdb"
    penahan = subprocess.Popen([sys.executable, "-c", (
        "import duckdb, sys; k = duckdb.connect(sys.argv[1]); print('siap', flush=True); sys.stdin.read()"),
        str(berkas)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert penahan.stdout.readline().strip() == "siap"  # the other process holds the lock now
        engine = buat_engine(f"duckdb:///{berkas}")
        with pytest.raises(DatabaseTidakSiap) as e:
            siapkan_database(engine)
        engine.dispose()
    finally:
        penahan.stdin.close()
        penahan.wait(timeout=30)
    for bahasa in ("id", "en"):
        pesan = e.value.dalam(bahasa)
        assert "dipakai program lain" in pesan or "in use by another program" in pesan
        for bocor in (str(tmp_path), "dipakai.duckdb", str(penahan.pid), "PID", "IO Error", "Conflicting lock"):
            assert bocor not in pesan, (bocor, pesan)
    assert str(berkas) in e.value.rincian  # the details stay for the log and the command line


def test_a_read_gives_the_same_frame_on_both_engines(engine_kosong):
    """baca reads DuckDB's rows as Arrow columns and PostgreSQL's as tuples: whole-number sums,
    small integers, dates, text, decimals, partly and wholly missing values and an empty result
    come back alike, as the tuples give them."""
    sql = """
        SELECT k, CAST(sum(n) AS BIGINT) AS jumlah_bigint, sum(n) AS jumlah, CAST(min(n) AS INTEGER) AS kecil,
               min(d) AS tanggal, max(t) AS teks, CAST(max(n) AS NUMERIC(10, 2)) AS desimal,
               max(CASE WHEN k = 'a' THEN n END) AS sebagian, CAST(NULL AS INTEGER) AS kosong, avg(n) AS rata,
               bool_or(n > 1) AS benar
        FROM (VALUES ('a', 1, DATE '2024-01-02', 'x'), ('a', 2, DATE '2024-03-04', 'y'),
                     ('b', 3, DATE '2023-05-06', 'z')) AS v(k, n, d, t)
        WHERE k <> :bukan GROUP BY k ORDER BY k"""
    hasil = baca(engine_kosong, sql, bukan="-")
    with engine_kosong.connect() as koneksi:
        r = koneksi.execute(sa.text(sql), {"bukan": "-"})
        tupel = pd.DataFrame([tuple(b) for b in r.fetchall()], columns=list(r.keys()))
    pd.testing.assert_frame_equal(hasil, tupel)
    assert [type(v).__name__ for v in hasil.iloc[0][["jumlah", "tanggal", "desimal"]]] == ["int64", "date", "Decimal"]
    assert hasil["kosong"].tolist() == [None, None] and hasil["sebagian"].isna().tolist() == [False, True]
    kosong = baca(engine_kosong, sql.replace("<> :bukan", "= :bukan"), bukan="-")
    assert kosong.empty and list(kosong.columns) == list(hasil.columns)
