"""The study page in real headless Chromium (Playwright): studying, progress, timeline, escaping, no network."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

import pytest
from conftest import ROOT
from helpers import browser_or_skip, bundled
from playwright.sync_api import expect, sync_playwright
from test_web import MARKUP_BANK, markup_bank

from quizgen.cli import main

CARD_KEY = "quizgen:{}:card:"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """The study pages of the bundled bank and of the markup fixture, built by the CLI."""
    out = tmp_path_factory.mktemp("web")
    for decks, seeds in ((ROOT / "decks", ROOT / "seeds"), (MARKUP_BANK / "decks", MARKUP_BANK / "seeds")):
        assert main(["web", "--decks", str(decks), "--seeds", str(seeds), "--out", str(out)]) == 0
    return {
        "bundled": (out / "web" / "nato-russia" / "index.html").as_uri(),
        "markup": (out / "web" / "markup" / "index.html").as_uri(),
    }


@pytest.fixture(scope="module")
def chromium():
    executable = browser_or_skip()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        yield browser
        browser.close()


class Watched:
    """A page whose console errors, page errors and non-file requests are all recorded."""

    def __init__(self, context):
        self.errors, self.requests = [], []
        self.page = context.new_page()
        self.page.on(
            "console",
            lambda message: (
                message.type in ("error", "warning") and self.errors.append(f"console {message.type}: {message.text}")
            ),
        )
        self.page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        self.page.on("requestfailed", lambda request: self.errors.append(f"failed: {request.url}"))
        self.page.on("request", lambda request: self.requests.append(request.url))
        # never let a request leave the machine, even if the page tried
        context.route(re.compile(r"^(?!file:)"), lambda route: route.abort())

    def check(self):
        assert self.errors == []
        assert self.requests and all(url.startswith("file://") for url in self.requests), self.requests


@pytest.fixture
def watched(chromium):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = Watched(context)
    yield page
    context.close()


def stored(page, deck="nato-russia") -> dict:
    """The cards kept in the browser: one localStorage record per fact."""
    records = page.evaluate("Object.fromEntries(Object.entries(localStorage))")
    prefix = CARD_KEY.format(deck)
    return {key[len(prefix) :]: json.loads(text) for key, text in records.items() if key.startswith(prefix)}


def current_id(page) -> str:
    return page.get_attribute("#card", "data-fact")


def to_multiple_choice(page) -> int:
    """Switch to multiple choice and go on to the first card that has options; the index of its answer."""
    page.check("input[value=mc]")
    while not page.locator("#options").is_visible():  # too few answers of its kind: a flashcard
        page.click("#show")
        page.click("#rate button.good")
    return page.evaluate(
        "JSON.parse(document.getElementById('bank').textContent).facts"
        ".find(f => f.id === document.getElementById('card').dataset.fact).mc.answer"
    )


def minutes_until_due(card) -> float:
    due, seen = (datetime.fromisoformat(card[key].replace("Z", "+00:00")) for key in ("due", "last_review"))
    return (due - seen) / timedelta(minutes=1)


def test_ten_flashcards_rated_with_keys_are_scheduled_by_fsrs_and_kept_after_reload(watched, pages):
    page = watched.page
    page.goto(pages["bundled"])
    facts = bundled().by_id
    ratings = {}
    for turn in range(10):
        fact = facts[current_id(page)]
        assert page.text_content("#question") == fact.q
        assert not page.is_visible("#answer")
        page.keyboard.press("Space" if turn % 2 else "Enter")
        assert page.text_content("#answer-text") == fact.a
        assert page.is_visible("#stance") and fact.quote in page.text_content("#cites")
        assert fact.source.citation() in page.text_content("#cites")
        rating = (3, 1, 4, 2)[turn % 4]
        page.keyboard.press(str(rating))
        ratings[fact.id] = rating
    assert len(ratings) == 10
    page.reload()
    assert "10 studied" in page.text_content("#counts")
    cards = stored(page)
    assert set(cards) == set(ratings)
    for fact_id, rating in ratings.items():
        card = cards[fact_id]
        assert card["reps"] == 1
        # ts-fsrs' learning steps: Again 1 min, Hard 6 min, Good 10 min; Easy graduates for days
        if rating == 4:
            assert minutes_until_due(card) > 24 * 60
        else:
            assert minutes_until_due(card) == pytest.approx({1: 1, 2: 6, 3: 10}[rating], abs=0.1)
    assert current_id(page) not in ratings  # nothing is due yet: a new card comes next
    watched.check()


def test_ten_multiple_choice_answers_are_graded_and_kept_after_reload(watched, pages):
    page = watched.page
    page.goto(pages["bundled"])
    page.check("input[value=mc]")
    page.locator("#question").click()  # focus leaves the radio: keys go to the card
    data = {fact["id"]: fact for fact in page.evaluate("JSON.parse(document.getElementById('bank').textContent).facts")}
    graded = {}
    while len(graded) < 10:
        fact = data[current_id(page)]
        if not fact["mc"]:  # too few answers of its kind: the card is a flashcard
            page.keyboard.press("Space")
            page.keyboard.press("3")
            continue
        shown = [
            int(index)
            for index in page.locator("#options button").evaluate_all("nodes => nodes.map(n => n.dataset.index)")
        ]
        options = [re.sub(r"^\d", "", text) for text in page.locator("#options button").all_text_contents()]
        assert sorted(shown) == list(range(len(fact["mc"]["options"])))
        assert options == [fact["mc"]["options"][index] for index in shown]  # shuffled, keys follow the order shown
        right = len(graded) % 3 != 2
        choice = fact["mc"]["answer"] if right else (fact["mc"]["answer"] + 1) % len(options)
        page.keyboard.press(str(shown.index(choice) + 1))
        verdict = page.text_content("#verdict")
        assert verdict.startswith("✓ Right.") if right else verdict.startswith("✗ Not quite")
        assert page.text_content("#answer-text") == fact["a"]
        assert page.is_visible("#cites") and fact["cites"][0]["quote"] in page.text_content("#cites")
        graded[fact["id"]] = right
        page.keyboard.press("Space")
    page.reload()
    cards = stored(page)
    for fact_id, right in graded.items():
        # a new card's right choice counts as Good (10 min; Hard only once the card is in review,
        # templates/web/cards.mjs choiceRating); wrong is Again
        assert minutes_until_due(cards[fact_id]) == pytest.approx(10 if right else 1, abs=0.1)
    assert f"{len(cards)} studied" in page.text_content("#counts")
    watched.check()


def test_progress_exported_cleared_and_imported_comes_back(watched, pages, tmp_path):
    page = watched.page
    page.goto(pages["bundled"])
    for _ in range(3):
        page.click("#show")
        page.click("#rate button.good")
    before = stored(page)
    page.click("nav a[data-view=progress]")
    expect(page.locator("#view-progress")).to_be_visible()
    with page.expect_download() as download:
        page.click("#export")
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["cards"] == before and len(before) == 3
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#clear")
    assert stored(page) == {}
    assert page.text_content("#progress-summary").startswith(f"0 of {len(bundled().facts)} cards studied")
    page.set_input_files("#import", str(exported))
    expect(page.locator("#progress-message")).to_have_text(re.compile(r"^Imported"))
    assert page.text_content("#progress-message") == f"Imported {exported.name}: the progress of 3 cards kept."
    page.reload()
    assert stored(page) == before
    page.click("nav a[data-view=study]")
    expect(page.locator("#counts")).to_contain_text("3 studied")
    watched.check()


def test_a_damaged_progress_file_is_refused_with_a_message(watched, pages, tmp_path):
    page = watched.page
    page.goto(pages["bundled"] + "#progress")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "quizgen-progress", "deck": "nato-russia", "cards": {"x": {"due": "soon"}}}')
    page.set_input_files("#import", str(bad))
    expect(page.locator("#progress-message")).to_have_text(re.compile(r"."))  # (wait_for_function needs eval: CSP)
    assert page.text_content("#progress-message") == (
        "Imported bad.json: the progress of 0 cards kept; 1 card not "
        "imported because damaged (first: 'x': its state is not 0, 1, 2 or 3)."
    )
    watched.check()


def test_bank_markup_shows_as_text_and_never_runs(watched, pages):
    page = watched.page
    page.goto(pages["markup"])
    bank = markup_bank()
    first = bank.by_id[current_id(page)]
    assert page.text_content("#question") == first.q
    page.keyboard.press("Space")
    assert page.text_content("#answer-text") == first.a
    for fact in bank.facts[1:]:
        page.goto(pages["markup"] + "#card/" + fact.id)
        expect(page.locator("#card")).to_have_attribute("data-fact", fact.id)
        page.keyboard.press("Space")
        assert page.text_content("#question") == fact.q and page.text_content("#answer-text") == fact.a
        assert fact.quote in page.text_content("#cites")
        if fact.note:
            assert page.text_content("#note-text") == fact.note
    page.click("nav a[data-view=timeline]")
    expect(page.locator("#timeline-axis")).to_contain_text("</script><script>")
    assert page.evaluate("window.pwned") is None
    assert page.locator("main script, main img, main b, main i").count() == 0
    assert page.title().startswith('Markup <script>window.pwned = "deck"</script> bank')
    watched.check()


def test_timeline_puts_every_dated_fact_in_order_and_links_to_its_card(watched, pages):
    page = watched.page
    page.goto(pages["bundled"] + "#timeline")
    dated = sorted((fact for fact in bundled().facts if fact.when), key=lambda fact: fact.when.sort_key)
    events = page.locator("#timeline-axis .event")
    assert events.count() == len(dated)
    shown = page.locator("#timeline-axis .event time").evaluate_all("nodes => nodes.map(n => n.dateTime)")
    assert shown == sorted(shown, key=lambda when: [int(part) for part in when.split("-")])
    assert set(shown) == {str(fact.when) for fact in dated}
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling on a phone
    page.select_option("#timeline-group", "tag")
    assert page.locator("#timeline-only option").count() > 5
    target = dated[len(dated) // 2]
    page.click(f"#event-{target.id} a.to-card")
    expect(page.locator("#question")).to_have_text(target.q)
    assert page.is_visible("#view-study")
    page.emulate_media(media="print")
    assert page.is_visible("#timeline-axis") and not page.is_visible("nav") and not page.is_visible("#card")
    watched.check()


def test_night_mode_follows_the_system_and_the_toggle_is_remembered(chromium, pages):
    context = chromium.new_context(color_scheme="dark")
    watched = Watched(context)
    page = watched.page
    page.goto(pages["bundled"])
    background = "getComputedStyle(document.body).backgroundColor"
    dark = page.evaluate(background)
    page.click("#theme")
    light = page.evaluate(background)
    page.reload()
    assert page.evaluate(background) == light != dark
    assert brightness(dark) < 60 < 200 < brightness(light)
    watched.check()
    context.close()


def brightness(css_colour: str) -> float:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])
    return (red + green + blue) / 3


def test_a_rebuilt_page_keeps_the_progress_of_facts_whose_id_is_unchanged(watched, tmp_path):
    import shutil

    bank_dir = shutil.copytree(MARKUP_BANK, tmp_path / "bank")
    build = [
        "web",
        "--decks",
        str(bank_dir / "decks"),
        "--seeds",
        str(bank_dir / "seeds"),
        "--out",
        str(tmp_path / "out"),
    ]
    assert main(build) == 0
    page = watched.page
    page.goto((tmp_path / "out" / "web" / "markup" / "index.html").as_uri())
    studied = []
    for _ in range(2):
        studied.append(current_id(page))
        page.keyboard.press("Space")
        page.keyboard.press("3")
    facts = bank_dir / "decks" / "markup" / "facts.yaml"
    facts.write_text(
        facts.read_text().replace("Who chaired the council in 2011?", "Who chaired the council in the year 2011?")
    )
    assert main(build) == 0
    page.reload()
    assert set(stored(page, "markup")) == set(studied) and "2 studied" in page.text_content("#counts")
    watched.check()


@pytest.mark.parametrize(
    "address", ["#%E0", "#constructor", "#__proto__", "#toString", "#hasOwnProperty", "#nosuchview"]
)
def test_a_malformed_or_unknown_address_shows_the_study_view_and_a_card(watched, pages, address):
    """rv3 M6 and F24: names of Object.prototype and a broken escape are no view; the page studies."""
    page = watched.page
    page.goto(pages["bundled"] + address)
    expect(page.locator("#card")).to_be_visible()
    assert current_id(page) in bundled().by_id
    assert page.text_content("#question")
    watched.check()
