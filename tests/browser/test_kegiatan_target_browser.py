"""Kegiatan, Desa Sadar and Target in Chromium with the network cut off: charts drawn, screenshots kept."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import FOLDER_GAMBAR, MERAH, TUNGGU_MS, buka, buka_tab, piksel_warna, tunggu_selesai

pytestmark = pytest.mark.browser
FESTIVAL = "lihat=Festival+Nasi+Goreng+Wonopringgo+2019+%2820%2F08%2F2019%29"


def test_an_event_shows_its_results_breakdowns_and_timeline(halaman, server_app):
    page = halaman
    # The event selector is bound to the URL: a link names the festival by its label.
    buka(page, f"{server_app}/kegiatan?periode=Tahun+2019&{FESTIVAL}", "Festival Nasi Goreng Wonopringgo 2019")
    grafik = page.locator("[data-testid=stVegaLiteChart]")
    grafik.nth(5).wait_for(timeout=TUNGGU_MS)  # charts arrive one by one: wait for the sixth
    # A link naming an event opens on its detail tab: four breakdowns, the share still paying by month
    # and the timeline.
    assert grafik.count() == 6
    page.get_by_role("heading", name="Masih membayar, bulan demi bulan").wait_for(timeout=TUNGGU_MS)
    for i in range(6):
        grafik.nth(i).scroll_into_view_if_needed()
        assert piksel_warna(grafik.nth(i).screenshot()) > 200, f"grafik {i} kosong"
    metrik = {m.locator("[data-testid=stMetricLabel]").inner_text().strip():
              m.locator("[data-testid=stMetricValue]").inner_text().strip()
              for m in page.locator("[data-testid=stMetric]").all()}
    # The live-screen test registers people at this event on the same server: at least the 100.
    pendaftar = int(metrik["Pendaftar"].replace(".", ""))
    assert metrik["Hadir"] == "5.000" and pendaftar >= 100
    assert metrik["Konversi"] == f"{100 * pendaftar / 5000:.1f}%".replace(".", ",")
    # The event's village on the regency picture: a static file the browser fetched (offline), the
    # village filled in the picture's green, the others grey.
    peta_kecil = page.locator("[data-testid=stImage] img").first
    peta_kecil.scroll_into_view_if_needed()
    assert peta_kecil.get_attribute("src").startswith(f"{server_app}/app/static/peta/desa_")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=peta_kecil.element_handle(),
                           timeout=TUNGGU_MS)
    gambar = peta_kecil.screenshot()
    assert piksel_warna(gambar, (0x31, 0xA3, 0x54)) > 20 and piksel_warna(gambar, (0xE6, 0xE6, 0xE6)) > 1000
    page.screenshot(path=str(FOLDER_GAMBAR / "kegiatan.png"), full_page=True)
    # The list of events, the first tab: the events compared on a funnel plot.
    buka_tab(page, "Semua kegiatan")
    page.get_by_role("heading", name="Kegiatan dibandingkan: bertahan 3 bulan").wait_for(timeout=TUNGGU_MS)
    grafik.first.wait_for(timeout=TUNGGU_MS)
    assert grafik.count() == 1 and piksel_warna(grafik.first.screenshot()) > 200
    page.screenshot(path=str(FOLDER_GAMBAR / "kegiatan_semua.png"), full_page=True)
    assert page.diblokir == []


def test_comparing_events_side_by_side(halaman, server_app):
    page = halaman
    banding = ("&banding=Festival+Nasi+Goreng+Wonopringgo+2019+%2820%2F08%2F2019%29"
               "&banding=Peluncuran+Desa+Sadar+2019%2C+Pendopo+Kabupaten+Kajen+%2803%2F09%2F2019%29")
    buka(page, f"{server_app}/kegiatan?periode=Tahun+2019{banding}", "Bandingkan kegiatan")
    page.get_by_text("Peluncuran Desa Sadar 2019, Pendopo Kabupaten Kajen").last.wait_for(timeout=TUNGGU_MS)
    grafik = page.locator("[data-testid=stVegaLiteChart]")
    grafik.first.wait_for(timeout=TUNGGU_MS)
    assert grafik.count() == 1  # a link with events to compare opens on that tab: one faceted timeline
    grafik.last.scroll_into_view_if_needed()
    assert piksel_warna(grafik.last.screenshot()) > 200
    page.get_by_role("heading", name="Bandingkan kegiatan").scroll_into_view_if_needed()
    page.screenshot(path=str(FOLDER_GAMBAR / "kegiatan_banding.png"), full_page=True)


def test_targets_show_bullets_with_what_is_behind_first(halaman, server_app):
    page = halaman
    buka(page, f"{server_app}/target", "Tertinggal dari target")
    # What is behind opens first, a table without a chart; each level's bullets are a tab of their own.
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=TUNGGU_MS)
    assert page.locator("[data-testid=stVegaLiteChart]").count() == 0
    page.screenshot(path=str(FOLDER_GAMBAR / "target.png"), full_page=True)
    for tab, judul in [("Kabupaten", "Kabupaten, per segmen dan program"), ("Per kecamatan", "Per kecamatan"),
                       ("Desa Sadar", "Desa Sadar (peserta BPU aktif)")]:
        buka_tab(page, tab)
        page.get_by_role("heading", name=judul).wait_for(timeout=TUNGGU_MS)
        grafik = page.locator("[data-testid=stVegaLiteChart]")
        expect(grafik).to_have_count(1, timeout=TUNGGU_MS)  # the open tab's only
        grafik.first.scroll_into_view_if_needed()
        png = grafik.first.screenshot()
        assert piksel_warna(png) + piksel_warna(png, MERAH) > 200, f"{tab}: grafik kosong"
        page.screenshot(path=str(FOLDER_GAMBAR / f"target_{tab.lower().replace(' ', '_')}.png"), full_page=True)
    assert page.diblokir == []


def test_desa_sadar_checklist_shows_thresholds(halaman, server_app):
    page = halaman
    page.set_viewport_size({"width": 1600, "height": 2000})
    page.goto(f"{server_app}/desa-sadar")
    page.get_by_text("Syarat kesiapan (pengaturan cabang)").wait_for(timeout=TUNGGU_MS)
    page.locator("[data-testid=stDataFrame]").first.wait_for(timeout=TUNGGU_MS)  # every village, the first tab
    tunggu_selesai(page)
    assert page.get_by_text("Cakupan BPU desa minimal 10%").count() >= 1
    # Polled, not counted once: a CI run saw three tiles with both tables already on screen.
    expect(page.locator("[data-testid=stMetricValue]")).to_have_count(4, timeout=TUNGGU_MS)
    page.locator("[data-testid=stDataFrame]").first.hover()
    # The toolbar is up (its search and fullscreen), without the unguarded CSV download.
    page.locator("[data-testid=stElementToolbar] button").first.wait_for(timeout=TUNGGU_MS)
    assert page.locator("[data-testid=stElementToolbar] button[aria-label='Download as CSV']").count() == 0
    with page.expect_download() as unduhan:
        page.locator("[data-testid=stDownloadButton] button").first.click()
    baris = open(unduhan.value.path(), encoding="utf-8-sig").read().splitlines()
    assert baris[0] == "Desa,Kecamatan,Status,Sejak,Perangkat aktif,MoU,Cakupan,Kesiapan"
    # One row per village with a status: as many as the three status tiles count together
    # (test_nilai_browser holds the rows against the database itself).
    per_status = [int(v.replace(".", "")) for v in page.locator("[data-testid=stMetricValue]").all_inner_texts()[:3]]
    assert len(baris) - 1 == sum(per_status) > 0
    page.screenshot(path=str(FOLDER_GAMBAR / "desa_sadar.png"), full_page=True)
    # Choosing a village opens its tab: the checklist and its status history, the table of all gone.
    page.get_by_label("Lihat desa").click()
    page.keyboard.type("Wonopringgo")
    page.get_by_role("option", name="Wonopringgo (Wonopringgo)").click()
    page.get_by_role("tab", name="Rincian desa", selected=True).wait_for(timeout=TUNGGU_MS)
    page.get_by_role("heading", name="Daftar periksa kesiapan").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(2, timeout=TUNGGU_MS)  # status and MoU history
    assert page.get_by_role("heading", name="Wonopringgo").count() == 1
    page.screenshot(path=str(FOLDER_GAMBAR / "desa_sadar_rincian.png"), full_page=True)
    assert page.diblokir == []
