"""What the screens show, read in Chromium and held against counts made independently (pandas on the
raw tables), on three pinned days a year apart on DuckDB and on the first of them on PostgreSQL.

Each configuration gets a database filled with the demo as of its day *before* its server starts,
so the expected figures are read while nothing else holds the file; the server then only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import pytest

from benchmarks.naif import RingkasanNaif
from data_access.db import baca, buat_engine, siapkan_database
from data_access.demo import isi_demo
from domain import format as fmt
from domain import kpi
from domain.periode import Periode, periode_dari_kunci
from domain.saringan import Saringan
from domain.suppresi import K_BAWAAN, kecil, tampil_hitungan
from geo.peta import UKURAN, WARNA_TANPA_DATA, kelas_untuk, warna_nilai
from tests.browser.conftest import FOLDER_GAMBAR, TUNGGU_MS, server_siap, tunggu_selesai
from tests.conftest import HARI_INI_UJI, database_baru

pytestmark = pytest.mark.browser


def _tahun_lagi(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


KONFIGURASI = [("duckdb", HARI_INI_UJI), ("duckdb", _tahun_lagi(HARI_INI_UJI, 1)),
               ("duckdb", _tahun_lagi(HARI_INI_UJI, 2)), ("postgresql", HARI_INI_UJI)]


@dataclass(frozen=True)
class Harapan:
    """What each screen must show, computed from the raw tables without the app's SQL."""

    hari_ini: date
    metrik: dict[str, str]
    cakupan_desa: pd.DataFrame  # kode, bpu_aktif, cakupan_persen
    target_tertinggal: list[tuple[str, str, str]]  # (region, achieved, target) as the CSV writes them
    kegiatan: list[tuple[str, str, str, str]]  # (name, date, attendance, sign-ups)
    desa_sadar: int


def _metrik(naif: RingkasanNaif, s: Saringan) -> dict[str, str]:
    a = naif.angka_utama(s)
    k = K_BAWAAN
    return {
        "Peserta aktif": tampil_hitungan(a["peserta_aktif"], k),
        "Pendaftaran baru": tampil_hitungan(a["pendaftaran_baru"], k),
        "Cakupan BPU": fmt.persen(kpi.cakupan_bpu(a["bpu_aktif_jkk_jkm"], a["pekerja_informal"]), 2),
        "Capaian target": fmt.persen(kpi.capaian_target(a["peserta_aktif"], a["target_aktif"])),
        "Peserta nonaktif": tampil_hitungan(a["nonaktif"], k),
    }


def _peserta_irisan(aktif: pd.DataFrame, kode: str, segmen: str, program: str) -> int:
    """Participants among these active enrolments in a region and a target's slice ('SEMUA': any)."""
    aktif = aktif[aktif["kode_desa"].str.startswith(kode)]
    if program != "SEMUA":
        aktif = aktif[aktif["program"] == program]
    if segmen != "SEMUA":
        aktif = aktif[aktif["segmen"] == segmen]
    return aktif["peserta_id"].nunique()


def _target_tertinggal(engine, naif: RingkasanNaif, hari_ini: date) -> list[tuple[str, str, str]]:
    """Targets of this year that are behind the straight line from the year's start, with their
    achievement counted from enrolments and registrations in pandas."""
    tahun = hari_ini.year
    target = baca(engine, "SELECT t.*, w.nama FROM target t JOIN wilayah w ON w.kode = t.kode_wilayah "
                          "WHERE t.tahun = :tahun", tahun=tahun)
    awal_tahun = date(tahun - 1, 12, 31)
    porsi = (hari_ini - awal_tahun).days / (date(tahun, 12, 31) - awal_tahun).days
    aktif_kini, aktif_awal = naif._aktif(naif.k, hari_ini), naif._aktif(naif.k, awal_tahun)
    daftar = naif.p[naif.p["tanggal_daftar"].between(pd.Timestamp(tahun, 1, 1), pd.Timestamp(hari_ini))]
    hasil = []
    for t in target.itertuples():
        if t.ukuran == "peserta_aktif":
            realisasi, awal = (_peserta_irisan(a, t.kode_wilayah, t.segmen, t.program) for a in (aktif_kini, aktif_awal))
        else:
            p = daftar[daftar["kode_desa"].str.startswith(t.kode_wilayah)]
            if t.segmen != "SEMUA":
                p = p[p["segmen"] == t.segmen]
            if t.program != "SEMUA":
                p = p[p["id"].isin(naif.k.loc[naif.k["program"] == t.program, "peserta_id"])]
            realisasi, awal = len(p), 0
        jalur = kpi.jalur_target(awal, t.nilai, porsi) if hari_ini < date(tahun, 12, 31) else None
        if kpi.status_capaian(realisasi, t.nilai, jalur) == "tertinggal":
            hasil.append((t.nama, fmt.angka(realisasi), fmt.angka(t.nilai)))
    return sorted(hasil)


