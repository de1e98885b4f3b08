"""Settings: the app's "today" is the real date unless pinned, and a bad pin is refused by name."""

from datetime import date

import pytest

from data_access import config
from data_access.config import PengaturanTidakSah, muat_pengaturan


def test_today_is_the_real_date_read_at_every_call_unless_pinned(monkeypatch):
    pengaturan = muat_pengaturan({})
    assert pengaturan.tanggal_tetap is None
    sebelum = date.today()
    assert sebelum <= pengaturan.hari_ini() <= date.today()

    class Besok(date):
        @classmethod
        def today(cls):
            return date(2031, 1, 1)

    monkeypatch.setattr(config, "date", Besok)  # the clock moves on: the same settings follow it
    assert pengaturan.hari_ini() == date(2031, 1, 1)


def test_a_pinned_day_is_used_everywhere_the_settings_go():
    assert muat_pengaturan({"DESA_SADAR_HARI_INI": "2027-01-08"}).hari_ini() == date(2027, 1, 8)


@pytest.mark.parametrize("teks", ["kemarin", "08/01/2027", "2027-02-30"])
def test_a_bad_pinned_day_is_refused_by_name(teks):
    with pytest.raises(PengaturanTidakSah, match="DESA_SADAR_HARI_INI .* TTTT-BB-HH"):
        muat_pengaturan({"DESA_SADAR_HARI_INI": teks})


def test_the_small_count_threshold_is_a_setting_like_the_others():
    assert muat_pengaturan({}).k_suppresi == 5
    assert muat_pengaturan({"DESA_SADAR_K": "10"}).k_suppresi == 10


@pytest.mark.parametrize("teks,alasan", [("1", "antara 2 dan 100"), ("lima", "antara 2 dan 100"),
                                         ("5,5", "bilangan bulat")])
def test_a_threshold_that_would_hide_nothing_or_is_not_a_count_is_refused(teks, alasan):
    with pytest.raises(PengaturanTidakSah, match=f"DESA_SADAR_K .*{alasan}"):
        muat_pengaturan({"DESA_SADAR_K": teks})


def test_the_session_length_is_eight_hours_unless_set():
    assert muat_pengaturan({}).sesi_jam == 8.0
    assert muat_pengaturan({"DESA_SADAR_SESI_JAM": "0,5"}).sesi_jam == 0.5
    with pytest.raises(PengaturanTidakSah, match="DESA_SADAR_SESI_JAM"):
        muat_pengaturan({"DESA_SADAR_SESI_JAM": "0"})
