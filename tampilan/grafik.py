"""Chart specifications (Altair) in Indonesian formats; plain functions, no Streamlit."""

from __future__ import annotations

import altair as alt
import pandas as pd

from datetime import date

from domain.publik import akhir_bulan
from tampilan import format as fmt
from tampilan.format import VEGA_LOKAL_ANGKA, VEGA_LOKAL_WAKTU
from tampilan.teks import TEKS, t

WARNA_UTAMA = "#0b6e4f"  # BPJS-like green, readable on a projector
WARNA_TARGET = "#c0392b"
WARNA_LABEL_DEMO = "#8a6d00"
TINGGI = 260
# Streamlit counts a legend below the plot in the chart's height: charts with one get this much more.
TINGGI_LEGENDA = 110

# Pages draw the dictionaries `spesifikasi` makes, never an Altair object through Streamlit, so these
# two settings hold for every chart: no Altair theme (its 300-pixel default view fights the page's
# width; Streamlit applies its own theme), and the data inline in the spec, whatever its length.
alt.theme.enable("none")
alt.data_transformers.enable("default", max_rows=None)


def spesifikasi(grafik: alt.TopLevelMixin) -> dict:
    """The chart as a Vega-Lite dictionary for st.vega_lite_chart, not validated against the schema.

    Validating a chart costs tens of milliseconds, and st.altair_chart paid it for every chart on
    every rerun (most of the overview's script time). The chart functions build the same few specs
    every time: tests/tampilan/test_grafik_spek.py validates each of them once instead."""
    return grafik.to_dict(validate=False)


def _lokal(grafik: alt.TopLevelMixin, judul_demo: str | None, bahasa: str = "id") -> alt.TopLevelMixin:
    # Numbers keep the Indonesian grouping in both languages (the figures are Indonesian); month
    # and day names follow the reader.
    lokal = {"number": VEGA_LOKAL_ANGKA, **({"time": VEGA_LOKAL_WAKTU} if bahasa != "en" else {})}
    grafik = grafik.configure(locale=lokal)
    if judul_demo:
        grafik = grafik.properties(title=alt.TitleParams(text=judul_demo, anchor="start", fontSize=12,
                                                         fontWeight="normal", color=WARNA_LABEL_DEMO))
    return grafik


def batang(data: pd.DataFrame, kategori: str, nilai: str, bahasa: str, judul_demo: str | None,
           sorot: str | None = None, judul_nilai: str | None = None, tinggi: int = TINGGI) -> alt.TopLevelMixin:
    """Horizontal bars, one per category, the selected category highlighted."""
    judul_nilai = judul_nilai or t("peserta_aktif", bahasa)
    warna = alt.condition(alt.datum[kategori] == sorot, alt.value(WARNA_TARGET), alt.value(WARNA_UTAMA)) \
        if sorot else alt.value(WARNA_UTAMA)
    grafik = alt.Chart(data, height=tinggi).mark_bar().encode(
        y=alt.Y(f"{kategori}:N", title=None, sort="-x"),
        # Counts: whole-number ticks only, or a short axis repeats "1, 1, 2, 2".
        x=alt.X(f"{nilai}:Q", title=judul_nilai, axis=alt.Axis(format=",d", tickMinStep=1)),
        color=warna,
        tooltip=[alt.Tooltip(f"{kategori}:N", title=t(kategori, bahasa) if kategori in TEKS else kategori),
                 alt.Tooltip(f"{nilai}:Q", title=judul_nilai, format=",d")],
    )
    teks = grafik.mark_text(align="left", dx=3, color="#222").encode(text=alt.Text(f"{nilai}:Q", format=",d"), color=alt.value("#222"))
    return _lokal(grafik + teks, judul_demo, bahasa)


WARNA_TERSEMBUNYI = "#8a8a8a"


