"""Every change points the way its number went and is coloured by whether that way is good."""

import pytest

from domain.sinyal import ARAH_BAIK, perubahan
from tampilan.pesan import delta_metrik, kalimat_perubahan


@pytest.mark.parametrize(("ukuran", "kini", "lalu", "arah", "baik", "delta", "warna"), [
    ("pendaftaran_baru", 5185, 5391, "turun", False, "-3,8%", "normal"),  # fewer sign-ups: down, red
    ("pendaftaran_baru", 5391, 5185, "naik", True, "+4,0%", "normal"),
    ("nonaktif", 2163, 2127, "naik", False, "+1,7%", "inverse"),  # more lapses: up, red
    ("nonaktif", 2000, 2127, "turun", True, "-6,0%", "inverse"),  # fewer lapses: down, green
])
def test_direction_and_colour(ukuran, kini, lalu, arah, baik, delta, warna):
    p = perubahan(ukuran, kini, lalu)
    assert (p.arah, p.baik) == (arah, baik)
    d = delta_metrik(p)
    # Streamlit draws the arrow down only for a leading ASCII '-'; 'inverse' turns an up arrow red.
    assert d == {"delta": delta, "delta_color": warna}
    assert (d["delta"].startswith("-")) == (arah == "turun")
    merah = (arah == "naik") == (warna == "inverse")
    assert merah == (not baik)


def test_no_change_is_grey_without_an_arrow_and_an_unknown_side_gives_no_change():
    assert delta_metrik(perubahan("nonaktif", 7, 7)) == {"delta": "0", "delta_color": "off", "delta_arrow": "off"}
    assert perubahan("pendaftaran_baru", None, 5) is None and delta_metrik(None) == {"delta": None}


def test_a_change_from_zero_has_no_percentage_and_says_the_difference():
    p = perubahan("pendaftaran_baru", 40, 0)
    assert p.persen is None and kalimat_perubahan(p, "id") == "naik 40"
    assert delta_metrik(p)["delta"] == "+40"


def test_counts_change_by_their_difference_and_every_measure_has_a_good_direction():
    assert delta_metrik(perubahan("peserta_aktif", 38584, 35356), persen=False)["delta"] == "+3.228"
    assert set(ARAH_BAIK.values()) == {1, -1} and ARAH_BAIK["nonaktif"] == -1
    with pytest.raises(ValueError):
        perubahan("suhu", 1, 2)
