"""Reading the values people type into spreadsheets: dates, numbers, money, programmes, yes/no.

Tolerant of the ways branch staff and BPJS exports write them, strict about what they mean: a value
that cannot be read raises NilaiTidakSah with the reason in Bahasa Indonesia, never a guess.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, timedelta

from domain.program import Program


def normalkan_kolom(nama: object) -> str:
    """'Tgl. Daftar ' -> 'tgl_daftar'; 'Desa/Kelurahan' -> 'desa_kelurahan'."""
    return re.sub(r"[^0-9a-z]+", "_", str(nama).strip().lower()).strip("_")


# Excel counts days from 1899-12-30 (its 1900 leap-year bug included); serials in this range are
# the dates 1954–2119, which covers every date an import may hold.
EXCEL_NOL = date(1899, 12, 30)
SERIAL_EXCEL = (20_000, 80_000)
TAHUN_DATA_MINIMUM = 2015

BULAN = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9, "spt": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}
YA = frozenset({"ya", "y", "yes", "1", "true", "benar", "v", "x", "✓", "ikut", "aktif"})
TIDAK = frozenset({"tidak", "tdk", "t", "n", "no", "0", "false", "salah", "-", "", "tidak ikut"})


class NilaiTidakSah(ValueError):
    """A cell that cannot be read; the message says why, in Bahasa Indonesia."""


# Invisible characters that change how text looks or reads but not what it says: zero-width
# spaces and joiners, the BOM, and the bidirectional embeddings, overrides and isolates that can
# make "ogirpnonoW" display as "Wonopringgo". Removed before anything is compared or stored.
_TAK_TERLIHAT = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Unicode's control characters (category Cc) but the line breaks and tab a note is written with.
_KENDALI = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def karakter_kendali(teks: str) -> str | None:
    """The first control character in `teks` (NUL, escape, ...), as U+XXXX, or None."""
    cocok = _KENDALI.search(teks)
    return f"U+{ord(cocok.group()):04X}" if cocok else None


def bersihkan_teks(teks: str) -> str:
    """Text as it is meant: compatibility forms folded (fullwidth letters, ligatures: NFKC) and
    invisible formatting characters removed."""
    if teks.isascii():
        return teks
    return _TAK_TERLIHAT.sub("", unicodedata.normalize("NFKC", teks))


def skrip_asing(teks: str) -> str | None:
    """The first letter of `teks` that is not Latin (a Cyrillic 'о' in "Wоnopringgo"), or None.
    Village and kecamatan names in Indonesia are written in Latin letters only."""
    for c in teks:
        if c.isalpha() and not c.isascii() and not unicodedata.name(c, "").startswith("LATIN"):
            return c
    return None


def _teks(nilai) -> str:
    return "" if nilai is None else str(nilai).strip()


def kosong(nilai) -> bool:
    """An empty cell: None, NaN, or only spaces."""
    if nilai is None:
        return True
    if isinstance(nilai, float) and nilai != nilai:
        return True
    return _teks(nilai) == ""


def urai_tanggal(nilai) -> date:
    """dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (with or without a time), an Excel serial
    number, or '3 September 2019' / '3 Sept 2019' / '20 Agustus 2019'. Day comes before month
    whenever the order is ambiguous, as everywhere in Indonesia."""
    if isinstance(nilai, datetime):
        return nilai.date()
    if isinstance(nilai, date):
        return nilai
    teks = _teks(nilai)
    if not teks:
        raise NilaiTidakSah("Tanggal kosong.")
    try:
        if re.fullmatch(r"\d{4,5}(\.0+)?", teks):
            serial = int(float(teks))
            if SERIAL_EXCEL[0] <= serial <= SERIAL_EXCEL[1]:
                return EXCEL_NOL + timedelta(days=serial)
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?", teks):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.fullmatch(r"(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})(?: \d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?", teks):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.fullmatch(r"(\d{1,2})[\s\-]+([A-Za-z]+)\.?[\s\-,]+(\d{4})", teks):
            bulan = BULAN.get(m[2].lower())
            if bulan is None:
                raise NilaiTidakSah(f"Nama bulan '{m[2]}' tidak dikenal.")
            return date(int(m[3]), bulan, int(m[1]))
    except ValueError as e:
        if isinstance(e, NilaiTidakSah):
            raise
        raise NilaiTidakSah(f"Tanggal '{teks[:40]}' tidak ada di kalender.") from None
    raise NilaiTidakSah(f"Tanggal '{teks[:40]}' tidak terbaca; tulis seperti 03/09/2019 atau 3 September 2019.")


def urai_tanggal_data(nilai, hari_ini: date) -> date:
    """A date in the data's range: not before 2015 (the campaign began in 2017) and not in the future."""
    hasil = urai_tanggal(nilai)
    if hasil > hari_ini:
        raise NilaiTidakSah(f"Tanggal {hasil:%d/%m/%Y} ada di masa depan.")
    if hasil.year < TAHUN_DATA_MINIMUM:
        raise NilaiTidakSah(f"Tanggal {hasil:%d/%m/%Y} sebelum {TAHUN_DATA_MINIMUM}; periksa tahunnya.")
    return hasil


