"""AppTest: every page runs, filters reopen from the URL, both languages, clear empty and error states.

Every test runs twice: on DuckDB, and on PostgreSQL as a branch with several users runs it. Each
time on a demo database written as of the suite's pinned day by the writer the app uses on first start.
"""

import asyncio
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from contextlib import contextmanager
from datetime import date

import pandas as pd
import pytest
import sqlalchemy as sa
import streamlit as st
from starlette.requests import Request
from starlette.responses import Response
from streamlit.testing.v1 import AppTest

from benchmarks.naif import RingkasanNaif
from data_access.config import AKAR_PROYEK, muat_pengaturan
from data_access.db import baca, buat_engine, siapkan_database
from data_access.demo import isi_demo
from domain.periode import periode_dari_kunci
from domain.peran import Peran
from domain.program import Program
from domain.saringan import Saringan
from data_access.kegiatan import atur_mode_layar
from domain.layar import ModeLayar
from layanan import cache
from layanan import layar_web, pemanasan
from tampilan.konteks import KonteksHalaman
from tampilan.teks import t
from tests.conftest import HARI_INI_UJI, database_baru

APP = str(AKAR_PROYEK / "app.py")


def konteks_uji(kode_wilayah: str | None = None, periode: str = "2019", program: str | None = None,
                segmen: str | None = None, nama_wilayah: str = "Kabupaten Pekalongan", hari_ini=HARI_INI_UJI,
                **ubah) -> KonteksHalaman:
    """What app.py gives every page, as a public viewer: a page run on its own in AppTest gets the same.
    Without a region the page gets no dashboard filter, as the live screen, the form and imports do."""
    dasar = KonteksHalaman(bahasa="id", peran=Peran.ADMIN, ambang=5, ambang_publik=5, pengguna="uji",
                           hari_ini=hari_ini, kode_kab="33.26")
    if kode_wilayah is not None:
        dasar = replace(dasar, saringan=Saringan(kode_wilayah, periode_dari_kunci(periode, hari_ini), program, segmen),
                        nama_wilayah=nama_wilayah)
    return replace(dasar, **ubah)

HALAMAN = ["halaman/ringkasan.py", "halaman/peta.py", "halaman/kegiatan.py", "halaman/desa_sadar.py", "halaman/target.py"]
ANGKA_ID = re.compile(r"^\d{1,3}(\.\d{3})*$")


@contextmanager
def _database_demo(mesin: str, folder, request, batas) -> Iterator[None]:
    """The app's settings pointed at a new demo database on `mesin`, written beforehand with the app's
    own demo writer: the app writes it in the background on a first start (tests/browser covers
    that), and an AppTest page must find its data at once."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DESA_SADAR_DATA_DIR", str(folder))
        if mesin == "postgresql":
            url = database_baru(request.getfixturevalue("server_postgresql"))
            mp.setenv("DATABASE_URL", url)
        else:
            url = f"duckdb:///{folder / 'desa_sadar.duckdb'}"
            mp.delenv("DATABASE_URL", raising=False)
        engine = buat_engine(url)
        try:
            siapkan_database(engine)
            isi_demo(engine, batas, HARI_INI_UJI)
        finally:
            engine.dispose()
        # AppTest runs share this process's caches: the app must open the database named above.
        st.cache_resource.clear()
        st.cache_data.clear()
        try:
            yield
        finally:
            st.cache_resource.clear()
            st.cache_data.clear()


@pytest.fixture(scope="module", autouse=True, params=["duckdb", "postgresql"])
def lingkungan(request, tmp_path_factory, batas):
    """One demo database per engine for this module's tests, in a folder (and database) of its own."""
    with _database_demo(request.param, tmp_path_factory.mktemp(f"app_{request.param}"), request, batas):
        yield request.param
    # A test that changes settings within the module clears the caches itself.


@pytest.fixture
def demo_sendiri(lingkungan, request, tmp_path, batas):
    """A demo database of the test's own, for a test whose real import removes the demo."""
    with _database_demo(lingkungan, tmp_path, request, batas):
        yield
    # The module's database again, for the tests after this one.
    st.cache_resource.clear()
    st.cache_data.clear()


@contextmanager
def engine_app() -> Iterator[sa.Engine]:
    """The database the app under test uses, opened beside it to count independently."""
    engine = buat_engine(muat_pengaturan().url_database)
    try:
        yield engine
    finally:
        engine.dispose()


def buka(tab: str | None = None, **query) -> AppTest:
    """The app as a link with `query` opens it; `tab`: the overview's tab to open, by its label."""
    at = AppTest.from_file(APP, default_timeout=180)
    if tab:
        at.session_state["tab_ringkasan"] = tab
    for kunci, nilai in query.items():
        at.query_params[kunci] = nilai
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_every_page_is_listed_and_runs_on_its_own():
    """Each page with the context app.py gives it, seeded (AppTest runs a switched page alone)."""
    app_py = open(APP, encoding="utf-8").read()
    for halaman in HALAMAN:
        assert f'"{halaman}"' in app_py
        for bahasa in ("id", "en"):
            at = AppTest.from_file(str(AKAR_PROYEK / halaman), default_timeout=180)
            at.session_state["konteks"] = konteks_uji("33.26.10", "2025", segmen="BPU", nama_wilayah="Sragi",
                                                      bahasa=bahasa)
            at.run()
            assert not at.exception, (halaman, bahasa, [e.value for e in at.exception])
            assert at.title and "Sragi" in at.title[0].value


