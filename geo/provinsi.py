"""A whole province on one map: regency, kecamatan and village levels from one village file.

At 8,563 villages (Jawa Tengah) the map cannot send its polygons on every filter change the way the
regency map does. Each level is written once as a GeoJSON file with only codes and names; the
browser fetches it once and keeps it, and a filter change sends colours and labels per code only.
"""

from __future__ import annotations

import re

import geopandas as gpd
import pandas as pd
import shapely

from tampilan.format import angka, persen
from tampilan.format import TANDA_TERSEMBUNYI
from geo.peta import Kelas, Ukuran, warna_nilai

# ~110 m at the equator: a province map is seen whole at ~1,000 px, where one pixel is ~400 m.
TOLERANSI_PROVINSI_DERAJAT = 0.001
# ~11 m grid: four decimals is all a coordinate at this scale needs, and a third less text than five.
PRESISI_PROVINSI_DERAJAT = 1e-4
# Unions of slightly overlapping upstream villages leave pinholes along old borders; real enclaves
# (a city inside a regency) are tens of km². 1e-5 deg² is about 0.12 km².
LUBANG_TERKECIL_DERAJAT2 = 1e-5
TINGKAT = ("kabupaten", "kecamatan", "desa")
# Kemendagri province codes (Permendagri 58/2021 and the 2022 Papua provinces).
NAMA_PROVINSI = {
    "11": "Aceh", "12": "Sumatera Utara", "13": "Sumatera Barat", "14": "Riau", "15": "Jambi",
    "16": "Sumatera Selatan", "17": "Bengkulu", "18": "Lampung", "19": "Kepulauan Bangka Belitung",
    "21": "Kepulauan Riau", "31": "DKI Jakarta", "32": "Jawa Barat", "33": "Jawa Tengah", "34": "DI Yogyakarta",
    "35": "Jawa Timur", "36": "Banten", "51": "Bali", "52": "Nusa Tenggara Barat", "53": "Nusa Tenggara Timur",
    "61": "Kalimantan Barat", "62": "Kalimantan Tengah", "63": "Kalimantan Selatan", "64": "Kalimantan Timur",
    "65": "Kalimantan Utara", "71": "Sulawesi Utara", "72": "Sulawesi Tengah", "73": "Sulawesi Selatan",
    "74": "Sulawesi Tenggara", "75": "Gorontalo", "76": "Sulawesi Barat", "81": "Maluku", "82": "Maluku Utara",
    "91": "Papua", "92": "Papua Barat", "93": "Papua Selatan", "94": "Papua Tengah", "95": "Papua Pegunungan",
    "96": "Papua Barat Daya",
}
PANJANG_KODE = {"provinsi": 2, "kabupaten": 5, "kecamatan": 8, "desa": 13}
# The level whose totals each level adds up to, as a code length (for complementary suppression).
PANJANG_INDUK = {"kabupaten": 2, "kecamatan": 5, "desa": 8}
POLA_KODE_WILAYAH = re.compile(r"\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?")


def lapisan_provinsi(desa: gpd.GeoDataFrame) -> dict[str, gpd.GeoDataFrame]:
    """The three levels (kode, nama, geometry) of a province's villages, simplified together.

    Simplifying the whole coverage at once keeps neighbours on one shared edge; kecamatan and
    regencies are unions of the simplified villages, so the three levels line up. (The upstream
    villages overlap slightly, so the exact coverage union would refuse them; cleaning the coverage
    first takes ~40 s for a province, too long for a map opened on demand.)
    """
    desa = desa.sort_values("kode").reset_index(drop=True)
    sederhana = shapely.set_precision(shapely.coverage_simplify(desa.geometry.values, TOLERANSI_PROVINSI_DERAJAT),
                                      PRESISI_PROVINSI_DERAJAT)
    desa_web = gpd.GeoDataFrame({"kode": desa["kode"], "nama": desa["nama"]}, geometry=sederhana, crs=desa.crs)
    hasil = {"desa": desa_web}
    for tingkat, kolom_nama in (("kecamatan", "nama_kec"), ("kabupaten", "nama_kab")):
        panjang = PANJANG_KODE[tingkat]
        nama = desa.assign(induk=desa["kode"].str[:panjang]).groupby("induk")[kolom_nama].first()
        gabung = [(kode, nama[kode], tanpa_lubang_kecil(shapely.union_all(kelompok.values)))
                  for kode, kelompok in desa_web.geometry.groupby(desa_web["kode"].str[:panjang], sort=True)]
        hasil[tingkat] = gpd.GeoDataFrame(gabung, columns=["kode", "nama", "geometry"], geometry="geometry",
                                          crs=desa.crs)
    return hasil


def tanpa_lubang_kecil(geom):
    """The geometry without interior rings smaller than LUBANG_TERKECIL_DERAJAT2."""
    bagian = []
    for poligon in getattr(geom, "geoms", [geom]):
        if poligon.geom_type != "Polygon":
            continue
        lubang = [r for r in poligon.interiors if shapely.Polygon(r).area >= LUBANG_TERKECIL_DERAJAT2]
        bagian.append(shapely.Polygon(poligon.exterior, lubang))
    return bagian[0] if len(bagian) == 1 else shapely.MultiPolygon(bagian)


def ke_geojson_ringkas(lapisan: gpd.GeoDataFrame) -> str:
    """GeoJSON with kode and nama only, no ids, no whitespace."""
    return lapisan[["kode", "nama", "geometry"]].to_json(drop_id=True, ensure_ascii=False, separators=(",", ":"))


def nama_provinsi(kode_prov: str) -> str:
    return NAMA_PROVINSI.get(kode_prov, f"Provinsi {kode_prov}")


def warna_dan_teks(nilai: pd.DataFrame, ukuran: Ukuran, kelas: Kelas, k: int) -> tuple[dict[str, str], dict[str, str]]:
    """Colour and label per code for the regions that have something to say (a value, or a hidden
    one); every other region is drawn as 'no data' by the browser, so a filter change sends only these.
    `nilai` as data_access.peta.nilai_ukuran gives it."""
    warna, teks = {}, {}
    for kode, v, sembunyi in zip(nilai.index, nilai["nilai"], nilai["tersembunyi"], strict=True):
        if sembunyi:
            teks[kode] = TANDA_TERSEMBUNYI
        elif v is not None and not pd.isna(v):
            warna[kode] = warna_nilai(v, kelas)
            teks[kode] = persen(v) if ukuran.persen else angka(v)
    return warna, teks


def kode_fokus(teks: str) -> str:
    """A region code from a link, or '' for anything that is not one."""
    teks = (teks or "").strip()
    return teks if POLA_KODE_WILAYAH.fullmatch(teks) else ""
