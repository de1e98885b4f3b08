"""Benchmark: the overview's queries for a filter change, against a naive pandas baseline.

    python -m benchmarks.ringkasan --scale 1m [--ulang 15] [--database URL]

Builds (or reuses) a demo database of the given size, then for a series of different filters times
everything the Ringkasan page asks for (KPI tiles, by programme, by segment, monthly trend, village
coverage). Two pandas baselines, both measured in this run:
- in memory: whole tables loaded once (not timed), filtered and counted per filter change, as a
  dashboard that caches its DataFrames does (the stricter comparison);
- read per change: the same, but the tables are read from the database on each filter change, as a
  dashboard without a cache does (measured on fewer changes: each takes seconds).
Prints medians and the ratio to each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import pandas as pd

from benchmarks.naif import RingkasanNaif
from data_access import ringkasan
from data_access.__main__ import baca_skala, skala_untuk
from data_access.batas import muat_batas
from data_access.config import muat_pengaturan
from data_access.db import baca, buat_engine, siapkan_database
from data_access.demo import desa_untuk_demo, isi_demo
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan

TARGET_MS = 150.0
TARGET_RASIO = 3.0


def daftar_saringan(hari_ini: date, kecamatan: list[str]) -> list[Saringan]:
    """Filter changes a branch head makes: periods, kecamatan, programme, segment, in turn."""
    periode = ["ytd", "2025", "2024-K3", "12b", "2023", "2025-K1"]
    program = [None, None, "JKK", "JHT", None, "JP"]
    segmen = [None, "BPU", None, None, "PU", None]
    hasil = []
    for i in range(30):
        kode = "33.26" if i % 3 == 0 else kecamatan[i % len(kecamatan)]
        hasil.append(Saringan(kode, periode_dari_kunci(periode[i % 6], hari_ini), program[i % 6], segmen[(i // 2) % 6]))
    return hasil


def satu_halaman_sql(engine, s: Saringan) -> None:
    ringkasan.ringkasan_halaman(engine, s)


def satu_halaman_naif(naif: RingkasanNaif, s: Saringan) -> None:
    naif.angka_utama(s)
    naif.per_program(s)
    naif.per_segmen(s)
    akhir = pd.Timestamp(s.periode.selesai).to_period("M").to_timestamp()
    naif.aktif_akhir_bulan(s, list(pd.date_range(end=akhir, periods=12, freq="MS")))
    naif.cakupan_desa(s)


def ukur(fungsi, saringan: list[Saringan]) -> list[float]:
    waktu = []
    for s in saringan:
        mulai = time.perf_counter()
        fungsi(s)
        waktu.append((time.perf_counter() - mulai) * 1000)
    return waktu


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ringkasan")
    parser.add_argument("--scale", type=baca_skala, default=1_000_000, help="kepesertaan, mis. 1m atau 10m")
    parser.add_argument("--ulang", type=int, default=30, help="berapa perubahan saringan diukur")
    parser.add_argument("--ulang-baca", type=int, default=3, help="perubahan saringan untuk baseline baca-ulang")
    parser.add_argument("--database", default=None, help="URL database yang sudah berisi data contoh")
    args = parser.parse_args(argv)

    pengaturan = muat_pengaturan()
    batas = muat_batas(pengaturan.folder_batas, pengaturan.kode_kab)
    hari_ini = pengaturan.hari_ini()
    url = args.database or f"duckdb:///{Path(tempfile.mkdtemp(prefix='bench_')) / 'bench.duckdb'}"
    engine = buat_engine(url)
    siapkan_database(engine)
    if baca(engine, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 0:
        mulai = time.perf_counter()
        isi_demo(engine, batas, hari_ini, skala_untuk(args.scale, desa_untuk_demo(batas), hari_ini))
        print(f"data dibuat dalam {time.perf_counter() - mulai:.1f} s")
    jumlah = baca(engine, "SELECT (SELECT count(*) FROM kepesertaan) AS k, (SELECT count(*) FROM peserta) AS p")
    print(f"database: {engine.dialect.name}; kepesertaan {jumlah['k'].iloc[0]:,}; peserta {jumlah['p'].iloc[0]:,}")

    saringan = daftar_saringan(hari_ini, list(batas.kecamatan["kode"]))[: args.ulang]
    satu_halaman_sql(engine, saringan[0])  # warm-up: first touch of the file and the catalog
    sql = ukur(lambda s: satu_halaman_sql(engine, s), saringan)

    mulai = time.perf_counter()
    naif = RingkasanNaif(engine)
    muat_naif = time.perf_counter() - mulai
    naif_ms = ukur(lambda s: satu_halaman_naif(naif, s), saringan)

    baca_ulang_ms = ukur(lambda s: satu_halaman_naif(RingkasanNaif(engine), s), saringan[: args.ulang_baca])

    median_sql, median_naif = statistics.median(sql), statistics.median(naif_ms)
    median_baca = statistics.median(baca_ulang_ms)
    rasio = median_naif / median_sql
    print(f"perubahan saringan diukur: {len(saringan)}")
    print(f"SQL (halaman Ringkasan):      median {median_sql:8.1f} ms  p90 {statistics.quantiles(sql, n=10)[-1]:8.1f} ms")
    print(f"pandas naif (tabel di memori): median {median_naif:8.1f} ms  p90 {statistics.quantiles(naif_ms, n=10)[-1]:8.1f} ms"
          f"  (+ {muat_naif:.1f} s memuat tabel sekali)")
    print(f"pandas naif (baca per ubah):   median {median_baca:8.1f} ms  ({len(baca_ulang_ms)} perubahan)")
    print(f"rasio naif di memori / SQL: {rasio:.1f}x; rasio naif baca per ubah / SQL: {median_baca / median_sql:.0f}x")
    print(f"target: median < {TARGET_MS:.0f} ms -> {'TERCAPAI' if median_sql < TARGET_MS else 'BELUM'}; "
          f"rasio >= {TARGET_RASIO:.0f}x terhadap naif di memori -> {'TERCAPAI' if rasio >= TARGET_RASIO else 'BELUM'}")


if __name__ == "__main__":
    main()
