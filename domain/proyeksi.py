"""The road to a year's target: where the trend so far leads by 31 December, with an uncertainty
band, and the monthly pace needed from today.

The model is a random walk with drift, ARIMA(0,1,0) with a trend term, fitted to active
participants at the end of each complete month: next month is this month plus the usual monthly
change, and the band widens with the square root of the months ahead. Its fit has a closed form (the
drift is the mean monthly change, the spread their standard deviation), computed here with numpy;
statsmodels' ARIMA with the Hannan–Rissanen fit gives the same numbers (tests/domain/test_proyeksi.py
checks it) but costs about 30 ms a target and 2 s to import, which the first overview of the day
paid for every target of the year. A backtest on the
demo data (tests/domain/test_proyeksi_uji.py) chose it over Holt's exponential smoothing (damped or
not) and the Theta method: its errors were as small or smaller, and its 80% band held the outcome
most often. Series too short or too flat for the model get the same drift computed directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from statistics import NormalDist

import numpy as np
import pandas as pd

BULAN_MODEL = 36  # months of history the model reads at most
BULAN_MINIMUM = 12  # fewer complete months than this: drift instead of the model
BULAN_LAJU = 6  # the current pace: mean change per month over this many months
KEYAKINAN = 0.8  # the band holds the year-end value 8 times in 10
HARI_SEBULAN = 365.25 / 12


def akhir_bulan(d: date) -> date:
    return (pd.Timestamp(d) + pd.offsets.MonthEnd(0)).date()


@lru_cache(maxsize=64)
def bulan_lengkap_terakhir(hari_ini: date) -> date:
    """The last day of the last month that has ended by the end of `hari_ini`."""
    return hari_ini if akhir_bulan(hari_ini) == hari_ini else date(hari_ini.year, hari_ini.month, 1) - timedelta(days=1)


@dataclass(frozen=True)
class Ramalan:
    """Month-end values ahead: index month ends, columns nilai, bawah, atas."""

    tabel: pd.DataFrame
    metode: str  # 'arima' or 'drift'


# Built once: columns given as a list are turned into a new index for every frame.
KOLOM_RAMALAN = pd.Index(["nilai", "bawah", "atas"])


def ramalkan(riwayat: pd.Series, sampai: date, keyakinan: float = KEYAKINAN) -> Ramalan:
    """Forecast a month-end series (index: month ends, ascending, no gaps) to the month end `sampai`."""
    riwayat = riwayat.iloc[-BULAN_MODEL:]
    bulan = _bulan_ramalan(pd.Timestamp(riwayat.index[-1]), pd.Timestamp(sampai))
    if len(bulan) == 0:
        return Ramalan(pd.DataFrame(columns=KOLOM_RAMALAN, dtype=float), "arima")
    *isi, metode = _ramal(riwayat.to_numpy(dtype=float), len(bulan), keyakinan)
    # One block from one array: a frame from three named arrays cost most of a projection.
    return Ramalan(pd.DataFrame(np.column_stack(isi), index=bulan, columns=KOLOM_RAMALAN), metode)


@lru_cache(maxsize=64)
def _bulan_ramalan(terakhir: pd.Timestamp, sampai: pd.Timestamp) -> pd.DatetimeIndex:
    """The month ends after `terakhir` up to `sampai`: the same for every target of a road to target,
    so built once (an index is immutable, so sharing it is safe)."""
    return pd.date_range(terakhir + pd.offsets.MonthEnd(1), sampai, freq="ME")


def _ramal(y: np.ndarray, langkah: int, keyakinan: float) -> tuple[np.ndarray, np.ndarray, np.ndarray, str]:
    """The forecast `langkah` months past the series' end as arrays (value, low, high) and the
    method: plain numpy, because the backtests call it hundreds of times per overview."""
    selisih = np.diff(y)
    if len(y) >= BULAN_MINIMUM and np.nanstd(selisih, ddof=1) > 0:
        return (*_arima(y, langkah, 1 - keyakinan), "arima")
    selisih = selisih[~np.isnan(selisih)]
    laju = float(selisih.mean()) if len(selisih) else 0.0
    sebar = float(selisih.std(ddof=1)) if len(selisih) > 1 else 0.0
    jarak = np.arange(1, langkah + 1)
    nilai = y[-1] + laju * jarak
    lebar = _kuantil(keyakinan) * sebar * np.sqrt(jarak)
    return nilai, nilai - lebar, nilai + lebar, "drift"


def _kuantil(keyakinan: float) -> float:
    return NormalDist().inv_cdf(0.5 + keyakinan / 2)


def _arima(y: np.ndarray, langkah: int, alpha: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ARIMA(0,1,0) with drift, fitted and forecast `langkah` months ahead with a 1 - alpha band."""
    selisih = np.diff(y)
    laju, sebar = float(selisih.mean()), float(selisih.std())  # maximum likelihood: ddof 0
    jarak = np.arange(1, langkah + 1)
    nilai = y[-1] + laju * jarak
    lebar = _kuantil(1 - alpha) * sebar * np.sqrt(jarak)
    return nilai, nilai - lebar, nilai + lebar


