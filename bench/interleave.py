"""Interleaved build timings on a shared machine: wall and CPU seconds per run, with the load beside them.

Every round runs each build once, in the same order, so a burst of load from
other jobs hits all builds of a round alike; medians over the rounds, and
ratios of medians, are what to compare. CPU seconds (user + system of the
build process) move less with the load than wall seconds do.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass
class Build:
    name: str
    cmd: list[str]
    before: Callable[[], None] | None = None  # e.g. empty a cache, untimed
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    load: list[float] = field(default_factory=list)  # 1-minute load average when the run started

    def median(self, what: str = "wall") -> float:
        return statistics.median(getattr(self, what))


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of one command (its output discarded; a failure raises)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = os.times().elapsed
    subprocess.run(cmd, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = os.times().elapsed - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_peak(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB, the largest of the command's
    processes, from wait4) of one command (its output discarded; a failure exits)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed ({status}): {' '.join(cmd)}")
    return elapsed, usage.ru_maxrss / 1024


def interleave(builds: list[Build], runs: int, cwd: Path, env: dict | None = None) -> list[Build]:
    for _ in range(runs):
        for build in builds:
            if build.before:
                build.before()
            build.load.append(os.getloadavg()[0])
            wall, cpu = run(build.cmd, cwd, env)
            build.wall.append(wall)
            build.cpu.append(cpu)
    return builds


def table(builds: list[Build], baselines: list[Build]) -> str:
    """A Markdown table: medians and each build's ratio to each baseline, wall (and CPU)."""
    head = "| build | wall s | CPU s | load (min–max) | " + " | ".join(
        f"× {b.name} wall (CPU)" for b in baselines) + " |"
    rows = [head, "|---|---:|---:|---:|" + "---:|" * len(baselines)]
    for b in builds:
        ratios = " | ".join(f"{b.median() / base.median():.2f} ({b.median('cpu') / base.median('cpu'):.2f})"
                            for base in baselines)
        rows.append(f"| {b.name} | {b.median():.2f} | {b.median('cpu'):.2f} | "
                    f"{min(b.load):.1f}–{max(b.load):.1f} | {ratios} |")
    return "\n".join(rows)
