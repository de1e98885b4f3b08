"""The briefing deck (PPTX) for the overview's current filter, built from what the page shows.

Slides: title; KPIs; active participants by programme and by segment; the monthly trend against
target; the period's events with their results; the Desa Sadar status table. Charts are native
PowerPoint charts, so they stay editable and need nothing rendered outside Python. Numbers are in
Indonesian format, the role's small-count suppression applies (a hidden count is "<k" in text and
left out of charts), and demo data is labelled on every slide.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Pt

from data_access.ringkasan import RingkasanHalaman
from domain import format as fmt
from domain.desa_sadar import label_status
from domain.grafik import WARNA_TARGET, WARNA_UTAMA
from domain.kegiatan import label_jenis
from domain.suppresi import kecil, tampil_hitungan
from domain.teks import t

LEBAR, TINGGI = Emu(12_192_000), Emu(6_858_000)  # 16:9
HIJAU, MERAH, ABU = RGBColor.from_string(WARNA_UTAMA[1:]), RGBColor.from_string(WARNA_TARGET[1:]), \
    RGBColor(0x55, 0x55, 0x55)
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


def _kotak_teks(slide, kiri: float, atas: float, lebar: float, tinggi: float, teks: str, ukuran: int = 18,
                tebal: bool = False, warna: RGBColor | None = None):
    kotak = slide.shapes.add_textbox(Emu(int(LEBAR * kiri)), Emu(int(TINGGI * atas)), Emu(int(LEBAR * lebar)),
                                     Emu(int(TINGGI * tinggi)))
    bingkai = kotak.text_frame
    bingkai.word_wrap = True
    paragraf = bingkai.paragraphs[0]
    paragraf.text = teks
    paragraf.font.size, paragraf.font.bold = Pt(ukuran), tebal
    if warna is not None:
        paragraf.font.color.rgb = warna
    return kotak


def _slide(deck, judul: str, isi: IsiBriefing):
    slide = deck.slides.add_slide(deck.slide_layouts[6])  # blank
    _kotak_teks(slide, 0.04, 0.03, 0.92, 0.1, judul, 28, tebal=True)
    kaki = f"{isi.nama_wilayah} · {isi.label_periode}"
    if isi.label_demo:
        kaki = f"{isi.label_demo} · {kaki}"
    _kotak_teks(slide, 0.04, 0.93, 0.92, 0.05, kaki, 11, warna=ABU)
    return slide


def _grafik_batang(slide, df: pd.DataFrame, kategori: str, isi: IsiBriefing, kiri: float, judul: str) -> None:
    tampil = df[[not kecil(n, isi.ambang) for n in df["peserta_aktif"]]]
    if tampil.empty:  # every bar is a small count (or there is none): say so instead of an empty chart
        alasan = t("tersembunyi", isi.bahasa, k=str(isi.ambang)) if len(df) else t("kosong", isi.bahasa)
        _kotak_teks(slide, kiri, 0.2, 0.44, 0.3, f"{judul}: {alasan}", 16)
        return
    data = CategoryChartData()
    data.categories = [str(k) for k in tampil[kategori]]
    data.add_series(t("peserta_aktif", isi.bahasa), [int(n) for n in tampil["peserta_aktif"]])
    bingkai = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Emu(int(LEBAR * kiri)), Emu(int(TINGGI * 0.2)),
                                     Emu(int(LEBAR * 0.44)), Emu(int(TINGGI * 0.68)), data)
    grafik = bingkai.chart
    grafik.has_title = True
    grafik.chart_title.text_frame.text = judul
    grafik.has_legend = False
    grafik.plots[0].has_data_labels = True
    grafik.plots[0].data_labels.number_format = "#.##0"
    grafik.plots[0].data_labels.number_format_is_linked = False
    grafik.plots[0].series[0].format.fill.solid()
    grafik.plots[0].series[0].format.fill.fore_color.rgb = HIJAU


def _tabel(slide, baris: list[list[str]], judul_kolom: list[str]) -> None:
    bentuk = slide.shapes.add_table(len(baris) + 1, len(judul_kolom), Emu(int(LEBAR * 0.04)), Emu(int(TINGGI * 0.16)),
                                    Emu(int(LEBAR * 0.92)), Emu(int(TINGGI * 0.05 * (len(baris) + 1))))
    tabel = bentuk.table
    for j, judul in enumerate(judul_kolom):
        tabel.cell(0, j).text = judul
    for i, isi_baris in enumerate(baris, start=1):
        for j, nilai in enumerate(isi_baris):
            tabel.cell(i, j).text = nilai
    for sel in (tabel.cell(i, j) for i in range(len(baris) + 1) for j in range(len(judul_kolom))):
        for p in sel.text_frame.paragraphs:
            p.font.size = Pt(11)


def buat_deck(isi: IsiBriefing) -> bytes:
    b, a = isi.bahasa, isi.halaman.angka
    deck = Presentation()
    deck.slide_width, deck.slide_height = LEBAR, TINGGI

    judul = deck.slides.add_slide(deck.slide_layouts[6])
    _kotak_teks(judul, 0.06, 0.3, 0.88, 0.15, f"{t('judul_app', b)}", 32, tebal=True, warna=HIJAU)
    _kotak_teks(judul, 0.06, 0.46, 0.88, 0.1, isi.nama_wilayah, 28, tebal=True)
    _kotak_teks(judul, 0.06, 0.57, 0.88, 0.08,
                f"{isi.label_periode} · {t('data_per', b)} {fmt.tanggal(isi.tanggal_data, b)}", 18)
    if isi.label_demo:
        _kotak_teks(judul, 0.06, 0.7, 0.88, 0.08, isi.label_demo, 16, tebal=True, warna=MERAH)

    kpi = _slide(deck, t("ringkasan", b), isi)
    bpu_kecil = kecil(a.bpu_aktif_jkk_jkm, isi.ambang)
    kotak = [
        (t("peserta_aktif", b), tampil_hitungan(a.peserta_aktif, isi.ambang)),
        (t("pendaftaran_baru", b), tampil_hitungan(a.pendaftaran_baru, isi.ambang)),
        (t("cakupan_bpu", b), "–" if bpu_kecil else fmt.persen(a.cakupan_bpu, 2)),
        (t("capaian_target", b), fmt.persen(a.capaian_target)),
        (t("peserta_nonaktif", b), tampil_hitungan(a.nonaktif, isi.ambang)),
    ]
    for i, (label, nilai) in enumerate(kotak):
        _kotak_teks(kpi, 0.04 + i * 0.19, 0.3, 0.18, 0.08, label, 16, warna=ABU)
        _kotak_teks(kpi, 0.04 + i * 0.19, 0.38, 0.18, 0.15, nilai, 36, tebal=True, warna=HIJAU)
    if isi.ambang > 1:
        _kotak_teks(kpi, 0.04, 0.7, 0.92, 0.06, t("tersembunyi", b, k=str(isi.ambang)), 12, warna=ABU)

    sebaran = _slide(deck, f"{t('per_program', b)} · {t('per_segmen', b)}", isi)
    _grafik_batang(sebaran, isi.halaman.per_program, "program", isi, 0.04, t("per_program", b))
    _grafik_batang(sebaran, isi.halaman.per_segmen, "segmen", isi, 0.52, t("per_segmen", b))

    tren = _slide(deck, t("tren_bulanan", b), isi)
    data = CategoryChartData()
    bulan = isi.halaman.tren
    data.categories = [fmt.bulan_tahun(pd.Timestamp(x).date(), b) for x in bulan["bulan"]]
    data.add_series(t("peserta_aktif", b), [None if kecil(n, isi.ambang) else int(n) for n in bulan["peserta_aktif"]])
    if bulan["target_aktif"].notna().any():
        data.add_series(t("target", b), [None if pd.isna(x) else int(x) for x in bulan["target_aktif"]])
    bingkai = tren.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(int(LEBAR * 0.04)), Emu(int(TINGGI * 0.16)),
                                    Emu(int(LEBAR * 0.92)), Emu(int(TINGGI * 0.74)), data)
    grafik = bingkai.chart
    grafik.has_legend = True
    grafik.legend.position = XL_LEGEND_POSITION.BOTTOM
    grafik.legend.include_in_layout = False
    for seri, warna in zip(grafik.plots[0].series, (HIJAU, MERAH), strict=False):
        seri.format.line.color.rgb = warna
    grafik.value_axis.tick_labels.number_format = "#.##0"
    grafik.value_axis.tick_labels.number_format_is_linked = False

    acara = _slide(deck, t("kegiatan_menu", b), isi)
    if isi.kegiatan.empty:
        _kotak_teks(acara, 0.04, 0.2, 0.92, 0.1, t("kegiatan_kosong", b), 16)
    else:
        baris = [[str(r.nama)[:60], label_jenis(r.jenis, b), str(r.nama_desa), fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date(), b),
                  fmt.angka(None if pd.isna(r.jumlah_hadir) else int(r.jumlah_hadir)), tampil_hitungan(int(r.pendaftar), isi.ambang),
                  fmt.persen(None if pd.isna(r.konversi_persen) else r.konversi_persen)]
                 for r in isi.kegiatan.head(BARIS_TABEL_MAKS).itertuples()]
        _tabel(acara, baris, [t("kolom_kegiatan", b), t("kolom_jenis", b), t("kolom_desa", b), t("kolom_tanggal", b),
                              t("kolom_hadir", b), t("kolom_pendaftar", b), t("kolom_konversi", b)])

    status = _slide(deck, t("desa_sadar_menu", b), isi)
    if isi.desa_sadar.empty:
        _kotak_teks(status, 0.04, 0.2, 0.92, 0.1, t("tidak_ada_desa_sadar", b), 16)
    else:
        urut = isi.desa_sadar.sort_values("tanggal_status", ascending=False).head(BARIS_TABEL_MAKS)
        baris = [[str(r.nama), str(r.kecamatan), label_status(r.status, b),
                  fmt.tanggal(pd.Timestamp(r.tanggal_status).date(), b),
                  fmt.tanggal(pd.Timestamp(r.tanggal_mou).date(), b) if pd.notna(r.tanggal_mou) else t("belum", b)]
                 for r in urut.itertuples()]
        _tabel(status, baris, [t("kolom_desa", b), t("kecamatan", b), t("kolom_status", b), t("kolom_sejak", b),
                               t("kolom_mou", b)])

    keluaran = io.BytesIO()
    deck.save(keluaran)
    return keluaran.getvalue()
