"""Where the development data is: $BRIEFING_EVAL_DIR alone when it is set (the tests set it to their
copy, tests/fixtures/eval, so that they read the same files in every clone); else beside the
repository (../shared/eval), else that copy (see its README)."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT / ".." / "shared" / "eval"
TEST_COPY = REPO_ROOT / "tests" / "fixtures" / "eval"


def eval_path(relative: str) -> Path:
    """`relative` under $BRIEFING_EVAL_DIR when it is set; else the first of ../shared/eval and
    tests/fixtures/eval that holds it (the shared path when neither does, so that a message names
    where the data belongs)."""
    if os.environ.get("BRIEFING_EVAL_DIR"):
        return Path(os.environ["BRIEFING_EVAL_DIR"]) / relative
    for root in (SHARED, TEST_COPY):
        if (root / relative).exists():
            return root / relative
    return SHARED / relative
