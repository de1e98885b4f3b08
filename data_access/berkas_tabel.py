"""Reading an uploaded table (CSV in any usual dialect, or .xlsx) into a header and a stream of rows.

Tolerant of what spreadsheets do: a byte-order mark, Windows-1252 instead of UTF-8, `;` or tab
instead of `,`, title rows above the header, blank rows. Refuses before parsing what could hurt
the server: files over the size limit, binary files, and .xlsx archives that unpack to far more
than they weigh (zip bombs). Rows are read one at a time, never the whole sheet at once: only the
first BATAS_KOLOM columns are read (an .xlsx with one cell in column XFD would otherwise become a
16,384-column row), and a file with more data rows than its limit (BATAS_BARIS unless the caller
gives another) is refused when the reader gets there. A file that breaks while it is read (a truncated sheet, a cell over the CSV field
limit) raises BerkasDitolak from the iterator, with where it broke.
"""

from __future__ import annotations

import csv
import io
import itertools
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from domain.urai import normalkan_kolom

BATAS_BYTE_BAWAAN = 25 * 1024 * 1024  # matches server.maxUploadSize in .streamlit/config.toml
# An .xlsx of tens of MB legitimately unpacks to a few hundred; more than this is refused unread.
BATAS_BYTE_TERURAI = 300 * 1024 * 1024
RASIO_TERURAI_MAKSIMUM = 150
BARIS_CARI_HEADER = 30
BATAS_BARIS = 200_000
BATAS_KOLOM = 100
BATAS_SEL_CSV = 128 * 1024  # Python's csv default, said here so the message can say it
PEMISAH = (",", ";", "\t", "|")


class BerkasDitolak(ValueError):
    """The file cannot be read as a table; the message says why, in Bahasa Indonesia (str) and,
    where given, in English (`en`)."""

    def __init__(self, pesan: str, en: str = "") -> None:
        super().__init__(pesan)
        self.en = en


@dataclass(frozen=True)
class Tabel:
    header: list[str]
    baris: Iterator[tuple[int, list[Any]]]  # (row number in the file, 1-based; cells, None when empty)
    keterangan: str  # how it was read, for the summary: "CSV dipisah titik koma, UTF-8, judul kolom di baris 3"
    perkiraan_baris: int | None = None  # lines in the file, for progress; None when unknown
    keterangan_en: str = ""