def _tanda_tersembunyi(data: pd.DataFrame, kolom: str, x: alt.X, bahasa: str) -> alt.Chart:
    """A grey '•' on the axis of each month whose count is hidden, so it is not read as none."""
    tersembunyi = data[data[kolom]].assign(keterangan=t("bulan_tersembunyi", bahasa))
    # y="height": the plot's bottom edge, whatever the value scale (Vega-Lite's own keyword)
    return alt.Chart(tersembunyi).mark_text(text="•", fontSize=22, color=WARNA_TERSEMBUNYI, baseline="bottom",
                                            y="height").encode(
        x=x,
        tooltip=[alt.Tooltip("label:N", title=t("bulan", bahasa)), alt.Tooltip("keterangan:N", title=" ")])


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


def _sumbu_bulan(data: pd.DataFrame) -> alt.X:
    # Months as named categories in their order: a time axis would run on to a month not yet begun.
    return alt.X("label:N", title=None, sort=list(data["label"]), axis=alt.Axis(labelAngle=-40))


def tren(data: pd.DataFrame, bahasa: str, judul_demo: str | None, label_target: str | None = None) -> alt.TopLevelMixin:
    """Active participants per month as a line, the year's target as a dashed line labelled with its
    value. `data`: label (month name, the running month marked), peserta_aktif (NaN where hidden),
    target_aktif, aktif_tersembunyi (bulan_tampil)."""
    x = _sumbu_bulan(data)
    dasar = alt.Chart(data, height=TINGGI).encode(x=x)
    garis = dasar.mark_line(point=alt.OverlayMarkDef(color=WARNA_UTAMA), color=WARNA_UTAMA).encode(
        y=alt.Y("peserta_aktif:Q", title=t("peserta_aktif", bahasa), axis=alt.Axis(format=",d"),
                scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("label:N", title=t("bulan", bahasa)),
                 alt.Tooltip("peserta_aktif:Q", title=t("peserta_aktif", bahasa), format=",d"),
                 alt.Tooltip("target_aktif:Q", title=t("target", bahasa), format=",d")])
    lapisan = [garis, _tanda_tersembunyi(data, "aktif_tersembunyi", x, bahasa)]
    if data["target_aktif"].notna().any():
        lapisan.append(dasar.mark_line(strokeDash=[6, 4], color=WARNA_TARGET, interpolate="step-after").encode(
            y="target_aktif:Q"))
        if label_target:
            ujung = data[data["target_aktif"].notna()].iloc[[-1]].assign(teks=label_target)
            lapisan.append(alt.Chart(ujung).mark_text(align="right", dy=-8, color=WARNA_TARGET, fontWeight="bold").encode(
                x=x, y="target_aktif:Q", text="teks:N"))
    return _lokal(alt.layer(*lapisan).properties(height=TINGGI), judul_demo, bahasa)


def batang_bulanan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    """New sign-ups per month; the running month drawn paler, a hidden month marked on the axis."""
    x = _sumbu_bulan(data)
    grafik = alt.Chart(data, height=TINGGI).mark_bar(color=WARNA_UTAMA).encode(
        x=x,
        y=alt.Y("pendaftaran_baru:Q", title=t("pendaftaran_baru", bahasa), axis=alt.Axis(format=",d")),
        opacity=alt.condition(alt.datum.berjalan, alt.value(0.45), alt.value(1.0)),
        tooltip=[alt.Tooltip("label:N", title=t("bulan", bahasa)),
                 alt.Tooltip("pendaftaran_baru:Q", title=t("pendaftaran_baru", bahasa), format=",d")])
    return _lokal(alt.layer(grafik, _tanda_tersembunyi(data, "baru_tersembunyi", x, bahasa)).properties(height=TINGGI),
                  judul_demo, bahasa)


