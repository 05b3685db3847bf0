"""`quizgen progress export|import`: one progress for the terminal and the study page, both ways.

The browser test studies in the real study page (Chromium), imports its own export into SQLite,
exports that again and imports it back into a cleared page: the page's cards come back.
"""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

from playwright.sync_api import expect
from quiz_harness import cards, copy_bank, quiz_env, run
from test_web_browser import chromium, pages, stored, watched  # noqa: F401  (fixtures)


def studied(tmp_path):
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    run(folder, "quiz", "--db", str(db), stdin="2002\nRasmussen\nRome\n")
    return folder, db


def test_export_then_import_gives_the_same_cards(tmp_path):
    folder, db = studied(tmp_path)
    exported = tmp_path / "progress.json"
    result = run(folder, "progress", "export", str(exported), "--db", str(db))
    assert result.returncode == 0 and "Exported 3 cards" in result.stdout, result.stderr
    document = json.loads(exported.read_text())
    assert document["format"] == "quizgen-progress" and document["deck"] == "quiz" and len(document["cards"]) == 3
    assert document["cards"]["quiz-founding-act-city"]["state"] == 1  # Rome: wrong, learning
    fresh = tmp_path / "fresh.sqlite3"
    result = run(folder, "progress", "import", str(exported), "--db", str(fresh))
    assert result.returncode == 0 and "Imported 3 of 3 cards" in result.stdout, result.stderr
    fields = ("state", "step", "stability", "difficulty", "due", "last_review")
    assert {k: [row[f] for f in fields] for k, row in cards(fresh).items()} == {
        k: [row[f] for f in fields] for k, row in cards(db).items()
    }


def test_import_keeps_the_more_recent_review_of_each_card(tmp_path):
    folder, db = studied(tmp_path)
    old = tmp_path / "old.json"
    run(folder, "progress", "export", str(old), "--db", str(db))
    later = quiz_env(now="2025-03-10T09:00:00+00:00")
    run(folder, "quiz", "--db", str(db), stdin="2002\n", env=later)  # reviewed again a week later
    before = dict(cards(db)["quiz-nrc-year"])
    result = run(folder, "progress", "import", str(old), "--db", str(db), env=later)
    # the newer one stays; the other two are the same as stored: nothing to take
    assert result.returncode == 0 and "Imported 0 of 3 cards" in result.stdout and "already up to date" in result.stdout
    assert dict(cards(db)["quiz-nrc-year"]) == before


def test_a_review_from_the_future_is_refused_and_unknown_facts_are_named(tmp_path):
    """Review O11: a clock-skewed device's card would win every later merge and never come due."""
    folder, db = studied(tmp_path)
    exported = tmp_path / "p.json"
    run(folder, "progress", "export", str(exported), "--db", str(db))
    document = json.loads(exported.read_text())
    fresh = tmp_path / "fresh.sqlite3"
    future = json.loads(json.dumps(document))
    future["cards"]["quiz-nrc-year"]["last_review"] = "2099-01-01T00:00:00.000Z"
    (tmp_path / "future.json").write_text(json.dumps(future))
    result = run(folder, "progress", "import", str(tmp_path / "future.json"), "--db", str(fresh))
    assert result.returncode != 0 and result.stderr.count("\n") == 1
    assert "last_review 2099-01-01T00:00:00+00:00 is in the future" in result.stderr
    assert not fresh.exists() or cards(fresh) == {}
    document["cards"]["no-such-fact"] = document["cards"]["quiz-nrc-year"]
    (tmp_path / "extra.json").write_text(json.dumps(document))
    result = run(folder, "progress", "import", str(tmp_path / "extra.json"), "--db", str(fresh))
    assert result.returncode == 0, result.stderr
    assert "Imported 3 of 4 cards" in result.stdout
    assert "1 card for facts not in Quiz test deck skipped" in result.stdout


def test_a_damaged_or_foreign_file_is_one_line_and_nothing_is_imported(tmp_path):
    folder, db = studied(tmp_path)
    exported = tmp_path / "p.json"
    run(folder, "progress", "export", str(exported), "--db", str(db))
    document = json.loads(exported.read_text())
    document["cards"]["quiz-secretary-general"]["stability"] = -1
    damaged = tmp_path / "damaged.json"
    damaged.write_text(json.dumps(document))
    fresh = tmp_path / "fresh.sqlite3"
    for path, said in (
        (damaged, "the progress of 'quiz-secretary-general' is damaged (stability -1)"),
        (tmp_path / "missing.json", "no such file"),
    ):
        result = run(folder, "progress", "import", str(path), "--db", str(fresh))
        assert result.returncode != 0 and said in result.stderr and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
    assert not fresh.exists() or cards(fresh) == {}
    other = tmp_path / "other.json"
    other.write_text(json.dumps({**document, "deck": "another"}))
    assert "progress of deck 'another'" in run(folder, "progress", "import", str(other), "--db", str(fresh)).stderr


