"""Reporting periods named by short keys, so a period fits in a URL and its predecessor is exact."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


TAHUN_AWAL_KAMPANYE = 2019


@dataclass(frozen=True)
class Periode:
    kunci: str
    mulai: date
    selesai: date  # inclusive

    @property
    def jumlah_hari(self) -> int:
        return (self.selesai - self.mulai).days + 1


def _akhir_bulan(tahun: int, bulan: int) -> date:
    if bulan == 12:
        return date(tahun, 12, 31)
    return date(tahun, bulan + 1, 1) - timedelta(days=1)


def _geser_bulan(d: date, bulan: int) -> date:
    total = d.year * 12 + (d.month - 1) + bulan
    return date(total // 12, total % 12 + 1, 1)


def pilihan_periode(hari_ini: date) -> list[str]:
    """Keys offered in the sidebar, newest first: this year to date, last 12 months, years, quarters."""
    kunci = ["ytd", "12b"]
    for tahun in range(hari_ini.year, TAHUN_AWAL_KAMPANYE - 1, -1):
        kunci.append(str(tahun))
        for kuartal in range(4, 0, -1):
            if date(tahun, 3 * kuartal - 2, 1) <= hari_ini:
                kunci.append(f"{tahun}-K{kuartal}")
    return kunci


def periode_dari_kunci(kunci: str, hari_ini: date) -> Periode:
    """Turn a key ('ytd', '12b', '2024', '2024-K3') into dates; an unknown key raises ValueError."""
    if kunci == "ytd":
        return Periode(kunci, date(hari_ini.year, 1, 1), hari_ini)
    if kunci == "12b":
        return Periode(kunci, _geser_bulan(hari_ini, -11), hari_ini)
    if m := re.fullmatch(r"(\d{4})", kunci):
        tahun = int(m.group(1))
        return Periode(kunci, date(tahun, 1, 1), min(date(tahun, 12, 31), hari_ini))
    if m := re.fullmatch(r"(\d{4})-K([1-4])", kunci):
        tahun, kuartal = int(m.group(1)), int(m.group(2))
        awal = date(tahun, 3 * kuartal - 2, 1)
        return Periode(kunci, awal, min(_akhir_bulan(tahun, 3 * kuartal), hari_ini))
    raise ValueError(f"Periode '{kunci}' tidak dikenal.")


def _geser_tanggal(d: date, bulan: int) -> date:
    """Move a date by whole months, clipping the day to the target month (29 Feb -> 28 Feb)."""
    awal = _geser_bulan(d, bulan)
    return date(awal.year, awal.month, min(d.day, _akhir_bulan(awal.year, awal.month).day))


def periode_sebelumnya(periode: Periode) -> Periode:
    """The period to compare with: the same span one year (or, for a quarter, one quarter) earlier.

    A complete month-aligned period compares with the complete earlier one (Q1 with all of Q4); a
    period to date compares with the same days of the earlier one (Jan–24 Nov with Jan–24 Nov).
    """
    if re.fullmatch(r"\d{4}-K[1-4]", periode.kunci):
        bulan = -3
    elif re.fullmatch(r"\d{4}|ytd|12b", periode.kunci):
        bulan = -12
    else:
        mulai = periode.mulai - timedelta(days=periode.jumlah_hari)
        return Periode(f"{periode.kunci}-sebelumnya", mulai, periode.mulai - timedelta(days=1))
    mulai = _geser_tanggal(periode.mulai, bulan)
    selesai = _geser_tanggal(periode.selesai, bulan)
    if periode.selesai == _akhir_bulan(periode.selesai.year, periode.selesai.month):
        selesai = _akhir_bulan(selesai.year, selesai.month)
    return Periode(f"{periode.kunci}-sebelumnya", mulai, selesai)
