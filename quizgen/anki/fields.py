"""Field contents: Anki fields are HTML, so YAML text is escaped and our markup comes from Jinja."""

from __future__ import annotations

import html
from quizgen.model import Fact
from quizgen import templating


def text(value: str | None) -> str:
    """Plain YAML text as field HTML: '<script>' and '&' show as written, never as markup."""
    return html.escape(value or "")


def source_block(fact: Fact) -> str:
    return render("source.html", source=fact.source, quote=fact.quote)


def options_list(options: tuple[str, ...], right: int | None) -> str:
    """The lettered options; with `right`, that option is marked (for the back of the card)."""
    return render("options.html", options=options, right=right)


def stance_note(stance: str) -> str:
    return render("stance.html", stance=stance)


def render(name: str, **context) -> str:
    # Jinja renders only these partials, never the card faces: Anki's {{Field}} syntax is not Jinja's
    return templating.environment().get_template(f"anki/fields/{name}").render(**context).strip()
