import geopandas as gpd
import pytest
import shapely
from shapely.geometry import Polygon, box

from geo.batas import (
    BatasTidakValid,
    bersihkan_cakupan,
    ke_geojson,
    sederhanakan_untuk_web,
    turunkan_kabupaten,
    turunkan_kecamatan,
    ukur_mutu,
    validasi_desa,
)

BATAS_PAYLOAD_BYTE = 400_000
BATAS_CACAT_PERSEN = 0.01


def _desa(**ubah):
    data = {
        "kode": ["33.26.01.2001", "33.26.01.2002", "33.26.02.1001"],
        "nama": ["Satu", "Dua", "Tiga"],
        "kode_kec": ["33.26.01", "33.26.01", "33.26.02"],
        "nama_kec": ["Kec A", "Kec A", "Kec B"],
        "geometry": [box(0, 0, 1, 1), box(1, 0, 2, 1), box(0, 1, 2, 2)],
    }
    data.update(ubah)
    return gpd.GeoDataFrame(data, crs="EPSG:4326")


def test_a_clean_layer_passes_and_is_copied():
    asli = _desa()
    hasil = validasi_desa(asli, "33.26")
    assert len(hasil) == 3 and hasil is not asli


def test_missing_crs_is_a_deliberate_error():
    with pytest.raises(BatasTidakValid, match="CRS"):
        validasi_desa(_desa().set_crs(None, allow_override=True))


def test_a_projected_layer_is_reprojected_to_wgs84():
    proyeksi = _desa(geometry=[box(500000, 9200000, 501000, 9201000), box(501000, 9200000, 502000, 9201000),
                               box(500000, 9201000, 502000, 9202000)])
    proyeksi = proyeksi.set_crs("EPSG:32749", allow_override=True)
    hasil = validasi_desa(proyeksi)
    assert hasil.crs == "EPSG:4326"
    assert 108 < hasil.total_bounds[0] < 112


def test_every_problem_is_listed_at_once():
    simpul_diri = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    buruk = _desa(kode=["33.26.01.2001", "33.26.01.2001", "3326021001"],
                  geometry=[simpul_diri, box(1, 0, 2, 1), None])
    with pytest.raises(BatasTidakValid) as e:
        validasi_desa(buruk, "33.26")
    pesan = str(e.value)
    assert "ganda" in pesan and "PP.KK.CC.DDDD" in pesan and "tidak sah" in pesan and "tanpa geometri" in pesan


def test_villages_outside_the_regency_and_missing_columns_are_refused():
    with pytest.raises(BatasTidakValid, match="di luar wilayah 33.25"):
        validasi_desa(_desa(), "33.25")
    with pytest.raises(BatasTidakValid, match="Kolom wajib"):
        validasi_desa(_desa().drop(columns=["nama_kec"]))


def test_kecamatan_and_regency_are_dissolved_from_villages():
    desa = validasi_desa(_desa())
    kec = turunkan_kecamatan(desa)
    assert kec["kode"].tolist() == ["33.26.01", "33.26.02"]
    assert kec.geometry.iloc[0].equals(box(0, 0, 2, 1))
    kab = turunkan_kabupaten(desa, "33.26", "Kabupaten Uji")
    assert kab.geometry.iloc[0].area == pytest.approx(4.0)


def test_reference_layer_has_19_kecamatan_and_285_villages(batas):
    assert len(batas.desa) == 285
    assert (batas.desa["jenis"] == "kelurahan").sum() == 13
    assert len(batas.kecamatan) == 19
    luas_desa = batas.desa.to_crs("EPSG:32749").area.sum()
    luas_kec = batas.kecamatan.to_crs("EPSG:32749").area.sum()
    luas_kab = batas.kabupaten.to_crs("EPSG:32749").area.sum()
    assert luas_desa == pytest.approx(luas_kec, rel=1e-9) == pytest.approx(luas_kab, rel=1e-9)
    assert shapely.coverage_is_valid(batas.desa.geometry.values)


def test_web_layer_is_small_valid_and_without_slivers_or_overlaps(batas):
    mutu = batas.mutu_web()
    print(f"\nlapisan web 285 desa: {mutu.ukuran_geojson_byte:,} byte; tumpang tindih "
          f"{mutu.tumpang_tindih_persen:.6f}%; celah {mutu.celah_persen:.6f}%; selisih luas "
          f"{mutu.selisih_luas_persen:.4f}%")
    assert mutu.ukuran_geojson_byte <= BATAS_PAYLOAD_BYTE
    assert mutu.tumpang_tindih_persen < BATAS_CACAT_PERSEN
    assert mutu.celah_persen < BATAS_CACAT_PERSEN
    assert shapely.is_valid(batas.desa_web.geometry.values).all()
    assert len(batas.desa_web) == 285


def test_web_layer_keeps_about_one_metre_of_precision(batas):
    koordinat = shapely.get_coordinates(batas.desa_web.geometry.values)
    assert ((koordinat * 1e5).round() - koordinat * 1e5).__abs__().max() < 1e-6
    assert '"kode": "33.26.10.2001"' in batas.geojson_web


def test_simplifying_the_coverage_keeps_neighbours_on_one_edge():
    kiri = Polygon([(0, 0), (1, 0), (1.0001, 0.5), (1, 1), (0, 1)])
    kanan = Polygon([(1, 0), (2, 0), (2, 1), (1, 1), (1.0001, 0.5)])
    lapisan = gpd.GeoDataFrame({"kode": ["a", "b"]}, geometry=[kiri, kanan], crs="EPSG:4326")
    sederhana = sederhanakan_untuk_web(bersihkan_cakupan(lapisan), toleransi=0.01, presisi=1e-5)
    mutu = ukur_mutu(lapisan, sederhana, ke_geojson(sederhana, ["kode"]))
    assert mutu.tumpang_tindih_persen < 1e-9 and mutu.celah_persen < 1e-9
