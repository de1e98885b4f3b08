"""Village counts behind every public number of one period, for the suppression pattern
(domain.publik): the same definitions as the overview, the map and the trend, counted per
programme, segment and village so that every region's figure is their sum.
"""

from __future__ import annotations

import functools
from datetime import date

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access import iuran
from data_access.db import baca
from data_access.masa_aktif import BIT_PROGRAM, SEMUA_PROGRAM, sql_berhenti
from data_access.ringkasan import bulan_tren, hitungan_aktif
from domain.periode import BANDING, Periode, periode_banding
from domain.publik import (KOLOM_SEL, TREN_AKTIF, UKURAN_IURAN, PolaPublik, akhir_bulan, rentang_bulan, sel_iuran,
                           teks_berulang, waktu_hari, waktu_rentang)
from domain.saringan import Saringan

KOLOM = KOLOM_SEL


def rentang_baru(periode: Periode) -> list[tuple[date, date]]:
    """The date ranges whose new sign-ups are shown: the period, each period it may be compared with
    (whichever the viewer chose, the pattern is the same), and each month of the trend (its last month
    cut at the period's end, as the trend counts it)."""
    banding = [periode_banding(periode, b) for b in BANDING]
    bulan = [rentang_bulan(b, periode.selesai) for b in bulan_tren(periode)]
    return list(dict.fromkeys([(periode.mulai, periode.selesai), *((p.mulai, p.selesai) for p in banding), *bulan]))


def hitungan_sel(engine: sa.Engine, awalan: str, periode: Periode) -> pd.DataFrame:
    """Every village's counts (columns ukuran, program, waktu, kode_desa, segmen, n) under the region
    code `awalan`, for the period, every measure of the pattern (sel_ukuran) together."""
    iuran_periode = _iuran(engine, Saringan(awalan, periode))
    return _gabung([*(sel_ukuran(engine, awalan, periode, u) for u in ("aktif", "baru", "nonaktif")), iuran_periode])


def sel_ukuran(engine: sa.Engine, awalan: str, periode: Periode, ukuran: str) -> pd.DataFrame:
    """One measure's village counts under the region code `awalan`, for the period: active ('aktif')
    at its end, before its start and at each trend month's end; new sign-ups ('baru') in each shown
    range; lapses ('nonaktif') in the period and those it is compared with. Zero counts are left
    out. The payment measures come from _iuran, all three in one count."""
    if ukuran == "aktif":
        bagian = [_aktif_hari(engine, Saringan(awalan, periode)), _aktif_tren(engine, awalan, periode)]
    elif ukuran == "baru":
        bagian = [_baru(engine, awalan, periode)]
    elif ukuran == "nonaktif":
        bagian = [_nonaktif(engine, awalan, periode)]
    else:
        raise ValueError(f"ukuran pola tidak dikenal: {ukuran}")
    return _gabung(bagian)


def _gabung(bagian: list[pd.DataFrame]) -> pd.DataFrame:
    """Cell frames one after another (empty ones left out: pandas warns on them)."""
    bagian = [b for b in bagian if not b.empty]
    return pd.concat(bagian, ignore_index=True) if bagian else pd.DataFrame(columns=KOLOM)


def hari_periode(s: Saringan) -> tuple[str, str]:
    """The days of the period's own active counts, as hitungan_aktif counts them (aktif_akhir,
    aktif_awal): its last and the one before its first."""
    return waktu_hari(s.periode.selesai), waktu_hari(s.hari_sebelum_mulai)


