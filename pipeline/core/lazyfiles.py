"""JSON files by name, each read when first looked up: a stage that is handed every cleaned seed
but looks at a few (fill prints the passages its points cite) reads those few."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from pipeline.core.jsonio import read_json


class LazyJsonFiles(Mapping):
    """File stem -> the file's JSON, in the stems' sorted order; a file is read once, when first
    looked up. Iterating or testing membership reads nothing."""

    def __init__(self, paths: list[str]):
        self._paths = {Path(path).stem: path for path in sorted(paths, key=lambda path: Path(path).stem)}
        self._read: dict[str, Any] = {}

    def __getitem__(self, stem: str) -> Any:
        if stem not in self._read:
            self._read[stem] = read_json(self._paths[stem])  # KeyError for a stem not given
        return self._read[stem]

    def __iter__(self) -> Iterator[str]:
        return iter(self._paths)

    def __len__(self) -> int:
        return len(self._paths)

    def __contains__(self, stem: object) -> bool:
        return stem in self._paths
