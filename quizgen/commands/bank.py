"""`quizgen check` (validate and summarise) and `quizgen build` (every output) over whole banks."""

from __future__ import annotations

import sys
from pathlib import Path

from quizgen.exporters import EXPORTERS, export
from quizgen.output import locked
from quizgen.paths import shown
from quizgen.selection import banks_from_args
from quizgen.summary import summarize
from quizgen.text import printable


def check(args) -> int:
    from quizgen.authoring.lint import warnings

    found = []
    for bank in banks_from_args(args):
        print("\n".join(printable(line) for line in summarize(bank).split("\n")))
        found += warnings(bank)
    for line in found:
        print(printable(line), file=sys.stderr)
    if found:
        print(
            f"quizgen: {len(found)} warning{'s' if len(found) != 1 else ''}: the bank loads, but these "
            f"facts will not be taught as written",
            file=sys.stderr,
        )
    return 0


def build(args) -> int:
    banks = banks_from_args(args)  # everything is validated before anything is written
    out_dir = Path(args.out)
    notes: list[str] = []  # what an exporter wants the user to know (a sheet short of questions)
    options = {"pdf": not args.no_pdf, "default_set": True, "release": False, "notes": notes}  # new ids: drafts
    with locked(out_dir):  # two builds into one folder would mix their outputs
        for bank in banks:
            for name in EXPORTERS:
                for path in export(name, bank, out_dir, options):
                    print(f"wrote {printable(shown(path))}")
                for note in notes:
                    print(f"quizgen: note: {printable(note)}", file=sys.stderr)
                notes.clear()
    return 0
