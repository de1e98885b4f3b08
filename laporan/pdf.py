"""The briefing as a PDF: the deck's pages, drawn with matplotlib on 16:9 pages.

Content comes from the same `isi_*` functions as the PPTX deck, so both say the same numbers with the
same suppression and labels. Fonts are embedded as TrueType (the text stays searchable and copyable),
and mathtext is off: an event called "$5 untuk $ehat" is printed as typed.
"""

from __future__ import annotations

import io
import textwrap
from datetime import datetime, timezone

import matplotlib
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from laporan.briefing import (IsiBriefing, isi_batang, isi_iuran, isi_judul, isi_kpi, isi_tabel, isi_tren, judul_halaman, kaki,
                              ringkas_jalan)
from tampilan import format as fmt
from tampilan.grafik import WARNA_TARGET, WARNA_UTAMA
from tampilan.teks import t

UKURAN_HALAMAN = (13.333, 7.5)  # inches, the deck's 16:9
ABU = "#555555"
GAYA = {"text.parse_math": False, "pdf.fonttype": 42, "font.family": "DejaVu Sans", "axes.spines.top": False,
        "axes.spines.right": False}


def _halaman(judul: str | None, isi: IsiBriefing) -> Figure:
    gambar = Figure(figsize=UKURAN_HALAMAN)
    if judul is not None:
        gambar.text(0.04, 0.93, judul, fontsize=26, fontweight="bold", va="top")
        gambar.text(0.04, 0.03, kaki(isi), fontsize=11, color=ABU)
    return gambar


def _sumbu_angka(sumbu, sumbu_nilai: str) -> None:
    pemformat = FuncFormatter(lambda v, _: fmt.angka(v))
    (sumbu.xaxis if sumbu_nilai == "x" else sumbu.yaxis).set_major_formatter(pemformat)
    (sumbu.xaxis if sumbu_nilai == "x" else sumbu.yaxis).set_major_locator(MaxNLocator(integer=True, nbins=6))


def _batang(gambar: Figure, kiri: float, df, kategori: str, judul: str, isi: IsiBriefing) -> None:
    batang = isi_batang(df, kategori, isi)
    if isinstance(batang, str):
        gambar.text(kiri, 0.7, f"{judul}: {batang}", fontsize=15, wrap=True)
        return
    label, nilai = batang
    sumbu = gambar.add_axes((kiri + 0.06, 0.14, 0.36, 0.64))
    sumbu.set_title(judul, fontsize=15, loc="left")
    posisi = range(len(label))[::-1]  # first category on top, as in the deck
    sumbu.barh(list(posisi), nilai, color=WARNA_UTAMA)
    sumbu.set_yticks(list(posisi), label, fontsize=12)
    for y, n in zip(posisi, nilai, strict=True):
        sumbu.annotate(fmt.angka(n), (n, y), xytext=(4, 0), textcoords="offset points", va="center", fontsize=11)
    _sumbu_angka(sumbu, "x")
    sumbu.margins(x=0.15)


def _tabel(gambar: Figure, kolom: list[str], baris: list[list[str]]) -> None:
    tinggi = min(0.76, 0.055 * (len(baris) + 1))
    sumbu = gambar.add_axes((0.04, 0.86 - tinggi - 0.02, 0.92, tinggi))
    sumbu.set_axis_off()
    tabel = sumbu.table(cellText=baris, colLabels=kolom, loc="upper left", cellLoc="left", colLoc="left",
                        bbox=(0, 0, 1, 1))
    tabel.auto_set_font_size(False)
    tabel.set_fontsize(10)
    tabel.auto_set_column_width(list(range(len(kolom))))
    for (i, _), sel in tabel.get_celld().items():
        sel.set_edgecolor("#cccccc")
        sel.get_text().set_parse_math(False)
        if i == 0:
            sel.set_facecolor("#e5f5e0")
            sel.get_text().set_fontweight("bold")


def _halaman_jalan(judul: str, isi: IsiBriefing) -> Figure:
    b = isi.bahasa
    halaman = _halaman(judul, isi)
    r = isi.riwayat
    if r is not None and not r.empty:
        r = r.drop_duplicates(["bulan", "jenis"], keep="last")
        r = r[pd.to_datetime(r["bulan"]) >= pd.to_datetime(r["bulan"]).max() - pd.DateOffset(months=24)]
        sumbu = halaman.add_axes((0.08, 0.3, 0.88, 0.52))
        lalu, depan = r[r["jenis"] == "riwayat"], r[r["jenis"] == "proyeksi"]
        sumbu.plot(pd.to_datetime(lalu["bulan"]), lalu["nilai"], marker="o", color=WARNA_UTAMA, label=t("peserta_aktif", b))
        if not depan.empty:
            sumbu.plot(pd.to_datetime(depan["bulan"]), depan["nilai"], marker="o", linestyle="--", color=WARNA_UTAMA,
                       label=t("proyeksi", b))
            sumbu.fill_between(pd.to_datetime(depan["bulan"]), depan["bawah"], depan["atas"], color=WARNA_UTAMA,
                               alpha=0.18, label=t("rentang_proyeksi", b))
        if isi.target_sendiri is not None:
            sumbu.axhline(isi.target_sendiri, color=WARNA_TARGET, linestyle="--")
            sumbu.annotate(t("label_target_nilai", b, tahun=str(isi.hari_ini.year), n=fmt.angka(isi.target_sendiri)),
                           (0.01, isi.target_sendiri), xycoords=("axes fraction", "data"), xytext=(0, 4),
                           textcoords="offset points", color=WARNA_TARGET, fontweight="bold")
        sumbu.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt.bulan_tahun(mdates.num2date(v).date(), b)))
        _sumbu_angka(sumbu, "y")
        sumbu.grid(axis="y", color="#e0e0e0")
        sumbu.legend(loc="upper left", frameon=False, fontsize=10)
    halaman.text(0.04, 0.2, ringkas_jalan(isi), fontsize=11, wrap=True)
    halaman.text(0.04, 0.1, isi.bantuan_proyeksi, fontsize=8, color=ABU, wrap=True)
    return halaman