def urai_bulan(nilai) -> date:
    """The month a contribution covers, as its first day: '2025-03', '03/2025', 'Maret 2025', 'Mar-25'
    is not accepted (two-digit years are ambiguous); any full date stands for its month."""
    if isinstance(nilai, datetime):
        nilai = nilai.date()
    if isinstance(nilai, date):
        return nilai.replace(day=1)
    teks = _teks(nilai)
    if not teks:
        raise NilaiTidakSah("Bulan kosong.")
    if m := re.fullmatch(r"(\d{4})[-/.](\d{1,2})", teks):
        tahun, bulan = int(m[1]), int(m[2])
    elif m := re.fullmatch(r"(\d{1,2})[-/.](\d{4})", teks):
        tahun, bulan = int(m[2]), int(m[1])
    elif m := re.fullmatch(r"([A-Za-z]+)\.?[\s\-,]+(\d{4})", teks):
        tahun, bulan = int(m[2]), BULAN.get(m[1].lower(), 0)
    else:
        return urai_tanggal(nilai).replace(day=1)
    if not 1 <= bulan <= 12:
        raise NilaiTidakSah(f"Bulan '{teks[:40]}' tidak terbaca; tulis seperti 2025-03 atau Maret 2025.")
    return date(tahun, bulan, 1)


def urai_angka(nilai, bulat: bool = True) -> int | float:
    """'1.234', '1 234', 'Rp16.800', 'Rp 16.800,00', '12,5' (a decimal comma), or a number Excel
    already stored as one. Dots group thousands, a comma marks decimals, as written in Indonesia."""
    if isinstance(nilai, bool):
        raise NilaiTidakSah("Angka tidak terbaca.")
    if isinstance(nilai, int):
        return nilai
    if isinstance(nilai, float):
        if nilai != nilai:
            raise NilaiTidakSah("Angka kosong.")
        if bulat and not nilai.is_integer():
            raise NilaiTidakSah(f"'{nilai}' harus bilangan bulat.")
        return int(nilai) if bulat else nilai
    teks = _teks(nilai)
    bersih = re.sub(r"^(rp\.?|idr)\s*", "", teks.lower()).replace(" ", "").replace("\u00a0", "")
    negatif = bersih.startswith("-")
    bersih = bersih.lstrip("-")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?|\d+(,\d+)?", bersih):
        utuh, _, pecahan = bersih.replace(".", "").partition(",")
    elif re.fullmatch(r"\d+\.\d{1,2}", bersih):  # a decimal point from a machine export: 16800.00
        utuh, _, pecahan = bersih.partition(".")
    else:
        raise NilaiTidakSah(f"'{teks[:40]}' bukan angka yang terbaca (tulis seperti 1.234 atau Rp16.800).")
    if bulat and pecahan.strip("0"):
        raise NilaiTidakSah(f"'{teks[:40]}' harus bilangan bulat.")
    hasil = float(f"{utuh}.{pecahan or 0}")
    hasil = -hasil if negatif else hasil
    return int(hasil) if bulat else hasil


def urai_ya_tidak(nilai) -> bool:
    """Ya/Tidak, Y/N, 1/0, True/False, a tick; an empty cell is 'no'."""
    if isinstance(nilai, bool):
        return nilai
    if isinstance(nilai, (int, float)) and not (isinstance(nilai, float) and nilai != nilai):
        if nilai in (0, 1):
            return bool(nilai)
    teks = "" if kosong(nilai) else _teks(nilai).lower()
    if teks in YA:
        return True
    if teks in TIDAK:
        return False
    raise NilaiTidakSah(f"'{_teks(nilai)[:20]}' bukan Ya/Tidak.")


def urai_program(nilai) -> frozenset[str]:
    """'JKK, JKM, JHT', 'JKK+JKM', 'jkk;jkm', 'JKK/JKM': programme codes in one cell."""
    return _urai_program(_teks(nilai).upper())


@functools.lru_cache(maxsize=1024)  # an export writes the same few combinations on every row
def _urai_program(teks: str) -> frozenset[str]:
    bagian = [b for b in re.split(r"[\s,;+/&]+|\bDAN\b", teks) if b]
    if not bagian:
        raise NilaiTidakSah("Kolom program kosong.")
    dikenal = {p.value for p in Program}
    asing = [b for b in bagian if b not in dikenal]
    if asing:
        raise NilaiTidakSah(f"Program '{asing[0][:10]}' tidak dikenal; gunakan JKK, JKM, JHT, JP, atau JKP.")
    return frozenset(bagian)
