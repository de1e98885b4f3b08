"""Benchmark: saving one on-the-spot registration, against rebuilding the active periods on each save.

    python -m benchmarks.pendaftaran [--ulang 50] [--database URL]

Fills a temporary DuckDB file with the demo data (or uses `--database URL`), then saves `--ulang`
registrations through data_access.pendaftaran.daftarkan, the path the form uses (checks, pseudonym,
participant, enrolments and that participant's active periods in one transaction). The baseline,
measured in the same run on the same database: the same rows written, then every active period
rebuilt from all enrolments (masa_aktif.bangun_ulang), the simple way to keep them right.
Target (issue 4): saving takes well under a second.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from data_access import masa_aktif
from data_access.batas import muat_batas
from data_access.config import muat_pengaturan
from data_access.db import buat_engine, siapkan_database, tulis
from data_access.demo import isi_demo
from data_access.pendaftaran import daftarkan
from tampilan.format import angka
from domain.nik import kunci_pseudonim
from domain.pendaftaran import Pendaftaran

KUNCI = b"kunci-benchmark-yang-cukup-panjang"
WONOPRINGGO = "33.26.12.2008"


def nik_ke(i: int) -> str:
    """Valid, distinct NIKs: Kec. Wonopringgo, men born 3 May 1985, serials from 5001."""
    return f"332612030585{5001 + i:04d}"


def isian(i: int) -> Pendaftaran:
    return Pendaftaran(WONOPRINGGO, "BPU", frozenset({"JKK", "JKM"}), "Petani", "L", 1985, "mandiri", nik_ke(i), None)


def simpan_lalu_bangun_ulang(engine: sa.Engine, p: Pendaftaran, hari_ini: date) -> None:
    def simpan(k: sa.Connection) -> None:
        pid = k.execute(sa.text("""
            INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, sumber_dana, kanal, tanggal_daftar, sumber)
            VALUES (:kunci, 'BPU', :desa, 'mandiri', 'kantor_cabang', :t, 'benchmark') RETURNING id"""),
            {"kunci": kunci_pseudonim(p.nik, KUNCI), "desa": p.kode_desa, "t": hari_ini}).scalar_one()
        k.execute(sa.text("""
            INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai)
            VALUES (:pid, 'BPU', :desa, :program, :t)"""),
            [{"pid": pid, "desa": p.kode_desa, "program": prog, "t": hari_ini} for prog in sorted(p.program)])
        masa_aktif.bangun_ulang(k)

    tulis(engine, simpan)


def ukur(fungsi, n: int) -> list[float]:
    waktu = []
    for i in range(n):
        mulai = time.perf_counter()
        fungsi(i)
        waktu.append((time.perf_counter() - mulai) * 1000)
    return waktu


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--ulang", type=int, default=50)
    argumen.add_argument("--database")
    a = argumen.parse_args()
    url = a.database or f"duckdb:///{Path(tempfile.mkdtemp()) / 'pendaftaran.duckdb'}"
    engine = buat_engine(url)
    siapkan_database(engine)
    pengaturan = muat_pengaturan()
    hari_ini = pengaturan.hari_ini()
    isi_demo(engine, muat_batas(pengaturan.folder_batas, pengaturan.kode_kab), hari_ini)
    jumlah = tulis(engine, lambda k: k.execute(sa.text("SELECT count(*) FROM peserta")).scalar_one())
    cepat = ukur(lambda i: daftarkan(engine, isian(i), KUNCI, hari_ini), a.ulang)
    naif = ukur(lambda i: simpan_lalu_bangun_ulang(engine, isian(10_000 + i), hari_ini), max(5, a.ulang // 5))
    m_cepat, m_naif = statistics.median(cepat), statistics.median(naif)
    print(f"{engine.dialect.name}, {angka(jumlah)} peserta sebelum mulai")
    print(f"simpan pendaftaran (daftarkan): median {m_cepat:.1f} ms, maks {max(cepat):.1f} ms, n={len(cepat)}")
    print(f"naif (tulis lalu bangun ulang masa_aktif): median {m_naif:.1f} ms, n={len(naif)}; "
          f"rasio {m_naif / m_cepat:.1f}×")
    print(f"target jauh di bawah 1 detik: {'tercapai' if max(cepat) < 1000 else 'TIDAK'}")


if __name__ == "__main__":
    main()
