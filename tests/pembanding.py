"""What the screens must show, counted independently of the app's SQL (pandas on the raw tables),
and the days the suite reads them on: the suite's pinned day and the same day one and two years on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from benchmarks.naif import RingkasanNaif
from data_access.db import baca
from data_access.iuran import daftar_kerja
from tampilan.pesan import tabel_daftar_kerja
from tampilan.publik import daftar_kerja_publik
from tampilan.teks import t as teks
from tampilan import format as fmt
from domain import kpi
from domain.periode import Periode, periode_dari_kunci
from domain.saringan import Saringan
from domain.suppresi import K_BAWAAN, kecil
from tampilan.format import tampil_hitungan
from tests.conftest import HARI_INI_UJI


def tahun_lagi(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


TIGA_HARI = [HARI_INI_UJI, tahun_lagi(HARI_INI_UJI, 1), tahun_lagi(HARI_INI_UJI, 2)]


@dataclass(frozen=True)
class Harapan:
    """What each screen must show, computed from the raw tables without the app's SQL."""

    hari_ini: date
    metrik: dict[str, str]
    cakupan_desa: pd.DataFrame  # kode, bpu_aktif, cakupan_persen
    target_tertinggal: list[tuple[str, str, str]]  # (region, achieved, target) as the CSV writes them
    kegiatan: list[tuple[str, str, str, str]]  # (name, date, attendance, sign-ups)
    desa_sadar: int
    # tile label -> (delta text, arrow 'Up'/'Down', good news); the changes of the year to date
    perubahan: dict[str, tuple[str, str, bool]] | None = None
    # the field work list's rows as its CSV holds them: village, Rp at stake, lapsed 3 months
    daftar_kerja: list[tuple[str, str, str]] | None = None


def _persen_bertanda(sekarang: int, lalu: int) -> str:
    v = 100 * (sekarang - lalu) / lalu
    return f"{'+' if v >= 0 else '-'}{abs(v):.1f}".replace(".", ",") + "%"


def perubahan_ringkasan(naif: RingkasanNaif, s: Saringan) -> dict[str, tuple[str, str, bool]]:
    """What each tile's change must say, counted without the app: its sign and size, the arrow's way
    (with the number), and whether that way is good for the measure (more lapses is bad)."""
    a = naif.angka_utama(s)
    aktif = a["peserta_aktif"] - a["peserta_aktif_awal"]
    return {
        "Peserta aktif": (f"{'+' if aktif >= 0 else '-'}{abs(aktif):,}".replace(",", "."),
                          "Up" if aktif >= 0 else "Down", aktif >= 0),
        "Pendaftaran baru": (_persen_bertanda(a["pendaftaran_baru"], a["pendaftaran_baru_sebelumnya"]),
                             "Up" if a["pendaftaran_baru"] >= a["pendaftaran_baru_sebelumnya"] else "Down",
                             a["pendaftaran_baru"] >= a["pendaftaran_baru_sebelumnya"]),
        "Peserta nonaktif": (_persen_bertanda(a["nonaktif"], a["nonaktif_sebelumnya"]),
                             "Up" if a["nonaktif"] >= a["nonaktif_sebelumnya"] else "Down",
                             a["nonaktif"] <= a["nonaktif_sebelumnya"]),
    }


def metrik_ringkasan(naif: RingkasanNaif, s: Saringan) -> dict[str, str]:
    a = naif.angka_utama(s)
    k = K_BAWAAN
    uang = naif.uang(s)
    return {**({} if uang is None else {
        "Iuran tertagih": fmt.rupiah_ringkas(uang["ditagih"]),
        "Iuran dibayar": fmt.rupiah_ringkas(uang["dibayar"]),
        "Kolektibilitas (%)": fmt.persen(100 * uang["dibayar"] / uang["ditagih"]),
        "Kembali membayar": tampil_hitungan(uang["kembali"], k) if not kecil(uang["kembali"], k) else fmt.TANDA_TERSEMBUNYI,
    }),
        "Peserta aktif": tampil_hitungan(a["peserta_aktif"], k),
        "Pendaftaran baru": tampil_hitungan(a["pendaftaran_baru"], k),
        "Cakupan BPU": fmt.persen(kpi.cakupan_bpu(a["bpu_aktif_jkk_jkm"], a["pekerja_informal"]), 2),
        "Capaian target": fmt.persen(kpi.capaian_target(a["peserta_aktif"], a["target_aktif"])),
        "Peserta nonaktif": tampil_hitungan(a["nonaktif"], k),
    }


