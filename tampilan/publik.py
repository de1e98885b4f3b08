"""The one place that turns query results into what a viewer may see.

Every number a page, a download, a slide or the projector shows passes through here with the
viewer's suppression pattern (domain.publik.PolaPublik; k = 1 for leadership hides nothing). A hidden
count comes out as missing (pd.NA or None) and a figure computed from it goes with it; pages only
format and draw what they get. Event figures (attendance, sign-ups at one event, their breakdowns)
belong to no region table and are made safe here too, group by group.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from data_access.layar import AngkaLayar
from data_access.proyeksi import JalanTarget
from data_access.ringkasan import RingkasanHalaman
from domain import kpi
from domain.iuran import batas_corong
from domain.kegiatan import BULAN_IURAN, BULAN_RETENSI
from domain.layar import ModeLayar, kemajuan, tonggak
from domain.periode import Periode
from domain.publik import (UKURAN_IURAN, PolaPublik, akhir_bulan, rentang_bulan, waktu_bulan_iuran, waktu_dana,
                           waktu_hari, waktu_rentang)
from domain.saringan import Saringan
from domain.sinyal import Perubahan, perubahan
from domain.suppresi import kecil, sembunyikan, sembunyikan_kelompok


def _ada(n) -> bool:
    return n is not None and not pd.isna(n)


@dataclass(frozen=True)
class AngkaPublik:
    """The overview's tiles; None is hidden for a count, and a derived figure is None when hidden or
    unknown (`*_tersembunyi` tells which)."""

    peserta_aktif: int | None
    perubahan_aktif: Perubahan | None  # against the day before the period began
    pendaftaran_baru: int | None
    pendaftaran_baru_sebelumnya: int | None
    perubahan_pendaftaran: Perubahan | None  # against the comparison period
    cakupan_bpu: float | None
    cakupan_tersembunyi: bool
    pekerja_informal: int | None
    capaian_target: float | None
    target_aktif: int | None
    nonaktif: int | None
    nonaktif_sebelumnya: int | None
    perubahan_nonaktif: Perubahan | None  # against the comparison period
    tingkat_nonaktif: float | None  # a rate: lapsed ÷ active at the start, never drawn as a change
    nonaktif_tersembunyi: bool
    kosong: bool  # nothing active and nothing new: the page says so instead of drawing
    awal: date  # the day the active change is measured from (the day before the period)
    pembanding: Periode  # the period new sign-ups and lapses are compared with


@dataclass(frozen=True)
class RingkasanPublik:
    angka: AngkaPublik
    per_program: pd.DataFrame  # program, peserta_aktif (hidden bars left out)
    per_segmen: pd.DataFrame  # segmen, peserta_aktif (hidden bars left out)
    tren: pd.DataFrame  # bulan, peserta_aktif, pendaftaran_baru (pd.NA where hidden), target_aktif
    cakupan_desa: pd.DataFrame  # kode, nama, kecamatan, bpu_aktif (pd.NA hidden), pekerja_informal, cakupan_persen


# The pattern's measures the overview's numbers, bars, trend and villages come from (its payments tab
# reads the payment measures through iuran_publik): what the server's warm-up decides before the first visitor.
UKURAN_RINGKASAN = ("aktif", "baru", "nonaktif")


def ringkasan_publik(h: RingkasanHalaman, s: Saringan, pola: PolaPublik) -> RingkasanPublik:
    """The overview of region `s` as the viewer of `pola` may see it."""
    a, r, p, seg = h.angka, s.kode_wilayah, s.program, s.segmen
    akhir, awal = waktu_hari(s.periode.selesai), waktu_hari(s.hari_sebelum_mulai)
    lalu = s.pembanding
    rentang, rentang_lalu = waktu_rentang(s.periode.mulai, s.periode.selesai), waktu_rentang(lalu.mulai, lalu.selesai)

    aktif = pola.nilai(a.peserta_aktif, "aktif", p, akhir, r, seg)
    aktif_awal = pola.nilai(a.peserta_aktif_awal, "aktif", p, awal, r, seg)
    baru = pola.nilai(a.pendaftaran_baru, "baru", p, rentang, r, seg)
    baru_lalu = pola.nilai(a.pendaftaran_baru_sebelumnya, "baru", p, rentang_lalu, r, seg)
    bpu = pola.nilai(a.bpu_aktif_jkk_jkm, "aktif", "JKK", akhir, r, "BPU")
    nonaktif = pola.nilai(a.nonaktif, "nonaktif", p, rentang, r, seg)
    nonaktif_lalu = pola.nilai(a.nonaktif_sebelumnya, "nonaktif", p, rentang_lalu, r, seg)
    angka = AngkaPublik(
        peserta_aktif=aktif,
        perubahan_aktif=perubahan("peserta_aktif", aktif, aktif_awal) if a.peserta_aktif_awal else None,
        pendaftaran_baru=baru, pendaftaran_baru_sebelumnya=baru_lalu,
        perubahan_pendaftaran=perubahan("pendaftaran_baru", baru, baru_lalu),
        cakupan_bpu=a.cakupan_bpu if _ada(bpu) else None, cakupan_tersembunyi=not _ada(bpu),
        pekerja_informal=a.pekerja_informal,
        capaian_target=a.capaian_target if _ada(aktif) else None, target_aktif=a.target_aktif,
        nonaktif=nonaktif, nonaktif_sebelumnya=nonaktif_lalu,
        perubahan_nonaktif=perubahan("nonaktif", nonaktif, nonaktif_lalu),
        tingkat_nonaktif=a.tingkat_nonaktif if _ada(nonaktif) and _ada(aktif_awal) else None,
        nonaktif_tersembunyi=not (_ada(nonaktif) and _ada(aktif_awal)),
        kosong=a.peserta_aktif == 0 and a.pendaftaran_baru == 0,
        awal=s.hari_sebelum_mulai, pembanding=lalu,
    )
    per_program = h.per_program.assign(peserta_aktif=[
        pola.nilai(n, "aktif", prog, akhir, r, seg) for prog, n in zip(h.per_program["program"],
                                                                       h.per_program["peserta_aktif"], strict=True)])
    per_segmen = h.per_segmen.assign(peserta_aktif=[
        pola.nilai(n, "aktif", p, akhir, r, x) for x, n in zip(h.per_segmen["segmen"],
                                                              h.per_segmen["peserta_aktif"], strict=True)])
    tren = h.tren.copy()
    bulan = [pd.Timestamp(b).date() for b in tren["bulan"]]
    # Floats with NaN, not nullable integers: the charts leave a NaN month out.
    tren["peserta_aktif"] = pd.Series([
        pola.nilai(n, "aktif", p, waktu_hari(akhir_bulan(b)), r, seg)
        for b, n in zip(bulan, tren["peserta_aktif"], strict=True)], index=tren.index, dtype="float64")
    tren["pendaftaran_baru"] = pd.Series([
        pola.nilai(n, "baru", p, waktu_rentang(*rentang_bulan(b, s.periode.selesai)), r, seg)
        for b, n in zip(bulan, tren["pendaftaran_baru"], strict=True)], index=tren.index, dtype="float64")
    desa = h.cakupan_desa.copy()
    desa["bpu_aktif"] = pd.array([pola.nilai(n, "aktif", "JKK", akhir, kode, "BPU")
                                  for kode, n in zip(desa["kode"], desa["bpu_aktif"], strict=True)], dtype="Int64")
    desa["cakupan_persen"] = desa["cakupan_persen"].where(desa["bpu_aktif"].notna().to_numpy(), None)
    return RingkasanPublik(angka, _tanpa_kosong(per_program), _tanpa_kosong(per_segmen), tren, desa)


def _tanpa_kosong(df: pd.DataFrame) -> pd.DataFrame:
    return df[df["peserta_aktif"].notna()].assign(peserta_aktif=lambda d: d["peserta_aktif"].astype(int))


# Which column a map measure shows, and the cell it is computed from (measure, programme from the
# filter or fixed, segment from the filter or fixed).
UKURAN_PETA = {
    "cakupan": ("cakupan_persen", "bpu_aktif", ("aktif", "JKK", "BPU")),
    "aktif": ("aktif", "aktif", ("aktif", None, None)),
    "baru": ("baru", "baru", ("baru", None, None)),
    "target": ("capaian_target_persen", "bpu_aktif", ("aktif", "JKK", "BPU")),
}


def nilai_peta(per_wilayah: pd.DataFrame, ukuran: str, s: Saringan, pola: PolaPublik) -> pd.DataFrame:
    """The chosen measure per region (index: code, any level) for a map and its table: nilai (None
    when hidden or unknown), tersembunyi, the Desa Sadar status where known, and the region's name
    where the counts carry one. Nothing else of the counts goes on to the page."""
    if ukuran in UKURAN_IURAN_PETA:
        return _nilai_peta_iuran(per_wilayah, ukuran, s, pola)
    kolom, pembilang, (jenis, program, segmen) = UKURAN_PETA[ukuran]
    w = waktu_hari(s.periode.selesai) if jenis == "aktif" else waktu_rentang(s.periode.mulai, s.periode.selesai)
    program, segmen = program or s.program, segmen or s.segmen
    terlihat = [pola.nilai(n, jenis, program, w, str(kode), segmen) is not None
                for kode, n in zip(per_wilayah.index, per_wilayah[pembilang], strict=True)]
    nilai = [None if not t or pd.isna(v) else float(v)
             for v, t in zip(per_wilayah[kolom], terlihat, strict=True)]
    status = per_wilayah["status"] if "status" in per_wilayah else None
    hasil = pd.DataFrame({"nilai": nilai, "tersembunyi": [not t for t in terlihat], "status": status},
                         index=per_wilayah.index)
    if "nama" in per_wilayah:
        hasil["nama"] = per_wilayah["nama"]
    return hasil


# Rates from the payment rollup: (column, the counts behind it that must not be small).
UKURAN_IURAN_PETA = {  # the rate, the counts behind it, and the pattern's measure for its numerator
    "kolektibilitas": ("kolektibilitas_persen", ("peserta_bayar",), "bayar_iuran"),
    "berhenti": ("berhenti_persen", ("berhenti", "aktif_awal_iuran"), "berhenti_iuran"),
}


def _nilai_peta_iuran(per_wilayah: pd.DataFrame, ukuran: str, s: Saringan, pola: PolaPublik) -> pd.DataFrame:
    """A payment rate per village, hidden where a count behind it is small, or where the pattern
    hides the village's count for the period (the money section of that village shows it): a lapse
    rate over a village's active participants (shown on the same map) gives back its lapses."""
    kolom, dasar, ukuran_pola = UKURAN_IURAN_PETA[ukuran]
    semua = waktu_bulan_iuran(s.periode.mulai, s.periode.selesai)
    tersembunyi = [any(pd.notna(b[c]) and kecil(int(b[c]), pola.k) for c in dasar)
                   or pola.tersembunyi(ukuran_pola, None, semua, str(kode), s.segmen)
                   for kode, b in per_wilayah[list(dasar)].iterrows()]
    nilai = [None if s or pd.isna(v) else float(v) for v, s in zip(per_wilayah[kolom], tersembunyi, strict=True)]
    hasil = pd.DataFrame({"nilai": nilai, "tersembunyi": tersembunyi,
                          "status": per_wilayah["status"] if "status" in per_wilayah else None}, index=per_wilayah.index)
    if "nama" in per_wilayah:
        hasil["nama"] = per_wilayah["nama"]
    return hasil


