"""The study page as one self-contained HTML file: template, styles, one inlined module script and data."""

from __future__ import annotations

import base64
import hashlib
import re

from markupsafe import Markup

from quizgen.errors import QuizgenError
from quizgen.model import Bank
from quizgen.paths import templates_dir
from quizgen.templating import environment
from quizgen.web.data import script_json, study_data

TS_FSRS_VERSION = "5.4.2"
VENDOR = f"vendor/ts-fsrs-{TS_FSRS_VERSION}.umd.js"
# the page's ES modules, each after the modules it imports
MODULES = (
    "dom.mjs",
    "storage.mjs",
    "legacy.mjs",
    "progress.mjs",
    "apart.mjs",
    "cards.mjs",
    "typed.mjs",
    "view.mjs",
    "timeline.mjs",
    "stats.mjs",
    "manage.mjs",
    "list.mjs",
    "theme.mjs",
    "exam.mjs",
    "app.mjs",
)
# `import { a, b } from "./x.mjs";` (no `as`: the bundle keeps one name per binding)
_IMPORT = re.compile(r'^import \{([\w$, ]+)\} from "\./([\w-]+\.mjs)";\n', re.MULTILINE)
_EXPORT = re.compile(r"^export (?=const |function |class )", re.MULTILINE)


def render_page(bank: Bank) -> str:
    """index.html for the bank: it needs nothing else, so it works from file:// and any static host."""
    style, script = _asset("study.css"), bundle()
    return (
        environment()
        .get_template("web/index.html")
        .render(
            title=bank.title,
            deck=bank.name,
            ts_fsrs_version=TS_FSRS_VERSION,
            data=Markup(script_json(study_data(bank))),
            style=style,
            style_hash=csp_hash(style),
            script=script,
            script_hash=csp_hash(script),
            ts_fsrs_license=_asset("vendor/ts-fsrs-LICENSE.txt").replace("--", "- -"),
        )
    )


def bundle() -> Markup:
    """The modules as one module script: imports resolved by order, so nothing is global.

    ts-fsrs' UMD file runs in its CommonJS branch inside a function, so even FSRS is a local name.
    """
    parts = [
        "const FSRS = (() => {\nconst module = { exports: {} };\nconst exports = module.exports;\n",
        _asset(VENDOR),
        "\nreturn module.exports;\n})();\n",
    ]
    done: set[str] = set()
    for name in MODULES:
        text = str(_asset(name))
        for found in _IMPORT.finditer(text):
            where = f"templates/web/{name}:{text.count(chr(10), 0, found.start()) + 1}"
            if " as " in found[1]:
                raise QuizgenError(f"{where}: `import {{ a as b }}` cannot be bundled; import the name as exported")
            if found[2] not in done:
                raise QuizgenError(f"{where}: imports {found[2]}, which comes later in web/page.py's MODULES")
        code = _EXPORT.sub("", _IMPORT.sub("", text))
        if left := re.search(r"^(import|export)\b.*", code, re.MULTILINE):
            raise QuizgenError(
                f"templates/web/{name}: cannot bundle `{left[0]}` (only `import {{ … }} from` and `export`)"
            )
        parts.append(f"// {name}\n{code}")
        done.add(name)
    return Markup("".join(parts))


def csp_hash(text: str) -> str:
    """The CSP source that allows exactly this inline element's text."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _asset(name: str) -> Markup:
    """A file of ours from templates/web/, inlined verbatim (it is code, never bank text)."""
    text = (templates_dir() / "web" / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():  # it would close its own element
        raise QuizgenError(f"templates/web/{name}: contains </script or </style; it cannot be inlined")
    return Markup(text)
