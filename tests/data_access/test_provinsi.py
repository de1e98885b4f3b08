"""The province map's files (written once, whole) and its values (sums of the village values)."""

import json

import pandas as pd

from data_access.peta import nilai_desa
from data_access.provinsi import berkas_provinsi, nilai_provinsi, siapkan_peta_provinsi
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan
from tests.conftest import FOLDER_BATAS, HARI_INI_UJI


def test_level_files_are_written_once_for_the_whole_province(tmp_path):
    assert berkas_provinsi(FOLDER_BATAS, "33").name == "jawa_tengah_desa.geojson"
    tulis = siapkan_peta_provinsi.__wrapped__  # past the in-process cache: the files are the cache
    url = tulis(FOLDER_BATAS, "33", tmp_path)
    berkas = {t: tmp_path / "peta" / u.rsplit("/", 1)[1] for t, u in url.items()}
    jumlah = {t: len(json.loads(b.read_text(encoding="utf-8"))["features"]) for t, b in berkas.items()}
    assert jumlah == {"kabupaten": 35, "kecamatan": 576, "desa": 8563}
    assert all(u.startswith("/app/static/peta/provinsi_33_") for u in url.values())
    assert berkas["desa"].stat().st_size < 8_000_000
    waktu = {t: b.stat().st_mtime_ns for t, b in berkas.items()}
    assert tulis(FOLDER_BATAS, "33", tmp_path) == url
    assert {t: b.stat().st_mtime_ns for t, b in berkas.items()} == waktu  # not written again
    assert not list((tmp_path / "peta").glob(".*.tmp"))


def test_province_values_are_the_sums_of_the_village_values(engine_demo):
    s = Saringan("33", periode_dari_kunci("2025", HARI_INI_UJI), None, "BPU")
    desa = nilai_desa(engine_demo, s)
    for tingkat, panjang in (("kabupaten", 5), ("kecamatan", 8), ("desa", 13)):
        nilai = nilai_provinsi(engine_demo, s, tingkat)
        harapan = desa.groupby(desa.index.str[:panjang])[["aktif", "baru", "bpu_aktif"]].sum()
        pd.testing.assert_frame_equal(nilai[["aktif", "baru", "bpu_aktif"]], harapan, check_names=False)
    kab = nilai_provinsi(engine_demo, s, "kabupaten").loc["33.26"]
    assert kab["aktif"] > 0 and 0 < kab["cakupan_persen"] < 100
    assert kab["cakupan_persen"] == 100 * kab["bpu_aktif"] / kab["pekerja_informal"]
