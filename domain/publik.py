"""Which counts the public may see: one suppression pattern that every public surface reads.

A count is a cell: a measure (active on a day, new sign-ups or lapses in a date range), a programme
('SEMUA' for any), a time, a region (province, regency, kecamatan or village) and a segment ('*'
for all). The public surfaces show many cells side by side: a region's total beside its segments,
a regency beside its kecamatan and villages, a period beside its months. Suppression decided per
table leaks across them (a bar hidden on one page is the headline figure on another filter), so
the pattern is decided once over every equation that links the cells, and each surface asks it.

Measures and programmes share no equation, so the pattern is worked out per measure, programme
and (for a day count) day, when first asked, and a measure's village counts are read only then.
"""

from __future__ import annotations

import functools
import threading
from calendar import monthrange
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np
import pandas as pd

from domain.suppresi import sembunyikan_persamaan_datar

# A pattern cell's columns, wherever cells are counted (data_access.publik) or made here.
KOLOM_SEL = ["ukuran", "program", "waktu", "kode_desa", "segmen", "n"]
SEMUA_SEGMEN = "*"
SEMUA_PROGRAM = "SEMUA"
SEGMEN_UTAMA = "BPU"
# How a region's code shortens to its parent's: village → kecamatan → regency → province.
PANJANG_INDUK = {13: 8, 8: 5, 5: 2}


def induk(kode: str) -> str | None:
    panjang = PANJANG_INDUK.get(len(kode))
    return kode[:panjang] if panjang else None


def waktu_hari(hari: date) -> str:
    return hari.isoformat()


def waktu_rentang(mulai: date, selesai: date) -> str:
    return f"{mulai.isoformat()}..{selesai.isoformat()}"


def akhir_bulan(bulan: date) -> date:
    return date(bulan.year, bulan.month, monthrange(bulan.year, bulan.month)[1])


# The payment counts the public sees, as pattern measures, and the column of
# data_access.iuran.bulanan each is counted from.
UKURAN_IURAN = {"bayar_iuran": "peserta_bayar", "berhenti_iuran": "berhenti", "kembali_iuran": "kembali"}


PEMISAH_DANA = "|"


def waktu_bulan_iuran(dari: date, sampai: date | None = None) -> str:
    """A payment cell's time: whole months, from the month of `dari` to the end of `sampai`'s."""
    return waktu_rentang(dari.replace(day=1), akhir_bulan(sampai or dari))


def rentang_bulan(bulan: date, selesai: date) -> tuple[date, date]:
    """A trend month's days as its new sign-ups are counted: to its end, or the period's if sooner."""
    return bulan, min(akhir_bulan(bulan), selesai)


def waktu_dana(waktu: str, dana: str) -> str:
    """A payment cell of one funding source over a time: the funding sources of a time add up to it."""
    return f"{waktu}{PEMISAH_DANA}{dana}"


def teks_berulang(nilai: list[str], kode: np.ndarray) -> pd.api.extensions.ExtensionArray:
    """`nilai[kode[i]]` for each i as pandas' strings, taken in Arrow: a cell's names written out as
    Python strings and turned back into pandas' strings row by row cost more than its counts."""
    return pd.array(nilai, dtype="str").take(np.asarray(kode, dtype=np.intp))


