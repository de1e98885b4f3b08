"""What the screens show, read in Chromium and held against counts made independently (pandas on the
raw tables), on three pinned days a year apart on DuckDB and on the first of them on PostgreSQL.

Each configuration gets a database filled with the demo as of its day *before* its server starts,
so the expected figures are read while nothing else holds the file; the server then only reads.
"""

from __future__ import annotations

import pandas as pd
import pytest

from data_access.db import buat_engine, siapkan_database
from data_access.demo import isi_demo
from domain.suppresi import K_BAWAAN, kecil
from geo.peta import UKURAN, WARNA_TANPA_DATA, kelas_untuk, warna_nilai
from tests.browser.conftest import FOLDER_GAMBAR, TUNGGU_MS, buka, buka_tab, server_siap, tunggu_selesai
from tests.conftest import HARI_INI_UJI, database_baru
from tests.pembanding import TIGA_HARI, harapan_layar

pytestmark = pytest.mark.browser
KONFIGURASI = [*(("duckdb", hari) for hari in TIGA_HARI), ("postgresql", HARI_INI_UJI)]


@pytest.fixture(scope="module", params=KONFIGURASI, ids=lambda k: f"{k[0]}-{k[1]}")
def layanan(request, peramban, batas, tmp_path_factory):
    """A server on a demo database as of the configuration's day, and what its screens must show."""
    mesin, hari_ini = request.param
    folder = tmp_path_factory.mktemp(f"nilai_{mesin}_{hari_ini}")
    env = {"DESA_SADAR_HARI_INI": hari_ini.isoformat()}
    if mesin == "postgresql":
        env["DATABASE_URL"] = url = database_baru(request.getfixturevalue("server_postgresql"))
    else:
        url = f"duckdb:///{folder / 'desa_sadar.duckdb'}"
    engine = buat_engine(url)
    try:
        siapkan_database(engine)
        isi_demo(engine, batas, hari_ini)
        harapan = harapan_layar(engine, hari_ini)
    finally:
        engine.dispose()  # DuckDB: one process at a time holds the file; the server is next
    with server_siap(peramban, folder, folder / "streamlit.log", env) as url_app:
        yield url_app, harapan


