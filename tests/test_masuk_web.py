"""The sign-in route's own rules, without a server: where it may send the browser back to."""

import pytest

from layanan.masuk_web import tujuan_aman


@pytest.mark.parametrize("kembali,tujuan", [
    ("/daftar?kegiatan=74&bahasa=English", "/daftar?kegiatan=74&bahasa=English"),
    ("/data", "/data"),
    ("/", "/"),
    (None, "/"),
    ("", "/"),
    ("https://contoh.example/ambil", "/"),  # another site: never
    ("//contoh.example/ambil", "/"),  # protocol-relative: another site too
    ("/\\contoh.example", "/"),  # some browsers read a backslash as a slash
    ("javascript:alert(1)", "/"),
    ("/data\r\nSet-Cookie: x=1", "/"),  # no header injection through the Location header
    ("/masuk?kembali=/masuk", "/"),  # never back to the sign-in page itself
    ("/" + "a" * 3000, "/"),
])
def test_sign_in_only_returns_to_a_page_of_this_site(kembali, tujuan):
    assert tujuan_aman(kembali) == tujuan
