"""Work handed to a second process started early, so that its slow imports run beside this one's work.

A stage that needs a heavy library only late (pint for figures' units, matplotlib for the timeline
figure) starts an Aside first: a one-process pool, forked, that imports the library at once. When the
stage gets to that work, it calls the function there and has the answer back (arguments and answers
are pickled, so they are plain data). On a machine with a core to spare, the import no longer adds to
the stage's time. Where processes cannot be forked, the function runs in this process, as before.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor


class Aside:
    def __init__(self, warm_up: Callable[[], object]):
        """warm_up: a module-level function the second process runs first (imports, a registry)."""
        self.pool = None
        if "fork" in multiprocessing.get_all_start_methods():
            self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
            self.pool.submit(_discard, warm_up)

    def call(self, function: Callable, *args):
        """function(*args), in the second process when there is one; its exceptions raise here."""
        return self.pool.submit(function, *args).result() if self.pool else function(*args)


def _discard(warm_up: Callable[[], object]) -> None:
    warm_up()  # what it returns (a registry, a module) stays in the second process
