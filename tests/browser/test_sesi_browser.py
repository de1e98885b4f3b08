"""Signing in as staff do at an event, in Chromium with the network cut off: a session survives a
reload and a new tab, a signed-out visit to a staff page leads through sign-in back to that page with
its query string, signing out in one tab signs every tab out at its next action, and the sign-in page
answers in the user's language. The session lives on the server; the browser holds only an HttpOnly
cookie naming it."""

import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import (FOLDER_GAMBAR, TUNGGU_MS, masuk, rahasia_akun, server_siap,
                                    tunggu_selesai)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server_akun(peramban, tmp_path_factory):
    """A demo server with staff accounts configured: every staff page needs a sign-in."""
    folder = tmp_path_factory.mktemp("app_akun")
    with server_siap(peramban, folder, folder / "streamlit.log", rahasia=rahasia_akun(folder / "rahasia")) as url:
        yield url


def _judul(page, teks: str) -> None:
    page.get_by_role("heading", name=teks).first.wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)


def _jalur(page) -> str:
    bagian = urlparse(page.url)
    return bagian.path + (f"?{bagian.query}" if bagian.query else "")


def test_a_signed_out_visit_leads_through_sign_in_back_to_the_page(halaman, server_akun):
    page = halaman
    page.goto(f"{server_akun}/data")
    _judul(page, "Data")
    page.get_by_text("Halaman Data hanya untuk petugas yang sudah masuk.").wait_for(timeout=TUNGGU_MS)
    assert page.get_by_text("Page not found").count() == 0 and page.get_by_text("Impor data").count() == 0
    page.screenshot(path=str(FOLDER_GAMBAR / "sesi_perlu_masuk.png"), full_page=True)
    page.get_by_role("main").get_by_role("link", name=re.compile("Masuk petugas")).click()
    page.get_by_role("heading", name="Masuk petugas").wait_for(timeout=TUNGGU_MS)
    page.get_by_text("Masuk untuk membuka halaman Data.").wait_for(timeout=TUNGGU_MS)
    assert parse_qs(urlparse(page.url).query)["kembali"] == ["/data"]

    masuk(page, "admin", "salah-tebak")
    assert page.get_by_role("alert").inner_text() == "Nama akun atau kata sandi salah."
    assert page.get_by_label("Nama akun").input_value() == "admin"  # only the password is typed again
    page.screenshot(path=str(FOLDER_GAMBAR / "sesi_sandi_salah.png"), full_page=True)
    masuk(page, "admin")
    _judul(page, "Impor data")
    assert _jalur(page) == "/data"
    kue = {k["name"]: k for k in page.context.cookies()}["desa_sadar_sesi"]
    assert kue["httpOnly"] and kue["sameSite"] == "Lax" and not kue["secure"]  # plain http on loopback
    assert page.evaluate("document.cookie").find("desa_sadar_sesi") == -1  # no script can read it
    assert page.diblokir == []


def test_a_session_survives_a_reload_and_a_new_tab_and_ends_everywhere(halaman, server_akun):
    page = halaman
    page.goto(f"{server_akun}/masuk?kembali=/kegiatan")
    masuk(page, "siti")
    _judul(page, "Kegiatan")
    page.reload()
    _judul(page, "Kegiatan")
    page.get_by_text("Masuk sebagai siti (Staf)").wait_for(timeout=TUNGGU_MS)

    # The Kegiatan page's staff form link opens a new tab: still signed in, the event chosen.
    tab = page.context.new_page()
    tab.goto(f"{server_akun}/daftar?kegiatan=1")
    _judul(tab, "Pendaftaran")
    tab.get_by_text("Masuk sebagai siti (Staf)").wait_for(timeout=TUNGGU_MS)
    assert "Festival Nasi Goreng" in tab.get_by_label("Kegiatan").first.input_value() or \
        tab.get_by_text("Festival Nasi Goreng").count() > 0
    tab.screenshot(path=str(FOLDER_GAMBAR / "sesi_tab_baru.png"), full_page=True)

    tab.get_by_role("button", name="Keluar").click()
    # The page keeps its heading across the click, so wait for what only the signed-out run shows:
    # right after the click Streamlit may not have marked anything stale yet.
    tab.get_by_text("Halaman Pendaftaran hanya untuk petugas yang sudah masuk.").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(tab)
    assert tab.get_by_text("Masuk sebagai siti (Staf)").count() == 0

    # The first tab is signed out at its next action, here switching the language.
    page.get_by_text("English").click()
    tunggu_selesai(page)
    _judul(page, "Events")
    page.get_by_text("The Events page is for signed-in staff only.").wait_for(timeout=TUNGGU_MS)
    page.get_by_text("Your session has ended; please sign in again.").wait_for(timeout=TUNGGU_MS)
    page.screenshot(path=str(FOLDER_GAMBAR / "sesi_berakhir_tab_lain.png"), full_page=True)
    assert page.diblokir == []


