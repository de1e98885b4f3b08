from hypothesis import given
from hypothesis import strategies as st

from domain.suppresi import sembunyikan, sembunyikan_kelompok, sembunyikan_persamaan
from tampilan.format import label_tersembunyi


def test_counts_from_one_to_k_minus_one_are_hidden():
    assert [sembunyikan(n, 5) for n in (0, 1, 4, 5, 120)] == [0, None, None, 5, 120]
    assert label_tersembunyi(5) == "<5"


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


@given(st.lists(st.lists(st.lists(st.integers(min_value=0, max_value=12), min_size=3, max_size=3),
                         min_size=1, max_size=4), min_size=1, max_size=4), st.integers(min_value=2, max_value=6))
def test_no_equation_of_a_three_level_table_solves_a_hidden_cell(tabel, k):
    """Villages × segments inside kecamatan inside a regency, every margin shown: solving one unknown
    at a time, as an attacker would, never reaches a hidden cell."""
    nilai, indeks = [], {}

    def sel(kunci, n):
        indeks[kunci] = len(nilai)
        nilai.append(n)

    for i, kec in enumerate(tabel):
        for j, desa in enumerate(kec):
            for s_, n in enumerate(desa):
                sel(("d", i, j, s_), n)
            sel(("d", i, j, "*"), sum(desa))
        for s_ in [0, 1, 2, "*"]:
            sel(("c", i, s_), sum(d[s_] if s_ != "*" else sum(d) for d in kec))
    for s_ in [0, 1, 2, "*"]:
        sel(("r", s_), sum(nilai[indeks[("c", i, s_)]] for i in range(len(tabel))))
    persamaan = []
    for i, kec in enumerate(tabel):
        for j in range(len(kec)):
            persamaan.append((indeks[("d", i, j, "*")], [indeks[("d", i, j, s_)] for s_ in range(3)]))
        for s_ in [0, 1, 2, "*"]:
            persamaan.append((indeks[("c", i, s_)], [indeks[("d", i, j, s_)] for j in range(len(kec))]))
        persamaan.append((indeks[("c", i, "*")], [indeks[("c", i, s_)] for s_ in range(3)]))
    for s_ in [0, 1, 2, "*"]:
        persamaan.append((indeks[("r", s_)], [indeks[("c", i, s_)] for i in range(len(tabel))]))
    persamaan.append((indeks[("r", "*")], [indeks[("r", s_)] for s_ in range(3)]))

    sembunyi = sembunyikan_persamaan(nilai, persamaan, k)
    assert all(sembunyi[i] for i, n in enumerate(nilai) if 0 < n < k)
    tahu = {i for i, h in enumerate(sembunyi) if not h}
    berubah = True
    while berubah:
        berubah = False
        for total, bagian in persamaan:
            belum = [c for c in (total, *bagian) if c not in tahu]
            if len(belum) == 1:
                tahu.add(belum[0])
                berubah = True
    assert all(not sembunyi[i] for i in tahu)
    for total, bagian in persamaan:  # beside a visible total, hidden parts never add up to a small count
        if not sembunyi[total]:
            assert not 0 < sum(nilai[b] for b in bagian if sembunyi[b]) < k
