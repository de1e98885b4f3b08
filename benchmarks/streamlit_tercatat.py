"""`python -m streamlit`, writing each script run's span and CPU time to a file (benchmarks only).

    python benchmarks/streamlit_tercatat.py LOG run server.py [streamlit options]

Run by its path (benchmarks.server does), so it can record another checkout's app too.

One line per run: its start and end on the machine's monotonic clock (the clock of
time.perf_counter in every process here, so a benchmark can tell which action a run belongs to)
and the CPU time of the run's thread, in seconds. With it, a benchmark splits what a user waits for
into the server's script and the rest (the click's trip, sending, the browser drawing).
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path


def main() -> None:
    log = Path(sys.argv.pop(1))
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.web.cli import main as streamlit_main

    asli = script_runner.ScriptRunner._run_script
    kunci = threading.Lock()

    def tercatat(self, *argumen, **opsi):
        mulai, cpu = time.perf_counter(), time.thread_time()
        try:
            return asli(self, *argumen, **opsi)
        finally:
            baris = f"{mulai:.6f} {time.perf_counter():.6f} {time.thread_time() - cpu:.6f}\n"
            with kunci, log.open("a") as keluaran:
                keluaran.write(baris)

    script_runner.ScriptRunner._run_script = tercatat
    streamlit_main(prog_name="streamlit")


if __name__ == "__main__":
    # Run by its path, its own folder heads sys.path; the app's checkout (PYTHONPATH) must come first.
    sys.path.pop(0)
    main()
