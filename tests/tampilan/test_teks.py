"""Import refusals in English: every reason the domain writes has its English sentence."""

import re

import pytest

from tampilan.teks import ALASAN_EN, alasan_dalam


@pytest.mark.parametrize("templat_id, templat_en", ALASAN_EN)
def test_every_reason_template_reads_back_in_english(templat_id, templat_en):
    contoh = re.sub(r"\{\w+\}", "Xy7", templat_id)
    en = alasan_dalam(contoh, "en")
    assert en != contoh and "{" not in en and "Xy7" in en if "{" in templat_id else en == templat_en
    assert alasan_dalam(contoh, "id") == contoh


def test_joined_reasons_and_unknown_ones():
    gabung = ("Peserta segmen BPU tidak dapat didaftarkan pada program JP. "
              "Peserta segmen BPU tidak dapat didaftarkan pada program JKP.")
    assert alasan_dalam(gabung, "en") == ("A participant in segment BPU cannot be enrolled in programme JP. "
                                          "A participant in segment BPU cannot be enrolled in programme JKP.")
    assert alasan_dalam("Jenis kelamin 'X' tidak dikenal.", "en") == "Sex 'X' is not recognised."
    assert alasan_dalam("Sesuatu yang baru.", "en") == "Sesuatu yang baru."  # shown as written, never lost
