"""`quizgen preview ID`: one fact as every output shows it, built by the outputs' own builders, as text."""

from __future__ import annotations

import difflib
import html
import random
import re

from quizgen import cloze as cloze_syntax
from quizgen.anki.notetypes import CHOICE, CLOZE_TYPE
from quizgen.authoring.anki_faces import note_of
from quizgen.authoring.lint import refused_distractors
from quizgen.authoring.why_not import CHOICES_SHOWN, category_count, no_blank
from quizgen.errors import NotEnoughOptions, UsageError
from quizgen.grading import asked_typed
from quizgen.model import Bank, Fact
from quizgen.questions import multiple_choice
from quizgen.questions.blank import fill_blank
from quizgen.questions.catalog import catalog_of
from quizgen.questions.certainty import hedge
from quizgen.questions.distractors import exact_value
from quizgen.questions.events import dated
from quizgen.questions.truefalse import true_false
from quizgen.questions.values import SCALED_KINDS, scale_of
from quizgen.web.data import study_data

LETTERS = "ABCD"
_STUDY: list[tuple[Bank, dict, dict[str, dict]]] = []


def find_fact(bank: Bank, fact_id: str) -> Fact:
    """The fact with this id; an unknown id is a usage error naming the closest ids."""
    facts = {fact.id: fact for fact in bank.facts}
    if fact_id in facts:
        return facts[fact_id]
    close = difflib.get_close_matches(fact_id, facts, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else " (`quizgen list ids` lists them)"
    raise UsageError(f"no fact '{fact_id}' in {bank.title}{hint}")


def preview(bank: Bank, fact: Fact) -> list[str]:
    """The lines `quizgen preview` prints: a heading, then one block per output."""
    lines = [heading(fact)]
    for block in blocks(bank, fact):
        lines += ["", *block]
    return lines


def blocks(bank: Bank, fact: Fact) -> list[list[str]]:
    """One block of lines per output, its heading first."""
    return [_anki(bank, fact), _sheet(bank, fact), _quiz(bank, fact), _web(bank, fact)]


def heading(fact: Fact) -> str:
    return f"{fact.id} ({fact.origin}) · {fact.kind} · {fact.stance} · {fact.source.short}"


def _field(value: str) -> str:
    """An Anki field as a reader sees it: the builders escape for Anki, the terminal shows text."""
    return html.unescape(value)


def _anki(bank: Bank, fact: Fact) -> list[str]:
    note = note_of(bank, fact)
    values = dict(zip(note.note_type.fields, (_field(v) for v in note.fields), strict=True))
    lines = [f"Anki: {note.note_type.name}, deck {note.deck}"]
    if note.note_type is CLOZE_TYPE:
        text = note.sort_text
        for number in sorted({d.number for d in cloze_syntax.deletions(text)}):
            hints = [d.hint for d in cloze_syntax.deletions(text) if d.number == number and d.hint]
            gap = f"[{hints[0]}]" if hints else "[...]"
            lines.append(f"  card {number} front: {cloze_syntax.blank(text, number, gap)}")
            lines.append(f"  card {number} back:  {cloze_syntax.fill(text)}")
    else:
        lines.append(f"  front: {values['Question']}")
        if note.note_type is CHOICE:
            options = [values["Answer"]] + [values[f"Wrong {n}"] for n in (1, 2, 3) if values[f"Wrong {n}"]]
            lines.append(
                f"         options (shuffled at each review): {' | '.join(options)}"
                if len(options) >= CHOICES_SHOWN
                else "         options: none (fewer than two certainly wrong ones): the card is a recall card"
            )
        lines.append(f"  back:  {values['Answer']}")
        if values.get("Role"):
            lines.append(f"  person card front: {values['Answer']}: which role, {values['Role dates']}?")
            lines.append(f"  person card back:  {values['Role']}")
    for name in ("Context", "Back Extra", "Derived", "Article", "Quote"):
        if values.get(name):
            lines.append(f"         {name.lower()}: {values[name]}")
    for citation in fact.also:  # the field is markup for the card face; its content, as text
        lines.append(f'         more sources: {citation.source.citation()}: "{citation.quote}"')
    lines.append(f"  tags:  {' '.join(note.tags)}")
    return lines


_ESTIMATE = re.compile(
    r"\b(about|around|approximately|roughly|almost|nearly|some|more than|over|less than|fewer than|"
    r"under|at least|at most|up to)\b",
    re.IGNORECASE,
)


def _estimate(fact: Fact) -> str | None:
    """Why a number asked as an estimate or a bound gets no made-up neighbours: '191,000' is not
    certainly wrong for 'about 192,000'; and what to add instead."""
    scale = scale_of(fact.kind, fact.a) if fact.kind in SCALED_KINDS else None
    found = _ESTIMATE.search(fact.q) or _ESTIMATE.search(fact.a)
    if scale is None or exact_value(fact):
        return None
    if found is None:  # 'after', 'before', 'not' …: the question does not pin one value
        word, where = (hedge(fact.q), "question") if hedge(fact.q) else (hedge(fact.a), "answer")
        nearby = {"date": "date", "year": "year"}.get(fact.kind, "value")
        return (
            f"no nearby {nearby}s are made up, as the {where} says '{word}', so a nearby {nearby} may fit "
            f"it too: add 3 distractors"
        )
    where = "question" if _ESTIMATE.search(fact.q) else "answer"
    return (
        f"no nearby values are made up, as the question asks for an estimate or a bound "
        f"('{found.group().lower()}' in the {where}), for which a near value is not certainly wrong: "
        f"add 3 distractors far off, e.g. a tenth or ten times the answer"
    )


def _sheet(bank: Bank, fact: Fact) -> list[str]:
    lines = ["Worksheet questions (one draw; each sheet draws its own options and true/false side)"]
    rng = random.Random(fact.id)
    try:
        choice = multiple_choice(fact, bank, rng)
        options = "  ".join(f"{LETTERS[i]}) {option}" for i, option in enumerate(choice.options))
        lines += [f"  multiple choice: {choice.prompt}", f"    {options}   key: {LETTERS[choice.answer]}"]
    except NotEnoughOptions:
        refused = refused_distractors(fact, bank)
        kept = f"{len(fact.distractors) - len(refused)} of your {len(fact.distractors)} distractors usable; "
        lines.append(
            "  multiple choice: none (fewer than three certainly wrong options: "
            + (kept if fact.distractors else "")
            + (_estimate(fact) or category_count(fact, bank))
            + ")"
        )
        lines += [f"    distractor '{wrong}' refused: {why}" for wrong, why in refused]
    blank = fill_blank(fact)
    if blank is None:
        lines.append(f"  fill in the blank: none ({no_blank(fact)})")
    else:
        precision = f" ({blank.precision})" if blank.precision else ""
        lines.append(f"  fill in the blank: {blank.before}_____{precision}{blank.after}   key: {blank.answer}")
    for truth in (True, False):
        statement = true_false(fact, bank, random.Random(fact.id), truth)
        if statement is None or statement.true != truth:
            why = "no certainly wrong answer to swap in" if statement else "no sentence to state"
            lines.append(f"  true/false ({'true' if truth else 'false'} version): none ({why})")
        else:
            swapped = f" ({statement.swapped} put in for {fact.a})" if statement.swapped else ""
            lines.append(f"  true/false: {statement.statement}   key: {'true' if statement.true else 'false'}{swapped}")
    if fact.when is not None and fact.event is not None:
        usable = dated(fact) and fact.id not in catalog_of(bank).unclear_events
        lines.append(
            f'  ordering and year matching: "{fact.event}" ({fact.when.label()})'
            + (
                ""
                if usable
                else ": not used, the label prints a year or is alike another event's (`quizgen check` names it)"
            )
        )
    return lines


def _quiz(bank: Bank, fact: Fact) -> list[str]:
    typed = asked_typed(fact)
    details = " · ".join(part for part in ("new", fact.kind, fact.stance if fact.stance != "fact" else "") if part)
    lines = [
        "Terminal quiz (quizgen quiz, --style mixed)",
        f"  [1] {details} · {fact.source.short_label()}",
        f"  {fact.q}",
    ]
    if typed:
        lines.append(f"  > (typed)   accepted: {' | '.join((fact.a, *fact.alt))}")
    else:
        try:
            choice = multiple_choice(fact, bank, random.Random(fact.id))
            lines += [f"  {n}) {option}" for n, option in enumerate(choice.options, start=1)]
        except NotEnoughOptions:
            lines.append(f"  > (typed: too few options)   accepted: {' | '.join((fact.a, *fact.alt))}")
    return lines


def study_record(bank: Bank, fact: Fact) -> tuple[dict, dict]:
    """The study page's data for the bank (its sources, stances) and the fact's own record."""
    if not _STUDY or _STUDY[0][0] is not bank:  # the page's data is built for a whole bank at once
        data = study_data(bank)
        _STUDY[:] = [(bank, data, {item["id"]: item for item in data["facts"]})]
    return _STUDY[0][1], _STUDY[0][2][fact.id]


def _web(bank: Bank, fact: Fact) -> list[str]:
    record = study_record(bank, fact)[1]
    lines = ["Study page card (quizgen web)", f"  question: {record['q']}"]
    if record.get("cloze"):
        lines.append(f"  cloze:    {record['cloze']['text']}")
    if record.get("mc"):
        lines.append(f"  options:  {' | '.join(record['mc']['options'])}")
    lines.append(f"  answer:   {record['a']}")
    if record.get("note"):
        lines.append(f"  note:     {record['note']}")
    if record.get("when"):
        lines.append(f"  when:     {record['date']}: {record['event']}")
    for cite in record["cites"]:
        lines.append(f'  source {cite["source"]}: "{cite["quote"]}"')
    return lines
