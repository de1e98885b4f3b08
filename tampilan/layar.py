"""The event stage's words and numbers in the viewer's language, ready to be put on screen as text.

The stage page (layanan.layar_web) polls this as JSON and only places strings into elements with
textContent: formatting, translation and what may be seen are all decided here and in
tampilan.publik, never in the browser.
"""

from __future__ import annotations

from datetime import date, datetime

from domain.program import SUMBER_DANA
from tampilan import format as fmt
from tampilan.publik import EntriTicker, LayarPublik
from tampilan.teks import label_isian, t


def rentang_tanggal(mulai: date, selesai: date, bahasa: str) -> str:
    """'3 September 2019', or '3 – 4 September 2019' for an event of several days."""
    if selesai <= mulai:
        return fmt.tanggal(mulai, bahasa)
    return f"{fmt.tanggal(mulai, bahasa)} – {fmt.tanggal(selesai, bahasa)}"


def berapa_lama(waktu: datetime | None, tanggal: date, kini: datetime, hari_ini: date, bahasa: str) -> str:
    """How long ago a sign-up was saved; by the day for an imported row, which has no time."""
    if waktu is not None:
        menit = max(int((kini - waktu).total_seconds() // 60), 0)
        if menit < 1:
            return t("layar_baru_saja", bahasa)
        if menit < 60:
            return t("layar_menit_lalu", bahasa, n=str(menit))
        if menit < 24 * 60:
            return t("layar_jam_lalu", bahasa, n=str(menit // 60))
    hari = (hari_ini - tanggal).days
    if hari <= 0:
        return t("layar_hari_ini", bahasa)
    if hari == 1:
        return t("layar_kemarin", bahasa)
    if hari <= 7:
        return t("layar_hari_lalu", bahasa, n=str(hari))
    return fmt.tanggal(tanggal, bahasa)


def _entri(e: EntriTicker, kini: datetime, hari_ini: date, bahasa: str) -> str:
    bagian = [", ".join(e.program)] if e.program else []
    if e.sumber_dana:
        bagian.append(label_isian("sumber_dana", SUMBER_DANA.get(e.sumber_dana, e.sumber_dana), bahasa))
    if e.pekerjaan:
        bagian.append(label_isian("pekerjaan", e.pekerjaan, bahasa))  # the form's list is translated; typed ones stay
    bagian = bagian or [t("layar_pendaftar_baru", bahasa)]
    return " · ".join([*bagian, berapa_lama(e.waktu, e.tanggal, kini, hari_ini, bahasa)])


def _angka(n: int | None, k: int) -> str:
    return fmt.label_tersembunyi(k) if n is None else fmt.angka(n)


def muatan_layar(lp: LayarPublik, bahasa: str, k: int, demo: bool, kini: datetime, hari_ini: date) -> dict:
    """Everything the stage shows, as strings (and the scene, the goal's quarter and the bar's width)."""
    if lp.target is None:
        tonggak_teks = ""
    elif lp.tonggak >= 100:
        tonggak_teks = t("layar_target_tercapai", bahasa)
    else:
        tonggak_teks = t("layar_tonggak", bahasa, p=str(lp.tonggak))
    return {
        "mode": str(lp.mode),
        "judul": lp.nama_kegiatan,
        "kode_desa": lp.kode_desa,
        "tempat": t("layar_tempat", bahasa, desa=lp.nama_desa, kec=lp.nama_kec),
        "tanggal": rentang_tanggal(lp.tanggal_mulai, lp.tanggal_selesai, bahasa),
        "demo": t("label_demo", bahasa) if demo else "",
        "jumlah": _angka(lp.jumlah, k),
        "jumlah_label": t("layar_sejak_mulai" if lp.jumlah is not None else "layar_disembunyikan", bahasa),
        "target": t("layar_target", bahasa, n=fmt.angka(lp.target)) if lp.target else "",
        "kemajuan": None if lp.kemajuan is None else round(lp.kemajuan * 100, 1),
        "tonggak": lp.tonggak,
        "tonggak_teks": tonggak_teks,
        "capaian": fmt.persen(lp.persen_target, 0) if lp.persen_target is not None else "",
        "capaian_label": t("layar_dari_target", bahasa, n=fmt.angka(lp.target)) if lp.target else "",
        "program": [{"label": p, "nilai": _angka(n, k)} for p, n in lp.per_program.items()],
        "jht": fmt.persen(lp.persen_jht, 0) if lp.persen_jht is not None else fmt.label_tersembunyi(k),
        "desa": [
            {"label": t("layar_aktif_desa", bahasa), "nilai": fmt.hitungan(lp.aktif_desa, k)},
            {"label": t("layar_cakupan_desa", bahasa),
             "nilai": fmt.TANDA_TERSEMBUNYI if lp.cakupan_tersembunyi else fmt.persen(lp.cakupan_desa, 2)},
        ],
        "ticker": [_entri(e, kini, hari_ini, bahasa) for e in lp.ticker],
    }


def teks_tetap(bahasa: str) -> dict[str, str]:
    """The stage's fixed words, sent once with the page."""
    return {kunci: t(f"layar_{kunci}", bahasa) for kunci in (
        "selamat_datang", "ajakan", "terima_kasih", "total", "persen_jht", "terbaru", "tunggu", "pindai",
        "diperbarui", "terputus")}
