"""Benchmark: the dashboard at scale (10M enrolments, a whole province), each figure beside a simple
baseline measured in the same run.

    python -m benchmarks.skala --database URL [--scale 10m] [--provinsi 33] [--ulang 20] [--lukis 5]

An empty database is first filled with demo data of the given size: the app's regency, or with
--provinsi every village of that province. Then:
1. Filter changes (Ringkasan and map values) through the monthly rollup, against the same pages
   with active counts read from the islands directly (the app before the rollup).
2. Memory: this process's peak, and the app server's peak while it serves the pages below.
3. First page from a cold start: `streamlit run server.py` started, Ringkasan's numbers on screen in
   headless Chromium; against a one-line Streamlit page started the same way (the floor).
4. The province map (/provinsi) in Chromium with the network cut off: first paint of every village,
   a measure change, and the bytes a change sends, against sending the village geometry again.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from unittest import mock

from benchmarks.naif import aktif_per_desa_pindai, hitungan_aktif_pindai
from benchmarks.ringkasan import daftar_saringan, ukur
from benchmarks.server import proses_streamlit
from data_access import peta, ringkasan
from data_access.__main__ import baca_skala, skala_untuk
from data_access.batas import muat_batas
from data_access.config import muat_pengaturan
from data_access.db import baca, buat_engine, siapkan_database
from data_access.demo import desa_provinsi_untuk_demo, desa_untuk_demo, isi_demo, isi_demo_provinsi
from data_access.provinsi import desa_provinsi, nilai_provinsi, siapkan_peta_provinsi
from domain.saringan import Saringan

TARGET_QUERY_MS, TARGET_MEMORI_MB, TARGET_DINGIN_S = 1000.0, 2048.0, 8.0
TARGET_LUKIS_S, TARGET_GANTI_S = 3.0, 1.0


def ringkas(nama: str, cepat: list[float], naif: list[float], target: float | None = None) -> None:
    m_c, m_n = statistics.median(cepat), statistics.median(naif)
    tanda = f"; target < {target:.0f} ms -> {'TERCAPAI' if m_c < target else 'BELUM'}" if target else ""
    print(f"{nama:<34} median {m_c:8.1f} ms  p90 {statistics.quantiles(cepat, n=10)[-1]:8.1f} ms | "
          f"dasar median {m_n:8.1f} ms ({m_n / m_c:.1f}x){tanda}")


@contextmanager
def tanpa_rekap():
    """The pages as they were before the rollup: active counts read from every island."""
    with mock.patch.object(ringkasan, "hitungan_aktif", hitungan_aktif_pindai), \
            mock.patch.object(peta, "aktif_per_desa", aktif_per_desa_pindai):
        yield


def puncak_memori_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a running process."""
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmHWM:"):
            return int(baris.split()[1]) / 1024
    return float("nan")


def isi_bila_kosong(engine, args, pengaturan, hari_ini: date) -> None:
    if baca(engine, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0]:
        return
    mulai = time.perf_counter()
    if args.provinsi:
        desa = desa_provinsi(pengaturan.folder_batas, args.provinsi)
        isi_demo_provinsi(engine, desa, hari_ini,
                          skala_untuk(args.scale, desa_provinsi_untuk_demo(desa), hari_ini))
    else:
        batas = muat_batas(pengaturan.folder_batas, pengaturan.kode_kab)
        isi_demo(engine, batas, hari_ini, skala_untuk(args.scale, desa_untuk_demo(batas), hari_ini))
    print(f"data contoh dibuat dalam {time.perf_counter() - mulai:.1f} s")


