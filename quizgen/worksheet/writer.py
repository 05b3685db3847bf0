"""Writes worksheet sets: each set in its own folder, a version and its key per file, and PDFs."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from quizgen.model import Bank
from quizgen.output import staged, write_atomic
from quizgen.worksheet.options import SheetOptions
from quizgen.worksheet.plan import GROUPED, plan_questions
from quizgen.worksheet.rendering import render_blank, render_key, render_worksheet
from quizgen.worksheet.sheet import Worksheet, arrange

PARTS = ".parts"  # per-version PDFs inside a staged set, bound into one file, then removed


@dataclass(frozen=True)
class SheetSet:
    """The versions of one worksheet, the name they are written under, and notes for the teacher."""

    stem: str
    sheets: tuple[Worksheet, ...]
    notes: tuple[str, ...] = ()
    left_out: tuple[str, ...] = ()  # 'fact-id: why', for a sheet left short
    # each version with tighter spacing, printed instead where that takes fewer pages (a sheet a
    # few lines longer than four pages takes a fifth); the same questions, numbered the same
    compact: tuple[Worksheet, ...] = ()


def build_set(
    pool: Bank,
    bank: Bank,
    options: SheetOptions,
    stem: str,
    title: str,
    subtitle: str,
    include: tuple[str, ...] = (),
    article: str | None = None,
    exclude: tuple[str, ...] = (),
) -> SheetSet:
    """Draw the questions once (asking every fact in `include`, none of `exclude`), then lay them out
    as versions A, B, C…"""
    plan = plan_questions(pool, bank, options.count, options.types, options.seed, include, article, exclude)
    # one order and one numbering, decided here: `print --check`, the HTML and the PDF all show it;
    # the compact print differs only in its spacing (rv5 C3)
    flowing = flow_order(options.types)
    sheets = tuple(
        arrange(plan, version, options.seed, title, subtitle, options.paper, flowing)
        for version in range(options.versions)
    )
    compact = tuple(replace(sheet, dense=True) for sheet in sheets)
    return SheetSet(stem, sheets, tuple(plan.notes), tuple(plan.left_out), compact)


def flow_order(types: tuple[str, ...]) -> tuple[str, ...]:
    """The parts with the ones of small questions first, matching and ordering (tall blocks that
    never split across pages) last, where an empty end of a page costs nothing."""
    return tuple(t for t in types if t not in GROUPED) + tuple(t for t in types if t in GROUPED)


def write_sets(sets: list[SheetSet], out_dir: Path, browser: str | None = None, duplex: bool = True) -> list[Path]:
    """Write each set into `out_dir/<stem>/`, replacing that folder whole (or nothing, on failure).

    Per set: <stem>-A.html, <stem>-A-key.html, <stem>-B.html… (each numbered "page X of N" on its
    own), and with a browser <stem>.pdf (every version, to hand out) and <stem>-key.pdf (every key).
    """
    written: list[Path] = []
    with staged(out_dir) as stage:
        jobs: list[tuple[Path, Path]] = []
        bindings: list[tuple[list[Path], Path, Path | None]] = []
        for sheet_set in sets:
            folder, stem = stage / sheet_set.stem, sheet_set.stem
            pages, keys = [], []
            for sheet in sheet_set.sheets:
                pages.append(_write(folder / f"{stem}-{sheet.version}.html", render_worksheet(sheet)))
                keys.append(_write(folder / f"{stem}-{sheet.version}-key.html", render_key(sheet)))
            written += [out_dir / stem / path.name for path in pages + keys]
            if browser:
                blank = _write(folder / PARTS / "blank.html", render_blank(sheet_set.sheets[0].paper))
                parts = [(html, folder / PARTS / f"{html.stem}.pdf") for html in pages + keys + [blank]]
                jobs += parts
                filler = parts[-1][1]
                # versions to hand out pad to whole sheets; keys, printed for the teacher, do not
                bindings += [
                    ([pdf for _, pdf in parts[: len(pages)]], folder / f"{stem}.pdf", filler),
                    ([pdf for _, pdf in parts[len(pages) : -1]], folder / f"{stem}-key.pdf", None),
                ]
        if jobs:
            from quizgen.browser import print_pdfs
            from quizgen.worksheet.binding import bind

            print_pdfs(jobs, browser)
            _compact(sets, stage, browser)
            for pdfs, target, filler in bindings:
                bind(pdfs, target, duplex and filler is not None, filler)
                written.append(out_dir / target.parent.name / target.name)
            for sheet_set in sets:
                shutil.rmtree(stage / sheet_set.stem / PARTS)
    return sorted(written)


def _compact(sets: list[SheetSet], stage: Path, browser: str | None) -> None:
    """Reprint each version of an odd number of pages (in duplex, half a sheet left blank) with its
    compact spacing, and keep that version (sheet, key and PDF) where it has fewer pages."""
    from pypdf import PdfReader

    from quizgen.browser import print_pdfs

    trials = []
    for sheet_set in sets:
        folder, stem = stage / sheet_set.stem, sheet_set.stem
        for sheet, compact in zip(sheet_set.sheets, sheet_set.compact, strict=False):
            pdf = folder / PARTS / f"{stem}-{sheet.version}.pdf"
            if len(PdfReader(pdf).pages) % 2:
                trial = _write(folder / PARTS / "compact" / f"{stem}-{sheet.version}.html", render_worksheet(compact))
                trials.append((sheet_set, compact, pdf, trial, trial.with_suffix(".pdf")))
    if not trials:
        return
    print_pdfs([(html, pdf) for _, _, _, html, pdf in trials], browser)
    keys = []
    for sheet_set, compact, pdf, _, trial_pdf in trials:
        if len(PdfReader(trial_pdf).pages) < len(PdfReader(pdf).pages):
            folder, stem = stage / sheet_set.stem, sheet_set.stem
            _write(folder / f"{stem}-{compact.version}.html", render_worksheet(compact))
            key = _write(folder / f"{stem}-{compact.version}-key.html", render_key(compact))
            trial_pdf.replace(pdf)
            keys.append((key, folder / PARTS / f"{key.stem}.pdf"))
    if keys:  # the key numbers the questions as the version it goes with
        print_pdfs(keys, browser)


def _write(path: Path, html: str) -> Path:
    return write_atomic(path, html)
