"""Ringkasan in a real browser with the network cut off: numbers, painted charts, a link that reopens."""

import io
import re
from datetime import timedelta
from pathlib import Path

import pypdfium2
import pytest
from pptx import Presentation

from tampilan import format as fmt
from tests.browser.conftest import FOLDER_GAMBAR, TUNGGU_MS, buka_tab, piksel_warna, tunggu_selesai
from tests.conftest import HARI_INI_UJI

pytestmark = pytest.mark.browser


def _tunggu_ringkasan(page, judul: str, grafik: int = 2) -> None:
    """Wait until the page shows `judul` and Streamlit has finished the run: no running indicator and
    no element left over (marked stale) from the previous run, whose numbers may still be old; then
    for the KPI tiles and the open tab's `grafik` charts, painted."""
    page.get_by_role("heading", name=judul).wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=TUNGGU_MS)
    _tunggu_grafik(page, grafik)


def _tunggu_grafik(page, jumlah: int) -> None:
    page.locator('[data-testid="stVegaLiteChart"]').nth(jumlah - 1).wait_for(timeout=TUNGGU_MS)
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] canvas, "
        "[data-testid=\"stVegaLiteChart\"] svg.marks').length >= n", arg=jumlah, timeout=TUNGGU_MS)


def _grafik_terlukis(page, jumlah: int) -> None:
    grafik = page.locator('[data-testid="stVegaLiteChart"]')
    assert grafik.count() == jumlah
    for i in range(jumlah):
        grafik.nth(i).scroll_into_view_if_needed()
        assert piksel_warna(grafik.nth(i).screenshot()) > 500, f"grafik {i} kosong"


def _pesan(page) -> list[str]:
    """The key messages' sentences, without the icon's ligature name that leads each line."""
    return [re.sub(r"^(trending_up|warning|info)\s*", "", x) for x in page.locator(".st-key-pesan_kunci p").all_inner_texts()]


def test_overview_shows_numbers_and_painted_charts_offline(halaman, server_app):
    halaman.goto(server_app)
    _tunggu_ringkasan(halaman, "Ringkasan · Kabupaten Pekalongan")

    nilai = halaman.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(nilai) == 5  # the five KPI tiles above the tabs
    assert re.fullmatch(r"\d{1,3}(\.\d{3})+", nilai[0]), nilai  # e.g. 38.584, grouped with dots
    assert re.fullmatch(r"\d+,\d{2}%", nilai[2]), nilai
    assert halaman.get_by_text("Data contoh (sintetis)").first.is_visible()
    tab = halaman.get_by_role("tab").all_inner_texts()
    assert tab == ["Program dan segmen", "Tren bulanan", "Iuran", "Jalan ke target", "Desa teratas dan terbawah"], tab
    _grafik_terlukis(halaman, 2)  # programmes and segments, the tab a visit opens on
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    # Streamlit scrolls inside its own container: a tall viewport shows the whole page at once.
    halaman.set_viewport_size({"width": 1600, "height": 2000})
    halaman.locator('[data-testid="stMainBlockContainer"]').evaluate("e => e.scrollIntoView()")
    halaman.screenshot(path=str(FOLDER_GAMBAR / "ringkasan.png"))

    buka_tab(halaman, "Tren bulanan")
    _tunggu_grafik(halaman, 2)
    _grafik_terlukis(halaman, 2)
    buka_tab(halaman, "Iuran")
    _tunggu_grafik(halaman, 1)
    nilai = halaman.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert len(nilai) == 9, nilai  # the KPI tiles, then billed, paid, collection rate, returning payers
    assert all(re.fullmatch(r"Rp\d+,\d{2} (juta|miliar|triliun)", x) for x in nilai[5:7]), nilai
    assert re.fullmatch(r"\d+,\d%", nilai[7]), nilai
    _grafik_terlukis(halaman, 1)
    halaman.screenshot(path=str(FOLDER_GAMBAR / "ringkasan_iuran.png"))
    buka_tab(halaman, "Desa teratas dan terbawah")
    halaman.get_by_text("Desa dengan cakupan BPU tertinggi").wait_for(timeout=TUNGGU_MS)
    assert halaman.locator('[data-testid="stVegaLiteChart"]').count() == 0  # only the open tab is drawn
    assert halaman.diblokir == [], halaman.diblokir


