"""Village boundaries: validation, the kecamatan and regency levels, and a web-ready layer.

Every function copies before it changes anything and works in EPSG:4326 (WGS 84 lon/lat), the CRS
of the reference data and of web maps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import geopandas as gpd
import shapely

from domain.urai import normalkan_kolom

CRS_WEB = "EPSG:4326"
KOLOM_WAJIB = ("kode", "nama", "kode_kec", "nama_kec")
POLA_KODE_DESA = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.[12]\d{3}$")

# Overlaps in the upstream polygons are merged into the neighbour with the longest shared border,
# and gaps narrower than ~20 m closed, so that the simplified layer has no slivers.
LEBAR_CELAH_DERAJAT = 0.0002
# ~55 m: village outlines stay recognisable at regency zoom while the 285 villages fit in ~340 KB.
TOLERANSI_SEDERHANA_DERAJAT = 0.0005
# ~1.1 m at the equator: finer digits only cost bytes on the wire.
PRESISI_DERAJAT = 1e-5


class BatasTidakValid(ValueError):
    """The boundary data cannot be used; the message says what is wrong and where, in Indonesian."""


def validasi_desa(desa: gpd.GeoDataFrame, kode_kab: str | None = None) -> gpd.GeoDataFrame:
    """Check codes, names, geometry and CRS of a village layer; return a copy in EPSG:4326.

    Raises BatasTidakValid listing every problem found (up to ten examples each), so a person fixing
    the file sees all of them at once.
    """
    masalah: list[str] = []
    kurang = [k for k in KOLOM_WAJIB if k not in desa.columns]
    if kurang:
        raise BatasTidakValid(f"Kolom wajib tidak ada di data batas desa: {', '.join(kurang)}.")
    if desa.crs is None:
        raise BatasTidakValid(
            "Data batas desa tidak menyebut sistem koordinat (CRS). Simpan ulang berkas dengan CRS, "
            "misalnya EPSG:4326."
        )
    if len(desa) == 0:
        wilayah = f" untuk kode {kode_kab}" if kode_kab else ""
        raise BatasTidakValid(f"Data batas desa kosong{wilayah}.")
    hasil = desa.to_crs(CRS_WEB) if desa.crs != CRS_WEB else desa.copy()

    kode = hasil["kode"].astype(str)
    salah_pola = kode[~kode.str.match(POLA_KODE_DESA)]
    if len(salah_pola):
        masalah.append(
            "Kode desa tidak berformat PP.KK.CC.DDDD: " + ", ".join(salah_pola.head(10).tolist())
        )
    ganda = kode[kode.duplicated()]
    if len(ganda):
        masalah.append("Kode desa ganda: " + ", ".join(sorted(set(ganda.head(10)))))
    if kode_kab:
        luar = kode[~kode.str.startswith(kode_kab + ".")]
        if len(luar):
            masalah.append(f"Desa di luar wilayah {kode_kab}: " + ", ".join(luar.head(10).tolist()))
    salah_kec = hasil[[not k.startswith(str(kk) + ".") for k, kk in zip(kode, hasil["kode_kec"], strict=True)]]
    if len(salah_kec):
        masalah.append("Kode kecamatan tidak cocok dengan kode desa: " + ", ".join(salah_kec["kode"].head(10)))
    tanpa_nama = hasil[hasil["nama"].isna() | (hasil["nama"].astype(str).str.strip() == "")]
    if len(tanpa_nama):
        masalah.append("Desa tanpa nama: " + ", ".join(tanpa_nama["kode"].astype(str).head(10)))

    geom = hasil.geometry.values
    kosong = hasil[shapely.is_missing(geom) | shapely.is_empty(geom)]
    if len(kosong):
        masalah.append("Desa tanpa geometri: " + ", ".join(kosong["kode"].astype(str).head(10)))
    bukan_poligon = hasil[~hasil.geom_type.isin(["Polygon", "MultiPolygon"]) & ~hasil.index.isin(kosong.index)]
    if len(bukan_poligon):
        masalah.append("Geometri bukan poligon: " + ", ".join(bukan_poligon["kode"].astype(str).head(10)))
    tidak_sah = hasil[~shapely.is_valid(geom) & ~hasil.index.isin(kosong.index)]
    if len(tidak_sah):
        masalah.append(
            "Geometri tidak sah (misalnya batas yang memotong dirinya sendiri): "
            + ", ".join(tidak_sah["kode"].astype(str).head(10))
        )
    if not masalah:
        minx, miny, maxx, maxy = hasil.total_bounds
        if not (-180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90):
            masalah.append("Koordinat di luar rentang bujur/lintang: periksa CRS berkas.")
    if masalah:
        raise BatasTidakValid("Data batas desa tidak dapat dipakai:\n- " + "\n- ".join(masalah))
    return hasil.reset_index(drop=True)


def bersihkan_cakupan(desa: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy whose villages form a clean coverage: no overlaps, no narrow gaps, identical shared edges.

    The upstream polygons overlap slightly along some borders (about 0.04% of the area); every
    level and the web layer are derived from the cleaned villages so they all share the same edges.
    """
    bersih = shapely.coverage_clean(desa.geometry.values, gap_width=LEBAR_CELAH_DERAJAT)
    return desa.set_geometry(bersih, crs=desa.crs)


