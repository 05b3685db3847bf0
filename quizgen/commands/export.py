"""`quizgen export`: the bank as a Moodle GIFT question bank, a flashcard TSV and a CSV."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import UsageError
from quizgen.export.exporter import FORMATS, export
from quizgen.export.items import TYPES
from quizgen.paths import shown
from quizgen.selection import bank_from_args, filtered, listed, resolve_sources
from quizgen.text import printable


def main(args) -> int:
    bank = bank_from_args(args)
    args.source = resolve_sources(bank, args.source) or None  # the ids choose each fact's category
    pool = filtered(bank, args)
    if args.stance:
        pool = pool.select(stances=tuple(args.stance))
        if not pool.facts:  # name every filter given: it is their combination that is empty
            given = [
                f"--{name} {','.join(values)}"
                for name, values in (
                    ("source", args.source),
                    ("tag", args.tag),
                    ("kind", args.kind),
                    ("stance", args.stance),
                )
                if values
            ]
            raise UsageError(f"no facts match {' '.join(given)} together")
    types = listed(args.types, TYPES, "--types")
    formats = listed(args.format, FORMATS, "--format")
    options = {"pool": pool, "types": types, "formats": formats, "sources": tuple(args.source or ())}
    for path in export(bank, Path(args.out), options):
        print(f"wrote {printable(shown(path))}")
    return 0
