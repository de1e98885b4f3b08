"""Benchmark: the Peta page's map against a naive folium map, each measured in this run.

    python -m benchmarks.peta [--ulang 20] [--lukis 5]

- payload: bytes of the village layer sent on a filter change (and of the base, sent once) against
  the naive map's HTML (full-detail upstream geometry in one folium map);
- server time for a filter change: query, classes and layer built on cached geometry, against the
  naive way (boundary file read, validated and turned into a folium map again for every change);
- paint time: from navigation until the 285 village polygons are in the page, in headless Chromium
  with the network cut off, against a naive Streamlit page that rebuilds the full-detail map with
  st_folium on every run. Cold = first visit (empty browser cache); warm = a returning visitor.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

import folium
import pyogrio
from streamlit_folium import _get_feature_group_string

from benchmarks.server import server_streamlit
from data_access import peta
from data_access.aset import FOLDER_STATIS, siapkan_aset_peta
from data_access.batas import cari_berkas_batas, muat_batas
from data_access.config import muat_pengaturan
from data_access.db import baca, buat_engine, siapkan_database
from data_access.demo import isi_demo
from domain.periode import periode_dari_kunci
from domain.saringan import Saringan
from geo import peta as gp
from geo import peta_folium as pf
from geo.batas import validasi_desa

TARGET_BYTE = 400_000
TARGET_BANGUN_MS = 150.0
TARGET_LUKIS_S = 2.0
ARGUMEN_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def saringan_bergilir(hari_ini: date, n: int) -> list[tuple[Saringan, str]]:
    periode = ["ytd", "2025", "2024-K3", "12b", "2023"]
    program = [None, "JHT", None, None, "JKK"]
    ukuran = list(gp.UKURAN)
    return [(Saringan("33.26", periode_dari_kunci(periode[i % 5], hari_ini), program[i % 5], None), ukuran[i % 4])
            for i in range(n)]


def bangun_peta(engine, batas, aset, s: Saringan, ukuran: str) -> int:
    """What the page does on a filter change; returns the bytes of the village layer it sends."""
    nilai = peta.nilai_ukuran(peta.nilai_desa(engine, s), ukuran, 5)
    kelas = gp.kelas_untuk(gp.UKURAN[ukuran], nilai["nilai"])
    geometri = peta.siapkan_geometri_peta(batas)
    dasar = pf.peta_dasar(batas.kabupaten_web, geometri, aset)
    lapisan = pf.lapisan_desa(batas.fitur_web, geometri["desa"], nilai, gp.UKURAN[ukuran], kelas,
                              peta.kegiatan_periode(engine, s), 5)
    return len(_get_feature_group_string(lapisan, dasar).encode())


def bangun_naif(engine, folder_batas: Path, aset, s: Saringan, ukuran: str, sebagai_peta: bool = False):
    """A naive map: the boundary file read and validated again, full-detail geometry, one folium map."""
    desa = validasi_desa(pyogrio.read_dataframe(cari_berkas_batas(folder_batas, "33.26"), where="kode LIKE '33.26.%'"))
    nilai = peta.nilai_ukuran(peta.nilai_desa(engine, s), ukuran, 5)
    kelas = gp.kelas_untuk(gp.UKURAN[ukuran], nilai["nilai"])
    desa["warna"] = [gp.warna_nilai(nilai["nilai"].get(k), kelas) for k in desa["kode"]]
    m = folium.Map(location=[-7.0, 109.6], zoom_start=11, tiles=None)
    m.default_js, m.default_css = aset["js"], aset["css"]
    folium.GeoJson(desa[["kode", "nama", "warna", "geometry"]].to_json(), style_function=lambda f: {
        "fillColor": f["properties"]["warna"], "fillOpacity": 0.85, "color": "#fff", "weight": 0.6},
        tooltip=folium.GeoJsonTooltip(fields=["nama"])).add_to(m)
    return m if sebagai_peta else m.get_root().render()


def ukur(fungsi, argumen) -> list[float]:
    hasil = []
    for a in argumen:
        mulai = time.perf_counter()
        fungsi(*a)
        hasil.append((time.perf_counter() - mulai) * 1000)
    return hasil


def waktu_lukis(peramban, url: str, ulang: int) -> tuple[float, list[float]]:
    """Seconds from navigation until 285 village polygons exist in the map's frame, every non-loopback
    request aborted: the first (cold) visit, then `ulang` visits with the browser cache warm."""
    konteks = peramban.new_context(viewport={"width": 1600, "height": 1000})
    konteks.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    hasil = []
    for _ in range(ulang + 1):
        page = konteks.new_page()
        mulai = time.perf_counter()
        page.goto(url)
        page.frame_locator('iframe[title*="st_folium"]').locator("path.leaflet-interactive").nth(284) \
            .wait_for(state="attached", timeout=120_000)
        hasil.append(time.perf_counter() - mulai)
        page.close()
    konteks.close()
    return hasil[0], hasil[1:]


HALAMAN_NAIF = """
import streamlit as st
from streamlit_folium import st_folium
from benchmarks.peta import bangun_naif_peta
st.set_page_config(layout="wide")
st_folium(bangun_naif_peta(), height=620, use_container_width=True, returned_objects=[])
"""


def bangun_naif_peta():
    """For the naive page: the boundary file read, the values queried, the full map built, every run."""
    import os

    pengaturan = muat_pengaturan()
    engine = buat_engine(os.environ["BENCH_NAIF_DB"])
    s, ukuran = saringan_bergilir(pengaturan.hari_ini(), 1)[0]
    return bangun_naif(engine, pengaturan.folder_batas, siapkan_aset_peta(), s, ukuran, sebagai_peta=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.peta")
    parser.add_argument("--ulang", type=int, default=20, help="perubahan saringan yang diukur")
    parser.add_argument("--lukis", type=int, default=5, help="berapa kali peta dibuka di Chromium")
    args = parser.parse_args(argv)

    pengaturan = muat_pengaturan()
    batas = muat_batas(pengaturan.folder_batas, pengaturan.kode_kab)
    aset = siapkan_aset_peta()
    hari_ini = pengaturan.hari_ini()
    sementara = Path(tempfile.mkdtemp(prefix="bench_peta_"))
    engine = buat_engine(f"duckdb:///{sementara / 'db' / 'peta.duckdb'}")
    siapkan_database(engine)
    isi_demo(engine, batas, hari_ini)
    n = baca(engine, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0]
    print(f"database: duckdb, kepesertaan {n:,} (data contoh)")

    saringan = saringan_bergilir(hari_ini, args.ulang)
    assert len(batas.fitur_web) == len(batas.desa)  # parsed once per process, as in the app
    byte_lapisan = bangun_peta(engine, batas, aset, *saringan[0])
    byte_dasar = len(pf.peta_dasar(batas.kabupaten_web, peta.siapkan_geometri_peta(batas), aset)
                     .get_root().render().encode())
    html_naif = bangun_naif(engine, pengaturan.folder_batas, aset, *saringan[0])
    print(f"payload lapisan desa per perubahan: {byte_lapisan:,} byte (target <= {TARGET_BYTE:,}); "
          f"peta dasar sekali: {byte_dasar:,} byte")
    print(f"payload peta naif (geometri penuh): {len(html_naif.encode()):,} byte "
          f"({len(html_naif.encode()) / (byte_lapisan + byte_dasar):.1f}x)")

    cepat = ukur(lambda s, u: bangun_peta(engine, batas, aset, s, u), saringan)
    naif = ukur(lambda s, u: bangun_naif(engine, pengaturan.folder_batas, aset, s, u), saringan)
    m_cepat, m_naif = statistics.median(cepat), statistics.median(naif)
    print(f"bangun peta per perubahan saringan: median {m_cepat:.1f} ms (target < {TARGET_BANGUN_MS:.0f}); "
          f"naif {m_naif:.1f} ms; rasio {m_naif / m_cepat:.1f}x")

    from playwright.sync_api import sync_playwright

    # The naive page reads a copy of the same data, so both servers and this process keep their own file.
    engine.dispose()
    salinan = sementara / "naif.duckdb"
    shutil.copy(sementara / "db" / "peta.duckdb", salinan)
    (sementara / "naif_app.py").write_text(HALAMAN_NAIF, encoding="utf-8")
    shutil.copytree(FOLDER_STATIS, sementara / "static")  # Streamlit serves static/ beside the script
    with server_streamlit(sementara / "app", sementara / "streamlit.log") as url, \
            server_streamlit(sementara / "naif", sementara / "naif.log", skrip=sementara / "naif_app.py",
                             env_tambahan={"BENCH_NAIF_DB": f"duckdb:///{salinan}"}) as url_naif, \
            sync_playwright() as p:
        peramban = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                     args=ARGUMEN_CHROMIUM)
        waktu_lukis(peramban, f"{url}/peta", 0)  # the first visit creates the app's demo data: not timed
        dingin, hangat = waktu_lukis(peramban, f"{url}/peta", args.lukis)
        dingin_naif, hangat_naif = waktu_lukis(peramban, url_naif, args.lukis)
        peramban.close()
    m_lukis, m_lukis_naif = statistics.median(hangat), statistics.median(hangat_naif)
    print(f"navigasi sampai poligon terlukis, kunjungan ulang: median {m_lukis:.2f} s (target < {TARGET_LUKIS_S:.0f} s); "
          f"naif {m_lukis_naif:.2f} s; rasio {m_lukis_naif / m_lukis:.1f}x")
    print(f"kunjungan pertama (cache peramban kosong): {dingin:.2f} s; naif {dingin_naif:.2f} s")


if __name__ == "__main__":
    main()
