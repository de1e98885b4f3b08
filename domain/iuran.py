"""Contributions as the domain sees them: which definition of "active" holds where."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DefinisiAktif:
    """Which definition of "active" holds in a region and segment: the grace period in months, and
    per segment whose payments the exports cover, (segment, first month covered, month the data is
    current to). Where no segment is covered the enrolment periods decide."""

    tenggang: int
    cakupan: tuple[tuple[str, date, date], ...]
