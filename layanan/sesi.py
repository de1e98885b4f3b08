"""Who is using this session: sign-in (local accounts or OIDC), the session's role and its expiry,
and the page context the sidebar built for this run."""

from __future__ import annotations

import time

import streamlit as st

from data_access.akun import Akun, PembatasPercobaan, muat_akun, periksa_masuk
from domain.peran import Peran, peran_tanpa_akun
from layanan import cache
from tampilan.konteks import KonteksHalaman
from tampilan.teks import t

SESI_DETIK = 8 * 3600  # a working day; then the session asks for the password again


def _rahasia() -> dict:
    try:
        return st.secrets.to_dict()
    except Exception:  # no secrets.toml at all: Streamlit raises its own error type
        return {}


@st.cache_resource
def pembatas_masuk() -> PembatasPercobaan:
    return PembatasPercobaan()


def akun_terdaftar() -> dict[str, Akun]:
    return muat_akun(_rahasia())


def login_oidc_diatur() -> bool:
    return "auth" in _rahasia()


def peran_sesi() -> Peran:
    """This session's role: an OIDC user mapped by e-mail, a local account, or none (public); with
    no accounts configured at all, the demo-data rule of domain.peran applies."""
    masuk = st.session_state.get("sesi_akun")
    if masuk and time.time() - masuk["waktu"] > SESI_DETIK:
        st.session_state.pop("sesi_akun", None)
        st.session_state["pesan_masuk"] = t("sesi_berakhir", st.session_state.get("bahasa", "id"))
        masuk = None
    if masuk:
        return Peran(masuk["peran"])
    if login_oidc_diatur() and st.user.is_logged_in:
        peta_email = {str(k).lower(): v for k, v in (_rahasia().get("peran_email") or {}).items()}
        return Peran(peta_email.get(str(st.user.get("email", "")).lower(), Peran.PUBLIK))
    if not akun_terdaftar() and not login_oidc_diatur():
        return peran_tanpa_akun(cache.info_dataset().get("sumber") == "demo")
    return Peran.PUBLIK


def sudah_masuk() -> bool:
    """Signed in with an account (local or OIDC), as opposed to the no-accounts demo mode."""
    return bool(st.session_state.get("sesi_akun")) or (login_oidc_diatur() and st.user.is_logged_in)


def masuk(nama: str, sandi: str) -> Akun:
    """Check a local login (rate-limited) and start the session; ValueError with the reason."""
    akun = periksa_masuk(akun_terdaftar(), pembatas_masuk(), nama, sandi)
    st.session_state["sesi_akun"] = {"nama": akun.nama, "peran": akun.peran.value, "waktu": time.time()}
    return akun


def keluar() -> None:
    st.session_state.pop("sesi_akun", None)




def konteks() -> KonteksHalaman:
    """The context the sidebar built for this run (app.py sets it before the page runs)."""
    return st.session_state["konteks"]
