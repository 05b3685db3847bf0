r"""Field contents: Anki fields are HTML that Anki also searches and interprets, stored as plain text.

HTML's `&`, `<` and `>` are escaped. Anki also reads its own syntax in field text: `[sound:…]`,
`[anki:tts]` and `[latex]`/`[$]` (audio played, LaTeX compiled) by brackets, `\(…\)` and `\[…\]`
(MathJax, which reads the card's text nodes, so an entity would not stop it) by the backslash,
and `{{…}}` by braces. So `[` and `{` become entities, and a backslash is followed by an empty
element, which ends MathJax's text string there. Quotes stay characters: Anki's search matches
the stored text, so `NATO's` must keep its apostrophe to be found. Our own markup comes from Jinja
partials.
"""

from __future__ import annotations

from functools import cache

from quizgen import templating
from quizgen.cloze import DELETION
from quizgen.model import Citation

# what Jinja's autoescape writes for quotes; in text (never inside our partials' attributes,
# which hold no data) they are the characters themselves
_QUOTE_ENTITIES = {"&#39;": "'", "&#34;": '"', "&quot;": '"', "&#x27;": "'"}


_ANKI_SYNTAX = {"[": "&#91;", "{": "&#123;", "}": "&#125;", "\\": "\\<span></span>"}
_PLAIN = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **_ANKI_SYNTAX})
_AFTER_JINJA = str.maketrans(_ANKI_SYNTAX)  # our partials write none of these characters themselves


def text(value: str | None) -> str:
    """Plain YAML text as field HTML: '<script>', '[sound:x]', '\\(x\\)' and '{{x}}' show as
    written and do nothing; quotes stay characters."""
    return (value or "").translate(_PLAIN)


def cloze(value: str) -> str:
    """A checked cloze sentence as field HTML: its deletions stay Anki's, everything else is text."""
    parts, last = [], 0
    for match in DELETION.finditer(value):
        answer, has_hint, hint = match[2].partition("::")
        parts += [
            text(value[last : match.start()]),
            f"{{{{c{match[1]}::{text(answer)}",
            f"::{text(hint)}" if has_hint else "",
            "}}",
        ]
        last = match.end()
    return "".join(parts) + text(value[last:])


def more_sources(citations: tuple[Citation, ...]) -> str:
    """The further articles reporting the fact, each with its quote (empty when there are none)."""
    return render("sources.html", citations=citations) if citations else ""


def render(name: str, **context) -> str:
    # Jinja renders only these partials, never the card faces: Anki's {{Field}} syntax is not Jinja's
    rendered = _template(name).render(**context).strip()
    for entity, character in _QUOTE_ENTITIES.items():
        rendered = rendered.replace(entity, character)
    return rendered.translate(_AFTER_JINJA)  # Jinja escaped HTML; this, Anki's own syntax


@cache
def _template(name: str):
    # looked up once: the environment would otherwise check the file for changes on every note
    return templating.environment().get_template(f"anki/fields/{name}")
