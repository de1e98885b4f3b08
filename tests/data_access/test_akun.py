"""Local accounts: bcrypt hashes from secrets, a vague message on failure, and guessing rate-limited."""

import pytest

from data_access.akun import AkunTidakSah, PembatasPercobaan, buat_hash, muat_akun, periksa_masuk
from domain.peran import Peran


@pytest.fixture(scope="module")
def akun():
    return muat_akun({"akun": {"Siti": {"peran": "staf", "hash": buat_hash("sandi-siti", putaran=4)}}})


def test_a_correct_password_signs_in_and_names_are_case_blind(akun):
    a = periksa_masuk(akun, PembatasPercobaan(), "  SITI ", "sandi-siti")
    assert a.nama == "siti" and a.peran is Peran.STAF
    assert "sandi-siti" not in repr(a) and b"sandi-siti" not in a.hash


def test_failures_do_not_say_which_part_was_wrong(akun):
    for nama, sandi in (("siti", "salah"), ("budi", "sandi-siti")):
        with pytest.raises(ValueError, match="^Nama akun atau kata sandi salah.$"):
            periksa_masuk(akun, PembatasPercobaan(), nama, sandi)


def test_five_failures_lock_the_account_even_for_the_right_password(akun):
    pembatas = PembatasPercobaan(maks=5, jendela=900, kunci=900)
    for _ in range(5):
        with pytest.raises(ValueError, match="salah"):
            periksa_masuk(akun, pembatas, "siti", "tebakan")
    with pytest.raises(ValueError, match="Terlalu banyak percobaan gagal. Coba lagi dalam 15 menit."):
        periksa_masuk(akun, pembatas, "siti", "sandi-siti")


def test_the_window_and_the_lock_expire():
    pembatas = PembatasPercobaan(maks=3, jendela=60, kunci=300)
    for t in (0, 10, 100):  # the first failure is out of the window by the third
        pembatas.catat_gagal("a", sekarang=t)
    assert pembatas.sisa_kunci("a", sekarang=100) == 0
    pembatas.catat_gagal("a", sekarang=110)
    assert pembatas.sisa_kunci("a", sekarang=110) == 0  # two failures in the last minute
    pembatas.catat_gagal("a", sekarang=120)
    assert pembatas.sisa_kunci("a", sekarang=120) == 300 and pembatas.sisa_kunci("a", sekarang=421) == 0


def test_misconfigured_accounts_are_named():
    with pytest.raises(AkunTidakSah, match="Akun 'x': peran"):
        muat_akun({"akun": {"x": {"peran": "raja", "hash": buat_hash("a", putaran=4)}}})
    with pytest.raises(AkunTidakSah, match="hash bcrypt"):
        muat_akun({"akun": {"x": {"peran": "admin", "hash": "sandi-polos"}}})
    assert muat_akun({}) == {}


def test_the_command_prints_an_account_block_that_loads(monkeypatch, capsys):
    import tomllib

    from data_access.__main__ import main

    jawaban = iter(["sandi-yang-panjang", "sandi-yang-panjang"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(jawaban))
    assert main(["akun", "Siti", "--peran", "staf"]) == 0
    akun = muat_akun(tomllib.loads(capsys.readouterr().out))
    assert periksa_masuk(akun, PembatasPercobaan(), "siti", "sandi-yang-panjang").peran is Peran.STAF
    jawaban = iter(["pendek", "pendek"])
    assert main(["akun", "budi", "--peran", "admin"]) == 2


def test_a_password_over_bcrypts_limit_is_answered_in_plain_words(akun):
    pembatas = PembatasPercobaan()
    for sandi in ("x" * 73, "é" * 37):  # 74 bytes of UTF-8 in 37 letters
        with pytest.raises(ValueError, match="^Kata sandi terlalu panjang") as e:
            periksa_masuk(akun, pembatas, "siti", sandi)
        assert "bcrypt" not in str(e.value) and "truncate" not in str(e.value)
    with pytest.raises(ValueError, match="paling banyak 72 byte"):
        buat_hash("x" * 73, putaran=4)
