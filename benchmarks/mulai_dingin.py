"""Benchmark: cold starts only, many, in turn: this checkout's app, another checkout's (optional) and
the bare Streamlit page as the baseline.

    python -m benchmarks.mulai_dingin [--ulang 10] [--pohon PATH] [--hari-ini 2026-11-24] [--folder DIR]

The interaction benchmark's cold start is a median of three and moves by 0.2 s from one run to the
next, more than a change worth making: here each round starts every server once, in an order that
turns round each time, so the machine's drift falls on all of them alike. A start is timed as there
(benchmarks.interaksi.mulai_dingin): from the server process's start until the opening page's
numbers are on screen and its run has ended, in a new browser context (a first visit), the network
cut off. `--pohon` is another checkout of the project (a worktree of an older commit, say); it
reads the same demo database, so it must share this checkout's schema.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from benchmarks.interaksi import (ARGUMEN_CHROMIUM, CHROMIUM, PROXY_MATI, SIAP_DEMO_MS, SKRIP_DASAR, konteks_baru,
                                  metrik_tampil, mulai_dingin)
from benchmarks.server import proses_streamlit
from data_access.config import AKAR_PROYEK


def main(argv: list[str] | None = None) -> None:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ulang", type=int, default=10, help="rounds (each starts every server once)")
    parser.add_argument("--pohon", type=Path, help="another checkout of the project to start in turn with this one")
    parser.add_argument("--hari-ini", default="2026-11-24", help="the app's pinned today")
    parser.add_argument("--folder", type=Path, help="keep the servers' folders (and the demo database) here")
    args = parser.parse_args(argv)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="mulai_dingin_"))
    folder.mkdir(parents=True, exist_ok=True)
    env = {"DESA_SADAR_HARI_INI": args.hari_ini}
    skrip_dasar = folder / "dasar.py"
    skrip_dasar.write_text(SKRIP_DASAR, encoding="utf-8")
    # (name, checkout, script, how many numbers mean the page is there)
    server = [("app", AKAR_PROYEK, None, 5), ("bare page", AKAR_PROYEK, skrip_dasar, 1)]
    if args.pohon:
        server.insert(1, (f"app at {args.pohon}", args.pohon.resolve(), None, 5))
    waktu: dict[str, list[float]] = {nama: [] for nama, *_ in server}
    with sync_playwright() as pw:
        peramban = pw.chromium.launch(executable_path=CHROMIUM, args=ARGUMEN_CHROMIUM, proxy=PROXY_MATI)
        diblokir: list[str] = []
        # The demo database is built on the first start: a set-up, not a cold start.
        with proses_streamlit(folder / "app", folder / "siap.log", env_tambahan=env) as (url, _):
            konteks = konteks_baru(peramban, diblokir)
            page = konteks.new_page()
            page.goto(url)
            page.locator('[data-testid="stMetricValue"]').nth(4).wait_for(timeout=SIAP_DEMO_MS)
            konteks.close()
        for putaran in range(args.ulang):
            for nama, akar, skrip, jumlah in (server if putaran % 2 == 0 else server[::-1]):
                data = folder / ("dasar" if skrip else "app")
                waktu[nama].append(mulai_dingin(peramban, diblokir, data, nama.replace(" ", "_").replace("/", "_"),
                                                skrip, {} if skrip else env, metrik_tampil(jumlah), akar))
        peramban.close()
    dasar = statistics.median(waktu["bare page"])
    print(f"folder: {folder}; hari ini: {args.hari_ini}; {args.ulang} rounds\n")
    print("| server | cold start, median | mean | range | ratio to the bare page |")
    print("| --- | --- | --- | --- | --- |")
    for nama, t in waktu.items():
        print(f"| {nama} | {statistics.median(t):.2f} s | {statistics.mean(t):.2f} s | {min(t):.2f}–{max(t):.2f} s "
              f"| {statistics.median(t) / dasar:.2f}× |")
    print(f"\nrequests off this machine blocked: {len(diblokir)}")


if __name__ == "__main__":
    main()
