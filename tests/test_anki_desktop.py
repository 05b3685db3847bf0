"""The deck in real Anki desktop (aqt, offscreen): what a learner sees, with real keys and clicks.

tests/anki_desktop.py drives Anki on a fresh profile in a temporary folder (one run per phase);
these tests assert on what it recorded. QUIZGEN_SHOTS=dir keeps its screenshots.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_anki_exporter import build, copy_bank

DRIVER = Path(__file__).with_name("anki_desktop.py")
SIZES = ("1000x800-day", "420x760-night")  # a desktop window; a phone-sized one at night
KINDS = {"qa", "person", "cloze", "mc"}

if not os.environ.get("CI"):
    pytest.importorskip("aqt")


def drive(tmp_path, package, phase):
    shots = os.environ.get("QUIZGEN_SHOTS", "")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
    result = tmp_path / f"{phase}.json"
    run = subprocess.run(
        [sys.executable, str(DRIVER), str(tmp_path / f"profile-{phase}"), str(package), str(result), phase, shots],
        capture_output=True,
        text=True,
        timeout=300,  # each wait polls up to 45 s: a cold QtWebEngine on a loaded machine
        check=False,
    )
    assert result.exists(), run.stderr[-3000:]
    recorded = json.loads(result.read_text())
    assert not recorded["errors"], recorded["errors"]
    return recorded


@pytest.fixture(scope="module")
def package(tmp_path_factory):
    workspace = copy_bank(tmp_path_factory.mktemp("bank"))
    return build(workspace, workspace / "build")


@pytest.fixture(scope="module", params=SIZES)
def reviews(request, package, tmp_path_factory):
    recorded = drive(tmp_path_factory.mktemp("desktop"), package, request.param)
    width = int(request.param.split("x")[0])
    return {entry["kind"]: entry for entry in recorded["reviews"]}, width


def on_screen(box, geometry):
    """The part is shown whole in the window without scrolling further (to the pixel)."""
    return box is not None and box["top"] > -1 and box["bottom"] < geometry["height"] + 1


def test_a_new_learners_first_cards_are_never_retired_notes(package, tmp_path):
    first = drive(tmp_path, package, "first")
    assert len(first["first_cards"]) == 20
    for card in first["first_cards"]:
        assert not card["retired"] and "nato_russia::retired" not in card["tags"], card
        assert card["deck"].startswith("NATO–Russia relations::"), card


def test_every_note_type_shows_its_source_and_question_on_one_screen(reviews):
    shown, width = reviews
    assert set(shown) == KINDS
    for kind, entry in shown.items():
        front = entry["front"]
        assert on_screen(front["kicker"], front) and on_screen(front["question"], front), kind
        label = entry["deck"].split("::")[-1]  # the article's short label, its subdeck's name
        assert front["kicker"]["text"].strip().upper().endswith(label.upper()), (kind, label)
        assert front["scrollWidth"] <= width and entry["back"]["scrollWidth"] <= width, kind


def test_multiple_choice_is_chosen_by_a_click_and_the_back_opens_at_the_verdict(reviews):
    shown, width = reviews
    mc = shown["mc"]
    front, chosen, back = mc["front"], mc["chosen"], mc["back"]
    options = front["optionTexts"]
    assert len(options) == 4 and mc["note"]["Answer"] in [o["text"] for o in options]
    assert front["how"] and "tap or click" in front["how"]["text"].lower()
    assert not any(word in front["how"]["text"].lower() for word in ("key", "press", "number"))
    for option in options:  # Anki's own button margins are reset: one column inside the card
        assert option["marginTop"] == "0px" and option["right"] <= width, option
        assert option["left"] >= front["question"]["left"], option
    assert on_screen(front["options"], front)
    letter = "ABCD"[[o["text"] for o in chosen["optionTexts"]].index(mc["note"]["Answer"])]
    assert chosen["verdict"]["text"] == f"✗ Not this one: the answer is {letter}. Rate it Again."
    assert mc["clicked"] != mc["note"]["Answer"]
    # the back: same order, the right option marked, the verdict, all without scrolling
    assert [o["text"] for o in back["optionTexts"]] == [o["text"] for o in chosen["optionTexts"]]
    assert back["right"]["text"] == mc["note"]["Answer"]
    assert on_screen(back["right"], back) and on_screen(back["verdict"], back)
    assert back["how"] is None  # nothing to choose on the back
    # the question too, whenever the card down to the verdict fits in one window (as on the front)
    if chosen["verdict"]["bottom"] + chosen["scrollY"] <= chosen["height"]:
        assert on_screen(back["question"], back)


def test_every_back_shows_the_answer_without_scrolling(reviews):
    shown, _ = reviews
    for kind, part in (("qa", "answer"), ("person", "answer"), ("cloze", "cloze")):
        back = shown[kind]["back"]
        assert on_screen(back[part], back), (kind, back[part], back["height"])
    assert shown["qa"]["back"]["answer"]["text"] == shown["qa"]["note"]["Answer"]
    assert shown["person"]["back"]["answer"]["text"] == shown["person"]["note"]["Role"]
    assert "which role" in shown["person"]["front"]["question"]["text"]