def test_overview_shows_kpis_in_indonesian_format_with_the_demo_label():
    at = buka()
    assert [m.label for m in at.metric] == ["Peserta aktif", "Pendaftaran baru", "Cakupan BPU", "Capaian target",
                                            "Peserta nonaktif"]
    assert [tab.label for tab in at.tabs] == ["Program dan segmen", "Tren bulanan", "Iuran", "Jalan ke target",
                                              "Desa teratas dan terbawah"]
    at = buka(tab="Iuran")
    label = [m.label for m in at.metric]
    assert label == ["Peserta aktif", "Pendaftaran baru", "Cakupan BPU", "Capaian target", "Peserta nonaktif",
                     "Iuran tertagih", "Iuran dibayar", "Kolektibilitas (%)", "Kembali membayar"]
    nilai = {m.label: m.value for m in at.metric}
    assert ANGKA_ID.match(nilai["Peserta aktif"]) and int(nilai["Peserta aktif"].replace(".", "")) > 1_000
    assert re.match(r"^\d+,\d{2}%$", nilai["Cakupan BPU"])
    assert re.match(r"^Rp\d+,\d{2} (juta|miliar)$", nilai["Iuran dibayar"]) and re.match(r"^\d+,\d%$",
                                                                                       nilai["Kolektibilitas (%)"])
    assert any("iuran bulan itu dibayar, dengan masa tenggang 1 bulan" in c.value for c in at.caption)
    assert any("data contoh (sintetis)" in w.body for w in at.warning)
    assert "Data contoh (sintetis)" in at.caption[0].value
    assert at.title[0].value == "Ringkasan · Kabupaten Pekalongan"


def test_the_overview_draws_only_its_open_tab_and_keeps_it_across_the_language_switch():
    """Below the KPI tiles one section at a time: a visit sends the open tab's charts and tables only.
    Switching the language keeps the same tab open; a tab the new filter has not (a past period has
    no road to target) gives way to the first."""
    at = buka()
    assert [s.value for s in at.subheader] == ["Pesan utama", "Peserta aktif per program", "Peserta aktif per segmen"]
    assert not at.dataframe
    at = buka(tab="Desa teratas dan terbawah")
    assert [s.value for s in at.subheader] == ["Pesan utama", "Desa dengan cakupan BPU tertinggi",
                                               "Desa dengan cakupan BPU terendah"]
    assert len(at.dataframe) == 2
    at.radio(key="bahasa").set_value("en").run()
    assert at.session_state["tab_ringkasan"] == "Leading and trailing villages"
    assert [s.value for s in at.subheader][1:] == ["Villages leading on BPU coverage", "Villages trailing on BPU coverage"]
    at = buka(tab="Jalan ke target")
    assert at.subheader[1].value == f"Jalan menuju target {HARI_INI_UJI.year}"
    at.selectbox(key="periode").set_value("2025").run()
    assert "Jalan ke target" not in [tab.label for tab in at.tabs]
    assert at.session_state["tab_ringkasan"] == "Program dan segmen"
    assert at.subheader[1].value == "Peserta aktif per program"


def test_a_shared_link_reopens_the_same_view():
    # Streamlit writes a bound widget's label into the URL; these are the labels the sidebar shows.
    at = buka(tab="Iuran", periode="Kuartal 3 2025 (Jul–Sep)", kec="Sragi", program="JHT", segmen="BPU")
    assert at.selectbox(key="periode").value == "2025-K3"
    assert at.selectbox(key="kec").value == "33.26.10"
    assert at.selectbox(key="program").value == "JHT"
    assert at.selectbox(key="segmen").value == "BPU"
    assert at.title[0].value == "Ringkasan · Sragi"
    assert "Kuartal 3 2025" in at.caption[0].value
    # Contributions are the participant's, for all programmes: the money section says the filter is not its.
    assert any("saringan program JHT tidak berlaku di sini" in c.value for c in at.caption)


def test_a_village_link_narrows_to_the_village():
    at = buka(kec="Sragi", desa="Ketanonageng")
    assert at.selectbox(key="desa").value == "33.26.10.2001"
    assert at.title[0].value == "Ringkasan · Ketanonageng"


def test_english_switch():
    at = buka(bahasa="English", periode="Tahun 2024")
    assert [m.label for m in at.metric][0] == "Active participants"
    assert at.title[0].value.startswith("Overview")
    assert at.selectbox(key="periode").value == "2024"  # the same link works in either language
    assert any("synthetic" in w.body for w in at.warning)


def test_a_filter_with_no_data_says_what_to_do():
    at = buka(periode="Kuartal 1 2019 (Jan–Mar)", kec="Petungkriyono", program="JKP", segmen="PMI")
    assert not at.metric
    assert any("Belum ada peserta" in i.value for i in at.info)


def test_an_unknown_value_in_the_link_falls_back_instead_of_failing():
    at = buka(periode="3000-K9", kec="<img src=x onerror=alert(1)>")
    assert at.selectbox(key="periode").value == "ytd"
    assert at.selectbox(key="kec").value == ""


def test_missing_boundaries_give_a_clear_message_not_a_traceback(monkeypatch, tmp_path):
    monkeypatch.setenv("DESA_SADAR_BATAS_DIR", str(tmp_path / "tidak_ada"))
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        assert not at.exception
        assert "Folder batas wilayah tidak ditemukan" in at.error[0].value
        assert "DESA_SADAR_BATAS_DIR" in at.error[0].value
    finally:
        st.cache_resource.clear()


def _halaman_peta(**konteks) -> AppTest:
    at = AppTest.from_file(str(AKAR_PROYEK / "halaman/peta.py"), default_timeout=180)
    at.session_state["konteks"] = konteks_uji(**{"kode_wilayah": "33.26", **konteks})
    return at


def test_map_page_shows_a_villages_story():
    at = _halaman_peta(kode_wilayah="33.26.12.2008", nama_wilayah="Wonopringgo")
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.subheader[0].value == "Wonopringgo · Kec. Wonopringgo"
    tabel = [d.value for d in at.dataframe]
    assert any(t["Kegiatan"].str.startswith("Festival Nasi Goreng").any() for t in tabel if "Kegiatan" in t)
    assert any(t["Status"].tolist()[:1] == ["Dicanangkan (percontohan)"] for t in tabel if "Status" in t)


def test_map_search_resolves_what_staff_type():
    at = _halaman_peta()
    at.run()
    at.text_input(key="cari_desa").set_value("Ds. Ketanon Ageng").run()
    assert at.session_state["desa"] == "33.26.10.2001" and at.session_state["kec"] == "33.26.10"
    at.text_input(key="cari_desa").set_value("Sawangan").run()
    assert any("lebih dari satu kecamatan" in w.value for w in at.warning)


def _halaman(nama: str, **query) -> AppTest:
    at = AppTest.from_file(str(AKAR_PROYEK / "halaman" / nama), default_timeout=180)
    at.session_state["konteks"] = konteks_uji()
    for kunci, nilai in query.items():
        at.query_params[kunci] = nilai
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _isian(at: AppTest, nama: str) -> str:
    """A person field's key on the form: it names how many people this session has saved."""
    return f"daftar_{nama}_{at.session_state['daftar_ke']}"


