"""The briefing deck (PPTX) for the overview's current filter, built from what the page shows.

Slides: title; the key messages; KPIs with their changes and targets; active participants by
programme and by segment; the monthly trend against target; the road to the year's target (running
year only); the BPU coverage map; the period's events; the Desa Sadar status table (long tables go on
over further slides).
Charts are native PowerPoint charts, so they stay editable; the map is a picture drawn offline
(`geo.peta_statis`). Numbers are in Indonesian format, the role's small-count suppression applies (a
hidden count is "<k" in text and left out of charts), and demo data is labelled on every slide.

What each slide says is decided once, in `laporan.briefing`; the PDF (`laporan.pdf`)
draws the same content.
"""

from __future__ import annotations

import io

import pandas as pd
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_LINE
from pptx.util import Emu, Pt

from laporan.briefing import (FORMAT_ANGKA_PPTX, IsiBriefing, isi_batang, isi_iuran, isi_judul, isi_kpi, isi_tabel,
                              isi_tren, judul_halaman, kaki, ringkas_jalan)
from tampilan.grafik import WARNA_TARGET, WARNA_UTAMA
from tampilan import format as fmt
from tampilan.teks import t

LEBAR, TINGGI = Emu(12_192_000), Emu(6_858_000)  # 16:9
HIJAU, MERAH, ABU = RGBColor.from_string(WARNA_UTAMA[1:]), RGBColor.from_string(WARNA_TARGET[1:]), \
    RGBColor(0x55, 0x55, 0x55)


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
    _kotak_teks(slide, 0.04, 0.93, 0.92, 0.05, kaki(isi), 11, warna=ABU)
    return slide


def _grafik_batang(slide, df: pd.DataFrame, kategori: str, isi: IsiBriefing, kiri: float, judul: str) -> None:
    batang = isi_batang(df, kategori, isi)
    if isinstance(batang, str):  # every bar is a small count (or there is none): say so, not an empty chart
        _kotak_teks(slide, kiri, 0.2, 0.44, 0.3, f"{judul}: {batang}", 16)
        return
    data = CategoryChartData()
    data.categories, nilai = batang
    data.add_series(t("peserta_aktif", isi.bahasa), nilai)
    bingkai = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Emu(int(LEBAR * kiri)), Emu(int(TINGGI * 0.2)),
                                     Emu(int(LEBAR * 0.44)), Emu(int(TINGGI * 0.68)), data)
    grafik = bingkai.chart
    grafik.has_title = True
    grafik.chart_title.text_frame.text = judul
    grafik.has_legend = False
    grafik.plots[0].has_data_labels = True
    grafik.plots[0].data_labels.number_format = FORMAT_ANGKA_PPTX
    grafik.plots[0].data_labels.number_format_is_linked = False
    grafik.plots[0].series[0].format.fill.solid()
    grafik.plots[0].series[0].format.fill.fore_color.rgb = HIJAU
    grafik.category_axis.reverse_order = True  # the largest bar on top, as on the web
    grafik.value_axis.tick_labels.number_format = FORMAT_ANGKA_PPTX
    grafik.value_axis.tick_labels.number_format_is_linked = False


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


