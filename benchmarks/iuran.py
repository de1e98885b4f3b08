"""Benchmark: the overview and the map with payment data at scale, against reading the raw payments.

    python -m benchmarks.iuran [--peserta 1m] [--bulan 24] [--database URL] [--ulang 12]

Writes (or reuses) a database of synthetic BPU participants, each paying month by month over a
window of `--bulan` months ending this month until they lapse (about 2% a month; a fifth of those
come back), so 1M participants give about 20M payment rows. It is loaded in slices, then the active
periods and both rollups are rebuilt once, as a bulk import does. For a series of filter changes it
then times, on the same database in the same run:
- the overview: the KPI tiles, breakdowns and trend (data_access.ringkasan) plus the money section
  (data_access.iuran.bulanan), both read from the rollups kept on write;
- the map: every village's values with the payment measures (data_access.peta.nilai_desa);
- the baseline: the same active counts and money computed from the raw payment rows on every change
  (a paid month within the grace period before the day; sums per month), as a dashboard without the
  rollups would.
Prints medians and the ratio of the baseline to each.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import sqlalchemy as sa

from benchmarks.ringkasan import ukur
from data_access import iuran, masa_aktif, peta, ringkasan
from data_access.__main__ import baca_skala
from data_access.batas import muat_batas, sinkronkan_wilayah
from data_access.config import muat_pengaturan
from data_access.db import baca, buat_engine, muat_massal, siapkan_database, tanpa_batas_waktu, tulis
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan

BAGIAN = 2_000_000  # payment rows per slice loaded: a slice, not the whole table, is ever in memory
PELUANG_HENTI = 0.02
PELUANG_KEMBALI = 0.2


def _bulan(d: date) -> int:
    return d.year * 12 + d.month - 1


def _tanggal(indeks: np.ndarray) -> np.ndarray:
    return (indeks - 1970 * 12).astype("datetime64[M]").astype("datetime64[D]")


def isi(engine: sa.Engine, desa: list[str], n: int, bulan: int, hari_ini: date, benih: int = 20190903) -> int:
    """Write n participants with their payments; returns the number of payment rows."""
    rng = np.random.default_rng(benih)
    kini = _bulan(hari_ini)
    awal = kini - bulan + 1 + rng.integers(0, 4, n)  # registered in the window's first four months
    lama = rng.geometric(PELUANG_HENTI, n)  # months paid before a lapse
    kembali = rng.random(n) < PELUANG_KEMBALI
    jeda = rng.integers(2, 7, n)
    peserta = pd.DataFrame({
        "kunci_pseudonim": [f"bench{i:012d}" for i in range(n)], "segmen": "BPU",
        "kode_desa": np.asarray(desa, dtype=object)[rng.integers(0, len(desa), n)], "sumber_dana": "mandiri",
        "kanal": "perisai", "tanggal_daftar": _tanggal(awal) + rng.integers(0, 28, n).astype("timedelta64[D]"),
        "sumber": "impor"})
    jumlah = 0

    def tulis_semua(k: sa.Connection) -> int:
        tanpa_batas_waktu(k)
        muat_massal(k, "peserta", peserta)
        ids = pd.DataFrame(k.execute(sa.text("SELECT kunci_pseudonim, id FROM peserta")).all(),
                           columns=["kunci_pseudonim", "id"]).set_index("kunci_pseudonim")["id"]
        pid = peserta["kunci_pseudonim"].map(ids).to_numpy(dtype=np.int64)
        for program, tarif in (("JKK", 10_000), ("JKM", 6_800)):
            muat_massal(k, "kepesertaan", pd.DataFrame({
                "peserta_id": pid, "segmen": "BPU", "kode_desa": peserta["kode_desa"], "program": program,
                "tanggal_mulai": peserta["tanggal_daftar"], "iuran_bulanan": tarif}))
        # Runs of paid months: the first until the lapse, a second after a pause for those who return.
        mulai = np.concatenate([awal, awal + lama + jeda])
        akhir = np.concatenate([np.minimum(awal + lama - 1, kini), np.where(kembali, kini, 0)])
        siapa = np.concatenate([pid, pid])
        panjang = np.clip(akhir - mulai + 1, 0, None)
        total = 0
        for potong in np.array_split(np.arange(len(mulai)), max(1, int(panjang.sum() // BAGIAN) + 1)):
            p = panjang[potong]
            idx = np.repeat(potong, p)
            langkah = np.arange(len(idx)) - np.repeat(np.cumsum(p) - p, p)
            b = mulai[idx] + langkah
            hari = _tanggal(b) + (1 + (siapa[idx] % 20)).astype("timedelta64[D]")
            muat_massal(k, "iuran", pd.DataFrame({"peserta_id": siapa[idx], "bulan": _tanggal(b), "jumlah": 16_800,
                                                  "tanggal_bayar": hari, "pembayar": "mandiri", "sumber": "impor"}))
            total += len(idx)
        iuran.catat_cakupan_dari_tabel(k, "impor", hari_ini)
        masa_aktif.bangun_ulang(k)
        return total

    jumlah = tulis(engine, tulis_semua)
    return jumlah


def daftar_saringan(hari_ini: date, kecamatan: list[str], n: int) -> list[Saringan]:
    periode = ["ytd", "12b", str(hari_ini.year - 1), f"{hari_ini.year - 1}-K3"]
    return [Saringan("33.26" if i % 3 == 0 else kecamatan[i % len(kecamatan)],
                     periode_dari_kunci(periode[i % len(periode)], hari_ini)) for i in range(n)]


def ringkasan_iuran(engine: sa.Engine, s: Saringan) -> None:
    ringkasan.ringkasan_halaman(engine, s)
    iuran.bulanan(engine, s)


def dasar_mentah(engine: sa.Engine, s: Saringan, tenggang: int) -> None:
    """The baseline: active at the period's end per village (a paid month no more than the grace
    period before it) and money per month, read from the payment rows themselves."""
    akhir = s.periode.selesai.replace(day=1)
    dari = (pd.Timestamp(akhir) - pd.DateOffset(months=tenggang)).date()
    baca(engine, """
        SELECT p.kode_desa, count(DISTINCT i.peserta_id) AS aktif FROM iuran i JOIN peserta p ON p.id = i.peserta_id
        WHERE p.kode_desa LIKE :awalan AND i.bulan BETWEEN :dari AND :akhir AND i.jumlah > 0
        GROUP BY p.kode_desa""", awalan=s.kode_wilayah + "%", dari=dari, akhir=akhir)
    baca(engine, """
        SELECT i.bulan, sum(i.jumlah) AS dibayar, count(*) AS bayar FROM iuran i JOIN peserta p ON p.id = i.peserta_id
        WHERE p.kode_desa LIKE :awalan AND i.bulan BETWEEN :mulai AND :akhir GROUP BY i.bulan""",
        awalan=s.kode_wilayah + "%", mulai=s.periode.mulai.replace(day=1), akhir=akhir)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.iuran")
    parser.add_argument("--peserta", type=baca_skala, default=1_000_000, help="peserta, mis. 1m")
    parser.add_argument("--bulan", type=int, default=24, help="bulan iuran sampai bulan ini")
    parser.add_argument("--ulang", type=int, default=12, help="berapa perubahan saringan diukur")
    parser.add_argument("--database", default=None, help="URL database (kosong atau berisi data benchmark ini)")
    args = parser.parse_args(argv)

    pengaturan = muat_pengaturan()
    batas = muat_batas(pengaturan.folder_batas, pengaturan.kode_kab)
    hari_ini = pengaturan.hari_ini()
    url = args.database or f"duckdb:///{Path(tempfile.mkdtemp(prefix='bench_iuran_')) / 'bench.duckdb'}"
    engine = buat_engine(url)
    siapkan_database(engine)
    if baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 0:
        sinkronkan_wilayah(engine, batas)
        mulai = time.perf_counter()
        baris = isi(engine, list(batas.desa["kode"]), args.peserta, args.bulan, hari_ini)
        print(f"data dibuat dalam {time.perf_counter() - mulai:.1f} s ({baris:,} baris iuran, termasuk membangun "
              "masa aktif dan rekap)")
    jumlah = baca(engine, "SELECT (SELECT count(*) FROM peserta) AS p, (SELECT count(*) FROM iuran) AS i, "
                          "(SELECT count(*) FROM rekap_iuran) AS r")
    print(f"database: {engine.dialect.name}; peserta {jumlah['p'].iloc[0]:,}; baris iuran {jumlah['i'].iloc[0]:,}; "
          f"baris rekap_iuran {jumlah['r'].iloc[0]:,}")
    with engine.connect() as k:
        tenggang = masa_aktif.masa_tenggang(k)

    saringan = daftar_saringan(hari_ini, list(batas.kecamatan["kode"]), args.ulang)
    ringkasan_iuran(engine, saringan[0])  # warm-up: first touch of the file and the catalog
    hasil = {
        "Ringkasan (rekap)": ukur(lambda s: ringkasan_iuran(engine, s), saringan),
        "Peta desa (rekap)": ukur(lambda s: peta.nilai_desa(engine, Saringan("33.26", s.periode)), saringan),
        "Dasar: baca iuran mentah": ukur(lambda s: dasar_mentah(engine, s, tenggang), saringan),
    }
    dasar = statistics.median(hasil["Dasar: baca iuran mentah"])
    print(f"perubahan saringan diukur: {len(saringan)}")
    for nama, waktu in hasil.items():
        median = statistics.median(waktu)
        print(f"{nama:28s} median {median:8.1f} ms  p90 {statistics.quantiles(waktu, n=10)[-1]:8.1f} ms"
              f"  dasar/ini {dasar / median:5.1f}x")


if __name__ == "__main__":
    main()