def test_registration_form_explains_what_is_wrong_in_plain_words(monkeypatch):
    monkeypatch.setenv("DESA_SADAR_KUNCI_NIK", "kunci-uji-aplikasi-yang-panjang")
    at = _halaman("pendaftaran.py", kegiatan="1")
    assert at.selectbox[0].value == 1  # the event from the link is preselected
    assert at.selectbox(key="daftar_segmen").value == "BPU"
    assert at.checkbox(key=_isian(at, "JKK")).value and at.checkbox(key=_isian(at, "JKK")).disabled
    assert at.checkbox(key=_isian(at, "JP")).disabled and not at.checkbox(key=_isian(at, "JP")).value
    at.text_input(key="daftar_desa").set_value("Sawangan").run()
    assert any("lebih dari satu kecamatan" in w.value for w in at.warning)
    at.text_input(key="daftar_desa").set_value("ds. wonopringgo").run()
    at.checkbox(key=_isian(at, "JHT")).check()
    at.selectbox(key=_isian(at, "pekerjaan")).set_value("Nelayan")
    at.number_input(key=_isian(at, "tahun_lahir")).set_value(1985)
    at.text_input(key=_isian(at, "nik")).set_value("3326104305850001")  # a woman's NIK, the form says L
    at.button[0].click().run()
    assert any("Jenis kelamin tidak cocok" in e.value for e in at.error)
    # Refused: everything typed is still there; only the NIK or the sex needs fixing.
    assert at.checkbox(key=_isian(at, "JHT")).value and at.selectbox(key=_isian(at, "pekerjaan")).value == "Nelayan"
    assert at.text_input(key=_isian(at, "nik")).value == "3326104305850001"
    assert at.text_input(key="daftar_desa").value == "ds. wonopringgo"
    assert [e.value for e in at.error] == [
        "Belum tersimpan. Perbaiki isian yang ditandai; isian lain tetap seperti yang diketik.",
        "Jenis kelamin tidak cocok dengan NIK (pada NIK perempuan, tanggal lahir ditambah 40)."]  # at the NIK only
    at.text_input(key=_isian(at, "nik")).set_value("3326100305858001")
    token = at.session_state["daftar_token"]
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Tersimpan: JHT, JKK, JKM" in s.value for s in at.success)
    tanda_terima = [s.value for s in at.success if "Tersimpan" in s.value]
    with engine_app() as engine:
        jumlah = baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0]
    # Saved: the person's fields are empty for the next person; the event and the village stay.
    assert at.text_input(key=_isian(at, "nik")).value == "" and not at.checkbox(key=_isian(at, "JHT")).value
    assert at.selectbox(key=_isian(at, "pekerjaan")).value != "Nelayan"
    assert at.text_input(key="daftar_desa").value == "ds. wonopringgo" and at.selectbox[0].value == 1
    # The same submission again (the phone lost the reply and sent it once more): saved once.
    at.session_state["daftar_token"] = token
    at.checkbox(key=_isian(at, "JHT")).check()
    at.text_input(key=_isian(at, "nik")).set_value("3326100305858001")
    at.button[0].click().run()
    assert [s.value for s in at.success if "Tersimpan" in s.value] == tanda_terima
    with engine_app() as engine:
        assert baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == jumlah
    at.checkbox(key=_isian(at, "JHT")).check()
    at.text_input(key=_isian(at, "nik")).set_value("3326100305858001")
    at.button[0].click().run()
    assert any("sudah terdaftar" in e.value for e in at.error)


def test_the_form_warns_when_the_event_is_over():
    with engine_app() as engine:
        lama = baca(engine, "SELECT id, tanggal_selesai FROM kegiatan WHERE tanggal_selesai < :t ORDER BY id LIMIT 1",
                    t=HARI_INI_UJI)
    at = _halaman("pendaftaran.py", kegiatan=str(int(lama["id"].iloc[0])))
    assert any("sudah selesai" in w.value for w in at.warning)


def _minta(fungsi, jalur: str, kueri: str = "") -> Response:
    """One GET to a web route of server.py, as a browser on the laptop itself sends it."""
    scope = {"type": "http", "method": "GET", "path": jalur, "query_string": kueri.encode(), "scheme": "http",
             "headers": [(b"host", b"127.0.0.1:8501"), (b"accept", b"text/html")],
             "server": ("127.0.0.1", 8501), "client": ("127.0.0.1", 50000), "root_path": ""}
    # In a thread of its own: a browser test earlier in the session may leave an event loop running here.
    with ThreadPoolExecutor(1) as benang:
        return benang.submit(asyncio.run, fungsi(Request(scope))).result()


def _data_awal(jawaban: Response) -> dict:
    teks = jawaban.body.decode()
    return json.loads(re.search(r'<script type="application/json" id="data-awal">(.*?)</script>', teks, re.S).group(1))


def test_the_event_stage_shows_the_event_s_sign_ups_since_it_began(lingkungan):
    with engine_app() as engine:
        ev = baca(engine, """SELECT k.id, k.nama, count(p.id) AS n FROM kegiatan k
                             LEFT JOIN peserta p ON p.kegiatan_id = k.id GROUP BY k.id, k.nama ORDER BY k.id LIMIT 1""")
    kegiatan_id, nama, n = int(ev["id"].iloc[0]), str(ev["nama"].iloc[0]), int(ev["n"].iloc[0])
    jawaban = _minta(layar_web.halaman_layar, "/layar", f"kegiatan={kegiatan_id}")
    assert jawaban.status_code == 200
    nonce = re.search(r"script-src 'nonce-([^']+)'", jawaban.headers["content-security-policy"]).group(1)
    assert f'<script nonce="{nonce}">' in jawaban.body.decode()
    awal = _data_awal(jawaban)
    m = awal["muatan"]
    assert m["judul"] == nama and m["jumlah"] == f"{n:,}".replace(",", ".") and m["demo"] == "Data contoh (sintetis)"
    assert m["mode"] == "langsung" and awal["alamat_angka"] == f"/layar/angka?kegiatan={kegiatan_id}"
    assert awal["selang_ms"] == int(muat_pengaturan().layar_detik * 1000)
    en = json.loads(_minta(layar_web.angka_layar, "/layar/angka", f"kegiatan={kegiatan_id}&bahasa=en").body)
    assert en["jumlah_label"] == "signed up since the event began" and en["demo"] == "Sample data (synthetic)"
    assert _minta(layar_web.angka_layar, "/layar/angka", "kegiatan=abc").status_code == 404


