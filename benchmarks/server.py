"""Start the app as a user does (streamlit run server.py) on a free loopback port; for tests and benchmarks."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from data_access.config import AKAR_PROYEK

BATAS_TUNGGU_SERVER_DETIK = 120
PEREKAM_JALAN = Path(__file__).with_name("streamlit_tercatat.py")
# Streamlit's own format has no level; with it, a test can tell a warning in the log from news.
FORMAT_LOG = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def port_bebas() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tunggu_sehat(url: str, proses: subprocess.Popen, log: Path,
                 batas_detik: float = BATAS_TUNGGU_SERVER_DETIK, selang_detik: float = 0.2) -> None:
    """Poll the server's health endpoint until it answers; fail at once if the process ends. A
    benchmark timing a cold start polls more often (`selang_detik`): every 0.2 s added up to 0.2 s
    to each start, at random."""
    batas = time.monotonic() + batas_detik
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if proses.poll() is not None or time.monotonic() > batas:
            raise RuntimeError(f"Server Streamlit tidak siap; lihat {log}")
        time.sleep(selang_detik)  # a poll interval, not a wait for an outcome


@contextmanager
def server_streamlit(folder_data: Path, log: Path, skrip: Path | None = None,
                     env_tambahan: dict[str, str] | None = None, rahasia: Path | None = None,
                     port: int | None = None) -> Iterator[str]:
    """Yield the app's URL once its health endpoint answers (polled, never a fixed sleep). `rahasia`:
    a secrets.toml to use instead of the project's (accounts for a test); `port`: the same port
    again, for a test that stops a server and starts it anew."""
    with proses_streamlit(folder_data, log, skrip, env_tambahan, rahasia, port) as (url, _):
        yield url


@contextmanager
def proses_streamlit(folder_data: Path, log: Path, skrip: Path | None = None,
                     env_tambahan: dict[str, str] | None = None,
                     rahasia: Path | None = None, port: int | None = None,
                     catat_jalan: Path | None = None, akar: Path = AKAR_PROYEK,
                     selang_sehat: float = 0.2) -> Iterator[tuple[str, subprocess.Popen]]:
    """As server_streamlit, also yielding the server process (for benchmarks that watch its memory);
    with `catat_jalan`, each script run's span and CPU go to that file (benchmarks.streamlit_tercatat).
    `akar`: the checkout to run (its server.py unless `skrip`), another commit's worktree for a
    benchmark that compares two; that checkout's own .venv runs it if it has one (an older commit
    may pin other packages)."""
    skrip = skrip or akar / "server.py"
    venv_akar = akar / ".venv" / "bin" / "python"
    python = str(venv_akar) if akar != AKAR_PROYEK and venv_akar.exists() else sys.executable
    port = port or port_bebas()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # only a database asked for below
    env.update({"DESA_SADAR_DATA_DIR": str(folder_data), **(env_tambahan or {}), "PYTHONPATH": str(akar)})
    with open(log, "w") as keluaran:
        proses = subprocess.Popen(
            # The recorder by its path in this checkout: another checkout (an older commit) may not have it.
            [python, *((str(PEREKAM_JALAN), str(catat_jalan)) if catat_jalan else ("-m", "streamlit")),
             "run", str(skrip), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true", "--logger.messageFormat", FORMAT_LOG,
             *(["--secrets.files", str(rahasia)] if rahasia else [])],
            cwd=akar, env=env, stdout=keluaran, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            tunggu_sehat(url, proses, log, selang_detik=selang_sehat)
            yield url, proses
        finally:
            proses.terminate()
            try:
                proses.wait(timeout=20)
            except subprocess.TimeoutExpired:  # busy past a polite stop (a demo still being written)
                proses.kill()
                proses.wait(timeout=20)
