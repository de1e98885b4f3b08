"""The overview's numbers for one filter, counted in the database.

Definitions (domain brief §5):
- active on day t: an enrolment started on or before t and not ended on or before t;
  a participant is active when any of their enrolments (in the chosen programme) is;
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


def _syarat(s: Saringan, alias: str, program: bool = True, segmen: bool = True) -> tuple[str, dict]:
    bagian = [f"{alias}.kode_desa LIKE :awalan_kode"]
    nilai: dict = {"awalan_kode": s.kode_wilayah + "%"}
    if program and s.program:
        bagian.append(f"{alias}.program = :program")
        nilai["program"] = s.program
    if segmen and s.segmen:
        bagian.append(f"{alias}.segmen = :segmen")
        nilai["segmen"] = s.segmen
    return " AND ".join(bagian), nilai


def _aktif_pada(kolom_t: str, alias: str = "k") -> str:
    return f"({alias}.tanggal_mulai <= {kolom_t} AND ({alias}.tanggal_berakhir IS NULL OR {alias}.tanggal_berakhir > {kolom_t}))"


def tahun_penyebut(engine: sa.Engine, tahun: int) -> int | None:
    """The denominators' year to use: the year itself, or the latest before it."""
    df = baca(engine, "SELECT max(tahun) AS tahun FROM penyebut WHERE tahun <= :tahun", tahun=tahun)
    nilai = df["tahun"].iloc[0]
    return None if pd.isna(nilai) else int(nilai)


def angka_utama(engine: sa.Engine, s: Saringan) -> AngkaUtama:
    """The KPI tiles: active now and at the start, new sign-ups now and before, lapsed, coverage, target."""
    syarat, nilai = _syarat(s, "k")
    akhir, awal = s.periode.selesai, s.hari_sebelum_mulai
    aktif = baca(engine, f"""
        SELECT count(DISTINCT CASE WHEN {_aktif_pada(':akhir')} THEN k.peserta_id END) AS aktif,
               count(DISTINCT CASE WHEN {_aktif_pada(':awal')} THEN k.peserta_id END) AS aktif_awal
        FROM kepesertaan k WHERE {syarat} AND k.tanggal_mulai <= :akhir""", akhir=akhir, awal=awal, **nilai)
    nonaktif = baca(engine, f"""
        SELECT count(*) AS nonaktif FROM (
            SELECT k.peserta_id, max(coalesce(k.tanggal_berakhir, {AKHIR_TERBUKA})) AS berakhir
            FROM kepesertaan k WHERE {syarat} AND k.tanggal_mulai <= :akhir GROUP BY k.peserta_id
        ) t WHERE t.berakhir BETWEEN :mulai AND :akhir""", mulai=s.periode.mulai, akhir=akhir, **nilai)

    syarat_p, nilai_p = _syarat(s, "p", program=False)
    if s.program:
        syarat_p += " AND EXISTS (SELECT 1 FROM kepesertaan k WHERE k.peserta_id = p.id AND k.program = :program)"
        nilai_p["program"] = s.program
    lalu = s.sebelumnya
    baru = baca(engine, f"""
        SELECT sum(CASE WHEN p.tanggal_daftar BETWEEN :mulai AND :akhir THEN 1 ELSE 0 END) AS baru,
               sum(CASE WHEN p.tanggal_daftar BETWEEN :mulai_lalu AND :akhir_lalu THEN 1 ELSE 0 END) AS baru_lalu
        FROM peserta p WHERE {syarat_p} AND p.tanggal_daftar BETWEEN :mulai_lalu AND :akhir""",
        mulai=s.periode.mulai, akhir=akhir, mulai_lalu=lalu.mulai, akhir_lalu=lalu.selesai, **nilai_p)

    syarat_c, nilai_c = _syarat(s, "k", program=False, segmen=False)
    bpu = baca(engine, f"""
        SELECT count(DISTINCT k.peserta_id) AS bpu FROM kepesertaan k
        WHERE {syarat_c} AND k.segmen = 'BPU' AND k.program = 'JKK' AND {_aktif_pada(':akhir')}""",
        akhir=akhir, **nilai_c)
    tahun = tahun_penyebut(engine, akhir.year)
    informal = baca(engine, """
        SELECT sum(pekerja_informal) AS informal FROM penyebut WHERE kode_desa LIKE :awalan_kode AND tahun = :tahun""",
        awalan_kode=s.kode_wilayah + "%", tahun=tahun or -1)["informal"].iloc[0]
    target = nilai_target(engine, s, "peserta_aktif", [akhir.year]).get(akhir.year)
    return AngkaUtama(
        peserta_aktif=int(aktif["aktif"].iloc[0]),
        peserta_aktif_awal=int(aktif["aktif_awal"].iloc[0]),
        pendaftaran_baru=int(baru["baru"].fillna(0).iloc[0]),
        pendaftaran_baru_sebelumnya=int(baru["baru_lalu"].fillna(0).iloc[0]),
        nonaktif=int(nonaktif["nonaktif"].iloc[0]),
        bpu_aktif_jkk_jkm=int(bpu["bpu"].iloc[0]),
        pekerja_informal=None if pd.isna(informal) else int(informal),
        target_aktif=target,
    )


