"""Indonesian formats for numbers, money, percentages and dates (1.234.567; Rp16.800; 3 September 2019).

English mode keeps the Indonesian grouping for numbers and money (the figures are Indonesian) and
changes only month names, so a deck switched to English still matches the source reports.
"""

from __future__ import annotations

import html
from typing import Any
import re
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd
from babel.dates import format_date
from babel.numbers import format_decimal

from domain.suppresi import kecil

BULAN_ID = {
    1: "Januari", 2: "Februari", 3: "Maret", 4: "April", 5: "Mei", 6: "Juni",
    7: "Juli", 8: "Agustus", 9: "September", 10: "Oktober", 11: "November", 12: "Desember",
}

LOKAL_ANGKA = "id_ID"
# Python's own grouping (1,234.5) with the separators swapped is what Babel writes for id_ID (equal on
# 300,000 random values; tests/tampilan/test_format.py compares the two) at a tenth of the cost for a
# whole number and a fifth for a decimal, and a page writes a few hundred numbers per rerun.
_PEMISAH_ID = str.maketrans(",.", ".,")

# Vega-Lite's d3 locale for charts, so axes and tooltips group digits as 1.234.567 and name the
# months in Bahasa Indonesia.
VEGA_LOKAL_ANGKA = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["Rp", ""]}
VEGA_LOKAL_WAKTU = {
    "dateTime": "%A, %e %B %Y %X",
    "date": "%d/%m/%Y",
    "time": "%H.%M.%S",
    "periods": ["AM", "PM"],
    "days": ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
    "shortDays": ["Min", "Sen", "Sel", "Rab", "Kam", "Jum", "Sab"],
    "months": list(BULAN_ID.values()),
    "shortMonths": ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
}


def _kosong(nilai) -> bool:
    """None, NaN and pandas' NA all mean 'no data'."""
    try:
        return nilai is None or bool(nilai != nilai)
    except TypeError:  # pandas.NA refuses to be a bool
        return True


def angka(nilai: float | int | None) -> str:
    """1234567 -> '1.234.567'; None -> '–' (no data, never a zero that was not measured)."""
    if _kosong(nilai):
        return "–"
    return f"{int(round(nilai)):,}".translate(_PEMISAH_ID)


def desimal(nilai: float | None, digit: int = 1) -> str:
    """1234.56 -> '1.234,6': rounded half to even on the decimal the number prints as, as Babel does."""
    if _kosong(nilai):
        return "–"
    tepat = nilai if isinstance(nilai, Decimal) else Decimal(str(nilai))
    if not tepat.is_finite():
        return format_decimal(nilai, format="#,##0." + "0" * digit, locale=LOKAL_ANGKA)
    return f"{tepat.quantize(Decimal(1).scaleb(-digit), ROUND_HALF_EVEN):,.{digit}f}".translate(_PEMISAH_ID)


def persen(nilai: float | None, digit: int = 1) -> str:
    """12.34 (already in percent) -> '12,3%'."""
    if _kosong(nilai):
        return "–"
    return f"{desimal(nilai, digit)}%"


def rupiah(nilai: float | int | None) -> str:
    """16800 -> 'Rp16.800'; -5 -> '-Rp5', as Babel writes IDR for id_ID (tested against it): Babel's
    first currency of a process loads its locale data, 60 ms of the first page's key messages."""
    if _kosong(nilai):
        return "–"
    bulat = int(round(nilai))
    return f"{'-' if bulat < 0 else ''}Rp{angka(abs(bulat))}"


SATUAN_RUPIAH = ((10**12, "triliun", "trillion"), (10**9, "miliar", "billion"), (10**6, "juta", "million"))


def rupiah_ringkas(nilai: float | int | None, bahasa: str = "id") -> str:
    """3169311000 -> 'Rp3,17 miliar' (English 'Rp3,17 billion'): a tile's width; below a million in full."""
    if _kosong(nilai):
        return "–"
    for batas, id_, en in SATUAN_RUPIAH:
        if abs(nilai) >= batas:
            return f"Rp{desimal(nilai / batas, 2)} {en if bahasa == 'en' else id_}"
    return rupiah(nilai)


def tanggal(d: date | None, bahasa: str = "id") -> str:
    """date(2019, 9, 3) -> '3 September 2019' (English: 'September 3, 2019')."""
    if d is None:
        return "–"
    if bahasa == "en":
        return format_date(d, format="MMMM d, y", locale="en")
    return f"{d.day} {BULAN_ID[d.month]} {d.year}"


def bulan_tahun(d: date, bahasa: str = "id") -> str:
    if bahasa == "en":
        return format_date(d, format="MMM y", locale="en")
    return f"{BULAN_ID[d.month][:3]} {d.year}"


def bulan_tahun_panjang(d: date, bahasa: str = "id") -> str:
    """date(2019, 7, 1) -> 'Juli 2019' (English: 'July 2019')."""
    if bahasa == "en":
        return format_date(d, format="MMMM y", locale="en")
    return f"{BULAN_ID[d.month]} {d.year}"


def perubahan(nilai: float | None) -> str:
    """A signed change in percent: '+12,5%' or '−3,0%'."""
    if _kosong(nilai):
        return "–"
    tanda = "+" if nilai >= 0 else "−"
    return f"{tanda}{desimal(abs(nilai))}%"


