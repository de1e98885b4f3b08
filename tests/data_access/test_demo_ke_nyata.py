"""From demo to real data, on the command line and on both engines: the first real import stops while
demo rows are there; told to, it removes every demo row in its own transaction and loses nothing real.
Resetting to demo refuses real data unless told explicitly. Registrations are recorded once per
submission token, and in a demo database they are practice rows that leave with the demo."""

from datetime import date

import pytest
import sqlalchemy as sa

from data_access.__main__ import main
from data_access.batas import sinkronkan_wilayah
from data_access.db import baca, buat_engine
from data_access.demo import TABEL_BERSUMBER, isi_demo, sumber_data
from data_access.pendaftaran import daftarkan
from data_access.ringkasan import info_dataset
from domain.pendaftaran import Pendaftaran
from tests.conftest import HARI_INI_UJI

KUNCI = "kunci-uji-demo-ke-nyata-yang-panjang"
PESERTA = ("NIK;Desa;Segmen;Program;Tgl Daftar;Jenis Kelamin\n"
           "'3326120305855001;Wonopringgo;BPU;JKK, JKM;03/09/2019;L\n"
           "'3326120305855002;Wonopringgo;BPU;JKK, JKM, JHT;04/09/2019;L\n"
           "'3326124305855003;Kedungjaran;BPU;JKK, JKM;05/09/2019;P\n")


def _orang(nomor: int, **ubah) -> Pendaftaran:
    isi = dict(kode_desa="33.26.10.2001", segmen="BPU", program=frozenset({"JKK", "JKM"}), pekerjaan="Petani",
               jenis_kelamin="L", tahun_lahir=1985, sumber_dana="mandiri", nik=f"332610030585{nomor:04d}")
    isi.update(ubah)
    return Pendaftaran(**isi)


def _hitung(engine: sa.Engine) -> dict[str, tuple[int, int]]:
    """(demo rows, other rows) per table that records where a row came from."""
    hasil = {}
    for tabel in TABEL_BERSUMBER:
        df = baca(engine, f"SELECT sumber = 'demo' AS demo, count(*) AS n FROM {tabel} GROUP BY 1")
        per = dict(zip(df["demo"].astype(bool), df["n"].astype(int), strict=True))
        hasil[tabel] = (per.get(True, 0), per.get(False, 0))
    return hasil


@pytest.fixture
def demo(url_kosong, batas, monkeypatch, tmp_path):
    monkeypatch.setenv("DESA_SADAR_KUNCI_NIK", KUNCI)
    monkeypatch.setenv("DESA_SADAR_DATA_DIR", str(tmp_path / "data"))
    engine = buat_engine(url_kosong)
    assert main(["migrate", "--database", url_kosong]) == 0
    isi_demo(engine, batas, HARI_INI_UJI)
    yield url_kosong, engine
    engine.dispose()


