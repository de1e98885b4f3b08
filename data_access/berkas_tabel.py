"""Reading an uploaded table (CSV in any usual dialect, or .xlsx) into header and rows.

Tolerant of what spreadsheets do: a byte-order mark, Windows-1252 instead of UTF-8, `;` or tab
instead of `,`, title rows above the header, blank rows. Refuses before parsing what could hurt
the server: files over the size limit, binary files, and .xlsx archives that unpack to far more
than they weigh (zip bombs).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from domain.impor import normalkan_kolom

BATAS_BYTE_BAWAAN = 25 * 1024 * 1024  # matches server.maxUploadSize in .streamlit/config.toml
# An .xlsx of tens of MB legitimately unpacks to a few hundred; more than this is refused unread.
BATAS_BYTE_TERURAI = 300 * 1024 * 1024
RASIO_TERURAI_MAKSIMUM = 150
BARIS_CARI_HEADER = 30
PEMISAH = (",", ";", "\t", "|")


class BerkasDitolak(ValueError):
    """The file cannot be read as a table; the message says why, in Bahasa Indonesia."""


@dataclass(frozen=True)
class Tabel:
    header: list[str]
    baris: list[tuple[int, list[Any]]]  # (row number in the file, 1-based; cells, None when empty)
    keterangan: str  # how it was read, for the summary: "CSV ';' UTF-8, judul kolom di baris 3"


def baca_tabel(isi: bytes, nama_berkas: str, kata_header: set[str], batas_byte: int = BATAS_BYTE_BAWAAN) -> Tabel:
    """Read a CSV or .xlsx file; the header row is the first of the top rows naming at least two
    known columns (`kata_header`, normalised names)."""
    if len(isi) > batas_byte:
        raise BerkasDitolak(f"Berkas {len(isi) / 1024 / 1024:.1f} MB melebihi batas {batas_byte / 1024 / 1024:.0f} MB.")
    if not isi.strip():
        raise BerkasDitolak("Berkas kosong.")
    if isi[:4] == b"PK\x03\x04":
        return _baca_xlsx(isi, kata_header)
    if isi[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BerkasDitolak("Berkas Excel lama (.xls) tidak didukung; simpan sebagai .xlsx atau .csv.")
    return _baca_csv(isi, kata_header)


def _dekode(isi: bytes) -> tuple[str, str]:
    if b"\x00" in isi[:4096]:
        raise BerkasDitolak("Berkas ini bukan teks (CSV) maupun .xlsx.")
    if isi.startswith(b"\xef\xbb\xbf"):
        return isi[3:].decode("utf-8", errors="strict"), "UTF-8 (BOM)"
    try:
        return isi.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return isi.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise BerkasDitolak("Huruf dalam berkas tidak terbaca (bukan UTF-8 atau Windows-1252).") from None


def _pemisah(teks: str) -> str:
    """The delimiter that splits the most of the first lines into the same number (>1) of fields."""
    contoh = teks.splitlines()[:60]
    terbaik, skor_terbaik = ",", -1
    for p in PEMISAH:
        jumlah = [len(b) for b in csv.reader(contoh, delimiter=p) if any(s.strip() for s in b)]
        if not jumlah:
            continue
        modus = max(set(jumlah), key=jumlah.count)
        skor = jumlah.count(modus) * (modus > 1) * modus
        if skor > skor_terbaik:
            terbaik, skor_terbaik = p, skor
    return terbaik


def _cari_header(baris: list[list[Any]], kata_header: set[str]) -> int:
    for i, sel in enumerate(baris[:BARIS_CARI_HEADER]):
        if sum(normalkan_kolom(s) in kata_header for s in sel if s is not None) >= 2:
            return i
    raise BerkasDitolak(f"Baris judul kolom tidak ditemukan di {BARIS_CARI_HEADER} baris pertama. Kolom yang "
                        f"dikenali antara lain: {', '.join(sorted(kata_header)[:12])}.")


def _susun(semua: list[list[Any]], kata_header: set[str], keterangan: str) -> Tabel:
    i = _cari_header(semua, kata_header)
    header = [("" if h is None else str(h)).strip() for h in semua[i]]
    while header and not header[-1]:
        header.pop()
    isi = []
    for nomor, sel in enumerate(semua[i + 1:], start=i + 2):
        sel = [None if (s is None or (isinstance(s, str) and not s.strip())) else s for s in sel]
        if not any(s is not None for s in sel):
            continue
        isi.append((nomor, (sel + [None] * len(header))[:max(len(header), len(sel))]))
    return Tabel(header, isi, f"{keterangan}, judul kolom di baris {i + 1}")


def _baca_csv(isi: bytes, kata_header: set[str]) -> Tabel:
    teks, pengodean = _dekode(isi)
    pemisah = _pemisah(teks)
    try:
        semua = list(csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah))
    except csv.Error as e:
        raise BerkasDitolak(f"CSV rusak: {e}.") from None
    nama = {"\t": "tab", ",": "koma", ";": "titik koma", "|": "garis tegak"}[pemisah]
    return _susun([list(b) for b in semua], kata_header, f"CSV dipisah {nama}, {pengodean}")


def periksa_zip(isi: bytes, jenis: str = ".xlsx") -> list[zipfile.ZipInfo]:
    """The archive's entries, after refusing a broken archive or one that unpacks to far more than it
    weighs (a zip bomb), without unpacking anything."""
    try:
        daftar = zipfile.ZipFile(io.BytesIO(isi)).infolist()
    except zipfile.BadZipFile:
        raise BerkasDitolak(f"Berkas {jenis} rusak.") from None
    terurai = sum(f.file_size for f in daftar)
    if terurai > BATAS_BYTE_TERURAI or terurai > RASIO_TERURAI_MAKSIMUM * max(len(isi), 1):
        raise BerkasDitolak(f"Berkas {jenis} ini terurai jauh lebih besar dari ukurannya (bom zip); ditolak tanpa "
                            "dibuka.")
    return daftar


def _baca_xlsx(isi: bytes, kata_header: set[str]) -> Tabel:
    periksa_zip(isi)
    import openpyxl  # only for .xlsx: keeps CSV imports light

    try:
        buku = openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a broken workbook
        raise BerkasDitolak(f"Berkas .xlsx tidak dapat dibaca ({type(e).__name__}).") from None
    try:
        lembar = buku.worksheets[0]
        semua = [list(b) for b in lembar.iter_rows(values_only=True)]
    finally:
        buku.close()
    return _susun(semua, kata_header, f"Excel, lembar '{lembar.title}'")
