"""Benchmark: what a user waits for, the app beside a bare Streamlit page started and driven the same
way in the same run.

    python -m benchmarks.interaksi [--ulang 5] [--mulai 3] [--database URL] [--hari-ini 2026-11-24] [--pohon PATH]

Both servers run as users start them (`streamlit run`), on loopback, in Debian's Chromium with every
request off this machine sent to a dead proxy (so it fails and is counted) while the browser's HTTP
cache works as a user's does: each cold start is a first visit (a new context, an empty cache), the
navigations and changes a returning visitor's. The app reads demo data built once before anything is timed (today
pinned, so two runs read the same numbers). Each row is timed from the user's action until the new
view is on screen and Streamlit's run has finished (the browser has received the run's
script_finished message; no running icon, nothing stale), the page checked at every frame it draws
(tunggu_js):
- cold start: server process started until the first page's numbers are on screen;
- sidebar navigation to each page (Peta: until its 285 village polygons are in the map);
- a Ringkasan filter change (a kecamatan picked in the sidebar);
- a Peta measure change and a period change (until the villages' colours have changed);
a select's change (kecamatan, period) timed from the pick, its list already open (buka_pilihan);
and for each action its run (from the browser hearing the run begin to hearing it end: the rest
of the action is the click's trip to the server and the browser drawing the view), its script (the
server's own timing of the script runs the action caused, wall and CPU of the script's thread;
benchmarks.streamlit_tercatat), the server's CPU time and the bytes the browser received over the
WebSocket. What the script does not account for is Streamlit sending and the browser drawing.
Last, the server's peak memory after every page. The bare page is two pages of one title, one
metric and one sidebar select: its navigation and its select are the floor for every row, measured
before and after the app and pooled (each block's medians are printed below the table).
`--pohon` is another checkout of the project (a worktree of an older commit: the before of a
before/after); its app is measured the same way in the same run, before this one, on the same demo
database, so it must share this checkout's schema.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from google.protobuf.message import DecodeError
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from benchmarks.peta import ARGUMEN_CHROMIUM
from benchmarks.server import proses_streamlit
from data_access.config import AKAR_PROYEK

CHROMIUM = "/usr/bin/chromium"
BATAS_MS = 180_000
SIAP_DEMO_MS = 900_000
_SELESAI = ("!document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"], "
            "[data-testid=\"stStatusWidgetRunningManIcon\"], [data-stale=\"true\"]')")
# The app's pages in the sidebar (Indonesian titles) and the start of each page's heading.
HALAMAN_APP = ["Peta", "Kegiatan", "Target", "Desa Sadar", "Ringkasan"]
JUMLAH_DESA = 285
# Every request off this machine goes to a proxy no one listens on (loopback never goes through it).
PROXY_MATI = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost,[::1]"}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

SKRIP_DASAR = '''import streamlit as st

def halaman(nama):
    def isi():
        pilih = st.sidebar.selectbox("Kecamatan", ["Semua", "Sragi", "Bojong", "Kajen"], key="kec")
        st.title(f"{nama} · {pilih}")
        st.metric("Peserta aktif", len(pilih) * 1000)
    return st.Page(isi, title=nama, url_path=nama.lower(), default=nama == "Satu")

st.navigation([halaman("Satu"), halaman("Dua")]).run()
'''


def jenis_pesan(isi: bytes | str) -> str | None:
    """What a WebSocket frame from Streamlit is: its ForwardMsg's type ('new_session' opens a script
    run, 'script_finished' ends it), or None for a frame that is no ForwardMsg."""
    if isinstance(isi, str):
        return None
    pesan = ForwardMsg()
    try:
        pesan.ParseFromString(isi)
    except DecodeError:
        return None
    return pesan.WhichOneof("type")


@dataclass
class Server:
    """A running server seen from outside: its process (CPU, memory) and what the browser received."""
    pid: int
    diterima: list[int] = field(default_factory=list)
    # Script runs begun (a new_session message opens each) and ended (script_finished), as the
    # browser heard them: a view can be on screen while its run still sends the rest of the page.
    dimulai: int = 0
    dimulai_awal: int = 0
    jalan: bool = False  # the last of the two heard was a run's start (a start may drop an unsent end)
    # When the browser heard each run begin and end: an action's run is the span from its first
    # start to its last end; the rest of the action is the click's trip and the browser's drawing.
    awal_jalan: list[float] = field(default_factory=list)
    akhir_jalan: list[float] = field(default_factory=list)
    # The server's own record of its script runs (benchmarks.streamlit_tercatat): start, end, CPU.
    catatan_jalan: Path | None = None

    def terima(self, isi: bytes | str) -> None:
        self.diterima.append(len(isi))
        jenis = jenis_pesan(isi)
        if jenis == "new_session":
            self.dimulai += 1
            self.jalan = True
            self.awal_jalan.append(time.perf_counter())
        elif jenis == "script_finished":
            self.jalan = False
            self.akhir_jalan.append(time.perf_counter())

    def sedang_jalan(self) -> bool:
        """True until a run has begun since the action started and the last run begun has ended."""
        return self.dimulai <= self.dimulai_awal or self.jalan

    def cpu_s(self) -> float:
        isi = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(isi[11]) + int(isi[12])) / os.sysconf("SC_CLK_TCK")

    def skrip_sejak(self, mulai: float) -> tuple[float, float]:
        """The server's script runs begun since `mulai` (this process's perf_counter; the same
        monotonic clock): their summed wall time and CPU time, in seconds."""
        if self.catatan_jalan is None or not self.catatan_jalan.exists():
            return float("nan"), float("nan")
        jalan = [tuple(map(float, b.split())) for b in self.catatan_jalan.read_text().splitlines() if b]
        jalan = [(a, z, c) for a, z, c in jalan if a >= mulai]
        return sum(z - a for a, z, _ in jalan), sum(c for *_, c in jalan)

    def memori_mb(self, kunci: str = "VmHWM") -> float:
        for baris in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if baris.startswith(kunci + ":"):
                return int(baris.split()[1]) / 1024
        return float("nan")


@dataclass
class Ukuran:
    detik: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    byte: list[int] = field(default_factory=list)
    jalan: list[float] = field(default_factory=list)  # seconds from the run's start to its end
    skrip: list[float] = field(default_factory=list)  # the server's script runs, as the server timed them
    skrip_cpu: list[float] = field(default_factory=list)

    def ringkas(self) -> tuple[float, float, float]:
        return (statistics.median(self.detik), statistics.median(self.cpu) if self.cpu else float("nan"),
                statistics.median(self.byte) if self.byte else float("nan"))

    def median_jalan(self) -> float:
        return statistics.median(self.jalan) if self.jalan else float("nan")

    def median_skrip(self) -> tuple[float, float]:
        return ((statistics.median(self.skrip), statistics.median(self.skrip_cpu)) if self.skrip
                else (float("nan"), float("nan")))


def gabung(a: Ukuran, b: Ukuran) -> Ukuran:
    """Two blocks of the same action's measurements as one."""
    return Ukuran(a.detik + b.detik, a.cpu + b.cpu, a.byte + b.byte, a.jalan + b.jalan, a.skrip + b.skrip,
                  a.skrip_cpu + b.skrip_cpu)


