"""The worksheets `quizgen build` writes: one per article and a mixed review, versions A and B."""

from __future__ import annotations

from pathlib import Path

from quizgen.errors import BrowserNotFound
from quizgen.model import Bank
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.options import REVIEW_STEM, SheetOptions, article_stem
from quizgen.worksheet.titles import subtitle_for
from quizgen.worksheet.writer import build_set, write_sets

ARTICLE_SHEET = SheetOptions(count=15, versions=2, seed=1)
REVIEW_SHEET = SheetOptions(count=30, versions=2, seed=1)


def export(bank: Bank, out_dir: Path, options: dict) -> list[Path]:
    """Write the default set under out_dir/print/<deck>/; PDFs too when asked and a browser exists.
    What the user should know (no browser, a short sheet) goes to `options["notes"]`, for the command."""
    notes: list[str] = options.setdefault("notes", [])
    browser = None
    if options.get("pdf"):
        from quizgen.browser import working_browser

        try:  # PDFs are optional here: a browser missing or broken leaves the HTML, with a note
            browser = working_browser()
        except BrowserNotFound as exc:
            notes.append(f"worksheets written as HTML only: {exc}")
    sets = []
    if options.get("default_set", True):
        for source_id in sorted(bank.sources):
            pool = on_article(bank.select(sources=(source_id,)), source_id)
            if pool.facts:
                source = bank.sources[source_id]
                sets.append(
                    build_set(
                        pool,
                        bank,
                        ARTICLE_SHEET,
                        article_stem(source_id, source.title),
                        source.title,
                        subtitle_for(pool, bank),
                        article=source_id,
                    )
                )
        sets.append(
            build_set(bank, bank, REVIEW_SHEET, REVIEW_STEM, f"{bank.title}: mixed review", subtitle_for(bank, bank))
        )
    written = write_sets(sets, out_dir / "print" / bank.name, browser)
    for sheet_set in sets:  # once written: a sheet short of questions, or of a type, says so as in `print`
        for note in sheet_set.notes:
            notes.append(f"worksheet {sheet_set.stem}: {note}")
    return written
