"""layanan.aset_web: files whose address changes with their content may be kept by the browser."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from layanan.aset_web import SIMPAN_LAMA, AsetTetap


def _jawab(path: str, status: int = 200, kepala: list | None = None) -> list[dict]:
    """What AsetTetap sends for an answer of `status` with `kepala` from the app behind it."""
    terkirim = []

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status, "headers": kepala or []})
        await send({"type": "http.response.body", "body": b"isi"})

    async def kirim(pesan):
        terkirim.append(pesan)

    # In a thread of its own: a browser test earlier in the session may leave an event loop running here.
    with ThreadPoolExecutor(1) as benang:
        benang.submit(asyncio.run, AsetTetap(app)({"type": "http", "method": "GET", "path": path}, None, kirim)).result()
    return terkirim


@pytest.mark.parametrize("path", ["/app/static/peta/kabupaten_33.26_desa_7dc2e4347518.geojson",
                                  "/app/static/leaflet-1.9.3/leaflet.js",
                                  "/component/streamlit_folium.st_folium/static/js/main.521860b0.js"])
def test_a_file_named_by_its_content_is_kept_a_year(path):
    awal, isi = _jawab(path, kepala=[(b"content-type", b"text/javascript"), (b"Cache-Control", b"public")])
    assert awal["headers"] == [(b"content-type", b"text/javascript"), (b"cache-control", SIMPAN_LAMA)]
    assert isi["body"] == b"isi"


@pytest.mark.parametrize("path", ["/component/streamlit_folium.st_folium/index.html",  # names the script of its version
                                  "/app/static/README.md", "/peta", "/_stcore/health", "/masuk"])
def test_anything_else_keeps_what_streamlit_says(path):
    kepala = [(b"cache-control", b"no-cache")]
    assert _jawab(path, kepala=kepala)[0]["headers"] == kepala


@pytest.mark.parametrize("status", [304, 404])
def test_only_a_file_found_is_kept(status):
    # A missing file (geometry not written yet) must be asked for again.
    assert _jawab("/app/static/peta/tidak_ada.geojson", status)[0]["headers"] == []