def _aktif_hari(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    aktif = hitungan_aktif(engine, s)[["program", "segmen", "kode_desa", "aktif_akhir", "aktif_awal"]]
    return _sel(aktif, "aktif", list(hari_periode(s)))


def _aktif_tren(engine: sa.Engine, awalan: str, periode: Periode) -> pd.DataFrame:
    # A trend month's end can be the period's own day (or the day before it): one cell, counted once.
    return _aktif_bulan(engine, awalan, periode, kecuali=set(hari_periode(Saringan(awalan, periode))))


def _aktif_bulan(engine: sa.Engine, awalan: str, periode: Periode, kecuali: set[str]) -> pd.DataFrame:
    """Active at each trend month's end but the days in `kecuali`, as the trend counts it: islands
    begun minus ended by then, the years before the first month's year from the yearly rollup."""
    bulan = [b for b in bulan_tren(periode) if waktu_hari(akhir_bulan(b)) not in kecuali]
    if not bulan:
        return pd.DataFrame(columns=KOLOM)
    kolom = ", ".join(f"sum(CASE WHEN bulan <= :b{i} THEN n ELSE 0 END) AS b{i}" for i in range(len(bulan)))
    df = baca(engine, f"""
        SELECT program, segmen, kode_desa, {kolom} FROM (
            SELECT program, segmen, kode_desa, CAST(:tahun_awal AS DATE) AS bulan, sum(mulai - berakhir) AS n
            FROM rekap_masa_aktif_tahunan WHERE kode_desa LIKE :awalan AND tahun < :tahun_awal GROUP BY 1, 2, 3
            UNION ALL
            SELECT program, segmen, kode_desa, bulan, mulai - berakhir FROM rekap_masa_aktif
            WHERE kode_desa LIKE :awalan AND bulan >= :tahun_awal AND bulan <= :batas) x
        GROUP BY 1, 2, 3""", awalan=awalan + "%", batas=bulan[-1], tahun_awal=date(bulan[0].year, 1, 1),
        **{f"b{i}": b for i, b in enumerate(bulan)})
    return _sel(df, "aktif", [waktu_hari(akhir_bulan(b)) for b in bulan])


def _baru(engine: sa.Engine, awalan: str, periode: Periode) -> pd.DataFrame:
    """New sign-ups per range, for any programme and for each programme held (the filter's rule)."""
    rentang = rentang_baru(periode)
    kolom = ", ".join(f"count(*) FILTER (WHERE tanggal_daftar BETWEEN :m{i} AND :s{i}) AS r{i}"
                      for i in range(len(rentang)))
    nilai = {**{f"m{i}": a for i, (a, _) in enumerate(rentang)}, **{f"s{i}": b for i, (_, b) in enumerate(rentang)}}
    df = baca(engine, f"""
        SELECT program_dimiliki AS bit, segmen, kode_desa, {kolom} FROM peserta
        WHERE kode_desa LIKE :awalan AND tanggal_daftar BETWEEN :paling_awal AND :paling_akhir GROUP BY 1, 2, 3""",
        awalan=awalan + "%", paling_awal=min(a for a, _ in rentang), paling_akhir=max(b for _, b in rentang), **nilai)
    # Summed per village and segment for each programme on integer codes: filtering and grouping
    # the text columns once per programme cost more than the scan of the sign-ups.
    kelompok, desa_segmen = pd.MultiIndex.from_arrays([df["segmen"], df["kode_desa"]]).factorize()
    hitungan = df[[f"r{i}" for i in range(len(rentang))]].to_numpy(dtype=np.int64)
    bit = df["bit"].to_numpy(dtype=np.int64)
    per_program = []
    for program, pilih in [(SEMUA_PROGRAM, np.ones(len(df), dtype=bool)),
                           *((p, (bit & b) != 0) for p, b in BIT_PROGRAM.items())]:
        jumlah = np.zeros((len(desa_segmen), len(rentang)), dtype=np.int64)
        np.add.at(jumlah, kelompok[pilih], hitungan[pilih])
        per_program.append(pd.DataFrame({
            "program": program, "segmen": desa_segmen.get_level_values(0), "kode_desa": desa_segmen.get_level_values(1),
            **{f"r{i}": jumlah[:, i] for i in range(len(rentang))}}))
    return _sel(pd.concat(per_program, ignore_index=True), "baru", [waktu_rentang(a, b) for a, b in rentang])


def _nonaktif(engine: sa.Engine, awalan: str, periode: Periode) -> pd.DataFrame:
    """Lapses per programme in the period and in each period it may be compared with: a period
    ended within it and none active at its end."""
    rentang = list(dict.fromkeys([(periode.mulai, periode.selesai),
                                  *((p.mulai, p.selesai) for p in (periode_banding(periode, b) for b in BANDING))]))
    # One scan for every range, as _baru does: a union of one scan per range read the periods four times.
    kolom = ", ".join(f"count(*) FILTER (WHERE {sql_berhenti('b', f':m{i}', f':s{i}')}) AS r{i}"
                      for i in range(len(rentang)))
    lebar = baca(engine, f"""
        SELECT b.program, b.segmen, b.kode_desa, {kolom} FROM masa_aktif b
        WHERE b.kode_desa LIKE :awalan AND b.tanggal_berakhir BETWEEN :paling_awal AND :paling_akhir
        GROUP BY 1, 2, 3""", awalan=awalan + "%", paling_awal=min(a for a, _ in rentang),
        paling_akhir=max(b for _, b in rentang), **{f"m{i}": a for i, (a, _) in enumerate(rentang)},
        **{f"s{i}": b for i, (_, b) in enumerate(rentang)})
    return _sel(lebar, "nonaktif", [waktu_rentang(a, b) for a, b in rentang])


def _sel(lebar: pd.DataFrame, ukuran: str, waktu: list[str]) -> pd.DataFrame:
    """Counts one column per time (program, segmen, kode_desa, then a column for each of `waktu`,
    in order) as pattern cells, time after time, zero counts left out (sel_ukuran): pandas'
    melt and a map of the time names cost as much as the queries."""
    n = lebar.drop(columns=["program", "segmen", "kode_desa"]).to_numpy(dtype=np.int64)
    # Zeros dropped before any name is written: most of a small region's sign-up cells are zero,
    # and filtering the finished cells took their strings again.
    kali, baris = np.nonzero(n.T)
    # Names taken from the columns' own string arrays: a round trip through Python strings, turned
    # back into pandas' strings by the frame, was most of this step at 10M enrolments.
    return pd.DataFrame({
        "ukuran": teks_berulang([ukuran], np.zeros(len(baris), dtype=np.intp)),
        "program": lebar["program"].array.take(baris),
        "waktu": teks_berulang(waktu, kali),
        "kode_desa": lebar["kode_desa"].array.take(baris),
        "segmen": lebar["segmen"].array.take(baris),
        "n": n[baris, kali]}, columns=KOLOM)


def pola_publik(engine: sa.Engine, kode_kab: str, periode: Periode, k: int) -> PolaPublik:
    """The period's suppression pattern over every village of the regency's province in the database
    (the province map shows them beside the regency's), each measure counted when first asked;
    k = 1 hides nothing and reads nothing."""
    if k <= 1:
        return PolaPublik.dari_sel(pd.DataFrame(columns=KOLOM), 1)
    awalan = kode_kab[:2]
    iuran_periode = functools.cache(lambda: _iuran(engine, Saringan(awalan, periode)))

    def sel(bagian: str) -> pd.DataFrame:
        if bagian in UKURAN_IURAN:
            semua = iuran_periode()
            return semua[semua["ukuran"] == bagian]
        if bagian == "aktif":
            return _aktif_hari(engine, Saringan(awalan, periode))
        if bagian == TREN_AKTIF:
            return _aktif_tren(engine, awalan, periode)
        return sel_ukuran(engine, awalan, periode, bagian)

    return PolaPublik(sel, k, hari_periode=frozenset(hari_periode(Saringan(awalan, periode))))


def _iuran(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """The payment counts the money section shows (data_access.iuran.bulanan) as pattern cells."""
    return sel_iuran(iuran.bulanan(engine, s, per="kode_desa", per_segmen=True),
                     iuran.per_desa(engine, s, per_segmen_dana=True), s.periode.mulai, s.periode.selesai)
