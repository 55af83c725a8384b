"""Hostile and broken contributions, from tests/hostile/: each one fails with file:line, or renders as inert text.

Every case goes through the real checker (`python -m macros.commands.check`) in its own
copy of the data, in a subprocess with a time limit. Failing cases name the
file, line and rule code, never a traceback. A representative handful also go
through `mkdocs build`, which must stop before it creates or changes the site.
All the inert cases go together into one copy of the project and one build,
whose every page is then searched for anything that came alive.
"""

from __future__ import annotations

import concurrent.futures
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.knowledge import DataError, load_knowledge_base
from macros.problems import printable
from support.browser import CSP_RECORDER
from support.html import Page
from support.project import PROJECT, build, copy_project
from support.server import serve

HOSTILE = PROJECT / "tests" / "hostile"
CHECK_SECONDS = 10  # a case that takes longer has hung; a run of the checker takes about half a second


@dataclass(frozen=True)
class Case:
    name: str
    expect: str  # "E101:12" (rule code and line in the first file below), or "inert"
    parts: tuple = ()  # (file in tests/hostile/, where it goes, "add" | "append" | "replace"); default: one new tip
    shows: str = ""  # for inert cases: text that must appear, as text, on the built site

    def files(self):
        return self.parts or ((f"{self.name}.yaml", f"data/tips/{self.name}.yaml", "add"),)

    @property
    def target(self) -> str:
        return self.files()[0][1]


def tip(name):
    return (f"{name}.yaml", f"data/tips/{name}.yaml", "add")


def into(kind_file, name, suffix=None):
    return (f"{name}.{suffix}.yaml" if suffix else f"{name}.yaml", kind_file, "append")