def test_the_briefing_downloads_as_pptx_and_pdf_offline(halaman, server_app):
    halaman.goto(server_app)
    _tunggu_ringkasan(halaman, "Ringkasan · Kabupaten Pekalongan")
    berkas = {}
    for label in ("Unduh briefing (PPTX)", "Unduh briefing (PDF)"):
        with halaman.expect_download(timeout=TUNGGU_MS) as unduhan:
            halaman.get_by_role("button", name=label).click()
        berkas[unduhan.value.suggested_filename] = Path(unduhan.value.path()).read_bytes()
    nama = sorted(berkas)
    judul = f"Briefing Kabupaten Pekalongan, 1 Januari–{fmt.tanggal(HARI_INI_UJI)}"  # a document's title
    assert nama == [f"{judul}.pdf", f"{judul}.pptx"]
    deck = Presentation(io.BytesIO(berkas[nama[1]]))
    pdf = pypdfium2.PdfDocument(berkas[nama[0]])
    assert len(deck.slides) == len(pdf) > 8
    assert pdf.get_metadata_dict()["Title"] == judul
    assert "Data contoh (sintetis) · Kabupaten Pekalongan" in pdf[4].get_textpage().get_text_range()
    # The deck's key messages are the page's
    pesan = _pesan(halaman)
    teks_deck = [b.text_frame.text for b in deck.slides[1].shapes if b.has_text_frame]
    assert len(pesan) >= 3 and [x.split(". ", 1)[1] for x in teks_deck if x[:2] in {"1.", "2.", "3.", "4.", "5."}] == pesan
    assert halaman.diblokir == [], halaman.diblokir


def test_a_custom_range_and_its_comparison_live_in_the_link(halaman, server_app, peramban):
    """A date range and 'the period of the same length just before' from the URL: the caption names
    both, every change says it is against that period, and the same link in a new tab shows the same."""
    mulai, selesai = HARI_INI_UJI - timedelta(days=268), HARI_INI_UJI - timedelta(days=193)  # 76 days
    tautan = (f"{server_app}/?periode=Rentang+tanggal+sendiri%E2%80%A6&rentang={mulai}&rentang={selesai}"
              "&pembanding=Periode+sebelumnya%2C+sama+panjang")
    halaman.goto(tautan)
    _tunggu_ringkasan(halaman, "Ringkasan · Kabupaten Pekalongan")
    lalu = fmt.rentang_tanggal(mulai - timedelta(days=76), mulai - timedelta(days=1))
    keterangan = f"{fmt.rentang_tanggal(mulai, selesai)} · Bandingkan dengan: {lalu}"
    halaman.get_by_text(keterangan).first.wait_for(timeout=TUNGGU_MS)
    pesan = _pesan(halaman)
    assert any(f"dibanding {lalu}:" in p for p in pesan), pesan
    angka = halaman.locator('[data-testid="stMetricValue"]').all_inner_texts()
    baru = halaman.context.new_page()
    baru.goto(halaman.url)
    _tunggu_ringkasan(baru, "Ringkasan · Kabupaten Pekalongan")
    baru.get_by_text(keterangan).first.wait_for(timeout=TUNGGU_MS)
    assert baru.locator('[data-testid="stMetricValue"]').all_inner_texts() == angka
    baru.set_viewport_size({"width": 1600, "height": 1400})
    baru.screenshot(path=str(FOLDER_GAMBAR / "ringkasan_rentang.png"))
    assert halaman.diblokir == [], halaman.diblokir


def test_choosing_a_kecamatan_updates_the_link_and_the_link_reopens_it(halaman, server_app, peramban):
    halaman.goto(server_app)
    _tunggu_ringkasan(halaman, "Ringkasan · Kabupaten Pekalongan")
    pilihan = halaman.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Kecamatan")
    pilihan.click()
    halaman.get_by_role("option", name="Sragi", exact=True).click()
    _tunggu_ringkasan(halaman, "Ringkasan · Sragi")
    halaman.wait_for_url(re.compile(r"kec=Sragi"), timeout=TUNGGU_MS)
    tautan = halaman.url
    aktif_sragi = halaman.locator('[data-testid="stMetricValue"]').first.inner_text()

    baru = halaman.context.new_page()
    baru.goto(tautan)
    _tunggu_ringkasan(baru, "Ringkasan · Sragi")
    assert baru.locator('[data-testid="stMetricValue"]').first.inner_text() == aktif_sragi
    baru.screenshot(path=str(FOLDER_GAMBAR / "ringkasan_sragi.png"), full_page=True)
    assert halaman.diblokir == [], halaman.diblokir
