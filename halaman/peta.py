"""Peta: every village coloured by a measure; click one (or find it by name) to read its story."""

from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from data_access import cache
from data_access.peta import nilai_ukuran
from domain import format as fmt
from domain import grafik
from domain.desa_sadar import label_status
from domain.suppresi import kecil, label_tersembunyi, nilai_publik, tampil_hitungan
from domain.teks import t
from halaman import komponen
from geo import peta as gp

k = st.session_state["konteks"]
bahasa, hari_ini = k["bahasa"], k["hari_ini"]
app = cache.aplikasi()
batas = app.batas
# The map is public: small counts hidden, except for leadership and admins.
ambang = k["ambang"]  # decided for this viewer by the router: 1 shows every count
kode_desa_semua = set(batas.desa["kode"])


def _pilih_desa(kode: str) -> None:
    # Runs in a callback, before the sidebar is drawn again: the bound filters (and so the URL)
    # follow the village chosen on the map or by name.
    st.session_state["kec"] = kode[:8]
    st.session_state["desa"] = kode


def _saat_klik() -> None:
    fitur = (st.session_state.get("peta") or {}).get("last_active_drawing") or {}
    kode = (fitur.get("properties") or {}).get("kode")
    if kode in kode_desa_semua:
        _pilih_desa(kode)


def _saat_cari() -> None:
    teks = st.session_state.get("cari_desa", "")
    if not teks.strip():
        return
    hasil = cache.gazetteer().cari(teks)
    st.session_state["pesan_cari"] = None if hasil.kode else hasil.pesan
    if hasil.kode:
        _pilih_desa(hasil.kode)


st.title(f"{t('peta', bahasa)} · {fmt.aman_markdown(k['nama_wilayah'])}")
info = cache.info_dataset()
demo = info.get("sumber") == "demo"
kiri, kanan = st.columns([3, 2])
ukuran_kunci = kiri.segmented_control(
    t("ukuran_peta", bahasa), list(gp.UKURAN), key="ukuran", bind="query-params", default="cakupan",
    format_func=lambda u: gp.UKURAN[u].label, required=True)
kanan.text_input(t("cari_desa", bahasa), key="cari_desa", on_change=_saat_cari, help=t("cari_bantuan", bahasa),
                 placeholder="ketanon ageng")
if st.session_state.get("pesan_cari"):
    kanan.warning(st.session_state["pesan_cari"])
catatan = ([f"**{t('label_demo', bahasa)}**"] if demo else []) + ([t("tersembunyi", bahasa, k=str(ambang))]
                                                                  if ambang > 1 else [])
if catatan:
    st.caption(" · ".join(catatan))

ukuran = gp.UKURAN[ukuran_kunci or "cakupan"]
desa = cache.nilai_desa(batas.kode_kab, k["periode"], hari_ini, k["program"], k["segmen"])
nilai = nilai_ukuran(desa, ukuran.kunci, ambang)
kelas = gp.kelas_untuk(ukuran, nilai["nilai"])
kegiatan = cache.kegiatan_periode(batas.kode_kab, k["periode"], hari_ini)

peta = gp.peta_dasar(batas.kabupaten_web, batas.kecamatan_web, cache.aset_peta(),
                     app.pengaturan.tile_url, app.pengaturan.tile_atribusi)
lapisan = gp.lapisan_desa(batas.fitur_web, nilai, ukuran, kelas, kegiatan, ambang)
# streamlit-folium re-applies center and zoom on every render: send them only when the chosen region
# changes, so a measure or period change leaves the view the user zoomed to.
pusat, zoom = None, None
wilayah_lalu = st.session_state.get("peta_wilayah", batas.kode_kab)  # the base map frames the regency
if wilayah_lalu != k["kode_wilayah"]:
    lapisan_kotak = batas.desa_web if len(k["kode_wilayah"]) == 13 else batas.kecamatan_web
    kotak = gp.kotak_wilayah(lapisan_kotak, k["kode_wilayah"]) or gp.kotak_wilayah(batas.kabupaten_web, batas.kode_kab)
    pusat, zoom = gp.pusat_dan_zoom(kotak)