def turunkan_kecamatan(desa: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Kecamatan outlines dissolved from a clean village coverage, so both levels share edges."""
    baris = [
        (kode, nama, shapely.coverage_union_all(kelompok.geometry.values))
        for (kode, nama), kelompok in desa.groupby(["kode_kec", "nama_kec"], sort=True)
    ]
    return gpd.GeoDataFrame(baris, columns=["kode", "nama", "geometry"], geometry="geometry", crs=desa.crs)


def turunkan_kabupaten(desa: gpd.GeoDataFrame, kode_kab: str, nama_kab: str) -> gpd.GeoDataFrame:
    """The regency outline dissolved from a clean village coverage."""
    gabungan = shapely.coverage_union_all(desa.geometry.values)
    return gpd.GeoDataFrame({"kode": [kode_kab], "nama": [nama_kab]}, geometry=[gabungan], crs=desa.crs)


def sederhanakan_untuk_web(
    desa: gpd.GeoDataFrame,
    toleransi: float = TOLERANSI_SEDERHANA_DERAJAT,
    presisi: float = PRESISI_DERAJAT,
) -> gpd.GeoDataFrame:
    """A web-ready copy of a clean coverage (see bersihkan_cakupan): simplified as a whole, ~1 m grid.

    Simplifying the coverage together (not polygon by polygon) keeps neighbours on one shared edge,
    so no gaps or overlaps open between villages.
    """
    sederhana = shapely.coverage_simplify(desa.geometry.values, toleransi)
    dibulatkan = shapely.set_precision(sederhana, presisi)
    return desa.set_geometry(dibulatkan, crs=desa.crs)


@dataclass(frozen=True)
class MutuLapisan:
    """How faithful a simplified layer is to the original, as shares of the total area in percent."""

    tumpang_tindih_persen: float  # area counted twice because neighbours overlap
    celah_persen: float  # holes inside the union that the original did not have
    selisih_luas_persen: float  # total area change from cleaning and simplifying
    ukuran_geojson_byte: int


def _luas_lubang(gabungan) -> float:
    bagian = getattr(gabungan, "geoms", [gabungan])
    return sum(shapely.area(shapely.polygons(cincin)) for p in bagian for cincin in p.interiors)


def ukur_mutu(asli: gpd.GeoDataFrame, sederhana: gpd.GeoDataFrame, geojson: str) -> MutuLapisan:
    """Measure overlaps, new slivers and area change of a simplified layer against the original.

    Areas are compared in degrees²; at this latitude span the ratio is what matters, not the unit.
    """
    geom = sederhana.geometry.values
    gabungan = shapely.union_all(geom)
    gabungan_asli = shapely.union_all(asli.geometry.values)
    luas = gabungan.area
    tumpang = (float(shapely.area(geom).sum()) - luas) / luas * 100
    celah = max(0.0, _luas_lubang(gabungan) - _luas_lubang(gabungan_asli)) / luas * 100
    selisih = (luas - gabungan_asli.area) / gabungan_asli.area * 100
    return MutuLapisan(max(0.0, tumpang), celah, selisih, len(geojson.encode("utf-8")))


def ke_geojson(lapisan: gpd.GeoDataFrame, kolom: list[str]) -> str:
    """GeoJSON text with only the given properties, feature ids dropped (they are not used)."""
    return lapisan[[*kolom, lapisan.geometry.name]].to_json(drop_id=True, ensure_ascii=False)


def titik_desa(desa: gpd.GeoDataFrame, kode: str) -> tuple[float, float] | None:
    """A point inside the village (lat, lng) for an event's marker; None for an unknown code.

    A representative point, not the centroid: a crescent-shaped village's centroid can fall outside it.
    """
    baris = desa[desa["kode"] == kode]
    if baris.empty:
        return None
    titik = baris.geometry.iloc[0].representative_point()
    return float(titik.y), float(titik.x)


# Column names boundary files use for what the app calls kode, nama, kode_kec, nama_kec.
SINONIM_KOLOM_BATAS = {
    "kode": ("kode", "kode_desa", "kd_desa", "kode_kel", "kode_kelurahan", "kdepum", "kode_wilayah", "village_code"),
    "nama": ("nama", "nama_desa", "desa", "namobj", "nama_kelurahan", "desa_kelurahan", "village", "name"),
    "kode_kec": ("kode_kec", "kd_kec", "kode_kecamatan"),
    "nama_kec": ("nama_kec", "kecamatan", "nama_kecamatan", "wadmkc", "district"),
}


def seragamkan_kolom(desa: gpd.GeoDataFrame, nama_kecamatan: dict[str, str] | None = None) -> gpd.GeoDataFrame:
    """Rename boundary columns to kode, nama, kode_kec, nama_kec; derive the kecamatan code from the
    village code when missing, and its name from `nama_kecamatan` (code -> name) when the file has none."""
    hasil = desa.copy()
    ganti = {}
    for kanonik, sinonim in SINONIM_KOLOM_BATAS.items():
        if kanonik in hasil.columns:
            continue
        for kolom in hasil.columns:
            if normalkan_kolom(kolom) in sinonim and kolom not in ganti:
                ganti[kolom] = kanonik
                break
    hasil = hasil.rename(columns=ganti)
    if "kode" in hasil.columns:
        hasil["kode"] = hasil["kode"].astype(str).str.strip()
        if "kode_kec" not in hasil.columns:
            hasil["kode_kec"] = hasil["kode"].str[:8]
        if "nama_kec" not in hasil.columns:
            peta = nama_kecamatan or {}
            hasil["nama_kec"] = [peta.get(k, f"Kecamatan {k}") for k in hasil["kode_kec"]]
    return hasil


_BARIS_SQL = re.compile(r"\(\s*'(?P<kode>[\d.]+)'\s*,\s*'(?P<nama>(?:[^']|'')*)'\s*,\s*(?P<lat>-?[\d.]+)\s*,"
                        r"\s*(?P<lng>-?[\d.]+)\s*,\s*'(?P<path>\[[^']*\])'\s*\)")


def baca_sql_wilayah(teks: str) -> gpd.GeoDataFrame:
    """The upstream `wilayah_boundaries` SQL dump (INSERT rows of kode, nama, lat, lng, path): `path`
    holds [lat, lng] pairs; a list of rings is one polygon (outer ring, then holes), a list of those
    a MultiPolygon."""
    import json

    baris = []
    for m in _BARIS_SQL.finditer(teks):
        try:
            jalur = json.loads(m["path"])
        except ValueError:
            raise BatasTidakValid(f"Kolom path desa {m['kode']} bukan daftar koordinat yang terbaca.") from None

        def poligon(cincin: list) -> shapely.Polygon:
            ring = [[(float(p[1]), float(p[0])) for p in r] for r in cincin]
            return shapely.Polygon(ring[0], ring[1:])

        try:
            kedalaman = 3 if isinstance(jalur[0][0][0], (int, float)) else 4
            geom = poligon(jalur) if kedalaman == 3 else shapely.MultiPolygon([poligon(p) for p in jalur])
        except (IndexError, TypeError, ValueError):
            raise BatasTidakValid(f"Kolom path desa {m['kode']} tidak berbentuk poligon.") from None
        baris.append({"kode": m["kode"], "nama": m["nama"].replace("''", "'"), "lat": float(m["lat"]),
                      "lng": float(m["lng"]), "geometry": geom})
    if not baris:
        raise BatasTidakValid("Tidak ada baris wilayah_boundaries (kode, nama, lat, lng, path) di berkas SQL ini.")
    return gpd.GeoDataFrame(baris, geometry="geometry", crs=CRS_WEB)
