"""Field contents: Anki fields are HTML, so YAML text is escaped and our markup comes from Jinja."""

from __future__ import annotations

import html
from functools import lru_cache

from quizgen.model import Fact, Source
from quizgen import templating

_QUOTE_SLOT = "\x00quizgen-quote\x00"  # stands for the quote while the source's block is rendered once


def text(value: str | None) -> str:
    """Plain YAML text as field HTML: '<script>' and '&' show as written, never as markup."""
    return html.escape(value or "")


def source_block(fact: Fact) -> str:
    # many notes share a source: its block is rendered once, and each note's quote set in escaped
    # exactly as the template escapes it (autoescape), so the field is the same as a full render
    before, after = _source_frame(fact.source)
    if before is None:
        return render("source.html", source=fact.source, quote=fact.quote)
    from markupsafe import escape

    return (before + str(escape(fact.quote)) + after).strip()


@lru_cache(maxsize=1024)
def _source_frame(source: Source) -> tuple[str | None, str]:
    """The source block split where the quote goes, or None if the template does more with it."""
    rendered = _template("source.html").render(source=source, quote=_QUOTE_SLOT)
    if rendered.count(_QUOTE_SLOT) != 1:
        return None, ""
    before, after = rendered.split(_QUOTE_SLOT)
    return before, after


def options_list(options: tuple[str, ...], right: int | None) -> str:
    """The lettered options; with `right`, that option is marked (for the back of the card)."""
    return render("options.html", options=options, right=right)


@lru_cache(maxsize=None)
def stance_note(stance: str) -> str:
    return render("stance.html", stance=stance)


def render(name: str, **context) -> str:
    # Jinja renders only these partials, never the card faces: Anki's {{Field}} syntax is not Jinja's
    return _template(name).render(**context).strip()


@lru_cache(maxsize=None)
def _template(name: str):
    # looked up once: the environment would otherwise check the file for changes on every note
    return templating.environment().get_template(f"anki/fields/{name}")