@dataclass(frozen=True)
class EntriTicker:
    """One recent sign-up as the room may read it: only the programmes, funding source and occupation
    whose counts at the event are shown elsewhere on the stage, and when it was saved."""

    program: tuple[str, ...]
    sumber_dana: str | None
    pekerjaan: str | None
    waktu: datetime | None  # UTC, saved by the form; None for an imported row
    tanggal: date


@dataclass(frozen=True)
class LayarPublik:
    """The projector stage. The headline (sign-ups since the event began) is exact unless the branch
    turned that off: the room watches people walk to the desk, so a small number tells it nothing it
    cannot see. Programmes, the ticker's details and the village's standing keep suppression."""

    nama_kegiatan: str
    kode_desa: str
    nama_desa: str
    nama_kec: str
    tanggal_mulai: date
    tanggal_selesai: date
    mode: ModeLayar
    jumlah: int | None
    target: int | None
    tonggak: int  # the goal's quarter reached: 0, 25, 50, 75, 100 (0 while the headline is hidden)
    kemajuan: float | None  # 0–1 of the goal; None without a goal or while the headline is hidden
    persen_target: float | None  # the same in percent, past 100 too, for the closing summary
    per_program: dict[str, int | None]
    persen_jht: float | None  # share choosing JHT; None when its count or the total is hidden
    aktif_desa: int | None
    cakupan_desa: float | None
    cakupan_tersembunyi: bool
    ticker: list[EntriTicker]


