"""Values kept fresh by one background thread, for screens that poll (the live event screen).

A screen asks for a key; the first ask computes the value in the caller's thread, later asks return
the newest value at once while the thread recomputes every `selang` seconds. Keys nobody asked for
in `umur_pakai` seconds are dropped, so a screen closed at the end of the day costs nothing more and
memory stays bounded by the screens actually open.

With a `sidik` (a fingerprint: one cheap query that changes whenever the value would), a round
recomputes a key only when its fingerprint moved or its value is `umur_maks` seconds old, so a
screen that refreshes every few seconds costs one small query per interval while nothing happens.
"""

from __future__ import annotations

import atexit
import logging
import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

log = logging.getLogger(__name__)


class SegarLatar(Generic[K, V]):
    def __init__(self, hitung: Callable[[K], V], selang: float, umur_pakai: float = 60.0,
                 sidik: Callable[[K], Hashable] | None = None, umur_maks: float = 60.0) -> None:
        self._hitung = hitung
        self._selang = selang
        self._umur_pakai = umur_pakai
        self._sidik = sidik
        self._umur_maks = umur_maks
        self._dihitung: dict[K, tuple[Hashable, float]] = {}  # fingerprint and time of each value
        self._nilai: dict[K, V] = {}
        self._dipakai: dict[K, float] = {}
        self._kunci = threading.Lock()
        self._bangun = threading.Event()
        self._benang: threading.Thread | None = None
        self._terdaftar_atexit = False

    def ambil(self, kunci: K) -> V:
        """The newest value for `kunci`; computed here only the first time (errors then rise here)."""
        with self._kunci:
            self._dipakai[kunci] = time.monotonic()
            if kunci in self._nilai:
                return self._nilai[kunci]
        nilai = self._hitung(kunci)
        with self._kunci:
            self._nilai[kunci] = nilai
            self._mulai_benang()
        return nilai

    def segarkan(self, kunci: K) -> None:
        """Recompute `kunci` now if a screen shows it (after a write that changes it)."""
        with self._kunci:
            if kunci not in self._nilai:
                return
        nilai = self._hitung(kunci)
        with self._kunci:
            if kunci in self._nilai:
                self._nilai[kunci] = nilai

    def jumlah_kunci(self) -> int:
        with self._kunci:
            return len(self._nilai)

    def hentikan(self, tunggu_detik: float = 0.0) -> None:
        """Stop the thread; with a wait, let a query in progress finish first."""
        self._bangun.set()
        benang = self._benang
        if tunggu_detik and benang is not None and benang is not threading.current_thread():
            benang.join(tunggu_detik)

    def _mulai_benang(self) -> None:
        if self._benang is None or not self._benang.is_alive():
            self._bangun.clear()
            self._benang = threading.Thread(target=self._putar, name="segar-latar", daemon=True)
            self._benang.start()
            if not self._terdaftar_atexit:
                # A daemon thread stopped in the middle of a database call while the interpreter
                # shuts down aborts the process (seen with DuckDB): stop it cleanly first.
                atexit.register(self.hentikan, 10.0)
                self._terdaftar_atexit = True

    def _putar(self) -> None:
        while not self._bangun.wait(self._selang):
            batas = time.monotonic() - self._umur_pakai
            with self._kunci:
                for lama in [k for k, t in self._dipakai.items() if t < batas]:
                    self._dipakai.pop(lama, None)
                    self._nilai.pop(lama, None)
                    self._dihitung.pop(lama, None)
                kunci_aktif = list(self._nilai)
                if not kunci_aktif:
                    self._benang = None
                    return
            for kunci in kunci_aktif:
                if self._bangun.is_set():
                    return
                try:
                    sidik = self._sidik(kunci) if self._sidik else None
                    lama = self._dihitung.get(kunci)
                    if lama and self._sidik and lama[0] == sidik and time.monotonic() - lama[1] < self._umur_maks:
                        continue
                    nilai = self._hitung(kunci)
                except Exception:  # the screen keeps its last numbers; the next round tries again
                    log.exception("Menyegarkan %r gagal", kunci)
                    continue
                with self._kunci:
                    if kunci in self._nilai:
                        self._nilai[kunci] = nilai
                        self._dihitung[kunci] = (sidik, time.monotonic())
