"""Numbers for the event screen (the projector stage) and the lists of events to choose from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.db import baca
from domain import kpi
from domain.layar import ModeLayar, mode_layar

# The ticker shows this many of the latest sign-ups at the event.
PANJANG_TICKER = 6


@dataclass(frozen=True)
class AngkaLayar:
    """One event's sign-ups since it began, every day of it, and where its village stands today.
    Raw counts: tampilan.publik decides what the room may see."""

    nama_kegiatan: str
    kode_desa: str
    nama_desa: str
    nama_kec: str
    tanggal_mulai: date
    tanggal_selesai: date
    target: int | None
    mode: ModeLayar
    jumlah: int  # sign-ups credited to this event, whatever day they came
    per_program: dict[str, int]
    per_dana: dict[str, int]  # funding source -> sign-ups; the groups add up to `jumlah`
    per_pekerjaan: dict[str, int]  # occupation ('' when not given) -> sign-ups; add up to `jumlah` too
    aktif_desa: int
    bpu_aktif_desa: int
    pekerja_informal: int | None
    # The latest sign-ups, newest first: programmes (comma-separated), sumber_dana, pekerjaan and
    # when they were saved (UTC; None for rows that came by import, which carry only a date),
    # tanggal_daftar. Never a name, NIK or pseudonym.
    terbaru: pd.DataFrame

    @property
    def cakupan_desa(self) -> float | None:
        return kpi.cakupan_bpu(self.bpu_aktif_desa, self.pekerja_informal)


def angka_layar(engine: sa.Engine, kegiatan_id: int, hari_ini: date) -> AngkaLayar | None:
    """The event's numbers; None for an unknown event. `hari_ini` dates only the village's standing."""
    kegiatan = baca(engine, """
        SELECT k.nama, k.kode_desa, w.nama AS nama_desa, kec.nama AS nama_kec, k.tanggal_mulai, k.tanggal_selesai,
               k.target_pendaftar, k.mode_layar
        FROM kegiatan k JOIN wilayah w ON w.kode = k.kode_desa JOIN wilayah kec ON kec.kode = w.kode_induk
        WHERE k.id = :id""", id=kegiatan_id)
    if kegiatan.empty:
        return None
    ev = kegiatan.iloc[0]
    kode_desa = str(ev["kode_desa"])
    program = baca(engine, """
        SELECT kp.program, count(*) AS n FROM peserta p JOIN kepesertaan kp ON kp.peserta_id = p.id
        WHERE p.kegiatan_id = :id GROUP BY kp.program""", id=kegiatan_id)
    # Occupations as typed: one spelled two ways is two groups, each judged on its own size.
    kelompok = baca(engine, """
        SELECT sumber_dana, coalesce(pekerjaan, '') AS pekerjaan, count(*) AS n
        FROM peserta WHERE kegiatan_id = :id GROUP BY sumber_dana, coalesce(pekerjaan, '')""", id=kegiatan_id)
    desa = baca(engine, """
        SELECT count(*) FILTER (WHERE program = 'SEMUA') AS aktif,
               count(*) FILTER (WHERE program = 'JKK' AND segmen = 'BPU') AS bpu
        FROM masa_aktif WHERE kode_desa = :desa AND tanggal_mulai <= :hari AND tanggal_berakhir > :hari""",
        desa=kode_desa, hari=hari_ini)
    informal = baca(engine, """
        SELECT pekerja_informal FROM penyebut WHERE kode_desa = :desa ORDER BY tahun DESC LIMIT 1""", desa=kode_desa)
    terbaru = baca(engine, f"""
        SELECT string_agg(kp.program, ', ' ORDER BY kp.program) AS program, p.sumber_dana,
               coalesce(p.pekerjaan, '') AS pekerjaan, max(kr.dibuat) AS waktu, p.tanggal_daftar
        FROM peserta p JOIN kepesertaan kp ON kp.peserta_id = p.id
        LEFT JOIN kiriman_pendaftaran kr ON kr.peserta_id = p.id
        WHERE p.kegiatan_id = :id
        GROUP BY p.id, p.sumber_dana, p.pekerjaan, p.tanggal_daftar
        ORDER BY p.tanggal_daftar DESC, p.id DESC LIMIT {PANJANG_TICKER}""", id=kegiatan_id)
    # Object dtype: a datetime column would turn the imported rows' None back into NaT.
    terbaru["waktu"] = pd.Series([None if pd.isna(w) else pd.Timestamp(w).to_pydatetime() for w in terbaru["waktu"]],
                                 index=terbaru.index, dtype=object)
    return AngkaLayar(
        nama_kegiatan=str(ev["nama"]), kode_desa=kode_desa, nama_desa=str(ev["nama_desa"]), nama_kec=str(ev["nama_kec"]),
        tanggal_mulai=pd.Timestamp(ev["tanggal_mulai"]).date(), tanggal_selesai=pd.Timestamp(ev["tanggal_selesai"]).date(),
        target=None if pd.isna(ev["target_pendaftar"]) else int(ev["target_pendaftar"]),
        mode=mode_layar(None if pd.isna(ev["mode_layar"]) else str(ev["mode_layar"])),
        jumlah=int(kelompok["n"].sum()),
        per_program={str(a): int(b) for a, b in program.itertuples(index=False)},
        per_dana={str(d): int(n) for d, n in kelompok.groupby("sumber_dana")["n"].sum().items()},
        per_pekerjaan={str(p): int(n) for p, n in kelompok.groupby("pekerjaan")["n"].sum().items()},
        aktif_desa=int(desa["aktif"].iloc[0]), bpu_aktif_desa=int(desa["bpu"].iloc[0]),
        pekerja_informal=None if informal.empty or pd.isna(informal.iloc[0, 0]) else int(informal.iloc[0, 0]),
        terbaru=terbaru,
    )


def sidik_layar(engine: sa.Engine, kegiatan_id: int) -> tuple:
    """A fingerprint of what the stage shows of the event (its sign-ups, scene and details): one
    small query, so a screen refreshing every few seconds recomputes only when it moved."""
    with engine.connect() as k:
        return tuple(k.execute(sa.text("""
            SELECT (SELECT count(*) FROM peserta WHERE kegiatan_id = :id), (SELECT max(id) FROM peserta
                   WHERE kegiatan_id = :id), k.mode_layar, k.target_pendaftar, k.nama, k.kode_desa,
                   k.tanggal_mulai, k.tanggal_selesai
            FROM kegiatan k WHERE k.id = :id"""), {"id": kegiatan_id}).first() or ())


def daftar_kegiatan(engine: sa.Engine) -> pd.DataFrame:
    """Events newest first, for choosing one in the registration form."""
    return baca(engine, """
        SELECT k.id, k.nama, k.tanggal_mulai, w.nama AS nama_desa, k.tanggal_selesai
        FROM kegiatan k JOIN wilayah w ON w.kode = k.kode_desa
        ORDER BY k.tanggal_mulai DESC, k.id DESC""")


def kegiatan_berlangsung(engine: sa.Engine, hari_ini: date) -> pd.DataFrame:
    """The events running today (id, nama, nama_desa), for a screen opened without a valid event."""
    return baca(engine, """
        SELECT k.id, k.nama, w.nama AS nama_desa
        FROM kegiatan k JOIN wilayah w ON w.kode = k.kode_desa
        WHERE k.tanggal_mulai <= :hari AND k.tanggal_selesai >= :hari
        ORDER BY k.tanggal_mulai DESC, k.id""", hari=hari_ini)

