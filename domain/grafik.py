"""Chart specifications (Altair) in Indonesian formats; plain functions, no Streamlit."""

from __future__ import annotations

import altair as alt
import pandas as pd

from domain.format import VEGA_LOKAL_ANGKA, VEGA_LOKAL_WAKTU
from domain.teks import t

WARNA_UTAMA = "#0b6e4f"  # BPJS-like green, readable on a projector
WARNA_TARGET = "#c0392b"
WARNA_LABEL_DEMO = "#8a6d00"
TINGGI = 260


def _lokal(grafik: alt.TopLevelMixin, judul_demo: str | None) -> alt.TopLevelMixin:
    grafik = grafik.configure(locale={"number": VEGA_LOKAL_ANGKA, "time": VEGA_LOKAL_WAKTU})
    if judul_demo:
        grafik = grafik.properties(title=alt.TitleParams(text=judul_demo, anchor="start", fontSize=12,
                                                         fontWeight="normal", color=WARNA_LABEL_DEMO))
    return grafik


def batang(data: pd.DataFrame, kategori: str, nilai: str, bahasa: str, judul_demo: str | None,
           sorot: str | None = None) -> alt.TopLevelMixin:
    """Horizontal bars, one per category, the selected category highlighted."""
    warna = alt.condition(alt.datum[kategori] == sorot, alt.value(WARNA_TARGET), alt.value(WARNA_UTAMA)) \
        if sorot else alt.value(WARNA_UTAMA)
    grafik = alt.Chart(data, height=TINGGI).mark_bar().encode(
        y=alt.Y(f"{kategori}:N", title=None, sort="-x"),
        x=alt.X(f"{nilai}:Q", title=t("peserta_aktif", bahasa), axis=alt.Axis(format=",d")),
        color=warna,
        tooltip=[alt.Tooltip(f"{kategori}:N", title=t(kategori, bahasa)),
                 alt.Tooltip(f"{nilai}:Q", title=t("peserta_aktif", bahasa), format=",d")],
    )
    teks = grafik.mark_text(align="left", dx=3, color="#222").encode(text=alt.Text(f"{nilai}:Q", format=",d"), color=alt.value("#222"))
    return _lokal(grafik + teks, judul_demo)


def tren(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    """Active participants per month as a line, the year's target as a dashed step line."""
    dasar = alt.Chart(data, height=TINGGI).encode(
        x=alt.X("bulan:T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)))
    garis = dasar.mark_line(point=alt.OverlayMarkDef(color=WARNA_UTAMA), color=WARNA_UTAMA).encode(
        y=alt.Y("peserta_aktif:Q", title=t("peserta_aktif", bahasa), axis=alt.Axis(format=",d"),
                scale=alt.Scale(zero=False)),
        tooltip=[alt.Tooltip("bulan:T", title=t("bulan", bahasa), format="%B %Y"),
                 alt.Tooltip("peserta_aktif:Q", title=t("peserta_aktif", bahasa), format=",d"),
                 alt.Tooltip("target_aktif:Q", title=t("target", bahasa), format=",d")])
    lapisan = [garis]
    if data["target_aktif"].notna().any():
        lapisan.append(dasar.mark_line(strokeDash=[6, 4], color=WARNA_TARGET, interpolate="step-after").encode(
            y="target_aktif:Q"))
    return _lokal(alt.layer(*lapisan), judul_demo)


def batang_bulanan(data: pd.DataFrame, bahasa: str, judul_demo: str | None) -> alt.TopLevelMixin:
    grafik = alt.Chart(data, height=TINGGI).mark_bar(color=WARNA_UTAMA).encode(
        x=alt.X("yearmonth(bulan):T", title=None, axis=alt.Axis(format="%b %Y", labelAngle=-40)),
        y=alt.Y("pendaftaran_baru:Q", title=t("pendaftaran_baru", bahasa), axis=alt.Axis(format=",d")),
        tooltip=[alt.Tooltip("bulan:T", title=t("bulan", bahasa), format="%B %Y"),
                 alt.Tooltip("pendaftaran_baru:Q", title=t("pendaftaran_baru", bahasa), format=",d")])
    return _lokal(grafik, judul_demo)
