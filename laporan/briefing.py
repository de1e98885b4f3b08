"""What the briefing says, decided once for the deck (PPTX) and the PDF: slide titles, KPI tiles,
chart series, table rows and the footer, from figures the presentation step (tampilan.publik) has
already made safe for the viewer, with demo data labelled. No rendering here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from tampilan import format as fmt
from domain.desa_sadar import label_status
from domain.kegiatan import label_jenis
from tampilan.publik import IuranPublik, RingkasanPublik
from tampilan.teks import t

BARIS_TABEL_MAKS = 12  # rows per table slide
HALAMAN_TABEL_MAKS = 5  # slides per table at most; the last says how many rows were left out
# Number formats for PowerPoint: '#,##0' groups thousands, shown with the viewer's separators (38.571
# in Indonesian); '#.##0' would be read as a decimal format.
FORMAT_ANGKA_PPTX = "#,##0"


@dataclass(frozen=True)
class IsiBriefing:
    nama_wilayah: str
    hari_ini: date
    label_periode: str
    tanggal_data: date | None
    bahasa: str
    ambang: int  # 1 = unsuppressed (leadership); k otherwise
    label_demo: str | None
    halaman: RingkasanPublik
    kegiatan: pd.DataFrame  # tampilan.publik.kegiatan_publik rows
    desa_sadar: pd.DataFrame  # data_access.desa_sadar.status_desa rows
    peta: bytes | None = None  # PNG of the coverage map (geo.peta_statis), suppression already applied
    pesan: tuple = ()  # tampilan.pesan.PesanKunci, in order
    # tampilan.publik.meleset_target rows; None unless the period ends today and the year has targets
    jalan: pd.DataFrame | None = None
    riwayat: pd.DataFrame | None = None  # tampilan.publik.riwayat_publik of the region's own target
    target_sendiri: int | None = None  # that target
    bantuan_proyeksi: str = ""  # the projection's method and backtest, one sentence
    judul: str = ""  # tampilan.pesan.judul_briefing: the document's title and file name
    dibuat: datetime | None = None  # when the content was gathered: the PDF's creation date
    akhir_periode: date | None = None  # the period's last day (the trend's last month may be unfinished)
    iuran: IuranPublik | None = None  # contributions and lapses of the period, where exports cover them
    definisi_aktif: str = ""  # tampilan.pesan.kalimat_definisi_aktif: what "active" means here


def kaki(isi: IsiBriefing) -> str:
    """The footer of every slide and page: demo label first, then region and period."""
    teks = f"{isi.nama_wilayah} · {isi.label_periode}"
    return f"{isi.label_demo} · {teks}" if isi.label_demo else teks


def judul_halaman(isi: IsiBriefing) -> list[str]:
    """Titles of the slides after the title slide, in order."""
    b = isi.bahasa
    return [t("pesan_kunci", b), t("ringkasan", b), f"{t('per_program', b)} · {t('per_segmen', b)}",
            t("tren_bulanan", b), t("jalan_target", b, tahun=str(isi.hari_ini.year)),
            t("peta_cakupan", b), t("kegiatan_menu", b), t("desa_sadar_menu", b)]


def isi_judul(isi: IsiBriefing) -> list[str]:
    """The title slide's lines: app, region, period with the data's date."""
    b = isi.bahasa
    return [t("judul_app", b), isi.nama_wilayah,
            f"{isi.label_periode} · {t('data_per', b)} {fmt.tanggal(isi.tanggal_data, b)}"]


def isi_kpi(isi: IsiBriefing) -> list[tuple[str, str, str, bool | None]]:
    """The KPI tiles: label, value, what it is compared with (a sentence with its numbers, or the
    target it is measured against), and whether the change is good news (None: neither)."""
    from tampilan.pesan import kalimat_perubahan  # the same words as the key messages

    b, a, k = isi.bahasa, isi.halaman.angka, isi.ambang
    lalu = fmt.rentang_tanggal(a.pembanding.mulai, a.pembanding.selesai, b)

    def banding(p, n_lalu) -> tuple[str, bool | None]:
        if p is None:
            return t("dibanding_tanggal", b, pembanding=lalu, n=fmt.hitungan(n_lalu, k)), None
        return f"{kalimat_perubahan(p, b)} {t('dibanding_tanggal', b, pembanding=lalu, n=fmt.angka(p.pembanding))}", p.baik

    aktif = a.perubahan_aktif
    teks_aktif = (f"{fmt.selisih(aktif.selisih)} {t('sejak_tanggal', b, tanggal=fmt.tanggal(a.awal, b), n=fmt.angka(aktif.pembanding))}"
                  if aktif else "")
    baru, baik_baru = banding(a.perubahan_pendaftaran, a.pendaftaran_baru_sebelumnya)
    nonaktif, baik_nonaktif = banding(a.perubahan_nonaktif, a.nonaktif_sebelumnya)
    tingkat = t("tingkat_nonaktif", b, p=fmt.TANDA_TERSEMBUNYI if a.nonaktif_tersembunyi else fmt.persen(a.tingkat_nonaktif))
    return [
        (t("peserta_aktif", b), fmt.hitungan(a.peserta_aktif, k), teks_aktif, aktif.baik if aktif else None),
        (t("pendaftaran_baru", b), fmt.hitungan(a.pendaftaran_baru, k), baru, baik_baru),
        (t("cakupan_bpu", b), fmt.TANDA_TERSEMBUNYI if a.cakupan_tersembunyi else fmt.persen(a.cakupan_bpu, 2),
         t("dari_informal", b, n=fmt.angka(a.pekerja_informal)) if a.pekerja_informal else t("tanpa_penyebut", b), None),
        (t("capaian_target", b), fmt.persen(a.capaian_target),
         t("dari_target", b, n=fmt.angka(a.target_aktif)) if a.target_aktif else t("tanpa_target", b), None),
        (t("peserta_nonaktif", b), fmt.hitungan(a.nonaktif, k), f"{nonaktif}. {tingkat}", baik_nonaktif),
    ]


def isi_iuran(isi: IsiBriefing) -> str:
    """The KPI slide's line on money: the collection rate with what was paid and billed, and the
    returning payers; then what "active" means in every figure of the deck."""
    b, u = isi.bahasa, isi.iuran
    if u is None or not u.ada:
        return isi.definisi_aktif

    def rupiah(v: int | None) -> str:
        return fmt.TANDA_TERSEMBUNYI if v is None else fmt.rupiah_ringkas(v, b)

    kolektibilitas = fmt.TANDA_TERSEMBUNYI if u.kolektibilitas is None else fmt.persen(u.kolektibilitas)
    return (t("kalimat_iuran", b, persen=kolektibilitas, dibayar=rupiah(u.dibayar), ditagih=rupiah(u.ditagih),
              kembali=fmt.hitungan(u.kembali, isi.ambang)) + " " + isi.definisi_aktif).strip()


def isi_batang(df: pd.DataFrame, kategori: str, isi: IsiBriefing) -> tuple[list[str], list[int]] | str:
    """Bars the viewer may see, or the sentence that replaces a chart with nothing left to show."""
    if df.empty:
        return t("tersembunyi", isi.bahasa, k=str(isi.ambang)) if isi.ambang > 1 else t("kosong", isi.bahasa)
    urut = df.sort_values(["peserta_aktif", kategori], ascending=[False, True])  # as the web's bars: largest first
    return [str(k) for k in urut[kategori]], [int(n) for n in urut["peserta_aktif"]]


def isi_tren(isi: IsiBriefing) -> tuple[list[str], list[int | None], list[int | None] | None]:
    """Month labels (the unfinished month marked as such, a hidden month with the hidden mark), active
    participants (None where hidden) and the target (None when no month has one)."""
    from tampilan.grafik import bulan_tampil

    bulan = bulan_tampil(isi.halaman.tren, isi.akhir_periode or isi.hari_ini, isi.bahasa)
    label = [f"{x} {fmt.TANDA_TERSEMBUNYI}" if h else x for x, h in zip(bulan["label"], bulan["aktif_tersembunyi"], strict=True)]
    aktif = [None if pd.isna(n) else int(n) for n in bulan["peserta_aktif"]]
    target = ([None if pd.isna(x) else int(x) for x in bulan["target_aktif"]]
              if bulan["target_aktif"].notna().any() else None)
    return label, aktif, target


def ringkas_jalan(isi: IsiBriefing, n: int = 6) -> str:
    """One sentence under the road-to-target chart: the first targets projected to miss, with their
    projected share of the target, or that all are projected to be met."""
    _, baris = isi_jalan(isi)
    b = isi.bahasa
    if not baris:
        return t("semua_diproyeksikan_tercapai", b)
    lain = t("dan_lainnya", b, n=fmt.angka(len(baris) - n)) if len(baris) > n else ""
    return f"{t('meleset_target', b)}: " + "; ".join(f"{x[0]} {x[4]}" for x in baris[:n]) + lain + "."


def _halaman_tabel(baris: list[list[str]]) -> list[list[list[str]]]:
    """Rows split into slides of BARIS_TABEL_MAKS, at most HALAMAN_TABEL_MAKS slides."""
    return [baris[i:i + BARIS_TABEL_MAKS] for i in range(0, min(len(baris), BARIS_TABEL_MAKS * HALAMAN_TABEL_MAKS),
                                                         BARIS_TABEL_MAKS)]


def isi_kegiatan(isi: IsiBriefing) -> tuple[list[str], list[list[str]]]:
    """Column titles and rows of the events table, newest first as on the Kegiatan page."""
    b = isi.bahasa
    judul = [t("kolom_kegiatan", b), t("kolom_jenis", b), t("kolom_desa", b), t("kolom_tanggal", b),
             t("kolom_hadir", b), t("kolom_pendaftar", b), t("kolom_konversi", b)]
    baris = [[str(r.nama)[:60], label_jenis(r.jenis, b), str(r.nama_desa), fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date(), b),
              fmt.label_tersembunyi(isi.ambang) if r.jumlah_hadir_tersembunyi
              else fmt.angka(None if pd.isna(r.jumlah_hadir) else int(r.jumlah_hadir)),
              fmt.label_tersembunyi(isi.ambang) if pd.isna(r.pendaftar) else fmt.angka(int(r.pendaftar)),
              fmt.persen(None if pd.isna(r.konversi_persen) else r.konversi_persen)]
             for r in isi.kegiatan.itertuples()]
    return judul, baris


def isi_desa_sadar(isi: IsiBriefing) -> tuple[list[str], list[list[str]]]:
    """Column titles and rows of the Desa Sadar table, in code order as on the Desa Sadar page."""
    b = isi.bahasa
    judul = [t("kolom_desa", b), t("kecamatan", b), t("kolom_status", b), t("kolom_sejak", b), t("kolom_mou", b)]
    urut = isi.desa_sadar.sort_values("kode") if "kode" in isi.desa_sadar else isi.desa_sadar
    baris = [[str(r.nama), str(r.kecamatan), label_status(r.status, b),
              fmt.tanggal(pd.Timestamp(r.tanggal_status).date(), b),
              fmt.tanggal(pd.Timestamp(r.tanggal_mou).date(), b) if pd.notna(r.tanggal_mou) else t("belum", b)]
             for r in urut.itertuples()]
    return judul, baris


def isi_jalan(isi: IsiBriefing) -> tuple[list[str], list[list[str]]]:
    """The targets projected to miss, furthest behind first (the Ringkasan table)."""
    from tampilan.pesan import tabel_jalan

    if isi.jalan is None or isi.jalan.empty:
        return [], []
    kolom = tabel_jalan(isi.jalan, isi.bahasa)
    return list(kolom), [list(r) for r in zip(*kolom.values(), strict=True)]


def isi_tabel(isi: IsiBriefing) -> list[tuple[str, list[str], list[list[str]], str]]:
    """The table slides: title, column titles, rows, and the sentence shown instead when there are no
    rows (or, on a table's last slide, how many rows were left out). A long table continues on
    further slides, their titles marked as continued."""
    b = isi.bahasa
    *_, j_kegiatan, j_desa = judul_halaman(isi)
    hasil = []
    for judul, (kolom, baris), kosong in ((j_kegiatan, isi_kegiatan(isi), t("kegiatan_kosong", b)),
                                          (j_desa, isi_desa_sadar(isi), t("tidak_ada_desa_sadar", b))):
        halaman = _halaman_tabel(baris)
        if not halaman:
            hasil.append((judul, kolom, [], kosong))
            continue
        sisa = len(baris) - sum(len(h) for h in halaman)
        for i, potong in enumerate(halaman):
            catatan = t("baris_lainnya", b, n=fmt.angka(sisa)) if sisa and i == len(halaman) - 1 else ""
            hasil.append((judul if i == 0 else t("lanjutan", b, judul=judul), kolom, potong, catatan))
    return hasil
