"""Import rows: columns named every way, one column per programme, and every problem of a row at once."""

from datetime import date

from domain.impor import SKEMA, petakan_kolom, validasi_baris

HARI_INI = date(2026, 11, 24)


def _desa(teks: str, kecamatan: str | None) -> str:
    if teks.lower().endswith("wonopringgo") or teks == "33.26.12.2008":
        return "33.26.12.2008"
    raise ValueError(f"Desa '{teks}' tidak ditemukan.")


KONTEKS = {"desa": _desa, "hari_ini": HARI_INI}


def test_headers_in_indonesian_or_english_with_personal_columns_dropped():
    header = ["No.", "Nama Lengkap", "N I K", "Kode Desa", "Desa/Kelurahan", "Kec.", "Segment", "JKK", "JKM", "JHT",
              "Tgl. Daftar", "No. HP", "Jenis Kelamin", "Tanggal Lahir"]
    peta, dibuang, hilang = petakan_kolom(header, SKEMA["peserta"])
    assert hilang == ["nik"]  # 'N I K' is not a NIK column: spaced letters are not guessed
    header[2] = "NIK"
    peta, dibuang, hilang = petakan_kolom(header, SKEMA["peserta"])
    assert hilang == [] and dibuang == ["Nama Lengkap", "No. HP", "Tanggal Lahir"]
    assert {k: header[i] for k, i in peta.items()} == {
        "nik": "NIK", "kode_desa": "Kode Desa", "nama_desa": "Desa/Kelurahan", "kecamatan": "Kec.",
        "segmen": "Segment", "jkk": "JKK", "jkm": "JKM", "jht": "JHT", "tanggal_daftar": "Tgl. Daftar",
        "jenis_kelamin": "Jenis Kelamin"}


def test_one_column_per_programme_with_yes_no():
    baris, masalah = validasi_baris("peserta", {"nik": "3326120305855001", "nama_desa": "Wonopringgo", "segmen": "BPU",
                                                "jkk": "Ya", "jkm": "Y", "jht": "Tidak", "tanggal_daftar": "2019-09-03"},
                                    KONTEKS, {}, 2)
    assert masalah == [] and baris.program == {"JKK", "JKM"} and baris.dana == "mandiri"
    assert "3326120305855001" not in repr(baris)


def test_every_problem_of_a_row_is_reported_with_its_column():
    nama = {"nik": "NIK", "kode_desa": "Desa", "segmen": "Segmen", "program": "Program", "tanggal_daftar": "Tgl"}
    _, masalah = validasi_baris("peserta", {"nik": 3326120305855001, "nama_desa": "Atlantis", "segmen": "Pensiunan",
                                            "program": "JKK", "tanggal_daftar": "2030-01-01"}, KONTEKS, nama, 9)
    assert {(m.baris, m.kolom) for m in masalah} == {(9, "NIK"), (9, "Desa"), (9, "Segmen"), (9, "Tgl")}
    assert any("disimpan Excel sebagai angka" in m.alasan for m in masalah)
    assert all("3326120305855001" not in m.nilai for m in masalah)


def test_nik_must_agree_with_sex_and_birth_year_when_given():
    _, masalah = validasi_baris("peserta", {"nik": "3326120305855001", "nama_desa": "Wonopringgo", "segmen": "BPU",
                                            "program": "JKK,JKM", "tanggal_daftar": "2019-09-03",
                                            "jenis_kelamin": "Perempuan", "tahun_lahir": "1985"}, KONTEKS, {}, 3)
    assert len(masalah) == 1 and "Jenis kelamin tidak cocok" in masalah[0].alasan
