"""Entry point: page config, the shared sidebar, and the list of pages. No logic lives here."""

import streamlit as st

from data_access import cache
from data_access.batas import BatasTidakDitemukan
from data_access.config import PengaturanTidakSah
from data_access.db import DatabaseTidakSiap
from domain import format as fmt
from domain.periode import label_periode, pilihan_periode
from domain.peran import LABEL as LABEL_PERAN
from domain.peran import Peran, boleh_buka
from domain.peran import tanpa_suppresi as tanpa_suppresi_peran
from domain.program import Program, Segmen
from domain.teks import t
from geo.batas import BatasTidakValid

# An emoji favicon is drawn locally; a ":material/…" one would be fetched from Google's font CDN.
st.set_page_config(page_title="Desa Sadar", page_icon="🏘️", layout="wide")

bahasa = st.sidebar.radio(
    "Bahasa / Language", ["id", "en"], key="bahasa", bind="query-params", horizontal=True,
    format_func=lambda b: {"id": "Indonesia", "en": "English"}[b],
)

try:
    app = cache.aplikasi()
except (BatasTidakDitemukan, BatasTidakValid) as e:
    st.error(f"**{t('batas_hilang', bahasa)}.** {e}")
    st.stop()
except DatabaseTidakSiap as e:
    st.error(f"**{t('database_gagal', bahasa)}.** {e}")
    st.stop()
except PengaturanTidakSah as e:
    st.error(f"**{t('pengaturan_salah', bahasa)}.** {e}")
    st.stop()

peran = cache.peran_sesi()
# The one place that decides the viewer's threshold: small counts are shown only to leadership and
# admins who signed in; the no-accounts demo mode opens every page but keeps the public views as the
# public will see them. The projector screen is public whoever opens it.
ambang_publik = app.pengaturan.k_suppresi
ambang = 1 if tanpa_suppresi_peran(peran) and cache.sudah_masuk() else ambang_publik
pengguna = "tanpa akun"  # who the import log names; replaced below once someone has signed in
with st.sidebar:
    # Who is using this session: pages a role may not open are not registered at all below.
    if pesan := st.session_state.pop("pesan_masuk", None):
        st.info(pesan)
    masuk = st.session_state.get("sesi_akun")
    if masuk or (cache.login_oidc_diatur() and st.user.is_logged_in):
        pengguna = masuk["nama"] if masuk else st.user.get("email", "")
        st.caption(t("masuk_sebagai", bahasa, nama=fmt.aman_markdown(pengguna), peran=LABEL_PERAN[peran]))
        if st.button(t("keluar", bahasa)):
            if masuk:
                cache.keluar()
                st.rerun()
            st.logout()
    elif cache.akun_terdaftar() or cache.login_oidc_diatur():
        with st.expander(t("masuk_petugas", bahasa)):
            if cache.login_oidc_diatur() and st.button(t("masuk_oidc", bahasa)):
                st.login()
            if cache.akun_terdaftar():
                with st.form("form_masuk"):
                    nama_akun = st.text_input(t("nama_akun", bahasa))
                    sandi = st.text_input(t("sandi", bahasa), type="password")
                    if st.form_submit_button(t("masuk", bahasa)):
                        try:
                            cache.masuk(nama_akun, sandi)
                        except ValueError as e:
                            st.error(str(e))
                        else:
                            st.rerun()
    else:
        st.caption(t("tanpa_akun_demo" if peran == Peran.ADMIN else "tanpa_akun_nyata", bahasa))

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
halaman = st.navigation([p for kunci, p in SEMUA_HALAMAN.items() if boleh_buka(peran, kunci)])
hari_ini = app.pengaturan.hari_ini()
if halaman.url_path in ("layar", "daftar", "data"):
    # The live screen, the registration form and the import page use no dashboard filters.
    st.session_state["konteks"] = {"bahasa": bahasa, "peran": peran, "ambang": ambang, "ambang_publik": ambang_publik,
                                   "pengguna": pengguna, "hari_ini": hari_ini}
    halaman.run()
    st.stop()

wilayah = cache.daftar_wilayah(app.batas.kode_kab)
kecamatan = wilayah[wilayah["tingkat"] == "kecamatan"]
nama = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))

st.sidebar.header(t("saringan", bahasa))
periode = st.sidebar.selectbox(
    t("periode", bahasa), pilihan_periode(hari_ini), key="periode", bind="query-params",
    # Bound widgets write the label into the URL: keep it the same in both languages so a shared
    # link reopens the same period whoever opens it.
    format_func=lambda k: label_periode(k, hari_ini),
)
kode_kec = st.sidebar.selectbox(
    t("kecamatan", bahasa), ["", *kecamatan["kode"]], key="kec", bind="query-params",
    format_func=lambda k: nama.get(k, t("semua_kecamatan", bahasa)),
)
desa = wilayah[(wilayah["tingkat"] == "desa") & (wilayah["kode_induk"] == kode_kec)] if kode_kec else wilayah.iloc[0:0]
kode_desa = st.sidebar.selectbox(
    t("desa", bahasa), ["", *desa["kode"]], key="desa", bind="query-params", disabled=not kode_kec,
    format_func=lambda k: nama.get(k, t("semua_desa", bahasa)),
)
program = st.sidebar.selectbox(
    t("program", bahasa), ["", *[p.value for p in Program]], key="program", bind="query-params",
    format_func=lambda p: p or t("semua_program", bahasa),
)
segmen = st.sidebar.selectbox(
    t("segmen", bahasa), ["", *[s.value for s in Segmen]], key="segmen", bind="query-params",
    format_func=lambda s: s or t("semua_segmen", bahasa),
)
st.sidebar.caption(t("tautan", bahasa))

st.session_state["konteks"] = {
    "bahasa": bahasa,
    "peran": peran,
    "ambang": ambang,
    "hari_ini": hari_ini,
    "kode_wilayah": kode_desa or kode_kec or app.batas.kode_kab,
    "nama_wilayah": nama.get(kode_desa) or nama.get(kode_kec) or app.batas.nama_kab,
    "periode": periode,
    "program": program or None,
    "segmen": segmen or None,
}

halaman.run()
