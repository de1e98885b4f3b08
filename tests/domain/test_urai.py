"""Reading what people type: every documented format, and never anything but a clear refusal."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.urai import NilaiTidakSah, urai_angka, urai_program, urai_tanggal, urai_tanggal_data, urai_ya_tidak

HARI_INI = date(2026, 11, 24)


@pytest.mark.parametrize("teks", ["03/09/2019", "3/9/2019", "03-09-2019", "03.09.2019", "2019-09-03",
                                  "2019-09-03 00:00:00", "2019-09-03T08:30", "3 September 2019", "3 Sept 2019",
                                  "3 Sep 2019", "03-Sep-2019", "3 september, 2019", "43711", "43711.0", 43711])
def test_the_launch_date_in_every_way_it_is_written(teks):
    assert urai_tanggal(teks) == date(2019, 9, 3)


def test_indonesian_month_names_and_spellings():
    assert urai_tanggal("20 Agustus 2019") == date(2019, 8, 20)
    assert urai_tanggal("20 Agt 2019") == date(2019, 8, 20)
    assert urai_tanggal("17 Pebruari 2020") == date(2020, 2, 17)
    assert urai_tanggal("1 Mei 2021") == date(2021, 5, 1)
    assert urai_tanggal("5 Nopember 2022") == date(2022, 11, 5)


@pytest.mark.parametrize("teks, alasan", [("31/02/2020", "tidak ada di kalender"), ("3 Sepember 2019", "tidak dikenal"),
                                          ("kemarin", "tidak terbaca"), ("", "kosong"), ("12/2019", "tidak terbaca")])
def test_unreadable_dates_say_why(teks, alasan):
    with pytest.raises(NilaiTidakSah, match=alasan):
        urai_tanggal(teks)


def test_data_dates_are_not_in_the_future_nor_before_2015():
    assert urai_tanggal_data("24/11/2026", HARI_INI) == HARI_INI
    with pytest.raises(NilaiTidakSah, match="masa depan"):
        urai_tanggal_data("25/11/2026", HARI_INI)
    with pytest.raises(NilaiTidakSah, match="sebelum 2015"):
        urai_tanggal_data("31/12/2014", HARI_INI)


@pytest.mark.parametrize("teks, nilai", [("1.234", 1234), ("1.234.567", 1234567), ("Rp16.800", 16800),
                                         ("Rp 16.800,00", 16800), ("IDR 36.800", 36800), ("16800.00", 16800),
                                         ("5 000", 5000), (1234, 1234), (1234.0, 1234), ("-3", -3), ("0", 0)])
def test_numbers_and_money(teks, nilai):
    assert urai_angka(teks) == nilai


def test_decimals_only_where_allowed():
    assert urai_angka("12,5", bulat=False) == 12.5
    with pytest.raises(NilaiTidakSah, match="bilangan bulat"):
        urai_angka("12,5")
    with pytest.raises(NilaiTidakSah, match="bukan angka"):
        urai_angka("dua ribu")
    with pytest.raises(NilaiTidakSah, match="bukan angka"):
        urai_angka("1.23.4")


@pytest.mark.parametrize("teks, nilai", [("Ya", True), ("y", True), ("1", True), (1, True), ("TRUE", True),
                                         ("x", True), ("Tidak", False), ("N", False), ("0", False), (0, False),
                                         ("", False), (None, False), (float("nan"), False), ("-", False)])
def test_yes_no(teks, nilai):
    assert urai_ya_tidak(teks) is nilai


def test_programmes_in_one_cell():
    assert urai_program("JKK, JKM, JHT") == {"JKK", "JKM", "JHT"}
    assert urai_program("jkk+jkm") == {"JKK", "JKM"}
    assert urai_program("JKK/JKM dan JHT") == {"JKK", "JKM", "JHT"}
    with pytest.raises(NilaiTidakSah, match="'JKN' tidak dikenal"):
        urai_program("JKK, JKN")


@given(st.one_of(st.text(max_size=40), st.integers(), st.floats(allow_nan=True), st.none(), st.booleans()))
def test_any_cell_is_read_or_refused_clearly(nilai):
    for urai in (urai_tanggal, urai_angka, urai_ya_tidak, urai_program):
        try:
            urai(nilai)
        except NilaiTidakSah as e:
            assert str(e)
