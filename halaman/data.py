"""Data: upload a file, see what it holds and every problem, and import it on confirmation."""

import streamlit as st

from layanan import cache
from layanan.sesi import konteks
from data_access.impor import JENIS_IMPOR
from tampilan.format import aman_markdown
from tampilan.teks import alasan_dalam, label_isian, t


def _markdown(ringkasan: str) -> str:
    # File and column names come from the upload: shown as typed, never as markup.
    return "  \n".join(aman_markdown(baris) for baris in ringkasan.splitlines())


def _alasan(m) -> str:
    return alasan_dalam(m.alasan_dalam(bahasa), bahasa)


k = konteks()
bahasa = k.bahasa
hari_ini = k.hari_ini
st.title(t("impor_judul", bahasa))
st.caption(t("impor_penjelasan", bahasa))

jenis = st.selectbox(t("jenis_impor", bahasa), list(JENIS_IMPOR), format_func=lambda j: label_isian("jenis_impor", JENIS_IMPOR[j], bahasa),
                     key="jenis_impor")
# A new key after each import empties the uploader, so the page does not check the imported file again.
berkas = st.file_uploader(t("berkas", bahasa), type=["csv", "tsv", "txt", "xlsx", "geojson", "json", "gpkg", "zip", "sql"],
                          key=f"berkas_impor_{st.session_state.get('unggahan', 0)}")
if pesan := st.session_state.pop("pesan_impor", None):
    st.success(pesan, icon=":material/check_circle:")
if berkas is None:
    st.stop()

isi = berkas.getvalue()
pengguna = k.pengguna  # who signed in; the import log names them
terima_koreksi = bool(st.session_state.get("terima_koreksi"))
batang = st.progress(0.0, text=t("memeriksa", bahasa))
hasil, contoh = cache.periksa_impor(jenis, isi, berkas.name, pengguna, hari_ini,
                                    kemajuan=lambda p: batang.progress(p, text=t("memeriksa", bahasa)),
                                    terima_koreksi=terima_koreksi)
batang.empty()
(st.info if hasil.status == "uji" else st.warning)(_markdown(hasil.ringkasan(bahasa)))
for m in hasil.masalah:
    if not m.baris:  # about the whole file: said plainly, above the rows
        st.error(aman_markdown(_alasan(m)), icon=":material/error:")
if hasil.saran or terima_koreksi:
    # A close spelling is a guess until someone who knows the villages says it is right.
    if hasil.saran:
        st.warning(t("ada_koreksi", bahasa, jumlah=str(sum(hasil.saran.values()))), icon=":material/spellcheck:")
    st.checkbox(t("terima_koreksi", bahasa), key="terima_koreksi")
per_baris = [m for m in hasil.masalah if m.baris]
if per_baris:
    st.subheader(t("masalah_berkas", bahasa))
    judul = ("row", "column", "value", "reason") if bahasa == "en" else ("baris", "kolom", "nilai", "alasan")
    st.dataframe([dict(zip(judul, (m.baris, m.kolom, m.nilai, _alasan(m)), strict=True)) for m in per_baris],
                 hide_index=True, width="stretch")
    st.download_button(t("unduh_masalah", bahasa), hasil.masalah_csv(bahasa).encode("utf-8-sig"),
                       file_name=f"masalah_{berkas.name.rsplit('.', 1)[0]}.csv", mime="text/csv")
if not contoh.empty:
    st.subheader(t("pratinjau", bahasa))
    st.dataframe(contoh, hide_index=True, width="stretch")

hanya_sah = st.checkbox(t("hanya_sah", bahasa), key="hanya_sah") if hasil.masalah and hasil.baris_sah else False
boleh = hasil.status == "uji" or (hanya_sah and hasil.baris_sah > 0)
hapus_demo = False
if jenis != "batas" and cache.ada_data_demo():
    # Real rows never join demo rows: the first real import removes the demo, in its own transaction.
    st.warning(t("impor_ada_demo", bahasa), icon=":material/warning:")
    hapus_demo = st.checkbox(t("impor_hapus_demo", bahasa), key="hapus_demo")
    boleh = boleh and hapus_demo
if st.button(t("impor_tombol", bahasa), type="primary", disabled=not boleh):
    batang = st.progress(0.0, text=t("menulis", bahasa))
    akhir = cache.jalankan_impor(jenis, isi, berkas.name, pengguna, hari_ini, hanya_sah,
                                 kemajuan=lambda p: batang.progress(p, text=t("menulis", bahasa)),
                                 terima_koreksi=terima_koreksi, hapus_demo=hapus_demo)
    batang.empty()
    if akhir.status == "berhasil":
        st.session_state["pesan_impor"] = _markdown(akhir.ringkasan(bahasa))
        st.session_state["unggahan"] = st.session_state.get("unggahan", 0) + 1
        st.session_state.pop("terima_koreksi", None)
        st.session_state.pop("hapus_demo", None)
        st.rerun()
    st.error(_markdown(akhir.ringkasan(bahasa)), icon=":material/error:")
    for m in akhir.masalah:
        if not m.baris:
            st.error(aman_markdown(_alasan(m)), icon=":material/error:")
