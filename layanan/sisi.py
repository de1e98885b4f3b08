"""The sidebar every page shares: the language switch, signing in and out, and the dashboard filters.
It builds the page context (tampilan.konteks.KonteksHalaman) once per run; pages only read it."""

from __future__ import annotations

import html
from datetime import date

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

import streamlit as st

from domain.periode import (BANDING, TAHUN_AWAL_KAMPANYE, Periode, kunci_rentang, periode_dari_kunci,
                            pilihan_periode)
from domain.peran import LABEL as LABEL_PERAN
from domain.peran import Peran
from domain.peran import tanpa_suppresi as tanpa_suppresi_peran
from domain.program import Program, Segmen
from domain.saringan import Saringan
from layanan import cache, sesi
from tampilan import format as fmt
from tampilan.format import label_periode
from tampilan.konteks import KonteksHalaman
from tampilan.teks import BAHASA, t


def tautan_sebahasa(kunci: str, pilihan: Iterable[Any], label: Callable[[Any, str], str], bahasa: str,
                    banyak: bool = False) -> None:
    """A widget bound to the URL writes its label there, in the language of whoever chose it. Before
    the widget is drawn, a label in the other language (or the bare option) is taken as the choice it
    names and written back in this viewer's, so a link shared between an Indonesian and an English
    reader reopens the same choice. A multi-choice widget (`banyak`) holds a list."""
    nilai = st.query_params.get_all(kunci)
    dikenal: dict[str, Any] = {}
    for p in pilihan:
        dikenal.setdefault(str(p), p)
        dikenal.update({label(p, b): p for b in BAHASA})
    if not nilai or not all(v in dikenal for v in nilai):
        return  # nothing to carry over, or an unknown value the widget itself falls back from
    baru = [label(dikenal[v], bahasa) for v in nilai]
    if baru != nilai:
        pilih = [dikenal[v] for v in nilai]
        st.session_state[kunci] = pilih if banyak else pilih[0]
        st.query_params[kunci] = baru if banyak else baru[0]


def tab_sebahasa(kunci: str, bagian: list[str], bahasa: str) -> None:
    """Tabs keep the open one by its label; before they are drawn, a label in the other language
    (the viewer has just switched) is taken as the tab it names, so switching the language keeps the
    same section open. `bagian`: the tabs' text keys (tampilan.teks)."""
    kini = st.session_state.get(kunci)
    for b in bagian:
        if kini in {t(b, lain) for lain in BAHASA} and kini != t(b, bahasa):
            st.session_state[kunci] = t(b, bahasa)


def pilih_bahasa() -> str:
    return st.sidebar.radio(
        "Bahasa / Language", ["id", "en"], key="bahasa", bind="query-params", horizontal=True,
        format_func=lambda b: {"id": "Indonesia", "en": "English"}[b],
    )


def _pengguna() -> str:
    """Who the import log and the sidebar name: the signed-in account, or nobody."""
    if akun := sesi.akun_masuk():
        return akun.nama
    if sesi.login_oidc_diatur() and st.user.is_logged_in:
        return str(st.user.get("email", ""))
    return TANPA_AKUN


TANPA_AKUN = "tanpa akun"


GAYA_TAUTAN = ("display:inline-block;padding:.45rem .9rem;border-radius:.5rem;background:#0b6e4f;color:#fff;"
               "text-decoration:none;font-weight:600")  # tampilan.grafik.WARNA_UTAMA, as a button


def tautan_sendiri(label: str, alamat: str) -> None:
    """A link that opens in this tab (Streamlit's own links open a new one; the sign-in page must
    come back here). `alamat` is built by us and percent-encoded; escaped all the same."""
    st.markdown(f'<a href="{html.escape(alamat)}" target="_self" style="{GAYA_TAUTAN}">{html.escape(label)}</a>',
                unsafe_allow_html=True)


def kotak_masuk(k: KonteksHalaman, url_path: str) -> None:
    """The sidebar's sign-in line: who is signed in and a sign-out button, or the link to the
    sign-in page that comes back to this page with its query string."""
    bahasa = k.bahasa
    with st.sidebar:
        if pesan := st.session_state.pop("pesan_masuk", None):
            st.info(t(pesan, bahasa))
        if k.pengguna != TANPA_AKUN:
            st.caption(t("masuk_sebagai", bahasa, nama=fmt.aman_markdown(k.pengguna), peran=LABEL_PERAN[k.peran]))
            if st.button(t("keluar", bahasa)):
                if sesi.akun_masuk():
                    sesi.keluar()
                    st.rerun()
                st.logout()
        elif sesi.akun_terdaftar() or sesi.login_oidc_diatur():
            if sesi.akun_terdaftar():
                tautan_sendiri(t("masuk_petugas", bahasa), sesi.alamat_masuk(url_path, bahasa))
            if sesi.login_oidc_diatur() and st.button(t("masuk_oidc", bahasa)):
                st.login()
        else:
            st.caption(t("tanpa_akun_demo" if k.peran == Peran.ADMIN else "tanpa_akun_nyata", bahasa))


