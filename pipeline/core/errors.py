"""Expected failures and the one-line error every stage prints for them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence


class PipelineError(Exception):
    """A failure the user can fix: names the file, what went wrong and what to do."""

    def __init__(self, path: str, problem: str, remedy: str):
        super().__init__(f"{path}: {problem} — {remedy}")
        self.path = path
        self.problem = problem
        self.remedy = remedy

    def one_line(self) -> str:
        return " ".join(f"error: {self}".split())


def warn(path: str, message: str) -> str:
    """Print a warning naming the file on stderr and return it for the stage's report."""
    line = " ".join(f"{path}: {message}".split())
    print(f"warning: {line}", file=sys.stderr)
    return line


def run_cli(main: Callable[[Sequence[str] | None], int], argv: Sequence[str] | None = None) -> int:
    """Run a stage's main(); a PipelineError becomes one line on stderr and exit status 1."""
    try:
        return main(argv)
    except PipelineError as error:
        print(error.one_line(), file=sys.stderr)
        return 1
