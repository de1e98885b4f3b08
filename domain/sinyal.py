"""What a change means: which way a measure moved against what it is compared with, and whether
that way is good for that measure. Pages, the deck and the key messages read one answer."""

from __future__ import annotations

from dataclasses import dataclass

from domain import kpi

# +1: more is better; -1: more is worse (more lapsed participants is bad news).
ARAH_BAIK = {"peserta_aktif": 1, "pendaftaran_baru": 1, "nonaktif": -1, "cakupan_bpu": 1, "capaian_target": 1}


@dataclass(frozen=True)
class Perubahan:
    """A measure now and in the period it is compared with (counts, or rates in percent)."""

    ukuran: str  # a key of ARAH_BAIK
    sekarang: float
    pembanding: float

    @property
    def selisih(self) -> float:
        return self.sekarang - self.pembanding

    @property
    def persen(self) -> float | None:
        """The change in percent of the comparison; None when that was zero (no base to divide by)."""
        return kpi.perubahan_persen(self.sekarang, self.pembanding)

    @property
    def arah(self) -> str:
        """'naik', 'turun' or 'tetap'."""
        return "naik" if self.selisih > 0 else "turun" if self.selisih < 0 else "tetap"

    @property
    def baik(self) -> bool | None:
        """Whether the direction is good news for this measure; None when nothing moved."""
        if self.arah == "tetap":
            return None
        return (self.selisih > 0) == (ARAH_BAIK[self.ukuran] > 0)


def perubahan(ukuran: str, sekarang: float | None, pembanding: float | None) -> Perubahan | None:
    """The change, or None when either side is unknown or hidden (a change must not give a hidden
    count back)."""
    if ukuran not in ARAH_BAIK:
        raise ValueError(f"Ukuran '{ukuran}' tidak dikenal.")
    if sekarang is None or pembanding is None:
        return None
    return Perubahan(ukuran, float(sekarang), float(pembanding))
