"""Front-end files the map needs, copied from installed packages into the app's static folder.

Streamlit serves `static/` at `/app/static/` (server.enableStaticServing). Leaflet comes from the
PyPI package xstatic-leaflet, pinned in requirements.txt, so nothing is committed by hand and nothing
is fetched from a CDN when the map opens in a village hall without internet.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from data_access.config import AKAR_PROYEK

FOLDER_STATIS = AKAR_PROYEK / "static"
URL_STATIS = "/app/static"


def siapkan_aset_peta(folder: Path = FOLDER_STATIS) -> dict[str, list[tuple[str, str]]]:
    """Copy Leaflet into `static/leaflet-<version>/` once; return folium-style js and css lists."""
    nama = f"leaflet-{xstatic_leaflet.VERSION}"
    tujuan = folder / nama
    if not (tujuan / "leaflet.js").is_file():
        sementara = folder / f".{nama}.tmp"
        shutil.rmtree(sementara, ignore_errors=True)
        shutil.copytree(xstatic_leaflet.BASE_DIR, sementara, ignore=shutil.ignore_patterns("*.map", "*esm*"))
        shutil.rmtree(tujuan, ignore_errors=True)
        sementara.rename(tujuan)  # appears whole or not at all, even with two sessions starting together
    return {
        "js": [("leaflet", f"{URL_STATIS}/{nama}/leaflet.js")],
        "css": [("leaflet_css", f"{URL_STATIS}/{nama}/leaflet.css")],
    }
