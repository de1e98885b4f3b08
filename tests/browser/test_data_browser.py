"""The Data page in Chromium with the network cut off: upload, check, import, and a refusal; signed in
as the admin of a server of its own, since the first real import there removes the demo data."""

import pytest

from tests.browser.conftest import (FOLDER_GAMBAR, TUNGGU_MS, masuk, rahasia_akun, server_siap,
                                    tunggu_selesai)

pytestmark = pytest.mark.browser
KEGIATAN = ("Daftar kegiatan sosialisasi 2026\n\n"
            "Nama Kegiatan;Jenis;Desa;Kecamatan;Tanggal;Jumlah Hadir;Biaya;Keterangan\n"
            "Sosialisasi Uji Unggah;sosialisasi;Sawangan;Doro;05/03/2026;120;Rp2.500.000;=HYPERLINK(\"x\")\n"
            "Sosialisasi Tanpa Desa;sosialisasi;Atlantis;;06/03/2026;80;;\n")


@pytest.fixture(scope="module")
def server_app(peramban, tmp_path_factory):
    folder = tmp_path_factory.mktemp("app_data")
    with server_siap(peramban, folder, folder / "streamlit.log", rahasia=rahasia_akun(folder / "rahasia")) as url:
        yield url


def _unggah(page, server_app, jenis: str, nama: str, isi: str) -> None:
    if "desa_sadar_sesi" not in {k["name"] for k in page.context.cookies()}:
        page.goto(f"{server_app}/masuk?kembali=/data")
        masuk(page, "admin")
    page.goto(f"{server_app}/data")
    page.get_by_role("heading", name="Impor data").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    page.get_by_label("Jenis data").click()
    page.get_by_role("option", name=jenis).click()
    tunggu_selesai(page)
    page.locator("input[type=file]").set_input_files(
        files=[{"name": nama, "mimeType": "text/csv", "buffer": isi.encode("cp1252")}])
    page.get_by_text(f"Berkas {nama}").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)


def _hapus_demo_bila_ada(page, tombol) -> None:
    """The first real import on this server: it runs only once the user chooses to remove the demo."""
    pilihan = page.get_by_text("Hapus semua data contoh dan impor data nyata ini")
    if pilihan.count():
        assert page.get_by_text("Database ini masih berisi data contoh (sintetis).").is_visible()
        assert tombol.is_disabled()
        page.screenshot(path=str(FOLDER_GAMBAR / "data_pilih_hapus_demo.png"), full_page=True)
        pilihan.click()
        tunggu_selesai(page)


def test_an_upload_is_checked_then_imported_only_when_asked(halaman, server_app):
    page = halaman
    page.set_viewport_size({"width": 1400, "height": 1400})
    _unggah(page, server_app, "kegiatan: sosialisasi dan acara", "kegiatan.csv", KEGIATAN)
    assert page.get_by_text("2 baris data: 1 sah, 1 ditolak.").is_visible()
    with page.expect_download() as unduhan:
        page.get_by_role("button", name="Unduh daftar masalah (CSV)").click()
    laporan = open(unduhan.value.path(), encoding="utf-8-sig").read().splitlines()
    assert laporan[0] == "baris,kolom,nilai,alasan"
    assert laporan[1].startswith("5,Desa,Atlantis,") and "tidak ditemukan" in laporan[1]
    tombol = page.get_by_role("button", name="Impor", exact=True)
    assert tombol.is_disabled()  # a refused row: nothing is written unless asked
    page.screenshot(path=str(FOLDER_GAMBAR / "data_ditolak.png"), full_page=True)
    page.get_by_text("Impor hanya baris yang sah").click()
    tunggu_selesai(page)
    _hapus_demo_bila_ada(page, tombol)
    tombol.click()
    page.get_by_text("Diimpor: 1 baru, 0 diperbarui").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    assert page.get_by_text("Baris yang ditolak").count() == 0  # the uploader is empty again
    page.screenshot(path=str(FOLDER_GAMBAR / "data_berhasil.png"), full_page=True)
    assert page.diblokir == []


def test_participants_are_checked_with_the_key_the_form_uses(halaman, server_app):
    """No key is configured for this server: the import uses the one in the data folder, the same
    the registration form uses, instead of refusing (issue 14: one NIK key)."""
    page = halaman
    isi = "NIK;Desa;Segmen;Program;Tgl Daftar\n'3326120305855001;Wonopringgo;BPU;JKK,JKM;03/09/2019\n"
    _unggah(page, server_app, "peserta dan kepesertaannya", "peserta.csv", isi)
    assert page.get_by_text("1 baris data: 1 sah, 0 ditolak.").is_visible()
    assert page.get_by_text("Kunci rahasia NIK belum diatur").count() == 0
    assert not page.get_by_role("button", name="Impor", exact=True).is_disabled()


def test_a_close_spelling_waits_for_the_users_word_and_a_broken_sheet_is_explained(halaman, server_app):
    page = halaman
    page.set_viewport_size({"width": 1400, "height": 1400})
    isi = "Nama Kegiatan;Jenis;Desa;Tanggal\nSosialisasi Ejaan Peramban;sosialisasi;Wonopringgi;07/03/2026\n"
    _unggah(page, server_app, "kegiatan: sosialisasi dan acara", "ejaan.csv", isi)
    assert page.get_by_text("hanya mirip dengan nama yang ada").is_visible()
    tombol = page.get_by_role("button", name="Impor", exact=True)
    assert tombol.is_disabled()
    page.get_by_text("Terima koreksi ejaan nama desa").click()
    tunggu_selesai(page)
    page.screenshot(path=str(FOLDER_GAMBAR / "data_koreksi.png"), full_page=True)
    _hapus_demo_bila_ada(page, tombol)
    tombol.click()
    page.get_by_text("Diimpor: 1 baru").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    assert page.get_by_text("Ejaan nama desa dikoreksi, atas persetujuan").is_visible()

    rusak = {"name": "kegiatan.xlsx", "mimeType": "application/octet-stream", "buffer": b"PK\x03\x04" + b"\x00" * 300}
    page.locator("input[type=file]").set_input_files(files=[rusak])
    page.get_by_text("Berkas .xlsx rusak.").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    teks = page.locator("body").inner_text()
    for bocor in ("Traceback", "BadZipFile", "File \"/", "zipfile"):
        assert bocor not in teks
    assert page.diblokir == []
