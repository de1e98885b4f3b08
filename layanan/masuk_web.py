"""The sign-in page as a plain web route beside the Streamlit app (server.py mounts it).

A Streamlit script talks to the browser over a websocket and cannot set a cookie, least of all an
HttpOnly one; an ordinary HTTP form can. GET /masuk shows the form in the viewer's language and
names the page asked for; POST /masuk checks the password (the same rate-limited check as
everywhere), opens a server-side session (data_access.sesi_masuk) and answers with the session
cookie and a redirect back to the page, query string included. It works without JavaScript.

Login CSRF is refused with a double-submit token: the form carries the value of a SameSite=Strict
cookie set when the form was shown.
"""

from __future__ import annotations

import html
import secrets
from urllib.parse import urlencode, urlsplit

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from data_access.akun import MasukDitolak
from tampilan.teks import JUDUL_HALAMAN, t

COOKIE_CSRF = "desa_sadar_csrf"
BATAS_ISIAN_BYTE = 8_192
_KEAMANAN = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
}
_GAYA = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f5f7fa;color:#1f2933;margin:0}
main{max-width:24rem;margin:8vh auto;background:#fff;padding:2rem;border-radius:.75rem;box-shadow:0 2px 12px #0002}
h1{font-size:1.4rem;margin:0 0 .5rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.6rem;font-size:1rem;border:1px solid #9aa5b1;border-radius:.4rem}
button{margin-top:1.25rem;width:100%;padding:.7rem;font-size:1rem;background:#0b6e4f;color:#fff;border:0;
border-radius:.4rem;cursor:pointer}.galat{background:#fde8e8;color:#9b1c1c;padding:.6rem;border-radius:.4rem}
nav{margin-top:1.25rem;display:flex;justify-content:space-between;font-size:.9rem}a{color:#0b6e4f}
"""


def tujuan_aman(kembali: str | None) -> str:
    """Where to go after sign-in: a path on this site only (no other host, no scheme, no
    protocol-relative `//host`), never the sign-in page itself; otherwise the overview."""
    if not kembali or len(kembali) > 2_000 or not kembali.startswith("/") or kembali.startswith(("//", "/\\")):
        return "/"
    bagian = urlsplit(kembali)
    if bagian.scheme or bagian.netloc or any(ord(c) < 32 for c in kembali) or bagian.path.startswith("/masuk"):
        return "/"
    return kembali


def bahasa_kueri(nilai: str | None) -> str:
    return "en" if nilai in ("en", "English") else "id"  # the code, or the app's switch label as its URL has it


def _nama_halaman(tujuan: str, bahasa: str) -> str | None:
    kunci = urlsplit(tujuan).path.strip("/").split("/")[0] or "ringkasan"
    return t(JUDUL_HALAMAN[kunci], bahasa) if kunci in JUDUL_HALAMAN else None


def _aman_https(request: Request) -> bool:
    return request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").lower() == "https"


def _sesi():
    # Imported when a request arrives, not with server.py: layanan.sesi brings the app's Streamlit
    # caches, which must be created once Streamlit's runtime exists (before, each gets a private store).
    from layanan import sesi

    return sesi


def _halaman(bahasa: str, tujuan: str, csrf: str, pesan: str | None = None, nama: str = "",
             status: int = 200) -> HTMLResponse:
    e = html.escape
    nama_halaman = _nama_halaman(tujuan, bahasa)
    ajakan = t("masuk_untuk_halaman", bahasa, halaman=nama_halaman) if nama_halaman else t("masuk_lanjut", bahasa)
    lain = "id" if bahasa == "en" else "en"
    alamat_lain = "/masuk?" + urlencode({"kembali": tujuan, "bahasa": lain})
    if _sesi().akun_terdaftar():
        isi = f"""<form method="post" action="/masuk">
<input type="hidden" name="kembali" value="{e(tujuan)}"><input type="hidden" name="bahasa" value="{bahasa}">
<input type="hidden" name="csrf" value="{e(csrf)}">
<label for="nama">{e(t("nama_akun", bahasa))}</label>
<input id="nama" name="nama" autocomplete="username" autocapitalize="none" required maxlength="80" value="{e(nama)}"
{"" if nama else "autofocus"}>
<label for="sandi">{e(t("sandi", bahasa))}</label>
<input id="sandi" name="sandi" type="password" autocomplete="current-password" required {"autofocus" if nama else ""}>
<button type="submit">{e(t("masuk", bahasa))}</button></form>"""
    else:
        isi = f"<p>{e(t('masuk_tanpa_akun', bahasa))}</p>"
    galat = f'<p class="galat" role="alert">{e(pesan)}</p>' if pesan else ""
    dokumen = f"""<!doctype html><html lang="{bahasa}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(t("masuk_judul", bahasa))}</title>
<style>{_GAYA}</style></head><body><main><h1>{e(t("masuk_petugas", bahasa))}</h1><p>{e(ajakan)}</p>{galat}{isi}
<nav><a href="{e(tujuan)}">{e(t("masuk_batal", bahasa))}</a>
<a href="{e(alamat_lain)}" lang="{lain}">{"English" if lain == "en" else "Indonesia"}</a></nav></main></body></html>"""
    jawaban = HTMLResponse(dokumen, status_code=status, headers=_KEAMANAN)
    jawaban.set_cookie(COOKIE_CSRF, csrf, httponly=True, samesite="strict", path="/masuk")
    return jawaban


async def formulir_masuk(request: Request) -> Response:
    bahasa = bahasa_kueri(request.query_params.get("bahasa"))
    return _halaman(bahasa, tujuan_aman(request.query_params.get("kembali")), secrets.token_urlsafe(24))


async def kirim_masuk(request: Request) -> Response:
    if int(request.headers.get("content-length") or 0) > BATAS_ISIAN_BYTE:
        return _halaman("id", "/", secrets.token_urlsafe(24), t("masuk_terlalu_besar", "id"), status=413)
    isian = await request.form(max_files=0, max_fields=10, max_part_size=BATAS_ISIAN_BYTE)
    bahasa = bahasa_kueri(str(isian.get("bahasa", "")))
    tujuan = tujuan_aman(str(isian.get("kembali", "")))
    nama, sandi = str(isian.get("nama", ""))[:80], str(isian.get("sandi", ""))
    csrf_baru = secrets.token_urlsafe(24)
    csrf = str(isian.get("csrf", ""))
    if not csrf or not secrets.compare_digest(csrf, request.cookies.get(COOKIE_CSRF, "")):
        return _halaman(bahasa, tujuan, csrf_baru, t("masuk_formulir_lama", bahasa), nama, status=400)
    sesi = _sesi()
    try:
        token = await run_in_threadpool(sesi.masuk, nama, sandi)
    except MasukDitolak as e:
        return _halaman(bahasa, tujuan, csrf_baru, e.dalam(bahasa), nama, status=401)
    jawaban = RedirectResponse(tujuan, status_code=303, headers=_KEAMANAN)
    jawaban.set_cookie(sesi.NAMA_COOKIE, token, max_age=await run_in_threadpool(sesi.umur_sesi_detik),
                       httponly=True, samesite="lax", secure=_aman_https(request), path="/")
    jawaban.delete_cookie(COOKIE_CSRF, path="/masuk")
    return jawaban


RUTE = [Route("/masuk", formulir_masuk, methods=["GET"]), Route("/masuk", kirim_masuk, methods=["POST"])]

# First path segments that are not app pages but are answered by this server: the sign-in route,
# Streamlit's own endpoints, files, and its OIDC routes.
_BUKAN_HALAMAN = {"masuk", "_stcore", "static", "media", "component", "app", "auth", "oauth2callback"}


class AlamatTakDikenal:
    """A browser opening an address that is no page of the app (a mistyped or outdated link) is sent
    to the overview with its query string, instead of Streamlit's English "Page not found" pop-up.
    Only page loads are touched (GET asking for HTML); files and the app's own calls pass through."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            awal = scope["path"].strip("/").split("/")[0]
            terima = dict(scope["headers"]).get(b"accept", b"")
            if awal and awal not in JUDUL_HALAMAN and awal not in _BUKAN_HALAMAN and b"text/html" in terima:
                kueri = scope.get("query_string", b"").decode("latin-1")
                await RedirectResponse("/" + (f"?{kueri}" if kueri else ""), status_code=307)(scope, receive, send)
                return
        await self.app(scope, receive, send)