# The programmes the stage always shows; any other one appears once someone has chosen it.
PROGRAM_LAYAR = ("JKK", "JKM", "JHT")


def _kelompok_terlihat(jumlah: dict[str, int], k: int) -> set[str]:
    """Which groups of a breakdown that adds up to the headline may be named: complementary
    suppression as for every such breakdown, so no hidden group follows from the others."""
    kunci = list(jumlah)
    sembunyi = sembunyikan_kelompok([jumlah[g] for g in kunci], k)
    return {g for g, s in zip(kunci, sembunyi, strict=True) if not s}


def layar_publik(a: AngkaLayar, hari_ini: date, pola: PolaPublik, angka_pasti: bool = True) -> LayarPublik:
    k = pola.k
    hari = waktu_hari(hari_ini)
    bpu = pola.nilai(a.bpu_aktif_desa, "aktif", "JKK", hari, a.kode_desa, "BPU")
    jumlah = a.jumlah if angka_pasti else sembunyikan(a.jumlah, k)
    program = {p: sembunyikan(a.per_program.get(p, 0), k)
               for p in (*PROGRAM_LAYAR, *sorted(set(a.per_program) - set(PROGRAM_LAYAR)))}
    jht = program.get("JHT")
    ticker: list[EntriTicker] = []
    if jumlah is not None and a.jumlah >= (1 if angka_pasti else k):
        dana, pekerjaan = _kelompok_terlihat(a.per_dana, k), _kelompok_terlihat(a.per_pekerjaan, k) - {""}
        ticker = [EntriTicker(program=tuple(p for p in str(r.program).split(", ") if program.get(p) is not None),
                              sumber_dana=r.sumber_dana if r.sumber_dana in dana else None,
                              pekerjaan=r.pekerjaan if r.pekerjaan in pekerjaan else None,
                              waktu=None if pd.isna(r.waktu) else pd.Timestamp(r.waktu).to_pydatetime(),
                              tanggal=pd.Timestamp(r.tanggal_daftar).date())
                  for r in a.terbaru.itertuples(index=False)]
    return LayarPublik(
        nama_kegiatan=a.nama_kegiatan, kode_desa=a.kode_desa, nama_desa=a.nama_desa, nama_kec=a.nama_kec,
        tanggal_mulai=a.tanggal_mulai, tanggal_selesai=a.tanggal_selesai, mode=a.mode,
        jumlah=jumlah, target=a.target,
        tonggak=0 if jumlah is None else tonggak(jumlah, a.target),
        kemajuan=None if jumlah is None else kemajuan(jumlah, a.target),
        persen_target=None if jumlah is None else kpi.rasio_persen(jumlah, a.target),
        per_program=program,
        persen_jht=kpi.rasio_persen(jht, jumlah) if jht is not None and jumlah else None,
        aktif_desa=pola.nilai(a.aktif_desa, "aktif", None, hari, a.kode_desa, None),
        cakupan_desa=a.cakupan_desa if _ada(bpu) else None, cakupan_tersembunyi=not _ada(bpu),
        ticker=ticker,
    )


