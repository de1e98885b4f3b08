"""Desa Sadar statuses, MoU dates and the figures the readiness checklist is computed from."""

from __future__ import annotations

from datetime import date

import pandas as pd
import sqlalchemy as sa

from data_access.demo import sumber_tulisan
from data_access.db import baca, tulis
from data_access.masa_aktif import SEMUA_PROGRAM
from data_access.ringkasan import aktif_per_desa
from domain.desa_sadar import (PEKERJAAN_PERANGKAT, AmbangKesiapan, DataKesiapan, periksa_kesiapan,
                                periksa_status_baru, siap)
from domain.periode import Periode
from domain.saringan import Saringan


class CatatanDitolak(ValueError):
    """A status or MoU entry was not saved; the message says why, in plain Bahasa Indonesia."""


def status_desa(engine: sa.Engine, awalan_kode: str, hari_ini: date, semua_desa: bool = False) -> pd.DataFrame:
    """Per village of the region (only those with a Desa Sadar status unless `semua_desa`): its current
    status and date, latest MoU date, officials recorded and enrolled, active BPU and informal workers.

    Officials enrolled: active participants (any programme) recorded with the officials' occupation.
    """
    saring_status = "" if semua_desa else "AND s.status IS NOT NULL"
    desa = baca(engine, f"""
        WITH terkini AS (
            SELECT kode_desa, status, tanggal, row_number() OVER (PARTITION BY kode_desa ORDER BY tanggal DESC, id DESC) AS urut
            FROM status_desa_sadar WHERE tanggal <= :hari AND kode_desa LIKE :awalan),
        mou AS (SELECT kode_desa, max(tanggal) AS tanggal_mou FROM mou_desa WHERE tanggal <= :hari GROUP BY kode_desa),
        aktif AS (
            SELECT m.kode_desa, count(*) AS perangkat_aktif
            FROM peserta p JOIN masa_aktif m ON m.peserta_id = p.id
            WHERE p.pekerjaan = :perangkat AND p.kode_desa LIKE :awalan AND m.program = '{SEMUA_PROGRAM}'
              AND m.kode_desa LIKE :awalan AND m.tanggal_mulai <= :hari AND m.tanggal_berakhir > :hari
            GROUP BY m.kode_desa)
        SELECT w.kode, w.nama, kec.nama AS kecamatan, s.status, s.tanggal AS tanggal_status, mou.tanggal_mou,
               d.perangkat_desa, coalesce(a.perangkat_aktif, 0) AS perangkat_aktif, d.pekerja_informal
        FROM wilayah w
        JOIN wilayah kec ON kec.kode = w.kode_induk
        LEFT JOIN terkini s ON s.kode_desa = w.kode AND s.urut = 1
        LEFT JOIN mou ON mou.kode_desa = w.kode
        LEFT JOIN aktif a ON a.kode_desa = w.kode
        LEFT JOIN penyebut d ON d.kode_desa = w.kode
             AND d.tahun = (SELECT max(tahun) FROM penyebut WHERE tahun <= :tahun)
        WHERE w.tingkat = 'desa' AND w.kode LIKE :awalan {saring_status}
        ORDER BY w.kode""",
        hari=hari_ini, awalan=awalan_kode + "%", perangkat=PEKERJAAN_PERANGKAT, tahun=hari_ini.year)
    # Active BPU participants from the rollups, as the map counts them; officials (few) from the periods.
    bpu = aktif_per_desa(engine, Saringan(awalan_kode, Periode("hari", hari_ini, hari_ini), "JKK", None))
    bpu_aktif = desa["kode"].map(bpu.set_index("kode_desa")["bpu_aktif"]).fillna(0).astype(int)
    return desa.assign(bpu_aktif=bpu_aktif.to_numpy())[
        ["kode", "nama", "kecamatan", "status", "tanggal_status", "tanggal_mou", "perangkat_desa", "perangkat_aktif",
         "bpu_aktif", "pekerja_informal"]]


def riwayat_status(engine: sa.Engine, kode_desa: str) -> pd.DataFrame:
    """A village's whole status history (tanggal, status, catatan), oldest first."""
    return baca(engine, """
        SELECT tanggal, status, catatan FROM status_desa_sadar WHERE kode_desa = :kode ORDER BY tanggal, id""",
        kode=kode_desa)


def riwayat_mou(engine: sa.Engine, kode_desa: str) -> pd.DataFrame:
    return baca(engine, "SELECT tanggal, nomor, catatan FROM mou_desa WHERE kode_desa = :kode ORDER BY tanggal",
                kode=kode_desa)


