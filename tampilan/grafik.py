"""Chart specifications as plain Vega-Lite dictionaries, in Indonesian formats; no Streamlit.

Each function returns the dictionary st.vega_lite_chart draws, its rows as DataFrames under
`datasets` (Streamlit sends them as Arrow). Altair built the same charts at about 40 ms each per
rerun, most of a filter change's script time; a dictionary costs well under a millisecond.
tests/test_app.py validates every chart the pages draw against the Vega-Lite schema.

Dataset names are fixed per chart ("utama", "ujung", ...), not a hash of their rows: when only the
rows change (a new kecamatan), the spec is the same and Streamlit's chart swaps the data in place.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pandas as pd

from domain.publik import akhir_bulan
from tampilan import format as fmt
from tampilan.format import VEGA_LOKAL_ANGKA, VEGA_LOKAL_WAKTU
from tampilan.teks import TEKS, t

SKEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
WARNA_UTAMA = "#0b6e4f"  # BPJS-like green, readable on a projector
WARNA_TARGET = "#c0392b"
WARNA_LABEL_DEMO = "#8a6d00"
TINGGI = 260
# Streamlit counts a legend below the plot in the chart's height: charts with one get this much more.
TINGGI_LEGENDA = 110

Spek = dict[str, Any]
_JENIS = {"N": "nominal", "Q": "quantitative", "O": "ordinal", "T": "temporal"}


def _kanal(singkat: str, **opsi) -> dict:
    """An encoding channel from Altair-style shorthand ("label:N", "sum(jumlah):Q") and its options;
    an option given as None stays, as null (title=None removes a title)."""
    nama, jenis = singkat.rsplit(":", 1)
    kanal = {"field": nama, "type": _JENIS[jenis]}
    if nama.endswith(")") and "(" in nama:
        agregat, nama = nama[:-1].split("(", 1)
        kanal = {"aggregate": agregat, "field": nama, "type": _JENIS[jenis]}
    return {**kanal, **opsi}


def _tooltip(singkat: str, judul: str, format: str | None = None) -> dict:
    return _kanal(singkat, title=judul, **({"format": format} if format else {}))


def _tabel(data: pd.DataFrame) -> pd.DataFrame:
    """The rows as Streamlit should send them: dates as ISO text without a zone (Vega-Lite reads it
    as the reader's local day, as Altair's conversion did), no index."""
    ubah = {}
    for kolom, isi in data.items():
        if pd.api.types.is_datetime64_any_dtype(isi):
            ubah[kolom] = isi.dt.strftime("%Y-%m-%dT%H:%M:%S")
        elif isi.dtype == object and isinstance(isi.dropna().iloc[0] if isi.notna().any() else None, date):
            ubah[kolom] = isi.map(lambda d: d.isoformat() if isinstance(d, date) else None)
    return (data.assign(**ubah) if ubah else data).reset_index(drop=True)


def _grafik(isi: Spek, data: dict[str, pd.DataFrame], judul_demo: str | None, bahasa: str, **atas) -> Spek:
    """The top-level spec: `isi` (mark/encoding, layer or facet), its named datasets, the Indonesian
    number format in both languages (the figures are Indonesian) and month and day names in the
    reader's, and the synthetic-data label as a title."""
    lokal = {"number": VEGA_LOKAL_ANGKA, **({"time": VEGA_LOKAL_WAKTU} if bahasa != "en" else {})}
    spek = {"$schema": SKEMA, **isi, **atas, "config": {"locale": lokal},
            "datasets": {nama: _tabel(df) for nama, df in data.items()}}
    if judul_demo:
        spek["title"] = {"text": judul_demo, "anchor": "start", "fontSize": 12, "fontWeight": "normal",
                         "color": WARNA_LABEL_DEMO}
    return spek


def _data(nama: str) -> dict:
    return {"name": nama}


def _sama_dengan(kolom: str, nilai: str) -> str:
    """A Vega expression `datum[kolom] === nilai`; both quoted as JSON, so any name is safe in it."""
    return f"(datum[{json.dumps(kolom)}] === {json.dumps(nilai)})"