_SERVER_HALAMAN: dict[object, Server] = {}


def tunggu_selesai(page) -> None:
    """The page shows no running run and nothing stale, and (for a page opened with buka_halaman)
    the server's run has ended: Streamlit shows its running icon only after a moment, so the page
    alone can look done while the run still sends the rest of the page (a 220 KB map picture that
    was counted in the next action's bytes)."""
    server = _SERVER_HALAMAN.get(page)
    if server is not None:
        batas = time.monotonic() + BATAS_MS / 1000
        while server.sedang_jalan():
            if time.monotonic() > batas:
                raise TimeoutError("run Streamlit tidak selesai")
            page.wait_for_timeout(5)  # lets Playwright deliver the WebSocket frames; not a wait for an outcome
    page.wait_for_function(_SELESAI, timeout=BATAS_MS)


@contextmanager
def diukur(server: Server, ukuran: Ukuran) -> Iterator[None]:
    """Time the block (an action and the wait for its view); the server's CPU and the bytes with it."""
    byte, cpu = sum(server.diterima), server.cpu_s()
    server.dimulai_awal = server.dimulai
    mulai = time.perf_counter()
    yield
    ukuran.detik.append(time.perf_counter() - mulai)
    ukuran.cpu.append(server.cpu_s() - cpu)
    ukuran.byte.append(sum(server.diterima) - byte)
    awal = [t for t in server.awal_jalan if t >= mulai]
    akhir = [t for t in server.akhir_jalan if t >= mulai]
    if awal and akhir:
        ukuran.jalan.append(akhir[-1] - awal[0])
    skrip, skrip_cpu = server.skrip_sejak(mulai)
    if not math.isnan(skrip):  # the server recorded its runs
        ukuran.skrip.append(skrip)
        ukuran.skrip_cpu.append(skrip_cpu)