def test_a_stage_without_its_event_offers_today_s_events_never_an_error(lingkungan):
    with engine_app() as engine:
        hari_ini = baca(engine, "SELECT id, nama FROM kegiatan WHERE tanggal_mulai <= :h AND tanggal_selesai >= :h",
                        h=HARI_INI_UJI)
    for kueri, status, pesan in [("", 200, "Layar ini belum tahu kegiatannya."),
                                 ("kegiatan=999999", 404, "Kegiatan nomor 999999 tidak ditemukan."),
                                 ("kegiatan=1%3Cscript%3E", 200, "Layar ini belum tahu kegiatannya.")]:
        jawaban = _minta(layar_web.halaman_layar, "/layar", kueri)
        teks = jawaban.body.decode()
        assert jawaban.status_code == status and pesan in teks and "Traceback" not in teks
        # No accounts and demo data only: everyone is admin (domain.peran), so the list shows.
        for r in hari_ini.itertuples():
            assert f'href="/layar?kegiatan={r.id}"' in teks
        if hari_ini.empty:
            assert "Tidak ada kegiatan yang berlangsung hari ini." in teks


def test_staff_switch_the_stage_from_the_registration_form(lingkungan):
    at = _halaman("pendaftaran.py", kegiatan="1")
    kendali = [b for b in at.button_group if b.label == "Layar acara menampilkan"]
    assert len(kendali) == 1 and kendali[0].value == "langsung"
    try:
        kendali[0].set_value("penutup").run()
        assert not at.exception
        with engine_app() as engine:
            assert baca(engine, "SELECT mode_layar FROM kegiatan WHERE id = 1")["mode_layar"].iloc[0] == "penutup"
        m = json.loads(_minta(layar_web.angka_layar, "/layar/angka", "kegiatan=1").body)
        assert m["mode"] == "penutup"  # the stage sees the switch at its next refresh, not a minute later
        [b for b in at.button_group if b.label == "Layar acara menampilkan"][0].set_value("langsung").run()
        with engine_app() as engine:
            assert baca(engine, "SELECT mode_layar FROM kegiatan WHERE id = 1")["mode_layar"].iloc[0] == "langsung"
    finally:  # the module's other tests read event 1 live, whatever happened here
        with engine_app() as engine:
            atur_mode_layar(engine, 1, ModeLayar.LANGSUNG)
        cache.atur_mode_layar(1, ModeLayar.LANGSUNG)


def _halaman_dasbor(nama: str, query: dict | None = None, keadaan: dict | None = None, **konteks) -> AppTest:
    """A page run alone with app.py's context; `keadaan`: session state to start from (a tab to open)."""
    at = AppTest.from_file(str(AKAR_PROYEK / "halaman" / nama), default_timeout=180)
    at.session_state["konteks"] = konteks_uji(**{"kode_wilayah": "33.26", **konteks})
    for kunci, nilai in (keadaan or {}).items():
        at.session_state[kunci] = nilai
    for kunci, nilai in (query or {}).items():
        at.query_params[kunci] = nilai
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _isi_formulir(at: AppTest, kunci: str, **isian) -> None:
    """Fill a form's widgets by label (the form has no keys of its own) and submit it."""
    for label, nilai in isian.items():
        for daftar in (at.text_input, at.number_input, at.text_area):
            cocok = [w for w in daftar if w.label == label and w.proto.form_id == kunci]
            if cocok:
                cocok[0].set_value(nilai)
                break
        else:
            raise AssertionError(f"tidak ada isian {label!r} di formulir {kunci}")
    next(b for b in at.button if b.proto.form_id == kunci).click().run()


def test_events_page_shows_what_an_event_produced():
    at = _halaman_dasbor("kegiatan.py", {"lihat": "Festival Nasi Goreng Wonopringgo 2019 (20/08/2019)"})
    assert at.header[0].value == "Festival Nasi Goreng Wonopringgo 2019"
    nilai = {m.label: m.value for m in at.metric}
    # Other tests in this module register people at this event; count them from the database.
    with engine_app() as engine:
        pendaftar = baca(engine, "SELECT count(*) AS n FROM peserta WHERE kegiatan_id = 1")["n"].iloc[0]
    assert pendaftar >= 100
    assert nilai["Hadir"] == "5.000" and nilai["Pendaftar"] == str(pendaftar)
    assert nilai["Konversi"] == f"{100 * pendaftar / 5000:.1f}%".replace(".", ",")
    assert re.match(r"^\d+ \(\d+,\d%\)$", nilai["Aktif 3 bln"]) and nilai["Biaya per peserta aktif"] == "–"
    # Staff switch the event's projector stage here too; leadership may look but not switch.
    assert [str(b.value) for b in at.button_group if b.label == "Layar acara menampilkan"] == ["langsung"]
    assert any("(/layar?kegiatan=1)" in m.value for m in at.markdown)
    # A link naming an event opens on its detail; the list of events is the first tab.
    assert at.session_state["tab_kegiatan"] == "Rincian kegiatan" and not at.dataframe
    at = _halaman_dasbor("kegiatan.py")
    assert at.session_state["tab_kegiatan"] == "Semua kegiatan" and not at.header
    tabel = at.dataframe[0].value
    assert tabel["Hadir"].tolist()[-1] == "5.000" and (tabel["Tanggal"].str.endswith("2019")).all()
    at.pills(key="jenis").set_value(["festival"]).run()
    assert set(at.dataframe[0].value["Jenis"]) == {"Festival"}
    pimpinan = _halaman_dasbor("kegiatan.py", {"lihat": "Festival Nasi Goreng Wonopringgo 2019 (20/08/2019)"},
                               peran=Peran.PIMPINAN, ambang=1)
    assert not [b for b in pimpinan.button_group if b.label == "Layar acara menampilkan"]


