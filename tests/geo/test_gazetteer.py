import pytest

from geo.gazetteer import Gazetteer, Status, normalkan


@pytest.fixture(scope="module")
def gazetteer(batas):
    return Gazetteer(batas.desa)


@pytest.mark.parametrize("teks,kode", [
    ("Ketanon Ageng", "33.26.10.2001"),
    ("Ds. Ketanon Ageng", "33.26.10.2001"),
    ("desa ketanonageng", "33.26.10.2001"),
    ("KEDUNG JARAN", "33.26.10.2013"),
    ("Kedung-Jaran", "33.26.10.2013"),
    ("wonopringgo", "33.26.12.2008"),
    ("Kel. Kajen", "33.26.08.1016"),
    ("  Desa   Wonopringgo ", "33.26.12.2008"),
    ("33.26.10.2001", "33.26.10.2001"),
])
def test_what_staff_type_resolves_exactly(gazetteer, teks, kode):
    hasil = gazetteer.cari(teks)
    assert hasil.status is Status.COCOK
    assert hasil.kode == kode
    assert hasil.keyakinan == 1.0


@pytest.mark.parametrize("nama", ["Sawangan", "Kutosari", "Karanggondang", "Sidomulyo", "Wonosari", "Yosorejo",
                                  "Depok", "Werdi", "Wonorejo", "Mulyorejo"])
def test_names_in_two_kecamatan_are_ambiguous_never_guessed(gazetteer, nama):
    hasil = gazetteer.cari(nama)
    assert hasil.status is Status.AMBIGU
    assert hasil.kode is None
    assert len({k.kode_kec for k in hasil.kandidat}) == 2
    assert "lebih dari satu kecamatan" in hasil.pesan


def test_the_kecamatan_settles_an_ambiguous_name(gazetteer):
    semua = gazetteer.cari("Sawangan").kandidat
    for k in semua:
        hasil = gazetteer.cari("Ds. Sawangan", kecamatan=f"Kec. {k.nama_kec}")
        assert hasil.status is Status.COCOK and hasil.kode == k.kode
        assert gazetteer.cari("sawangan", kecamatan=k.kode_kec).kode == k.kode


def test_kecamatan_narrows_a_name_to_nothing_when_it_is_not_there(gazetteer):
    assert gazetteer.cari("Ketanonageng", kecamatan="Kajen").status is not Status.COCOK


@pytest.mark.parametrize("salah_ketik,kode", [
    ("Ketanonagen", "33.26.10.2001"),
    ("Kedungjaaran", "33.26.10.2013"),
    ("Wonopringo", "33.26.12.2008"),
])
def test_small_typos_resolve_with_lower_confidence_and_candidates(gazetteer, salah_ketik, kode):
    hasil = gazetteer.cari(salah_ketik)
    assert hasil.status is Status.MIRIP
    assert hasil.kode == kode
    assert 0.85 <= hasil.keyakinan < 1.0
    assert hasil.kandidat[0].kode == kode


def test_a_typo_of_an_ambiguous_name_stays_ambiguous(gazetteer):
    hasil = gazetteer.cari("Sawangn")
    assert hasil.status is Status.AMBIGU and hasil.kode is None


@pytest.mark.parametrize("teks", ["Jakarta Selatan", "", "   ", "33.26.99.9999", "<script>"])
def test_unknown_names_are_not_found(gazetteer, teks):
    hasil = gazetteer.cari(teks)
    assert hasil.status is Status.TIDAK_DITEMUKAN and hasil.kode is None


def test_not_found_message_offers_suggestions(gazetteer):
    hasil = gazetteer.cari("Ketanon")
    assert hasil.status is Status.TIDAK_DITEMUKAN
    assert "tidak ditemukan" in hasil.pesan


def test_normalisation_handles_old_spelling_and_punctuation():
    assert normalkan("Ds. Ketanon-Ageng") == "ketanonageng"
    assert normalkan("Kel. Noeroel") == normalkan("Nurul")
    assert normalkan("Djati") == "jati"


def test_search_messages_follow_the_readers_language(gazetteer):
    ambigu, hilang = gazetteer.cari("Sawangan"), gazetteer.cari("Ketanon")
    assert "more than one district" in ambigu.pesan_dalam("en") and "District" in ambigu.pesan_dalam("en")
    assert hilang.pesan_dalam("en").startswith("Village 'Ketanon' was not found.")
    assert "Perhaps you mean:" in hilang.pesan_dalam("en")
    assert hilang.pesan_dalam("id") == hilang.pesan  # import reports stay in Bahasa Indonesia


@pytest.mark.parametrize("teks", [
    "Wono\u200bpringgo",  # a zero-width space
    "\u202eWonopringgo\u202c",  # a right-to-left override around it
    "Ｗｏｎｏｐｒｉｎｇｇｏ",  # fullwidth letters
    "\ufeffDs. Wonopringgo",  # a byte-order mark pasted in front
])
def test_invisible_and_compatibility_characters_are_the_name(gazetteer, teks):
    hasil = gazetteer.cari(teks)
    assert (hasil.status, hasil.kode) == (Status.COCOK, "33.26.12.2008")


@pytest.mark.parametrize("teks", ["W\u043enopringgo", "Wonopring\u0261o", "\u0412onopringgo", "Wonopringgο"])
def test_a_letter_from_another_script_never_matches(gazetteer, teks):
    # Cyrillic о, Latin-looking IPA ɡ (Latin: stays a typo), Cyrillic В, Greek ο.
    hasil = gazetteer.cari(teks)
    assert hasil.kode is None or hasil.status is Status.MIRIP
    if teks != "Wonopring\u0261o":
        assert hasil.status is Status.ASING and "U+" in hasil.pesan and "U+" in hasil.pesan_dalam("en")
