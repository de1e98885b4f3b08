"""Targets against achievement for every target set in a year: regency, kecamatan and village rows.

Achievement follows the target's measure: 'peserta_aktif' counts participants active at the year's
end (or today in the running year), 'pendaftaran_baru' counts registrations in the year. 'SEMUA'
in a target's segment or programme means no restriction on it.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from data_access.masa_aktif import BIT_PROGRAM, SEMUA_PROGRAM
from data_access.ringkasan import hitungan_aktif
from domain import kpi
from domain.periode import Periode
from domain.saringan import Saringan


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
    # Small grouped results (village × segment × programme), summed per target below. Active counts
    # come from the rollups, as on the overview: at the end of `hari` and of the day before the year.
    aktif = hitungan_aktif(engine, Saringan(awalan_kode, Periode(str(tahun), date(tahun, 1, 1), hari), None, None)) \
        .rename(columns={"aktif_akhir": "akhir", "aktif_awal": "awal"})
    # Sign-ups of the year holding each programme: the participant's own programme bits, one pass
    # over the year's registrations instead of a join with every active period.
    per_program = ", ".join(f"count(*) FILTER (WHERE (program_dimiliki & {bit}) <> 0) AS \"{program}\""
                            for program, bit in BIT_PROGRAM.items())
    baru = baca(engine, f"""
        SELECT kode_desa, segmen, count(*) FILTER (WHERE program_dimiliki <> 0) AS "{SEMUA_PROGRAM}", {per_program}
        FROM peserta WHERE kode_desa LIKE :awalan AND tanggal_daftar BETWEEN :mulai AND :hari
        GROUP BY kode_desa, segmen""", mulai=date(tahun, 1, 1), hari=hari, awalan=awalan_kode + "%") \
        .melt(id_vars=["kode_desa", "segmen"], var_name="program", value_name="akhir").assign(awal=0)
    porsi = (hari - awal_tahun).days / (akhir_tahun - awal_tahun).days
    tahun_berjalan = hari < akhir_tahun

    hasil = target.copy()
    hasil[["realisasi", "awal"]] = 0
    for ukuran, df in {"peserta_aktif": aktif, "pendaftaran_baru": baru}.items():
        pilih = hasil["ukuran"] == ukuran
        if pilih.any():
            nilai = hasil.loc[pilih, ["kode_wilayah", "segmen", "program"]].merge(
                jumlah_per_wilayah(df, hasil.loc[pilih, "kode_wilayah"].str.len().unique(), ["akhir", "awal"]),
                on=["kode_wilayah", "segmen", "program"], how="left")
            hasil.loc[pilih, ["realisasi", "awal"]] = nilai[["akhir", "awal"]].fillna(0).astype(int).to_numpy()
    hasil["jalur"] = [kpi.jalur_target(a, t, porsi) if tahun_berjalan else None
                      for a, t in zip(hasil["awal"], hasil["target"], strict=True)]
    hasil["persen"] = [kpi.capaian_target(r, t) for r, t in zip(hasil["realisasi"], hasil["target"], strict=True)]
    hasil["status"] = [kpi.status_capaian(r, t, j)
                       for r, t, j in zip(hasil["realisasi"], hasil["target"], hasil["jalur"], strict=True)]
    urutan_tingkat = {"kabupaten": 0, "kecamatan": 1, "desa": 2}
    hasil = hasil.sort_values(["tingkat", "kode_wilayah", "ukuran", "segmen", "program"],
                              key=lambda s: s.map(urutan_tingkat) if s.name == "tingkat" else s)
    return hasil[kolom].reset_index(drop=True)


def _jumlah(kunci: np.ndarray, nilai: np.ndarray, semua_kunci: int) -> np.ndarray:
    """`nilai` summed per key (0 … semua_kunci − 1), missing values as zero (as pandas sums them),
    integers kept integers: counts stay far below 2**53, where a float sum is still exact."""
    jumlah = np.bincount(kunci, weights=np.nan_to_num(nilai.astype(np.float64)), minlength=semua_kunci)
    return np.rint(jumlah).astype(nilai.dtype) if np.issubdtype(nilai.dtype, np.integer) else jumlah


def tahun_target(engine: sa.Engine) -> list[int]:
    """Years that have any target, newest first."""
    return [int(t) for t in baca(engine, "SELECT DISTINCT tahun FROM target ORDER BY tahun DESC")["tahun"]]


def jumlah_per_wilayah(df: pd.DataFrame, panjang_kode, nilai: list[str], per: tuple[str, ...] = ()) -> pd.DataFrame:
    """Columns `nilai` per village, segment and programme (and `per`) summed to every region whose
    code has one of these lengths, each also over all segments ('SEMUA'); the all-programmes rows
    named 'SEMUA' as in targets."""
    kunci = ["kode_wilayah", "segmen", "program", *per]
    if df.empty:
        return pd.DataFrame(columns=[*kunci, *nilai])
    # Summed on one integer key per row: pandas grouping on four text columns took 150 ms for a
    # regency's 100,000 monthly rows at 10M enrolments, a third of the road to target.
    kode_desa, desa = pd.factorize(df["kode_desa"])
    kode_lain, unik_lain = zip(*(pd.factorize(df[k]) for k in kunci[1:]), strict=True)
    # The all-programmes slice named as targets name it, once per distinct programme, not per row.
    unik_lain = (unik_lain[0], unik_lain[1].where(unik_lain[1] != SEMUA_PROGRAM, "SEMUA"), *unik_lain[2:])
    segmen = unik_lain[0].append(pd.Index(["SEMUA"]))
    semua_segmen = np.full(len(df), len(segmen) - 1)
    isi = df[nilai].to_numpy()
    bagian = []
    for panjang in panjang_kode:
        kode_wilayah, wilayah = pd.factorize(desa.str[:int(panjang)])
        ukuran = (len(wilayah), len(segmen), *(len(u) for u in unik_lain[1:]))
        baris_wilayah = kode_wilayah[kode_desa]
        kunci_gabung = np.concatenate([np.ravel_multi_index((baris_wilayah, *kode_lain), ukuran),
                                       np.ravel_multi_index((baris_wilayah, semua_segmen, *kode_lain[1:]), ukuran)])
        # Counted into every possible key at once, then the keys that occur kept in order: nearly
        # every region, slice and month occurs, so the key space is about the rows' size, and
        # pandas' grouping (which sorts the keys first) was half the road to target at 10M.
        semua_kunci = int(np.prod(ukuran))
        ada = np.flatnonzero(np.bincount(kunci_gabung, minlength=semua_kunci))
        posisi = np.unravel_index(ada, ukuran)
        bagian.append(pd.DataFrame({
            "kode_wilayah": wilayah[posisi[0]], "segmen": segmen[posisi[1]],
            **{k: u[p] for k, u, p in zip(kunci[2:], unik_lain[1:], posisi[2:], strict=True)},
            **{n: _jumlah(kunci_gabung, np.concatenate([isi[:, j], isi[:, j]]), semua_kunci)[ada]
               for j, n in enumerate(nilai)}}))
    return pd.concat(bagian, ignore_index=True)
