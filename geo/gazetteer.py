"""Resolve what staff type ("Ds. Ketanon Ageng", "KEDUNG JARAN") to a Kemendagri village code.

A name shared by villages in two kecamatan is reported as ambiguous unless the kecamatan settles it;
it is never guessed. Every answer carries a confidence and the candidates it chose from.

The ways staff write a name are the name: case, spacing, punctuation, "Ds."/"Desa"/"Kel." prefixes,
pre-1972 spellings, fullwidth letters and invisible characters (folded by
domain.urai.bersihkan_teks). A changed or missing letter is not: that answer is MIRIP, with its
candidates, and an import takes it only when the user confirms the correction. A name with a
letter from another script (a Cyrillic "о" that looks Latin) is ASING and never matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd
from rapidfuzz import fuzz, process

from domain.urai import bersihkan_teks, skrip_asing
from tampilan.teks import t

_AWALAN_DESA = re.compile(r"^(?:desa|ds|kelurahan|kel|kal|dusun|dsn)\b\.?\s*")
_AWALAN_KEC = re.compile(r"^(?:kecamatan|kec|kc)\b\.?\s*")
# Pre-1972 spellings still appear on old stamps and in older staff's typing.
_EJAAN_LAMA = (("oe", "u"), ("dj", "j"), ("tj", "c"))

# A typo is accepted when it scores at least this (0–100) and clearly beats the runner-up.
SKOR_MINIMUM_MIRIP = 85.0
SELISIH_MINIMUM_MIRIP = 5.0


class Status(StrEnum):
    COCOK = "cocok"  # exact after normalisation
    MIRIP = "mirip"  # close spelling, one clear candidate
    AMBIGU = "ambigu"  # several villages fit; the kecamatan is needed
    ASING = "asing"  # a letter from another script: a look-alike, never a match
    TIDAK_DITEMUKAN = "tidak_ditemukan"


@dataclass(frozen=True)
class Kandidat:
    kode: str
    nama: str
    kode_kec: str
    nama_kec: str
    skor: float


@dataclass(frozen=True)
class HasilPencarian:
    teks: str
    status: Status
    kode: str | None
    keyakinan: float  # 0.0–1.0
    kandidat: list[Kandidat] = field(default_factory=list)

    @property
    def pesan(self) -> str:
        """What went wrong, in Bahasa Indonesia, for import reports."""
        return self.pesan_dalam("id")

    def pesan_dalam(self, bahasa: str) -> str:
        """What went wrong, in the reader's language, for forms and the map's search."""
        if self.status is Status.ASING:
            huruf = skrip_asing(bersihkan_teks(self.teks)) or "?"
            return t("cari_huruf_asing", bahasa, teks=self.teks, huruf=huruf, kode=f"U+{ord(huruf):04X}")
        if self.status is Status.MIRIP:
            k = self.kandidat[0]
            return t("cari_mirip", bahasa, teks=self.teks, nama=k.nama, kec=k.nama_kec, kode=k.kode)
        if self.status is Status.AMBIGU:
            pilihan = "; ".join(f"{k.nama} ({t('kec_singkat', bahasa)} {k.nama_kec}, {k.kode})" for k in self.kandidat)
            return t("cari_ambigu", bahasa, teks=self.teks, pilihan=pilihan)
        if self.status is Status.TIDAK_DITEMUKAN:
            saran = ", ".join(k.nama for k in self.kandidat[:3])
            return t("cari_tidak_ditemukan", bahasa, teks=self.teks) + (
                " " + t("cari_saran", bahasa, saran=saran) if saran else "")
        return ""


def normalkan(teks: str, awalan: re.Pattern[str] = _AWALAN_DESA) -> str:
    """Lower-case, strip accents, prefixes, punctuation and spaces: 'Ds. Ketanon-Ageng' -> 'ketanonageng'."""
    t = unicodedata.normalize("NFKD", bersihkan_teks(str(teks))).encode("ascii", "ignore").decode().lower().strip()
    t = re.sub(r"\s+", " ", t)
    t = awalan.sub("", t)
    for lama, baru in _EJAAN_LAMA:
        t = t.replace(lama, baru)
    return re.sub(r"[^a-z0-9]", "", t)


class Gazetteer:
    """Village names of one or more regencies, indexed by their normalised spelling."""

    def __init__(self, desa: pd.DataFrame):
        kolom = ["kode", "nama", "kode_kec", "nama_kec"]
        self._desa = desa[kolom].astype(str).reset_index(drop=True)
        # Plain tuples: an import looks up every row, and a DataFrame lookup costs 100 µs.
        self._baris: list[tuple[str, str, str, str]] = list(self._desa.itertuples(index=False, name=None))
        self._indeks_kode = {kode: i for i, (kode, *_) in enumerate(self._baris)}
        self._tembolok: dict[tuple[str, str | None], HasilPencarian] = {}
        self._kunci = [normalkan(n) for n in self._desa["nama"]]
        self._per_kunci: dict[str, list[int]] = {}
        for i, k in enumerate(self._kunci):
            self._per_kunci.setdefault(k, []).append(i)
        kec = self._desa[["kode_kec", "nama_kec"]].drop_duplicates()
        self._kec_per_kunci: dict[str, set[str]] = {}
        for kode_kec, nama_kec in kec.itertuples(index=False):
            self._kec_per_kunci.setdefault(normalkan(nama_kec, _AWALAN_KEC), set()).add(kode_kec)
            self._kec_per_kunci.setdefault(kode_kec, set()).add(kode_kec)

    def _kandidat(self, i: int, skor: float) -> Kandidat:
        return Kandidat(*self._baris[i], skor)

    def kecamatan(self, teks: str) -> set[str]:
        """Kecamatan codes matching a typed kecamatan name or code (empty when none does)."""
        teks = str(teks).strip()
        if re.fullmatch(r"\d{2}\.\d{2}\.\d{2}", teks):
            return self._kec_per_kunci.get(teks, set())
        return self._kec_per_kunci.get(normalkan(teks, _AWALAN_KEC), set())

    def cari(self, teks: str, kecamatan: str | None = None) -> HasilPencarian:
        """Resolve a typed village name (or code), optionally within a typed kecamatan."""
        kunci_tembolok = (str(teks), None if kecamatan is None else str(kecamatan))
        if (hasil := self._tembolok.get(kunci_tembolok)) is None:
            if len(self._tembolok) > 50_000:  # an import names each village many times; bounded anyway
                self._tembolok.clear()
            hasil = self._tembolok[kunci_tembolok] = self._cari(*kunci_tembolok)
        return hasil

    def _cari(self, teks: str, kecamatan: str | None) -> HasilPencarian:
        teks_asli = str(teks)
        if skrip_asing(bersihkan_teks(teks_asli)) or (kecamatan and skrip_asing(bersihkan_teks(kecamatan))):
            return HasilPencarian(teks_asli, Status.ASING, None, 0.0)
        if re.fullmatch(r"\s*\d{2}\.\d{2}\.\d{2}\.\d{4}\s*", teks_asli):
            i = self._indeks_kode.get(teks_asli.strip())
            if i is not None:
                return HasilPencarian(teks_asli, Status.COCOK, teks_asli.strip(), 1.0, [self._kandidat(i, 100.0)])
            return HasilPencarian(teks_asli, Status.TIDAK_DITEMUKAN, None, 0.0)

        kunci = normalkan(teks_asli)
        if not kunci:
            return HasilPencarian(teks_asli, Status.TIDAK_DITEMUKAN, None, 0.0)
        dalam_kec: set[str] | None = None
        if kecamatan and str(kecamatan).strip():
            dalam_kec = self.kecamatan(kecamatan)

        def boleh(i: int) -> bool:
            return dalam_kec is None or self._baris[i][2] in dalam_kec

        persis = [i for i in self._per_kunci.get(kunci, []) if boleh(i)]
        if len(persis) == 1:
            return HasilPencarian(teks_asli, Status.COCOK, self._baris[persis[0]][0], 1.0,
                                  [self._kandidat(persis[0], 100.0)])
        if len(persis) > 1:
            return HasilPencarian(teks_asli, Status.AMBIGU, None, 1.0 / len(persis),
                                  [self._kandidat(i, 100.0) for i in persis])

        pilihan = {i: k for i, k in enumerate(self._kunci) if boleh(i)}
        teratas = process.extract(kunci, pilihan, scorer=fuzz.ratio, limit=5)
        kandidat = [self._kandidat(i, float(skor)) for _, skor, i in teratas]
        if not kandidat or kandidat[0].skor < SKOR_MINIMUM_MIRIP:
            return HasilPencarian(teks_asli, Status.TIDAK_DITEMUKAN, None, 0.0, kandidat)
        terbaik = [k for k in kandidat if k.skor == kandidat[0].skor]
        kedua = next((k.skor for k in kandidat if k.skor < kandidat[0].skor), 0.0)
        nama_terbaik = {normalkan(k.nama) for k in terbaik}
        if len(terbaik) > 1 and len(nama_terbaik) == 1:
            return HasilPencarian(teks_asli, Status.AMBIGU, None, kandidat[0].skor / 100 / len(terbaik), terbaik)
        if len(terbaik) > 1 or kandidat[0].skor - kedua < SELISIH_MINIMUM_MIRIP:
            return HasilPencarian(teks_asli, Status.TIDAK_DITEMUKAN, None, 0.0, kandidat)
        return HasilPencarian(teks_asli, Status.MIRIP, kandidat[0].kode, kandidat[0].skor / 100, kandidat)
