"""The study page's modes in real Chromium: typed answers, fill the gap, shuffled options, the daily limit."""

from __future__ import annotations

import json

from helpers import bundled
from playwright.sync_api import expect
from test_web_browser import (  # noqa: F401  (fixtures)
    chromium,
    current_id,
    pages,
    stored,
    to_multiple_choice,
    watched,
)
from test_web_progress import answer

from quizgen import cloze as cloze_syntax


def test_a_typed_answer_is_right_only_in_an_accepted_form_else_the_learner_rates_it(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    facts = bundled().by_id
    page.check("input[value=typed]")
    fact = facts[current_id(page)]
    page.fill("#typed", f"  {fact.a.upper()}. ")
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_have_text(f"✓ Right: you typed “{fact.a.upper()}.”.")
    expect(page.locator("#rate")).to_be_visible()
    page.keyboard.press("3")
    fact = facts[current_id(page)]
    assert page.evaluate("document.activeElement.id") == "typed"  # focus goes to the field of the next card
    page.keyboard.type("something else entirely")
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_contain_text("You typed “something else entirely”. Compare it with the answer")
    assert page.text_content("#answer-text") == fact.a
    page.keyboard.press("1")  # the learner judges it wrong: Again
    assert stored(page)[fact.id]["reps"] == 1
    watched.check()


def test_fill_the_gap_asks_the_facts_cloze_with_its_answer_blanked(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    page.check("input[value=cloze]")
    facts = bundled().by_id
    for _ in range(5):
        fact = facts[current_id(page)]
        question = page.text_content("#question")
        if fact.cloze:
            assert question == cloze_syntax.blank(
                fact.cloze, 1, question[question.index("[") : question.index("]") + 1]
            )
            for deletion in cloze_syntax.deletions(fact.cloze):
                if deletion.number == 1:
                    assert f"[…{' ' + deletion.hint if deletion.hint else ''}]" in question
            page.keyboard.press("Space")
            expect(page.locator("#cloze-full")).to_have_text(cloze_syntax.fill(fact.cloze))
        else:
            assert question == fact.q
            page.keyboard.press("Space")
        page.keyboard.press("3")
    watched.check()


def test_options_come_in_a_new_order_at_later_reviews(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    to_multiple_choice(page)
    fact_id = current_id(page)
    orders = set()
    for _ in range(6):  # answer it, then come back to it, six reviews
        page.goto(pages["bundled"] + f"#card/{fact_id}")
        expect(page.locator("#options")).to_be_visible()
        orders.add(tuple(page.locator("#options button").evaluate_all("nodes => nodes.map(n => n.dataset.index)")))
        page.locator("#options button").first.click()
        page.click("#next")
    assert len(orders) >= 3, orders
    watched.check()


def test_after_twenty_new_cards_the_page_says_done_for_today_and_offers_more(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    answer(page, 20, rating="4")  # Easy: days away, so nothing comes back today
    expect(page.locator("#done-heading")).to_have_text("Done for today.")
    assert page.evaluate("document.activeElement.id") == "done-heading"
    expect(page.locator("#announce")).to_contain_text("Done for today.")
    assert "0 cards due by the end of tomorrow" in page.text_content("#done-text")
    page.click("#more-new")
    expect(page.locator("#card")).to_be_visible()
    assert current_id(page) not in stored(page)
    watched.check()


def test_the_done_screen_brings_the_next_card_back_by_itself_when_it_comes_due(watched, pages):  # noqa: F811
    page = watched.page
    page.clock.install()
    page.goto(pages["bundled"])
    tags = {}
    for fact in bundled().facts:
        for tag in fact.tags:
            tags.setdefault(tag, []).append(fact.id)
    tag, ids = min(tags.items(), key=lambda item: (len(item[1]), item[0]))
    page.locator("#filters summary").click()
    page.select_option("#filter-tag", tag)
    expect(page.locator("#filters-summary")).to_have_text(f"Filters: {tag}")
    for _ in ids:
        page.click("#show")
        page.click("#rate button.easy")  # Easy: due in days
    expect(page.locator("#done-heading")).to_have_text("All done for now.")
    assert "Next card due" in page.text_content("#done-text")
    page.clock.fast_forward(30 * 24 * 3600 * 1000)  # thirty days later, the page still open
    expect(page.locator("#card")).to_be_visible()
    assert current_id(page) in ids
    watched.check()


def test_back_from_a_timeline_card_returns_to_the_same_place_with_focus_on_its_link(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#timeline")
    links = page.locator("#timeline-axis .event a")
    expect(links.first).to_be_visible()
    assert links.count() > 30  # far enough down that the place is worth keeping
    link = links.nth(links.count() * 3 // 4)  # (the bank's count changes as cards are retired)
    link.scroll_into_view_if_needed()
    event_id = link.evaluate("a => a.closest('.event').id")
    link.click()
    expect(page.locator("#view-study")).to_be_visible()
    page.go_back()
    expect(page.locator("#view-timeline")).to_be_visible()
    assert page.evaluate("window.scrollY") > 1000  # restored in the same task that showed the view
    assert (
        page.evaluate("document.activeElement.closest('.event') && document.activeElement.closest('.event').id")
        == event_id
    )
    watched.check()


def test_the_card_list_finds_cards_shows_their_ids_and_keeps_flags(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#cards")
    facts = bundled().facts
    expect(page.locator("#cards-count")).to_have_text(f"{len(facts)} cards shown.")
    target = facts[17]
    page.fill("#cards-search", target.id)
    expect(page.locator("#cards-list li")).to_have_count(1)
    item = page.locator("#cards-list li")
    expect(item.locator("a")).to_have_text(target.q)
    expect(item.locator("code")).to_have_text(target.id)
    assert target.source.short_label() in item.text_content()
    item.locator("button.flag").click()
    expect(item.locator("button.flag")).to_have_attribute("aria-pressed", "true")
    page.reload()
    page.check("#cards-flagged")
    expect(page.locator("#cards-list li")).to_have_count(1)
    expect(page.locator("#cards-list li code")).to_have_text(target.id)
    page.locator("#cards-list li a").click()
    expect(page.locator("#question")).to_have_text(target.q)
    watched.check()


def test_statistics_count_answers_per_day_the_streak_and_each_articles_cards(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    answer(page, 3, rating="4")
    page.click("nav a[data-view=progress]")
    expect(page.locator("#stats-line")).to_have_text(
        "Streak: 1 day · today: 3 answers · remembered: 100 % of learned cards (not forgotten)."
    )
    assert page.locator("#stats-days tr").all_text_contents()[-1].endswith("3")
    by_article = {}
    for fact in bundled().facts:
        by_article[fact.source.short_label()] = by_article.get(fact.source.short_label(), 0) + 1
    rows = page.locator("#stats-articles tr").evaluate_all(
        "rows => rows.map(r => Array.from(r.cells).map(c => c.textContent))"
    )
    assert {row[0]: int(row[1]) for row in rows} == by_article
    assert sum(int(row[2]) for row in rows) == 3
    watched.check()


def test_a_test_scores_ten_questions_and_lists_each_with_its_answer(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#test")
    facts = bundled().by_id
    bank_data = page.evaluate("JSON.parse(document.getElementById('bank').textContent)")
    data = {fact["id"]: fact for fact in bank_data["facts"]}
    matchings = bank_data["matchings"]
    page.click("#test-start")
    expected, kinds = [], []
    for number in range(1, 11):
        expect(page.locator("#test-progress")).to_contain_text(f"Question {number} of 10 · ")
        assert page.evaluate("document.activeElement.id") == "test-question"
        kind = page.get_attribute("#test-box", "data-kind")
        if kind == "order":  # the last question: the events of one of the bank's ordering questions
            assert number == 10
            ids = page.get_attribute("#test-box", "data-fact").split()
            dates = {fact_id: facts[fact_id].when.sort_key for fact_id in ids}
            by_time = sorted(ids, key=lambda fact_id: dates[fact_id])
            right = True
            for fact_id in by_time:  # the events clicked from the earliest, by the facts' own dates
                label = facts[fact_id].event_label
                page.click(f"#test-options button:not([disabled]):has(span:text-is({json.dumps(label)}))")
            expect(page.locator("#test-verdict")).to_have_text("✓ Right.")
            kinds.append(kind)
            expected.append((facts[by_time[0]], right, page.text_content("#test-question")))
            page.click("#test-next")
            continue
        if kind == "match":  # the one before: people and roles, events and years or abbreviations
            assert number == 9
            ids = page.get_attribute("#test-box", "data-fact").split()
            question = next(item for item in matchings if item["ids"] == ids)
            right = False  # one pair left wrong: the whole matching counts wrong
            for index, _ in enumerate(question["left"]):
                place = question["pairs"][index] if index else (question["pairs"][0] + 1) % len(question["right"])
                page.locator(f"#test-match select[data-index='{index}']").select_option(str(place))
            page.click("#test-match-check")
            expect(page.locator("#test-verdict")).to_contain_text("✗ Not quite")
            expect(page.locator("#test-answer")).to_have_text(
                "; ".join(
                    f"{item} – {question['right'][question['pairs'][index]]}"
                    for index, item in enumerate(question["left"])
                )
            )
            kinds.append(kind)
            expected.append((facts[ids[0]], right, question["prompt"]))
            page.click("#test-next")
            continue
        fact = facts[page.get_attribute("#test-box", "data-fact")]
        statements = data[fact.id]["tf"]
        if kind == "tf":  # every third question where the card has statements: true or false
            assert number % 3 == 0
            shown = page.text_content("#test-question")
            assert shown in (statements["true"], statements["false"])
            truth = shown == statements["true"]
            right = number % 2 == 1
            page.click(f"#test-options button:has(span:text-is('{'True' if truth == right else 'False'}'))")
            answer = "True." if truth else f"False. True is: {statements['true']}"
            prompt = shown
        elif data[fact.id]["mc"]:
            assert page.text_content("#test-question") == fact.q
            options = page.locator("#test-options button")
            right = number % 2 == 1
            index = data[fact.id]["mc"]["answer"]
            pick = (
                options.locator(f"xpath=self::*[@data-index='{index}']")
                if right
                else page.locator(f"#test-options button:not([data-index='{index}'])").first
            )
            pick.click()
            answer, prompt = fact.a, fact.q
        else:
            assert page.text_content("#test-question") == fact.q
            right = number % 3 != 0
            page.fill("#test-typed", "no idea")
            page.keyboard.press("Enter")
            expect(page.locator("#test-verdict")).to_have_text(
                "You typed “no idea”. Does it mean the same as the answer?"
            )
            page.click("#test-right" if right else "#test-wrong")  # the learner decides
            answer, prompt = fact.a, fact.q
        kinds.append(kind)
        expected.append((fact, right, prompt))
        expect(page.locator("#test-answer")).to_have_text(answer)
        page.click("#test-next")
    assert "tf" in kinds and kinds[-2:] == ["match", "order"]  # the worksheets' types: true/false, matching, order
    score = sum(right for _, right, _ in expected)
    expect(page.locator("#test-score")).to_have_text(f"Score: {score} of 10")
    items = page.locator("#test-list li")
    expect(items).to_have_count(10)
    for item, (fact, right, prompt) in zip(items.all(), expected, strict=True):
        assert prompt in item.text_content() and fact.id in item.locator("code").text_content().split()
        assert item.text_content().startswith("✓ Right: " if right else "✗ Wrong: ")
    assert stored(page) == {}  # a test does not touch the schedule
    watched.check()
