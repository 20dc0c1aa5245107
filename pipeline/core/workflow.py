"""Helpers the Snakefile calls: which seeds there are and what each rule is handed.

Kept here so the Snakefile holds no logic, and so seed file names (untrusted) are mapped to
safe seed ids in one tested place.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# The package's layers in import order (tests/test_layout.py): a stage may import its own layer and
# those before it, never one after it. Package data and the dispatcher are read by every stage.
LAYERS = ("core", "text", "intake", "references", "bibliography", "content", "render")
SHARED = ("data", "schemas", "__init__.py", "__main__.py")
STAGE_LAYER = {"clean": "intake", "corpus": "intake", "references": "references", "bibliography": "bibliography",
               "sections": "content", "extract": "content", "facts": "content", "changes": "content",
               "fill": "render", "html": "render", "pdf": "render"}

SEED_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf")
SIDECAR_EXTENSIONS = (".bib", ".json", ".ris")
NOT_SEEDS = {"sources.yaml", "sources.yml", "readme.md", "readme.txt"}
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class Seed:
    id: str
    path: str
    sidecars: tuple[str, ...]


def seed_id(path: Path) -> str:
    """The file stem when it is a safe identifier, else a sanitized stem with a short hash."""
    return name_seed_id(path.name)


def name_seed_id(name: str) -> str:
    """seed_id of a file name."""
    stem = split_suffix(name)[0]
    if SAFE_ID.fullmatch(stem) and len(stem) <= 120:
        return stem
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")[:60] or "seed"
    digest = hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{cleaned}-{digest}"


def split_suffix(name: str) -> tuple[str, str]:
    """A file name's stem and suffix as pathlib has them (no suffix for ".profile" or "a."), without
    building a Path: discovery splits every name of a folder of thousands."""
    at = name.rfind(".")
    return (name[:at], name[at:]) if 0 < at < len(name) - 1 else (name, "")


def is_seed_candidate(path: Path) -> bool:
    """Every visible file is a seed except sidecars, sources.yaml and READMEs.

    Files with an unsupported extension are still seeds, so that the clean stage reports them
    with a one-line error instead of ignoring them silently.
    """
    return path.is_file() and is_seed_name(path.name)


def is_seed_name(name: str) -> bool:
    """is_seed_candidate for a name already known to be a file's."""
    if name.startswith(".") or name.lower() in NOT_SEEDS:
        return False
    return split_suffix(name)[1].lower() not in SIDECAR_EXTENSIONS + (".yaml", ".yml")


def discover_seeds(directory: str, wanted: Callable[[str], bool] | None = None) -> dict[str, Seed]:
    """Seed id -> Seed, sorted by file name; sidecars are files sharing the seed's stem. With
    wanted, only the seeds whose id it accepts (ids are given as among all the folder's seeds).

    One listing of the folder, with the entries' types as the listing gives them, and a Path only
    for the seeds it returns: every shard job discovers its own seeds, and a stat and a few Paths
    per file cost each job a quarter of a second at 10,000 seeds."""
    try:
        with os.scandir(directory) as entries:
            files = {entry.name for entry in entries if entry.is_file()}
    except (FileNotFoundError, NotADirectoryError):
        return {}
    folder, taken, seeds = Path(directory), set(), {}
    for name in sorted(files):
        if not is_seed_name(name):
            continue
        ident = name_seed_id(name)
        stem, suffix = split_suffix(name)
        if ident in taken:  # same stem, other extension: keep both, apart
            ident = f"{ident}-{suffix.lstrip('.').lower()}"
        taken.add(ident)
        if wanted is not None and not wanted(ident):
            continue
        sidecars = tuple(str(folder / (stem + ext)) for ext in SIDECAR_EXTENSIONS if stem + ext in files)
        seeds[ident] = Seed(ident, str(folder / name), sidecars)
    return seeds


def sources_file(directory: str) -> list[str]:
    """seeds/sources.yaml as a list of zero or one path, for use as an optional input."""
    for name in ("sources.yaml", "sources.yml"):
        path = Path(directory) / name
        if path.is_file():
            return [str(path)]
    return []


def settings_json(config: dict, *keys: str) -> str:
    """The parts of the validated config a stage reads, as JSON for its --settings option: a
    top-level key ("cleaning") or one setting under it ("seeds.max_bytes").

    Passing only those parts as a rule parameter means a change to, say, the sections reruns
    the jobs that read sections and nothing else.
    """
    chosen: dict = {}
    for key in keys:
        section, _, setting = key.partition(".")
        if setting:
            chosen.setdefault(section, {})[setting] = config[section][setting]
        else:
            chosen[section] = config[section]
    return json.dumps(chosen, sort_keys=True, ensure_ascii=False)


def template_files(shipped: str, override: str | None) -> list[str]:
    """Every file under the shipped and the user's template folders, so edits rerun the render."""
    files: list[str] = []
    for folder in (shipped, override):
        if folder and Path(folder).is_dir():
            files += sorted(str(p) for p in Path(folder).rglob("*") if p.is_file())
    return files


def main_template(shipped: str, settings: dict) -> str:
    """The briefing's main template (briefing.template), the user's folder's before ours; one line if neither has it."""
    name, override = settings["briefing"]["template"], settings["briefing"]["templates"]
    for folder in (override, shipped):
        if folder and (Path(folder) / name).is_file():
            return str(Path(folder) / name)
    raise SystemExit(f"error: {Path(shipped) / name}: briefing {settings['briefing']['id']!r} names a template "
                     "that is in no template folder — fix briefings[].template in the config")


def briefing_wildcard(briefings: dict) -> str:
    """A regular expression that matches the briefing ids and nothing else (the {briefing} wildcard)."""
    return "|".join(re.escape(ident) for ident in sorted(briefings, key=lambda i: (-len(i), i)))


@cache
def _source_digests(package: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every source and data file of the package (read once per run)."""
    return {path.relative_to(package).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(package.rglob("*"))
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"}


def code_digest(stage: str, package: Path = PACKAGE) -> str:
    """A digest of the code a stage's command can run: its layer, the layers before it, the shared files.

    Rules run shell commands, so Snakemake sees no code; handed to a rule as a param, this makes
    Snakemake's params trigger rerun the stage's jobs (and what follows them) when that code changes.
    """
    layers = LAYERS[: LAYERS.index(STAGE_LAYER[stage]) + 1] + SHARED
    digest = hashlib.sha256()
    for name, file_digest in _source_digests(package).items():
        if name.split("/", 1)[0] in layers:
            digest.update(f"{name}\0{file_digest}\n".encode())
    return digest.hexdigest()[:16]
