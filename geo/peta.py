"""The map's measures, classes, colours and legend, plain functions shared by the village map
(geo.peta_folium), the province map, the static map of the briefing and the tests.

Kept apart from folium: a page or command that only needs a class or a colour does not load the
map library (and its templates) with it.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd

from tampilan.format import aman_html, angka
from tampilan.format import TANDA_TERSEMBUNYI
from tampilan.teks import TEKS, t
from domain.desa_sadar import label_status

WARNA_TANPA_DATA = "#bdbdbd"  # grey, never black: "no data" must not read as "very low"
# ColorBrewer YlGn, 5 classes: readable on a projector, colour-blind safe.
PALET = ["#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837"]
# Fixed classes for percentages, so a colour means the same every day. Coverage of informal workers
# is low everywhere (a few %), so its classes are fine at the bottom; target progress turns on 100%.
BATAS_PERSEN = {"cakupan": [1, 2.5, 5, 10], "target": [50, 75, 90, 100],
                # Collection turns on the last few percent; a lapse rate over a period of months.
                "kolektibilitas": [80, 90, 95, 98], "berhenti": [2, 5, 10, 20]}
# Margin around a village or kecamatan when zooming to it, so its neighbours stay in view.
MARGIN_ZOOM = 2.5
WARNA_STATUS = {"kandidat": "#e6550d", "dicanangkan": "#3182bd", "ditetapkan": "#54278f"}
WARNA_KEGIATAN, TEPI_KEGIATAN = "#fc4e2a", "#b30000"
LATAR_PETA = "#eef3f7"
TINGGI_PETA = 620


@dataclass(frozen=True)
class Ukuran:
    kunci: str
    label: str  # in Bahasa Indonesia; judul() gives the viewer's language
    persen: bool

    def judul(self, bahasa: str = "id") -> str:
        kunci = f"ukuran_peta_{self.kunci}"
        return t(kunci, bahasa) if kunci in TEKS else self.label


UKURAN = {
    "cakupan": Ukuran("cakupan", "Cakupan BPU (%)", True),
    "aktif": Ukuran("aktif", "Peserta aktif", False),
    "baru": Ukuran("baru", "Pendaftaran baru", False),
    "target": Ukuran("target", "Capaian target BPU (%)", True),
    "kolektibilitas": Ukuran("kolektibilitas", "Kolektibilitas iuran (%)", True),
    "berhenti": Ukuran("berhenti", "Tingkat berhenti membayar (%)", True),
}
# Measures read from the payment exports: the province map has no such rollup.
UKURAN_IURAN = ("kolektibilitas", "berhenti")


@dataclass(frozen=True)
class Kelas:
    """Class edges and one label per colour, plus the 'no data' label."""

    batas_atas: list[float]  # upper edge of each class but the last
    label: list[str]
    warna: list[str]
    # Quantile edges belong to the class below (≤ edge); fixed percent edges to the class above.
    tepi_ke_bawah: bool = False


def kelas_untuk(ukuran: Ukuran, nilai: pd.Series) -> Kelas:
    """Fixed classes for percentages; for counts, mapclassify's quantiles of the values shown.

    Quantiles rather than Fisher–Jenks: Jenks without numba takes ~70 ms for 285 villages, half the
    time budget of a filter change, and village counts are skewed enough that quantiles read well.
    """
    if ukuran.persen:
        batas = BATAS_PERSEN[ukuran.kunci]
        tepi = [0, *batas]
        label = [f"{desimal_ringkas(tepi[i])}–{desimal_ringkas(tepi[i + 1])}%" for i in range(len(tepi) - 1)]
        label.append(f"≥ {desimal_ringkas(batas[-1])}%")
        return Kelas(list(map(float, batas)), label, PALET)
    ada = nilai.dropna().to_numpy(dtype=float)
    unik = np.unique(ada)
    if len(unik) <= len(PALET):
        batas = [float(v) for v in unik[:-1]]
    else:
        # Counts are whole numbers: an edge of 20.8 would put 21 in the next class while the legend
        # said "1–21". Edges are floored so every label states exactly which counts it holds.
        # Quintiles by linear interpolation with numpy (mapclassify would load SciPy and scikit-learn
        # into every server for this). Between whole counts a quintile is a multiple of 1/5, so it is
        # rounded before the floor: 716.9999999 from float arithmetic is 717.
        kuantil = np.percentile(ada, np.arange(1, len(PALET)) * 100 / len(PALET))
        batas = sorted({float(np.floor(np.round(b, 6))) for b in kuantil})
    tepi = [float(ada.min()) if len(ada) else 0.0, *batas, float(ada.max()) if len(ada) else 0.0]
    label = [f"{angka(tepi[i] + (1 if i else 0))}–{angka(tepi[i + 1])}" for i in range(len(tepi) - 1)]
    return Kelas(batas, label, PALET[-len(label):] if len(label) < len(PALET) else PALET, tepi_ke_bawah=True)


def desimal_ringkas(nilai: float) -> str:
    """2.5 -> '2,5'; 10.0 -> '10' (class edges are round numbers)."""
    return str(int(nilai)) if float(nilai).is_integer() else str(nilai).replace(".", ",")


def warna_nilai(nilai: float | None, kelas: Kelas) -> str:
    if nilai is None or pd.isna(nilai):
        return WARNA_TANPA_DATA
    sisi = "left" if kelas.tepi_ke_bawah else "right"
    indeks = int(np.searchsorted(np.asarray(kelas.batas_atas, dtype=float), nilai, side=sisi))
    return kelas.warna[min(indeks, len(kelas.warna) - 1)]


def label_tanpa_data(k: int, bahasa: str = "id") -> str:
    return t("tanpa_data_atau_tersembunyi", bahasa, tanda=TANDA_TERSEMBUNYI) if k > 1 else t("tidak_ada_data", bahasa)


def legenda_html(ukuran: Ukuran, kelas: Kelas, k: int, ada_status: bool = True, bahasa: str = "id") -> str:
    """The legend beside the map, in the viewer's language; every label escaped."""
    baris = [f"<div style='font-weight:600;margin-bottom:6px'>{aman_html(ukuran.judul(bahasa))}</div>"]
    for warna, label in zip(kelas.warna, kelas.label, strict=True):
        baris.append(f"<div><span style='display:inline-block;width:18px;height:14px;background:{warna};"
                     f"border:1px solid #888;margin-right:6px'></span>{aman_html(label)}</div>")
    baris.append(f"<div><span style='display:inline-block;width:18px;height:14px;background:{WARNA_TANPA_DATA};"
                 f"border:1px solid #888;margin-right:6px'></span>{aman_html(label_tanpa_data(k, bahasa))}</div>")
    if ada_status:
        baris.append(f"<div style='font-weight:600;margin:10px 0 6px'>{aman_html(t('status_garis_tepi', bahasa))}</div>")
        for status, warna in WARNA_STATUS.items():
            garis = "dashed" if status == "kandidat" else "solid"
            baris.append(f"<div><span style='display:inline-block;width:18px;height:12px;border:3px {garis} {warna};"
                         f"margin-right:6px'></span>{aman_html(label_status(status, bahasa))}</div>")
        baris.append("<div style='margin-top:6px'><span style='display:inline-block;width:12px;height:12px;"
                     f"border-radius:6px;background:{WARNA_KEGIATAN};border:2px solid {TEPI_KEGIATAN};margin-right:6px'></span>"
                     f"{aman_html(t('kegiatan_menu', bahasa))}</div>")
    return "<div style='font-size:14px;line-height:1.7'>" + "".join(baris) + "</div>"


