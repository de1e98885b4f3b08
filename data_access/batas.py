"""Reading village boundaries from the data directory, once per process."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import sqlalchemy as sa

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


class BatasTidakDitemukan(FileNotFoundError):
    """No boundary file for the regency; the message says where to put one."""


@dataclass(frozen=True)
class BatasWilayah:
    kode_kab: str
    nama_kab: str
    berkas: Path
    desa: gpd.GeoDataFrame  # full detail, validated, cleaned into a coverage, EPSG:4326
    kecamatan: gpd.GeoDataFrame
    kabupaten: gpd.GeoDataFrame
    desa_asli: gpd.GeoDataFrame  # as read, for measuring what cleaning and simplifying changed
    desa_web: gpd.GeoDataFrame  # simplified coverage for maps
    geojson_web: str
    kecamatan_web: gpd.GeoDataFrame  # dissolved from desa_web: same edges as the web villages
    kabupaten_web: gpd.GeoDataFrame

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
def muat_batas(folder: Path, kode_kab: str) -> BatasWilayah:
    """Villages of one regency, validated, with dissolved kecamatan and regency and the web layer.

    Cached per process: boundaries change only when someone replaces the file and restarts.
    """
    berkas = cari_berkas_batas(folder, kode_kab)
    desa = pyogrio.read_dataframe(berkas, where=f"kode LIKE '{kode_kab}.%'")
    asli = validasi_desa(desa, kode_kab).sort_values("kode").reset_index(drop=True)
    desa = bersihkan_cakupan(asli)
    if "jenis" not in desa.columns:
        desa["jenis"] = desa["kode"].str[9].map({"1": "kelurahan", "2": "desa"})
    nama_kab = str(desa["nama_kab"].iloc[0]) if "nama_kab" in desa.columns else f"Kabupaten {kode_kab}"
    desa_web = sederhanakan_untuk_web(desa[[*PROPERTI_WEB, "geometry"]])
    kecamatan_web = turunkan_kecamatan(desa_web)
    return BatasWilayah(
        kode_kab=kode_kab,
        nama_kab=nama_kab,
        berkas=berkas,
        desa=desa,
        desa_asli=asli,
        kecamatan=turunkan_kecamatan(desa),
        kabupaten=turunkan_kabupaten(desa, kode_kab, nama_kab),
        desa_web=desa_web,
        geojson_web=ke_geojson(desa_web, PROPERTI_WEB),
        kecamatan_web=kecamatan_web,
        kabupaten_web=turunkan_kabupaten(desa_web, kode_kab, nama_kab),
    )


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
            return muat_batas(impor, kode_kab)
    return muat_batas(folder_referensi, kode_kab)