def _kegiatan(engine, periode: Periode) -> list[tuple[str, str, str, str]]:
    kegiatan = baca(engine, "SELECT id, nama, tanggal_mulai, tanggal_selesai, jumlah_hadir FROM kegiatan")
    peserta = baca(engine, "SELECT kegiatan_id FROM peserta WHERE kegiatan_id IS NOT NULL")
    pendaftar = peserta["kegiatan_id"].value_counts()
    mulai, selesai = pd.to_datetime(kegiatan["tanggal_mulai"]), pd.to_datetime(kegiatan["tanggal_selesai"])
    dalam = kegiatan[(mulai <= pd.Timestamp(periode.selesai)) & (selesai >= pd.Timestamp(periode.mulai))]
    return sorted((r.nama, fmt.tanggal(pd.Timestamp(r.tanggal_mulai).date()),
                   fmt.angka(None if pd.isna(r.jumlah_hadir) else int(r.jumlah_hadir)),
                   fmt.angka(int(pendaftar.get(r.id, 0)))) for r in dalam.itertuples())


def _harapan(engine, hari_ini: date) -> Harapan:
    naif = RingkasanNaif(engine)
    ytd = periode_dari_kunci("ytd", hari_ini)
    s = Saringan("33.26", ytd)
    status = baca(engine, "SELECT DISTINCT kode_desa FROM status_desa_sadar WHERE tanggal <= :h", h=hari_ini)
    return Harapan(hari_ini, _metrik(naif, s), naif.cakupan_desa(s), _target_tertinggal(engine, naif, hari_ini),
                   _kegiatan(engine, ytd), len(status))


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
        harapan = _harapan(engine, hari_ini)
    finally:
        engine.dispose()  # DuckDB: one process at a time holds the file; the server is next
    with server_siap(peramban, folder, folder / "streamlit.log", env) as url_app:
        yield url_app, harapan


def _unduh_csv(page, kunci: str) -> pd.DataFrame:
    with page.expect_download(timeout=TUNGGU_MS) as unduhan:
        page.locator(f".st-key-csv_{kunci} button").first.click()
    return pd.read_csv(unduhan.value.path(), encoding="utf-8-sig", dtype=str, keep_default_na=False)


def _buka(page, url: str, judul: str) -> None:
    page.set_viewport_size({"width": 1600, "height": 2400})
    page.goto(url)
    page.get_by_role("heading", name=judul).wait_for(timeout=TUNGGU_MS)
    tunggu_selesai(page)


def test_overview_numbers_equal_an_independent_count(halaman, layanan):
    url, harapan = layanan
    _buka(halaman, url, "Ringkasan · Kabupaten Pekalongan")
    halaman.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=TUNGGU_MS)
    metrik = {m.locator('[data-testid="stMetricLabel"]').inner_text().strip():
              m.locator('[data-testid="stMetricValue"]').inner_text().strip()
              for m in halaman.locator('[data-testid="stMetric"]').all()}
    assert metrik == harapan.metrik
    assert halaman.get_by_text(f"{harapan.hari_ini.year} s.d. hari ini").first.is_visible()
    assert halaman.diblokir == []


def test_each_village_is_coloured_as_its_value_class(halaman, layanan):
    url, harapan = layanan
    _buka(halaman, f"{url}/peta", "Peta · Kabupaten Pekalongan")
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
    _buka(halaman, f"{url}/target", "Target · Kabupaten Pekalongan")
    if not harapan.target_tertinggal:
        assert halaman.get_by_text("Tidak ada yang tertinggal").first.is_visible()
        return
    tabel = _unduh_csv(halaman, f"target_tertinggal_{harapan.hari_ini.year}")
    assert sorted(zip(tabel["Wilayah"], tabel["Realisasi"], tabel["Target"], strict=True)) == harapan.target_tertinggal
    persen = [float(p.rstrip("%").replace(",", ".")) for p in tabel["Capaian target"]]
    assert persen == sorted(persen)  # furthest behind first
    assert halaman.diblokir == []


def test_event_rows_are_the_databases(halaman, layanan):
    url, harapan = layanan
    _buka(halaman, f"{url}/kegiatan", "Kegiatan · Kabupaten Pekalongan")
    if not harapan.kegiatan:
        assert halaman.get_by_text("Belum ada kegiatan").first.is_visible()
        return
    tabel = _unduh_csv(halaman, "kegiatan")
    assert sorted(zip(tabel["Kegiatan"], tabel["Tanggal"], tabel["Hadir"], tabel["Pendaftar"], strict=True)) \
        == harapan.kegiatan
    assert halaman.diblokir == []


def test_desa_sadar_rows_are_the_databases(halaman, layanan):
    url, harapan = layanan
    _buka(halaman, f"{url}/desa-sadar", "Desa Sadar · Kabupaten Pekalongan")
    tabel = _unduh_csv(halaman, "desa_sadar")
    assert len(tabel) == harapan.desa_sadar > 0
    assert halaman.diblokir == []