def buka_halaman(konteks, server: Server, url: str):
    page = konteks.new_page()
    page.on("websocket", lambda ws: ws.on("framereceived", server.terima))
    _SERVER_HALAMAN[page] = server
    page.goto(url)
    return page


def tunggu_js(page, syarat: str, arg: object = None) -> None:
    """Wait until the JavaScript function `syarat` (given `arg`) returns true, checked at every frame
    the page draws. Not a locator's wait_for: Playwright checks a locator 0, 20, 70, 170 and 270 ms
    after the wait begins and every 500 ms after that, so a view that appeared at 180 ms was timed at
    270 and one at 280 ms at 770: the checker's schedule, not the page, made the figure."""
    page.wait_for_function(syarat, arg=arg, polling="raf", timeout=BATAS_MS)


def judul(page, awal: str) -> None:
    """The page's title (its h1) begins with `awal` and its run has ended."""
    tunggu_js(page, "awal => [...document.querySelectorAll('h1')].some(h => h.textContent.trim().startsWith(awal))", awal)
    tunggu_selesai(page)


def buka_pilihan(page, label: str) -> None:
    """Open the sidebar select called `label` and wait for its options: a user's look at the list,
    not part of what the app answers (the pick is timed: pilih)."""
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=label).click()
    tunggu_js(page, "() => document.querySelectorAll('[role=option]').length > 0")


def pilih(page, nomor: int) -> None:
    """Pick option number `nomor` of the open select (buka_pilihan)."""
    page.get_by_role("option").nth(nomor).click()


def pilih_di_sisi(page, label: str, nomor: int) -> None:
    """Open the sidebar select called `label` and pick its option number `nomor`."""
    buka_pilihan(page, label)
    pilih(page, nomor)


# The village paths inside streamlit-folium's frame (a component frame of the app's own origin), and
# their fill colours as one string.
_JALUR_DESA = ("document.querySelector('iframe[title*=\"st_folium\"]')?.contentDocument"
               "?.querySelectorAll('path.leaflet-interactive') ?? []")
_WARNA_DESA = f"[...{_JALUR_DESA}].map(e => e.getAttribute('fill')).join(',')"


def warna_desa(page) -> str:
    return page.evaluate(f"() => {_WARNA_DESA}")


def tunggu_peta(page) -> None:
    tunggu_js(page, f"n => {_JALUR_DESA}.length >= n", JUMLAH_DESA)
    tunggu_selesai(page)


def tunggu_warna_berubah(page, sebelum: str) -> None:
    tunggu_js(page, f"sebelum => {_WARNA_DESA} !== sebelum", sebelum)
    tunggu_selesai(page)


def konteks_baru(peramban, diblokir: list[str]):
    """A browser context (its own empty HTTP cache) that notes every request off this machine; the
    launch's dead proxy (PROXY_MATI) makes each of them fail."""
    konteks = peramban.new_context(viewport={"width": 1600, "height": 1000})
    konteks.on("requestfailed", lambda r: None if urlparse(r.url).hostname in LOOPBACK else diblokir.append(r.url))
    return konteks


def mulai_dingin(peramban, diblokir: list[str], folder: Path, nama: str, skrip: Path | None, env: dict[str, str],
                 siap: Callable[[object], None], akar: Path = AKAR_PROYEK) -> float:
    """Server start to `siap`, for a first visit: a new context, nothing in the browser's cache."""
    mulai = time.perf_counter()
    konteks = konteks_baru(peramban, diblokir)
    with proses_streamlit(folder, folder.parent / f"{nama}.log", skrip, env_tambahan=env, akar=akar,
                          selang_sehat=0.01) as (url, _):
        page = konteks.new_page()
        # Watched from the moment the page exists, not from its load event, which may come after the numbers.
        page.goto(url, wait_until="commit")
        siap(page)
        detik = time.perf_counter() - mulai
    konteks.close()
    return detik


def metrik_tampil(jumlah: int) -> Callable[[object], None]:
    def siap(page) -> None:
        tunggu_js(page, "n => document.querySelectorAll('[data-testid=\"stMetricValue\"]').length >= n", jumlah)
        tunggu_selesai(page)
    return siap


