"""The study page as one self-contained HTML file: template, styles, scripts and data inlined."""

from __future__ import annotations

from markupsafe import Markup

from quizgen.model import Bank
from quizgen.paths import templates_dir
from quizgen.templating import environment
from quizgen.web.data import script_json, study_data

TS_FSRS_VERSION = "5.4.2"
# inlined in this order: the scheduler first, then the page's own modules, the app last
SCRIPTS = (f"vendor/ts-fsrs-{TS_FSRS_VERSION}.umd.js", "progress.js", "cards.js", "view.js", "timeline.js",
           "app.js")


def render_page(bank: Bank) -> str:
    """index.html for the bank: it needs nothing else, so it works from file:// and any static host."""
    return environment().get_template("web/index.html").render(
        title=bank.title, deck=bank.name, ts_fsrs_version=TS_FSRS_VERSION,
        data=Markup(script_json(study_data(bank))),
        style=_asset("study.css"), scripts=[_asset(name) for name in SCRIPTS],
        ts_fsrs_license=_asset("vendor/ts-fsrs-LICENSE.txt").replace("--", "- -"))


def _asset(name: str) -> Markup:
    """A file of ours from templates/web/, inlined verbatim (it is code, never bank text)."""
    text = (templates_dir() / "web" / name).read_text(encoding="utf-8")
    # an inlined file must not be able to close its own <script> or <style> element
    assert "</script" not in text.lower() and "</style" not in text.lower(), name
    return Markup(text)
