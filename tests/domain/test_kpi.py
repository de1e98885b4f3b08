import pandas as pd

from domain import kpi


def test_bpu_coverage_is_active_bpu_over_informal_workers():
    assert kpi.cakupan_bpu(331, 10_000) == 3.31


def test_missing_denominators_and_targets_are_none_not_zero():
    assert kpi.cakupan_bpu(10, None) is None
    assert kpi.cakupan_bpu(10, 0) is None
    assert kpi.capaian_target(100, None) is None
    assert kpi.perubahan_persen(5, 0) is None


def test_change_and_lapse_rate():
    assert kpi.perubahan_persen(120, 100) == 20.0
    assert kpi.tingkat_nonaktif(30, 300) == 10.0


def test_leading_and_trailing_villages_skip_those_without_a_denominator():
    df = pd.DataFrame({"kode": list("abcdefg"), "cakupan_persen": [5.0, None, 9.0, 1.0, 7.0, 3.0, 2.0]})
    teratas, terbawah = kpi.desa_teratas_terbawah(df, n=2)
    assert teratas["kode"].tolist() == ["c", "e"]
    assert terbawah["kode"].tolist() == ["d", "g"]
