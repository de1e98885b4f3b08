"""Boundaries kept between starts: the cleaned coverage is read back exactly, and any doubt about
the kept copy (damaged, another file's, an unwritable folder) means cleaning anew, never failing."""

import json
import shutil

import geopandas as gpd
import pytest
import shapely

import data_access.batas as batas_mod
from data_access.batas import batas_aplikasi, folder_simpanan, muat_batas
from tests.conftest import FOLDER_BATAS


@pytest.fixture
def folder_data(tmp_path):
    muat_batas.cache_clear()  # each load below is a start of its own
    yield tmp_path / "data"
    muat_batas.cache_clear()


@pytest.fixture
def referensi(tmp_path):
    """A small regency file of its own (one kecamatan of the reference), so a test may change it."""
    folder = tmp_path / "referensi"
    folder.mkdir()
    desa = gpd.read_file(FOLDER_BATAS / "kab_pekalongan_desa.geojson", where="kode LIKE '33.26.10.%'")
    desa.to_file(folder / "desa.geojson")
    return folder


def _sama(a, b) -> None:
    for lapisan in ("desa", "kecamatan", "kabupaten", "desa_web", "kecamatan_web", "kabupaten_web"):
        kiri, kanan = getattr(a, lapisan), getattr(b, lapisan)
        assert kiri["kode"].tolist() == kanan["kode"].tolist(), lapisan
        assert shapely.equals_exact(kiri.geometry.values, kanan.geometry.values, 0).all(), lapisan
    assert a.geojson_web == b.geojson_web


def _larang_pembersihan(monkeypatch) -> None:
    def tidak_boleh(_desa):
        raise AssertionError("batas dibersihkan lagi padahal salinannya ada")
    monkeypatch.setattr(batas_mod, "bersihkan_cakupan", tidak_boleh)


def test_a_second_start_reads_the_cleaned_coverage_and_gets_the_same_layers(folder_data, referensi, monkeypatch):
    pertama = batas_aplikasi(folder_data, referensi, "33.26")
    tersimpan = list(folder_simpanan(folder_data).iterdir())
    assert [p.suffix for p in tersimpan] == [".json"]
    muat_batas.cache_clear()
    _larang_pembersihan(monkeypatch)
    kedua = batas_aplikasi(folder_data, referensi, "33.26")
    _sama(kedua, pertama)
    muat_batas.cache_clear()
    monkeypatch.undo()
    _sama(muat_batas(referensi, "33.26"), pertama)  # and both equal a load that keeps nothing


@pytest.mark.parametrize("isi", ["", "{bukan json", '{"kode": [], "wkb": []}', "[1, 2]",
                                 '{"kode": null, "wkb": "00"}', "KODE_DAN_TEKS", "KODE_DAN_TITIK"])
def test_a_damaged_copy_is_cleaned_anew_and_replaced(folder_data, referensi, isi):
    pertama = batas_aplikasi(folder_data, referensi, "33.26")
    (salinan,) = folder_simpanan(folder_data).iterdir()
    if isi == "KODE_DAN_TEKS":  # the right villages, but the geometry one text of the right length
        kode = pertama.desa["kode"].tolist()
        isi = json.dumps({"kode": kode, "wkb": "0" * len(kode)})
    elif isi == "KODE_DAN_TITIK":  # readable geometry, but points: a map layer would fail on them
        kode = pertama.desa["kode"].tolist()
        isi = json.dumps({"kode": kode, "wkb": [shapely.Point(109.6, -7.0).wkb_hex] * len(kode)})
    salinan.write_text(isi, encoding="utf-8")
    muat_batas.cache_clear()
    _sama(batas_aplikasi(folder_data, referensi, "33.26"), pertama)
    assert len(salinan.read_text(encoding="utf-8")) > 1000  # written again, whole


def test_a_copy_with_wrong_geometry_bytes_is_cleaned_anew(folder_data, referensi):
    pertama = batas_aplikasi(folder_data, referensi, "33.26")
    (salinan,) = folder_simpanan(folder_data).iterdir()
    kode = pertama.desa["kode"].tolist()
    salinan.write_text(json.dumps({"kode": kode, "wkb": ["00ff"] * len(kode)}), encoding="utf-8")
    muat_batas.cache_clear()
    _sama(batas_aplikasi(folder_data, referensi, "33.26"), pertama)


def test_a_changed_boundary_file_gets_a_new_copy_and_the_old_one_goes(folder_data, referensi):
    batas_aplikasi(folder_data, referensi, "33.26")
    (lama,) = folder_simpanan(folder_data).iterdir()
    desa = gpd.read_file(referensi / "desa.geojson")
    desa.iloc[1:].to_file(referensi / "desa.geojson")  # one village fewer
    muat_batas.cache_clear()
    baru = batas_aplikasi(folder_data, referensi, "33.26")
    assert len(baru.desa) == len(desa) - 1
    (salinan,) = folder_simpanan(folder_data).iterdir()
    assert salinan != lama


def test_an_unwritable_place_for_the_copy_still_loads(folder_data, referensi):
    folder_data.mkdir(parents=True)
    folder_simpanan(folder_data).write_text("bukan folder", encoding="utf-8")  # mkdir there fails, even for root
    hasil = batas_aplikasi(folder_data, referensi, "33.26")
    muat_batas.cache_clear()
    _sama(muat_batas(referensi, "33.26"), hasil)
    assert not list(folder_data.glob("**/.batas-*"))  # no half-written file left behind


def test_two_starts_at_once_both_load_and_leave_one_whole_copy(folder_data, referensi):
    from concurrent.futures import ThreadPoolExecutor

    def mulai(i):
        # Two processes do not share muat_batas's memory; two folders of the same file stand in for them.
        sumber = referensi.parent / f"salinan{i}"
        shutil.copytree(referensi, sumber, dirs_exist_ok=True)
        return muat_batas(sumber, "33.26", folder_simpanan(folder_data))

    with ThreadPoolExecutor(2) as kerja:
        a, b = kerja.map(mulai, range(2))
    _sama(a, b)
    assert [p.suffix for p in folder_simpanan(folder_data).iterdir()] == [".json"]


def test_a_copy_that_fails_half_written_leaves_nothing_behind(folder_data, referensi, monkeypatch):
    def penuh(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batas_mod.json, "dump", penuh)
    hasil = batas_aplikasi(folder_data, referensi, "33.26")
    monkeypatch.undo()
    assert list(folder_simpanan(folder_data).iterdir()) == []
    muat_batas.cache_clear()
    _sama(muat_batas(referensi, "33.26"), hasil)
