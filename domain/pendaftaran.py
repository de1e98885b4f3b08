"""What an on-the-spot registration must satisfy, as messages in Bahasa Indonesia."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from domain.nik import NIKTidakSah, periksa_konsisten, urai_nik
from domain.program import Program, Segmen, alasan_program, iuran_bpu_bulanan

TAHUN_LAHIR_MINIMUM = 1930
USIA_KERJA_MINIMUM = 15


@dataclass(frozen=True)
class Pendaftaran:
    kode_desa: str
    segmen: str
    program: frozenset[str]
    pekerjaan: str
    jenis_kelamin: str
    tahun_lahir: int
    sumber_dana: str
    nik: str = field(repr=False)  # never printed, logged or stored
    kegiatan_id: int | None = None


def periksa_isian(p: Pendaftaran, hari_ini: date) -> list[tuple[str, str]]:
    """Every reason the registration cannot be saved, each with the field at fault (desa, program,
    tahun_lahir, jenis_kelamin, nik), so the form marks that field only. Empty: it can be saved."""
    masalah = []
    if not p.kode_desa:
        masalah.append(("desa", "Desa belum dipilih atau tidak ditemukan."))
    if not p.program:
        masalah.append(("program", "Pilih setidaknya satu program."))
    if p.program:
        masalah.extend(("program", alasan) for alasan in alasan_program(p.segmen, p.program))
    if not (TAHUN_LAHIR_MINIMUM <= p.tahun_lahir <= hari_ini.year - USIA_KERJA_MINIMUM):
        masalah.append(("tahun_lahir",
                        f"Tahun lahir harus antara {TAHUN_LAHIR_MINIMUM} dan {hari_ini.year - USIA_KERJA_MINIMUM}."))
    if p.jenis_kelamin not in ("L", "P"):
        masalah.append(("jenis_kelamin", "Pilih jenis kelamin."))
    try:
        periksa_konsisten(urai_nik(p.nik, hari_ini), p.jenis_kelamin, p.tahun_lahir)
    except NIKTidakSah as e:
        masalah.append(("nik", str(e)))
    return masalah


def periksa(p: Pendaftaran, hari_ini: date) -> list[str]:
    """The reasons alone, in the order the form lists its fields."""
    return [pesan for _, pesan in periksa_isian(p, hari_ini)]


def iuran_bulanan(segmen: str, program: str) -> int | None:
    """The monthly contribution recorded at sign-up: BPU's minimum band; other segments by employer."""
    if segmen == Segmen.BPU and program in (Program.JKK, Program.JKM, Program.JHT):
        return iuran_bpu_bulanan({program})
    return None