def jalan_target(data: pd.DataFrame, target: int, label_target: str, bahasa: str,
                 judul_demo: str | None) -> alt.TopLevelMixin:
    """History (solid) and projection (dashed) of active participants with the projection's band,
    and the year's target as a labelled line. `data`: tampilan.publik.riwayat_publik plus label."""
    x = alt.X("bulan:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40, tickCount="month"))
    dasar = alt.Chart(data, height=TINGGI)
    pita = dasar.transform_filter(alt.datum.jenis == "proyeksi").mark_area(color=WARNA_UTAMA, opacity=0.18).encode(
        x=x, y="bawah:Q", y2="atas:Q")
    garis = dasar.mark_line(color=WARNA_UTAMA, point=alt.OverlayMarkDef(color=WARNA_UTAMA)).encode(
        x=x, y=alt.Y("nilai:Q", title=t("peserta_aktif", bahasa), axis=alt.Axis(format=",d"), scale=alt.Scale(zero=False)),
        strokeDash=alt.StrokeDash("jenis:N", scale=alt.Scale(domain=["riwayat", "proyeksi"], range=[[1, 0], [6, 4]]),
                                  legend=None),
        tooltip=[alt.Tooltip("label:N", title=t("bulan", bahasa)),
                 alt.Tooltip("nilai:Q", title=t("peserta_aktif", bahasa), format=",d"),
                 alt.Tooltip("bawah:Q", title=t("rentang_proyeksi", bahasa), format=",d"),
                 alt.Tooltip("atas:Q", title=" ", format=",d")])
    garis_target = alt.Chart(pd.DataFrame({"target": [target], "teks": [label_target]}))
    sasaran = garis_target.mark_rule(color=WARNA_TARGET, strokeDash=[6, 4]).encode(y="target:Q")
    teks = garis_target.mark_text(align="left", dx=4, dy=-8, color=WARNA_TARGET, fontWeight="bold").encode(
        y="target:Q", x=alt.value(0), text="teks:N")
    return _lokal(alt.layer(pita, garis, sasaran, teks), judul_demo, bahasa)


WARNA_LATAR = "#9fb8ad"
# A faceted chart cannot stretch to its container; this fits the main column beside the sidebar.
LEBAR_LINIMASA = 760
WARNA_STATUS = {"tercapai": WARNA_UTAMA, "sesuai_jalur": "#d4a017", "tertinggal": WARNA_TARGET}


def linimasa(data: pd.DataFrame, nama: dict[int, str], bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    """Daily sign-ups around events: the event's own (green) stacked on the village's others (grey),
    the village's background daily rate as a dashed line; one row per event."""
    panjang = data.melt(id_vars=["kegiatan_id", "tanggal", "hari_ke", "latar_harian"],
                        value_vars=["dari_kegiatan", "lainnya_di_desa"], var_name="asal", value_name="jumlah")
    label_asal = {"dari_kegiatan": t("dari_kegiatan", bahasa), "lainnya_di_desa": t("lainnya_di_desa", bahasa)}
    panjang["asal"] = panjang["asal"].map(label_asal)
    panjang["kegiatan"] = panjang["kegiatan_id"].map(nama)
    sumbu_x = alt.X("hari_ke:O", title=t("hari_ke", bahasa), axis=alt.Axis(labelAngle=0))
    # Both layers read the same rows, as a faceted layer requires; the baseline repeats per row.
    dasar = alt.Chart(panjang)
    batang_harian = dasar.mark_bar().encode(
        x=sumbu_x,
        y=alt.Y("sum(jumlah):Q", title=t("pendaftar_harian", bahasa), axis=alt.Axis(format=",d", tickMinStep=1)),
        color=alt.Color("asal:N", title=None, sort=list(label_asal.values()),
                        scale=alt.Scale(domain=list(label_asal.values()), range=[WARNA_UTAMA, WARNA_LATAR]),
                        legend=alt.Legend(orient="top")),
        order=alt.Order("asal:N", sort="ascending"),
        tooltip=[alt.Tooltip("tanggal:T", title=t("kolom_tanggal", bahasa), format="%d %B %Y"),
                 alt.Tooltip("asal:N", title=t("asal", bahasa)),
                 alt.Tooltip("jumlah:Q", title=t("jumlah", bahasa), format=",d")])
    garis = dasar.mark_rule(strokeDash=[6, 4], color=WARNA_TARGET).encode(
        y="mean(latar_harian):Q",
        tooltip=[alt.Tooltip("mean(latar_harian):Q", title=t("latar_harian", bahasa), format=",.1f")])
    grafik = alt.layer(batang_harian, garis).properties(height=170, width=LEBAR_LINIMASA).facet(
        row=alt.Row("kegiatan:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left", labelFontSize=12,
                                                                 labelOrient="top", labelAnchor="start")))
    return _lokal(grafik, judul_demo, bahasa)


def peluru(data: pd.DataFrame, label: str, bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    """Bullet chart on a percent-of-target scale, so regions of any size compare: the bar is what is
    reached, the black line the target (100%), the tick where the year should stand by today.
    Rows come sorted furthest behind first; colour says met, on track or behind."""
    data = data.assign(
        persen_tampil=data["persen"].clip(upper=150),
        jalur_persen=(100 * data["jalur"] / data["target"]).where(data["jalur"].notna()),
        label_status=data["status"].map(lambda s: t(f"status_{s}", bahasa) if s else "–"),
    )[[label, "realisasi", "target", "persen", "persen_tampil", "jalur_persen", "status", "label_status"]]
    # Only the columns drawn: the spec carries its rows inline, and a target table has many more.
    urutan = data[label].tolist()
    # The height covers the axis too: give each row its own 24 px so no label is dropped.
    tinggi = 70 + 24 * len(data)
    dasar = alt.Chart(data, height=tinggi).encode(
        y=alt.Y(f"{label}:N", title=None, sort=urutan, axis=alt.Axis(labelLimit=320, labelOverlap=False)))
    tooltip = [alt.Tooltip(f"{label}:N", title=t("wilayah", bahasa)),
               alt.Tooltip("realisasi:Q", title=t("realisasi", bahasa), format=",d"),
               alt.Tooltip("target:Q", title=t("target", bahasa), format=",d"),
               alt.Tooltip("persen:Q", title=t("capaian_target", bahasa), format=",.1f"),
               alt.Tooltip("label_status:N", title=t("kolom_status", bahasa))]
    batang_capaian = dasar.mark_bar(height=14).encode(
        x=alt.X("persen_tampil:Q", title=t("persen_target", bahasa), scale=alt.Scale(domain=[0, 150], nice=False)),
        color=alt.Color("status:N", scale=alt.Scale(domain=list(WARNA_STATUS), range=list(WARNA_STATUS.values())),
                        legend=None),
        tooltip=tooltip)
    sasaran = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(color="#111", strokeWidth=2).encode(x="x:Q")
    lapisan = [batang_capaian, sasaran]
    if data["jalur_persen"].notna().any():
        lapisan.append(dasar.mark_tick(color="#111", thickness=2, size=20).encode(x="jalur_persen:Q", tooltip=tooltip))
    return _lokal(alt.layer(*lapisan), judul_demo, bahasa)


def iuran_bulanan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    """Per month: the collection rate as a line (left axis, %), lapses and returning payers as bars
    beneath (right axis). `data`: label, kolektibilitas, berhenti, kembali (NaN where hidden),
    berjalan (bulan_tampil). A running month's collection is left out: its payments are still coming."""
    x = _sumbu_bulan(data)
    data = data.assign(kolektibilitas=data["kolektibilitas"].where(~data["berjalan"]))
    panjang = data.melt(id_vars=["label"], value_vars=["berhenti", "kembali"], var_name="ukuran", value_name="jumlah")
    nama = {"berhenti": t("berhenti_bayar", bahasa), "kembali": t("kembali_bayar", bahasa)}
    panjang["ukuran"] = panjang["ukuran"].map(nama)
    batang = alt.Chart(panjang).mark_bar(opacity=0.75).encode(
        x=x, xOffset="ukuran:N",
        y=alt.Y("jumlah:Q", title=t("jumlah_peserta", bahasa), axis=alt.Axis(format=",d", orient="right")),
        color=alt.Color("ukuran:N", title=None, sort=list(nama.values()),
                        scale=alt.Scale(domain=list(nama.values()), range=[WARNA_TARGET, "#2e86c1"]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("label:N", title=t("bulan", bahasa)), alt.Tooltip("ukuran:N", title=" "),
                 alt.Tooltip("jumlah:Q", title=t("jumlah_peserta", bahasa), format=",d")])
    garis = alt.Chart(data).mark_line(point=True, color=WARNA_UTAMA).encode(
        # One decimal: collection moves within a point or two, and whole percents would label
        # 97.6, 97.8 and 98.0 all "98".
        x=x, y=alt.Y("kolektibilitas:Q", title=t("kolektibilitas", bahasa), scale=alt.Scale(zero=False),
                     axis=alt.Axis(format=",.1f")),
        tooltip=[alt.Tooltip("label:N", title=t("bulan", bahasa)),
                 alt.Tooltip("kolektibilitas:Q", title=t("kolektibilitas", bahasa), format=",.1f")])
    return _lokal(alt.layer(batang, garis).resolve_scale(y="independent").properties(height=TINGGI + TINGGI_LEGENDA),
                  judul_demo, bahasa)


def kurva_bertahan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    """Share still paying (%) by month after sign-up, as steps, one line per `kurva` (the event, and
    all events of the period for comparison). `data`: kurva, bulan, bertahan (0–1)."""
    data = data.assign(persen=100 * data["bertahan"])
    return _lokal(alt.Chart(data, height=TINGGI + TINGGI_LEGENDA).mark_line(interpolate="step-after", point=True).encode(
        x=alt.X("bulan:Q", title=t("bulan_setelah_daftar", bahasa), axis=alt.Axis(format=",d", tickMinStep=1)),
        y=alt.Y("persen:Q", title=t("masih_membayar", bahasa), scale=alt.Scale(domain=[0, 100])),
        color=alt.Color("kurva:N", title=None, legend=alt.Legend(orient="bottom", labelLimit=320),
                        scale=alt.Scale(range=[WARNA_UTAMA, "#7f8c8d"])),
        tooltip=[alt.Tooltip("kurva:N", title=" "), alt.Tooltip("bulan:Q", title=t("bulan_setelah_daftar", bahasa)),
                 alt.Tooltip("persen:Q", title=t("masih_membayar", bahasa), format=",.1f")]), judul_demo, bahasa)


def corong(titik: pd.DataFrame, garis: pd.DataFrame, rata: float, b: int, bahasa: str,
           judul_demo: str | None) -> alt.TopLevelMixin:
    """Funnel plot: each event's share still active after `b` months against its number of sign-ups
    that old, with the overall share and its 95% and 99.8% limits."""
    judul_y = t("kolom_aktif_bulan", bahasa, b=str(b)) + " (%)"
    sumbu_x = alt.X("n:Q", title=t("pendaftar_matang", bahasa, b=str(b)), axis=alt.Axis(format=",d"),
                    scale=alt.Scale(type="log", nice=False, domain=[float(garis["n"].min()), float(garis["n"].max())]))
    bawah = min(float(titik["persen"].min()), float(garis["bawah_998"].min()))
    sumbu_y = alt.Scale(domain=[max(0.0, bawah - 2), 100.5], nice=False)
    lapisan = [alt.Chart(garis).mark_line(color="#7f8c8d", strokeDash=dash, clip=True).encode(
        x=sumbu_x, y=alt.Y(f"{kolom}:Q", scale=sumbu_y))
               for kolom, dash in (("bawah_95", [4, 3]), ("atas_95", [4, 3]), ("bawah_998", [1, 0]),
                                   ("atas_998", [1, 0]))]
    lapisan.append(alt.Chart(pd.DataFrame({"rata": [rata]})).mark_rule(color=WARNA_UTAMA).encode(y="rata:Q"))
    label = {"": t("dalam_batas", bahasa), "95": t("di_luar_95", bahasa), "998": t("di_luar_998", bahasa)}
    lapisan.append(alt.Chart(titik.assign(keterangan=titik["di_luar"].map(label))).mark_circle(size=70).encode(
        x=sumbu_x, y=alt.Y("persen:Q", title=judul_y, scale=sumbu_y),
        color=alt.Color("keterangan:N", title=None, sort=list(label.values()),
                        scale=alt.Scale(domain=list(label.values()), range=[WARNA_UTAMA, "#e67e22", WARNA_TARGET]),
                        legend=alt.Legend(orient="bottom")),
        tooltip=[alt.Tooltip("nama:N", title=t("kolom_kegiatan", bahasa)),
                 alt.Tooltip("n:Q", title=t("pendaftar_matang", bahasa, b=str(b)), format=",d"),
                 alt.Tooltip("persen:Q", title=judul_y, format=",.1f")]))
    return _lokal(alt.layer(*lapisan).properties(height=TINGGI + 60 + TINGGI_LEGENDA), judul_demo, bahasa)
