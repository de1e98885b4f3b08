"""The map's numbers: one value set per village for a filter, and a village's story for the panel."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from data_access.aset import FOLDER_STATIS, tulis_peta_statis
from data_access.batas import BatasWilayah
from data_access import iuran
from data_access.db import baca
from data_access.desa_sadar import riwayat_status
from data_access.ringkasan import RingkasanHalaman, aktif_per_desa, ringkasan_halaman, syarat_pendaftaran
from domain import kpi
from domain.saringan import Saringan
from geo.peta import UKURAN, kelas_untuk, svg_sorot


def nilai_desa(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Per village of the filter's region (index: code): active participants and new sign-ups for the
    programme and segment chosen, active BPU, informal workers, BPU coverage %, the village's BPU
    target and its % reached, and the Desa Sadar status on the period's last day."""
    aktif = aktif_per_desa(engine, s).set_index("kode_desa")
    syarat_p, nilai_p = syarat_pendaftaran(s)
    baru = baca(engine, f"""
        SELECT p.kode_desa, count(*) AS baru FROM peserta p
        WHERE {syarat_p} AND p.tanggal_daftar BETWEEN :mulai AND :akhir GROUP BY p.kode_desa""",
        mulai=s.periode.mulai, akhir=s.periode.selesai, **nilai_p).set_index("kode_desa")["baru"]
    desa = baca(engine, """
        SELECT w.kode, d.pekerja_informal, t.nilai AS target_bpu,
               (SELECT st.status FROM status_desa_sadar st WHERE st.kode_desa = w.kode AND st.tanggal <= :akhir
                ORDER BY st.tanggal DESC, st.id DESC LIMIT 1) AS status
        FROM wilayah w
        LEFT JOIN penyebut d ON d.kode_desa = w.kode
             AND d.tahun = (SELECT max(tahun) FROM penyebut WHERE tahun <= :tahun)
        LEFT JOIN target t ON t.kode_wilayah = w.kode AND t.tahun = :tahun AND t.ukuran = 'peserta_aktif'
             AND t.segmen = 'BPU' AND t.program = 'SEMUA'
        WHERE w.tingkat = 'desa' AND w.kode LIKE :awalan_kode""",
        akhir=s.periode.selesai, tahun=s.periode.selesai.year, awalan_kode=s.kode_wilayah + "%").set_index("kode")
    desa["aktif"] = aktif["aktif"].reindex(desa.index, fill_value=0).astype(int)
    desa["baru"] = baru.reindex(desa.index, fill_value=0).astype(int)
    desa["bpu_aktif"] = aktif["bpu_aktif"].reindex(desa.index, fill_value=0).astype(int)
    desa["cakupan_persen"] = [kpi.cakupan_bpu(b, None if pd.isna(n) else n)
                              for b, n in zip(desa["bpu_aktif"], desa["pekerja_informal"], strict=True)]
    desa["capaian_target_persen"] = [kpi.capaian_target(b, None if pd.isna(t) else t)
                                     for b, t in zip(desa["bpu_aktif"], desa["target_bpu"], strict=True)]
    desa["status"] = desa["status"].where(desa["status"].notna(), None)
    return desa.join(_iuran_desa(engine, s, desa.index))


def _iuran_desa(engine: sa.Engine, s: Saringan, kode: pd.Index) -> pd.DataFrame:
    """Per village over the period's months the payment exports cover: collection rate (paid ÷
    billed, %), lapses, active at the start of the first month, and the lapse rate; NaN where the
    exports say nothing."""
    hasil = iuran.per_desa(engine, s).reindex(kode)
    hasil["kolektibilitas_persen"] = [kpi.rasio_persen(b, t) if pd.notna(t) else None
                                      for b, t in zip(hasil["dibayar"], hasil["ditagih"], strict=True)]
    hasil["berhenti_persen"] = [kpi.rasio_persen(b, a) if pd.notna(a) else None
                                for b, a in zip(hasil["berhenti"], hasil["aktif_awal_iuran"], strict=True)]
    return hasil.astype("float64")


@dataclass(frozen=True)
class CeritaDesa:
    """What the panel beside the map tells about one village."""

    kode: str
    nama: str
    nama_kec: str
    status: pd.DataFrame  # tanggal, status, catatan: the whole history, oldest first
    kegiatan: pd.DataFrame  # nama, jenis, tanggal_mulai, jumlah_hadir, pendaftar
    ringkasan: RingkasanHalaman


