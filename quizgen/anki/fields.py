"""Field contents: Anki fields are HTML that Anki also searches, so text is stored as characters.

Only `&`, `<` and `>` are escaped: Anki's search matches the stored field text, so `NATO's` must
be stored with its apostrophe (not `&#39;`) to be found. Our own markup comes from Jinja partials.
"""

from __future__ import annotations

from functools import cache

from quizgen import templating
from quizgen.model import Citation

# what Jinja's autoescape writes for quotes; in text (never inside our partials' attributes,
# which hold no data) they are the characters themselves
_QUOTE_ENTITIES = {"&#39;": "'", "&#34;": '"', "&quot;": '"', "&#x27;": "'"}


def text(value: str | None) -> str:
    """Plain YAML text as field HTML: '<script>' and '&' show as written, quotes stay characters."""
    return (value or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def more_sources(citations: tuple[Citation, ...]) -> str:
    """The further articles reporting the fact, each with its quote (empty when there are none)."""
    return render("sources.html", citations=citations) if citations else ""


def render(name: str, **context) -> str:
    # Jinja renders only these partials, never the card faces: Anki's {{Field}} syntax is not Jinja's
    rendered = _template(name).render(**context).strip()
    for entity, character in _QUOTE_ENTITIES.items():
        rendered = rendered.replace(entity, character)
    return rendered


@cache
def _template(name: str):
    # looked up once: the environment would otherwise check the file for changes on every note
    return templating.environment().get_template(f"anki/fields/{name}")
