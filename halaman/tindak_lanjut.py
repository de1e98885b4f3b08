"""Tindak lanjut: where field staff should go next, village by village, with no person in it."""

import streamlit as st

from layanan import cache
from layanan.sesi import konteks
from tampilan import format as fmt
from tampilan.pesan import tabel_daftar_kerja
from tampilan.teks import t
from halaman import komponen

k = konteks()
s, bahasa, ambang = k.s, k.bahasa, k.ambang
demo = cache.info_dataset().get("sumber") == "demo"
label_demo = t("label_demo", bahasa) if demo else None

st.title(f"{t('tindak_lanjut_menu', bahasa)} · {fmt.aman_markdown(k.nama_wilayah)}")
st.caption(f"{t('data_per', bahasa)} {fmt.tanggal(k.hari_ini, bahasa)} · {t('tindak_lanjut_segmen', bahasa)}"
           + (f" · **{label_demo}**" if demo else ""))
st.markdown(t("tindak_lanjut_penjelasan", bahasa))
daftar = cache.daftar_kerja(s.kode_wilayah, k.hari_ini, ambang)
if daftar.empty:
    st.success(t("tindak_lanjut_kosong", bahasa), icon=":material/check_circle:")
    st.stop()
komponen.tabel(tabel_daftar_kerja(daftar, bahasa, ambang), "daftar_kerja_lapangan", bahasa, catatan=label_demo)
st.caption(t("tindak_lanjut_privasi", bahasa) + (" " + t("tersembunyi", bahasa, k=str(ambang)) if ambang > 1 else ""))
# The work list is always as of today, whatever period the sidebar names.
st.caption(t("tindak_lanjut_hari_ini", bahasa))