def bagian_query(engine, args, pengaturan, hari_ini: date) -> None:
    kode_kab = pengaturan.kode_kab
    kecamatan = baca(engine, "SELECT kode FROM wilayah WHERE tingkat = 'kecamatan' AND kode LIKE :a ORDER BY kode",
                     a=kode_kab + ".%")["kode"].tolist()
    saringan = daftar_saringan(hari_ini, kecamatan)[: args.ulang]
    regensi = [Saringan(kode_kab, s.periode, s.program, s.segmen) for s in saringan]
    ringkasan.ringkasan_halaman(engine, saringan[0])  # first touch of the file and the catalog
    print(f"\n1. Perubahan saringan ({len(saringan)}; dasar: hitungan aktif dibaca dari semua pulau)")
    cepat = ukur(lambda s: ringkasan.ringkasan_halaman(engine, s), saringan)
    peta_cepat = ukur(lambda s: peta.nilai_desa(engine, s), regensi)
    with tanpa_rekap():
        naif = ukur(lambda s: ringkasan.ringkasan_halaman(engine, s), saringan)
        peta_naif = ukur(lambda s: peta.nilai_desa(engine, s), regensi)
    ringkas("Ringkasan (semua query)", cepat, naif, TARGET_QUERY_MS)
    ringkas(f"Peta {kode_kab} (nilai per desa)", peta_cepat, peta_naif, TARGET_QUERY_MS)
    if args.provinsi:
        prov = [Saringan(args.provinsi, s.periode, s.program, s.segmen) for s in saringan[: max(5, args.ulang // 2)]]
        p_cepat = ukur(lambda s: nilai_provinsi(engine, s, "desa"), prov)
        with tanpa_rekap():
            p_naif = ukur(lambda s: nilai_provinsi(engine, s, "desa"), prov)
        ringkas(f"Peta provinsi {args.provinsi} (nilai per desa)", p_cepat, p_naif, TARGET_QUERY_MS)
    print(f"\n2. Memori puncak proses benchmark: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def _tunggu_ringkasan(page) -> None:
    page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=120_000)


def bagian_peramban(args, url_db: str, folder: Path) -> None:
    from playwright.sync_api import sync_playwright

    env = {"DATABASE_URL": url_db}
    with sync_playwright() as pw:
        peramban = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                      args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        konteks = peramban.new_context(viewport={"width": 1600, "height": 1000})
        diblokir = []
        konteks.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url
                      else (diblokir.append(r.request.url), r.abort()))

        skrip_dasar = folder / "dasar.py"
        skrip_dasar.write_text("import streamlit as st\nst.metric('halo', 1)\n", encoding="utf-8")
        mulai = time.perf_counter()
        with proses_streamlit(folder / "dasar", folder / "dasar.log", skrip=skrip_dasar) as (url, _):
            page = konteks.new_page()
            page.goto(url)
            page.locator('[data-testid="stMetricValue"]').wait_for(timeout=120_000)
            dasar = time.perf_counter() - mulai
            page.close()

        mulai = time.perf_counter()
        with proses_streamlit(folder / "app", folder / "app.log", env_tambahan=env) as (url, proses):
            page = konteks.new_page()
            page.goto(url)
            _tunggu_ringkasan(page)
            dingin = time.perf_counter() - mulai
            print(f"\n3. Halaman pertama dari mulai dingin: {dingin:.2f} s (server + Ringkasan di Chromium) | "
                  f"dasar (halaman Streamlit satu baris): {dasar:.2f} s; target < {TARGET_DINGIN_S:.0f} s -> "
                  f"{'TERCAPAI' if dingin < TARGET_DINGIN_S else 'BELUM'}")
            page.close()
            if args.provinsi or args.peta_provinsi:
                bagian_provinsi(peramban, konteks, url, args)
            page = konteks.new_page()
            page.goto(f"{url}/peta")
            page.frame_locator('iframe[title*="st_folium"]').locator("path.leaflet-interactive").first \
                .wait_for(state="attached", timeout=120_000)
            page.close()
            print(f"   memori puncak server aplikasi (setelah Ringkasan, peta"
                  f"{' dan peta provinsi' if args.provinsi or args.peta_provinsi else ''}):"
                  f" {puncak_memori_mb(proses.pid):.0f} MB; target < {TARGET_MEMORI_MB:.0f} MB")
        print(f"   permintaan keluar yang diblokir: {len(diblokir)}")
        peramban.close()


def _lukis_pertama(peramban, url: str, pola: str) -> float:
    """Seconds from navigation to the painted map in a fresh browser context (empty cache), network cut."""
    konteks = peramban.new_context(viewport={"width": 1600, "height": 1000})
    konteks.route("**/*", lambda r: r.continue_() if "127.0.0.1" in r.request.url else r.abort())
    page = konteks.new_page()
    mulai = time.perf_counter()
    page.goto(url)
    page.frame_locator('iframe[title*="peta_provinsi"]').locator(pola).wait_for(timeout=120_000)
    detik = time.perf_counter() - mulai
    konteks.close()
    return detik


def bagian_provinsi(peramban, konteks, url: str, args) -> None:
    """First paint of every village and measure changes on /provinsi, with the bytes each sends."""
    # The very first visit also runs the server's first queries of the page; the later ones (fresh
    # browser, empty cache, server warm) are what the next official opening the link sees.
    kabupaten = [_lukis_pertama(peramban, f"{url}/provinsi", "body[data-fitur='35']") for _ in range(3)]
    desa = [_lukis_pertama(peramban, f"{url}/provinsi?tingkat=Desa%2Fkelurahan", "body[data-fitur='8563']")
            for _ in range(3)]
    page = konteks.new_page()
    diterima: list[int] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda isi: diterima.append(len(isi))))
    page.goto(f"{url}/provinsi?tingkat=Desa%2Fkelurahan")
    bingkai = page.frame_locator('iframe[title*="peta_provinsi"]')
    badan = bingkai.locator("body[data-versi]")
    badan.wait_for(timeout=120_000)
    jumlah_fitur = int(badan.get_attribute("data-fitur"))
    ganti, byte_ganti = [], []
    ukuran = ["Cakupan BPU (%)", "Pendaftaran baru", "Peserta aktif"]
    for i in range(args.lukis):
        versi = badan.get_attribute("data-versi")
        sebelum = sum(diterima)
        mulai = time.perf_counter()
        page.get_by_text(ukuran[i % 3], exact=True).click()
        bingkai.locator(f"body:not([data-versi='{versi}'])").wait_for(timeout=60_000)
        ganti.append(time.perf_counter() - mulai)
        page.wait_for_timeout(300)  # the rest of the run's messages
        byte_ganti.append(sum(diterima) - sebelum)
    folder_statis = Path(__file__).resolve().parents[1] / "static" / "peta"
    geometri = max((p for p in folder_statis.glob(f"provinsi_{args.provinsi or '33'}_desa_*.geojson")),
                   key=lambda p: p.stat().st_mtime).stat().st_size
    m_ganti = statistics.median(ganti)
    print(f"\n4. Peta provinsi, lukisan pertama (peramban baru, cache kosong): tingkat kabupaten (bawaan) "
          f"{kabupaten[0]:.2f} s kunjungan pertama, lalu {kabupaten[1]:.2f} / {kabupaten[2]:.2f} s")
    print(f"   tingkat desa, {jumlah_fitur:,} desa: {desa[0]:.2f} s kunjungan pertama, lalu {desa[1]:.2f} / {desa[2]:.2f} s"
          f" (target < {TARGET_LUKIS_S:.0f} s -> {'TERCAPAI' if max(desa) < TARGET_LUKIS_S else 'BELUM'})")
    print(f"   ganti ukuran median {m_ganti:.2f} s, maks "
          f"{max(ganti):.2f} s (target < {TARGET_GANTI_S:.0f} s -> {'TERCAPAI' if m_ganti < TARGET_GANTI_S else 'BELUM'})")
    m_byte = statistics.median(byte_ganti)
    print(f"   dikirim per ganti ukuran: {m_byte:,.0f} byte | dasar (geometri desa dikirim ulang): "
          f"{geometri + m_byte:,.0f} byte ({(geometri + m_byte) / m_byte:.0f}x)")
    page.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.skala")
    parser.add_argument("--database", default=None, help="URL database (kosong: diisi data contoh dulu)")
    parser.add_argument("--scale", type=baca_skala, default=10_000_000, help="kepesertaan, mis. 10m")
    parser.add_argument("--provinsi", default=None, help="data contoh untuk seluruh provinsi ini, mis. 33")
    parser.add_argument("--ulang", type=int, default=20, help="perubahan saringan yang diukur")
    parser.add_argument("--lukis", type=int, default=6, help="perubahan ukuran di peta provinsi")
    parser.add_argument("--peta-provinsi", action="store_true", help="ukur peta provinsi walau data satu kabupaten")
    parser.add_argument("--tanpa-peramban", action="store_true", help="lewati bagian Chromium (3 dan 4)")
    args = parser.parse_args(argv)

    pengaturan = muat_pengaturan()
    hari_ini = pengaturan.hari_ini()
    folder = Path(tempfile.mkdtemp(prefix="skala_"))
    url = args.database or f"duckdb:///{folder / 'skala.duckdb'}"
    engine = buat_engine(url)
    siapkan_database(engine)
    isi_bila_kosong(engine, args, pengaturan, hari_ini)
    jumlah = baca(engine, """SELECT (SELECT count(*) FROM kepesertaan) AS k, (SELECT count(*) FROM peserta) AS p,
                                    (SELECT count(*) FROM wilayah WHERE tingkat = 'desa') AS d,
                                    (SELECT count(*) FROM rekap_masa_aktif) AS r""").iloc[0]
    print(f"database: {engine.dialect.name}; kepesertaan {jumlah['k']:,}; peserta {jumlah['p']:,}; "
          f"desa {jumlah['d']:,}; baris rekap bulanan {jumlah['r']:,}; {os.cpu_count()} inti")
    bagian_query(engine, args, pengaturan, hari_ini)
    engine.dispose()
    if not args.tanpa_peramban:
        siapkan_peta_provinsi(pengaturan.folder_batas, (args.provinsi or pengaturan.kode_kab[:2]))
        bagian_peramban(args, url, folder)


if __name__ == "__main__":
    main()