def test_choosing_an_event_opens_its_detail_tab():
    """Kegiatan opens on the list of events; choosing one in the selector opens the tab that shows it."""
    at = _halaman_dasbor("kegiatan.py")
    assert [tab.label for tab in at.tabs] == ["Semua kegiatan", "Rincian kegiatan", "Bandingkan"]
    assert at.dataframe and not at.header
    at.selectbox(key="lihat").set_value(1).run()
    assert at.session_state["tab_kegiatan"] == "Rincian kegiatan"
    assert at.header[0].value == "Festival Nasi Goreng Wonopringgo 2019" and not at.dataframe


def test_adding_an_event_checks_the_form_and_then_shows_the_event():
    at = _halaman_dasbor("kegiatan.py", periode="ytd")
    assert not at.text_input  # the folded forms are built only when opened
    at.session_state["buka_tambah_kegiatan"] = True
    at.run()
    _isi_formulir(at, "tambah", **{"Nama kegiatan": "", "Desa/Kelurahan": "Sawangan"})
    assert any("lebih dari satu kecamatan" in e.value for e in at.error)
    _isi_formulir(at, "tambah", **{"Nama kegiatan": "", "Desa/Kelurahan": "ketanon ageng"})
    assert any("Nama kegiatan wajib diisi" in e.value for e in at.error)
    _isi_formulir(at, "tambah", **{"Nama kegiatan": "Sosialisasi <b>Uji</b> AppTest", "Desa/Kelurahan": "ketanon ageng",
                                   "Jumlah hadir (kosongkan bila belum tahu)": 80})
    assert any("Kegiatan tersimpan" in s.value for s in at.success)
    tabel = at.dataframe[0].value
    assert "Sosialisasi <b>Uji</b> AppTest" in tabel["Kegiatan"].tolist()  # shown as text, never as markup
    baris = tabel[tabel["Kegiatan"] == "Sosialisasi <b>Uji</b> AppTest"].iloc[0]
    assert baris["Desa"] == "Ketanonageng" and baris["Hadir"] == "80" and baris["Aktif 3 bln"] == "belum 3 bulan"


def test_desa_sadar_page_shows_the_checklist_with_its_thresholds():
    at = _halaman_dasbor("desa_sadar.py")
    assert [m.label for m in at.metric] == ["Kandidat", "Dicanangkan (percontohan)", "Ditetapkan", "Siap ditetapkan"]
    syarat = " ".join(m.value for m in at.markdown)
    assert "minimal 100% dari perangkat" in syarat and "minimal 10% dari pekerja informal" in syarat
    assert [tab.label for tab in at.tabs] == ["Semua desa", "Rincian desa"] and not at.header
    tabel = at.dataframe[0].value
    assert set(tabel["Kesiapan"].str.replace(" ", "").str.len()) == {3}
    at.selectbox[0].set_value("33.26.12.2008").run()  # choosing a village opens its tab, and only that
    assert at.session_state["tab_desa_sadar"] == "Rincian desa"
    assert at.header[0].value == "Wonopringgo" and "Kesiapan" not in at.dataframe[0].value
    assert at.dataframe[0].value["Status"].tolist()[-1] == "Ditetapkan"
    # A sidebar filter on one village opens on its detail.
    at = _halaman_dasbor("desa_sadar.py", kode_wilayah="33.26.12.2008", nama_wilayah="Wonopringgo")
    assert at.header[0].value == "Wonopringgo"


def test_desa_sadar_entries_explain_a_refusal_and_save(monkeypatch):
    at = _halaman_dasbor("desa_sadar.py")
    at.selectbox[0].set_value("33.26.12.2008").run()
    assert not at.date_input  # the folded forms are built only when opened
    at.session_state["buka_status_baru"] = at.session_state["buka_mou_baru"] = True
    at.selectbox[0].set_value("33.26.12.2008").run()
    at.date_input[0].set_value(date(2019, 9, 3))
    next(b for b in at.button if b.proto.form_id == "status_baru").click().run()
    assert any("sudah punya status pada tanggal 03/09/2019" in e.value for e in at.error)
    at.date_input[1].set_value(date(2019, 8, 1))
    _isi_formulir(at, "mou_baru", **{"Nomor MoU": "MoU/uji/2019"})
    assert any("Tersimpan" in s.value for s in at.success)
    assert "MoU/uji/2019" in at.dataframe[-1].value["Nomor MoU"].tolist()


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_every_chart_a_page_draws_is_a_valid_vega_lite_spec(monkeypatch, bahasa):
    """Pages build their charts as plain dictionaries (tampilan.grafik, for speed), checked by no
    library on the way: here every chart the dashboards draw on demo data, its rows as Vega-Lite
    reads them, is validated against the Vega-Lite schema Altair ships; every dataset it sends is
    drawn and every one drawn is sent."""
    import jsonschema
    from altair.vegalite.v6.schema import SCHEMA_URL
    from altair.vegalite.v6.schema.core import load_schema
    from halaman import komponen
    from tampilan import grafik

    digambar = []
    monkeypatch.setattr(komponen, "grafik", lambda spek, tempat=st: digambar.append(spek))
    festival = "Festival Nasi Goreng Wonopringgo 2019 (20/08/2019)"
    jumlah = {}
    # The overview draws the charts of its open tab only: each tab with charts is opened in turn.
    tab_ringkasan = [{"keadaan": {"tab_ringkasan": t(kunci, bahasa)}}
                     for kunci in ("tab_program_segmen", "tab_tren", "tab_iuran", "tab_target")]
    for nama, query, konteks in [*(("ringkasan.py", {}, {"periode": "ytd", **tab}) for tab in tab_ringkasan),
                                 ("kegiatan.py", {"lihat": festival}, {}),
                                 ("kegiatan.py", {}, {}),  # the list of events and its funnel
                                 *(("target.py", {}, {"periode": "ytd", "keadaan": {"tab_target_halaman": t(kunci, bahasa)}})
                                   for kunci in ("tab_target_kabupaten", "tab_target_kecamatan", "tab_target_desa")),
                                 ("peta.py", {}, {"kode_wilayah": "33.26.12.2008", "nama_wilayah": "Wonopringgo"})]:
        sebelum = len(digambar)
        _halaman_dasbor(nama, query, bahasa=bahasa, **konteks)
        jumlah[nama] = jumlah.get(nama, 0) + len(digambar) - sebelum
    assert jumlah["ringkasan.py"] >= 6 and jumlah["kegiatan.py"] >= 5 and jumlah["target.py"] == 3 \
        and jumlah["peta.py"] == 1, jumlah
    assert grafik.SKEMA == SCHEMA_URL  # the schema the specs are written to is the one checked here
    pemeriksa = jsonschema.Draft7Validator(load_schema())
    for spek in digambar:
        data = spek["datasets"]
        rujukan = re.findall(r'"data": \{"name": "([^"]+)"\}', json.dumps({k: v for k, v in spek.items() if k != "datasets"}))
        assert set(rujukan) == set(data), (rujukan, list(data))  # every dataset drawn, every drawn one sent
        baris = {nama: json.loads(df.to_json(orient="records", date_format="iso")) for nama, df in data.items()}
        pemeriksa.validate({**spek, "datasets": baris})  # raises on a spec the schema refuses
        tanggal = [v for df in data.values() for k in df.columns for v in df[k].dropna()[:1]
                   if isinstance(v, (date, pd.Timestamp))]
        assert not tanggal, tanggal  # dates go as text Vega-Lite reads as a local day


