"""Files whose address changes whenever their content does, served so a browser keeps them.

The map's geometry (`static/peta/`, named by a hash of the content), Leaflet (`static/leaflet-<version>/`)
and streamlit-folium's built scripts (named by a hash by its build) never change under the same
address. Streamlit sends them without a lifetime (its static files) or as "public" without one (a
component's files), so Chromium fetched leaflet.js and the map component's 225 KB script again on
every visit to Peta, and Peta's first paint waited for them."""

from __future__ import annotations

from data_access.aset import NAMA_LEAFLET, URL_PETA, URL_STATIS

# Path prefixes, as Streamlit serves them; a component's files are under /component/<its name>/.
ALAMAT_TETAP = (f"{URL_PETA}/", f"{URL_STATIS}/{NAMA_LEAFLET}/", "/component/streamlit_folium.st_folium/static/")
SIMPAN_LAMA = b"public, max-age=31536000, immutable"


class AsetTetap:
    """ASGI middleware: a successful answer under ALAMAT_TETAP may be kept for a year unchecked."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(ALAMAT_TETAP):
            await self.app(scope, receive, send)
            return

        async def kirim(pesan) -> None:
            if pesan["type"] == "http.response.start" and pesan["status"] == 200:
                kepala = [(k, v) for k, v in pesan.get("headers", []) if k.lower() != b"cache-control"]
                pesan = {**pesan, "headers": [*kepala, (b"cache-control", SIMPAN_LAMA)]}
            await send(pesan)

        await self.app(scope, receive, kirim)
