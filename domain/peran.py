"""Who may see and do what (issue 5): four roles, and the pages and actions each may use.

- publik: no login; the overview, the map and the event screen, with small counts suppressed.
- staf: on-the-spot registration and events, plus what the public sees.
- pimpinan (branch leadership): every dashboard with unsuppressed aggregates; Desa Sadar records.
- admin: everything, including imports.
The app enforces this on the server: a page a role may not open is not registered for its session,
and every write checks the role again.
"""

from __future__ import annotations

from enum import StrEnum


class Peran(StrEnum):
    ADMIN = "admin"
    STAF = "staf"
    PIMPINAN = "pimpinan"
    PUBLIK = "publik"


SEMUA = frozenset(Peran)
HALAMAN = {
    "ringkasan": SEMUA,
    "peta": SEMUA,
    "provinsi": SEMUA,
    "daftar": frozenset({Peran.STAF, Peran.ADMIN}),
    "kegiatan": frozenset({Peran.STAF, Peran.PIMPINAN, Peran.ADMIN}),
    "desa-sadar": frozenset({Peran.STAF, Peran.PIMPINAN, Peran.ADMIN}),
    "target": frozenset({Peran.PIMPINAN, Peran.ADMIN}),
    "tindak-lanjut": frozenset({Peran.STAF, Peran.PIMPINAN, Peran.ADMIN}),
    "data": frozenset({Peran.ADMIN}),
}
TINDAKAN = {
    "daftarkan": frozenset({Peran.STAF, Peran.ADMIN}),
    "ubah_kegiatan": frozenset({Peran.STAF, Peran.ADMIN}),
    "ubah_desa_sadar": frozenset({Peran.PIMPINAN, Peran.ADMIN}),
    "impor": frozenset({Peran.ADMIN}),
}
LABEL = {Peran.ADMIN: "Admin", Peran.STAF: "Staf", Peran.PIMPINAN: "Pimpinan", Peran.PUBLIK: "Publik"}


class AksesDitolak(PermissionError):
    """The role may not do this; the message says so in Bahasa Indonesia."""


def boleh_buka(peran: Peran, halaman: str) -> bool:
    return peran in HALAMAN.get(halaman, frozenset())


def boleh(peran: Peran, tindakan: str) -> bool:
    return peran in TINDAKAN[tindakan]


def wajib(peran: Peran, tindakan: str) -> None:
    if not boleh(peran, tindakan):
        raise AksesDitolak(f"Peran {LABEL[peran]} tidak boleh melakukan ini; masuk dengan akun yang berwenang.")


def tanpa_suppresi(peran: Peran) -> bool:
    """Only leadership and admins see small counts on the overview and the map."""
    return peran in (Peran.PIMPINAN, Peran.ADMIN)


def peran_tanpa_akun(data_contoh: bool) -> Peran:
    """The role when the branch has configured no accounts: full access while the database holds only
    synthetic demo data (a fresh install must be explorable), public once real data is in."""
    return Peran.ADMIN if data_contoh else Peran.PUBLIK
