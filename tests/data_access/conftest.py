"""Fixtures shared by the import tests."""

import pytest

from data_access.batas import sinkronkan_wilayah
from data_access.impor import KonteksImpor
from geo.batas import titik_desa
from geo.gazetteer import Gazetteer
from tests.data_access.test_impor import HARI_INI, KUNCI


@pytest.fixture
def siap(engine_kosong, batas):
    """An empty database on each engine with the regency's villages, and an import context."""
    sinkronkan_wilayah(engine_kosong, batas)
    konteks = KonteksImpor("uji", HARI_INI, Gazetteer(batas.desa), KUNCI, lambda kode: titik_desa(batas.desa, kode))
    return engine_kosong, konteks
