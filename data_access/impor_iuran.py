"""The payment import's checked rows, held by column.

A regency's payment history is a million rows and more. Held as one tuple per row with an object
per cell, a million rows took about 350 bytes each on top of the file; here a row is six numbers
(about 30 bytes), each participant's pseudonym is kept once, and duplicate rows, unknown
participants and months before registration are found over whole columns once the file is read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from datetime import date
from typing import NamedTuple

import numpy as np
import pandas as pd
import sqlalchemy as sa

from data_access.iuran import KOLOM
from domain.impor import BarisIuran, Masalah
from domain.nik import kunci_pseudonim
from tampilan.format import bulan_tahun_panjang, tanggal

_TANPA = -1  # no payment date, no payer
_CARI_PER_KALI = 5_000  # pseudonyms looked up in one query


class IuranSah(NamedTuple):
    """A checked payment row, the NIK already a pseudonym; `peserta_id` once the participant is found."""

    kunci_pseudonim: str
    bulan: date
    jumlah: int
    tanggal_bayar: date | None
    pembayar: str | None
    peserta_id: int = 0


def ringkas(m: BarisIuran, kunci: bytes) -> IuranSah:
    return IuranSah(kunci_pseudonim(m.nik, kunci), m.bulan, m.jumlah, m.tanggal_bayar, m.pembayar)


class KumpulanIuran:
    """Checked payment rows in the order of the file. Reads like the other kinds' lists of
    (row number, row), so the summary, the preview and the writer need no second path."""

    def __init__(self) -> None:
        self.kunci: list[str] = []  # distinct pseudonyms; rows point into this list
        self._indeks_kunci: dict[str, int] = {}
        self._pembayar: list[str] = []
        self._indeks_pembayar: dict[str, int] = {}
        self._kolom = {"nomor": array("q"), "kunci": array("l"), "bulan": array("l"), "jumlah": array("q"),
                       "bayar": array("l"), "pembayar": array("b")}
        self._peserta_id: np.ndarray | None = None  # per pseudonym, once looked up

    def append(self, baris: tuple[int, IuranSah]) -> None:
        nomor, m = baris
        k = self._kolom
        k["nomor"].append(nomor)
        k["kunci"].append(self._indeks_kunci.setdefault(m.kunci_pseudonim, len(self.kunci)))
        if k["kunci"][-1] == len(self.kunci):
            self.kunci.append(m.kunci_pseudonim)
        k["bulan"].append(m.bulan.toordinal())
        k["jumlah"].append(m.jumlah)
        k["bayar"].append(_TANPA if m.tanggal_bayar is None else m.tanggal_bayar.toordinal())
        if m.pembayar is None:
            k["pembayar"].append(_TANPA)
        else:
            k["pembayar"].append(self._indeks_pembayar.setdefault(m.pembayar, len(self._pembayar)))
            if k["pembayar"][-1] == len(self._pembayar):
                self._pembayar.append(m.pembayar)

    def __len__(self) -> int:
        return len(self._kolom["nomor"])

    def _baris(self, i: int) -> tuple[int, IuranSah]:
        k = self._kolom
        bayar, pembayar = k["bayar"][i], k["pembayar"][i]
        pid = 0 if self._peserta_id is None else int(self._peserta_id[k["kunci"][i]])
        return k["nomor"][i], IuranSah(self.kunci[k["kunci"][i]], date.fromordinal(k["bulan"][i]), k["jumlah"][i],
                                       None if bayar == _TANPA else date.fromordinal(bayar),
                                       None if pembayar == _TANPA else self._pembayar[pembayar], pid)

    def __iter__(self) -> Iterator[tuple[int, IuranSah]]:
        return (self._baris(i) for i in range(len(self)))

    def __getitem__(self, potong: slice) -> list[tuple[int, IuranSah]]:
        return [self._baris(i) for i in range(len(self))[potong]]

    def _np(self, nama: str) -> np.ndarray:
        return np.frombuffer(self._kolom[nama], dtype=self._kolom[nama].typecode)

    def _saring(self, tetap: np.ndarray) -> None:
        for nama, kolom in self._kolom.items():
            self._kolom[nama] = array(kolom.typecode, self._np(nama)[tetap].tobytes())

    def buang_ganda(self, kolom_nik: str) -> list[Masalah]:
        """Drop the second and later rows of one participant and month, each refused with the row
        it repeats."""
        kunci = (self._np("kunci").astype(np.int64) << 32) | self._np("bulan").astype(np.int64)
        _, pertama, letak = np.unique(kunci, return_index=True, return_inverse=True)
        ganda = np.ones(len(self), dtype=bool)
        ganda[pertama] = False
        if not ganda.any():
            return []
        nomor = self._np("nomor")
        masalah = [Masalah(int(n), kolom_nik, "", f"Sama dengan baris {int(p)}: baris ganda dalam berkas.")
                   for n, p in zip(nomor[ganda], nomor[pertama[letak[ganda]]], strict=True)]
        self._saring(~ganda)
        return masalah

    def periksa_peserta(self, engine: sa.Engine, nama_kolom: dict) -> list[Masalah]:
        """Each payment's participant must be recorded, and the month must not come before the month
        they registered in; the refused rows are dropped. Pseudonyms are looked up a slice at a
        time: a regency's participants are not all held in memory for one file."""
        peserta_id = np.zeros(len(self.kunci), dtype=np.int64)
        bulan_daftar = np.zeros(len(self.kunci), dtype=np.int64)
        tanggal_daftar: dict[int, date] = {}
        kueri = sa.text("SELECT kunci_pseudonim, id, tanggal_daftar FROM peserta WHERE kunci_pseudonim IN :kunci"
                        ).bindparams(sa.bindparam("kunci", expanding=True))
        with engine.connect() as k:
            for awal in range(0, len(self.kunci), _CARI_PER_KALI):
                for pseudonim, pid, daftar in k.execute(kueri, {"kunci": self.kunci[awal:awal + _CARI_PER_KALI]}):
                    i = self._indeks_kunci[pseudonim]
                    peserta_id[i], bulan_daftar[i] = int(pid), daftar.replace(day=1).toordinal()
                    tanggal_daftar[i] = daftar
        kunci, bulan, nomor = self._np("kunci"), self._np("bulan"), self._np("nomor")
        tak_dikenal = peserta_id[kunci] == 0
        sebelum = ~tak_dikenal & (bulan < bulan_daftar[kunci])
        kolom_nik, kolom_bulan = nama_kolom.get("nik", "nik"), nama_kolom.get("bulan", "bulan")
        masalah = [Masalah(int(n), kolom_nik, "(disembunyikan)",
                           "Peserta dengan NIK ini belum tercatat; impor pesertanya dulu.",
                           "No participant with this NIK is recorded; import the participants first.")
                   for n in nomor[tak_dikenal]]
        for i in np.flatnonzero(sebelum):
            _, m = self._baris(int(i))
            daftar = tanggal_daftar[int(kunci[i])]
            masalah.append(Masalah(
                int(nomor[i]), kolom_bulan, f"{m.bulan:%Y-%m}",
                f"Bulan iuran {bulan_tahun_panjang(m.bulan)} sebelum peserta terdaftar ({tanggal(daftar)}).",
                f"The month {bulan_tahun_panjang(m.bulan, 'en')} comes before the participant registered "
                f"({tanggal(daftar, 'en')})."))
        if masalah:
            self._saring(~(tak_dikenal | sebelum))
        self._peserta_id = peserta_id
        return masalah

    def tabel(self) -> pd.DataFrame:
        """The rows as data_access.iuran.simpan takes them (columns KOLOM)."""
        if self._peserta_id is None:
            raise RuntimeError("periksa_peserta belum dijalankan")
        tanggal_dari = {o: date.fromordinal(int(o)) for o in np.unique(np.concatenate(
            [self._np("bulan"), self._np("bayar")])) if o != _TANPA}
        tanggal_dari[_TANPA] = None
        pembayar = [*self._pembayar, None]  # index -1 is the last: no payer
        return pd.DataFrame({
            "peserta_id": self._peserta_id[self._np("kunci")],
            "bulan": [tanggal_dari[o] for o in self._np("bulan").tolist()],
            "jumlah": self._np("jumlah"),
            "tanggal_bayar": [tanggal_dari[o] for o in self._np("bayar").tolist()],
            "pembayar": [pembayar[p] for p in self._np("pembayar").tolist()],
        }, columns=list(KOLOM))
