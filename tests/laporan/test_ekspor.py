"""Table downloads: what the screen shows, Indonesian formats and "<5" kept, never a live formula."""

import io

import openpyxl
import pandas as pd

from laporan.ekspor import ke_csv, ke_xlsx

TABEL = {"Desa": ["Wonopringgo", "=HYPERLINK(\"http://x\",\"klik\")", "@SUM(A1:A9)"],
         "BPU aktif": ["1.234", "<5", "-3"], "Cakupan": ["12,50%", "–", None]}


def test_csv_keeps_what_is_shown_and_neutralises_formulas():
    teks = ke_csv(TABEL).decode("utf-8-sig")
    df = pd.read_csv(io.StringIO(teks), dtype=str)
    assert df.columns.tolist() == ["Desa", "BPU aktif", "Cakupan"]
    assert df["Desa"].tolist() == ["Wonopringgo", "'=HYPERLINK(\"http://x\",\"klik\")", "'@SUM(A1:A9)"]
    assert df["BPU aktif"].tolist() == ["1.234", "<5", "'-3"]
    assert teks.encode("utf-8-sig").startswith(b"\xef\xbb\xbf")


def test_xlsx_stores_formula_looking_cells_as_text():
    buku = openpyxl.load_workbook(io.BytesIO(ke_xlsx(TABEL, "desa/cakupan", "Data contoh (sintetis)")))
    lembar = buku.active
    assert lembar.title == "desacakupan"
    baris = list(lembar.iter_rows(values_only=True))
    assert baris[0][0] == "Data contoh (sintetis)" and list(baris[1]) == ["Desa", "BPU aktif", "Cakupan"]
    sel = lembar.cell(row=4, column=1)
    assert sel.value.startswith("=HYPERLINK") and sel.data_type == "s"  # text, not a formula
    assert baris[3][1] == "<5" and baris[4][2] is None
