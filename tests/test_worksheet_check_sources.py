"""`print --check` on a sheet on one article names that article as every question's source (rv5-author W8).

A fact of another article that also cites this one (under `sources:`) is on this article's sheet
because this article states it: the listing says so, as the sheet's key does. The oracle is the sheet
itself: every single-fact question of a one-article sheet has one and the same source line.
"""

from __future__ import annotations

import re

from helpers import bundled

from quizgen.cli import main


def test_a_fact_cited_by_the_sheet_s_article_shows_that_article_as_its_source(capsys):
    bank = bundled()
    cited = [(fact.id, c.source.id) for fact in bank.facts for c in fact.also if c.source.id != fact.source.id]
    assert cited  # the bundled bank has facts cited by a second article
    shown = 0
    for fact_id, article in cited:
        for kind in ("mcq", "blank", "tf"):
            code = main(["print", "--check", "--source", article, "--include", fact_id, "-n", "6", "--types", kind])
            out = capsys.readouterr().out
            if code == 2 or f"[{fact_id}]" not in out:
                continue  # this fact makes no such question on this article's sheet
            labels = set(re.findall(r"^ +source: ([^(;\n]+?)(?: \(|;|$)", out, re.MULTILINE))
            assert len(labels) == 1, (fact_id, article, kind, labels)
            shown += 1
    assert shown  # some cited fact was asked alone on its citing article's sheet
