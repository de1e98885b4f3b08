"""The one door to the database: engines, migrations, reads, writes and bulk loads.

Every statement goes through here with bound parameters. DuckDB (embedded default) and PostgreSQL
(server option) run the same SQL; where they differ, the difference lives in this file.
"""

from __future__ import annotations

import logging
import re
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pandas as pd
import pyarrow as pa
import sqlalchemy as sa
from sqlalchemy.pool import QueuePool

log = logging.getLogger(__name__)
T = TypeVar("T")

FOLDER_MIGRASI = Path(__file__).resolve().parent / "migrations"
# The newest migration in FOLDER_MIGRASI (a test holds the two together). A database already there
# opens without Alembic, which takes a tenth of a second to import and another to check the chain:
# on every start, on the path to the first page.
REVISI_TERBARU = "0011"
# A dashboard query that runs longer than this is a bug or an abuse; PostgreSQL cancels it.
BATAS_WAKTU_QUERY_MS = 30_000
# DuckDB resolves concurrent writes to the same rows optimistically: the loser gets a conflict and
# must try again. A few quick retries make ten staff saving at once lose nothing.
PERCOBAAN_TULIS = 8
_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


class DatabaseTidakSiap(RuntimeError):
    """The database cannot be opened or upgraded. str() and `en` say what to do, for anyone who
    sees the page (no path, URL, process id or library text); `rincian` has the details, for the
    server log and the command line."""

    def __init__(self, pesan: str, en: str, rincian: str) -> None:
        super().__init__(pesan)
        self.en = en
        self.rincian = rincian

    def dalam(self, bahasa: str) -> str:
        return self.en if bahasa == "en" else str(self)


def buat_engine(url: str) -> sa.Engine:
    """An engine for a DuckDB file or a PostgreSQL URL, with the pool each needs.

    DuckDB: every pooled connection opens the same file, and DuckDB shares one database instance
    per file inside a process, so each call gets its own cursor on one shared database.
    """
    if url.startswith("duckdb"):
        lokasi = url.split("///", 1)[-1]
        if lokasi and lokasi != ":memory:":
            Path(lokasi).parent.mkdir(parents=True, exist_ok=True)
        return sa.create_engine(url, poolclass=QueuePool, pool_size=8, max_overflow=8)
    return sa.create_engine(
        url,
        pool_pre_ping=True,
        pool_size=5,
        connect_args={"options": f"-c statement_timeout={BATAS_WAKTU_QUERY_MS}"},
    )


def siapkan_database(engine: sa.Engine, revisi: str = "head") -> None:
    """Create or upgrade the schema to the newest migration (or `revisi`); rows already there are kept."""
    try:
        if revisi == "head" and versi_skema(engine) == REVISI_TERBARU:
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(FOLDER_MIGRASI))
        with engine.begin() as koneksi:
            cfg.attributes["connection"] = koneksi
            command.upgrade(cfg, revisi)
    except sa.exc.DBAPIError as e:
        rincian = f"{engine.url.render_as_string(hide_password=True)}: {e.orig}"
        log.error("database tidak dapat dibuka: %s", rincian)
        if engine.dialect.name == "duckdb" and "lock" in str(e.orig).lower():
            raise DatabaseTidakSiap(
                "Berkas database sedang dipakai program lain (aplikasi kedua atau perintah impor). Tutup program "
                "itu lalu coba lagi.",
                "The database file is in use by another program (a second copy of the app or an import command). "
                "Close it, then try again.", rincian) from e
        raise DatabaseTidakSiap(
            "Database tidak dapat dibuka. Admin: periksa DATABASE_URL dan apakah server database berjalan; "
            "rinciannya ada di log server.",
            "The database cannot be opened. Admin: check DATABASE_URL and that the database server is running; "
            "the details are in the server log.", rincian) from e


def versi_skema(engine: sa.Engine) -> str | None:
    with engine.connect() as koneksi:
        try:
            return koneksi.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        except sa.exc.DatabaseError:
            return None


def baca(engine: sa.Engine, sql: str | sa.Executable, **parameter) -> pd.DataFrame:
    """Run a read query with bound parameters and return a DataFrame."""
    perintah = sa.text(sql) if isinstance(sql, str) else sql
    with engine.connect() as koneksi:
        hasil = koneksi.execute(perintah, parameter)
        if engine.dialect.name == "duckdb" and hasil.returns_rows:
            # DuckDB hands its result over as Arrow columns: at 10M enrolments a public pattern's
            # rows cost 300 ms more as Python tuples than the queries' own time.
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", "Arrow output on a DB-API result")
                tabel = hasil.cursor.to_arrow_table()
            if tabel.num_rows:
                return _dari_arrow(tabel)
            return pd.DataFrame(columns=tabel.column_names)
        # Plain tuples: handed Row objects, pandas probes each one for attributes it lacks, which
        # cost ten seconds on a 600,000-row table.
        return pd.DataFrame([tuple(r) for r in hasil.fetchall()], columns=list(hasil.keys()))


