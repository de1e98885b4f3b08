"""The overview's numbers for one filter, counted in the database.

Definitions (domain brief §5):
- active on day t: an enrolment started on or before t and not ended on or before t;
  a participant is active when any of their enrolments (in the chosen programme) is, which is
  counted on the participant's merged active periods (data_access.masa_aktif);
- new sign-ups: participants whose registration date falls in the period;
- lapsed: participants whose last enrolment (in the chosen programme) ended within the period;
- BPU coverage: active BPU participants with JKK (always held with JKM) ÷ informal workers of the
  year; it ignores the programme and segment filters by definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from data_access.masa_aktif import SEMUA_PROGRAM
from domain import kpi
from domain.saringan import Saringan

AKHIR_TERBUKA = "DATE '9999-12-31'"
# The trend shows at least this many months, so a quarter still shows where it came from.
BULAN_TREN_MINIMUM = 12


@dataclass(frozen=True)
class AngkaUtama:
    peserta_aktif: int
    peserta_aktif_awal: int
    pendaftaran_baru: int
    pendaftaran_baru_sebelumnya: int
    nonaktif: int
    bpu_aktif_jkk_jkm: int
    pekerja_informal: int | None
    target_aktif: int | None

    @property
    def perubahan_pendaftaran(self) -> float | None:
        return kpi.perubahan_persen(self.pendaftaran_baru, self.pendaftaran_baru_sebelumnya)

    @property
    def cakupan_bpu(self) -> float | None:
        return kpi.cakupan_bpu(self.bpu_aktif_jkk_jkm, self.pekerja_informal)

    @property
    def capaian_target(self) -> float | None:
        return kpi.capaian_target(self.peserta_aktif, self.target_aktif)

    @property
    def tingkat_nonaktif(self) -> float | None:
        return kpi.tingkat_nonaktif(self.nonaktif, self.peserta_aktif_awal)


def _syarat(s: Saringan, alias: str = "m", segmen: bool = True) -> tuple[str, dict]:
    """Region and segment conditions with bound values; the programme is chosen per query."""
    bagian = [f"{alias}.kode_desa LIKE :awalan_kode"]
    nilai: dict = {"awalan_kode": s.kode_wilayah + "%"}
    if segmen and s.segmen:
        bagian.append(f"{alias}.segmen = :segmen")
        nilai["segmen"] = s.segmen
    return " AND ".join(bagian), nilai


def _aktif_pada(kolom_t: str, alias: str = "m") -> str:
    return (f"({alias}.tanggal_mulai <= {kolom_t} AND "
            f"({alias}.tanggal_berakhir IS NULL OR {alias}.tanggal_berakhir > {kolom_t}))")


def _program(s: Saringan) -> str:
    return s.program or SEMUA_PROGRAM


def angka_utama(engine: sa.Engine, s: Saringan) -> AngkaUtama:
    """The KPI tiles: active now and at the start, new sign-ups now and before, lapsed, coverage, target.

    One statement of single-row parts: islands never overlap for one participant and programme, so
    counting active islands counts active participants; lapsed participants are those with an
    island ending in the period and none active at its end.
    """
    akhir, awal = s.periode.selesai, s.hari_sebelum_mulai
    syarat, nilai = _syarat(s)
    syarat_b, _ = _syarat(s, "b")
    syarat_p, nilai_p = _syarat_pendaftaran(s)
    lalu = s.sebelumnya
    hasil = baca(engine, f"""
        WITH aktif AS (
            SELECT count(*) FILTER (WHERE m.tanggal_berakhir IS NULL OR m.tanggal_berakhir > :akhir) AS aktif,
                   count(*) FILTER (WHERE {_aktif_pada(':awal')}) AS aktif_awal
            FROM masa_aktif m
            WHERE {syarat} AND m.program = :program AND m.tanggal_mulai <= :akhir
              AND (m.tanggal_berakhir IS NULL OR m.tanggal_berakhir > :awal)),
        bpu AS (
            SELECT count(*) AS bpu FROM masa_aktif m
            WHERE m.program = 'JKK' AND m.segmen = 'BPU' AND m.kode_desa LIKE :awalan_kode
              AND {_aktif_pada(':akhir')}),
        nonaktif AS (
            SELECT count(DISTINCT b.peserta_id) AS nonaktif FROM masa_aktif b
            WHERE {syarat_b} AND b.program = :program
              AND b.tanggal_berakhir BETWEEN :mulai AND :akhir
              AND NOT EXISTS (SELECT 1 FROM masa_aktif m WHERE m.peserta_id = b.peserta_id
                              AND m.program = :program AND {_aktif_pada(':akhir')})),
        baru AS (
            SELECT count(*) FILTER (WHERE p.tanggal_daftar BETWEEN :mulai AND :akhir) AS baru,
                   count(*) FILTER (WHERE p.tanggal_daftar BETWEEN :mulai_lalu AND :akhir_lalu) AS baru_lalu
            FROM peserta p WHERE {syarat_p} AND p.tanggal_daftar BETWEEN :mulai_lalu AND :akhir),
        informal AS (
            SELECT sum(pekerja_informal) AS informal FROM penyebut
            WHERE kode_desa LIKE :awalan_kode
              AND tahun = (SELECT max(tahun) FROM penyebut WHERE tahun <= :tahun))
        SELECT * FROM aktif, bpu, nonaktif, baru, informal""",
        **{**nilai, **nilai_p, "program": _program(s), "akhir": akhir, "awal": awal, "mulai": s.periode.mulai,
           "mulai_lalu": lalu.mulai, "akhir_lalu": lalu.selesai, "tahun": akhir.year})
    baris = hasil.iloc[0]
    target = nilai_target(engine, s, "peserta_aktif", [akhir.year]).get(akhir.year)
    return AngkaUtama(
        peserta_aktif=int(baris["aktif"]),
        peserta_aktif_awal=int(baris["aktif_awal"]),
        pendaftaran_baru=int(baris["baru"]),
        pendaftaran_baru_sebelumnya=int(baris["baru_lalu"]),
        nonaktif=int(baris["nonaktif"]),
        bpu_aktif_jkk_jkm=int(baris["bpu"]),
        pekerja_informal=None if pd.isna(baris["informal"]) else int(baris["informal"]),
        target_aktif=target,
    )


def _syarat_pendaftaran(s: Saringan) -> tuple[str, dict]:
    """Participants registered in the region and segment, holding the chosen programme at some time."""
    syarat, nilai = _syarat(s, "p")
    if s.program:
        syarat += (" AND EXISTS (SELECT 1 FROM masa_aktif m WHERE m.peserta_id = p.id"
                   " AND m.program = :program)")
        nilai["program"] = s.program
    return syarat, nilai


def nilai_target(engine: sa.Engine, s: Saringan, ukuran: str, tahun: list[int]) -> dict[int, int]:
    """Targets set for exactly this slice (region, segment, programme), by year; absent years are missing."""
    df = baca(engine, """
        SELECT tahun, nilai FROM target
        WHERE kode_wilayah = :kode AND ukuran = :ukuran AND segmen = :segmen AND program = :program""",
        kode=s.kode_wilayah, ukuran=ukuran, segmen=s.segmen or "SEMUA", program=s.program or "SEMUA")
    return {int(t): int(n) for t, n in df.itertuples(index=False) if int(t) in tahun}


def per_program(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Active participants per programme at the end of the period (the programme filter is not applied)."""
    syarat, nilai = _syarat(s)
    return baca(engine, f"""
        SELECT m.program, count(*) AS peserta_aktif FROM masa_aktif m
        WHERE {syarat} AND m.program <> :semua AND {_aktif_pada(':akhir')}
        GROUP BY m.program ORDER BY m.program""", semua=SEMUA_PROGRAM, akhir=s.periode.selesai, **nilai)


