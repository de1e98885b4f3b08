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

from data_access.aset import FOLDER_STATIS, URL_STATIS
from data_access.batas import AKHIRAN_BERKAS, BatasTidakDitemukan
from data_access.peta import nilai_desa
from domain import kpi
from domain.saringan import Saringan
from geo.provinsi import PANJANG_KODE, PRESISI_PROVINSI_DERAJAT, TINGKAT, TOLERANSI_PROVINSI_DERAJAT, \
    ke_geojson_ringkas, lapisan_provinsi


def berkas_provinsi(folder: Path, kode_prov: str) -> Path:
    """The boundary file in `folder` holding the most villages of the province."""
    jumlah = {}
    for p in (p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in AKHIRAN_BERKAS):
        try:
            kode = pyogrio.read_dataframe(p, columns=["kode"], read_geometry=False)["kode"]
        except Exception:  # a file of another shape in the folder is not ours to judge here
            continue
        jumlah[p] = int(kode.astype(str).str.startswith(kode_prov + ".").sum())
    if not jumlah or max(jumlah.values()) == 0:
        raise BatasTidakDitemukan(f"Tidak ada berkas batas desa untuk provinsi {kode_prov} di {folder}.")
    return max(jumlah, key=jumlah.get)


def desa_provinsi(folder_batas: Path, kode_prov: str) -> gpd.GeoDataFrame:
    """Every village of the province, as read from its boundary file."""
    return pyogrio.read_dataframe(berkas_provinsi(folder_batas, kode_prov), where=f"kode LIKE '{kode_prov}.%'")


@functools.lru_cache(maxsize=2)
def siapkan_peta_provinsi(folder_batas: Path, kode_prov: str, folder_statis: Path = FOLDER_STATIS) -> dict[str, str]:
    """Write the three level files (once per source file); return their URLs by level."""
    sumber = berkas_provinsi(folder_batas, kode_prov)
    info = sumber.stat()
    sidik = hashlib.sha256(f"{sumber.name}:{info.st_size}:{info.st_mtime_ns}:{TOLERANSI_PROVINSI_DERAJAT}:"
                           f"{PRESISI_PROVINSI_DERAJAT}".encode()).hexdigest()[:12]
    folder = folder_statis / "peta"
    nama = {t: f"provinsi_{kode_prov}_{t}_{sidik}.geojson" for t in TINGKAT}
    if not all((folder / n).is_file() for n in nama.values()):
        desa = pyogrio.read_dataframe(sumber, where=f"kode LIKE '{kode_prov}.%'")  # (the file found above)
        lapisan = lapisan_provinsi(desa)
        folder.mkdir(parents=True, exist_ok=True)
        for tingkat, n in nama.items():
            sementara = folder / f".{n}.tmp"
            sementara.write_text(ke_geojson_ringkas(lapisan[tingkat]), encoding="utf-8")
            sementara.replace(folder / n)  # whole or not at all, even with two sessions writing
    return {t: f"{URL_STATIS}/peta/{n}" for t, n in nama.items()}


def nilai_provinsi(engine: sa.Engine, s: Saringan, tingkat: str) -> pd.DataFrame:
    """Per region of the level (index: code) within the province `s.kode_wilayah`: active participants,
    new sign-ups, active BPU, informal workers and BPU coverage, summed from the villages the
    database knows. Regions without data are absent."""
    desa = nilai_desa(engine, s)
    induk = desa.index.str[:PANJANG_KODE[tingkat]]
    jumlah = desa.groupby(induk).agg(aktif=("aktif", "sum"), baru=("baru", "sum"), bpu_aktif=("bpu_aktif", "sum"),
                                     pekerja_informal=("pekerja_informal", lambda x: x.sum(min_count=1)))
    jumlah["cakupan_persen"] = [kpi.cakupan_bpu(b, None if pd.isna(n) else n)
                                for b, n in zip(jumlah["bpu_aktif"], jumlah["pekerja_informal"], strict=True)]
    jumlah["capaian_target_persen"] = None
    jumlah["status"] = desa["status"] if tingkat == "desa" else None
    return jumlah