def test_targets_page_lists_what_is_behind_first():
    at = _halaman_dasbor("target.py", periode="ytd")
    assert at.selectbox(key="tahun").value == HARI_INI_UJI.year
    assert [tab.label for tab in at.tabs] == ["Tertinggal", "Kabupaten", "Per kecamatan", "Desa Sadar"]
    assert [s.value for s in at.subheader] == ["Tertinggal dari target"]  # only the open tab is drawn
    tertinggal = at.dataframe[0].value
    persen = [float(p.rstrip("%").replace(",", ".")) for p in tertinggal["Capaian target"]]
    assert persen == sorted(persen) and all(p < 100 for p in persen)
    for tab, judul in [("Kabupaten", "Kabupaten, per segmen dan program"), ("Per kecamatan", "Per kecamatan"),
                       ("Desa Sadar", "Desa Sadar (peserta BPU aktif)")]:
        at = _halaman_dasbor("target.py", keadaan={"tab_target_halaman": tab}, periode="ytd")
        assert [s.value for s in at.subheader] == [judul] and not at.dataframe
    at = _halaman_dasbor("target.py", segmen="PMI")
    assert [tab.label for tab in at.tabs] == ["Tertinggal", "Kabupaten"]  # only PMI slices: the regency's
    assert set(at.dataframe[0].value["Irisan"]) == {"Peserta aktif · PMI"}


def test_an_invalid_threshold_gives_a_clear_message(monkeypatch):
    monkeypatch.setenv("DESA_SADAR_AMBANG_CAKUPAN", "banyak")
    st.cache_resource.clear()
    try:
        at = AppTest.from_file(APP, default_timeout=60)
        at.run()
        assert not at.exception
        assert "DESA_SADAR_AMBANG_CAKUPAN" in at.error[0].value and "antara 0 dan 100" in at.error[0].value
    finally:
        st.cache_resource.clear()


def test_data_page_waits_for_a_file_and_lists_the_kinds():
    at = _halaman("data.py")
    assert at.title[0].value == "Impor data"
    assert at.selectbox(key="jenis_impor").options == [
        "peserta dan kepesertaannya", "iuran dibayar: per peserta dan bulan", "kegiatan: sosialisasi dan acara",
        "status Desa Sadar",
        "penyebut per desa dan tahun: penduduk, pekerja, perangkat desa", "target",
        "batas desa: GeoJSON, GeoPackage, Shapefile (.zip) atau SQL wilayah_boundaries"]
    assert not at.button  # nothing to import until a file is chosen


def _unggah(bahasa: str, nama: str, isi: bytes) -> AppTest:
    at = AppTest.from_file(str(AKAR_PROYEK / "halaman" / "data.py"), default_timeout=180)
    at.session_state["konteks"] = konteks_uji(bahasa=bahasa)
    at.run()
    at.selectbox(key="jenis_impor").set_value("kegiatan").run()
    at.file_uploader[0].set_value((nama, isi, "text/csv")).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _teks_halaman(at: AppTest) -> str:
    teks = "\n".join(e.value for jenis in (at.error, at.warning, at.info, at.success, at.markdown) for e in jenis)
    return re.sub(r"\\(.)", r"\1", teks)  # markdown escapes of what the upload held


@pytest.mark.parametrize("bahasa", ["id", "en"])
def test_a_broken_file_gets_a_message_in_the_readers_language_never_a_traceback(bahasa):
    rusak = b"PK\x03\x04" + b"\x00" * 300  # an .xlsx cut off in transit
    at = _unggah(bahasa, "kegiatan.xlsx", rusak)
    teks = _teks_halaman(at)
    assert ("Berkas .xlsx rusak" if bahasa == "id" else "The .xlsx file is damaged") in teks
    assert ("Ditolak: tidak ada yang ditulis" if bahasa == "id" else "Refused: nothing was written") in teks
    for bocor in ("Traceback", "BadZipFile", "zipfile", "/tmp", ".py"):
        assert bocor not in teks
    assert at.button[0].disabled


def test_row_problems_are_listed_in_english_when_english_is_chosen():
    isi = ("Nama Kegiatan;Jenis;Desa;Kecamatan;Tanggal;Jumlah Hadir\n"
           "Sosialisasi Inggris;pesta;Atlantis;;31/02/2026;-3\n").encode()
    at = _unggah("en", "events.csv", isi)
    alasan = [baris["reason"] for baris in at.dataframe[0].value.to_dict("records")]
    assert alasan and all(re.fullmatch(r"[\x20-\x7e'’]+", a) for a in alasan), alasan
    assert any("was not found" in a for a in alasan) and any("does not exist" in a for a in alasan)
    assert "1 data rows: 0 valid, 1 refused." in _teks_halaman(at)


