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


def test_files_kept_per_content_follow_every_change_of_the_table():
    """The pages reuse a table's files while its cells stay the same (layanan.cache.berkas_tabel): a
    change anywhere, even in row 150,000 that a sampling hash would skip, or of a number to the same
    text, or of the note, gives new files."""
    from layanan import cache

    besar = pd.DataFrame({"Desa": [f"Desa {i}" for i in range(150_000)], "Peserta": ["<5"] * 150_000})
    ubah = besar.copy()
    ubah.loc[149_999, "Peserta"] = "7"
    csv, xlsx = cache.berkas_tabel(besar, "besar", None)
    assert cache.berkas_tabel(besar.copy(), "besar", None) == (csv, xlsx)
    assert cache.berkas_tabel(ubah, "besar", None)[0].decode("utf-8-sig").splitlines()[-1] == "Desa 149999,7"
    assert cache.berkas_tabel(TABEL, "desa", None) == (ke_csv(TABEL), ke_xlsx(TABEL, "desa", None))
    angka = {"Desa": ["Wonopringgo"], "BPU aktif": [5]}
    teks = {"Desa": ["Wonopringgo"], "BPU aktif": ["5"]}
    sel_angka = openpyxl.load_workbook(io.BytesIO(cache.berkas_tabel(angka, "desa", None)[1])).active.cell(2, 2)
    sel_teks = openpyxl.load_workbook(io.BytesIO(cache.berkas_tabel(teks, "desa", None)[1])).active.cell(2, 2)
    assert (sel_angka.value, sel_teks.value) == (5, "5")
    catatan = openpyxl.load_workbook(io.BytesIO(cache.berkas_tabel(TABEL, "desa", "Data contoh")[1])).active
    assert catatan.cell(1, 1).value == "Data contoh"


def test_xlsx_holds_the_csvs_cells_and_nothing_excel_would_read_otherwise():
    """The sheet (XlsxWriter) holds what the CSV holds, cell for cell, typed: numbers as numbers and
    every text as text, even one that looks like an error code, a date or a number; an empty text
    and a value that is not a finite number stay blank; the sheet name keeps to Excel's rules."""
    tabel = pd.DataFrame({"Desa": ["Wonopringgo", "#N/A", "", "2019-09-03", "a\x01b"],
                          "Peserta": [1_234_567, 0, -3, 7, 12],
                          "Cakupan": [12.5, float("inf"), float("nan"), 0.25, 1e-9],
                          "Teks": ["1.234", "<5", "Rp16.800", "3 September 2019", "–"]})
    buku = openpyxl.load_workbook(io.BytesIO(ke_xlsx(tabel, "'desa: cakupan'")))
    lembar = buku.active
    assert lembar.title == "desa cakupan"
    baris = list(lembar.iter_rows(values_only=True))
    assert list(baris[0]) == tabel.columns.tolist()
    assert [r[0] for r in baris[1:]] == ["Wonopringgo", "#N/A", None, "2019-09-03", "a\ufffdb"]
    assert [r[1] for r in baris[1:]] == [1_234_567, 0, -3, 7, 12]
    assert [r[2] for r in baris[1:]] == [12.5, None, None, 0.25, 1e-9]
    assert [r[3] for r in baris[1:]] == tabel["Teks"].tolist()
    assert [c.data_type for c in lembar[3]][0] == "s" and [c.data_type for c in lembar[2]][1] == "n"
    csv = pd.read_csv(io.BytesIO(ke_csv(tabel)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert csv["Teks"].tolist() == [r[3] for r in baris[1:]] and csv["Peserta"].tolist() == ["1234567", "0", "-3", "7", "12"]
