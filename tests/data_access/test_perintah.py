"""`python -m data_access migrate` and `demo`, run as an administrator runs them, on both engines,
with the app's "today" pinned: the demo is built as of that day."""

import os
import subprocess
import sys
from datetime import date

from data_access.config import AKAR_PROYEK
from data_access.db import buat_engine
from data_access.ringkasan import info_dataset, tanggal_data

HARI_INI = date(2027, 4, 1)  # not the suite's day: the command must take the day it is given


def _jalankan(*argumen: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DESA_SADAR_HARI_INI": HARI_INI.isoformat()}
    return subprocess.run([sys.executable, "-m", "data_access", *argumen], cwd=AKAR_PROYEK, env=env,
                          capture_output=True, text=True, timeout=600)


def test_migrate_then_demo_then_demo_again(url_kosong):
    migrasi = _jalankan("migrate", "--database", url_kosong)
    assert (migrasi.returncode, migrasi.stdout.strip()) == (0, "Skema database sudah terbaru."), migrasi.stderr
    demo = _jalankan("demo", "--database", url_kosong)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Data contoh (sintetis) dibuat dalam ") and "peserta" in demo.stdout
    engine = buat_engine(url_kosong)
    try:
        info = info_dataset(engine)
        assert (info["sumber"], info["demo_hari_ini"]) == ("demo", HARI_INI.isoformat())
        assert date(2027, 1, 1) <= tanggal_data(engine) <= HARI_INI  # data up to the pinned day, none after
    finally:
        engine.dispose()
    lagi = _jalankan("demo", "--database", url_kosong)
    assert (lagi.returncode, lagi.stdout.strip()) == (0, "Database sudah berisi data contoh; tidak ada yang ditambahkan.")