def batang(data: pd.DataFrame, kategori: str, nilai: str, bahasa: str, judul_demo: str | None,
           sorot: str | None = None, judul_nilai: str | None = None, tinggi: int = TINGGI) -> Spek:
    """Horizontal bars, one per category, the selected category highlighted."""
    judul_nilai = judul_nilai or t("peserta_aktif", bahasa)
    warna = {"condition": {"test": _sama_dengan(kategori, sorot), "value": WARNA_TARGET}, "value": WARNA_UTAMA} \
        if sorot else {"value": WARNA_UTAMA}
    encoding = {
        "y": _kanal(f"{kategori}:N", title=None, sort="-x"),
        # Counts: whole-number ticks only, or a short axis repeats "1, 1, 2, 2".
        "x": _kanal(f"{nilai}:Q", title=judul_nilai, axis={"format": ",d", "tickMinStep": 1}),
        "color": warna,
        "tooltip": [_tooltip(f"{kategori}:N", t(kategori, bahasa) if kategori in TEKS else kategori),
                    _tooltip(f"{nilai}:Q", judul_nilai, ",d")],
    }
    teks = {**encoding, "text": _kanal(f"{nilai}:Q", format=",d"), "color": {"value": "#222"}}
    return _grafik({"data": _data("utama"), "layer": [
        {"mark": {"type": "bar"}, "encoding": encoding},
        {"mark": {"type": "text", "align": "left", "dx": 3, "color": "#222"}, "encoding": teks}]},
        {"utama": data}, judul_demo, bahasa, height=tinggi)


WARNA_TERSEMBUNYI = "#8a8a8a"


def _tanda_tersembunyi(data: pd.DataFrame, kolom: str, x: dict, bahasa: str) -> tuple[dict, pd.DataFrame]:
    """A grey '•' on the axis of each month whose count is hidden, so it is not read as none."""
    tersembunyi = data[data[kolom]].assign(keterangan=t("bulan_tersembunyi", bahasa))
    # y="height": the plot's bottom edge, whatever the value scale (Vega-Lite's own keyword)
    lapisan = {"data": _data("tersembunyi"),
               "mark": {"type": "text", "text": "•", "fontSize": 22, "color": WARNA_TERSEMBUNYI, "baseline": "bottom",
                        "y": "height"},
               "encoding": {"x": x, "tooltip": [_tooltip("label:N", t("bulan", bahasa)),
                                                _tooltip("keterangan:N", " ")]}}
    return lapisan, tersembunyi


def bulan_tampil(tren: pd.DataFrame, selesai: date, bahasa: str) -> pd.DataFrame:
    """The trend's months as the charts draw them: a label per month, the last one marked unfinished
    when the period ends before its last day, and which months are hidden (NaN) rather than zero."""
    bulan = [pd.Timestamp(b).date() for b in tren["bulan"]]
    label = [fmt.bulan_tahun(b, bahasa) for b in bulan]
    berjalan = [b.year == selesai.year and b.month == selesai.month and akhir_bulan(b) != selesai for b in bulan]
    label = [t("bulan_berjalan", bahasa, bulan=x, tanggal=fmt.tanggal(selesai, bahasa)) if j else x
             for x, j in zip(label, berjalan, strict=True)]
    return tren.assign(label=label, berjalan=berjalan, aktif_tersembunyi=tren["peserta_aktif"].isna(),
                       baru_tersembunyi=tren["pendaftaran_baru"].isna())


def _sumbu_bulan(data: pd.DataFrame) -> dict:
    # Months as named categories in their order: a time axis would run on to a month not yet begun.
    return _kanal("label:N", title=None, sort=list(data["label"]), axis={"labelAngle": -40})


