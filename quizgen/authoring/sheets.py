"""`quizgen check` warnings about an article's worksheet left short because one card prints what another asks."""

from __future__ import annotations

from collections.abc import Sequence

from quizgen.model import Bank, Fact
from quizgen.questions.asked import answer_forms, years_in
from quizgen.questions.giveaways import giveaway_pairs, telling_of
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.exporter import ARTICLE_SHEET
from quizgen.worksheet.giveaway_words import Blocked, card_states, year_words
from quizgen.worksheet.plan import plan_questions

SAYS = {"q": "question", "cloze": "sentence", "note": "note", "derived": "derivation"}
LISTED = 6  # facts a warning names before '…'


def short_sheet_warnings(bank: Bank) -> list[str]:
    """For each article whose built sheet (`build`'s, ARTICLE_SHEET) is short because facts were
    left out so that none gives another away: one line per year printed (naming every question of
    the article that prints it, and the dates and years that ask it), one per other answer printed;
    each at the line of the first field that prints the words."""
    lines = []
    for source_id in sorted(bank.sources):
        pool = on_article(bank.select(sources=(source_id,)), source_id)
        if not pool.facts:
            continue
        options = ARTICLE_SHEET
        plan = plan_questions(pool, bank, options.count, options.types, options.seed, article=source_id)
        if plan.total >= options.count:
            continue
        short = f"article {source_id}'s sheet has only {plan.total} of {options.count} questions"
        blocks = [why for why in plan.blocked if isinstance(why, Blocked)]
        covered: set[tuple[str, str]] = set()  # (printer, asker) a year line already names
        for year in sorted({why.year for why in blocks if why.year}):
            line, pairs = _year_line(bank, pool.facts, [why for why in blocks if why.year == year], year, short)
            lines.append(line)
            covered |= pairs
        shared: set[frozenset[str]] = set()  # pairs told of as asking the same words
        for printer_id, words, askers in _answers_printed(bank, pool.facts, blocks, covered):
            printer = bank.by_id[printer_id]
            field = Blocked("", "", "", printer_id, words).field(printer)
            if any(words.casefold() in form.casefold() for form in answer_forms(printer)):
                askers = {asker for asker in askers if frozenset((printer_id, asker)) not in shared}
                shared |= {frozenset((printer_id, asker)) for asker in askers}
                if askers:  # printed as its answer (an option, a statement): at the answer's line
                    lines.append(_shared_line(bank, printer, "a", words, askers, short))
                continue
            lines.append(_answer_line(bank, printer, field, words, askers, short))
    return lines


def _answers_printed(bank: Bank, facts: Sequence[Fact], blocks: list[Blocked], covered: set[tuple[str, str]]):
    """Every (printer, words, askers) of the article where a card prints another fact's answer:
    those the sheet ran into, and every other give-away pair of the article (`giveaway_pairs`, never
    on one sheet), so one `check` run names them all, not one a run."""
    told: dict[tuple[str, str], set[str]] = {}
    for why in blocks:
        if not why.year:
            told.setdefault((why.printer, why.words), set()).add(why.asker)
    telling, pairs = telling_of(bank), giveaway_pairs(bank)  # the pairs no sheet holds together
    for asker_id in sorted(fact.id for fact in facts):
        for printer in facts:
            if (printer.id, asker_id) in covered or tuple(sorted((printer.id, asker_id))) not in pairs:
                continue
            if any(printer.id == known for known, _ in told):
                continue
            words = card_states(bank, telling, printer, bank.by_id[asker_id])
            if words is not None:
                told.setdefault((printer.id, words), set()).add(asker_id)
    order = {fact.id: index for index, fact in enumerate(facts)}
    return sorted(((p, w, a) for (p, w), a in told.items()), key=lambda item: (order.get(item[0], 0), item[1]))


def _answer_line(bank: Bank, printer: Fact, field: str, words: str, askers: set[str], short: str) -> str:
    """One line for a question that prints what other facts of its article ask."""
    return (
        f"{printer.origin.of(field)}: fact '{printer.id}': field '{field}': \"{words}\" gives away the "
        f"answer of {_named(bank, askers)}, so they are never on one worksheet and {short}: "
        f'drop "{words}" where the {SAYS[field]} does not need it'
    )


def _shared_line(bank: Bank, printer: Fact, field: str, words: str, askers: set[str], short: str) -> str:
    """One line for facts whose answers share the printed words (two dates of one month): nothing to drop."""
    return (
        f"{printer.origin.of(field)}: fact '{printer.id}': field '{field}': '{printer.id}' and "
        f'{_named(bank, askers)} both ask "{words}" (their own answers hold it), so these facts never '
        f"share a worksheet and {short}: there is nothing to drop; keeping both is fine (a warning: "
        f"check still exits 0)"
    )


def _year_line(
    bank: Bank, facts: Sequence[Fact], blocks: list[Blocked], year: str, short: str
) -> tuple[str, set[tuple[str, str]]]:
    """One line for a year that some questions print and some dates or years of the article ask,
    with the (printer, asker) pairs it names."""
    askers = {why.asker for why in blocks} | {
        fact.id for fact in facts if fact.kind in ("date", "year") and year in years_in(fact.a) - years_in(fact.q)
    }
    printers = dict.fromkeys([why.printer for why in blocks] + [fact.id for fact in facts if year in years_in(fact.q)])
    printed = {why.printer: why.words for why in reversed(blocks)}  # as the sheet found them, else in the question
    for fact_id in printers:
        printed.setdefault(fact_id, year_words(bank.by_id[fact_id].q, year))
    printers = {fact_id: None for fact_id in printers if fact_id not in askers}
    first = bank.by_id[next(iter(printers))]
    field = Blocked("", "", "", first.id, printed[first.id], year).field(first)
    shown = ", ".join(f"'{fact_id}' (\"{printed[fact_id]}\")" for fact_id in list(printers)[:LISTED])
    more = ", …" if len(printers) > LISTED else ""
    named = {(printer, asker) for printer in printers for asker in askers}
    return (
        f"{first.origin.of(field)}: fact '{first.id}': field '{field}': the year {year}, which "
        f"{_named(bank, askers)} ask, is printed by the questions of {shown}{more}: no worksheet holds "
        f"such a question with a fact asking that year, and {short}: drop the year where a question does "
        f"not need it"
    ), named


def _named(bank: Bank, ids) -> str:
    ids = sorted(ids)
    named = ", ".join(f"'{fact_id}' ({bank.by_id[fact_id].origin})" for fact_id in ids[:LISTED])
    return named + (", …" if len(ids) > LISTED else "")
