"""What the briefing says, decided once for the deck (PPTX) and the PDF: slide titles, KPI tiles,
chart series, table rows and the footer, with the role's small-count suppression applied and demo data
labelled. No rendering here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from data_access.ringkasan import RingkasanHalaman
from domain import format as fmt
from domain.desa_sadar import label_status
from domain.kegiatan import label_jenis
from domain.suppresi import kecil, samarkan_kelompok, tampil_hitungan
from domain.teks import t

BARIS_TABEL_MAKS = 12


@dataclass(frozen=True)
class IsiBriefing:
    nama_wilayah: str
    label_periode: str
    tanggal_data: date | None
    bahasa: str
    ambang: int  # 1 = unsuppressed (leadership); k otherwise
    label_demo: str | None
    halaman: RingkasanHalaman
    kegiatan: pd.DataFrame  # data_access.kegiatan.hasil_kegiatan rows
    desa_sadar: pd.DataFrame  # data_access.desa_sadar.status_desa rows
    peta: bytes | None = None  # PNG of the coverage map (geo.peta_statis), suppression already applied


def kaki(isi: IsiBriefing) -> str:
    """The footer of every slide and page: demo label first, then region and period."""
    teks = f"{isi.nama_wilayah} · {isi.label_periode}"
    return f"{isi.label_demo} · {teks}" if isi.label_demo else teks


def judul_halaman(isi: IsiBriefing) -> list[str]:
    """Titles of the slides after the title slide, in order."""
    b = isi.bahasa
    return [t("ringkasan", b), f"{t('per_program', b)} · {t('per_segmen', b)}", t("tren_bulanan", b),
            t("peta_cakupan", b), t("kegiatan_menu", b), t("desa_sadar_menu", b)]


def isi_judul(isi: IsiBriefing) -> list[str]:
    """The title slide's lines: app, region, period with the data's date."""
    b = isi.bahasa
    return [t("judul_app", b), isi.nama_wilayah,
            f"{isi.label_periode} · {t('data_per', b)} {fmt.tanggal(isi.tanggal_data, b)}"]


def isi_kpi(isi: IsiBriefing) -> list[tuple[str, str]]:
    b, a = isi.bahasa, isi.halaman.angka
    bpu_kecil = kecil(a.bpu_aktif_jkk_jkm, isi.ambang)
    return [
        (t("peserta_aktif", b), tampil_hitungan(a.peserta_aktif, isi.ambang)),
        (t("pendaftaran_baru", b), tampil_hitungan(a.pendaftaran_baru, isi.ambang)),
        (t("cakupan_bpu", b), "–" if bpu_kecil else fmt.persen(a.cakupan_bpu, 2)),
        (t("capaian_target", b), fmt.persen(a.capaian_target)),
        (t("peserta_nonaktif", b), tampil_hitungan(a.nonaktif, isi.ambang)),
    ]


def isi_batang(df: pd.DataFrame, kategori: str, isi: IsiBriefing) -> tuple[list[str], list[int]] | str:
    """Bars without small counts, or the sentence that replaces a chart with nothing left to show.
    Segments add up to the active total on the KPI slide, so a hidden one is hidden with a complement
    (as on Ringkasan); programmes overlap (one person holds several) and do not add up to it."""
    if kategori == "segmen":
        tampil = samarkan_kelompok(df, "peserta_aktif", isi.ambang).dropna(subset=["peserta_aktif"])
    else:
        tampil = df[[not kecil(n, isi.ambang) for n in df["peserta_aktif"]]]
    if tampil.empty:
        return t("tersembunyi", isi.bahasa, k=str(isi.ambang)) if len(df) else t("kosong", isi.bahasa)
    return [str(k) for k in tampil[kategori]], [int(n) for n in tampil["peserta_aktif"]]


def isi_tren(isi: IsiBriefing) -> tuple[list[str], list[int | None], list[int | None] | None]:
    """Month labels, active participants (None where small) and the target (None when no month has one)."""
    bulan = isi.halaman.tren
    label = [fmt.bulan_tahun(pd.Timestamp(x).date(), isi.bahasa) for x in bulan["bulan"]]
    aktif = [None if kecil(n, isi.ambang) else int(n) for n in bulan["peserta_aktif"]]
    target = ([None if pd.isna(x) else int(x) for x in bulan["target_aktif"]]
              if bulan["target_aktif"].notna().any() else None)
    return label, aktif, target


def isi_kegiatan(isi: IsiBriefing) -> tuple[list[str], list[list[str]]]:
    """Column titles and rows of the events table (first BARIS_TABEL_MAKS events); no rows when none."""
    b = isi.bahasa
    judul = [t("kolom_kegiatan", b), t("kolom_jenis", b), t("kolom_desa", b), t("kolom_tanggal", b),
             t("kolom_hadir", b), t("kolom_pendaftar", b), t("kolom_konversi", b)]
    baris = [[str(r.nama)[:60], label_jenis(r.jenis, b), str(r.nama_desa), fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date(), b),
              fmt.angka(None if pd.isna(r.jumlah_hadir) else int(r.jumlah_hadir)), tampil_hitungan(int(r.pendaftar), isi.ambang),
              fmt.persen(None if pd.isna(r.konversi_persen) else r.konversi_persen)]
             for r in isi.kegiatan.head(BARIS_TABEL_MAKS).itertuples()]
    return judul, baris


def isi_desa_sadar(isi: IsiBriefing) -> tuple[list[str], list[list[str]]]:
    """Column titles and rows of the Desa Sadar table, latest status change first."""
    b = isi.bahasa
    judul = [t("kolom_desa", b), t("kecamatan", b), t("kolom_status", b), t("kolom_sejak", b), t("kolom_mou", b)]
    urut = isi.desa_sadar.sort_values("tanggal_status", ascending=False).head(BARIS_TABEL_MAKS)
    baris = [[str(r.nama), str(r.kecamatan), label_status(r.status, b),
              fmt.tanggal(pd.Timestamp(r.tanggal_status).date(), b),
              fmt.tanggal(pd.Timestamp(r.tanggal_mou).date(), b) if pd.notna(r.tanggal_mou) else t("belum", b)]
             for r in urut.itertuples()]
    return judul, baris


def isi_tabel(isi: IsiBriefing) -> list[tuple[str, list[str], list[list[str]], str]]:
    """The two table slides: title, column titles, rows, and the sentence shown instead when there
    are no rows."""
    b = isi.bahasa
    *_, j_kegiatan, j_desa = judul_halaman(isi)
    return [(j_kegiatan, *isi_kegiatan(isi), t("kegiatan_kosong", b)),
            (j_desa, *isi_desa_sadar(isi), t("tidak_ada_desa_sadar", b))]
