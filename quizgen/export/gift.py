"""Moodle's GIFT format: one category per article, questions named by fact id, plain text escaped."""

from __future__ import annotations

import re

from quizgen.export.feedback import feedback
from quizgen.export.items import Item
from quizgen.model import Bank

_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\~=#{}:"})
# Moodle's importer stands escaped characters in for `&&123;`-style codes (`&&010` for a line
# break) and turns every such code back at the end, so a literal "&&" followed by digits would
# come out as another character: a space keeps the two apart
_PLACEHOLDER = re.compile(r"&(?=&\d)")
ARROW = "\u2192"


def escaped(text: str) -> str:
    """Text for any GIFT field: its special characters escaped, line breaks as GIFT's `\\n`."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\\n".join(_PLACEHOLDER.sub("& ", line).translate(_SPECIAL) for line in lines)


def _plain(text: str) -> str:
    # [plain]: Moodle shows the text as written, so markup in the bank is never rendered; and a
    # text of its own that starts with "[html]" or "%50%" is not read as a format or a weight
    return f"[plain]{escaped(text)}"


SECTIONS = {
    "mcq": "Multiple choice",
    "short": "Short answer",
    "number": "Short answer",
    "tf": "True or false",
    "match": "Matching",
}


def _category_name(text: str) -> str:
    """One level of a category path: Moodle splits at "/" (a slash inside is written twice) and
    reads a category line without undoing GIFT's escapes (so a backslash is left out)."""
    return " ".join(text.replace("\\", " ").split()).strip("/").replace("/", "//") or "-"


def _category(bank: Bank, source_id: str, kind: str) -> str:
    # one category per article and question type: a random question drawn from a category never
    # meets the same fact's other questions, which state its answer
    parts = [bank.title, f"{source_id} {bank.sources[source_id].title}", SECTIONS[kind]]
    return "$CATEGORY: $course$/" + "/".join(_category_name(part) for part in parts)


def _answer(text: str) -> str:
    """An answer's text: Moodle takes answers holding "=" and "->" for a matching question (and
    reads a matching row's first "->" as its separator), so an arrow is written as "→"."""
    return text.replace("->", ARROW)


def _answers(item: Item) -> list[str]:
    if item.type == "mcq":
        return [("=" if option in item.right else "~") + _plain(_answer(option)) for option in item.options]
    if item.type == "short":
        # "*" is Moodle's wildcard in a short answer: a literal one is written "\\*"
        return ["=" + _plain(_answer(form)).replace("*", "\\\\*") for form in item.right]
    if item.type == "number":
        return [f"#={item.value}:0"]
    if item.type == "tf":
        return ["TRUE" if item.true else "FALSE"]
    # matching: the right side takes no format marker; a spare is a row with an empty left side
    rows = [f"={_plain(_answer(left))} -> {escaped(_answer(right))}" for left, right in item.pairs]
    rows += [f"= -> {escaped(_answer(spare))}" for spare in item.spares]
    return rows


def question(bank: Bank, item: Item) -> str:
    """One question: `::name::[plain]prompt{ answers ####[plain]general feedback }`."""
    lines = [f"::{escaped(item.name)}::{_plain(item.prompt)}{{"]
    lines += _answers(item)
    lines.append("####" + _plain(feedback(bank, item)))
    lines.append("}")
    return "\n".join(lines)


def gift(bank: Bank, items: list[Item]) -> str:
    """The whole file: a category line before each article's questions of each type."""
    blocks, current = [f"// {escaped(bank.title)}: questions exported by quizgen"], None
    ordered = sorted(items, key=lambda item: (item.source_id, list(SECTIONS).index(item.type)))
    for item in ordered:
        where = (item.source_id, SECTIONS[item.type])
        if where != current:
            current = where
            blocks.append(_category(bank, item.source_id, item.type))
        blocks.append(question(bank, item))
    return "\n\n".join(blocks) + "\n"