def kotak_wilayah(lapisan: gpd.GeoDataFrame, kode: str) -> list[list[float]] | None:
    """[[south, west], [north, east]] of the feature with this code, for zooming to it."""
    baris = lapisan[lapisan["kode"] == kode]
    if baris.empty:
        return None
    minx, miny, maxx, maxy = baris.total_bounds
    return [[float(miny), float(minx)], [float(maxy), float(maxx)]]


def pusat_dan_zoom(kotak: list[list[float]]) -> tuple[list[float], int]:
    """A centre and a Leaflet zoom level that frame the box in a map about 700 px wide."""
    (s, w), (n, e) = kotak
    rentang = max(e - w, (n - s) * 1.3, 1e-4) * MARGIN_ZOOM
    zoom = int(np.clip(np.floor(np.log2(360 * 700 / 256 / rentang)), 8, 15))
    return [(s + n) / 2, (w + e) / 2], zoom


def svg_sorot(desa_web: gpd.GeoDataFrame, kode: str, lebar: int = 520, warna: str = "#31a354") -> str:
    """A small inline SVG of the regency with one village filled, for the live screen: no tiles, no
    scripts, nothing to load, so it shows at once and never flickers on refresh."""
    minx, miny, maxx, maxy = desa_web.total_bounds
    skala = lebar / (maxx - minx)
    tinggi = int((maxy - miny) * skala) + 2

    def jalur(geom) -> str:
        bagian = []
        for poligon in getattr(geom, "geoms", [geom]):
            for cincin in [poligon.exterior, *poligon.interiors]:
                titik = " ".join(f"{(x - minx) * skala:.1f},{(maxy - y) * skala:.1f}" for x, y in cincin.coords)
                bagian.append(f"M{titik}Z")
        return "".join(bagian)

    isi = []
    for k, geom in zip(desa_web["kode"], desa_web.geometry, strict=True):
        terpilih = k == kode
        isi.append(f'<path d="{jalur(geom)}" fill="{warna if terpilih else "#e6e6e6"}" '
                   f'stroke="{"#000" if terpilih else "#ffffff"}" stroke-width="{2 if terpilih else 0.6}"/>')
    # The chosen village last, so its outline is drawn over its neighbours'.
    isi.sort(key=lambda p: warna in p)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {lebar} {tinggi}" width="100%" '
            f'role="img">{"".join(isi)}</svg>')