def kegiatan_publik(df: pd.DataFrame, k: int) -> pd.DataFrame:
    """Event rows (data_access.kegiatan.hasil_kegiatan) with small counts hidden (pd.NA) and every
    ratio that would give one back hidden with it: conversion with attendance or sign-ups, retention
    with its count or its base, cost per active participant with that count."""
    hasil = df.copy()
    hasil["jumlah_hadir_tersembunyi"] = False
    for b in BULAN_RETENSI:
        hasil[f"aktif_{b}_bulan_tersembunyi"] = False
    if k <= 1 or hasil.empty:
        return hasil

    def saring(kolom: str) -> pd.Series:
        return pd.array([None if pd.isna(n) or sembunyikan(int(n), k) is None else int(n)
                         for n in hasil[kolom]], dtype="Int64")

    hasil["jumlah_hadir"] = saring("jumlah_hadir")
    hasil["jumlah_hadir_tersembunyi"] = (df["jumlah_hadir"].notna() & hasil["jumlah_hadir"].isna()).to_numpy()
    hasil["pendaftar"] = saring("pendaftar")
    hasil["konversi_persen"] = hasil["konversi_persen"].where(hasil["pendaftar"].notna().to_numpy()
                                                              & ~hasil["jumlah_hadir_tersembunyi"], None)
    for b in BULAN_RETENSI:
        # A share of a small base would give its count back as surely as the count itself.
        aktif, matang = f"aktif_{b}_bulan", f"matang_{b}_bulan"
        kecil = [pd.notna(n) and (0 < int(n) < k or 0 < int(m) < k) for n, m in zip(df[aktif], df[matang], strict=True)]
        hasil[f"{aktif}_tersembunyi"] = kecil
        hasil[aktif] = hasil[aktif].mask(kecil, pd.NA)
        hasil[f"retensi_{b}_bulan_persen"] = hasil[f"retensi_{b}_bulan_persen"].mask(kecil, None)
    akhir = f"aktif_{BULAN_RETENSI[-1]}_bulan"
    hasil["biaya_per_aktif"] = hasil["biaya_per_aktif"].mask(hasil[f"{akhir}_tersembunyi"], None)
    for b in BULAN_IURAN:
        # A sum of contributions over a few sign-ups divides back into how many of them paid.
        kecil = [0 < int(m) < k for m in df[f"matang_iuran_{b}_bulan"]]
        hasil[f"iuran_{b}_bulan"] = hasil[f"iuran_{b}_bulan"].mask(kecil, pd.NA)
        hasil[f"iuran_per_biaya_{b}_bulan"] = hasil[f"iuran_per_biaya_{b}_bulan"].mask(kecil, None)
    return hasil


