"""Registration on both engines: saved whole, NIK never stored, duplicates refused, concurrency safe."""

import threading
from datetime import date

import pytest

from data_access.batas import sinkronkan_wilayah
from data_access.db import baca
from data_access.pendaftaran import PendaftaranDitolak, daftarkan
from domain.pendaftaran import Pendaftaran

HARI_INI = date(2026, 11, 24)
KUNCI = b"kunci-uji-yang-cukup-panjang"


def _nik(nomor: int, perempuan: bool = False) -> str:
    return f"332610{3 + (40 if perempuan else 0):02d}0585{nomor:04d}"


def _daftar(nomor: int = 1, **ubah) -> Pendaftaran:
    isi = dict(kode_desa="33.26.10.2001", segmen="BPU", program=frozenset({"JKK", "JKM"}), pekerjaan="Petani",
               jenis_kelamin="L", tahun_lahir=1985, sumber_dana="mandiri", nik=_nik(nomor))
    isi.update(ubah)
    return Pendaftaran(**isi)


@pytest.fixture
def engine(engine_kosong, batas):
    sinkronkan_wilayah(engine_kosong, batas)
    return engine_kosong


def test_a_registration_is_saved_with_its_enrolments_and_active_period(engine):
    pid = daftarkan(engine, _daftar(program=frozenset({"JKK", "JKM", "JHT"})), KUNCI, HARI_INI)
    peserta = baca(engine, "SELECT * FROM peserta WHERE id = :id", id=pid)
    assert peserta["sumber"].iloc[0] == "pendaftaran" and peserta["kanal"].iloc[0] == "kantor_cabang"
    iuran = dict(baca(engine, "SELECT program, iuran_bulanan FROM kepesertaan WHERE peserta_id = :id",
                      id=pid).itertuples(index=False))
    assert iuran == {"JKK": 10_000, "JKM": 6_800, "JHT": 20_000}
    assert sorted(baca(engine, "SELECT program FROM masa_aktif WHERE peserta_id = :id", id=pid)["program"]) == \
        ["JHT", "JKK", "JKM", "SEMUA"]


def test_the_nik_is_never_stored(engine):
    daftarkan(engine, _daftar(), KUNCI, HARI_INI)
    for tabel in ("peserta", "kepesertaan", "masa_aktif"):
        isi = baca(engine, f"SELECT * FROM {tabel}").astype(str).to_string()
        assert _nik(1) not in isi and _nik(1)[6:12] not in isi


@pytest.mark.parametrize("ubah,pesan", [
    ({"program": frozenset({"JKK", "JKM", "JP"})}, "tidak dapat didaftarkan pada program JP"),
    ({"program": frozenset({"JKK"})}, "Program wajib"),
    ({"nik": "123"}, "16 angka"),
    ({"jenis_kelamin": "P"}, "Jenis kelamin tidak cocok"),
    ({"kode_desa": ""}, "Desa belum dipilih"),
])
def test_bad_registrations_are_refused_and_leave_nothing(engine, ubah, pesan):
    with pytest.raises(PendaftaranDitolak, match=pesan):
        daftarkan(engine, _daftar(**ubah), KUNCI, HARI_INI)
    assert baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 0


def test_the_same_person_twice_is_reported_in_plain_words(engine):
    daftarkan(engine, _daftar(), KUNCI, HARI_INI)
    with pytest.raises(PendaftaranDitolak, match="sudah terdaftar sebagai peserta sejak 24/11/2026"):
        daftarkan(engine, _daftar(nik="'3326 1003 0585 0001"), KUNCI, HARI_INI)
    assert baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 1


def test_ten_staff_registering_at_the_same_moment_lose_nothing(engine):
    hasil, gagal = [], []
    mulai = threading.Barrier(10)

    def staf(n: int) -> None:
        mulai.wait()
        for i in range(10):
            try:
                hasil.append(daftarkan(engine, _daftar(nomor=n * 100 + i + 1), KUNCI, HARI_INI))
            except Exception as e:  # noqa: BLE001 - collected and asserted below
                gagal.append(e)

    utas = [threading.Thread(target=staf, args=(n,)) for n in range(10)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert gagal == [] and len(hasil) == 100
    assert baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 100
    assert baca(engine, "SELECT count(*) AS n FROM kepesertaan")["n"].iloc[0] == 200


def test_two_staff_saving_the_same_person_at_once_save_them_once(engine):
    hasil, ditolak = [], []
    mulai = threading.Barrier(2)

    def staf() -> None:
        mulai.wait()
        try:
            hasil.append(daftarkan(engine, _daftar(nomor=77), KUNCI, HARI_INI))
        except PendaftaranDitolak as e:
            ditolak.append(str(e))

    utas = [threading.Thread(target=staf) for _ in range(2)]
    for u in utas:
        u.start()
    for u in utas:
        u.join()
    assert len(hasil) == 1 and len(ditolak) == 1 and "NIK ini" in ditolak[0]
    assert baca(engine, "SELECT count(*) AS n FROM peserta")["n"].iloc[0] == 1
