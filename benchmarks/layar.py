"""Soak benchmark: the event stage refreshing thousands of times, against a plain full-page rerun.

    python -m benchmarks.layar [--siklus 2000] [--selang 0.1]

A projector screen at a launch runs all day. Each variant is started as users start it (streamlit
run, demo data created on first start) and opened in Debian's Chromium at 1920x1080 with every
request off this machine aborted. The refresh interval is shortened with DESA_SADAR_LAYAR_DETIK so
that 2,000 refreshes take minutes instead of hours; refreshing faster only makes a leak show sooner.

Measured on the server process, after a warm-up of 100 refreshes:
- memory growth: resident memory (VmRSS) after N refreshes minus after the warm-up;
- server CPU per refresh: CPU time the server process used ÷ refreshes completed (this includes the
  background thread that re-reads the numbers, one query per interval);
- refresh round trip (the stage only): from the browser's request for /layar/angka to the last byte
  of the answer, over loopback (Chromium's own request timing); an upper bound on the server time
  of one refresh.
The stage's refreshes are counted as its finished /layar/angka requests; the baseline's from the
server's own "script finished" messages, decoded from the websocket.

Baseline, same run: benchmarks/layar_naif.py, the same screen as a script that sleeps and reruns the
whole page, querying and drawing the map on every run.
Targets (issue 4): growth under 50 MB over 2,000 refreshes; refresh under 100 ms of server time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.peta import ARGUMEN_CHROMIUM
from benchmarks.server import proses_streamlit
from data_access.config import AKAR_PROYEK

TARGET_TUMBUH_MB = 50.0
TARGET_SEGAR_MS = 100.0
PEMANASAN = 100
CHROMIUM = "/usr/bin/chromium"


def rss_mb(pid: int) -> float:
    for baris in Path(f"/proc/{pid}/status").read_text().splitlines():
        if baris.startswith("VmRSS:"):
            return int(baris.split()[1]) / 1024
    raise RuntimeError("VmRSS tidak terbaca")


def cpu_detik(pid: int) -> float:
    # Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
    bagian = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(bagian[11]) + int(bagian[12])) / os.sysconf("SC_CLK_TCK")


@dataclass
class Penghitung:
    """Counts the baseline's finished runs. No round trip: the baseline reruns itself on a timer, so
    no browser request starts a run, and pairing the few rerun requests there are with whichever
    runs finished next (as this benchmark once did) gave 600–1,700 ms of nothing."""

    selesai: int = 0
    pulang_pergi_ms: list[float] = field(default_factory=list)  # stays empty

    def terima(self, muatan) -> None:
        if isinstance(muatan, bytes) and ForwardMsg.FromString(muatan).WhichOneof("type") == "script_finished":
            self.selesai += 1


@dataclass
class HasilRendam:
    nama: str
    siklus: int
    detik: float
    rss_awal: float
    rss_akhir: float
    cpu_per_siklus_ms: float
    kurva: list[tuple[int, float]]
    pulang_pergi_ms: list[float]

    @property
    def tumbuh_mb(self) -> float:
        return self.rss_akhir - self.rss_awal


@dataclass
class PenghitungHttp:
    """Counts the stage's finished refresh requests and their round trips."""

    selesai: int = 0
    pulang_pergi_ms: list[float] = field(default_factory=list)

    def terima(self, permintaan) -> None:
        if "/layar/angka" in permintaan.url:
            self.selesai += 1
            self.pulang_pergi_ms.append(permintaan.timing["responseEnd"])


