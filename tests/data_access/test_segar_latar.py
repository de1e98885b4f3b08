"""The live screen's background-refreshed values: fresh, shared, bounded, and surviving a failing query."""

import threading
import time

import pytest

from data_access.segar_latar import SegarLatar


def _tunggu(syarat, batas_detik: float = 5.0) -> None:
    akhir = time.monotonic() + batas_detik
    while not syarat():
        if time.monotonic() > akhir:
            raise AssertionError("syarat tidak terpenuhi")
        time.sleep(0.01)


def test_first_read_computes_later_reads_come_from_memory_and_follow_the_source():
    sumber = {"n": 1}
    hitungan = []

    def hitung(kunci):
        hitungan.append(kunci)
        return sumber["n"]

    latar = SegarLatar(hitung, selang=0.05)
    try:
        assert latar.ambil("a") == 1 and hitungan == ["a"]
        sebelum = len(hitungan)
        for _ in range(100):
            latar.ambil("a")
        assert len(hitungan) - sebelum < 10  # reads do not query; only the thread does
        sumber["n"] = 2
        _tunggu(lambda: latar.ambil("a") == 2)
        sumber["n"] = 3
        latar.segarkan("a")  # a registration: visible at once, not at the next round
        assert latar.ambil("a") == 3
    finally:
        latar.hentikan()


def test_keys_nobody_reads_are_dropped_and_the_thread_ends():
    latar = SegarLatar(lambda k: k, selang=0.02, umur_pakai=0.1)
    latar.ambil(1)
    latar.ambil(2)
    assert latar.jumlah_kunci() == 2
    _tunggu(lambda: latar.jumlah_kunci() == 0)
    _tunggu(lambda: latar._benang is None)
    assert latar.ambil(3) == 3  # reading again restarts it
    latar.hentikan()


def test_a_failing_refresh_keeps_the_last_value_and_a_failing_first_read_raises():
    gagal = threading.Event()
    gagal_dicoba: list[str] = []

    def hitung(kunci):
        if gagal.is_set():
            gagal_dicoba.append(kunci)
            raise RuntimeError("database sibuk")
        return "angka"

    latar = SegarLatar(hitung, selang=0.02)
    try:
        assert latar.ambil("x") == "angka"
        gagal.set()
        _tunggu(lambda: gagal_dicoba.count("x") >= 2)  # the thread has refreshed, and failed, twice
        assert latar.ambil("x") == "angka"
        with pytest.raises(RuntimeError):
            latar.ambil("baru")
    finally:
        latar.hentikan()


def test_with_a_fingerprint_a_round_recomputes_only_when_it_moved_or_the_value_is_old():
    sumber = {"n": 1, "sidik": "a"}
    hitungan, sidik_dibaca = [], []

    def sidik(kunci):
        sidik_dibaca.append(kunci)
        return sumber["sidik"]

    latar = SegarLatar(lambda k: (hitungan.append(k), sumber["n"])[1], selang=0.01, sidik=sidik, umur_maks=3600)
    try:
        latar.ambil("x")
        _tunggu(lambda: len(hitungan) == 2)  # the first round records the fingerprint with its value
        sumber["n"] = 2  # changed without its fingerprint: not looked at again
        _tunggu(lambda: len(sidik_dibaca) > 20)
        assert len(hitungan) == 2 and latar.ambil("x") == 1
        sumber["sidik"] = "b"  # a sign-up moves the fingerprint: the next round recomputes
        _tunggu(lambda: latar.ambil("x") == 2)
        assert len(hitungan) == 3
    finally:
        latar.hentikan()
    tua = SegarLatar(lambda k: sumber["n"], selang=0.01, sidik=lambda k: "tetap", umur_maks=0.05)
    try:
        tua.ambil("x")
        sumber["n"] = 3  # the fingerprint never moves, but the value grows old and is recomputed
        _tunggu(lambda: tua.ambil("x") == 3)
    finally:
        tua.hentikan()
