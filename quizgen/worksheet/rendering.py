"""Worksheets and keys as self-contained HTML, rendered from templates/print/ with Jinja2."""

from __future__ import annotations

from functools import lru_cache

from quizgen.model import Fact, Source
from quizgen import templating
from quizgen.worksheet.sheet import LETTERS, Worksheet

PAPER_SIZES = {"A4": "A4", "Letter": "letter"}


@lru_cache(maxsize=1)
def environment():
    """The project's Jinja2 environment, with the worksheet's filter and globals registered."""
    env = templating.environment()
    env.filters["article"] = article_label
    env.globals["letters"] = LETTERS
    return env


def article_label(item: Source | Fact) -> str:
    """A short name for an article in a key: the author's surname or the outlet, and the year."""
    source = item.source if isinstance(item, Fact) else item
    if source.author:
        name = source.author.split()[-1]
    elif source.outlet and "unnamed" not in source.outlet.casefold():
        name = source.outlet.split(",")[0].split("(")[0].strip()
    else:
        words = source.title.split()
        name = " ".join(words[:5]) + ("…" if len(words) > 5 else "")
    return f"{name} {source.year}" if source.year else name


def render_worksheet(sheet: Worksheet) -> str:
    """One version, then its answer key starting on a page of its own."""
    return _render("print/worksheet.html", [sheet], worksheet=sheet)


def render_combined(sheets: list[Worksheet]) -> str:
    """Every version one after another, without keys: the copies to hand out."""
    return _render("print/combined.html", sheets, worksheets=sheets)


def render_key(sheets: list[Worksheet]) -> str:
    """The answer keys of every version, each starting on a new page."""
    return _render("print/key.html", sheets, worksheets=sheets)


def _render(name: str, sheets: list[Worksheet], **context) -> str:
    return environment().get_template(name).render(
        paper_size=PAPER_SIZES[sheets[0].paper],
        page_letters=[sheet.version for sheet in sheets],
        count_pages=len(sheets) == 1,  # page counters run across versions, so totals would mislead
        **context)
