"""Saving an on-the-spot registration: one transaction, the NIK only as a keyed pseudonym."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from data_access import masa_aktif
from data_access.db import tulis
from domain.nik import kunci_pseudonim
from domain.pendaftaran import Pendaftaran, iuran_bulanan, periksa

class PendaftaranDitolak(ValueError):
    """The registration was not saved; the message says why, in plain Bahasa Indonesia."""


def daftarkan(engine: sa.Engine, p: Pendaftaran, kunci: bytes, hari_ini: date) -> int:
    """Validate and save one registration with its enrolments; returns the participant id.

    The same person (same NIK) is refused with a plain message, also when two staff save them at
    the same moment: the unique pseudonym decides, and the loser's transaction leaves nothing.
    """
    masalah = periksa(p, hari_ini)
    if masalah:
        raise PendaftaranDitolak(" ".join(masalah))
    pseudonim = kunci_pseudonim(p.nik, kunci)

    def simpan(k: sa.Connection) -> int:
        lama = k.execute(sa.text("""
            SELECT p.tanggal_daftar, kg.nama FROM peserta p LEFT JOIN kegiatan kg ON kg.id = p.kegiatan_id
            WHERE p.kunci_pseudonim = :kunci"""), {"kunci": pseudonim}).first()
        if lama:
            tempat = f" pada kegiatan {lama[1]}" if lama[1] else ""
            raise PendaftaranDitolak(f"Orang dengan NIK ini sudah terdaftar sebagai peserta sejak {lama[0]:%d/%m/%Y}"
                                     f"{tempat}. Tidak perlu didaftarkan lagi.")
        pid = k.execute(sa.text("""
            INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, pekerjaan, jenis_kelamin, tahun_lahir,
                                 sumber_dana, kanal, tanggal_daftar, kegiatan_id, sumber)
            VALUES (:kunci, :segmen, :desa, :pekerjaan, :jk, :tahun, :dana, :kanal, :tanggal, :kegiatan, 'pendaftaran')
            RETURNING id"""), {
            "kunci": pseudonim, "segmen": p.segmen, "desa": p.kode_desa, "pekerjaan": p.pekerjaan[:60] or None,
            "jk": p.jenis_kelamin, "tahun": p.tahun_lahir, "dana": p.sumber_dana,
            "kanal": "acara" if p.kegiatan_id else "kantor_cabang", "tanggal": hari_ini, "kegiatan": p.kegiatan_id,
        }).scalar_one()
        k.execute(sa.text("""
            INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, iuran_bulanan)
            VALUES (:pid, :segmen, :desa, :program, :tanggal, :iuran)"""),
            [{"pid": pid, "segmen": p.segmen, "desa": p.kode_desa, "program": prog, "tanggal": hari_ini,
              "iuran": iuran_bulanan(p.segmen, prog)} for prog in sorted(p.program)])
        masa_aktif.perbarui(k, [pid])
        return pid

    try:
        return tulis(engine, simpan)
    except sa.exc.IntegrityError as e:
        if "kunci_pseudonim" in str(e.orig) or "unique" in str(e.orig).lower() or "duplicate" in str(e.orig).lower():
            raise PendaftaranDitolak("Orang dengan NIK ini baru saja didaftarkan oleh petugas lain. "
                                     "Tidak perlu didaftarkan lagi.") from None
        raise
