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
from datetime import date, timedelta

import pandas as pd
import sqlalchemy as sa

from data_access.demo import sumber_data
from data_access.db import baca
from data_access.masa_aktif import BIT_PROGRAM, SEMUA_PROGRAM, sql_berhenti
from domain import kpi
from domain.periode import Periode
from domain.saringan import Saringan

# The trend shows at least this many months, so a quarter still shows where it came from.
BULAN_TREN_MINIMUM = 12


@dataclass(frozen=True)
class AngkaUtama:
    """The KPI tiles of one filter."""

    peserta_aktif: int
    peserta_aktif_awal: int
    pendaftaran_baru: int
    pendaftaran_baru_sebelumnya: int
    nonaktif: int
    nonaktif_sebelumnya: int
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


def _program(s: Saringan) -> str:
    return s.program or SEMUA_PROGRAM


@dataclass(frozen=True)
class RingkasanHalaman:
    """Everything the Ringkasan page shows for one filter."""

    angka: AngkaUtama
    per_program: pd.DataFrame  # program, peserta_aktif (programme filter not applied)
    per_segmen: pd.DataFrame  # segmen, peserta_aktif (segment filter not applied)
    tren: pd.DataFrame  # bulan, peserta_aktif, pendaftaran_baru, target_aktif
    cakupan_desa: pd.DataFrame  # kode, nama, kecamatan, bpu_aktif, pekerja_informal, cakupan_persen


def ringkasan_halaman(engine: sa.Engine, s: Saringan) -> RingkasanHalaman:
    """The overview for one filter, in five statements.

    Active counts come from one grouped scan of the active periods by programme, segment and
    village; the tiles, both breakdowns and the village coverage are sums over that small result.
    """
    aktif = hitungan_aktif(engine, s)
    program = _program(s)
    pilih_segmen = aktif["segmen"] == s.segmen if s.segmen else True
    irisan = aktif[(aktif["program"] == program) & pilih_segmen]
    bpu_desa = aktif[(aktif["program"] == "JKK") & (aktif["segmen"] == "BPU")].groupby("kode_desa")["aktif_akhir"].sum()
    lain = _angka_lain(engine, s)
    tren = tren_bulanan(engine, s)
    # The trend already holds the year's target: its last month is the period's last month.
    target_akhir = tren["target_aktif"].iloc[-1]
    angka = AngkaUtama(
        peserta_aktif=int(irisan["aktif_akhir"].sum()),
        peserta_aktif_awal=int(irisan["aktif_awal"].sum()),
        pendaftaran_baru=lain["baru"],
        pendaftaran_baru_sebelumnya=lain["baru_lalu"],
        nonaktif=lain["nonaktif"], nonaktif_sebelumnya=lain["nonaktif_lalu"],
        bpu_aktif_jkk_jkm=int(bpu_desa.sum()),
        pekerja_informal=lain["informal"],
        target_aktif=None if pd.isna(target_akhir) else int(target_akhir),
    )
    per_program = (aktif[(aktif["program"] != SEMUA_PROGRAM) & pilih_segmen & (aktif["aktif_akhir"] > 0)]
                   .groupby("program", as_index=False)["aktif_akhir"].sum()
                   .rename(columns={"aktif_akhir": "peserta_aktif"}))
    per_segmen = (aktif[(aktif["program"] == program) & (aktif["aktif_akhir"] > 0)]
                  .groupby("segmen", as_index=False)["aktif_akhir"].sum()
                  .rename(columns={"aktif_akhir": "peserta_aktif"}))
    return RingkasanHalaman(angka, per_program, per_segmen, tren, _cakupan_desa(engine, s, bpu_desa))


def batas_rekap(hari: date) -> date:
    """The first month the rollup does not cover for a count at the end of `hari`: the month after
    `hari` when `hari` closes its month, otherwise `hari`'s own month (its days are read from the
    islands themselves)."""
    besok = hari + timedelta(days=1)
    return date(besok.year, besok.month, 1) if besok.day == 1 else date(hari.year, hari.month, 1)


