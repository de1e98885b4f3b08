"""Small-count suppression for public views: counts from 1 to k−1 are never shown.

A suppressed count is None (shown as '<k'). A percentage whose numerator is a suppressed count is
suppressed with it, since percentage × denominator would give the count back.
"""

from __future__ import annotations

from itertools import chain

import numpy as np

K_BAWAAN = 5  # the default threshold; a branch sets its own as DESA_SADAR_K (data_access.config)


def sembunyikan(nilai: int | None, k: int) -> int | None:
    """The count itself, or None when it is a small count (1 … k−1); zero stays zero."""
    if nilai is None or nilai == 0 or nilai >= k:
        return nilai
    return None


def kecil(nilai: int | None, k: int) -> bool:
    """Whether a count is hidden under threshold k (k = 1, an unsuppressed role, hides nothing)."""
    return nilai is not None and sembunyikan(int(nilai), k) is None


def sembunyikan_kelompok(jumlah: list[int], k: int, tersembunyi: list[bool] | None = None) -> list[bool]:
    """Which counts of one group to hide when the group's total is shown beside them.

    Primary suppression hides 1 … k−1. Then complementary suppression: if only one count is hidden,
    the total minus the visible ones would give it back, and if the hidden ones add up to less than
    k, their sum is itself a small count; so the smallest visible counts (non-zero first, then
    zeros) are hidden too until neither holds. When everything is hidden, the total equals the hidden
    sum, and a total below k is itself suppressed by the caller. `tersembunyi` carries hides already
    decided (e.g. from the other dimension of a table).
    """
    sembunyi = list(tersembunyi) if tersembunyi is not None else [False] * len(jumlah)
    sembunyi = [s or (0 < n < k) for s, n in zip(sembunyi, jumlah, strict=True)]

    def terbuka() -> list[tuple[bool, int, int]]:
        return sorted((n == 0, n, i) for i, n in enumerate(jumlah) if not sembunyi[i])

    while any(sembunyi):
        hitung = sum(sembunyi)
        total_tersembunyi = sum(n for n, s in zip(jumlah, sembunyi, strict=True) if s)
        if hitung >= 2 and not (0 < total_tersembunyi < k):
            break
        calon = terbuka()
        if not calon:
            break
        sembunyi[calon[0][2]] = True
    return sembunyi


def sembunyikan_persamaan(jumlah: list[int], persamaan: list[tuple[int, list[int]]], k: int,
                          biaya: list[int] | None = None) -> list[bool]:
    """Which cells to hide so that no published equation gives one back.

    `jumlah` holds every cell's count; each equation says cell `total` = the sum of cells `bagian`
    (a kecamatan and its villages, a region and its segments, a period and its months). Primary
    suppression hides 1 … k−1. Then, equation by equation until none changes: one hidden member
    alone would be the total minus the rest, and hidden parts beside a visible total must not add up
    to a small count; either way the smallest visible part (a non-zero before a zero) is hidden too,
    or the total when no part is left; among parts, those with the lower `biaya` go first (the
    branch keeps its headline figures when a lesser one can take their place). A cell hidden for one
    equation is hidden in every equation and on every surface that shows it, so no combination of
    them solves one unknown at a time.
    """
    if not persamaan:
        return sembunyikan_persamaan_datar(jumlah, [], [], k, biaya)
    panjang = np.fromiter((1 + len(b) for _, b in persamaan), dtype=np.int64, count=len(persamaan))
    anggota = list(chain.from_iterable((t, *b) for t, b in persamaan))
    return sembunyikan_persamaan_datar(jumlah, anggota, (np.cumsum(panjang) - panjang).tolist(), k, biaya)


def sembunyikan_persamaan_datar(jumlah: list[int], anggota: list[int], awal: list[int], k: int,
                                biaya: list[int] | None = None) -> list[bool]:
    """sembunyikan_persamaan with the equations laid end to end: `anggota` holds each equation's total
    then its parts, and `awal` where each equation starts in it."""
    biaya = biaya or [0] * len(jumlah)
    sembunyi = [0 < n < k for n in jumlah]
    if k <= 1 or not awal:
        return sembunyi
    jumlah_persamaan = len(awal)
    akhir = [*awal[1:], len(anggota)]
    # Every equation's first look at once: most are never touched again, and an equation is only
    # worked through when that first look says so or a cell of it has been hidden since.
    sel = np.asarray(anggota, dtype=np.int64)
    panjang = np.diff(np.asarray([*awal, len(anggota)], dtype=np.int64))
    milik = np.repeat(np.arange(jumlah_persamaan), panjang)
    n = np.asarray(jumlah, dtype=np.int64)
    kecil_awal = (n > 0) & (n < k)
    kecil_sel = kecil_awal[sel]
    total_kecil = kecil_sel[awal]
    kecil_bagian = kecil_sel.copy()
    kecil_bagian[awal] = False
    hitung_awal = np.bincount(milik, weights=kecil_sel, minlength=jumlah_persamaan)
    jumlah_awal = np.bincount(milik, weights=np.where(kecil_bagian, n[sel], 0), minlength=jumlah_persamaan)
    perlu = ((hitung_awal == 1) | (~total_kecil & (jumlah_awal > 0) & (jumlah_awal < k))).tolist()
    # The equations each cell is in, in equation order.
    urut = np.argsort(sel, kind="stable")
    persamaan_sel = milik[urut].tolist()
    sel_urut = sel[urut]
    nomor_sel = np.arange(len(jumlah))
    dari = np.searchsorted(sel_urut, nomor_sel, side="left").tolist()
    sampai = np.searchsorted(sel_urut, nomor_sel, side="right").tolist()

    kotor = [False] * jumlah_persamaan
    antrean = list(range(jumlah_persamaan))
    dalam_antrean = [True] * jumlah_persamaan
    while antrean:
        nomor = antrean.pop()
        dalam_antrean[nomor] = False
        if not (perlu[nomor] or kotor[nomor]):
            continue  # nothing of it changed since a first look that found nothing to do
        perlu[nomor] = kotor[nomor] = False
        total_ini = anggota[awal[nomor]]
        bagian_ini = anggota[awal[nomor] + 1:akhir[nomor]]
        while True:
            hitung, jumlah_tersembunyi = sembunyi[total_ini], 0
            for i in bagian_ini:
                if sembunyi[i]:
                    hitung += 1
                    jumlah_tersembunyi += jumlah[i]
            if hitung != 1 and (sembunyi[total_ini] or not 0 < jumlah_tersembunyi < k):
                break
            terbuka = min(((jumlah[i] == 0, biaya[i], jumlah[i], i) for i in bagian_ini if not sembunyi[i]),
                          default=None)
            pilihan = total_ini if terbuka is None else terbuka[-1]
            if sembunyi[pilihan]:
                break  # everything already hidden: nothing left to give away
            sembunyi[pilihan] = True
            for lain in persamaan_sel[dari[pilihan]:sampai[pilihan]]:
                if lain != nomor:
                    kotor[lain] = True
                    if not dalam_antrean[lain]:
                        dalam_antrean[lain] = True
                        antrean.append(lain)
    return sembunyi
