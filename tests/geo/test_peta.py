"""Map builders tested as objects: layers, feature properties, classes, escaping, no external URL."""

import json
import math
import re
from fractions import Fraction

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from geo import peta as gp
from geo import peta_folium as pf

ASET = {"js": [("leaflet", "/app/static/leaflet-1.9.3/leaflet.js")],
        "css": [("leaflet_css", "/app/static/leaflet-1.9.3/leaflet.css")]}
JAHAT = "<img src=x onerror=alert(1)>"
GEOMETRI = {t: f"/app/static/peta/kabupaten_33.26_{t}_uji.geojson" for t in ("desa", "kecamatan", "kabupaten")}


def _nilai(batas, nilai=None, status=None, sembunyi=()):
    kode = batas.desa_web["kode"]
    df = pd.DataFrame({"nilai": nilai if nilai is not None else [float(i % 40) for i in range(len(kode))],
                       "tersembunyi": [k in sembunyi for k in kode],
                       "status": status if status is not None else [None] * len(kode)}, index=kode)
    df.loc[df["tersembunyi"], "nilai"] = None
    return df


def _kegiatan(nama="Festival Nasi Goreng Wonopringgo 2019"):
    return pd.DataFrame({"nama": [nama], "tanggal": ["2019-08-20"], "lat": [-6.989], "lng": [109.629]})


def _render(batas, lapisan, **kw):
    peta = pf.peta_dasar(batas.kabupaten_web, GEOMETRI, ASET, **kw)
    lapisan.add_to(peta)
    return peta, peta.get_root().render()


def _fitur(lapisan):
    """Per village what the browser gets to style and label it: code, colour, status, tooltip."""
    desa = next(c for c in lapisan._children.values() if isinstance(c, pf.LapisanDesa))
    return [{"properties": {"kode": kode, "warna": warna, "status": status, "label": label}}
            for kode, (warna, status, label) in desa.isi.items()]


def _tooltip_kegiatan(lapisan):
    """The event markers' tooltips (HTML), in the order of the events."""
    penanda = next(c for c in lapisan._children.values() if isinstance(c, pf.PenandaKegiatan))
    return [tooltip for _, _, tooltip in penanda.penanda]


def test_percent_classes_are_fixed_and_edges_go_up():
    kelas = gp.kelas_untuk(gp.UKURAN["cakupan"], pd.Series([0.1, 50.0]))
    assert kelas.label == ["0–1%", "1–2,5%", "2,5–5%", "5–10%", "≥ 10%"]
    warna = [gp.warna_nilai(v, kelas) for v in (0, 0.99, 1, 2.5, 9.99, 10, 400)]
    assert warna == [gp.PALET[0], gp.PALET[0], gp.PALET[1], gp.PALET[2], gp.PALET[3], gp.PALET[4], gp.PALET[4]]
    assert gp.kelas_untuk(gp.UKURAN["target"], pd.Series([1.0])).label[-1] == "≥ 100%"


def test_count_classes_are_quintiles_with_whole_number_edges():
    nilai = pd.Series(range(1, 101), dtype=float)
    kelas = gp.kelas_untuk(gp.UKURAN["aktif"], nilai)
    assert kelas.batas_atas == [20.0, 40.0, 60.0, 80.0]
    assert gp.warna_nilai(20, kelas) == gp.PALET[0] and gp.warna_nilai(21, kelas) == gp.PALET[1]
    assert kelas.label[0] == "1–20" and kelas.label[-1] == "81–100"


def test_missing_or_hidden_values_are_grey_never_black():
    kelas = gp.kelas_untuk(gp.UKURAN["aktif"], pd.Series([1.0, 2.0]))
    assert gp.warna_nilai(None, kelas) == gp.WARNA_TANPA_DATA == "#bdbdbd"
    assert gp.warna_nilai(float("nan"), kelas) == gp.WARNA_TANPA_DATA


def test_village_layer_has_every_village_with_its_properties(batas):
    nilai = _nilai(batas, status=["ditetapkan" if i == 0 else None for i in range(285)])
    kelas = gp.kelas_untuk(gp.UKURAN["aktif"], nilai["nilai"])
    lapisan = pf.lapisan_desa(batas.fitur_web, GEOMETRI["desa"], nilai, gp.UKURAN["aktif"], kelas, _kegiatan(), 5)
    fitur = _fitur(lapisan)
    assert len(fitur) == 285
    assert {"kode", "label", "warna", "status"} <= set(fitur[0]["properties"])
    assert fitur[0]["properties"]["status"] == "ditetapkan"
    assert all(f["properties"]["status"] is None for f in fitur[1:])
    assert "Desa Sadar" not in fitur[1]["properties"]["label"]
    assert len({f["properties"]["warna"] for f in fitur}) == 5
    penanda = [c for c in lapisan._children.values() if isinstance(c, pf.PenandaKegiatan)]
    assert len(penanda) == 1 and len(penanda[0].penanda) == 1