def test_a_close_spelling_is_imported_only_when_the_user_accepts_it(demo_sendiri):
    isi = ("Nama Kegiatan;Jenis;Desa;Kecamatan;Tanggal\n"
           "Sosialisasi Ejaan;sosialisasi;Wonopringgi;;05/03/2026\n").encode()
    at = _unggah("id", "kegiatan_ejaan.csv", isi)
    # Kept across reruns as a shared resource, the road to target must still follow an import.
    assert not cache._jalan_target("33.26", None, None, HARI_INI_UJI).target.empty
    assert "hanya mirip dengan nama yang ada" in _teks_halaman(at)
    assert at.button[0].disabled  # a guess is not imported
    at.checkbox(key="terima_koreksi").check().run()
    # The database holds the demo: the first real import runs only once the user removes it.
    assert not at.exception and at.button[0].disabled
    assert "masih berisi data contoh (sintetis)" in _teks_halaman(at)
    at.checkbox(key="hapus_demo").check().run()
    assert not at.exception and not at.button[0].disabled
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert "Ejaan nama desa dikoreksi, atas persetujuan: 'Wonopringgi' → Wonopringgo" in _teks_halaman(at)
    assert "Data contoh dihapus dalam transaksi yang sama" in _teks_halaman(at)
    with engine_app() as engine:
        baris = baca(engine, "SELECT kode_desa, sumber FROM kegiatan")
        assert baris.values.tolist() == [["33.26.12.2008", "impor"]]  # the demo's events are gone, the real one in
    assert cache._jalan_target("33.26", None, None, HARI_INI_UJI).target.empty  # and the demo's targets


def _app_dengan_akun() -> AppTest:
    import bcrypt

    at = AppTest.from_file(APP, default_timeout=180)
    at.secrets["akun"] = {
        "admin": {"peran": "admin", "hash": bcrypt.hashpw(b"sandi-admin", bcrypt.gensalt(rounds=4)).decode()},
        "rina": {"peran": "pimpinan", "hash": bcrypt.hashpw(b"sandi-rina", bcrypt.gensalt(rounds=4)).decode()},
    }
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_the_server_warm_up_leaves_the_first_visitor_no_public_pattern_to_build(monkeypatch):
    """server.py starts layanan.pemanasan once Streamlit's runtime is up: the first visitor's overview
    then finds the public pattern of the period it opens on built, the costliest step of a first page,
    with the hidden cells of every figure it shows decided. Neither the warm-up nor that page builds
    the boundaries' map layers (simplified, dissolved, GeoJSON), which only maps and pictures read."""
    import domain.publik
    from data_access.batas import muat_batas

    st.cache_resource.clear()
    st.cache_data.clear()
    muat_batas.cache_clear()
    pemanasan.mulai().join(timeout=600)
    dibangun, diputuskan = [], []
    asli = cache.publik.pola_publik
    asli_sistem = domain.publik._pola_subsistem

    def dicatat(engine, kode, periode, ambang):
        dibangun.append(periode.kunci)
        return asli(engine, kode, periode, ambang)

    def sistem_dicatat(hitungan, k):
        if len(hitungan):  # a month with no counts in the period is decided at no cost
            diputuskan.append(hitungan["waktu"].iloc[0])
        return asli_sistem(hitungan, k)

    monkeypatch.setattr(cache.publik, "pola_publik", dicatat)
    monkeypatch.setattr(domain.publik, "_pola_subsistem", sistem_dicatat)
    at = buka()
    assert [m.label for m in at.metric][:1] == ["Peserta aktif"]
    assert "ytd" not in dibangun, dibangun
    assert diputuskan == [], diputuskan
    lapisan_peta = {"kecamatan", "kabupaten", "desa_web", "geojson_web", "kecamatan_web", "kabupaten_web", "fitur_web"}
    assert not lapisan_peta & vars(cache.aplikasi().batas).keys(), vars(cache.aplikasi().batas).keys()


def test_a_kecamatans_events_ready_villages_and_targets_are_the_regencys_sliced():
    """layanan.cache works these out once for the regency and slices them per kecamatan and village
    (an event's figures, a village's readiness and a target's standing do not depend on the region
    asked): each slice equals the region's own query, row for row, for every kecamatan and one village
    of each; the road to target built on the slice equals the one built on the region's own query."""
    from data_access import desa_sadar, kegiatan, proyeksi, target
    from tampilan import publik as tp

    periode = periode_dari_kunci("2025", HARI_INI_UJI)
    with engine_app() as engine:
        kecamatan = baca(engine, "SELECT kode FROM wilayah WHERE tingkat = 'kecamatan' ORDER BY kode")["kode"]
        desa = baca(engine, "SELECT min(kode) AS kode FROM wilayah WHERE tingkat = 'desa' GROUP BY kode_induk")["kode"]
        acara = siap = sasaran = 0
        for kode in [*kecamatan, *desa]:
            s = Saringan(kode, periode)
            acara_sendiri = tp.kegiatan_publik(kegiatan.hasil_kegiatan(engine, s, HARI_INI_UJI), 5)
            siap_sendiri = desa_sadar.desa_menjadi_siap(engine, kode, s.hari_sebelum_mulai, periode.selesai,
                                                        cache.ambang_kesiapan())
            capaian_sendiri = target.capaian_target(engine, kode, HARI_INI_UJI.year, HARI_INI_UJI)
            for irisan, sendiri in [(cache.hasil_kegiatan(s, HARI_INI_UJI, (), 5), acara_sendiri),
                                    (cache.desa_menjadi_siap(kode, s.hari_sebelum_mulai, periode.selesai), siap_sendiri),
                                    (cache.capaian_target(kode, HARI_INI_UJI.year, HARI_INI_UJI), capaian_sendiri)]:
                # An empty query result has no column types to keep; the slice keeps the regency's.
                pd.testing.assert_frame_equal(irisan, sendiri, check_dtype=not sendiri.empty)
            jalan, jalan_sendiri = (cache._jalan_target(kode, None, None, HARI_INI_UJI),
                                    proyeksi.jalan_ke_target(engine, kode, None, None, HARI_INI_UJI))
            pd.testing.assert_frame_equal(jalan.target, jalan_sendiri.target, check_dtype=not jalan_sendiri.target.empty)
            assert [(p.akhir_tahun, p.bawah, p.atas) for p in jalan.proyeksi] \
                == [(p.akhir_tahun, p.bawah, p.atas) for p in jalan_sendiri.proyeksi]
            assert jalan.uji == jalan_sendiri.uji
            acara, siap = acara + len(acara_sendiri), siap + len(siap_sendiri)
            sasaran += len(jalan_sendiri.proyeksi)
    assert acara > 0 and siap > 0 and sasaran > 0, (acara, siap, sasaran)