def cerita_desa(engine: sa.Engine, kode: str, s: Saringan) -> CeritaDesa | None:
    """The village's story for the period of `s` (programme and segment filters kept); None if unknown."""
    wilayah = baca(engine, """
        SELECT w.nama, kec.nama AS nama_kec FROM wilayah w JOIN wilayah kec ON kec.kode = w.kode_induk
        WHERE w.kode = :kode AND w.tingkat = 'desa'""", kode=kode)
    if wilayah.empty:
        return None
    status = riwayat_status(engine, kode)
    kegiatan = baca(engine, """
        SELECT k.nama, k.jenis, k.tanggal_mulai, k.jumlah_hadir,
               (SELECT count(*) FROM peserta p WHERE p.kegiatan_id = k.id) AS pendaftar
        FROM kegiatan k WHERE k.kode_desa = :kode ORDER BY k.tanggal_mulai DESC""", kode=kode)
    halaman = ringkasan_halaman(engine, Saringan(kode, s.periode, s.program, s.segmen))
    return CeritaDesa(kode, str(wilayah["nama"].iloc[0]), str(wilayah["nama_kec"].iloc[0]), status, kegiatan, halaman)


def kegiatan_periode(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Events in the region that overlap the period, for markers on the map."""
    return baca(engine, """
        SELECT k.nama, k.tanggal_mulai AS tanggal, k.lat, k.lng, k.kode_desa FROM kegiatan k
        WHERE k.kode_desa LIKE :awalan_kode AND k.tanggal_mulai <= :akhir AND k.tanggal_selesai >= :mulai
        ORDER BY k.tanggal_mulai""", awalan_kode=s.kode_wilayah + "%", mulai=s.periode.mulai, akhir=s.periode.selesai)


def gambar_peta_briefing(engine: sa.Engine, batas: BatasWilayah, s: Saringan, nilai: pd.DataFrame, k: int,
                         bahasa: str = "id") -> bytes:
    """The coverage map of the filter's region as a PNG, for the briefing: `nilai` is the public map's
    coverage for the whole regency (tampilan.publik.nilai_peta), cropped to the region; a single
    village is shown within its kecamatan."""
    # Imported here: matplotlib is needed for the briefing's picture only, not by the pages that
    # import this module (a second of CPU and ~50 MB at every server start otherwise).
    from geo.peta_statis import gambar_peta

    ukuran = UKURAN["cakupan"]
    seregensi = Saringan(batas.kode_kab, s.periode, s.program, s.segmen)
    awalan = s.kode_wilayah[:8] if len(s.kode_wilayah) > 5 else s.kode_wilayah
    return gambar_peta(batas.desa_web, batas.kecamatan_web, nilai, ukuran, kelas_untuk(ukuran, nilai["nilai"]),
                       kegiatan_periode(engine, seregensi), k, awalan_kode=awalan, bahasa=bahasa)


def siapkan_geometri_peta(batas: BatasWilayah, folder_statis=FOLDER_STATIS) -> dict[str, str]:
    """Write the regency's web geometry (villages, kecamatan, regency) to `static/peta/` and return
    the URLs by level. A name carries a hash of its content, so a browser may keep a file as long
    as it likes and changed boundaries get a new name; a file is written whole or not at all."""
    isi = {"desa": batas.geojson_web,
           "kecamatan": batas.kecamatan_web[["kode", "geometry"]].to_json(drop_id=True, separators=(",", ":")),
           "kabupaten": batas.kabupaten_web[["kode", "geometry"]].to_json(drop_id=True, separators=(",", ":"))}
    url = {}
    for tingkat, teks in isi.items():
        sidik = hashlib.sha256(teks.encode()).hexdigest()[:12]
        url[tingkat] = tulis_peta_statis(f"kabupaten_{batas.kode_kab}_{tingkat}_{sidik}.geojson", teks, folder_statis)
    return url


def siapkan_peta_kecil(batas: BatasWilayah, kode_desa: str, folder_statis=FOLDER_STATIS) -> str:
    """The regency with one village filled (geo.peta.svg_sorot) as a static SVG file; its URL. As a
    file the browser fetches it once and keeps it; inline, its 220 KB went over the WebSocket with
    the event page. The name is a hash of the picture (no text from the database in a path)."""
    svg = svg_sorot(batas.desa_web, kode_desa)
    sidik = hashlib.sha256(svg.encode()).hexdigest()[:16]
    return tulis_peta_statis(f"desa_{sidik}.svg", svg, folder_statis)
