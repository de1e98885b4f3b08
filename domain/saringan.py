"""The filter every page shares: region, programme, segment and period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.periode import BANDING, Periode, periode_banding


@dataclass(frozen=True)
class Saringan:
    kode_wilayah: str  # regency '33.26', kecamatan '33.26.10' or village '33.26.10.2001'
    periode: Periode
    program: str | None = None
    segmen: str | None = None
    banding: str = BANDING[0]  # what changes are measured against (domain.periode.periode_banding)

    @property
    def pembanding(self) -> Periode:
        return periode_banding(self.periode, self.banding)

    @property
    def hari_sebelum_mulai(self) -> date:
        return self.periode.mulai - timedelta(days=1)

    @property
    def tingkat(self) -> str:
        return {5: "kabupaten", 8: "kecamatan"}.get(len(self.kode_wilayah), "desa")
