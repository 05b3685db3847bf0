"""Writes worksheet sets: each version with its key, all versions together, the keys, and PDFs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quizgen.model import Bank
from quizgen.output import staged, write_atomic
from quizgen.worksheet.options import SheetOptions
from quizgen.worksheet.plan import plan_questions
from quizgen.worksheet.rendering import render_combined, render_key, render_worksheet
from quizgen.worksheet.sheet import Worksheet, arrange


@dataclass(frozen=True)
class SheetSet:
    """The versions of one worksheet, the file stem they are written under, and notes for the teacher."""

    stem: str
    sheets: tuple[Worksheet, ...]
    notes: tuple[str, ...] = ()


def build_set(pool: Bank, bank: Bank, options: SheetOptions, stem: str, title: str,
              subtitle: str) -> SheetSet:
    """Draw the questions once, then lay them out as versions A, B, C…"""
    plan = plan_questions(pool, bank, options.count, options.types, options.seed)
    sheets = tuple(arrange(plan, version, options.seed, title, subtitle, options.paper, options.types)
                   for version in range(options.versions))
    return SheetSet(stem, sheets, tuple(plan.notes))


def write_sets(sets: list[SheetSet], out_dir: Path, browser: str | None = None) -> list[Path]:
    """Write every set into `out_dir` (all files appear together, or none); PDFs when `browser` is given.

    Per set: <stem>-A.html … (one version, then its key on a page of its own), <stem>-all.html
    (every version, no key: the copies to hand out), <stem>-key.html, and with a browser
    <stem>.pdf (all versions) and <stem>-key.pdf.
    """
    names: list[str] = []
    with staged(out_dir) as stage:
        jobs = []
        for sheet_set in sets:
            sheets = list(sheet_set.sheets)
            for sheet in sheets:
                names.append(_write(stage, f"{sheet_set.stem}-{sheet.version}.html", render_worksheet(sheet)))
            names.append(_write(stage, f"{sheet_set.stem}-all.html", render_combined(sheets)))
            names.append(_write(stage, f"{sheet_set.stem}-key.html", render_key(sheets)))
            if browser:
                jobs += [(stage / f"{sheet_set.stem}-all.html", stage / f"{sheet_set.stem}.pdf"),
                         (stage / f"{sheet_set.stem}-key.html", stage / f"{sheet_set.stem}-key.pdf")]
        if jobs:
            from quizgen.browser import print_pdfs

            print_pdfs(jobs, browser)
            names += [pdf.name for _, pdf in jobs]
    return sorted(out_dir / name for name in names)


def _write(stage: Path, name: str, html: str) -> str:
    write_atomic(stage / name, html)
    return name
