from datetime import date

import pytest

from domain.periode import BANDING, periode_banding, periode_dari_kunci, pilihan_periode
from tampilan.format import label_periode

HARI_INI = date(2026, 11, 24)


def _banding(kunci: str, banding: str, hari_ini: date = HARI_INI) -> tuple[date, date]:
    lalu = periode_banding(periode_dari_kunci(kunci, hari_ini), banding)
    return lalu.mulai, lalu.selesai


def test_year_to_date_compares_with_the_same_days_last_year_or_the_days_just_before():
    p = periode_dari_kunci("ytd", HARI_INI)
    assert (p.mulai, p.selesai) == (date(2026, 1, 1), HARI_INI)
    assert _banding("ytd", "tahun_lalu") == (date(2025, 1, 1), date(2025, 11, 24))
    # 328 days, ending the day before 1 January
    assert _banding("ytd", "sebelumnya") == (date(2025, 2, 7), date(2025, 12, 31))


def test_the_default_comparison_is_a_year_earlier():
    assert BANDING[0] == "tahun_lalu"
    assert periode_banding(periode_dari_kunci("2025-K1", HARI_INI)).mulai == date(2024, 1, 1)


def test_a_full_year_and_its_predecessor_either_way():
    assert _banding("2024", "tahun_lalu") == (date(2023, 1, 1), date(2023, 12, 31))
    assert _banding("2024", "sebelumnya") == (date(2023, 1, 1), date(2023, 12, 31))


def test_a_complete_quarter_compares_with_the_whole_quarter_before_across_a_year_boundary():
    assert _banding("2025-K1", "sebelumnya") == (date(2024, 10, 1), date(2024, 12, 31))
    assert _banding("2025-K1", "tahun_lalu") == (date(2024, 1, 1), date(2024, 3, 31))


def test_a_quarter_to_date_compares_with_as_many_days_just_before():
    # 1 October–24 November is 55 days
    assert _banding("2026-K4", "sebelumnya") == (date(2026, 8, 7), date(2026, 9, 30))
    assert _banding("2026-K4", "tahun_lalu") == (date(2025, 10, 1), date(2025, 11, 24))


def test_month_ends_and_leap_days():
    # February of a leap year against the February before: to its last day, the 28th
    assert _banding("2024-02-01..2024-02-29", "tahun_lalu") == (date(2023, 2, 1), date(2023, 2, 28))
    # and the other way: 28 February 2025 is February's last day, so 2024's comparison ends on the 29th
    assert _banding("2025-02-01..2025-02-28", "tahun_lalu") == (date(2024, 2, 1), date(2024, 2, 29))
    # a whole leap February against the whole month before it: January, 31 days
    assert _banding("2024-02-01..2024-02-29", "sebelumnya") == (date(2024, 1, 1), date(2024, 1, 31))
    # a leap day itself a year earlier is the 28th
    assert _banding("2024-02-29..2024-03-10", "tahun_lalu") == (date(2023, 2, 28), date(2023, 3, 10))
    # the same days just before, across a leap day
    assert _banding("2024-03-01..2024-03-10", "sebelumnya") == (date(2024, 2, 20), date(2024, 2, 29))


def test_a_leap_year_compares_with_the_whole_year_before():
    assert _banding("2024", "tahun_lalu") == (date(2023, 1, 1), date(2023, 12, 31))
    assert _banding("2025", "sebelumnya") == (date(2024, 1, 1), date(2024, 12, 31))


def test_last_twelve_months():
    p = periode_dari_kunci("12b", HARI_INI)
    assert (p.mulai, p.selesai) == (date(2025, 12, 1), HARI_INI)
    assert _banding("12b", "tahun_lalu") == (date(2024, 12, 1), date(2025, 11, 24))


def test_a_comparison_never_overlaps_its_period():
    for kunci in pilihan_periode(HARI_INI)[:20] + ["2024-02-29..2024-03-01", "2026-11-24..2026-11-24"]:
        p = periode_dari_kunci(kunci, HARI_INI)
        for b in BANDING:
            lalu = periode_banding(p, b)
            assert lalu.selesai < p.mulai and lalu.mulai <= lalu.selesai, (kunci, b)


def test_a_custom_range_is_cut_at_today_and_checked():
    p = periode_dari_kunci("2026-03-01..2027-05-15", HARI_INI)
    assert (p.kunci, p.mulai, p.selesai) == ("2026-03-01..2026-11-24", date(2026, 3, 1), HARI_INI)
    for salah in ("2026-05-15..2026-03-01", "2018-12-31..2019-01-05", "2026-02-30..2026-03-01"):
        with pytest.raises(ValueError, match="tidak dikenal"):
            periode_dari_kunci(salah, HARI_INI)
    with pytest.raises(ValueError, match="tidak dikenal"):
        periode_banding(p, "kemarin")


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
