"""The event stage in Debian's Chromium with the network cut off, on both engines.

At the three projector sizes and with 0, 1, 8 and 500 sign-ups the stage never scrolls and nothing
is cut off (element boxes against the viewport, and the screenshots); its QR code decodes to the
registration form for the event; a sign-up on a staff phone moves the count within the refresh and
the goal's quarter is celebrated; staff switch the scene from a phone; a stopped server leaves the
last numbers on screen with a "terputus" mark, and the stage recovers by itself when it returns.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from benchmarks.server import port_bebas, server_streamlit
from data_access.batas import sinkronkan_wilayah
from data_access.db import buat_engine, siapkan_database
from data_access.kegiatan import simpan_kegiatan
from data_access.pendaftaran import daftarkan
from domain.kegiatan import IsianKegiatan
from domain.pendaftaran import Pendaftaran
from layanan.layar_web import alamat_lan
from tests.browser.conftest import (FOLDER_GAMBAR, TUNGGU_MS, masalah_log, masuk, rahasia_akun, server_siap,
                                    tunggu_selesai)
from tests.conftest import HARI_INI_UJI, database_baru

pytestmark = pytest.mark.browser
UKURAN = [(1920, 1080), (1280, 720), (1024, 768)]
WONOPRINGGO = "33.26.12.2008"
KUNCI_NIK = "kunci-nik-uji-layar-yang-panjang"
# Events of the suite's pinned day: name, sign-ups already made, goal.
ACARA = {
    "kosong": ("Sosialisasi Desa Sadar", 0, None),
    "satu": ("Layanan Keliling Kantor Desa", 1, 10),
    "delapan": ("Festival Nasi Goreng Wonopringgo", 8, 16),
    "ramai": ("Peluncuran Desa Sadar Jaminan Sosial Ketenagakerjaan Kabupaten Pekalongan di Pendopo Kabupaten "
              "Kajen bersama para kepala desa", 500, 400),
    "langsung": ("Sosialisasi <b>Petani</b> & Nelayan", 0, 4),
}
PEKERJAAN = ["Petani", "Pedagang pasar", "Nelayan", "Pembatik rumahan", "Buruh harian lepas"]


def _nik(nomor: int) -> str:
    # Kecamatan Wonopringgo (33.26.12), born 3 May 1985; a serial of four digits.
    return f"33261203058{5 if nomor < 10_000 else 6}{nomor % 10_000:04d}"


def _siapkan(url: str, batas, acara=tuple(ACARA)) -> dict[str, int]:
    """The events and their sign-ups, written before the server starts (as a branch's own data)."""
    engine = buat_engine(url)
    try:
        siapkan_database(engine)
        sinkronkan_wilayah(engine, batas)
        nomor_acara, nomor = {}, 0
        for kunci in acara:
            nama, jumlah, target = ACARA[kunci]
            mulai = HARI_INI_UJI - timedelta(days=1) if kunci == "ramai" else HARI_INI_UJI  # a two-day launch
            nomor_acara[kunci] = simpan_kegiatan(engine, IsianKegiatan(nama, "festival", WONOPRINGGO, mulai,
                                                                       HARI_INI_UJI, target_pendaftar=target),
                                                 None, HARI_INI_UJI)
            for i in range(jumlah):
                nomor += 1
                program = frozenset({"JKK", "JKM", "JHT"} if i % 3 == 0 else {"JKK", "JKM"})
                daftarkan(engine, Pendaftaran(WONOPRINGGO, "BPU", program, PEKERJAAN[i % 5], "L", 1985,
                                              "mandiri" if i % 4 else "apbdes", _nik(nomor), nomor_acara[kunci]),
                          KUNCI_NIK.encode(), mulai if i % 2 else HARI_INI_UJI, token=f"uji-{nomor}")
        return nomor_acara
    finally:
        engine.dispose()


def _database(mesin: str, folder, request) -> tuple[str, dict[str, str]]:
    """A new database on `mesin` for a server with its data in `folder`: its URL and the server's env."""
    env = {"DESA_SADAR_HARI_INI": HARI_INI_UJI.isoformat(), "DESA_SADAR_LAYAR_DETIK": "0.5",
           "DESA_SADAR_KUNCI_NIK": KUNCI_NIK}
    if mesin == "duckdb":
        return f"duckdb:///{folder / 'desa_sadar.duckdb'}", env
    url_db = database_baru(request.getfixturevalue("server_postgresql"))
    return url_db, {**env, "DATABASE_URL": url_db}


@pytest.fixture(scope="module", params=["duckdb", "postgresql"])
def panggung(request, peramban, tmp_path_factory, batas):
    """A server with staff accounts over a database holding ACARA, on each engine; its URL and ids."""
    folder = tmp_path_factory.mktemp(f"layar_{request.param}")
    url_db, env = _database(request.param, folder, request)
    ids = _siapkan(url_db, batas)
    with server_siap(peramban, folder, folder / "streamlit.log", env=env, rahasia=rahasia_akun(folder / "rahasia")) as url:
        yield url, ids, request.param


def _konteks(peramban, lebar: int, tinggi: int):
    konteks = peramban.new_context(viewport={"width": lebar, "height": tinggi}, locale="id-ID")
    diblokir: list[str] = []
    konteks.route("**/*", lambda r: r.continue_() if urlsplit(r.request.url).hostname in ("127.0.0.1", "localhost")
                  or r.request.url.startswith("data:") else (diblokir.append(r.request.url), r.abort()))
    return konteks, diblokir


# Everything that sticks out of the screen or out of its own box, in the scene on show.
_KELUAR = """() => {
  const W = innerWidth, H = innerHeight, d = document.documentElement, masalah = [];
  if (d.scrollWidth > W || d.scrollHeight > H) masalah.push(`gulir ${d.scrollWidth}x${d.scrollHeight}`);
  for (const el of document.querySelectorAll('#panggung *')) {
    const r = el.getBoundingClientRect();
    if (!el.getClientRects().length || r.width === 0 || r.height === 0) continue;
    if (r.left < -1 || r.top < -1 || r.right > W + 1 || r.bottom > H + 1)
      masalah.push(`${el.id || el.className || el.tagName} di luar layar`);
  }
  for (const el of document.querySelectorAll('.adegan, .utama, .sambut, aside, ul, .baris')) {
    if (el.getClientRects().length && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1))
      masalah.push(`${el.id || el.className || el.tagName} terpotong`);
  }
  return masalah;
}"""


def _tinggi(page, pemilih: str) -> float:
    return page.locator(pemilih).evaluate("e => e.getBoundingClientRect().height / innerHeight")


def _qr(page) -> str:
    """The QR code on screen, read from a screenshot as a phone's camera would."""
    gambar = Image.open(BytesIO(page.screenshot())).convert("L")
    hasil = zxingcpp.read_barcodes(gambar)
    assert len(hasil) == 1, "one QR code on screen"
    return hasil[0].text


def _stage(page, url: str, kegiatan_id: int) -> None:
    page.goto(f"{url}/layar?kegiatan={kegiatan_id}")
    # Polled from here: the stage's CSP allows no eval, which wait_for_function's predicates need.
    expect(page.locator("#judul")).not_to_be_empty(timeout=TUNGGU_MS)


@pytest.mark.parametrize("lebar,tinggi", UKURAN)
def test_the_stage_fills_the_projector_without_scrolling_whatever_the_count(peramban, panggung, lebar, tinggi):
    url, ids, mesin = panggung
    konteks, diblokir = _konteks(peramban, lebar, tinggi)
    page = konteks.new_page()
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    for kunci, harapan in [("kosong", "0"), ("satu", "1"), ("delapan", "8"), ("ramai", "500")]:
        _stage(page, url, ids[kunci])
        assert page.locator("#jumlah").inner_text() == harapan  # exact from the first sign-up
        assert page.evaluate(_KELUAR) == [], (kunci, lebar, tinggi)
        assert _tinggi(page, "#jumlah") > 0.2  # the headline reads from the back of the hall
        tiket = page.locator("#ticker li").all_inner_texts()
        if kunci == "kosong":
            assert tiket == ["Menunggu pendaftar pertama …"]
        else:
            assert 1 <= len(tiket) <= min(int(harapan), 6)
        if kunci == "satu":
            # One sign-up: the count is exact, its programmes are not ("<5"), the ticker names none.
            assert page.locator("#program .nilai").all_inner_texts() == ["<5", "<5", "<5"]
            assert len(tiket) == 1 and tiket[0].startswith("Pendaftar baru · ")
        if kunci == "ramai":
            assert page.locator("#target").inner_text() == "Target 400 pendaftar"
            assert page.locator("#isi_target").evaluate("e => e.style.width") == "100%"
        page.screenshot(path=str(FOLDER_GAMBAR / f"layar_{kunci}_{lebar}x{tinggi}_{mesin}.png"))
    assert diblokir == []
    konteks.close()


def test_the_qr_code_opens_this_event_s_registration_form(peramban, panggung):
    url, ids, mesin = panggung
    konteks, diblokir = _konteks(peramban, 1280, 720)
    page = konteks.new_page()
    _stage(page, url, ids["delapan"])
    teks = _qr(page)
    port = urlsplit(url).port
    assert teks == f"http://{alamat_lan() or '127.0.0.1'}:{port}/daftar?kegiatan={ids['delapan']}"
    assert page.locator("#langsung [data-uji='alamat-qr']").inner_text() == teks.split("://", 1)[1]
    # A signed-in phone lands on the form with the event chosen (over loopback: the test server
    # listens there only; a branch's server listens on the local network too).
    page.goto(f"{url}/masuk")
    masuk(page, "siti")
    page.goto(url + teks.split(str(port), 1)[1])
    page.get_by_role("heading", name="Pendaftaran").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    assert "Festival Nasi Goreng Wonopringgo" in page.get_by_label("Kegiatan", exact=True).input_value()
    assert diblokir == []
    konteks.close()


def test_a_sign_up_moves_the_stage_celebrates_the_goal_and_staff_switch_the_scene(peramban, panggung):
    url, ids, mesin = panggung
    konteks, diblokir = _konteks(peramban, 1920, 1080)
    layar = konteks.new_page()
    _stage(layar, url, ids["langsung"])
    assert layar.locator("#judul").inner_text() == "Sosialisasi <b>Petani</b> & Nelayan"  # text, not markup
    assert layar.locator("#jumlah").inner_text() == "0" and layar.locator("#rayakan").is_hidden()

    # Staff use their own phones: a separate browser, so the projector's tab stays the visible one.
    konteks_staf, diblokir_staf = _konteks(peramban, 420, 1100)
    form = konteks_staf.new_page()
    form.goto(f"{url}/masuk?kembali=/daftar%3Fkegiatan%3D{ids['langsung']}")
    masuk(form, "siti")
    form.get_by_role("heading", name="Pendaftaran").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(form)
    form.get_by_label("Desa/Kelurahan", exact=True).fill("Wonopringgo")
    form.get_by_label("Desa/Kelurahan", exact=True).press("Enter")
    form.get_by_text("✓ Wonopringgo").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(form)
    form.get_by_label("Tahun lahir", exact=True).fill("1985")
    form.get_by_label("NIK", exact=True).fill(_nik(9_000))
    form.get_by_role("button", name="Simpan pendaftaran").click()
    form.get_by_text(re.compile(r"Tersimpan: JKK, JKM")).wait_for(timeout=TUNGGU_MS)

    # One sign-up of a goal of four is its first quarter: the count moves and the room sees it.
    expect(layar.locator("#jumlah")).to_have_text("1", timeout=15_000)
    layar.locator("#rayakan").wait_for(state="visible", timeout=15_000)
    assert layar.locator("[data-uji='rayakan']").inner_text() == "25% target tercapai!"
    layar.locator("[data-uji='rayakan']").evaluate("e => Promise.all(e.getAnimations().map(a => a.finished))")
    assert layar.locator("#isi_target").evaluate("e => e.style.width") == "25%"
    layar.screenshot(path=str(FOLDER_GAMBAR / f"layar_tonggak_{mesin}.png"))

    # The scene, switched from the phone.
    for mode, label, tampak in [("penutup", "Penutup", "#t_terima_kasih"), ("sambutan", "Sambutan", "#sambutan .qr"),
                                ("langsung", "Langsung", "#jumlah")]:
        tunggu_selesai(form)
        form.get_by_role("radiogroup", name="Layar acara menampilkan").get_by_role("radio", name=label).click()
        expect(layar.locator("#panggung")).to_have_attribute("data-mode", mode, timeout=15_000)
        layar.locator(tampak).first.wait_for(state="visible", timeout=TUNGGU_MS)
        layar.locator("#rayakan").wait_for(state="hidden", timeout=15_000)
        assert layar.evaluate(_KELUAR) == []
        layar.screenshot(path=str(FOLDER_GAMBAR / f"layar_{mode}_{mesin}.png"))
        if mode == "sambutan":
            assert _tinggi(layar, "#sambutan .qr img") > 0.4 and _qr(layar).endswith(f"/daftar?kegiatan={ids['langsung']}")
    form.screenshot(path=str(FOLDER_GAMBAR / f"pendaftaran_hp_kendali_{mesin}.png"), full_page=True)
    assert diblokir == [] and diblokir_staf == []
    konteks_staf.close()
    konteks.close()


def _adegan(muatan: dict, mode: str):
    """A route handler that answers the stage's refresh with its first numbers in scene `mode`."""
    def ganti(route) -> None:
        route.fulfill(json={**muatan, "mode": mode})
    return ganti


def test_every_scene_fits_every_projector(peramban, panggung):
    """Welcome and closing at each size, the event with the longest name and 500 sign-ups."""
    url, ids, mesin = panggung
    for lebar, tinggi in UKURAN:
        konteks, diblokir = _konteks(peramban, lebar, tinggi)
        page = konteks.new_page()
        _stage(page, url, ids["ramai"])
        muatan = page.evaluate("() => JSON.parse(document.getElementById('data-awal').textContent).muatan")
        for mode in ("sambutan", "penutup"):
            # The scene as the server would send it after a switch (the switch itself: the test above).
            page.unroute("**/layar/angka*")
            page.route("**/layar/angka*", _adegan(muatan, mode))
            expect(page.locator("#panggung")).to_have_attribute("data-mode", mode, timeout=15_000)
            assert page.evaluate(_KELUAR) == [], (mode, lebar, tinggi)
            page.screenshot(path=str(FOLDER_GAMBAR / f"layar_{mode}_ramai_{lebar}x{tinggi}_{mesin}.png"))
        assert diblokir == []
        konteks.close()


def test_a_stopped_server_leaves_the_last_numbers_and_the_stage_recovers(request, peramban, panggung, tmp_path,
                                                                       batas):
    """A server of its own, stopped under the stage, then started again on the same port."""
    mesin = panggung[2]
    folder = tmp_path / "data"
    folder.mkdir()
    url_db, env = _database(mesin, folder, request)
    ids = _siapkan(url_db, batas, ("delapan",))
    port = port_bebas()
    konteks, diblokir = _konteks(peramban, 1280, 720)
    page = konteks.new_page()
    with server_streamlit(folder, tmp_path / "pertama.log", env_tambahan=env, port=port) as url_sendiri:
        _stage(page, url_sendiri, ids["delapan"])
        assert page.locator("#terputus").is_hidden()
        assert masalah_log(tmp_path / "pertama.log") == []
    # Stopped: the numbers stay, a small mark says the screen is offline.
    page.locator("#terputus").wait_for(state="visible", timeout=15_000)
    assert page.locator("#jumlah").inner_text() == "8" and page.locator("#terputus").inner_text() == \
        "terputus — mencoba lagi"
    page.screenshot(path=str(FOLDER_GAMBAR / f"layar_terputus_{mesin}.png"))
    with server_streamlit(folder, tmp_path / "kedua.log", env_tambahan=env, port=port):
        page.locator("#terputus").wait_for(state="hidden", timeout=30_000)
        assert page.locator("#jumlah").inner_text() == "8"
        assert masalah_log(tmp_path / "kedua.log") == []
    assert diblokir == []
    konteks.close()


def test_a_stage_without_its_event_lets_staff_choose_one_of_today_s(peramban, panggung):
    url, ids, mesin = panggung
    konteks, diblokir = _konteks(peramban, 1280, 720)
    page = konteks.new_page()
    page.goto(f"{url}/layar?kegiatan=987654")
    expect(page.get_by_text("Kegiatan nomor 987654 tidak ditemukan.")).to_be_visible(timeout=TUNGGU_MS)
    assert page.get_by_role("link").all_inner_texts() == ["Petugas: masuk untuk memilih kegiatan hari ini."]
    page.get_by_role("link").click()
    masuk(page, "siti")
    expect(page.get_by_text("Pilih kegiatan yang ditampilkan layar ini:")).to_be_visible(timeout=TUNGGU_MS)
    assert sorted(page.get_by_role("listitem").get_by_role("link").all_inner_texts()) == \
        sorted(nama for nama, _, _ in ACARA.values())
    page.screenshot(path=str(FOLDER_GAMBAR / f"layar_pilih_{mesin}.png"))
    page.get_by_role("link", name="Festival Nasi Goreng Wonopringgo").click()
    expect(page.locator("#jumlah")).to_have_text("8", timeout=TUNGGU_MS)
    assert diblokir == []
    konteks.close()
