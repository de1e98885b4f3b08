"""`python -m data_access import`: a summary in Bahasa Indonesia and exit 0 imported, 2 refused, 1 failed."""

import pytest

from data_access.__main__ import main
from data_access.db import baca, buat_engine

KEGIATAN = "Nama Kegiatan;Desa;Tanggal;Hadir\nSosialisasi CLI;Wonopringgo;05/03/2026;90\n"


@pytest.fixture
def berkas(tmp_path):
    def tulis(nama: str, isi: str):
        jalur = tmp_path / nama
        jalur.write_text(isi, encoding="utf-8")
        return str(jalur)

    return tulis


def test_exit_codes_and_summary(url_kosong, berkas, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("DESA_SADAR_KUNCI_NIK", "kunci-uji-perintah-yang-panjang")
    baik = berkas("kegiatan.csv", KEGIATAN)
    assert main(["import", "kegiatan", baik, "--dry-run", "--database", url_kosong]) == 0
    assert "Uji coba (--dry-run): tidak ada yang ditulis." in capsys.readouterr().out
    assert main(["import", "kegiatan", baik, "--database", url_kosong]) == 0
    assert "Diimpor: 1 baru" in capsys.readouterr().out
    assert main(["import", "kegiatan", baik, "--database", url_kosong]) == 0
    assert "0 baru, 0 diperbarui, 1 sudah ada dan sama" in capsys.readouterr().out

    buruk = berkas("peserta.csv", "NIK;Desa;Segmen;Program;Tgl Daftar\n=cmd|' /C calc'!A0;Atlantis;BPU;JKK,JKM;x\n")
    laporan = tmp_path / "masalah.csv"
    assert main(["import", "peserta", buruk, "--database", url_kosong, "--laporan", str(laporan)]) == 2
    keluaran = capsys.readouterr().out
    assert "Ditolak: tidak ada yang ditulis" in keluaran and "baris 2, kolom Desa 'Atlantis'" in keluaran
    isi = laporan.read_text(encoding="utf-8-sig")
    assert "Atlantis" in isi and "=cmd" not in isi  # the NIK is never echoed, formulas never run

    assert main(["import", "kegiatan", str(tmp_path / "tidak_ada.csv"), "--database", url_kosong]) == 1
    assert "berkas tidak dapat dibuka" in capsys.readouterr().err
    engine = buat_engine(url_kosong)
    log = baca(engine, "SELECT jenis, status FROM log_impor ORDER BY id")
    engine.dispose()
    assert log.values.tolist() == [["kegiatan", "berhasil"], ["kegiatan", "berhasil"], ["peserta", "ditolak"]]


def test_progress_a_confirmed_correction_and_a_failure_exit_1(url_kosong, berkas, capsys, monkeypatch):
    ejaan = berkas("ejaan.csv", KEGIATAN.replace("Wonopringgo", "Wonopringgi"))
    assert main(["import", "kegiatan", ejaan, "--database", url_kosong]) == 2
    keluaran = capsys.readouterr()
    assert "yang paling mirip: Wonopringgo" in keluaran.out and "--terima-koreksi" in keluaran.out
    assert main(["import", "kegiatan", ejaan, "--terima-koreksi", "--database", url_kosong]) == 0
    keluaran = capsys.readouterr()
    assert "'Wonopringgi' → Wonopringgo (33.26.12.2008, 1×)" in keluaran.out
    assert keluaran.err.splitlines()[-1] == "  100%"  # progress on stderr, the summary on stdout

    import data_access.impor as modul

    def rusak(*_):
        raise RuntimeError("/srv/rahasia pid 99")

    monkeypatch.setitem(modul.PENULIS, "kegiatan", rusak)
    lain = berkas("lain.csv", KEGIATAN.replace("Sosialisasi CLI", "Sosialisasi Lain"))
    assert main(["import", "kegiatan", lain, "--database", url_kosong]) == 1
    keluaran = capsys.readouterr()
    assert "kesalahan di server" in keluaran.out and "/srv" not in keluaran.out + keluaran.err


def test_the_form_the_import_and_the_command_line_find_one_nik_key(url_kosong, berkas, tmp_path, monkeypatch):
    """With no key configured, the command line's import and the phone form use the key kept in the
    data folder, so a person imported from the branch export is recognised at an event."""
    from datetime import date

    from data_access.config import kunci_rahasia_nik, muat_pengaturan
    from data_access.pendaftaran import PendaftaranDitolak, daftarkan
    from domain.nik import kunci_pseudonim
    from domain.pendaftaran import Pendaftaran

    monkeypatch.delenv("DESA_SADAR_KUNCI_NIK", raising=False)
    monkeypatch.setenv("DESA_SADAR_DATA_DIR", str(tmp_path / "data"))
    peserta = berkas("peserta.csv", "NIK;Desa;Segmen;Program;Tgl Daftar;Jenis Kelamin\n"
                                    "'3326120305855001;Wonopringgo;BPU;JKK, JKM;03/09/2019;L\n")
    assert main(["import", "peserta", peserta, "--database", url_kosong]) == 0
    kunci = kunci_rahasia_nik(muat_pengaturan())
    assert (tmp_path / "data" / "kunci_nik").read_bytes().strip() == kunci and len(kunci) == 64
    engine = buat_engine(url_kosong)
    try:
        assert baca(engine, "SELECT kunci_pseudonim FROM peserta")["kunci_pseudonim"].tolist() == [
            kunci_pseudonim("3326120305855001", kunci)]
        sama = Pendaftaran("33.26.12.2008", "BPU", frozenset({"JKK", "JKM"}), "Petani", "L", 1985, "mandiri",
                           "3326120305855001")
        with pytest.raises(PendaftaranDitolak, match="sudah terdaftar"):
            daftarkan(engine, sama, kunci_rahasia_nik(muat_pengaturan()), date(2026, 11, 24))
        # The branch's payment export names the same person by NIK: the command line finds them.
        bayar = berkas("iuran.csv", "NIK;Bulan Iuran;Jumlah Iuran\n'3326120305855001;09/2019;16800\n")
        assert main(["import", "iuran", bayar, "--database", url_kosong]) == 0
        assert baca(engine, "SELECT jumlah FROM iuran")["jumlah"].tolist() == [16800]
    finally:
        engine.dispose()


def test_one_eligibility_rule_for_the_form_and_the_import(url_kosong, berkas, capsys, monkeypatch):
    from datetime import date

    from domain.pendaftaran import Pendaftaran, periksa

    monkeypatch.setenv("DESA_SADAR_KUNCI_NIK", "kunci-uji-perintah-yang-panjang")
    hanya_jkk = berkas("jkk.csv", "NIK;Desa;Segmen;Program;Tgl Daftar\n'3326120305855001;Wonopringgo;BPU;JKK;03/09/2019\n")
    assert main(["import", "peserta", hanya_jkk, "--database", url_kosong]) == 2
    formulir = periksa(Pendaftaran("33.26.12.2008", "BPU", frozenset({"JKK"}), "Petani", "L", 1985, "mandiri",
                                   "3326120305855001"), date(2026, 11, 24))
    assert formulir == ["Program wajib untuk segmen BPU belum dipilih: JKM."]
    assert formulir[0] in capsys.readouterr().out  # the same rule, the same words
