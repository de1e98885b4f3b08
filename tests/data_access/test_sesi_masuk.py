"""The sign-in session store on both engines: a token opens its account until it expires or is ended,
only its hash is stored, and ending an account's sessions ends them for every browser."""

import time

import sqlalchemy as sa

from data_access import sesi_masuk
from data_access.db import baca


def test_a_session_opens_its_account_until_signed_out(engine_kosong):
    token = sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)
    lain = sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)  # the same person on a second phone
    assert len(token) >= 43 and token != lain
    assert sesi_masuk.akun_sesi(engine_kosong, token) == "siti"
    sesi_masuk.akhiri_sesi(engine_kosong, token)
    assert sesi_masuk.akun_sesi(engine_kosong, token) is None
    assert sesi_masuk.akun_sesi(engine_kosong, lain) == "siti"  # signing out ends this browser's session only


def test_only_the_tokens_hash_is_stored(engine_kosong):
    token = sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)
    isi = baca(engine_kosong, "SELECT * FROM sesi_masuk").astype(str).to_string()
    assert token not in isi and "siti" in isi


def test_unknown_empty_and_oversized_tokens_open_nothing(engine_kosong):
    sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)
    for token in (None, "", "tebakan", "x" * 10_000, "' OR 1=1 --"):
        assert sesi_masuk.akun_sesi(engine_kosong, token) is None


def test_an_expired_session_opens_nothing_and_is_cleared(engine_kosong):
    habis = sesi_masuk.buat_sesi(engine_kosong, "rina", 1)
    deadline = time.monotonic() + 10
    while sesi_masuk.akun_sesi(engine_kosong, habis) is not None:  # polled: expiry is by the clock
        assert time.monotonic() < deadline, "a one-second session never expired"
        time.sleep(0.1)
    sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)  # any new sign-in clears expired rows
    assert baca(engine_kosong, "SELECT nama_akun FROM sesi_masuk")["nama_akun"].tolist() == ["siti"]


def test_removing_an_account_ends_all_its_sessions(engine_kosong):
    tokens = [sesi_masuk.buat_sesi(engine_kosong, "budi", 3600) for _ in range(3)]
    tetap = sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)
    assert sesi_masuk.akhiri_sesi_akun(engine_kosong, "budi") == 3
    assert all(sesi_masuk.akun_sesi(engine_kosong, tk) is None for tk in tokens)
    assert sesi_masuk.akun_sesi(engine_kosong, tetap) == "siti"


def test_two_app_instances_share_sessions(url_kosong, engine_kosong):
    """Another instance (another engine on the same database) sees a sign-in and a sign-out."""
    token = sesi_masuk.buat_sesi(engine_kosong, "siti", 3600)
    if url_kosong.startswith("duckdb"):
        kedua = engine_kosong  # DuckDB is opened by one process only: the second instance is the same one
    else:
        kedua = sa.create_engine(url_kosong)
    try:
        assert sesi_masuk.akun_sesi(kedua, token) == "siti"
        sesi_masuk.akhiri_sesi(kedua, token)
        assert sesi_masuk.akun_sesi(engine_kosong, token) is None
    finally:
        if kedua is not engine_kosong:
            kedua.dispose()
