"""Worker processes that build chunks ahead while the main process writes them, in chunk order.

Each worker is a fresh interpreter (``python -c`` importing this module), so nothing of
the caller is re-imported (``multiprocessing``'s spawn would re-run an unguarded main
script) and no threads are forked. Jobs and results travel as pickles over the worker's
stdin / stdout. Job i goes to worker ``i % n``, and each worker does its jobs in order,
so the results come back in chunk order whatever the timing: the files do not depend on
the number of workers. A finished result waits in its worker (blocked on the pipe) until
the main process asks for it, so at most one chunk per worker plus the one being written
are in memory.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import traceback
from collections.abc import Callable, Iterator

_BOOT = ("import sys; sys.path[:0] = {path!r}; "
         "from welfare_segments.generator._pool import serve; serve()")


def serve() -> None:
    """Worker loop: read (function name, args) pickles from stdin, answer with ("ok", result) or ("error", text)."""
    from welfare_segments import generator

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing else may write to the result pipe
    while True:
        try:
            name, args = pickle.load(stdin)
        except EOFError:
            return
        try:
            answer = ("ok", getattr(generator, name)(*args))
        except BaseException:  # noqa: BLE001 - handed to the main process
            answer = ("error", traceback.format_exc())
        pickle.dump(answer, stdout, protocol=5)
        stdout.flush()
        del answer


class _Worker:
    def __init__(self) -> None:
        path = [p for p in sys.path if p]
        self.proc = subprocess.Popen([sys.executable, "-c", _BOOT.format(path=path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(self, name: str, args: tuple) -> None:
        pickle.dump((name, args), self.proc.stdin, protocol=5)
        self.proc.stdin.flush()

    def receive(self):
        try:
            status, value = pickle.load(self.proc.stdout)
        except EOFError:
            raise RuntimeError(f"generator worker {self.proc.pid} died (exit code {self.proc.wait()})") from None
        if status != "ok":
            raise RuntimeError(f"generator worker failed:\n{value}")
        return value

    def close(self, kill: bool = False) -> None:
        if kill and self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        self.proc.wait()
        self.proc.stdout.close()


def ordered_map(function: Callable, jobs: list[tuple], workers: int) -> Iterator:
    """``function(*job)`` for each job, in order; computed ahead by ``workers`` processes when workers > 1.

    ``function`` must be a top-level function of ``welfare_segments.generator``.
    """
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield function(*job)
        return
    pool = [_Worker() for _ in range(min(workers, len(jobs)))]
    n = len(pool)
    ok = False
    try:
        for i, job in enumerate(jobs[:n]):
            pool[i].send(function.__name__, job)
        for i in range(len(jobs)):
            w = pool[i % n]
            result = w.receive()
            if i + n < len(jobs):
                w.send(function.__name__, jobs[i + n])
            yield result
            del result
        ok = True
    finally:
        for w in pool:
            w.close(kill=not ok)
