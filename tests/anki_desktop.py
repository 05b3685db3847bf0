"""Drives real Anki desktop (aqt, offscreen) through a built deck; run by test_anki_desktop.py.

`python anki_desktop.py BASE APKG RESULT.json PHASE [SHOTS]`: a fresh profile in BASE imports
APKG with the import dialog's defaults, then either studies the top deck as a new learner would
(PHASE `first`: the first 20 cards) or reviews one card of each note type in a filtered deck with
real key and mouse events (PHASE `WIDTHxHEIGHT-day|night`). Every step waits on a readiness
signal (Anki's state, its page's domDone, the card's DOM), never a fixed sleep. It records what
is on screen; the test asserts. One phase per run: Anki's reviewer left for the overview and
back can stay on the old page, which a learner never meets but a script can.
"""

import json
import os
import sys
import time

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
os.environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
os.environ["ANKI_NOHIGHDPI"] = "1"

import aqt
import aqt.profiles
from aqt.qt import QPoint, Qt, QTimer
from PyQt6.QtTest import QTest

BASE, APKG, RESULT, PHASE = sys.argv[1:5]
SHOTS = sys.argv[5] if len(sys.argv) > 5 else ""
TOP = "NATO–Russia relations"
# one card of each note type (searches), reviewed at each size
CARDS = [
    ("qa", '"note:quizgen Question/answer" card:1 -tag:*::retired'),
    ("person", '"note:quizgen Question/answer" card:2 -tag:*::retired'),
    ("cloze", '"note:quizgen Cloze" -tag:*::retired'),
    ("mc", '"note:quizgen Multiple choice" "Wrong 3:_*" -tag:*::retired'),
]

# what is on screen: each part's box against the viewport, and the texts a learner reads
GEOMETRY = """(function () {
  function box(selector) {
    var all = Array.prototype.slice.call(document.querySelectorAll(selector));
    var shown = all.filter(function (e) { return e.offsetParent !== null && e.getClientRects().length; });
    if (!shown.length) return null;
    var b = shown[0].getBoundingClientRect();
    return {top: b.top, bottom: b.bottom, left: b.left, right: b.right,
            text: shown.map(function (e) { return e.innerText; }).join(" | ")};
  }
  return JSON.stringify({
    width: window.innerWidth, height: window.innerHeight, scrollY: window.scrollY,
    scrollWidth: document.documentElement.scrollWidth,
    hasAnswer: !!document.getElementById("answer"), url: location.href, qa: !!document.getElementById("qa"),
    kicker: box(".qz-from"), question: box(".qz-question, .qz-text"), options: box(".qz-options"),
    optionTexts: Array.prototype.map.call(document.querySelectorAll(".qz-option"), function (e) {
      var b = e.getBoundingClientRect();
      return {text: e.innerText, top: b.top, bottom: b.bottom, left: b.left, right: b.right,
              marginTop: getComputedStyle(e).marginTop};
    }),
    cloze: box(".cloze"), right: box("li.qz-right"), verdict: box(".qz-verdict"), answer: box(".qz-back .qz-answer"),
    retired: box(".qz-retired"), how: box(".qz-how"), text: document.body.innerText});
})()"""

# a fresh profile asks for a language first; answer it as an English-speaking learner would
aqt.profiles.ProfileManager.setDefaultLang = lambda self, idx: self.meta.__setitem__("defaultLang", "en_US")
# Anki lets one instance run per user: another run on the machine (a second suite) must not be taken
# for it, or this one hands its arguments over and exits
aqt.AnkiApp.KEY = f"anki-quizgen-{os.getpid()}"
app = aqt._run(["anki", "-b", BASE], exec=False)
mw = aqt.mw
result: dict = {"first_cards": [], "reviews": [], "errors": []}
started = time.monotonic()


def finish():
    result["seconds"] = round(time.monotonic() - started, 1)
    with open(RESULT, "w", encoding="utf-8") as out:
        json.dump(result, out, indent=1)
    os._exit(0)


def fail(message):
    result["errors"].append(message)
    finish()


def guarded(step):
    """Run a step; an exception ends the run with its traceback (aqt would show a dialog)."""

    def run(*args):
        try:
            step(*args)
        except Exception:  # noqa: BLE001 - any failure is the test's to report
            import traceback

            fail(traceback.format_exc()[-1500:])

    return run


