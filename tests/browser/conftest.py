"""A real app server and Debian's Chromium, with every request off this machine aborted and counted.

A server is ready when its first page has rendered its numbers in Chromium (the demo database is
built by then), not when its health endpoint answers: the set-up gets its own, longer budget and a
test's timeouts measure the page. Every warning, error or traceback a server logs while a test runs
fails that test.
"""

from __future__ import annotations

import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import BytesIO
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image

from benchmarks.interaksi import jenis_pesan
from benchmarks.server import server_streamlit
from tests.conftest import wajib_ada

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FOLDER_GAMBAR = Path(__file__).resolve().parent / "screenshots"
# Flags the machine's probe uses: no sandbox as root, and none of Chromium's own calls home.
ARGUMEN_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TUNGGU_MS = 60_000
# Building the demo database on first start (PostgreSQL is the slower) is the server's set-up.
SIAP_MS = 600_000
# Streamlit shows a running icon during a run and marks elements left from the previous run stale;
# until both are gone, what is on screen may still be the old view.
_SELESAI = ("!document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"], "
            "[data-testid=\"stStatusWidgetRunningManIcon\"], [data-stale=\"true\"]')")


HIJAU = (0x0B, 0x6E, 0x4F)  # tampilan.grafik.WARNA_UTAMA
MERAH = (0xC0, 0x39, 0x2B)  # tampilan.grafik.WARNA_TARGET


def piksel_warna(png: bytes, warna: tuple[int, int, int] = HIJAU) -> int:
    """Pixels of roughly this colour in a screenshot: an empty chart or map has none."""
    gambar = Image.open(BytesIO(png)).convert("RGB")
    return sum(1 for p in gambar.get_flattened_data() if all(abs(a - b) < 40 for a, b in zip(p, warna, strict=True)))


class JalanDidengar:
    """A page's script runs as the browser hears them over Streamlit's WebSocket: the page can look
    idle (no running icon yet, nothing marked stale) a moment before a run has ended."""

    def __init__(self) -> None:
        self.dimulai = 0
        self.berjalan = False

    def dengar(self, ws) -> None:
        ws.on("framereceived", self.terima)
        # A page left mid-run (another address opened) hears no end of that run.
        ws.on("close", lambda _: setattr(self, "berjalan", False))

    def terima(self, isi: bytes | str) -> None:
        jenis = jenis_pesan(isi)
        if jenis == "new_session":
            self.dimulai += 1
            self.berjalan = True
        elif jenis == "script_finished":
            self.berjalan = False


def _sampai(page, syarat, detik: float) -> bool:
    """Poll `syarat` for up to `detik` seconds while Playwright delivers the page's WebSocket frames."""
    batas = time.monotonic() + detik
    while not syarat():
        if time.monotonic() > batas:
            return False
        page.wait_for_timeout(5)  # lets Playwright deliver the frames; not a wait for an outcome
    return True


def tunggu_selesai(page) -> None:
    """Wait until Streamlit has finished the current run: heard ended (a page from the `halaman`
    fixture) and nothing on screen running or stale."""
    jalan = getattr(page, "jalan", None)
    if jalan is not None and not _sampai(page, lambda: not jalan.berjalan, TUNGGU_MS / 1000):
        raise AssertionError(f"run Streamlit tidak selesai dalam {TUNGGU_MS} ms")
    page.wait_for_function(_SELESAI, timeout=TUNGGU_MS)


def buka(page, url: str, judul: str, tinggi: int = 2600) -> None:
    """Open a page tall enough to hold it whole and wait until its run has finished."""
    page.set_viewport_size({"width": 1600, "height": tinggi})
    page.goto(url)
    page.get_by_role("heading", name=judul).wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)


def buka_tab(page, nama: str) -> None:
    """Open one of a page's tabs by its label (the page reruns and draws that tab only) and wait until
    the run the click began has ended.

    CI once waited a minute for a tab whose click had not taken (Target's "By kecamatan" right after
    "Regency"; not seen again here in 30 such double clicks, 0 to 80 ms apart, nor in 4 runs of that
    test). The wait for the tab before it then ended when the page looked idle, which it does a moment
    before a run has ended, so the click most likely landed while that run redrew the tab bar. The
    waits are now for the runs themselves, heard over the WebSocket, and a click that begins no run
    is made again, as a user would; a tab that never opens still fails, naming the one that is open."""
    tab = page.get_by_role("tab", name=nama)
    terbuka = page.get_by_role("tab", name=nama, selected=True)
    jalan = page.jalan  # a page from the `halaman` fixture
    batas = time.monotonic() + TUNGGU_MS / 1000
    while True:
        tunggu_selesai(page)
        if terbuka.count():
            return
        if time.monotonic() > batas:
            dipilih = page.locator('[role="tab"][aria-selected="true"]').all_inner_texts()
            raise AssertionError(f"tab {nama!r} tidak terbuka dalam {TUNGGU_MS} ms; yang terbuka: {dipilih}")
        sebelum = jalan.dimulai
        tab.click()
        # The run the click begins is waited for above; a click that begins none is made again.
        _sampai(page, lambda n=sebelum: jalan.dimulai > n, 5)