def tren(data: pd.DataFrame, bahasa: str, judul_demo: str | None, label_target: str | None = None) -> Spek:
    """Active participants per month as a line, the year's target as a dashed line labelled with its
    value. `data`: label (month name, the running month marked), peserta_aktif (NaN where hidden),
    target_aktif, aktif_tersembunyi (bulan_tampil)."""
    x = _sumbu_bulan(data)
    garis = {"data": _data("utama"), "mark": {"type": "line", "color": WARNA_UTAMA, "point": {"color": WARNA_UTAMA}},
             "encoding": {
                 "x": x,
                 "y": _kanal("peserta_aktif:Q", title=t("peserta_aktif", bahasa), axis={"format": ",d"},
                             scale={"zero": False}),
                 "tooltip": [_tooltip("label:N", t("bulan", bahasa)),
                             _tooltip("peserta_aktif:Q", t("peserta_aktif", bahasa), ",d"),
                             _tooltip("target_aktif:Q", t("target", bahasa), ",d")]}}
    tanda, tersembunyi = _tanda_tersembunyi(data, "aktif_tersembunyi", x, bahasa)
    lapisan, tabel = [garis, tanda], {"utama": data, "tersembunyi": tersembunyi}
    if data["target_aktif"].notna().any():
        lapisan.append({"data": _data("utama"),
                        "mark": {"type": "line", "strokeDash": [6, 4], "color": WARNA_TARGET,
                                 "interpolate": "step-after"},
                        "encoding": {"x": x, "y": _kanal("target_aktif:Q")}})
        if label_target:
            tabel["ujung"] = data[data["target_aktif"].notna()].iloc[[-1]].assign(teks=label_target)
            lapisan.append({"data": _data("ujung"),
                            "mark": {"type": "text", "align": "right", "dy": -8, "color": WARNA_TARGET,
                                     "fontWeight": "bold"},
                            "encoding": {"x": x, "y": _kanal("target_aktif:Q"), "text": _kanal("teks:N")}})
    return _grafik({"layer": lapisan}, tabel, judul_demo, bahasa, height=TINGGI)


def batang_bulanan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> Spek:
    """New sign-ups per month; the running month drawn paler, a hidden month marked on the axis."""
    x = _sumbu_bulan(data)
    batang_ = {"data": _data("utama"), "mark": {"type": "bar", "color": WARNA_UTAMA}, "encoding": {
        "x": x,
        "y": _kanal("pendaftaran_baru:Q", title=t("pendaftaran_baru", bahasa), axis={"format": ",d"}),
        "opacity": {"condition": {"test": "datum.berjalan", "value": 0.45}, "value": 1.0},
        "tooltip": [_tooltip("label:N", t("bulan", bahasa)),
                    _tooltip("pendaftaran_baru:Q", t("pendaftaran_baru", bahasa), ",d")]}}
    tanda, tersembunyi = _tanda_tersembunyi(data, "baru_tersembunyi", x, bahasa)
    return _grafik({"layer": [batang_, tanda]}, {"utama": data, "tersembunyi": tersembunyi}, judul_demo, bahasa,
                   height=TINGGI)


def jalan_target(data: pd.DataFrame, target: int, label_target: str, bahasa: str, judul_demo: str | None) -> Spek:
    """History (solid) and projection (dashed) of active participants with the projection's band,
    and the year's target as a labelled line. `data`: tampilan.publik.riwayat_publik plus label."""
    x = _kanal("bulan:T", title=None, axis={"format": "%b %Y", "labelAngle": -40, "tickCount": "month"})
    pita = {"data": _data("utama"), "transform": [{"filter": "(datum.jenis === 'proyeksi')"}],
            "mark": {"type": "area", "color": WARNA_UTAMA, "opacity": 0.18},
            "encoding": {"x": x, "y": _kanal("bawah:Q"), "y2": {"field": "atas"}}}
    garis = {"data": _data("utama"), "mark": {"type": "line", "color": WARNA_UTAMA, "point": {"color": WARNA_UTAMA}},
             "encoding": {
                 "x": x,
                 "y": _kanal("nilai:Q", title=t("peserta_aktif", bahasa), axis={"format": ",d"}, scale={"zero": False}),
                 "strokeDash": _kanal("jenis:N", scale={"domain": ["riwayat", "proyeksi"], "range": [[1, 0], [6, 4]]},
                                      legend=None),
                 "tooltip": [_tooltip("label:N", t("bulan", bahasa)),
                             _tooltip("nilai:Q", t("peserta_aktif", bahasa), ",d"),
                             _tooltip("bawah:Q", t("rentang_proyeksi", bahasa), ",d"),
                             _tooltip("atas:Q", " ", ",d")]}}
    sasaran = {"data": _data("target"), "mark": {"type": "rule", "color": WARNA_TARGET, "strokeDash": [6, 4]},
               "encoding": {"y": _kanal("target:Q")}}
    teks = {"data": _data("target"),
            "mark": {"type": "text", "align": "left", "dx": 4, "dy": -8, "color": WARNA_TARGET, "fontWeight": "bold"},
            "encoding": {"y": _kanal("target:Q"), "x": {"value": 0}, "text": _kanal("teks:N")}}
    return _grafik({"layer": [pita, garis, sasaran, teks]},
                   {"utama": data, "target": pd.DataFrame({"target": [target], "teks": [label_target]})},
                   judul_demo, bahasa, height=TINGGI)


