"""Who may open which page and do what: the role table as the issue states it."""

from domain.peran import HALAMAN, AksesDitolak, Peran, boleh, boleh_buka, peran_tanpa_akun, tanpa_suppresi, wajib

import pytest


def test_public_sees_overview_maps_and_live_screen_only():
    assert {h for h in HALAMAN if boleh_buka(Peran.PUBLIK, h)} == {"ringkasan", "peta", "provinsi"}


def test_staff_register_and_run_events_leadership_reads_everything_admin_imports():
    assert boleh_buka(Peran.STAF, "daftar") and boleh(Peran.STAF, "daftarkan") and boleh(Peran.STAF, "ubah_kegiatan")
    assert not boleh_buka(Peran.STAF, "data") and not boleh_buka(Peran.STAF, "target")
    assert all(boleh_buka(Peran.PIMPINAN, h) for h in ("ringkasan", "peta", "kegiatan", "desa-sadar", "target"))
    assert not boleh(Peran.PIMPINAN, "impor") and not boleh(Peran.PIMPINAN, "daftarkan")
    assert all(boleh_buka(Peran.ADMIN, h) for h in HALAMAN)
    with pytest.raises(AksesDitolak, match="Peran Publik tidak boleh"):
        wajib(Peran.PUBLIK, "impor")
    assert boleh_buka(Peran.ADMIN, "halaman-lain") is False


def test_small_counts_only_for_leadership_and_without_accounts_only_while_data_is_synthetic():
    assert [tanpa_suppresi(p) for p in Peran] == [True, False, True, False]
    assert peran_tanpa_akun(data_contoh=True) is Peran.ADMIN
    assert peran_tanpa_akun(data_contoh=False) is Peran.PUBLIK
