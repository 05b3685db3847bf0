"""Worksheets and keys as self-contained HTML, rendered from templates/print/ with Jinja2."""

from __future__ import annotations

from functools import lru_cache

from quizgen import templating
from quizgen.model import Fact, Source
from quizgen.worksheet.explain import derivation_label, explain, short_label, year_unstated
from quizgen.worksheet.sheet import LETTERS, Worksheet

PAPER_SIZES = {"A4": "A4", "Letter": "letter"}


@lru_cache(maxsize=1)
def environment():
    """The project's Jinja2 environment, with the worksheet's filter and globals registered."""
    env = templating.environment()
    env.filters["article"] = article_label
    env.filters["cited_articles"] = cited_articles
    env.globals["letters"] = LETTERS
    env.globals["explain"] = explain
    env.globals["derivation_label"] = derivation_label
    env.globals["year_unstated"] = year_unstated
    env.filters["short"] = short_label
    return env


def article_label(item: Source | Fact) -> str:
    """A short name for an article in a key: the author's surname or the outlet, and the year."""
    return short_label(item.source if isinstance(item, Fact) else item)


def cited_articles(facts) -> str:
    """Every article the facts cite, as short labels: 'Fair Observer 2011; Manolache 2023'."""
    labels = [article_label(c.source) for fact in facts for c in fact.citations]
    return "; ".join(dict.fromkeys(labels))


def render_worksheet(sheet: Worksheet) -> str:
    """One version for students, its pages numbered "Version A · page 1 of 4"."""
    return _render("print/worksheet.html", sheet, f"Version {sheet.version}")


def render_key(sheet: Worksheet) -> str:
    """The answer key of one version, numbered as key pages of its own."""
    return _render("print/key.html", sheet, f"Answer key, version {sheet.version}")


def _render(name: str, sheet: Worksheet, footer: str) -> str:
    # one version per file: the page counter and the page total are that version's own
    return environment().get_template(name).render(paper_size=PAPER_SIZES[sheet.paper], footer=footer, worksheet=sheet)


def render_blank(paper: str) -> str:
    """The page that pads a version to an even length: it says it is blank on purpose."""
    return environment().get_template("print/blank.html").render(paper_size=PAPER_SIZES[paper], footer="")