WARNA_LATAR = "#9fb8ad"
# A faceted chart cannot stretch to its container; this fits the main column beside the sidebar.
LEBAR_LINIMASA = 760
WARNA_STATUS = {"tercapai": WARNA_UTAMA, "sesuai_jalur": "#d4a017", "tertinggal": WARNA_TARGET}


def linimasa(data: pd.DataFrame, nama: dict[int, str], bahasa: str, judul_demo: str | None) -> Spek:
    """Daily sign-ups around events: the event's own (green) stacked on the village's others (grey),
    the village's background daily rate as a dashed line; one row per event."""
    panjang = data.melt(id_vars=["kegiatan_id", "tanggal", "hari_ke", "latar_harian"],
                        value_vars=["dari_kegiatan", "lainnya_di_desa"], var_name="asal", value_name="jumlah")
    label_asal = {"dari_kegiatan": t("dari_kegiatan", bahasa), "lainnya_di_desa": t("lainnya_di_desa", bahasa)}
    panjang["asal"] = panjang["asal"].map(label_asal)
    panjang["kegiatan"] = panjang["kegiatan_id"].map(nama)
    # Both layers read the same rows, as a faceted layer requires; the baseline repeats per row.
    batang_harian = {"mark": {"type": "bar"}, "encoding": {
        "x": _kanal("hari_ke:O", title=t("hari_ke", bahasa), axis={"labelAngle": 0}),
        "y": _kanal("sum(jumlah):Q", title=t("pendaftar_harian", bahasa), axis={"format": ",d", "tickMinStep": 1}),
        "color": _kanal("asal:N", title=None, sort=list(label_asal.values()),
                        scale={"domain": list(label_asal.values()), "range": [WARNA_UTAMA, WARNA_LATAR]},
                        legend={"orient": "top"}),
        "order": _kanal("asal:N", sort="ascending"),
        "tooltip": [_tooltip("tanggal:T", t("kolom_tanggal", bahasa), "%d %B %Y"),
                    _tooltip("asal:N", t("asal", bahasa)),
                    _tooltip("jumlah:Q", t("jumlah", bahasa), ",d")]}}
    garis = {"mark": {"type": "rule", "strokeDash": [6, 4], "color": WARNA_TARGET}, "encoding": {
        "y": _kanal("mean(latar_harian):Q"),
        "tooltip": [_tooltip("mean(latar_harian):Q", t("latar_harian", bahasa), ",.1f")]}}
    baris = _kanal("kegiatan:N", title=None, header={"labelAngle": 0, "labelAlign": "left", "labelFontSize": 12,
                                                     "labelOrient": "top", "labelAnchor": "start"})
    return _grafik({"data": _data("utama"), "facet": {"row": baris},
                    "spec": {"layer": [batang_harian, garis], "height": 170, "width": LEBAR_LINIMASA}},
                   {"utama": panjang}, judul_demo, bahasa)


