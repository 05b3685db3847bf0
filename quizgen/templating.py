"""The one Jinja2 environment for everything quizgen renders: templates/, autoescaped, strict."""

from __future__ import annotations

from functools import cache

from quizgen.paths import templates_dir


@cache
def environment():
    """Autoescape on, StrictUndefined: a missing value is an error, never an empty string."""
    import jinja2  # imported here so that `quizgen --help` stays fast

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
