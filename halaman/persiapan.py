"""The first start's waiting screen while the demo database is written in the background."""

import streamlit as st

from layanan.cache import PembuatanDemo
from tampilan.teks import t

PERIKSA_DETIK = 1.0


def tampilkan(demo: PembuatanDemo, bahasa: str) -> None:
    st.title("Desa Sadar")

    @st.fragment(run_every=PERIKSA_DETIK)
    def kemajuan() -> None:
        if demo.selesai:
            st.rerun()  # the whole app, now with its data
        st.subheader(t("persiapan_judul", bahasa))
        st.caption(t("persiapan_keterangan", bahasa))
        st.progress(demo.bagian, text=t(demo.langkah, bahasa))

    kemajuan()
