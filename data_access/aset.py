"""Front-end files the map needs, copied from installed packages into the app's static folder.

Streamlit serves `static/` at `/app/static/` (server.enableStaticServing). Leaflet comes from the
PyPI package xstatic-leaflet, pinned in requirements.txt, so nothing is committed by hand and nothing
is fetched from a CDN when the map opens in a village hall without internet.
"""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

from data_access.config import AKAR_PROYEK

FOLDER_STATIS = AKAR_PROYEK / "static"
URL_STATIS = "/app/static"
# Both named so the address changes with the content: Leaflet by its version, a map file by its hash.
NAMA_LEAFLET = f"leaflet-{xstatic_leaflet.VERSION}"
URL_PETA = f"{URL_STATIS}/peta"


def siapkan_aset_peta(folder: Path = FOLDER_STATIS) -> dict[str, list[tuple[str, str]]]:
    """Copy Leaflet into `static/leaflet-<version>/` once; return folium-style js and css lists."""
    nama = NAMA_LEAFLET
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


def tulis_peta_statis(nama: str, teks: str | None, folder_statis: Path = FOLDER_STATIS) -> str:
    """Write `static/peta/<nama>` unless it is there; return its URL. `nama` must change with its
    content (a browser may keep it for ever). With `teks` None the file must already exist. Written
    under a name of this process and thread, then renamed: whole or not at all, even with two
    sessions writing the same file."""
    folder = folder_statis / "peta"
    tujuan = folder / nama
    if not tujuan.is_file():
        folder.mkdir(parents=True, exist_ok=True)
        sementara = folder / f".{nama}.{os.getpid()}.{threading.get_ident()}.tmp"
        sementara.write_text(teks, encoding="utf-8")
        sementara.replace(tujuan)
    return f"{URL_PETA}/{nama}"
