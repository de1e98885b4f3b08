"""An attacker with everything the public sees: can any hidden count be worked out by subtraction?

The attacker collects the figures each public surface receives from the presentation step (the
overview's tiles, bars, trend and village tables, and its money section: lapses and returns per
month, in total and per funding source; the map's value for every village, for each measure; the
briefing shows the same objects) for the regency and every kecamatan, five periods,
and every programme and segment filter. What was hidden is unknown; what was shown anywhere is
known. Then, with equations any visitor can write down (a region is the sum of its parts, a total
the sum of its segments, a period the sum of its months), it solves every equation left with one
unknown, again and again. The equations and the solving are this file's own, not the app's.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pandas as pd
import pytest

from data_access import iuran
from data_access.peta import nilai_desa
from data_access.publik import pola_publik
from data_access.ringkasan import daftar_wilayah, ringkasan_halaman
from domain.periode import BANDING, periode_dari_kunci
from domain.program import Program, Segmen
from domain.saringan import Saringan
from domain.publik import waktu_bulan_iuran
from tampilan.publik import iuran_publik, nilai_peta, ringkasan_publik
from tests.conftest import HARI_INI_UJI

K = 5
PERIODE = ["ytd", "12b", "2025", "2025-K4", "2024"]
SEGMEN = [s.value for s in Segmen]
SARINGAN = [(None, None), *[(p.value, None) for p in Program], *[(None, s) for s in SEGMEN]]


def _hari(d) -> str:
    return pd.Timestamp(d).date().isoformat()


def _rentang(a, b) -> str:
    return f"{_hari(a)}..{_hari(b)}"


def _akhir_bulan(b) -> date:
    return (pd.Timestamp(b) + pd.offsets.MonthEnd(0)).date()


class Pengamat:
    """What the attacker has seen: per cell, the numbers shown and whether it was shown hidden."""

    def __init__(self) -> None:
        self.terlihat: dict[tuple, set[int]] = defaultdict(set)
        self.tersembunyi: set[tuple] = set()
        self.angka_dilihat = 0
        self.persamaan: list[tuple[tuple, list[tuple]]] = []  # read off a table: its total = its rows

    def catat(self, sel: tuple, nilai) -> None:
        if nilai is None or pd.isna(nilai):
            self.tersembunyi.add(sel)
        else:
            self.terlihat[sel].add(int(round(float(nilai))))
            self.angka_dilihat += 1


def _lihat_ringkasan(mata: Pengamat, publik, s: Saringan) -> None:
    a, r, p, seg = publik.angka, s.kode_wilayah, s.program or "SEMUA", s.segmen or "*"
    akhir, awal = _hari(s.periode.selesai), _hari(s.periode.mulai - timedelta(days=1))
    lalu = s.pembanding
    mata.catat(("aktif", p, akhir, r, seg), a.peserta_aktif)
    if a.peserta_aktif is not None:
        mata.catat(("aktif", p, awal, r, seg), None if a.perubahan_aktif is None else int(a.perubahan_aktif.pembanding))
    mata.catat(("baru", p, _rentang(s.periode.mulai, s.periode.selesai), r, seg), a.pendaftaran_baru)
    mata.catat(("baru", p, _rentang(lalu.mulai, lalu.selesai), r, seg), a.pendaftaran_baru_sebelumnya)
    mata.catat(("nonaktif", p, _rentang(s.periode.mulai, s.periode.selesai), r, seg), a.nonaktif)
    mata.catat(("nonaktif", p, _rentang(lalu.mulai, lalu.selesai), r, seg), a.nonaktif_sebelumnya)
    # Coverage times the informal workers shown beside it gives the BPU count back.
    if a.pekerja_informal:
        mata.catat(("aktif", "JKK", akhir, r, "BPU"),
                   None if a.cakupan_bpu is None else a.cakupan_bpu * a.pekerja_informal / 100)
    for prog, n in zip(publik.per_program["program"], publik.per_program["peserta_aktif"], strict=True):
        mata.catat(("aktif", prog, akhir, r, seg), n)
    for x, n in zip(publik.per_segmen["segmen"], publik.per_segmen["peserta_aktif"], strict=True):
        mata.catat(("aktif", p, akhir, r, x), n)
    for b, aktif, baru in publik.tren[["bulan", "peserta_aktif", "pendaftaran_baru"]].itertuples(index=False):
        mata.catat(("aktif", p, _hari(_akhir_bulan(b)), r, seg), aktif)
        mata.catat(("baru", p, _rentang(b, min(_akhir_bulan(b), s.periode.selesai)), r, seg), baru)
    for kode, n in zip(publik.cakupan_desa["kode"], publik.cakupan_desa["bpu_aktif"], strict=True):
        mata.catat(("aktif", "JKK", akhir, kode, "BPU"), n)


def _lihat_iuran(mata: Pengamat, uang, s: Saringan) -> None:
    """The money section: lapses and returns per month, over all the months, and per funding source,
    whose rows are all the sources there are (a table's rows add up to its total)."""
    if not uang.ada:
        return
    r, seg = s.kode_wilayah, s.segmen or "*"
    semua = waktu_bulan_iuran(s.periode.mulai, s.periode.selesai)
    for ukuran in ("berhenti", "kembali"):
        u = f"{ukuran}_iuran"
        bulan = []
        for b, n in zip(uang.per_bulan["bulan"], uang.per_bulan[ukuran], strict=True):
            bulan.append((u, "SEMUA", waktu_bulan_iuran(b), r, seg))
            mata.catat(bulan[-1], n)
        mata.catat((u, "SEMUA", semua, r, seg), getattr(uang, ukuran))
        mata.persamaan.append(((u, "SEMUA", semua, r, seg), bulan))
        sumber = []
        for dana, n in zip(uang.per_dana["sumber_dana"], uang.per_dana[ukuran], strict=True):
            sumber.append((f"{u}:{dana}", "SEMUA", semua, r, seg))
            mata.catat(sumber[-1], n)
        mata.persamaan.append(((u, "SEMUA", semua, r, seg), sumber))


def _lihat_peta(mata: Pengamat, desa: pd.DataFrame, nilai: pd.DataFrame, ukuran: str, s: Saringan) -> None:
    p, seg = s.program or "SEMUA", s.segmen or "*"
    for kode, v in zip(nilai.index, nilai["nilai"], strict=True):
        if ukuran == "aktif":
            mata.catat(("aktif", p, _hari(s.periode.selesai), kode, seg), v)
        elif ukuran == "baru":
            mata.catat(("baru", p, _rentang(s.periode.mulai, s.periode.selesai), kode, seg), v)
        else:
            informal = desa.loc[kode, "pekerja_informal"]
            if pd.notna(informal) and informal:
                mata.catat(("aktif", "JKK", _hari(s.periode.selesai), kode, "BPU"),
                           None if v is None or pd.isna(v) else v * informal / 100)


def _persamaan(sel: set[tuple], anak: dict[str, list[str]]) -> list[tuple[tuple, list[tuple]]]:
    """Every equation a visitor knows among these cells: region = Σ its parts, total = Σ segments,
    a range = Σ the ranges that tile it."""
    hasil = []
    kelompok = defaultdict(set)
    for u, p, w, r, _ in sel:
        kelompok[(u, p, w)].add(r)
    rentang_per = defaultdict(set)
    for u, p, w, _, _ in sel:
        if ".." in w:
            rentang_per[(u, p)].add(w)
    for (u, p, w), wilayah in kelompok.items():
        for r in wilayah:
            hasil.append(((u, p, w, r, "*"), [(u, p, w, r, s) for s in SEGMEN]))
            if anak.get(r):
                for s in ["*", *SEGMEN]:
                    hasil.append(((u, p, w, r, s), [(u, p, w, c, s) for c in anak[r]]))
    for (u, p), semua in rentang_per.items():
        batas = {w: tuple(date.fromisoformat(x) for x in w.split("..")) for w in semua}
        for w, (a, b) in batas.items():
            bagian = sorted(v for v, (c, d) in batas.items() if v != w and a <= c and d <= b and (d - c) < (b - a))
            rantai, hari = [], a
            for v in bagian:
                c, d = batas[v]
                if c == hari:
                    rantai.append(v)
                    hari = d + timedelta(days=1)
            if len(rantai) > 1 and hari == b + timedelta(days=1):
                wilayah = {r for (u2, p2, w2), rr in kelompok.items() if (u2, p2) == (u, p) for r in rr}
                for r in wilayah:
                    for s in ["*", *SEGMEN]:
                        hasil.append(((u, p, w, r, s), [(u, p, v, r, s) for v in rantai]))
    return hasil


def _serang(mata: Pengamat, anak: dict[str, list[str]]) -> tuple[list[tuple], list[tuple]]:
    """Cells shown in one place and hidden in another, and hidden cells the equations pin down."""
    bertentangan = [c for c in mata.tersembunyi if c in mata.terlihat]
    tahu = {c: min(v) for c, v in mata.terlihat.items()}
    semua = set(tahu) | mata.tersembunyi
    persamaan = _persamaan(semua, anak) + mata.persamaan
    ditemukan = []
    berubah = True
    while berubah:
        berubah = False
        for total, bagian in persamaan:
            anggota = [total, *bagian]
            # A part never shown anywhere (a zero the surfaces leave out, a village × segment) is unknown.
            belum = [c for c in anggota if c not in tahu]
            if len(belum) != 1:
                continue
            c = belum[0]
            nilai = tahu[total] - sum(tahu[b] for b in bagian if b != c) if c != total else sum(tahu[b] for b in bagian)
            tahu[c] = nilai
            berubah = True
            if c in mata.tersembunyi or 0 < nilai < K:
                ditemukan.append((c, nilai))
    return bertentangan, ditemukan


class HanyaPrimer:
    """The suppression every surface used to apply on its own: small counts only, no complements."""

    k = K

    def nilai(self, n, *_):
        return None if n is None or pd.isna(n) or 0 < int(n) < K else int(n)

    def tersembunyi(self, *_):
        return False


def _amati(engine_demo, kunci_periode: str, pola, mata: Pengamat | None = None) -> tuple[int, Pengamat, dict]:
    wilayah = daftar_wilayah(engine_demo, "33.26")
    kecamatan = wilayah[wilayah["tingkat"] == "kecamatan"]["kode"].tolist()
    anak: dict[str, list[str]] = defaultdict(list)
    for kode, induk in wilayah[["kode", "kode_induk"]].itertuples(index=False):
        anak[induk].append(kode)
    periode = periode_dari_kunci(kunci_periode, HARI_INI_UJI)
    pola = pola or pola_publik(engine_demo, "33.26", periode, K)
    mata = mata or Pengamat()
    tampilan = 0
    for segmen in [None, *SEGMEN]:  # contributions are every programme's: no programme filter
        for kode in ["33.26", *kecamatan]:
            s = Saringan(kode, periode, None, segmen)
            _lihat_iuran(mata, iuran_publik(iuran.bulanan(engine_demo, s), s, pola), s)
            tampilan += 1
    for program, segmen in SARINGAN:
        for kode in ["33.26", *kecamatan]:
            for banding in BANDING:  # the viewer chooses the comparison: both are seen
                s = Saringan(kode, periode, program, segmen, banding)
                _lihat_ringkasan(mata, ringkasan_publik(ringkasan_halaman(engine_demo, s), s, pola), s)
                tampilan += 1
        s = Saringan("33.26", periode, program, segmen)
        desa = nilai_desa(engine_demo, s)
        for ukuran in ("aktif", "baru", "cakupan"):
            _lihat_peta(mata, desa, nilai_peta(desa, ukuran, s, pola), ukuran, s)
            tampilan += 1
    return tampilan, mata, anak


@pytest.mark.parametrize("kunci_periode", PERIODE)
def test_no_hidden_count_can_be_worked_out_from_what_the_public_sees(engine_demo, kunci_periode):
    tampilan, mata, anak = _amati(engine_demo, kunci_periode, None)
    bertentangan, ditemukan = _serang(mata, anak)
    print(f"\n{kunci_periode}: {tampilan} views, {mata.angka_dilihat} numbers seen, "
          f"{len(mata.tersembunyi)} cells hidden, {len(ditemukan)} recovered, {len(bertentangan)} shown and hidden")
    assert len(mata.tersembunyi) > 20, "the views must hide something, or this test proves nothing"
    assert not bertentangan, bertentangan[:5]
    assert not ditemukan, ditemukan[:5]


@pytest.mark.xfail(strict=True, reason=(
    "known defect, open: the pattern is decided per period, so a month hidden as a complement in one "
    "period's pattern is shown in another's (DuckDB: 130 cells shown and hidden, 99 hidden counts recovered)"))
def test_no_hidden_count_can_be_worked_out_from_overlapping_periods_together(engine_demo):
    """A visitor looks at a year, its last quarter and the last twelve months one after the other: the
    same month or day appears in each. A month hidden as a complement in one period's pattern and
    shown in another's gives the small count it protects back."""
    mata = Pengamat()
    for kunci in ("2025", "2025-K4", "12b"):
        _, mata, anak = _amati(engine_demo, kunci, None, mata)
    bertentangan, ditemukan = _serang(mata, anak)
    print(f"\n2025 + 2025-K4 + 12b: {mata.angka_dilihat} numbers seen, {len(mata.tersembunyi)} cells hidden, "
          f"{len(ditemukan)} recovered, {len(bertentangan)} shown and hidden")
    assert not bertentangan, bertentangan[:5]
    assert not ditemukan, ditemukan[:5]


def test_the_attacker_finds_what_per_table_suppression_gave_away(engine_demo):
    """The control: the same views with small counts hidden one by one, as before, give counts back."""
    _, mata, anak = _amati(engine_demo, "2025", HanyaPrimer())
    _, ditemukan = _serang(mata, anak)
    print(f"\nsmall counts only: {len(ditemukan)} recovered, e.g. {ditemukan[:2]}")
    assert len(ditemukan) > 10
