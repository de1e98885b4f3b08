"""The village map built with folium: the stable base and the village layer.

Nothing here fetches from the internet: every map points at Leaflet files served by the app
(`aset`), draws no tiles unless a tile URL is configured, and escapes every text that came from
files or forms before it enters a tooltip.

The geometry is not in the map's script. streamlit-folium sends the base map and the village layer
to the browser again on every rerun, and the outlines were 500 KB of each message; the browser now
fetches them once per page from the app's static files (data_access.peta.siapkan_geometri_peta
writes them) and each rerun sends only colours and tooltips per village code.
"""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
from branca.element import Element, MacroElement
from folium.template import Template

from domain.desa_sadar import label_status
from geo.peta import LATAR_PETA, TEPI_KEGIATAN, WARNA_KEGIATAN, WARNA_STATUS, WARNA_TANPA_DATA, Kelas, Ukuran, warna_nilai
from tampilan.format import TANDA_TERSEMBUNYI, aman_html, angka, persen
from tampilan.teks import t

PANE_GARIS = "garis_kecamatan"
# Below Leaflet's overlay pane (z-index 400): the regency's pale fill stays under the villages
# whichever of the two geometry files the browser receives first.
PANE_LATAR = "latar_kabupaten"
# Above the villages and their outlines: the villages arrive after the markers (their geometry is
# fetched), and a marker under a village would show through its fill as a dark blot, not red.
PANE_KEGIATAN = "penanda_kegiatan"


# Each geometry file is fetched once per page (the map's frame), however many reruns replace the layer.
_AMBIL_GEOJSON = """
window.__geojsonDesaSadar = window.__geojsonDesaSadar || {};
(window.__geojsonDesaSadar[{{ this.url|tojson }}] = window.__geojsonDesaSadar[{{ this.url|tojson }}]
  || fetch({{ this.url|tojson }}).then(function (r) { return r.json(); }))
  .then(function (data) { {{ this.get_name() }}.addData(data); });
"""


class _SkripJadi(Element):
    """A script already rendered, put in the page as it is."""

    def __init__(self, skrip: str):
        super().__init__()
        self.skrip = skrip

    def render(self, **kwargs) -> str:
        return self.skrip


class _ElemenSkrip(MacroElement):
    """An element of ours whose script is rendered once. branca's own render compiles each rendered
    script as a Jinja template again: every rerun lexed the villages' tooltips a second time, and any
    template syntax that reached them would run on the server (tampilan.format.aman_html escapes
    braces as well)."""

    def render(self, **kwargs) -> None:
        skrip = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_SkripJadi(skrip), name=self.get_name())
        for anak in self._children.values():
            anak.render(**kwargs)


class GeoJsonDariUrl(_ElemenSkrip):
    """Outlines the browser fetches from the app (same style for every feature, not clickable)."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = L.geoJSON(null, {{ this.opsi|tojson }}).addTo({{ this._parent.get_name() }});
""" + _AMBIL_GEOJSON + """
{% endmacro %}
""")

    def __init__(self, url: str, nama: str, gaya: dict, pane: str | None = None):
        super().__init__()
        self._name = "GeoJsonDariUrl"
        self.url, self.layer_name = url, nama
        self.opsi = {"style": gaya, "interactive": False, **({"pane": pane} if pane else {})}


class LapisanDesa(_ElemenSkrip):
    """The villages, fetched from the app, styled and labelled from `isi`: per village code its fill
    colour, Desa Sadar status (or None) and tooltip HTML (already escaped). A click reaches
    streamlit-folium as the clicked feature, whose properties carry the village code."""

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function () {
  var isi = {{ this.isi|tojson }}, tepi = {{ this.tepi|tojson }};
  function gaya(f) {
    var d = isi[f.properties.kode] || [{{ this.tanpa_data|tojson }}, null, ""];
    return {fillColor: d[0], fillOpacity: 0.85, color: tepi[d[1]] || "#ffffff", weight: d[1] ? 3.5 : 0.6,
            dashArray: d[1] === "kandidat" ? "6 4" : null};
  }
  return L.geoJSON(null, {style: gaya, onEachFeature: function (f, l) {
    var d = isi[f.properties.kode];
    if (d) { l.bindTooltip(d[2], {sticky: true}); }
    l.on({mouseover: function () { l.setStyle({weight: 3, color: "#000000"}); },
          mouseout: function () { l.setStyle(gaya(f)); }});
  }});
})().addTo({{ this._parent.get_name() }});
""" + _AMBIL_GEOJSON + """
{% endmacro %}
""")

    def __init__(self, url: str, isi: dict[str, list]):
        super().__init__()
        self._name = "LapisanDesa"
        self.url, self.isi, self.tepi, self.tanpa_data = url, isi, WARNA_STATUS, WARNA_TANPA_DATA


class PenandaKegiatan(_ElemenSkrip):
    """The period's events as red dots above the villages, each with its name and date as a tooltip
    (`penanda`: latitude, longitude, tooltip HTML already escaped), drawn by one script: a folium
    marker and tooltip per event were two more templates to compile per event on every rerun."""

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this.penanda|tojson }}.forEach(function (p) {
  L.circleMarker([p[0], p[1]], {{ this.opsi|tojson }}).bindTooltip(p[2], {sticky: true})
    .addTo({{ this._parent.get_name() }});
});
{% endmacro %}
""")

    def __init__(self, penanda: list[list]):
        super().__init__()
        self._name = "PenandaKegiatan"
        self.penanda = penanda
        self.opsi = {"radius": 6, "color": TEPI_KEGIATAN, "weight": 2, "fill": True, "fillColor": WARNA_KEGIATAN,
                     "fillOpacity": 0.9, "pane": PANE_KEGIATAN}


