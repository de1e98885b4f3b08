"""A real app server and Debian's Chromium, with every request off this machine aborted and counted."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from data_access.config import AKAR_PROYEK
from tests.conftest import wajib_ada

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FOLDER_GAMBAR = Path(__file__).resolve().parent / "screenshots"
# Flags the machine's probe uses: no sandbox as root, and none of Chromium's own calls home.
ARGUMEN_CHROMIUM = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BATAS_TUNGGU_SERVER_DETIK = 120
TUNGGU_MS = 60_000
# Streamlit shows a running icon during a run and marks elements left from the previous run stale;
# until both are gone, what is on screen may still be the old view.
_SELESAI = ("!document.querySelector('[data-testid=\"stStatusWidgetRunningIcon\"], "
            "[data-testid=\"stStatusWidgetRunningManIcon\"], [data-stale=\"true\"]')")


def tunggu_selesai(page) -> None:
    """Wait until Streamlit has finished the current run (no running icon, nothing stale)."""
    page.wait_for_function(_SELESAI, timeout=TUNGGU_MS)


def _port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_app(tmp_path_factory):
    """The app as a user starts it (streamlit run app.py), on a free loopback port, demo data on first start."""
    port = _port_bebas()
    env = {**os.environ, "DESA_SADAR_DATA_DIR": str(tmp_path_factory.mktemp("app_browser"))}
    env.pop("DATABASE_URL", None)
    log = open(tmp_path_factory.getbasetemp() / "streamlit.log", "w")
    proses = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(AKAR_PROYEK / "app.py"), "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=AKAR_PROYEK, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    batas = time.monotonic() + BATAS_TUNGGU_SERVER_DETIK
    while True:  # poll the health endpoint, never a fixed sleep
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proses.poll() is not None or time.monotonic() > batas:
            proses.kill()
            raise RuntimeError(f"Server Streamlit tidak siap; lihat {log.name}")
        time.sleep(0.2)
    yield url
    proses.terminate()
    proses.wait(timeout=20)


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
