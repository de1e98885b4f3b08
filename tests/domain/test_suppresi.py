import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from domain.suppresi import (nilai_publik, samarkan_kelompok, sembunyikan, sembunyikan_kelompok,
                             sembunyikan_tabel)
from tampilan.format import label_tersembunyi


def test_counts_from_one_to_k_minus_one_are_hidden():
    assert [sembunyikan(n, 5) for n in (0, 1, 4, 5, 120)] == [0, None, None, 5, 120]
    assert label_tersembunyi(5) == "<5"


def test_a_percentage_from_a_small_count_is_hidden_with_it():
    nilai, tersembunyi = nilai_publik([12.5, 3.0, None, 0.0], [3, 40, 0, 0], 5)
    assert nilai == [None, 3.0, None, 0.0]
    assert tersembunyi == [True, False, False, False]


def _terungkap(jumlah: list[int], sembunyi: list[bool], k: int) -> bool:
    """Whether total minus the visible counts pins down a hidden count or a small hidden sum."""
    tersembunyi = [n for n, s in zip(jumlah, sembunyi, strict=True) if s]
    return len(tersembunyi) == 1 or 0 < sum(tersembunyi) < k


def test_a_single_hidden_count_takes_the_smallest_other_with_it():


    assert sembunyikan_kelompok([3, 40, 12, 0], 5) == [True, False, True, False]
    assert sembunyikan_kelompok([1, 1, 50, 60], 5) == [True, True, True, False]  # 1+1 < 5: a third is hidden
    assert sembunyikan_kelompok([10, 20, 0], 5) == [False, False, False]
    assert sembunyikan_kelompok([2], 5) == [True]
    assert sembunyikan_kelompok([3, 0, 0], 5) == [True, True, True]  # zeros hidden too: 3 - 0 - 0 would show


@given(st.lists(st.integers(min_value=0, max_value=30), min_size=1, max_size=12), st.integers(min_value=2, max_value=10))
def test_no_group_gives_a_small_count_back(jumlah, k):


    sembunyi = sembunyikan_kelompok(jumlah, k)
    assert all(s for n, s in zip(jumlah, sembunyi, strict=True) if 0 < n < k)  # primary always hidden
    if any(sembunyi) and not all(sembunyi):
        assert not _terungkap(jumlah, sembunyi, k)


@given(st.lists(st.lists(st.integers(min_value=0, max_value=20), min_size=3, max_size=3), min_size=2, max_size=6))
def test_tables_are_safe_along_rows_and_columns(tabel):


    k = 5
    sembunyi = sembunyikan_tabel(tabel, k)
    for baris, s in [*zip(tabel, sembunyi, strict=True),
                     *[([b[j] for b in tabel], [x[j] for x in sembunyi]) for j in range(3)]]:
        assert all(t for n, t in zip(baris, s, strict=True) if 0 < n < k)
        if any(s) and not all(s):
            assert not _terungkap(baris, s, k)


def test_a_group_beside_its_total_hides_a_complement_with_the_small_count():
    segmen = pd.DataFrame({"segmen": ["BPU", "JAKON", "PMI", "PU"], "peserta_aktif": [168, 4, 13, 372]})
    terlihat = samarkan_kelompok(segmen, "peserta_aktif", 5).dropna()
    assert terlihat["segmen"].tolist() == ["BPU", "PU"]  # 557 − 168 − 372 = 17: two bars, not one small one
    assert samarkan_kelompok(segmen, "peserta_aktif", 1).equals(segmen)  # leadership sees every bar
