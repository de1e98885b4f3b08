"""Benchmark: each dashboard page's queries on a large database, the first call on a fresh engine
(nothing cached in the process) and the median of the calls after it.

    python -m benchmarks.kueri_halaman --database URL [--ulang 5] [--hari-ini 2026-11-24]

Fill the database first (README, "The scale benchmark"): `data_access demo --scale 10m`. The
baseline, measured in the same run, is one scan of the regency's active periods counting who is
active today: the least a page that reads the periods instead of the rollups would pay.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date

from data_access import desa_sadar, kegiatan, peta, proyeksi, publik, ringkasan, target
from data_access.db import baca, buat_engine
from domain.periode import periode_dari_kunci
from domain.publik import waktu_hari
from domain.saringan import Saringan

TARGET_MS = 300.0


def kueri_halaman(engine, kode_kab: str, hari_ini: date) -> dict[str, callable]:
    s = Saringan(kode_kab, periode_dari_kunci("ytd", hari_ini), None, None)
    return {
        "baseline: one scan of the active periods": lambda: baca(engine, """
            SELECT count(*) AS n FROM masa_aktif
            WHERE kode_desa LIKE :awalan AND tanggal_mulai <= :hari AND tanggal_berakhir > :hari""",
            awalan=kode_kab + "%", hari=hari_ini),
        "Ringkasan": lambda: ringkasan.ringkasan_halaman(engine, s),
        "Ringkasan, road to target": lambda: proyeksi.jalan_ke_target(engine, kode_kab, None, None, hari_ini),
        "public pattern, every measure (once per period)": lambda: publik.pola_publik(
            engine, kode_kab, s.periode, 5).siapkan(),
        # What a map of active participants asks: the period's own days, one day's cells worked out.
        "public pattern, a map's active counts": lambda: publik.pola_publik(
            engine, kode_kab, s.periode, 5).tersembunyi("aktif", None, waktu_hari(s.periode.selesai), kode_kab, None),
        "Peta": lambda: peta.nilai_desa(engine, s),
        "Kegiatan": lambda: kegiatan.hasil_kegiatan(engine, s, hari_ini),
        "Desa Sadar": lambda: desa_sadar.status_desa(engine, kode_kab, hari_ini),
        "Target": lambda: target.capaian_target(engine, kode_kab, hari_ini.year, hari_ini),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--kode-kab", default="33.26")
    parser.add_argument("--ulang", type=int, default=5)
    parser.add_argument("--hari-ini", default="2026-11-24")
    args = parser.parse_args(argv)
    hari_ini = date.fromisoformat(args.hari_ini)
    print(f"| page's queries | first call, fresh engine | median of {args.ulang} after | ratio to baseline "
          f"| target ≤ {TARGET_MS:.0f} ms |")
    print("| --- | --- | --- | --- | --- |")
    dasar = None
    for nama in kueri_halaman(None, args.kode_kab, hari_ini):
        engine = buat_engine(args.database)
        fungsi = kueri_halaman(engine, args.kode_kab, hari_ini)[nama]
        mulai = time.perf_counter()
        fungsi()
        pertama = (time.perf_counter() - mulai) * 1000
        waktu = []
        for _ in range(args.ulang):
            mulai = time.perf_counter()
            fungsi()
            waktu.append((time.perf_counter() - mulai) * 1000)
        engine.dispose()
        median = statistics.median(waktu)
        dasar = dasar or median
        print(f"| {nama} | {pertama:,.0f} ms | {median:,.0f} ms | {median / dasar:.1f}× "
              f"| {'yes' if max(pertama, median) <= TARGET_MS else 'no'} |")


if __name__ == "__main__":
    main()