# A level the log format of benchmarks.server writes, a Python warning, or a traceback.
_MASALAH_LOG = re.compile(r" (WARNING|ERROR|CRITICAL) |\w+Warning: |Traceback \(most recent call last\)")
# Every server log a test may have written to: path -> how far it had been read.
_LOG_SERVER: dict[Path, int] = {}


def masalah_log(log: Path, dari: int = 0) -> list[str]:
    """The lines of a server log from byte `dari` on that report a warning, an error or a traceback."""
    with open(log, "rb") as f:
        f.seek(dari)
        baru = f.read().decode("utf-8", errors="replace")
    return [baris for baris in baru.splitlines() if _MASALAH_LOG.search(baris)]


def tunggu_siap(peramban, url: str) -> None:
    """Poll until the app's first page shows its five numbers: the server has built its database."""
    konteks = peramban.new_context(viewport={"width": 1600, "height": 1000})
    try:
        page = konteks.new_page()
        page.goto(url, timeout=SIAP_MS)
        page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=SIAP_MS)
        page.wait_for_function(_SELESAI, timeout=SIAP_MS)
    finally:
        konteks.close()


@contextmanager
def server_siap(peramban, folder: Path, log: Path, env: dict[str, str] | None = None,
                rahasia: Path | None = None) -> Iterator[str]:
    """A server started as a user starts it, yielded once its first page has rendered; its log is
    watched by `log_server_bersih` for every test that runs while it is up."""
    with server_streamlit(folder, log, env_tambahan=env, rahasia=rahasia) as url:
        tunggu_siap(peramban, url)
        masalah = masalah_log(log)
        assert not masalah, f"log server saat mulai ({log}):\n" + "\n".join(masalah)
        _LOG_SERVER[log] = log.stat().st_size
        try:
            yield url
        finally:
            _LOG_SERVER.pop(log, None)


@pytest.fixture(autouse=True)
def log_server_bersih(request):
    """Fail the test during which a server logged a warning, an error or a traceback."""
    awal = {log: log.stat().st_size for log in _LOG_SERVER}
    yield
    masalah = []
    for log in list(_LOG_SERVER):
        masalah += masalah_log(log, awal.get(log, _LOG_SERVER[log]))
        _LOG_SERVER[log] = log.stat().st_size
    if masalah:
        pytest.fail("log server mencatat masalah selama tes ini:\n" + "\n".join(masalah[:20]), pytrace=False)


@pytest.fixture(scope="session")
def server_app(peramban, tmp_path_factory):
    """The app as a user starts it, on a free loopback port, demo data created on first start."""
    with server_siap(peramban, tmp_path_factory.mktemp("app_browser"),
                     tmp_path_factory.getbasetemp() / "streamlit.log") as url:
        yield url


# Staff accounts for servers that need them: name -> (role, password). Hashed with few bcrypt rounds.
AKUN_UJI = {"admin": ("admin", "sandi-admin-uji"), "siti": ("staf", "sandi-siti-uji"),
            "rina": ("pimpinan", "sandi-rina-uji")}


def rahasia_akun(folder: Path) -> Path:
    """A secrets.toml holding AKUN_UJI, for a server started with `rahasia=`."""
    import bcrypt

    folder.mkdir(parents=True, exist_ok=True)
    berkas = folder / "secrets.toml"
    berkas.write_text("".join(
        f'[akun.{nama}]\nperan = "{peran}"\nhash = "{bcrypt.hashpw(sandi.encode(), bcrypt.gensalt(rounds=4)).decode()}"\n'
        for nama, (peran, sandi) in AKUN_UJI.items()), encoding="utf-8")
    return berkas


def masuk(page, nama: str, sandi: str | None = None) -> None:
    """Fill in the sign-in page the browser is on and send it; waits until it has left the page."""
    page.get_by_label(re.compile("Nama akun|Account name")).fill(nama)
    page.get_by_label(re.compile("Kata sandi|Password")).fill(sandi if sandi is not None else AKUN_UJI[nama][1])
    page.get_by_role("button", name=re.compile("^(Masuk|Sign in)$")).click()
    page.wait_for_load_state()


@pytest.fixture(scope="session")
def peramban():
    if not Path(CHROMIUM).exists():
        wajib_ada("Chromium Debian tidak terpasang (paket 'chromium'); tes peramban dilewati")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        wajib_ada("paket Python 'playwright' tidak terpasang (requirements-dev.txt)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM)
        yield browser
        browser.close()


@pytest.fixture
def halaman(peramban, request):
    """A page whose requests to any host but loopback are aborted; `halaman.diblokir` lists them."""
    konteks = peramban.new_context(viewport={"width": 1600, "height": 1000}, locale="id-ID")
    diblokir: list[str] = []

    def saring(route):
        host = urlparse(route.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost", "::1") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            diblokir.append(route.request.url)
            route.abort()

    konteks.route("**/*", saring)
    page = konteks.new_page()
    page.diblokir = diblokir
    page.jalan = JalanDidengar()
    page.on("websocket", page.jalan.dengar)
    yield page
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    if request.node.rep_call.failed if hasattr(request.node, "rep_call") else False:
        page.screenshot(path=str(FOLDER_GAMBAR / f"GAGAL-{request.node.name}.png"), full_page=True)
    konteks.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    hasil = yield
    laporan = hasil.get_result()
    setattr(item, f"rep_{laporan.when}", laporan)
