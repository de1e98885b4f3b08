"""Small-count suppression for public views: counts from 1 to k−1 are never shown.

A suppressed count is None (shown as '<k'). A percentage whose numerator is a suppressed count is
suppressed with it, since percentage × denominator would give the count back.
"""

from __future__ import annotations



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
    biaya = biaya or [0] * len(jumlah)
    sembunyi = [0 < n < k for n in jumlah]
    if k <= 1:
        return sembunyi
    anggota_dari: dict[int, list[int]] = {}
    for nomor, (total, bagian) in enumerate(persamaan):
        for sel in (total, *bagian):
            anggota_dari.setdefault(sel, []).append(nomor)
    antrean = list(range(len(persamaan)))
    dalam_antrean = [True] * len(persamaan)
    while antrean:
        nomor = antrean.pop()
        dalam_antrean[nomor] = False
        total, bagian = persamaan[nomor]
        while True:
            hitung = sembunyi[total] + sum(sembunyi[i] for i in bagian)
            jumlah_tersembunyi = sum(jumlah[i] for i in bagian if sembunyi[i])
            if hitung != 1 and (sembunyi[total] or not 0 < jumlah_tersembunyi < k):
                break
            terbuka = sorted((jumlah[i] == 0, biaya[i], jumlah[i], i) for i in bagian if not sembunyi[i])
            pilihan = terbuka[0][-1] if terbuka else total
            if sembunyi[pilihan]:
                break  # everything already hidden: nothing left to give away
            sembunyi[pilihan] = True
            for lain in anggota_dari[pilihan]:
                if lain != nomor and not dalam_antrean[lain]:
                    dalam_antrean[lain] = True
                    antrean.append(lain)
    return sembunyi
