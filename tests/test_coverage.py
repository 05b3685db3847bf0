"""`quizgen coverage`: every sentence of every article is quoted by a fact or skipped with a reason."""

import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from conftest import FIXTURES, ROOT
from test_browser import browser_or_skip, read_png

from quizgen.browser import screenshot


def run_coverage(cwd, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quizgen", "coverage", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_a_sample_article_is_mapped_sentence_by_sentence(tmp_path):
    result = run_coverage(FIXTURES / "coverage-map", "--seeds", "../seeds", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # sentences: the title (a paragraph of its own without a full stop: skipped as a heading),
    # "The NATO–Russia Council was created …", "Its predecessor …", "Anders Fogh Rasmussen …",
    # "The author thinks …" (skipped with a reason)
    assert lines[1].split() == ["900", "5", "1", "2", "2"]
    assert "900 uncovered passages, longest first:" in lines
    assert lines[-2].startswith("  s3-4: Its predecessor was the \"Permanent Joint Council\"")
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
    dom = subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", f"--user-data-dir={tmp_path / 'profile'}",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    parser = _Links()
    parser.feed(dom)
    assert len(set(parser.links)) > 100
    assert set(parser.links) <= parser.ids
    cards = {i for i in parser.ids if i.startswith("fact-")}
    assert cards == set(parser.links)
    assert len(re.findall(r'class="s covered"', dom)) > 200
    png = screenshot(page, tmp_path / "coverage.png", 900, 1200, browser)
    _, _, pixels = read_png(png.read_bytes())
    assert 0.005 < sum(1 for v in pixels if v < 100) / len(pixels) < 0.5
