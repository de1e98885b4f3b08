from datetime import date

import numpy as np
import pandas as pd
import pytest
from babel.numbers import format_currency, format_decimal
from hypothesis import given
from hypothesis import strategies as st

from tampilan import format as fmt


def test_numbers_group_with_dots():
    assert fmt.angka(1_234_567) == "1.234.567"
    assert fmt.angka(0) == "0"
    assert fmt.angka(None) == "–"


def test_money_in_rupiah_without_decimals():
    assert fmt.rupiah(16_800) == "Rp16.800"
    assert fmt.rupiah(36_800) == "Rp36.800"


def test_percent_with_a_decimal_comma():
    assert fmt.persen(12.345) == "12,3%"
    assert fmt.persen(3.6, 2) == "3,60%"
    assert fmt.perubahan(-3.0) == "−3,0%"
    assert fmt.perubahan(12.5) == "+12,5%"


def test_dates_the_indonesian_way():
    assert fmt.tanggal(date(2019, 9, 3)) == "3 September 2019"
    assert fmt.tanggal(date(2019, 8, 20)) == "20 Agustus 2019"
    assert fmt.tanggal(date(2019, 9, 3), "en") == "September 3, 2019"
    assert fmt.bulan_tahun(date(2025, 5, 1)) == "Mei 2025"


def test_names_are_made_inert_for_markdown():
    assert fmt.aman_markdown("Ketanonageng") == "Ketanonageng"
    jahat = "[klik](javascript:alert(1)) <img src=x onerror=alert(1)> **tebal**"
    aman = fmt.aman_markdown(jahat)
    for tanda in "[]()<>*":
        assert f"\\{tanda}" in aman
    assert aman.replace("\\", "") == jahat


# Ties, negative zero, the float that prints shorter than it is (2.675), numpy's scalars, huge values.
TEPI = [0, 1, -1, 999, 1000, -1000, 1_234_567, -0.0, 0.05, 0.15, 0.25, -0.05, -0.04, 2.5, 3.5, -2.5, 0.045,
        99.95, -99.95, 2.675, 123_456_789.95, 1e15, float(2**53), np.int64(5), np.int32(-12_345),
        np.float32(1.15), np.float64(2.675), np.float64(-0.35)]


def _babel(nilai, digit):
    return format_decimal(nilai, format="#,##0" + ("." + "0" * digit if digit else ""), locale=fmt.LOKAL_ANGKA)


@pytest.mark.parametrize("nilai", TEPI, ids=repr)
def test_numbers_are_written_as_babel_writes_them_for_id_ID(nilai):
    assert fmt.angka(nilai) == _babel(round(nilai), 0)
    for digit in (1, 2):
        assert fmt.desimal(nilai, digit) == _babel(nilai, digit)


@given(st.one_of(st.integers(min_value=-10**15, max_value=10**15),
                 st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)),
       st.integers(min_value=1, max_value=3))
def test_any_number_is_written_as_babel_writes_it(nilai, digit):
    assert fmt.angka(nilai) == _babel(round(nilai), 0)
    assert fmt.desimal(nilai, digit) == _babel(nilai, digit)
    assert fmt.persen(nilai, digit) == _babel(nilai, digit) + "%"


@given(st.one_of(st.integers(min_value=-10**15, max_value=10**15),
                 st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), st.sampled_from(TEPI)))
def test_money_is_written_as_babel_writes_rupiah(nilai):
    assert fmt.rupiah(nilai) == format_currency(round(nilai), "IDR", format="¤#,##0", currency_digits=False,
                                                locale=fmt.LOKAL_ANGKA)


_SEL = st.one_of(st.none(), st.integers(-5, 5), st.floats(allow_nan=True),
                 st.text(alphabet=" =+-@\t\r\nab1＝＋－＠'", max_size=4))


@given(st.lists(st.tuples(_SEL, _SEL, st.text(alphabet=" =+-@ab", max_size=3)), max_size=8),
       st.sampled_from(["str", "object", "category"]))
def test_every_cell_that_could_run_as_a_formula_is_made_text_and_nothing_else_changes(baris, jenis_teks):
    """The column-at-a-time check against the rule applied to each cell, whatever the columns hold."""
    df = pd.DataFrame({"campur": pd.Series([b[0] for b in baris], dtype=object),
                       "=angka": pd.Series([b[1] if isinstance(b[1], int) else 0 for b in baris], dtype="int64"),
                       "teks": pd.Series([b[2] for b in baris], dtype=jenis_teks)})

    def aman(v):
        return "'" + v if isinstance(v, str) and v.lstrip(" ")[:1] in tuple("=+-@\t\r\n＝＋－＠") else v

    hasil = fmt.aman_untuk_spreadsheet(df)
    assert hasil.columns.tolist() == ["campur", "'=angka", "teks"]
    for nama, asal in zip(hasil.columns, df.columns, strict=True):
        harapan = pd.Series([aman(v) for v in df[asal].tolist()], dtype=object)
        assert harapan.equals(pd.Series(hasil[nama].tolist(), dtype=object))  # NaN equal to NaN
    assert df.columns.tolist() == ["campur", "=angka", "teks"]  # the shown table itself is untouched
