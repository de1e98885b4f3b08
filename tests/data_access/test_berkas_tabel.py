"""Reading uploaded tables: the dialects spreadsheets produce, and hostile files refused before parsing."""

import io
import zipfile
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_access.berkas_tabel import BerkasDitolak, baca_tabel
from domain.impor import SKEMA

KATA = SKEMA["peserta"].semua_sinonim()
ISI = [["3326120305855001", "Wonopringgo", "BPU"], ["3326124305855002", "Kétanon Ageng", "BPU"]]


def _csv(pemisah: str, judul: int = 0) -> str:
    baris = [f"Laporan peserta{pemisah}{pemisah}"] * judul + [pemisah.join(["NIK", "Desa/Kelurahan", "Segmen"])]
    return "\r\n".join(baris + [pemisah.join(r) for r in ISI]) + "\r\n"


@pytest.mark.parametrize("pemisah", [",", ";", "\t", "|"])
@pytest.mark.parametrize("pengodean", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_in_any_usual_dialect_with_title_rows(pemisah, pengodean):
    tabel = baca_tabel(_csv(pemisah, judul=2).encode(pengodean), "x.csv", KATA)
    assert tabel.header == ["NIK", "Desa/Kelurahan", "Segmen"]
    assert [sel for _, sel in tabel.baris] == ISI
    assert [n for n, _ in tabel.baris] == [4, 5]  # row numbers as the spreadsheet shows them
    assert "judul kolom di baris 3" in tabel.keterangan


def test_quoted_cells_blank_rows_and_ragged_rows():
    teks = 'NIK;Desa;Catatan\n"3326120305855001";"Wonopringgo; Kec. Wonopringgo";"kata ""kutip"""\n;;\n\n1;2\n'
    tabel = baca_tabel(teks.encode(), "x.csv", KATA)
    assert tabel.baris[0][1] == ["3326120305855001", "Wonopringgo; Kec. Wonopringgo", 'kata "kutip"']
    assert tabel.baris[1] == (5, ["1", "2", None])


def _xlsx(baris: list[list]) -> bytes:
    buku = openpyxl.Workbook()
    for b in baris:
        buku.active.append(b)
    keluaran = io.BytesIO()
    buku.save(keluaran)
    return keluaran.getvalue()


def test_xlsx_with_a_title_row_keeps_typed_cells():
    isi = _xlsx([["Rekap peserta BPU"], [], ["NIK", "Desa", "Tgl Daftar", "Jumlah"],
                 ["3326120305855001", "Wonopringgo", datetime(2019, 9, 3), 2]])
    tabel = baca_tabel(isi, "x.xlsx", KATA)
    assert tabel.header == ["NIK", "Desa", "Tgl Daftar", "Jumlah"]
    assert tabel.baris == [(4, ["3326120305855001", "Wonopringgo", datetime(2019, 9, 3), 2])]
    assert tabel.keterangan.startswith("Excel")


def test_hostile_files_are_refused_before_parsing():
    with pytest.raises(BerkasDitolak, match="melebihi batas"):
        baca_tabel(b"NIK,Desa\n" + b"1,2\n" * 1000, "x.csv", KATA, batas_byte=1000)
    with pytest.raises(BerkasDitolak, match="bukan teks"):
        baca_tabel(b"\x00\x01\x02NIK,Desa", "x.csv", KATA)
    with pytest.raises(BerkasDitolak, match=r"\.xls"):
        baca_tabel(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "x.xls", KATA)
    with pytest.raises(BerkasDitolak, match="judul kolom tidak ditemukan"):
        baca_tabel(b"a,b,c\n1,2,3\n", "x.csv", KATA)
    with pytest.raises(BerkasDitolak, match="kosong"):
        baca_tabel(b"  \n", "x.csv", KATA)
    # A zip bomb dressed as .xlsx: 400 MB of zeros in a few hundred KB.
    bom = io.BytesIO()
    with zipfile.ZipFile(bom, "w", zipfile.ZIP_DEFLATED) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            nol = b"\x00" * (1024 * 1024)
            for _ in range(400):
                f.write(nol)
    with pytest.raises(BerkasDitolak, match="bom zip"):
        baca_tabel(bom.getvalue(), "x.xlsx", KATA)
    with pytest.raises(BerkasDitolak, match="rusak"):
        baca_tabel(b"PK\x03\x04" + b"sampah" * 50, "x.xlsx", KATA)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_table_or_a_clear_refusal(isi):
    try:
        tabel = baca_tabel(isi, "acak.csv", KATA)
    except BerkasDitolak as e:
        assert str(e)
    else:
        assert all(len(sel) >= len(tabel.header) for _, sel in tabel.baris)


# Cell text with no delimiter, quote or line break of any kind: the file can only be read one way.
SEL = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"), blacklist_characters=";,|\"'\u0085"),
              max_size=12)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(SEL, min_size=2, max_size=5), max_size=8))
def test_any_text_table_under_a_header_is_read_whole(baris):
    teks = "NIK;Desa\n" + "\n".join(";".join(b) for b in baris)
    tabel = baca_tabel(teks.encode(), "x.csv", KATA)
    assert tabel.header == ["NIK", "Desa"]
    # Every row that holds anything comes back, cell for cell, at its line number; blank cells as None.
    harapan = []
    for nomor, b in enumerate(baris, start=2):
        sel = [c if c.strip() else None for c in b]
        if any(c is not None for c in sel):
            harapan.append((nomor, sel + [None] * (2 - len(sel))))
    assert tabel.baris == harapan