def wait(check, then, what, timeout=45.0):
    """Poll `check` (a Python predicate) every 50 ms; `then()` once it holds."""
    deadline = time.monotonic() + timeout

    def poll():
        try:
            ready = check()
        except Exception as exc:  # noqa: BLE001 - the collection or reviewer is not up yet
            ready = False
            result.setdefault("polling", []).append(repr(exc)[:200])
        if ready:
            guarded(then)()
        elif time.monotonic() > deadline:
            fail(
                f"timed out waiting for {what} (state {mw.state}, reviewer "
                f"{getattr(mw.reviewer, 'state', None)}, card {getattr(mw.reviewer, 'card', None)})"
            )
        else:
            QTimer.singleShot(50, poll)

    poll()


def page_until(accept, then, what, timeout=45.0):
    """Evaluate GEOMETRY in the reviewer's page until `accept(geometry)`; `then(geometry)`."""
    deadline = time.monotonic() + timeout

    def ask():
        mw.web.evalWithCallback(GEOMETRY, guarded(answered))

    def answered(raw):
        geometry = json.loads(raw) if raw else None
        if geometry and accept(geometry):
            guarded(then)(geometry)
        elif time.monotonic() > deadline:
            fail(f"timed out waiting for {what}: {str(geometry)[:300]}")
        else:
            QTimer.singleShot(50, ask)

    ask()


def target():
    return mw.web.focusProxy() or mw.web


FRAMED = (
    "window.qzFramed = false; requestAnimationFrame(function () {"
    " requestAnimationFrame(function () { window.qzFramed = true; }); }); true"
)


def shot(name, then):
    """Grab the web view once the page has painted two frames since now (a grab before that
    shows the previous page), then `then()`; nothing is written unless QUIZGEN_SHOTS is set."""
    if not SHOTS or not name:
        return then()
    deadline = time.monotonic() + 10

    def check(framed):
        if framed or time.monotonic() > deadline:
            QTimer.singleShot(
                0, guarded(lambda: (mw.web.grab().save(os.path.join(SHOTS, f"desktop-{name}.png")), then()))
            )
        else:
            QTimer.singleShot(50, lambda: mw.web.evalWithCallback("window.qzFramed", guarded(check)))

    mw.web.evalWithCallback(FRAMED, lambda _: mw.web.evalWithCallback("window.qzFramed", guarded(check)))


def start():
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import (
        IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER as IF_NEWER,
    )

    # the import dialog's defaults: update notes and note types if newer, nothing else
    options = ImportAnkiPackageOptions(update_notes=IF_NEWER, update_notetypes=IF_NEWER)
    log = mw.col.import_anki_package(ImportAnkiPackageRequest(package_path=APKG, options=options)).log
    result["imported"] = len(log.new)
    if PHASE == "first":
        mw.col.decks.select(mw.col.decks.id_for_name(TOP))
        mw.resize(1000, 800)
        enter("deckBrowser", "review", lambda: first_cards(0))
    else:
        review_size()


def loaded(state):
    """Anki shows `state` and its web page has loaded (aqt's own domDone signal)."""
    return mw.state == state and mw.web._domDone and not mw.web._pendingActions


def enter(before, state, then):
    """Move to `state` once Anki shows `before` with its page loaded (moving while a page loads
    leaves the reviewer on the old page); `then` once the new page has loaded."""
    wait(lambda: loaded(before), lambda: (mw.moveToState(state), wait(lambda: loaded(state), then, state)), before)


def first_cards(count):
    """A new learner presses Study Now on the top deck and answers the first cards Good."""
    if count == 20:
        return finish()
    wait(
        lambda: mw.reviewer.card is not None and mw.reviewer.state == "question",
        lambda: shown_first(count),
        "the first cards",
    )


def shown_first(count):
    card = mw.reviewer.card
    note = card.note()

    def seen(geometry):
        result["first_cards"].append(
            {
                "id": note["ID"],
                "ord": card.ord,
                "tags": note.tags,
                "retired": geometry["retired"] is not None,
                "type": card.type,
                "deck": mw.col.decks.name(card.did),
            }
        )
        shot("first-card" if count == 0 else "", lambda: answer_good(card, lambda: first_cards(count + 1)))

    page_until(lambda g: g["question"] is not None or g["retired"] is not None, seen, "a first card")


