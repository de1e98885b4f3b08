import pytest

from domain.program import Program, Segmen, alasan_tidak_boleh, boleh_ikut, iuran_bpu_bulanan


@pytest.mark.parametrize("program", ["JP", "JKP"])
def test_bpu_cannot_join_pension_or_job_loss(program):
    assert not boleh_ikut("BPU", program)
    assert "BPU" in alasan_tidak_boleh("BPU", program)


@pytest.mark.parametrize("segmen,program,boleh", [
    ("BPU", "JKK", True), ("BPU", "JKM", True), ("BPU", "JHT", True),
    ("PU", "JP", True), ("PU", "JKP", True),
    ("JAKON", "JHT", False), ("JAKON", "JKK", True),
    ("PMI", "JHT", True), ("PMI", "JP", False),
])
def test_eligibility_follows_the_domain_brief(segmen, program, boleh):
    assert boleh_ikut(segmen, program) is boleh
    assert (alasan_tidak_boleh(segmen, program) is None) is boleh


def test_unknown_codes_are_refused_with_a_reason():
    assert not boleh_ikut("XX", "JKK")
    assert "tidak dikenal" in alasan_tidak_boleh("XX", "JKK")
    assert "tidak dikenal" in alasan_tidak_boleh("BPU", "ABC")


def test_every_segment_must_hold_jkk_and_jkm_and_may_hold_them():
    for segmen in Segmen:
        assert boleh_ikut(segmen, Program.JKK) and boleh_ikut(segmen, Program.JKM)


def test_bpu_minimum_contribution_is_16800_and_36800_with_jht():
    assert iuran_bpu_bulanan({"JKK", "JKM"}) == 16_800
    assert iuran_bpu_bulanan({"JKK", "JKM", "JHT"}) == 36_800
