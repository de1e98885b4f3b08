"""Who is using this session: the signed-in account (a server-side session named by an HttpOnly
cookie, see data_access.sesi_masuk and layanan.masuk_web), an OIDC user, or nobody; and the role
that follows.

The cookie is read from the browser's connection (`st.context.cookies`) and looked up in the
database on every run, so a sign-out in one tab, an expired session or an account removed from
secrets.toml takes effect at the next click in every other tab.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from data_access import sesi_masuk
from data_access.akun import Akun, PembatasPercobaan, muat_akun, periksa_masuk
from domain.peran import Peran, peran_tanpa_akun
from layanan import cache
from tampilan.konteks import KonteksHalaman

NAMA_COOKIE = "desa_sadar_sesi"


def _rahasia() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: Streamlit raises its own error type
        return {}


@st.cache_resource(show_spinner=False)  # first asked by the sign-in route, outside any page
def pembatas_masuk() -> PembatasPercobaan:
    return PembatasPercobaan()


def akun_terdaftar() -> dict[str, Akun]:
    return muat_akun(_rahasia())


def login_oidc_diatur() -> bool:
    return "auth" in _rahasia()


def _token() -> str | None:
    try:
        token = st.context.cookies.get(NAMA_COOKIE)
    except Exception:  # outside a browser session (a bare script run) there are no cookies
        return None
    return token if isinstance(token, str) else None  # AppTest hands back a stand-in object


def akun_masuk() -> Akun | None:
    """The local account this browser is signed in with, or None."""
    token = _token()
    if not token:
        return None
    engine = cache.aplikasi().engine
    nama = sesi_masuk.akun_sesi(engine, token)
    if nama is None:
        # A cookie naming no live session: signed out elsewhere, expired, or ended by an admin.
        if not st.session_state.get("sesi_habis_diberitahu"):
            st.session_state["sesi_habis_diberitahu"] = True
            st.session_state["pesan_masuk"] = "sesi_berakhir"
        return None
    return _akun_bernama(engine, nama)


def _akun_bernama(engine, nama: str) -> Akun | None:
    akun = akun_terdaftar().get(nama)
    if akun is None:  # the account was removed from secrets.toml: its sessions end everywhere
        sesi_masuk.akhiri_sesi_akun(engine, nama)
    return akun


def peran_dari_cookie(token: str | None) -> Peran:
    """The role a plain web route (no page run, no st.context) gives a browser by its session
    cookie; OIDC users are recognised inside the app only and are public here."""
    engine = cache.aplikasi().engine
    nama = sesi_masuk.akun_sesi(engine, token) if token else None
    akun = _akun_bernama(engine, nama) if nama else None
    if akun:
        return akun.peran
    if not akun_terdaftar() and not login_oidc_diatur():
        return peran_tanpa_akun(cache.info_dataset().get("sumber") == "demo")
    return Peran.PUBLIK


def peran_sesi() -> Peran:
    """This session's role: a local account, an OIDC user mapped by e-mail, or none (public); with
    no accounts configured at all, the demo-data rule of domain.peran applies."""
    akun = akun_masuk()
    if akun:
        return akun.peran
    if login_oidc_diatur() and st.user.is_logged_in:
        peta_email = {str(k).lower(): v for k, v in (_rahasia().get("peran_email") or {}).items()}
        return Peran(peta_email.get(str(st.user.get("email", "")).lower(), Peran.PUBLIK))
    if not akun_terdaftar() and not login_oidc_diatur():
        return peran_tanpa_akun(cache.info_dataset().get("sumber") == "demo")
    return Peran.PUBLIK


def masuk(nama: str, sandi: str) -> str:
    """Check a local sign-in (rate-limited; MasukDitolak with the reason) and open a server-side
    session; returns the token for the cookie. Called by the sign-in route, not by a page."""
    akun = periksa_masuk(akun_terdaftar(), pembatas_masuk(), nama, sandi)
    return sesi_masuk.buat_sesi(cache.aplikasi().engine, akun.nama, umur_sesi_detik())


def umur_sesi_detik() -> int:
    return int(cache.aplikasi().pengaturan.sesi_jam * 3600)


def keluar() -> None:
    """End this browser's session on the server: every tab carrying the cookie is signed out."""
    sesi_masuk.akhiri_sesi(cache.aplikasi().engine, _token())
    st.session_state["sesi_habis_diberitahu"] = True  # this tab chose to leave: no "session ended" note


def alamat_masuk(url_path: str, bahasa: str) -> str:
    """The sign-in route's address that comes back to this page with its query string intact."""
    kueri = urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    tujuan = "/" + url_path + (f"?{kueri}" if kueri else "")
    return "/masuk?" + urlencode({"kembali": tujuan, "bahasa": bahasa})


def konteks() -> KonteksHalaman:
    """The context the sidebar built for this run (app.py sets it before the page runs)."""
    return st.session_state["konteks"]
