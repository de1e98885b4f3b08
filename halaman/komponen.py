"""Small pieces the pages share: rendering only, no data access of their own."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from layanan import cache
from layanan.sisi import tab_sebahasa
from domain.layar import ModeLayar
from tampilan.teks import t


def grafik(spek: dict, tempat=st) -> None:
    """A chart from tampilan.grafik (a Vega-Lite dictionary), full width."""
    tempat.vega_lite_chart(spek, width="stretch")


def tabel(data: Any, nama: str, bahasa: str, catatan: str | None = None, **opsi) -> None:
    """st.dataframe with CSV and XLSX downloads of exactly what it shows (suppression included); the
    table's own download is off (client.disableDataExport in .streamlit/config.toml)."""
    st.dataframe(data, hide_index=opsi.pop("hide_index", True), width=opsi.pop("width", "stretch"), **opsi)
    # A horizontal row sized to the buttons: fixed-ratio columns squeeze them inside a half-width column.
    baris = st.container(horizontal=True)
    # Built with the page (once per content, layanan.cache.berkas_tabel), not when clicked: a file
    # built on click reaches the browser after a round trip, and once that trip outlasts the click's
    # user activation (a busy server), Chromium no longer treats it as the user's download and the
    # button spins for ever. The briefing, far costlier, is still built on click.
    csv, xlsx = cache.berkas_tabel(data, nama, catatan)
    baris.download_button("CSV", csv, file_name=f"{nama}.csv", mime="text/csv", key=f"csv_{nama}",
                          help=t("unduh_tabel", bahasa), icon=":material/download:")
    baris.download_button("XLSX", xlsx, file_name=f"{nama}.xlsx", key=f"xlsx_{nama}",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          help=t("unduh_tabel", bahasa), icon=":material/download:")


def tab_satu_per_satu(kunci: str, bagian: dict[str, Callable[[], None]], bahasa: str,
                      awal: str | None = None) -> None:
    """Tabs (labels: the text keys of `bagian`) of which only the open one is drawn: switching reruns
    the page (on_change="rerun"), so a visit sends one section's charts and tables, not all of them.
    The open tab survives a language switch; `awal` is the text key of the tab a first visit opens."""
    tab_sebahasa(kunci, list(bagian), bahasa)
    tab = st.tabs([t(k, bahasa) for k in bagian], key=kunci, on_change="rerun",
                  default=t(awal, bahasa) if awal else None)
    for satu, isi in zip(tab, bagian.values(), strict=True):
        if satu.open:
            with satu:
                isi()


@functools.cache
def _peta_provinsi():
    # The province map: geometry fetched once by the browser, then only colours and labels per render.
    # Declared on first use, not when this module is imported: Streamlit names a component after its
    # module, found by mapping the file of every loaded module (~3,000 here), 30-40 ms that were on
    # the first page of every visitor (Ringkasan imports this module) although only Peta provinsi
    # shows it.
    return components.declare_component("peta_provinsi", path=str(Path(__file__).parent / "peta_provinsi"))


def peta_provinsi(key: str, **argumen) -> dict | None:
    """The clicked region as {'kode', 'waktu'} (None before any click); `argumen` as index.html reads them."""
    return _peta_provinsi()(key=key, default=None, **argumen)


def kendali_layar(kegiatan_id: int, bahasa: str) -> None:
    """Staff switch the event screen's scene from a phone; the projector follows at its next refresh.
    The current scene is read anew each run (another phone may have switched it), and the control is
    keyed by it, so it always starts from what the projector shows."""
    kini = cache.mode_layar_kini(kegiatan_id)
    if kini is None:
        return
    pilihan = st.segmented_control(t("layar_kendali", bahasa), list(ModeLayar), default=kini,
                                   format_func=lambda m: t(f"mode_{m}", bahasa), key=f"mode_layar_{kegiatan_id}_{kini}",
                                   help=t("layar_kendali_bantuan", bahasa))
    if pilihan is not None and pilihan != kini:
        cache.atur_mode_layar(kegiatan_id, ModeLayar(pilihan))
        st.rerun()
