"""Local accounts from secrets.toml, checked with bcrypt, with failed attempts rate-limited.

    [akun.siti]
    peran = "staf"
    hash = "$2b$12$..."      # python -m data_access akun siti --peran staf

Passwords are never stored or logged; only their bcrypt hashes sit in secrets.toml.
"""

from __future__ import annotations

import functools
import threading
import time
from collections import deque
from dataclasses import dataclass

import bcrypt

from domain.peran import Peran

MAKS_GAGAL = 5
JENDELA_DETIK = 15 * 60
KUNCI_DETIK = 15 * 60


class AkunTidakSah(ValueError):
    """An account in secrets.toml cannot be used; the message names it."""


class MasukDitolak(ValueError):
    """A sign-in was refused; the message in Bahasa Indonesia, `en` the same in English."""

    def __init__(self, pesan: str, en: str) -> None:
        super().__init__(pesan)
        self.en = en

    def dalam(self, bahasa: str) -> str:
        return self.en if bahasa == "en" else str(self)


@dataclass(frozen=True)
class Akun:
    nama: str
    peran: Peran
    hash: bytes


def muat_akun(rahasia: dict) -> dict[str, Akun]:
    """Accounts from the `akun` table of secrets (empty when none is configured)."""
    hasil = {}
    for nama, isi in (rahasia.get("akun") or {}).items():
        try:
            peran = Peran(str(isi.get("peran", "")).lower())
        except ValueError:
            raise AkunTidakSah(f"Akun '{nama}': peran harus admin, staf, pimpinan, atau publik.") from None
        hash_ = str(isi.get("hash", "")).encode()
        if not hash_.startswith((b"$2a$", b"$2b$", b"$2y$")):
            raise AkunTidakSah(f"Akun '{nama}': 'hash' harus hash bcrypt (buat dengan python -m data_access akun).")
        hasil[str(nama).lower()] = Akun(str(nama).lower(), peran, hash_)
    return hasil


PANJANG_SANDI_MAKS = 72  # bcrypt's limit, in bytes of UTF-8


def buat_hash(sandi: str, putaran: int = 12) -> str:
    if len(sandi.encode()) > PANJANG_SANDI_MAKS:
        raise ValueError(f"Kata sandi paling banyak {PANJANG_SANDI_MAKS} byte (huruf beraksen dihitung 2).")
    return bcrypt.hashpw(sandi.encode(), bcrypt.gensalt(rounds=putaran)).decode()


class PembatasPercobaan:
    """At most MAKS_GAGAL failed logins per account in JENDELA_DETIK; then the account is locked for
    KUNCI_DETIK, for everyone (a guesser changing browsers gains nothing). Shared by all sessions."""

    def __init__(self, maks: int = MAKS_GAGAL, jendela: float = JENDELA_DETIK, kunci: float = KUNCI_DETIK) -> None:
        self._maks, self._jendela, self._kunci = maks, jendela, kunci
        self._gagal: dict[str, deque[float]] = {}
        self._terkunci: dict[str, float] = {}
        self._lock = threading.Lock()

    def sisa_kunci(self, nama: str, sekarang: float | None = None) -> float:
        sekarang = time.monotonic() if sekarang is None else sekarang
        with self._lock:
            return max(0.0, self._terkunci.get(nama, 0.0) - sekarang)

    def catat_gagal(self, nama: str, sekarang: float | None = None) -> None:
        sekarang = time.monotonic() if sekarang is None else sekarang
        with self._lock:
            antrian = self._gagal.setdefault(nama, deque())
            antrian.append(sekarang)
            while antrian and antrian[0] < sekarang - self._jendela:
                antrian.popleft()
            if len(antrian) >= self._maks:
                self._terkunci[nama] = sekarang + self._kunci
                antrian.clear()

    def catat_berhasil(self, nama: str) -> None:
        with self._lock:
            self._gagal.pop(nama, None)


def periksa_masuk(akun: dict[str, Akun], pembatas: PembatasPercobaan, nama: str, sandi: str) -> Akun:
    """The account for a correct name and password; otherwise MasukDitolak with a message that does
    not say which of the two was wrong. Unknown names cost a bcrypt check too (no timing hint)."""
    kunci = nama.strip().lower()
    sisa = pembatas.sisa_kunci(kunci)
    if sisa > 0:
        menit = int(sisa // 60) + 1
        raise MasukDitolak(f"Terlalu banyak percobaan gagal. Coba lagi dalam {menit} menit.",
                           f"Too many failed attempts. Try again in {menit} minute{'s' if menit > 1 else ''}.")
    a = akun.get(kunci)
    if len(sandi.encode()) > PANJANG_SANDI_MAKS:
        # bcrypt reads 72 bytes at most and refuses more with its own English text; no account's
        # password is longer (buat_hash refuses them), so this is a wrong password, said plainly.
        pembatas.catat_gagal(kunci)
        raise MasukDitolak(f"Kata sandi terlalu panjang (paling banyak {PANJANG_SANDI_MAKS} byte); periksa yang diketik.",
                           f"The password is too long (at most {PANJANG_SANDI_MAKS} bytes); check what was typed.")
    cocok = bcrypt.checkpw(sandi.encode(), a.hash if a else _hash_palsu())
    if not a or not cocok:
        pembatas.catat_gagal(kunci)
        raise MasukDitolak("Nama akun atau kata sandi salah.", "Wrong account name or password.")
    pembatas.catat_berhasil(kunci)
    return a


@functools.cache
def _hash_palsu() -> bytes:
    # Made on the first unknown name rather than at import: a bcrypt round costs a quarter second.
    return bcrypt.hashpw(b"bukan-sandi", bcrypt.gensalt(rounds=12))
