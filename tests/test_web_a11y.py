"""The study page is accessible, in real Chromium: axe-core over every view, keyboard, focus, live region, layout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect
from test_web_browser import Watched, chromium, current_id, pages, to_multiple_choice  # noqa: F401  (fixtures)

AXE = Path(__file__).parent / "js" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 3}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def axe_path() -> Path:
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing: run `npm ci --prefix tests/js` (.ci/run does)")
        pytest.skip("axe-core not installed (npm ci --prefix tests/js)")
    return AXE


def violations(page) -> list[str]:
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [
        f"{rule['id']} ({rule['impact']}): {node['target']}" for rule in result["violations"] for node in rule["nodes"]
    ]


def states(page, url):
    """Every view and state a learner meets, each yielded once it is on screen."""
    page.goto(url)
    expect(page.locator("#card")).to_be_visible()
    yield "flashcard front"
    page.click("#show")
    yield "flashcard back"
    page.click("#rate button.good")
    page.check("input[value=typed]")
    yield "typed answer"
    page.fill("#typed", "a guess")
    page.click("#check")
    yield "typed answer judged by the learner"
    page.click("#rate button.good")
    page.check("input[value=cloze]")
    yield "fill the gap"
    answer = to_multiple_choice(page)
    yield "multiple choice"
    page.locator(f"#options button:not([data-index='{answer}'])").first.click()
    yield "multiple choice after a wrong answer"
    if not page.locator("#filter-tag").is_visible():
        page.locator("#filters summary").click()
    yield "filters open"
    kind, tag = page.evaluate("""() => { const facts = JSON.parse(document.getElementById('bank').textContent).facts;
        const tags = new Set(facts.flatMap(f => f.tags));
        for (const f of facts) for (const t of tags) if (!facts.some(g => g.kind === f.kind && g.tags.includes(t)))
            return [f.kind, t]; }""")
    page.select_option("#filter-kind", kind)
    page.select_option("#filter-tag", tag)
    expect(page.locator("#done-heading")).to_have_text("No card matches these filters.")
    yield "no card matches / done"
    page.click("nav a[data-view=timeline]")
    yield "timeline"
    page.goto(url + "#test")
    page.reload()  # a fresh page: the Study filters no longer exclude every card
    page.click("#test-start")
    yield "test question"
    if page.locator("#test-options").is_visible():
        page.locator("#test-options button").first.click()
    else:
        page.fill("#test-typed", "a guess")
        page.keyboard.press("Enter")
    yield "test feedback"
    while page.get_attribute("#test-box", "data-kind") != "order":  # on to the last question: events to order
        if page.locator("#test-right").is_visible():
            page.click("#test-right")
        page.click("#test-next")
        kind = page.get_attribute("#test-box", "data-kind")
        if kind == "match":
            yield "test matching"
            page.locator("#test-match select").first.select_option(index=1)
            page.click("#test-match-check")
        elif page.locator("#test-options").is_visible():
            if kind != "order":
                page.locator("#test-options button").first.click()
        else:
            page.fill("#test-typed", "a guess")
            page.keyboard.press("Enter")
    page.locator("#test-options button:not([disabled])").first.click()
    yield "test ordering, one event placed"
    while page.locator("#test-options button:not([disabled])").count():
        page.locator("#test-options button:not([disabled])").first.click()
    page.click("#test-next")
    expect(page.locator("#test-score")).to_be_visible()
    yield "test results"
    page.click("nav a[data-view=cards]")
    page.locator("#cards-list button.flag").first.click()
    yield "card list"
    page.click("nav a[data-view=progress]")
    page.click("#export")
    yield "progress and statistics"


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_in_any_view(chromium, pages, size, scheme):  # noqa: F811
    context = chromium.new_context(
        color_scheme=scheme, accept_downloads=True, **(PHONE if size == "phone" else DESKTOP)
    )
    context.add_init_script(path=str(axe_path()))  # injected by the browser, not by the page: the CSP stays strict
    watched = Watched(context)
    found = {state: violations(watched.page) for state in states(watched.page, pages["bundled"])}
    assert len(found) == 17
    assert {state: rules for state, rules in found.items() if rules} == {}
    watched.check()
    context.close()


def focused(page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.tagName")


def test_keyboard_only_study_moves_focus_to_new_content_and_announces_it(chromium, pages):  # noqa: F811
    context = chromium.new_context(**DESKTOP)
    watched = Watched(context)
    page = watched.page
    page.goto(pages["bundled"])
    tabbed = []
    while focused(page) != "show":
        page.keyboard.press("Tab")
        tabbed.append(focused(page))
        assert len(tabbed) < 20, tabbed
    page.keyboard.press("Enter")  # on Show answer
    assert focused(page) == "answer-head"
    answer = page.text_content("#answer-text")
    expect(page.locator("#announce")).to_have_text(f"Answer: {answer}.")
    for rating in ("1", "2", "3", "4"):
        assert page.locator(f"#rate button[data-rating='{rating}']").is_visible()
    first = current_id(page)
    page.keyboard.press("3")
    assert focused(page) == "question" and current_id(page) != first
    # the mode radios: arrow to multiple choice, then Enter and digits work from the radio (O2)
    page.focus("input[value=flash]")
    page.keyboard.press("ArrowRight")
    expect(page.locator("#options")).to_be_visible()
    page.keyboard.press("1")
    expect(page.locator("#verdict")).to_be_visible()
    expect(page.locator("#announce")).to_contain_text(page.text_content("#answer-text"))
    assert page.locator("#options .mark").first.is_visible() or page.locator("#options .mark").nth(1).is_visible()
    page.keyboard.press("Enter")
    expect(page.locator("#verdict")).to_be_hidden()
    assert focused(page) == "question"
    # every control of the Progress view is reachable by Tab, the import included (S5)
    page.click("nav a[data-view=progress]")
    assert focused(page) == "progress-heading"
    stops = []
    for _ in range(4):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops[:3] == ["export", "import", "clear"]
    watched.check()
    context.close()


SIDEWAYS = {**PHONE, "viewport": {"width": 844, "height": 390}}  # a phone on its side, or 200 % zoom


@pytest.mark.parametrize("size", ["phone", "desktop", "sideways"])
def test_rating_and_next_controls_are_in_view_after_every_answer(chromium, pages, size):  # noqa: F811
    sizes = {"phone": PHONE, "desktop": DESKTOP, "sideways": SIDEWAYS}
    context = chromium.new_context(**sizes[size])
    watched = Watched(context)
    page = watched.page
    page.goto(pages["bundled"])
    height = sizes[size]["viewport"]["height"]
    for _ in range(10):
        page.tap("#show") if size != "desktop" else page.click("#show")
        for box in (page.locator(f"#rate button[data-rating='{n}']").bounding_box() for n in "1234"):
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
        page.click("#rate button.good")
    to_multiple_choice(page)
    shown = 0
    while shown < 5:
        if not page.locator("#options").is_visible():
            page.click("#show")
            page.click("#rate button.good")
            continue
        page.locator("#options button").first.click()
        box = page.locator("#next").bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
        page.click("#next")
        shown += 1
    watched.check()
    context.close()


def test_at_400_percent_zoom_nothing_sticky_hides_the_focused_link(chromium, pages):  # noqa: F811
    context = chromium.new_context(viewport={"width": 320, "height": 200})  # 1280×800 at 400 %
    watched = Watched(context)
    page = watched.page
    page.goto(pages["bundled"] + "#timeline")
    page.locator("#timeline-axis .event a").nth(39).focus()
    hidden = 0
    for _ in range(15):
        page.keyboard.press("Shift+Tab")
        hidden += page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
            const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 8));
            return top && (e === top || e.contains(top)) ? 0 : 1; }""")
    assert hidden == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    watched.check()
    context.close()


def test_forced_colours_and_colour_blindness_still_tell_right_from_wrong(chromium, pages):  # noqa: F811
    context = chromium.new_context(forced_colors="active", **DESKTOP)
    watched = Watched(context)
    page = watched.page
    page.goto(pages["bundled"])
    answer = to_multiple_choice(page)
    page.locator(f"#options button:not([data-index='{answer}'])").first.click()
    right, wrong = page.locator("#options .right"), page.locator("#options .wrong")
    assert right.evaluate("e => getComputedStyle(e).outlineStyle") == "solid"
    assert wrong.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"
    for option, glyph in ((right, "✓"), (wrong, "✗")):  # glyphs, not colour alone
        expect(option.locator(".mark [aria-hidden=true]")).to_have_text(glyph)
        expect(option.locator(".mark [aria-hidden=true]")).to_be_visible()
    assert "correct answer" in right.text_content() and "your answer" in wrong.text_content()
    current = page.locator("nav a[aria-current=page]")
    assert current.evaluate("e => getComputedStyle(e).borderTopStyle") == "solid"
    watched.check()
    context.close()