def _unduh_csv(page, kunci: str) -> pd.DataFrame:
    # The file is built when the button is clicked, for the run that drew it: click only once that
    # run has finished, or the request belongs to a run the server has already replaced.
    tunggu_selesai(page)
    with page.expect_download(timeout=TUNGGU_MS) as unduhan:
        page.locator(f".st-key-csv_{kunci} button").first.click()
    return pd.read_csv(unduhan.value.path(), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def _baris(page, kunci: str, kolom: list[str], teks_kosong: str) -> list[tuple[str, ...]]:
    """The rows a table's CSV download holds, sorted; none where the page says it has no table."""
    tombol, kosong = page.locator(f".st-key-csv_{kunci} button").first, page.get_by_text(teks_kosong).first
    tombol.or_(kosong).first.wait_for(timeout=TUNGGU_MS)  # the table's row arrives after the page's title
    if kosong.is_visible():
        return []
    tabel = _unduh_csv(page, kunci)
    return sorted(zip(*(tabel[k] for k in kolom), strict=True))


def test_overview_numbers_equal_an_independent_count(halaman, layanan):
    url, harapan = layanan
    buka(halaman, url, "Ringkasan · Kabupaten Pekalongan")
    buka_tab(halaman, "Iuran")  # the money tiles, beside the five above the tabs
    halaman.locator('[data-testid="stMetricValue"]').nth(8).wait_for(timeout=TUNGGU_MS)
    metrik = {m.locator('[data-testid="stMetricLabel"]').inner_text().strip():
              m.locator('[data-testid="stMetricValue"]').inner_text().strip()
              for m in halaman.locator('[data-testid="stMetric"]').all()}
    assert metrik == harapan.metrik
    assert halaman.get_by_text(f"{harapan.hari_ini.year} s.d. hari ini").first.is_visible()
    # Each change: its text, an arrow that goes with the number, green when that way is good news
    perubahan = {}
    for m in halaman.locator('[data-testid="stMetric"]').all():
        delta = m.locator('[data-testid="stMetricDelta"]')
        if delta.count():
            ikon = delta.locator("svg").get_attribute("data-testid").removeprefix("stMetricDeltaIcon-")
            r, g, _ = (int(x) for x in delta.evaluate("e => getComputedStyle(e).color")[4:-1].split(", ")[:3])
            perubahan[m.locator('[data-testid="stMetricLabel"]').inner_text().strip()] = (
                delta.inner_text().strip(), ikon, g > r)
    assert perubahan == harapan.perubahan
    assert halaman.diblokir == []


def test_each_village_is_coloured_as_its_value_class(halaman, layanan):
    url, harapan = layanan
    buka(halaman, f"{url}/peta", "Peta · Kabupaten Pekalongan")
    halaman.locator('iframe[title*="st_folium"]').wait_for(timeout=TUNGGU_MS)
    bingkai = halaman.frame_locator('iframe[title*="st_folium"]')
    bingkai.locator("path.leaflet-interactive").nth(284).wait_for(state="attached", timeout=TUNGGU_MS)
    frame = next(f for f in halaman.frames if "st_folium" in f.url)
    warna = frame.evaluate("""() => { const isi = {};
        map_div.eachLayer(l => { const p = l.feature && l.feature.properties;
            if (p && p.kode && p.kode.length === 13 && l._path) isi[p.kode] = l._path.getAttribute('fill'); });
        return isi; }""")
    cakupan = harapan.cakupan_desa.set_index("kode")
    assert set(warna) == set(cakupan.index)
    kelas = kelas_untuk(UKURAN["cakupan"], cakupan["cakupan_persen"])
    utama = {kode for kode, n in cakupan["bpu_aktif"].items() if kecil(int(n), K_BAWAAN)}
    berwarna = pendamping = 0
    for kode, baris in cakupan.iterrows():
        dilihat = warna[kode].lower()
        nilai = baris["cakupan_persen"]
        if kode in utama or nilai is None or pd.isna(nilai):
            assert dilihat == WARNA_TANPA_DATA, (kode, baris.to_dict(), dilihat)
        elif dilihat == WARNA_TANPA_DATA:
            # A complementary hide: only where a small count in the same kecamatan (or, once, in
            # the regency) could otherwise be worked out by subtraction.
            pendamping += 1
            assert any(u.startswith(kode[:8]) for u in utama) or pendamping == 1, kode
        else:
            assert dilihat == warna_nilai(nilai, kelas).lower(), (kode, nilai, dilihat)
            berwarna += 1
    assert berwarna > 200  # a map of greys would pass the checks above
    halaman.screenshot(path=str(FOLDER_GAMBAR / f"peta_nilai_{harapan.hari_ini}.png"))
    assert halaman.diblokir == []


def test_targets_behind_are_the_databases(halaman, layanan):
    url, harapan = layanan
    buka(halaman, f"{url}/target", "Target · Kabupaten Pekalongan")
    baris = _baris(halaman, f"target_tertinggal_{harapan.hari_ini.year}", ["Wilayah", "Realisasi", "Target"],
                   "Tidak ada yang tertinggal")
    assert baris == harapan.target_tertinggal
    assert halaman.diblokir == []


def test_event_rows_are_the_databases(halaman, layanan):
    url, harapan = layanan
    buka(halaman, f"{url}/kegiatan", "Kegiatan · Kabupaten Pekalongan")
    baris = _baris(halaman, "kegiatan", ["Kegiatan", "Tanggal", "Hadir", "Pendaftar"], "Belum ada kegiatan")
    assert baris == harapan.kegiatan
    assert halaman.diblokir == []


def test_desa_sadar_rows_are_the_databases(halaman, layanan):
    url, harapan = layanan
    buka(halaman, f"{url}/desa-sadar", "Desa Sadar · Kabupaten Pekalongan")
    tabel = _unduh_csv(halaman, "desa_sadar")
    assert len(tabel) == harapan.desa_sadar > 0
    assert halaman.diblokir == []


def test_the_field_work_list_is_the_databases_in_its_order(halaman, layanan):
    url, harapan = layanan
    buka(halaman, f"{url}/tindak-lanjut", "Tindak lanjut · Kabupaten Pekalongan")
    tabel = _unduh_csv(halaman, "daftar_kerja_lapangan")
    baris = list(zip(tabel["Desa"], tabel["Iuran dipertaruhkan (Rp/bln)"], tabel["Berhenti, 3 bln lalu"], strict=True))
    assert baris == harapan.daftar_kerja and len(baris) > 20
    assert not {"NIK", "Nama", "No HP"} & set(tabel.columns)
    halaman.screenshot(path=str(FOLDER_GAMBAR / f"tindak_lanjut_{harapan.hari_ini}.png"), full_page=True)
    assert halaman.diblokir == []
