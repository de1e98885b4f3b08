"""Survival after sign-up and the funnel's limits, against figures worked by hand."""

import numpy as np
import pytest

from domain.iuran import batas_corong, kaplan_meier


def test_kaplan_meier_equals_the_hand_computed_curve():
    # Six sign-ups: lapses after 1, 2, 3 and 5 months; two still paying when last seen (2 and 4 months).
    kurva = kaplan_meier(np.array([1, 2, 2, 3, 4, 5]), np.array([1, 1, 0, 1, 0, 1]))
    # S(1) = 5/6; S(2) = 5/6 × 4/5; at 3 only three are still followed: S(3) = 4/6 × 2/3; S(5) = 0.
    harapan = [1.0, 5 / 6, 4 / 6, 4 / 6 * 2 / 3, 4 / 6 * 2 / 3, 0.0]
    assert kurva["bertahan"].tolist() == pytest.approx(harapan)
    assert kurva["berisiko"].tolist() == [6, 6, 5, 3, 2, 1]
    assert kurva["berhenti"].tolist() == [0, 1, 1, 1, 0, 1]


def test_recent_sign_ups_are_not_counted_as_lapsed():
    """Ten sign-ups of last month, all still paying, beside ten of a year ago of whom half lapsed at
    month 6: the curve stays at 1 until month 6 and then halves; a naive share would say 75%."""
    durasi = np.array([1] * 10 + [6] * 5 + [12] * 5)
    berhenti = np.array([0] * 10 + [1] * 5 + [0] * 5)
    kurva = kaplan_meier(durasi, berhenti).set_index("bulan")
    assert kurva.loc[5, "bertahan"] == 1.0 and kurva.loc[6, "bertahan"] == pytest.approx(0.5)


def test_the_funnel_narrows_with_size_and_holds_the_mean():
    corong = batas_corong(0.8, np.array([10, 100, 1000]))
    lebar = (corong["atas_95"] - corong["bawah_95"]).tolist()
    assert lebar[0] > lebar[1] > lebar[2]
    assert corong.loc[1, "bawah_95"] == pytest.approx(0.8 - 1.959964 * np.sqrt(0.8 * 0.2 / 100))
    assert (corong["bawah_998"] <= corong["bawah_95"]).all() and (corong["atas_95"] <= corong["atas_998"]).all()
    assert corong["atas_998"].max() <= 1.0
