"""Readiness checklist, event entry checks, target status: plain rules, checked without a database."""

from datetime import date

import pytest

from domain import kpi
from domain.desa_sadar import AmbangKesiapan, DataKesiapan, periksa_kesiapan, periksa_status_baru, siap
from domain.kegiatan import IsianKegiatan, periksa

AMBANG = AmbangKesiapan(cakupan_bpu=10.0, perangkat=100.0)
HARI_INI = date(2026, 11, 24)


def _data(**ubah) -> DataKesiapan:
    dasar = dict(perangkat_aktif=12, perangkat_desa=12, tanggal_mou=date(2020, 1, 5), bpu_aktif=150,
                 pekerja_informal=1_000)
    return DataKesiapan(**{**dasar, **ubah})


def test_a_village_meeting_every_condition_is_ready():
    butir = periksa_kesiapan(_data(), AMBANG)
    assert [(b.kunci, b.terpenuhi) for b in butir] == [("perangkat", True), ("mou", True), ("cakupan", True)]
    assert butir[2].nilai == pytest.approx(15.0) and butir[2].ambang == 10.0
    assert siap(butir)


@pytest.mark.parametrize("ubah, kunci", [
    ({"perangkat_aktif": 11}, "perangkat"),  # one official missing: "all officials" is not met
    ({"tanggal_mou": None}, "mou"),
    ({"bpu_aktif": 99}, "cakupan"),  # 9.9% against a 10% threshold
])
def test_one_condition_missed_means_not_ready(ubah, kunci):
    butir = periksa_kesiapan(_data(**ubah), AMBANG)
    assert {b.kunci: b.terpenuhi for b in butir}[kunci] is False
    assert not siap(butir)


def test_missing_data_is_undecided_and_never_counts_as_met():
    butir = periksa_kesiapan(_data(perangkat_desa=None, pekerja_informal=None), AMBANG)
    assert [b.terpenuhi for b in butir] == [None, True, None]
    assert not siap(butir)


def test_thresholds_come_from_configuration():
    longgar = AmbangKesiapan(cakupan_bpu=5.0, perangkat=90.0)
    assert siap(periksa_kesiapan(_data(perangkat_aktif=11, bpu_aktif=60), longgar))
    assert not siap(periksa_kesiapan(_data(perangkat_aktif=11, bpu_aktif=60), AMBANG))


def test_status_entries():
    riwayat = [(date(2019, 9, 3), "kandidat")]
    assert periksa_status_baru("dicanangkan", date(2020, 3, 9), HARI_INI, riwayat) == []
    assert len(periksa_status_baru("juara", date(2027, 1, 1), HARI_INI, riwayat)) == 2
    assert "sudah punya status" in periksa_status_baru("ditetapkan", date(2019, 9, 3), HARI_INI, riwayat)[0]


def test_event_entry_checks_report_every_problem_at_once():
    baik = IsianKegiatan("Sosialisasi", "sosialisasi", "33.26.12.2008", date(2026, 5, 1), date(2026, 5, 1), 80, 0)
    assert periksa(baik, HARI_INI) == []
    buruk = IsianKegiatan(" ", "pesta", "", date(2026, 5, 1), date(2026, 7, 1), -3, -1)
    masalah = periksa(buruk, HARI_INI)
    assert len(masalah) == 6  # name, type, village, 31-day limit, attendance, cost
    assert periksa(IsianKegiatan("x" * 201, "festival", "33.26.12.2008", date(2026, 5, 2), date(2026, 5, 1)),
                   HARI_INI) == ["Nama kegiatan paling panjang 200 huruf.",
                                 "Tanggal selesai tidak boleh sebelum tanggal mulai."]


def test_target_status_and_path():
    assert kpi.status_capaian(100, 100, None) == "tercapai"
    assert kpi.status_capaian(90, 100, None) == "tertinggal"  # a closed year: only the target counts
    assert kpi.status_capaian(90, 100, 88.0) == "sesuai_jalur"
    assert kpi.status_capaian(80, 100, 88.0) == "tertinggal"
    assert kpi.status_capaian(80, None, 88.0) is None
    assert kpi.jalur_target(50, 150, 0.5) == 100
    assert kpi.jalur_target(50, 150, 1.7) == 150
    assert kpi.biaya_per_peserta_aktif(3_000_000, 4) == 750_000
    assert kpi.biaya_per_peserta_aktif(None, 4) is None and kpi.biaya_per_peserta_aktif(1, 0) is None
