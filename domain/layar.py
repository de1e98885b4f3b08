"""The event screen's stage: its scenes and the goal's milestones. Plain rules, no I/O."""

from __future__ import annotations

from enum import StrEnum


class ModeLayar(StrEnum):
    """What the projector shows; staff switch it from a phone."""

    SAMBUTAN = "sambutan"  # welcome: the event, the place, the QR code to the staff form
    LANGSUNG = "langsung"  # live: the count climbing, the goal, the ticker
    PENUTUP = "penutup"  # closing summary: total, programmes, share choosing JHT, the goal reached


MODE_BAWAAN = ModeLayar.LANGSUNG
# The goal's quarters the stage celebrates once each as the count passes them.
TONGGAK_PERSEN = (25, 50, 75, 100)
# A goal larger than any village hall could register in a few days is a typing error.
TARGET_TERBESAR = 100_000


def mode_layar(nilai: str | None) -> ModeLayar:
    """The stored scene; an empty or unknown value reads as live, the screen's reason to exist."""
    try:
        return ModeLayar(nilai)
    except ValueError:
        return MODE_BAWAAN


def tonggak(jumlah: int, target: int | None) -> int:
    """The highest quarter of the goal reached (0, 25, 50, 75 or 100); 0 without a goal."""
    if not target or target <= 0:
        return 0
    return max((p for p in TONGGAK_PERSEN if jumlah * 100 >= p * target), default=0)


def kemajuan(jumlah: int, target: int | None) -> float | None:
    """Share of the goal reached, capped at 1 for drawing a bar; None without a goal."""
    if not target or target <= 0:
        return None
    return min(jumlah / target, 1.0)
