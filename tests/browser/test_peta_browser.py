"""Peta in a real browser with the network cut off: it paints, a click opens the village's story,
its link reopens the same view, and changing the measure keeps the zoom the user chose."""

import json
import re
from io import BytesIO
from urllib.parse import urlparse

import pytest
from PIL import Image

from benchmarks.interaksi import PROXY_MATI
from geo import peta as gp
from geo import peta_folium as pf
from layanan.aset_web import ALAMAT_TETAP
from tests.browser.conftest import FOLDER_GAMBAR, TUNGGU_MS, tunggu_selesai

pytestmark = pytest.mark.browser
KETANONAGENG = (-6.953053, 109.513966)  # the village's own centroid (reference data)


def _bingkai_peta(page):
    page.locator('iframe[title*="st_folium"]').wait_for(timeout=TUNGGU_MS)
    bingkai = page.frame_locator('iframe[title*="st_folium"]')
    bingkai.locator("path.leaflet-interactive").nth(284).wait_for(state="attached", timeout=TUNGGU_MS)
    return next(f for f in page.frames if "st_folium" in f.url)


def _buka_peta(page, url: str):
    page.goto(url)
    page.get_by_role("heading", name=re.compile(r"^Peta · ")).wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    return _bingkai_peta(page)


def test_map_paints_every_village_offline(halaman, server_app):
    frame = _buka_peta(halaman, f"{server_app}/peta")
    isian = frame.eval_on_selector_all(
        "path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")
    assert len(isian) >= 285
    assert all(w and w.lower() not in ("none", "#000", "#000000", "black") for w in isian)
    assert len(set(isian)) >= 3, "a choropleth with fewer than three colours says nothing"
    assert halaman.get_by_text("Tidak ada data atau disembunyikan (•)").is_visible()
    # The period's events are red dots above the villages, not blots under their fill.
    penanda = frame.locator(f".leaflet-{pf.PANE_KEGIATAN}-pane path.leaflet-interactive")
    assert penanda.count() >= 1
    assert {w.lower() for w in penanda.evaluate_all("els => els.map(e => e.getAttribute('fill'))")} == {gp.WARNA_KEGIATAN}
    merah = tuple(int(gp.WARNA_KEGIATAN[i:i + 2], 16) for i in (1, 3, 5))
    layar = Image.open(BytesIO(halaman.screenshot())).convert("RGB")
    for i in range(penanda.count()):
        kotak = penanda.nth(i).bounding_box()
        tengah = layar.getpixel((round(kotak["x"] + kotak["width"] / 2), round(kotak["y"] + kotak["height"] / 2)))
        assert all(abs(a - b) < 25 for a, b in zip(tengah, merah, strict=True)), (i, tengah)
    kotak = penanda.first.bounding_box()
    halaman.mouse.move(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
    tooltip = halaman.frame_locator('iframe[title*="st_folium"]').locator(".leaflet-tooltip")
    tooltip.first.wait_for(timeout=TUNGGU_MS)
    # The marker answers (an event's name and date), not the village under it ("… Kec. …").
    assert re.search(r"\d{4}", tooltip.first.inner_text()) and "Kec." not in tooltip.first.inner_text()
    halaman.mouse.move(0, 0)
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    halaman.screenshot(path=str(FOLDER_GAMBAR / "peta.png"))
    assert halaman.diblokir == [], halaman.diblokir


def _nilai_metrik(page, label: str) -> str:
    """The value of the metric with this label, once it is on screen (not the first metric found)."""
    metrik = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    metrik.wait_for(timeout=TUNGGU_MS)
    return metrik.locator('[data-testid="stMetricValue"]').inner_text()


def test_clicking_a_village_opens_its_story_and_its_link_reopens_it(halaman, server_app):
    frame = _buka_peta(halaman, f"{server_app}/peta")
    frame.wait_for_function("() => !map_div._animatingZoom", timeout=TUNGGU_MS)  # click where it stays
    titik = frame.evaluate(f"() => map_div.latLngToContainerPoint([{KETANONAGENG[0]}, {KETANONAGENG[1]}])")
    kotak = halaman.locator('iframe[title*="st_folium"]').bounding_box()
    # Hovering shows the village's tooltip (styled and labelled in the browser from the layer's data).
    halaman.mouse.move(kotak["x"] + titik["x"], kotak["y"] + titik["y"])
    tooltip = halaman.frame_locator('iframe[title*="st_folium"]').locator(".leaflet-tooltip")
    tooltip.filter(has_text="Ketanonageng").wait_for(timeout=TUNGGU_MS)
    assert re.fullmatch(r"Ketanonageng\s+Kec\. Sragi\s+Cakupan BPU \(%\): (\d+(,\d+)?%|•|Tidak ada data)(\s+Desa Sadar: .+)?",
                        tooltip.inner_text().strip()), tooltip.inner_text()
    halaman.mouse.click(kotak["x"] + titik["x"], kotak["y"] + titik["y"])
    halaman.get_by_role("heading", name="Ketanonageng · Kec. Sragi").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(halaman)
    halaman.wait_for_url(re.compile(r"desa=Ketanonageng"), timeout=TUNGGU_MS)
    assert halaman.get_by_text("Riwayat status Desa Sadar").is_visible()
    halaman.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg.marks') \
        .first.wait_for(timeout=TUNGGU_MS)
    aktif = _nilai_metrik(halaman, "Peserta aktif")
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    halaman.screenshot(path=str(FOLDER_GAMBAR / "peta_ketanonageng.png"))

    tautan = halaman.get_by_role("link", name="Tautan ke tampilan desa ini").get_attribute("href")
    baru = halaman.context.new_page()
    baru.goto(f"{server_app}/{tautan}")
    baru.get_by_role("heading", name="Ketanonageng · Kec. Sragi").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(baru)
    assert _nilai_metrik(baru, "Peserta aktif") == aktif
    assert halaman.diblokir == [], halaman.diblokir


def test_changing_the_measure_keeps_the_users_zoom(halaman, server_app):
    frame = _buka_peta(halaman, f"{server_app}/peta?kec=Sragi")
    # The component applies the kecamatan's view (animated) after it renders; the user zooms after that.
    frame.wait_for_function(
        "() => window.__GLOBAL_DATA__ && window.__GLOBAL_DATA__.last_zoom !== null"
        " && map_div.getZoom() === window.__GLOBAL_DATA__.last_zoom && !map_div._animatingZoom",
        timeout=TUNGGU_MS)
    frame.evaluate("() => map_div.setView([-6.95, 109.55], 14, {animate: false})")
    sebelum = frame.evaluate("() => [map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]")
    assert sebelum[0] == 14, "the user's zoom did not take"
    warna_sebelum = frame.eval_on_selector_all("path.leaflet-interactive", "els => els.map(e => e.getAttribute('fill'))")
    halaman.locator('[data-testid="stButtonGroup"]').get_by_text("Peserta aktif", exact=True).click()
    # The URL changes before the rerun starts: wait for the new legend, then for the run to end.
    halaman.locator('[data-testid="stHtml"]').filter(has_text="Peserta aktif").first.wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(halaman)
    assert "ukuran=Peserta" in halaman.url
    frame = _bingkai_peta(halaman)
    frame.wait_for_function(
        f"() => JSON.stringify(Array.from(document.querySelectorAll('path.leaflet-interactive'))"
        f".map(e => e.getAttribute('fill'))) !== {json.dumps(json.dumps(warna_sebelum))}", timeout=TUNGGU_MS)
    sesudah = frame.evaluate("() => [map_div.getZoom(), map_div.getCenter().lat, map_div.getCenter().lng]")
    assert sesudah[0] == sebelum[0] == 14
    assert sesudah[1] == pytest.approx(sebelum[1], abs=1e-6) and sesudah[2] == pytest.approx(sebelum[2], abs=1e-6)
    halaman.screenshot(path=str(FOLDER_GAMBAR / "peta_ukuran_aktif.png"))
    assert halaman.diblokir == [], halaman.diblokir


def test_a_return_to_the_map_fetches_none_of_its_fixed_files_again(peramban, server_app):
    """Leaflet, the map component's script and the geometry come from the browser's cache on a second
    visit. The network is cut by a dead proxy here, not by the `halaman` fixture's interception,
    which turns the browser's cache off."""
    konteks = peramban.new_context(viewport={"width": 1600, "height": 1000}, proxy=PROXY_MATI)
    try:
        page = konteks.new_page()
        cdp = konteks.new_cdp_session(page)
        cdp.send("Network.enable")
        diminta, dari_cache = {}, set()
        cdp.on("Network.requestWillBeSent", lambda e: diminta.__setitem__(e["requestId"], e["request"]["url"]))
        # Chromium reports a cached answer either way, by the script that asked (fetch or a tag).
        cdp.on("Network.requestServedFromCache", lambda e: dari_cache.add(e["requestId"]))
        cdp.on("Network.responseReceived", lambda e: dari_cache.add(e["requestId"]) if e["response"].get(
            "fromDiskCache") else None)

        def tetap() -> dict[str, str]:
            return {i: urlparse(u).path for i, u in diminta.items() if urlparse(u).path.startswith(ALAMAT_TETAP)}

        _buka_peta(page, f"{server_app}/peta")
        pertama = set(tetap().values())
        assert len(pertama) >= 6, pertama  # Leaflet's script and style, the component's script, three layers
        diminta.clear()
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Ringkasan").first.click()
        page.get_by_role("heading", name=re.compile(r"^Ringkasan · ")).wait_for(timeout=TUNGGU_MS)
        tunggu_selesai(page)
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text="Peta").first.click()
        _bingkai_peta(page)
        kedua = tetap()
        assert set(kedua.values()) == pertama
        assert set(kedua) <= dari_cache, sorted(p for i, p in kedua.items() if i not in dari_cache)
    finally:
        konteks.close()
