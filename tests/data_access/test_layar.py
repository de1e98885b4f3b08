"""The event stage's numbers on both engines: an event's sign-ups on every day of it and only its
own, its goal and scene, and the ticker's raw material (never a person)."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from data_access.batas import sinkronkan_wilayah
from data_access.db import tulis
from data_access.kegiatan import KegiatanDitolak, atur_mode_layar, simpan_kegiatan
from data_access.layar import angka_layar, kegiatan_berlangsung
from data_access.pendaftaran import daftarkan
from domain.kegiatan import IsianKegiatan
from domain.layar import ModeLayar
from domain.pendaftaran import Pendaftaran

HARI_INI = date(2026, 11, 24)
KUNCI = b"kunci-uji-yang-cukup-panjang"
WONOPRINGGO = "33.26.12.2008"


def _kegiatan(engine, nama: str, mulai: date, selesai: date, target: int | None = None) -> int:
    return simpan_kegiatan(engine, IsianKegiatan(nama, "festival", WONOPRINGGO, mulai, selesai,
                                                 target_pendaftar=target), None, HARI_INI)


def _daftar(engine, kegiatan_id: int, nomor: int, hari: date, program=("JKK", "JKM"), pekerjaan="Petani",
            dana="mandiri", token: str | None = None) -> int:
    return daftarkan(engine, Pendaftaran(WONOPRINGGO, "BPU", frozenset(program), pekerjaan, "L", 1985, dana,
                                         f"3326100305850{nomor:03d}", kegiatan_id), KUNCI, hari, token)


def test_an_event_counts_every_day_of_it_and_nothing_of_another_event(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    kemarin = HARI_INI - timedelta(days=1)
    festival = _kegiatan(engine_kosong, "Festival <b>dua hari</b>", kemarin, HARI_INI, target=8)
    lain = _kegiatan(engine_kosong, "Sosialisasi sore", HARI_INI, HARI_INI)
    assert angka_layar(engine_kosong, festival, HARI_INI).jumlah == 0
    _daftar(engine_kosong, festival, 1, kemarin)
    _daftar(engine_kosong, festival, 2, kemarin, ("JKK", "JKM", "JHT"), dana="apbdes")
    _daftar(engine_kosong, festival, 3, HARI_INI, token="kiriman-3")
    _daftar(engine_kosong, lain, 4, HARI_INI)  # the same day, another event: not on this stage
    a = angka_layar(engine_kosong, festival, HARI_INI)
    assert a.jumlah == 3 and a.per_program == {"JKK": 3, "JKM": 3, "JHT": 1}
    assert a.per_dana == {"mandiri": 2, "apbdes": 1} and a.per_pekerjaan == {"Petani": 3}
    assert a.target == 8 and a.mode == ModeLayar.LANGSUNG
    assert a.nama_desa == "Wonopringgo" and a.nama_kec == "Wonopringgo"
    assert (a.tanggal_mulai, a.tanggal_selesai) == (kemarin, HARI_INI)
    assert a.aktif_desa == 4 and a.bpu_aktif_desa == 4  # the village holds both events' sign-ups
    # Newest first; the form's sign-up carries its saving time, the others only their day.
    assert a.terbaru["program"].tolist() == ["JKK, JKM", "JHT, JKK, JKM", "JKK, JKM"]
    assert [w is None for w in a.terbaru["waktu"]] == [False, True, True]
    assert set(a.terbaru.columns) == {"program", "sumber_dana", "pekerjaan", "waktu", "tanggal_daftar"}
    assert angka_layar(engine_kosong, lain, HARI_INI).jumlah == 1
    assert angka_layar(engine_kosong, 999_999, HARI_INI) is None
    assert kegiatan_berlangsung(engine_kosong, HARI_INI)["id"].tolist() == [lain, festival]
    assert kegiatan_berlangsung(engine_kosong, HARI_INI + timedelta(days=1)).empty


def test_staff_switch_the_scene_and_set_the_goal(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    nomor = _kegiatan(engine_kosong, "Peluncuran", HARI_INI, HARI_INI)
    assert angka_layar(engine_kosong, nomor, HARI_INI).target is None
    atur_mode_layar(engine_kosong, nomor, ModeLayar.PENUTUP)
    assert angka_layar(engine_kosong, nomor, HARI_INI).mode == ModeLayar.PENUTUP
    simpan_kegiatan(engine_kosong, IsianKegiatan("Peluncuran", "peluncuran", WONOPRINGGO, HARI_INI, HARI_INI,
                                                 target_pendaftar=150), None, HARI_INI, nomor)
    a = angka_layar(engine_kosong, nomor, HARI_INI)
    assert a.target == 150 and a.mode == ModeLayar.PENUTUP  # editing the event keeps the scene
    with pytest.raises(KegiatanDitolak, match="Target pendaftar antara 1 dan 100.000"):
        simpan_kegiatan(engine_kosong, IsianKegiatan("Peluncuran", "peluncuran", WONOPRINGGO, HARI_INI, HARI_INI,
                                                     target_pendaftar=0), None, HARI_INI, nomor)
    with pytest.raises(KegiatanDitolak, match="tidak ditemukan"):
        atur_mode_layar(engine_kosong, 999_999, ModeLayar.SAMBUTAN)
    with pytest.raises(ValueError):
        atur_mode_layar(engine_kosong, nomor, "pesta")
    # A scene written by hand as something unknown reads as live rather than breaking the stage.
    tulis(engine_kosong, lambda k: k.execute(sa.text("UPDATE kegiatan SET mode_layar = 'x' WHERE id = :id"),
                                             {"id": nomor}))
    assert angka_layar(engine_kosong, nomor, HARI_INI).mode == ModeLayar.LANGSUNG