def nilai_target(engine: sa.Engine, s: Saringan, ukuran: str, tahun: list[int]) -> dict[int, int]:
    """Targets set for exactly this slice (region, segment, programme), by year; absent years are missing."""
    df = baca(engine, """
        SELECT tahun, nilai FROM target
        WHERE kode_wilayah = :kode AND ukuran = :ukuran AND segmen = :segmen AND program = :program""",
        kode=s.kode_wilayah, ukuran=ukuran, segmen=s.segmen or "SEMUA", program=s.program or "SEMUA")
    return {int(t): int(n) for t, n in df.itertuples(index=False) if int(t) in tahun}


def per_program(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Active participants per programme at the end of the period (the programme filter is not applied)."""
    syarat, nilai = _syarat(s, "k", program=False)
    return baca(engine, f"""
        SELECT k.program, count(DISTINCT k.peserta_id) AS peserta_aktif FROM kepesertaan k
        WHERE {syarat} AND {_aktif_pada(':akhir')} GROUP BY k.program ORDER BY k.program""",
        akhir=s.periode.selesai, **nilai)


def per_segmen(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Active participants per segment at the end of the period (the segment filter is not applied)."""
    syarat, nilai = _syarat(s, "k", segmen=False)
    return baca(engine, f"""
        SELECT k.segmen, count(DISTINCT k.peserta_id) AS peserta_aktif FROM kepesertaan k
        WHERE {syarat} AND {_aktif_pada(':akhir')} GROUP BY k.segmen ORDER BY k.segmen""",
        akhir=s.periode.selesai, **nilai)


def _bulan(d: date) -> date:
    return date(d.year, d.month, 1)


def tren_bulanan(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Per month: active participants at month end, new sign-ups, and the year's target for active.

    Active at month end = participants whose first enrolment began by then minus those whose last
    one ended by then; counting both by month and summing up avoids a months × participants join.
    """
    akhir = _bulan(s.periode.selesai)
    awal = min(_bulan(s.periode.mulai), date(akhir.year - (1 if akhir.month < BULAN_TREN_MINIMUM else 0),
                                            (akhir.month - BULAN_TREN_MINIMUM) % 12 + 1, 1))
    bulan = pd.date_range(awal, akhir, freq="MS")
    syarat, nilai = _syarat(s, "k")
    selang = baca(engine, f"""
        WITH selang AS (
            SELECT k.peserta_id, min(k.tanggal_mulai) AS mulai,
                   max(coalesce(k.tanggal_berakhir, {AKHIR_TERBUKA})) AS berakhir
            FROM kepesertaan k WHERE {syarat} AND k.tanggal_mulai <= :akhir GROUP BY k.peserta_id)
        SELECT 'mulai' AS jenis, CAST(date_trunc('month', mulai) AS DATE) AS bulan, count(*) AS jumlah
        FROM selang GROUP BY 2
        UNION ALL
        SELECT 'berakhir', CAST(date_trunc('month', berakhir) AS DATE), count(*)
        FROM selang WHERE berakhir <= :akhir GROUP BY 2""", akhir=s.periode.selesai, **nilai)
    selang["bulan"] = pd.to_datetime(selang["bulan"])
    masuk = selang[selang["jenis"] == "mulai"].groupby("bulan")["jumlah"].sum()
    keluar = selang[selang["jenis"] == "berakhir"].groupby("bulan")["jumlah"].sum()
    semua_bulan = pd.DatetimeIndex(sorted(set(masuk.index) | set(keluar.index) | set(bulan)))
    aktif = (masuk.reindex(semua_bulan, fill_value=0).cumsum() - keluar.reindex(semua_bulan, fill_value=0).cumsum())

    syarat_p, nilai_p = _syarat(s, "p", program=False)
    if s.program:
        syarat_p += " AND EXISTS (SELECT 1 FROM kepesertaan k WHERE k.peserta_id = p.id AND k.program = :program)"
        nilai_p["program"] = s.program
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
    syarat_c, nilai_c = _syarat(s, "k", program=False, segmen=False)
    tahun = tahun_penyebut(engine, s.periode.selesai.year) or -1
    return baca(engine, f"""
        WITH aktif AS (
            SELECT k.kode_desa, count(DISTINCT k.peserta_id) AS bpu_aktif FROM kepesertaan k
            WHERE {syarat_c} AND k.segmen = 'BPU' AND k.program = 'JKK' AND {_aktif_pada(':akhir')}
            GROUP BY k.kode_desa)
        SELECT w.kode, w.nama, kec.nama AS kecamatan, coalesce(a.bpu_aktif, 0) AS bpu_aktif,
               d.pekerja_informal,
               CASE WHEN d.pekerja_informal > 0
                    THEN 100.0 * coalesce(a.bpu_aktif, 0) / d.pekerja_informal END AS cakupan_persen
        FROM wilayah w
        JOIN wilayah kec ON kec.kode = w.kode_induk
        LEFT JOIN aktif a ON a.kode_desa = w.kode
        LEFT JOIN penyebut d ON d.kode_desa = w.kode AND d.tahun = :tahun
        WHERE w.tingkat = 'desa' AND w.kode LIKE :awalan_kode
        ORDER BY cakupan_persen DESC NULLS LAST, w.kode""", akhir=s.periode.selesai, tahun=tahun, **nilai_c)


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
