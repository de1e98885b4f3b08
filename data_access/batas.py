"""Reading village boundaries from the data directory, once per process."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pyproj
import shapely
import sqlalchemy as sa

import geo.batas
from data_access.db import tulis
from geo.batas import (
    BatasTidakValid,
    bersihkan_cakupan,
    MutuLapisan,
    ke_geojson,
    sederhanakan_untuk_web,
    turunkan_kabupaten,
    turunkan_kecamatan,
    ukur_mutu,
    validasi_desa,
)

POLA_KODE_KAB = re.compile(r"^\d{2}\.\d{2}$")
AKHIRAN_BERKAS = (".geojson", ".json", ".gpkg")
# UTM zone 49S covers Central Java; areas in km² for demo calibration, not for display.
CRS_LUAS = "EPSG:32749"
PROPERTI_WEB = ["kode", "nama", "kode_kec", "nama_kec", "jenis"]
POLIGON = (shapely.GeometryType.POLYGON, shapely.GeometryType.MULTIPOLYGON)

log = logging.getLogger(__name__)


class BatasTidakDitemukan(FileNotFoundError):
    """No boundary file for the regency; the message says where to put one."""


@dataclass(frozen=True)
class BatasWilayah:
    """One regency's villages as loaded, and the layers derived from them. The derived layers are built
    on first use, once per process: the overview (the first page a visitor opens) reads none of them,
    and building them all at start (~90 ms of CPU) was on its first visitor's wait."""
    kode_kab: str
    nama_kab: str
    berkas: Path
    desa: gpd.GeoDataFrame  # full detail, validated, cleaned into a coverage, EPSG:4326
    desa_asli: gpd.GeoDataFrame  # as read, for measuring what cleaning and simplifying changed

    @functools.cached_property
    def kecamatan(self) -> gpd.GeoDataFrame:
        return turunkan_kecamatan(self.desa)

    @functools.cached_property
    def kabupaten(self) -> gpd.GeoDataFrame:
        return turunkan_kabupaten(self.desa, self.kode_kab, self.nama_kab)

    @functools.cached_property
    def desa_web(self) -> gpd.GeoDataFrame:
        """The simplified coverage for maps."""
        return sederhanakan_untuk_web(self.desa[[*PROPERTI_WEB, "geometry"]])

    @functools.cached_property
    def geojson_web(self) -> str:
        return ke_geojson(self.desa_web, PROPERTI_WEB)

    @functools.cached_property
    def kecamatan_web(self) -> gpd.GeoDataFrame:
        """Dissolved from desa_web: the same edges as the web villages."""
        return turunkan_kecamatan(self.desa_web)

    @functools.cached_property
    def kabupaten_web(self) -> gpd.GeoDataFrame:
        return turunkan_kabupaten(self.desa_web, self.kode_kab, self.nama_kab)

    @functools.cached_property
    def fitur_web(self) -> list[dict]:
        """The web villages as parsed GeoJSON features, parsed once: map layers only add properties."""
        return json.loads(self.geojson_web)["features"]

    def mutu_web(self) -> MutuLapisan:
        return ukur_mutu(self.desa_asli, self.desa_web, self.geojson_web)


def berkas_berisi(folder: Path, awalan: str, terbesar: bool = False) -> Path | None:
    """The smallest (or largest) boundary file in `folder` with a village whose code starts with
    `awalan` + '.'; only the first matching feature of each file is read. `awalan` is a checked code."""
    if not folder.is_dir():
        return None
    berkas = sorted((p for p in folder.iterdir() if p.suffix.lower() in AKHIRAN_BERKAS and p.is_file()),
                    key=lambda p: p.stat().st_size, reverse=terbesar)
    for p in berkas:
        try:
            contoh = pyogrio.read_dataframe(p, where=f"kode LIKE '{awalan}.%'", max_features=1, read_geometry=False)
        except Exception:  # a file of another shape in the folder is not ours to judge here
            continue
        if len(contoh):
            return p
    return None


