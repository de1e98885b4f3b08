from domain.suppresi import k_suppresi, label_tersembunyi, nilai_publik, sembunyikan


def test_counts_from_one_to_k_minus_one_are_hidden():
    assert [sembunyikan(n, 5) for n in (0, 1, 4, 5, 120)] == [0, None, None, 5, 120]
    assert label_tersembunyi(5) == "<5"


def test_a_percentage_from_a_small_count_is_hidden_with_it():
    nilai, tersembunyi = nilai_publik([12.5, 3.0, None, 0.0], [3, 40, 0, 0], 5)
    assert nilai == [None, 3.0, None, 0.0]
    assert tersembunyi == [True, False, False, False]


def test_k_comes_from_configuration_and_is_never_below_two(monkeypatch):
    monkeypatch.setenv("DESA_SADAR_K", "10")
    assert k_suppresi() == 10
    monkeypatch.setenv("DESA_SADAR_K", "1")
    assert k_suppresi() == 2
    monkeypatch.setenv("DESA_SADAR_K", "lima")
    assert k_suppresi() == 5
