"""Programmes, segments and who may join which (domain brief §2)."""

from __future__ import annotations

import functools

from enum import StrEnum


class Program(StrEnum):
    JKK = "JKK"  # Jaminan Kecelakaan Kerja
    JKM = "JKM"  # Jaminan Kematian
    JHT = "JHT"  # Jaminan Hari Tua
    JP = "JP"  # Jaminan Pensiun
    JKP = "JKP"  # Jaminan Kehilangan Pekerjaan


class Segmen(StrEnum):
    PU = "PU"  # Penerima Upah (wage earners)
    BPU = "BPU"  # Bukan Penerima Upah (informal workers)
    JAKON = "JAKON"  # Jasa Konstruksi (construction projects)
    PMI = "PMI"  # Pekerja Migran Indonesia


NAMA_PROGRAM = {
    Program.JKK: "Jaminan Kecelakaan Kerja",
    Program.JKM: "Jaminan Kematian",
    Program.JHT: "Jaminan Hari Tua",
    Program.JP: "Jaminan Pensiun",
    Program.JKP: "Jaminan Kehilangan Pekerjaan",
}

NAMA_SEGMEN = {
    Segmen.PU: "Penerima Upah",
    Segmen.BPU: "Bukan Penerima Upah",
    Segmen.JAKON: "Jasa Konstruksi",
    Segmen.PMI: "Pekerja Migran Indonesia",
}

# Which programmes each segment may hold. A BPU enrolment in JP or JKP is invalid data, not a
# category; Jasa Konstruksi holds only JKK and JKM; PMI may add JHT.
PROGRAM_BOLEH: dict[Segmen, frozenset[Program]] = {
    Segmen.PU: frozenset(Program),
    Segmen.BPU: frozenset({Program.JKK, Program.JKM, Program.JHT}),
    Segmen.JAKON: frozenset({Program.JKK, Program.JKM}),
    Segmen.PMI: frozenset({Program.JKK, Program.JKM, Program.JHT}),
}

PROGRAM_WAJIB: dict[Segmen, frozenset[Program]] = {
    Segmen.PU: frozenset({Program.JKK, Program.JKM}),
    Segmen.BPU: frozenset({Program.JKK, Program.JKM}),
    Segmen.JAKON: frozenset({Program.JKK, Program.JKM}),
    Segmen.PMI: frozenset({Program.JKK, Program.JKM}),
}

# BPU contributions in rupiah per month at the lowest declared income band (Rp1 juta):
# JKK 1% = Rp10.000, JKM Rp6.800, JHT 2% = Rp20.000 (domain brief §2, before PP 50/2025).
IURAN_BPU_MINIMUM = {Program.JKK: 10_000, Program.JKM: 6_800, Program.JHT: 20_000}


def boleh_ikut(segmen: str, program: str) -> bool:
    """True when a participant of this segment may be enrolled in this programme."""
    try:
        return Program(program) in PROGRAM_BOLEH[Segmen(segmen)]
    except ValueError:
        return False


def alasan_program(segmen: str, program: frozenset[str] | set[str]) -> list[str]:
    """Every reason this set of programmes cannot be held in this segment: a compulsory one missing,
    or one the segment may not hold. The one rule for the registration form and every import."""
    try:
        wajib = PROGRAM_WAJIB[Segmen(segmen)]
    except ValueError:
        return [f"Segmen '{segmen}' tidak dikenal (pilihan: PU, BPU, JAKON, PMI)."]
    kurang = sorted(w.value for w in wajib if w.value not in program)
    masalah = [f"Program wajib untuk segmen {segmen} belum dipilih: {', '.join(kurang)}."] if kurang else []
    return masalah + [a for p in sorted(program) if (a := alasan_tidak_boleh(segmen, p))]


@functools.cache  # a few dozen pairs, asked for every row of a 100,000-row import
def alasan_tidak_boleh(segmen: str, program: str) -> str | None:
    """The reason in Bahasa Indonesia why the pair is refused, or None when it is allowed."""
    if segmen not in Segmen.__members__.values():
        return f"Segmen '{segmen}' tidak dikenal (pilihan: PU, BPU, JAKON, PMI)."
    if program not in Program.__members__.values():
        return f"Program '{program}' tidak dikenal (pilihan: JKK, JKM, JHT, JP, JKP)."
    if boleh_ikut(segmen, program):
        return None
    return f"Peserta segmen {segmen} tidak dapat didaftarkan pada program {program}."


def iuran_bpu_bulanan(program_dipilih: set[str]) -> int:
    """Monthly BPU contribution at the minimum band: Rp16.800 for JKK+JKM, Rp36.800 with JHT."""
    return sum(IURAN_BPU_MINIMUM[Program(p)] for p in program_dipilih if Program(p) in IURAN_BPU_MINIMUM)

# Who pays a participant's contribution (domain brief §2); keys match ck_peserta_dana in the schema.
SUMBER_DANA = {
    "mandiri": "Mandiri (dibayar sendiri)",
    "pemberi_kerja": "Pemberi kerja",
    "apbd": "APBD kabupaten",
    "apbdes": "APBDes / ADD",
    "csr": "CSR perusahaan",
    "dbhcht": "DBHCHT (cukai tembakau)",
}

# Typical BPU occupations in the regency (domain brief §2), offered first in the registration form.
PEKERJAAN_BPU_UMUM = ("Petani", "Pedagang pasar", "Pekerja konveksi", "Buruh harian lepas", "Pembatik rumahan",
                      "Pengemudi ojek", "Pedagang nasi goreng", "Nelayan")
# Who may pay a BPU participant's contribution: not an employer, by definition of the segment.
SUMBER_DANA_BPU = tuple(k for k in SUMBER_DANA if k != "pemberi_kerja")
