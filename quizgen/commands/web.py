"""`quizgen web`: the offline study page (flashcards with FSRS, multiple choice, a timeline)."""

from __future__ import annotations

from pathlib import Path

from quizgen.paths import shown
from quizgen.selection import banks_from_args
from quizgen.text import printable
from quizgen.web.exporter import export


def main(args) -> int:
    for bank in banks_from_args(args):
        for path in export(bank, Path(args.out), {}):
            print(f"wrote {printable(shown(path))}")
    return 0
