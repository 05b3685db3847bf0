"""Spreadsheet-shaped exports: a question TAB answer file for flashcard apps and a CSV with every detail."""

from __future__ import annotations

import csv
import io
import re

from quizgen.export.items import Item
from quizgen.model import Fact

COLUMNS = ("id", "question", "answer", "accepted", "options", "source", "quote", "note", "stance", "tags")
LIST_SEPARATOR = " | "
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_AFTER_SEPARATOR = re.compile(r"([;,\t]\s*)([=+\-@])")


def cell(text: str) -> str:
    """A spreadsheet-safe field: a leading =, +, - or @ would run as a formula, so it gets a `'`;
    so does one after a list separator inside the text (a ';' locale splits the field there)."""
    text = _AFTER_SEPARATOR.sub(r"\1'\2", text)
    return f"'{text}" if text.startswith(_FORMULA) else text


def one_line(text: str) -> str:
    """Flashcard apps split rows on tabs and line breaks: each becomes a space."""
    return " ".join(text.replace("\t", " ").splitlines()).strip()


def tsv(facts: list[Fact]) -> str:
    """question TAB answer, one line per fact (Quizlet's "Import", Anki's text import)."""
    return "".join(f"{cell(one_line(f.q))}\t{cell(one_line(f.a))}\n" for f in facts)


def rows(facts: list[Fact], choices: dict[str, Item]) -> list[list[str]]:
    """One row per fact in COLUMNS order; lists joined with LIST_SEPARATOR, quotes by line."""
    found = []
    for fact in facts:
        choice = choices.get(fact.id)
        found.append(
            [
                fact.id,
                fact.q,
                fact.a,
                LIST_SEPARATOR.join(dict.fromkeys(a.strip() for a in fact.alt if a.strip() != fact.a.strip())),
                LIST_SEPARATOR.join(choice.options) if choice else "",
                LIST_SEPARATOR.join(c.source.citation() for c in fact.citations),
                "\n".join(c.quote for c in fact.citations),
                fact.note or "",
                fact.stance,
                LIST_SEPARATOR.join(fact.tags),
            ]
        )
    return found


def csv_text(facts: list[Fact], items: list[Item]) -> str:
    choices = {item.name: item for item in items if item.type == "mcq"}
    buffer = io.StringIO(newline="")
    buffer.write("\ufeff")  # a byte-order mark: Excel opens the file as UTF-8 (Cenuşa, dashes, quotes)
    # RFC 4180, as spreadsheets expect; every field quoted, so a spreadsheet whose list separator is
    # ";" (most of Europe) never splits a field into a cell of its own that could start a formula
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    writer.writerows([[cell(value) for value in row] for row in rows(facts, choices)])
    return buffer.getvalue()
