"""Build speed against its floor: prints the cold-build and no-op-rebuild ratios.

floor  = Snakemake start-up on a one-rule workflow + pandoc on the final document (with citeproc)
         + WeasyPrint on the final document, each timed in this run;
cold   = a full build of the default briefing from an empty build/;
no-op  = a rebuild with nothing to do, against Snakemake's own no-op on the one-rule workflow.
Targets: cold <= 2 x floor, no-op <= 1.5 x Snakemake's no-op. Usage: python bench/build_speed.py [-n 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
ONE_RULE = 'rule all:\n    output: "done.txt"\n    shell: "touch {output}"\n'


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def median_of(runs: int, command: list[str], cwd: Path, before=None) -> float:
    times = []
    for _ in range(runs):
        if before:
            before()
        times.append(timed(command, cwd))
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="runs of each measurement (median is reported)")
    runs = parser.parse_args().n
    snakemake = [str(BIN / "snakemake"), "--cores", "2", "--quiet"]
    with tempfile.TemporaryDirectory() as tmp:
        work, tiny = Path(tmp) / "project", Path(tmp) / "tiny"
        shutil.copytree(REPO / "seeds", work / "seeds")
        shutil.copy(REPO / "config.yaml", work / "config.yaml")
        tiny.mkdir()
        (tiny / "Snakefile").write_text(ONE_RULE)
        build = [*snakemake, "-s", str(REPO / "Snakefile")]
        cold = median_of(runs, build, work, lambda: shutil.rmtree(work / "build", ignore_errors=True))
        noop = median_of(runs, build, work)
        start_up = median_of(runs, snakemake, tiny, lambda: (tiny / "done.txt").unlink(missing_ok=True))
        tiny_noop = median_of(runs, snakemake, tiny)
        pandoc = median_of(runs, [str(BIN / "python"), "-c", PANDOC, str(work / "build")], work)
        weasy = median_of(runs, [str(BIN / "weasyprint"), "build/briefing.html", str(Path(tmp) / "w.pdf")], work)
    floor = start_up + pandoc + weasy
    print(f"snakemake one-rule start-up {start_up:.2f}s, pandoc {pandoc:.2f}s, weasyprint {weasy:.2f}s "
          f"-> floor {floor:.2f}s")
    print(f"cold build  {cold:.2f}s  ratio {cold / floor:.2f}  (target <= 2.0)")
    print(f"no-op       {noop:.2f}s  ratio {noop / tiny_noop:.2f}  (target <= 1.5; snakemake's own no-op "
          f"{tiny_noop:.2f}s)")
    return 0


# pandoc on the final document: the same conversion the html stage asks for, through pypandoc's binary.
PANDOC = """
import json, subprocess, sys, pypandoc
build = sys.argv[1]
bibliography = json.load(open(build + "/bibliography.json"))
items = [{k: v for k, v in i.items() if k not in ("raw", "originals")} for i in bibliography]
json.dump(items, open(build + "/bench-bib.json", "w"))
subprocess.run([pypandoc.get_pandoc_path(), build + "/briefing.md", "--citeproc", "--standalone",
                "--bibliography", build + "/bench-bib.json", "-o", build + "/bench.html"], check=True)
"""

if __name__ == "__main__":
    sys.exit(main())
