"""Measures quizgen and prints a Markdown table: build times, start-up, quiz latency, peak memory.

    python benchmarks/bench.py                 # bundled bank, 1,000 and 10,000 facts (a few minutes)
    python benchmarks/bench.py --sizes 1000 --runs 3

Every figure is the median of --runs runs after one warm-up. Stages (load, Anki, print) are timed
inside one process; "whole build" is `quizgen build --no-pdf` in a new process, as a user runs it.
An output whose exporter is missing, or PDF without a browser, shows as n/a.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from baseline import write_bare_deck  # noqa: E402
from generate import write_bank  # noqa: E402
from quiz_driver import answer_times  # noqa: E402

from quizgen.bank.loader import load_banks  # noqa: E402
from quizgen.exporters import EXPORTERS  # noqa: E402
from quizgen.paths import project_root  # noqa: E402

# issue 19: `quizgen anki` within 1.3x of loading the bank plus a bare genanki script at 1k and 10k facts;
# the whole 10,000-fact build under 5 s; `quizgen --help` within 3x of `python -c pass`
TARGETS = {"bundled build": 1.0, "10k build": 5.0, "anki ratio": 1.3, "help ratio": 3.0, "answer": 0.020}
NA = "n/a"


def median_seconds(action, runs: int) -> float:
    """Median wall time of `runs` calls, after one warm-up call."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def shown(seconds: float | None) -> str:
    if seconds is None:
        return NA
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def exporter(name: str):
    """The exporter module, or None while it is not there (other outputs are still measured)."""
    try:
        return importlib.import_module(EXPORTERS[name])
    except (ImportError, KeyError):
        return None


def find_browser() -> str | None:
    try:
        from quizgen.browser import find_browser as find

        return find()
    except Exception:  # no module, or no browser: PDF is simply not measured
        return None


def quizgen_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "quizgen", *args]


def run_quiet(command: list[str], cwd: Path | None = None) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")


