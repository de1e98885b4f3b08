"""Boundary imports: the upstream SQL, zipped Shapefiles and GeoPackages, any regency, all or nothing."""

import io
import zipfile
from datetime import date

import geopandas as gpd
import pytest
import shapely

from data_access.batas import batas_aplikasi, cari_berkas_batas, folder_batas_impor
from data_access.db import baca
from data_access.impor import KonteksImpor
from data_access.impor_batas import impor_batas
from geo.gazetteer import Gazetteer
from tests.conftest import FOLDER_BATAS

SQL = FOLDER_BATAS / "source" / "wilayah_boundaries_kel_33.26.sql"


@pytest.fixture
def siap(engine_kosong, batas, tmp_path):
    return engine_kosong, KonteksImpor("uji", date(2026, 11, 24), Gazetteer(batas.desa), None), tmp_path


def test_the_upstream_sql_gives_the_reference_villages_and_twice_changes_nothing(siap):
    engine, konteks, folder = siap
    h = impor_batas(engine, SQL.read_bytes(), SQL.name, folder, konteks)
    assert h.status == "berhasil" and h.ditulis["baru"] == 285, h.ringkasan()
    hasil = batas_aplikasi(folder, FOLDER_BATAS, "33.26")
    assert hasil.berkas.parent == folder_batas_impor(folder)  # the imported file wins over the reference
    referensi = gpd.read_file(FOLDER_BATAS / "kab_pekalongan_desa.geojson").set_index("kode")
    impor = hasil.desa_asli.set_index("kode")
    assert sorted(impor.index) == sorted(referensi.index)
    beda = [impor.geometry[k].symmetric_difference(referensi.geometry[k]).area / referensi.geometry[k].area
            for k in referensi.index]
    assert max(beda) < 1e-4  # the reference rounds coordinates to 7 decimals
    assert baca(engine, "SELECT count(*) AS n FROM wilayah WHERE tingkat = 'desa'")["n"].iloc[0] == 285
    lagi = impor_batas(engine, SQL.read_bytes(), SQL.name, folder, konteks)
    assert lagi.ditulis == {"baru": 0, "diperbarui": 0, "sama": 285}


def _batang() -> gpd.GeoDataFrame:
    provinsi = gpd.read_file(FOLDER_BATAS / "jawa_tengah_desa.geojson", where="kode LIKE '33.25.%'")
    return provinsi.rename(columns={"kode": "KODE", "nama": "NAMOBJ", "nama_kec": "WADMKC"})[
        ["KODE", "NAMOBJ", "WADMKC", "geometry"]]


def test_another_regency_as_a_zipped_shapefile_and_as_a_geopackage(siap, tmp_path_factory):
    engine, konteks, folder = siap
    kerja = tmp_path_factory.mktemp("shp")
    _batang().to_crs("EPSG:32749").to_file(kerja / "batang.shp")  # projected, as a GIS office exports
    arsip = io.BytesIO()
    with zipfile.ZipFile(arsip, "w") as z:
        for bagian in kerja.iterdir():
            z.write(bagian, f"batas/{bagian.name}")
    h = impor_batas(engine, arsip.getvalue(), "batang.zip", folder, konteks)
    assert h.status == "berhasil" and h.jumlah_baris == 248, h.ringkasan()
    assert cari_berkas_batas(folder_batas_impor(folder), "33.25").name == "desa_33.25.geojson"
    batang = batas_aplikasi(folder, FOLDER_BATAS, "33.25")
    assert len(batang.desa) == 248 and batang.desa.crs.to_epsg() == 4326
    assert (batang.kecamatan["nama"].str.len() > 0).all()

    _batang().to_file(kerja / "batang.gpkg", driver="GPKG")
    gpkg = impor_batas(engine, (kerja / "batang.gpkg").read_bytes(), "batang.gpkg", folder, konteks)
    assert gpkg.status == "berhasil" and gpkg.ditulis["sama"] + gpkg.ditulis["diperbarui"] == 248


def test_bad_boundaries_are_refused_whole_and_nothing_is_replaced(siap, tmp_path_factory):
    engine, konteks, folder = siap
    impor_batas(engine, SQL.read_bytes(), SQL.name, folder, konteks)
    sebelum = (folder_batas_impor(folder) / "desa_33.26.geojson").read_bytes()
    kerja = tmp_path_factory.mktemp("buruk")

    rusak = gpd.read_file(FOLDER_BATAS / "kab_pekalongan_desa.geojson")
    rusak.loc[0, "geometry"] = shapely.Polygon([(109.5, -7.0), (109.6, -7.1), (109.6, -7.0), (109.5, -7.1)])
    rusak.loc[1, "kode"] = rusak.loc[2, "kode"]
    rusak.to_file(kerja / "rusak.geojson", driver="GeoJSON")
    h = impor_batas(engine, (kerja / "rusak.geojson").read_bytes(), "rusak.geojson", folder, konteks)
    assert h.status == "ditolak"
    assert "Geometri tidak sah" in h.masalah[0].alasan and "Kode desa ganda" in h.masalah[0].alasan

    dua = gpd.read_file(FOLDER_BATAS / "jawa_tengah_desa.geojson", where="kode LIKE '33.2%' AND kode < '33.26.02'")
    dua.to_file(kerja / "dua.geojson", driver="GeoJSON")
    h = impor_batas(engine, (kerja / "dua.geojson").read_bytes(), "dua.geojson", folder, konteks)
    assert "Satu berkas untuk satu kabupaten" in h.masalah[0].alasan

    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("batas.shp", b"\x00" * (200 * 1024 * 1024))
    for isi, nama, alasan in ((bom.getvalue(), "bom.zip", "bom zip"), (b"{bukan json", "x.geojson", "tidak dapat dibaca"),
                              (b"INSERT INTO lain VALUES (1);", "x.sql", "Tidak ada baris wilayah_boundaries"),
                              (b"a,b", "x.csv", "diterima sebagai")):
        h = impor_batas(engine, isi, nama, folder, konteks)
        assert h.status == "ditolak" and alasan in h.masalah[0].alasan, (nama, h.masalah)
    assert (folder_batas_impor(folder) / "desa_33.26.geojson").read_bytes() == sebelum
    assert set(baca(engine, "SELECT status FROM log_impor")["status"]) == {"berhasil", "ditolak"}