def rincian_publik(df: pd.DataFrame, k: int, menjumlah: bool = True) -> pd.DataFrame:
    """One breakdown of an event's sign-ups (kategori, jumlah) without what could be read: small
    counts, and when the categories add up to the sign-ups shown (segment, occupation, funding) their
    complements too. Programmes overlap and are hidden one by one."""
    if k <= 1 or df.empty:
        return df
    jumlah = [int(n) for n in df["jumlah"]]
    sembunyi = sembunyikan_kelompok(jumlah, k) if menjumlah else [sembunyikan(n, k) is None for n in jumlah]
    return df[[not s for s in sembunyi]].reset_index(drop=True)


def kegiatan_desa_publik(df: pd.DataFrame, k: int) -> pd.DataFrame:
    """A village's events (nama, jenis, tanggal_mulai, jumlah_hadir, pendaftar) for the map's panel."""
    hasil = df.copy()
    hasil["jumlah_hadir_tersembunyi"] = False
    if k <= 1 or df.empty:
        return hasil
    hasil["jumlah_hadir_tersembunyi"] = [pd.notna(n) and 0 < int(n) < k for n in df["jumlah_hadir"]]
    for kolom in ("jumlah_hadir", "pendaftar"):
        hasil[kolom] = pd.array([None if pd.isna(n) or sembunyikan(int(n), k) is None else int(n)
                                 for n in df[kolom]], dtype="Int64")
    return hasil


def jalan_publik(jalan: JalanTarget, hari_ini: date, pola: PolaPublik) -> pd.DataFrame:
    """Each projected target as the viewer may see it, furthest behind first (projected share of the
    target at 31 December, lowest first): kode_wilayah, nama, nama_induk, tingkat, segmen, program,
    target, nilai_kini, persen_kini, akhir_tahun, bawah, atas, persen_akhir, laju_kini, laju_perlu,
    akan_tercapai, tersembunyi. A row whose count today is hidden keeps only its name, its slice and
    its target: a projection or a pace would give the count back. `pola` must hold today's counts
    (the year to date's pattern)."""
    hari = waktu_hari(hari_ini)
    baris = []
    for b, p in zip(jalan.target.itertuples(index=False), jalan.proyeksi, strict=True):
        program = None if b.program == "SEMUA" else b.program
        segmen = None if b.segmen == "SEMUA" else b.segmen
        terlihat = pola.nilai(p.nilai_kini, "aktif", program, hari, b.kode_wilayah, segmen) is not None \
            or p.nilai_kini == 0
        nilai = dict(nilai_kini=p.nilai_kini, persen_kini=kpi.capaian_target(p.nilai_kini, p.target),
                     akhir_tahun=p.akhir_tahun, bawah=p.bawah, atas=p.atas, persen_akhir=p.persen_akhir_tahun,
                     laju_kini=p.laju_kini, laju_perlu=p.laju_perlu, akan_tercapai=p.akan_tercapai)
        if not terlihat:
            nilai = dict.fromkeys(nilai)
        baris.append(dict(kode_wilayah=b.kode_wilayah, nama=b.nama, nama_induk=b.nama_induk, tingkat=b.tingkat,
                          segmen=b.segmen, program=b.program, target=int(b.target), **nilai,
                          tersembunyi=not terlihat))
    kolom = ["kode_wilayah", "nama", "nama_induk", "tingkat", "segmen", "program", "target", "nilai_kini",
             "persen_kini", "akhir_tahun", "bawah", "atas", "persen_akhir", "laju_kini", "laju_perlu",
             "akan_tercapai", "tersembunyi"]
    df = pd.DataFrame(baris, columns=kolom)
    return df.sort_values(["persen_akhir", "kode_wilayah"], na_position="last", kind="stable").reset_index(drop=True)