CASES = [
    # broken YAML
    Case("syntax-unclosed-quote", "E101:13"),  # the quote runs on and breaks at the last line
    Case("syntax-bad-indent", "E101:9"),
    Case("syntax-missing-colon", "E101:11"),
    Case("syntax-tab-indent", "E101:7"),
    Case("syntax-two-documents", "E101:14"),
    Case("syntax-key-is-a-list", "E101:14"),
    Case("duplicate-key", "E102:11"),
    Case("python-object-tag", "E101:14"),
    Case("custom-include-tag", "E101:5"),
    Case("nul-byte", "E101:5"),
    Case("empty", "E100:1"),
    Case("only-comments", "E100:1"),
    Case("only-null", "E100:1"),
    Case("not-utf8-latin1", "E100:5"),
    Case("not-utf8-utf16", "E100:1"),
    Case("yml-file-ending", "E100:1", (("missing-field.yaml", "data/tips/yml-file-ending.yml", "add"),)),
    Case("folder-named-like-a-tip", "E100:1", ((None, "data/tips/folder-named-like-a-tip.yaml", "folder"),)),
    Case("symlink-to-system-file", "E100:1", (("/etc/passwd", "data/tips/symlink-to-system-file.yaml", "symlink"),)),
    # attacks on time and memory
    Case("alias-bomb", "E103:2"),
    Case("merge-key", "E103:2"),
    Case("deep-nesting", "E104:14"),
    Case("five-megabyte-string", "E100:1", ((None, "data/tips/five-megabyte-string.yaml", "five-megabytes"),)),
    Case("many-steps", "E206:6"),
    # wrong types, fields and values
    Case("wrong-type-steps-text", "E203:6"),
    Case("wrong-type-title-number", "E203:3"),
    Case("wrong-type-theme-bool", "E203:9"),
    Case("wrong-type-summary-null", "E205:4"),
    Case("wrong-type-why-binary", "E203:5"),
    Case("wrong-type-whole-file-list", "E203:2"),
    Case("missing-field", "E201:2"),
    Case("unknown-field", "E202:14"),
    Case("title-too-long", "E205:3"),
    Case("empty-title", "E205:3"),
    Case("bad-date", "E204:13"),
    Case("future-date", "E204:13"),
    Case("id-path-traversal", "E204:2"),
    Case("id-upper-case", "E204:2"),
    Case("id-newline", "E204:2"),
    Case("id-does-not-match-file", "E303:2"),
    Case("duplicate-list-value", "E207:11"),
    Case(
        "jinja-in-template-body",
        "E305:9",
        (("jinja-in-template-body.yaml", "data/templates/jinja-in-template-body.yaml", "add"),),
    ),
    # references between files
    Case("unknown-theme", "E301:9"),
    Case("unknown-source", "E301:11"),
    Case("unknown-related-tip", "E301:14"),
    Case("related-to-itself", "E301:14"),
    Case("duplicate-source-id", "E302:+1", (into("data/sources.yaml", "duplicate-source-id"),)),
    Case("source-javascript-url", "E204:+4", (into("data/sources.yaml", "source-javascript-url"),)),
    Case("source-url-breaks-attribute", "E204:+4", (into("data/sources.yaml", "source-url-breaks-attribute"),)),
    # hidden, direction-changing and control characters
    Case("rtl-override-in-id", "E208:2"),
    Case("zero-width-in-id", "E208:2"),
    Case("rtl-override-in-title", "E208:3"),
    Case("zero-width-in-summary", "E208:4"),
    Case("byte-order-mark-inside", "E208:5"),
    Case("control-characters-in-title", "E208:3"),
    # markup, links, attributes and template syntax in every text field: shown as text, never run
    Case("inert-html-in-tip-fields", "S406:3"),  # HTML in a tip is refused (it renders inert too: test_security.py)
    Case("inert-jinja-in-tip-fields", "inert", shows="Walk HX02 {{ 7*191 }} now {# note #}"),
    Case("inert-attribute-injection-in-tip", "S406:18"),
    Case("inert-dangerous-links", "S407:7"),  # a link to a site the tip does not cite is refused
    Case("inert-markdown-images-and-entities", "S407:7"),
    Case(
        "inert-right-to-left-and-emoji",
        "inert",
        shows="Walk HX06 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 now",
    ),
    Case("inert-byte-order-mark-at-start", "inert", shows="Walk HX14 now"),
    Case(
        "inert-source-fields",
        "inert",
        (into("data/sources.yaml", "inert-source-fields", "sources"), tip("inert-source-fields")),
        shows='HX07 <script>alert(1)</script> {{ 7*191 }} " onmouseover="alert(1)',
    ),
    Case(
        "inert-stage-fields",
        "inert",
        (into("data/stages.yaml", "inert-stage-fields", "stages"), tip("inert-stage-fields")),
        shows="HX08 <img src=x onerror=alert(1)> \" onmouseover=\"alert(1) {% include 'base.html' %}",
    ),
    Case(
        "inert-theme-fields",
        "inert",
        (
            into("data/themes.yaml", "inert-theme-fields", "themes"),
            ("inert-theme-fields.md", "docs/themes/inert-theme.md", "add"),
            tip("inert-theme-fields"),
        ),
        shows="HX09 <script>alert(1)</script> {{ 7*191 }}",
    ),
    Case(
        "inert-situation-fields",
        "inert",
        (
            into("data/situations.yaml", "inert-situation-fields", "situations"),
            tip("inert-situation-fields"),
            tip("inert-situation-fields-b"),
            tip("inert-situation-fields-c"),
        ),
    ),  # a situation needs three tips
    Case(
        "inert-checklist-fields",
        "inert",
        (("inert-checklist-fields.yaml", "data/checklists/inert-checklist-fields.yaml", "add"),),
    ),
    Case(
        "inert-template-fields",
        "inert",
        (("inert-template-fields.yaml", "data/templates/inert-template-fields.yaml", "add"),),
    ),
    Case("inert-reflection-fields", "inert", (("inert-reflection-fields.yaml", "data/reflection.yaml", "replace"),)),
]
FAILING = [case for case in CASES if case.expect != "inert"]
INERT = [case for case in CASES if case.expect == "inert"]
# A handful of failing cases, one of each kind of failure, also go through the real `mkdocs build`.
BUILT = [
    "syntax-tab-indent",
    "alias-bomb",
    "five-megabyte-string",
    "not-utf8-latin1",
    "python-object-tag",
    "unknown-source",
    "duplicate-source-id",
    "control-characters-in-title",
]


