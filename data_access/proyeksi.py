"""The year's active-participant targets with their projection to 31 December (domain.proyeksi):
each target's monthly history read from the monthly rollup, the same count as the trend's."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from data_access.masa_aktif import SEMUA_PROGRAM
from data_access.target import capaian_target
from domain.proyeksi import BULAN_MODEL, HasilUji, Proyeksi, bulan_lengkap_terakhir, proyeksikan, uji_mundur

UKURAN = "peserta_aktif"
BULAN_UJI = (3, 6)


@dataclass(frozen=True)
class JalanTarget:
    """Every active-participant target of the year in the region, with its projection.

    `target`: capaian_target's rows for those targets (kode_wilayah, nama, tingkat, segmen, program,
    target, realisasi, persen, status, ...) in the same order as `proyeksi`.
    `riwayat`: the region's own history of the first target (the filter's region, all segments and
    programmes where it has one) for the chart: month ends → active.
    `uji`: the backtest over every series projected here, 3 and 6 months back.
    """

    target: pd.DataFrame
    proyeksi: list[Proyeksi]
    riwayat: dict[int, pd.Series]  # row position → its month-end history
    uji: dict[int, HasilUji | None]


def _bersih_bulanan(engine: sa.Engine, awalan: str, sejak: date, sampai: date, program: list[str]) -> pd.DataFrame:
    """Islands begun minus ended per village, segment, programme and month, from the month of `sejak`
    to that of `sampai`; every month before `sejak` summed into the month before it (the opening
    level), so the rows read do not grow with the years of history."""
    pembuka = (pd.Timestamp(sejak) - pd.offsets.MonthBegin(1)).date()
    df = baca(engine, sa.text("""
        SELECT kode_desa, segmen, program, CASE WHEN bulan < :sejak THEN :pembuka ELSE bulan END AS bulan,
               sum(mulai - berakhir) AS bersih FROM rekap_masa_aktif
        WHERE kode_desa LIKE :awalan AND program IN :program AND bulan <= :sampai
        GROUP BY 1, 2, 3, 4""").bindparams(sa.bindparam("program", expanding=True)),
        awalan=awalan + "%", program=program, sejak=pd.Timestamp(sejak).replace(day=1).date(), pembuka=pembuka,
        sampai=sampai)
    df["bulan"] = pd.to_datetime(df["bulan"]) + pd.offsets.MonthEnd(0)
    return df


def _riwayat(bersih: pd.DataFrame, target: pd.DataFrame, bulan: pd.DatetimeIndex) -> dict[int, pd.Series]:
    """Each target row's month-end history (position → active at each of `bulan`): the monthly net
    change of the villages under its region in its slice, accumulated over time. The net changes
    are first summed into one dense array (village × segment × programme × month), from which each
    target takes its own rows: summing every region and slice into a frame (jumlah_per_wilayah, as
    capaian_target does for the year's totals) built 50,000 rows at 10M enrolments for 70 targets."""
    if not len(bersih):
        return {i: pd.Series(0.0, index=bulan) for i in range(len(target))}
    # Months before the first of `bulan` are the opening level: they count from its first month on.
    kode_bulan = np.searchsorted(bulan.to_numpy(), bersih["bulan"].to_numpy(dtype="datetime64[ns]"))
    bersih, kode_bulan = bersih[kode_bulan < len(bulan)], kode_bulan[kode_bulan < len(bulan)]  # none read: a guard
    kode_desa, desa = pd.factorize(bersih["kode_desa"])
    kode_segmen, segmen = pd.factorize(bersih["segmen"])
    kode_program, program = pd.factorize(bersih["program"])
    ukuran = (len(desa), len(segmen), len(program), len(bulan))
    jumlah = np.bincount(np.ravel_multi_index((kode_desa, kode_segmen, kode_program, kode_bulan), ukuran),
                         weights=np.nan_to_num(bersih["bersih"].to_numpy(dtype=np.float64)),
                         minlength=int(np.prod(ukuran))).reshape(ukuran).cumsum(axis=3)
    posisi_program = {("SEMUA" if p == SEMUA_PROGRAM else p): i for i, p in enumerate(program)}
    # Each village's code cut to each target code's length, compared as plain arrays: a string
    # method per target cost more than the sums.
    kode_teks = desa.tolist()
    potongan = {n: np.array([d[:n] for d in kode_teks], dtype=object)
                for n in target["kode_wilayah"].str.len().unique()}
    riwayat = {}
    for i, (kode, seg, prog) in enumerate(target[["kode_wilayah", "segmen", "program"]].itertuples(index=False)):
        baris = np.zeros(len(bulan))
        if prog in posisi_program and (seg == "SEMUA" or seg in segmen):
            pilih_segmen = slice(None) if seg == "SEMUA" else segmen.get_loc(seg)
            bagian = jumlah[potongan[len(kode)] == kode, pilih_segmen, posisi_program[prog]]
            baris = bagian.reshape(-1, len(bulan)).sum(axis=0)
        riwayat[i] = pd.Series(baris, index=bulan)
    return riwayat


def jalan_ke_target(engine: sa.Engine, awalan: str, segmen: str | None, program: str | None,
                    hari_ini: date, capaian: pd.DataFrame | None = None) -> JalanTarget:
    """The active-participant targets of today's year within the region `awalan`, projected: the
    region's and its kecamatan's for the filter's slice (None: all), and every village's target
    (villages have their own slices). Empty when none is set. `capaian`: the region's
    capaian_target rows of today's year, when the caller has them already."""
    if capaian is None:
        capaian = capaian_target(engine, awalan, hari_ini.year, hari_ini)
    irisan = (capaian["segmen"] == (segmen or "SEMUA")) & (capaian["program"] == (program or "SEMUA"))
    capaian = capaian[(capaian["ukuran"] == UKURAN) & (irisan | (capaian["tingkat"] == "desa"))].reset_index(drop=True)
    if capaian.empty:
        return JalanTarget(capaian, [], {}, {})
    lengkap = bulan_lengkap_terakhir(hari_ini)
    bulan = pd.date_range(end=pd.Timestamp(lengkap), periods=BULAN_MODEL, freq="ME")
    program = sorted({SEMUA_PROGRAM if p == "SEMUA" else p for p in capaian["program"]})
    bersih = _bersih_bulanan(engine, awalan, bulan[0].date(), lengkap, program)
    riwayat = _riwayat(bersih, capaian, bulan)
    proyeksi = [proyeksikan(riwayat[i], int(b.realisasi), int(b.target), hari_ini)
                for i, b in enumerate(capaian.itertuples(index=False))]
    # The backtest reads what happened up to the last complete month, so its forecasts end there.
    deret = [r for r in riwayat.values() if r.iloc[-1] > 0]
    return JalanTarget(capaian, proyeksi, riwayat, {b: uji_mundur(deret, b) for b in BULAN_UJI})
