"""Province levels from one village file: the three levels line up, codes and names kept, small files."""

import json

import pandas as pd
import pyogrio
import shapely

from geo.peta import UKURAN, kelas_untuk
from geo.provinsi import PANJANG_KODE, kode_fokus, ke_geojson_ringkas, lapisan_provinsi, nama_provinsi, \
    warna_dan_teks
from tests.conftest import FOLDER_BATAS


def _desa():
    return pyogrio.read_dataframe(FOLDER_BATAS / "kab_pekalongan_desa.geojson")


def test_levels_line_up_and_keep_every_code():
    desa = _desa()
    lapisan = lapisan_provinsi(desa)
    assert len(lapisan["desa"]) == len(desa) == 285
    assert len(lapisan["kecamatan"]) == desa["kode_kec"].nunique() == 19
    assert list(lapisan["kabupaten"]["kode"]) == ["33.26"]
    assert lapisan["kabupaten"]["nama"].iloc[0] == "Kabupaten Pekalongan"
    assert all(len(k) == PANJANG_KODE[t] for t, g in lapisan.items() for k in g["kode"])
    luas = {t: float(g.to_crs("EPSG:32749").area.sum()) for t, g in lapisan.items()}  # UTM 49S, metres
    assert abs(luas["kabupaten"] - luas["desa"]) / luas["desa"] < 0.002  # no gaps opened by simplifying
    assert abs(luas["kecamatan"] - luas["desa"]) / luas["desa"] < 0.002
    assert abs(luas["desa"] - float(desa.to_crs("EPSG:32749").area.sum())) / luas["desa"] < 0.01
    assert shapely.get_num_interior_rings(lapisan["kabupaten"].geometry.values).sum() == 0  # no pinholes
    teks = ke_geojson_ringkas(lapisan["desa"])
    fitur = json.loads(teks)["features"]
    assert set(fitur[0]["properties"]) == {"kode", "nama"} and " " not in teks[:200]
    assert len(teks.encode()) < 300_000


def test_only_regions_with_something_to_say_are_sent():
    nilai = pd.DataFrame({"nilai": [12.0, None, None], "tersembunyi": [False, True, False]},
                         index=["33.26", "33.27", "33.28"])
    kelas = kelas_untuk(UKURAN["aktif"], nilai["nilai"])
    warna, teks = warna_dan_teks(nilai, UKURAN["aktif"], kelas, 5)
    assert set(warna) == {"33.26"} and teks == {"33.26": "12", "33.27": "•"}


def test_a_focus_from_a_link_is_a_region_code_or_nothing():
    assert kode_fokus("33.26.10") == "33.26.10" and kode_fokus(" 33.26 ") == "33.26"
    assert kode_fokus("33.26.10.2001") == "33.26.10.2001"
    for buruk in ("<script>", "33.2", "33.26.10.200", "33.26'); --", ""):
        assert kode_fokus(buruk) == ""
    assert nama_provinsi("33") == "Jawa Tengah" and nama_provinsi("99") == "Provinsi 99"