st.session_state["peta_wilayah"] = k["kode_wilayah"]

kolom_peta, kolom_panel = st.columns([3, 2])
with kolom_peta:
    st_folium(peta, feature_group_to_add=lapisan, center=pusat, zoom=zoom, key="peta", on_change=_saat_klik,
              returned_objects=["last_active_drawing"], height=gp.TINGGI_PETA, use_container_width=True)
with kolom_panel:
    st.html(gp.legenda_html(ukuran, kelas, ambang))
    st.divider()
    if len(k["kode_wilayah"]) != 13:
        st.info(t("pilih_desa_di_peta", bahasa), icon=":material/touch_app:")
        st.stop()
    cerita = cache.cerita_desa(k["kode_wilayah"], k["periode"], hari_ini, k["program"], k["segmen"])
    st.subheader(f"{fmt.aman_markdown(cerita.nama)} · Kec. {fmt.aman_markdown(cerita.nama_kec)}")
    angka = cerita.ringkasan.angka
    def tampil(n: int | None) -> str:
        return tampil_hitungan(n, ambang)

    bpu_kecil = kecil(angka.bpu_aktif_jkk_jkm, ambang)
    a, b, c = st.columns(3)
    a.metric(t("peserta_aktif", bahasa), tampil(angka.peserta_aktif))
    b.metric(t("cakupan_bpu", bahasa), label_tersembunyi(ambang) if bpu_kecil else fmt.persen(angka.cakupan_bpu, 2))
    capaian = desa.loc[cerita.kode, "capaian_target_persen"]
    c.metric(t("capaian_target", bahasa) + " BPU",
             label_tersembunyi(ambang) if bpu_kecil else fmt.persen(None if pd.isna(capaian) else capaian))
    per_program = cerita.ringkasan.per_program
    aman, _ = nilai_publik(per_program["peserta_aktif"].tolist(), per_program["peserta_aktif"].tolist(), ambang)
    per_program = per_program.assign(peserta_aktif=aman).dropna()
    if not per_program.empty:
        st.altair_chart(grafik.batang(per_program, "program", "peserta_aktif", bahasa,
                                      t("label_demo", bahasa) if demo else None), width="stretch")
    st.markdown(f"**{t('riwayat_status', bahasa)}**")
    if cerita.status.empty:
        st.caption(t("belum_desa_sadar", bahasa))
    else:
        komponen.tabel({t("kolom_tanggal", bahasa): [fmt.tanggal(d, bahasa) for d in cerita.status["tanggal"]],
                        t("kolom_status", bahasa): [label_status(x, bahasa) for x in cerita.status["status"]],
                        t("kolom_catatan", bahasa): cerita.status["catatan"]}, f"status_{cerita.kode}", bahasa)
    st.markdown(f"**{t('kegiatan_di_desa', bahasa)}**")
    if cerita.kegiatan.empty:
        st.caption(t("belum_ada_kegiatan", bahasa))
    else:
        komponen.tabel({t("kolom_kegiatan", bahasa): cerita.kegiatan["nama"],
                        t("kolom_tanggal", bahasa): [fmt.tanggal(d, bahasa) for d in cerita.kegiatan["tanggal_mulai"]],
                        t("kolom_hadir", bahasa): cerita.kegiatan["jumlah_hadir"].map(fmt.angka),
                        t("kolom_pendaftar", bahasa): cerita.kegiatan["pendaftar"].map(tampil)},
                       f"kegiatan_{cerita.kode}", bahasa, catatan=t("label_demo", bahasa) if demo else None)
    st.markdown(f"[{t('tautan_desa', bahasa)}](peta?{urlencode(st.query_params.to_dict())})")