def test_suppressed_villages_are_grey_and_marked_hidden(batas):
    kode = batas.desa_web["kode"].iloc[3]
    nilai = _nilai(batas, sembunyi={kode})
    kelas = gp.kelas_untuk(gp.UKURAN["aktif"], nilai["nilai"])
    fitur = {f["properties"]["kode"]: f["properties"] for f in
             _fitur(pf.lapisan_desa(batas.fitur_web, GEOMETRI["desa"], nilai, gp.UKURAN["aktif"], kelas,
                                    _kegiatan(), 5))}
    assert fitur[kode]["warna"] == gp.WARNA_TANPA_DATA
    assert gp.TANDA_TERSEMBUNYI in fitur[kode]["label"]


def _lapisan_bernama(batas, nama: str):
    """The village layer with the first village and the event named `nama` (as a file or form may
    name them), and the classes it is coloured by."""
    fitur = json.loads(json.dumps(batas.fitur_web))
    fitur[0]["properties"]["nama"] = nama
    nilai = _nilai(batas)
    kelas = gp.kelas_untuk(gp.UKURAN["aktif"], nilai["nilai"])
    return pf.lapisan_desa(fitur, GEOMETRI["desa"], nilai, gp.UKURAN["aktif"], kelas, _kegiatan(f"Acara {nama}"), 5), kelas


def test_text_from_files_is_escaped_in_tooltips_markers_and_legend(batas):
    lapisan, kelas = _lapisan_bernama(batas, JAHAT)
    _, html = _render(batas, lapisan)
    assert "<img src=x" not in html
    # The event marker's tooltip, escaped HTML in JSON, as the village's below.
    assert "&lt;img src=x onerror=alert(1)&gt;" in _tooltip_kegiatan(lapisan)[0]
    assert "Acara \\u0026lt;img src=x onerror=alert(1)\\u0026gt;\\u003c/b\\u003e" in html
    # The village's tooltip is escaped HTML inside JSON whose <, > and & are escaped again for <script>.
    assert "<b>&lt;img src=x onerror=alert(1)&gt;</b>" in _fitur(lapisan)[0]["properties"]["label"]
    assert "\\u003cb\\u003e\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in html
    legenda = gp.legenda_html(gp.Ukuran("x", JAHAT, False), kelas, 5)
    assert "<img" not in legenda and "&lt;img" in legenda


# Jinja syntax: branca compiles each rendered piece of the map as a template again.
TEMPLAT_JAHAT = ('Desa {{ "ter" ~ "evaluasi" }} {{ cycler.__init__.__globals__.os.getcwd() }} '
                 '{% for i in range(3) %}ulang{% endfor %} {# komentar #}')


def test_names_holding_template_syntax_are_shown_as_typed_never_evaluated(batas):
    """A village name (boundary files are uploaded) or an event name (typed by staff) reaches the map
    as text: what the base map and the village layer send, as st_folium builds them, evaluates none
    of it on the server, and the tooltips read back as typed."""
    import html as html_lib
    import os

    from streamlit_folium import _get_feature_group_string, _get_map_string

    lapisan, _ = _lapisan_bernama(batas, TEMPLAT_JAHAT)
    peta = pf.peta_dasar(batas.kabupaten_web, GEOMETRI, ASET, tile_url="/petak/{z}/{x}/{y}.png",
                         tile_atribusi=TEMPLAT_JAHAT)
    peta.render()
    dikirim = _get_map_string(peta) + _get_feature_group_string(lapisan, peta)
    _, semua = _render(batas, _lapisan_bernama(batas, TEMPLAT_JAHAT)[0])  # a layer of its own: st_folium took that one
    for teks in (dikirim, semua):
        assert "terevaluasi" not in teks and os.getcwd() not in teks and "ulangulang" not in teks
    assert "\\u0026#123;\\u0026#123; \\u0026quot;ter\\u0026quot;" in dikirim  # the event's tooltip, in JSON
    for label in (_fitur(lapisan)[0]["properties"]["label"], _tooltip_kegiatan(lapisan)[0]):
        assert TEMPLAT_JAHAT in html_lib.unescape(label)


