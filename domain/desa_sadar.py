"""Desa Sadar statuses and the readiness checklist (domain brief §1), as plain functions.

Designation criteria are mostly qualitative. The one every source repeats is that the village head
and all village officials are enrolled; branches add an MoU and a share of workers covered. There
is no national coverage threshold, so thresholds come from configuration and travel with the
checklist to the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain import kpi

# The order a village passes through; 'dicanangkan' is what the articles call the pilot stage.
URUTAN_STATUS = ("kandidat", "dicanangkan", "ditetapkan")
LABEL_STATUS = {
    "kandidat": ("Kandidat", "Candidate"),
    "dicanangkan": ("Dicanangkan (percontohan)", "Launched (pilot)"),
    "ditetapkan": ("Ditetapkan", "Designated"),
}
# How village officials are recorded as an occupation, in the demo and in imports.
PEKERJAAN_PERANGKAT = "Perangkat desa"


def label_status(status: str | None, bahasa: str = "id") -> str:
    if not status:
        return "–"
    return LABEL_STATUS[status][1 if bahasa == "en" else 0]


@dataclass(frozen=True)
class AmbangKesiapan:
    """Configured thresholds, in percent."""

    cakupan_bpu: float
    perangkat: float


@dataclass(frozen=True)
class DataKesiapan:
    """What the checklist is computed from, for one village."""

    perangkat_aktif: int
    perangkat_desa: int | None  # officials in the village; None when not recorded
    tanggal_mou: date | None
    bpu_aktif: int
    pekerja_informal: int | None


@dataclass(frozen=True)
class ButirKesiapan:
    kunci: str  # 'perangkat', 'mou', 'cakupan'
    terpenuhi: bool | None  # None: the data to decide is missing
    nilai: float | None  # the measured share in percent, where there is one
    ambang: float | None


def periksa_kesiapan(d: DataKesiapan, ambang: AmbangKesiapan) -> list[ButirKesiapan]:
    """The three checks, each met, not met, or undecidable for lack of data (never guessed)."""
    persen_perangkat = kpi.rasio_persen(d.perangkat_aktif, d.perangkat_desa)
    cakupan = kpi.cakupan_bpu(d.bpu_aktif, d.pekerja_informal)
    return [
        ButirKesiapan("perangkat", None if persen_perangkat is None else persen_perangkat >= ambang.perangkat,
                      persen_perangkat, ambang.perangkat),
        ButirKesiapan("mou", d.tanggal_mou is not None, None, None),
        ButirKesiapan("cakupan", None if cakupan is None else cakupan >= ambang.cakupan_bpu, cakupan,
                      ambang.cakupan_bpu),
    ]


def siap(butir: list[ButirKesiapan]) -> bool:
    """Ready for designation only when every check is met; an undecidable one is not met."""
    return all(b.terpenuhi is True for b in butir)


def periksa_status_baru(status: str, tanggal: date, hari_ini: date, riwayat: list[tuple[date, str]]) -> list[str]:
    """Messages (Bahasa Indonesia) that stop a new status entry; empty when it may be saved.

    A village may move forward or back (a designation can be withdrawn to candidate), but one
    status per day: two different statuses on the same date would make the history ambiguous.
    """
    masalah = []
    if status not in URUTAN_STATUS:
        masalah.append(f"Status '{status}' tidak dikenal; pilih kandidat, dicanangkan, atau ditetapkan.")
    if tanggal > hari_ini:
        masalah.append("Tanggal status tidak boleh di masa depan.")
    if any(t == tanggal for t, _ in riwayat):
        masalah.append(f"Desa ini sudah punya status pada tanggal {tanggal:%d/%m/%Y}; ubah tanggalnya.")
    return masalah
