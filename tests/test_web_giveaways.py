"""Give-away pairs on the study page: the bundled bank's pairs (quizgen/questions/giveaways.py) are in
the page data, and the page's ordering (templates/web/apart.mjs, cards.mjs, exam.mjs) never shows the
two cards of a pair back to back: tests/js/apart.test.mjs run in node over this bank's pairs."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT
from helpers import bundled, node

from quizgen.questions.giveaways import giveaway_pairs
from quizgen.web.data import study_data


def test_the_page_data_holds_every_giveaway_pair_of_the_bank():
    bank = bundled()
    data = study_data(bank)
    assert {tuple(pair) for pair in data["giveaways"]} == set(giveaway_pairs(bank))
    assert data["giveaways"], "the bundled bank has pairs to keep apart"


def test_no_pair_back_to_back_in_study_sessions_tests_or_card_orders(tmp_path):
    data_file = tmp_path / "data.json"
    data_file.write_text(json.dumps(study_data(bundled())), encoding="utf-8")
    done = subprocess.run(
        [node(), "--test", str(ROOT / "tests" / "js" / "apart.test.mjs")],
        env={"QUIZGEN_PAGE_DATA": str(data_file), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "# skipped 0" in done.stdout and "# fail 0" in done.stdout
    assert "# pass 5" in done.stdout