def konteks_dasar(bahasa: str) -> KonteksHalaman:
    """Who is looking and with what threshold. Small counts are shown only to
    leadership and admins who signed in: the no-accounts demo mode opens every page but keeps the
    public views as the public will see them, and the projector screen is public whoever opens it."""
    app = cache.aplikasi()
    peran = sesi.peran_sesi()
    pengguna = _pengguna()
    ambang_publik = app.pengaturan.k_suppresi
    ambang = 1 if tanpa_suppresi_peran(peran) and pengguna != TANPA_AKUN else ambang_publik
    return KonteksHalaman(bahasa=bahasa, peran=peran, ambang=ambang, ambang_publik=ambang_publik, pengguna=pengguna,
                          hari_ini=app.pengaturan.hari_ini(), kode_kab=app.batas.kode_kab)


RENTANG = "rentang"  # the period choice that opens the date-range picker


def _periode(bahasa: str, hari_ini: date) -> Periode:
    """The period: a preset, or a custom range picked from a calendar. Both live in the URL
    (periode=…, and rentang=2026-03-01&rentang=2026-05-15 for a range)."""
    pilihan = [*pilihan_periode(hari_ini), RENTANG]

    def label(kunci: str, b: str) -> str:
        return t("rentang_sendiri", b) if kunci == RENTANG else label_periode(kunci, hari_ini, b)

    tautan_sebahasa("periode", pilihan, label, bahasa)
    kunci = st.sidebar.selectbox(t("periode", bahasa), pilihan, key="periode", bind="query-params",
                                 format_func=lambda k: label(k, bahasa))
    if kunci != RENTANG:
        return periode_dari_kunci(kunci, hari_ini)
    # A fixed default (this year to today): a shared link keeps its range unless it equals the default.
    rentang = st.sidebar.date_input(t("rentang_tanggal", bahasa), (date(hari_ini.year, 1, 1), hari_ini),
                                    min_value=date(TAHUN_AWAL_KAMPANYE, 1, 1), max_value=hari_ini, key=RENTANG,
                                    bind="query-params", format="DD/MM/YYYY")
    if len(rentang) < 2:  # the first day is picked, the last not yet: show that day alone meanwhile
        st.sidebar.caption(t("rentang_belum_lengkap", bahasa))
        rentang = (rentang[0], rentang[0]) if rentang else (date(hari_ini.year, 1, 1), hari_ini)
    return periode_dari_kunci(kunci_rentang(*rentang), hari_ini)


def saringan(k: KonteksHalaman) -> KonteksHalaman:
    """The dashboard filters, bound to the URL so a shared link reopens the same view."""
    app = cache.aplikasi()
    bahasa, hari_ini = k.bahasa, k.hari_ini
    wilayah = cache.daftar_wilayah(app.batas.kode_kab)
    kecamatan = wilayah[wilayah["tingkat"] == "kecamatan"]
    nama = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))

    st.sidebar.header(t("saringan", bahasa))
    periode = _periode(bahasa, hari_ini)
    tautan_sebahasa("pembanding", BANDING, lambda b, bb: t(f"banding_{b}", bb), bahasa)
    banding = st.sidebar.radio(
        t("pembanding", bahasa), list(BANDING), key="pembanding", bind="query-params",
        format_func=lambda b: t(f"banding_{b}", bahasa),
    )
    kode_kec = st.sidebar.selectbox(
        t("kecamatan", bahasa), ["", *kecamatan["kode"]], key="kec", bind="query-params",
        format_func=lambda kode: nama.get(kode, t("semua_kecamatan", bahasa)),
    )
    desa = (wilayah[(wilayah["tingkat"] == "desa") & (wilayah["kode_induk"] == kode_kec)] if kode_kec
            else wilayah.iloc[0:0])
    kode_desa = st.sidebar.selectbox(
        t("desa", bahasa), ["", *desa["kode"]], key="desa", bind="query-params", disabled=not kode_kec,
        format_func=lambda kode: nama.get(kode, t("semua_desa", bahasa)),
    )
    program = st.sidebar.selectbox(
        t("program", bahasa), ["", *[p.value for p in Program]], key="program", bind="query-params",
        format_func=lambda p: p or t("semua_program", bahasa),
    )
    segmen = st.sidebar.selectbox(
        t("segmen", bahasa), ["", *[s.value for s in Segmen]], key="segmen", bind="query-params",
        format_func=lambda s: s or t("semua_segmen", bahasa),
    )
    st.sidebar.caption(t("tautan", bahasa))
    s = Saringan(kode_desa or kode_kec or app.batas.kode_kab, periode, program or None, segmen or None, banding)
    return replace(k, saringan=s, nama_wilayah=nama.get(kode_desa) or nama.get(kode_kec) or app.batas.nama_kab)