def hitungan_aktif(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Participants active at the period's end and just before its start, by programme, segment, village.

    Only the region filter applies: the breakdowns ignore the programme or segment filter by design.
    Islands never overlap for one participant and programme, so counting islands counts people.
    """
    sql, nilai, ikatan = _sql_aktif(s)
    return baca(engine, sa.text(f"""
        SELECT program, segmen, kode_desa, sum(aktif_akhir) AS aktif_akhir, sum(aktif_awal) AS aktif_awal
        FROM ({sql}) x GROUP BY program, segmen, kode_desa""").bindparams(*ikatan), **nilai)


def aktif_per_desa(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Per village at the period's end: participants active in the chosen programme and segment
    (aktif) and active BPU participants with JKK (bpu_aktif, for coverage). One row per village with
    anyone counted, whatever the region's size: the map of a province's 8,563 villages reads only
    the two programmes it shows and gets 8,563 rows, not one per programme and segment."""
    program = s.program or SEMUA_PROGRAM
    sql, nilai, ikatan = _sql_aktif(s, program=tuple(sorted({program, "JKK"})), dengan_awal=False)
    segmen = "AND segmen = :segmen_peta" if s.segmen else ""
    return baca(engine, sa.text(f"""
        SELECT kode_desa,
               sum(CASE WHEN program = :program_peta {segmen} THEN aktif_akhir ELSE 0 END) AS aktif,
               sum(CASE WHEN program = 'JKK' AND segmen = 'BPU' THEN aktif_akhir ELSE 0 END) AS bpu_aktif
        FROM ({sql}) x GROUP BY kode_desa""").bindparams(*ikatan),
        **nilai, program_peta=program, **({"segmen_peta": s.segmen} if s.segmen else {}))


def _sql_aktif(s: Saringan, program: tuple[str, ...] | None = None,
               dengan_awal: bool = True) -> tuple[str, dict, list[sa.BindParameter]]:
    """The rows that add up to active counts (program, segmen, kode_desa, aktif_akhir, aktif_awal),
    with their values and expanding bind parameters.

    Active at the end of day t = islands begun by t minus islands ended by t: whole years before t's
    year from the yearly rollup, whole months of t's year from the monthly one, and the days of a
    month not yet closed from the islands (a date-range read). Both days come from one pass over each
    rollup. `program` limits the rows read to those programmes, and `dengan_awal=False` skips the
    start of the period (aktif_awal is then 0).
    """
    syarat, nilai = _syarat(s, segmen=False)
    syarat_r, _ = _syarat(s, "r", segmen=False)
    if program:
        nilai["program_saja"] = list(program)
        syarat += " AND m.program IN :program_saja"
        syarat_r += " AND r.program IN :program_saja"
    hari = {"akhir": s.periode.selesai, **({"awal": s.hari_sebelum_mulai} if dengan_awal else {})}
    for sufiks, t in hari.items():
        rekap = batas_rekap(t)
        nilai.update({f"hari_{sufiks}": t, f"rekap_{sufiks}": rekap, f"tahun_{sufiks}": date(rekap.year, 1, 1)})
    awal = "awal" if dengan_awal else "akhir"  # the earlier of the days counted

    def jumlah(batas: str, sufiks: str) -> str:
        if sufiks not in hari:
            return "0"
        return f"sum(CASE WHEN {batas.format(s=sufiks)} THEN r.mulai - r.berakhir ELSE 0 END)"

    bagian = [
        # whole years before each day's year; then the whole months of its year
        f"""SELECT r.program, r.segmen, r.kode_desa,
                   {jumlah("r.tahun < :tahun_{s}", "akhir")} AS aktif_akhir,
                   {jumlah("r.tahun < :tahun_{s}", "awal")} AS aktif_awal
            FROM rekap_masa_aktif_tahunan r WHERE {syarat_r} AND r.tahun < :tahun_akhir GROUP BY 1, 2, 3""",
        f"""SELECT r.program, r.segmen, r.kode_desa,
                   {jumlah("r.bulan >= :tahun_{s} AND r.bulan < :rekap_{s}", "akhir")} AS aktif_akhir,
                   {jumlah("r.bulan >= :tahun_{s} AND r.bulan < :rekap_{s}", "awal")} AS aktif_awal
            FROM rekap_masa_aktif r WHERE {syarat_r} AND r.bulan >= :tahun_{awal} AND r.bulan < :rekap_akhir
            GROUP BY 1, 2, 3""",
    ]
    for sufiks in hari:  # the remaining days, read from the islands by date
        kolom_hasil = "{n} AS aktif_akhir, 0 AS aktif_awal" if sufiks == "akhir" else "0 AS aktif_akhir, {n} AS aktif_awal"
        bagian += [f"""SELECT m.program, m.segmen, m.kode_desa, {kolom_hasil.format(n=f"{tanda} * count(*)")}
                       FROM masa_aktif m WHERE {syarat} AND m.{kolom} BETWEEN :rekap_{sufiks} AND :hari_{sufiks}
                       GROUP BY 1, 2, 3"""
                   for kolom, tanda in (("tanggal_mulai", 1), ("tanggal_berakhir", -1))]
    return (" UNION ALL ".join(bagian), nilai,
            [sa.bindparam("program_saja", expanding=True)] if program else [])


def _angka_lain(engine: sa.Engine, s: Saringan) -> dict[str, int | None]:
    """Lapsed participants and new sign-ups in the period and in the one it is compared with,
    informal workers: one statement.

    Lapsed: an active period ending within the period and none active at its end
    (masa_aktif.sql_berhenti).
    """
    syarat_b, nilai = _syarat(s, "b")
    syarat_p, nilai_p = syarat_pendaftaran(s)
    lalu = s.pembanding

    def nonaktif(mulai: str, akhir: str) -> str:
        return f"""SELECT count(*) FROM masa_aktif b
            WHERE {syarat_b} AND b.program = :program AND {sql_berhenti('b', mulai, akhir)}"""

    hasil = baca(engine, f"""
        WITH nonaktif AS (
            SELECT ({nonaktif(':mulai', ':akhir')}) AS nonaktif,
                   ({nonaktif(':mulai_lalu', ':akhir_lalu')}) AS nonaktif_lalu),
        baru AS (
            SELECT count(*) FILTER (WHERE p.tanggal_daftar BETWEEN :mulai AND :akhir) AS baru,
                   count(*) FILTER (WHERE p.tanggal_daftar BETWEEN :mulai_lalu AND :akhir_lalu) AS baru_lalu
            FROM peserta p WHERE {syarat_p}
              AND p.tanggal_daftar BETWEEN :paling_awal AND :paling_akhir),
        informal AS (
            SELECT sum(pekerja_informal) AS informal FROM penyebut
            WHERE kode_desa LIKE :awalan_kode
              AND tahun = (SELECT max(tahun) FROM penyebut WHERE tahun <= :tahun))
        SELECT * FROM nonaktif, baru, informal""",
        **{**nilai, **nilai_p, "program": _program(s), "akhir": s.periode.selesai, "mulai": s.periode.mulai,
           "mulai_lalu": lalu.mulai, "akhir_lalu": lalu.selesai, "tahun": s.periode.selesai.year,
           "paling_awal": min(s.periode.mulai, lalu.mulai), "paling_akhir": max(s.periode.selesai, lalu.selesai)})
    baris = hasil.iloc[0]
    return {"nonaktif": int(baris["nonaktif"]), "nonaktif_lalu": int(baris["nonaktif_lalu"]),
            "baru": int(baris["baru"]), "baru_lalu": int(baris["baru_lalu"]),
            "informal": None if pd.isna(baris["informal"]) else int(baris["informal"])}


def syarat_pendaftaran(s: Saringan) -> tuple[str, dict]:
    """Participants registered in the region and segment, holding the chosen programme at some time
    (a bit of their own row, kept with their islands: see masa_aktif.BIT_PROGRAM)."""
    syarat, nilai = _syarat(s, "p")
    if s.program:
        syarat += " AND (p.program_dimiliki & :bit_program) <> 0"
        nilai["bit_program"] = BIT_PROGRAM[s.program]
    return syarat, nilai


def nilai_target(engine: sa.Engine, s: Saringan, ukuran: str, tahun: list[int]) -> dict[int, int]:
    """Targets set for exactly this slice (region, segment, programme), by year; absent years are missing."""
    df = baca(engine, """
        SELECT tahun, nilai FROM target
        WHERE kode_wilayah = :kode AND ukuran = :ukuran AND segmen = :segmen AND program = :program""",
        kode=s.kode_wilayah, ukuran=ukuran, segmen=s.segmen or "SEMUA", program=s.program or "SEMUA")
    return {int(t): int(n) for t, n in df.itertuples(index=False) if int(t) in tahun}


def _bulan(d: date) -> date:
    return date(d.year, d.month, 1)


def bulan_tren(periode: Periode) -> list[date]:
    """The first days of the months the trend shows: the period's, and at least the last twelve."""
    akhir = _bulan(periode.selesai)
    awal = min(_bulan(periode.mulai), date(akhir.year - (1 if akhir.month < BULAN_TREN_MINIMUM else 0),
                                          (akhir.month - BULAN_TREN_MINIMUM) % 12 + 1, 1))
    return [b.date() for b in pd.date_range(awal, akhir, freq="MS")]


def tren_bulanan(engine: sa.Engine, s: Saringan) -> pd.DataFrame:
    """Per month: active participants at month end, new sign-ups, and the year's target for active.

    Active at a month's end = active periods begun by then minus those ended by then; both come by
    month from the rollup and are summed up, which avoids a months × participants join and stays
    exact across re-enrolments.
    """
    bulan = pd.DatetimeIndex(bulan_tren(s.periode))
    awal, akhir = bulan[0].date(), bulan[-1].date()
    syarat_r, nilai = _syarat(s, "r")
    syarat_p, nilai_p = syarat_pendaftaran(s)
    batas_bulan = (pd.Timestamp(akhir) + pd.offsets.MonthEnd(0)).date()
    selang = baca(engine, f"""
        SELECT 'mulai' AS jenis, r.bulan, sum(r.mulai) AS jumlah
        FROM rekap_masa_aktif r WHERE {syarat_r} AND r.program = :program AND r.bulan <= :batas GROUP BY 2
        UNION ALL
        SELECT 'berakhir', r.bulan, sum(r.berakhir)
        FROM rekap_masa_aktif r WHERE {syarat_r} AND r.program = :program AND r.bulan <= :batas GROUP BY 2
        UNION ALL
        SELECT 'daftar', CAST(date_trunc('month', p.tanggal_daftar) AS DATE), count(*)
        FROM peserta p WHERE {syarat_p} AND p.tanggal_daftar BETWEEN :awal AND :akhir GROUP BY 2""",
        **{**nilai, **nilai_p, "program": _program(s), "batas": batas_bulan, "awal": awal,
           "akhir": s.periode.selesai})
    selang["bulan"] = pd.to_datetime(selang["bulan"])
    per_jenis = {j: d.groupby("bulan")["jumlah"].sum() for j, d in selang.groupby("jenis")}
    kosong = pd.Series(dtype="int64")
    masuk, keluar = per_jenis.get("mulai", kosong), per_jenis.get("berakhir", kosong)
    semua_bulan = pd.DatetimeIndex(sorted(set(masuk.index) | set(keluar.index) | set(bulan)))
    aktif = masuk.reindex(semua_bulan, fill_value=0).cumsum() - keluar.reindex(semua_bulan, fill_value=0).cumsum()
    target = nilai_target(engine, s, "peserta_aktif", sorted({b.year for b in bulan}))
    hasil = pd.DataFrame({"bulan": bulan})
    hasil["peserta_aktif"] = aktif.reindex(bulan).fillna(0).astype(int).to_numpy()
    hasil["pendaftaran_baru"] = per_jenis.get("daftar", kosong).reindex(bulan, fill_value=0).astype(int).to_numpy()
    hasil["target_aktif"] = [target.get(b.year) for b in bulan]
    return hasil


def _cakupan_desa(engine: sa.Engine, s: Saringan, bpu_desa: pd.Series) -> pd.DataFrame:
    """BPU coverage per village, highest first; villages without a denominator come last."""
    desa = baca(engine, """
        SELECT w.kode, w.nama, kec.nama AS kecamatan, d.pekerja_informal
        FROM wilayah w
        JOIN wilayah kec ON kec.kode = w.kode_induk
        LEFT JOIN penyebut d ON d.kode_desa = w.kode
             AND d.tahun = (SELECT max(tahun) FROM penyebut WHERE tahun <= :tahun)
        WHERE w.tingkat = 'desa' AND w.kode LIKE :awalan_kode""",
        tahun=s.periode.selesai.year, awalan_kode=s.kode_wilayah + "%")
    desa["bpu_aktif"] = desa["kode"].map(bpu_desa).fillna(0).astype(int)
    desa["cakupan_persen"] = [kpi.cakupan_bpu(b, None if pd.isna(n) else n)
                              for b, n in zip(desa["bpu_aktif"], desa["pekerja_informal"], strict=True)]
    desa = desa.sort_values(["cakupan_persen", "kode"], ascending=[False, True], na_position="last")
    return desa[["kode", "nama", "kecamatan", "bpu_aktif", "pekerja_informal", "cakupan_persen"]].reset_index(drop=True)


def daftar_wilayah(engine: sa.Engine, kode_kab: str) -> pd.DataFrame:
    """Kecamatan and villages of the regency for the sidebar, in code order."""
    return baca(engine, """
        SELECT kode, nama, tingkat, kode_induk FROM wilayah
        WHERE kode LIKE :awalan AND tingkat IN ('kecamatan', 'desa') ORDER BY kode""", awalan=kode_kab + ".%")


def info_dataset(engine: sa.Engine) -> dict[str, str]:
    """Facts about the loaded dataset: its source ('demo' or 'nyata', read from the rows themselves:
    one real row makes it 'nyata') and, for demo, its date."""
    df = baca(engine, "SELECT kunci, nilai FROM info_data")
    info = dict(df.itertuples(index=False))
    info.pop("sumber", None)
    if sumber := sumber_data(engine):
        info["sumber"] = sumber
    return info


def tanggal_data(engine: sa.Engine) -> date | None:
    """The newest registration or enrolment change in the data: 'data as of'."""
    df = baca(engine, """
        SELECT max(t) AS t FROM (
            SELECT max(tanggal_daftar) AS t FROM peserta
            UNION ALL SELECT max(tanggal_berakhir) FROM kepesertaan) x""")
    nilai = df["t"].iloc[0]
    return None if pd.isna(nilai) else pd.Timestamp(nilai).date()
