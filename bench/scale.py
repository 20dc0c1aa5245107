"""Build time and memory against corpus size: python bench/scale.py [--seeds 5,1000,10000] [--quick].

For each N, makes a synthetic corpus (bench/make_corpus.py) in a temporary folder and builds it with
this checkout's Snakefile on two cores, timing four things:
cold    = a full build from an empty build/;
no-op   = a rebuild with nothing to do;
one     = a rebuild after one seed's text changed (a sentence added to a .txt seed);
each with the CPU seconds all its processes used (steadier than wall time on a shared machine),
and the peak memory of the cold build, polled over Snakemake's process tree: the largest single
process (RSS) and the largest total at one moment. Targets (issue 16, two cores): 1,000 seeds
cold <= 60 s; 10,000 seeds cold <= 300 s, no-op <= 10 s, one seed changed <= 20 s, memory <= 2 GB.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from pypdf import PdfReader

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import make_corpus  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGETS = {1000: {"cold": 60}, 10000: {"cold": 300, "noop": 10, "one": 20, "peak_total_mb": 2048}}


class PeakMemory:
    """Polls a process tree's resident memory: the largest process and the largest total seen."""

    def __init__(self, pid: int, every: float = 0.1):
        self.root, self.every = psutil.Process(pid), every
        self.largest = self.total = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()

    def _poll(self) -> None:
        while not self._stop.is_set():
            try:
                tree = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            sizes = []
            for process in tree:
                try:
                    sizes.append(process.memory_info().rss)
                except psutil.NoSuchProcess:
                    pass
            self.largest, self.total = max(self.largest, max(sizes, default=0)), max(self.total, sum(sizes))
            self._stop.wait(self.every)

    def stop(self) -> tuple[float, float]:
        self._stop.set()
        self._thread.join()
        return self.largest / 2**20, self.total / 2**20


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def build(project: Path, log: Path, target: str | None = None) -> tuple[float, float, float, float]:
    """One Snakemake build in project: seconds, CPU seconds of all its processes, peak MB of the
    largest process and peak MB in total (CPU time is steadier than wall time on a shared machine)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [str(BIN / "snakemake"), "-s", str(REPO / "Snakefile"), *([target] if target else []),
               "--cores", "2", "--quiet"]
    start, cpu = time.perf_counter(), children_cpu()
    with log.open("ab") as out:
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        memory = PeakMemory(process.pid)
        status = process.wait()
    elapsed = time.perf_counter() - start
    largest, total = memory.stop()
    if status:
        sys.exit(f"error: {project}: the build failed — see {log}")
    return elapsed, children_cpu() - cpu, largest, total


def change_one_seed(project: Path) -> Path:
    """Add a sentence to the middle seed's first long paragraph: a real edit, as a user makes one."""
    seeds = sorted((project / "seeds").glob("*.txt"))
    seed = seeds[len(seeds) // 2]
    text = seed.read_text(encoding="utf-8")
    paragraph_end = text.index(".\n", text.index("\n\n") + 2) + 1
    seed.write_text(text[:paragraph_end] + " Observers expect the patrols to continue." + text[paragraph_end:],
                    encoding="utf-8")
    return seed


def measure(count: int, work: Path, seed: int, target: str | None = None) -> dict[str, float]:
    project = work / f"n{count}"
    start = time.perf_counter()
    make_corpus(count, project, seed)
    figures: dict[str, float] = {"seeds": count, "make": time.perf_counter() - start}
    log = work / f"n{count}.log"
    cold = build(project, log, target)
    figures["cold"], figures["cold_cpu"], figures["peak_largest_mb"], figures["peak_total_mb"] = cold
    figures["noop"], figures["noop_cpu"] = build(project, log, target)[:2]
    change_one_seed(project)
    figures["one"], figures["one_cpu"] = build(project, log, target)[:2]
    pdfs = sorted((project / "build").glob("*/*/briefing.pdf"))  # build/<config id>/<briefing>/
    figures["pdf_pages"] = max((len(PdfReader(pdf).pages) for pdf in pdfs), default=float("nan"))
    return figures


def verdict(figures: dict[str, float]) -> str:
    targets = TARGETS.get(int(figures["seeds"]), {})
    misses = [f"{key} {figures[key]:.1f} > {limit}" for key, limit in targets.items() if figures[key] > limit]
    return "-" if not targets else ("meets targets" if not misses else "misses: " + ", ".join(misses))


def table(rows: list[dict[str, float]]) -> str:
    head = (f"{'seeds':>6} {'cold s':>8} {'(cpu)':>7} {'no-op s':>8} {'(cpu)':>6} {'one s':>7} {'(cpu)':>6}"
            f" {'largest MB':>10} {'total MB':>9} {'pages':>6}  targets")
    lines = [head, "-" * len(head)]
    for r in rows:
        lines.append(f"{int(r['seeds']):>6} {r['cold']:>8.1f} {r['cold_cpu']:>7.1f} {r['noop']:>8.1f}"
                     f" {r['noop_cpu']:>6.1f} {r['one']:>7.1f} {r['one_cpu']:>6.1f}"
                     f" {r['peak_largest_mb']:>10.0f} {r['peak_total_mb']:>9.0f} {r['pdf_pages']:>6.0f}  {verdict(r)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default="5,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--quick", action="store_true", help="small sizes only (5 and 50 seeds)")
    parser.add_argument("--seed", type=int, default=0, help="the corpus generator's random seed")
    parser.add_argument("--keep", type=Path, help="build the corpora in this folder and keep them")
    parser.add_argument("--target", help="build only this file and what it needs"
                        " (build/<config id>/<briefing>/briefing.md)")
    args = parser.parse_args(argv)
    counts = [5, 50] if args.quick else [int(n) for n in args.seeds.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = []
        for count in counts:
            rows.append(measure(count, work, args.seed, args.target))
            print(f"{count} seeds: " + ", ".join(f"{k} {v:.1f}" for k, v in rows[-1].items()), flush=True)
        print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
