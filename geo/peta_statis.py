"""The coverage map as a still picture (PNG) for the briefing deck and PDF, drawn offline with matplotlib.

Same classes, colours, Desa Sadar outlines and event markers as the interactive map (`geo.peta`), so a
slide and the screen never disagree about what a colour means. Names from files and forms are drawn
as plain text by matplotlib (mathtext off), never interpreted.
"""

from __future__ import annotations

import io

import geopandas as gpd
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from domain.desa_sadar import label_status
from tampilan.teks import t
from geo.peta import LATAR_PETA, TEPI_KEGIATAN, WARNA_KEGIATAN, WARNA_STATUS, WARNA_TANPA_DATA, Kelas, Ukuran, label_tanpa_data, warna_nilai


def gambar_peta(desa_web: gpd.GeoDataFrame, kecamatan_web: gpd.GeoDataFrame, nilai: pd.DataFrame,
                ukuran: Ukuran, kelas: Kelas, kegiatan: pd.DataFrame, k: int, awalan_kode: str = "", lebar_inci: float = 11.0, tinggi_inci: float = 5.6,
                dpi: int = 150, bahasa: str = "id") -> bytes:
    """PNG of the villages whose code starts with `awalan_kode`, coloured by `nilai` (as
    `tampilan.publik.nilai_peta` gives it: None when hidden or missing), with the legend beside it."""
    desa = desa_web[desa_web["kode"].str.startswith(awalan_kode)]
    if desa.empty:
        desa = desa_web
    isi = nilai.reindex(desa["kode"])
    warna = [warna_nilai(None if pd.isna(v) else v, kelas) for v in isi["nilai"]]

    gambar = Figure(figsize=(lebar_inci, tinggi_inci), dpi=dpi, facecolor="white")
    FigureCanvasAgg(gambar)
    sumbu = gambar.add_axes((0.01, 0.01, 0.6, 0.98))
    sumbu.set_facecolor(LATAR_PETA)
    desa.plot(ax=sumbu, color=warna, edgecolor="white", linewidth=0.3)
    kec = kecamatan_web[kecamatan_web["kode"].str.startswith(awalan_kode[:8])] if awalan_kode else kecamatan_web
    kec.boundary.plot(ax=sumbu, color="#333333", linewidth=0.9)
    status = isi["status"].where(isi["status"].notna(), None).tolist()
    for nama_status, warna_garis in WARNA_STATUS.items():
        terpilih = desa[[s == nama_status for s in status]]
        if not terpilih.empty:
            terpilih.boundary.plot(ax=sumbu, color=warna_garis, linewidth=2.0,
                                   linestyle="--" if nama_status == "kandidat" else "-")
    titik = kegiatan.dropna(subset=["lat", "lng"])
    titik = titik[titik["kode_desa"].isin(desa["kode"])]
    if not titik.empty:
        sumbu.scatter(titik["lng"], titik["lat"], s=36, c=WARNA_KEGIATAN, edgecolors=TEPI_KEGIATAN, linewidths=1.2,
                      zorder=5)
    sumbu.set_axis_off()
    sumbu.margins(0.02)

    tanda = [Patch(facecolor=w, edgecolor="#888888", label=lbl) for w, lbl in zip(kelas.warna, kelas.label, strict=True)]
    tanda.append(Patch(facecolor=WARNA_TANPA_DATA, edgecolor="#888888", label=label_tanpa_data(k, bahasa)))
    tanda += [Patch(facecolor="white", edgecolor=w, linewidth=2, linestyle="--" if s == "kandidat" else "-",
                    label=f"Desa Sadar: {label_status(s, bahasa)}") for s, w in WARNA_STATUS.items()]
    tanda.append(Line2D([], [], marker="o", linestyle="", markerfacecolor=WARNA_KEGIATAN,
                        markeredgecolor=TEPI_KEGIATAN, markersize=8, label=t("kegiatan_menu", bahasa)))
    legenda = gambar.legend(handles=tanda, loc="center left", bbox_to_anchor=(0.62, 0.5), frameon=False,
                            title=ukuran.judul(bahasa), fontsize=11, title_fontsize=12, alignment="left")
    for teks in legenda.get_texts():
        teks.set_parse_math(False)  # a "$" in a label stays a dollar sign
    keluaran = io.BytesIO()
    gambar.savefig(keluaran, format="png", dpi=dpi)
    return keluaran.getvalue()