def _desa_ada(k: sa.Connection, kode_desa: str) -> None:
    if not k.execute(sa.text("SELECT 1 FROM wilayah WHERE kode = :kode AND tingkat = 'desa'"), {"kode": kode_desa}).first():
        raise CatatanDitolak(f"Desa dengan kode {kode_desa} tidak ada di daftar wilayah.")


def catat_status(engine: sa.Engine, kode_desa: str, status: str, tanggal: date, catatan: str, hari_ini: date) -> None:
    """Add one status to a village's history, checked against what is already there, in one transaction."""

    def simpan(k: sa.Connection) -> None:
        _desa_ada(k, kode_desa)
        riwayat = k.execute(sa.text("SELECT tanggal, status FROM status_desa_sadar WHERE kode_desa = :kode"),
                            {"kode": kode_desa}).all()
        masalah = periksa_status_baru(status, tanggal, hari_ini, [(t, s) for t, s in riwayat])
        if masalah:
            raise CatatanDitolak(" ".join(masalah))
        k.execute(sa.text("""
            INSERT INTO status_desa_sadar (kode_desa, status, tanggal, catatan, sumber)
            VALUES (:kode, :status, :tanggal, :catatan, :sumber)"""),
            {"kode": kode_desa, "status": status, "tanggal": tanggal, "catatan": catatan.strip() or None,
             "sumber": sumber_tulisan(k, "aplikasi")})

    tulis(engine, simpan)


def catat_mou(engine: sa.Engine, kode_desa: str, tanggal: date, nomor: str, catatan: str, hari_ini: date) -> None:
    """Record an MoU signed with the village; the same date twice is refused, not duplicated."""
    if tanggal > hari_ini:
        raise CatatanDitolak("Tanggal MoU tidak boleh di masa depan.")

    def simpan(k: sa.Connection) -> None:
        _desa_ada(k, kode_desa)
        if k.execute(sa.text("SELECT 1 FROM mou_desa WHERE kode_desa = :kode AND tanggal = :tanggal"),
                     {"kode": kode_desa, "tanggal": tanggal}).first():
            raise CatatanDitolak(f"MoU desa ini bertanggal {tanggal:%d/%m/%Y} sudah tercatat.")
        k.execute(sa.text("""
            INSERT INTO mou_desa (kode_desa, tanggal, nomor, catatan, sumber)
            VALUES (:kode, :tanggal, :nomor, :catatan, :sumber)"""),
            {"kode": kode_desa, "tanggal": tanggal, "nomor": nomor.strip()[:80] or None,
             "catatan": catatan.strip() or None, "sumber": sumber_tulisan(k, "aplikasi")})

    tulis(engine, simpan)


def _siap(df: pd.DataFrame, ambang: AmbangKesiapan) -> pd.Series:
    return pd.Series([siap(periksa_kesiapan(DataKesiapan(
        perangkat_aktif=int(r.perangkat_aktif),
        perangkat_desa=None if pd.isna(r.perangkat_desa) else int(r.perangkat_desa),
        tanggal_mou=None if pd.isna(r.tanggal_mou) else pd.Timestamp(r.tanggal_mou).date(),
        bpu_aktif=int(r.bpu_aktif),
        pekerja_informal=None if pd.isna(r.pekerja_informal) else int(r.pekerja_informal)), ambang))
        for r in df.itertuples(index=False)], index=df["kode"].to_numpy(), dtype=bool)


def desa_menjadi_siap(engine: sa.Engine, awalan_kode: str, sebelum: date, akhir: date,
                      ambang: AmbangKesiapan) -> pd.DataFrame:
    """Desa Sadar villages (a status by `akhir`) whose readiness checklist is met on `akhir` and was
    not on `sebelum`: kode, nama, kecamatan, in code order."""
    kini = status_desa(engine, awalan_kode, akhir)
    if kini.empty:
        return kini[["kode", "nama", "kecamatan"]]
    dulu = status_desa(engine, awalan_kode, sebelum, semua_desa=True)
    siap_kini, siap_dulu = _siap(kini, ambang), _siap(dulu, ambang)
    baru = [kode for kode in kini["kode"] if siap_kini[kode] and not siap_dulu.get(kode, False)]
    return kini[kini["kode"].isin(baru)][["kode", "nama", "kecamatan"]].reset_index(drop=True)
