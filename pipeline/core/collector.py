"""The cyclic garbage collector paused while a stage after the per-seed ones runs (python -m pipeline)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off, as it was before afterwards.

    A cross-seed stage builds millions of objects that live to its end (the parsed JSON of every
    seed, a record per sentence) and drops them all when the process exits; each collection walks
    every object still tracked, so the collector did nothing useful but a third to half of such a
    stage's work at 10,000 seeds (facts 24.0 CPU s with it, 12.0 without; sections 25.9 s and 17.8;
    bibliography 16.2 and 10.9; fill 13.0 and 7.1; html 9.6 and 8.4). Reference counting still frees whatever is
    dropped on the way, so memory stays where it was (facts' peak RSS 1.37 GB with, 1.34 GB
    without; the others the same to the MB); only reference cycles would wait, and the stages'
    plain dicts and lists make none worth a pass.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
