"""Build speed against its floor: prints the cold-build and no-op-rebuild ratios.

floor  = Snakemake start-up on a one-rule workflow + pandoc on each briefing's final document (with
         citeproc) + WeasyPrint on each, each timed in this run (the default config builds two: the
         full briefing and the executive brief, in build/north-korea/<briefing>/);
cold   = a full build of the default briefings from an empty build/;
no-op  = a rebuild with nothing to do, against Snakemake's own no-op on the one-rule workflow.
Targets: cold <= 1.3 x floor, no-op <= 1.2 x Snakemake's no-op. Usage: python bench/build_speed.py [-n 3]
Each round takes every figure once, back to back; the ratios printed are the medians of the rounds'
ratios, so a machine that slows down mid-run skews both sides of a ratio alike. On a machine others
share, the CPU seconds (user + system, of every process a command ran) are printed too: the cold
build's work against the floor's, which waiting for a busy core does not inflate (the cold build's
counts the jobs both cores run side by side, so it overstates the critical path).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
EVIDENCE = "build/north-korea"  # config.yaml's id
BRIEFINGS = ("full", "executive")  # config.yaml's briefings
ONE_RULE = 'rule all:\n    output: "done.txt"\n    shell: "touch {output}"\n'


CPU = {}  # command name -> CPU seconds of its runs in this round (pandoc and WeasyPrint once per briefing)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: list[str], cwd: Path, name: str) -> float:
    """Wall seconds of one run; its CPU seconds are added to CPU[name]."""
    cpu, start = children_cpu(), time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    wall = time.perf_counter() - start
    CPU[name] = CPU.get(name, 0.0) + children_cpu() - cpu
    return wall


def verdict(ratio: float, target: float) -> str:
    return f"(target <= {target}: {'met' if ratio <= target else 'MISSED'})"


def one_round(work: Path, tiny: Path, scratch: Path) -> dict[str, float]:
    """Every measurement once, back to back, so each ratio compares figures taken moments apart."""
    snakemake = [str(BIN / "snakemake"), "--cores", "2", "--quiet"]
    build = [*snakemake, "-s", str(REPO / "Snakefile")]
    shutil.rmtree(work / "build", ignore_errors=True)
    CPU.clear()
    figures = {"cold": timed(build, work, "cold"), "noop": timed(build, work, "noop")}
    (tiny / "done.txt").unlink(missing_ok=True)
    figures["start_up"] = timed(snakemake, tiny, "start_up")
    figures["tiny_noop"] = timed(snakemake, tiny, "tiny_noop")
    figures["pandoc"] = sum(timed([str(BIN / "python"), "-c", PANDOC, EVIDENCE, f"{EVIDENCE}/{briefing}"], work,
                                  "pandoc") for briefing in BRIEFINGS)
    figures["weasy"] = sum(timed([str(BIN / "weasyprint"), f"{EVIDENCE}/{briefing}/briefing.html",
                                  str(scratch / "w.pdf")], work, "weasy") for briefing in BRIEFINGS)
    figures["floor"] = figures["start_up"] + figures["pandoc"] + figures["weasy"]
    figures["cold_ratio"] = figures["cold"] / figures["floor"]
    figures["noop_ratio"] = figures["noop"] / figures["tiny_noop"]
    figures["cold_cpu"], figures["noop_cpu"] = CPU["cold"], CPU["noop"]
    figures["floor_cpu"] = CPU["start_up"] + CPU["pandoc"] + CPU["weasy"]
    figures["cold_cpu_ratio"] = CPU["cold"] / figures["floor_cpu"]
    figures["noop_cpu_ratio"] = CPU["noop"] / CPU["tiny_noop"]
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3, help="rounds of measurements (medians are reported)")
    rounds = parser.parse_args().n
    with tempfile.TemporaryDirectory() as tmp:
        work, tiny = Path(tmp) / "project", Path(tmp) / "tiny"
        shutil.copytree(REPO / "seeds", work / "seeds")
        shutil.copy(REPO / "config.yaml", work / "config.yaml")
        tiny.mkdir()
        (tiny / "Snakefile").write_text(ONE_RULE)
        measured = [one_round(work, tiny, Path(tmp)) for _ in range(rounds)]
    median = {key: statistics.median(figures[key] for figures in measured) for key in measured[0]}
    print(f"snakemake one-rule start-up {median['start_up']:.2f}s, pandoc {median['pandoc']:.2f}s, "
          f"weasyprint {median['weasy']:.2f}s -> floor {median['floor']:.2f}s")
    print(f"cold build  {median['cold']:.2f}s  ratio {median['cold_ratio']:.2f}  {verdict(median['cold_ratio'], 1.3)}")
    print(f"no-op       {median['noop']:.2f}s  ratio {median['noop_ratio']:.2f}  {verdict(median['noop_ratio'], 1.2)}"
          f"  snakemake's own no-op {median['tiny_noop']:.2f}s")
    print(f"CPU seconds: cold {median['cold_cpu']:.2f} vs floor {median['floor_cpu']:.2f} = "
          f"{median['cold_cpu_ratio']:.2f}; no-op {median['noop_cpu']:.2f}, ratio {median['noop_cpu_ratio']:.2f}")
    return 0


# pandoc on the final document: the same conversion the html stage asks for, through pypandoc's binary.
PANDOC = """
import json, subprocess, sys, pypandoc
evidence, build = sys.argv[1], sys.argv[2]
bibliography = json.load(open(evidence + "/bibliography.json"))
items = [{k: v for k, v in i.items() if k not in ("raw", "originals")} for i in bibliography]
json.dump(items, open(build + "/bench-bib.json", "w"))
subprocess.run([pypandoc.get_pandoc_path(), build + "/briefing.md", "--citeproc", "--standalone",
                "--bibliography", build + "/bench-bib.json", "-o", build + "/bench.html"], check=True)
"""

if __name__ == "__main__":
    sys.exit(main())