@dataclass(frozen=True)
class Proyeksi:
    """One target's road to 31 December."""

    target: int
    nilai_kini: int  # today
    akhir_tahun: float  # projected at 31 December
    bawah: float
    atas: float
    laju_kini: float  # mean change per month over the last BULAN_LAJU complete months
    laju_perlu: float | None  # change per month needed from today; None once the target is met
    ramalan: Ramalan

    @property
    def akan_tercapai(self) -> bool:
        return self.akhir_tahun >= self.target

    @property
    def persen_akhir_tahun(self) -> float:
        return 100.0 * self.akhir_tahun / self.target if self.target else float("nan")


def proyeksikan(riwayat: pd.Series, nilai_kini: int, target: int, hari_ini: date) -> Proyeksi:
    """Where `riwayat` (active at each complete month's end, up to the last one before today) leads
    by the end of today's year, against `target`."""
    akhir_tahun = date(hari_ini.year, 12, 31)
    # The index is ascending: the months up to the last complete one are a leading slice.
    lengkap = riwayat.iloc[:riwayat.index.searchsorted(pd.Timestamp(bulan_lengkap_terakhir(hari_ini)), side="right")]
    ramalan = ramalkan(lengkap, akhir_tahun)
    if ramalan.tabel.empty:  # the year has ended: the projection is what happened
        ujung = (float(nilai_kini),) * 3
    else:
        ujung = tuple(float(v) for v in ramalan.tabel.to_numpy()[-1])
    laju_kini = float(np.diff(lengkap.to_numpy(dtype=float))[-BULAN_LAJU:].mean()) if len(lengkap) > 1 else 0.0
    bulan_sisa = (akhir_tahun - hari_ini).days / HARI_SEBULAN
    kurang = target - nilai_kini
    laju_perlu = None if kurang <= 0 else (kurang / bulan_sisa if bulan_sisa > 0 else math.inf)
    return Proyeksi(target, nilai_kini, *ujung, laju_kini, laju_perlu, ramalan)


@dataclass(frozen=True)
class HasilUji:
    """A backtest: forecasts made `bulan` months before the last complete month, against what happened."""

    bulan: int
    jumlah_deret: int
    galat_persen_rata: float  # mean absolute percentage error
    galat_persen_maks: float
    dalam_rentang: float  # share of actual values inside the band, 0–1


def uji_mundur(deret: list[pd.Series], bulan: int) -> HasilUji | None:
    """Forecast each series from its data up to `bulan` months before its end and compare with its
    last value; None when no series is long enough (or every end value is zero)."""
    galat, masuk = [], []
    for riwayat in deret:
        if len(riwayat) <= bulan + 1 or riwayat.iloc[-1] == 0:
            continue
        # No gaps: the series' last month is `bulan` months past the end of what the forecast reads.
        dulu = riwayat.to_numpy(dtype=float)[:-bulan][-BULAN_MODEL:]
        nilai, bawah, atas, _ = _ramal(dulu, bulan, KEYAKINAN)
        nyata = float(riwayat.iloc[-1])
        galat.append(abs(nilai[-1] - nyata) / nyata * 100)
        masuk.append(bawah[-1] <= nyata <= atas[-1])
    if not galat:
        return None
    return HasilUji(bulan, len(galat), float(np.mean(galat)), float(np.max(galat)), float(np.mean(masuk)))
