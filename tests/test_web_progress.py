"""The study page keeps progress through anything, in real Chromium: two tabs, damaged records, hostile imports."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from helpers import bundled
from playwright.sync_api import expect
from test_web_browser import Watched, chromium, current_id, pages, stored, watched  # noqa: F401  (fixtures)

DECK = "nato-russia"
CARD = f"quizgen:{DECK}:card:"


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def review_card(last_review: datetime, due: datetime, **fields) -> dict:
    """A card as ts-fsrs writes it after one review (state 2, Review)."""
    card = {
        "due": iso(due),
        "stability": 3.2,
        "difficulty": 5.1,
        "elapsed_days": 0,
        "scheduled_days": 3,
        "learning_steps": 0,
        "reps": 1,
        "lapses": 0,
        "state": 2,
        "last_review": iso(last_review),
    }
    card.update(fields)
    return card


def progress_file(cards: dict, deck: str = DECK) -> str:
    return json.dumps({"format": "quizgen-progress", "version": 2, "deck": deck, "cards": cards})


def answer(page, count: int, rating: str = "3") -> list[str]:
    ids = []
    for _ in range(count):
        ids.append(current_id(page))
        page.keyboard.press("Space")
        expect(page.locator("#answer")).to_be_visible()
        page.keyboard.press(rating)
        # the next card, or the end-of-queue screen (fact ids are slugs: safe in a selector)
        expect(page.locator(f"#card:not([hidden]):not([data-fact='{ids[-1]}']), #done:not([hidden])")).to_have_count(1)
    return ids


def import_file(page, path, text: str) -> str:
    path.write_text(text)
    page.evaluate("document.getElementById('progress-message').textContent = ''")
    page.set_input_files("#import", str(path))
    expect(page.locator("#progress-message")).to_have_text(re.compile(r"."))  # wait_for_function needs eval: CSP
    return page.text_content("#progress-message")


def test_two_tabs_answering_keep_every_answer_and_see_each_other(chromium, pages):  # noqa: F811
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    tab_a, tab_b = Watched(context), Watched(context)
    tab_a.page.goto(pages["bundled"])
    tab_b.page.goto(pages["bundled"])  # both read the (empty) progress before either answers
    a = answer(tab_a.page, 5)
    expect(tab_b.page.locator("#counts")).to_contain_text("5 studied")  # the other tab's answers count here
    b = answer(tab_b.page, 2)
    assert not set(b) & set(a)  # tab B's queue moved on past what tab A answered
    expect(tab_a.page.locator("#counts")).to_contain_text("7 studied")
    fresh = Watched(context)
    fresh.page.goto(pages["bundled"])
    expect(fresh.page.locator("#counts")).to_contain_text("7 studied")
    assert set(stored(fresh.page)) == set(a) | set(b)
    for tab in (tab_a, tab_b, fresh):
        tab.check()
    context.close()


def test_a_damaged_record_is_set_aside_alone_and_never_overwrites_the_rest(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    ids = answer(page, 10)
    page.evaluate(
        f"localStorage.setItem({json.dumps(CARD + ids[3])}, "
        f"JSON.stringify(Object.assign(JSON.parse(localStorage.getItem({json.dumps(CARD + ids[3])})), "
        "{due: 'garbage'})))"
    )
    page.reload()
    expect(page.locator("#notice")).to_be_visible()
    assert f"'{ids[3]}' (its due date is not a date)" in page.text_content("#notice-text")
    expect(page.locator("#counts")).to_contain_text("9 studied")  # the other nine are kept
    assert current_id(page) == ids[3]  # set aside, it is offered again as a new card
    answer(page, 1)
    expect(page.locator("#notice")).to_be_visible()  # still up: the learner has not acted on it
    cards = stored(page)
    assert set(cards) == set(ids) and cards[ids[3]]["reps"] == 1
    damaged = page.evaluate(f"localStorage.getItem('quizgen:{DECK}:damaged:{ids[3]}')")
    assert json.loads(damaged)["due"] == "garbage"  # copied aside before its record was replaced
    page.click("#notice-dismiss")
    expect(page.locator("#notice")).to_be_hidden()
    answer(page, 1)
    expect(page.locator("#notice")).to_be_hidden()
    watched.check()


def test_a_card_from_a_clock_two_days_fast_is_imported_and_studied(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#progress")
    now = datetime.now(UTC)
    fact = bundled().facts[5]
    skewed = review_card(now + timedelta(days=2), now - timedelta(minutes=1))
    message = import_file(page, tmp_path / "skew.json", progress_file({fact.id: skewed}))
    assert message == "Imported skew.json: the progress of 1 card kept."
    assert datetime.fromisoformat(stored(page)[fact.id]["last_review"]) <= datetime.now(UTC)
    page.click("nav a[data-view=study]")
    expect(page.locator("#card")).to_have_attribute("data-fact", fact.id)  # due: it comes first
    page.click("#show")
    expect(page.locator("#rate")).to_be_visible()
    assert page.locator("#rate small").all_text_contents()[2]  # the scheduler gave each rating a wait
    page.click("#rate button.good")
    expect(page.locator("#card")).not_to_have_attribute("data-fact", fact.id)
    assert stored(page)[fact.id]["reps"] == 2
    watched.check()


def test_cards_the_scheduler_cannot_use_are_refused_one_by_one_and_study_goes_on(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#progress")
    now = datetime.now(UTC)
    facts = bundled().facts
    good = review_card(now - timedelta(days=3), now - timedelta(minutes=5))
    hostile = {"state": 99, "stability": -5, "difficulty": 1e308, "reps": -1, "due": "garbage", "last_review": {"x": 1}}
    cards = {facts[0].id: good}
    cards.update(
        {facts[index + 1].id: dict(good, **{field: value}) for index, (field, value) in enumerate(hostile.items())}
    )
    message = import_file(page, tmp_path / "hostile.json", progress_file(cards))
    assert message.startswith(
        "Imported hostile.json: the progress of 1 card kept; 6 cards not imported because damaged"
    )
    assert set(stored(page)) == {facts[0].id}
    page.click("nav a[data-view=study]")
    answer(page, 2)
    watched.check()


def test_huge_imports_are_refused_and_a_full_storage_is_reported_at_once(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    kept = answer(page, 2)
    page.click("nav a[data-view=progress]")
    huge = progress_file({f"id-{index}": {"padding": "x" * 4000} for index in range(10000)})
    assert len(huge) > 40_000_000
    message = import_file(page, tmp_path / "huge.json", huge)
    assert (
        message
        == "Could not import huge.json: the file is larger than 2 MB, too large for a progress file. Nothing was changed."  # noqa: E501
    )
    # fill the browser's storage to the brim: the next answer must say at once that it was not kept
    page.evaluate("""() => { let size = 1 << 22, text = '';
        for (; size > 16; size >>= 1) { try { localStorage.setItem('filler' + size, 'x'.repeat(size)); } catch (e) {} } }""")  # noqa: E501
    page.click("nav a[data-view=study]")
    page.keyboard.press("Space")
    page.keyboard.press("3")
    expect(page.locator("#notice")).to_be_visible()
    assert page.text_content("#notice-text").startswith("Your last answer could not be saved in this browser")
    now = datetime.now(UTC)
    cards = {fact.id: review_card(now - timedelta(days=1), now + timedelta(days=2)) for fact in bundled().facts[20:120]}
    page.click("nav a[data-view=progress]")
    message = import_file(page, tmp_path / "full.json", progress_file(cards))
    assert message.startswith("Could not import full.json: nothing was imported: the browser's storage is full")
    assert set(stored(page)) == set(kept)  # rolled back: no half import
    assert page.text_content("#progress-summary").startswith(f"2 of {len(bundled().facts)} cards studied")
    watched.check()


def test_another_decks_progress_and_files_that_are_not_progress_are_refused_with_a_sentence(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#progress")
    now = datetime.now(UTC)
    card = review_card(now - timedelta(days=1), now + timedelta(days=2))
    fact = bundled().facts[0]
    cases = {
        progress_file(
            {fact.id: card}, deck="some-other-deck"
        ): "this file holds the progress of another deck ('some-other-deck'), not of 'nato-russia'",
        "this is { not json": "this file is not JSON",
        json.dumps([1, 2]): "this is not a quizgen progress file",
        json.dumps({"format": "quizgen-progress", "deck": DECK, "cards": [card]}): "its cards are not a list by id",
    }
    for text, reason in cases.items():
        assert (
            import_file(page, tmp_path / "in.json", text) == f"Could not import in.json: {reason}. Nothing was changed."
        )
    assert stored(page) == {}
    watched.check()


def test_undo_takes_back_the_last_answer_by_button_and_by_ctrl_z(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    first = answer(page, 1, rating="1")[0]
    page.keyboard.press("Control+z")
    expect(page.locator("#card")).to_have_attribute("data-fact", first)
    assert stored(page) == {} and "0 studied" in page.text_content("#counts")
    answer(page, 1, rating="4")
    page.click("#undo")
    expect(page.locator("#card")).to_have_attribute("data-fact", first)
    assert stored(page) == {}
    watched.check()


def test_progress_of_the_earlier_single_record_format_is_carried_over(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    now = datetime.now(UTC)
    facts = bundled().facts
    old = {
        "format": "quizgen-progress",
        "version": 1,
        "deck": DECK,
        "cards": {
            facts[0].id: review_card(now - timedelta(days=1), now + timedelta(days=2)),
            facts[1].id: {"due": "soon"},
        },
    }
    page.evaluate(
        f"localStorage.clear(); localStorage.setItem('quizgen:{DECK}:progress', {json.dumps(json.dumps(old))})"
    )
    page.reload()
    expect(page.locator("#counts")).to_contain_text("1 studied")
    assert set(stored(page)) == {facts[0].id}
    assert page.evaluate(f"localStorage.getItem('quizgen:{DECK}:progress')") is None
    # the card that could not be moved is named at once, and its copy and the old record are exported
    expect(page.locator("#notice")).to_be_visible()
    expect(page.locator("#notice-text")).to_contain_text(f"'{facts[1].id}'")
    page.click("nav a[data-view=progress]")
    with page.expect_download() as download:
        page.click("#export")
    exported = tmp_path / "export.json"
    download.value.save_as(exported)
    damaged = json.loads(exported.read_text())["damaged"]
    assert json.loads(damaged[f"damaged:{facts[1].id}"]) == {"due": "soon"}
    assert json.loads(damaged["backup:version-1"]) == old
    watched.check()


def test_a_flag_the_browser_cannot_save_is_said_at_once(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#cards")
    flag = page.locator("#cards-list button.flag").first
    expect(flag).to_have_attribute("aria-pressed", "false")
    page.evaluate("""() => { let size = 1 << 22;
        for (; size > 16; size >>= 1) { try { localStorage.setItem('filler' + size, 'x'.repeat(size)); } catch (e) {} } }""")  # noqa: E501
    flag.click()
    expect(page.locator("#notice")).to_be_visible()  # in the Cards view too: the notice is in every view
    expect(page.locator("#notice-text")).to_contain_text("could not be saved in this browser")
    expect(flag).to_have_attribute("aria-pressed", "false")
    page.evaluate(
        "() => Object.keys(localStorage).filter((key) => key.startsWith('filler'))"
        ".forEach((key) => localStorage.removeItem(key))"
    )
    flag.click()
    expect(flag).to_have_attribute("aria-pressed", "true")
    watched.check()


def test_records_of_unknown_ids_beyond_twice_the_bank_are_removed_on_load_and_said(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    facts = bundled().facts
    limit = 2 * len(facts)
    now = datetime.now(UTC)
    records = {
        f"{CARD}other-{index:05}": json.dumps(review_card(now - timedelta(days=1 + index), now + timedelta(days=2)))
        for index in range(limit + 30)
    }
    records[CARD + facts[0].id] = json.dumps(review_card(now - timedelta(days=900), now + timedelta(days=2)))
    page.evaluate(
        "records => { for (const [key, text] of Object.entries(records)) localStorage.setItem(key, text); }", records
    )
    page.reload()
    expect(page.locator("#notice-text")).to_have_text(
        re.compile(r"^Removed the saved progress of 30 cards this page does not know")
    )
    kept = page.evaluate("Object.keys(localStorage)")
    others = sorted(key for key in kept if key.startswith(CARD + "other-"))
    assert others == [f"{CARD}other-{index:05}" for index in range(limit)]  # the 30 reviewed longest ago went
    assert CARD + facts[0].id in kept  # a card of this page is never removed, however old
    watched.check()
