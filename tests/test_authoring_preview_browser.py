"""`quizgen preview ID --html` in real Chromium: the card faces show the fact's texts, as its YAML writes them."""

import dataclasses
import re

import pytest
import yaml
from conftest import ROOT
from helpers import browser_or_skip

from quizgen.anki.ledger import LEDGER_FILE, Ledger
from quizgen.anki.persons import person_cards
from quizgen.authoring.preview import find_fact
from quizgen.authoring.preview_page import preview_page
from quizgen.bank.loader import load_banks

BANK = load_banks(ROOT / "decks", ROOT / "seeds")[0]
DECK = ROOT / "decks" / BANK.name
# the expected texts: the fact files themselves, read as plain YAML
YAML = {
    raw["id"]: raw for path in sorted(DECK.glob("[0-9]*.yaml")) for raw in yaml.safe_load(path.read_text())["facts"]
}
DELETION = re.compile(r"\{\{c1::(.*?)(?:::.*?)?\}\}")


def _first(test) -> str:
    return next(key for key, raw in YAML.items() if test(raw))


CLOZE = _first(
    lambda raw: (
        raw.get("stance", "fact") == "fact"
        and raw["kind"] in ("year", "date", "number")
        and len(re.findall(r"\{\{c\d+::", raw.get("cloze", ""))) == 1
    )
)
CHOICE = _first(lambda raw: raw.get("stance") == "claim" and len(raw.get("distractors", ())) == 3)
PERSON = next(iter(person_cards(BANK, Ledger.load(DECK / LEDGER_FILE).carriers())))  # the Anki builder's rule


@pytest.fixture(scope="module")
def tab():
    from playwright.sync_api import sync_playwright

    executable = browser_or_skip()
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        yield browser.new_page(viewport={"width": 1000, "height": 900})
        browser.close()


def _open(tab, tmp_path, fact_id, bank=BANK):
    page = tmp_path / f"{fact_id}.html"
    page.write_text(preview_page(bank, find_fact(bank, fact_id)), encoding="utf-8")
    tab.goto(page.as_uri())
    frames = {}
    for handle in tab.query_selector_all("iframe"):
        frame = handle.content_frame()
        frame.wait_for_load_state()
        frames[handle.get_attribute("title")] = frame
    return frames


def _text(frame) -> str:
    return " ".join(frame.inner_text("body").split())


def test_a_cloze_card_shows_the_gap_on_the_front_and_the_answer_on_the_back(tab, tmp_path):
    raw = YAML[CLOZE]
    sentence = raw["cloze"]
    answer = DELETION.search(sentence)[1]
    before, after = (" ".join(part.split()) for part in DELETION.split(sentence)[::2])
    frames = _open(tab, tmp_path, CLOZE)
    front, back = _text(frames["Anki Cloze 1, front"]), _text(frames["Anki Cloze 1, back"])
    assert re.search(re.escape(before) + r" ?\[[^\]]+\] ?" + re.escape(after), front), front
    assert answer not in front
    assert " ".join(DELETION.sub(lambda m: m[1], sentence).split()) in back
    assert raw["quote"] in back and f"Fact id: {CLOZE}" in back
    study = _text(
        next(frame for title, frame in frames.items() if title.startswith("Study page") and "gap" not in title)
    )
    assert raw["q"] in study and raw["a"] in study
    gap = _text(frames["Study page, Fill the gap"])
    assert re.search(re.escape(before) + r" ?\[[^\]]+\] ?" + re.escape(after), gap), gap
    assert " ".join(DELETION.sub(lambda m: m[1], sentence).split()) in gap


def test_a_claim_s_multiple_choice_card_shows_its_options_and_marks_the_answer(tab, tmp_path):
    raw = YAML[CHOICE]
    frames = _open(tab, tmp_path, CHOICE)
    front, back = frames["Anki Choose the answer, front"], frames["Anki Choose the answer, back"]
    front.wait_for_selector(".qz-options li")  # the card's own script builds the options
    options = [" ".join(text.split()) for text in front.locator(".qz-option").all_inner_texts()]
    assert sorted(options) == sorted([raw["a"], *raw["distractors"]])
    assert raw["q"] in _text(front)
    back.wait_for_selector(".qz-options li.qz-right")
    assert back.inner_text(".qz-options li.qz-right").strip() == raw["a"]
    assert "An attributed view" in _text(back)  # the claim's label
    study = frames["Study page, Multiple choice"]
    assert sorted(" ".join(t.split()[1:]).rstrip(" ✓") for t in study.locator(".option").all_inner_texts()) == sorted(
        [raw["a"], *raw["distractors"]]
    )


def test_a_person_fact_shows_its_question_card_and_its_reversed_role_card(tab, tmp_path):
    raw = YAML[PERSON]
    office, dates = re.fullmatch(r"(.+) \(([^()]+)\)", raw["role"]).groups()
    frames = _open(tab, tmp_path, PERSON)
    assert raw["q"] in _text(frames["Anki Question → answer, front"])
    assert raw["a"] in _text(frames["Anki Question → answer, back"])
    role_front, role_back = _text(frames["Anki Person → role, front"]), _text(frames["Anki Person → role, back"])
    assert f"{raw['a']}: which role, {dates}?" in role_front and office not in role_front
    assert office in role_back


def test_a_fact_s_markup_shows_as_text_and_never_runs(tab, tmp_path):
    flag = "document.documentElement.dataset.pwned"
    attack = f'<script>{flag} = "1"</script><img src=x onerror="{flag}=1">'
    fact = find_fact(BANK, CHOICE)
    fact = dataclasses.replace(fact, q=attack + fact.q, note=attack)
    bank = dataclasses.replace(BANK, facts=tuple(fact if f.id == fact.id else f for f in BANK.facts))
    frames = _open(tab, tmp_path, CHOICE, bank)
    front = frames["Anki Choose the answer, front"]
    front.wait_for_selector(".qz-options li")  # the card's script ran: the data's did not
    for frame in (tab.main_frame, *frames.values()):
        assert frame.evaluate(flag) is None
        assert frame.query_selector("img[src=x]") is None
    assert attack in _text(front) and attack in _text(frames["Anki Choose the answer, back"])
