from datetime import date

import pytest

from domain.periode import periode_dari_kunci, periode_sebelumnya, pilihan_periode
from tampilan.format import label_periode

HARI_INI = date(2026, 11, 24)


def test_year_to_date_compares_with_the_same_days_last_year():
    p = periode_dari_kunci("ytd", HARI_INI)
    assert (p.mulai, p.selesai) == (date(2026, 1, 1), HARI_INI)
    lalu = periode_sebelumnya(p)
    assert (lalu.mulai, lalu.selesai) == (date(2025, 1, 1), date(2025, 11, 24))


def test_a_full_year_and_its_predecessor():
    p = periode_dari_kunci("2024", HARI_INI)
    assert (p.mulai, p.selesai) == (date(2024, 1, 1), date(2024, 12, 31))
    lalu = periode_sebelumnya(p)
    assert (lalu.mulai, lalu.selesai) == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_complete_quarter_compares_with_the_whole_quarter_before_across_a_year_boundary():
    p = periode_dari_kunci("2025-K1", HARI_INI)
    assert (p.mulai, p.selesai) == (date(2025, 1, 1), date(2025, 3, 31))
    lalu = periode_sebelumnya(p)
    assert (lalu.mulai, lalu.selesai) == (date(2024, 10, 1), date(2024, 12, 31))


def test_a_quarter_to_date_compares_with_the_same_days_of_the_quarter_before():
    lalu = periode_sebelumnya(periode_dari_kunci("2026-K4", HARI_INI))
    assert (lalu.mulai, lalu.selesai) == (date(2026, 7, 1), date(2026, 8, 24))


def test_a_leap_year_compares_with_the_whole_year_before():
    lalu = periode_sebelumnya(periode_dari_kunci("2024", HARI_INI))
    assert (lalu.mulai, lalu.selesai) == (date(2023, 1, 1), date(2023, 12, 31))
    lalu = periode_sebelumnya(periode_dari_kunci("2025", HARI_INI))
    assert (lalu.mulai, lalu.selesai) == (date(2024, 1, 1), date(2024, 12, 31))


def test_last_twelve_months():
    p = periode_dari_kunci("12b", HARI_INI)
    assert (p.mulai, p.selesai) == (date(2025, 12, 1), HARI_INI)
    lalu = periode_sebelumnya(p)
    assert (lalu.mulai, lalu.selesai) == (date(2024, 12, 1), date(2025, 11, 24))


def test_the_current_year_and_quarter_stop_today():
    assert periode_dari_kunci("2026", HARI_INI).selesai == HARI_INI
    assert periode_dari_kunci("2026-K4", HARI_INI).selesai == HARI_INI


def test_options_start_with_this_year_and_reach_back_to_2019_without_future_quarters():
    kunci = pilihan_periode(HARI_INI)
    assert kunci[:3] == ["ytd", "12b", "2026"]
    assert kunci[-1] == "2019-K1"
    assert "2026-K4" in kunci and "2027" not in kunci
    for k in kunci:
        periode_dari_kunci(k, HARI_INI)


@pytest.mark.parametrize("salah", ["", "2024-K5", "kemarin", "2024-13"])
def test_unknown_keys_are_refused(salah):
    with pytest.raises(ValueError, match="tidak dikenal"):
        periode_dari_kunci(salah, HARI_INI)


def test_labels_in_both_languages():
    assert label_periode("2025-K3", HARI_INI) == "Kuartal 3 2025 (Jul–Sep)"
    assert label_periode("2025", HARI_INI, "en") == "Year 2025"
    assert label_periode("ytd", HARI_INI) == "2026 s.d. hari ini"
