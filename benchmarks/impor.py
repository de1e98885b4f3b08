"""Benchmark: importing a large participants or payments file, rows per second and peak memory.

    python -m benchmarks.impor [--jenis peserta|iuran] [--baris 100000] [--format csv|xlsx] [--database URL]

Writes a branch export of `--baris` valid rows to a temporary file, then imports it into a new,
migrated database (a temporary DuckDB file, or a new database on the PostgreSQL server of
`--database`) through data_access.impor.impor, the path the command line and the Data page use.
Participants come with the columns and spellings of a real export: names, phone numbers, villages
by name with their kecamatan, programmes in one cell, dates as dd/mm/yyyy. Payments (`--jenis
iuran`) are one row per participant and month covered over the last 24 months, for BPU participants
imported beforehand in a process of their own (not timed). Each measurement runs in its own
process, so its peak memory (ru_maxrss) is its own.

The baseline, measured in the same run on the same file: the file read by pandas and its rows
bulk-loaded as they are into a table of text columns: no checks, no pseudonyms, no enrolments,
the least any import can cost. Targets: 100,000 participants under 30 s and 500 MB (issue 13); a
1,000,000-row payment file with progress, within a few hundred MB (issue 17).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

KUNCI = b"kunci-benchmark-yang-cukup-panjang"
HARI_INI = date(2026, 11, 24)
PROGRAM = {"BPU": ["JKK, JKM", "JKK, JKM, JHT"], "PU": ["JKK, JKM, JHT, JP", "JKK, JKM, JHT"]}
PEKERJAAN = ["Petani", "Pedagang nasi goreng", "Nelayan", "Buruh batik", "Ojek", "Penjahit", None]


def baris_peserta(n: int, segmen_bpu_saja: bool = False) -> tuple[list[str], list[list]]:
    """A participants export of `n` rows with distinct, valid NIKs: its header and its rows."""
    from data_access.batas import muat_batas
    from data_access.config import muat_pengaturan

    p = muat_pengaturan()
    desa = muat_batas(p.folder_batas, p.kode_kab).desa[["nama", "nama_kec", "kode_kec"]].values.tolist()
    acak = random.Random(13)
    header = ["No", "Nama", "NIK", "Desa/Kelurahan", "Kecamatan", "Segmen", "Program", "Tgl Daftar", "No HP",
              "Pekerjaan", "Jenis Kelamin"]
    baris = []
    for i in range(n):
        nama, kec, kode_kec = acak.choice(desa)
        lahir = date(1960, 1, 1) + timedelta(days=acak.randrange(365 * 45))
        perempuan = acak.random() < 0.4
        hari = lahir.day + (40 if perempuan else 0)
        # The kecamatan part of a NIK is where the card was issued; the serial keeps NIKs distinct.
        nik = f"{kode_kec.replace('.', '')}{hari:02d}{lahir:%m%y}{1 + i % 9999:04d}"
        segmen = "BPU" if segmen_bpu_saja or acak.random() < 0.8 else "PU"
        daftar = date(2019, 1, 1) + timedelta(days=acak.randrange((HARI_INI - date(2019, 1, 1)).days))
        baris.append([i + 1, f"Peserta {i + 1}", nik, nama, kec, segmen, acak.choice(PROGRAM[segmen]),
                      f"{daftar:%d/%m/%Y}", f"0812{acak.randrange(10**8):08d}", acak.choice(PEKERJAAN),
                      "P" if perempuan else "L"])
    # Distinct NIKs: the serial cycles every 9,999 rows, so vary the birth date with it.
    nik_ada: set[str] = set()
    for b in baris:
        while b[2] in nik_ada:
            b[2] = b[2][:12] + f"{(int(b[2][12:]) % 9999) + 1:04d}"
        nik_ada.add(b[2])
    return header, baris


def baris_iuran(n: int, peserta: list[list]) -> tuple[list[str], list[list]]:
    """`n` payment rows for these participants (rows of baris_peserta): each pays the months from
    their registration, or from 24 months back, to this month, in turn until there are `n`."""
    acak = random.Random(17)
    akhir = HARI_INI.replace(day=1)
    awal = date(akhir.year - 2, akhir.month, 1)
    header = ["NIK", "Bulan Iuran", "Jumlah Iuran", "Tgl Bayar", "Pembayar"]
    baris: list[list] = []
    for p in peserta:
        daftar = datetime.strptime(p[7], "%d/%m/%Y").date().replace(day=1)
        bulan = max(daftar, awal)
        jumlah = "36800" if "JHT" in p[6] else "16800"
        pembayar = acak.choice(["", "", "", "Mandiri", "APBDes"])
        while bulan <= akhir and len(baris) < n:
            bayar = bulan + timedelta(days=acak.randrange(4, 25))
            baris.append([p[2], f"{bulan:%m/%Y}", jumlah, f"{min(bayar, HARI_INI):%d/%m/%Y}", pembayar])
            bulan = (bulan + timedelta(days=32)).replace(day=1)
        if len(baris) == n:
            return header, baris
    raise ValueError(f"{len(peserta)} peserta hanya membayar {len(baris)} bulan, bukan {n}")


def _simpan(header: list[str], baris: list[list], format_: str, berkas: Path) -> Path:
    if format_ == "csv":
        berkas = berkas.with_suffix(".csv")
        with berkas.open("w", encoding="utf-8") as f:
            f.write(";".join(header) + "\n")
            for b in baris:
                f.write(";".join("" if v is None else str(v) for v in b) + "\n")
        return berkas
    import openpyxl

    buku = openpyxl.Workbook(write_only=True)
    lembar = buku.create_sheet(berkas.stem.capitalize())
    lembar.append(header)
    for b in baris:
        lembar.append(b)
    berkas = berkas.with_suffix(".xlsx")
    buku.save(berkas)
    return berkas


def tulis_berkas(n: int, format_: str, tujuan: Path) -> Path:
    """A participants export of `n` rows with distinct, valid NIKs."""
    return _simpan(*baris_peserta(n), format_, tujuan / "peserta")


def tulis_berkas_iuran(n: int, format_: str, tujuan: Path) -> tuple[Path, Path]:
    """A payments export of `n` rows and the participants export (CSV) they belong to."""
    _, peserta = baris_peserta(n // 18 + 1, segmen_bpu_saja=True)
    header, baris = baris_iuran(n, peserta)
    dibayar = {b[0] for b in baris}
    header_peserta, _ = baris_peserta(0)
    berkas_peserta = _simpan(header_peserta, [p for p in peserta if p[2] in dibayar], "csv", tujuan / "peserta")
    return _simpan(header, baris, format_, tujuan / "iuran"), berkas_peserta


def _database_baru(url: str | None, folder: Path, nama: str) -> str:
    if not url:
        return f"duckdb:///{folder / (nama + '.duckdb')}"
    import sqlalchemy as sa

    admin = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as k:
        k.exec_driver_sql(f"DROP DATABASE IF EXISTS {nama}")
        k.exec_driver_sql(f"CREATE DATABASE {nama}")
    admin.dispose()
    return url.rsplit("/", 1)[0] + "/" + nama


def ukur_impor(berkas: str, url: str, jenis: str = "peserta") -> dict:
    """In this process: the app's import of the file into the database (new, unless the
    participants a payment file names were imported into it first)."""
    from data_access.batas import muat_batas
    from data_access.config import muat_pengaturan
    from data_access.batas import sinkronkan_wilayah
    from data_access.db import buat_engine, siapkan_database
    from data_access.impor import KonteksImpor, impor
    from geo.gazetteer import Gazetteer

    p = muat_pengaturan()
    batas = muat_batas(p.folder_batas, p.kode_kab)
    engine = buat_engine(url)
    siapkan_database(engine)
    sinkronkan_wilayah(engine, batas)
    konteks = KonteksImpor("benchmark", HARI_INI, Gazetteer(batas.desa), KUNCI)
    isi = Path(berkas).read_bytes()
    kemajuan: list[float] = []
    mulai = time.perf_counter()
    hasil = impor(engine, jenis, isi, Path(berkas).name, konteks, kemajuan=kemajuan.append)
    detik = time.perf_counter() - mulai
    if hasil.status != "berhasil":
        raise SystemExit(hasil.ringkasan()[:2000] + "\n" + "\n".join(m.alasan for m in hasil.masalah[:5]))
    return {"detik": detik, "baris": hasil.ditulis["baru"], "kemajuan": len(kemajuan)}


def ukur_dasar(berkas: str, url: str, jenis: str = "peserta") -> dict:
    """In this process: pandas reads the file, its rows go in untouched (the least an import costs)."""
    import pandas as pd

    from data_access.db import buat_engine, muat_massal, tulis

    engine = buat_engine(url)
    mulai = time.perf_counter()
    if berkas.endswith(".csv"):
        df = pd.read_csv(berkas, sep=";", dtype=str, keep_default_na=False)
    else:
        df = pd.read_excel(berkas, dtype=str)
    df.columns = [f"k{i}" for i in range(len(df.columns))]
    df = df.astype(str)

    def muat(k):
        k.exec_driver_sql(f"CREATE TABLE mentah ({', '.join(f'{c} TEXT' for c in df.columns)})")
        return muat_massal(k, "mentah", df)

    n = tulis(engine, muat)
    return {"detik": time.perf_counter() - mulai, "baris": n}


def _anak(fungsi: str, berkas: str, url: str, jenis: str = "peserta") -> dict:
    """Run one measurement in a new process and read its figures and its own peak memory."""
    keluar = subprocess.run([sys.executable, "-m", "benchmarks.impor", "--anak", fungsi, berkas, url, jenis],
                            capture_output=True, text=True, check=False)
    if keluar.returncode != 0:
        raise SystemExit(f"{fungsi} gagal:\n{keluar.stdout[-3000:]}{keluar.stderr[-3000:]}")
    return json.loads(keluar.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--anak":
        _, _, fungsi, berkas, url, jenis = sys.argv
        hasil = {"impor": ukur_impor, "dasar": ukur_dasar}[fungsi](berkas, url, jenis)
        hasil["memori_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(hasil))
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jenis", choices=["peserta", "iuran"], default="peserta")
    parser.add_argument("--baris", type=int, default=100_000)
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv")
    parser.add_argument("--database", help="a postgresql+psycopg:// server URL (default: temporary DuckDB files)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        mulai = time.perf_counter()
        if args.jenis == "iuran":
            berkas, berkas_peserta = tulis_berkas_iuran(args.baris, args.format, folder)
        else:
            berkas = tulis_berkas(args.baris, args.format, folder)
        print(f"berkas: {berkas.name}, {args.baris:,} baris, {berkas.stat().st_size / 1e6:.1f} MB "
              f"(dibuat dalam {time.perf_counter() - mulai:.1f} s)")
        dasar = _anak("dasar", str(berkas), _database_baru(args.database, folder, "bench_dasar"), args.jenis)
        url = _database_baru(args.database, folder, "bench_impor")
        if args.jenis == "iuran":
            siap = _anak("impor", str(berkas_peserta), url)
            print(f"peserta lebih dulu: {siap['baris']:,} dalam {siap['detik']:.1f} s (tidak dihitung)")
        app = _anak("impor", str(berkas), url, args.jenis)
    for nama, h in (("impor (aplikasi)", app), ("dasar: pandas + muat mentah", dasar)):
        print(f"{nama:30} {h['detik']:7.1f} s  {h['baris'] / h['detik']:10,.0f} baris/s  "
              f"puncak memori {h['memori_mb']:6.0f} MB")
    print(f"rasio waktu impor/dasar: {app['detik'] / dasar['detik']:.1f}x; laporan kemajuan: {app['kemajuan']} kali")


if __name__ == "__main__":
    main()