def sel_iuran(per_bulan: pd.DataFrame, per_dana: pd.DataFrame, mulai: date, selesai: date) -> pd.DataFrame:
    """Payment counts as pattern cells (columns ukuran, program, waktu, kode_desa, segmen, n), from
    counts per village, segment and month (`per_bulan`: columns bulan, kode_desa, segmen and those
    of UKURAN_IURAN) and per village, segment and funding source over the period (`per_dana`:
    kode_desa, segmen, sumber_dana and the same). Cells: each month, the period's months together
    (`mulai` to `selesai`, whole months), which the months add up to, and each funding source over
    the period, which add up to it too. Zero counts are kept, and a month of the period with no
    payment data at all gets a zero cell: it adds nothing to the total, and without it the months
    would not tile it."""
    if per_bulan.empty:
        return pd.DataFrame(columns=KOLOM_SEL)
    semua = waktu_bulan_iuran(mulai, selesai)
    bulan_ada = {b.replace(day=1) for b in per_bulan["bulan"]}
    kosong = [b.date() for b in pd.date_range(mulai.replace(day=1), selesai, freq="MS") if b.date() not in bulan_ada]
    contoh = per_bulan.iloc[0]
    per_bulan = pd.concat([per_bulan, pd.DataFrame({"bulan": kosong, "kode_desa": contoh["kode_desa"],
                                                    "segmen": contoh["segmen"],
                                                    **{k: 0 for k in UKURAN_IURAN.values()}})], ignore_index=True)
    # Each distinct month and source named once: per row, the names cost more than the counts.
    kode_bulan, bulan_unik = pd.factorize(per_bulan["bulan"])
    nama_bulan = [waktu_bulan_iuran(b) for b in bulan_unik]
    waktu = teks_berulang(nama_bulan, kode_bulan)
    kode_dana, dana_unik = pd.factorize(per_dana["sumber_dana"])
    waktu_per_dana = teks_berulang([waktu_dana(semua, d) for d in dana_unik], kode_dana)
    satu_bulan = semua in nama_bulan
    bagian = []
    for ukuran, sumber in UKURAN_IURAN.items():
        bulan = _sel_iuran(per_bulan, ukuran, waktu, per_bulan[sumber])
        jumlah = bulan.groupby(["kode_desa", "segmen"], as_index=False)["n"].sum()
        # A period within one month: its total is that month's cell, named the same.
        total = [] if satu_bulan else [
            _sel_iuran(jumlah, ukuran, teks_berulang([semua], np.zeros(len(jumlah), dtype=np.intp)), jumlah["n"])]
        bagian += [bulan, *total, _sel_iuran(per_dana, ukuran, waktu_per_dana, per_dana[sumber])]
    return pd.concat(bagian, ignore_index=True)


def _sel_iuran(df: pd.DataFrame, ukuran: str, waktu, n: pd.Series) -> pd.DataFrame:
    """One payment measure's cells: each row's village and segment, its time (`waktu`, one per row) and count."""
    nol = np.zeros(len(df), dtype=np.intp)
    return pd.DataFrame({"ukuran": teks_berulang([ukuran], nol), "program": teks_berulang([SEMUA_PROGRAM], nol),
                         "waktu": waktu, "kode_desa": df["kode_desa"].array, "segmen": df["segmen"].array,
                         "n": n.astype(int).to_numpy()})


def _rentang(waktu: str) -> tuple[date, date]:
    mulai, selesai = waktu.split("..")
    return date.fromisoformat(mulai), date.fromisoformat(selesai)


def persamaan_waktu(semua: list[str]) -> list[tuple[str, list[str]]]:
    """The ranges that are exactly the sum of shorter ones among them (a period and its months)."""
    rentang = {w: _rentang(w) for w in semua}
    hasil = []
    for w, (mulai, selesai) in rentang.items():
        bagian = sorted((r for v, r in rentang.items() if v != w and mulai <= r[0] and r[1] <= selesai
                         and (r[1] - r[0]) < (selesai - mulai)))
        # Keep a chain that starts at `mulai` and runs day after day to `selesai`.
        rantai, hari = [], mulai
        for a, b in bagian:
            if a == hari:
                rantai.append((a, b))
                hari = b + timedelta(days=1)
        if rantai and hari == selesai + timedelta(days=1) and len(rantai) > 1:
            hasil.append((w, [waktu_rentang(a, b) for a, b in rantai]))
    return hasil


@dataclass(frozen=True)
class _Wilayah:
    """The regions of one system's villages, numbered, and the equations of one time among them."""

    nama: np.ndarray  # region names (objects) by number
    rantai_desa: np.ndarray  # (villages, levels): a village's number, then its parents', -1 past the top
    persamaan: np.ndarray  # keys less the time's part: per region, its segments, then its children per segment
    awal: np.ndarray  # where each of those equations starts
    wilayah_segmen: np.ndarray  # every region with every segment and with all of them, keys less the time's part