def selisih(nilai: float | None) -> str:
    """A signed difference of counts: '+1.234' or '−56' (rounded first: never '−0')."""
    if _kosong(nilai):
        return "–"
    nilai = round(nilai)
    tanda = "+" if nilai >= 0 else "−"
    return f"{tanda}{angka(abs(nilai))}"


_MARKDOWN_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def aman_markdown(teks: str) -> str:
    """Text from files or forms made inert for Streamlit's Markdown: every special character escaped.

    Names are data, not markup: '[klik](javascript:...)' or '<img ...>' must show as typed.
    """
    return _MARKDOWN_KHUSUS.sub(r"\\\1", str(teks))


# Braces as character references: branca, under folium, compiles each rendered piece of the map as
# a Jinja template again, so a name holding "{{ ... }}" was evaluated on the server (Python code in an
# event's name ran when Peta was drawn). Inside HTML the references show as the braces typed.
_KURUNG_KURAWAL = str.maketrans({"{": "&#123;", "}": "&#125;"})


def aman_html(teks) -> str:
    """Text from files or forms made inert inside HTML (tags, quotes, ampersands and braces escaped)."""
    return html.escape(str(teks), quote=True).translate(_KURUNG_KURAWAL)


def label_periode(kunci: str, hari_ini: date, bahasa: str = "id") -> str:
    """A human label: 'Tahun 2024', 'Kuartal 3 2024', '2026 s.d. hari ini'."""
    en = bahasa == "en"
    if kunci == "ytd":
        return f"{hari_ini.year} to date" if en else f"{hari_ini.year} s.d. hari ini"
    if kunci == "12b":
        return "Last 12 months" if en else "12 bulan terakhir"
    if re.fullmatch(r"\d{4}", kunci):
        return f"Year {kunci}" if en else f"Tahun {kunci}"
    if m := re.fullmatch(r"(\d{4})-K([1-4])", kunci):
        k = int(m.group(2))
        rentang = f"{BULAN_ID[3 * k - 2][:3]}–{BULAN_ID[3 * k][:3]}"
        return f"Q{k} {m.group(1)}" if en else f"Kuartal {k} {m.group(1)} ({rentang})"
    if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", kunci):
        return rentang_tanggal(date.fromisoformat(m.group(1)), date.fromisoformat(m.group(2)), bahasa)
    return kunci


def rentang_tanggal(mulai: date, selesai: date, bahasa: str = "id") -> str:
    """'1 Januari–1 Desember 2026', '3–9 Maret 2026', '1 Desember 2025–31 Januari 2026'; English
    'January 1–December 1, 2026'. The year (and month) are written once when both ends share them."""
    if mulai == selesai:
        return tanggal(mulai, bahasa)
    if bahasa == "en":
        if mulai.year != selesai.year:
            return f"{tanggal(mulai, bahasa)}–{tanggal(selesai, bahasa)}"
        awal = format_date(mulai, format="MMMM d", locale="en")
        akhir = str(selesai.day) if mulai.month == selesai.month else format_date(selesai, format="MMMM d", locale="en")
        return f"{awal}–{akhir}, {selesai.year}"
    if mulai.year != selesai.year:
        return f"{tanggal(mulai)}–{tanggal(selesai)}"
    if mulai.month != selesai.month:
        return f"{mulai.day} {BULAN_ID[mulai.month]}–{tanggal(selesai)}"
    return f"{mulai.day}–{tanggal(selesai)}"


def label_tersembunyi(k: int) -> str:
    return f"<{k}"


def tampil_hitungan(nilai: int | None, k: int) -> str:
    """A count as shown: '1.234', or '<k' for a small count, or '–' for no data."""
    return label_tersembunyi(k) if kecil(nilai, k) else angka(nilai)


# A count the presentation step hid (tampilan.publik): a small one or one that would give a small
# one back. One neutral mark for both, since "<5" beside a hidden 13 would be untrue and telling
# which is which would narrow them down.
TANDA_TERSEMBUNYI = "•"


def hitungan(nilai: int | None, k: int) -> str:
    """A count from the presentation step: '1.234', or the hidden mark where it is missing."""
    if nilai is None or pd.isna(nilai):
        return TANDA_TERSEMBUNYI if k > 1 else angka(None)
    return angka(int(nilai))


_AWAL_RUMUS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def aman_untuk_spreadsheet(df: pd.DataFrame) -> pd.DataFrame:
    """Cells and column headers starting (after any spaces) with = + - @, their fullwidth forms, or a
    tab or line break are prefixed with ' so a spreadsheet shows them as text instead of running
    them as formulas (CSV injection). Headers matter: event names become columns in comparisons."""
    def aman(v: Any) -> Any:
        return "'" + v if isinstance(v, str) and v.lstrip(" ")[:1] in _AWAL_RUMUS else v

    hasil = df.copy(deep=False)
    for i, (_, kolom) in enumerate(df.items()):
        # Numbers, booleans and dates are written as values, never as formulas; a text column is
        # rewritten only when a cell needs it (a cell at a time was most of a table's CSV).
        if (kolom.dtype == object or isinstance(kolom.dtype, (pd.StringDtype, pd.CategoricalDtype))) \
                and any(aman(v) is not v for v in kolom.tolist()):
            hasil.isetitem(i, kolom.map(aman))
    hasil.columns = [aman(c) for c in df.columns]
    return hasil
