"""The teacher's key says why and where for every answer; the student sheet has its score boxes."""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_questions import bundled

from quizgen.questions import fill_blank
from quizgen.worksheet.articles import on_article
from quizgen.worksheet.explain import explain
from quizgen.worksheet.options import SheetOptions
from quizgen.worksheet.rendering import render_key, render_worksheet
from quizgen.worksheet.writer import build_set


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


def sheets():
    bank = bundled()
    yield "review", build_set(bank, bank, SheetOptions(count=30, seed=1), "r", "R", "S").sheets[0]
    for source_id in sorted(bank.sources):
        pool = on_article(bank.select(sources=(source_id,)), source_id)
        yield (
            source_id,
            build_set(pool, bank, SheetOptions(count=15, seed=1), "a", "A", "S", article=source_id).sheets[0],
        )


MONTH_NAMES = list(calendar.month_name)[1:]  # the standard library's names, not the program's


def stated_day(fact) -> bool:
    """The test's own reading: the answer is 'D Month YYYY' and the quote names that day and month."""
    match = re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]+) \d{4}", fact.a)
    if not match or match.group(2) not in MONTH_NAMES:
        return False
    day, month = match.groups()
    words = re.findall(r"[A-Za-z]+|\d+", re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", fact.quote))
    return any(
        {words[i], words[i + 1]} == {day, month} or words[i : i + 3] == [day, "of", month]
        for i in range(len(words) - 1)
    )


def test_a_date_the_article_gives_but_for_its_year_is_labelled_so_over_every_derived_fact():
    """Over every derived fact of the bank: 'Year from the article's date' exactly where the quote
    states the day and month ('March 26'), 'Not in the article' for the rest (round 5, L1)."""
    from quizgen.worksheet.explain import NOT_IN_ARTICLE, YEAR_FROM_DATE, derivation_label

    derived = [fact for fact in bundled().facts if fact.derived]
    labels = {fact.id: derivation_label(fact) for fact in derived}
    assert {fact.id: (YEAR_FROM_DATE if stated_day(fact) else NOT_IN_ARTICLE) for fact in derived} == labels
    assert YEAR_FROM_DATE in labels.values() and NOT_IN_ARTICLE in labels.values()
    assert all(derivation_label(fact) is None for fact in bundled().facts if not fact.derived)


@given(
    st.integers(1, 28),
    st.integers(1, 12),
    st.integers(1900, 2030),
    st.sampled_from(["{m} {d}", "{m} {d}th", "{d} {m}", "{d}th of {m}", "{m}", "{m} {e}"]),
)
def test_the_year_label_needs_the_day_and_the_month_in_the_quote(day, month, year, form):
    from test_questions import make_fact

    from quizgen.worksheet.explain import NOT_IN_ARTICLE, YEAR_FROM_DATE, derivation_label

    name = MONTH_NAMES[month - 1]
    quote = "It happened on " + form.format(m=name, d=day, e=day % 28 + 1) + ", the article says."
    fact = make_fact("f", f"{day} {name} {year}", "date", derived="from the article's date")
    fact = replace(fact, quote=quote)
    assert derivation_label(fact) == (YEAR_FROM_DATE if "{d}" in form else NOT_IN_ARTICLE)


@pytest.mark.parametrize("name, sheet", list(sheets()))
def test_every_key_row_says_why_and_where(name, sheet):
    key = render_key(sheet)
    rows = dict(re.findall(r'<tr><td class="num">(\d+)</td>(.*?)</tr>', key, re.DOTALL))
    assert sorted(map(int, rows)) == [item.number for item in sheet.items]
    for item in sheet.items:
        row = plain(rows[str(item.number)])
        facts = item.question.facts if hasattr(item.question, "facts") else (item.question.fact,)
        for fact in facts:
            # the fact's id, for `--exclude ID` / `--include ID` (rv4 C1)
            assert re.search(rf"(^|[\s,]){re.escape(fact.id)}([\s,]|$)", row), (item.number, fact.id)
            # an answer the article does not state is said so, plainly
            marked = "Not in the article" in row or "Year from the article's date" in row
            assert marked >= bool(fact.derived), (item.number, fact.id)
        if hasattr(item.question, "fact"):
            fact = item.question.fact
            assert "Not in the article" not in row or fact.derived
            # a date whose day and month the quote gives is not "not in the article" (round 5, L1)
            assert ("Not in the article" in row) <= (fact.derived is not None and not stated_day(fact))
            # the article's own words: some stretch of the quote is printed
            quote = next((c.quote for c in fact.citations if c.source.id == sheet.article), fact.quote)
            words = re.sub(r"\s+", " ", quote).split()
            assert " ".join(words[:3]) in row or any(
                " ".join(words[i : i + 4]) in row for i in range(len(words) - 3)
            ), (item.number, fact.id)
            if fact.note:  # its first sentence, or 30 characters of it ("False. Russia invaded…")
                opening = plain(fact.note).split(". ")[0]
                assert plain(fact.note)[:30] in row or opening[:30] in row
            if fact.stance != "fact":
                assert f"({fact.stance})" in row


def test_accepted_forms_never_repeat_the_answer_shown():
    bank = bundled()

    def fold(text):
        return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip().removeprefix("the ")

    checked = 0
    for fact in bank.facts:
        blank = fill_blank(fact)
        if blank is None:
            continue
        accepted = explain(fact, blank.answer).accepted
        shown = [fold(blank.answer), *(fold(a) for a in accepted)]
        assert len(shown) == len(set(shown)), (fact.id, blank.answer, accepted)
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("name, sheet", list(sheets()))
def test_the_student_sheet_has_a_score_box_per_part_and_in_all(name, sheet):
    page = plain(render_worksheet(sheet))
    per_part = []
    for section in sheet.sections:
        marks = sum(
            len(i.question.left) if i.type == "match" else len(i.question.items) if i.type == "order" else 1
            for i in section.items
        )
        per_part.append(marks)
        assert re.search(rf"{section.heading} ?/ {marks}\b", page), (section.heading, marks)
    assert re.search(rf"Score ?/ {sum(per_part)}\b", page)
    assert all(word in page for word in ("Name", "Class", "Date"))


@pytest.mark.parametrize("name, sheet", list(sheets()))
def test_a_mixed_sheet_names_each_items_article_and_a_single_article_sheet_does_not(name, sheet):
    singles = [item for item in sheet.items if hasattr(item.question, "fact")]
    shared = set.intersection(*({c.source.id for c in f.citations} for item in sheet.items for f in item.facts))
    if not shared:
        assert all(item.cite for item in singles)
        page = render_worksheet(sheet)
        assert page.count('class="cite"') == len(singles)
    else:
        assert not any(item.cite for item in singles)


@pytest.mark.parametrize("name, sheet", list(sheets()))
def test_matching_years_are_listed_in_order(name, sheet):
    for item in sheet.items:
        if item.type == "match" and item.question.flavour == "years":
            assert list(item.question.right) == sorted(item.question.right)


def test_an_event_placed_in_time_whose_year_no_cited_article_gives_is_marked_not_in_the_article():
    """Every ordering and years-matching item of the review (seeds 1-4) and every per-article sheet:
    the key row says "Not in the article" and names the event exactly when no quote the fact cites
    holds its year (the test's own reading of the quotes; rv5 W1, the OPCW item)."""
    bank = bundled()
    marked = unmarked = 0
    for seed in range(1, 5):
        review = build_set(bank, bank, SheetOptions(count=30, seed=seed), "r", "R", "S").sheets[0]
        for _, sheet in [("review", review), *([] if seed > 1 else list(sheets())[1:])]:
            rows = plain(render_key(sheet)).split("Answer key", 1)[1]
            for item in sheet.items:
                question = item.question
                if not (hasattr(question, "order") or getattr(question, "flavour", None) == "years"):
                    continue
                for fact in item.facts:
                    if fact.derived:
                        continue
                    told = any(str(fact.when.year) in c.quote for c in fact.citations)
                    label = f"Not in the article ({plain(html.escape(fact.event))})"
                    assert (label in rows) != told, (sheet.title, fact.id)
                    marked += not told
                    unmarked += told
    assert marked and unmarked  # the sweep meets both kinds of event