@functools.lru_cache(maxsize=8)
def _wilayah(desa: tuple[str, ...], ns: int, semua: int, id_segmen: tuple[int, ...]) -> _Wilayah:
    """_Wilayah of these villages, in this order, with `ns` segment numbers (`semua` all of them,
    `id_segmen` each in name order). Kept for the next systems: a period's systems of every
    programme, measure and day name the same few village lists, and this was a third of their work."""
    nama_wilayah: list[str] = []
    no_wilayah: dict[str, int] = {}
    anak: dict[str, set[str]] = defaultdict(set)
    rantai = []
    for kode in desa:
        naik = []
        r: str | None = kode
        while r is not None:
            if r not in no_wilayah:
                no_wilayah[r] = len(nama_wilayah)
                nama_wilayah.append(r)
            naik.append(no_wilayah[r])
            atas = induk(r)
            if atas is not None:
                anak[atas].add(r)
            r = atas
        rantai.append(naik)
    rantai_desa = np.full((len(rantai), max(map(len, rantai))), -1, dtype=np.int64)
    for i, naik in enumerate(rantai):
        rantai_desa[i, :len(naik)] = naik

    semua_segmen = [semua, *id_segmen]
    urut = sorted(nama_wilayah)
    persamaan: list[int] = []
    awal: list[int] = []
    for r in urut:
        dasar_r = no_wilayah[r] * ns
        awal.append(len(persamaan))
        persamaan += [dasar_r + semua, *(dasar_r + s for s in id_segmen)]
        if anak.get(r):
            anak_r = [no_wilayah[c] * ns for c in sorted(anak[r])]
            for s in semua_segmen:
                awal.append(len(persamaan))
                persamaan += [dasar_r + s, *(c + s for c in anak_r)]
    wilayah_segmen = np.add.outer(np.array([no_wilayah[r] * ns for r in urut], dtype=np.int64),
                                  np.array(semua_segmen, dtype=np.int64)).ravel()
    hasil = _Wilayah(np.array(nama_wilayah, dtype=object), rantai_desa, np.array(persamaan, dtype=np.int64),
                     np.array(awal, dtype=np.int64), wilayah_segmen)
    for larik in vars(hasil).values():
        larik.flags.writeable = False  # shared by every system that names these villages
    return hasil


