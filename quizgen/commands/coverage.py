"""`quizgen coverage`: a curator's map of each article, in the terminal and as an HTML report."""

from __future__ import annotations

from pathlib import Path

from quizgen.coverage import summary
from quizgen.coverage.map import map_bank
from quizgen.output import write_atomic
from quizgen.paths import shown
from quizgen.selection import loaded, resolve_sources
from quizgen.text import printable


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