def test_sign_in_keeps_the_query_string_and_the_language(halaman, server_akun):
    page = halaman
    page.goto(f"{server_akun}/daftar?kegiatan=1&bahasa=English")
    _judul(page, "Registration")
    page.get_by_role("main").get_by_role("link", name=re.compile("Staff sign-in")).click()
    page.get_by_role("heading", name="Staff sign-in").wait_for(timeout=TUNGGU_MS)
    page.get_by_text("Sign in to open the Registration page.").wait_for(timeout=TUNGGU_MS)
    masuk(page, "rina")  # leadership may not register people
    _judul(page, "Registration")
    assert parse_qs(urlparse(page.url).query) == {"kegiatan": ["1"], "bahasa": ["English"]}
    page.get_by_text("The account rina (Pimpinan) may not open the Registration page.").wait_for(timeout=TUNGGU_MS)
    page.get_by_role("main").get_by_role("link", name=re.compile("Sign in with another account")).click()
    page.get_by_role("heading", name="Staff sign-in").wait_for(timeout=TUNGGU_MS)
    masuk(page, "siti", "x" * 80)
    assert page.get_by_role("alert").inner_text() == \
        "The password is too long (at most 72 bytes); check what was typed."
    masuk(page, "siti")
    _judul(page, "Registration")
    assert parse_qs(urlparse(page.url).query) == {"kegiatan": ["1"], "bahasa": ["English"]}
    page.get_by_text("Signed in as siti (Staf)").wait_for(timeout=TUNGGU_MS)
    # The form speaks English too: the event's date and the village field's example.
    assert "(August 20, 2019, " in page.get_by_label("Event", exact=True).input_value()
    page.get_by_placeholder("e.g. Ketanon Ageng").wait_for(timeout=TUNGGU_MS)
    page.screenshot(path=str(FOLDER_GAMBAR / "sesi_kembali_dengan_kueri.png"), full_page=True)


def test_a_refused_registration_marks_the_field_and_keeps_the_rest(halaman, server_akun):
    page = halaman
    page.goto(f"{server_akun}/masuk?kembali=/daftar%3Fkegiatan%3D1")
    masuk(page, "siti")
    _judul(page, "Pendaftaran")
    page.get_by_label("Desa/Kelurahan", exact=True).fill("Wonopringgo")
    page.get_by_label("Desa/Kelurahan", exact=True).press("Enter")
    page.get_by_text("✓ Wonopringgo").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    page.get_by_text("JHT", exact=True).click()
    page.get_by_label("Tahun lahir", exact=True).fill("1985")
    page.get_by_label("NIK", exact=True).fill("3326124305850001")  # a woman's NIK; the form says Laki-laki
    page.get_by_role("button", name="Simpan").click()
    tunggu_selesai(page)
    page.get_by_text("Belum tersimpan. Perbaiki isian yang ditandai").wait_for(timeout=TUNGGU_MS)
    assert page.get_by_text("Jenis kelamin tidak cocok dengan NIK").count() == 1  # at the NIK only
    assert page.get_by_label("Desa/Kelurahan", exact=True).input_value() == "Wonopringgo"
    assert page.get_by_label("NIK", exact=True).input_value() == "3326124305850001"
    assert page.locator('[data-testid="stCheckbox"]', has_text="JHT").locator("input").is_checked()
    page.screenshot(path=str(FOLDER_GAMBAR / "daftar_isian_ditandai.png"), full_page=True)
    page.get_by_text("Perempuan", exact=True).click()
    page.get_by_role("button", name="Simpan").click()
    page.get_by_text("Tersimpan: JHT, JKK, JKM").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    assert page.get_by_label("NIK", exact=True).input_value() == "" and page.get_by_label("Desa/Kelurahan", exact=True).input_value() == "Wonopringgo"
    assert page.diblokir == []


def test_a_sign_in_posted_from_elsewhere_is_refused(server_akun):
    """Login CSRF: a form on another site posting the right password has no token cookie to match."""
    import urllib.error
    import urllib.parse
    import urllib.request

    isian = urllib.parse.urlencode({"nama": "admin", "sandi": "sandi-admin-uji", "csrf": "tebakan",
                                    "kembali": "https://contoh.example/"}).encode()
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(urllib.request.Request(f"{server_akun}/masuk", data=isian), timeout=30)
    jawaban = e.value.read().decode()
    assert e.value.code == 400 and "Formulir masuk ini sudah kedaluwarsa" in jawaban
    assert "desa_sadar_sesi" not in (e.value.headers.get("set-cookie") or "")
    assert 'name="kembali" value="/"' in jawaban  # another site is never where sign-in returns to


def test_an_address_that_is_no_page_opens_the_overview_without_streamlits_pop_up(halaman, server_akun):
    page = halaman
    page.goto(f"{server_akun}/halaman-lama?bahasa=English")
    _judul(page, "Overview")
    assert _jalur(page) == "/?bahasa=English"
    assert page.get_by_text("Page not found").count() == 0
    assert page.diblokir == []
