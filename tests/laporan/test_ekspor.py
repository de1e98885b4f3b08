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