def place(case: Case, project: Path):
    """Put a case's files into a copy of the project."""
    for source, target, mode in case.files():
        path = project / target
        if mode == "folder":
            path.mkdir()
        elif mode == "symlink":
            path.symlink_to(source)
        elif mode == "five-megabytes":
            text = (HOSTILE / "missing-field.yaml").read_text(encoding="utf-8")
            path.write_text(text + "summary: " + "calm " * 1_000_000 + "\n", encoding="utf-8")
        elif mode == "append":
            path.write_bytes(path.read_bytes() + (HOSTILE / source).read_bytes())
        else:
            path.write_bytes((HOSTILE / source).read_bytes())


def expected_line(case: Case) -> int:
    """The expected line; "+N" counts from the end of the real file that the case is appended to."""
    line = case.expect.split(":")[1]
    if line.startswith("+"):
        return len((PROJECT / case.target).read_text(encoding="utf-8").splitlines()) + int(line)
    return int(line)


def run_check(case: Case, root: Path) -> subprocess.CompletedProcess:
    project = root / case.name
    project.mkdir()
    shutil.copytree(PROJECT / "data", project / "data")
    shutil.copytree(PROJECT / "docs", project / "docs")
    place(case, project)
    return subprocess.run(
        [sys.executable, "-m", "macros.commands.check", str(project / "data"), "--docs", str(project / "docs")],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=CHECK_SECONDS,
    )


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every case through the checker, two at a time (the machine has two cores)."""
    root = tmp_path_factory.mktemp("hostile-check")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        futures = {case.name: pool.submit(run_check, case, root) for case in CASES}
    results = {}
    for name, future in futures.items():
        try:
            results[name] = future.result()
        except subprocess.TimeoutExpired:
            results[name] = None
    return results


def test_the_corpus_is_large_and_every_file_is_used():
    assert len(CASES) >= 40 and len({case.name for case in CASES}) == len(CASES)
    used = {source for case in CASES for source, _, mode in case.files() if mode in ("add", "append", "replace")}
    assert {path.name for path in HOSTILE.iterdir()} <= used | {"README.md"}


@pytest.mark.parametrize("case", FAILING, ids=lambda case: case.name)
def test_failing_case_names_file_line_and_rule(checked, case):
    result = checked[case.name]
    assert result is not None, f"the checker ran for more than {CHECK_SECONDS} s"
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    code = case.expect.split(":")[0]
    assert f"{case.target}:{expected_line(case)}: {code} " in result.stderr, result.stderr
    # every line of the report is plain, printable text: no terminal escapes, no hidden characters
    assert all(line.isprintable() for line in result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize("case", INERT, ids=lambda case: case.name)
def test_inert_case_passes_the_checker(checked, case):
    result = checked[case.name]
    assert result is not None and result.returncode == 0, result and result.stderr
    assert "data OK" in result.stdout


def _build_case(name: str, root: Path):
    case = next(case for case in CASES if case.name == name)
    project = copy_project(root / name)
    place(case, project)
    return case, project, build(project)


def test_failing_cases_stop_the_build_before_any_site_exists(tmp_path):
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda name: _build_case(name, tmp_path), BUILT))
    for case, project, result in results:
        assert result.returncode != 0, case.name
        assert f"{case.target}:{expected_line(case)}: {case.expect.split(':')[0]} " in result.stderr, result.stderr
        assert "Traceback" not in result.stderr, case.name
        assert not (project / "site").exists(), f"{case.name}: a half-built site was left behind"


def test_a_failing_build_leaves_the_old_site_untouched(tmp_path):
    case = next(case for case in CASES if case.name == "unknown-source")
    project = copy_project(tmp_path / "project")
    old_page = project / "site" / "index.html"
    old_page.parent.mkdir()
    old_page.write_text("the site as it was", encoding="utf-8")
    place(case, project)
    assert build(project).returncode != 0
    assert [path.name for path in (project / "site").iterdir()] == ["index.html"]
    assert old_page.read_text(encoding="utf-8") == "the site as it was"


# ---- the inert cases, all in one build --------------------------------------------

DANGEROUS_URL = re.compile(r"^(javascript|vbscript|data|file):", re.I)
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "srcset"}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile-inert"))
    for case in INERT:
        place(case, project)
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def hostile_pages(hostile_site) -> dict[str, Page]:
    return {
        path.relative_to(hostile_site).as_posix(): Page(path.read_text(encoding="utf-8"))
        for path in sorted(hostile_site.rglob("*.html"))
    }


# Elements no contribution may add: the hostile build holds no more of them than the real one.
COUNTED = ("script", "style", "img", "iframe", "frame", "object", "embed", "base", "meta", "link")


def test_nothing_from_the_data_becomes_an_element_or_attribute(hostile_pages, built_site):
    for name, page in hostile_pages.items():
        real = built_site / name
        real_page = Page(
            (real if real.exists() else built_site / "themes" / "mindset" / "index.html").read_text(encoding="utf-8")
        )
        for tag in COUNTED:
            assert page.count(tag) <= real_page.count(tag), f"{name}: an extra <{tag}>"
        for tag, attributes in page.elements:
            where = f"{name}: <{tag} {attributes}>"
            assert not (tag == "meta" and "refresh" in attributes.get("http-equiv", "").lower()), where
            assert not [key for key in attributes if key.startswith("on") or key == "style"], where
            assert "evil" not in attributes.get("class", "") and "evil" not in attributes.get("id", ""), where
            for key in URL_ATTRIBUTES & set(attributes):
                value = re.sub(r"[\x00-\x20]", "", attributes[key])
                assert not DANGEROUS_URL.match(value) or (tag == "img" and value.startswith("data:image/")), where
            loads = tag in {"img", "script", "source", "video", "audio"} or (
                tag == "link"
                and attributes.get("rel") in {"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"}
            )
            if loads:
                url = attributes.get("src") or attributes.get("href") or ""
                assert not re.match(r"^([a-z]+:)?//", url, re.I), f"{where}: loads from another host"
        assert not [script for script in page.inline_scripts if "alert" in script], name


def test_template_syntax_never_runs(hostile_pages):
    for name, page in hostile_pages.items():
        assert "1337" not in "".join(page.text), f"{name}: {{{{ 7*191 }}}} was run"


@pytest.mark.parametrize("case", [case for case in INERT if case.shows], ids=lambda case: case.name)
def test_hostile_text_shows_as_text(hostile_pages, case):
    shown = [name for name, page in hostile_pages.items() if case.shows in " ".join("".join(page.text).split())]
    assert shown, f"{case.shows!r} is not shown as text on any page"


def test_every_tip_case_reaches_a_page(hostile_pages):
    """Inert tips are shown, not dropped: each marker is on its theme page."""
    text = " ".join("".join(page.text) for page in hostile_pages.values())
    for case in INERT:
        if any(target.startswith("data/tips/") for _, target, _ in case.files()):
            marker = re.search(r"HX\d\d", (HOSTILE / f"{case.name}.yaml").read_text(encoding="utf-8")).group(0)
            assert marker in text, case.name


def test_hostile_site_in_the_browser_runs_nothing(browser, hostile_site):
    """Every page of the hostile build, and its search results, in Chromium: no dialog, no policy violation."""
    with serve(hostile_site) as url:
        dialogs, errors = visit_every_page(browser, hostile_site, url)
    assert dialogs == [] and errors == []


def visit_every_page(browser, hostile_site, url) -> tuple[list, list]:
    context = browser.new_context()
    context.add_init_script(CSP_RECORDER)
    dialogs, errors = [], []
    try:
        pages = sorted(
            path.relative_to(hostile_site).as_posix().removesuffix("index.html")
            for path in hostile_site.rglob("*.html")
            if path.name != "404.html"
        )
        for path in pages:
            page = context.new_page()
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.goto(url + path)
            if path == "":
                page.get_by_role("textbox", name="Search").click()
                page.keyboard.type("HX01 HX03 HX07")
                page.locator(".md-search-result__item").first.wait_for()
            errors.extend(page.evaluate("window.__cspViolations"))
            injected = page.evaluate("""() => [...document.querySelectorAll('*')].filter((element) =>
                [...element.attributes].some((attribute) => attribute.name.startsWith('on'))
                || element.matches('img[src=x], iframe, object, embed, .evil')).map((element) => element.outerHTML)""")
            assert injected == [], f"{path}: {injected}"
            page.close()
    finally:
        context.close()
    return dialogs, errors


# ---- the fixes these cases led to -------------------------------------------------


def test_printable_shows_control_and_hidden_characters_as_escapes():
    assert printable("a\x1b[2Jb\nc\u202ed") == "a\\x1b[2Jb\\nc\\u202ed"
    assert printable("Caf\u00e9 \u05e9\u05dc\u05d5\u05dd") == "Caf\u00e9 \u05e9\u05dc\u05d5\u05dd"


def test_an_id_may_not_end_with_a_newline(data_dir):
    path = data_dir / "tips" / "write-it-down.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("theme: act", 'theme: "act\\n"'), encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_knowledge_base(data_dir)
    assert "E204 theme: 'act\\n' is not a valid id" in str(error.value)


def test_a_symbolic_link_is_refused(data_dir):
    (data_dir / "tips" / "linked.yaml").symlink_to(data_dir / "tips" / "write-it-down.yaml")
    with pytest.raises(DataError) as error:
        load_knowledge_base(data_dir)
    assert "data/tips/linked.yaml:1: E100 is a symbolic link" in str(error.value)


def test_python_tags_on_lists_are_refused_not_ignored(data_dir):
    path = data_dir / "tips" / "write-it-down.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("theme: act", "theme: !!python/tuple [act]"), encoding="utf-8"
    )
    with pytest.raises(DataError) as error:
        load_knowledge_base(data_dir)
    assert "E101 YAML tags such as !!python/tuple are not allowed" in str(error.value)


def test_syllables_match_pyphen_for_every_word_we_publish():
    """macros/check/style.py reads pyphen's English patterns itself, for speed; it must find the same
    hyphenation points as pyphen does, so reading ease stays textstat's."""
    import re

    import pyphen

    from macros.check.style import syllables

    hyphenator = pyphen.Pyphen(lang="en_US")
    words = {"", "a", "ab", "abc", "2026", "snake_case", "affinity’", "ﬁnancial", "İstanbul", "co-operate"}
    for path in [*PROJECT.glob("docs/**/*.md"), *PROJECT.glob("data/**/*.yaml"), *HOSTILE.glob("*.yaml")]:
        text = path.read_bytes().decode("utf-8", errors="replace").lower()
        words.update(re.sub(r"[^\w\s]", "", text).split())
    assert len(words) > 1000
    wrong = {
        word: (syllables(word), len(hyphenator.positions(word)) + 1)
        for word in words
        if syllables(word) != len(hyphenator.positions(word)) + 1
    }
    assert not wrong


def test_reading_ease_is_textstats_own():
    """macros/check/style.py computes Flesch reading ease itself; it must agree with textstat 0.7.3 to the digit."""
    import textstat
    import yaml as pyyaml

    from macros.check.style import reading_ease

    texts = [
        "",
        "Hi.",
        "Go. Now. Run fast to the shop and back.",
        "Don't panic! It's fine... really? Yes.",
        "Reconceptualise the subsequently indeterminate organisational infrastructure.",
    ]
    for path in sorted((PROJECT / "data" / "tips").glob("*.yaml")) + sorted(HOSTILE.glob("inert-*.yaml")):
        data = pyyaml.safe_load(path.read_text(encoding="utf-8-sig"))
        texts += [value for value in data.values() if isinstance(value, str)] if isinstance(data, dict) else []
    for text in texts:
        assert reading_ease(text) == textstat.flesch_reading_ease(text), text