def riwayat_publik(jalan: JalanTarget, kode: str, segmen: str, program: str, pola: PolaPublik) -> pd.DataFrame | None:
    """The month-end history and projection of one target for the chart (bulan, nilai, jenis
    'riwayat'/'proyeksi', bawah, atas), months whose count is hidden left out; None without it."""
    cocok = [i for i, b in enumerate(jalan.target.itertuples(index=False))
             if (b.kode_wilayah, b.segmen, b.program) == (kode, segmen, program)]
    if not cocok:
        return None
    i = cocok[0]
    prog, seg = (None if program == "SEMUA" else program), (None if segmen == "SEMUA" else segmen)
    riwayat = jalan.riwayat[i]
    lihat = [pola.nilai(int(n), "aktif", prog, waktu_hari(pd.Timestamp(t).date()), kode, seg)
             for t, n in riwayat.items()]
    lalu = pd.DataFrame({"bulan": riwayat.index, "nilai": [float("nan") if v is None else v for v in lihat],
                         "jenis": "riwayat", "bawah": float("nan"), "atas": float("nan")})
    r = jalan.proyeksi[i].ramalan.tabel
    if jalan.proyeksi[i].ramalan.tabel.empty or lalu["nilai"].isna().iloc[-1]:
        return lalu
    depan = pd.DataFrame({"bulan": r.index, "nilai": r["nilai"].to_numpy(), "jenis": "proyeksi",
                          "bawah": r["bawah"].to_numpy(), "atas": r["atas"].to_numpy()})
    # The projection starts from the last month shown, so the two lines meet.
    sambung = lalu.iloc[[-1]].assign(jenis="proyeksi", bawah=lalu["nilai"].iloc[-1], atas=lalu["nilai"].iloc[-1])
    return pd.concat([lalu, sambung, depan], ignore_index=True)


def target_sendiri(jalan: pd.DataFrame, kode: str, segmen: str | None, program: str | None) -> pd.Series | None:
    """The filter region's own target row among jalan_publik's (its slice: the filter's), or None."""
    baris = jalan[(jalan["kode_wilayah"] == kode) & (jalan["segmen"] == (segmen or "SEMUA"))
                  & (jalan["program"] == (program or "SEMUA"))] if not jalan.empty else jalan
    return None if baris.empty else baris.iloc[0]


def meleset_target(jalan: pd.DataFrame) -> pd.DataFrame:
    """The targets projected to miss, the region's own among them, furthest behind first; hidden rows,
    whose projection is not known to the viewer, are left out."""
    if jalan.empty:
        return jalan
    return jalan[jalan["akan_tercapai"] == False]  # noqa: E712 (None: hidden)


@dataclass(frozen=True)
class IuranPublik:
    """Contributions and lapses of a filter as the viewer may see them (data_access.iuran.bulanan
    made safe). Rupiah sums are shown only over at least k payments (a sum over fewer divides back
    into how many paid), and counts of lapses and returns below k are hidden, with their
    complements: the months and the funding sources each add up to the total shown beside them."""

    ditagih: int | None
    dibayar: int | None
    kolektibilitas: float | None  # paid ÷ billed × 100
    berhenti: int | None
    kembali: int | None
    per_bulan: pd.DataFrame  # bulan, ditagih, dibayar, kolektibilitas, berhenti, kembali, tingkat_berhenti
    per_dana: pd.DataFrame  # sumber_dana, ditagih, dibayar, kolektibilitas, berhenti, kembali
    ada: bool  # payment exports cover something of this filter