def cari_berkas_batas(folder: Path, kode_kab: str) -> Path:
    """The smallest boundary file in `folder` that holds villages of `kode_kab`."""
    if not POLA_KODE_KAB.match(kode_kab):
        raise BatasTidakValid(f"Kode kabupaten '{kode_kab}' tidak berformat PP.KK (contoh: 33.26).")
    if not folder.is_dir():
        raise BatasTidakDitemukan(
            f"Folder batas wilayah tidak ditemukan: {folder}. Letakkan berkas GeoJSON batas desa di sana, "
            "atau atur DESA_SADAR_BATAS_DIR ke folder yang berisi berkas itu."
        )
    berkas = berkas_berisi(folder, kode_kab)
    if berkas is not None:
        return berkas
    raise BatasTidakDitemukan(
        f"Tidak ada berkas batas desa untuk kabupaten {kode_kab} di {folder}. Berkas GeoJSON perlu "
        "properti 'kode', 'nama', 'kode_kec' dan 'nama_kec' untuk setiap desa."
    )


@functools.lru_cache(maxsize=4)
def muat_batas(folder: Path, kode_kab: str, simpanan: Path | None = None) -> BatasWilayah:
    """Villages of one regency, validated and cleaned (the layers derived from them: BatasWilayah).

    Cached per process: boundaries change only when someone replaces the file and restarts. With
    `simpanan` (a folder of the app's own), the cleaned coverage is kept there between starts.
    """
    berkas = cari_berkas_batas(folder, kode_kab)
    desa = pyogrio.read_dataframe(berkas, where=f"kode LIKE '{kode_kab}.%'")
    asli = validasi_desa(desa, kode_kab).sort_values("kode").reset_index(drop=True)
    desa = _cakupan_bersih(asli, berkas, kode_kab, simpanan)
    if "jenis" not in desa.columns:
        desa["jenis"] = desa["kode"].str[9].map({"1": "kelurahan", "2": "desa"})
    nama_kab = str(desa["nama_kab"].iloc[0]) if "nama_kab" in desa.columns else f"Kabupaten {kode_kab}"
    return BatasWilayah(kode_kab=kode_kab, nama_kab=nama_kab, berkas=berkas, desa=desa, desa_asli=asli)


def _cakupan_bersih(asli: gpd.GeoDataFrame, berkas: Path, kode_kab: str, simpanan: Path | None) -> gpd.GeoDataFrame:
    """bersihkan_cakupan(asli), read from `simpanan` when it was worked out before from the same file
    by the same code. Cleaning is most of the time boundaries take to load, and they load on every
    start before the first page can show; what is kept is public geometry, read as data (WKB), never
    run. Any doubt about a kept copy (unreadable, other villages) means cleaning anew."""
    if simpanan is None:
        return bersihkan_cakupan(asli)
    kunci = hashlib.sha256(berkas.read_bytes())
    # The code that cleans is part of the key: a change to geo/batas.py, GEOS or PROJ (which reprojects
    # a file in another CRS) makes a new copy.
    kunci.update(Path(geo.batas.__file__).read_bytes())
    kunci.update(f"{kode_kab}|{shapely.__version__}|{shapely.geos_version_string}|{pyproj.__version__}".encode())
    lokasi = simpanan / f"batas-{kode_kab}-{kunci.hexdigest()[:24]}.json"
    kode = asli["kode"].tolist()
    tersimpan = _baca_cakupan(lokasi, kode)
    if tersimpan is not None:
        return asli.set_geometry(tersimpan, crs=asli.crs)
    bersih = bersihkan_cakupan(asli)
    _simpan_cakupan(lokasi, kode, bersih.geometry.values)
    return bersih


def _baca_cakupan(lokasi: Path, kode: list[str]):
    try:
        isi = json.loads(lokasi.read_text(encoding="utf-8"))
        if not isinstance(isi, dict):
            raise ValueError("bukan simpanan batas")
        wkb = isi.get("wkb")
        if isi.get("kode") != kode or not isinstance(wkb, list) or len(wkb) != len(kode) \
                or not all(isinstance(g, str) for g in wkb):
            raise ValueError("desa lain")
        geometri = shapely.from_wkb(wkb, on_invalid="raise")
        if not np.isin(shapely.get_type_id(geometri), POLIGON).all():
            raise ValueError("bukan poligon")
        return geometri
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, shapely.errors.GEOSException) as e:
        log.warning("Simpanan batas %s tidak dipakai (%s); batas dibersihkan ulang.", lokasi.name, e)
        return None


