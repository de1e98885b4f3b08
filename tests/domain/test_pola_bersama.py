"""One public pattern serves every session at once: a system one thread is working out is waited for."""

import threading
from datetime import date

import pandas as pd

import domain.publik as dp
from domain.publik import KOLOM_SEL, PolaPublik, waktu_hari

HARI = waktu_hari(date(2026, 11, 24))


class KunciTercatat:
    """A lock that notes each attempt to take it, before waiting for it."""

    def __init__(self) -> None:
        self._kunci = threading.Lock()
        self.percobaan = 0
        self.kedua = threading.Event()

    def __enter__(self):
        self.percobaan += 1
        if self.percobaan >= 2:
            self.kedua.set()
        return self._kunci.__enter__()

    def __exit__(self, *galat):
        return self._kunci.__exit__(*galat)


def test_a_system_being_worked_out_is_waited_for_not_worked_out_again(monkeypatch):
    """The warm-up and the first page ask for the same systems at the same moment; worked out by
    both, each took twice as long on the first page's path."""
    sel = pd.DataFrame([("aktif", "SEMUA", HARI, "33.26.01.2001", "BPU", 3),
                        ("aktif", "SEMUA", HARI, "33.26.01.2002", "BPU", 10),
                        ("aktif", "SEMUA", HARI, "33.26.01.2003", "BPU", 12)], columns=KOLOM_SEL)
    pola = PolaPublik.dari_sel(sel, 5)
    kunci = KunciTercatat()
    pola._kunci_sistem[pola._kunci("aktif", "SEMUA", HARI)] = kunci
    asli = dp._pola_subsistem
    dihitung = []

    def pola_subsistem(hitungan, k):
        dihitung.append(threading.current_thread().name)
        # Hold on until the other thread has come for the same system (or give up: the assertion says so).
        kunci.kedua.wait(timeout=30)
        return asli(hitungan, k)

    monkeypatch.setattr(dp, "_pola_subsistem", pola_subsistem)
    hasil = {}

    def tanya(nama):
        hasil[nama] = pola.tersembunyi("aktif", None, HARI, "33.26.01.2001", "BPU")

    utas = [threading.Thread(target=tanya, args=(n,), name=n) for n in ("pemanasan", "halaman")]
    utas[0].start()
    utas[1].start()
    for u in utas:
        u.join(timeout=60)
    assert kunci.kedua.is_set()  # both threads came for the system while it was being worked out
    assert len(dihitung) == 1
    assert hasil == {"pemanasan": True, "halaman": True}  # 3 is below k = 5