def _sembunyi_iuran(ukuran: str, df_bulan: pd.DataFrame, df_dana: pd.DataFrame, s: Saringan,
                    pola: PolaPublik) -> tuple[bool, list[bool], list[bool]]:
    """Which of one payment count's cells to hide, as the one pattern decides: the months, the total
    over them and the funding sources, which add up to it too. A cell hidden here is hidden for every
    region, segment and surface that adds up to it."""
    kolom = UKURAN_IURAN[ukuran]
    semua = waktu_bulan_iuran(s.periode.mulai, s.periode.selesai)

    def sembunyi(n: int, waktu: str) -> bool:
        return pola.nilai(int(n), ukuran, None, waktu, s.kode_wilayah, s.segmen) is None

    return (sembunyi(df_bulan[kolom].sum(), semua),
            [sembunyi(n, waktu_bulan_iuran(b)) for b, n in zip(df_bulan["bulan"], df_bulan[kolom], strict=True)],
            [sembunyi(n, waktu_dana(semua, d)) for d, n in zip(df_dana["sumber_dana"], df_dana[kolom], strict=True)])


def iuran_publik(df: pd.DataFrame, s: Saringan, pola: PolaPublik) -> IuranPublik:
    """`df`: data_access.iuran.bulanan per funding source, for the filter `s`."""
    kolom_bulan = ["bulan", "ditagih", "dibayar", "kolektibilitas", "berhenti", "kembali", "tingkat_berhenti"]
    kolom_dana = ["sumber_dana", "ditagih", "dibayar", "kolektibilitas", "berhenti", "kembali"]
    if df.empty:
        return IuranPublik(None, None, None, None, None, pd.DataFrame(columns=kolom_bulan),
                           pd.DataFrame(columns=kolom_dana), False)
    bulan = df.groupby("bulan", as_index=False)[["ditagih", "dibayar", "peserta_bayar", "aktif_awal", "berhenti",
                                                  "kembali"]].sum()
    dana = df.groupby("sumber_dana", as_index=False)[["ditagih", "dibayar", "peserta_bayar", "berhenti",
                                                       "kembali"]].sum().sort_values("dibayar", ascending=False)
    total = dana[["ditagih", "dibayar", "peserta_bayar", "berhenti", "kembali"]].sum()
    # Rupiah follow the payers' count: a sum over fewer than k payments divides back into how many paid.
    sembunyi = {UKURAN_IURAN[u]: _sembunyi_iuran(u, bulan, dana, s, pola) for u in UKURAN_IURAN}

    def nilai(n: int, tersembunyi: bool) -> int | None:
        return None if tersembunyi else n

    def uang(ditagih: int, dibayar: int, tersembunyi: bool) -> tuple[int | None, int | None, float | None]:
        return (None, None, None) if tersembunyi else (ditagih, dibayar, kpi.rasio_persen(dibayar, ditagih))

    baris = []
    for i, b in enumerate(bulan.itertuples(index=False)):
        berhenti = nilai(int(b.berhenti), sembunyi["berhenti"][1][i])
        baris.append((b.bulan, *uang(int(b.ditagih), int(b.dibayar), sembunyi["peserta_bayar"][1][i]), berhenti,
                      nilai(int(b.kembali), sembunyi["kembali"][1][i]),
                      None if berhenti is None or kecil(int(b.aktif_awal), pola.k)
                      else kpi.rasio_persen(berhenti, int(b.aktif_awal))))
    per_bulan = pd.DataFrame(baris, columns=kolom_bulan)
    baris = [(d.sumber_dana, *uang(int(d.ditagih), int(d.dibayar), sembunyi["peserta_bayar"][2][i]),
              nilai(int(d.berhenti), sembunyi["berhenti"][2][i]),
              nilai(int(d.kembali), sembunyi["kembali"][2][i]))
             for i, d in enumerate(dana.itertuples(index=False))]
    per_dana = pd.DataFrame(baris, columns=kolom_dana)
    ditagih, dibayar, kol = uang(int(total["ditagih"]), int(total["dibayar"]), sembunyi["peserta_bayar"][0])
    return IuranPublik(ditagih, dibayar, kol, nilai(int(total["berhenti"]), sembunyi["berhenti"][0]),
                       nilai(int(total["kembali"]), sembunyi["kembali"][0]), per_bulan, per_dana, True)