def peta_dasar(kabupaten: gpd.GeoDataFrame, geometri: dict[str, str], aset: dict[str, list],
               tile_url: str | None = None, tile_atribusi: str | None = None) -> folium.Map:
    """The part that never changes with the filter: frame, regency and kecamatan outlines.

    Keeping it identical between reruns lets streamlit-folium keep the map (and the user's zoom)
    and update only the village layer. `kabupaten` gives the frame; `geometri` the URLs of the
    outlines by level ('kabupaten', 'kecamatan', 'desa').
    """
    minx, miny, maxx, maxy = kabupaten.total_bounds
    peta = folium.Map(location=[(miny + maxy) / 2, (minx + maxx) / 2], zoom_start=11, tiles=None,
                      control_scale=True, prefer_canvas=False, zoom_control=True)
    peta.default_js = aset["js"]
    peta.default_css = aset["css"]
    peta.get_root().header.add_child(folium.Element(
        f"<style>.folium-map, .leaflet-container {{ background: {LATAR_PETA}; }}"
        # A clicked village would otherwise get the browser's focus rectangle around its bounding box.
        ".leaflet-interactive:focus { outline: none; }</style>"))
    if tile_url:
        folium.TileLayer(tiles=tile_url, attr=aman_html(tile_atribusi or "Peta dasar"), name="Peta dasar").add_to(peta)
    folium.map.CustomPane(PANE_LATAR, z_index=350, pointer_events=False).add_to(peta)
    GeoJsonDariUrl(geometri["kabupaten"], "Kabupaten", {"color": "#444", "weight": 2.5, "fill": True,
                                                       "fillColor": "#ffffff", "fillOpacity": 0.6},
                   pane=PANE_LATAR).add_to(peta)
    # Kecamatan outlines belong to the base too: a pane above the villages keeps them on top of the
    # village layer that is added and replaced later.
    folium.map.CustomPane(PANE_GARIS, z_index=450, pointer_events=False).add_to(peta)
    GeoJsonDariUrl(geometri["kecamatan"], "kecamatan", {"color": "#333333", "weight": 1.6, "fill": False},
                   pane=PANE_GARIS).add_to(peta)
    folium.map.CustomPane(PANE_KEGIATAN, z_index=500).add_to(peta)
    peta.fit_bounds([[miny, minx], [maxy, maxx]])
    return peta


def lapisan_desa(fitur_web: list[dict], url_desa: str, nilai: pd.DataFrame, ukuran: Ukuran, kelas: Kelas,
                 kegiatan: pd.DataFrame, k: int, bahasa: str = "id") -> folium.FeatureGroup:
    """The layer that changes with the filter: coloured villages with their Desa Sadar outlines, and
    event markers. Every text property is HTML-escaped here.

    `fitur_web` are the web villages (their properties name them; their geometry stays in the file
    at `url_desa`); `nilai` is indexed by village code with columns 'nilai' (None when suppressed or
    missing), 'tersembunyi' and 'status' (Desa Sadar status or None).
    """
    baris_nilai = nilai.to_dict("index")
    isi = {}
    for f in fitur_web:
        p = f["properties"]
        baris = baris_nilai.get(p["kode"], {})
        v, sembunyi, status = baris.get("nilai"), bool(baris.get("tersembunyi")), baris.get("status")
        v = None if v is None or pd.isna(v) else v
        status = status if isinstance(status, str) and status else None  # NaN is truthy: never "nan"
        if sembunyi:
            teks = TANDA_TERSEMBUNYI
        elif v is None:
            teks = t("tidak_ada_data", bahasa)
        else:
            teks = persen(v) if ukuran.persen else angka(v)
        label = (f"<b>{aman_html(p['nama'])}</b><br>{t('kec_singkat', bahasa)} {aman_html(p['nama_kec'])}<br>"
                 f"{aman_html(ukuran.judul(bahasa))}: {aman_html(teks)}")
        if status:
            label += f"<br>Desa Sadar: {aman_html(label_status(status, bahasa))}"
        isi[p["kode"]] = [warna_nilai(v, kelas), status, label]
    grup = folium.FeatureGroup(name="Desa")
    LapisanDesa(url_desa, isi).add_to(grup)
    penanda = [[float(ev.lat), float(ev.lng), f"<b>{aman_html(ev.nama)}</b><br>{aman_html(ev.tanggal)}"]
               for ev in kegiatan.itertuples(index=False) if not (pd.isna(ev.lat) or pd.isna(ev.lng))]
    if penanda:
        PenandaKegiatan(penanda).add_to(grup)
    return grup
