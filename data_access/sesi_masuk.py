"""The sign-in session store: a table in the app's own database, so every app instance sees the same
sessions and signing out anywhere ends them everywhere.

A session token is 32 random bytes (`secrets.token_urlsafe`), handed to the browser once in an
HttpOnly cookie. The database keeps only its SHA-256: a stolen copy of the table opens nothing.
Checking a cookie is one primary-key lookup that also requires the expiry to be in the future.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from data_access.db import tulis

PANJANG_TOKEN_MAKS = 128  # a cookie longer than any token we make is not looked up


def _sidik(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _sekarang() -> datetime:
    # Naive UTC: both engines store it as written, and expiry is only ever compared with this clock.
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def buat_sesi(engine: sa.Engine, nama_akun: str, umur_detik: int) -> str:
    """A new session for a checked account; returns the token for the cookie (never stored)."""
    token = secrets.token_urlsafe(32)
    sekarang = _sekarang()

    def simpan(k: sa.Connection) -> None:
        # Expired rows of anyone are cleared here, so the table never grows beyond live sessions.
        k.execute(sa.text("DELETE FROM sesi_masuk WHERE kedaluwarsa <= :kini"), {"kini": sekarang})
        k.execute(sa.text("INSERT INTO sesi_masuk (sidik_token, nama_akun, dibuat, kedaluwarsa) "
                          "VALUES (:sidik, :nama, :kini, :habis)"),
                  {"sidik": _sidik(token), "nama": nama_akun, "kini": sekarang,
                   "habis": sekarang + timedelta(seconds=umur_detik)})

    tulis(engine, simpan)
    return token


def akun_sesi(engine: sa.Engine, token: str | None) -> str | None:
    """The account a live session token belongs to, or None (no token, unknown, ended or expired)."""
    if not isinstance(token, str) or not token or len(token) > PANJANG_TOKEN_MAKS:
        return None
    with engine.connect() as k:
        return k.execute(sa.text("SELECT nama_akun FROM sesi_masuk WHERE sidik_token = :sidik AND kedaluwarsa > :kini"),
                         {"sidik": _sidik(token), "kini": _sekarang()}).scalar()


def akhiri_sesi(engine: sa.Engine, token: str | None) -> None:
    """Sign-out: the session ends for every tab that carries this cookie."""
    if isinstance(token, str) and token and len(token) <= PANJANG_TOKEN_MAKS:
        tulis(engine, lambda k: k.execute(sa.text("DELETE FROM sesi_masuk WHERE sidik_token = :sidik"),
                                          {"sidik": _sidik(token)}))


def akhiri_sesi_akun(engine: sa.Engine, nama_akun: str) -> int:
    """End every session of one account (the account was disabled or its password changed)."""
    return tulis(engine, lambda k: k.execute(sa.text("DELETE FROM sesi_masuk WHERE nama_akun = :nama"),
                                             {"nama": nama_akun}).rowcount)