def bagian_dasar(peramban, konteks, diblokir: list[str], folder: Path, args) -> dict[str, Ukuran]:
    skrip = folder / "dasar.py"
    skrip.write_text(SKRIP_DASAR, encoding="utf-8")
    hasil = {"mulai": Ukuran(), "navigasi": Ukuran(), "saringan": Ukuran()}
    for _ in range(args.mulai):
        hasil["mulai"].detik.append(mulai_dingin(peramban, diblokir, folder / "dasar", "dasar", skrip, {},
                                                       metrik_tampil(1)))
    catatan = folder / "dasar_jalan.txt"
    catatan.unlink(missing_ok=True)
    with proses_streamlit(folder / "dasar", folder / "dasar.log", skrip=skrip, catat_jalan=catatan) as (url, proses):
        server = Server(proses.pid, catatan_jalan=catatan)
        page = buka_halaman(konteks, server, url)
        judul(page, "Satu")
        for i in range(args.ulang):
            tujuan = "Dua" if i % 2 == 0 else "Satu"
            with diukur(server, hasil["navigasi"]):
                page.locator('[data-testid="stSidebarNav"] a').filter(has_text=tujuan).click()
                judul(page, tujuan)
            nomor = 1 + i % 3
            buka_pilihan(page, "Kecamatan")
            with diukur(server, hasil["saringan"]):
                pilih(page, nomor)
                judul(page, f"{tujuan} · {['Semua', 'Sragi', 'Bojong', 'Kajen'][nomor]}")
            pilih_di_sisi(page, "Kecamatan", 0)
            judul(page, f"{tujuan} · Semua")
        hasil["memori"] = server.memori_mb()
    return hasil


def bagian_app(peramban, konteks, diblokir: list[str], folder: Path, env: dict[str, str], args,
               akar: Path, nama: str) -> dict[str, Ukuran]:
    """Every app row, for the app of the checkout `akar` (logs and run records named `nama`)."""
    hasil: dict = {"mulai": Ukuran(), **{h: Ukuran() for h in HALAMAN_APP},
                   "saringan": Ukuran(), "ukuran_peta": Ukuran(), "periode_peta": Ukuran()}
    for _ in range(args.mulai):
        hasil["mulai"].detik.append(mulai_dingin(peramban, diblokir, folder / "app", nama, None, env,
                                                 metrik_tampil(5), akar))
    catatan = folder / f"{nama}_jalan.txt"
    catatan.unlink(missing_ok=True)
    with proses_streamlit(folder / "app", folder / f"{nama}.log", env_tambahan=env, catat_jalan=catatan,
                          akar=akar) as (url, proses):
        server = Server(proses.pid, catatan_jalan=catatan)
        page = buka_halaman(konteks, server, url)
        metrik_tampil(5)(page)
        for _ in range(args.ulang):
            for nama in HALAMAN_APP:
                with diukur(server, hasil[nama]):
                    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=nama).first.click()
                    judul(page, f"{nama} ·")
                    if nama == "Peta":
                        tunggu_peta(page)
        hasil["memori"] = server.memori_mb()
        # Ringkasan is open: pick a kecamatan, then back to the whole regency (not timed).
        for i in range(args.ulang):
            buka_pilihan(page, "Kecamatan")
            with diukur(server, hasil["saringan"]):
                pilih(page, 1 + i)
                tunggu_js(page, "() => !document.querySelector('h1').textContent.includes('Kabupaten')")
                tunggu_selesai(page)
            pilih_di_sisi(page, "Kecamatan", 0)
            judul(page, "Ringkasan · Kabupaten")
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Peta").first.click()
        judul(page, "Peta ·")
        tunggu_peta(page)
        ukuran_peta = ["Peserta aktif", "Pendaftaran baru", "Cakupan BPU (%)"]
        for i in range(args.ulang):
            sebelum = warna_desa(page)
            with diukur(server, hasil["ukuran_peta"]):
                page.locator('[data-testid="stButtonGroup"]').get_by_text(ukuran_peta[i % 3], exact=True).click()
                tunggu_warna_berubah(page, sebelum)
        for i in range(args.ulang):
            sebelum = warna_desa(page)
            # Presets that end on different days (2026-K3, 2025, 2026-K1, 2026-K2), so the colours change.
            buka_pilihan(page, "Periode")
            with diukur(server, hasil["periode_peta"]):
                pilih(page, [4, 7, 6, 5][i % 4])
                tunggu_warna_berubah(page, sebelum)
        hasil["memori_akhir"] = server.memori_mb()
    return hasil


