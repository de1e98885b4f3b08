"""The province map's files and numbers: level geometries written once for the browser, values per filter.

Geometry goes to `static/peta/` under a name that carries a hash of the source file and the
simplification settings, so a browser may keep it as long as it likes and a new boundary file gets
a new name. Values come from the same per-village counts as the regency map, summed per level.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import sqlalchemy as sa

from data_access.aset import FOLDER_STATIS, tulis_peta_statis
from data_access.batas import BatasTidakDitemukan, BatasTidakValid, berkas_berisi
from data_access.db import baca
from data_access.peta import nilai_desa
from domain import kpi
from domain.saringan import Saringan
from geo.provinsi import PANJANG_KODE, PRESISI_PROVINSI_DERAJAT, TINGKAT, TOLERANSI_PROVINSI_DERAJAT, \
    ke_geojson_ringkas, lapisan_provinsi


def berkas_provinsi(folder: Path, kode_prov: str) -> Path:
    """The largest boundary file in `folder` holding villages of the province: a province (or
    national) file rather than one regency's. Only the first matching feature of each is read."""
    if not (len(kode_prov) == 2 and kode_prov.isdigit()):
        raise BatasTidakValid(f"Kode provinsi '{kode_prov}' tidak berformat PP (contoh: 33).")
    berkas = berkas_berisi(folder, kode_prov, terbesar=True)
    if berkas is not None:
        return berkas
    raise BatasTidakDitemukan(f"Tidak ada berkas batas desa untuk provinsi {kode_prov} di {folder}.")


def desa_provinsi(folder_batas: Path, kode_prov: str) -> gpd.GeoDataFrame:
    """Every village of the province, as read from its boundary file."""
    return _baca_desa(berkas_provinsi(folder_batas, kode_prov), kode_prov)


def _baca_desa(berkas: Path, kode_prov: str) -> gpd.GeoDataFrame:
    return pyogrio.read_dataframe(berkas, where=f"kode LIKE '{kode_prov}.%'")


@functools.lru_cache(maxsize=2)
def siapkan_peta_provinsi(folder_batas: Path, kode_prov: str, folder_statis: Path = FOLDER_STATIS) -> dict[str, str]:
    """Write the three level files (once per source file); return their URLs by level."""
    sumber = berkas_provinsi(folder_batas, kode_prov)
    info = sumber.stat()
    sidik = hashlib.sha256(f"{sumber.name}:{info.st_size}:{info.st_mtime_ns}:{TOLERANSI_PROVINSI_DERAJAT}:"
                           f"{PRESISI_PROVINSI_DERAJAT}".encode()).hexdigest()[:12]
    nama = {t: f"provinsi_{kode_prov}_{t}_{sidik}.geojson" for t in TINGKAT}
    sudah = all((folder_statis / "peta" / n).is_file() for n in nama.values())
    lapisan = None if sudah else lapisan_provinsi(_baca_desa(sumber, kode_prov))
    return {t: tulis_peta_statis(n, None if sudah else ke_geojson_ringkas(lapisan[t]), folder_statis)
            for t, n in nama.items()}


def nilai_provinsi(engine: sa.Engine, s: Saringan, tingkat: str) -> pd.DataFrame:
    """Per region of the level (index: code) within the province `s.kode_wilayah`: its name, active
    participants, new sign-ups, active BPU, informal workers and BPU coverage, summed from the
    villages the database knows. Regions without data are absent."""
    desa = nilai_desa(engine, s)
    induk = desa.index.str[:PANJANG_KODE[tingkat]]
    jumlah = desa.groupby(induk).agg(aktif=("aktif", "sum"), baru=("baru", "sum"), bpu_aktif=("bpu_aktif", "sum"),
                                     pekerja_informal=("pekerja_informal", lambda x: x.sum(min_count=1)))
    jumlah["cakupan_persen"] = [kpi.cakupan_bpu(b, None if pd.isna(n) else n)
                                for b, n in zip(jumlah["bpu_aktif"], jumlah["pekerja_informal"], strict=True)]
    jumlah["capaian_target_persen"] = None
    jumlah["status"] = desa["status"] if tingkat == "desa" else None
    nama = baca(engine, "SELECT kode, nama FROM wilayah WHERE tingkat = :tingkat AND kode LIKE :awalan",
                tingkat=tingkat, awalan=s.kode_wilayah + ".%").set_index("kode")["nama"]
    jumlah["nama"] = nama.reindex(jumlah.index)
    return jumlah
