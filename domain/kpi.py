"""The KPIs branches report (domain brief §5), as plain arithmetic on counts.

The counting itself happens in the database; these functions say what the counts mean, and how a
missing denominator or target is reported (None, shown as '–'), never as a silent zero.
"""

from __future__ import annotations

import pandas as pd

JUMLAH_DESA_PERINGKAT = 5


def rasio_persen(pembilang: float | None, penyebut: float | None) -> float | None:
    """pembilang ÷ penyebut × 100, or None when the denominator is missing or zero."""
    if pembilang is None or not penyebut:
        return None
    return 100.0 * pembilang / penyebut


def cakupan_bpu(bpu_aktif_jkk_jkm: int, pekerja_informal: float | None) -> float | None:
    """BPU coverage: active BPU participants in JKK+JKM ÷ informal workers × 100 (RPJMN / SDG 8.8.1)."""
    return rasio_persen(bpu_aktif_jkk_jkm, pekerja_informal)


def capaian_target(realisasi: float, target: float | None) -> float | None:
    """Progress to target in percent; None when no target was set for this slice."""
    return rasio_persen(realisasi, target)


def perubahan_persen(sekarang: float, sebelumnya: float | None) -> float | None:
    """Change against the previous period in percent; None when the previous period had none."""
    if not sebelumnya:
        return None
    return 100.0 * (sekarang - sebelumnya) / sebelumnya


def tingkat_nonaktif(nonaktif_dalam_periode: int, aktif_awal_periode: int) -> float | None:
    """Lapse rate: participants who lapsed during the period ÷ those active at its start × 100."""
    return rasio_persen(nonaktif_dalam_periode, aktif_awal_periode)


def desa_teratas_terbawah(cakupan: pd.DataFrame, n: int = JUMLAH_DESA_PERINGKAT) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The villages leading and trailing on coverage; villages without a denominator are not ranked."""
    ada = cakupan.dropna(subset=["cakupan_persen"]).sort_values(["cakupan_persen", "kode"], ascending=[False, True])
    return ada.head(n), ada.tail(n).iloc[::-1]


def biaya_per_peserta_aktif(biaya: int | None, aktif: int | None) -> float | None:
    """An event's cost ÷ its sign-ups still active; None when the cost is unknown or nobody is active."""
    if biaya is None or not aktif:
        return None
    return biaya / aktif


def status_capaian(realisasi: float, target: float | None, jalur: float | None) -> str | None:
    """'tercapai' (target met), 'sesuai_jalur' (at or above where it should be by now) or 'tertinggal'.

    `jalur` is the value expected today on a straight line from the start of the year to the target;
    None for a year that has ended, where only the target counts. None when no target was set.
    """
    if not target:
        return None
    if realisasi >= target:
        return "tercapai"
    if jalur is not None and realisasi >= jalur:
        return "sesuai_jalur"
    return "tertinggal"


def jalur_target(awal: float, target: float, porsi_tahun: float) -> float:
    """Where a target should stand after `porsi_tahun` (0–1) of the year, starting from `awal`."""
    return awal + (target - awal) * min(max(porsi_tahun, 0.0), 1.0)
