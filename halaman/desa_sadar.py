"""Desa Sadar: each village's status and history, and a readiness checklist computed from data."""

import functools
from datetime import date

import pandas as pd
import streamlit as st

from layanan import cache
from layanan.sesi import konteks
from data_access.desa_sadar import CatatanDitolak
from tampilan import format as fmt
from domain.desa_sadar import URUTAN_STATUS, DataKesiapan, label_status, periksa_kesiapan, siap
from tampilan.teks import t
from halaman import komponen

k = konteks()
bahasa, hari_ini = k.bahasa, k.hari_ini
demo = cache.info_dataset().get("sumber") == "demo"
ambang = cache.ambang_kesiapan()

st.title(f"{t('desa_sadar_menu', bahasa)} · {fmt.aman_markdown(k.nama_wilayah)}")
st.caption(t("status_per", bahasa, tanggal=fmt.tanggal(hari_ini, bahasa))
           + (f" · **{t('label_demo', bahasa)}**" if demo else ""))

with st.container(border=True):
    st.markdown(f"**{t('syarat_kesiapan', bahasa)}**\n"
                f"1. {t('syarat_perangkat', bahasa, p=fmt.persen(ambang.perangkat, 0))}\n"
                f"2. {t('syarat_mou', bahasa)}\n"
                f"3. {t('syarat_cakupan', bahasa, p=fmt.persen(ambang.cakupan_bpu, 0))}")
    st.caption(t("syarat_sumber", bahasa))

if pesan := st.session_state.pop("pesan_desa_sadar", None):
    st.success(pesan, icon=":material/check_circle:")
semua = st.toggle(t("tampilkan_semua_desa", bahasa), key="semua_desa")
desa = cache.status_desa(k.s.kode_wilayah, hari_ini, semua)


def _kesiapan(baris) -> list:
    return periksa_kesiapan(DataKesiapan(
        perangkat_aktif=int(baris.perangkat_aktif),
        perangkat_desa=None if pd.isna(baris.perangkat_desa) else int(baris.perangkat_desa),
        tanggal_mou=None if pd.isna(baris.tanggal_mou) else pd.Timestamp(baris.tanggal_mou).date(),
        bpu_aktif=int(baris.bpu_aktif),
        pekerja_informal=None if pd.isna(baris.pekerja_informal) else int(baris.pekerja_informal)), ambang)


def _tanda(terpenuhi: bool | None) -> str:
    # Plain marks every font has: a projector laptop offline may have no colour-emoji font.
    return {True: "✓", False: "✗", None: "?"}[terpenuhi]


def _tanda_warna(terpenuhi: bool | None) -> str:
    warna = {True: "green", False: "red", None: "orange"}[terpenuhi]
    return f":{warna}[**{_tanda(terpenuhi)}**]"


if desa.empty:
    st.info(t("tidak_ada_desa_sadar", bahasa), icon=":material/search_off:")
    st.stop()

butir = {b.kode: _kesiapan(b) for b in desa.itertuples(index=False)}
desa["siap"] = [siap(butir[kode]) for kode in desa["kode"]]
kolom = st.columns(4)
for kol, status in zip(kolom, URUTAN_STATUS, strict=False):
    kol.metric(label_status(status, bahasa), fmt.angka(int((desa["status"] == status).sum())))
kolom[3].metric(t("siap_ditetapkan", bahasa),
                fmt.angka(int((desa["siap"] & (desa["status"] != "ditetapkan")).sum())), help=t("siap_bantuan", bahasa))


def semua_desa() -> None:
    komponen.tabel({
        t("kolom_desa", bahasa): desa["nama"],
        t("kecamatan", bahasa): desa["kecamatan"],
        t("kolom_status", bahasa): [label_status(s, bahasa) for s in desa["status"].where(desa["status"].notna(), None)],
        t("kolom_sejak", bahasa): [fmt.tanggal(pd.Timestamp(d).date(), bahasa) if pd.notna(d) else "–"
                                   for d in desa["tanggal_status"]],
        t("kolom_perangkat", bahasa): [
            f"{fmt.angka(a)} / {fmt.angka(None if pd.isna(n) else int(n))}" for a, n in zip(
                desa["perangkat_aktif"], desa["perangkat_desa"], strict=True)],
        t("kolom_mou", bahasa): [fmt.tanggal(pd.Timestamp(d).date(), bahasa) if pd.notna(d) else t("belum", bahasa)
                                 for d in desa["tanggal_mou"]],
        t("kolom_cakupan", bahasa): [fmt.persen(butir[kode][2].nilai, 2) for kode in desa["kode"]],
        t("kolom_siap", bahasa): [" ".join(_tanda(b.terpenuhi) for b in butir[kode]) for kode in desa["kode"]],
    }, "desa_sadar", bahasa, catatan=t("label_demo", bahasa) if demo else None)
    if demo:
        st.caption(t("label_demo", bahasa))


def _simpan(aksi) -> None:
    try:
        aksi()
    except CatatanDitolak as e:
        st.error(str(e), icon=":material/error:")
    else:
        # Rerun so the table and checklist above show the new entry; the message waits for it.
        st.session_state["pesan_desa_sadar"] = t("catatan_tersimpan", bahasa)
        st.rerun()


