"""Tables as downloadable files (CSV and XLSX), safe to open in a spreadsheet.

The file holds exactly what the screen shows, so the role's suppression carries over. Cells that a
spreadsheet would run as a formula are neutralised: in CSV by a leading apostrophe (=, +, -, @, tab,
CR), in XLSX by storing them as text.
"""

from __future__ import annotations

import io
from typing import Any

import pandas as pd

from tampilan.format import aman_untuk_spreadsheet


def sebagai_tabel(data: Any) -> pd.DataFrame:
    """A DataFrame from what st.dataframe was given (a DataFrame or a dict of columns)."""
    return data.copy() if isinstance(data, pd.DataFrame) else pd.DataFrame(data)


def ke_csv(data: Any) -> bytes:
    """UTF-8 with a byte-order mark, so Excel on Windows reads the accents right."""
    return aman_untuk_spreadsheet(sebagai_tabel(data)).to_csv(index=False).encode("utf-8-sig")


def ke_xlsx(data: Any, judul: str, catatan: str | None = None) -> bytes:
    """One sheet: an optional note row (e.g. the demo label), then the header and the rows as text
    and numbers; nothing is ever written as a formula."""
    import openpyxl

    df = sebagai_tabel(data)
    buku = openpyxl.Workbook()
    lembar = buku.active
    lembar.title = "".join(c for c in judul if c not in '[]:*?/\\')[:31] or "Tabel"
    if catatan:
        lembar.append([catatan])
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def teks(v: Any) -> str:
        # A control character typed or pasted into a form would make openpyxl refuse the whole file.
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", str(v))

    lembar.append([teks(c) for c in df.columns])
    for baris in df.itertuples(index=False):
        lembar.append([None if (v is None or (isinstance(v, float) and v != v)) else
                       (v if isinstance(v, (int, float)) else teks(v)) for v in baris])
    for baris in lembar.iter_rows():
        for sel in baris:
            if isinstance(sel.value, str) and sel.value.startswith("="):
                sel.data_type = "s"  # openpyxl would otherwise store it as a formula
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()
