"""What a page's address shows to someone whose role may not open it (a shared link, a reload after
signing out, a bookmark): why, and the way in, instead of Streamlit's "Page not found"."""

from collections.abc import Callable

import streamlit as st

from domain.peran import LABEL as LABEL_PERAN
from layanan import sesi, sisi
from tampilan.teks import JUDUL_HALAMAN, t


def halaman_untuk(kunci: str) -> Callable[[], None]:
    def tampilkan() -> None:
        k = sesi.konteks()
        bahasa, nama = k.bahasa, t(JUDUL_HALAMAN[kunci], k.bahasa)
        st.title(nama)
        ada_akun, oidc = bool(sesi.akun_terdaftar()), sesi.login_oidc_diatur()
        if k.pengguna != sisi.TANPA_AKUN:
            st.warning(t("peran_kurang", bahasa, nama=k.pengguna, peran=LABEL_PERAN[k.peran], halaman=nama))
        elif ada_akun or oidc:
            st.info(t("perlu_masuk", bahasa, halaman=nama))
        else:
            st.info(t("tertutup_data_nyata", bahasa, halaman=nama))
        if ada_akun:
            label = t("masuk_akun_lain" if k.pengguna != sisi.TANPA_AKUN else "masuk_petugas", bahasa)
            sisi.tautan_sendiri(label, sesi.alamat_masuk(kunci, bahasa))
        if oidc and k.pengguna == sisi.TANPA_AKUN and st.button(t("masuk_oidc", bahasa)):
            st.login()

    tampilkan.__name__ = f"perlu_masuk_{kunci.replace('-', '_')}"
    return tampilkan
