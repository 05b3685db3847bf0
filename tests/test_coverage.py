"""`quizgen coverage`: every sentence of every article is quoted by a fact or skipped with a reason."""

import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

from conftest import FIXTURES, ROOT
from test_browser import browser_or_skip


def run_coverage(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "quizgen", "coverage", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_a_sample_article_is_mapped_sentence_by_sentence(tmp_path):
    result = run_coverage(FIXTURES / "coverage-map", "--seeds", "../seeds", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # sentences: the title (a paragraph of its own without a full stop: skipped as a heading),
    # "The NATO–Russia Council was created …", "Its predecessor …", "Anders Fogh Rasmussen …",
    # "The author thinks …" (skipped with a reason)
    assert lines[1].split() == ["900", "5", "1", "2", "2"]
    assert "900 uncovered passages, longest first:" in lines
    assert lines[-2].startswith('  s3-4: Its predecessor was the "Permanent Joint Council"')
    assert lines[-1] == f"wrote {tmp_path}/coverage/sample.html"


def test_strict_mode_fails_while_a_sentence_is_unaccounted_for(tmp_path):
    result = run_coverage(FIXTURES / "coverage-map", "--seeds", "../seeds", "--no-html", "--strict")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr


def test_a_long_quote_covers_only_the_sentence_that_states_the_answer(tmp_path):
    case = FIXTURES / "coverage-quote-spans-two-sentences"
    result = run_coverage(case, "--seeds", "../seeds", "--no-html", "--all")
    assert result.returncode == 0, result.stderr
    # s1 is the title (a heading); s2 states "2002" (the year fact quotes s2-s4); s5 holds the
    # derived claim's words; the predecessor and Rasmussen sentences sit inside the long quote but
    # state no answer.
    assert result.stdout.splitlines()[1].split() == ["900", "5", "2", "1", "2"]
    assert "  s3-4: Its predecessor was the" in result.stdout


def test_the_shipped_bank_accounts_for_every_sentence(tmp_path):
    result = run_coverage(ROOT, "--no-html", "--strict")
    assert result.returncode == 0, result.stdout
    rows = [line.split() for line in result.stdout.splitlines()[1:6]]
    assert [row[0] for row in rows] == ["000", "001", "002", "003", "004"]
    assert all(row[4] == "0" and int(row[2]) > 0 for row in rows)


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href", "").startswith("#fact-"):
            self.links.append(attrs["href"][1:])


def test_the_html_report_renders_and_every_fact_link_leads_to_its_card(tmp_path):
    browser = browser_or_skip()
    result = run_coverage(ROOT, "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    page = tmp_path / "coverage" / "nato-russia.html"
    dom = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    parser = _Links()
    parser.feed(dom)
    assert len(set(parser.links)) > 100
    assert set(parser.links) <= parser.ids
    cards = {i for i in parser.ids if i.startswith("fact-")}
    assert cards == set(parser.links)
    # the shipped bank asks about 200 sentences (editors retire and add cards): a floor well under
    # that catches a report that renders few or none covered, without pinning the bank's size
    assert len(re.findall(r'class="s covered"', dom)) > 150


def test_a_curator_sees_the_three_states_apart_and_every_sentence(tmp_path):
    """In Chromium: covered, skipped and uncovered sentences have three different backgrounds,
    each unlike the page's, dark enough text on each (WCAG AA, 4.5:1), and no sentence is hidden."""
    from playwright.sync_api import sync_playwright

    executable = browser_or_skip()
    fixture = tmp_path / "bank"
    shutil.copytree(FIXTURES / "coverage-map", fixture / "coverage-map")
    shutil.copytree(FIXTURES / "seeds", fixture / "seeds")
    result = run_coverage(fixture / "coverage-map", "--seeds", "../seeds", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    page_file = next((tmp_path / "out" / "coverage").glob("*.html"))
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 900, "height": 1200})
        page.goto(page_file.as_uri())
        looks = page.evaluate("""() => {
            const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const look = (element) => ({background: rgb(getComputedStyle(element).backgroundColor),
                                        color: rgb(getComputedStyle(element).color)});
            const states = {};
            for (const state of ["covered", "skipped", "uncovered"]) {
                states[state] = [...document.querySelectorAll(".s." + state)].map(look);
            }
            const hidden = [...document.querySelectorAll(".s")].filter(
                (element) => element.getClientRects().length === 0).length;
            return {states, hidden, page: rgb(getComputedStyle(document.body).backgroundColor)};
        }""")
        browser.close()
    states = looks["states"]
    # the fixture article has each state (see test_a_sample_article_is_mapped_sentence_by_sentence)
    assert all(len(states[state]) >= 2 for state in states)  # the legend's and the article's
    backgrounds = {state: {tuple(look["background"]) for look in states[state]} for state in states}
    assert all(len(colours) == 1 for colours in backgrounds.values())  # one colour per state
    assert len({colours.pop() for colours in backgrounds.values()} | {tuple(looks["page"])}) == 4
    assert looks["hidden"] == 0
    for look in (look for state in states.values() for look in state):
        assert contrast(look["color"], look["background"]) >= 4.5


def contrast(first: list[float], second: list[float]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""

    def luminance(colour: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
