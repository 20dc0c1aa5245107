"""Where the development data is: beside the repository (../shared/eval, or $BRIEFING_EVAL_DIR),
else the copy of what the tests need in tests/fixtures/eval (see its README)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT / ".." / "shared" / "eval"
TEST_COPY = REPO_ROOT / "tests" / "fixtures" / "eval"


def eval_path(relative: str) -> Path:
    """The first of $BRIEFING_EVAL_DIR, ../shared/eval and tests/fixtures/eval that holds `relative`
    (the shared path when none does, so that a message names where the data belongs)."""
    roots = [Path(os.environ["BRIEFING_EVAL_DIR"])] if os.environ.get("BRIEFING_EVAL_DIR") else []
    for root in [*roots, SHARED, TEST_COPY]:
        if (root / relative).exists():
            return root / relative
    return SHARED / relative
