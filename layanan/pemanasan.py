"""Warm-up at server start (server.py's lifespan): what the first page needs is loaded in a background
thread while the first browser fetches Streamlit's own files, instead of after it asks. A cold start
spent most of its time importing pandas, geopandas, the database drivers and the app's modules in
the first run; the server now answers before they are loaded, and they load beside the browser's
own work."""

from __future__ import annotations

import importlib
import logging
import threading

# What the router and its first page (Ringkasan) import: layanan.cache brings pandas, geopandas, the
# database drivers and every query module; XlsxWriter builds the tables' XLSX files (openpyxl only
# reads imported sheets); streamlit.emojis is the catalogue st.set_page_config reads to know the
# favicon is an emoji (40 ms to import). Not halaman.*, which declare Streamlit components when
# imported, something only a script's run may do.
MODUL_HALAMAN_PERTAMA = ("layanan.cache", "layanan.sisi", "tampilan.grafik", "streamlit.components.v1", "xlsxwriter",
                         "streamlit.emojis")

_LOG = logging.getLogger(__name__)


def mulai() -> threading.Thread:
    # Streamlit decides once per process whether to warn that it runs in a Python REPL, reading the
    # source of every frame on the first element's stack (inspect.stack(): 45 ms of the first page).
    # A server started with `streamlit run` never is one, and an attribute Streamlit no longer has
    # changes nothing.
    from streamlit import delta_generator

    if hasattr(delta_generator, "_use_warning_has_been_displayed"):
        delta_generator._use_warning_has_been_displayed = True
    utas = threading.Thread(target=_panaskan, name="pemanasan", daemon=True)
    utas.start()
    return utas


def _panaskan() -> None:
    for nama in MODUL_HALAMAN_PERTAMA:
        importlib.import_module(nama)
    from data_access.batas import BatasTidakDitemukan
    from data_access.config import PengaturanTidakSah
    from data_access.db import DatabaseTidakSiap
    from geo.batas import BatasTidakValid
    from layanan import cache

    try:
        cache.panaskan()
    except (BatasTidakDitemukan, BatasTidakValid, DatabaseTidakSiap, PengaturanTidakSah) as e:
        # The first page says what is wrong, in its viewer's language; the log keeps a note of it.
        _LOG.info("Pemanasan dilewati: %s", type(e).__name__)
