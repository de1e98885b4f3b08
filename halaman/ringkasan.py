"""Ringkasan: the overview a branch head opens before a briefing."""

import functools

import pandas as pd
import streamlit as st

from domain import kpi
from layanan import cache
from layanan.sesi import konteks
from tampilan import format as fmt
from tampilan import grafik
from tampilan.format import label_periode
from tampilan.pesan import bantuan_proyeksi, delta_metrik, judul_briefing, tabel_iuran, tabel_jalan
from tampilan.publik import meleset_target, target_sendiri
from tampilan.teks import t
from halaman import komponen

k = konteks()
s, bahasa, ambang = k.s, k.bahasa, k.ambang


def hitungan(n: int | None) -> str:
    return fmt.hitungan(n, ambang)


info = cache.info_dataset()
demo = info.get("sumber") == "demo"
label_demo = t("label_demo", bahasa) if demo else None
label = label_periode(s.periode.kunci, k.hari_ini, bahasa)
lalu = fmt.rentang_tanggal(s.pembanding.mulai, s.pembanding.selesai, bahasa)

st.title(f"{t('ringkasan', bahasa)} · {fmt.aman_markdown(k.nama_wilayah)}")
st.caption(f"{label} · {t('pembanding', bahasa)}: {lalu} · "
           f"{t('data_per', bahasa)} {fmt.tanggal(cache.tanggal_data(), bahasa)}"
           + (f" · **{label_demo}**" if demo else ""))
if demo:
    st.warning(t("penjelasan_demo", bahasa), icon=":material/science:")
