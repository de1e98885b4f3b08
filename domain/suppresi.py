"""Small-count suppression for public views: counts from 1 to k−1 are never shown.

A suppressed count is None (shown as '<k'). A percentage whose numerator is a suppressed count is
suppressed with it, since percentage × denominator would give the count back.
"""

from __future__ import annotations

import os

K_BAWAAN = 5


def k_suppresi() -> int:
    """The threshold k from DESA_SADAR_K (default 5); never below 2, where suppression would be void."""
    try:
        return max(2, int(os.environ.get("DESA_SADAR_K", K_BAWAAN)))
    except ValueError:
        return K_BAWAAN


def sembunyikan(nilai: int | None, k: int) -> int | None:
    """The count itself, or None when it is a small count (1 … k−1); zero stays zero."""
    if nilai is None or nilai == 0 or nilai >= k:
        return nilai
    return None


def label_tersembunyi(k: int) -> str:
    return f"<{k}"


def nilai_publik(nilai: list[float | None], pembilang: list[int | None], k: int) -> tuple[list, list[bool]]:
    """Values safe to show publicly, and which were suppressed.

    A value is hidden when its numerator (the count it was computed from, or the count itself) is a
    small count; the value's own None (no data) is kept as None but not flagged as suppressed.
    """
    aman, tersembunyi = [], []
    for v, n in zip(nilai, pembilang, strict=True):
        sembunyi = n is not None and sembunyikan(int(n), k) is None
        aman.append(None if sembunyi else v)
        tersembunyi.append(sembunyi)
    return aman, tersembunyi