def test_with_accounts_a_staff_page_asks_the_public_to_sign_in():
    """Signing in itself sets an HttpOnly cookie, which only a browser carries: tests/browser/test_sesi_browser.py."""
    at = _app_dengan_akun()
    with pytest.raises(ValueError, match="Known pages: .*ringkasan.py', .*peta.py', .*provinsi.py', 'kegiatan'"):
        at.switch_page("halaman/data.py")  # not registered for this session: the server will not run it
    tautan = [m.value for m in at.sidebar.markdown if "/masuk?" in m.value]
    assert len(tautan) == 1 and tautan[0].startswith('<a href="/masuk?kembali=%2F&amp;bahasa=id" target="_self" ')
    assert tautan[0].endswith(">Masuk petugas</a>")
    assert not [b for b in at.sidebar.button if b.label == "Masuk"]  # no password field inside the app


def test_the_public_overview_hides_small_counts_leadership_sees_them():
    # The view is chosen from the data as of the pinned day, counted in pandas: a village segment
    # with one to four active participants.
    with engine_app() as engine:
        kecil = RingkasanNaif(engine).kecil_per_desa_segmen(periode_dari_kunci("12b", HARI_INI_UJI).selesai, 5)
    assert not kecil.empty, "the demo data must hold a village segment with 1 to 4 active participants"
    desa, segmen, n = kecil.iloc[0]
    konteks = {"kode_wilayah": desa, "nama_wilayah": "Desa kecil", "segmen": segmen, "periode": "12b"}
    publik = _halaman_dasbor("ringkasan.py", **konteks)
    pimpinan = _halaman_dasbor("ringkasan.py", ambang=1, **konteks)
    nilai_publik = {m.label: m.value for m in publik.metric}
    nilai_pimpinan = {m.label: m.value for m in pimpinan.metric}
    assert nilai_pimpinan["Peserta aktif"] == str(n)
    assert nilai_publik["Peserta aktif"] == "•"
    assert any("Angka di bawah 5" in c.value for c in publik.caption)


def _hitungan_tampil(teks: str) -> int | None:
    """A count as the page or slide prints it: '1.234' → 1234; the hidden mark → None."""
    return None if teks.strip() == "•" else int(teks.strip().replace(".", ""))


def test_the_rendered_overview_and_deck_give_no_hidden_count_back():
    """The attacker of tests/test_penyerang.py, fed also with what the Ringkasan page renders (its five
    tiles) and what the public deck prints (KPI texts, programme and segment bars), for the regency and
    every kecamatan in 2025: nothing rendered may be a number the presentation step hid elsewhere,
    and the equations still recover nothing."""
    import io

    from pptx import Presentation

    from data_access.batas import batas_aplikasi
    from laporan.deck import buat_deck
    from laporan.susun import susun_briefing
    from tests.test_penyerang import K, _amati, _serang

    with engine_app() as engine:
        _, mata, anak = _amati(engine, "2025", None)
        pengaturan = muat_pengaturan()
        batas = batas_aplikasi(pengaturan.folder_data, pengaturan.folder_batas, pengaturan.kode_kab)
        periode = periode_dari_kunci("2025", HARI_INI_UJI)
        akhir = periode.selesai.isoformat()
        rentang = f"{periode.mulai.isoformat()}..{akhir}"
        kecamatan = [k for k in anak["33.26"]]
        dibaca = 0
        for kode in ["33.26", *kecamatan]:
            at = _halaman_dasbor("ringkasan.py", kode_wilayah=kode, periode="2025", nama_wilayah=kode)
            tile = {m.label: m.value for m in at.metric}
            for label, ukuran, w in (("Peserta aktif", "aktif", akhir), ("Pendaftaran baru", "baru", rentang),
                                     ("Peserta nonaktif", "nonaktif", rentang)):
                mata.catat((ukuran, "SEMUA", w, kode, "*"), _hitungan_tampil(tile[label]))
                dibaca += 1
            isi = susun_briefing(engine, batas, Saringan(kode, periode), HARI_INI_UJI, kode, "Tahun 2025", "id", K, None)
            deck = Presentation(io.BytesIO(buat_deck(isi)))
            teks_kpi = [b.text_frame.text for b in deck.slides[2].shapes if b.has_text_frame]
            mata.catat(("aktif", "SEMUA", akhir, kode, "*"),
                       _hitungan_tampil(teks_kpi[teks_kpi.index("Peserta aktif") + 1]))
            # The first key message repeats two counts of the period and its comparison: the same cells
            lalu = Saringan(kode, periode).pembanding
            for x in (b.text_frame.text for b in deck.slides[1].shapes if b.has_text_frame):
                if m := re.fullmatch(r"1\. (Pendaftaran baru|Peserta nonaktif) .*: ([\d.]+) dari ([\d.]+)\.", x):
                    ukuran = "baru" if m.group(1) == "Pendaftaran baru" else "nonaktif"
                    mata.catat((ukuran, "SEMUA", rentang, kode, "*"), _hitungan_tampil(m.group(2)))
                    mata.catat((ukuran, "SEMUA", f"{lalu.mulai.isoformat()}..{lalu.selesai.isoformat()}", kode, "*"),
                               _hitungan_tampil(m.group(3)))
                    dibaca += 2
            for grafik in (b.chart for b in deck.slides[3].shapes if b.has_chart):
                for kategori, n in zip(grafik.plots[0].categories, grafik.plots[0].series[0].values, strict=True):
                    sel = ("aktif", kategori, akhir, kode, "*") if kategori in {p.value for p in Program} \
                        else ("aktif", "SEMUA", akhir, kode, kategori)
                    mata.catat(sel, n)
                    dibaca += 1
    berbeda = {sel: v for sel, v in mata.terlihat.items() if len(v) > 1}
    assert berbeda == {}, "a page or slide shows another number than the presentation step gave"
    bertentangan, ditemukan = _serang(mata, anak)
    print(f"\nrendered: {dibaca} numbers read from pages and decks; {len(ditemukan)} recovered, "
          f"{len(bertentangan)} shown and hidden")
    assert dibaca > 100
    assert not bertentangan, bertentangan[:5]
    assert not ditemukan, ditemukan[:5]
