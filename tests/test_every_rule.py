"""Every rule proven to fire: one breaking sample per rule code, as tldr-lint keeps one per rule.

Each sample breaks a private copy of the small fixture data set in one way, and the check must report
exactly that rule at the named file and line. A rule added to macros/rules/ without a sample here
fails test_every_rule_has_a_sample, so no rule can sit in the list without ever being shown to work.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from macros.knowledge import DataError, load_knowledge_base
from macros.rules import RULES

TODAY = datetime.date(2026, 11, 22)
WALK = "tips/take-a-walk.yaml"
NOTES = "tips/write-it-down.yaml"
LONG = (
    "Then you walk on and on, past the shops and the park and the river and the old bridge, "
    "until the worry in your head feels small."
)

# code: ([(file under data/, text to replace or None to write the file whole, new text)], "file:line")
SAMPLES: dict[str, tuple[list[tuple[str, str | None, str]], str]] = {
    "E100": ([(NOTES, None, "")], "data/tips/write-it-down.yaml:1"),
    "E101": ([(NOTES, "title: Write down what happened", "title: Write: down what happened")], f"data/{NOTES}:2"),
    "E102": ([(NOTES, "summary: Notes", "title: Again\nsummary: Notes")], f"data/{NOTES}:3"),
    "E103": (
        [(NOTES, "situations: [went-blank]", "situations: &where [went-blank]\nrelated: *where")],
        f"data/{NOTES}:11",
    ),
    "E104": ([(NOTES, "steps:\n", "steps:\n  - " + "[" * 14 + "x" + "]" * 14 + "\n")], f"data/{NOTES}:7"),
    "E105": ([("tips/more/write-it-now.yaml", None, "id: write-it-now\n")], "data/tips/more/write-it-now.yaml:1"),
    "E200": ([("themes.yaml", "    order: 2", "    order: 0")], "data/themes.yaml:9"),
    "E201": ([(NOTES, "summary: Notes help you learn from the day.\n", "")], f"data/{NOTES}:1"),
    "E202": ([(NOTES, "theme: act", "colour: blue\ntheme: act")], f"data/{NOTES}:9"),
    "E203": (
        [(NOTES, "steps:\n  - Write what they asked.\n  - Write how you answered.", "steps: Write it down.")],
        f"data/{NOTES}:6",
    ),
    "E204": ([(NOTES, 'last_reviewed: "2026-11-01"', 'last_reviewed: "2026-13-01"')], f"data/{NOTES}:15"),
    "E205": ([(NOTES, "title: Write down what happened", "title: " + "Write down " * 9)], f"data/{NOTES}:2"),
    "E206": (
        [(NOTES, "  - Write how you answered.", "  - Write how you answered.\n" + "  - Write more.\n" * 6)],
        f"data/{NOTES}:6",
    ),
    "E207": ([(NOTES, "situations: [went-blank]", "situations: [went-blank, went-blank]")], f"data/{NOTES}:11"),
    "E208": ([(NOTES, "title: Write down", "title: Write\u202e down")], f"data/{NOTES}:2"),
    "E209": (
        [
            (
                NOTES,
                "summary: Notes help you learn from the day.",
                "summary: Pausing for a slow breath before each answer gives your racing mind a rest.",
            )
        ],
        f"data/{NOTES}:3",
    ),
    "E301": ([(NOTES, "theme: act", "theme: acts")], f"data/{NOTES}:9"),
    "E302": ([("themes.yaml", "  - id: act", "  - id: calm")], "data/themes.yaml:6"),
    "E303": ([(NOTES, "id: write-it-down", "id: write-it-up")], f"data/{NOTES}:1"),
    "E304": (
        [
            (
                "stages.yaml",
                "    order: 2\n",
                "    order: 2\n  - id: spare\n    title: Spare\n    description: Not used.\n    order: 3\n",
            )
        ],
        "data/stages.yaml:10",
    ),
    "E305": (
        [("templates/thank-you.yaml", "Thank you for your time today.", "Thank you for the {role} interview.")],
        "data/templates/thank-you.yaml:5",
    ),
    "E306": (
        [("checklists/recovery.yaml", "  - stage: later", "  - stage: today")],
        "data/checklists/recovery.yaml:10",
    ),
    "E307": ([], "data/themes.yaml:6"),  # the docs folder below has a page for calm only
    "E308": (
        [
            (
                "checklists/recovery.yaml",
                "        tip: write-it-down\n",
                "        tip: write-it-down\n"
                + "".join(
                    f"      - id: more-{n}\n        text: Rest.\n        tip: write-it-down\n" for n in range(17)
                ),
            )
        ],
        "data/checklists/recovery.yaml:4",
    ),
    "E310": (
        [(NOTES, "sources:\n  - id: first-source\n    says: Notes keep the details for later.\n", "sources: []\n")],
        f"data/{NOTES}:12",
    ),
    "E311": (
        [(NOTES, "  - id: first-source\n    says: Notes keep the details for later.\n", "  - id: first-source\n")],
        f"data/{NOTES}:13",
    ),
    "E312": (
        [
            (
                NOTES,
                "last_reviewed:",
                "sources_differ:\n  question: Now or later?\n  opposed_by:\n    - id: first-source\n"
                "      says: Wait a week before you write.\n  view: Write soon.\nlast_reviewed:",
            )
        ],
        f"data/{NOTES}:18",
    ),
    "E322": (
        [
            (
                file,
                "last_reviewed:",
                "sources_differ:\n  question: Walk or rest?\n  opposed_by:\n    - id: second-source\n"
                "      says: Rest on the sofa for an hour.\n      instead: take-a-walk\n"
                "  view: Either.\nlast_reviewed:",
            )
            for file in ("tips/breathe-slowly.yaml", NOTES)
        ],
        f"data/{NOTES}:20",
    ),
    "E323": (
        [
            (
                NOTES,
                "last_reviewed:",
                "sources_differ:\n  question: Now or later?\n  opposed_by:\n    - id: second-source\n"
                "      says: It does not mention notes.\n  view: Write soon.\nlast_reviewed:",
            )
        ],
        f"data/{NOTES}:19",
    ),
    "E324": (
        [
            (
                NOTES,
                "last_reviewed:",
                "sources_differ:\n  question: Now or later?\n  agreed_by: [second-source]\n  opposed_by:\n"
                "    - id: second-source\n      says: Wait a week before you write.\n"
                "  view: Write soon.\nlast_reviewed:",
            )
        ],
        f"data/{NOTES}:17",
    ),
    "E313": (
        [
            (
                "sources.yaml",
                "    url: https://example.org/second\n",
                "    url: https://example.org/second\n  - id: third-source\n    title: A third\n"
                "    publisher: Nobody\n    url: https://example.org/third\n",
            )
        ],
        "data/sources.yaml:13",
    ),
    "E314": ([(NOTES, "situations: [went-blank]\n", "")], f"data/{NOTES}:1"),
    "E315": ([(NOTES, "situations: [went-blank]\n", "in_every_plan: true\n")], "data/situations.yaml:2"),
    "E316": ([("tips/breathe-slowly.yaml", "written_for: [went-blank]\n", "")], "data/situations.yaml:2"),
    "E317": (
        [(NOTES, "situations: [went-blank]", "situations: [went-blank]\nwritten_for: [late]")],
        f"data/{NOTES}:12",
    ),
    "E318": (
        [("situations.yaml", "      - id: first-source\n", "      - id: second-source\n")],
        "data/tips/breathe-slowly.yaml:16",
    ),
    "E319": (
        [("tips/breathe-slowly.yaml", "    finding: supports\n", "    finding: supports\n    in_a_programme: true\n")],
        "data/tips/breathe-slowly.yaml:20",
    ),
    "E325": (
        [("research.yaml", "found: People who walked felt calmer.", "found: 30% of people who walked felt calmer.")],
        "data/research.yaml:11",
    ),
    "E320": ([("help.yaml", "        kind: listening", "        kind: careers")], "data/help.yaml:8"),
    "E321": (
        [
            (
                "help.yaml",
                "    emergency_checked:\n      - url: https://example.org/emergency\n        title: When to call 999\n"
                '        checked_on: "2026-11-01"\n',
                "",
            )
        ],
        "data/help.yaml:3",
    ),
    "S401": ([(NOTES, "You forget details fast.", LONG)], f"data/{NOTES}:4"),
    "S402": (
        [
            (
                NOTES,
                "You forget details fast. A few notes keep them for later.",
                "Contemporaneous documentation facilitates subsequent reconceptualisation of organisational "
                "interactions. Retrospective examination necessitates comprehensive, unambiguous recollections.",
            )
        ],
        f"data/{NOTES}:1",
    ),
    "S403": (
        [
            (
                "checklists/recovery.yaml",
                "text: Write down what happened.",
                "text: Write down what happened in the room, who said what, and how you felt then.",
            )
        ],
        "data/checklists/recovery.yaml:13",
    ),
    "S404": (
        [(NOTES, "summary: Notes help you learn from the day.", "summary: Notes help. They keep the day.")],
        f"data/{NOTES}:3",
    ),
    "S405": ([(NOTES, "title: Write down what happened", "title: WRITE DOWN WHAT HAPPENED")], f"data/{NOTES}:2"),
    "S406": ([(NOTES, "You forget details fast.", "You forget <b>details</b> fast.")], f"data/{NOTES}:4"),
    "S407": (
        [(NOTES, "You forget details fast.", "You forget [details](https://example.com/elsewhere) fast.")],
        f"data/{NOTES}:4",
    ),
    "S408": (
        [(NOTES, "  - Write how you answered.", "  - Write how you answered. - Write how they looked.")],
        f"data/{NOTES}:8",
    ),
    "W501": ([(NOTES, 'last_reviewed: "2026-11-01"', 'last_reviewed: "2024-01-01"')], f"data/{NOTES}:15"),
    "W502": ([("fingerprints/second-source.txt", None, None)], "data/sources.yaml:9"),
    "W503": ([("help.yaml", 'page_date: "2025-03-01"', 'page_date: "2015-03-20"')], "data/help.yaml:17"),
}


def reports(data_dir: Path, docs_dir: Path) -> list[str]:
    """The first line of every problem and warning the check reports."""
    try:
        kb = load_knowledge_base(data_dir, docs_dir, today=TODAY)
    except DataError as error:
        return [str(problem).splitlines()[0] for problem in error.problems]
    return [str(warning).splitlines()[0] for warning in kb.warnings]


def test_every_rule_has_a_sample():
    assert sorted(SAMPLES) == sorted(RULES)


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_the_sample_fires_its_rule_at_its_file_and_line(data_dir, tmp_path, code):
    docs = tmp_path / "docs"
    (docs / "themes").mkdir(parents=True)
    for theme in ("calm", "act"):
        (docs / "themes" / f"{theme}.md").write_text(f"# {theme}\n", encoding="utf-8")
    if code == "E307":
        (docs / "themes" / "act.md").unlink()
    edits, where = SAMPLES[code]
    for file, old, new in edits:
        path = data_dir / file
        if new is None:
            path.unlink()
        elif old is None:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} is not in {file}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")
    found = reports(data_dir, docs)
    assert any(line.startswith(f"{where}: {code} ") for line in found), found
