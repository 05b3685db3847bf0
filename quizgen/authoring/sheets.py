"""`quizgen check` warnings about an article's worksheet left short because one card prints what another asks."""

from __future__ import annotations

from quizgen.model import Bank
from quizgen.questions.asked import years_in
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.exporter import ARTICLE_SHEET
from quizgen.worksheet.giveaway_words import Blocked
from quizgen.worksheet.plan import plan_questions

SAYS = {"q": "question", "cloze": "sentence", "note": "note", "derived": "derivation"}


def short_sheet_warnings(bank: Bank) -> list[str]:
    """For each article whose built sheet (`build`'s, ARTICLE_SHEET) is short because facts were left
    out so that none gives another away: one line per printed words, at the field that prints them,
    naming the facts whose answer (or year) they give away."""
    lines = []
    for source_id in sorted(bank.sources):
        pool = on_article(bank.select(sources=(source_id,)), source_id)
        if not pool.facts:
            continue
        options = ARTICLE_SHEET
        plan = plan_questions(pool, bank, options.count, options.types, options.seed, article=source_id)
        if plan.total >= options.count:
            continue
        told: dict[tuple[str, str, str | None], list[str]] = {}
        for why in plan.blocked:
            if isinstance(why, Blocked):
                told.setdefault((why.printer, why.words, why.year), []).append(why.asker)
        for (printer_id, words, year), askers in told.items():
            printer = bank.by_id[printer_id]
            field = Blocked("", "", "", printer_id, words, year).field(printer)
            what = f"the year {year}" if year else "the answer"
            askers += [  # every date or year of the article that asks the same year, not only the first found
                fact.id
                for fact in pool.facts
                if year and fact.kind in ("date", "year") and year in years_in(fact.a) - years_in(fact.q)
            ]
            named = ", ".join(f"'{asker}' ({bank.by_id[asker].origin})" for asker in sorted(set(askers) - {printer_id}))
            others = sorted(
                fact.id
                for fact in pool.facts
                if year and fact.id not in {printer_id, *askers} and year in years_in(fact.q) - years_in(fact.a)
            )
            also = f"; {', '.join(others)} print {year} too" if others else ""
            lines.append(
                f"{printer.origin.of(field)}: fact '{printer_id}': field '{field}': \"{words}\" gives away "
                f"{what} of {named}, so they are never on one worksheet and article {source_id}'s sheet has "
                f'only {plan.total} of {options.count} questions{also}: drop "{words}" where the '
                f"{SAYS[field]} does not need it"
            )
    return lines