def test_the_study_pages_export_comes_into_the_terminal_and_back(watched, pages, tmp_path):  # noqa: F811
    page = watched.page
    page.goto(pages["bundled"])
    for _ in range(3):
        page.click("#show")
        page.click("#rate button.good")
    before = stored(page)
    page.click("nav a[data-view=progress]")
    with page.expect_download() as download:
        page.click("#export")
    exported = tmp_path / "from-page.json"
    download.value.save_as(exported)
    db, back = tmp_path / "p.sqlite3", tmp_path / "to-page.json"
    command = [sys.executable, "-m", "quizgen", "progress"]
    # the page reviewed on the real clock: import on it too (a frozen earlier clock would see the future)
    imported = subprocess.run(
        [*command, "import", str(exported), "--db", str(db)],
        capture_output=True,
        text=True,
        env=quiz_env(now=None),
        timeout=60,
        check=False,
    )
    assert imported.returncode == 0 and "Imported 3 of 3 cards" in imported.stdout, imported.stderr
    rows = sqlite3.connect(db).execute("SELECT fact_id, state, due FROM cards").fetchall()
    assert sorted(row[0] for row in rows) == sorted(before)
    exported_back = subprocess.run(
        [*command, "export", str(back), "--db", str(db)],
        capture_output=True,
        text=True,
        env=quiz_env(),
        timeout=60,
        check=False,
    )
    assert exported_back.returncode == 0, exported_back.stderr
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#clear")
    assert stored(page) == {}
    page.set_input_files("#import", str(back))
    expect(page.locator("#progress-message")).to_have_text(re.compile(r"^Imported"))  # (no wait_for_function: CSP)
    assert "the progress of 3 cards kept" in page.text_content("#progress-message")
    again = stored(page)
    for fact_id, card in before.items():  # what the page scheduled comes back, to the second
        for field in ("due", "last_review", "state"):
            assert (
                again[fact_id][field][:19] == card[field][:19]
                if isinstance(card[field], str)
                else again[fact_id][field] == card[field]
            )
        assert abs(again[fact_id]["stability"] - card["stability"]) < 1e-9
    page.click("nav a[data-view=study]")
    expect(page.locator("#counts")).to_contain_text("3 studied")
    watched.check()


def page_card(first: str, last: str, due: str, reps: int) -> dict:
    """A card as the study page's record() writes it (templates/web/progress.mjs), `first` included."""
    return {
        "due": due,
        "stability": 12.5,
        "difficulty": 5.1,
        "elapsed_days": 0,
        "scheduled_days": 20,
        "learning_steps": 0,
        "reps": reps,
        "lapses": 0,
        "state": 2,
        "last_review": last,
        "first": first,
    }


def test_an_import_uses_up_none_of_the_days_new_cards(tmp_path):
    """Review rv4 L2: cards learned on the study page weeks ago are not new today in the terminal."""
    folder, db = copy_bank(tmp_path), tmp_path / "p.sqlite3"
    old = page_card("2025-01-05T10:00:00.000Z", "2025-02-01T10:00:00.000Z", "2025-04-01T10:00:00.000Z", 3)
    no_first = {key: value for key, value in old.items() if key != "first"}
    today = page_card("2025-03-03T08:00:00.000Z", "2025-03-03T08:00:00.000Z", "2025-03-13T08:00:00.000Z", 1)
    document = {
        "format": "quizgen-progress",
        "version": 2,
        "deck": "quiz",
        "cards": {"quiz-nrc-year": old, "quiz-secretary-general": no_first, "quiz-founding-act-city": today},
    }
    source = tmp_path / "from-page.json"
    source.write_text(json.dumps(document))
    result = run(folder, "progress", "import", str(source), "--db", str(db))
    assert result.returncode == 0 and "Imported 3 of 3 cards" in result.stdout, result.stderr
    introduced = dict(sqlite3.connect(db).execute("SELECT fact_id, introduced FROM cards").fetchall())
    # the page's first review, or no day at all; a card first studied today on the page is today's
    assert introduced == {
        "quiz-nrc-year": "2025-01-05",
        "quiz-secretary-general": "",
        "quiz-founding-act-city": "2025-03-03",
    }
    # the same day, 2 new a day: one is used by the card first studied on the page today, one is left
    session = run(folder, "quiz", "--db", str(db), "--new", "2", stdin="\n" * 5)
    assert "1 card to review" in session.stdout and "[1] new" in session.stdout, session.stdout