def _simpan_cakupan(lokasi: Path, kode: list[str], geometri) -> None:
    """Written whole under a passing name, then renamed: a second process reading at the same
    moment sees the old copy or the new one, never half of one."""
    sementara = None
    try:
        lokasi.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=lokasi.parent, prefix=".batas-",
                                         suffix=".tmp", delete=False) as berkas:
            sementara = Path(berkas.name)
            json.dump({"kode": kode, "wkb": shapely.to_wkb(geometri, hex=True).tolist()}, berkas)
        os.replace(sementara, lokasi)
        for lama in lokasi.parent.glob(lokasi.name.rsplit("-", 1)[0] + "-*.json"):
            if lama != lokasi:
                lama.unlink(missing_ok=True)
    except OSError as e:  # a read-only or full data directory: the app still starts, only more slowly
        log.info("Simpanan batas tidak ditulis: %s", e)
        if sementara is not None:
            sementara.unlink(missing_ok=True)


def sinkronkan_wilayah(engine: sa.Engine, batas: BatasWilayah) -> int:
    """Add the regency, its kecamatan and villages to `wilayah`; existing rows are left as they are."""
    desa = batas.desa[["kode", "nama", "kode_kec", "nama_kec", "jenis"]].assign(kode_kab=batas.kode_kab,
                                                                               nama_kab=batas.nama_kab)
    return sinkronkan_desa(engine, desa)


def sinkronkan_desa(engine: sa.Engine, desa: pd.DataFrame) -> int:
    """Add villages with their kecamatan and regencies (columns kode, nama, jenis, kode_kec, nama_kec,
    kode_kab, nama_kab) to `wilayah`; existing rows are left as they are."""
    kab = desa[["kode_kab", "nama_kab"]].drop_duplicates("kode_kab")
    kec = desa[["kode_kec", "nama_kec", "kode_kab"]].drop_duplicates("kode_kec")
    baris = [{"kode": k, "nama": n, "tingkat": "kabupaten", "induk": None, "jenis": None}
             for k, n in kab.itertuples(index=False)]
    baris += [{"kode": k, "nama": n, "tingkat": "kecamatan", "induk": kk, "jenis": None}
              for k, n, kk in kec.itertuples(index=False)]
    baris += [
        {"kode": k, "nama": n, "tingkat": "desa", "induk": kk, "jenis": j}
        for k, n, kk, j in desa[["kode", "nama", "kode_kec", "jenis"]].itertuples(index=False)
    ]
    sql = sa.text(
        "INSERT INTO wilayah (kode, nama, tingkat, kode_induk, jenis) "
        "VALUES (:kode, :nama, :tingkat, :induk, :jenis) ON CONFLICT (kode) DO NOTHING"
    )
    tulis(engine, lambda k: k.execute(sql, baris))
    return len(baris)


def folder_batas_impor(folder_data: Path) -> Path:
    """Where imported boundaries are kept: the data directory, never the repository."""
    return folder_data / "batas"


def folder_simpanan(folder_data: Path) -> Path:
    """What the app works out from its files and keeps between starts (cleaned boundaries)."""
    return folder_data / "simpanan"


def batas_aplikasi(folder_data: Path, folder_referensi: Path, kode_kab: str) -> BatasWilayah:
    """The regency's boundaries: an imported file in the data directory when there is one, otherwise
    the reference folder."""
    impor = folder_batas_impor(folder_data)
    if impor.is_dir():
        try:
            cari_berkas_batas(impor, kode_kab)
        except BatasTidakDitemukan:
            pass
        else:
            return muat_batas(impor, kode_kab, folder_simpanan(folder_data))
    return muat_batas(folder_referensi, kode_kab, folder_simpanan(folder_data))