def _dari_arrow(tabel: pa.Table) -> pd.DataFrame:
    """The frame PostgreSQL's tuples give for the same rows, so callers see one shape on both
    engines: integers (and DuckDB's whole-number sums, HUGEINT) as int64, or float64 with NaN where
    some are NULL; dates as datetime.date; a column of NULLs only as None."""
    kolom = []
    for isi in tabel.columns:
        jenis = isi.type
        if isi.null_count == len(isi):
            kolom.append(pd.Series([None] * len(isi), dtype=object))
            continue
        if (pa.types.is_integer(jenis) and jenis != pa.int64()) or (pa.types.is_decimal(jenis) and jenis.scale == 0):
            try:
                isi = isi.cast(pa.int64())
            except pa.ArrowInvalid:  # beyond int64: Python ints, as the tuples held them
                kolom.append(pd.Series(isi.to_pylist(), dtype=object))
                continue
        kolom.append(isi.to_pandas())
    hasil = pd.concat(kolom, axis=1, ignore_index=True)
    hasil.columns = tabel.column_names  # as the query named them, repeats included
    return hasil


def _konflik_duckdb(e: Exception) -> bool:
    teks = str(getattr(e, "orig", e))
    return "Conflict" in teks or "TransactionContext Error" in teks


def tulis(engine: sa.Engine, aksi: Callable[[sa.Connection], T]) -> T:
    """Run `aksi` in one transaction: all of it is written or none of it.

    DuckDB write conflicts are retried with a short backoff; any other error rolls back and rises.
    """
    for percobaan in range(PERCOBAAN_TULIS):
        try:
            with engine.begin() as koneksi:
                return aksi(koneksi)
        except sa.exc.DBAPIError as e:
            if engine.dialect.name != "duckdb" or not _konflik_duckdb(e) or percobaan == PERCOBAAN_TULIS - 1:
                raise
            time.sleep(0.005 * 2**percobaan)
    raise AssertionError("tidak tercapai")


def tanpa_batas_waktu(koneksi: sa.Connection) -> None:
    """Lift the query time limit for the rest of this transaction: bulk loads (the demo at 10M
    enrolments takes minutes on PostgreSQL) are not dashboard queries. DuckDB has no such limit."""
    if koneksi.dialect.name == "postgresql":
        koneksi.execute(sa.text("SET LOCAL statement_timeout = 0"))
        # Rebuilding the active periods sorts every enrolment and payment by participant: in the
        # default 4 MB each sort spills to disk and the rebuild takes twice as long.
        koneksi.execute(sa.text("SET LOCAL work_mem = '256MB'"))


def muat_massal(koneksi: sa.Connection, tabel: str, data: pd.DataFrame) -> int:
    """Append a DataFrame to a table inside the caller's transaction; returns the row count.

    DuckDB scans the frame in place; PostgreSQL receives it by COPY. Both are orders of magnitude
    faster than row-by-row INSERTs for the demo and benchmark loads.
    """
    kolom = list(data.columns)
    for nama in [tabel, *kolom]:
        if not _IDENTIFIER.match(nama):
            raise ValueError(f"Nama tabel atau kolom tidak sah: {nama!r}")
    if data.empty:
        return 0
    daftar = ", ".join(kolom)
    mentah = koneksi.connection.driver_connection
    if koneksi.dialect.name == "duckdb":
        nama_sementara = f"_muat_{tabel}"
        mentah.register(nama_sementara, data)
        try:
            koneksi.exec_driver_sql(f"INSERT INTO {tabel} ({daftar}) SELECT {daftar} FROM {nama_sementara}")
        finally:
            mentah.unregister(nama_sementara)
        return len(data)
    data = data.copy()
    for nama in kolom:
        if pd.api.types.is_datetime64_any_dtype(data[nama]):
            # Every date column in the schema is DATE; COPY would otherwise send a time of day.
            data[nama] = data[nama].dt.date
        elif pd.api.types.is_float_dtype(data[nama]) and (data[nama].dropna() % 1 == 0).all():
            # pandas turns a whole-number column with a gap into floats; COPY would send "10000.0",
            # which a BIGINT column refuses. Whole numbers go as integers (a float column takes them too).
            data[nama] = data[nama].astype("Int64")
    baris = data.astype(object).where(data.notna(), None).itertuples(index=False, name=None)
    with mentah.cursor() as kursor, kursor.copy(f"COPY {tabel} ({daftar}) FROM STDIN") as salin:
        for b in baris:
            salin.write_row(b)
    # Rows loaded in this transaction have no statistics yet; without them the planner takes a
    # 600,000-row table for an empty one and joins it row by row in the same transaction's next step.
    koneksi.exec_driver_sql(f"ANALYZE {tabel}")
    return len(data)