def baca_tabel(isi: bytes, nama_berkas: str, kata_header: set[str], batas_byte: int = BATAS_BYTE_BAWAAN,
               batas_baris: int = BATAS_BARIS) -> Tabel:
    """Read a CSV or .xlsx file; the header row is the first of the top rows naming at least two
    known columns (`kata_header`, normalised names). More than `batas_baris` data rows break the
    stream when the reader gets there."""
    if len(isi) > batas_byte:
        mb, batas = f"{len(isi) / 1024 / 1024:.1f}", f"{batas_byte / 1024 / 1024:.0f}"
        raise BerkasDitolak(f"Berkas {mb.replace('.', ',')} MB melebihi batas {batas} MB.",
                            f"The file is {mb} MB, over the {batas} MB limit.")
    if not isi.strip():
        raise BerkasDitolak("Berkas kosong.", "The file is empty.")
    if isi[:4] == b"PK\x03\x04":
        return _baca_xlsx(isi, kata_header, batas_baris)
    if isi[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise BerkasDitolak("Berkas Excel lama (.xls) tidak didukung; simpan sebagai .xlsx atau .csv.",
                            "Old Excel files (.xls) are not supported; save it as .xlsx or .csv.")
    return _baca_csv(isi, kata_header, batas_baris)


def _dekode(isi: bytes) -> tuple[str, str, int]:
    """The file's codec, its name for the summary, and where its text starts (after a byte-order
    mark). The whole file is decoded once to be sure of the codec, then let go: the rows are decoded
    line by line as they are read."""
    if b"\x00" in isi[:4096]:
        raise BerkasDitolak("Berkas ini bukan teks (CSV) maupun .xlsx.", "This file is neither text (CSV) nor .xlsx.")
    if isi.startswith(b"\xef\xbb\xbf"):
        try:
            isi[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise BerkasDitolak("Huruf dalam berkas tidak terbaca (bukan UTF-8 atau Windows-1252).",
                                "The file's characters cannot be read (neither UTF-8 nor Windows-1252).") from None
        return "utf-8", "UTF-8 (BOM)", 3
    for codec, nama in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            isi.decode(codec)
            return codec, nama, 0
        except UnicodeDecodeError:
            pass
    raise BerkasDitolak("Huruf dalam berkas tidak terbaca (bukan UTF-8 atau Windows-1252).",
                        "The file's characters cannot be read (neither UTF-8 nor Windows-1252).")


def _pemisah(teks: str) -> str:
    """The delimiter that splits the most of the first lines into the same number (>1) of fields."""
    # Lines end at \n (or \r\n) only, as the csv module reads them: str.splitlines() also breaks at
    # \x0c, \x85 and other separators a cell may hold, and those fragments outvoted the real rows.
    contoh = [baris.rstrip("\r")[:BATAS_SEL_CSV] for baris in teks.split("\n", 60)[:60]]
    terbaik, skor_terbaik = ",", -1
    for p in PEMISAH:
        try:
            jumlah = [len(b) for b in csv.reader(contoh, delimiter=p) if any(s.strip() for s in b)]
        except csv.Error:
            continue
        if not jumlah:
            continue
        modus = max(set(jumlah), key=lambda n: (jumlah.count(n), n))  # a tie goes to the wider rows
        skor = jumlah.count(modus) * (modus > 1) * modus
        if skor > skor_terbaik:
            terbaik, skor_terbaik = p, skor
    return terbaik


def _cari_header(awal: list[list[Any]], kata_header: set[str]) -> int:
    for i, sel in enumerate(awal):
        if sum(normalkan_kolom(s) in kata_header for s in sel if s is not None) >= 2:
            return i
    contoh = ", ".join(sorted(kata_header)[:12])
    raise BerkasDitolak(f"Baris judul kolom tidak ditemukan di {BARIS_CARI_HEADER} baris pertama. Kolom yang "
                        f"dikenali antara lain: {contoh}.",
                        f"No header row in the first {BARIS_CARI_HEADER} rows. Known columns include: {contoh}.")


def _susun(baris: Iterator[list[Any]], kata_header: set[str], keterangan: tuple[str, str],
           perkiraan_baris: int | None = None, batas_baris: int = BATAS_BARIS) -> Tabel:
    """The header among the first rows, then the rows under it as a stream."""
    awal = []
    for sel in baris:
        awal.append(sel[:BATAS_KOLOM])
        if len(awal) == BARIS_CARI_HEADER:
            break
    i = _cari_header(awal, kata_header)
    header = [("" if h is None else str(h)).strip() for h in awal[i]]
    while header and not header[-1]:
        header.pop()

    def isi() -> Iterator[tuple[int, list[Any]]]:
        jumlah = 0
        semua = (sel[:BATAS_KOLOM] for sel in baris)
        for nomor, sel in enumerate(itertools.chain(awal[i + 1:], semua), start=i + 2):
            sel = [None if (s is None or (isinstance(s, str) and not s.strip())) else s for s in sel]
            if not any(s is not None for s in sel):
                continue
            jumlah += 1
            if jumlah > batas_baris:
                raise BerkasDitolak(f"Berkas memuat lebih dari {batas_baris:,} baris data".replace(",", ".")
                                    + "; bagi menjadi beberapa berkas lalu impor satu per satu.",
                                    f"The file holds more than {batas_baris:,} data rows; split it into several "
                                    "files and import them one by one.")
            yield nomor, (sel + [None] * len(header))[:max(len(header), len(sel))]

    return Tabel(header, isi(), f"{keterangan[0]}, judul kolom di baris {i + 1}", perkiraan_baris,
                 f"{keterangan[1]}, header on row {i + 1}")


def _baris_teks(isi: bytes, codec: str, awal: int) -> Iterator[str]:
    """The file's lines with their endings, decoded one at a time: a 50 MB export is not held a
    second time as text (io.StringIO would hold it at four bytes a character). A file with lone
    carriage returns is the exception: io.StringIO splits those lines as the csv module expects.
    A newline byte never occurs inside a UTF-8 or Windows-1252 character, so cutting there is safe."""
    if isi.count(b"\r") != isi.count(b"\r\n"):
        yield from io.StringIO(isi[awal:].decode(codec), newline="")
        return
    while awal < len(isi):
        akhir = isi.find(b"\n", awal) + 1 or len(isi)
        yield isi[awal:akhir].decode(codec)
        awal = akhir


def _baca_csv(isi: bytes, kata_header: set[str], batas_baris: int = BATAS_BARIS) -> Tabel:
    codec, pengodean, awal = _dekode(isi)
    pemisah = _pemisah("".join(itertools.islice(_baris_teks(isi, codec, awal), 61)))
    pembaca = csv.reader(_baris_teks(isi, codec, awal), delimiter=pemisah)

    def baris() -> Iterator[list[Any]]:
        try:
            yield from pembaca
        except csv.Error as e:
            if "field larger than field limit" in str(e):
                raise BerkasDitolak(f"Sebuah sel di sekitar baris {pembaca.line_num} lebih dari "
                                    f"{BATAS_SEL_CSV // 1024} KB; periksa tanda kutip yang tidak ditutup.",
                                    f"A cell near line {pembaca.line_num} is over {BATAS_SEL_CSV // 1024} KB; look "
                                    "for a quotation mark that is never closed.") from None
            raise BerkasDitolak(f"CSV rusak di sekitar baris {pembaca.line_num}.",
                                f"The CSV is broken near line {pembaca.line_num}.") from None

    nama = {"\t": ("tab", "tabs"), ",": ("koma", "commas"), ";": ("titik koma", "semicolons"),
            "|": ("garis tegak", "vertical bars")}[pemisah]
    return _susun(baris(), kata_header, (f"CSV dipisah {nama[0]}, {pengodean}", f"CSV separated by {nama[1]}, {pengodean}"),
                  isi.count(b"\n") + 1, batas_baris)


def periksa_zip(isi: bytes, jenis: str = ".xlsx") -> list[zipfile.ZipInfo]:
    """The archive's entries, after refusing a broken archive or one that unpacks to far more than it
    weighs (a zip bomb), without unpacking anything."""
    try:
        daftar = zipfile.ZipFile(io.BytesIO(isi)).infolist()
    except zipfile.BadZipFile:
        raise BerkasDitolak(f"Berkas {jenis} rusak.", f"The {jenis} file is damaged.") from None
    terurai = sum(f.file_size for f in daftar)
    if terurai > BATAS_BYTE_TERURAI or terurai > RASIO_TERURAI_MAKSIMUM * max(len(isi), 1):
        raise BerkasDitolak(f"Berkas {jenis} ini terurai jauh lebih besar dari ukurannya (bom zip); ditolak tanpa "
                            "dibuka.", f"This {jenis} file unpacks to far more than it weighs (a zip bomb); refused "
                            "unopened.")
    return daftar


def _baca_xlsx(isi: bytes, kata_header: set[str], batas_baris: int = BATAS_BARIS) -> Tabel:
    periksa_zip(isi)
    import openpyxl  # only for .xlsx: keeps CSV imports light

    try:
        buku = openpyxl.load_workbook(io.BytesIO(isi), read_only=True, data_only=True)
        lembar = buku.worksheets[0]
        judul = str(lembar.title)
        perkiraan = lembar.max_row  # from the sheet's <dimension>, when the writer gave one
        # openpyxl stops at the declared dimension: a sheet that understates it would lose rows silently.
        lembar.reset_dimensions()
    except Exception as e:  # openpyxl raises many kinds for a broken workbook
        raise BerkasDitolak(f"Berkas .xlsx tidak dapat dibaca ({_jenis_galat(e)}).",
                            f"The .xlsx file cannot be read ({_jenis_galat(e, 'en')}).") from None

    def baris() -> Iterator[list[Any]]:
        nomor = 0
        try:
            for sel in lembar.iter_rows(max_col=BATAS_KOLOM, values_only=True):
                nomor += 1
                sel = list(sel)
                while sel and sel[-1] is None:  # iter_rows pads every row to max_col
                    sel.pop()
                yield sel
        except BerkasDitolak:
            raise
        except Exception as e:  # a truncated or malformed sheet breaks while it streams
            raise BerkasDitolak(f"Lembar '{judul}' rusak setelah baris {nomor} ({_jenis_galat(e)}); simpan ulang "
                                "berkasnya dari Excel.", f"Sheet '{judul}' is damaged after row {nomor} "
                                f"({_jenis_galat(e, 'en')}); save the file again from Excel.") from None
        finally:
            buku.close()

    return _susun(baris(), kata_header, (f"Excel, lembar '{judul}'", f"Excel, sheet '{judul}'"), perkiraan,
                  batas_baris)


_GALAT = {"ParseError": ("XML tidak lengkap", "incomplete XML"), "BadZipFile": ("arsip rusak", "damaged archive"),
          "KeyError": ("bagian berkas hilang", "a part of the file is missing"),
          "InvalidFileException": ("bukan buku kerja Excel", "not an Excel workbook")}


def _jenis_galat(e: Exception, bahasa: str = "id") -> str:
    """What kind of damage, in words a user can pass on: never the library's own text."""
    kata = _GALAT.get(type(e).__name__, ("isi tidak terbaca", "unreadable content"))
    return kata[1 if bahasa == "en" else 0]
