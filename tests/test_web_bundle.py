"""The study page's bundler: valid JavaScript, one name per top-level binding, clear errors otherwise."""

from __future__ import annotations

import re
import subprocess

import pytest
from helpers import node

import quizgen.web.page as page
from quizgen.errors import QuizgenError
from quizgen.web.page import MODULES, bundle

# a top-level declaration of the modules (they are formatted: top level starts at column 0)
TOP_LEVEL = re.compile(r"^(?:async )?(?:function\*? ?|class |const |let |var )([\w$]+)", re.MULTILINE)


def test_the_bundle_passes_node_check(tmp_path):
    """As a module: a name declared twice at the top level is a SyntaxError there too."""
    script = tmp_path / "bundle.mjs"
    script.write_text(str(bundle()), encoding="utf-8")
    result = subprocess.run([node(), "--check", str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_top_level_names_of_the_modules_are_unique():
    text = str(bundle())
    names = TOP_LEVEL.findall(text[text.index(f"// {MODULES[0]}\n") :])
    assert {"FSRS", "route"} - set(names) == {"FSRS"}  # FSRS is the vendor's wrapper, before the modules
    assert sorted({name for name in names if names.count(name) > 1}) == []


def _with(monkeypatch, module: str, text: str) -> None:
    real = page._asset
    monkeypatch.setattr(page, "_asset", lambda name: text if name == module else real(name))


@pytest.mark.parametrize(
    "module, text, message",
    [
        (
            "storage.mjs",
            '// x\nimport { $ as dollar } from "./dom.mjs";\n',
            "templates/web/storage.mjs:2: `import { a as b }` cannot be bundled; import the name as exported",
        ),
        (
            "dom.mjs",
            'import { load } from "./storage.mjs";\n',
            "templates/web/dom.mjs:1: imports storage.mjs, which comes later in web/page.py's MODULES",
        ),
        (
            "dom.mjs",
            "export default 1;\n",
            "templates/web/dom.mjs: cannot bundle `export default 1;` (only `import { … } from` and `export`)",
        ),
    ],
    ids=["alias", "later-module", "default-export"],
)
def test_what_the_bundler_cannot_keep_is_one_clear_error(monkeypatch, module, text, message):
    _with(monkeypatch, module, text)
    with pytest.raises(QuizgenError) as raised:
        bundle()
    assert str(raised.value) == message


@pytest.mark.parametrize("closing", ["</script>", "</STYLE "])
def test_a_file_that_would_close_its_own_element_is_refused(monkeypatch, tmp_path, closing):
    (tmp_path / "web").mkdir()
    (tmp_path / "web" / "dom.mjs").write_text(f"const a = '{closing}';\n")
    monkeypatch.setattr(page, "templates_dir", lambda: tmp_path)
    with pytest.raises(QuizgenError) as raised:
        page._asset("dom.mjs")
    assert str(raised.value) == "templates/web/dom.mjs: contains </script or </style; it cannot be inlined"
