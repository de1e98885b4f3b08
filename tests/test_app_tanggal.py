"""The whole app in AppTest on three pinned days a year apart: the demo it builds as of that day, the
overview's numbers equal to a count in pandas, every dashboard page running, the current year chosen.
(tests/browser/test_nilai_browser.py reads the same figures in Chromium.)"""

from datetime import date

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from data_access.config import AKAR_PROYEK
from data_access.db import buat_engine, siapkan_database
from data_access.demo import isi_demo
from tests.pembanding import TIGA_HARI, harapan_layar

APP = str(AKAR_PROYEK / "app.py")


@pytest.fixture(scope="module", params=TIGA_HARI, ids=str)
def hari(request, batas, tmp_path_factory):
    """The app's settings pinned to the day, on a demo database built as of that day; what it must show."""
    hari_ini: date = request.param
    folder = tmp_path_factory.mktemp(f"app_{hari_ini}")
    engine = buat_engine(f"duckdb:///{folder / 'desa_sadar.duckdb'}")
    try:
        siapkan_database(engine)
        isi_demo(engine, batas, hari_ini)
        harapan = harapan_layar(engine, hari_ini)
    finally:
        engine.dispose()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DESA_SADAR_DATA_DIR", str(folder))
        mp.setenv("DESA_SADAR_HARI_INI", hari_ini.isoformat())
        mp.delenv("DATABASE_URL", raising=False)
        st.cache_resource.clear()
        st.cache_data.clear()
        yield harapan
        st.cache_resource.clear()
        st.cache_data.clear()


def _jalan(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_overview_counts_what_pandas_counts_on_that_day(hari):
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["tab_ringkasan"] = "Iuran"  # the money tiles, beside the five above the tabs
    at = _jalan(at)
    assert {m.label: m.value for m in at.metric} == hari.metrik
    assert at.selectbox(key="periode").value == "ytd"
    assert at.caption[0].value.startswith(f"{hari.hari_ini.year} s.d. hari ini")
    assert at.selectbox(key="periode").options[2] == f"Tahun {hari.hari_ini.year}"  # this year comes first


def test_every_dashboard_page_runs_on_that_day(hari):
    at = _jalan(AppTest.from_file(APP, default_timeout=180))
    for halaman, judul in [("halaman/peta.py", "Peta"), ("halaman/kegiatan.py", "Kegiatan"),
                           ("halaman/desa_sadar.py", "Desa Sadar"), ("halaman/target.py", "Target"),
                           ("halaman/provinsi.py", "Peta provinsi")]:
        _jalan(at.switch_page(halaman))
        assert at.title[0].value.startswith(f"{judul} · "), halaman
    _jalan(at.switch_page("halaman/target.py"))
    assert at.selectbox(key="tahun").value == hari.hari_ini.year
