"""The live screen's numbers on both engines follow registrations at once."""

from datetime import date

from data_access.batas import sinkronkan_wilayah
from data_access.db import tulis
from data_access.layar import angka_layar
from data_access.pendaftaran import daftarkan
from domain.pendaftaran import Pendaftaran

import sqlalchemy as sa

HARI_INI = date(2026, 11, 24)


def test_sign_ups_today_at_the_event_by_programme_and_the_ticker(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    id_kegiatan = tulis(engine_kosong, lambda k: k.execute(sa.text("""
        INSERT INTO kegiatan (nama, jenis, kode_desa, tanggal_mulai, tanggal_selesai, sumber)
        VALUES ('Sosialisasi <b>uji</b>', 'sosialisasi', '33.26.12.2008', :h, :h, 'uji') RETURNING id"""),
        {"h": HARI_INI}).scalar_one())
    assert angka_layar(engine_kosong, id_kegiatan, HARI_INI).daftar_hari_ini == 0
    for i, program in enumerate([{"JKK", "JKM"}, {"JKK", "JKM", "JHT"}, {"JKK", "JKM"}]):
        daftarkan(engine_kosong, Pendaftaran("33.26.12.2008", "BPU", frozenset(program), "Petani", "L", 1985,
                                             "mandiri", f"33261003058500{i + 1:02d}", id_kegiatan),
                  b"kunci-uji-yang-cukup-panjang", HARI_INI)
    a = angka_layar(engine_kosong, id_kegiatan, HARI_INI)
    assert a.daftar_hari_ini == 3 and a.per_program == {"JKK": 3, "JKM": 3, "JHT": 1}
    assert a.aktif_desa == 3 and a.bpu_aktif_desa == 3 and a.nama_desa == "Wonopringgo"
    assert a.terbaru["program"].tolist() == ["JKK, JKM", "JHT, JKK, JKM", "JKK, JKM"]
    assert set(a.terbaru.columns) == {"desa", "program"}  # village and programme only, never a person
    assert angka_layar(engine_kosong, id_kegiatan, date(2026, 11, 25)).daftar_hari_ini == 0
    assert angka_layar(engine_kosong, 999_999, HARI_INI) is None
