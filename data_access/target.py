"""Targets against achievement for every target set in a year: regency, kecamatan and village rows.

Achievement follows the target's measure: 'peserta_aktif' counts participants active at the year's
end (or today in the running year), 'pendaftaran_baru' counts registrations in the year. 'SEMUA'
in a target's segment or programme means no restriction on it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from data_access.masa_aktif import SEMUA_PROGRAM
from domain import kpi


def capaian_target(engine: sa.Engine, awalan_kode: str, tahun: int, hari_ini: date) -> pd.DataFrame:
    """One row per target of the year within the region: kode_wilayah, nama, tingkat, kode_induk,
    nama_induk, ukuran, segmen, program, target, realisasi, awal (at the start of the year), jalur (where it
    should stand today; missing once the year is over), persen and status (kpi.status_capaian)."""
    akhir_tahun = date(tahun, 12, 31)
    hari = min(akhir_tahun, hari_ini)
    awal_tahun = date(tahun - 1, 12, 31)
    target = baca(engine, """
        SELECT t.kode_wilayah, w.nama, w.tingkat, w.kode_induk, induk.nama AS nama_induk, t.ukuran, t.segmen,
               t.program, t.nilai AS target
        FROM target t JOIN wilayah w ON w.kode = t.kode_wilayah LEFT JOIN wilayah induk ON induk.kode = w.kode_induk
        WHERE t.tahun = :tahun AND t.kode_wilayah LIKE :awalan""", tahun=tahun, awalan=awalan_kode + "%")
    kolom = ["kode_wilayah", "nama", "tingkat", "kode_induk", "nama_induk", "ukuran", "segmen", "program", "target", "realisasi",
             "awal", "jalur", "persen", "status"]
    if target.empty or hari < date(tahun, 1, 1):
        return pd.DataFrame(columns=kolom)
    # Small grouped results (village × segment × programme), summed per target below.
    aktif = baca(engine, """
        SELECT kode_desa, segmen, program,
               count(*) FILTER (WHERE tanggal_mulai <= :hari AND tanggal_berakhir > :hari) AS akhir,
               count(*) FILTER (WHERE tanggal_mulai <= :awal AND tanggal_berakhir > :awal) AS awal
        FROM masa_aktif WHERE kode_desa LIKE :awalan AND tanggal_mulai <= :hari AND tanggal_berakhir > :awal
        GROUP BY kode_desa, segmen, program""", hari=hari, awal=awal_tahun, awalan=awalan_kode + "%")
    baru = baca(engine, """
        SELECT p.kode_desa, p.segmen, m.program, count(DISTINCT p.id) AS akhir, 0 AS awal
        FROM peserta p JOIN masa_aktif m ON m.peserta_id = p.id
        WHERE p.kode_desa LIKE :awalan AND p.tanggal_daftar BETWEEN :mulai AND :hari
        GROUP BY p.kode_desa, p.segmen, m.program""", mulai=date(tahun, 1, 1), hari=hari, awalan=awalan_kode + "%")
    sumber = {"peserta_aktif": aktif, "pendaftaran_baru": baru}
    porsi = (hari - awal_tahun).days / (akhir_tahun - awal_tahun).days
    tahun_berjalan = hari < akhir_tahun

    def realisasi(baris) -> tuple[int, int]:
        df = sumber[baris.ukuran]
        pilih = df["kode_desa"].str.startswith(baris.kode_wilayah) & (df["program"] == (
            SEMUA_PROGRAM if baris.program == "SEMUA" else baris.program))
        if baris.segmen != "SEMUA":
            pilih &= df["segmen"] == baris.segmen
        return int(df.loc[pilih, "akhir"].sum()), int(df.loc[pilih, "awal"].sum())

    hasil = target.copy()
    pasangan = [realisasi(b) for b in target.itertuples(index=False)]
    hasil["realisasi"] = [a for a, _ in pasangan]
    hasil["awal"] = [b for _, b in pasangan]
    hasil["jalur"] = [kpi.jalur_target(a, t, porsi) if tahun_berjalan else None
                      for a, t in zip(hasil["awal"], hasil["target"], strict=True)]
    hasil["persen"] = [kpi.capaian_target(r, t) for r, t in zip(hasil["realisasi"], hasil["target"], strict=True)]
    hasil["status"] = [kpi.status_capaian(r, t, j)
                       for r, t, j in zip(hasil["realisasi"], hasil["target"], hasil["jalur"], strict=True)]
    urutan_tingkat = {"kabupaten": 0, "kecamatan": 1, "desa": 2}
    hasil = hasil.sort_values(["tingkat", "kode_wilayah", "ukuran", "segmen", "program"],
                              key=lambda s: s.map(urutan_tingkat) if s.name == "tingkat" else s)
    return hasil[kolom].reset_index(drop=True)


def tahun_target(engine: sa.Engine) -> list[int]:
    """Years that have any target, newest first."""
    return [int(t) for t in baca(engine, "SELECT DISTINCT tahun FROM target ORDER BY tahun DESC")["tahun"]]
