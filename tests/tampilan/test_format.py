from datetime import date

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
