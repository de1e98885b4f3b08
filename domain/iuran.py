"""Contributions as the domain sees them: which definition of "active" holds where, how long an
event's sign-ups keep paying, and when one event's share differs from the others by more than chance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class DefinisiAktif:
    """Which definition of "active" holds in a region and segment: the grace period in months, and
    per segment whose payments the exports cover, (segment, first month covered, month the data is
    current to). Where no segment is covered the enrolment periods decide."""

    tenggang: int
    cakupan: tuple[tuple[str, date, date], ...]


def kaplan_meier(durasi: np.ndarray, berhenti: np.ndarray) -> pd.DataFrame:
    """The share still paying month by month after sign-up, by Kaplan–Meier (statsmodels'
    SurvfuncRight): `durasi` in whole months from sign-up to the lapse (berhenti 1) or to the last
    month seen still paying (berhenti 0, censored: a participant signed up recently counts only for
    the months they have had). Columns: bulan (0 … the longest duration), bertahan (0–1), berisiko
    (still followed at the start of the month), berhenti (lapses in the month)."""
    durasi = np.asarray(durasi, dtype=float)
    berhenti = np.asarray(berhenti, dtype=int)
    bulan = np.arange(0, int(durasi.max()) + 1 if len(durasi) else 1)
    if not len(durasi):
        return pd.DataFrame({"bulan": bulan, "bertahan": 1.0, "berisiko": 0, "berhenti": 0})
    # Imported where used: statsmodels takes two seconds to import, and only this chart needs it here.
    from statsmodels.duration.survfunc import SurvfuncRight

    kurva = SurvfuncRight(durasi, berhenti)
    langkah = pd.Series(kurva.surv_prob, index=kurva.surv_times)
    bertahan = [float(langkah[langkah.index <= b].iloc[-1]) if (langkah.index <= b).any() else 1.0 for b in bulan]
    return pd.DataFrame({
        "bulan": bulan, "bertahan": bertahan,
        "berisiko": [int((durasi >= b).sum()) for b in bulan],
        "berhenti": [int(((durasi == b) & (berhenti == 1)).sum()) for b in bulan],
    })


# Two-sided limits of a funnel plot: 95% and 99.8% (the usual warning and alarm lines).
Z_CORONG = (1.959964, 3.090232)


def batas_corong(p: float, n: np.ndarray) -> pd.DataFrame:
    """Control limits around an overall proportion `p` for groups of size n (binomial, normal
    approximation, clipped to 0–1): a small event far from the mean may still be inside its funnel,
    and only one outside it differs by more than chance."""
    n = np.asarray(n, dtype=float)
    sd = np.sqrt(p * (1 - p) / np.maximum(n, 1))
    hasil = {"n": n}
    for z, nama in zip(Z_CORONG, ("95", "998"), strict=True):
        hasil[f"bawah_{nama}"] = np.clip(p - z * sd, 0, 1)
        hasil[f"atas_{nama}"] = np.clip(p + z * sd, 0, 1)
    return pd.DataFrame(hasil)
