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


def kunci_rentang(mulai: date, selesai: date) -> str:
    """The key of a custom range: '2026-03-01..2026-05-15'."""
    return f"{mulai.isoformat()}..{selesai.isoformat()}"


def periode_dari_kunci(kunci: str, hari_ini: date) -> Periode:
    """Turn a key ('ytd', '12b', '2024', '2024-K3', '2026-03-01..2026-05-15') into dates; an unknown
    key raises ValueError. A range is cut at today and may not start before the campaign did."""
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", kunci):
        try:
            mulai, selesai = date.fromisoformat(m.group(1)), min(date.fromisoformat(m.group(2)), hari_ini)
        except ValueError:
            raise ValueError(f"Periode '{kunci}' tidak dikenal.") from None
        if mulai > selesai or mulai.year < TAHUN_AWAL_KAMPANYE:
            raise ValueError(f"Periode '{kunci}' tidak dikenal.")
        return Periode(kunci_rentang(mulai, selesai), mulai, selesai)
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


def _akhir_bulan_dari(d: date) -> bool:
    return d == _akhir_bulan(d.year, d.month)


def _geser(periode: Periode, bulan: int) -> tuple[date, date]:
    """Both ends moved by whole months; a period ending on a month's last day keeps ending on one."""
    selesai = _geser_tanggal(periode.selesai, bulan)
    if _akhir_bulan_dari(periode.selesai):
        selesai = _akhir_bulan(selesai.year, selesai.month)
    return _geser_tanggal(periode.mulai, bulan), selesai


# What a period is compared with, chosen by the user; the first is the default.
BANDING = ("tahun_lalu", "sebelumnya")


def periode_banding(periode: Periode, banding: str = BANDING[0]) -> Periode:
    """The period to compare with.

    'tahun_lalu': the same dates one year earlier (29 February becomes 28 February; a period ending
    on a month's last day compares with one ending on that month's last day).
    'sebelumnya': the period of the same length just before: whole months (a quarter, a year) move
    back by their number of months, so Q1 compares with all of Q4; any other span moves back by its
    number of days, ending the day before it starts.
    """
    if banding == "tahun_lalu":
        mulai, selesai = _geser(periode, -12)
    elif banding == "sebelumnya":
        if periode.mulai.day == 1 and _akhir_bulan_dari(periode.selesai):
            bulan = (periode.selesai.year - periode.mulai.year) * 12 + periode.selesai.month - periode.mulai.month + 1
            mulai, selesai = _geser(periode, -bulan)
        else:
            mulai, selesai = periode.mulai - timedelta(days=periode.jumlah_hari), periode.mulai - timedelta(days=1)
    else:
        raise ValueError(f"Pembanding '{banding}' tidak dikenal.")
    return Periode(f"{periode.kunci}-{banding}", mulai, selesai)
