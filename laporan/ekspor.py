"""Tables as downloadable files (CSV and XLSX), safe to open in a spreadsheet.

The file holds exactly what the screen shows, so the role's suppression carries over. Cells that a
spreadsheet would run as a formula are neutralised: in CSV by a leading apostrophe (=, +, -, @, tab,
CR), in XLSX by storing them as text.
"""

from __future__ import annotations

import io
import math
import re
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
    and numbers; nothing is ever written as a formula.

    Written with XlsxWriter: a page builds a file for each table it shows, and openpyxl, which keeps
    a cell object per value and writes a full style sheet, took 4–7 ms for a 20-row table against
    about 1 ms (openpyxl still reads imported sheets)."""
    import xlsxwriter
    import xlsxwriter.exceptions

    df = sebagai_tabel(data)
    keluaran = io.BytesIO()
    buku = xlsxwriter.Workbook(keluaran, {"in_memory": True})
    # Excel's own rules for a sheet name: none of []:*?/\, at most 31 characters, no apostrophe at either end.
    nama = "".join(c for c in judul if c not in '[]:*?/\\')[:31].strip("'")
    try:
        lembar = buku.add_worksheet(nama or "Tabel")
    except xlsxwriter.exceptions.InvalidWorksheetName:  # any other rule of Excel's ('History' is reserved)
        lembar = buku.add_worksheet("Tabel")
    baris_ke = 0
    if catatan:
        _tulis(lembar, 0, [catatan])
        baris_ke = 1
    _tulis(lembar, baris_ke, [str(c) for c in df.columns])
    for i, baris in enumerate(df.itertuples(index=False), start=baris_ke + 1):
        _tulis(lembar, i, baris)
    buku.close()
    return keluaran.getvalue()


def _tulis(lembar, baris: int, nilai) -> None:
    """A row's values: numbers as numbers, True/False as such, empty, '' and non-finite as blank, and
    everything else as text, never read as a formula, a number or a link (write_string)."""
    for kolom, v in enumerate(nilai):
        if v is None or (isinstance(v, str) and not v) or (isinstance(v, float) and not math.isfinite(v)):
            continue
        if isinstance(v, bool):
            lembar.write_boolean(baris, kolom, v)
        elif isinstance(v, (int, float)):
            lembar.write_number(baris, kolom, v)
        else:
            # A control character typed or pasted into a form has no place in a sheet's XML.
            lembar.write_string(baris, kolom, _KARAKTER_TERLARANG.sub("\ufffd", str(v)))


# The characters XML 1.0 does not allow (as openpyxl's ILLEGAL_CHARACTERS_RE).
_KARAKTER_TERLARANG = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")