def test_a_filter_change_sends_colours_and_tooltips_not_geometry(batas):
    """What streamlit-folium sends on every rerun: the base map's script and the village layer's.
    Both name their geometry files; neither carries a coordinate."""
    from streamlit_folium import _get_feature_group_string, _get_map_string

    nilai = _nilai(batas)
    kelas = gp.kelas_untuk(gp.UKURAN["aktif"], nilai["nilai"])
    peta = pf.peta_dasar(batas.kabupaten_web, GEOMETRI, ASET)
    peta.render()
    skrip_dasar = _get_map_string(peta)  # as st_folium does: the base first, then the layer added to it
    lapisan = pf.lapisan_desa(batas.fitur_web, GEOMETRI["desa"], nilai, gp.UKURAN["aktif"], kelas, _kegiatan(), 5)
    skrip_lapisan = _get_feature_group_string(lapisan, peta)
    for skrip, berkas in ((skrip_lapisan, ["desa"]), (skrip_dasar, ["kecamatan", "kabupaten"])):
        assert "coordinates" not in skrip
        assert all(GEOMETRI[t] in skrip for t in berkas)
    assert len(skrip_lapisan.encode()) < 100_000 and len(skrip_dasar.encode()) < 10_000
    assert all(kode in skrip_lapisan for kode in batas.desa_web["kode"])


def test_rendered_map_has_no_external_url_and_uses_the_apps_leaflet(batas):
    nilai = _nilai(batas)
    kelas = gp.kelas_untuk(gp.UKURAN["cakupan"], nilai["nilai"])
    lapisan = pf.lapisan_desa(batas.fitur_web, GEOMETRI["desa"], nilai, gp.UKURAN["cakupan"], kelas, _kegiatan(), 5)
    peta, html = _render(batas, lapisan)
    assert re.findall(r"https?://", html) == []
    assert "/app/static/leaflet-1.9.3/leaflet.js" in html
    assert not any(type(c).__name__ == "TileLayer" for c in peta._children.values())


def test_an_online_installation_can_switch_tiles_on(batas):
    peta = pf.peta_dasar(batas.kabupaten_web, GEOMETRI, ASET,
                         tile_url="https://ubin.contoh/{z}/{x}/{y}.png", tile_atribusi="Contoh")
    assert any(type(c).__name__ == "TileLayer" for c in peta._children.values())


def test_base_map_holds_regency_and_kecamatan_outlines_in_their_own_pane(batas):
    peta = pf.peta_dasar(batas.kabupaten_web, GEOMETRI, ASET)
    nama = [getattr(c, "layer_name", None) for c in peta._children.values()]
    assert "Kabupaten" in nama and "kecamatan" in nama
    html = peta.get_root().render()
    assert pf.PANE_GARIS in html and pf.PANE_LATAR in html


def test_zoom_frames_a_village_with_its_neighbours(batas):
    kotak = gp.kotak_wilayah(batas.desa_web, "33.26.10.2001")
    pusat, zoom = gp.pusat_dan_zoom(kotak)
    (s, w), (n, e) = kotak
    assert s < pusat[0] < n and w < pusat[1] < e
    assert 12 <= zoom <= 15
    assert gp.kotak_wilayah(batas.desa_web, "33.26.99.9999") is None
    assert gp.pusat_dan_zoom(gp.kotak_wilayah(batas.kabupaten_web, "33.26"))[1] < zoom


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=6, max_size=400))
def test_count_class_edges_are_the_exact_quintiles_floored(hitungan):
    # The oracle in exact fractions: position (n-1)·q/5 between the sorted counts, linear between them.
    urut = sorted(hitungan)
    if len(set(urut)) <= len(gp.PALET):
        return
    acuan = set()
    for q in range(1, len(gp.PALET)):
        posisi = Fraction((len(urut) - 1) * q, len(gp.PALET))
        bawah = int(posisi)
        atas = min(bawah + 1, len(urut) - 1)
        acuan.add(float(math.floor(urut[bawah] + (urut[atas] - urut[bawah]) * (posisi - bawah))))
    assert gp.kelas_untuk(gp.UKURAN["aktif"], pd.Series(hitungan, dtype=float)).batas_atas == sorted(acuan)
