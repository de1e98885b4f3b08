"""Hypothesis strategies that build valid data from its parts, so property tests reach the success
path as often as the refusals (random text is practically never a valid NIK)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hypothesis import strategies as st

from domain.nik import KODE_PROVINSI
from domain.program import PROGRAM_BOLEH, PROGRAM_WAJIB, Segmen

# Villages as a branch export names them, with the code each must resolve to.
DESA_UJI = (("Wonopringgo", "Wonopringgo", "33.26.12.2008"), ("KETANON AGENG", "Sragi", "33.26.10.2001"),
            ("Ds. Sawangan", "Doro", "33.26.06.2007"))


@dataclass(frozen=True)
class NIKUji:
    nik: str
    kode_wilayah: str  # PP.KK.CC
    tanggal_lahir: date
    jenis_kelamin: str


@st.composite
def nik_sah(draw, hari_ini: date) -> NIKUji:
    """A NIK assembled from a region, a birth date, a sex and a serial. Birth dates stay within the 99
    years a two-digit year can name unambiguously as of `hari_ini`."""
    provinsi = draw(st.sampled_from(sorted(KODE_PROVINSI)))
    kab, kec = draw(st.integers(1, 99)), draw(st.integers(1, 99))
    lahir = draw(st.dates(date(hari_ini.year - 99, 1, 1), hari_ini))
    jenis_kelamin = draw(st.sampled_from("LP"))
    urut = draw(st.integers(1, 9999))
    hari = lahir.day + (40 if jenis_kelamin == "P" else 0)
    nik = f"{provinsi:02d}{kab:02d}{kec:02d}{hari:02d}{lahir:%m%y}{urut:04d}"
    return NIKUji(nik, f"{provinsi:02d}.{kab:02d}.{kec:02d}", lahir, jenis_kelamin)


@dataclass(frozen=True)
class PesertaUji:
    nik: NIKUji
    desa: str
    kecamatan: str
    kode_desa: str
    segmen: str
    program: frozenset[str]
    tanggal_daftar: date

    def baris_csv(self) -> str:
        """The row as a branch export writes it: NIK;Desa;Kecamatan;Segmen;Program;Tgl Daftar."""
        return ";".join([self.nik.nik, self.desa, self.kecamatan, self.segmen, ", ".join(sorted(self.program)),
                         f"{self.tanggal_daftar:%d/%m/%Y}"])


@st.composite
def peserta_sah(draw, hari_ini: date) -> PesertaUji:
    """A participant the import must accept: a valid NIK, a known village, a segment's compulsory
    programmes plus any it may add, registered between the campaign's start and `hari_ini`."""
    desa, kecamatan, kode = draw(st.sampled_from(DESA_UJI))
    segmen = draw(st.sampled_from([Segmen.BPU, Segmen.PU]))
    tambahan = sorted(PROGRAM_BOLEH[segmen] - PROGRAM_WAJIB[segmen])
    program = PROGRAM_WAJIB[segmen] | frozenset(draw(st.sets(st.sampled_from(tambahan))))
    return PesertaUji(draw(nik_sah(hari_ini)), desa, kecamatan, kode, segmen.value,
                      frozenset(p.value for p in program), draw(st.dates(date(2019, 1, 1), hari_ini)))
