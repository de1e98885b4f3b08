"""What every page receives from the sidebar: one frozen object built once per run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from domain.peran import Peran
from domain.saringan import Saringan


@dataclass(frozen=True)
class KonteksHalaman:
    bahasa: str  # 'id' or 'en'
    peran: Peran
    ambang: int  # the viewer's small-count threshold: 1 shows every count (leadership, admins)
    ambang_publik: int  # the public's, for the projector screen whoever opens it
    pengguna: str  # who the import log names
    hari_ini: date
    kode_kab: str
    saringan: Saringan | None = None  # None on pages without dashboard filters
    nama_wilayah: str = ""

    @property
    def s(self) -> Saringan:
        if self.saringan is None:
            raise RuntimeError("This page was opened without the dashboard filters.")
        return self.saringan