def buat_pdf(isi: IsiBriefing) -> bytes:
    b = isi.bahasa
    j_pesan, j_kpi, j_sebaran, j_tren, j_jalan, j_peta, *_ = judul_halaman(isi)
    keluaran = io.BytesIO()
    # The real creation date, from the content (gathered once for the PPTX and the PDF), so the same
    # content still gives the same file.
    with matplotlib.rc_context(GAYA), PdfPages(keluaran, metadata={
            "Title": isi.judul or f"{t('judul_app', b)} · {isi.nama_wilayah} · {isi.label_periode}",
            "Subject": t("judul_app", b), "Creator": "Desa Sadar",
            "CreationDate": isi.dibuat or datetime.now(timezone.utc)}) as pdf:
        judul = _halaman(None, isi)
        app, wilayah, periode = isi_judul(isi)
        judul.text(0.06, 0.62, app, fontsize=30, fontweight="bold", color=WARNA_UTAMA)
        judul.text(0.06, 0.5, wilayah, fontsize=28, fontweight="bold")
        judul.text(0.06, 0.42, periode, fontsize=18)
        if isi.label_demo:
            judul.text(0.06, 0.3, isi.label_demo, fontsize=16, fontweight="bold", color=WARNA_TARGET)
        pdf.savefig(judul)

        pesan = _halaman(j_pesan, isi)
        for i, p in enumerate(isi.pesan):
            pesan.text(0.05, 0.8 - i * 0.15, f"{i + 1}. {p.teks}", fontsize=15, va="top", wrap=True,
                       color={True: WARNA_UTAMA, False: WARNA_TARGET}.get(p.baik, "#222222"))
        if not isi.pesan:
            pesan.text(0.05, 0.7, t("kosong", b), fontsize=15)
        pdf.savefig(pesan)

        kpi = _halaman(j_kpi, isi)
        for i, (label, nilai, banding, baik) in enumerate(isi_kpi(isi)):
            kpi.text(0.04 + i * 0.19, 0.74, label, fontsize=15, color=ABU, wrap=True)
            kpi.text(0.04 + i * 0.19, 0.6, nilai, fontsize=34, fontweight="bold", color=WARNA_UTAMA)
            kpi.text(0.04 + i * 0.19, 0.54, textwrap.fill(banding, 24), fontsize=11, va="top",
                     color={True: WARNA_UTAMA, False: WARNA_TARGET}.get(baik, ABU))
        if garis_iuran := isi_iuran(isi):
            kpi.text(0.04, 0.32, textwrap.fill(garis_iuran, 150), fontsize=12, color=ABU, va="top")
        if isi.ambang > 1:
            kpi.text(0.04, 0.2, t("tersembunyi", b, k=str(isi.ambang)), fontsize=12, color=ABU)
        pdf.savefig(kpi)

        sebaran = _halaman(j_sebaran, isi)
        _batang(sebaran, 0.02, isi.halaman.per_program, "program", t("per_program", b), isi)
        _batang(sebaran, 0.52, isi.halaman.per_segmen, "segmen", t("per_segmen", b), isi)
        pdf.savefig(sebaran)

        tren = _halaman(j_tren, isi)
        label, aktif, target = isi_tren(isi)
        sumbu = tren.add_axes((0.08, 0.2, 0.88, 0.62))
        x = list(range(len(label)))
        sumbu.plot(x, [float("nan") if v is None else v for v in aktif], marker="o", color=WARNA_UTAMA,
                   label=t("peserta_aktif", b))
        if target is not None:
            sumbu.plot(x, [float("nan") if v is None else v for v in target], color=WARNA_TARGET, linestyle="--",
                       label=t("target", b))
        sumbu.set_xticks(x, label, rotation=45, ha="right", fontsize=10)
        _sumbu_angka(sumbu, "y")
        sumbu.set_ylim(bottom=0)
        sumbu.grid(axis="y", color="#e0e0e0")
        sumbu.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, frameon=False)
        pdf.savefig(tren)

        if isi.jalan is not None:  # this year's targets, seen from today
            pdf.savefig(_halaman_jalan(j_jalan, isi))

        peta = _halaman(j_peta, isi)
        if isi.peta is None:
            peta.text(0.04, 0.7, t("kosong", b), fontsize=15)
        else:
            gambar = Image.open(io.BytesIO(isi.peta))
            sumbu = peta.add_axes((0.04, 0.08, 0.92, 0.78))
            sumbu.imshow(gambar)
            sumbu.set_axis_off()
        pdf.savefig(peta)

        for judul_tabel, kolom, baris, catatan in isi_tabel(isi):
            halaman = _halaman(judul_tabel, isi)
            if baris:
                _tabel(halaman, kolom, baris)
                if catatan:
                    halaman.text(0.04, 0.08, catatan, fontsize=11, color=ABU)
            else:
                halaman.text(0.04, 0.7, catatan, fontsize=15)
            pdf.savefig(halaman)
    return keluaran.getvalue()