def test_the_first_real_import_stops_then_replaces_the_demo_in_one_go(demo, tmp_path, capsys):
    url, engine = demo
    berkas = tmp_path / "peserta.csv"
    berkas.write_text(PESERTA, encoding="utf-8")
    sebelum = _hitung(engine)
    assert sebelum["peserta"][0] > 50_000 and all(nyata == 0 for _, nyata in sebelum.values())
    assert info_dataset(engine)["sumber"] == "demo"

    assert main(["import", "peserta", str(berkas), "--database", url]) == 2
    keluaran = capsys.readouterr().out
    assert "masih berisi data contoh" in keluaran and "--hapus-demo" in keluaran
    assert _hitung(engine) == sebelum  # nothing written, nothing removed

    assert main(["import", "peserta", str(berkas), "--database", url, "--hapus-demo"]) == 0
    keluaran = capsys.readouterr().out
    assert f"{sebelum['peserta'][0]:,}".replace(",", ".") + " peserta" in keluaran
    sesudah = _hitung(engine)
    assert all(demo_n == 0 for demo_n, _ in sesudah.values()), sesudah  # nothing demo left
    assert sesudah["peserta"] == (0, 3)
    assert baca(engine, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 7
    assert baca(engine, "SELECT count(DISTINCT peserta_id) AS n FROM masa_aktif")["n"].iloc[0] == 3
    assert info_dataset(engine)["sumber"] == "nyata" and "demo_hari_ini" not in info_dataset(engine)

    # A training reset now refuses: real data would be lost.
    assert main(["demo", "--ulang", "--database", url]) == 2
    assert "berisi data nyata" in capsys.readouterr().err
    assert _hitung(engine) == sesudah


def test_removing_the_demo_keeps_every_real_row_already_there(demo, tmp_path, capsys):
    """A database that got real rows before demo and real were kept apart (a registration while
    the demo flag was gone): the demo leaves, the real participant and their enrolments stay."""
    url, engine = demo
    with engine.begin() as k:
        k.execute(sa.text("DELETE FROM info_data WHERE kunci = 'sumber'"))  # what migration 0008 does to such a database
    pid = daftarkan(engine, _orang(1), KUNCI.encode(), date(2026, 11, 24))
    assert sumber_data(engine) == "nyata"
    program_lama = baca(engine, "SELECT program FROM kepesertaan WHERE peserta_id = :p ORDER BY 1", p=pid)
    berkas = tmp_path / "kegiatan.csv"
    berkas.write_text("nama,jenis,kode_desa,tanggal_mulai\nSosialisasi Nyata,sosialisasi,33.26.12.2008,2026-11-20\n",
                      encoding="utf-8")
    assert main(["import", "kegiatan", str(berkas), "--database", url]) == 2  # demo rows are still there
    assert main(["import", "kegiatan", str(berkas), "--database", url, "--hapus-demo"]) == 0
    sesudah = _hitung(engine)
    assert all(demo_n == 0 for demo_n, _ in sesudah.values())
    assert sesudah["peserta"] == (0, 1) and sesudah["kegiatan"] == (0, 1)
    assert baca(engine, "SELECT id FROM peserta")["id"].tolist() == [pid]
    assert baca(engine, "SELECT program FROM kepesertaan WHERE peserta_id = :p ORDER BY 1", p=pid).equals(program_lama)


def test_a_reset_to_demo_needs_to_be_told_to_delete_real_data(demo, capsys):
    url, engine = demo
    with engine.begin() as k:
        k.execute(sa.text("DELETE FROM info_data WHERE kunci = 'sumber'"))
    daftarkan(engine, _orang(2), KUNCI.encode(), date(2026, 11, 24))
    assert main(["demo", "--ulang", "--database", url]) == 2
    assert _hitung(engine)["peserta"][1] == 1
    assert main(["demo", "--hapus-data-nyata", "--database", url]) == 2  # only together with --ulang
    assert main(["demo", "--ulang", "--hapus-data-nyata", "--database", url]) == 0
    hitung = _hitung(engine)
    assert all(nyata == 0 for _, nyata in hitung.values()) and hitung["peserta"][0] > 50_000
    assert info_dataset(engine)["sumber"] == "demo"


def test_registrations_in_a_demo_database_are_practice(demo):
    _, engine = demo
    pid = daftarkan(engine, _orang(3), KUNCI.encode(), date(2026, 11, 24))
    assert baca(engine, "SELECT sumber FROM peserta WHERE id = :p", p=pid)["sumber"].tolist() == ["demo"]
    assert sumber_data(engine) == "demo"  # the open demo mode stays open


def test_a_submission_sent_twice_is_recorded_once(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    hari = date(2026, 11, 24)
    pertama = daftarkan(engine_kosong, _orang(4), KUNCI.encode(), hari, token="kiriman-a")
    lagi = daftarkan(engine_kosong, _orang(4), KUNCI.encode(), hari, token="kiriman-a")
    assert lagi == pertama
    assert baca(engine_kosong, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 1
    assert baca(engine_kosong, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 2
    lain = daftarkan(engine_kosong, _orang(5), KUNCI.encode(), hari, token="kiriman-b")
    assert lain != pertama
