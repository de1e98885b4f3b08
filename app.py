"""Entry point: page config, the shared sidebar, and the list of pages. No logic lives here."""

import streamlit as st

from data_access.batas import BatasTidakDitemukan
from data_access.config import PengaturanTidakSah
from data_access.db import DatabaseTidakSiap
from domain.peran import boleh_buka
from geo.batas import BatasTidakValid
from halaman import perlu_masuk, persiapan
from layanan import cache, sisi
from tampilan.teks import JUDUL_HALAMAN, t

# An emoji favicon is drawn locally; a ":material/…" one would be fetched from Google's font CDN.
st.set_page_config(page_title="Desa Sadar", page_icon="🏘️", layout="wide")

bahasa = sisi.pilih_bahasa()
try:
    app = cache.aplikasi()
except (BatasTidakDitemukan, BatasTidakValid) as e:
    st.error(f"**{t('batas_hilang', bahasa)}.** {e}")
    st.stop()
except DatabaseTidakSiap as e:
    st.error(f"**{t('database_gagal', bahasa)}.** {e.dalam(bahasa)}")
    st.stop()
except PengaturanTidakSah as e:
    st.error(f"**{t('pengaturan_salah', bahasa)}.** {e}")
    st.stop()

if app.demo and not app.demo.selesai:
    persiapan.tampilkan(app.demo, bahasa)
    st.stop()
if app.demo and app.demo.galat:
    st.error(f"**{t('persiapan_gagal', bahasa)}.** {app.demo.galat[1 if bahasa == 'en' else 0]}")
    st.stop()

konteks = sisi.konteks_dasar(bahasa)
# Every page keeps its address; one this role may not open shows the way to sign in instead.
HALAMAN = {  # key (domain.peran.HALAMAN, the URL) -> script, icon
    "ringkasan": ("halaman/ringkasan.py", ":material/dashboard:"),
    "peta": ("halaman/peta.py", ":material/map:"),
    "provinsi": ("halaman/provinsi.py", ":material/public:"),
    "kegiatan": ("halaman/kegiatan.py", ":material/celebration:"),
    "desa-sadar": ("halaman/desa_sadar.py", ":material/verified:"),
    "target": ("halaman/target.py", ":material/flag:"),
    "tindak-lanjut": ("halaman/tindak_lanjut.py", ":material/directions_walk:"),
    "daftar": ("halaman/pendaftaran.py", ":material/person_add:"),
    "data": ("halaman/data.py", ":material/upload_file:"),
}
# The event screen (/layar) is no Streamlit page: server.py serves it (layanan.layar_web).
tertutup = {kunci for kunci in HALAMAN if not boleh_buka(konteks.peran, kunci)}
halaman = st.navigation([
    st.Page(perlu_masuk.halaman_untuk(kunci) if kunci in tertutup else berkas, title=t(JUDUL_HALAMAN[kunci], bahasa),
            icon=ikon, url_path=None if kunci == "ringkasan" else kunci, default=kunci == "ringkasan",
            visibility="hidden" if kunci in tertutup else "visible")
    for kunci, (berkas, ikon) in HALAMAN.items()
])
sisi.kotak_masuk(konteks, halaman.url_path)
# The registration form, the import page and a sign-in prompt use no dashboard filters.
tanpa_saringan = halaman.url_path in ("daftar", "data") or halaman.url_path in tertutup
st.session_state["konteks"] = konteks if tanpa_saringan else sisi.saringan(konteks)
halaman.run()