def peluru(data: pd.DataFrame, label: str, bahasa: str, judul_demo: str | None) -> Spek:
    """Bullet chart on a percent-of-target scale, so regions of any size compare: the bar is what is
    reached, the black line the target (100%), the tick where the year should stand by today.
    Rows come sorted furthest behind first; colour says met, on track or behind."""
    data = data.assign(
        persen_tampil=data["persen"].clip(upper=150),
        jalur_persen=(100 * data["jalur"] / data["target"]).where(data["jalur"].notna()),
        label_status=data["status"].map(lambda s: t(f"status_{s}", bahasa) if s else "–"),
    )[[label, "realisasi", "target", "persen", "persen_tampil", "jalur_persen", "status", "label_status"]]
    # Only the columns drawn: the spec carries its rows, and a target table has many more.
    y = _kanal(f"{label}:N", title=None, sort=data[label].tolist(), axis={"labelLimit": 320, "labelOverlap": False})
    tooltip = [_tooltip(f"{label}:N", t("wilayah", bahasa)),
               _tooltip("realisasi:Q", t("realisasi", bahasa), ",d"),
               _tooltip("target:Q", t("target", bahasa), ",d"),
               _tooltip("persen:Q", t("capaian_target", bahasa), ",.1f"),
               _tooltip("label_status:N", t("kolom_status", bahasa))]
    lapisan = [
        {"data": _data("utama"), "mark": {"type": "bar", "height": 14}, "encoding": {
            "y": y,
            "x": _kanal("persen_tampil:Q", title=t("persen_target", bahasa), scale={"domain": [0, 150], "nice": False}),
            "color": _kanal("status:N", scale={"domain": list(WARNA_STATUS), "range": list(WARNA_STATUS.values())},
                            legend=None),
            "tooltip": tooltip}},
        {"data": _data("sasaran"), "mark": {"type": "rule", "color": "#111", "strokeWidth": 2},
         "encoding": {"x": _kanal("x:Q")}}]
    if data["jalur_persen"].notna().any():
        lapisan.append({"data": _data("utama"), "mark": {"type": "tick", "color": "#111", "thickness": 2, "size": 20},
                        "encoding": {"y": y, "x": _kanal("jalur_persen:Q"), "tooltip": tooltip}})
    # The height covers the axis too: give each row its own 24 px so no label is dropped.
    return _grafik({"layer": lapisan}, {"utama": data, "sasaran": pd.DataFrame({"x": [100]})}, judul_demo, bahasa,
                   height=70 + 24 * len(data))


def iuran_bulanan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> Spek:
    """Per month: the collection rate as a line (left axis, %), lapses and returning payers as bars
    beneath (right axis). `data`: label, kolektibilitas, berhenti, kembali (NaN where hidden),
    berjalan (bulan_tampil). A running month's collection is left out: its payments are still coming."""
    x = _sumbu_bulan(data)
    data = data.assign(kolektibilitas=data["kolektibilitas"].where(~data["berjalan"]))
    panjang = data.melt(id_vars=["label"], value_vars=["berhenti", "kembali"], var_name="ukuran", value_name="jumlah")
    nama = {"berhenti": t("berhenti_bayar", bahasa), "kembali": t("kembali_bayar", bahasa)}
    panjang["ukuran"] = panjang["ukuran"].map(nama)
    batang_ = {"data": _data("ukuran"), "mark": {"type": "bar", "opacity": 0.75}, "encoding": {
        "x": x, "xOffset": _kanal("ukuran:N"),
        "y": _kanal("jumlah:Q", title=t("jumlah_peserta", bahasa), axis={"format": ",d", "orient": "right"}),
        "color": _kanal("ukuran:N", title=None, sort=list(nama.values()),
                        scale={"domain": list(nama.values()), "range": [WARNA_TARGET, "#2e86c1"]},
                        legend={"orient": "bottom"}),
        "tooltip": [_tooltip("label:N", t("bulan", bahasa)), _tooltip("ukuran:N", " "),
                    _tooltip("jumlah:Q", t("jumlah_peserta", bahasa), ",d")]}}
    garis = {"data": _data("utama"), "mark": {"type": "line", "point": True, "color": WARNA_UTAMA}, "encoding": {
        # One decimal: collection moves within a point or two, and whole percents would label
        # 97.6, 97.8 and 98.0 all "98".
        "x": x, "y": _kanal("kolektibilitas:Q", title=t("kolektibilitas", bahasa), scale={"zero": False},
                            axis={"format": ",.1f"}),
        "tooltip": [_tooltip("label:N", t("bulan", bahasa)),
                    _tooltip("kolektibilitas:Q", t("kolektibilitas", bahasa), ",.1f")]}}
    return _grafik({"layer": [batang_, garis], "resolve": {"scale": {"y": "independent"}}},
                   {"ukuran": panjang, "utama": data}, judul_demo, bahasa, height=TINGGI + TINGGI_LEGENDA)


