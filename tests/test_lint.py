"""Lint is part of the test command, with the ruff version pinned in requirements-dev.txt."""

import shutil
import subprocess
import sys

from data_access.config import AKAR_PROYEK


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(AKAR_PROYEK / ".venv" / "bin")) or shutil.which("ruff")
    perintah = [ruff] if ruff else [sys.executable, "-m", "ruff"]
    hasil = subprocess.run([*perintah, "check", str(AKAR_PROYEK)], capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