argumen_briefing = (s, k.hari_ini, k.nama_wilayah, label, bahasa, ambang)
nama_berkas = judul_briefing(k.nama_wilayah, s.periode, bahasa)
with st.container(horizontal=True):
    st.download_button(
        t("unduh_briefing", bahasa), icon=":material/slideshow:", file_name=f"{nama_berkas}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        data=lambda: cache.deck_briefing(*argumen_briefing))
    st.download_button(t("unduh_briefing_pdf", bahasa), icon=":material/picture_as_pdf:", file_name=f"{nama_berkas}.pdf",
                       mime="application/pdf", data=lambda: cache.pdf_briefing(*argumen_briefing))

halaman = cache.ringkasan_halaman(s, ambang)
angka = halaman.angka
if angka.kosong:
    st.info(t("kosong", bahasa), icon=":material/search_off:")
    st.stop()

with st.container(border=True, key="pesan_kunci"):
    st.subheader(t("pesan_kunci", bahasa))
    ikon = {True: ":material/trending_up:", False: ":material/warning:"}
    # One Markdown element with a paragraph per message: each element is a render of its own in the browser.
    if pesan_kunci := cache.pesan_kunci(s, k.hari_ini, bahasa, ambang):
        st.markdown("\n\n".join(f"{ikon.get(p.baik, ':material/info:')} {fmt.aman_markdown(p.teks)}"
                                 for p in pesan_kunci))

kolom = st.columns(5)
a_awal = angka.perubahan_aktif
kolom[0].metric(t("peserta_aktif", bahasa), hitungan(angka.peserta_aktif),
                **delta_metrik(a_awal, persen=False),
                help=t("sejak_tanggal", bahasa, tanggal=fmt.tanggal(angka.awal, bahasa),
                       n=fmt.angka(a_awal.pembanding) if a_awal else fmt.TANDA_TERSEMBUNYI))
kolom[1].metric(t("pendaftaran_baru", bahasa), hitungan(angka.pendaftaran_baru),
                **delta_metrik(angka.perubahan_pendaftaran),
                help=t("dibanding_tanggal", bahasa, pembanding=lalu, n=hitungan(angka.pendaftaran_baru_sebelumnya)))
kolom[2].metric(t("cakupan_bpu", bahasa),
                fmt.TANDA_TERSEMBUNYI if angka.cakupan_tersembunyi else fmt.persen(angka.cakupan_bpu, 2),
                help=t("bantuan_cakupan", bahasa))
kolom[2].caption(t("dari_informal", bahasa, n=fmt.angka(angka.pekerja_informal)) if angka.pekerja_informal
                 else t("tanpa_penyebut", bahasa))
kolom[3].metric(t("capaian_target", bahasa), fmt.persen(angka.capaian_target))
kolom[3].caption(t("dari_target", bahasa, n=fmt.angka(angka.target_aktif)) if angka.target_aktif
                 else t("tanpa_target", bahasa))
kolom[4].metric(t("peserta_nonaktif", bahasa), hitungan(angka.nonaktif), **delta_metrik(angka.perubahan_nonaktif),
                help=t("dibanding_tanggal", bahasa, pembanding=lalu, n=hitungan(angka.nonaktif_sebelumnya)))
kolom[4].caption(t("tingkat_nonaktif", bahasa, p=fmt.TANDA_TERSEMBUNYI if angka.nonaktif_tersembunyi
                   else fmt.persen(angka.tingkat_nonaktif)))
st.caption(cache.definisi_aktif(s, bahasa), help=t("bantuan_definisi_aktif", bahasa))
if ambang > 1:
    st.caption(t("tersembunyi", bahasa, k=str(ambang)))
if demo:
    st.caption(label_demo)


def program_dan_segmen() -> None:
    kiri, kanan = st.columns(2)
    with kiri:
        st.subheader(t("per_program", bahasa))
        komponen.grafik(grafik.batang(halaman.per_program, "program", "peserta_aktif", bahasa, label_demo,
                                      sorot=s.program))
    with kanan:
        st.subheader(t("per_segmen", bahasa))
        komponen.grafik(grafik.batang(halaman.per_segmen, "segmen", "peserta_aktif", bahasa, label_demo,
                                      sorot=s.segmen))


def tren_bulanan() -> None:
    tren = grafik.bulan_tampil(halaman.tren, s.periode.selesai, bahasa)
    target_akhir = tren["target_aktif"].dropna()
    label_target = (t("label_target_nilai", bahasa, tahun=str(s.periode.selesai.year), n=fmt.angka(target_akhir.iloc[-1]))
                    if not target_akhir.empty else None)
    kiri, kanan = st.columns(2)
    with kiri:
        st.subheader(t("tren_bulanan", bahasa))
        komponen.grafik(grafik.tren(tren, bahasa, label_demo, label_target))
        if target_akhir.empty:
            st.caption(t("tanpa_target", bahasa))
    with kanan:
        st.subheader(t("baru_bulanan", bahasa))
        komponen.grafik(grafik.batang_bulanan(tren, bahasa, label_demo))


def iuran() -> None:
    st.subheader(t("iuran_judul", bahasa))
    uang = cache.iuran_ringkasan(s, ambang)
    if not uang.ada:
        st.info(t("iuran_tanpa_data", bahasa), icon=":material/payments:")
        return
    if s.program:
        st.caption(t("iuran_semua_program", bahasa, program=s.program))
    kolom = st.columns(4)

    def rupiah(v: int | None) -> str:
        return fmt.TANDA_TERSEMBUNYI if v is None else fmt.rupiah_ringkas(v, bahasa)

    def persis(v: int | None) -> str:
        return fmt.TANDA_TERSEMBUNYI if v is None else fmt.rupiah(v)

    kolom[0].metric(t("iuran_ditagih", bahasa), rupiah(uang.ditagih),
                    help=f"{persis(uang.ditagih)}. {t('bantuan_ditagih', bahasa)}")
    kolom[1].metric(t("iuran_dibayar", bahasa), rupiah(uang.dibayar), help=persis(uang.dibayar))
    kolom[2].metric(t("kolektibilitas", bahasa), fmt.TANDA_TERSEMBUNYI if uang.kolektibilitas is None
                    else fmt.persen(uang.kolektibilitas), help=t("bantuan_kolektibilitas", bahasa))
    kolom[3].metric(t("kembali_bayar", bahasa), hitungan(uang.kembali), help=t("bantuan_kembali", bahasa))
    kiri, kanan = st.columns(2)
    with kiri:
        bulanan = grafik.bulan_tampil(uang.per_bulan.assign(peserta_aktif=0, pendaftaran_baru=0),
                                      s.periode.selesai, bahasa)
        komponen.grafik(grafik.iuran_bulanan(bulanan, bahasa, label_demo))
        if bulanan["berjalan"].any():
            st.caption(t("iuran_bulan_berjalan", bahasa))
    with kanan:
        st.markdown(f"**{t('iuran_per_dana', bahasa)}**")
        komponen.tabel(tabel_iuran(uang.per_dana, bahasa, ambang), "iuran_per_sumber_dana", bahasa,
                       catatan=label_demo)


def jalan_ke_target(jalan, jalan_tampil) -> None:
    st.subheader(t("jalan_target", bahasa, tahun=str(k.hari_ini.year)), help=bantuan_proyeksi(jalan.uji, bahasa))
    sendiri = target_sendiri(jalan_tampil, s.kode_wilayah, s.segmen, s.program)
    riwayat = cache.riwayat_target(s, k.hari_ini, ambang)
    if riwayat is not None and sendiri is not None:
        komponen.grafik(grafik.jalan_target(
            riwayat.assign(label=[fmt.bulan_tahun(pd.Timestamp(b).date(), bahasa) for b in riwayat["bulan"]]),
            int(sendiri["target"]), t("label_target_nilai", bahasa, tahun=str(k.hari_ini.year),
                                      n=fmt.angka(sendiri["target"])), bahasa, label_demo))
    meleset = meleset_target(jalan_tampil)
    st.markdown(f"**{t('meleset_target', bahasa)}**")
    if meleset.empty:
        st.success(t("semua_diproyeksikan_tercapai", bahasa), icon=":material/check_circle:")
    else:
        komponen.tabel(tabel_jalan(meleset, bahasa), "proyeksi_target", bahasa, catatan=label_demo)


def tabel_desa(df):
    return {
        t("kolom_desa", bahasa): df["nama"], t("kecamatan", bahasa): df["kecamatan"],
        t("kolom_bpu_aktif", bahasa): df["bpu_aktif"].map(hitungan),
        t("kolom_informal", bahasa): df["pekerja_informal"].map(fmt.angka),
        t("kolom_cakupan", bahasa): df["cakupan_persen"].map(lambda v: fmt.persen(v, 2)),
    }


def desa_teratas_terbawah(teratas, terbawah) -> None:
    kiri, kanan = st.columns(2)
    kiri.subheader(t("desa_teratas", bahasa))
    with kiri:
        komponen.tabel(tabel_desa(teratas), "desa_cakupan_tertinggi", bahasa, catatan=label_demo)
    kanan.subheader(t("desa_terbawah", bahasa))
    with kanan:
        komponen.tabel(tabel_desa(terbawah), "desa_cakupan_terendah", bahasa, catatan=label_demo)
    if demo:
        st.caption(label_demo)


# Below the numbers, one section at a time: only the open tab is drawn (switching tabs reruns the
# page), so a visit sends and draws the numbers and two charts, not six charts and four tables with
# their downloads. The overview was the slowest page to open and to filter for that alone.
bagian = {"tab_program_segmen": program_dan_segmen, "tab_tren": tren_bulanan, "tab_iuran": iuran}
if s.periode.selesai == k.hari_ini:
    jalan, jalan_tampil = cache.jalan_target(s, k.hari_ini, ambang)
    if not jalan_tampil.empty:
        bagian["tab_target"] = functools.partial(jalan_ke_target, jalan, jalan_tampil)
teratas, terbawah = kpi.desa_teratas_terbawah(halaman.cakupan_desa)
if len(teratas) > 1:
    bagian["tab_desa"] = functools.partial(desa_teratas_terbawah, teratas, terbawah)
komponen.tab_satu_per_satu("tab_ringkasan", bagian, bahasa)
