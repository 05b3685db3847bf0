"""`quizgen print --check`: every question of a set with its fact ids, options and key, and its flags."""

from __future__ import annotations

import string

from quizgen.model import Bank
from quizgen.questions.audit import flags, sheet_flags
from quizgen.worksheet.explain import derivation_label, short_label
from quizgen.worksheet.writer import SheetSet

LETTERS = string.ascii_uppercase


def review_lines(sheet_set: SheetSet, pool: Bank, bank: Bank) -> tuple[list[str], int]:
    """The listing, and how many flags it raised."""
    lines, flagged = [], 0
    for sheet in sheet_set.sheets:
        lines.append(f"== version {sheet.version} (seed {sheet.seed})")
        questions = [item.question for item in sheet.items]
        for item in sheet.items:
            lines.extend(_describe(item.number, item.type, item.question))
            lines.extend(_provenance(item.question, sheet.article))
            for flag in flags(item.question, bank):
                lines.append(f"   FLAG: {flag}")
                flagged += 1
        for flag in sheet_flags(questions, bank):
            lines.append(f"   FLAG (sheet): {flag}")
            flagged += 1
    if sheet_set.left_out:
        lines.append(f"== {len(sheet_set.left_out)} facts left out (each would give away, or be given away)")
        lines.extend(f"   {line}" for line in sheet_set.left_out)
    lines.append(
        f"{flagged} flag{'s' if flagged != 1 else ''} in {sum(len(s.items) for s in sheet_set.sheets)} questions"
    )
    return lines, flagged


def _provenance(question, article: str | None) -> list[str]:
    """Where a single question's answer is written (on a sheet on one `article`, that article where it
    cites the fact, as the key says), its stance, and whether the article states it."""
    if not hasattr(question, "fact"):
        return []
    fact = question.fact
    cited = next((c.source for c in fact.citations if c.source.id == article), fact.source)
    stance = f" ({fact.stance})" if fact.stance != "fact" else ""
    outside = f"; {str(derivation_label(fact)).upper()}: {fact.derived}" if fact.derived else ""
    return [f"     source: {short_label(cited)}{stance}{outside}"]


def _describe(number: int, kind: str, question) -> list[str]:
    if kind == "mcq":
        options = "; ".join(f"{LETTERS[i]}) {text}" for i, text in enumerate(question.options))
        return [
            f"{number:3d}. mcq [{question.fact.id}] {question.prompt}",
            f"     {options}",
            f"     key: {LETTERS[question.answer]}",
        ]
    if kind == "tf":
        key = "T" if question.true else f"F (swapped in '{question.swapped}'; true: {question.correction})"
        return [f"{number:3d}. tf [{question.fact.id}] {question.statement}", f"     key: {key}"]
    if kind == "blank":
        said = "".join(f" ({text})" for text in (question.precision, question.within) if text)
        return [
            f"{number:3d}. blank [{question.fact.id}] {question.before}_____{said}{question.after}",
            f"     key: {question.answer}",
        ]
    ids = ", ".join(fact.id for fact in question.facts)
    if kind == "order":
        items = "; ".join(f"{i + 1}) {text}" for i, text in enumerate(question.items))
        order = ", ".join(str(question.order.index(i) + 1) for i in range(len(question.items)))
        return [f"{number:3d}. order [{ids}] {items}", f"     key (box from top): {order}"]
    pairs = "; ".join(f"{left} -> {question.right[question.pairs[i]]}" for i, left in enumerate(question.left))
    spares = [text for j, text in enumerate(question.right) if j not in question.pairs]
    return [f"{number:3d}. match [{ids}] {pairs}", f"     spares: {'; '.join(spares) or 'none'}"]
