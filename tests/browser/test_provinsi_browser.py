"""The province map in a real browser with the network cut off: every village drawn from a file the
browser fetched once, colours that change with the measure without the geometry being sent again,
and a click that drills from a regency to its kecamatan."""

import csv
import time
from io import BytesIO

import pandas as pd
import pytest
from PIL import Image

from geo.peta import LATAR_PETA, PALET, UKURAN, WARNA_TANPA_DATA, kelas_untuk, warna_nilai
from tests.browser.conftest import FOLDER_GAMBAR, TUNGGU_MS, tunggu_selesai

pytestmark = pytest.mark.browser
BINGKAI = 'iframe[title*="peta_provinsi"]'


def _warna(png: bytes) -> dict[tuple[int, int, int], int]:
    return {w: n for n, w in Image.open(BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 22)}


def _rgb(heks: str) -> tuple[int, ...]:
    return tuple(int(heks[i:i + 2], 16) for i in (1, 3, 5))


def _hitung(warna: dict, heks: str, toleransi: int = 6) -> int:
    """Pixels of a fill colour as drawn: at 85% opacity over the map's background."""
    r, g, b = (round(0.85 * c + 0.15 * l) for c, l in zip(_rgb(heks), _rgb(LATAR_PETA), strict=True))
    return sum(n for (a, c, d), n in warna.items() if abs(a - r) <= toleransi and abs(c - g) <= toleransi
               and abs(d - b) <= toleransi)


def _isi_peta(page) -> dict:
    """The map's colours once it has settled: polled until two screenshots in a row are the same
    (the canvas repaints and a zoom animates for a moment after each render)."""
    batas = time.monotonic() + TUNGGU_MS / 1000
    lalu = page.locator(BINGKAI).screenshot()
    while True:
        kini = page.locator(BINGKAI).screenshot()
        if kini == lalu:
            return _warna(kini)
        assert time.monotonic() < batas, "peta tidak berhenti berubah"
        lalu = kini


def test_province_map_draws_every_village_and_changes_only_colours(halaman, server_app, batas):
    page = halaman
    geometri = []
    page.on("request", lambda r: geometri.append(r.url) if "/app/static/peta/" in r.url else None)
    page.goto(f"{server_app}/provinsi?tingkat=Desa%2Fkelurahan")
    badan = page.frame_locator(BINGKAI).locator("body[data-versi]")
    badan.wait_for(timeout=3 * TUNGGU_MS)  # the first visit of a fresh clone writes the level files
    tunggu_selesai(page)
    assert badan.get_attribute("data-fitur") == "8563"
    awal = _isi_peta(page)
    FOLDER_GAMBAR.mkdir(exist_ok=True)
    page.screenshot(path=str(FOLDER_GAMBAR / "provinsi_desa.png"))
    assert _hitung(awal, WARNA_TANPA_DATA) > 20_000  # the province beyond the demo regency: no data
    assert _hitung(awal, PALET[-1]) + _hitung(awal, PALET[-2]) > 200  # the regency's villages coloured
    with page.expect_download() as unduhan:  # the map's numbers as a table, downloadable
        page.locator("[data-testid=stDownloadButton] button").first.click()
    baris = open(unduhan.value.path(), encoding="utf-8-sig").read().splitlines()
    assert baris[0] == "Wilayah,Kode Kemendagri,Peserta aktif" and len(baris) == 286
    assert baris[1].split(",")[1].startswith("33.26.")
    # Each village's fill, as Leaflet holds it, is the class colour of the number the table beside the
    # map gives it; a hidden number ("<5") and a village the table does not list are grey.
    tabel = {kode: teks for _, kode, teks in csv.reader(baris[1:])}
    angka = {kode: int(teks.replace(".", "")) for kode, teks in tabel.items() if not teks.startswith("<")}
    kelas = kelas_untuk(UKURAN["aktif"], pd.Series(list(angka.values()), dtype=float))
    isi = dict(page.frame(url=lambda u: "peta_provinsi" in u).evaluate(
        "() => aktif.getLayers().map(l => [l.feature.properties.kode, l.options.fillColor])"))
    assert len(isi) == 8563
    harapan = {kode: warna_nilai(angka[kode], kelas) if kode in angka else WARNA_TANPA_DATA for kode in isi}
    assert isi == harapan
    assert len(set(harapan.values())) == len(PALET) + 1  # every class in use, and grey

    versi = badan.get_attribute("data-versi")
    page.get_by_text("Cakupan BPU (%)", exact=True).click()
    page.frame_locator(BINGKAI).locator(f"body:not([data-versi='{versi}'])").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    cakupan = _isi_peta(page)
    assert sum(_hitung(cakupan, w) for w in PALET[:3]) > sum(_hitung(awal, w) for w in PALET[:3]) + 100
    assert len([u for u in geometri if "_desa_" in u]) == 1  # fetched once, not again on the change
    assert page.diblokir == []


def test_clicking_a_regency_drills_to_its_kecamatan(halaman, server_app, batas):
    page = halaman
    page.goto(f"{server_app}/provinsi")
    bingkai = page.frame_locator(BINGKAI)
    bingkai.locator("body[data-fitur='35']").wait_for(timeout=3 * TUNGGU_MS)
    tunggu_selesai(page)
    titik = batas.kabupaten.geometry.iloc[0].representative_point()
    xy = page.frame(url=lambda u: "peta_provinsi" in u).evaluate(
        f"(() => {{ const p = peta.latLngToContainerPoint([{titik.y}, {titik.x}]); return [p.x, p.y]; }})()")
    page.locator(BINGKAI).click(position={"x": xy[0], "y": xy[1]})
    bingkai.locator("body[data-fitur='576']").wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)
    assert "fokus=33.26" in page.url and "Kecamatan" in page.url
    _isi_peta(page)  # settled after the zoom to the regency
    page.screenshot(path=str(FOLDER_GAMBAR / "provinsi_kecamatan.png"))
    assert page.diblokir == []
