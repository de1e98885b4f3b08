"""The event stage: the projector page at /layar?kegiatan=<id>, a plain web route beside the app.

A Streamlit page talks over a websocket and, when the laptop's server stops answering, covers the
screen with a connection dialog; in front of an audience that is a broken page. The stage is one
HTML document instead, drawn once, that asks /layar/angka for its numbers every few seconds. When an
answer does not come it keeps the last numbers with a small "terputus" mark and tries again, and
recovers by itself. What the room may see, in which language, is decided on the server
(tampilan.publik, tampilan.layar); the page only places the strings it is given, as text.

Staff switch the scene (welcome, live, closing summary) from a phone, on the Kegiatan or the
registration page; the stage follows at its next refresh. Its QR code leads a phone to the
registration form for the event, at the laptop's address on the local network.
"""

from __future__ import annotations

import base64
import html
import logging
import json
import secrets
import socket
from datetime import UTC, datetime
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlencode

import segno
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from domain.peran import boleh_buka
from layanan.masuk_web import bahasa_kueri
from tampilan.teks import t

_LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}
# The stage's own script and style travel inside the page (nothing is fetched from elsewhere).
_NASKAH = files("layanan").joinpath("layar_panggung.js").read_text(encoding="utf-8")
_GAYA = files("layanan").joinpath("layar_panggung.css").read_text(encoding="utf-8")


def _keamanan(nonce: str) -> dict[str, str]:
    return {
        "Content-Security-Policy": f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
                                   "img-src data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
                                   "form-action 'none'",
        "Cache-Control": "no-store",
        "Referrer-Policy": "same-origin",
        "X-Content-Type-Options": "nosniff",
    }


def _app():
    # Imported when a request arrives: the caches must be created once Streamlit's runtime exists.
    # tampilan.layar too, below: it brings pandas and the data layer, which would hold up the server's
    # start; layanan.pemanasan loads them while the first browser fetches Streamlit's own files.
    from layanan import cache, sesi

    return cache, sesi