def _peserta_irisan(aktif: pd.DataFrame, kode: str, segmen: str, program: str) -> int:
    """Participants among these active enrolments in a region and a target's slice ('SEMUA': any)."""
    aktif = aktif[aktif["kode_desa"].str.startswith(kode)]
    if program != "SEMUA":
        aktif = aktif[aktif["program"] == program]
    if segmen != "SEMUA":
        aktif = aktif[aktif["segmen"] == segmen]
    return aktif["peserta_id"].nunique()


def _target_tertinggal(engine, naif: RingkasanNaif, hari_ini: date) -> list[tuple[str, str, str]]:
    """Targets of this year that are behind the straight line from the year's start, with their
    achievement counted from enrolments and registrations in pandas."""
    tahun = hari_ini.year
    target = baca(engine, "SELECT t.*, w.nama FROM target t JOIN wilayah w ON w.kode = t.kode_wilayah "
                          "WHERE t.tahun = :tahun", tahun=tahun)
    awal_tahun = date(tahun - 1, 12, 31)
    porsi = (hari_ini - awal_tahun).days / (date(tahun, 12, 31) - awal_tahun).days
    aktif_kini, aktif_awal = naif._aktif(naif.k, hari_ini), naif._aktif(naif.k, awal_tahun)
    daftar = naif.p[naif.p["tanggal_daftar"].between(pd.Timestamp(tahun, 1, 1), pd.Timestamp(hari_ini))]
    hasil = []
    for t in target.itertuples():
        if t.ukuran == "peserta_aktif":
            realisasi, awal = (_peserta_irisan(a, t.kode_wilayah, t.segmen, t.program) for a in (aktif_kini, aktif_awal))
        else:
            p = daftar[daftar["kode_desa"].str.startswith(t.kode_wilayah)]
            if t.segmen != "SEMUA":
                p = p[p["segmen"] == t.segmen]
            if t.program != "SEMUA":
                p = p[p["id"].isin(naif.k.loc[naif.k["program"] == t.program, "peserta_id"])]
            realisasi, awal = len(p), 0
        jalur = kpi.jalur_target(awal, t.nilai, porsi) if hari_ini < date(tahun, 12, 31) else None
        if kpi.status_capaian(realisasi, t.nilai, jalur) == "tertinggal":
            hasil.append((t.nama, fmt.angka(realisasi), fmt.angka(t.nilai)))
    return sorted(hasil)


def _kegiatan(engine, periode: Periode) -> list[tuple[str, str, str, str]]:
    kegiatan = baca(engine, "SELECT id, nama, tanggal_mulai, tanggal_selesai, jumlah_hadir FROM kegiatan")
    peserta = baca(engine, "SELECT kegiatan_id FROM peserta WHERE kegiatan_id IS NOT NULL")
    pendaftar = peserta["kegiatan_id"].value_counts()
    mulai, selesai = pd.to_datetime(kegiatan["tanggal_mulai"]), pd.to_datetime(kegiatan["tanggal_selesai"])
    dalam = kegiatan[(mulai <= pd.Timestamp(periode.selesai)) & (selesai >= pd.Timestamp(periode.mulai))]
    return sorted((r.nama, fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date()),
                   fmt.angka(None if pd.isna(r.jumlah_hadir) else int(r.jumlah_hadir)),
                   fmt.angka(int(pendaftar.get(r.id, 0)))) for r in dalam.itertuples())


def harapan_layar(engine, hari_ini: date) -> Harapan:
    naif = RingkasanNaif(engine)
    ytd = periode_dari_kunci("ytd", hari_ini)
    s = Saringan("33.26", ytd)
    status = baca(engine, "SELECT DISTINCT kode_desa FROM status_desa_sadar WHERE tanggal <= :h", h=hari_ini)
    return Harapan(hari_ini, metrik_ringkasan(naif, s), naif.cakupan_desa(s), _target_tertinggal(engine, naif, hari_ini),
                   _kegiatan(engine, ytd), len(status), perubahan_ringkasan(naif, s), _daftar_kerja(engine, hari_ini))


def _daftar_kerja(engine, hari_ini: date) -> list[tuple[str, str, str]]:
    """The work list as a public viewer's CSV holds it (its counts are checked against pandas in
    tests/data_access/test_iuran.py)."""
    tabel = tabel_daftar_kerja(daftar_kerja_publik(daftar_kerja(engine, "33.26", hari_ini), K_BAWAAN), "id", K_BAWAAN)
    kolom = [teks("kolom_desa", "id"), teks("kolom_taruhan", "id"), teks("kolom_berhenti_3", "id")]
    return list(zip(*(tabel[k] for k in kolom), strict=True))