def _slide_jalan(deck, judul: str, isi: IsiBriefing) -> None:
    """The region's active participants by month and the projection to 31 December with its band,
    against the target; below, how many targets are projected to miss and the method's backtest."""
    b = isi.bahasa
    slide = _slide(deck, judul, isi)
    r = isi.riwayat
    if r is not None and not r.empty:
        r = r.drop_duplicates("bulan", keep="last").tail(24)
        data = CategoryChartData()
        data.categories = [fmt.bulan_tahun(pd.Timestamp(x).date(), b) for x in r["bulan"]]
        riwayat = [None if j != "riwayat" or pd.isna(v) else round(v) for v, j in zip(r["nilai"], r["jenis"], strict=True)]
        depan = [None if j != "proyeksi" else round(v) for v, j in zip(r["nilai"], r["jenis"], strict=True)]
        if riwayat and depan:  # the projection starts where the history ends
            ujung = max(i for i, v in enumerate(riwayat) if v is not None) if any(v is not None for v in riwayat) else None
            if ujung is not None:
                depan[ujung] = riwayat[ujung]
        data.add_series(t("peserta_aktif", b), riwayat)
        data.add_series(t("proyeksi", b), depan)
        data.add_series(f"{t('rentang_proyeksi', b)} ↓", [None if pd.isna(v) else round(v) for v in r["bawah"]])
        data.add_series(f"{t('rentang_proyeksi', b)} ↑", [None if pd.isna(v) else round(v) for v in r["atas"]])
        if isi.target_sendiri is not None:
            data.add_series(t("target", b), [isi.target_sendiri] * len(r))
        bingkai = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(int(LEBAR * 0.04)), Emu(int(TINGGI * 0.14)),
                                         Emu(int(LEBAR * 0.92)), Emu(int(TINGGI * 0.6)), data)
        grafik = bingkai.chart
        grafik.has_legend = True
        grafik.legend.position = XL_LEGEND_POSITION.BOTTOM
        grafik.legend.include_in_layout = False
        for seri, warna in zip(grafik.plots[0].series, (HIJAU, HIJAU, ABU, ABU, MERAH), strict=False):
            seri.format.line.color.rgb = warna
        grafik.plots[0].series[1].format.line.dash_style = MSO_LINE.DASH
        # Start the axis near the lowest value, as the web chart does: from zero the band is a hairline.
        semua = [v for x in grafik.plots[0].series for v in x.values if v is not None]
        if semua:
            langkah = 10 ** max(len(str(int(min(semua)))) - 2, 0)
            grafik.value_axis.minimum_scale = int(min(semua) * 0.97 // langkah * langkah)
        grafik.value_axis.tick_labels.number_format = FORMAT_ANGKA_PPTX
        grafik.value_axis.tick_labels.number_format_is_linked = False
    _kotak_teks(slide, 0.04, 0.75, 0.92, 0.08, ringkas_jalan(isi), 12)
    _kotak_teks(slide, 0.04, 0.84, 0.92, 0.08, isi.bantuan_proyeksi, 9, warna=ABU)


def buat_deck(isi: IsiBriefing) -> bytes:
    b = isi.bahasa
    deck = Presentation()
    deck.slide_width, deck.slide_height = LEBAR, TINGGI
    j_pesan, j_kpi, j_sebaran, j_tren, j_jalan, j_peta, *_ = judul_halaman(isi)

    judul = deck.slides.add_slide(deck.slide_layouts[6])
    app, wilayah, periode = isi_judul(isi)
    _kotak_teks(judul, 0.06, 0.3, 0.88, 0.15, app, 32, tebal=True, warna=HIJAU)
    _kotak_teks(judul, 0.06, 0.46, 0.88, 0.1, wilayah, 28, tebal=True)
    _kotak_teks(judul, 0.06, 0.57, 0.88, 0.08, periode, 18)
    if isi.label_demo:
        _kotak_teks(judul, 0.06, 0.7, 0.88, 0.08, isi.label_demo, 16, tebal=True, warna=MERAH)

    pesan = _slide(deck, j_pesan, isi)
    for i, p in enumerate(isi.pesan):
        warna = {True: HIJAU, False: MERAH}.get(p.baik)
        _kotak_teks(pesan, 0.05, 0.16 + i * 0.15, 0.9, 0.14, f"{i + 1}. {p.teks}", 18, warna=warna)
    if not isi.pesan:
        _kotak_teks(pesan, 0.05, 0.2, 0.9, 0.1, t("kosong", b), 16)

    kpi = _slide(deck, j_kpi, isi)
    for i, (label, nilai, banding, baik) in enumerate(isi_kpi(isi)):
        _kotak_teks(kpi, 0.04 + i * 0.19, 0.22, 0.18, 0.08, label, 16, warna=ABU)
        _kotak_teks(kpi, 0.04 + i * 0.19, 0.3, 0.18, 0.13, nilai, 34, tebal=True, warna=HIJAU)
        _kotak_teks(kpi, 0.04 + i * 0.19, 0.45, 0.18, 0.3, banding, 12, warna={True: HIJAU, False: MERAH}.get(baik, ABU))
    if garis_iuran := isi_iuran(isi):
        _kotak_teks(kpi, 0.04, 0.72, 0.92, 0.1, garis_iuran, 14, warna=ABU)
    if isi.ambang > 1:
        _kotak_teks(kpi, 0.04, 0.82, 0.92, 0.06, t("tersembunyi", b, k=str(isi.ambang)), 12, warna=ABU)

    sebaran = _slide(deck, j_sebaran, isi)
    _grafik_batang(sebaran, isi.halaman.per_program, "program", isi, 0.04, t("per_program", b))
    _grafik_batang(sebaran, isi.halaman.per_segmen, "segmen", isi, 0.52, t("per_segmen", b))

    tren = _slide(deck, j_tren, isi)
    data = CategoryChartData()
    data.categories, aktif, target = isi_tren(isi)
    data.add_series(t("peserta_aktif", b), aktif)
    if target is not None:
        data.add_series(t("target", b), target)
    bingkai = tren.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, Emu(int(LEBAR * 0.04)), Emu(int(TINGGI * 0.16)),
                                    Emu(int(LEBAR * 0.92)), Emu(int(TINGGI * 0.74)), data)
    grafik = bingkai.chart
    grafik.has_legend = True
    grafik.legend.position = XL_LEGEND_POSITION.BOTTOM
    grafik.legend.include_in_layout = False
    for seri, warna in zip(grafik.plots[0].series, (HIJAU, MERAH), strict=False):
        seri.format.line.color.rgb = warna
    grafik.value_axis.tick_labels.number_format = FORMAT_ANGKA_PPTX
    grafik.value_axis.tick_labels.number_format_is_linked = False

    if isi.jalan is not None:  # this year's targets, seen from today
        _slide_jalan(deck, j_jalan, isi)

    peta = _slide(deck, j_peta, isi)
    if isi.peta is None:
        _kotak_teks(peta, 0.04, 0.2, 0.92, 0.1, t("kosong", b), 16)
    else:  # scaled to the room between title and footer, centred
        gambar = peta.shapes.add_picture(io.BytesIO(isi.peta), 0, Emu(int(TINGGI * 0.14)), height=Emu(int(TINGGI * 0.78)))
        gambar.left = Emu(int((LEBAR - gambar.width) / 2))

    for judul_tabel, kolom, baris, catatan in isi_tabel(isi):
        slide = _slide(deck, judul_tabel, isi)
        if baris:
            _tabel(slide, baris, kolom)
            if catatan:
                _kotak_teks(slide, 0.04, 0.86, 0.92, 0.05, catatan, 12, warna=ABU)
        else:
            _kotak_teks(slide, 0.04, 0.2, 0.92, 0.1, catatan, 16)

    keluaran = io.BytesIO()
    deck.save(keluaran)
    return keluaran.getvalue()