def rincian_desa(kode: str) -> None:
    baris = desa[desa["kode"] == kode].iloc[0]
    st.header(fmt.aman_markdown(str(baris["nama"])))

    kiri, kanan = st.columns(2)
    with kiri:
        st.subheader(t("daftar_periksa", bahasa))
        b_perangkat, b_mou, b_cakupan = butir[kode]
        perangkat_desa = None if pd.isna(baris["perangkat_desa"]) else int(baris["perangkat_desa"])
        st.markdown(
            f"{_tanda_warna(b_perangkat.terpenuhi)} {t('syarat_perangkat', bahasa, p=fmt.persen(ambang.perangkat, 0))}: "
            f"**{fmt.angka(int(baris['perangkat_aktif']))} / {fmt.angka(perangkat_desa)}** "
            f"({fmt.persen(b_perangkat.nilai) if b_perangkat.nilai is not None else t('tanpa_data', bahasa)})\n\n"
            f"{_tanda_warna(b_mou.terpenuhi)} {t('syarat_mou', bahasa)}: **"
            + (fmt.tanggal(pd.Timestamp(baris["tanggal_mou"]).date(), bahasa) if pd.notna(baris["tanggal_mou"])
               else t("belum", bahasa)) + "**\n\n"
            f"{_tanda_warna(b_cakupan.terpenuhi)} {t('syarat_cakupan', bahasa, p=fmt.persen(ambang.cakupan_bpu, 0))}: "
            f"**{fmt.persen(b_cakupan.nilai, 2) if b_cakupan.nilai is not None else t('tanpa_data', bahasa)}**")
        if siap(butir[kode]) and baris["status"] != "ditetapkan":
            st.success(t("siap_ditetapkan", bahasa), icon=":material/verified:")
    with kanan:
        riwayat, mou = cache.riwayat_desa(kode)
        st.subheader(t("riwayat_status", bahasa))
        if riwayat.empty:
            st.caption(t("belum_desa_sadar", bahasa))
        else:
            komponen.tabel({
                t("kolom_tanggal", bahasa): [fmt.tanggal(pd.Timestamp(d).date(), bahasa) for d in riwayat["tanggal"]],
                t("kolom_status", bahasa): [label_status(s, bahasa) for s in riwayat["status"]],
                t("kolom_catatan", bahasa): riwayat["catatan"].fillna(""),
            }, f"riwayat_status_{kode}", bahasa)
        st.subheader(t("riwayat_mou", bahasa))
        if mou.empty:
            st.caption(t("belum_mou", bahasa))
        else:
            komponen.tabel({
                t("kolom_tanggal", bahasa): [fmt.tanggal(pd.Timestamp(d).date(), bahasa) for d in mou["tanggal"]],
                t("nomor_mou", bahasa): mou["nomor"].fillna(""),
                t("kolom_catatan", bahasa): mou["catatan"].fillna(""),
            }, f"mou_{kode}", bahasa)

    kiri, kanan = st.columns(2)
    # Each form is built only while its section is open (on_change="rerun"), as on Kegiatan.
    with kiri.expander(t("tambah_status", bahasa), key="buka_status_baru", on_change="rerun") as bagian:
        if bagian.open:
            with st.form("status_baru", clear_on_submit=True):
                st.caption(t("petugas_saja", bahasa))
                status_baru = st.selectbox(t("kolom_status", bahasa), URUTAN_STATUS,
                                           format_func=lambda s: label_status(s, bahasa))
                tanggal_status = st.date_input(t("kolom_tanggal", bahasa), value=hari_ini, format="DD/MM/YYYY")
                catatan_status = st.text_input(t("kolom_catatan", bahasa), max_chars=500)
                if st.form_submit_button(t("simpan_catatan", bahasa), type="primary"):
                    _simpan(lambda: cache.catat_status(kode, status_baru, tanggal_status if isinstance(tanggal_status, date)
                                                       else hari_ini, catatan_status, hari_ini))
    with kanan.expander(t("catat_mou", bahasa), key="buka_mou_baru", on_change="rerun") as bagian:
        if bagian.open:
            with st.form("mou_baru", clear_on_submit=True):
                st.caption(t("petugas_saja", bahasa))
                tanggal_mou = st.date_input(t("kolom_tanggal", bahasa), value=hari_ini, format="DD/MM/YYYY")
                nomor_mou = st.text_input(t("nomor_mou", bahasa), max_chars=80)
                catatan_mou = st.text_input(t("kolom_catatan", bahasa), max_chars=500, key="catatan_mou")
                if st.form_submit_button(t("simpan_catatan", bahasa), type="primary"):
                    _simpan(lambda: cache.catat_mou(kode, tanggal_mou if isinstance(tanggal_mou, date) else hari_ini,
                                                    nomor_mou, catatan_mou, hari_ini))


# One section at a time, only the open tab drawn (as on Kegiatan): the table of villages, or one
# village's checklist, history and entry forms. Choosing a village opens its tab; a sidebar filter
# on one village opens on it.
TAB = ("tab_desa_sadar_semua", "tab_desa_sadar_rincian")
nama = dict(zip(desa["kode"], desa["nama"] + " (" + desa["kecamatan"] + ")", strict=True))
disaring = k.s.kode_wilayah in nama  # the sidebar names one of these villages
kode = st.selectbox(t("lihat_desa", bahasa), list(nama), index=list(nama).index(k.s.kode_wilayah) if disaring else 0,
                    format_func=nama.get, on_change=lambda: st.session_state.update(tab_desa_sadar=t(TAB[1], bahasa)))
komponen.tab_satu_per_satu("tab_desa_sadar", {TAB[0]: semua_desa, TAB[1]: functools.partial(rincian_desa, kode)},
                           bahasa, awal=TAB[1] if disaring else TAB[0])