def kurva_bertahan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> Spek:
    """Share still paying (%) by month after sign-up, as steps, one line per `kurva` (the event, and
    all events of the period for comparison). `data`: kurva, bulan, bertahan (0–1)."""
    data = data.assign(persen=100 * data["bertahan"])
    return _grafik({"data": _data("utama"), "mark": {"type": "line", "interpolate": "step-after", "point": True},
                    "encoding": {
                        "x": _kanal("bulan:Q", title=t("bulan_setelah_daftar", bahasa),
                                    axis={"format": ",d", "tickMinStep": 1}),
                        "y": _kanal("persen:Q", title=t("masih_membayar", bahasa), scale={"domain": [0, 100]}),
                        "color": _kanal("kurva:N", title=None, legend={"orient": "bottom", "labelLimit": 320},
                                        scale={"range": [WARNA_UTAMA, "#7f8c8d"]}),
                        "tooltip": [_tooltip("kurva:N", " "), _tooltip("bulan:Q", t("bulan_setelah_daftar", bahasa)),
                                    _tooltip("persen:Q", t("masih_membayar", bahasa), ",.1f")]}},
                   {"utama": data}, judul_demo, bahasa, height=TINGGI + TINGGI_LEGENDA)


def corong(titik: pd.DataFrame, garis: pd.DataFrame, rata: float, b: int, bahasa: str,
           judul_demo: str | None) -> Spek:
    """Funnel plot: each event's share still active after `b` months against its number of sign-ups
    that old, with the overall share and its 95% and 99.8% limits."""
    judul_y = t("kolom_aktif_bulan", bahasa, b=str(b)) + " (%)"
    x = _kanal("n:Q", title=t("pendaftar_matang", bahasa, b=str(b)), axis={"format": ",d"},
               scale={"type": "log", "nice": False, "domain": [float(garis["n"].min()), float(garis["n"].max())]})
    bawah = min(float(titik["persen"].min()), float(garis["bawah_998"].min()))
    skala_y = {"domain": [max(0.0, bawah - 2), 100.5], "nice": False}
    lapisan = [{"data": _data("batas"), "mark": {"type": "line", "color": "#7f8c8d", "strokeDash": dash, "clip": True},
                "encoding": {"x": x, "y": _kanal(f"{kolom}:Q", scale=skala_y)}}
               for kolom, dash in (("bawah_95", [4, 3]), ("atas_95", [4, 3]), ("bawah_998", [1, 0]),
                                   ("atas_998", [1, 0]))]
    lapisan.append({"data": _data("rata"), "mark": {"type": "rule", "color": WARNA_UTAMA},
                    "encoding": {"y": _kanal("rata:Q")}})
    label = {"": t("dalam_batas", bahasa), "95": t("di_luar_95", bahasa), "998": t("di_luar_998", bahasa)}
    lapisan.append({"data": _data("titik"), "mark": {"type": "circle", "size": 70}, "encoding": {
        "x": x, "y": _kanal("persen:Q", title=judul_y, scale=skala_y),
        "color": _kanal("keterangan:N", title=None, sort=list(label.values()),
                        scale={"domain": list(label.values()), "range": [WARNA_UTAMA, "#e67e22", WARNA_TARGET]},
                        legend={"orient": "bottom"}),
        "tooltip": [_tooltip("nama:N", t("kolom_kegiatan", bahasa)),
                    _tooltip("n:Q", t("pendaftar_matang", bahasa, b=str(b)), ",d"),
                    _tooltip("persen:Q", judul_y, ",.1f")]}})
    return _grafik({"layer": lapisan},
                   {"batas": garis, "rata": pd.DataFrame({"rata": [rata]}),
                    "titik": titik.assign(keterangan=titik["di_luar"].map(label))},
                   judul_demo, bahasa, height=TINGGI + 60 + TINGGI_LEGENDA)