class Bench:
    def __init__(self, work: Path, runs: int, pdf_limit: int, quiz_answers: int):
        self.work, self.runs, self.pdf_limit, self.quiz_answers = work, runs, pdf_limit, quiz_answers
        self.browser = find_browser()

    def bank_root(self, size: int | None) -> Path:
        """A copy of the bundled bank (size None) or a generated one, outside the repository."""
        root = self.work / (f"bank-{size}" if size else "bundled")
        if not root.exists():
            if size:
                write_bank(size, root)
            else:
                shutil.copytree(project_root() / "decks", root / "decks")
                shutil.copytree(project_root() / "seeds", root / "seeds")
        return root

    def measure_bank(self, size: int | None) -> dict:
        root = self.bank_root(size)
        runs = self.runs if (size or 0) < 10_000 else max(1, self.runs // 2)
        load = lambda: load_banks(root / "decks", root / "seeds")  # noqa: E731
        bank = load()[0]
        row = {"facts": len(bank.facts), "load": median_seconds(load, runs)}
        out = root / "out-stages"
        anki, worksheet = exporter("anki"), exporter("print")
        row["anki"] = anki and median_seconds(lambda: anki.export(bank, out, {"pdf": False, "default_set": True}), runs)
        row["genanki"] = median_seconds(lambda: write_bare_deck(bank, out / "bare" / "bare.apkg"), runs)
        row["print"] = worksheet and median_seconds(
            lambda: worksheet.export(bank, out, {"pdf": False, "default_set": True}), runs
        )
        row["pdf"] = None
        if worksheet and self.browser and len(bank.facts) <= self.pdf_limit:
            with_pdf = median_seconds(
                lambda: worksheet.export(bank, out, {"pdf": True, "default_set": True}), max(1, runs // 2)
            )
            row["pdf"] = max(0.0, with_pdf - row["print"])
        build = quizgen_command("build", "--no-pdf", "--decks", "decks", "--seeds", "seeds", "--out", "out-cli")
        row["build"] = median_seconds(lambda: run_quiet(build, cwd=root), runs)
        return row

    def startup(self) -> tuple[float, float]:
        """Medians of `quizgen --help` and `python -c pass`, run in turns so load on the machine
        weighs on both alike."""
        helps, bares = [], []
        for _ in range(max(20, self.runs * 6)):
            for times, command in ((helps, quizgen_command("--help")), (bares, [sys.executable, "-c", "pass"])):
                started = time.perf_counter()
                run_quiet(command)
                times.append(time.perf_counter() - started)
        return statistics.median(helps), statistics.median(bares)

    def quiz(self, size: int | None) -> tuple[float, float] | None:
        if not self.quiz_answers or importlib.util.find_spec("quizgen.quiz") is None:
            return None
        root = self.bank_root(size)
        db = self.work / f"quiz-{size or 'bundled'}.sqlite3"
        db.unlink(missing_ok=True)
        times = sorted(answer_times(root / "decks", root / "seeds", db, self.quiz_answers))
        return statistics.median(times), times[int(0.95 * (len(times) - 1))]

    def peak_memory(self, size: int) -> int:
        """Maximum resident memory (KiB) of a whole `quizgen build --no-pdf` in a fresh process."""
        root = self.bank_root(size)
        script = (
            "import resource, sys\nfrom quizgen.cli import main\n"
            "code = main(['build', '--no-pdf', '--decks', 'decks', '--seeds', 'seeds', '--out', 'out-mem'])\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\nsys.exit(code)"
        )
        result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(result.stderr[-2000:])
        return int(result.stdout.split()[-1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    if hasattr(os, "sysconf") and "SC_PHYS_PAGES" in os.sysconf_names:
        memory = f", {os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') / 2**30:.0f} GiB RAM"
    return (
        f"{cpu}, {os.cpu_count()} CPUs{memory}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}"
    )


def verdict(value: float | None, target: float) -> str:
    return NA if value is None else ("met" if value <= target else "**missed**")


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def table(rows: list[dict], startup, quizzes, memory) -> str:
    names = [f"bundled ({rows[0]['facts']} facts)"] + [f"{row['facts']:,} facts" for row in rows[1:]]
    lines = [
        "| measurement | " + " | ".join(names) + " | target |",
        "| --- | " + " | ".join("---:" for _ in names) + " | --- |",
    ]

    def add(label: str, cells: list[str], target: str = "") -> None:
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {target} |")

    add("load and validate", [shown(row["load"]) for row in rows])
    add("Anki export", [shown(row["anki"]) for row in rows])
    add("bare genanki, same facts", [shown(row["genanki"]) for row in rows])
    # what a user runs is `quizgen anki` (load, then export) against a script that loads the same
    # bank and writes the same notes with bare genanki
    ratios = [ratio(row["anki"] and row["load"] + row["anki"], row["load"] + row["genanki"]) for row in rows]
    add(
        "(load + Anki) ÷ (load + genanki)",
        [NA if r is None else f"{r:.2f}×" for r in ratios],
        f"≤ {TARGETS['anki ratio']}× ({', '.join(verdict(r, TARGETS['anki ratio']) for r in ratios)})",
    )
    add("print, HTML", [shown(row["print"]) for row in rows])
    add("print, PDF (on top of HTML)", [shown(row["pdf"]) for row in rows])
    builds = [row["build"] for row in rows]
    targets = [f"< 1 s bundled ({verdict(builds[0], TARGETS['bundled build'])})"]
    big = [row for row in rows if row["facts"] >= 10_000]
    if big:
        targets.append(f"< 5 s at 10k ({verdict(big[0]['build'], TARGETS['10k build'])})")
    add("whole build, no PDF (new process)", [shown(b) for b in builds], "; ".join(targets))
    per_fact = [f"{row['build'] / row['facts'] * 1000:.2f} ms" for row in rows]
    add("whole build per fact", per_fact, "flat = linear")
    help_time, bare = startup
    lines += [
        "",
        "| measurement | value | target |",
        "| --- | ---: | --- |",
        f"| `quizgen --help` (new process) | {shown(help_time)} | ≤ 3× `python -c pass` "
        f"({help_time / bare:.1f}×: {verdict(help_time / bare, TARGETS['help ratio'])}) |",
        f"| `python -c pass` (reference) | {shown(bare)} | |",
    ]
    for size, result in quizzes.items():
        label = "bundled bank" if size is None else f"{size:,} facts"
        value = NA if result is None else f"{result[0] * 1000:.1f} ms (p95 {result[1] * 1000:.1f} ms)"
        lines.append(
            f"| quiz: answer → next prompt, median, {label} | {value} | < 20 ms "
            f"({verdict(result and result[0], TARGETS['answer'])}) |"
        )
    for size, kib in memory.items():
        lines.append(f"| peak memory (max RSS), whole build of {size:,} facts | {kib / 1024:.0f} MiB | |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure quizgen; print a Markdown table.")
    parser.add_argument("--sizes", default="1000,10000", help="generated bank sizes (default 1000,10000)")
    parser.add_argument("--runs", type=int, default=5, help="measured runs per figure (default 5; half at 10k)")
    parser.add_argument("--pdf-limit", type=int, default=1000, help="time PDF for banks up to N facts")
    parser.add_argument("--answers", type=int, default=30, help="quiz answers to time (0: skip the quiz)")
    args = parser.parse_args()
    sizes: list[int | None] = [None] + [int(s) for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="quizgen-bench-") as work:
        bench = Bench(Path(work), args.runs, args.pdf_limit, args.answers)
        rows = [bench.measure_bank(size) for size in sizes]
        startup = bench.startup()
        quizzes = {size: bench.quiz(size) for size in (sizes[0], sizes[-1])}
        memory = {size: bench.peak_memory(size) for size in sizes[-1:] if size}
    print(f"quizgen benchmarks on {machine()}")
    print(
        f"median of {args.runs} runs after a warm-up"
        f"{f'; PDF with {bench.browser}' if bench.browser else '; no browser: PDF n/a'}\n"
    )
    print(table(rows, startup, quizzes, memory))


if __name__ == "__main__":
    main()