def alamat_lan() -> str | None:
    """This machine's IPv4 address on its local network, the one staff phones on the laptop's
    network can reach; None when it has none. A UDP socket "connected" to a private address sends
    nothing; the kernel only picks the interface that would be used."""
    for tujuan in ("10.254.254.254", "192.168.254.254", "172.31.254.254"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.connect((tujuan, 9))
                alamat = s.getsockname()[0]
        except OSError:
            continue
        if alamat and not alamat.startswith("127.") and alamat != "0.0.0.0":
            return alamat
    return None


def alamat_formulir(request: Request, diatur: str | None, kegiatan_id: int) -> str:
    """The registration form for this event as a staff phone can open it: the configured address;
    else the address the stage itself was opened at, unless that is this machine's loopback, which
    a phone cannot reach, in which case the laptop's local-network address with the same port."""
    jalur = f"/daftar?kegiatan={kegiatan_id}"
    if diatur:
        return diatur + jalur
    host, port = request.url.hostname or "localhost", request.url.port
    if host in _LOOPBACK:
        host = alamat_lan() or host
    tuan = f"[{host}]" if ":" in host else host
    return f"{request.url.scheme}://{tuan}{f':{port}' if port else ''}{jalur}"


@lru_cache(maxsize=64)
def qr_svg(alamat: str) -> str:
    """The QR code as an SVG data URI: black on white with a quiet zone, as phone cameras read best."""
    return segno.make_qr(alamat, error="m").svg_data_uri(scale=10, border=4, dark="#000", light="#fff")


def _dokumen(bahasa: str, judul: str, isi: str, nonce: str, kepala: str = "") -> str:
    return f"""<!doctype html><html lang="{bahasa}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">{kepala}<title>{html.escape(judul)}</title>
<style nonce="{nonce}">{_GAYA}</style></head><body>{isi}</body></html>"""


def _json_aman(data: dict) -> str:
    # Inside <script type="application/json">: no "</script>" or "<!--" can close or bend it.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _kini() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)  # as kiriman_pendaftaran.dibuat is stored


# The words of each stage's newest numbers, per language, remade when the numbers change or a
# minute passes ("3 menit lalu"); a refresh in between only stamps the time.
_MUATAN: dict[tuple[int, str], tuple[object, str, dict]] = {}


def _muatan(kegiatan_id: int, bahasa: str) -> dict | None:
    """The stage's numbers now, as the public may see them; None for an unknown event."""
    from tampilan.layar import muatan_layar

    cache, _ = _app()
    app = cache.aplikasi()
    hari_ini, k = app.pengaturan.hari_ini(), app.pengaturan.k_suppresi
    lp = cache.angka_layar(kegiatan_id, hari_ini, k)
    if lp is None:
        return None
    kini = _kini()
    menit = f"{hari_ini}{kini:%H%M}"
    lama = _MUATAN.get((kegiatan_id, bahasa))
    if lama is not None and lama[0] is lp and lama[1] == menit:
        m = lama[2]
    else:
        m = muatan_layar(lp, bahasa, k, cache.info_dataset().get("sumber") == "demo", kini, hari_ini)
        if len(_MUATAN) >= 256:
            _MUATAN.clear()
        _MUATAN[(kegiatan_id, bahasa)] = (lp, menit, m)
    return {**m, "diperbarui": f"{t('layar_diperbarui', bahasa)} {datetime.now():%H.%M.%S}"}


def _siap() -> bool:
    cache, _ = _app()
    app = cache.aplikasi()
    return not app.demo or (app.demo.selesai and not app.demo.galat)


def _menunggu(bahasa: str, pesan: str | None = None) -> HTMLResponse:
    """While the demo database is still being written on a first start, or the database cannot be
    reached: say so calmly and look again in a few seconds."""
    nonce = secrets.token_urlsafe(16)
    isi = f"""<main class="pilih"><h1>{html.escape(t('layar_acara', bahasa))}</h1>
<p>{html.escape(pesan or t('persiapan_keterangan', bahasa))}</p></main>"""
    return HTMLResponse(_dokumen(bahasa, t("layar_acara", bahasa), isi, nonce,
                                 '<meta http-equiv="refresh" content="3">'), status_code=503,
                        headers=_keamanan(nonce))


def _pilihan(request: Request, bahasa: str, pesan: str, status: int) -> HTMLResponse:
    """No event, or an unknown one: today's events to choose from for staff, the way to sign in
    for anyone else; never an error page in front of the audience."""
    from tampilan.layar import rentang_tanggal

    cache, sesi = _app()
    app = cache.aplikasi()
    peran = sesi.peran_dari_cookie(request.cookies.get(sesi.NAMA_COOKIE))
    e = html.escape
    bahasa_url = {"bahasa": "English"} if bahasa == "en" else {}
    if boleh_buka(peran, "kegiatan"):  # whoever may see the events list may choose one
        hari_ini = app.pengaturan.hari_ini()
        acara = cache.kegiatan_berlangsung(hari_ini)
        if acara.empty:
            daftar = f"<p>{e(t('layar_tidak_ada_kegiatan', bahasa))}</p>"
        else:
            butir = "".join(f'<li><a href="/layar?{e(urlencode({"kegiatan": int(r.id), **bahasa_url}))}">'
                            f"{e(r.nama)}</a> <span>{e(t('desa', bahasa))} {e(r.nama_desa)}</span></li>"
                            for r in acara.itertuples(index=False))
            daftar = f"<p>{e(t('layar_pilih_kegiatan', bahasa))}</p><ul>{butir}</ul>"
        daftar += f"<p class=\"kecil\">{e(rentang_tanggal(hari_ini, hari_ini, bahasa))}</p>"
    else:
        masuk = "/masuk?" + urlencode({"kembali": "/layar" + (f"?{urlencode(bahasa_url)}" if bahasa_url else ""),
                                       "bahasa": bahasa})
        daftar = f'<p><a href="{e(masuk)}">{e(t("layar_minta_petugas", bahasa))}</a></p>'
    nonce = secrets.token_urlsafe(16)
    isi = f"""<main class="pilih"><h1>{e(t('layar_acara', bahasa))}</h1><p class="pesan">{e(pesan)}</p>{daftar}</main>"""
    return HTMLResponse(_dokumen(bahasa, t("layar_acara", bahasa), isi, nonce), status_code=status,
                        headers=_keamanan(nonce))


def _panggung(request: Request, kegiatan_id: int, bahasa: str, m: dict) -> HTMLResponse:
    from tampilan.layar import teks_tetap

    cache, _ = _app()
    app = cache.aplikasi()
    alamat = alamat_formulir(request, app.pengaturan.alamat_formulir, kegiatan_id)
    peta = "data:image/svg+xml;base64," + base64.b64encode(cache.peta_kecil_desa(m["kode_desa"]).encode()).decode()
    e = html.escape
    nonce = secrets.token_urlsafe(16)
    kueri = {"kegiatan": kegiatan_id, **({"bahasa": "en"} if bahasa == "en" else {})}
    awal = {"muatan": m, "teks": teks_tetap(bahasa), "alamat_angka": "/layar/angka?" + urlencode(kueri),
            "selang_ms": int(app.pengaturan.layar_detik * 1000)}
    qr = f"""<figure class="qr"><img src="{e(qr_svg(alamat))}" alt="QR" data-uji="qr">
<figcaption><b>{e(t('layar_pindai', bahasa))}</b><span data-uji="alamat-qr">{e(alamat.split('://', 1)[1])}</span>
</figcaption></figure>"""
    isi = f"""<div id="panggung" data-mode="{e(m['mode'])}">
<header><div class="kepala"><h1 id="judul"></h1><p><span id="tempat"></span> · <span id="tanggal"></span></p></div>
<div class="tanda"><span id="demo" class="demo"></span><span id="terputus" class="terputus" hidden></span></div></header>
<section class="adegan" id="sambutan"><div class="sambut"><p class="besar" id="t_selamat_datang"></p>
<p class="ajakan" id="t_ajakan"></p><img class="peta" src="{e(peta)}" alt=""></div>{qr}</section>
<section class="adegan" id="langsung"><div class="utama">
<div class="angka" id="jumlah" data-uji="jumlah"></div><div class="label" id="jumlah_label"></div>
<div class="target" id="kotak_target"><div class="batang"><div class="isi" id="isi_target"></div></div>
<span id="target"></span></div><div class="baris" id="program"></div><div class="baris kecil" id="desa"></div></div>
<aside>{qr}<h2 id="t_terbaru"></h2><ul id="ticker" data-uji="ticker"></ul></aside></section>
<section class="adegan" id="penutup"><div class="utama"><p class="besar" id="t_terima_kasih"></p>
<div class="angka" id="jumlah_akhir"></div><div class="label" id="t_total"></div>
<div class="baris" id="program_akhir"></div>
<div class="baris"><div class="kotak"><div class="nilai" id="jht"></div><div class="label" id="t_persen_jht"></div></div>
<div class="kotak" id="kotak_capaian"><div class="nilai" id="capaian"></div><div class="label" id="target_akhir"></div></div>
</div></div></section>
<footer id="diperbarui" data-uji="diperbarui"></footer>
<div class="rayakan" id="rayakan" hidden><div class="kertas"></div><p id="rayakan_teks" data-uji="rayakan"></p></div>
</div>
<script type="application/json" id="data-awal">{_json_aman(awal)}</script>
<script nonce="{nonce}">{_NASKAH}</script>"""
    return HTMLResponse(_dokumen(bahasa, f"{m['judul']} · {t('layar_acara', bahasa)}", isi, nonce),
                        headers=_keamanan(nonce))


async def halaman_layar(request: Request) -> Response:
    bahasa = bahasa_kueri(request.query_params.get("bahasa"))
    try:
        return await _halaman_layar(request, bahasa)
    except Exception:  # the projector shows a calm page that looks again, never a server error
        logging.getLogger(__name__).exception("Layar acara gagal dibuka")
        return _menunggu(bahasa, t("layar_menyambung", bahasa))


async def _halaman_layar(request: Request, bahasa: str) -> Response:
    if not await run_in_threadpool(_siap):
        return _menunggu(bahasa)
    teks_id = request.query_params.get("kegiatan", "")
    if not teks_id.isdigit() or len(teks_id) > 12:
        return await run_in_threadpool(_pilihan, request, bahasa, t("layar_tanpa_kegiatan", bahasa), 200)
    kegiatan_id = int(teks_id)
    m = await run_in_threadpool(_muatan, kegiatan_id, bahasa)
    if m is None:
        return await run_in_threadpool(_pilihan, request, bahasa, t("layar_tidak_ditemukan", bahasa, n=teks_id), 404)
    return await run_in_threadpool(_panggung, request, kegiatan_id, bahasa, m)


async def angka_layar(request: Request) -> Response:
    """The stage's numbers as JSON (strings ready to show); 404 for an unknown event, 503 while the
    demo database is still being written."""
    bahasa = bahasa_kueri(request.query_params.get("bahasa"))
    kepala = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}
    if not await run_in_threadpool(_siap):
        return JSONResponse({"siap": False}, status_code=503, headers=kepala)
    teks_id = request.query_params.get("kegiatan", "")
    m = await run_in_threadpool(_muatan, int(teks_id), bahasa) if teks_id.isdigit() and len(teks_id) <= 12 else None
    if m is None:
        return JSONResponse({"ditemukan": False}, status_code=404, headers=kepala)
    return JSONResponse(m, headers=kepala)


RUTE_LAYAR = [Route("/layar", halaman_layar, methods=["GET"]), Route("/layar/angka", angka_layar, methods=["GET"])]
