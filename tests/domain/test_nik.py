from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.nik import NIKTidakSah, kunci_pseudonim, periksa_konsisten, urai_nik
from tests.strategi import nik_sah

HARI_INI = date(2026, 11, 24)
KUNCI = b"kunci-uji-yang-cukup-panjang"


def test_a_man_born_in_pekalongan():
    data = urai_nik("3326100305850001", HARI_INI)
    assert (data.kode_wilayah, data.tanggal_lahir, data.jenis_kelamin) == ("33.26.10", date(1985, 5, 3), "L")


def test_a_woman_has_forty_added_to_her_birth_day_and_spreadsheet_noise_is_ignored():
    data = urai_nik("'3326 1243 0599 0002", HARI_INI)
    assert (data.tanggal_lahir, data.jenis_kelamin) == (date(1999, 5, 3), "P")


def test_two_digit_years_take_the_century_that_is_not_in_the_future():
    assert urai_nik("3326100101100001", HARI_INI).tanggal_lahir == date(2010, 1, 1)
    assert urai_nik("3326100101300001", HARI_INI).tanggal_lahir == date(1930, 1, 1)


@pytest.mark.parametrize("nik,alasan", [
    ("332610030585001", "16 angka"),
    ("3326100305850001x", "16 angka"),
    ("9926100305850001", "wilayah"),
    ("3300100305850001", "wilayah"),
    ("3326103102850001", "tidak mungkin"),  # 31 February
    ("3326107305850001", "tidak mungkin"),  # day 73 - 40 = 33
    ("3326100305850000", "0000"),
    ("3.32612E+15", "Excel"),
])
def test_bad_niks_are_refused_with_a_reason_that_does_not_repeat_the_number(nik, alasan):
    with pytest.raises(NIKTidakSah, match=alasan) as e:
        urai_nik(nik, HARI_INI)
    assert "3326100305" not in str(e.value)


def test_form_answers_must_match_the_nik():
    data = urai_nik("3326124305990002", HARI_INI)
    periksa_konsisten(data, "P", 1999)
    with pytest.raises(NIKTidakSah, match="Jenis kelamin"):
        periksa_konsisten(data, "L", 1999)
    with pytest.raises(NIKTidakSah, match="Tahun lahir"):
        periksa_konsisten(data, "P", 1998)


def test_the_pseudonym_is_keyed_stable_and_ignores_formatting():
    a = kunci_pseudonim("3326100305850001", KUNCI)
    assert a == kunci_pseudonim("'3326 1003 0585 0001", KUNCI)
    assert a != kunci_pseudonim("3326100305850001", b"kunci-lain-yang-cukup-panjang")
    assert len(a) == 64 and "3326100305850001" not in a
    with pytest.raises(ValueError, match="terlalu pendek"):
        kunci_pseudonim("3326100305850001", b"pendek")


@given(st.text(max_size=40))
def test_any_text_is_either_a_valid_nik_or_a_clear_refusal(teks):
    try:
        data = urai_nik(teks, HARI_INI)
    except NIKTidakSah as e:
        assert str(e)
    else:
        assert data.jenis_kelamin in ("L", "P") and data.tanggal_lahir <= HARI_INI


@given(nik_sah(HARI_INI))
def test_a_nik_built_from_its_parts_gives_its_parts_back(dibuat):
    data = urai_nik(dibuat.nik, HARI_INI)
    assert (data.kode_wilayah, data.tanggal_lahir, data.jenis_kelamin) == \
        (dibuat.kode_wilayah, dibuat.tanggal_lahir, dibuat.jenis_kelamin)
    periksa_konsisten(data, dibuat.jenis_kelamin, dibuat.tanggal_lahir.year)
    # Spreadsheet noise around a valid NIK changes neither the reading nor the pseudonym.
    berisik = f"'{dibuat.nik[:4]} {dibuat.nik[4:8]}.{dibuat.nik[8:12]}-{dibuat.nik[12:]}"
    assert urai_nik(berisik, HARI_INI) == data
    assert kunci_pseudonim(berisik, KUNCI) == kunci_pseudonim(dibuat.nik, KUNCI)
