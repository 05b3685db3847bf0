"""`quizgen coverage`: a curator's map of each article, in the terminal and as an HTML report."""

from __future__ import annotations

from pathlib import Path

from quizgen.coverage.map import ArticleMap, map_bank
from quizgen.output import write_atomic
from quizgen.paths import shown
from quizgen.selection import loaded, resolve_sources
from quizgen.text import printable

WIDTH = 100


def main(args) -> int:
    banks, seeds = loaded(args)
    bank = banks[0]
    only = resolve_sources(bank, args.source, articles=seeds)
    maps = map_bank(bank, seeds, only)
    if getattr(args, "suggest", False):
        from quizgen.coverage.suggest import stubs

        print("\n".join(printable(line) for line in stubs(maps).split("\n")), end="")
        return 0
    print("\n".join(printable(line) for line in summary(maps, args.all).split("\n")))
    if not args.no_html:
        from quizgen.coverage.report import render_report  # jinja2 only when writing HTML

        path = write_atomic(Path(args.out) / "coverage" / f"{bank.name}.html", render_report(bank, maps))
        print(f"wrote {printable(shown(path))}")
    uncovered = sum(m.count("uncovered") for m in maps)
    return 1 if args.strict and uncovered else 0


def summary(maps: list[ArticleMap], show_all: bool = False) -> str:
    """Per article: covered / skipped / uncovered sentences, then the longest uncovered passages."""
    lines = [f"{'article':8} {'sentences':>9} {'covered':>8} {'skipped':>8} {'uncovered':>10}"]
    for m in maps:
        lines.append(
            f"{m.source.id:8} {len(m.marked):9d} {m.count('covered'):8d} "
            f"{m.count('skipped'):8d} {m.count('uncovered'):10d}"
        )
    for m in maps:
        runs = m.uncovered_passages()
        if not runs:
            continue
        lines.append(f"\n{m.source.id} uncovered passages, longest first:")
        for run in runs if show_all else runs[:10]:
            numbers = f"{run[0].sentence.number}" + (f"-{run[-1].sentence.number}" if len(run) > 1 else "")
            text = " ".join(x.sentence.text for x in run)
            if not show_all and len(text) > WIDTH:
                text = text[: WIDTH - 1] + "…"
            lines.append(f"  s{numbers}: {text}")
        if len(runs) > 10 and not show_all:
            lines.append(f"  … and {len(runs) - 10} more (--all lists them whole)")
    return "\n".join(lines)
