"""Layar Acara: the projector screen at an event. Reached by /layar?kegiatan=<id>; not in the menu."""

from datetime import datetime

import streamlit as st

from layanan import cache
from layanan.sesi import konteks
from tampilan import format as fmt
from tampilan.teks import t

k = konteks()
ambang, bahasa = k.ambang_publik, k.bahasa  # a projector is public, whoever opened it

# Read from the back of a village hall: no chrome, large type, high contrast.
st.html("""<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"] { display: none !important; }
.block-container { padding-top: 1rem; max-width: 100%; }
.layar { font-family: sans-serif; color: #0b2e20; }
.layar h1 { font-size: 3.2rem; margin: 0; line-height: 1.1; }
.layar .desa { font-size: 2rem; color: #0b6e4f; margin-bottom: 1rem; }
.layar .angka { font-size: 9rem; font-weight: 800; line-height: 1; color: #0b6e4f; }
.layar .label { font-size: 1.8rem; }
.layar .kotak { display: inline-block; margin: 0 3rem 1.5rem 0; vertical-align: top; }
.layar .kecil { font-size: 4rem; font-weight: 700; }
.layar ul { font-size: 1.8rem; list-style: none; padding: 0; margin: 0; }
.layar li { padding: .3rem 0; border-bottom: 1px solid #cfe3da; }
</style>""")

teks_id = st.query_params.get("kegiatan", "")
if not teks_id.isdigit():
    st.error(t("layar_tanpa_kegiatan", bahasa))
    st.stop()
kegiatan_id = int(teks_id)


def _angka(n: int | None) -> str:
    # One event's counts of one day sit in no table with a total: hidden only when small, so "<5" is true.
    return fmt.label_tersembunyi(ambang) if n is None else fmt.angka(n)


@st.fragment(run_every=cache.aplikasi().pengaturan.layar_detik)
def layar() -> None:
    hari_ini = cache.aplikasi().pengaturan.hari_ini()  # read at every refresh: the screen runs past midnight
    a = cache.angka_layar(kegiatan_id, hari_ini, ambang)
    if a is None:
        st.error(t("layar_tidak_ditemukan", bahasa, n=str(kegiatan_id)))
        return
    e = fmt.aman_html
    program = "".join(
        f'<div class="kotak"><div class="kecil">{_angka(n)}</div><div class="label">{p}</div></div>'
        for p, n in a.per_program.items())
    cakupan = fmt.TANDA_TERSEMBUNYI if a.cakupan_tersembunyi else fmt.persen(a.cakupan_desa, 2)
    # Villages only, never programmes: the few sign-ups of a day listed with their programmes would
    # give a hidden programme count back.
    ticker = "".join(f"<li>Desa {e(desa)}</li>" for desa in a.ticker) \
        or f"<li>{e(t('layar_tunggu', bahasa, k=str(ambang)))}</li>"
    kiri, kanan = st.columns([3, 2])
    kiri.html(f"""<div class="layar">
      <h1>{e(a.nama_kegiatan)}</h1><div class="desa">Desa {e(a.nama_desa)} · {fmt.tanggal(hari_ini, bahasa)}</div>
      <div class="kotak"><div class="angka" data-uji="daftar-hari-ini">{_angka(a.daftar_hari_ini)}</div>
        <div class="label">{e(t('layar_pendaftar_hari_ini', bahasa))}</div></div>
      <div>{program}</div>
      <div class="kotak"><div class="kecil">{fmt.hitungan(a.aktif_desa, ambang)}</div><div class="label">{e(t('layar_aktif_desa', bahasa))}</div></div>
      <div class="kotak"><div class="kecil">{cakupan}</div><div class="label">{e(t('layar_cakupan_desa', bahasa))}</div></div>
    </div>""")
    kanan.html(f"""<div class="layar"><div class="label"><b>{e(t('layar_terbaru', bahasa))}</b></div><ul>{ticker}</ul>
      <div style="font-size:1rem;color:#555;margin-top:.5rem" data-uji="diperbarui">{e(t('layar_diperbarui', bahasa))}
      {datetime.now():%H.%M.%S}</div></div>""")
    # st.image takes the SVG as it is; st.html's sanitiser drops a drawing this large.
    kanan.image(cache.peta_kecil_desa(a.kode_desa), width=420)  # fits 1080 px high


layar()
