"""Robustness findings on the study page (robustness.md M8, M9, L4; code.md F23, F24, F26), in real Chromium."""

from __future__ import annotations

import json
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from test_web import MARKUP_BANK
from test_web_browser import chromium, current_id, pages, stored, watched  # noqa: F401  (fixtures)
from test_web_progress import import_file, progress_file, review_card

from quizgen.cli import main


def test_m8_imported_cards_the_scheduler_cannot_use_are_refused_by_name_and_study_goes_on(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + "#progress")
    now = datetime.now(UTC)
    good = review_card(now - timedelta(days=2), now - timedelta(minutes=1))
    ids = page.evaluate("JSON.parse(document.getElementById('bank').textContent).facts.map(f => f.id)")
    hostile = [
        dict(good, state=99),
        dict(good, state=-1),
        dict(good, stability=0),
        dict(good, last_review={"at": 1}),
        None,
        "card",
        [good],
    ]
    for index, card in enumerate(hostile):
        message = import_file(page, tmp_path / "one.json", progress_file({ids[index]: card}))
        assert message.startswith(
            f"Imported one.json: the progress of 0 cards kept; 1 card not imported because "
            f"damaged (first: '{ids[index]}': "
        ), message
    # a review in 2999 (a clock far ahead) is moved to now, so the card can be studied
    assert (
        import_file(
            page, tmp_path / "far.json", progress_file({ids[0]: dict(good, last_review="2999-01-01T00:00:00.000Z")})
        )
        == "Imported far.json: the progress of 1 card kept."
    )
    many = progress_file({f"id-{index}": good for index in range(50_000)})
    assert "too large" in import_file(page, tmp_path / "many.json", many)
    list_file = json.dumps({"format": "quizgen-progress", "deck": "nato-russia", "cards": [good]})
    assert "its cards are not a list by id" in import_file(page, tmp_path / "list.json", list_file)
    other = progress_file({ids[1]: good}, deck="other")
    assert "another deck ('other')" in import_file(page, tmp_path / "other.json", other)
    assert set(stored(page)) == {ids[0]}
    page.click("nav a[data-view=study]")
    expect(page.locator("#card")).to_have_attribute("data-fact", ids[0])
    page.keyboard.press("Space")
    page.keyboard.press("3")
    expect(page.locator("#card")).not_to_have_attribute("data-fact", ids[0])
    watched.check()


def test_m9_a_fact_whose_id_is_constructor_is_new_and_offered_like_any_other(watched, tmp_path):  # noqa: F811
    bank = shutil.copytree(MARKUP_BANK, tmp_path / "bank")
    facts = bank / "decks" / "markup" / "facts.yaml"
    facts.write_text(facts.read_text().replace("id: markup-bob", "id: constructor"))
    out = tmp_path / "out"
    assert main(["web", "--decks", str(bank / "decks"), "--seeds", str(bank / "seeds"), "--out", str(out)]) == 0
    page = watched.page
    page.goto((out / "web" / "markup" / "index.html").as_uri())
    total = len(page.evaluate("JSON.parse(document.getElementById('bank').textContent).facts"))
    expect(page.locator("#counts")).to_contain_text(f"0 due · {total} new")
    expect(page.locator("#counts")).to_contain_text("0 studied")
    seen = []
    for _ in range(total):
        seen.append(current_id(page))
        page.keyboard.press("Space")
        page.keyboard.press("4")
    assert "constructor" in seen and len(set(seen)) == total
    assert stored(page, "markup")["constructor"]["reps"] == 1
    watched.check()


@pytest.mark.parametrize(
    "address", ["#%E0%A4%A", "#card/%", "#%", "#card/%E0", "#constructor", "#toString", "#__proto__", "#hasOwnProperty"]
)
def test_l4_a_malformed_escape_in_the_address_opens_the_study_view(watched, pages, address):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"] + address)
    expect(page.locator("#card")).to_be_visible()
    assert page.text_content("#question")
    watched.check()  # no "URI malformed" page error


def test_f23_the_page_defines_no_globals_of_its_own(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    blank_page = tmp_path / "blank.html"
    blank_page.write_text("<!doctype html><title>blank</title>")
    page.goto(blank_page.as_uri())
    blank = set(page.evaluate("Object.getOwnPropertyNames(window)"))
    page.goto(pages["bundled"])
    expect(page.locator("#card")).to_be_visible()
    assert set(page.evaluate("Object.getOwnPropertyNames(window)")) - blank == set()


def test_f26_the_csp_allows_only_the_pages_own_script_and_style(watched, pages):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    policy = page.get_attribute("meta[http-equiv=Content-Security-Policy]", "content")
    assert "unsafe-inline" not in policy and "script-src 'sha256-" in policy and "style-src 'sha256-" in policy
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
                             document.body.append(s); }""")
    assert page.evaluate("document.querySelectorAll('script').length") == 3  # inserted, and refused at once
    assert page.evaluate("window.injected") is None  # refused: it would have run under 'unsafe-inline'
    expect(page.locator("#card")).to_be_visible()  # the page's own hashed script ran
