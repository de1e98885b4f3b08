"""The README's set-up-and-run command, exactly as written there, starts the app: server up, first
page rendered in Chromium with the demo data it created, stopped again."""

import os
import re
import signal
import subprocess

import pytest
from playwright.sync_api import expect

from benchmarks.server import FORMAT_LOG, port_bebas, tunggu_sehat
from data_access.config import AKAR_PROYEK
from tests.browser.conftest import FOLDER_GAMBAR, SIAP_MS, TUNGGU_MS, masalah_log, tunggu_siap

pytestmark = pytest.mark.browser


def perintah_jalankan() -> str:
    """The one command in the README's Run section's code block."""
    bagian = (AKAR_PROYEK / "README.md").read_text(encoding="utf-8").split("\n## Run\n", 1)[1].split("\n## ", 1)[0]
    blok = re.findall(r"```\n(.*?)\n```", bagian, flags=re.S)
    assert len(blok) == 1 and "\n" not in blok[0].strip(), blok
    return blok[0].strip()


def test_the_readme_run_command_starts_the_app(peramban, tmp_path):
    perintah = perintah_jalankan()
    assert perintah.endswith("streamlit run server.py")
    port = port_bebas()
    # Only where it listens and where its data go differ from a user's first start.
    env = {**os.environ, "STREAMLIT_SERVER_PORT": str(port), "STREAMLIT_SERVER_ADDRESS": "127.0.0.1",
           "STREAMLIT_LOGGER_MESSAGE_FORMAT": FORMAT_LOG, "DESA_SADAR_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    log = tmp_path / "readme.log"
    with open(log, "w") as keluaran:
        proses = subprocess.Popen(["bash", "-c", perintah], cwd=AKAR_PROYEK, env=env, stdout=keluaran,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        tunggu_sehat(url, proses, log, SIAP_MS / 1000)  # the command installs first: the set-up budget
        # A first start shows the app at once, with the demo being written in the background.
        konteks = peramban.new_context(viewport={"width": 1400, "height": 900})
        try:
            page = konteks.new_page()
            page.goto(url, timeout=SIAP_MS)
            page.get_by_text("Menyiapkan data contoh untuk mulai pertama").wait_for(timeout=SIAP_MS)
            # Polled: the heading and the bar arrive as separate messages of one run.
            expect(page.locator('[data-testid="stProgress"]')).to_have_count(1, timeout=TUNGGU_MS)
            page.screenshot(path=str(FOLDER_GAMBAR / "mulai_pertama.png"))
        finally:
            konteks.close()
        tunggu_siap(peramban, url)
        assert (tmp_path / "data" / "desa_sadar.duckdb").is_file()  # the embedded default, filled on first start
        assert not masalah_log(log), log.read_text()
    finally:
        os.killpg(proses.pid, signal.SIGTERM)
        proses.wait(timeout=30)
