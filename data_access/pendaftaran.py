"""Saving an on-the-spot registration: one transaction, the NIK only as a keyed pseudonym."""

from __future__ import annotations

from datetime import date, datetime, timezone

import sqlalchemy as sa

from data_access import iuran, masa_aktif
from data_access.db import tulis
from data_access.demo import sumber_tulisan
from domain.nik import kunci_pseudonim
from domain.pendaftaran import Pendaftaran, iuran_bulanan, periksa_isian

class PendaftaranDitolak(ValueError):
    """The registration was not saved; the message says why, in plain Bahasa Indonesia, and
    `isian` maps each field at fault to its reason."""

    def __init__(self, masalah: list[tuple[str, str]]) -> None:
        super().__init__(" ".join(pesan for _, pesan in masalah))
        self.isian: dict[str, str] = {}
        for nama, pesan in masalah:
            self.isian[nama] = f"{self.isian[nama]} {pesan}" if nama in self.isian else pesan


def daftarkan(engine: sa.Engine, p: Pendaftaran, kunci: bytes, hari_ini: date, token: str | None = None) -> int:
    """Validate and save one registration with its enrolments; returns the participant id.

    The same person (same NIK) is refused with a plain message, also when two staff save them at
    the same moment: the unique pseudonym decides, and the loser's transaction leaves nothing.
    `token` names this submission of the form: sent again (the phone lost the reply and retried),
    it returns the participant the first one saved instead of refusing or saving twice.
    """
    masalah = periksa_isian(p, hari_ini)
    if masalah:
        raise PendaftaranDitolak(masalah)
    pseudonim = kunci_pseudonim(p.nik, kunci)
    token = token[:64] if token else None

    def simpan(k: sa.Connection) -> int:
        if token and (sudah := k.execute(sa.text("SELECT peserta_id FROM kiriman_pendaftaran WHERE token = :t"),
                                         {"t": token}).scalar()) is not None:
            return sudah
        lama = k.execute(sa.text("""
            SELECT p.tanggal_daftar, kg.nama FROM peserta p LEFT JOIN kegiatan kg ON kg.id = p.kegiatan_id
            WHERE p.kunci_pseudonim = :kunci"""), {"kunci": pseudonim}).first()
        if lama:
            tempat = f" pada kegiatan {lama[1]}" if lama[1] else ""
            raise PendaftaranDitolak([("nik", f"Orang dengan NIK ini sudah terdaftar sebagai peserta sejak "
                                              f"{lama[0]:%d/%m/%Y}{tempat}. Tidak perlu didaftarkan lagi.")])
        pid = k.execute(sa.text("""
            INSERT INTO peserta (kunci_pseudonim, segmen, kode_desa, pekerjaan, jenis_kelamin, tahun_lahir,
                                 sumber_dana, kanal, tanggal_daftar, kegiatan_id, sumber)
            VALUES (:kunci, :segmen, :desa, :pekerjaan, :jk, :tahun, :dana, :kanal, :tanggal, :kegiatan, :sumber)
            RETURNING id"""), {
            "kunci": pseudonim, "segmen": p.segmen, "desa": p.kode_desa, "pekerjaan": p.pekerjaan[:60] or None,
            "jk": p.jenis_kelamin, "tahun": p.tahun_lahir, "dana": p.sumber_dana,
            "kanal": "acara" if p.kegiatan_id else "kantor_cabang", "tanggal": hari_ini, "kegiatan": p.kegiatan_id,
            "sumber": sumber_tulisan(k, "pendaftaran"),
        }).scalar_one()
        k.execute(sa.text("""
            INSERT INTO kepesertaan (peserta_id, segmen, kode_desa, program, tanggal_mulai, iuran_bulanan)
            VALUES (:pid, :segmen, :desa, :program, :tanggal, :iuran)"""),
            [{"pid": pid, "segmen": p.segmen, "desa": p.kode_desa, "program": prog, "tanggal": hari_ini,
              "iuran": iuran_bulanan(p.segmen, prog)} for prog in sorted(p.program)])
        # The first month is paid at the desk; what the staff cannot know is left to the exports.
        bulan_pertama = sum(iuran_bulanan(p.segmen, prog) or 0 for prog in p.program)
        if bulan_pertama:
            iuran.catat_bulan_pertama(k, pid, bulan_pertama, p.sumber_dana, hari_ini,
                                      sumber_tulisan(k, "pendaftaran"))
        masa_aktif.perbarui(k, [pid], baru=True)
        if token:
            k.execute(sa.text("INSERT INTO kiriman_pendaftaran (token, peserta_id, dibuat) VALUES (:t, :pid, :kini)"),
                      {"t": token, "pid": pid, "kini": datetime.now(timezone.utc).replace(tzinfo=None)})
        return pid

    try:
        return tulis(engine, simpan)
    except sa.exc.IntegrityError as e:
        if token:
            # The same submission arrived twice at once and the other copy won: its participant is this one's.
            with engine.connect() as k:
                sudah = k.execute(sa.text("SELECT peserta_id FROM kiriman_pendaftaran WHERE token = :t"),
                                  {"t": token}).scalar()
            if sudah is not None:
                return sudah
        if "kunci_pseudonim" in str(e.orig) or "unique" in str(e.orig).lower() or "duplicate" in str(e.orig).lower():
            raise PendaftaranDitolak([("nik", "Orang dengan NIK ini baru saja didaftarkan oleh petugas lain. "
                                              "Tidak perlu didaftarkan lagi.")]) from None
        raise
