"""Peta provinsi: every regency, kecamatan or village of the province coloured by a measure; click to drill down."""

import hashlib

import streamlit as st

from layanan import cache
from domain.saringan import Saringan
from layanan.sesi import konteks
from layanan.sisi import tautan_sebahasa
from tampilan import format as fmt
from tampilan.teks import t
from geo import peta as gp
from geo.provinsi import TINGKAT, kode_fokus, nama_provinsi, warna_dan_teks
from halaman import komponen

k = konteks()
s, bahasa, ambang = k.s, k.bahasa, k.ambang
app = cache.aplikasi()
kode_prov = app.batas.kode_kab[:2]
TURUN = {"kabupaten": "kecamatan", "kecamatan": "desa"}


def _saat_klik() -> None:
    # A click drills down one level, framed on what was clicked; a village click only frames it.
    kode = (st.session_state.get("peta_prov") or {}).get("kode")
    tingkat = st.session_state.get("tingkat", "kabupaten")
    if kode:
        st.session_state["fokus"] = kode
        st.session_state["tingkat"] = TURUN.get(tingkat, tingkat)


def _ke_provinsi() -> None:
    st.session_state["fokus"] = ""
    st.session_state["tingkat"] = "kabupaten"


st.title(f"{t('peta_provinsi', bahasa)} · {fmt.aman_markdown(nama_provinsi(kode_prov))}")
info = cache.info_dataset()
kiri, tengah, kanan = st.columns([2, 3, 1], vertical_alignment="bottom")
tautan_sebahasa("tingkat", TINGKAT, lambda x, b: t(f"tingkat_{x}", b), bahasa)
tautan_sebahasa("ukuran_prov", gp.UKURAN, lambda u, b: gp.UKURAN[u].judul(b), bahasa)
tingkat = kiri.segmented_control(t("tingkat_peta", bahasa), list(TINGKAT), key="tingkat", bind="query-params",
                                 # Once a click has set the level, a default as well would be a second
                                 # source of truth (Streamlit warns); the key alone decides the widget.
                                 default=None if "tingkat" in st.session_state else "kabupaten", required=True,
                                 format_func=lambda x: t(f"tingkat_{x}", bahasa))
ukuran_kunci = tengah.segmented_control(
    t("ukuran_peta", bahasa), [u for u in gp.UKURAN if u != "target" and u not in gp.UKURAN_IURAN], key="ukuran_prov", bind="query-params",
    default=None if "ukuran_prov" in st.session_state else "aktif", required=True,
    format_func=lambda u: gp.UKURAN[u].judul(bahasa))
if "fokus" not in st.session_state:  # a shared link reopens the region it was framed on
    st.session_state["fokus"] = kode_fokus(st.query_params.get("fokus", ""))
fokus = st.session_state["fokus"]
if fokus:
    st.query_params["fokus"] = fokus
else:
    st.query_params.pop("fokus", None)
kanan.button(t("kembali_ke_provinsi", bahasa), on_click=_ke_provinsi, icon=":material/zoom_out_map:",
             disabled=not fokus)
st.caption(" · ".join(([f"**{t('label_demo', bahasa)}**"] if info.get("sumber") == "demo" else [])
                      + [t("klik_untuk_turun", bahasa)]
                      + ([t("tersembunyi", bahasa, k=str(ambang))] if ambang > 1 else [])))

tingkat = tingkat or "kabupaten"
ukuran = gp.UKURAN[ukuran_kunci or "aktif"]
url = cache.peta_provinsi(kode_prov)[tingkat]
nilai = cache.nilai_provinsi(Saringan(kode_prov, s.periode, s.program, s.segmen), tingkat, ukuran.kunci,
                                          ambang)
kelas = gp.kelas_untuk(ukuran, nilai["nilai"])
warna, teks = warna_dan_teks(nilai, ukuran, kelas, ambang)
aset = cache.aset_peta()
versi = hashlib.sha1(repr((url, ukuran.kunci, s.periode, s.program, s.segmen, fokus, ambang)).encode()).hexdigest()[:10]

kolom_peta, kolom_legenda = st.columns([4, 1])
with kolom_peta:
    komponen.peta_provinsi(
        key="peta_prov", on_change=_saat_klik, url=url, warna=warna, teks=teks, judul=ukuran.judul(bahasa),
        fokus=fokus or None, tinggi=gp.TINGGI_PETA, versi=versi, latar=gp.LATAR_PETA,
        tanpa_data=gp.WARNA_TANPA_DATA, teks_tanpa_data=t("tidak_ada_data", bahasa), garis="#ffffff",
        tebal_garis=0.4 if tingkat == "desa" else 0.8, aset={"js": aset["js"][0][1], "css": aset["css"][0][1]})
with kolom_legenda:
    st.html(gp.legenda_html(ukuran, kelas, ambang, ada_status=False, bahasa=bahasa))
    wilayah_data = cache.daftar_wilayah(kode_prov)  # every village the database holds in the province
    st.caption(t("data_hanya_untuk", bahasa, n=fmt.angka(int((wilayah_data["tingkat"] == "desa").sum()))))

# The map's numbers as a table, highest first, with what the map hides hidden here too.
urut = nilai.sort_values("nilai", ascending=False, na_position="last")
urut = urut[urut["nilai"].notna() | urut["tersembunyi"]]
if not urut.empty:
    st.subheader(t(f"tingkat_{tingkat}", bahasa))
    komponen.tabel({t("kolom_wilayah", bahasa): urut["nama"].fillna("").tolist(), t("kolom_kode", bahasa): list(urut.index),
                    ukuran.judul(bahasa): [teks.get(kode, "") for kode in urut.index]},
                   f"provinsi_{kode_prov}_{tingkat}_{ukuran.kunci}", bahasa,
                   catatan=t("label_demo", bahasa) if info.get("sumber") == "demo" else None)