def _pola_subsistem(hitungan: pd.DataFrame, k: int) -> frozenset[tuple[str, str, str]]:
    """Hidden cells (waktu, kode, segmen) of one measure and programme, from village counts
    (columns waktu, kode_desa, segmen, n)."""
    if hitungan.empty:
        return frozenset()
    # A cell is one integer, (waktu × wilayah + region) × segments + segment, so the counts of every
    # level add up in numpy; cells are numbered in the order the rows name them (village, then its
    # parents, each with and without its segment), which is the order suppression breaks ties in.
    w_baris, waktu_data = pd.factorize(hitungan["waktu"])
    r_baris, desa = pd.factorize(hitungan["kode_desa"])
    s_baris, segmen_data = pd.factorize(hitungan["segmen"])
    waktu = sorted(waktu_data)
    segmen = sorted(segmen_data)
    dana: dict[str, list[str]] = defaultdict(list)  # a time and its funding sources' cells
    for w in waktu:
        if PEMISAH_DANA in w:
            dana[w.split(PEMISAH_DANA, 1)[0]].append(w)
    nama_waktu = [*waktu_data, *(w for w in dana if w not in set(waktu_data))]
    no_waktu = {w: i for i, w in enumerate(nama_waktu)}

    nama_segmen = [*segmen_data, *([] if SEMUA_SEGMEN in set(segmen_data) else [SEMUA_SEGMEN])]
    no_segmen = {s: i for i, s in enumerate(nama_segmen)}
    semua = no_segmen[SEMUA_SEGMEN]
    ns = len(nama_segmen)
    wilayah = _wilayah(tuple(desa.tolist()), ns, semua, tuple(no_segmen[s] for s in segmen))
    nr = len(wilayah.nama)

    wilayah_baris = wilayah.rantai_desa[r_baris]  # (rows, levels)
    dasar = (w_baris[:, None] * nr + wilayah_baris) * ns
    kunci_baris = np.stack([dasar + s_baris[:, None], dasar + semua], axis=2)
    ada = np.broadcast_to((wilayah_baris >= 0)[:, :, None], kunci_baris.shape)
    urutan_kunci = kunci_baris[ada]
    n_urutan = np.broadcast_to(hitungan["n"].to_numpy(dtype=np.int64)[:, None, None], kunci_baris.shape)[ada]
    kunci, pertama, balik = np.unique(urutan_kunci, return_index=True, return_inverse=True)
    jumlah_kunci = np.zeros(len(kunci), dtype=np.int64)
    np.add.at(jumlah_kunci, balik, n_urutan)
    urut = np.argsort(pertama, kind="stable")
    nomor_kunci = np.empty_like(urut)
    nomor_kunci[urut] = np.arange(len(urut))

    # Equations as cell keys laid end to end (each its total, then its parts), in the order they are
    # worked through: per time, the regions' (_wilayah); then the periods that are sums of shorter
    # ones and the times that are sums of their funding sources.
    geser_waktu = np.array([no_waktu[w] * nr * ns for w in waktu], dtype=np.int64)
    potongan = [np.add.outer(geser_waktu, wilayah.persamaan).ravel()]
    awal = [np.add.outer(np.arange(len(waktu)) * len(wilayah.persamaan), wilayah.awal).ravel()]
    panjang = len(potongan[0])
    rentang = persamaan_waktu([w for w in waktu if ".." in w and PEMISAH_DANA not in w])
    for w_total, w_bagian in [*rentang, *dana.items()]:
        geser = np.array([no_waktu[w] * nr * ns for w in (w_total, *w_bagian)], dtype=np.int64)
        potongan.append(np.add.outer(wilayah.wilayah_segmen, geser).ravel())
        awal.append(panjang + np.arange(len(wilayah.wilayah_segmen)) * len(geser))
        panjang += len(potongan[-1])
    kunci_disebut = np.concatenate(potongan)
    awal_persamaan = np.concatenate(awal).tolist()

    # Keys to cell numbers; a zero cell that only an equation names is numbered after the rest, in
    # the order the equations name it.
    letak = np.minimum(np.searchsorted(kunci, kunci_disebut), len(kunci) - 1)
    dikenal = kunci[letak] == kunci_disebut
    nomor = np.where(dikenal, nomor_kunci[letak], -1)
    baru, pertama_baru, balik_baru = np.unique(kunci_disebut[~dikenal], return_index=True, return_inverse=True)
    urut_baru = np.argsort(pertama_baru, kind="stable")
    nomor_baru = np.empty_like(urut_baru)
    nomor_baru[urut_baru] = np.arange(len(urut_baru))
    nomor[~dikenal] = len(kunci) + nomor_baru[balik_baru]

    sel = np.concatenate([kunci[urut], baru[urut_baru]])
    jumlah = np.concatenate([jumlah_kunci[urut], np.zeros(len(baru), dtype=np.int64)])
    # BPU counts carry the campaign's measure (coverage of informal workers): hidden last.
    biaya = (sel % ns == no_segmen.get(SEGMEN_UTAMA, -1)).astype(int).tolist()
    sembunyi = np.array(sembunyikan_persamaan_datar(jumlah.tolist(), nomor.tolist(), awal_persamaan, k, biaya),
                        dtype=bool)
    tersembunyi = sel[sembunyi]
    return frozenset(zip(np.array(nama_waktu, dtype=object)[tersembunyi // (nr * ns)].tolist(),
                         wilayah.nama[tersembunyi // ns % nr].tolist(),
                         np.array(nama_segmen, dtype=object)[tersembunyi % ns].tolist(), strict=True))


# Every measure the pattern covers. Each is its own system of cells (see PolaPublik._kunci), so a
# measure's cells are counted only when a page first shows one of its numbers: a map of active
# participants for a new period needs the active counts, not the payments'.
UKURAN_POLA = ("aktif", "baru", "nonaktif", *UKURAN_IURAN)
# Active counts on a day share no equation with another day's, so they are counted in two parts: the
# period's own days (PolaPublik.hari_periode: every page's headline and the map) and the trend's
# month ends, which only the trend shows (a map for a new period spent a third of its pattern on them).
TREN_AKTIF = "aktif_tren"


@dataclass
class PolaPublik:
    """What a viewer with threshold k may see of village counts. `sel_ukuran(bagian)` gives one
    measure's village cells (columns ukuran, program, waktu, kode_desa, segmen, n), asked at most
    once per part: a measure of UKURAN_POLA, where "aktif" is the active counts of the days in `hari_periode` (all of them
    when it is None), TREN_AKTIF those of every other day. k = 1 hides nothing."""

    sel_ukuran: Callable[[str], pd.DataFrame]
    k: int
    hari_periode: frozenset[str] | None = None
    _subsistem: dict[tuple[str, str, str], frozenset] = field(default_factory=dict, repr=False)
    _kelompok: dict[str, dict[str, pd.DataFrame]] = field(default_factory=dict, repr=False)
    # One pattern serves every session: two pages asking for a new measure at once count it once,
    # and a system one thread is working out is waited for, not worked out again beside it.
    _kunci_muat: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _kunci_sistem: dict[tuple[str, str, str], threading.Lock] = field(default_factory=dict, repr=False)
    _kunci_daftar: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def dari_sel(cls, hitungan: pd.DataFrame, k: int) -> PolaPublik:
        """The pattern of cells already counted, every measure in one frame."""
        return cls(lambda bagian: hitungan[hitungan["ukuran"] == bagian], k)

    def _bagian(self, ukuran: str, w: str) -> str:
        """The part (sel_ukuran's argument) that holds the measure's cells of time `w`."""
        if ukuran == "aktif" and self.hari_periode is not None and w not in self.hari_periode:
            return TREN_AKTIF
        return ukuran

    def _bagian_ukuran(self, ukuran: str) -> tuple[str, ...]:
        return (ukuran, TREN_AKTIF) if ukuran == "aktif" and self.hari_periode is not None else (ukuran,)

    def siapkan(self, ukuran: tuple[str, ...] = UKURAN_POLA) -> PolaPublik:
        """Count these measures' cells now (at server start, before the first visitor asks)."""
        for u in ukuran:
            for bagian in self._bagian_ukuran(u):
                self._per_program(bagian)
        return self

    @property
    def hitungan(self) -> pd.DataFrame:
        """Every measure's cells (each counted now if it was not yet)."""
        return pd.concat([df for u in UKURAN_POLA for bagian in self._bagian_ukuran(u)
                          for df in self._per_program(bagian).values()], ignore_index=True)

    def _per_program(self, bagian: str) -> dict[str, pd.DataFrame]:
        if bagian not in self._kelompok:
            with self._kunci_muat:
                if bagian not in self._kelompok:
                    # Cells in one fixed order first: suppression breaks ties in the order cells
                    # come, and a database returns groups in no fixed order, so two builds of one
                    # period's pattern (one a minute) hid different complementary cells, which
                    # read together give the hidden counts back.
                    urut = self.sel_ukuran(bagian).sort_values(["program", "waktu", "kode_desa", "segmen"],
                                                               kind="stable", ignore_index=True)
                    self._kelompok[bagian] = {p: df for p, df in urut.groupby("program", sort=False)}
        return self._kelompok[bagian]

    def _kunci(self, ukuran: str, program: str, w: str) -> tuple[str, str, str]:
        # Day counts are independent day by day; ranges of one measure are linked by their months.
        return (ukuran, program, w if ukuran == "aktif" else "")

    def siapkan_kabupaten(self, hari_akhir: date, daftar_ukuran: tuple[str, ...] = UKURAN_POLA) -> PolaPublik:
        """Decide now the hidden cells of what a regency-wide page shows first (these measures of all
        programmes together, and each programme's active count on the period's last day): at server
        start they were a quarter of the first visitor's wait."""
        if self.k <= 1:
            return self  # nothing is hidden
        for ukuran in daftar_ukuran:
            hari = [""]
            if ukuran == "aktif":
                semua = [self._per_program(b).get(SEMUA_PROGRAM) for b in self._bagian_ukuran(ukuran)]
                hari = [w for df in semua if df is not None for w in df["waktu"].unique().tolist()]
            for w in hari:
                self._sistem(ukuran, SEMUA_PROGRAM, w)
        for program in self._per_program("aktif"):
            self._sistem("aktif", program, waktu_hari(hari_akhir))
        return self

    def _sistem(self, ukuran: str, program: str, w: str) -> frozenset[tuple[str, str, str]]:
        kunci = self._kunci(ukuran, program, w)
        if kunci not in self._subsistem:
            if ukuran not in UKURAN_POLA:
                raise ValueError(f"ukuran pola tidak dikenal: {ukuran}")
            # The warm-up and the first page ask for the same systems at the same time; worked out
            # by both at once, each took twice as long on the first page's path.
            with self._kunci_daftar:
                kunci_ini = self._kunci_sistem.setdefault(kunci, threading.Lock())
            with kunci_ini:
                if kunci not in self._subsistem:
                    df = self._per_program(self._bagian(ukuran, w)).get(program)
                    if df is None:
                        df = pd.DataFrame(columns=KOLOM_SEL)
                    if ukuran == "aktif":
                        df = df[df["waktu"] == w]
                    self._subsistem[kunci] = _pola_subsistem(df, self.k)
        return self._subsistem[kunci]

    def tersembunyi(self, ukuran: str, program: str | None, w: str, kode: str, segmen: str | None) -> bool:
        if self.k <= 1:
            return False
        return (w, kode, segmen or SEMUA_SEGMEN) in self._sistem(ukuran, program or SEMUA_PROGRAM, w)

    def nilai(self, n: int | None, ukuran: str, program: str | None, w: str, kode: str,
              segmen: str | None) -> int | None:
        """The count as this viewer may see it: itself, or None when hidden (a small count is hidden
        even when the pattern was built before it became small)."""
        if n is None or pd.isna(n):
            return None
        if self.k > 1 and (0 < int(n) < self.k or self.tersembunyi(ukuran, program, w, kode, segmen)):
            return None
        return int(n)
