"""Ringkasan: the overview a branch head opens before a briefing."""

import streamlit as st

from data_access import cache
from domain import format as fmt
from domain import grafik, kpi
from domain.periode import label_periode
from domain.suppresi import samarkan, samarkan_kelompok, tampil_hitungan
from domain.suppresi import kecil as kecil_di
from domain.teks import t
from halaman import komponen

k = st.session_state["konteks"]
bahasa, hari_ini = k["bahasa"], k["hari_ini"]
ambang = k["ambang"]  # decided for this viewer by the router: 1 shows every count


def hitungan(n: int | None) -> str:
    return tampil_hitungan(n, ambang)


def kecil(n: int | None) -> bool:
    return kecil_di(n, ambang)

argumen = (k["kode_wilayah"], k["periode"], hari_ini, k["program"], k["segmen"])
info = cache.info_dataset()
demo = info.get("sumber") == "demo"
label_demo = t("label_demo", bahasa) if demo else None

st.title(f"{t('ringkasan', bahasa)} · {fmt.aman_markdown(k['nama_wilayah'])}")
tanggal_data = cache.tanggal_data()
st.caption(f"{label_periode(k['periode'], hari_ini, bahasa)} · {t('data_per', bahasa)} {fmt.tanggal(tanggal_data, bahasa)}"
           + (f" · **{label_demo}**" if demo else ""))
if demo:
    st.warning(t("penjelasan_demo", bahasa), icon=":material/science:")
argumen_briefing = (*argumen, k["nama_wilayah"], label_periode(k["periode"], hari_ini, bahasa), bahasa, ambang)
nama_berkas = f"briefing_{k['kode_wilayah']}_{k['periode']}"
with st.container(horizontal=True):
    st.download_button(
        t("unduh_briefing", bahasa), icon=":material/slideshow:", file_name=f"{nama_berkas}.pptx",
        mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
        data=lambda: cache.deck_briefing(*argumen_briefing))
    st.download_button(t("unduh_briefing_pdf", bahasa), icon=":material/picture_as_pdf:", file_name=f"{nama_berkas}.pdf",
                       mime="application/pdf", data=lambda: cache.pdf_briefing(*argumen_briefing))

halaman = cache.ringkasan_halaman(*argumen)
angka = halaman.angka
if angka.peserta_aktif == 0 and angka.pendaftaran_baru == 0:
    st.info(t("kosong", bahasa), icon=":material/search_off:")
    st.stop()

# A change is shown only when neither end is a small count: the difference could give one back.
kolom = st.columns(5)
kolom[0].metric(t("peserta_aktif", bahasa), hitungan(angka.peserta_aktif),
                delta=fmt.angka(angka.peserta_aktif - angka.peserta_aktif_awal)
                if angka.peserta_aktif_awal and not kecil(angka.peserta_aktif) and not kecil(angka.peserta_aktif_awal)
                else None, help=t("dibanding_awal", bahasa))
kolom[1].metric(t("pendaftaran_baru", bahasa), hitungan(angka.pendaftaran_baru),
                delta=fmt.perubahan(angka.perubahan_pendaftaran)
                if angka.perubahan_pendaftaran is not None and not kecil(angka.pendaftaran_baru)
                and not kecil(angka.pendaftaran_baru_sebelumnya) else None,
                help=f"{t('dibanding_sebelumnya', bahasa)} ({hitungan(angka.pendaftaran_baru_sebelumnya)})")
kolom[2].metric(t("cakupan_bpu", bahasa), "–" if kecil(angka.bpu_aktif_jkk_jkm) else fmt.persen(angka.cakupan_bpu, 2),
                help=t("bantuan_cakupan", bahasa))
kolom[2].caption(t("dari_informal", bahasa, n=fmt.angka(angka.pekerja_informal)) if angka.pekerja_informal
                 else t("tanpa_penyebut", bahasa))
kolom[3].metric(t("capaian_target", bahasa), "–" if kecil(angka.peserta_aktif) else fmt.persen(angka.capaian_target))
kolom[3].caption(t("dari_target", bahasa, n=fmt.angka(angka.target_aktif)) if angka.target_aktif
                 else t("tanpa_target", bahasa))
nonaktif_kecil = kecil(angka.nonaktif) or kecil(angka.peserta_aktif_awal)
kolom[4].metric(t("peserta_nonaktif", bahasa), hitungan(angka.nonaktif), delta_color="inverse",
                delta=fmt.persen(angka.tingkat_nonaktif) if angka.tingkat_nonaktif is not None and not nonaktif_kecil
                else None)
kolom[4].caption(t("tingkat_nonaktif", bahasa, p="–" if nonaktif_kecil else fmt.persen(angka.tingkat_nonaktif)))
if ambang > 1:
    st.caption(t("tersembunyi", bahasa, k=str(ambang)))
if demo:
    st.caption(label_demo)

kiri, kanan = st.columns(2)
with kiri:
    st.subheader(t("per_program", bahasa))
    st.altair_chart(grafik.batang(samarkan(halaman.per_program, ["peserta_aktif"], ambang).dropna(), "program",
                                  "peserta_aktif", bahasa, label_demo,
                                  sorot=k["program"]), width="stretch")
with kanan:
    st.subheader(t("per_segmen", bahasa))
    # Segments add up to the active total above: a hidden one is hidden with a complement.
    st.altair_chart(grafik.batang(samarkan_kelompok(halaman.per_segmen, "peserta_aktif", ambang).dropna(), "segmen",
                                  "peserta_aktif", bahasa, label_demo,
                                  sorot=k["segmen"]), width="stretch")

# Months with a small count are left out of the public charts rather than drawn as "<k".
tren = samarkan(halaman.tren, ["peserta_aktif", "pendaftaran_baru"], ambang)
kiri, kanan = st.columns(2)
with kiri:
    st.subheader(t("tren_bulanan", bahasa))
    st.altair_chart(grafik.tren(tren, bahasa, label_demo), width="stretch")
    if tren["target_aktif"].isna().all():
        st.caption(t("tanpa_target", bahasa))
with kanan:
    st.subheader(t("baru_bulanan", bahasa))
    st.altair_chart(grafik.batang_bulanan(tren, bahasa, label_demo), width="stretch")

cakupan_desa = halaman.cakupan_desa.copy()
cakupan_desa.loc[[kecil(n) for n in cakupan_desa["bpu_aktif"]], "cakupan_persen"] = None
teratas, terbawah = kpi.desa_teratas_terbawah(cakupan_desa)


def tabel_desa(df):
    return {
        t("kolom_desa", bahasa): df["nama"], t("kecamatan", bahasa): df["kecamatan"],
        t("kolom_bpu_aktif", bahasa): df["bpu_aktif"].map(hitungan),
        t("kolom_informal", bahasa): df["pekerja_informal"].map(fmt.angka),
        t("kolom_cakupan", bahasa): df["cakupan_persen"].map(lambda v: fmt.persen(v, 2)),
    }


if len(teratas) > 1:
    kiri, kanan = st.columns(2)
    kiri.subheader(t("desa_teratas", bahasa))
    with kiri:
        komponen.tabel(tabel_desa(teratas), "desa_cakupan_tertinggi", bahasa, catatan=label_demo)
    kanan.subheader(t("desa_terbawah", bahasa))
    with kanan:
        komponen.tabel(tabel_desa(terbawah), "desa_cakupan_terendah", bahasa, catatan=label_demo)
    if demo:
        st.caption(label_demo)