def per_segmen(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Active participants per segment at the end of the period (the segment filter is not applied)."""
    syarat, nilai = _syarat(s, segmen=False)
    return baca(engine, f"""
        SELECT m.segmen, count(*) AS peserta_aktif FROM masa_aktif m
        WHERE {syarat} AND m.program = :program AND {_aktif_pada(':akhir')}
        GROUP BY m.segmen ORDER BY m.segmen""", program=_program(s), akhir=s.periode.selesai, **nilai)


def _bulan(d: date) -> date:
    return date(d.year, d.month, 1)


def tren_bulanan(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Per month: active participants at month end, new sign-ups, and the year's target for active.

    Active at a month's end = islands begun by then minus islands ended by then; counting both by
    month and summing up avoids a months × participants join, and stays exact across re-enrolments.
    """
    akhir = _bulan(s.periode.selesai)
    awal = min(_bulan(s.periode.mulai), date(akhir.year - (1 if akhir.month < BULAN_TREN_MINIMUM else 0),
                                            (akhir.month - BULAN_TREN_MINIMUM) % 12 + 1, 1))
    bulan = pd.date_range(awal, akhir, freq="MS")
    syarat, nilai = _syarat(s)
    batas_bulan = pd.Timestamp(akhir) + pd.offsets.MonthEnd(0)
    selang = baca(engine, f"""
        SELECT 'mulai' AS jenis, CAST(date_trunc('month', m.tanggal_mulai) AS DATE) AS bulan, count(*) AS jumlah
        FROM masa_aktif m WHERE {syarat} AND m.program = :program AND m.tanggal_mulai <= :batas GROUP BY 2
        UNION ALL
        SELECT 'berakhir', CAST(date_trunc('month', m.tanggal_berakhir) AS DATE), count(*)
        FROM masa_aktif m WHERE {syarat} AND m.program = :program AND m.tanggal_berakhir <= :batas GROUP BY 2""",
        program=_program(s), batas=batas_bulan.date(), **nilai)
    selang["bulan"] = pd.to_datetime(selang["bulan"])
    masuk = selang[selang["jenis"] == "mulai"].groupby("bulan")["jumlah"].sum()
    keluar = selang[selang["jenis"] == "berakhir"].groupby("bulan")["jumlah"].sum()
    semua_bulan = pd.DatetimeIndex(sorted(set(masuk.index) | set(keluar.index) | set(bulan)))
    aktif = masuk.reindex(semua_bulan, fill_value=0).cumsum() - keluar.reindex(semua_bulan, fill_value=0).cumsum()

    syarat_p, nilai_p = _syarat_pendaftaran(s)
    baru = baca(engine, f"""
        SELECT CAST(date_trunc('month', p.tanggal_daftar) AS DATE) AS bulan, count(*) AS jumlah
        FROM peserta p WHERE {syarat_p} AND p.tanggal_daftar BETWEEN :awal AND :akhir GROUP BY 1""",
        awal=awal, akhir=s.periode.selesai, **nilai_p)
    baru["bulan"] = pd.to_datetime(baru["bulan"])
    target = nilai_target(engine, s, "peserta_aktif", sorted({b.year for b in bulan}))
    hasil = pd.DataFrame({"bulan": bulan})
    hasil["peserta_aktif"] = aktif.reindex(bulan).fillna(0).astype(int).to_numpy()
    hasil["pendaftaran_baru"] = baru.set_index("bulan")["jumlah"].reindex(bulan, fill_value=0).astype(int).to_numpy()
    hasil["target_aktif"] = [target.get(b.year) for b in bulan]
    return hasil


def cakupan_desa(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """BPU coverage per village at the end of the period, highest first (villages with no denominator last)."""
    return baca(engine, f"""
        WITH aktif AS (
            SELECT m.kode_desa, count(*) AS bpu_aktif FROM masa_aktif m
            WHERE m.kode_desa LIKE :awalan_kode AND m.program = 'JKK' AND m.segmen = 'BPU'
              AND {_aktif_pada(':akhir')}
            GROUP BY m.kode_desa)
        SELECT w.kode, w.nama, kec.nama AS kecamatan, coalesce(a.bpu_aktif, 0) AS bpu_aktif,
               d.pekerja_informal,
               CASE WHEN d.pekerja_informal > 0
                    THEN 100.0 * coalesce(a.bpu_aktif, 0) / d.pekerja_informal END AS cakupan_persen
        FROM wilayah w
        JOIN wilayah kec ON kec.kode = w.kode_induk
        LEFT JOIN aktif a ON a.kode_desa = w.kode
        LEFT JOIN penyebut d ON d.kode_desa = w.kode
             AND d.tahun = (SELECT max(tahun) FROM penyebut WHERE tahun <= :tahun)
        WHERE w.tingkat = 'desa' AND w.kode LIKE :awalan_kode
        ORDER BY cakupan_persen DESC NULLS LAST, w.kode""",
        akhir=s.periode.selesai, tahun=s.periode.selesai.year, awalan_kode=s.kode_wilayah + "%")


def daftar_wilayah(engine: sa.Engine, kode_kab: str) -> pd.DataFrame:
    """Kecamatan and villages of the regency for the sidebar, in code order."""
    return baca(engine, """
        SELECT kode, nama, tingkat, kode_induk FROM wilayah
        WHERE kode LIKE :awalan AND tingkat IN ('kecamatan', 'desa') ORDER BY kode""", awalan=kode_kab + ".%")


def info_dataset(engine: sa.Engine) -> dict[str, str]:
    """Facts about the loaded dataset: its source ('demo' or 'nyata') and, for demo, its date."""
    df = baca(engine, "SELECT kunci, nilai FROM info_data")
    return dict(df.itertuples(index=False))


def tanggal_data(engine: sa.Engine) -> date | None:
    """The newest registration or enrolment change in the data: 'data as of'."""
    df = baca(engine, """
        SELECT max(t) AS t FROM (
            SELECT max(tanggal_daftar) AS t FROM peserta
            UNION ALL SELECT max(tanggal_berakhir) FROM kepesertaan) x""")
    nilai = df["t"].iloc[0]
    return None if pd.isna(nilai) else pd.Timestamp(nilai).date()