def rendam(nama: str, skrip: Path, jalur: str, penanda: str, siklus: int, selang: float) -> HasilRendam:
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix=f"rendam_{nama}_"))
    with proses_streamlit(folder, folder / "streamlit.log", skrip, {"DESA_SADAR_LAYAR_DETIK": str(selang)}) as (
            url, proses), sync_playwright() as p:
        peramban = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
        halaman = peramban.new_page(viewport={"width": 1920, "height": 1080})
        halaman.route("**/*", lambda r: r.continue_() if urlparse(r.request.url).hostname == "127.0.0.1" else r.abort())
        if "/layar" in jalur:
            hitung = PenghitungHttp()
            halaman.on("requestfinished", hitung.terima)
        else:
            hitung = Penghitung()
            halaman.on("websocket", lambda ws: ws.on("framereceived", hitung.terima))
        halaman.goto(url + jalur)
        halaman.wait_for_selector(penanda, timeout=180_000)

        def tunggu_sampai(n: int) -> None:
            # Playwright's sync API delivers websocket events only while it is called.
            while hitung.selesai < n:
                halaman.wait_for_timeout(200)

        tunggu_sampai(PEMANASAN)
        n0, rss0, cpu0, t0 = hitung.selesai, rss_mb(proses.pid), cpu_detik(proses.pid), time.monotonic()
        lewati = len(hitung.pulang_pergi_ms)
        kurva = [(0, rss0)]
        for tahap in range(1, 9):
            tunggu_sampai(n0 + siklus * tahap // 8)
            kurva.append((hitung.selesai - n0, rss_mb(proses.pid)))
        n1, rss1, cpu1, t1 = hitung.selesai, rss_mb(proses.pid), cpu_detik(proses.pid), time.monotonic()
        peramban.close()
    selesai = n1 - n0
    return HasilRendam(nama, selesai, t1 - t0, rss0, rss1, (cpu1 - cpu0) * 1000 / selesai, kurva,
                       hitung.pulang_pergi_ms[lewati:])


def _persentil(nilai: list[float], p: float) -> float:
    return statistics.quantiles(nilai, n=100)[int(p) - 1] if len(nilai) > 1 else float("nan")


def main() -> None:
    argumen = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumen.add_argument("--siklus", type=int, default=2000)
    argumen.add_argument("--selang", type=float, default=0.1, help="refresh interval in seconds for the soak")
    argumen.add_argument("--tanpa-naif", action="store_true", help="only the app, for long soaks")
    a = argumen.parse_args()
    print(f"Rendam layar acara: {a.siklus} penyegaran tiap {a.selang} s, setelah {PEMANASAN} pemanasan.\n")
    hasil = [rendam("aplikasi", AKAR_PROYEK / "server.py", "/layar?kegiatan=1", '[data-uji="jumlah"]',
                    a.siklus, a.selang)]
    if not a.tanpa_naif:
        hasil.append(rendam("naif", AKAR_PROYEK / "benchmarks" / "layar_naif.py", "/?kegiatan=1", "h1", a.siklus,
                            a.selang))
    for h in hasil:
        print(f"[{h.nama}] {h.siklus} penyegaran dalam {h.detik:.0f} s, CPU server {h.cpu_per_siklus_ms:.1f} ms "
              f"per penyegaran, memori bertambah {h.tumbuh_mb:.1f} MB")
        print("  RSS (MB) per tahap: " + ", ".join(f"{n}: {r:.1f}" for n, r in h.kurva))
    if a.tanpa_naif:
        return
    app, naif = hasil
    print("\n| | aplikasi (panggung HTML + JSON, cache latar) | naif (rerun halaman penuh) | rasio naif/aplikasi |")
    print("| --- | --- | --- | --- |")
    print(f"| memori bertambah selama {app.siklus} penyegaran | {app.tumbuh_mb:.1f} MB | {naif.tumbuh_mb:.1f} MB | "
          f"{naif.tumbuh_mb / app.tumbuh_mb if app.tumbuh_mb > 0 else float('nan'):.1f}× |")
    print(f"| CPU server per penyegaran | {app.cpu_per_siklus_ms:.1f} ms | {naif.cpu_per_siklus_ms:.1f} ms | "
          f"{naif.cpu_per_siklus_ms / app.cpu_per_siklus_ms:.1f}× |")
    if app.pulang_pergi_ms:
        print(f"| pulang-pergi penyegaran (median / p95) | {statistics.median(app.pulang_pergi_ms):.1f} / "
              f"{_persentil(app.pulang_pergi_ms, 95):.1f} ms | – | |")
    print(f"\nTarget memori < {TARGET_TUMBUH_MB:.0f} MB: {'tercapai' if app.tumbuh_mb < TARGET_TUMBUH_MB else 'TIDAK'}; "
          f"target < {TARGET_SEGAR_MS:.0f} ms waktu server per penyegaran: "
          f"{'tercapai' if max(app.cpu_per_siklus_ms, _persentil(app.pulang_pergi_ms, 95)) < TARGET_SEGAR_MS else 'TIDAK'} "
          "(CPU per penyegaran dan p95 pulang-pergi).")


if __name__ == "__main__":
    main()
