"""The event screen written the plain way, as the soak benchmark's baseline: a Streamlit page that
reruns whole on a timer (sleep, then st.rerun); every run queries the database and draws the
village map again.
Run by benchmarks.layar; not part of the app."""

import time

import streamlit as st

from data_access import layar
from layanan import cache
from tampilan import format as fmt
from geo.peta import svg_sorot

app = cache.aplikasi()
if app.demo and not app.demo.selesai:  # a first start writes the demo in the background
    time.sleep(0.5)
    st.rerun()
kegiatan_id = int(st.query_params.get("kegiatan", "1"))
hari_ini = app.pengaturan.hari_ini()
a = layar.angka_layar(app.engine, kegiatan_id, hari_ini)
st.html(f"""<div><h1>{fmt.aman_html(a.nama_kegiatan)}</h1><div>Desa {fmt.aman_html(a.nama_desa)} ·
  {fmt.tanggal(hari_ini)}</div><div style="font-size:9rem">{fmt.angka(a.jumlah)}</div>
  <ul>{"".join(f"<li>{fmt.aman_html(b.program)}</li>" for b in a.terbaru.itertuples())}</ul>
  </div>""")
st.image(svg_sorot(app.batas.desa_web, a.kode_desa), width=420)
time.sleep(app.pengaturan.layar_detik)
st.rerun()
