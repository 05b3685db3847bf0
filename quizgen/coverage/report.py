"""Renders the coverage map as one self-contained HTML page."""

from __future__ import annotations

from quizgen.coverage.map import ArticleMap
from quizgen.model import Bank
from quizgen.templating import environment


def render_report(bank: Bank, maps: list[ArticleMap]) -> str:
    cited = {fact.id: fact for m in maps for marked in m.marked for fact in marked.facts}
    facts = [fact for fact in bank.facts if fact.id in cited]
    return environment().get_template("coverage/report.html").render(bank=bank, maps=maps, facts=facts)
