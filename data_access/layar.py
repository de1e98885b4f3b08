"""Numbers for the live screen at an event and the list of events for the registration form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from domain import kpi

# The ticker shows this many of the latest sign-ups at the event.
PANJANG_TICKER = 8


@dataclass(frozen=True)
class AngkaLayar:
    nama_kegiatan: str
    kode_desa: str
    nama_desa: str
    daftar_hari_ini: int
    per_program: dict[str, int]
    aktif_desa: int
    bpu_aktif_desa: int
    pekerja_informal: int | None
    terbaru: pd.DataFrame  # desa, program: village and programmes only, never a person

    @property
    def cakupan_desa(self) -> float | None:
        return kpi.cakupan_bpu(self.bpu_aktif_desa, self.pekerja_informal)


def angka_layar(engine: sa.Engine, kegiatan_id: int, hari_ini: date) -> AngkaLayar | None:
    """Today's sign-ups at the event and where its village stands; None for an unknown event."""
    kegiatan = baca(engine, """
        SELECT k.nama, k.kode_desa, w.nama AS nama_desa FROM kegiatan k JOIN wilayah w ON w.kode = k.kode_desa
        WHERE k.id = :id""", id=kegiatan_id)
    if kegiatan.empty:
        return None
    kode_desa = str(kegiatan["kode_desa"].iloc[0])
    hari = baca(engine, """
        SELECT kp.program, count(*) AS n FROM peserta p JOIN kepesertaan kp ON kp.peserta_id = p.id
        WHERE p.kegiatan_id = :id AND p.tanggal_daftar = :hari GROUP BY kp.program""", id=kegiatan_id, hari=hari_ini)
    jumlah = baca(engine, """
        SELECT count(*) AS n FROM peserta WHERE kegiatan_id = :id AND tanggal_daftar = :hari""",
        id=kegiatan_id, hari=hari_ini)["n"].iloc[0]
    desa = baca(engine, """
        SELECT count(*) FILTER (WHERE program = 'SEMUA') AS aktif,
               count(*) FILTER (WHERE program = 'JKK' AND segmen = 'BPU') AS bpu
        FROM masa_aktif WHERE kode_desa = :desa AND tanggal_mulai <= :hari AND tanggal_berakhir > :hari""",
        desa=kode_desa, hari=hari_ini)
    informal = baca(engine, """
        SELECT pekerja_informal FROM penyebut WHERE kode_desa = :desa ORDER BY tahun DESC LIMIT 1""", desa=kode_desa)
    terbaru = baca(engine, f"""
        SELECT w.nama AS desa, string_agg(kp.program, ', ' ORDER BY kp.program) AS program
        FROM peserta p JOIN wilayah w ON w.kode = p.kode_desa JOIN kepesertaan kp ON kp.peserta_id = p.id
        WHERE p.kegiatan_id = :id AND p.tanggal_daftar = :hari
        GROUP BY p.id, w.nama ORDER BY p.id DESC LIMIT {PANJANG_TICKER}""", id=kegiatan_id, hari=hari_ini)
    return AngkaLayar(
        nama_kegiatan=str(kegiatan["nama"].iloc[0]), kode_desa=kode_desa, nama_desa=str(kegiatan["nama_desa"].iloc[0]),
        daftar_hari_ini=int(jumlah), per_program={str(a): int(b) for a, b in hari.itertuples(index=False)},
        aktif_desa=int(desa["aktif"].iloc[0]), bpu_aktif_desa=int(desa["bpu"].iloc[0]),
        pekerja_informal=None if informal.empty or pd.isna(informal.iloc[0, 0]) else int(informal.iloc[0, 0]),
        terbaru=terbaru,
    )


def daftar_kegiatan(engine: sa.Engine) -> pd.DataFrame:
    """Events newest first, for choosing one in the registration form."""
    return baca(engine, """
        SELECT k.id, k.nama, k.tanggal_mulai, w.nama AS nama_desa, k.tanggal_selesai
        FROM kegiatan k JOIN wilayah w ON w.kode = k.kode_desa
        ORDER BY k.tanggal_mulai DESC, k.id DESC""")