def cetak(dasar: dict, app: dict) -> None:
    def baris(nama: str, a: Ukuran, d: Ukuran) -> None:
        da, ca, ba = a.ringkas()
        dd, cd, bd = d.ringkas()
        sa, sca = a.median_skrip()
        sd, _ = d.median_skrip()
        print(f"| {nama} | {da:.2f} s | {a.median_jalan():.2f} s | {sa * 1000:.0f} / {sca * 1000:.0f} ms "
              f"| {ca * 1000:.0f} ms | {ba / 1024:,.0f} KB | {dd:.2f} s | {d.median_jalan():.2f} s | {sd * 1000:.0f} ms "
              f"| {cd * 1000:.0f} ms | {da / dd:.1f}× |")

    print("\n| action (median) | app | its run | its script: time / CPU | server CPU | received | bare page | its run "
          "| its script | bare CPU | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    da, dd = app["mulai"].ringkas()[0], dasar["mulai"].ringkas()[0]
    print(f"| cold start to the first page's numbers | {da:.2f} s | | | | | {dd:.2f} s | | | | {da / dd:.1f}× |")
    for nama in HALAMAN_APP:
        baris(f"sidebar navigation to {nama}", app[nama], dasar["navigasi"])
    baris("Ringkasan filter change (kecamatan)", app["saringan"], dasar["saringan"])
    baris("Peta measure change", app["ukuran_peta"], dasar["saringan"])
    baris("Peta period change", app["periode_peta"], dasar["saringan"])
    print(f"| server peak memory after every page | {app['memori']:.0f} MB "
          f"({app['memori_akhir']:.0f} MB after the changes) | | | | | {dasar['memori']:.0f} MB | | | | |")


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=5, help="times each action is repeated")
    parser.add_argument("--mulai", type=int, default=3, help="cold starts of each server")
    parser.add_argument("--database", help="DATABASE_URL (default: the embedded DuckDB in a temporary folder)")
    parser.add_argument("--hari-ini", default="2026-11-24", help="the app's pinned today")
    parser.add_argument("--folder", type=Path, help="keep the servers' folders (and the demo database) here")
    parser.add_argument("--pohon", type=Path, help="another checkout of the project, measured before this one")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="interaksi_"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {"DESA_SADAR_HARI_INI": args.hari_ini, **({"DATABASE_URL": args.database} if args.database else {})}
    with sync_playwright() as pw:
        # The network is cut by a dead proxy, not by intercepting requests: Playwright's interception
        # turns the browser's HTTP cache off, and a user's browser keeps what the server lets it.
        peramban = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM, proxy=PROXY_MATI)
        diblokir: list[str] = []
        konteks = konteks_baru(peramban, diblokir)
        # The demo database is built on the first start: a set-up, not a cold start.
        with proses_streamlit(folder / "app", folder / "siap.log", env_tambahan=env) as (url, _):
            page = konteks.new_page()
            page.goto(url)
            page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=SIAP_DEMO_MS)
            page.close()
        print(f"folder: {folder}; hari ini: {args.hari_ini}; "
              f"database: {'PostgreSQL' if args.database else 'DuckDB (bawaan)'}; ulang {args.ulang}, mulai {args.mulai}")
        # The bare page before and after the app, pooled: between runs its floor moved from 0.11 to
        # 0.34 s, and one block of it taken before the app made every ratio swing with it.
        sebelum = bagian_dasar(peramban, konteks, diblokir, folder, args)
        app = {akar: bagian_app(peramban, konteks, diblokir, folder, env, args, akar, f"app_{i}")
               for i, akar in enumerate([*([args.pohon.resolve()] if args.pohon else []), AKAR_PROYEK])}
        sesudah = bagian_dasar(peramban, konteks, diblokir, folder, args)
        dasar = {nama: gabung(sebelum[nama], sesudah[nama]) for nama in ("mulai", "navigasi", "saringan")}
        dasar["memori"] = max(sebelum["memori"], sesudah["memori"])
        for akar, hasil in app.items():
            komit = subprocess.run(["git", "-C", str(akar), "rev-parse", "--short", "HEAD"],
                                   capture_output=True, text=True).stdout.strip()
            print(f"\napp at {akar} ({komit or 'not a git checkout'})")
            cetak(dasar, hasil)
        print("\nbare page before / after the app (medians): cold start "
              + " / ".join(f"{h['mulai'].ringkas()[0]:.2f}" for h in (sebelum, sesudah)) + " s, navigation "
              + " / ".join(f"{h['navigasi'].ringkas()[0]:.2f}" for h in (sebelum, sesudah)) + " s, select "
              + " / ".join(f"{h['saringan'].ringkas()[0]:.2f}" for h in (sebelum, sesudah)) + " s")
        print(f"\nrequests off this machine blocked: {len(diblokir)}")
        peramban.close()


if __name__ == "__main__":
    main()
