"""What the briefing says, decided once for the deck (PPTX) and the PDF: slide titles, KPI tiles,
chart series, table rows and the footer, from figures the presentation step (tampilan.publik) has
already made safe for the viewer, with demo data labelled. No rendering here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from tampilan import format as fmt
from domain.desa_sadar import label_status
from domain.kegiatan import label_jenis
from tampilan.publik import RingkasanPublik
from tampilan.teks import t

BARIS_TABEL_MAKS = 12


@dataclass(frozen=True)
class IsiBriefing:
    nama_wilayah: str
    label_periode: str
    tanggal_data: date | None
    bahasa: str
    ambang: int  # 1 = unsuppressed (leadership); k otherwise
    label_demo: str | None
    halaman: RingkasanPublik
    kegiatan: pd.DataFrame  # tampilan.publik.kegiatan_publik rows
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
    b, a, k = isi.bahasa, isi.halaman.angka, isi.ambang
    return [
        (t("peserta_aktif", b), fmt.hitungan(a.peserta_aktif, k)),
        (t("pendaftaran_baru", b), fmt.hitungan(a.pendaftaran_baru, k)),
        (t("cakupan_bpu", b), fmt.TANDA_TERSEMBUNYI if a.cakupan_tersembunyi else fmt.persen(a.cakupan_bpu, 2)),
        (t("capaian_target", b), fmt.persen(a.capaian_target)),
        (t("peserta_nonaktif", b), fmt.hitungan(a.nonaktif, k)),
    ]


def isi_batang(df: pd.DataFrame, kategori: str, isi: IsiBriefing) -> tuple[list[str], list[int]] | str:
    """Bars the viewer may see, or the sentence that replaces a chart with nothing left to show."""
    if df.empty:
        return t("tersembunyi", isi.bahasa, k=str(isi.ambang)) if isi.ambang > 1 else t("kosong", isi.bahasa)
    return [str(k) for k in df[kategori]], [int(n) for n in df["peserta_aktif"]]


def isi_tren(isi: IsiBriefing) -> tuple[list[str], list[int | None], list[int | None] | None]:
    """Month labels, active participants (None where hidden) and the target (None when no month has one)."""
    bulan = isi.halaman.tren
    label = [fmt.bulan_tahun(pd.Timestamp(x).date(), isi.bahasa) for x in bulan["bulan"]]
    aktif = [None if pd.isna(n) else int(n) for n in bulan["peserta_aktif"]]
    target = ([None if pd.isna(x) else int(x) for x in bulan["target_aktif"]]
              if bulan["target_aktif"].notna().any() else None)
    return label, aktif, target


def isi_kegiatan(isi: IsiBriefing) -> tuple[list[str], list[list[str]]]:
    """Column titles and rows of the events table (first BARIS_TABEL_MAKS events); no rows when none."""
    b = isi.bahasa
    judul = [t("kolom_kegiatan", b), t("kolom_jenis", b), t("kolom_desa", b), t("kolom_tanggal", b),
             t("kolom_hadir", b), t("kolom_pendaftar", b), t("kolom_konversi", b)]
    baris = [[str(r.nama)[:60], label_jenis(r.jenis, b), str(r.nama_desa), fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date(), b),
              fmt.label_tersembunyi(isi.ambang) if r.jumlah_hadir_tersembunyi
              else fmt.angka(None if pd.isna(r.jumlah_hadir) else int(r.jumlah_hadir)),
              fmt.label_tersembunyi(isi.ambang) if pd.isna(r.pendaftar) else fmt.angka(int(r.pendaftar)),
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
