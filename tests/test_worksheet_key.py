"""The teacher's key says why and where for every answer; the student sheet has its score boxes."""

from __future__ import annotations

import html
import re

import pytest
from test_questions import bundled

from quizgen.questions import fill_blank
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
        pool = bank.select(sources=(source_id,))
        yield source_id, build_set(pool, bank, SheetOptions(count=15, seed=1), "a", "A", "S").sheets[0]


@pytest.mark.parametrize("name, sheet", list(sheets()))
def test_every_key_row_says_why_and_where(name, sheet):
    key = render_key(sheet)
    rows = dict(re.findall(r'<tr><td class="num">(\d+)</td>(.*?)</tr>', key, re.DOTALL))
    assert sorted(map(int, rows)) == [item.number for item in sheet.items]
    for item in sheet.items:
        row = plain(rows[str(item.number)])
        facts = item.question.facts if hasattr(item.question, "facts") else (item.question.fact,)
        for fact in facts:
            # an answer the article does not state is said so, plainly
            assert ("Not in the article" in row) >= bool(fact.derived), (item.number, fact.id)
        if hasattr(item.question, "fact"):
            fact = item.question.fact
            assert "Not in the article" not in row or fact.derived
            # the article's own words: some stretch of the quote is printed
            words = re.sub(r"\s+", " ", fact.quote).split()
            assert " ".join(words[:3]) in row or any(" ".join(words[i:i + 4]) in row
                                                    for i in range(len(words) - 3)), (item.number, fact.id)
            if fact.note:  # its first sentence, or 30 characters of it ("False. Russia invaded…")
                opening = plain(fact.note).split(". ")[0]
                assert plain(fact.note)[:30] in row or opening[:30] in row
            if fact.stance != "fact":
                assert f"({fact.stance})" in row


def test_accepted_forms_never_repeat_the_answer_shown():
    bank = bundled()
    fold = lambda text: re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip().removeprefix("the ")
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
        marks = sum(len(i.question.left) if i.type == "match" else len(i.question.items) if i.type == "order"
                    else 1 for i in section.items)
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