def rate(card, then):
    """Key 3 rates the shown answer Good; `then` once the next card (or none) is up."""
    QTest.keyClick(target(), Qt.Key.Key_3)
    wait(lambda: mw.reviewer.card is None or mw.reviewer.card.id != card.id, then, "the next card")


def answer_good(card, then):
    """Space shows the answer, 3 rates it Good (real keys); `then` once the next card is up."""
    QTest.keyClick(target(), Qt.Key.Key_Space)
    wait(lambda: mw.reviewer.state == "answer", lambda: rate(card, then), "the answer side")


def review_size():
    size, mode = PHASE.split("-")
    width, height = (int(n) for n in size.split("x"))
    night = mode == "night"
    from aqt.theme import theme_manager

    theme_manager.night_mode = night
    col = mw.col
    ids = []
    for _, search in CARDS:
        found = col.find_cards(search)
        if not found:
            return fail(f"no card for {search}")
        # the card with the longest prompt: the hardest to fit on one screen
        ids.append(max(found, key=lambda cid: (len(col.get_card(cid).note().fields[0]), cid)))
    name = "quizgen check"
    did = col.decks.new_filtered(name)
    deck = col.decks.get(did)
    deck["terms"] = [[" or ".join(f"cid:{cid}" for cid in ids), 10, 0]]
    deck["resched"] = False
    col.decks.save(deck)
    col.sched.rebuild_filtered_deck(did)
    col.decks.select(did)
    mw.resize(width, height)
    enter("deckBrowser", "review", lambda: review_card((width, height, night), 0, len(ids)))


def review_card(size, done, total):
    if done == total:
        return finish()
    wait(
        lambda: mw.reviewer.card is not None and mw.reviewer.state == "question",
        lambda: front(size, done, total),
        "a card to review",
    )


def front(size, done, total):
    width, _, night = size
    card = mw.reviewer.card
    kind = next(k for k, search in CARDS if card.id in mw.col.find_cards(search))
    label = f"{kind}-{width}-{'night' if night else 'day'}"
    entry = {
        "kind": kind,
        "id": card.note()["ID"],
        "width": width,
        "night": night,
        "deck": mw.col.decks.name(card.odid or card.did),
        "note": dict(card.note().items()),
    }
    result["reviews"].append(entry)
    is_mc = kind == "mc"

    def shown(geometry):
        entry["front"] = geometry
        shot(f"{label}-front", lambda: flip(entry, label, card, size, done, total) if not is_mc else choose(geometry))

    def choose(geometry):
        # pressing 2 is Anki's shortcut, not a choice: the card must not claim it
        QTest.keyClick(target(), Qt.Key.Key_2)
        wrong = next(o for o in geometry["optionTexts"] if o["text"] != entry["note"]["Answer"])
        point = QPoint(int((wrong["left"] + wrong["right"]) / 2), int((wrong["top"] + wrong["bottom"]) / 2))
        entry["clicked"] = wrong["text"]
        QTest.mouseClick(target(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)

        def chosen(after):
            entry["chosen"] = after
            shot(f"{label}-chosen", lambda: flip(entry, label, card, size, done, total))

        page_until(lambda g: bool(g["verdict"] and g["verdict"]["text"].strip()), chosen, "the verdict after a click")

    page_until(
        lambda g: g["question"] is not None and not g["hasAnswer"] and (not is_mc or len(g["optionTexts"]) >= 3),
        shown,
        f"the front of {label}",
    )


def flip(entry, label, card, size, done, total):
    QTest.keyClick(target(), Qt.Key.Key_Space)

    def back(geometry):
        entry["back"] = geometry
        shot(f"{label}-back", lambda: rate(card, lambda: review_card(size, done + 1, total)))

    # Anki scrolls #answer into view once the back is in: read the page when it stopped moving
    last = {}

    def settled(g):
        still = g["hasAnswer"] and last.get("scrollY") == g["scrollY"]
        last["scrollY"] = g["scrollY"] if g["hasAnswer"] else None
        return still and (entry["kind"] != "mc" or g["right"] is not None)

    wait(
        lambda: mw.reviewer.state == "answer",
        lambda: page_until(settled, back, f"the back of {label}"),
        "the answer side",
    )


wait(lambda: mw.col is not None and loaded("deckBrowser"), start, "Anki to start", 60)
QTimer.singleShot(90_000, lambda: fail("the run took over 90 s"))
app.exec()
