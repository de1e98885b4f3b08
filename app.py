"""Entry point: page config, the shared sidebar, and the list of pages. No logic lives here."""

import streamlit as st

from data_access.batas import BatasTidakDitemukan
from data_access.config import PengaturanTidakSah
from data_access.db import DatabaseTidakSiap
from domain.peran import boleh_buka
from geo.batas import BatasTidakValid
from layanan import cache, sisi
from tampilan.teks import t

# An emoji favicon is drawn locally; a ":material/…" one would be fetched from Google's font CDN.
st.set_page_config(page_title="Desa Sadar", page_icon="🏘️", layout="wide")

bahasa = sisi.pilih_bahasa()
try:
    cache.aplikasi()
except (BatasTidakDitemukan, BatasTidakValid) as e:
    st.error(f"**{t('batas_hilang', bahasa)}.** {e}")
    st.stop()
except DatabaseTidakSiap as e:
    st.error(f"**{t('database_gagal', bahasa)}.** {e.dalam(bahasa)}")
    st.stop()
except PengaturanTidakSah as e:
    st.error(f"**{t('pengaturan_salah', bahasa)}.** {e}")
    st.stop()

konteks = sisi.konteks_dasar(bahasa)
SEMUA_HALAMAN = {
    "ringkasan": st.Page("halaman/ringkasan.py", title=t("ringkasan", bahasa), icon=":material/dashboard:",
                         default=True),
    "peta": st.Page("halaman/peta.py", title=t("peta", bahasa), icon=":material/map:", url_path="peta"),
    "provinsi": st.Page("halaman/provinsi.py", title=t("peta_provinsi", bahasa), icon=":material/public:",
                        url_path="provinsi"),
    "kegiatan": st.Page("halaman/kegiatan.py", title=t("kegiatan_menu", bahasa), icon=":material/celebration:",
                        url_path="kegiatan"),
    "desa-sadar": st.Page("halaman/desa_sadar.py", title=t("desa_sadar_menu", bahasa), icon=":material/verified:",
                          url_path="desa-sadar"),
    "target": st.Page("halaman/target.py", title=t("target_menu", bahasa), icon=":material/flag:", url_path="target"),
    "daftar": st.Page("halaman/pendaftaran.py", title=t("pendaftaran", bahasa), icon=":material/person_add:",
                      url_path="daftar"),
    "data": st.Page("halaman/data.py", title=t("data_menu", bahasa), icon=":material/upload_file:", url_path="data"),
    # The projector screen is opened by a link naming the event, never from the menu.
    "layar": st.Page("halaman/layar_acara.py", title=t("layar_acara", bahasa), url_path="layar", visibility="hidden"),
}
halaman = st.navigation([p for kunci, p in SEMUA_HALAMAN.items() if boleh_buka(konteks.peran, kunci)])
# The live screen, the registration form and the import page use no dashboard filters.
st.session_state["konteks"] = konteks if halaman.url_path in ("layar", "daftar", "data") else sisi.saringan(konteks)
halaman.run()