def kurva_publik(kurva: pd.DataFrame, k: int) -> pd.DataFrame:
    """A Kaplan–Meier curve (domain.iuran.kaplan_meier) as a viewer may see it: bulan, bertahan.
    Every step of a curve is some lapses among those still followed, so for a suppressed viewer a
    point is kept only once at least k lapses have gathered since the last one, and the curve stops
    where fewer than k are still followed. Unsuppressed viewers get every month."""
    if k <= 1:
        return kurva[["bulan", "bertahan"]].reset_index(drop=True)
    titik, terkumpul = [], 0
    for b in kurva.itertuples(index=False):
        if b.berisiko < k:
            break
        terkumpul += int(b.berhenti)
        if b.bulan == 0 or terkumpul >= k:
            titik.append((int(b.bulan), float(b.bertahan)))
            terkumpul = 0
    return pd.DataFrame(titik, columns=["bulan", "bertahan"])


def corong_publik(kegiatan: pd.DataFrame, b: int) -> tuple[pd.DataFrame, pd.DataFrame, float | None]:
    """The funnel plot of events' retention after `b` months, from event rows already made safe
    (kegiatan_publik): the visible events (id, nama, n, persen, di_luar: '95' or '998' when outside
    that limit, else ''), the limits from 1 to the largest n, and the overall share (%)."""
    aktif, matang = f"aktif_{b}_bulan", f"matang_{b}_bulan"
    terlihat = kegiatan[kegiatan[aktif].notna() & (kegiatan[matang] > 0)]
    if terlihat.empty:
        return pd.DataFrame(columns=["id", "nama", "n", "persen", "di_luar"]), pd.DataFrame(), None
    n = terlihat[matang].astype(int).to_numpy()
    x = terlihat[aktif].astype(int).to_numpy()
    p = float(x.sum() / n.sum())
    batas = batas_corong(p, n)
    di_luar = np.where((x / n < batas["bawah_998"]) | (x / n > batas["atas_998"]), "998",
                       np.where((x / n < batas["bawah_95"]) | (x / n > batas["atas_95"]), "95", ""))
    titik = pd.DataFrame({"id": terlihat["id"].to_numpy(), "nama": terlihat["nama"].to_numpy(), "n": n,
                          "persen": 100 * x / n, "di_luar": di_luar})
    # The limits over the sizes the events have: below the smallest they would only stretch the axis.
    garis = batas_corong(p, np.unique(np.geomspace(max(int(n.min()), 1), max(int(n.max()), 2), 80).round()))
    garis[[c for c in garis.columns if c != "n"]] *= 100
    return titik, garis, 100 * p


def daftar_kerja_publik(df: pd.DataFrame, k: int) -> pd.DataFrame:
    """The field work list (data_access.iuran.daftar_kerja) as the viewer may see it: counts of 1 to
    k−1 hidden (pd.NA), the one-month count hidden too when the three-month count beside it would give
    a small difference back, and the contributions at stake hidden with a small head count (a sum of
    a few people's contributions divides back into them). Hidden rows sort last, by village."""
    hasil = df.copy()
    if k <= 1 or hasil.empty:
        hasil["taruhan_tersembunyi"] = False
        return hasil
    for satu, tiga in (("berhenti_1", "berhenti_3"), ("akhir_1", "akhir_3")):
        s1, s3 = df[satu].astype(int), df[tiga].astype(int)
        # Shown beside a visible three-month count, the one-month count must not leave a small rest.
        selisih_kecil = [0 < a - b < k and not kecil(a, k) for a, b in zip(s3, s1, strict=True)]
        hasil[tiga] = pd.array([None if kecil(n, k) else n for n in s3], dtype="Int64")
        hasil[satu] = pd.array([None if kecil(n, k) or sk else n for n, sk in zip(s1, selisih_kecil, strict=True)],
                               dtype="Int64")
    hasil["taruhan_tersembunyi"] = [kecil(int(n), k) for n in df["orang"]]
    hasil["taruhan"] = hasil["taruhan"].astype("Int64").mask(hasil["taruhan_tersembunyi"], pd.NA)
    hasil["orang"] = hasil["orang"].astype("Int64").mask(hasil["taruhan_tersembunyi"], pd.NA)
    return hasil.sort_values(["taruhan_tersembunyi", "taruhan", "kode_desa"], ascending=[True, False, True],
                             na_position="last").reset_index(drop=True)
