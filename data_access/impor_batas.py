"""Importing village boundaries for any regency: GeoJSON, GeoPackage, zipped Shapefile, or the upstream
`wilayah_boundaries` SQL dump.

The file is read, its columns named the app's way, validated (every problem listed), and processed
exactly as the app will process it (clean coverage, kecamatan and regency, web layer) in a scratch
folder; only then does it replace `data/batas/desa_<regency>.geojson`, by an atomic rename. A file
that gives the same boundaries as the ones in place changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from pathlib import Path

import geopandas as gpd
import pyogrio
import sqlalchemy as sa

from data_access.batas import folder_batas_impor, muat_batas, sinkronkan_wilayah
from data_access.berkas_tabel import BATAS_BYTE_BAWAAN, BerkasDitolak, periksa_zip
from data_access.db import baca
from data_access.impor import KUNCI_PROSES, HasilImpor, KonteksImpor, catat_log, pesan_gagal
from domain.impor import Masalah
from geo.batas import BatasTidakValid, baca_sql_wilayah, seragamkan_kolom, validasi_desa

log = logging.getLogger(__name__)

# Boundaries are larger than tables: a province's villages at full detail run to ~100 MB.
BATAS_BYTE_BATAS = 8 * BATAS_BYTE_BAWAAN
KOLOM_SIMPAN = ["kode", "nama", "kode_kec", "nama_kec", "jenis", "lat", "lng", "geometry"]


def _baca(isi: bytes, nama_berkas: str, folder: Path) -> tuple[gpd.GeoDataFrame, str]:
    akhiran = Path(nama_berkas).suffix.lower()
    if akhiran == ".sql":
        try:
            return baca_sql_wilayah(isi.decode("utf-8-sig")), "SQL wilayah_boundaries"
        except UnicodeDecodeError:
            raise BerkasDitolak("Berkas SQL bukan teks UTF-8.") from None
    if akhiran == ".zip":
        daftar = periksa_zip(isi, ".zip")
        shp = [f.filename for f in daftar if f.filename.lower().endswith(".shp")]
        if len(shp) != 1:
            raise BerkasDitolak("Berkas .zip harus berisi tepat satu Shapefile (.shp beserta .dbf, .shx, .prj).")
        sumber, keterangan = f"/vsizip/{folder / 'unggahan.zip'}/{shp[0]}", "Shapefile dalam .zip"
        (folder / "unggahan.zip").write_bytes(isi)
    elif akhiran in (".geojson", ".json", ".gpkg"):
        (folder / f"unggahan{akhiran}").write_bytes(isi)
        sumber, keterangan = str(folder / f"unggahan{akhiran}"), "GeoPackage" if akhiran == ".gpkg" else "GeoJSON"
    else:
        raise BerkasDitolak("Batas desa diterima sebagai .geojson, .gpkg, .zip (Shapefile), atau .sql.")
    try:
        return pyogrio.read_dataframe(sumber), keterangan
    except Exception as e:  # GDAL reports a broken file in many ways
        raise BerkasDitolak(f"Berkas batas tidak dapat dibaca ({type(e).__name__}).") from None


def impor_batas(engine: sa.Engine, isi: bytes, nama_berkas: str, folder_data: Path, konteks: KonteksImpor,
                kering: bool = False) -> HasilImpor:
    """Check a boundary file and, unless refused or a dry run, put it in place for its regency.
    One at a time; never raises for anything the file does (see data_access.impor.impor)."""
    try:
        with KUNCI_PROSES["batas"]:
            return _impor_batas(engine, isi, nama_berkas, folder_data, konteks, kering)
    except Exception as e:
        log.exception("impor batas %s gagal", nama_berkas)
        hasil = HasilImpor("batas", nama_berkas, hashlib.sha256(isi).hexdigest(), "ditolak")
        hasil.masalah = [Masalah(0, "(impor)", "", *pesan_gagal(e))]
        if not kering:
            try:
                catat_log(engine, hasil, konteks)
            except Exception:
                log.exception("log_impor tidak dapat ditulis")
        return hasil


def _impor_batas(engine: sa.Engine, isi: bytes, nama_berkas: str, folder_data: Path, konteks: KonteksImpor,
                 kering: bool) -> HasilImpor:
    hasil = HasilImpor("batas", nama_berkas, hashlib.sha256(isi).hexdigest(), "ditolak")
    with tempfile.TemporaryDirectory(prefix="batas_") as sementara:
        folder = Path(sementara)
        try:
            if len(isi) > BATAS_BYTE_BATAS:
                raise BerkasDitolak(f"Berkas melebihi batas {BATAS_BYTE_BATAS // 1024 // 1024} MB.")
            desa, hasil.keterangan_berkas = _baca(isi, nama_berkas, folder)
            kecamatan = baca(engine, "SELECT kode, nama FROM wilayah WHERE tingkat = 'kecamatan'")
            desa = seragamkan_kolom(desa, dict(zip(kecamatan["kode"], kecamatan["nama"], strict=True)))
            desa = validasi_desa(desa)
            kabupaten = sorted(set(desa["kode"].str[:5]))
            if len(kabupaten) != 1:
                raise BatasTidakValid(f"Satu berkas untuk satu kabupaten; berkas ini memuat {', '.join(kabupaten)}.")
            kode_kab = kabupaten[0]
            if "jenis" not in desa.columns:
                desa["jenis"] = desa["kode"].str[9].map({"1": "kelurahan", "2": "desa"})
            if "lat" not in desa.columns or "lng" not in desa.columns:
                titik = desa.geometry.representative_point()
                desa["lat"], desa["lng"] = titik.y, titik.x
            uji = folder / "uji"
            uji.mkdir()
            desa[[c for c in KOLOM_SIMPAN if c in desa.columns]].to_file(uji / f"desa_{kode_kab}.geojson",
                                                                          driver="GeoJSON")
            batas = muat_batas(uji, kode_kab)  # the app's own processing: refused here, not at next start
        except (BerkasDitolak, BatasTidakValid) as e:
            hasil.masalah.append(Masalah(0, "(berkas)", "", str(e), getattr(e, "en", "")))
            if not kering:
                catat_log(engine, hasil, konteks)
            return hasil
        finally:
            muat_batas.cache_clear()
        hasil.jumlah_baris = hasil.baris_sah = len(desa)
        tujuan = folder_batas_impor(folder_data) / f"desa_{kode_kab}.geojson"
        baru = (uji / f"desa_{kode_kab}.geojson").read_bytes()
        if kering:
            hasil.status = "uji"
            return hasil
        if tujuan.exists() and tujuan.read_bytes() == baru:
            hasil.ditulis = {"baru": 0, "diperbarui": 0, "sama": len(desa)}
        else:
            hasil.ditulis = {"baru": 0 if tujuan.exists() else len(desa),
                             "diperbarui": len(desa) if tujuan.exists() else 0, "sama": 0}
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            sementara_tujuan = tujuan.with_suffix(".tmp")
            sementara_tujuan.write_bytes(baru)
            os.replace(sementara_tujuan, tujuan)  # atomic: readers see the old file or the new one
        sinkronkan_wilayah(engine, batas)
        hasil.status = "berhasil"
        catat_log(engine, hasil, konteks)
    return hasil
