"""Reading uploaded tables: the dialects spreadsheets produce, and hostile files refused before parsing."""

import io
import zipfile
from datetime import datetime

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from data_access.berkas_tabel import BATAS_BARIS, BATAS_KOLOM, BerkasDitolak, baca_tabel
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
    baris = list(tabel.baris)
    assert [sel for _, sel in baris] == ISI
    assert [n for n, _ in baris] == [4, 5]  # row numbers as the spreadsheet shows them
    assert "judul kolom di baris 3" in tabel.keterangan


def test_quoted_cells_blank_rows_and_ragged_rows():
    teks = 'NIK;Desa;Catatan\n"3326120305855001";"Wonopringgo; Kec. Wonopringgo";"kata ""kutip"""\n;;\n\n1;2\n'
    baris = list(baca_tabel(teks.encode(), "x.csv", KATA).baris)
    assert baris[0][1] == ["3326120305855001", "Wonopringgo; Kec. Wonopringgo", 'kata "kutip"']
    assert baris[1] == (5, ["1", "2", None])


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
    assert list(tabel.baris) == [(4, ["3326120305855001", "Wonopringgo", datetime(2019, 9, 3), 2])]
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
        baris = list(tabel.baris)
    except BerkasDitolak as e:
        assert str(e) and e.en
    else:
        assert all(len(sel) >= len(tabel.header) for _, sel in baris)


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
    assert list(tabel.baris) == harapan


def _xlsx_mentah(baris_xml: str, dimensi: str = "A1:B3") -> bytes:
    """An .xlsx written by hand, for shapes no spreadsheet program would save."""
    isi = io.BytesIO()
    with zipfile.ZipFile(isi, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>""")
        z.writestr("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>""")
        z.writestr("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>""")
        z.writestr("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
</Relationships>""")
        z.writestr("xl/worksheets/sheet1.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="{dimensi}"/>
<sheetData>{baris_xml}""")
    return isi.getvalue()


def _sel(ref: str, teks: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{teks}</t></is></c>'


def test_a_sparse_sheet_is_read_as_narrow_rows_and_a_truncated_one_refused():
    import tracemalloc

    baris = [f'<row r="1">{_sel("A1", "NIK")}{_sel("B1", "Desa")}{_sel("XFD1", "x")}</row>'] + [
        f'<row r="{i}">{_sel(f"A{i}", "3326120305855001")}{_sel(f"XFD{i}", "x")}</row>' for i in range(2, 3002)]
    isi = _xlsx_mentah("".join(baris) + "</sheetData></worksheet>", "A1:XFD3001")
    tracemalloc.start()
    tabel = baca_tabel(isi, "jarang.xlsx", KATA)
    jumlah = sum(1 for _, sel in tabel.baris if len(sel) <= BATAS_KOLOM)
    _, puncak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # 3,000 rows of 16,384 columns would be 49M cells (GBs); read narrow, it stays in a few MB.
    assert jumlah == 3000 and puncak < 50 * 1024 * 1024, puncak
    # A <dimension> that says fewer rows than the sheet holds: every row is read all the same.
    kecil = _xlsx_mentah("".join(baris[:50]) + "</sheetData></worksheet>", "A1:B3")
    assert len(list(baca_tabel(kecil, "dimensi.xlsx", KATA).baris)) == 49
    terpotong = _xlsx_mentah("".join(baris[:50])[:-20])
    with pytest.raises(BerkasDitolak, match="rusak setelah baris") as e:
        list(baca_tabel(terpotong, "terpotong.xlsx", KATA).baris)
    assert "XML" in str(e.value) and "ParseError" not in str(e.value) and "damaged" in e.value.en


def test_a_huge_csv_cell_and_too_many_rows_are_refused_with_where():
    besar = "NIK;Desa\n1;" + "x" * (200 * 1024) + "\n"
    with pytest.raises(BerkasDitolak, match="lebih dari 128 KB") as e:
        list(baca_tabel(besar.encode(), "besar.csv", KATA).baris)
    assert "field limit" not in str(e.value)
    terbuka = 'NIK;Desa\n1;"tidak ditutup\n' + "2;b\n" * 10
    list(baca_tabel(terbuka.encode(), "kutip.csv", KATA).baris)  # one long cell, under the limit: read
    banyak = "NIK;Desa\n" + "1;a\n" * (BATAS_BARIS + 1)
    with pytest.raises(BerkasDitolak, match="lebih dari 200.000 baris"):
        list(baca_tabel(banyak.encode(), "banyak.csv", KATA).baris)


def test_separator_characters_inside_a_cell_do_not_decide_the_delimiter():
    """Found by hypothesis: a form feed and a NEL inside a cell once split the sample into fragments
    that outvoted the real rows, and the semicolon file was read as comma-separated."""
    teks = ("NIK;Desa;Kecamatan;Segmen;Program;Tgl Daftar\n"
            "1101010101000001;Wonopringgo;Wonopringgo;BPU;JKK, JKM;01/01/2019\n"
            ";;;BPU;\x850\x0c0\x0c;03/09/2019")
    tabel = baca_tabel(teks.encode(), "campuran.csv", {"nik", "desa", "kecamatan", "segmen", "program", "tgl_daftar"})
    assert tabel.header == ["NIK", "Desa", "Kecamatan", "Segmen", "Program", "Tgl Daftar"]
    assert [len(sel) for _, sel in tabel.baris] == [6, 6]
