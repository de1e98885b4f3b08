"""NIK (national ID) checks and the keyed pseudonym that replaces it (domain brief §3).

A NIK is 16 digits: province (2) + regency (2) + kecamatan (2) + birth date DDMMYY, with 40 added
to the day for women, + a 4-digit serial. The dashboard never keeps a NIK: it keeps an HMAC of it
under a secret key, so the same person is recognised again without the number being stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass
from datetime import date

# Province codes in use (Kemendagri), including the Papua provinces created in 2022.
KODE_PROVINSI = frozenset({
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53,
    61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96, 97,
})
USIA_MAKSIMUM = 100


class NIKTidakSah(ValueError):
    """Why a NIK cannot be accepted, in Bahasa Indonesia; never repeats the number itself."""


@dataclass(frozen=True)
class DataNIK:
    kode_wilayah: str  # PP.KK.CC where the NIK was first issued
    tanggal_lahir: date
    jenis_kelamin: str  # 'L' or 'P'


def bersihkan(teks: str) -> str:
    """Strip what spreadsheets and people add: spaces, dots, dashes, a leading apostrophe."""
    return re.sub(r"[\s.\-']", "", str(teks)).lstrip("'")


def urai_nik(teks: str, hari_ini: date) -> DataNIK:
    """Check a NIK's shape, region part and birth date; raise NIKTidakSah with the reason."""
    nik = bersihkan(teks)
    if re.fullmatch(r"\d\.\d+[eE]\+?\d+", str(teks).strip()):
        raise NIKTidakSah("NIK tertulis sebagai angka ilmiah (mis. 3,32612E+15): Excel telah merusaknya. "
                          "Simpan kolom NIK sebagai teks.")
    if not re.fullmatch(r"\d{16}", nik):
        raise NIKTidakSah(f"NIK harus 16 angka; yang diisi {len(re.sub(r'[^0-9]', '', nik))} angka.")
    provinsi, kab, kec = int(nik[0:2]), nik[2:4], nik[4:6]
    if provinsi not in KODE_PROVINSI or kab == "00" or kec == "00":
        raise NIKTidakSah("Bagian wilayah NIK (6 angka pertama) bukan kode wilayah yang sah.")
    hari, bulan, tahun2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    jenis_kelamin = "P" if hari > 40 else "L"
    hari = hari - 40 if hari > 40 else hari
    tahun = 2000 + tahun2 if 2000 + tahun2 <= hari_ini.year else 1900 + tahun2
    try:
        lahir = date(tahun, bulan, hari)
    except ValueError:
        raise NIKTidakSah("Tanggal lahir dalam NIK (angka ke-7 sampai ke-12) tidak mungkin.") from None
    if lahir > hari_ini or hari_ini.year - lahir.year > USIA_MAKSIMUM:
        raise NIKTidakSah("Tanggal lahir dalam NIK tidak masuk akal.")
    if nik[12:] == "0000":
        raise NIKTidakSah("Nomor urut NIK (4 angka terakhir) tidak boleh 0000.")
    return DataNIK(f"{nik[0:2]}.{kab}.{kec}", lahir, jenis_kelamin)


def periksa_konsisten(data: DataNIK, jenis_kelamin: str, tahun_lahir: int) -> None:
    """The sex and birth year typed in the form must match what the NIK encodes."""
    if jenis_kelamin != data.jenis_kelamin:
        raise NIKTidakSah("Jenis kelamin tidak cocok dengan NIK (pada NIK perempuan, tanggal lahir ditambah 40).")
    if tahun_lahir != data.tanggal_lahir.year:
        raise NIKTidakSah("Tahun lahir tidak cocok dengan tanggal lahir dalam NIK.")


def kunci_pseudonim(nik: str, kunci: bytes) -> str:
    """HMAC-SHA256 of the cleaned NIK under the secret key, as 64 hex characters."""
    if len(kunci) < 16:
        raise ValueError("Kunci rahasia NIK terlalu pendek (minimal 16 byte).")
    return hmac.new(kunci, bersihkan(nik).encode("ascii"), hashlib.sha256).hexdigest()
