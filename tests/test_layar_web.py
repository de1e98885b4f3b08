"""The event stage's address rules, without a server: where its QR code sends a staff phone."""

from starlette.requests import Request

from layanan.layar_web import alamat_formulir, alamat_lan


def _permintaan(host: str, port: int | None = 8501, scheme: str = "http") -> Request:
    tuan = f"{host}:{port}" if port else host
    return Request({"type": "http", "method": "GET", "path": "/layar", "query_string": b"kegiatan=7", "scheme": scheme,
                    "headers": [(b"host", tuan.encode())], "server": (host, port), "root_path": ""})


def test_a_configured_address_wins():
    assert alamat_formulir(_permintaan("127.0.0.1"), "http://192.168.43.1:8501", 7) == \
        "http://192.168.43.1:8501/daftar?kegiatan=7"


def test_the_address_the_stage_was_opened_at_unless_it_is_loopback():
    assert alamat_formulir(_permintaan("192.168.1.20"), None, 7) == "http://192.168.1.20:8501/daftar?kegiatan=7"
    assert alamat_formulir(_permintaan("desa-sadar.cabang.example", None, "https"), None, 7) == \
        "https://desa-sadar.cabang.example/daftar?kegiatan=7"
    # A phone cannot reach the laptop's loopback: the laptop's address on its network instead.
    lan = alamat_lan()
    assert alamat_formulir(_permintaan("localhost"), None, 7) == f"http://{lan or 'localhost'}:8501/daftar?kegiatan=7"
    assert lan is None or not lan.startswith("127.")

