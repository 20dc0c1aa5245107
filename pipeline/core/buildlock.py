"""One Snakemake run at a time in a folder, and what a killed build left behind cleared by the next.

Snakemake locks a folder by writing .snakemake/locks/*.lock (the files a build reads and writes; no
process id, no host) and marks the outputs of running jobs in .snakemake/incomplete/. A build killed
with SIGKILL (the OOM killer, a cancelled CI job) leaves both behind, and the next build refuses to
start until someone runs --unlock and --rerun-incomplete, which is safe exactly when no build runs
in the folder any more: Snakemake cannot tell. Two builds started at once can also both pass its
lock (it checks, then writes), or the second stop on the first one's running jobs as "incomplete".

hold_build_folder, in the Snakefile's first lines, takes an exclusive flock on .snakemake/build.lock
and keeps it until the process ends, however it ends: the kernel drops it, so a held flock is a
live run and a free one means none. A second run in the folder waits for the first to end (saying
so) and then plans against what the first built. Holding the flock, a run that finds Snakemake's
locks or incomplete markers knows they are a stopped build's: it waits for the jobs that build left
running (they outlive a SIGKILLed Snakemake; found through /proc, on Linux), removes the locks and
markers and deletes the outputs the markers name, as they may be half written, with a warning.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import sys
import time
from base64 import urlsafe_b64decode
from pathlib import Path
from typing import IO

from pipeline.core.errors import warn

STATE = Path(".snakemake")
BUILD_LOCK = "build.lock"
# How long a stopped build's jobs are waited for: the slowest stage on a large corpus takes minutes.
STAGE_WAIT_SECONDS = 600

_held: IO[str] | None = None  # this run's flock, open until the process ends


def _open_lock(path: Path) -> IO[str]:
    path.parent.mkdir(parents=True, exist_ok=True)
    return open(path, "a+", encoding="utf-8")


def _flock_now(handle: IO[str]) -> bool:
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def hold_build_folder(state: Path = STATE) -> None:
    """Hold the folder until this process ends (waiting for another run to end first), then clear
    what a stopped build left."""
    global _held
    path = state / BUILD_LOCK
    handle = _open_lock(path)
    if not _flock_now(handle):
        holder = path.read_text(encoding="utf-8").strip() or "another process"
        print(f"note: {path}: another Snakemake run is working in this folder ({holder}); "
              "waiting for it to end", file=sys.stderr, flush=True)
        fcntl.flock(handle, fcntl.LOCK_EX)
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()} on {socket.gethostname()}, started {time.strftime('%Y-%m-%d %H:%M:%S')}\n")
    handle.flush()
    _held = handle
    recover_stopped_build(state)


def processes_in(directory: str | os.PathLike) -> list[tuple[int, list[str]]]:
    """(pid, argv) of this machine's processes working in directory, this one excepted; none
    without /proc."""
    proc = Path("/proc")
    if not (proc / "self" / "cwd").exists():
        return []
    here = os.path.realpath(directory)
    found = []
    for entry in proc.iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if os.readlink(entry / "cwd") != here:
                continue
            argv = [part.decode("utf-8", "replace") for part in (entry / "cmdline").read_bytes().split(b"\0") if part]
        except OSError:  # gone, a zombie, or another user's
            continue
        found.append((int(entry.name), argv))
    return found


def is_stage_job(argv: list[str]) -> bool:
    """python -m pipeline STAGE ..., as every rule runs."""
    return any(arg == "-m" and argv[i + 1:i + 2] == ["pipeline"] for i, arg in enumerate(argv))


def incomplete_outputs(state: Path = STATE) -> dict[Path, str]:
    """Snakemake's incomplete markers -> the output each names (its file name is the path in
    URL-safe base64, cut into '@'-prefixed parts when longer than a file name may be)."""
    folder = state / "incomplete"
    markers = {}
    for marker in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if marker.is_file() and marker.name != "migration_underway":
            encoded = "".join(part.removeprefix("@") for part in marker.relative_to(folder).parts)
            try:
                markers[marker] = urlsafe_b64decode(encoded).decode("utf-8")
            except ValueError:
                continue
    return markers


def _wait_for(jobs: list[tuple[int, list[str]]]) -> None:
    names = ", ".join(f"pid {pid} ({' '.join(argv[argv.index('-m') + 1:][:2])})" for pid, argv in jobs)
    print(f"note: waiting for the jobs a stopped build left running here to end: {names}", file=sys.stderr, flush=True)
    deadline = time.monotonic() + STAGE_WAIT_SECONDS
    while any(Path(f"/proc/{pid}").exists() for pid, _ in jobs):
        if time.monotonic() > deadline:
            raise SystemExit(f"error: {STATE / 'locks'}: jobs of a stopped build are still running here ({names}) — "
                             "wait for them to end or end them, then build again")
        time.sleep(0.2)


def _remove_output(output: str) -> None:
    path = Path(output)
    if path.is_file() or path.is_symlink():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)  # a directory() output, such as a briefing's sections/
    for temporary in path.parent.glob(f".{path.name}.*.tmp") if path.parent.is_dir() else []:
        temporary.unlink()  # what core/jsonio.py's atomic writer had not renamed yet


def recover_stopped_build(state: Path = STATE) -> None:
    """With the folder held: a stopped build's locks and markers removed, its unfinished outputs deleted."""
    locks = sorted((state / "locks").glob("*.lock")) if (state / "locks").is_dir() else []
    markers = incomplete_outputs(state)
    if not locks and not markers:
        return
    jobs = [(pid, argv) for pid, argv in processes_in(".") if is_stage_job(argv)]
    if jobs:
        _wait_for(jobs)
    for lock in locks:
        lock.unlink(missing_ok=True)
    for marker, output in markers.items():
        _remove_output(output)
        marker.unlink(missing_ok=True)
    for folder in sorted((state / "incomplete").rglob("*"), reverse=True):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    unfinished = f"; deleted what its unfinished jobs were writing: {', '.join(sorted(markers.values()))}" \
        if markers else ""
    warn(str(state / "locks"), f"a build in this folder stopped before it finished: its lock is cleared{unfinished}")
