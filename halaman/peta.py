"""Peta: every village coloured by a measure; click one (or find it by name) to read its story."""

from urllib.parse import urlencode

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from domain.desa_sadar import label_status
from domain.saringan import Saringan
from layanan import cache
from layanan.sesi import konteks
from layanan.sisi import tautan_sebahasa
from tampilan import format as fmt
from tampilan import grafik
from tampilan.teks import t
from halaman import komponen
from geo import peta as gp
from geo import peta_folium as pf

k = konteks()
s, bahasa, ambang = k.s, k.bahasa, k.ambang
app = cache.aplikasi()
batas = app.batas
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
    st.session_state["pesan_cari"] = None if hasil.kode else hasil.pesan_dalam(bahasa)
    if hasil.kode:
        _pilih_desa(hasil.kode)


st.title(f"{t('peta', bahasa)} · {fmt.aman_markdown(k.nama_wilayah)}")
info = cache.info_dataset()
demo = info.get("sumber") == "demo"
kiri, kanan = st.columns([3, 2])
tautan_sebahasa("ukuran", gp.UKURAN, lambda u, b: gp.UKURAN[u].judul(b), bahasa)
ukuran_kunci = kiri.segmented_control(
    t("ukuran_peta", bahasa), list(gp.UKURAN), key="ukuran", bind="query-params",
    default=None if "ukuran" in st.session_state else "cakupan",
    format_func=lambda u: gp.UKURAN[u].judul(bahasa), required=True)
kanan.text_input(t("cari_desa", bahasa), key="cari_desa", on_change=_saat_cari, help=t("cari_bantuan", bahasa),
                 placeholder="ketanon ageng")
if st.session_state.get("pesan_cari"):
    kanan.warning(st.session_state["pesan_cari"])
catatan = ([f"**{t('label_demo', bahasa)}**"] if demo else []) + ([t("tersembunyi", bahasa, k=str(ambang))]
                                                                  if ambang > 1 else [])
if catatan:
    st.caption(" · ".join(catatan))

ukuran = gp.UKURAN[ukuran_kunci or "cakupan"]
# The whole regency is drawn whatever region the filter names; the region only frames the view.
seregensi = Saringan(batas.kode_kab, s.periode, s.program, s.segmen)
nilai = cache.nilai_desa(seregensi, ukuran.kunci, ambang)
kelas = gp.kelas_untuk(ukuran, nilai["nilai"])
kegiatan = cache.kegiatan_periode(seregensi)

geometri = cache.geometri_peta()
peta = pf.peta_dasar(batas.kabupaten_web, geometri, cache.aset_peta(), app.pengaturan.tile_url,
                     app.pengaturan.tile_atribusi)
lapisan = pf.lapisan_desa(batas.fitur_web, geometri["desa"], nilai, ukuran, kelas, kegiatan, ambang, bahasa)
# streamlit-folium re-applies center and zoom on every render: send them only when the chosen region
# changes, so a measure or period change leaves the view the user zoomed to.
pusat, zoom = None, None
wilayah_lalu = st.session_state.get("peta_wilayah", batas.kode_kab)  # the base map frames the regency
if wilayah_lalu != s.kode_wilayah:
    lapisan_kotak = batas.desa_web if len(s.kode_wilayah) == 13 else batas.kecamatan_web
    kotak = gp.kotak_wilayah(lapisan_kotak, s.kode_wilayah) or gp.kotak_wilayah(batas.kabupaten_web, batas.kode_kab)
    pusat, zoom = gp.pusat_dan_zoom(kotak)
st.session_state["peta_wilayah"] = s.kode_wilayah

kolom_peta, kolom_panel = st.columns([3, 2])
with kolom_peta:
    st_folium(peta, feature_group_to_add=lapisan, center=pusat, zoom=zoom, key="peta", on_change=_saat_klik,
              returned_objects=["last_active_drawing"], height=gp.TINGGI_PETA, use_container_width=True)
with kolom_panel:
    st.html(gp.legenda_html(ukuran, kelas, ambang, bahasa=bahasa))
    st.divider()
    if len(s.kode_wilayah) != 13:
        st.info(t("pilih_desa_di_peta", bahasa), icon=":material/touch_app:")
        st.stop()
    cerita, publik, kegiatan_desa = cache.cerita_desa(s, ambang)
    st.subheader(f"{fmt.aman_markdown(cerita.nama)} · {t('kec_singkat', bahasa)} {fmt.aman_markdown(cerita.nama_kec)}")
    angka = publik.angka
    a, b, c = st.columns(3)
    a.metric(t("peserta_aktif", bahasa), fmt.hitungan(angka.peserta_aktif, ambang))
    b.metric(t("cakupan_bpu", bahasa),
             fmt.TANDA_TERSEMBUNYI if angka.cakupan_tersembunyi else fmt.persen(angka.cakupan_bpu, 2))
    capaian = cache.nilai_desa(seregensi, "target", ambang).loc[cerita.kode]
    c.metric(t("capaian_target", bahasa) + " BPU", fmt.TANDA_TERSEMBUNYI if capaian["tersembunyi"]
             else fmt.persen(None if pd.isna(capaian["nilai"]) else capaian["nilai"]))
    per_program = publik.per_program
    if not per_program.empty:
        komponen.grafik(grafik.batang(per_program, "program", "peserta_aktif", bahasa,
                                      t("label_demo", bahasa) if demo else None))
    st.markdown(f"**{t('riwayat_status', bahasa)}**")
    if cerita.status.empty:
        st.caption(t("belum_desa_sadar", bahasa))
    else:
        komponen.tabel({t("kolom_tanggal", bahasa): [fmt.tanggal(d, bahasa) for d in cerita.status["tanggal"]],
                        t("kolom_status", bahasa): [label_status(x, bahasa) for x in cerita.status["status"]],
                        t("kolom_catatan", bahasa): cerita.status["catatan"]}, f"status_{cerita.kode}", bahasa)
    st.markdown(f"**{t('kegiatan_di_desa', bahasa)}**")
    if kegiatan_desa.empty:
        st.caption(t("belum_ada_kegiatan", bahasa))
    else:
        komponen.tabel({t("kolom_kegiatan", bahasa): kegiatan_desa["nama"],
                        t("kolom_tanggal", bahasa): [fmt.tanggal(d, bahasa) for d in kegiatan_desa["tanggal_mulai"]],
                        t("kolom_hadir", bahasa): [fmt.label_tersembunyi(ambang) if h else fmt.angka(n) for n, h in
                                                   zip(kegiatan_desa["jumlah_hadir"],
                                                       kegiatan_desa["jumlah_hadir_tersembunyi"], strict=True)],
                        t("kolom_pendaftar", bahasa): [fmt.label_tersembunyi(ambang) if pd.isna(n) else fmt.angka(n)
                                                       for n in kegiatan_desa["pendaftar"]]},
                       f"kegiatan_{cerita.kode}", bahasa, catatan=t("label_demo", bahasa) if demo else None)
    st.markdown(f"[{t('tautan_desa', bahasa)}](peta?{urlencode(st.query_params.to_dict())})")
