"""Streamlit caches around data_access, for the pages (the only module here that imports Streamlit).

Resources (settings, engine, boundaries) live once per process; query results are cached by their
plain arguments for a short time, so a filter change that repeats a view costs nothing and new
registrations still appear within a minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa
import streamlit as st

from data_access import layar, pendaftaran, peta, ringkasan
from data_access.aset import siapkan_aset_peta
from data_access.batas import BatasWilayah, muat_batas
from data_access.config import Pengaturan, muat_pengaturan
from data_access.db import buat_engine, siapkan_database
from data_access.demo import isi_demo, sumber_data
from domain.pendaftaran import Pendaftaran
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan
from geo.gazetteer import Gazetteer

UMUR_CACHE_DETIK = 60


@dataclass(frozen=True)
class Aplikasi:
    pengaturan: Pengaturan
    engine: sa.Engine
    batas: BatasWilayah


@st.cache_resource(show_spinner="Menyiapkan database dan batas wilayah…")
def aplikasi() -> Aplikasi:
    """Open and migrate the database, load boundaries and, on an empty database, create demo data."""
    pengaturan = muat_pengaturan()
    batas = muat_batas(pengaturan.folder_batas, pengaturan.kode_kab)
    engine = buat_engine(pengaturan.url_database)
    siapkan_database(engine)
    if pengaturan.buat_demo and sumber_data(engine) is None:
        isi_demo(engine, batas, date.today())
    return Aplikasi(pengaturan, engine, batas)


def _saringan(kode: str, kunci_periode: str, hari_ini: date, program: str | None, segmen: str | None) -> Saringan:
    return Saringan(kode, periode_dari_kunci(kunci_periode, hari_ini), program or None, segmen or None)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def ringkasan_halaman(kode: str, periode: str, hari_ini: date, program: str | None,
                      segmen: str | None) -> ringkasan.RingkasanHalaman:
    return ringkasan.ringkasan_halaman(aplikasi().engine, _saringan(kode, periode, hari_ini, program, segmen))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def daftar_wilayah(kode_kab: str) -> pd.DataFrame:
    return ringkasan.daftar_wilayah(aplikasi().engine, kode_kab)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def info_dataset() -> dict[str, str]:
    return ringkasan.info_dataset(aplikasi().engine)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def tanggal_data() -> date | None:
    return ringkasan.tanggal_data(aplikasi().engine)


@st.cache_resource
def aset_peta() -> dict[str, list[tuple[str, str]]]:
    return siapkan_aset_peta()


@st.cache_resource
def gazetteer() -> Gazetteer:
    return Gazetteer(aplikasi().batas.desa)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def nilai_desa(kode: str, periode: str, hari_ini: date, program: str | None, segmen: str | None) -> pd.DataFrame:
    return peta.nilai_desa(aplikasi().engine, _saringan(kode, periode, hari_ini, program, segmen))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def cerita_desa(kode: str, periode: str, hari_ini: date, program: str | None,
                segmen: str | None) -> peta.CeritaDesa | None:
    return peta.cerita_desa(aplikasi().engine, kode, _saringan(kode, periode, hari_ini, program, segmen))


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def kegiatan_periode(kode: str, periode: str, hari_ini: date) -> pd.DataFrame:
    return peta.kegiatan_periode(aplikasi().engine, _saringan(kode, periode, hari_ini, None, None))


# The live screen refreshes every few seconds; a short shared cache lets several screens at one
# event cost one query per interval.
UMUR_CACHE_LAYAR_DETIK = 2


@st.cache_data(ttl=UMUR_CACHE_LAYAR_DETIK, show_spinner=False)
def angka_layar(kegiatan_id: int, hari_ini: date) -> layar.AngkaLayar | None:
    return layar.angka_layar(aplikasi().engine, kegiatan_id, hari_ini)


@st.cache_data(ttl=UMUR_CACHE_DETIK, show_spinner=False)
def daftar_kegiatan() -> pd.DataFrame:
    return layar.daftar_kegiatan(aplikasi().engine)


@st.cache_resource
def kunci_nik() -> bytes:
    return pendaftaran.kunci_rahasia(aplikasi().pengaturan)


def daftarkan(isian: Pendaftaran, hari_ini: date) -> int:
    """Save a registration (not cached), then let the live screen see it at its next refresh."""
    pid = pendaftaran.daftarkan(aplikasi().engine, isian, kunci_nik(), hari_ini)
    angka_layar.clear()
    return pid
